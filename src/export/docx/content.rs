//! What the document says, chapter by chapter: the cover, the summary, then the maps, the
//! lists, the agreements and the appendix, each chapter a section of its own (the maps and
//! lists on landscape pages, where wide tables fit), each left out when it has nothing to show.

use super::body::{Body, Page};
use super::{agreements, data_table, definitions, maps};
use crate::analysis::Analysis;
use crate::export::ExportError;
use crate::export::report::{self, Section};
use crate::export::tables::{TableName, table};
use crate::i18n::Lang;
use crate::model::Project;

/// The cover: the project's name, what the document is, the county, the money unit, the year
/// of figures and the date. Returns the document's title.
pub(super) fn cover(
    body: &mut Body,
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
    date: &str,
) -> String {
    let name = if project.meta.name.trim().is_empty() {
        lang.pick("产业链", "Industrial chain").to_owned()
    } else {
        project.meta.name.clone()
    };
    body.para("Title", &name);
    body.para(
        "Subtitle",
        lang.pick("产业链图谱与清单", "Industrial chain maps and lists"),
    );
    let mut lines = Vec::new();
    if !project.meta.county.trim().is_empty() {
        lines.push((lang.pick("县  域", "County"), project.meta.county.clone()));
    }
    lines.push((
        lang.pick("金额单位", "Money unit"),
        crate::i18n::money_unit(&project.meta.unit, lang),
    ));
    if let Some(year) = analysis.year.or(project.meta.base_year) {
        lines.push((lang.pick("数据年份", "Year of figures"), year.to_string()));
    }
    lines.push((lang.pick("编制日期", "Date"), date.to_owned()));
    for (label, value) in lines {
        body.para(
            "CoverLine",
            &format!("{label}{}{value}", lang.pick(":", ": ")),
        );
    }
    body.para(
        "CoverLine",
        lang.pick("由 串珠 chainmap 生成", "Made with chainmap (串珠)"),
    );
    body.end_section(Page::Portrait, true);
    format!(
        "{name} — {}",
        lang.pick("产业链图谱与清单", "chain maps and lists")
    )
}

/// A chapter's heading, numbered as reports number them: "一、…" or "1 …".
pub(super) fn chapter(body: &mut Body, number: usize, text: &str, lang: Lang) {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let title = match lang {
        Lang::Zh => format!("{}、{text}", ZH.get(number - 1).copied().unwrap_or("十")),
        Lang::En => format!("{number} {text}"),
    };
    body.heading(1, &title);
}

/// A report section under a heading of `level`: its lines, then its table; nothing when the
/// table is there but empty (no data, no section).
pub(super) fn section(body: &mut Body, s: &Section, level: u8, page: Page) -> bool {
    if s.table.as_ref().is_some_and(|t| t.rows.is_empty()) {
        return false;
    }
    body.heading(level, &s.heading);
    body.bullets(&s.lines);
    if let Some(t) = &s.table {
        data_table(body, t, page, None);
    }
    true
}

/// Every chapter after the contents; returns the last section's page (the document's last
/// section properties).
pub(super) fn chapters(
    body: &mut Body,
    project: &Project,
    analysis: &Analysis,
    lang: Lang,
) -> Result<Page, ExportError> {
    let mut number = 0;
    let mut next = || {
        number += 1;
        number
    };
    let report = report::sections(project, analysis, lang);
    // The report's first section is its summary, the second the stages (report::sections).
    let mut report = report.into_iter();
    let summary = report.next();
    let stages = report.next();
    chapter(body, next(), lang.pick("概况", "Summary"), lang);
    if !project.meta.description.trim().is_empty() {
        body.para("Normal", &project.meta.description);
    }
    if let Some(s) = &summary {
        body.bullets(&s.lines);
    }
    body.end_section(Page::Portrait, false);

    chapter(body, next(), lang.pick("产业链图谱", "Chain maps"), lang);
    maps::maps(body, project, analysis, stages.as_ref(), lang)?;
    body.end_section(Page::Landscape, false);

    chapter(body, next(), lang.pick("产业链清单", "Lists"), lang);
    lists(body, project, analysis, lang);
    body.end_section(Page::Landscape, false);

    if !project.agreements.is_empty() {
        chapter(
            body,
            next(),
            lang.pick("飞地协议与分成", "Enclave agreements and splits"),
            lang,
        );
        agreements::agreements(body, project, lang);
        body.end_section(Page::Landscape, false);
    }

    body.heading(1, lang.pick("附录 指标定义", "Appendix: definitions"));
    definitions::definitions(body, project, analysis, lang);
    Ok(Page::Portrait)
}

/// The lists: firms, gaps ranked, 链主, 招商, 亩均 and the indicator dashboard, each left out
/// when it has no rows.
fn lists(body: &mut Body, project: &Project, analysis: &Analysis, lang: Lang) {
    let page = Page::Landscape;
    firms(body, project, analysis, lang);
    let mut gaps = report::gaps_section(project, analysis, lang);
    gaps.heading = format!(
        "{} ({})",
        lang.pick("缺口清单", "Gaps"),
        analysis.gaps.len()
    );
    section(body, &gaps, 2, page);
    let mut leaders = table(project, analysis, TableName::Leaders, lang);
    leaders.rows.truncate(LEADERS_SHOWN);
    let mut evaluations = report::evaluation_sections(project, analysis, leaders, lang).into_iter();
    if let Some(leaders) = evaluations.next() {
        section(body, &leaders, 2, page);
    }
    if !project.candidates.is_empty() {
        section(
            body,
            &Section {
                heading: lang.pick("招商清单", "Firms to attract (招商)").to_owned(),
                lines: vec![lang.pick(
                    "得分 = 缺口优先级 × 匹配度,见附录;无缺口的企业排在所有补缺企业之后。",
                    "Score = gap priority × fit, see the appendix; firms with no gap come after every gap filler.",
                ).to_owned()],
                table: Some(table(project, analysis, TableName::Targets, lang)),
            },
            2,
            page,
        );
    }
    for s in evaluations {
        section(body, &s, 2, page);
    }
}

/// How many 链主 candidates the list shows (as the HTML report).
const LEADERS_SHOWN: usize = 10;

/// 企业清单: the firms (enterprise-like nodes: firms, cooperatives, institutions) of the nodes
/// table, without its ids and the columns only a spreadsheet needs.
fn firms(body: &mut Body, project: &Project, analysis: &Analysis, lang: Lang) {
    let mut nodes = table(project, analysis, TableName::Nodes, lang);
    // The nodes table has a row per node in the project's order.
    let firm: Vec<bool> = project
        .nodes
        .values()
        .map(|n| n.kind.is_enterprise_like())
        .collect();
    let mut i = 0;
    nodes.rows.retain(|_| {
        i += 1;
        firm.get(i - 1).copied().unwrap_or(false)
    });
    if nodes.rows.is_empty() {
        return;
    }
    body.heading(
        2,
        &format!("{} ({})", lang.pick("企业清单", "Firms"), nodes.rows.len()),
    );
    body.para(
        "Note",
        &format!(
            "{}{}",
            lang.pick("金额单位:", "Money unit: "),
            crate::i18n::money_unit(&project.meta.unit, lang)
        ),
    );
    // name, kind, stages, region, tags, year, output, tax, value added, land, employees,
    // farmers linked, local (the id column left out).
    data_table(
        body,
        &nodes,
        Page::Landscape,
        Some(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
    );
}
