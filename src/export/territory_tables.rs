//! The territory's tables (issue 20): towns with output, share, location quotients, class fit
//! and farmer linkage; the 主体功能区 warnings. Concentration in parks goes into the report's
//! text (a few shares, not a table).

use super::tables::{Cell, Parts};
use crate::analysis::Analysis;
use crate::analysis::territory::SPECIALISED;
use crate::i18n::Lang;
use crate::model::{Project, Segment};
use rust_decimal::Decimal;

/// Shares to 4 decimals and quotients to 3 are what a reader compares; more is noise.
fn round(v: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (v * scale).round() / scale
}

/// A row per town, in id order.
pub(super) fn towns(project: &Project, analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let yes_no = |b: Option<bool>| match b {
        Some(true) => Cell::text(lang.pick("是", "yes")),
        Some(false) => Cell::text(lang.pick("否", "no")),
        None => Cell::Empty,
    };
    let mut headers = vec![
        h("编号", "id"),
        h("镇(街道)", "town"),
        h("定位", "class"),
        h("主体功能区", "main function zone"),
        h("禁止开发", "no development"),
        h("企业数", "firms"),
        h("产值", "output"),
        h("占全县产值", "share of county output"),
    ];
    headers.extend(Segment::ALL.iter().map(|s| match lang {
        Lang::Zh => format!("区位熵:{}", s.label(lang)),
        Lang::En => format!("LQ {}", s.label(lang).to_lowercase()),
    }));
    headers.extend([
        h("专业化链段", "specialised segments"),
        h("专业化环节(区位熵≥1.5)", "specialised stages (LQ ≥ 1.5)"),
        h("定位用地区位熵", "class land-use LQ"),
        h("符合定位", "fits class"),
        h("联农户数", "farmers linked"),
        h("联农带农连线", "farmer linkage links"),
        h("联结的村", "villages linked"),
    ]);
    let sep = lang.pick("、", ", ");
    let rows = analysis
        .territory
        .towns
        .iter()
        .map(|t| {
            let mut row = vec![
                Cell::text(t.id.as_str()),
                Cell::text(&t.name),
                Cell::text(t.class.map_or("", |c| c.label(lang))),
                Cell::text(t.zone.map_or("", |z| z.label(lang))),
                yes_no(t.no_development.then_some(true)),
                Cell::Number(Decimal::from(t.firms.len())),
                Cell::float(Some(t.output)),
                Cell::float(t.share.map(|v| round(v, 4))),
            ];
            row.extend(
                Segment::ALL
                    .iter()
                    .map(|s| Cell::float(t.segment_lq.get(s).map(|v| round(*v, 3)))),
            );
            let stages: Vec<String> = project
                .stages()
                .filter_map(|(_, s)| {
                    let v = t.stage_lq.get(&s.id).copied()?;
                    (v >= SPECIALISED).then(|| format!("{} {v:.2}", s.name))
                })
                .collect();
            row.extend([
                Cell::text(
                    t.specialised
                        .iter()
                        .map(|s| s.label(lang))
                        .collect::<Vec<_>>()
                        .join(sep),
                ),
                Cell::text(stages.join(sep)),
                Cell::float(t.class_lq.map(|v| round(v, 3))),
                yes_no(t.fits_class),
                Cell::Number(Decimal::from(t.farmers_linked)),
                Cell::Number(Decimal::from(t.farmer_links)),
                Cell::text(
                    t.villages_linked
                        .iter()
                        .map(|v| project.node_name(v))
                        .collect::<Vec<_>>()
                        .join(sep),
                ),
            ]);
            row
        })
        .collect();
    (headers, rows)
}

/// A row per 主体功能区 warning: the firm, its stage and land use, the place, the rule.
pub(super) fn zone_warnings(project: &Project, analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let headers = vec![
        h("企业编号", "firm id"),
        h("企业", "firm"),
        h("环节", "stage"),
        h("用地类型", "land use"),
        h("所在地", "place"),
        h("主体功能区", "main function zone"),
        h("规则", "rule"),
        h("说明", "finding"),
    ];
    let rows = analysis
        .territory
        .zone_warnings
        .iter()
        .map(|w| {
            let stage = project.stage(&w.stage).map(|(_, s)| s);
            vec![
                Cell::text(w.node.as_str()),
                Cell::text(project.node_name(&w.node)),
                Cell::text(stage.map_or(w.stage.as_str(), |s| s.name.as_str())),
                Cell::text(stage.and_then(|s| s.land_use).map_or("", |l| l.label(lang))),
                Cell::text(project.node_name(&w.region)),
                Cell::text(w.zone.map_or("", |z| z.label(lang))),
                Cell::text(w.rule.label(lang)),
                Cell::text(w.message(lang)),
            ]
        })
        .collect();
    (headers, rows)
}
