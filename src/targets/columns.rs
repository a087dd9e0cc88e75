//! The columns of a candidate list (招商对象名单) and the header words that name each: the
//! rules as data, so a new way of writing a header is one more word, not more code. Headers are
//! read as every import reads them (`file::import::headers`: width, spaces, units and years
//! taken off; filler prefixes such as 企业 dropped).

use crate::file::import::headers::{FILLER_PREFIXES, read_header};
use crate::i18n::Lang;

/// A column of a candidate list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Name,
    Location,
    Products,
    Revenue,
    Tags,
    Note,
}

impl Column {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Column::Name => lang.pick("企业名称", "name"),
            Column::Location => lang.pick("所在地", "location"),
            Column::Products => lang.pick("主营产品", "products"),
            Column::Revenue => lang.pick("营业收入", "revenue"),
            Column::Tags => lang.pick("标签", "tags"),
            Column::Note => lang.pick("备注", "note"),
        }
    }
}

/// The header words of each column (lower case, half-width, without spaces, year and unit). A
/// header matches when it equals one, else when it starts with one (the longest wins).
const COLUMN_WORDS: &[(Column, &[&str])] = &[
    (
        Column::Name,
        &[
            "企业名称",
            "公司名称",
            "名称",
            "企业",
            "公司",
            "单位名称",
            "企业全称",
            "招商对象",
            "目标企业",
            "name",
            "company",
            "enterprise",
            "firm",
        ],
    ),
    (
        Column::Location,
        &[
            "所在地",
            "所在地区",
            "地区",
            "注册地",
            "注册地址",
            "所在省市",
            "所在城市",
            "省市",
            "城市",
            "省份",
            "地址",
            "总部",
            "总部所在地",
            "区域",
            "location",
            "city",
            "province",
            "region",
        ],
    ),
    (
        Column::Products,
        &[
            "主营产品",
            "主要产品",
            "主导产品",
            "产品",
            "主营业务",
            "产品服务",
            "产品/服务",
            "products",
            "mainproducts",
            "product",
        ],
    ),
    (
        Column::Revenue,
        &[
            "营业收入",
            "年营收",
            "营收",
            "年营业收入",
            "主营业务收入",
            "销售收入",
            "年销售额",
            "销售额",
            "revenue",
            "sales",
        ],
    ),
    (
        Column::Tags,
        &[
            "标签",
            "资质",
            "企业类型",
            "企业性质",
            "类型",
            "荣誉",
            "企业标签",
            "资质荣誉",
            "tags",
            "tag",
            "type",
        ],
    ),
    (
        Column::Note,
        &[
            "备注",
            "说明",
            "简介",
            "企业简介",
            "公司简介",
            "note",
            "notes",
            "remark",
        ],
    ),
];

/// The column a header names, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let words = read_header(header).words;
    if words.is_empty() {
        return None;
    }
    let mut candidates = vec![words.as_str()];
    candidates.extend(
        FILLER_PREFIXES
            .iter()
            .filter_map(|f| words.strip_prefix(f))
            .filter(|rest| !rest.is_empty()),
    );
    let exact = candidates.iter().find_map(|c| {
        COLUMN_WORDS
            .iter()
            .find(|(_, ws)| ws.contains(c))
            .map(|(col, _)| *col)
    });
    exact.or_else(|| {
        candidates
            .iter()
            .flat_map(|c| {
                COLUMN_WORDS.iter().flat_map(move |(col, ws)| {
                    ws.iter()
                        .filter(move |w| c.starts_with(**w))
                        .map(move |w| (w.chars().count(), *col))
                })
            })
            .max_by_key(|(len, _)| *len)
            .map(|(_, col)| col)
    })
}
