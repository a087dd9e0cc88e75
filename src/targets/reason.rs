//! Why a candidate ranks where it does, in words, in Chinese and English:
//! "补链:填补“菌袋”本地空白;年营收 1.8 亿元;专精特新" — the gap it fills (and how its product
//! matched when the names differ), its size, its tags, the other gaps it could fill; for a firm
//! with no gap, what the county already supplies of what it makes.

use super::matching::MatchKind;
use super::rank::{GapMatch, GapTarget, Standing, Target, revenue_wan};
use super::tags::tag_label;
use crate::analysis::GapClass;
use crate::i18n::Lang;
use crate::model::Candidate;
use crate::model::meta::MoneyUnit;

/// How many other gaps a reason names before "等 N 处".
const OTHERS_NAMED: usize = 3;

/// The reason in both languages.
pub fn both(c: &Candidate, t: &Target, gaps: &[GapTarget], unit: MoneyUnit) -> (String, String) {
    (
        reason(c, t, gaps, unit, Lang::Zh),
        reason(c, t, gaps, unit, Lang::En),
    )
}

fn reason(c: &Candidate, t: &Target, gaps: &[GapTarget], unit: MoneyUnit, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (&t.best, t.standing) {
        (Some(m), _) => {
            let gap = &gaps[m.gap];
            let mut part = gap_words(gap, lang);
            if let Some(how) = match_words(gap, m, lang) {
                part.push_str(lang.pick("(", " ("));
                part.push_str(&how);
                part.push_str(lang.pick(")", ")"));
            }
            parts.push(part);
        }
        (None, Standing::AlreadySupplied) => parts.push(supplied_words(&t.supplied, lang)),
        (None, _) if c.products.is_empty() => parts.push(
            lang.pick("名单未列主营产品", "The list gives no products")
                .to_owned(),
        ),
        (None, _) => parts.push(
            lang.pick(
                "主营产品与本县产业链的缺口和产品都不对应",
                "Its products match no gap or product of the county's chains",
            )
            .to_owned(),
        ),
    }
    if let Some(wan) = revenue_wan(c, unit) {
        parts.push(revenue_words(wan, lang));
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| tag_label(t, lang)).collect();
        parts.push(tags.join(lang.pick("、", ", ")));
    }
    if !t.others.is_empty() {
        parts.push(others_words(&t.others, gaps, lang));
    }
    parts.join(lang.pick(";", "; "))
}

/// What filling the gap means: "补链:填补“菌袋”本地空白".
fn gap_words(gap: &GapTarget, lang: Lang) -> String {
    let subject = gap.subject(lang);
    let stage = gap.product.is_none();
    let what = match (gap.class, stage, lang) {
        (GapClass::Missing, false, Lang::Zh) => format!("填补“{subject}”本地空白"),
        (GapClass::Missing, true, Lang::Zh) => format!("填补“{subject}”环节空白"),
        (GapClass::Weak, false, Lang::Zh) => format!("增加“{subject}”本地供应"),
        (GapClass::Weak, true, Lang::Zh) => format!("补强“{subject}”环节"),
        (GapClass::Extend, false, Lang::Zh) => format!("延伸至“{subject}”"),
        (GapClass::Extend, true, Lang::Zh) => format!("延伸至“{subject}”环节"),
        (GapClass::AtRisk, false, Lang::Zh) => format!("为“{subject}”提供本地来源"),
        (GapClass::AtRisk, true, Lang::Zh) => format!("稳固“{subject}”环节供应"),
        (GapClass::Missing, false, Lang::En) => {
            format!("supplies “{subject}”, which no local firm does")
        }
        (GapClass::Missing, true, Lang::En) => format!("covers the empty stage “{subject}”"),
        (GapClass::Weak, false, Lang::En) => format!("more local supply of “{subject}”"),
        (GapClass::Weak, true, Lang::En) => format!("a stronger firm in “{subject}”"),
        (GapClass::Extend, false, Lang::En) => format!("extends the chain into “{subject}”"),
        (GapClass::Extend, true, Lang::En) => {
            format!("extends the chain into the stage “{subject}”")
        }
        (GapClass::AtRisk, false, Lang::En) => format!("a local source of “{subject}”"),
        (GapClass::AtRisk, true, Lang::En) => format!("secures the supply of “{subject}”"),
    };
    format!("{}{}{what}", gap.class.action(lang), lang.pick(":", ": "))
}

/// How the candidate's product met the gap, when that is not plain from the names.
fn match_words(gap: &GapTarget, m: &GapMatch, lang: Lang) -> Option<String> {
    let (offered, wanted) = (&m.fit.offered, &m.fit.wanted);
    let stage = gap.product.is_none();
    Some(match (m.fit.kind, stage, lang) {
        (MatchKind::Partial, _, Lang::Zh) => format!("主营“{offered}”,名称相近"),
        (MatchKind::Partial, _, Lang::En) => format!("makes “{offered}”, a close name"),
        (_, false, _) if offered == wanted => return None,
        (_, false, Lang::Zh) => format!("“{offered}”即“{wanted}”"),
        (_, false, Lang::En) => format!("“{offered}” is “{wanted}”"),
        (_, true, Lang::Zh) if offered == wanted => format!("主营“{offered}”"),
        (_, true, Lang::En) if offered == wanted => format!("makes “{offered}”"),
        (_, true, Lang::Zh) => format!("主营“{offered}”,即“{wanted}”"),
        (_, true, Lang::En) => format!("makes “{offered}”, i.e. “{wanted}”"),
    })
}

fn supplied_words(supplied: &[String], lang: Lang) -> String {
    let names: Vec<String> = supplied.iter().map(|s| format!("“{s}”")).collect();
    match lang {
        Lang::Zh => format!("本县已有供应:{}(无缺口)", names.join("、")),
        Lang::En => format!("Already supplied locally: {} (no gap)", names.join(", ")),
    }
}

/// "年营收 1.8 亿元" / "revenue 180 M yuan".
pub fn revenue_words(wan: f64, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("年营收", "revenue"),
        revenue_text(wan, lang)
    )
}

/// An amount in 万元 as people say it: "1.8 亿元", "3500 万元"; "180 M yuan".
pub fn revenue_text(wan: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if wan >= 10_000.0 => format!("{} 亿元", short_number(wan / 10_000.0)),
        Lang::Zh => format!("{} 万元", short_number(wan)),
        Lang::En => format!("{} M yuan", short_number(wan / 100.0)),
    }
}

/// At most two decimals, none trailing: 1.8, 35, 0.05.
fn short_number(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn others_words(others: &[GapMatch], gaps: &[GapTarget], lang: Lang) -> String {
    let named: Vec<String> = others
        .iter()
        .take(OTHERS_NAMED)
        .map(|m| {
            let g = &gaps[m.gap];
            format!(
                "{}{}“{}”",
                g.class.action(lang),
                lang.pick("", " "),
                g.subject(lang)
            )
        })
        .collect();
    let rest = others.len().saturating_sub(OTHERS_NAMED);
    match lang {
        Lang::Zh if rest > 0 => format!("另可{}等 {} 处", named.join("、"), others.len()),
        Lang::Zh => format!("另可{}", named.join("、")),
        Lang::En if rest > 0 => format!("also {} and {rest} more", named.join(", ")),
        Lang::En => format!("also {}", named.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revenue_reads_as_people_say_it() {
        assert_eq!(revenue_words(18_000.0, Lang::Zh), "年营收 1.8 亿元");
        assert_eq!(revenue_words(3_500.0, Lang::Zh), "年营收 3500 万元");
        assert_eq!(revenue_words(18_000.0, Lang::En), "revenue 180 M yuan");
        assert_eq!(revenue_words(5.0, Lang::En), "revenue 0.05 M yuan");
    }
}
