//! Firm names as people write them. One firm is "陕西省柞水县中博农业科技有限公司" in the
//! industry bureau's list, "柞水中博农业科技公司" in the tax office's and "中博农业" in a survey.
//! A name is reduced to keys: full- and half-width made one, spaces and brackets dropped, the
//! legal form at the end (有限公司, 股份有限公司, 集团 …) and the places in front (省, 市, 县 …)
//! taken off, each by the data tables below, not by code paths.
//!
//! A name in a file then finds its node in tiers, the first tier with a hit deciding:
//! 1. the exact name (or id);
//! 2. the same key ("柞水县中博农业科技有限公司" = "中博农业科技公司");
//! 3. a short name: one key the start of the other ("中博农业" → "中博农业科技").
//!
//! One node in a tier is a match (listed for the user to confirm); several are a problem that
//! lists the candidates, never a silent merge and never a duplicate firm (`name_matching`).

use crate::model::{Node, NodeId, NodeKind, Project};
use std::collections::{BTreeMap, BTreeSet};

/// Provinces (and the regions of that level) as written in full and short. Their short forms
/// are unambiguous, so both are taken off the front of a name.
const PROVINCES: &[(&str, &str)] = &[
    ("北京市", "北京"),
    ("天津市", "天津"),
    ("上海市", "上海"),
    ("重庆市", "重庆"),
    ("河北省", "河北"),
    ("山西省", "山西"),
    ("辽宁省", "辽宁"),
    ("吉林省", "吉林"),
    ("黑龙江省", "黑龙江"),
    ("江苏省", "江苏"),
    ("浙江省", "浙江"),
    ("安徽省", "安徽"),
    ("福建省", "福建"),
    ("江西省", "江西"),
    ("山东省", "山东"),
    ("河南省", "河南"),
    ("湖北省", "湖北"),
    ("湖南省", "湖南"),
    ("广东省", "广东"),
    ("海南省", "海南"),
    ("四川省", "四川"),
    ("贵州省", "贵州"),
    ("云南省", "云南"),
    ("陕西省", "陕西"),
    ("甘肃省", "甘肃"),
    ("青海省", "青海"),
    ("台湾省", "台湾"),
    ("内蒙古自治区", "内蒙古"),
    ("广西壮族自治区", "广西"),
    ("西藏自治区", "西藏"),
    ("宁夏回族自治区", "宁夏"),
    ("新疆维吾尔自治区", "新疆"),
    ("香港特别行政区", "香港"),
    ("澳门特别行政区", "澳门"),
];

/// How a place name ends, longest first; whether the ending alone shows a place; and how many
/// characters the name before it has at most. "县" or "自治州" after a name is a county or
/// prefecture; "市" and "区" are a city or district only after another place ("陕西省商洛市"),
/// since 超市 and 园区 end in them too. Autonomous regions have long names (恩施土家族苗族自治州).
const PLACE_SUFFIXES: &[(&str, bool, usize)] = &[
    ("特别行政区", true, 4),
    ("自治区", true, 8),
    ("自治州", true, 10),
    ("自治县", true, 10),
    ("自治旗", true, 10),
    ("地区", true, 4),
    ("新区", false, 4),
    ("林区", false, 4),
    ("省", true, 4),
    ("县", true, 4),
    ("盟", true, 4),
    ("市", false, 4),
    ("区", false, 4),
    ("州", false, 4),
    ("旗", false, 4),
];

/// Characters a place name has at least before its ending.
const PLACE_NAME_MIN_CHARS: usize = 2;

/// Legal forms at the end of a firm's name, longest first (taken off again and again:
/// 集团有限公司 is 集团 + 有限公司).
const LEGAL_FORMS: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "股份合作公司",
    "有限合伙",
    "有限公司",
    "股份公司",
    "集团公司",
    "公司",
    "集团",
];

/// Characters dropped from a name: spaces, dots and dashes people put in or leave out.
const DROPPED: &[char] = &[
    ' ', '\t', '\u{a0}', '·', '•', '.', '-', '_', '—', '"', '\'', '“', '”', '‘', '’',
];

/// A key keeps at least this many characters: a name is never reduced to nothing.
const MIN_KEY_CHARS: usize = 2;

/// The keys of one name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameKey {
    /// Width, case and spaces made one, legal form taken off: "柞水县中博农业科技".
    pub full: String,
    /// And the places in front taken off: "中博农业科技".
    pub bare: String,
    /// And any "XX市"/"XX区" in front too, even after no other place ("商洛市中博农业" →
    /// "中博农业"): only for short names, where the start of the key must match anyway.
    pub loose: String,
}

/// The places of the project: its county (with and without 县) and its regions' names, taken
/// off the front of a name like a province.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Longest first.
    names: Vec<String>,
}

impl Places {
    pub fn of(project: &Project) -> Self {
        let mut names: BTreeSet<String> = BTreeSet::new();
        let county = fold(&project.meta.county);
        if county.chars().count() >= 2 {
            names.insert(county.clone());
            if let Some(short) = without_place_suffix(&county) {
                names.insert(short);
            }
        }
        for node in project.nodes.values() {
            if node.kind == NodeKind::Region {
                let name = fold(&node.name);
                if name.chars().count() >= 2 {
                    names.insert(name);
                }
            }
        }
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        Places { names }
    }
}

/// "柞水县" → "柞水" (two characters at least are left).
fn without_place_suffix(name: &str) -> Option<String> {
    PLACE_SUFFIXES.iter().find_map(|(suffix, _, _)| {
        name.strip_suffix(suffix)
            .filter(|rest| rest.chars().count() >= 2)
            .map(str::to_owned)
    })
}

/// Full-width letters, digits and signs as their ASCII forms, the ideographic space as a
/// space, lower case; the characters people put in or leave out dropped.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .filter(|c| !DROPPED.contains(c))
        .collect()
}

/// Brackets taken out: a place in brackets ("中博农业(柞水)有限公司") is dropped, anything else
/// keeps its text without the brackets.
fn unbracket(text: &str, places: &Places) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['(', '[', '【', '〔']) {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let inner_start = after.chars().next().map(char::len_utf8).unwrap_or(1);
        let Some(close) = after.find([')', ']', '】', '〕']) else {
            out.push_str(&after[inner_start..]);
            return out;
        };
        let inner = &after[inner_start..close];
        if !is_place(inner, places) {
            out.push_str(inner);
        }
        let close_len = after[close..]
            .chars()
            .next()
            .map(char::len_utf8)
            .unwrap_or(1);
        rest = &after[close + close_len..];
    }
    out.push_str(rest);
    out
}

fn is_place(text: &str, places: &Places) -> bool {
    PROVINCES
        .iter()
        .any(|(full, short)| text == *full || text == *short)
        || places.names.iter().any(|n| n == text)
        || PLACE_SUFFIXES.iter().any(|(suffix, _, longest)| {
            text.strip_suffix(suffix).is_some_and(|rest| {
                (PLACE_NAME_MIN_CHARS..=*longest).contains(&rest.chars().count())
            })
        })
}

/// The legal forms taken off the end.
pub(super) fn without_legal_form(mut name: &str) -> &str {
    loop {
        let shorter = LEGAL_FORMS.iter().find_map(|form| {
            name.strip_suffix(form)
                .filter(|rest| rest.chars().count() >= MIN_KEY_CHARS)
        });
        match shorter {
            Some(rest) => name = rest,
            None => return name,
        }
    }
}

/// The place at the front of `name`, if one is: a province, one of the project's places, or
/// two to four characters and a place ending (a weak ending only when `weak` allows it).
fn leading_place<'a>(name: &'a str, places: &Places, weak: bool) -> Option<&'a str> {
    let known = PROVINCES
        .iter()
        .flat_map(|(full, short)| [*full, *short])
        .chain(places.names.iter().map(String::as_str))
        .filter(|p| name.starts_with(p))
        .max_by_key(|p| p.len());
    if let Some(place) = known {
        return Some(&name[place.len()..]);
    }
    let starts: Vec<usize> = name.char_indices().map(|(at, _)| at).collect();
    for (chars, at) in starts.iter().enumerate().skip(PLACE_NAME_MIN_CHARS) {
        let after = &name[*at..];
        let ending = PLACE_SUFFIXES.iter().find(|(suffix, strong, longest)| {
            chars <= *longest && after.starts_with(suffix) && (*strong || weak)
        });
        if let Some((suffix, _, _)) = ending {
            return Some(&after[suffix.len()..]);
        }
    }
    None
}

/// The places taken off the front; `always_weak` takes "XX市" even at the very front.
pub(super) fn without_places<'a>(mut name: &'a str, places: &Places, always_weak: bool) -> &'a str {
    let mut after_place = false;
    while let Some(rest) = leading_place(name, places, after_place || always_weak) {
        if rest.chars().count() < MIN_KEY_CHARS {
            break;
        }
        name = rest;
        after_place = true;
    }
    name
}

/// The keys of a name.
pub fn name_key(name: &str, places: &Places) -> NameKey {
    let folded = unbracket(&fold(name), places);
    let full = without_legal_form(&folded).to_owned();
    let bare = without_places(&full, places, false).to_owned();
    let loose = without_places(&bare, places, true).to_owned();
    NameKey { full, bare, loose }
}

/// How a name in a file found its node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same name once written alike (places, legal form, width, spaces).
    Alike,
    /// A short name: the start of the node's name, or the node's name the start of it.
    Short,
}

impl MatchKind {
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            MatchKind::Alike => lang.pick("写法不同的同名", "same name written differently"),
            MatchKind::Short => lang.pick("简称", "short name"),
        }
    }
}

/// What a name finds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Found {
    Nothing,
    Matched(NodeId, MatchKind),
    /// Several nodes, by id.
    Ambiguous(Vec<NodeId>),
}

/// Nodes by their name keys, kept up to date as the import adds nodes.
#[derive(Debug, Default)]
pub(super) struct NameIndex {
    places: Places,
    full: BTreeMap<String, BTreeSet<NodeId>>,
    bare: BTreeMap<String, BTreeSet<NodeId>>,
    loose: BTreeMap<String, BTreeSet<NodeId>>,
    /// Each node's keys.
    keys: BTreeMap<NodeId, NameKey>,
}

impl NameIndex {
    /// An empty index that knows the project's places (nodes join it through `add`).
    pub(super) fn new(project: &Project) -> Self {
        NameIndex {
            places: Places::of(project),
            ..NameIndex::default()
        }
    }

    /// Adds (or re-keys) a node. Regions are places, not firms: they are found by exact name.
    pub(super) fn add(&mut self, node: &Node) {
        if !node.kind.is_enterprise_like() {
            return;
        }
        let key = name_key(&node.name, &self.places);
        if let Some(old) = self.keys.insert(node.id.clone(), key.clone()) {
            for (map, k) in [
                (&mut self.full, old.full),
                (&mut self.bare, old.bare),
                (&mut self.loose, old.loose),
            ] {
                if let Some(ids) = map.get_mut(&k) {
                    ids.remove(&node.id);
                }
            }
        }
        for (map, k) in [
            (&mut self.full, key.full),
            (&mut self.bare, key.bare),
            (&mut self.loose, key.loose),
        ] {
            if !k.is_empty() {
                map.entry(k).or_default().insert(node.id.clone());
            }
        }
    }

    /// The node a name means, past exact names: the same key, else a short name.
    pub(super) fn find(&self, text: &str) -> Found {
        let key = name_key(text, &self.places);
        if key.bare.chars().count() < MIN_KEY_CHARS {
            return Found::Nothing;
        }
        let mut alike = BTreeSet::new();
        for (map, k) in [(&self.full, &key.full), (&self.bare, &key.bare)] {
            alike.extend(map.get(k).into_iter().flatten().cloned());
        }
        if !alike.is_empty() {
            return one_or_all(alike, MatchKind::Alike);
        }
        let mut short = BTreeSet::new();
        // The name is the start of a node's key ("中博农业" → "中博农业科技")…
        for (map, k) in [
            (&self.full, &key.full),
            (&self.bare, &key.bare),
            (&self.loose, &key.bare),
        ] {
            for (_, ids) in map.range(k.clone()..).take_while(|(n, _)| n.starts_with(k)) {
                short.extend(ids.iter().cloned());
            }
        }
        // … or a node's key is the start of the name (the project has the short name).
        let ends = key
            .loose
            .char_indices()
            .map(|(at, _)| at)
            .skip(MIN_KEY_CHARS)
            .chain([key.loose.len()]);
        for end in ends {
            short.extend(
                self.loose
                    .get(&key.loose[..end])
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
        }
        if short.is_empty() {
            Found::Nothing
        } else {
            one_or_all(short, MatchKind::Short)
        }
    }
}

fn one_or_all(ids: BTreeSet<NodeId>, how: MatchKind) -> Found {
    if ids.len() == 1 {
        match ids.into_iter().next() {
            Some(id) => Found::Matched(id, how),
            None => Found::Nothing,
        }
    } else {
        Found::Ambiguous(ids.into_iter().collect())
    }
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
