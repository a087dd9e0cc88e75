//! `chainmap analyze` and `chainmap impact`: the chain analysis and what a firm's leaving
//! takes down, as text tables or JSON.

use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::analysis::{Analysis, percent};
use crate::i18n::Lang;
use crate::model::Project;
use std::io::Write;
use std::path::Path;

pub(super) fn analyze(
    path: &Path,
    chain: Option<String>,
    year: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::analysis::{AnalysisOptions, analyze};
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let chain = chain.map(crate::model::ChainId::from);
    if let Some(c) = &chain
        && !project.chains.contains_key(c)
    {
        let known: Vec<&str> = project.chains.keys().map(|k| k.as_str()).collect();
        writeln!(
            err,
            "{}: {} \"{c}\" ({}: {})",
            path.display(),
            lang.pick("没有这条产业链", "no such chain"),
            lang.pick("已有", "chains are"),
            known.join(", ")
        )?;
        return Ok(EXIT_PROBLEM);
    }
    let a = analyze(&project, &AnalysisOptions { chain, year });
    if json {
        serde_json::to_writer_pretty(&mut *out, &a.to_json(lang))?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    print_overview(&project, &a, lang, out)?;
    print_gaps(&project, &a, lang, out)?;
    print_leaders(&a, lang, out)?;
    print_risks(&project, &a, lang, out)?;
    print_land(&a, lang, out)?;
    Ok(EXIT_OK)
}

/// The project, the year, coverage and one line a stage.
fn print_overview(
    project: &Project,
    a: &Analysis,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}{}",
        project.meta.name,
        a.year.map(|y| format!(" — {y}")).unwrap_or_default()
    )?;
    writeln!(out, "{}", a.headline(lang))?;
    writeln!(out, "{}", a.places.note(lang))?;
    writeln!(out, "{}", a.rate_line(lang))?;
    for e in &a.extension {
        let name = project.chains.get(&e.chain).map_or("", |c| c.name.as_str());
        writeln!(out, "{name}: {}", e.summary(lang))?;
    }
    writeln!(
        out,
        "\n{}",
        lang.pick(
            "环节(本地企业数、产值、增加值、本地配套率、状态)",
            "Stages (local firms, output, value added, local supporting rate, status)"
        )
    )?;
    for s in &a.stages {
        let source = s
            .rate_source
            .map(|r| format!(" ({})", r.label(lang)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<4} {:<10} {:>3} {:>10.0} {:>10} {:>7}{source}  {:<8} {}",
            s.id.as_str(),
            s.segment.label(lang),
            s.local_enterprises.len(),
            s.output,
            s.value_added
                .map(|v| format!("{v:.0}"))
                .unwrap_or_else(|| "—".into()),
            percent(s.local_supporting_rate),
            s.status.label(lang),
            s.name
        )?;
    }
    Ok(())
}

/// Every gap with the firms involved and what to do.
fn print_gaps(
    project: &Project,
    a: &Analysis,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = |id: &crate::model::NodeId| project.node_name(id);
    writeln!(out, "\n{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())?;
    for g in &a.gaps {
        let involved: Vec<String> = g.nodes.iter().map(&name).collect();
        writeln!(
            out,
            "  [{}] {}{}{}",
            g.class.action(lang),
            g.message(lang),
            if involved.is_empty() {
                String::new()
            } else {
                format!(" — {}", involved.join(", "))
            },
            format_args!(" → {}", g.advice(lang))
        )?;
    }
    Ok(())
}

/// The ten best chain-leader candidates with the parts of their score.
fn print_leaders(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "\n{}",
        lang.pick(
            "链主候选(得分 = 0.4×中介 + 0.3×强度 + 0.3×产值)",
            "Chain-leader candidates (score = 0.4×betweenness + 0.3×strength + 0.3×output)"
        )
    )?;
    for (i, l) in a.leaders.iter().take(10).enumerate() {
        writeln!(
            out,
            "  {:>2}. {:.3}  ({:.2} / {:.2} / {:.2})  {} {}",
            i + 1,
            l.score,
            l.betweenness_part,
            l.strength_part,
            l.output_part,
            l.id,
            l.name
        )?;
    }
    Ok(())
}

/// Articulation points, bridges and the components besides the largest.
fn print_risks(
    project: &Project,
    a: &Analysis,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = |id: &crate::model::NodeId| project.node_name(id);
    writeln!(out, "\n{}", lang.pick("风险", "Risks"))?;
    let names = |ids: &[crate::model::NodeId]| ids.iter().map(&name).collect::<Vec<_>>().join(", ");
    writeln!(
        out,
        "  {}: {}",
        lang.pick("关键节点(割点)", "articulation points"),
        names(&a.articulation_points)
    )?;
    let bridges: Vec<String> = a
        .bridges
        .iter()
        .map(|(x, y)| format!("{}–{}", name(x), name(y)))
        .collect();
    writeln!(
        out,
        "  {}: {}",
        lang.pick("关键连线(桥)", "bridges"),
        bridges.join(", ")
    )?;
    writeln!(
        out,
        "  {}: {} ({})",
        lang.pick("连通片", "components"),
        a.components.len(),
        a.components
            .iter()
            .skip(1)
            .map(|c| names(c))
            .collect::<Vec<_>>()
            .join(" | ")
    )?;
    Ok(())
}

/// Land efficiency (亩均效益) of each firm with land.
fn print_land(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "\n{}",
        lang.pick("亩均效益(万元/亩)", "Land efficiency (per mu)")
    )?;
    for l in &a.land {
        writeln!(
            out,
            "  {:<5} {:>7.1} {:>8} {:>9}  {:<2} {}",
            l.id.as_str(),
            l.land_mu,
            l.tax_per_mu
                .map(|v| format!("{v:.2}"))
                .unwrap_or_else(|| "—".into()),
            l.output_per_mu
                .map(|v| format!("{v:.1}"))
                .unwrap_or_else(|| "—".into()),
            l.class.as_deref().unwrap_or("—"),
            l.name
        )?;
    }
    Ok(())
}

pub(super) fn impact(
    path: &Path,
    node: &str,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let id = crate::model::NodeId::from(node);
    let Some(impact) = crate::analysis::impact(&project, &id) else {
        writeln!(
            err,
            "{}: {} \"{node}\"",
            path.display(),
            lang.pick("没有这个节点", "no such node")
        )?;
        return Ok(EXIT_PROBLEM);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &impact.to_json())?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let name = |id: &crate::model::NodeId| project.node_name(id);
    writeln!(out, "{} ({})", name(&id), id)?;
    writeln!(
        out,
        "{}: {:.0} / {:.0} {}",
        lang.pick(
            "失去本地替代的供应 / 全部供应",
            "supply with no local replacement / all its supply"
        ),
        impact.value_at_stake,
        impact.supply_value,
        crate::i18n::money_unit(&project.meta.unit, lang)
    )?;
    for l in &impact.lost {
        writeln!(out, "  {} ← {} ({:.0})", name(&l.buyer), l.product, l.value)?;
    }
    writeln!(
        out,
        "{} ({}): {}",
        lang.pick("下游受影响企业", "downstream firms affected"),
        impact.downstream.len(),
        impact
            .downstream
            .iter()
            .map(&name)
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    Ok(EXIT_OK)
}
