//! The page's own words (headings, buttons, the hover card's fields) in the export's language;
//! the script looks them up by key.

use crate::i18n::Lang;
use std::collections::BTreeMap;

/// Key, Chinese, English.
const STRINGS: &[(&str, &str, &str)] = &[
    (
        "search",
        "搜索企业(名称或拼音)",
        "Find a firm (name or pinyin)",
    ),
    ("noMatch", "没有找到", "Nothing found"),
    ("summary", "概况", "Summary"),
    ("layers", "连线图层", "Link layers"),
    ("leaders", "链主候选", "Chain-leader candidates"),
    ("gaps", "缺口(按优先级)", "Gaps (most pressing first)"),
    ("none", "(无)", "(none)"),
    ("score", "得分", "score"),
    ("kind", "类型", "Kind"),
    ("stage", "环节", "Stage"),
    ("output", "产值", "Output"),
    ("tags", "标签", "Tags"),
    ("prev", "上一步", "Previous"),
    ("next", "下一步", "Next"),
    ("story", "串珠成链", "The chain, stage by stage"),
    ("zoomIn", "放大", "Zoom in"),
    ("zoomOut", "缩小", "Zoom out"),
    ("fit", "全图", "Whole map"),
    (
        "help",
        "滚轮或双指缩放,拖动平移;点击企业查看上下游,点击空白处恢复;← → 逐环节讲解",
        "Wheel or pinch to zoom, drag to pan; click a firm for its upstream and downstream, empty space to clear; ← → step through the stages",
    ),
    ("clear", "清除高亮", "Clear highlight"),
];

/// Every string in `lang`, by key.
pub fn strings(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    STRINGS
        .iter()
        .map(|(key, zh, en)| (*key, lang.pick(zh, en)))
        .collect()
}
