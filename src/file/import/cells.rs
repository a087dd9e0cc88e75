//! Cell parsing: numbers as spreadsheets write them, list cells, segments, node and link kinds,
//! and town cells that name no single town.

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

/// A number as spreadsheets write it: `1,800`, ` 12.5 `, `1800万元` are all read.
pub(super) fn parse_amount(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .trim()
        .trim_end_matches("万元")
        .trim_end_matches('亩')
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{ff0c}' | ' ' | '\u{a0}'))
        .collect();
    Decimal::from_str(&cleaned)
        .or_else(|_| Decimal::from_scientific(&cleaned))
        .ok()
}
