//! Import of stages, enterprises and links from spreadsheets into a project.
//!
//! Each table's columns are matched to fields by their header (Chinese or English: 企业名称 /
//! 名称 / name, 环节 / stage, 产值 / output, 税收 / tax, 用地 / 亩 …); the user may change the
//! match. Rows update what the project has (by id, else by name) and add what it lacks. Every
//! problem is reported with its file, row and column, and a plan with any error imports nothing.
//!
//! Our design choices, documented for users:
//! - a `town` cell names a region node (a town), created when missing; `(县外)` or `多镇`
//!   (outside the county, several towns) set no region;
//! - a `park` cell names a park node, created when missing, and adds a located-in link;
//! - a supply link's product is added to its supplier's main stage as a required product when
//!   the stage does not list it yet;
//! - figures go to one year: a `year` column, else the year chosen for the import.

use crate::file::table::{Row, Table};
use crate::model::{
    Chain, ChainId, Figures, Issue, Link, LinkId, LinkKind, Node, NodeId, NodeKind, Pos, Product,
    Project, RegionLevel, Segment, Stage, StageId, Year,
};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::str::FromStr;

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
    fn required(self) -> &'static [Field] {
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

/// One table to import with its column mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportSource {
    pub kind: TableKind,
    pub table: Table,
    pub mapping: Mapping,
}

impl ImportSource {
    /// A table with the guessed mapping.
    pub fn guessed(kind: TableKind, table: Table) -> Self {
        let mapping = guess_mapping(kind, &table.headers);
        Self {
            kind,
            table,
            mapping,
        }
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.mapping.columns.iter().position(|c| *c == Some(field))
    }
}

/// A problem with a row (or a whole table), for the preview and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    /// Index of the source table.
    pub source: usize,
    /// Row number in the sheet; none for a problem with the table itself.
    pub row: Option<usize>,
    pub issue: Issue,
}

/// How many things the import adds and updates (also the `summary` of `chainmap import --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ImportSummary {
    pub stages_added: usize,
    pub stages_updated: usize,
    pub nodes_added: usize,
    pub nodes_updated: usize,
    pub parks_added: usize,
    pub towns_added: usize,
    pub links_added: usize,
    pub links_updated: usize,
    pub products_added: usize,
}

/// What an import would do: the values it sets, and every problem.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// Every chain after the import (stages added or renamed).
    pub chains: BTreeMap<ChainId, Chain>,
    /// New and changed nodes, with their final values.
    pub nodes: Vec<Node>,
    /// New and changed links.
    pub links: Vec<Link>,
    pub problems: Vec<RowProblem>,
    pub summary: ImportSummary,
}

impl ImportPlan {
    /// Any error: nothing may be imported.
    pub fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.issue.severity == crate::model::Severity::Error)
    }

    /// Puts the plan into `project`.
    pub fn apply_to(&self, project: &mut Project) {
        project.chains = self.chains.clone();
        for node in &self.nodes {
            project.nodes.insert(node.id.clone(), node.clone());
        }
        for link in &self.links {
            project.links.insert(link.id.clone(), link.clone());
        }
    }
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The year figures are for, when the table has no year column.
    pub year: Option<Year>,
    /// The chain new stages join; the first chain (or a new one) when none.
    pub chain: Option<ChainId>,
}

/// Works out what importing `sources` into `project` does. Stages first, then nodes, then links,
/// whatever order the sources come in, so each can refer to what the one before brings.
pub fn plan_import(
    project: &Project,
    sources: &[ImportSource],
    options: &ImportOptions,
) -> ImportPlan {
    let mut work = Work {
        index: Index::new(project),
        project: project.clone(),
        plan: ImportPlan::default(),
        touched_nodes: BTreeSet::new(),
        touched_links: BTreeSet::new(),
        year: options
            .year
            .or(project.meta.base_year)
            .unwrap_or_else(last_full_year),
    };
    for (i, source) in sources.iter().enumerate() {
        for field in source.kind.required() {
            if source.column(*field).is_none() {
                work.problem(
                    i,
                    None,
                    &source.table.name,
                    format!(
                        "没有“{}”列(请在列对应中指定)",
                        field.label(crate::i18n::Lang::Zh)
                    ),
                    format!(
                        "no \"{}\" column (choose one in the column mapping)",
                        field.label(crate::i18n::Lang::En)
                    ),
                );
            }
        }
    }
    if work.plan.has_errors() {
        return work.plan;
    }
    for kind in TableKind::ALL {
        for (i, source) in sources.iter().enumerate().filter(|(_, s)| s.kind == kind) {
            match kind {
                TableKind::Stages => work.stages(i, source, options.chain.as_ref()),
                TableKind::Nodes => work.nodes(i, source),
                TableKind::Links => work.links(i, source),
            }
        }
    }
    work.finish(project)
}

/// The last calendar year that is over: the year statistics are usually for.
pub fn last_full_year() -> Year {
    (crate::time::utc_parts(crate::time::unix_now()).0 - 1) as Year
}

/// Lookups by name and by link identity, kept up to date as the import adds things, so a row
/// never scans the whole project (10,000 rows against 10,000 nodes would be 10⁸ comparisons).
struct Index {
    /// The first node (in id order) of each name.
    by_name: HashMap<String, NodeId>,
    regions: HashMap<String, NodeId>,
    parks: HashMap<String, NodeId>,
    /// (kind, from, to, product) → link.
    links: HashMap<(LinkKind, NodeId, NodeId, String), LinkId>,
    /// Where the search for a free generated id goes on from, by prefix.
    next_id: HashMap<&'static str, u64>,
}

impl Index {
    fn new(project: &Project) -> Self {
        let mut index = Index {
            by_name: HashMap::new(),
            regions: HashMap::new(),
            parks: HashMap::new(),
            links: HashMap::new(),
            next_id: HashMap::new(),
        };
        for node in project.nodes.values() {
            index.node(node);
        }
        for link in project.links.values() {
            index.link(link);
        }
        index
    }

    fn node(&mut self, node: &Node) {
        self.by_name
            .entry(node.name.clone())
            .or_insert_with(|| node.id.clone());
        let by_kind = match node.kind {
            NodeKind::Region => Some(&mut self.regions),
            NodeKind::Park => Some(&mut self.parks),
            _ => None,
        };
        if let Some(map) = by_kind {
            map.entry(node.name.clone())
                .or_insert_with(|| node.id.clone());
        }
    }

    fn link(&mut self, link: &Link) {
        self.links
            .entry((
                link.kind,
                link.from.clone(),
                link.to.clone(),
                link.product.clone(),
            ))
            .or_insert_with(|| link.id.clone());
    }

    /// `prefix` + the first number not taken, searching on from the last one given.
    fn fresh(&mut self, prefix: &'static str, taken: impl Fn(&str) -> bool) -> String {
        let n = self.next_id.entry(prefix).or_insert(1);
        loop {
            let candidate = format!("{prefix}{n}");
            *n += 1;
            if !taken(&candidate) {
                return candidate;
            }
        }
    }
}

struct Work {
    index: Index,
    /// The project as the import goes along.
    project: Project,
    plan: ImportPlan,
    touched_nodes: BTreeSet<NodeId>,
    touched_links: BTreeSet<LinkId>,
    year: Year,
}

/// A town cell that names no single town.
fn no_town(text: &str) -> bool {
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
fn split_list(text: &str) -> Vec<String> {
    text.split([';', '\u{ff1b}', '、', '|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_segment(text: &str) -> Option<Segment> {
    Some(match text.trim().to_lowercase().as_str() {
        "upstream" | "up" | "上游" => Segment::Upstream,
        "midstream" | "mid" | "中游" => Segment::Midstream,
        "downstream" | "down" | "下游" => Segment::Downstream,
        "support" | "支撑" | "配套" | "支撑服务" => Segment::Support,
        _ => return None,
    })
}

fn parse_kind(text: &str) -> Option<NodeKind> {
    let t = text.trim().to_lowercase();
    NodeKind::ALL.into_iter().find(|k| {
        k.code() == t
            || k.label(crate::i18n::Lang::Zh) == t
            || k.label(crate::i18n::Lang::En).to_lowercase() == t
    })
}

fn parse_link_kind(text: &str) -> Option<LinkKind> {
    let t = text.trim().to_lowercase();
    LinkKind::ALL.into_iter().find(|k| {
        k.code() == t
            || k.label(crate::i18n::Lang::Zh) == t
            || k.label(crate::i18n::Lang::En).to_lowercase() == t
    })
}

/// A number as spreadsheets write it: `1,800`, ` 12.5 `, `1800万元` are all read.
fn parse_amount(text: &str) -> Option<Decimal> {
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

impl Work {
    fn problem(&mut self, source: usize, row: Option<usize>, place: &str, zh: String, en: String) {
        self.plan.problems.push(RowProblem {
            source,
            row,
            issue: Issue::error("import", place.to_owned(), zh, en),
        });
    }

    fn warn(&mut self, source: usize, row: Option<usize>, place: &str, zh: String, en: String) {
        self.plan.problems.push(RowProblem {
            source,
            row,
            issue: Issue::warning("import", place.to_owned(), zh, en),
        });
    }

    /// `enterprises.csv row 7, column 税收`.
    fn place(source: &ImportSource, row: &Row, field: Option<Field>) -> String {
        match field.and_then(|f| source.column(f)) {
            Some(c) => format!(
                "{} row {}, column {}",
                source.table.name,
                row.number,
                source
                    .table
                    .headers
                    .get(c)
                    .map(String::as_str)
                    .unwrap_or("?")
            ),
            None => format!("{} row {}", source.table.name, row.number),
        }
    }

    fn cell<'a>(source: &ImportSource, row: &'a Row, field: Field) -> &'a str {
        source.column(field).map(|c| row.cell(c)).unwrap_or("")
    }

    fn stages(&mut self, i: usize, source: &ImportSource, chain: Option<&ChainId>) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &source.table.rows {
            let code = Self::cell(source, row, Field::StageCode).to_owned();
            let place = Self::place(source, row, Some(Field::StageCode));
            if code.is_empty() {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    "环节编号为空".into(),
                    "the stage code is empty".into(),
                );
                continue;
            }
            if let Some(first) = seen.insert(code.clone(), row.number) {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("环节编号“{code}”与第 {first} 行重复"),
                    format!("stage code \"{code}\" repeats row {first}"),
                );
                continue;
            }
            let segment_text = Self::cell(source, row, Field::Segment);
            let segment = match segment_text {
                "" => None,
                t => match parse_segment(t) {
                    Some(s) => Some(s),
                    None => {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::Segment)),
                            format!("“{t}”不是上游/中游/下游/支撑"),
                            format!("\"{t}\" is not upstream, midstream, downstream or support"),
                        );
                        continue;
                    }
                },
            };
            let name = Self::cell(source, row, Field::StageName).to_owned();
            let name_en = Self::cell(source, row, Field::StageNameEn).to_owned();
            let id = StageId::from(code.as_str());
            let existing = self
                .project
                .chains
                .values_mut()
                .flat_map(|c| c.stages.iter_mut())
                .find(|s| s.id == id);
            match existing {
                Some(stage) => {
                    if !name.is_empty() {
                        stage.name = name;
                    }
                    if !name_en.is_empty() {
                        stage.name_en = name_en;
                    }
                    if let Some(s) = segment {
                        stage.segment = s;
                    }
                    self.plan.summary.stages_updated += 1;
                }
                None => {
                    let chain_id = self.target_chain(chain, Self::cell(source, row, Field::Chain));
                    let stage = Stage {
                        name: if name.is_empty() { code.clone() } else { name },
                        name_en,
                        id,
                        segment: segment.unwrap_or_default(),
                        products: Vec::new(),
                    };
                    if let Some(c) = self.project.chains.get_mut(&chain_id) {
                        c.stages.push(stage);
                    }
                    self.plan.summary.stages_added += 1;
                }
            }
        }
    }

    /// The chain a new stage joins: the one asked for (by id or name), else the first, else a
    /// new one.
    fn target_chain(&mut self, asked: Option<&ChainId>, cell: &str) -> ChainId {
        let by_cell = (!cell.is_empty()).then(|| {
            self.project
                .chains
                .values()
                .find(|c| c.id.as_str() == cell || c.name == cell)
                .map(|c| c.id.clone())
        });
        if let Some(Some(id)) = by_cell {
            return id;
        }
        if let Some(id) = asked.filter(|id| self.project.chains.contains_key(*id)) {
            return id.clone();
        }
        let wanted = asked
            .cloned()
            .or_else(|| (!cell.is_empty()).then(|| ChainId::from(cell)));
        if wanted.is_none()
            && let Some(first) = self.project.chains.keys().next()
        {
            return first.clone();
        }
        let id = wanted.unwrap_or_else(|| ChainId::from("c1"));
        let name = if cell.is_empty() {
            "产业链".to_owned()
        } else {
            cell.to_owned()
        };
        self.project
            .chains
            .entry(id.clone())
            .or_insert_with(|| Chain {
                id: id.clone(),
                name,
                ..Chain::default()
            });
        id
    }

    fn stage_by_text(&self, text: &str) -> Option<StageId> {
        self.project
            .stages()
            .find(|(_, s)| s.id.as_str() == text || s.name == text || s.name_en == text)
            .map(|(_, s)| s.id.clone())
    }

    fn node_by_text(&self, text: &str) -> Option<NodeId> {
        let id = NodeId::from(text);
        if self.project.nodes.contains_key(&id) {
            return Some(id);
        }
        self.index.by_name.get(text).cloned()
    }

    fn nodes(&mut self, i: usize, source: &ImportSource) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &source.table.rows {
            let id_text = Self::cell(source, row, Field::Id).to_owned();
            let name = Self::cell(source, row, Field::Name).to_owned();
            let key = if id_text.is_empty() {
                name.clone()
            } else {
                id_text.clone()
            };
            if key.is_empty() {
                self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::Name)),
                    "名称为空".into(),
                    "the name is empty".into(),
                );
                continue;
            }
            if let Some(first) = seen.insert(key.clone(), row.number) {
                self.problem(
                    i,
                    Some(row.number),
                    &Self::place(
                        source,
                        row,
                        Some(if id_text.is_empty() {
                            Field::Name
                        } else {
                            Field::Id
                        }),
                    ),
                    format!("“{key}”与第 {first} 行重复"),
                    format!("\"{key}\" repeats row {first}"),
                );
                continue;
            }
            // By id; a row whose id the project does not know (a credit code in a list made
            // elsewhere) still updates the firm of the same name.
            let by_id = Some(NodeId::from(id_text.as_str()))
                .filter(|id| !id_text.is_empty() && self.project.nodes.contains_key(id));
            let existing = by_id.or_else(|| {
                (!name.is_empty())
                    .then(|| self.index.by_name.get(&name).cloned())
                    .flatten()
            });
            let mut node = match &existing {
                Some(id) => self.project.nodes[id].clone(),
                None => {
                    if name.is_empty() {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::Name)),
                            format!("新企业“{id_text}”没有名称"),
                            format!("new node \"{id_text}\" has no name"),
                        );
                        continue;
                    }
                    let id = if id_text.is_empty() {
                        let nodes = &self.project.nodes;
                        NodeId::from(
                            self.index
                                .fresh("n", |c| nodes.contains_key(&NodeId::from(c))),
                        )
                    } else {
                        NodeId::from(id_text.as_str())
                    };
                    Node {
                        id,
                        kind: NodeKind::Enterprise,
                        ..Node::default()
                    }
                }
            };
            if !name.is_empty() {
                node.name = name;
            }
            let errors_before = self.plan.problems.len();
            self.node_fields(i, source, row, &mut node);
            if self.plan.problems[errors_before..]
                .iter()
                .any(|p| p.issue.severity == crate::model::Severity::Error)
            {
                continue;
            }
            let park = Self::cell(source, row, Field::Park).to_owned();
            let town = Self::cell(source, row, Field::Town).to_owned();
            if !no_town(&town) {
                node.region = Some(self.region_named(&town));
            }
            match existing {
                Some(_) => self.plan.summary.nodes_updated += 1,
                None => self.plan.summary.nodes_added += 1,
            }
            self.touched_nodes.insert(node.id.clone());
            let node_id = node.id.clone();
            self.index.node(&node);
            self.project.nodes.insert(node.id.clone(), node);
            if !park.is_empty() {
                let park_id = self.park_named(&park, node_id.clone());
                let located = self.index.links.contains_key(&(
                    LinkKind::LocatedIn,
                    node_id.clone(),
                    park_id.clone(),
                    String::new(),
                ));
                if !located {
                    self.add_link(Link {
                        kind: LinkKind::LocatedIn,
                        from: node_id,
                        to: park_id,
                        ..Link::default()
                    });
                }
            }
        }
    }

    /// Stage, kind, tags, note and figures of one row.
    fn node_fields(&mut self, i: usize, source: &ImportSource, row: &Row, node: &mut Node) {
        let stages = Self::cell(source, row, Field::Stage);
        if !stages.is_empty() {
            let mut ids = Vec::new();
            for text in split_list(stages) {
                match self.stage_by_text(&text) {
                    Some(id) => ids.push(id),
                    None => self.problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(Field::Stage)),
                        format!("没有环节“{text}”(先导入环节表,或检查编号)"),
                        format!("there is no stage \"{text}\" (import the stages first, or check the code)"),
                    ),
                }
            }
            if !ids.is_empty() {
                node.stages = ids;
            }
        }
        let kind = Self::cell(source, row, Field::Kind);
        if !kind.is_empty() {
            match parse_kind(kind) {
                Some(k) => node.kind = k,
                None => self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::Kind)),
                    format!("未知的类型“{kind}”"),
                    format!("unknown kind \"{kind}\""),
                ),
            }
        }
        for tag in split_list(Self::cell(source, row, Field::Tags)) {
            if !node.tags.contains(&tag) {
                node.tags.push(tag);
            }
        }
        let note = Self::cell(source, row, Field::Note);
        if !note.is_empty() {
            node.note = note.to_owned();
        }
        let year = match Self::cell(source, row, Field::Year) {
            "" => self.year,
            t => match t.parse::<Year>() {
                Ok(y) if (1900..=2200).contains(&y) => y,
                _ => {
                    self.problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(Field::Year)),
                        format!("“{t}”不是年份"),
                        format!("\"{t}\" is not a year"),
                    );
                    return;
                }
            },
        };
        let mut figures = node.figures.get(&year).cloned().unwrap_or_default();
        let mut any = false;
        type Setter = fn(&mut Figures, Decimal);
        let amounts: [(Field, bool, Setter); 6] = [
            (Field::Output, false, |f, v| f.output = Some(v)),
            (Field::Tax, false, |f, v| f.tax = Some(v)),
            (Field::ValueAdded, false, |f, v| f.value_added = Some(v)),
            (Field::Investment, false, |f, v| f.investment = Some(v)),
            (Field::Profit, true, |f, v| f.profit = Some(v)),
            (Field::Land, false, |f, v| f.land_mu = Some(v)),
        ];
        for (field, may_be_negative, set) in amounts {
            let text = Self::cell(source, row, field);
            if text.is_empty() {
                continue;
            }
            match parse_amount(text) {
                Some(v) if v.is_sign_negative() && !v.is_zero() && !may_be_negative => self
                    .problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(field)),
                        format!("{}不能为负数:{text}", field.label(crate::i18n::Lang::Zh)),
                        format!(
                            "{} cannot be negative: {text}",
                            field.label(crate::i18n::Lang::En)
                        ),
                    ),
                Some(v) => {
                    set(&mut figures, v);
                    any = true;
                }
                None => self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(field)),
                    format!("“{text}”不是数字"),
                    format!("\"{text}\" is not a number"),
                ),
            }
        }
        for field in [Field::Employees, Field::Farmers] {
            let text = Self::cell(source, row, field);
            if text.is_empty() {
                continue;
            }
            let count = parse_amount(text)
                .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
                .and_then(|d| rust_decimal::prelude::ToPrimitive::to_u32(&d));
            match count {
                Some(n) => {
                    match field {
                        Field::Employees => figures.employees = Some(n),
                        _ => figures.farmers_linked = Some(n),
                    }
                    any = true;
                }
                None => self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(field)),
                    format!("“{text}”不是非负整数"),
                    format!("\"{text}\" is not a whole number ≥ 0"),
                ),
            }
        }
        if any {
            node.figures.insert(year, figures);
        }
    }

    /// The region node of a town, created when missing.
    fn region_named(&mut self, name: &str) -> NodeId {
        if let Some(id) = self.index.regions.get(name) {
            return id.clone();
        }
        let nodes = &self.project.nodes;
        let id = NodeId::from(
            self.index
                .fresh("T", |c| nodes.contains_key(&NodeId::from(c))),
        );
        let node = Node {
            id: id.clone(),
            name: name.to_owned(),
            kind: NodeKind::Region,
            region_level: Some(RegionLevel::Town),
            ..Node::default()
        };
        self.touched_nodes.insert(id.clone());
        self.index.node(&node);
        self.project.nodes.insert(id.clone(), node);
        self.plan.summary.towns_added += 1;
        id
    }

    /// The park node of that name, created (in the firm's town) when missing.
    fn park_named(&mut self, name: &str, firm: NodeId) -> NodeId {
        if let Some(id) = self.index.parks.get(name) {
            return id.clone();
        }
        let nodes = &self.project.nodes;
        let id = NodeId::from(
            self.index
                .fresh("PK", |c| nodes.contains_key(&NodeId::from(c))),
        );
        let region = self.project.nodes.get(&firm).and_then(|n| n.region.clone());
        let node = Node {
            id: id.clone(),
            name: name.to_owned(),
            kind: NodeKind::Park,
            region,
            ..Node::default()
        };
        self.touched_nodes.insert(id.clone());
        self.index.node(&node);
        self.project.nodes.insert(id.clone(), node);
        self.plan.summary.parks_added += 1;
        id
    }

    fn add_link(&mut self, mut link: Link) {
        if link.id.as_str().is_empty() {
            let links = &self.project.links;
            link.id = LinkId::from(
                self.index
                    .fresh("L", |c| links.contains_key(&LinkId::from(c))),
            );
        }
        self.index.link(&link);
        self.touched_links.insert(link.id.clone());
        self.project.links.insert(link.id.clone(), link);
        self.plan.summary.links_added += 1;
    }

    fn links(&mut self, i: usize, source: &ImportSource) {
        for row in &source.table.rows {
            let mut ends = Vec::new();
            for field in [Field::From, Field::To] {
                let text = Self::cell(source, row, field);
                match self.node_by_text(text) {
                    Some(id) => ends.push(id),
                    None => self.problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(field)),
                        if text.is_empty() {
                            format!("{}为空", field.label(crate::i18n::Lang::Zh))
                        } else {
                            format!("没有编号或名称为“{text}”的节点")
                        },
                        if text.is_empty() {
                            format!("the {} is empty", field.label(crate::i18n::Lang::En))
                        } else {
                            format!("no node has the id or name \"{text}\"")
                        },
                    ),
                }
            }
            let kind = match Self::cell(source, row, Field::LinkKind) {
                "" => LinkKind::Supply,
                t => match parse_link_kind(t) {
                    Some(k) => k,
                    None => {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::LinkKind)),
                            format!("未知的关系类型“{t}”"),
                            format!("unknown link kind \"{t}\""),
                        );
                        continue;
                    }
                },
            };
            let value = match Self::cell(source, row, Field::Value) {
                "" => None,
                t => match parse_amount(t) {
                    Some(v) if !v.is_sign_negative() || v.is_zero() => Some(v),
                    _ => {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::Value)),
                            format!("金额应为非负数字:“{t}”"),
                            format!("the value should be a number ≥ 0: \"{t}\""),
                        );
                        continue;
                    }
                },
            };
            let [from, to] = match <[NodeId; 2]>::try_from(ends) {
                Ok(e) => e,
                Err(_) => continue,
            };
            if from == to {
                self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::To)),
                    "供方和买方是同一个节点".into(),
                    "the supplier and the buyer are the same node".into(),
                );
                continue;
            }
            if kind == LinkKind::Supply && value.is_none() {
                self.warn(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::Value)),
                    "没有金额:计算本地配套率时按 0 计".into(),
                    "no value: it counts as 0 in the local supporting rate".into(),
                );
            }
            let product = Self::cell(source, row, Field::Product).to_owned();
            let note = Self::cell(source, row, Field::Note).to_owned();
            let existing = self
                .index
                .links
                .get(&(kind, from.clone(), to.clone(), product.clone()))
                .cloned();
            match existing {
                Some(id) => {
                    if let Some(link) = self.project.links.get_mut(&id) {
                        if value.is_some() {
                            link.value = value;
                        }
                        if !note.is_empty() {
                            link.note = note;
                        }
                    }
                    self.touched_links.insert(id);
                    self.plan.summary.links_updated += 1;
                }
                None => {
                    let link = Link {
                        kind,
                        from: from.clone(),
                        to,
                        product: product.clone(),
                        value,
                        note,
                        ..Link::default()
                    };
                    let kinds = (
                        self.project.nodes.get(&link.from),
                        self.project.nodes.get(&link.to),
                    );
                    if let (Some(a), Some(b)) = kinds
                        && !crate::model::validate::link_endpoints_ok(kind, a.kind, b.kind)
                    {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::To)),
                            format!(
                                "{}不能连接“{}”({})和“{}”({})",
                                kind.label(crate::i18n::Lang::Zh),
                                a.name,
                                a.kind.label(crate::i18n::Lang::Zh),
                                b.name,
                                b.kind.label(crate::i18n::Lang::Zh)
                            ),
                            format!(
                                "a {} link cannot join \"{}\" ({}) and \"{}\" ({})",
                                kind.label(crate::i18n::Lang::En),
                                a.name,
                                a.kind.label(crate::i18n::Lang::En),
                                b.name,
                                b.kind.label(crate::i18n::Lang::En)
                            ),
                        );
                        continue;
                    }
                    self.add_link(link);
                }
            }
            if kind == LinkKind::Supply && !product.is_empty() {
                self.add_product(&from, &product);
            }
        }
    }

    /// Lists `product` under the supplier's main stage when it is not there yet.
    fn add_product(&mut self, supplier: &NodeId, product: &str) {
        let Some(stage) = self
            .project
            .nodes
            .get(supplier)
            .and_then(|n| n.main_stage().cloned())
        else {
            return;
        };
        for chain in self.project.chains.values_mut() {
            if let Some(s) = chain.stages.iter_mut().find(|s| s.id == stage)
                && !s.products.iter().any(|p| p.name == product)
            {
                s.products.push(Product {
                    name: product.to_owned(),
                    required: true,
                });
                self.plan.summary.products_added += 1;
            }
        }
    }

    /// Places new nodes (a whole swimlane layout when nothing had a place before) and collects
    /// the final values.
    fn finish(mut self, before: &Project) -> ImportPlan {
        if self.plan.has_errors() {
            return ImportPlan {
                problems: self.plan.problems,
                summary: self.plan.summary,
                ..ImportPlan::default()
            };
        }
        let nothing_placed = before.nodes.values().all(|n| n.position.is_none());
        let moves: Vec<(NodeId, Pos)> = if nothing_placed {
            crate::layout::swimlane(&self.project)
        } else {
            crate::layout::place_new(&self.project)
        };
        for (id, pos) in moves {
            if let Some(n) = self.project.nodes.get_mut(&id) {
                n.position = Some(pos);
                self.touched_nodes.insert(id);
            }
        }
        self.plan.chains = self.project.chains.clone();
        self.plan.nodes = self
            .touched_nodes
            .iter()
            .filter_map(|id| self.project.nodes.get(id).cloned())
            .filter(|n| before.nodes.get(&n.id) != Some(n))
            .collect();
        self.plan.links = self
            .touched_links
            .iter()
            .filter_map(|id| self.project.links.get(id).cloned())
            .filter(|l| before.links.get(&l.id) != Some(l))
            .collect();
        // "Updated" means changed: rows that match the project exactly are left out.
        let s = &mut self.plan.summary;
        s.nodes_updated = self
            .plan
            .nodes
            .iter()
            .filter(|n| before.nodes.contains_key(&n.id) && n.position.is_some())
            .filter(|n| {
                before.nodes.get(&n.id).is_some_and(|b| {
                    let mut placed = (*n).clone();
                    placed.position = b.position;
                    placed != *b
                })
            })
            .count();
        s.links_updated = self
            .plan
            .links
            .iter()
            .filter(|l| before.links.contains_key(&l.id))
            .count();
        let old_stages: BTreeMap<&StageId, &Stage> =
            before.stages().map(|(_, st)| (&st.id, st)).collect();
        s.stages_updated = self
            .project
            .stages()
            .filter(|(_, st)| {
                old_stages.get(&st.id).is_some_and(|o| {
                    (o.name.as_str(), o.name_en.as_str(), o.segment)
                        != (st.name.as_str(), st.name_en.as_str(), st.segment)
                })
            })
            .count();
        self.plan
    }
}
