//! The tables of issue 16's evaluations: 链主 candidates (and the firms not eligible, with why),
//! the 亩均效益评价 (every firm, classed or 不定等级 with the reason) and the yearly indicator
//! dashboard (a column a year, and the change into the latest).

use super::tables::{Cell, Parts};
use crate::analysis::Analysis;
use crate::analysis::indicators::{Measure, Row};
use crate::analysis::land::Indicator;
use crate::i18n::Lang;
use rust_decimal::Decimal;

/// The candidates best first with the parts of their score, then the firms that are not
/// eligible (no rank, the reasons in the last column).
pub(super) fn leaders(analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let headers = vec![
        h("排名", "rank"),
        h("编号", "id"),
        h("名称", "name"),
        h("链主得分", "score"),
        h("营收占比(分项)", "revenue share part"),
        h("本地配套(分项)", "local suppliers part"),
        h("联农带农(分项)", "farmers part"),
        h("研发强度(分项)", "R&D intensity part"),
        h("枢纽位置(分项)", "hub part"),
        h("营收", "revenue"),
        h("营收占全链比重", "revenue share"),
        h("本地供应商数", "local suppliers"),
        h("联农户数", "farmers linked"),
        h("研发投入强度", "R&D intensity"),
        h("中介中心性", "betweenness"),
        h("说明", "note"),
    ];
    let mut rows: Vec<Vec<Cell>> = analysis
        .leaders
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let p = &l.parts;
            vec![
                Cell::Number(Decimal::from(i + 1)),
                Cell::text(l.id.as_str()),
                Cell::text(&l.name),
                Cell::float(Some(l.score)),
                Cell::float(Some(p.revenue_share)),
                Cell::float(Some(p.local_suppliers)),
                Cell::float(Some(p.farmers)),
                Cell::float(Some(p.rd_intensity)),
                Cell::float(Some(p.hub)),
                Cell::float(Some(l.revenue)),
                Cell::float(Some(l.revenue_share)),
                Cell::Number(Decimal::from(l.local_suppliers)),
                Cell::Number(Decimal::from(l.farmers)),
                Cell::float(l.rd_intensity),
                Cell::float(Some(l.betweenness)),
                Cell::text(if l.revenue_from_output {
                    lang.pick("无营收数据,按产值", "no revenue on record: output used")
                } else {
                    ""
                }),
            ]
        })
        .collect();
    for n in &analysis.not_eligible {
        let reasons: Vec<String> = n.reasons.iter().map(|r| r.message(lang)).collect();
        let mut row = vec![Cell::Empty, Cell::text(n.id.as_str()), Cell::text(&n.name)];
        row.extend(std::iter::repeat_n(Cell::Empty, headers.len() - 4));
        row.push(Cell::text(format!(
            "{}: {}",
            lang.pick("不符合条件", "not eligible"),
            reasons.join(lang.pick(";", "; "))
        )));
        rows.push(row);
    }
    (headers, rows)
}

/// Every evaluated firm (group, rank in it, class, score, each indicator's value and weighted
/// score), then each 不定等级 firm with the reason.
pub(super) fn land(analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let mut headers = vec![
        h("组别", "group"),
        h("组内排名", "rank"),
        h("编号", "id"),
        h("名称", "name"),
        h("等级", "class"),
        h("综合得分", "score"),
        h("用地(亩)", "land (mu)"),
    ];
    for i in Indicator::ALL {
        headers.push(i.label(lang).to_owned());
        headers.push(match lang {
            Lang::Zh => format!("{}得分", i.label(lang)),
            Lang::En => format!("{} score", i.label(lang)),
        });
    }
    headers.push(h("说明", "note"));
    let mut rows = Vec::new();
    for g in &analysis.land.groups {
        for (rank, f) in g.firms.iter().enumerate() {
            let mut row = vec![
                Cell::text(g.group.label(lang)),
                Cell::Number(Decimal::from(rank + 1)),
                Cell::text(f.id.as_str()),
                Cell::text(&f.name),
                Cell::text(f.class.code()),
                Cell::float(Some(f.score)),
                Cell::float(Some(f.land_mu)),
            ];
            for i in Indicator::ALL {
                row.push(Cell::float(f.values.get(i)));
                row.push(Cell::float(Some(f.parts.get(i))));
            }
            row.push(Cell::text(f.class.consequence(lang)));
            rows.push(row);
        }
    }
    for e in &analysis.land.excluded {
        let mut row = vec![
            Cell::text(lang.pick("不定等级", "unclassified")),
            Cell::Empty,
            Cell::text(e.id.as_str()),
            Cell::text(&e.name),
        ];
        row.extend(std::iter::repeat_n(Cell::Empty, headers.len() - 5));
        row.push(Cell::text(e.reason.message(lang)));
        rows.push(row);
    }
    (headers, rows)
}

/// A row per indicator, a column per year (oldest first), then the change into the latest year.
pub(super) fn indicators(analysis: &Analysis, lang: Lang) -> Parts {
    let report = &analysis.indicators;
    let mut headers = vec![
        lang.pick("指标", "indicator").to_owned(),
        lang.pick("代码", "code").to_owned(),
    ];
    headers.extend(report.years.iter().map(|y| y.year.to_string()));
    headers.push(
        lang.pick(
            "较上年变化(金额为增长率,比率为百分点÷100)",
            "change on the year before (money: growth rate; rates: points ÷ 100)",
        )
        .to_owned(),
    );
    let rows = Row::ALL
        .iter()
        .map(|&row| {
            let mut cells = vec![Cell::text(row.label(lang)), Cell::text(row.code())];
            cells.extend(report.years.iter().map(|y| {
                match row.measure() {
                    Measure::Count => row
                        .value(y)
                        .map(|v| Cell::Number(Decimal::from(v as u64)))
                        .unwrap_or(Cell::Empty),
                    _ => Cell::float(row.value(y)),
                }
            }));
            cells.push(Cell::float(
                report.latest().and_then(|l| report.change(row, l.year)),
            ));
            cells
        })
        .collect();
    (headers, rows)
}
