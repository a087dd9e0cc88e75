//! The 招商清单 table (issue 18): the project's candidates ranked by the gaps they fill, with
//! score, status and the reason, as the CSV/XLSX exports and the report carry it.

use super::tables::{Cell, Parts};
use crate::analysis::Analysis;
use crate::i18n::Lang;
use crate::model::Project;
use crate::targets::rank;

/// A row per candidate, best first.
pub(super) fn targets(project: &Project, analysis: &Analysis, lang: Lang) -> Parts {
    let h = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let unit = crate::i18n::money_unit(&project.meta.unit, lang);
    let headers = vec![
        h("排名", "rank"),
        h("企业", "firm"),
        h("所在地", "location"),
        h("主营产品", "products"),
        format!("{}({unit})", lang.pick("营业收入", "revenue")),
        h("标签", "tags"),
        h("对策", "action"),
        h("缺口", "gap"),
        h("得分", "score"),
        h("状态", "status"),
        h("理由", "reason"),
        h("备注", "note"),
    ];
    let list = rank(project, analysis);
    let rows = list
        .targets
        .iter()
        .filter_map(|t| {
            let c = project.candidates.get(&t.candidate)?;
            let gap = t.best.as_ref().map(|m| &list.gaps[m.gap]);
            Some(vec![
                Cell::Number(t.rank.into()),
                Cell::text(c.name.clone()),
                Cell::text(c.location.clone()),
                Cell::text(c.products.join(lang.pick("、", ", "))),
                c.revenue.map(Cell::Number).unwrap_or(Cell::Empty),
                Cell::text(c.tags.join(lang.pick("、", ", "))),
                Cell::text(gap.map(|g| g.class.action(lang)).unwrap_or_default()),
                Cell::text(gap.map(|g| g.subject(lang)).unwrap_or_default()),
                Cell::float(Some((t.score * 10.0).round() / 10.0)),
                Cell::text(c.status.label(lang)),
                Cell::text(t.reason(lang)),
                Cell::text(c.note.clone()),
            ])
        })
        .collect();
    (headers, rows)
}
