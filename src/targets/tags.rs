//! The tags a 招商 list gives a firm (上市, 专精特新, 小巨人, 龙头, 高新, 500强 …): the words that
//! name each in a 标签 / 资质 / 企业类型 cell or a free 备注, the one name it is kept under, its
//! English, and how much it adds to a candidate's fit (`rank`). Data, not code: a new word is a
//! line here.

use crate::i18n::Lang;

/// One recognised tag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagRule {
    /// The name the tag is kept under.
    pub tag: &'static str,
    pub en: &'static str,
    /// Words that name it, as lists write them (matched inside a cell, half-width, lower case).
    pub words: &'static [&'static str],
    /// Its part in the fit's tag term (0–1): how much weight a county's 招商 work gives it.
    pub weight: f64,
    /// A tag it makes redundant (a 小巨人 is a 专精特新 firm of the national tier).
    pub implies: Option<&'static str>,
}

/// Every recognised tag, strongest first.
pub const TAG_RULES: &[TagRule] = &[
    TagRule {
        tag: "500强",
        en: "top-500",
        words: &["世界500强", "中国500强", "500强", "fortune500"],
        weight: 1.0,
        implies: None,
    },
    TagRule {
        tag: "上市",
        en: "listed",
        words: &[
            "上市",
            "a股",
            "主板",
            "科创板",
            "创业板",
            "北交所",
            "港股",
            "listed",
        ],
        weight: 1.0,
        implies: None,
    },
    TagRule {
        tag: "单项冠军",
        en: "single champion",
        words: &["单项冠军"],
        weight: 0.9,
        implies: Some("专精特新"),
    },
    TagRule {
        tag: "龙头",
        en: "leading firm",
        words: &["龙头"],
        weight: 0.8,
        implies: None,
    },
    TagRule {
        tag: "小巨人",
        en: "little giant",
        words: &["小巨人"],
        weight: 0.8,
        implies: Some("专精特新"),
    },
    TagRule {
        tag: "专精特新",
        en: "SRDI",
        words: &["专精特新", "srdi"],
        weight: 0.6,
        implies: None,
    },
    TagRule {
        tag: "高新",
        en: "high-tech",
        words: &["高新技术", "高新", "高企", "hightech", "high-tech"],
        weight: 0.5,
        implies: None,
    },
    TagRule {
        tag: "规上",
        en: "above scale",
        words: &["规上", "规模以上", "abovescale", "above scale"],
        weight: 0.3,
        implies: None,
    },
];

/// Phrases that contain a tag's word and do not give the tag: a place (高新区) or a plan (拟上市).
const NOT_TAGS: &[&str] = &[
    "高新技术产业开发区",
    "高新技术开发区",
    "高新区",
    "拟上市",
    "计划上市",
    "筹备上市",
    "未上市",
    "上市后备",
    "非上市",
];

/// Half-width, lower case, and the phrases that give no tag taken out.
fn fold(text: &str) -> String {
    let mut folded = crate::file::import::headers::half_width(text).to_lowercase();
    for phrase in NOT_TAGS {
        folded = folded.replace(phrase, " ");
    }
    folded
}

/// The recognised tags named anywhere in `text` (a 备注, or one item of a tags cell), each
/// once, strongest first; a tag implied by a stronger one found with it is left out.
pub fn tags_in(text: &str) -> Vec<&'static str> {
    let folded = fold(text);
    let found: Vec<&TagRule> = TAG_RULES
        .iter()
        .filter(|r| r.words.iter().any(|w| folded.contains(w)))
        .collect();
    found
        .iter()
        .filter(|r| !found.iter().any(|other| other.implies == Some(r.tag)))
        .map(|r| r.tag)
        .collect()
}

/// A tags cell read: each item (split on 、,;；/|) becomes the recognised tags it names, or
/// itself when it names none (a county's own word, such as 外资 or 央企), in order, each once.
pub fn read_tags_cell(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for item in crate::file::import::headers::half_width(text)
        .split([',', ';', '、', '/', '|', '，', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let named = tags_in(item);
        if named.is_empty() {
            push_once(&mut tags, item);
        } else {
            for tag in named {
                push_once(&mut tags, tag);
            }
        }
    }
    tidy(tags)
}

/// Adds a tag unless it is there already.
pub fn push_once(tags: &mut Vec<String>, tag: &str) {
    if !tags.iter().any(|t| t == tag) {
        tags.push(tag.to_owned());
    }
}

/// Leaves out tags a stronger one among them implies (专精特新 beside 小巨人).
pub fn tidy(tags: Vec<String>) -> Vec<String> {
    let implied: Vec<&str> = tags
        .iter()
        .filter_map(|t| rule(t).and_then(|r| r.implies))
        .collect();
    tags.into_iter()
        .filter(|t| !implied.contains(&t.as_str()))
        .collect()
}

/// The rule of a kept tag name.
pub fn rule(tag: &str) -> Option<&'static TagRule> {
    TAG_RULES.iter().find(|r| r.tag == tag)
}

/// The tag term of the fit: the weight of the strongest recognised tag, 0 without one.
pub fn tag_weight(tags: &[String]) -> f64 {
    tags.iter()
        .filter_map(|t| rule(t))
        .map(|r| r.weight)
        .fold(0.0, f64::max)
}

/// A tag for people: the kept name in Chinese, its English (with the Chinese) in English.
pub fn tag_label(tag: &str, lang: Lang) -> String {
    match (lang, rule(tag)) {
        (Lang::En, Some(r)) => r.en.to_owned(),
        _ => tag.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found_in_cells_and_notes() {
        assert_eq!(read_tags_cell("上市、专精特新"), ["上市", "专精特新"]);
        assert_eq!(read_tags_cell("国家级专精特新小巨人企业"), ["小巨人"]);
        assert_eq!(
            read_tags_cell("高新技术企业;外资;农业产业化国家重点龙头企业"),
            ["高新", "外资", "龙头"]
        );
        assert_eq!(
            tags_in("2021年在深交所创业板上市,省级专精特新"),
            ["上市", "专精特新"]
        );
        assert_eq!(tags_in("中国500强企业下属公司"), ["500强"]);
        assert!(tags_in("有意在西北布局").is_empty());
        assert!(tags_in("位于西安高新区,拟上市").is_empty());
        assert_eq!(
            tag_weight(&["外资".into(), "高新".into(), "龙头".into()]),
            0.8
        );
        assert_eq!(tag_weight(&["外资".into()]), 0.0);
        assert_eq!(tidy(vec!["专精特新".into(), "小巨人".into()]), ["小巨人"]);
    }
}
