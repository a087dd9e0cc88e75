//! The tables a report needs (nodes, links, gaps, leaders, land, split schedules, indicators), with headers in
//! the chosen language, written as CSV (UTF-8 with BOM, so Excel shows Chinese) or as one XLSX
//! workbook with a sheet per table.

use super::{evaluation_tables, target_tables, territory_tables};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::{NodeId, Project};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum TableName {
    Nodes,
    Links,
    Gaps,
    Leaders,
    Land,
    Schedules,
    // Issue 16: the yearly indicator dashboard.
    Indicators,
    // Issue 18: the 招商 list.
    Targets,
    // Issue 20: towns with location quotients; the 主体功能区 warnings.
    Towns,
    ZoneWarnings,
}

impl TableName {
    pub const ALL: [TableName; 10] = [
        TableName::Nodes,
        TableName::Links,
        TableName::Gaps,
        TableName::Leaders,
        TableName::Land,
        TableName::Schedules,
        TableName::Indicators,
        TableName::Targets,
        TableName::Towns,
        TableName::ZoneWarnings,
    ];

    /// File and sheet name.
    pub fn code(self) -> &'static str {
        match self {
            TableName::Nodes => "nodes",
            TableName::Links => "links",
            TableName::Gaps => "gaps",
            TableName::Leaders => "leaders",
            TableName::Land => "land",
            TableName::Schedules => "schedules",
            TableName::Indicators => "indicators",
            TableName::Targets => "targets",
            TableName::Towns => "towns",
            TableName::ZoneWarnings => "zone_warnings",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TableName::Nodes => lang.pick("节点", "Nodes"),
            TableName::Links => lang.pick("连线", "Links"),
            TableName::Gaps => lang.pick("缺口", "Gaps"),
            TableName::Leaders => lang.pick("链主", "Leaders"),
            TableName::Land => lang.pick("亩均效益", "Land"),
            TableName::Schedules => lang.pick("协议分成", "Schedules"),
            TableName::Indicators => lang.pick("指标", "Indicators"),
            TableName::Targets => lang.pick("招商清单", "Targets"),
            TableName::Towns => lang.pick("镇域", "Towns"),
            TableName::ZoneWarnings => lang.pick("主体功能区提示", "Zone warnings"),
        }
    }
}

/// A cell: text, or a number that spreadsheets should treat as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Decimal),
    Float(f64),
    Empty,
}

impl Cell {
    pub(super) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn number(d: Option<Decimal>) -> Cell {
        d.map(Cell::Number).unwrap_or(Cell::Empty)
    }

    pub(super) fn float(f: Option<f64>) -> Cell {
        f.filter(|v| v.is_finite())
            .map(Cell::Float)
            .unwrap_or(Cell::Empty)
    }

    /// As CSV writes it: decimals exactly, measures to 6 decimals.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(d) => d.normalize().to_string(),
            Cell::Float(f) => {
                let s = format!("{f:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            }
            Cell::Empty => String::new(),
        }
    }
}

/// A table: headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    pub name: TableName,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Builds one table from the project and its analysis.
pub fn table(project: &Project, analysis: &Analysis, name: TableName, lang: Lang) -> DataTable {
    let (headers, rows) = match name {
        TableName::Nodes => nodes_table(project, analysis, lang),
        TableName::Links => links_table(project, lang),
        TableName::Gaps => gaps_table(project, analysis, lang),
        TableName::Leaders => evaluation_tables::leaders(analysis, lang),
        TableName::Land => evaluation_tables::land(analysis, lang),
        TableName::Schedules => schedules_table(project, lang),
        TableName::Indicators => evaluation_tables::indicators(analysis, lang),
        TableName::Targets => target_tables::targets(project, analysis, lang),
        TableName::Towns => territory_tables::towns(project, analysis, lang),
        TableName::ZoneWarnings => territory_tables::zone_warnings(project, analysis, lang),
    };
    DataTable {
        name,
        headers,
        rows,
    }
}

/// Headers and rows of a table.
pub(super) type Parts = (Vec<String>, Vec<Vec<Cell>>);

/// Every node with its figures of the analysis year (else its latest).
fn nodes_table(project: &Project, analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    (
        vec![
            h("编号", "id"),
            h("名称", "name"),
            h("类型", "kind"),
            h("环节", "stages"),
            h("所在地区", "region"),
            h("标签", "tags"),
            h("年份", "year"),
            h("产值", "output"),
            h("税收", "tax"),
            h("增加值", "value added"),
            h("用地(亩)", "land (mu)"),
            h("从业人员", "employees"),
            h("联农户数", "farmers linked"),
            h("本地", "local"),
        ],
        project
            .nodes
            .values()
            .map(|n| {
                let year = analysis
                    .year
                    .filter(|y| n.figures.contains_key(y))
                    .or_else(|| n.latest_figures().map(|(y, _)| y));
                let f = year.and_then(|y| n.figures.get(&y));
                vec![
                    Cell::text(n.id.as_str()),
                    Cell::text(&n.name),
                    Cell::text(n.kind.label(lang)),
                    Cell::text(
                        n.stages
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(";"),
                    ),
                    Cell::text(
                        n.region
                            .as_ref()
                            .map(|r| project.node_name(r))
                            .unwrap_or_default(),
                    ),
                    Cell::text(n.tags.join(";")),
                    year.map(|y| Cell::Number(Decimal::from(y)))
                        .unwrap_or(Cell::Empty),
                    Cell::number(f.and_then(|f| f.output)),
                    Cell::number(f.and_then(|f| f.tax)),
                    Cell::number(f.and_then(|f| f.value_added)),
                    Cell::number(f.and_then(|f| f.land_mu)),
                    Cell::number(f.and_then(|f| f.employees).map(Decimal::from)),
                    Cell::number(f.and_then(|f| f.farmers_linked).map(Decimal::from)),
                    Cell::text(if !n.kind.is_enterprise_like() {
                        ""
                    } else if n.kind.is_local() {
                        lang.pick("是", "yes")
                    } else {
                        lang.pick("否", "no")
                    }),
                ]
            })
            .collect(),
    )
}

/// Every link with the names of its ends.
fn links_table(project: &Project, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    (
        vec![
            h("编号", "id"),
            h("类型", "kind"),
            h("供方编号", "from id"),
            h("供方", "from"),
            h("买方编号", "to id"),
            h("买方", "to"),
            h("产品", "product"),
            h("金额", "value"),
            h("股权(%)", "equity (%)"),
            h("备注", "note"),
        ],
        project
            .links
            .values()
            .map(|l| {
                vec![
                    Cell::text(l.id.as_str()),
                    Cell::text(l.kind.label(lang)),
                    Cell::text(l.from.as_str()),
                    Cell::text(project.node_name(&l.from)),
                    Cell::text(l.to.as_str()),
                    Cell::text(project.node_name(&l.to)),
                    Cell::text(&l.product),
                    Cell::number(l.value),
                    Cell::number(l.equity_pct),
                    Cell::text(&l.note),
                ]
            })
            .collect(),
    )
}

/// Every gap, most pressing first: its rank and priority score with the parts of the score,
/// class, stage, product, firms and advice, and whether the project's chain or its reference
/// chain found it.
fn gaps_table(project: &Project, analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let yes_no = |b: bool| {
        Cell::text(if b {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        })
    };
    (
        vec![
            h("名次", "rank"),
            h("优先级得分", "priority score"),
            h("类别", "class"),
            h("对策", "action"),
            h("环节", "stage"),
            h("产品", "product"),
            h("涉及供应额", "supply at stake"),
            h("本地买方数", "local buyers"),
            h("链主依赖", "链主 depends"),
            h("供应集中度(HHI)", "concentration (HHI)"),
            h("来源", "found by"),
            h("涉及企业", "firms"),
            h("说明", "finding"),
            h("建议", "advice"),
        ],
        analysis
            .gaps
            .iter()
            .map(|g| {
                let p = &g.priority;
                vec![
                    Cell::Number(Decimal::from(p.rank)),
                    Cell::float(Some((p.score * 10.0).round() / 10.0)),
                    Cell::text(g.class.label(lang)),
                    Cell::text(g.class.action(lang)),
                    Cell::text(g.stage_name(project, lang)),
                    Cell::text(g.product.clone().unwrap_or_default()),
                    Cell::float(Some(p.value_at_stake)),
                    Cell::Number(Decimal::from(p.buyers)),
                    yes_no(p.leader_depends),
                    Cell::float(p.concentration),
                    Cell::text(g.origin.label(lang)),
                    Cell::text(names(project, &g.nodes)),
                    Cell::text(g.message(lang)),
                    Cell::text(g.advice(lang)),
                ]
            })
            .collect(),
    )
}

/// Every agreement's schedule, a row per year, ledger, metric and party; after the note, the
/// tax basis, the firm of a per-firm row, the unit when it is not money, and the mark of
/// assessment figures that may not be published.
fn schedules_table(project: &Project, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let money = crate::i18n::money_unit(&project.meta.unit, lang);
    (
        vec![
            h("协议", "agreement"),
            h("年份", "year"),
            h("账目", "ledger"),
            h("指标", "metric"),
            h("合计", "total"),
            h("参与方", "party"),
            h("金额", "amount"),
            h("说明", "note"),
            h("计税基础", "basis"),
            h("企业", "firm"),
            h("单位", "unit"),
            h("标注", "mark"),
        ],
        project
            .agreements
            .values()
            .flat_map(|a| {
                let s = crate::sharing::schedule(project, a, None, None);
                s.rows
                    .into_iter()
                    .flat_map(|r| {
                        let basis = r.tax_basis().map(|b| b.label(lang)).unwrap_or_default();
                        let firm = r
                            .firm
                            .as_ref()
                            .map(|f| project.node_name(f))
                            .unwrap_or_default();
                        let unit = r.unit(lang).map_or_else(|| money.clone(), str::to_owned);
                        let mark = if r.assessment_only {
                            crate::sharing::assessment_mark(lang)
                        } else {
                            ""
                        };
                        r.parts
                            .iter()
                            .map(|(party, amount)| {
                                vec![
                                    Cell::text(&a.name),
                                    Cell::Number(Decimal::from(r.year)),
                                    Cell::text(r.ledger.label(lang)),
                                    Cell::text(r.metric.label(lang)),
                                    Cell::Number(r.total),
                                    Cell::text(project.node_name(party)),
                                    Cell::Number(*amount),
                                    Cell::text(r.note(lang)),
                                    Cell::text(basis),
                                    Cell::text(&firm),
                                    Cell::text(&unit),
                                    Cell::text(mark),
                                ]
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
    )
}

fn names(project: &Project, ids: &[NodeId]) -> String {
    ids.iter()
        .map(|id| project.node_name(id))
        .collect::<Vec<_>>()
        .join("、")
}

/// The table as CSV, UTF-8 with a BOM so Excel opens the Chinese right.
pub fn to_csv(table: &DataTable) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    writer.write_record(&table.headers)?;
    for row in &table.rows {
        writer.write_record(row.iter().map(Cell::as_text))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// Every table as one workbook, a sheet each, headers bold and frozen.
pub fn to_xlsx(tables: &[DataTable], lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for t in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(t.name.label(lang))?;
        for (c, header) in t.headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, header, &bold)?;
            let width = t
                .rows
                .iter()
                .map(|r| r.get(c).map(|v| v.as_text().chars().count()).unwrap_or(0))
                .chain([header.chars().count()])
                .max()
                .unwrap_or(8);
            sheet.set_column_width(c as u16, (width as f64 * 1.6).clamp(6.0, 60.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s)?;
                    }
                    Cell::Number(d) => {
                        sheet.write_number(r, c, d.to_f64().unwrap_or(0.0))?;
                    }
                    Cell::Float(f) => {
                        sheet.write_number(r, c, *f)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
    }
    book.save_to_buffer()
}
