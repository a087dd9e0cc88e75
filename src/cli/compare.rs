//! `chainmap compare FILE --template ID [--chain CHAIN] [--json]`: a project's chain set against
//! a reference chain (全景图 vs 现状): every reference stage and product, covered, weak or
//! missing, and the gaps the reference chain adds, with their priority. The matching saved in
//! the project is used when it is for that template; else the suggested one
//! (`reference::matching::suggest`), as the compare dialog would pre-fill it.

use super::templates::pad_right;
use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::analysis::{AnalysisOptions, Gap, GapOrigin, analyze_with};
use crate::i18n::Lang;
use crate::model::{ChainId, Project};
use crate::reference::compare::Comparison;
use crate::reference::{self, Template};
use serde_json::json;
use std::io::Write;
use std::path::Path;

/// What the command was asked.
pub(super) struct Request {
    pub template: String,
    pub chain: Option<String>,
    pub json: bool,
}

pub(super) fn compare(
    path: &Path,
    request: Request,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let catalogue = reference::builtin();
    let Some(template) = catalogue.find(&request.template) else {
        let ids = catalogue.ids().join(", ");
        let id = &request.template;
        let message = match lang {
            Lang::Zh => {
                format!("没有编号为“{id}”的参考链;可用的有:{ids}(chainmap templates 列出名称)")
            }
            Lang::En => format!(
                "unknown reference chain \"{id}\"; the reference chains are: {ids} (chainmap templates lists their names)"
            ),
        };
        writeln!(err, "{}: {message}", lang.pick("错误", "error"))?;
        return Ok(EXIT_PROBLEM);
    };
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let Some(chain) = chain_to_compare(&project, template, request.chain, path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let (matching, saved) = match project.references.get(&chain) {
        Some(m) if m.template == template.id() => (m.clone(), true),
        _ => (
            reference::matching::suggest(template, &project, &chain),
            false,
        ),
    };
    let analysis = analyze_with(
        &project,
        &AnalysisOptions {
            chain: Some(chain.clone()),
            year: None,
        },
        &[(&matching, template)],
    );
    let Some(comparison) = analysis.comparisons.iter().find(|c| c.chain == chain) else {
        return Ok(EXIT_PROBLEM);
    };
    let gaps: Vec<&Gap> = analysis
        .gaps
        .iter()
        .filter(|g| g.origin == GapOrigin::Reference)
        .collect();
    if request.json {
        let doc = json!({
            "template": template.id(),
            "chain": chain,
            "matching": if saved { "saved" } else { "suggested" },
            "stale": comparison.stale,
            "stages": comparison.stages.iter().map(|s| json!({
                "id": s.reference,
                "name": s.name,
                "project_stage": s.project,
                "status": s.status.code(),
            })).collect::<Vec<_>>(),
            "products": comparison.products.iter().map(|p| json!({
                "stage": p.reference_stage,
                "name": p.name,
                "project_name": p.project_name,
                "required": p.required,
                "status": p.status.code(),
            })).collect::<Vec<_>>(),
            "gaps": gaps.iter().map(|g| crate::analysis::gaps::gap_json(g, lang)).collect::<Vec<_>>(),
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let shown = Shown {
        project: &project,
        template,
        saved,
        lang,
    };
    shown.print(comparison, &gaps, out)?;
    Ok(EXIT_OK)
}

/// The chain asked for; else the one whose saved matching is for the template; else the
/// first. None (said on `err`) when the project has no such chain, or none at all.
fn chain_to_compare(
    project: &Project,
    template: &Template,
    asked: Option<String>,
    path: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Option<ChainId>> {
    let chain = match asked {
        Some(c) => Some(ChainId::from(c)),
        None => project
            .references
            .values()
            .find(|m| m.template == template.id() && project.chains.contains_key(&m.chain))
            .map(|m| m.chain.clone())
            .or_else(|| project.chains_in_order().first().map(|c| c.id.clone())),
    };
    match chain {
        Some(c) if project.chains.contains_key(&c) => Ok(Some(c)),
        Some(c) => {
            let known: Vec<&str> = project.chains.keys().map(|k| k.as_str()).collect();
            writeln!(
                err,
                "{}: {} \"{c}\" ({}: {})",
                path.display(),
                lang.pick("没有这条产业链", "no such chain"),
                lang.pick("已有", "chains are"),
                known.join(", ")
            )?;
            Ok(None)
        }
        None => {
            writeln!(
                err,
                "{}: {}",
                path.display(),
                lang.pick("项目还没有产业链", "the project has no chain yet")
            )?;
            Ok(None)
        }
    }
}

/// The text report.
struct Shown<'a> {
    project: &'a Project,
    template: &'a Template,
    saved: bool,
    lang: Lang,
}

impl Shown<'_> {
    fn print(&self, c: &Comparison, gaps: &[&Gap], out: &mut dyn Write) -> std::io::Result<()> {
        let (lang, project) = (self.lang, self.project);
        let chain_name = project
            .chains
            .get(&c.chain)
            .map_or(c.chain.as_str(), |ch| ch.name.as_str());
        writeln!(
            out,
            "{} ↔ {} ({})",
            chain_name,
            self.template.name(lang),
            self.template.id()
        )?;
        writeln!(
            out,
            "{}{}",
            if self.saved {
                lang.pick("对照:项目中保存的匹配", "matching: saved in the project")
            } else {
                lang.pick(
                    "对照:自动建议的匹配(未保存)",
                    "matching: suggested (not saved)",
                )
            },
            if c.stale {
                lang.pick(
                    ";参考链已修订,请重新确认匹配",
                    "; the reference chain has been revised: confirm the matching again",
                )
            } else {
                ""
            }
        )?;
        writeln!(out, "\n{}", lang.pick("环节", "Stages"))?;
        for s in &c.stages {
            let own = s
                .project
                .as_ref()
                .and_then(|id| project.stage(id))
                .map(|(_, st)| format!("{} {}", st.id, st.name))
                .unwrap_or_else(|| "—".to_owned());
            let name = match lang {
                Lang::En if !s.name_en.is_empty() => &s.name_en,
                _ => &s.name,
            };
            writeln!(
                out,
                "  {} {:<4} {name} ← {own}",
                pad_right(s.status.label(lang), 8),
                s.reference.as_str()
            )?;
        }
        writeln!(out, "\n{}", lang.pick("产品", "Products"))?;
        for p in &c.products {
            let own = p
                .project_name
                .as_ref()
                .map(|n| format!(" ← {n}"))
                .unwrap_or_default();
            let optional = if p.required {
                ""
            } else {
                lang.pick("(非必需)", " (optional)")
            };
            writeln!(
                out,
                "  {} {:<4} {}{optional}{own}",
                pad_right(p.status.label(lang), 8),
                p.reference_stage.as_str(),
                p.name
            )?;
        }
        writeln!(
            out,
            "\n{} ({})",
            lang.pick("参考链补充的缺口", "Gaps the reference chain adds"),
            gaps.len()
        )?;
        for g in gaps {
            super::analyze::print_gap(project, g, lang, out)?;
        }
        Ok(())
    }
}
