//! Cell parsing: numbers as spreadsheets write them, list cells, segments, node and link kinds,
//! and town cells that name no single town.

use super::headers::{KIND_WORDS, NO_WORDS, SRDI_TIER_WORDS, UNITS, Unit, YES_WORDS, half_width};
use crate::model::{LinkKind, NodeKind, Segment};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A town cell that names no single town.
pub(super) fn no_town(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || (t.starts_with('(') && t.ends_with(')'))
        || (t.starts_with('\u{ff08}') && t.ends_with('\u{ff09}'))
        || [
            "多镇",
            "多个镇",
            "县外",
            "外县",
            "several",
            "outside",
            "-",
            "—",
        ]
        .contains(&t)
}

/// Splits a list cell: 链主;规上 / 链主、规上 / 链主|规上.
pub(super) fn split_list(text: &str) -> Vec<String> {
    text.split([';', '\u{ff1b}', '、', '|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(super) fn parse_segment(text: &str) -> Option<Segment> {
    Some(match text.trim().to_lowercase().as_str() {
        "upstream" | "up" | "上游" => Segment::Upstream,
        "midstream" | "mid" | "中游" => Segment::Midstream,
        "downstream" | "down" | "下游" => Segment::Downstream,
        "support" | "支撑" | "配套" | "支撑服务" => Segment::Support,
        _ => return None,
    })
}

pub(super) fn parse_kind(text: &str) -> Option<NodeKind> {
    let t = text.trim().to_lowercase();
    NodeKind::ALL.into_iter().find(|k| {
        k.code() == t
            || k.label(crate::i18n::Lang::Zh) == t
            || k.label(crate::i18n::Lang::En).to_lowercase() == t
    })
}

pub(super) fn parse_link_kind(text: &str) -> Option<LinkKind> {
    let t = text.trim().to_lowercase();
    LinkKind::ALL.into_iter().find(|k| {
        k.code() == t
            || k.label(crate::i18n::Lang::Zh) == t
            || k.label(crate::i18n::Lang::En).to_lowercase() == t
    })
}

/// A number cell as county lists write it, once read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberText {
    pub value: Decimal,
    /// Written with a % sign.
    pub percent: bool,
    /// A unit written after the number (`1.2亿元`, `40亩`), which overrides the header's.
    pub unit: Option<Unit>,
}

/// Cells that mean "not known" in a number column.
const NONE_WORDS: &[&str] = &[
    "-", "—", "——", "–", "―", "--", "/", "\\", "无", "空", "不详", "未知", "n/a", "na", "#n/a",
    "null", "…", "...",
];

/// Reads a number cell: thousands separators (`1,800`, `1 800`), full-width digits, a % sign,
/// a unit after the number. `—`, `-`, `/` and blank are none (not known, which is not zero);
/// `Err` for text that is no number.
pub(crate) fn read_number(text: &str) -> Result<Option<NumberText>, ()> {
    let t = half_width(text).trim().to_lowercase();
    if t.is_empty() || NONE_WORDS.contains(&t.as_str()) {
        return Ok(None);
    }
    let mut t: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\''))
        .collect();
    let percent = t.ends_with('%');
    if percent {
        t.pop();
    }
    // The longest unit word the cell ends with (亿元 before 元).
    let unit = UNITS
        .iter()
        .flat_map(|(names, u)| names.iter().map(move |n| (*n, *u)))
        .filter(|(n, _)| t.ends_with(n) && t.len() > n.len())
        .max_by_key(|(n, _)| n.len());
    if let Some((name, _)) = unit {
        t.truncate(t.len() - name.len());
    }
    let value = Decimal::from_str(&t)
        .or_else(|_| Decimal::from_scientific(&t))
        .map_err(|_| ())?;
    Ok(Some(NumberText {
        value: value.normalize(),
        percent,
        unit: unit.map(|(_, u)| u),
    }))
}

/// A number as spreadsheets write it: `1,800`, ` 12.5 `, `1800万元` are all read; a cell in
/// another unit or a percentage is not a plain amount (none).
pub(super) fn parse_amount(text: &str) -> Option<Decimal> {
    match read_number(text) {
        Ok(Some(n)) if !n.percent && n.unit.is_none_or(|u| matches!(u.name, "万元" | "亩")) => {
            Some(n.value)
        }
        _ => None,
    }
}

/// What a yes/no cell says: yes, no, or nothing (empty); `Err` for anything else.
pub(super) fn read_yes_no(text: &str) -> Result<Option<bool>, ()> {
    let t = half_width(text).trim().to_lowercase();
    if t.is_empty() {
        Ok(None)
    } else if YES_WORDS.contains(&t.as_str()) {
        Ok(Some(true))
    } else if NO_WORDS.contains(&t.as_str()) {
        Ok(Some(false))
    } else {
        Err(())
    }
}

/// The 专精特新 tier a cell names (`国家级小巨人`), if it names one.
pub(super) fn srdi_tier_named(text: &str) -> Option<crate::model::SrdiTier> {
    SRDI_TIER_WORDS
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, t)| *t)
}

/// The kind a 企业类型 cell names: a kind's own code or label, else the first kind word in it.
pub(super) fn kind_from_words(text: &str) -> Option<NodeKind> {
    parse_kind(text).or_else(|| {
        KIND_WORDS
            .iter()
            .find(|(w, _)| text.contains(w))
            .map(|(_, k)| *k)
    })
}

/// Splits a list of products: 、 ; ， / and commas.
pub(super) fn split_products(text: &str) -> Vec<String> {
    half_width(text)
        .split([',', ';', '、', '/', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(String, bool, Option<&'static str>)> {
        read_number(text)
            .unwrap()
            .map(|n| (n.value.to_string(), n.percent, n.unit.map(|u| u.name)))
    }

    #[test]
    fn numbers_as_text_are_read() {
        assert_eq!(value("1,800"), Some(("1800".into(), false, None)));
        assert_eq!(
            value("１２，３４５．６"),
            Some(("12345.6".into(), false, None))
        );
        assert_eq!(value(" 12 500 "), Some(("12500".into(), false, None)));
        assert_eq!(value("35%"), Some(("35".into(), true, None)));
        assert_eq!(value("３５％"), Some(("35".into(), true, None)));
        assert_eq!(value("1.2亿元"), Some(("1.2".into(), false, Some("亿元"))));
        assert_eq!(
            value("1800万元"),
            Some(("1800".into(), false, Some("万元")))
        );
        assert_eq!(value("-20"), Some(("-20".into(), false, None)));
        for none in ["", " ", "—", "-", "－", "/", "——", "无"] {
            assert_eq!(value(none), None, "{none:?}");
        }
        assert!(read_number("一千").is_err());
        assert!(read_number("12a").is_err());
        assert_eq!(
            parse_amount("1.2亿元"),
            None,
            "another unit is not a plain amount"
        );
        assert_eq!(parse_amount("1,800"), Some(Decimal::from(1800)));
    }

    #[test]
    fn yes_no_kinds_and_products() {
        for yes in ["是", "√", "Y", "yes", "1", "Ｙ"] {
            assert_eq!(read_yes_no(yes), Ok(Some(true)), "{yes}");
        }
        for no in ["否", "×", "N", "0", "-"] {
            assert_eq!(read_yes_no(no), Ok(Some(false)), "{no}");
        }
        assert_eq!(read_yes_no(""), Ok(None));
        assert!(read_yes_no("也许").is_err());
        assert_eq!(
            kind_from_words("农民专业合作社"),
            Some(NodeKind::Cooperative)
        );
        assert_eq!(
            kind_from_words("村股份经济合作社"),
            Some(NodeKind::VillageCollective)
        );
        assert_eq!(kind_from_words("家庭农场"), Some(NodeKind::FamilyFarms));
        assert_eq!(
            kind_from_words("有限责任公司(自然人独资)"),
            Some(NodeKind::Enterprise)
        );
        assert_eq!(kind_from_words("spaceship"), None);
        assert_eq!(
            split_products("干木耳、木耳菌包;菌种，冷链/物流"),
            ["干木耳", "木耳菌包", "菌种", "冷链", "物流"]
        );
    }
}
