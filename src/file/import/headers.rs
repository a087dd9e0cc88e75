//! Header rules, as data: the words that name each field, the units a header may carry and what
//! they convert by, the filler words around a field's name (the words of cells and rows, yes/no,
//! 企业类型, 合计, notes, are in `words`). The code that reads a header (`read_header`) only
//! applies these tables; a new synonym or unit is a line here.
//!
//! A header is read in this order: full-width characters made half-width; a year (`2023年`,
//! `2023年度`) taken out; a unit taken out (`(万元)`, `（亿元）`, `/万元`, `_wan`, `单位:元`), other
//! bracketed words dropped (`所属乡镇(街道)`); filler words at the front dropped (所属, 所在);
//! what is left is matched against the field words, equal first, then starting with one.

use super::mapping::{Field, Flag, TableKind};
pub use super::words::*;
use crate::model::Year;
use rust_decimal::Decimal;

/// Header words that name each field, lower case, spaces and underscores left out (they are
/// left out of headers too before matching). A header matches when it equals one of them, or
/// (failing any equal) starts with one: `revenue`, `税收总额`.
pub const FIELD_WORDS: &[(Field, &[&str])] = &[
    (
        Field::StageCode,
        &[
            "code",
            "stagecode",
            "stageid",
            "编号",
            "环节编号",
            "环节代码",
            "代码",
            "id",
        ],
    ),
    (
        Field::Segment,
        &["tier", "segment", "上中下游", "链段", "段", "层级", "位置"],
    ),
    (
        Field::StageName,
        &["namecn", "name", "stagename", "环节名称", "环节", "名称"],
    ),
    (
        Field::StageNameEn,
        &["nameen", "english", "英文名", "英文名称"],
    ),
    (Field::Chain, &["chain", "产业链", "链", "产业链名称"]),
    (Field::Id, &["id", "编号", "企业编号", "nodeid"]),
    (
        Field::CreditCode,
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "统一代码",
            "creditcode",
            "uscc",
        ],
    ),
    (
        Field::Name,
        &[
            "企业名称",
            "name",
            "名称",
            "企业",
            "单位名称",
            "主体名称",
            "经营主体名称",
            "经营主体",
            "合作社名称",
            "company",
            "enterprise",
            "firm",
        ],
    ),
    (
        Field::Stage,
        &[
            "stage",
            "环节",
            "产业环节",
            "产业链环节",
            "链条环节",
            "环节名称",
            "所处环节",
        ],
    ),
    (
        Field::Kind,
        &[
            "kind",
            "type",
            "类型",
            "主体类型",
            "企业类型",
            "企业性质",
            "经营主体类型",
        ],
    ),
    (
        Field::Town,
        &[
            "town",
            "镇",
            "乡镇",
            "镇街",
            "乡镇街道",
            "街道",
            "镇(街道)",
            "region",
            "地区",
            "属地",
        ],
    ),
    (Field::Park, &["park", "园区", "入驻园区", "园区名称"]),
    (Field::Tags, &["tags", "tag", "标签", "资质", "荣誉"]),
    (Field::Year, &["year", "年份", "年度", "统计年度"]),
    (
        Field::Output,
        &[
            "产值",
            "工业总产值",
            "总产值",
            "output",
            "revenue",
            "营收",
            "营业收入",
            "主营业务收入",
            "销售收入",
            "销售额",
        ],
    ),
    (
        Field::Tax,
        &[
            "税收",
            "tax",
            "纳税",
            "税金",
            "实缴税金",
            "入库税金",
            "纳税额",
            "缴税",
        ],
    ),
    (
        Field::Vat,
        &["增值税", "vat", "增值税额", "缴纳增值税", "valueaddedtax"],
    ),
    (
        Field::Cit,
        &[
            "企业所得税",
            "所得税",
            "cit",
            "企业所得税额",
            "缴纳企业所得税",
            "corporateincometax",
        ],
    ),
    (
        Field::OtherTax,
        &["其他税收", "othertax", "其他税费", "其他税金", "其它税收"],
    ),
    (
        Field::Rent,
        &["租金", "租金收入", "rent", "房租", "租赁收入"],
    ),
    (
        Field::KeyProjects,
        &["重点项目", "keyprojects", "重点项目数", "重点项目个数"],
    ),
    (
        Field::ValueAdded,
        &["增加值", "工业增加值", "valueadded", "va"],
    ),
    (
        Field::Investment,
        &["投资", "investment", "固定资产投资", "固投"],
    ),
    (Field::Profit, &["利润", "profit", "利润总额", "净利润"]),
    // Not a bare "亩": 亩均税收 (tax per mu) starts with it too.
    (
        Field::Land,
        &[
            "用地",
            "land",
            "占地",
            "土地",
            "用地面积",
            "占地面积",
            "亩数",
            "面积",
        ],
    ),
    (
        Field::Employees,
        &[
            "从业人员",
            "年末从业人员",
            "从业人数",
            "employees",
            "员工",
            "职工",
            "用工",
            "就业",
            "就业人数",
        ],
    ),
    (
        Field::Farmers,
        &[
            "联农",
            "farmers",
            "带动农户",
            "联农户数",
            "带农户数",
            "联农带农户数",
            "带动农户数",
        ],
    ),
    (
        Field::Products,
        &[
            "主营产品",
            "主要产品",
            "主导产品",
            "产品",
            "products",
            "mainproducts",
        ],
    ),
    (
        Field::Flag(Flag::Srdi),
        &["专精特新", "专精特新企业", "srdi"],
    ),
    (
        Field::Flag(Flag::LittleGiant),
        &["小巨人", "专精特新小巨人", "国家级专精特新小巨人"],
    ),
    (
        Field::Flag(Flag::AboveScale),
        &[
            "规上",
            "规上企业",
            "规模以上",
            "规模以上企业",
            "规上工业",
            "abovescale",
        ],
    ),
    (
        Field::Flag(Flag::HighTech),
        &[
            "高新技术企业",
            "高新企业",
            "高企",
            "国家高新技术企业",
            "hightech",
        ],
    ),
    (
        Field::Flag(Flag::ChainLeader),
        &["链主", "链主企业", "chainleader"],
    ),
    (
        Field::Flag(Flag::Leading),
        &["龙头企业", "农业产业化龙头企业", "龙头"],
    ),
    (Field::Note, &["note", "备注", "说明", "remark"]),
    (
        Field::From,
        &[
            "supplier",
            "from",
            "供方",
            "供应方",
            "供应商",
            "卖方",
            "seller",
            "source",
        ],
    ),
    (
        Field::To,
        &["buyer", "to", "买方", "采购方", "客户", "需方", "target"],
    ),
    (
        Field::Product,
        &["product", "产品", "供应产品", "品名", "goods"],
    ),
    (
        Field::Value,
        &[
            "amount",
            "value",
            "金额",
            "采购额",
            "供应额",
            "交易额",
            "年采购额",
        ],
    ),
    (
        Field::LinkKind,
        &["kind", "type", "关系类型", "类型", "linkkind"],
    ),
];

/// Words in front of a field's name that say nothing about which field it is: 所属乡镇 is 乡镇,
/// 是否规上 is 规上.
pub const FILLER_PREFIXES: &[&str] = &["所属", "所在", "是否为", "是否", "所处"];

/// Headers of columns that are never imported, and why: listed as such rather than as not
/// recognised.
pub const ROW_NUMBER_WORDS: &[&str] = &["序号", "no.", "no", "#", "排序", "序"];

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Money; the factor is yuan per unit.
    Money,
    /// Land; the factor is 亩 per unit.
    Area,
    /// People or households; the factor is 1.
    Count,
}

/// A unit a header or a cell may carry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// As written in the project (元, 万元, 亩 …).
    pub name: &'static str,
    pub dimension: Dimension,
    /// In the base of its dimension (yuan, 亩): mantissa and scale of a decimal.
    factor: (i64, u32),
}

impl Unit {
    /// How many of the base (yuan, 亩) one of this unit is.
    pub fn factor(self) -> Decimal {
        Decimal::new(self.factor.0, self.factor.1)
    }
}

const fn unit(name: &'static str, dimension: Dimension, factor: (i64, u32)) -> Unit {
    Unit {
        name,
        dimension,
        factor,
    }
}

/// Units, with every way they are written (lower case, half-width). 1 亩 = 10000/15 m².
pub const UNITS: &[(&[&str], Unit)] = &[
    (&["元", "yuan", "rmb"], unit("元", Dimension::Money, (1, 0))),
    (&["千元"], unit("千元", Dimension::Money, (1_000, 0))),
    (
        &["万元", "万", "wan", "10kyuan", "万元人民币"],
        unit("万元", Dimension::Money, (10_000, 0)),
    ),
    (
        &["百万元", "million"],
        unit("百万元", Dimension::Money, (1_000_000, 0)),
    ),
    (
        &["亿元", "亿", "yi", "100myuan"],
        unit("亿元", Dimension::Money, (100_000_000, 0)),
    ),
    (&["亩", "mu"], unit("亩", Dimension::Area, (1, 0))),
    (
        &["平方米", "平米", "m2", "m²", "㎡", "sqm"],
        unit("平方米", Dimension::Area, (15, 4)),
    ),
    (
        &["万平方米", "万平米", "万m2", "万㎡"],
        unit("万平方米", Dimension::Area, (15, 0)),
    ),
    (
        &["公顷", "hm2", "ha", "hectare"],
        unit("公顷", Dimension::Area, (15, 0)),
    ),
    (
        &["平方公里", "km2", "km²"],
        unit("平方公里", Dimension::Area, (1500, 0)),
    ),
    (
        &[
            "人",
            "个",
            "名",
            "户",
            "家",
            "people",
            "persons",
            "households",
        ],
        unit("人", Dimension::Count, (1, 0)),
    ),
];

/// English headers carry their unit as a suffix: `revenue_wan`, `land_mu`.
pub const UNIT_SUFFIXES: &[&str] = &["_wan", "_yuan", "_yi", "_mu", "_m2", "_ha"];

/// Where a figure field's numbers are measured.
pub fn dimension_of(field: Field) -> Option<Dimension> {
    match field {
        Field::Output
        | Field::Tax
        | Field::ValueAdded
        | Field::Investment
        | Field::Profit
        | Field::Vat
        | Field::Cit
        | Field::OtherTax
        | Field::Rent
        | Field::Value => Some(Dimension::Money),
        Field::Land => Some(Dimension::Area),
        Field::Employees | Field::Farmers | Field::KeyProjects => Some(Dimension::Count),
        _ => None,
    }
}

/// The unit of these words (`万元`, `平方米`), if they are one.
pub fn unit_named(words: &str) -> Option<Unit> {
    let w = words.trim().to_lowercase();
    let w = w
        .trim_start_matches("单位")
        .trim_start_matches([':', '：'])
        .trim_end_matches("/年")
        .trim();
    UNITS
        .iter()
        .find(|(names, _)| names.contains(&w))
        .map(|(_, u)| *u)
}

/// What a header says: the words naming its field, and the year and unit around them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderReading {
    /// Lower case, without spaces, year, unit and bracketed words.
    pub words: String,
    pub year: Option<Year>,
    pub unit: Option<Unit>,
}

/// Full-width letters, digits and signs as their half-width selves; the ideographic space as a
/// space.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            '【' | '〔' => '[',
            '】' | '〕' => ']',
            _ => c,
        })
        .collect()
}

/// A year written in `text`, as `2023`, `2023年` or `2023年度`, with the text around it.
fn take_year(text: &str) -> (Option<Year>, String) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let digits: String = chars[i..i + 4].iter().collect();
        let bounded = (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if bounded
            && digits.chars().all(|c| c.is_ascii_digit())
            && let Ok(year) = digits.parse::<Year>()
            && (1950..=2100).contains(&year)
        {
            let mut end = i + 4;
            for suffix in ["年度", "年", "度"] {
                let s: Vec<char> = suffix.chars().collect();
                if chars[end..].starts_with(&s) {
                    end += s.len();
                    break;
                }
            }
            let rest: String = chars[..i].iter().chain(&chars[end..]).collect();
            return (Some(year), rest);
        }
        i += 1;
    }
    (None, text.to_owned())
}

/// The first year written in `text` (`2023年XX县重点企业名录`).
pub fn year_in(text: &str) -> Option<Year> {
    take_year(&half_width(text)).0
}

/// Reads a header's field words, year and unit.
pub fn read_header(header: &str) -> HeaderReading {
    let text = half_width(header).to_lowercase();
    let (year, text) = take_year(&text);
    let mut unit = None;
    let mut words = String::new();
    // Bracketed parts: a unit, or words that qualify the name (dropped).
    let mut rest = text.as_str();
    while let Some(open) = rest.find(['(', '[', '<']) {
        words.push_str(&rest[..open]);
        let close_char = match rest.as_bytes()[open] {
            b'(' => ')',
            b'[' => ']',
            _ => '>',
        };
        let inner_start = open + 1;
        let Some(close) = rest[inner_start..].find(close_char) else {
            rest = &rest[inner_start..];
            continue;
        };
        let inner = &rest[inner_start..inner_start + close];
        for part in inner.split([',', '/', '、', ';']) {
            if unit.is_none() {
                unit = unit_named(part);
            }
        }
        rest = &rest[inner_start + close + 1..];
    }
    words.push_str(rest);
    // `营业收入/万元`, `产值 单位:万元`, `revenue_wan`.
    if unit.is_none() {
        if let Some((name, after)) = words.rsplit_once(['/', ':', '：'])
            && let Some(u) = unit_named(after)
        {
            unit = Some(u);
            words = name.trim_end_matches("单位").to_owned();
        } else if let Some(suffix) = UNIT_SUFFIXES.iter().find(|s| words.ends_with(*s)) {
            unit = unit_named(&suffix[1..]);
            words.truncate(words.len() - suffix.len());
        }
    }
    let words: String = words
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | ':' | '：'))
        .collect();
    HeaderReading { words, year, unit }
}

/// The field a header names among a table's fields, and whether it named it exactly (an equal
/// word, not only a word it starts with).
pub fn field_of(kind: TableKind, words: &str) -> Option<(Field, bool)> {
    if words.is_empty() {
        return None;
    }
    let mut candidates = vec![words];
    for filler in FILLER_PREFIXES {
        if let Some(rest) = words.strip_prefix(filler)
            && !rest.is_empty()
        {
            candidates.push(rest);
        }
    }
    let fields = kind.fields();
    let rules = || {
        FIELD_WORDS
            .iter()
            .filter(|(f, _)| fields.contains(f))
            .map(|(f, w)| (*f, *w))
    };
    for candidate in &candidates {
        if let Some((f, _)) = rules().find(|(_, w)| w.contains(candidate)) {
            return Some((f, true));
        }
    }
    // The longest word a header starts with wins: 产业链环节 is a stage, not a chain.
    candidates
        .iter()
        .flat_map(|c| {
            rules().flat_map(move |(f, ws)| {
                ws.iter()
                    .filter(move |w| c.starts_with(**w))
                    .map(move |w| (w.chars().count(), f))
            })
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, f)| (f, false))
}

/// Whether a header is a column of row numbers (序号).
pub fn is_row_number(words: &str) -> bool {
    ROW_NUMBER_WORDS.contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(h: &str) -> (String, Option<Year>, Option<&'static str>) {
        let r = read_header(h);
        (r.words, r.year, r.unit.map(|u| u.name))
    }

    #[test]
    fn decorated_headers_give_their_words_year_and_unit() {
        let cases = [
            ("2023年产值(万元)", ("产值", Some(2023), Some("万元"))),
            ("产值（亿元）", ("产值", None, Some("亿元"))),
            ("营业收入/万元", ("营业收入", None, Some("万元"))),
            ("税收总额(元)", ("税收总额", None, Some("元"))),
            ("用地面积(平方米)", ("用地面积", None, Some("平方米"))),
            ("占地(公顷)", ("占地", None, Some("公顷"))),
            ("从业人员(人)", ("从业人员", None, Some("人"))),
            ("所属乡镇(街道)", ("所属乡镇", None, None)),
            ("2022年度 税收 (万元)", ("税收", Some(2022), Some("万元"))),
            ("revenue_wan", ("revenue", None, Some("万元"))),
            ("land_mu", ("land", None, Some("亩"))),
            ("产值【单位：万元】", ("产值", None, Some("万元"))),
            ("企业名称", ("企业名称", None, None)),
        ];
        for (header, (words, year, unit)) in cases {
            let (w, y, u) = read(header);
            assert_eq!((w.as_str(), y, u), (words, year, unit), "{header}");
        }
    }

    #[test]
    fn fields_are_found_through_filler_and_by_longest_word() {
        let f = |h: &str| field_of(TableKind::Nodes, &read_header(h).words).map(|(f, _)| f);
        assert_eq!(f("所属乡镇(街道)"), Some(Field::Town));
        assert_eq!(f("所属产业链环节"), Some(Field::Stage));
        assert_eq!(f("是否专精特新"), Some(Field::Flag(Flag::Srdi)));
        assert_eq!(f("是否规上"), Some(Field::Flag(Flag::AboveScale)));
        assert_eq!(f("高新技术企业"), Some(Field::Flag(Flag::HighTech)));
        assert_eq!(f("统一社会信用代码"), Some(Field::CreditCode));
        assert_eq!(f("主营产品"), Some(Field::Products));
        assert_eq!(f("税收总额(元)"), Some(Field::Tax));
        assert_eq!(f("亩均税收"), None, "tax per mu is not land");
        assert_eq!(f("联系电话"), None);
    }

    #[test]
    fn units_convert_exactly() {
        let m2 = unit_named("平方米").unwrap();
        assert_eq!(m2.factor() * Decimal::from(12_000), Decimal::from(18));
        assert_eq!(unit_named("公顷").unwrap().factor(), Decimal::from(15));
        assert_eq!(unit_named("单位:亿元").unwrap().name, "亿元");
        assert_eq!(unit_named("万元/年").unwrap().name, "万元");
        assert_eq!(unit_named("股"), None);
    }
}
