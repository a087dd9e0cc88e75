//! `chainmap analyze` and `chainmap impact`: the chain analysis and what a firm's leaving
//! takes down, as text tables or JSON.

use super::common::Input;
use super::{EXIT_OK, EXIT_PROBLEM, load_for_command};
use crate::analysis::{Analysis, percent};
use crate::i18n::Lang;
use crate::model::Project;
use std::io::Write;
use std::path::Path;

pub(super) fn analyze(
    input: Input,
    chain: Option<String>,
    year: Option<i32>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    use crate::analysis::{AnalysisOptions, analyze};
    let path = input.path;
    let Some(project) = input.load(lang, err)? else {
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
    print_leaders(&project, &a, lang, out)?;
    print_risks(&project, &a, lang, out)?;
    print_land(&a, lang, out)?;
    print_indicators(&a, lang, out)?;
    print_territory(&a, lang, out)?;
    Ok(EXIT_OK)
}

/// Issue 20: towns with their location quotients, concentration in parks, 主体功能区 warnings.
fn print_territory(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "\n{}", a.territory.heading(lang))?;
    for line in a.territory.lines(lang) {
        writeln!(out, "  {line}")?;
    }
    Ok(())
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
    for c in &a.comparisons {
        writeln!(out, "{}", c.summary(project, lang))?;
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

/// Every gap, most pressing first, with the firms involved and what to do.
fn print_gaps(
    project: &Project,
    a: &Analysis,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "\n{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())?;
    writeln!(
        out,
        "  {}",
        lang.pick(
            "按优先级排列:名次. 得分 [对策] 说明;下一行为得分构成(涉及供应额、本地买方、链主依赖、集中度)",
            "by priority: rank. score [action] finding; below, what the score is made of (supply at stake, local buyers, 链主 depends, concentration)"
        )
    )?;
    for g in &a.gaps {
        print_gap(project, g, lang, out)?;
    }
    Ok(())
}

/// One gap on two lines: rank, score, action, finding, firms and advice; then the parts of its
/// priority (`compare` prints its gaps the same way).
pub(super) fn print_gap(
    project: &Project,
    g: &crate::analysis::Gap,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let involved: Vec<String> = g.nodes.iter().map(|id| project.node_name(id)).collect();
    let p = &g.priority;
    writeln!(
        out,
        "  {:>2}. {:>5.1} [{}] {}{} → {}",
        p.rank,
        p.score,
        g.class.action(lang),
        g.message(lang),
        if involved.is_empty() {
            String::new()
        } else {
            format!(" — {}", involved.join(", "))
        },
        g.advice(lang)
    )?;
    writeln!(out, "      {}", g.priority_parts(&project.meta.unit, lang))
}

/// The ten best chain-leader candidates with the parts of their score, and the firms that do
/// not meet the criteria with why.
fn print_leaders(
    project: &Project,
    a: &Analysis,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let criteria = &project.meta.leader_criteria;
    let w = &criteria.weights;
    writeln!(
        out,
        "\n{} ({} ≥ {} {})",
        lang.pick("链主候选", "Chain-leader candidates"),
        lang.pick("规上,营收", "above scale, revenue"),
        criteria.min_revenue,
        crate::i18n::money_unit(&project.meta.unit, lang)
    )?;
    writeln!(
        out,
        "  {}: {} {} · {} {} · {} {} · {} {} · {} {}",
        lang.pick("权重", "weights"),
        lang.pick("营收占比", "revenue share"),
        w.revenue_share,
        lang.pick("本地配套", "local suppliers"),
        w.local_suppliers,
        lang.pick("联农带农", "farmers"),
        w.farmers,
        lang.pick("研发强度", "R&D intensity"),
        w.rd_intensity,
        lang.pick("枢纽位置", "hub"),
        w.hub
    )?;
    for (i, l) in a.leaders.iter().take(10).enumerate() {
        let p = &l.parts;
        writeln!(
            out,
            "  {:>2}. {:>5.1}  ({:.2} / {:.2} / {:.2} / {:.2} / {:.2})  {} {}",
            i + 1,
            l.score,
            p.revenue_share,
            p.local_suppliers,
            p.farmers,
            p.rd_intensity,
            p.hub,
            l.id,
            l.name
        )?;
    }
    if a.leaders.is_empty() {
        writeln!(
            out,
            "  {}",
            lang.pick("(无符合条件的企业)", "(no firm meets the criteria)")
        )?;
    }
    for n in &a.not_eligible {
        let reasons: Vec<String> = n.reasons.iter().map(|r| r.message(lang)).collect();
        writeln!(
            out,
            "  {} {} {}: {}",
            lang.pick("不符合", "not eligible"),
            n.id,
            n.name,
            reasons.join(lang.pick(";", "; "))
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

/// The 亩均效益评价: each group's firms with score and class, then the unclassified with why.
fn print_land(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::analysis::land::Indicator;
    writeln!(
        out,
        "\n{}",
        lang.pick("亩均效益评价", "Land-efficiency evaluation (亩均)")
    )?;
    for g in &a.land.groups {
        writeln!(
            out,
            "  {} ({}): {}",
            g.group.label(lang),
            g.firms.len(),
            Indicator::ALL
                .iter()
                .map(|i| i.label(lang))
                .collect::<Vec<_>>()
                .join(" / ")
        )?;
        for f in &g.firms {
            let parts: Vec<String> = Indicator::ALL
                .iter()
                .map(|&i| format!("{:.1}", f.parts.get(i)))
                .collect();
            writeln!(
                out,
                "    {} {:>6.1}  ({})  {} {}",
                f.class.code(),
                f.score,
                parts.join(" / "),
                f.id,
                f.name
            )?;
        }
    }
    if !a.land.excluded.is_empty() {
        writeln!(
            out,
            "  {} ({})",
            lang.pick("不定等级", "Unclassified"),
            a.land.excluded.len()
        )?;
        for e in &a.land.excluded {
            writeln!(out, "    {} {}: {}", e.id, e.name, e.reason.message(lang))?;
        }
    }
    Ok(())
}

/// The indicator dashboard: each row over the years (the last three), with the change into
/// the latest.
fn print_indicators(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::analysis::indicators::{Row, format_change, format_value};
    let report = &a.indicators;
    let shown: Vec<_> = report.years.iter().rev().take(3).rev().collect();
    let years: Vec<String> = shown.iter().map(|y| y.year.to_string()).collect();
    writeln!(
        out,
        "\n{} ({})",
        lang.pick("指标", "Indicators"),
        years.join(" → ")
    )?;
    let Some(latest) = report.latest() else {
        return writeln!(
            out,
            "  {}",
            lang.pick("(无年度数据)", "(no yearly figures)")
        );
    };
    for row in Row::ALL {
        let values: Vec<String> = shown
            .iter()
            .map(|y| format_value(row, row.value(y)))
            .collect();
        let change = report
            .change(row, latest.year)
            .map(|c| format!("  ({})", format_change(row, c)))
            .unwrap_or_default();
        writeln!(out, "  {}: {}{change}", row.label(lang), values.join(" → "))?;
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
