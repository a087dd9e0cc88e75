//! Survey tables: supply links as firms report them, one row per firm, its main suppliers and
//! customers side by side (the wide shape of a links table):
//!
//! | 企业名称 | 年采购总额(万元) | 主要供应商1 | 供应产品1 | 年采购额1(万元) | 主要供应商2 | … | 主要客户1 | 销售产品1 | 占销售额比例1(%) |
//!
//! Each 主要供应商N makes a link from that supplier to the firm, each 主要客户N one from the firm
//! to that customer, with the product and amount of the same group. An amount given as a share
//! (a % column, or "30%" in the amount column) is a share of the firm's purchases (年采购总额)
//! for a supplier, of its sales (年销售总额, else its output) for a customer.
//!
//! The columns are recognised by the words of `SURVEY_COLUMNS` (data, first hit wins) and
//! grouped by the number in their header (供应产品2 goes with 主要供应商2), else by position
//! (a column goes with the supplier or customer column before it). A supplier or customer the
//! project does not have becomes a new external enterprise, a firm it does not have a new
//! enterprise; both are listed.

use super::cells::parse_amount;
use super::mapping::{Field, Mapping};
use crate::model::meta::MoneyUnit;
use rust_decimal::Decimal;

/// Header words of each survey column, tried in this order (the first field whose word the
/// header contains wins: 年采购总额 is the total before 采购额 is an amount; 供应产品 is a
/// product before 供应商 is a supplier).
const SURVEY_COLUMNS: &[(Field, &[&str])] = &[
    (
        Field::Purchases,
        &[
            "采购总额",
            "总采购额",
            "原材料采购额",
            "原料采购总额",
            "total purchases",
        ],
    ),
    (
        Field::Sales,
        &[
            "销售总额",
            "总销售额",
            "营业收入",
            "销售收入",
            "主营业务收入",
            "total sales",
        ],
    ),
    (
        Field::Share,
        &["占比", "比例", "比重", "份额", "share", "%", "％"],
    ),
    (Field::Product, &["产品", "品名", "原料", "货物", "product"]),
    (
        Field::Value,
        &[
            "采购额",
            "销售额",
            "供货额",
            "供应额",
            "交易额",
            "金额",
            "amount",
            "value",
        ],
    ),
    (
        Field::Supplier,
        &[
            "供应商",
            "供货商",
            "供应单位",
            "供货单位",
            "供应企业",
            "上游企业",
            "supplier",
        ],
    ),
    (
        Field::Customer,
        &[
            "客户",
            "采购商",
            "销售对象",
            "购买单位",
            "下游企业",
            "customer",
        ],
    ),
    (
        Field::Firm,
        &[
            "企业名称",
            "填报企业",
            "调查企业",
            "填报单位",
            "单位名称",
            "企业",
            "名称",
            "firm",
            "company",
            "name",
        ],
    ),
    (Field::Note, &["备注", "说明", "note", "remark"]),
];

/// Words that put an amount or share with the suppliers (采购) or the customers (销售).
const SUPPLIER_SIDE: &[&str] = &["采购", "供应", "供货", "进货", "purchase"];
const CUSTOMER_SIDE: &[&str] = &["销售", "客户", "销往", "sales"];

/// The fields of a survey table, for the column chooser.
pub const SURVEY_FIELDS: &[Field] = &[
    Field::Firm,
    Field::Supplier,
    Field::Customer,
    Field::Product,
    Field::Value,
    Field::Share,
    Field::Purchases,
    Field::Sales,
    Field::Note,
];

/// The columns a survey cannot do without (and one supplier or customer column).
pub const SURVEY_REQUIRED: &[Field] = &[Field::Firm];

/// Fields only a survey has: a links table mapping one of them is a survey.
fn survey_only(field: Field) -> bool {
    matches!(
        field,
        Field::Firm
            | Field::Supplier
            | Field::Customer
            | Field::Share
            | Field::Purchases
            | Field::Sales
    )
}

/// Whether a links table's mapping is the survey shape.
pub fn is_survey(mapping: &Mapping) -> bool {
    mapping.columns.iter().flatten().any(|f| survey_only(*f))
}

/// Fields several columns of a survey fill (one per supplier or customer).
pub fn repeats(field: Field) -> bool {
    matches!(
        field,
        Field::Supplier | Field::Customer | Field::Product | Field::Value | Field::Share
    )
}

/// A header without its decorations in brackets and its year ("2023年采购额1(万元)" →
/// "采购额1"), full-width characters as ASCII, lower case.
fn plain(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let chars: Vec<char> = out.chars().collect();
    let mut kept = String::new();
    let mut at = 0;
    while at < chars.len() {
        let year = chars.get(at..at + 5).is_some_and(|w| {
            w[..4].iter().all(char::is_ascii_digit) && matches!(w[4], '年' | '度')
        });
        if year {
            at += 5;
        } else {
            kept.push(chars[at]);
            at += 1;
        }
    }
    kept
}

/// The field a survey header names, by `SURVEY_COLUMNS`.
fn field_of(header: &str) -> Option<Field> {
    let plain = plain(header);
    let shown_as_share = header.contains(['%', '％']);
    let field = SURVEY_COLUMNS
        .iter()
        .find(|(_, words)| words.iter().any(|w| plain.contains(w)))
        .map(|(f, _)| *f)?;
    Some(if field == Field::Value && shown_as_share {
        Field::Share
    } else {
        field
    })
}

/// The group number in a header: 主要供应商2, 第二供应商, 供应商(二).
fn number_of(header: &str) -> Option<u32> {
    const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let plain = plain(header);
    let digits: String = plain
        .chars()
        .rev()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    if let Ok(n) = digits.parse() {
        return Some(n);
    }
    let numeral = |c: char| NUMERALS.iter().position(|n| *n == c).map(|p| p as u32 + 1);
    let chars: Vec<char> = header.chars().collect();
    chars
        .windows(2)
        .find(|w| w[0] == '第')
        .and_then(|w| numeral(w[1]))
        .or_else(|| chars.last().copied().and_then(numeral))
        .or_else(|| {
            // 供应商(二)
            chars
                .windows(3)
                .find(|w| matches!(w[0], '(' | '（') && matches!(w[2], ')' | '）'))
                .and_then(|w| numeral(w[1]))
        })
}

/// The mapping of a survey table, when the headers are one: a firm column and suppliers or
/// customers, numbered or more than one.
pub fn guess_survey(headers: &[String]) -> Option<Mapping> {
    let mut columns: Vec<Option<Field>> = headers.iter().map(|h| field_of(h)).collect();
    // One firm column: the first; a later "名称" is a supplier's or customer's name column.
    let mut firm_seen = false;
    for c in columns.iter_mut() {
        if *c == Some(Field::Firm) {
            if firm_seen {
                *c = None;
            }
            firm_seen = true;
        }
    }
    let groups: Vec<usize> = (0..headers.len())
        .filter(|c| matches!(columns[*c], Some(Field::Supplier | Field::Customer)))
        .collect();
    let numbered = groups.iter().any(|c| number_of(&headers[*c]).is_some());
    (firm_seen && !groups.is_empty() && (numbered || groups.len() > 1)).then(|| Mapping {
        // What each header says of its year and unit, for the listing of what was read;
        // survey_rows.rs converts the amounts by the same headers.
        decor: headers
            .iter()
            .map(|h| {
                let reading = super::headers::read_header(h);
                super::mapping::Decor {
                    year: reading.year,
                    unit: reading.unit,
                }
            })
            .collect(),
        columns,
    })
}

/// Whether headers are a survey's (a file dropped on the dialog, or given as links).
pub fn looks_like_survey(headers: &[String]) -> bool {
    guess_survey(headers).is_some()
}

/// Which end of the links a group's partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Supplier,
    Customer,
}

/// One supplier or customer column with the columns that go with it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Group {
    pub(super) side: Side,
    pub(super) partner: usize,
    pub(super) product: Option<usize>,
    pub(super) value: Option<usize>,
    pub(super) share: Option<usize>,
}

/// The side an amount's or share's header words put it on, if they do.
fn side_of(header: &str) -> Option<Side> {
    // Customer words first: 客户采购额 is what the customer buys.
    let plain = plain(header);
    if CUSTOMER_SIDE.iter().any(|w| plain.contains(w)) {
        Some(Side::Customer)
    } else if SUPPLIER_SIDE.iter().any(|w| plain.contains(w)) {
        Some(Side::Supplier)
    } else {
        None
    }
}

/// The groups of a survey, with the columns that went with none (listed for the user).
pub(super) fn groups(headers: &[String], mapping: &Mapping) -> (Vec<Group>, Vec<usize>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut numbers: Vec<Option<u32>> = Vec::new();
    for (c, field) in mapping.columns.iter().enumerate() {
        let side = match field {
            Some(Field::Supplier) => Side::Supplier,
            Some(Field::Customer) => Side::Customer,
            _ => continue,
        };
        groups.push(Group {
            side,
            partner: c,
            product: None,
            value: None,
            share: None,
        });
        numbers.push(headers.get(c).and_then(|h| number_of(h)));
    }
    let mut loose = Vec::new();
    for (c, field) in mapping.columns.iter().enumerate() {
        let Some(field @ (Field::Product | Field::Value | Field::Share)) = *field else {
            continue;
        };
        let header = headers.get(c).map(String::as_str).unwrap_or("");
        let before = groups.iter().rposition(|g| g.partner < c);
        let number = number_of(header);
        let same_number: Vec<usize> = (0..groups.len())
            .filter(|g| number.is_some() && numbers[*g] == number)
            .collect();
        let chosen = match (same_number.as_slice(), before) {
            ([], b) => b.filter(|b| number.is_none() || numbers[*b].is_none()),
            ([one], _) => Some(*one),
            (several, b) => side_of(header)
                .and_then(|side| several.iter().copied().find(|g| groups[*g].side == side))
                .or_else(|| b.filter(|b| several.contains(b)))
                .or(several.first().copied()),
        };
        let slot = chosen.map(|g| match field {
            Field::Product => &mut groups[g].product,
            Field::Value => &mut groups[g].value,
            _ => &mut groups[g].share,
        });
        match slot {
            Some(slot) if slot.is_none() => *slot = Some(c),
            _ => loose.push(c),
        }
    }
    (groups, loose)
}

/// A share as a survey writes it: "30%", "30" (in a % column) or 0.3 (a spreadsheet's
/// percentage cell), as a percentage.
pub(super) fn parse_share(text: &str) -> Option<Decimal> {
    let folded: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect();
    let t = folded.as_str();
    let (number, marked) = match t.strip_suffix('%') {
        Some(n) => (n, true),
        None => (t, false),
    };
    let v = parse_amount(number)?;
    let fraction = !marked && v > Decimal::ZERO && v < Decimal::ONE;
    Some(if fraction { v * Decimal::from(100) } else { v })
}

/// The money unit a header names ("年采购额1(万元)"), if it names one.
pub(super) fn unit_of(header: &str) -> Option<MoneyUnit> {
    [MoneyUnit::Yi, MoneyUnit::Wan, MoneyUnit::Yuan]
        .into_iter()
        .find(|u| header.contains(u.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn survey_headers_are_read_by_their_words_and_numbers() {
        let cases = [
            ("主要供应商1", Some(Field::Supplier), Some(1)),
            ("第二供应商", Some(Field::Supplier), Some(2)),
            ("供应产品3", Some(Field::Product), Some(3)),
            ("2023年采购额1(万元)", Some(Field::Value), Some(1)),
            ("年采购额2(%)", Some(Field::Share), Some(2)),
            ("占采购额比例1", Some(Field::Share), Some(1)),
            ("2023年采购总额(万元)", Some(Field::Purchases), None),
            ("主要客户（二）", Some(Field::Customer), Some(2)),
            ("客户1采购额(元)", Some(Field::Value), Some(1)),
            ("企业名称", Some(Field::Firm), None),
            ("联系电话", None, None),
        ];
        for (header, field, number) in cases {
            assert_eq!(field_of(header), field, "{header}");
            assert_eq!(number_of(header), number, "{header}");
        }
    }

    #[test]
    fn only_a_firm_with_suppliers_or_customers_is_a_survey() {
        assert!(looks_like_survey(&headers(
            "企业名称,主要供应商1,年采购额1"
        )));
        assert!(looks_like_survey(&headers("企业,供应商,客户")));
        // The long shape: no firm column.
        assert!(!looks_like_survey(&headers("供应商,客户,产品,金额")));
        assert!(!looks_like_survey(&headers("供方,买方,产品,金额(万元)")));
        // An enterprises list.
        assert!(!looks_like_survey(&headers("企业名称,环节,产值(万元)")));
    }

    /// (side, partner, product, value, share) of each group.
    type Grouped = (Side, usize, Option<usize>, Option<usize>, Option<usize>);

    fn grouped(line: &str) -> (Vec<Grouped>, Vec<usize>) {
        let h = headers(line);
        let mapping = guess_survey(&h).unwrap_or_default();
        let (groups, loose) = groups(&h, &mapping);
        (
            groups
                .into_iter()
                .map(|g| (g.side, g.partner, g.product, g.value, g.share))
                .collect(),
            loose,
        )
    }

    #[test]
    fn columns_go_with_their_supplier_or_customer_by_number_else_by_place() {
        use Side::*;
        // Side by side.
        assert_eq!(
            grouped(
                "企业名称,主要供应商1,供应产品1,年采购额1,主要供应商2,供应产品2,主要客户1,年销售额1(%)"
            ),
            (
                vec![
                    (Supplier, 1, Some(2), Some(3), None),
                    (Supplier, 4, Some(5), None, None),
                    (Customer, 6, None, None, Some(7)),
                ],
                vec![]
            )
        );
        // In blocks: by number, and by the words where suppliers and customers share one.
        assert_eq!(
            grouped(
                "调查企业,第一供应商,第二供应商,主要客户1,供应产品1,供应产品2,采购金额1(元),客户1采购额(元),采购金额3"
            ),
            (
                vec![
                    (Supplier, 1, Some(4), Some(6), None),
                    (Supplier, 2, Some(5), None, None),
                    (Customer, 3, None, Some(7), None),
                ],
                vec![8]
            )
        );
        // Without numbers, a column goes with the one before it.
        assert_eq!(
            grouped("企业,供应商,产品,金额,客户,产品,金额"),
            (
                vec![
                    (Supplier, 1, Some(2), Some(3), None),
                    (Customer, 4, Some(5), Some(6), None),
                ],
                vec![]
            )
        );
    }

    #[test]
    fn shares_are_percentages_however_written() {
        let d = |s: &str| s.parse::<Decimal>().ok();
        assert_eq!(parse_share("30%"), d("30"));
        assert_eq!(parse_share("30"), d("30"));
        assert_eq!(parse_share("0.25"), d("25.00"));
        assert_eq!(parse_share("１２．５％"), d("12.5"));
        assert_eq!(parse_share("abc"), None);
    }
}
