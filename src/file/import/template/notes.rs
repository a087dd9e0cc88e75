//! What each column of the import template means, its unit and the values it takes (zh, en),
//! for the template's notes sheet and its header notes. Kinds and segments are listed as the
//! importer spells them.

use super::Field;
use crate::i18n::Lang;
use crate::model::{LinkKind, NodeKind, Segment};

/// Meaning, unit and allowed values, each in Chinese and English.
type Note3 = (
    (&'static str, &'static str),
    (String, String),
    (String, String),
);

/// What a column holds, for the notes sheet: meaning, unit and allowed values (zh, en).
pub(super) struct ColumnNote {
    pub meaning: (&'static str, &'static str),
    pub unit: (String, String),
    pub values: (String, String),
}

fn joined(items: impl Iterator<Item = String>, lang: Lang) -> String {
    items.collect::<Vec<_>>().join(lang.pick("、", ", "))
}

fn node_kinds(lang: Lang) -> String {
    joined(
        NodeKind::ALL
            .iter()
            .map(|k| format!("{}({})", k.label(Lang::Zh), k.code())),
        lang,
    )
}

fn link_kinds(lang: Lang) -> String {
    joined(
        LinkKind::ALL
            .iter()
            .map(|k| format!("{}({})", k.label(Lang::Zh), k.code())),
        lang,
    )
}

fn segments(lang: Lang) -> String {
    joined(
        [
            Segment::Upstream,
            Segment::Midstream,
            Segment::Downstream,
            Segment::Support,
        ]
        .iter()
        .map(|s| s.label(Lang::Zh).to_owned()),
        lang,
    )
}

fn both(text: &str) -> (String, String) {
    (text.to_owned(), text.to_owned())
}

fn pair(zh: &str, en: &str) -> (String, String) {
    (zh.to_owned(), en.to_owned())
}

/// The note of a field's column.
pub(super) fn column_note(field: Field, unit: &str) -> ColumnNote {
    let (meaning, unit, values) = match field {
        Field::StageCode
        | Field::Segment
        | Field::StageName
        | Field::StageNameEn
        | Field::Chain => stage_note(field),
        Field::From | Field::To | Field::Product | Field::Value | Field::LinkKind => {
            link_note(field, unit)
        }
        _ => node_note(field, unit),
    };
    ColumnNote {
        meaning,
        unit,
        values,
    }
}

fn stage_note(field: Field) -> Note3 {
    use Field::*;
    let none = both("");
    match field {
        StageCode => (
            (
                "环节的唯一编号;企业表的“环节”列用它指向环节",
                "the stage's unique code; the enterprises' 环节 column refers to it",
            ),
            none,
            pair(
                "必填,如 U1、M2;不可重复",
                "required, e.g. U1, M2; no repeats",
            ),
        ),
        Segment => (
            ("环节在链上的位置", "where the stage sits in the chain"),
            none,
            (
                format!("{};留空为上游", segments(Lang::Zh)),
                format!(
                    "{} (or upstream, midstream, downstream, support); empty: 上游",
                    segments(Lang::En)
                ),
            ),
        ),
        StageName => (
            ("环节的中文名称", "the stage's Chinese name"),
            none,
            pair("留空时用编号", "empty: the code"),
        ),
        StageNameEn => (
            ("环节的英文名称", "the stage's English name"),
            none,
            pair("可留空", "may be empty"),
        ),
        Chain => (
            (
                "环节所属的产业链(名称或编号)",
                "the chain the stage belongs to (name or id)",
            ),
            none,
            pair(
                "留空为项目的第一条产业链;没有的产业链会新建",
                "empty: the project's first chain; a chain not there yet is created",
            ),
        ),
        // Fields of the other tables: column_note never asks for them here.
        _ => (("", ""), both(""), both("")),
    }
}

fn node_note(field: Field, unit: &str) -> Note3 {
    use Field::*;
    let money = (unit.to_owned(), unit.to_owned());
    let none = both("");
    let number = pair("数字,可留空", "a number, may be empty");
    match field {
        Id => (
            (
                "节点编号;与项目中已有编号相同则更新该节点",
                "node id; a row with an id the project has updates that node",
            ),
            none,
            pair(
                "可留空:按统一社会信用代码、否则按企业名称匹配,新企业自动编号",
                "may be empty: matched by credit code, else by name; new firms get an id",
            ),
        ),
        CreditCode => (
            (
                "统一社会信用代码;有则按它认定是哪家企业(改名也能对上)",
                "unified social credit code; when given, it identifies the firm (even renamed)",
            ),
            none,
            pair(
                "18 位,按 GB 32100-2015 校验,不符的会提示;可留空",
                "18 characters, checked by GB 32100-2015 (a bad one is a warning); may be empty",
            ),
        ),
        Products => (
            (
                "主营产品,列入企业主环节的产品",
                "main products, listed under the firm's main stage",
            ),
            none,
            pair("多个用 、 ; , / 分隔", "several separated by 、 ; , or /"),
        ),
        Flag(flag) => (
            (flag.label(Lang::Zh), flag.label(Lang::En)),
            none,
            pair(
                "是/否(也可 √、Y/N、1/0);留空为不变",
                "是/否 (or √, Y/N, 1/0); empty: unchanged",
            ),
        ),
        Name => (
            (
                "企业(或合作社、机构等)的名称",
                "the name of the firm (or cooperative, institution …)",
            ),
            none,
            pair(
                "必填;同名的行视为同一企业",
                "required; rows of the same name are one firm",
            ),
        ),
        Stage => (
            (
                "企业所在的环节(环节编号或名称,没有的环节名称会新建环节),第一个为主环节",
                "the firm's stages (code or name; a name the chain lacks becomes a new stage), the first is its main stage",
            ),
            none,
            pair(
                "多个用 ; 或 、 分隔,如 U1;M2",
                "several separated by ; or 、, e.g. U1;M2",
            ),
        ),
        Kind => (
            ("主体类型", "kind of node"),
            none,
            (
                format!("{};留空为企业", node_kinds(Lang::Zh)),
                format!("{}; empty: 企业 (enterprise)", node_kinds(Lang::En)),
            ),
        ),
        Town => (
            (
                "企业所在的镇(没有的镇会新建)",
                "the town the firm is in (created when missing)",
            ),
            none,
            pair(
                "镇名;“(县外)”或“多镇”表示不属于单一镇",
                "a town's name; (县外) or 多镇 for none",
            ),
        ),
        Park => (
            (
                "企业入驻的园区(没有的园区会新建,并加入驻连线)",
                "the park the firm is located in (created when missing, with a located-in link)",
            ),
            none,
            pair("园区名称,可留空", "a park's name, may be empty"),
        ),
        Tags => (
            (
                "标签,如 链主、规上、专精特新",
                "tags such as 链主 (chain leader), 规上",
            ),
            none,
            pair("多个用 ; 或 、 分隔", "several separated by ; or 、"),
        ),
        Year => (
            ("本行数字所属的年份", "the year this row's figures are for"),
            pair("年", "year"),
            pair(
                "如 2024;留空为导入时选择的年份",
                "e.g. 2024; empty: the year chosen when importing",
            ),
        ),
        Output => (("年产值", "yearly output"), money, number),
        Tax => (("年税收", "yearly tax paid"), money, number),
        Vat | Cit | OtherTax | Rent | KeyProjects => agreement_figure_note(field, money, number),
        ValueAdded => (("年增加值", "yearly value added"), money, number),
        Investment => (("固定资产投资", "fixed-asset investment"), money, number),
        Profit => (
            ("年利润", "yearly profit"),
            money,
            pair("数字,可为负数", "a number, may be negative"),
        ),
        Land => (
            ("占用土地面积", "land used"),
            pair("亩", "mu"),
            pair("数字,用于亩均评价", "a number, for the per-mu evaluation"),
        ),
        Employees => (
            ("从业人员数", "employees"),
            pair("人", "people"),
            pair("非负整数", "a whole number ≥ 0"),
        ),
        Farmers => (
            ("联结带动的农户数", "farming households linked"),
            pair("户", "households"),
            pair("非负整数", "a whole number ≥ 0"),
        ),
        Note => (("备注", "note"), none, pair("任意文字", "any text")),
        // Fields of the other tables: column_note never asks for them here.
        _ => (("", ""), both(""), both("")),
    }
}

/// Issue 19's figures: taxes by type (what fiscal deals split by tier), rent, 重点项目.
fn agreement_figure_note(field: Field, money: (String, String), number: (String, String)) -> Note3 {
    use Field::*;
    match field {
        Vat => (("其中:增值税", "of which VAT"), money, number),
        Cit => (
            ("其中:企业所得税", "of which corporate income tax"),
            money,
            number,
        ),
        OtherTax => (("其中:其他税收", "of which other taxes"), money, number),
        Rent => (
            (
                "园区或厂房的租金收入",
                "rent earned by the park or building",
            ),
            money,
            number,
        ),
        _ => (
            ("重点项目个数(考核用)", "key projects (for assessment)"),
            pair("个", "projects"),
            pair("非负整数", "a whole number ≥ 0"),
        ),
    }
}

fn link_note(field: Field, unit: &str) -> Note3 {
    use Field::*;
    let money = (unit.to_owned(), unit.to_owned());
    let none = both("");
    match field {
        From => (
            ("供应方(节点编号或名称)", "the supplier (node id or name)"),
            none,
            pair(
                "必填;须是项目或企业表中已有的节点",
                "required; a node in the project or the enterprises sheet",
            ),
        ),
        To => (
            ("购买方(节点编号或名称)", "the buyer (node id or name)"),
            none,
            pair(
                "必填;须是项目或企业表中已有的节点",
                "required; a node in the project or the enterprises sheet",
            ),
        ),
        Product => (
            (
                "供应的产品(会列入供方主环节的产品)",
                "the product supplied (listed under the supplier's main stage)",
            ),
            none,
            pair("可留空", "may be empty"),
        ),
        Value => (
            ("年供应金额", "yearly value supplied"),
            money,
            pair("非负数字,可留空", "a number ≥ 0, may be empty"),
        ),
        LinkKind => (
            ("连线的类型", "kind of link"),
            none,
            (
                format!("{};留空为供应", link_kinds(Lang::Zh)),
                format!("{}; empty: 供应 (supply)", link_kinds(Lang::En)),
            ),
        ),
        // Fields of the other tables: column_note never asks for them here.
        _ => (("", ""), both(""), both("")),
    }
}
