//! Header mapping: what a table holds, the fields its columns can fill, and the guess of which
//! column fills which field from the header words (Chinese or English synonyms).

use super::headers::{HeaderReading, Unit, dimension_of, field_of, read_header};
use std::collections::BTreeSet;

/// What a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableKind {
    Stages,
    Nodes,
    Links,
}

impl TableKind {
    pub const ALL: [TableKind; 3] = [TableKind::Stages, TableKind::Nodes, TableKind::Links];

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            TableKind::Stages => lang.pick("环节表", "stages"),
            TableKind::Nodes => lang.pick("企业表", "enterprises"),
            TableKind::Links => lang.pick("供应关系表", "links"),
        }
    }

    /// The fields a table of this kind can fill.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            TableKind::Stages => &[StageCode, Segment, StageName, StageNameEn, Chain],
            TableKind::Nodes => &[
                Id,
                CreditCode,
                Name,
                Stage,
                Kind,
                Town,
                Park,
                Tags,
                Year,
                Output,
                Tax,
                Vat,
                Cit,
                OtherTax,
                ValueAdded,
                Investment,
                KeyProjects,
                Profit,
                Rent,
                Land,
                Employees,
                Farmers,
                Products,
                Flag(self::Flag::Srdi),
                Flag(self::Flag::LittleGiant),
                Flag(self::Flag::AboveScale),
                Flag(self::Flag::HighTech),
                Flag(self::Flag::ChainLeader),
                Flag(self::Flag::Leading),
                Note,
            ],
            TableKind::Links => &[From, To, Product, Value, LinkKind, Note],
        }
    }

    /// The field a table of this kind cannot do without.
    pub(super) fn required(self) -> &'static [Field] {
        match self {
            TableKind::Stages => &[Field::StageCode],
            TableKind::Nodes => &[Field::Name],
            TableKind::Links => &[Field::From, Field::To],
        }
    }
}

/// A yes/no column of an enterprises table; what each does is in `headers::FLAGS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    Srdi,
    LittleGiant,
    AboveScale,
    HighTech,
    ChainLeader,
    Leading,
}

impl Flag {
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        super::headers::FLAGS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map(|(_, (zh, en), _)| lang.pick(zh, en))
            .unwrap_or("?")
    }

    /// What a yes does.
    pub fn effect(self) -> super::headers::FlagEffect {
        super::headers::FLAGS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map(|(_, _, e)| *e)
            .unwrap_or(super::headers::FlagEffect::Tag("?"))
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    StageCode,
    Segment,
    StageName,
    StageNameEn,
    Chain,
    Id,
    CreditCode,
    Name,
    Stage,
    Kind,
    Town,
    Park,
    Tags,
    Year,
    Output,
    Tax,
    ValueAdded,
    Investment,
    Profit,
    Land,
    Employees,
    Farmers,
    Products,
    /// A yes/no column: 是否专精特新, 是否规上 …
    Flag(Flag),
    Note,
    From,
    To,
    Product,
    Value,
    LinkKind,
    // The survey shape of a links table (`survey`): the firm reporting, its suppliers and
    // customers (several columns each), a share of its purchases or sales, and its totals.
    Firm,
    Supplier,
    Customer,
    Share,
    Purchases,
    Sales,
    // Issue 19: taxes by type, rent, 重点项目 (a count).
    Vat,
    Cit,
    OtherTax,
    Rent,
    KeyProjects,
}

impl Field {
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use Field::*;
        match self {
            StageCode => lang.pick("环节编号", "stage code"),
            Segment => lang.pick("上中下游", "segment"),
            StageName => lang.pick("环节名称", "stage name"),
            StageNameEn => lang.pick("英文名称", "English name"),
            Chain => lang.pick("产业链", "chain"),
            Id => lang.pick("编号", "id"),
            Name => lang.pick("名称", "name"),
            Stage => lang.pick("环节", "stage"),
            Kind => lang.pick("类型", "kind"),
            Town => lang.pick("所在镇", "town"),
            Park => lang.pick("园区", "park"),
            Tags => lang.pick("标签", "tags"),
            Year => lang.pick("年份", "year"),
            Output => lang.pick("产值", "output"),
            Tax => lang.pick("税收", "tax"),
            ValueAdded => lang.pick("增加值", "value added"),
            Investment => lang.pick("投资", "investment"),
            Profit => lang.pick("利润", "profit"),
            Land => lang.pick("用地(亩)", "land (mu)"),
            Employees => lang.pick("从业人员", "employees"),
            Farmers => lang.pick("联农户数", "farmers linked"),
            Products => lang.pick("主营产品", "main products"),
            CreditCode => lang.pick("统一社会信用代码", "credit code"),
            Flag(flag) => flag.label(lang),
            Note => lang.pick("备注", "note"),
            From => lang.pick("供方", "supplier"),
            To => lang.pick("买方", "buyer"),
            Product => lang.pick("产品", "product"),
            Value => lang.pick("金额", "value"),
            LinkKind => lang.pick("关系类型", "link kind"),
            // Survey columns.
            Firm => lang.pick("填报企业", "firm"),
            Supplier => lang.pick("供应商", "supplier"),
            Customer => lang.pick("客户", "customer"),
            Share => lang.pick("占比(%)", "share (%)"),
            Purchases => lang.pick("采购总额", "total purchases"),
            Sales => lang.pick("销售总额", "total sales"),
            Vat => lang.pick("增值税", "VAT"),
            Cit => lang.pick("企业所得税", "corporate income tax"),
            OtherTax => lang.pick("其他税收", "other taxes"),
            Rent => lang.pick("租金收入", "rent income"),
            KeyProjects => lang.pick("重点项目", "key projects"),
        }
    }
}

/// Which field each column fills (none: left out), and what each header says around its field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    pub columns: Vec<Option<Field>>,
    /// The year and unit each column's header carries (`2023年产值(亿元)`).
    pub decor: Vec<Decor>,
}

/// What a header says besides its field.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Decor {
    /// The year of the column's figures; none: the row's year column, else the import's year.
    pub year: Option<crate::model::Year>,
    /// The unit of its numbers; none: the unit stated above the table, else the project's.
    pub unit: Option<Unit>,
}

impl Mapping {
    /// What makes two columns fill the same thing: the field, and for figures their year
    /// (`2023年产值` and `2022年产值` are two columns of output).
    fn key(&self, column: usize, field: Field) -> (Field, Option<crate::model::Year>) {
        let year = dimension_of(field)
            .filter(|_| field != Field::Value)
            .and_then(|_| self.decor.get(column).and_then(|d| d.year));
        (field, year)
    }

    /// The column that fills `field` (the first, when figures of several years do).
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    /// The column that fills the same as `column` does, if another one does.
    pub fn repeated_by(&self, column: usize, field: Field) -> Option<usize> {
        let key = self.key(column, field);
        (0..self.columns.len()).find(|other| {
            *other != column && self.columns[*other].is_some_and(|f| self.key(*other, f) == key)
        })
    }

    /// Makes `column` fill `field` (or nothing); another column filling the same thing is let
    /// go: the newest choice wins.
    pub fn assign(&mut self, column: usize, field: Option<Field>) {
        if column >= self.columns.len() {
            return;
        }
        self.columns[column] = field;
        if let Some(field) = field {
            while let Some(other) = self.repeated_by(column, field) {
                self.columns[other] = None;
            }
        }
    }
}

/// Matches headers to fields by the header rules (`headers`): headers equal to a field's word
/// first, then headers that start with one; each field is taken by one column at most (for
/// figures, one column per year).
pub fn guess_mapping(kind: TableKind, headers: &[String]) -> Mapping {
    // The wide survey shape of a links table is recognised as a whole (survey.rs).
    if kind == TableKind::Links
        && let Some(survey) = super::survey::guess_survey(headers)
    {
        return survey;
    }
    let readings: Vec<HeaderReading> = headers.iter().map(|h| read_header(h)).collect();
    let found: Vec<Option<(Field, bool)>> =
        readings.iter().map(|r| field_of(kind, &r.words)).collect();
    let mut mapping = Mapping {
        columns: vec![None; headers.len()],
        decor: readings
            .iter()
            .map(|r| Decor {
                year: r.year,
                unit: r.unit,
            })
            .collect(),
    };
    let mut taken = BTreeSet::new();
    for exact_pass in [true, false] {
        for (i, hit) in found.iter().enumerate() {
            if let Some((field, exact)) = *hit
                && exact == exact_pass
                && taken.insert(mapping.key(i, field))
            {
                mapping.columns[i] = Some(field);
            }
        }
    }
    mapping
}

impl TableKind {
    /// The sheet of this table in the import template (and the name a workbook's sheet is
    /// recognised by when a file is read for this table).
    pub fn sheet_name(self) -> &'static str {
        match self {
            TableKind::Stages => "环节",
            TableKind::Nodes => "企业",
            TableKind::Links => "供应关系",
        }
    }

    /// Sheet names that hold this table, lower case.
    fn sheet_names(self) -> &'static [&'static str] {
        match self {
            TableKind::Stages => &["环节", "环节表", "stages", "stage"],
            TableKind::Nodes => &["企业", "企业表", "节点", "enterprises", "nodes", "firms"],
            TableKind::Links => &["供应关系", "供应关系表", "连线", "links", "supply"],
        }
    }

    /// The sheet among `sheets` named for this table, if one is.
    pub fn sheet_among(self, sheets: &[String]) -> Option<&str> {
        sheets
            .iter()
            .find(|s| {
                self.sheet_names()
                    .contains(&s.trim().to_lowercase().as_str())
            })
            .map(String::as_str)
    }
}

/// The kind of table a file most likely is, from its headers (a file dropped on the import
/// dialog): the kind whose required columns are all there and that recognises the most
/// columns; enterprises when it is a tie.
pub fn guess_kind(headers: &[String]) -> TableKind {
    if super::survey::looks_like_survey(headers) {
        return TableKind::Links;
    }
    let score = |kind: TableKind| {
        let mapping = guess_mapping(kind, headers);
        let has = |f: &Field| mapping.columns.contains(&Some(*f));
        let complete = kind.required().iter().all(has);
        let mapped = mapping.columns.iter().flatten().count();
        let tie_break = match kind {
            TableKind::Nodes => 2,
            TableKind::Links => 1,
            TableKind::Stages => 0,
        };
        (complete, mapped, tie_break)
    };
    TableKind::ALL
        .into_iter()
        .max_by_key(|k| score(*k))
        .unwrap_or(TableKind::Nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn a_table_is_recognised_by_its_headers() {
        let cases = [
            ("code,tier,name_cn,name_en", TableKind::Stages),
            (
                "环节编号,上中下游,环节名称,英文名称,产业链",
                TableKind::Stages,
            ),
            (
                "id,name,stage,kind,town,park,tags,revenue_wan,tax_wan",
                TableKind::Nodes,
            ),
            ("编号,企业名称,环节,产值(万元)", TableKind::Nodes),
            ("名称,环节,产值", TableKind::Nodes),
            (
                "supplier_id,buyer_id,product,amount_wan_per_year",
                TableKind::Links,
            ),
            ("供方,买方,产品,金额(万元),关系类型,备注", TableKind::Links),
        ];
        for (line, kind) in cases {
            assert_eq!(guess_kind(&headers(line)), kind, "{line}");
        }
    }

    #[test]
    fn sheets_are_found_by_the_tables_names() {
        let sheets = headers("说明,企业,供应关系");
        assert_eq!(TableKind::Nodes.sheet_among(&sheets), Some("企业"));
        assert_eq!(TableKind::Links.sheet_among(&sheets), Some("供应关系"));
        assert_eq!(TableKind::Stages.sheet_among(&sheets), None);
        assert_eq!(
            TableKind::Stages.sheet_among(&headers("Stages")),
            Some("Stages")
        );
    }
}
