//! Header mapping: what a table holds, the fields its columns can fill, and the guess of which
//! column fills which field from the header words (Chinese or English synonyms).

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
                Id, Name, Stage, Kind, Town, Park, Tags, Year, Output, Tax, ValueAdded, Investment,
                Profit, Land, Employees, Farmers, Note,
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

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    StageCode,
    Segment,
    StageName,
    StageNameEn,
    Chain,
    Id,
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
        }
    }

    /// Header words that name this field, lower case; a header matches when it equals one or
    /// starts with one (`revenue_wan`, `产值(万元)`).
    fn synonyms(self) -> &'static [&'static str] {
        use Field::*;
        match self {
            StageCode => &[
                "code",
                "stage_code",
                "stage code",
                "stage id",
                "编号",
                "环节编号",
                "代码",
                "id",
            ],
            Segment => &["tier", "segment", "上中下游", "链段", "段", "层级", "位置"],
            StageName => &["name_cn", "name", "stage name", "环节名称", "环节", "名称"],
            StageNameEn => &["name_en", "english", "英文名", "英文名称"],
            Chain => &["chain", "产业链", "链"],
            Id => &["id", "编号", "企业编号", "代码", "统一社会信用代码"],
            Name => &[
                "企业名称",
                "name",
                "名称",
                "企业",
                "单位名称",
                "主体名称",
                "company",
                "enterprise",
            ],
            Stage => &["stage", "环节", "所属环节", "产业环节"],
            Kind => &["kind", "type", "类型", "主体类型", "企业类型"],
            Town => &[
                "town",
                "镇",
                "所在镇",
                "乡镇",
                "镇街",
                "region",
                "地区",
                "所在地区",
            ],
            Park => &["park", "园区", "所在园区", "入驻园区"],
            Tags => &["tags", "tag", "标签", "资质", "荣誉"],
            Year => &["year", "年份", "年度"],
            Output => &[
                "产值",
                "output",
                "revenue",
                "营收",
                "营业收入",
                "主营业务收入",
                "销售收入",
            ],
            Tax => &["税收", "tax", "纳税", "税金", "实缴税金"],
            ValueAdded => &["增加值", "value_added", "value added", "va"],
            Investment => &["投资", "investment", "固定资产投资"],
            Profit => &["利润", "profit", "利润总额"],
            // Not a bare "亩": 亩均税收 (tax per mu) starts with it too.
            Land => &[
                "用地",
                "land",
                "占地",
                "土地",
                "用地面积",
                "亩数",
                "面积(亩)",
            ],
            Employees => &["从业人员", "employees", "员工", "职工", "用工", "就业"],
            Farmers => &["联农", "farmers", "带动农户", "联农户数", "带农户数"],
            Note => &["note", "备注", "说明", "remark"],
            From => &[
                "supplier",
                "from",
                "供方",
                "供应方",
                "供应商",
                "卖方",
                "seller",
                "source",
            ],
            To => &["buyer", "to", "买方", "采购方", "客户", "需方", "target"],
            Product => &["product", "产品", "供应产品", "品名", "goods"],
            Value => &[
                "amount",
                "value",
                "金额",
                "采购额",
                "供应额",
                "交易额",
                "年采购额",
            ],
            LinkKind => &["kind", "type", "关系类型", "类型", "link kind"],
            // Survey columns are recognised as a whole table: survey::SURVEY_COLUMNS.
            Firm | Supplier | Customer | Share | Purchases | Sales => &[],
        }
    }
}

/// Which field each column fills (none: left out).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    pub columns: Vec<Option<Field>>,
}

/// Matches headers to fields: exact synonyms first, then headers that start with a synonym;
/// each field is taken by one column at most.
pub fn guess_mapping(kind: TableKind, headers: &[String]) -> Mapping {
    if kind == TableKind::Links
        && let Some(survey) = super::survey::guess_survey(headers)
    {
        return survey;
    }
    let mut columns: Vec<Option<Field>> = vec![None; headers.len()];
    let mut taken: BTreeSet<Field> = BTreeSet::new();
    let normal: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    for exact in [true, false] {
        for field in kind.fields() {
            if taken.contains(field) {
                continue;
            }
            let hit = normal.iter().enumerate().find(|(i, h)| {
                columns[*i].is_none()
                    && field.synonyms().iter().any(|s| {
                        if exact {
                            h.as_str() == *s
                        } else {
                            h.starts_with(s)
                        }
                    })
            });
            if let Some((i, _)) = hit {
                columns[i] = Some(*field);
                taken.insert(*field);
            }
        }
    }
    Mapping { columns }
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
