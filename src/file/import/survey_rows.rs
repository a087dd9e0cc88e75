//! The rows of a survey table (see `survey` for its shape): each firm's suppliers and customers
//! read group by group, found by name (new ones added and listed), and made supply links with
//! the amount, or the share of the firm's purchases or sales worked out as an amount.

use super::cells::parse_amount;
use super::links::LinkRow;
use super::mapping::Field;
use super::name_matching::Named;
use super::survey::{Group, Side, groups, parse_share, unit_of};
use super::{ImportSource, Work};
use crate::file::table::Row;
use crate::model::meta::MoneyUnit;
use crate::model::{LinkId, LinkKind, Node, NodeId, NodeKind};
use rust_decimal::Decimal;

/// `survey.xlsx row 7, column 主要供应商2`.
fn place_at(source: &ImportSource, row: &Row, column: usize) -> String {
    format!(
        "{} row {}, column {}",
        source.table.name,
        row.number,
        source
            .table
            .headers
            .get(column)
            .map(String::as_str)
            .unwrap_or("?")
    )
}

/// What one group of a row says, once read.
struct GroupCells {
    partner: String,
    product: String,
    /// The amount in the project's unit.
    value: Option<Decimal>,
    /// A share of the firm's purchases or sales, in percent.
    share: Option<Decimal>,
}

impl Work {
    /// The rows of a survey: links between each firm and its suppliers and customers.
    pub(super) fn survey(&mut self, i: usize, source: &ImportSource) {
        let (groups, loose) = groups(&source.table.headers, &source.mapping);
        if groups.is_empty() {
            self.problem(
                i,
                None,
                &source.table.name,
                "调查表没有“主要供应商”或“主要客户”列(请在列对应中指定)".into(),
                "the survey has no supplier or customer column (choose one in the column mapping)"
                    .into(),
            );
            return;
        }
        for c in loose {
            let header = source.table.headers.get(c).cloned().unwrap_or_default();
            self.warn(
                i,
                None,
                &format!("{}, column {header}", source.table.name),
                format!("“{header}”列对应不到任何供应商或客户列,没有导入"),
                format!(
                    "column \"{header}\" goes with no supplier or customer column: not imported"
                ),
            );
        }
        for row in &source.table.rows {
            self.survey_row(i, source, row, &groups);
        }
    }

    fn survey_row(&mut self, i: usize, source: &ImportSource, row: &Row, groups: &[Group]) {
        let cells: Vec<(&Group, GroupCells)> = groups
            .iter()
            .filter_map(|g| self.group_cells(i, source, row, g).map(|cells| (g, cells)))
            .collect();
        let firm_text = Self::cell(source, row, Field::Firm);
        if firm_text.is_empty() {
            if !cells.is_empty() {
                self.problem(
                    i,
                    Some(row.number),
                    &Self::place(source, row, Some(Field::Firm)),
                    "有供应商或客户,但企业名称为空".into(),
                    "suppliers or customers are given but the firm's name is empty".into(),
                );
            }
            return;
        }
        let firm = match self.named(i, source, row, Field::Firm, firm_text) {
            Named::Node(id) => id,
            Named::Ambiguous => return,
            Named::Unknown => {
                let place = Self::place(source, row, Some(Field::Firm));
                self.new_survey_node(i, row, &place, firm_text, NodeKind::Enterprise)
            }
        };
        for (group, cells) in cells {
            let place = place_at(source, row, group.partner);
            let partner = match self.named_at(i, row.number, &place, &cells.partner) {
                Named::Node(id) => id,
                Named::Ambiguous => continue,
                Named::Unknown => self.new_survey_node(
                    i,
                    row,
                    &place,
                    &cells.partner,
                    NodeKind::ExternalEnterprise,
                ),
            };
            self.survey_link(i, source, row, (&firm, partner), group, cells);
        }
    }

    /// The cells of one group; none when the group is empty (reported when only its name is).
    fn group_cells(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        group: &Group,
    ) -> Option<GroupCells> {
        let text = |c: Option<usize>| c.map(|c| row.cell(c).to_owned()).unwrap_or_default();
        let partner = text(Some(group.partner));
        let product = text(group.product);
        let (value_text, share_text) = (text(group.value), text(group.share));
        if partner.is_empty() {
            if !(product.is_empty() && value_text.is_empty() && share_text.is_empty()) {
                self.warn(
                    i,
                    Some(row.number),
                    &place_at(source, row, group.partner),
                    "有产品或金额,但没有写供应商或客户:这一组没有导入".into(),
                    "a product or amount but no supplier or customer: this group is not imported"
                        .into(),
                );
            }
            return None;
        }
        let mut cells = GroupCells {
            partner,
            product,
            value: None,
            share: None,
        };
        let unit = MoneyUnit::parse(&self.project.meta.unit).unwrap_or(MoneyUnit::Wan);
        if let Some(c) = group.value.filter(|_| !value_text.is_empty()) {
            let header = source
                .table
                .headers
                .get(c)
                .map(String::as_str)
                .unwrap_or("");
            if value_text.ends_with(['%', '％']) {
                cells.share = parse_share(&value_text);
            } else if let Some(v) = parse_amount(&value_text) {
                let factor = unit_of(header).map_or(Decimal::ONE, |u| u.factor_to(unit));
                cells.value = Some(v * factor);
            }
            if cells.value.is_none() && cells.share.is_none() {
                self.bad_number(i, row, &place_at(source, row, c), &value_text);
                return None;
            }
        }
        if let Some(c) = group.share.filter(|_| !share_text.is_empty()) {
            match parse_share(&share_text) {
                Some(s) => cells.share = cells.share.or(Some(s)),
                None => {
                    self.bad_number(i, row, &place_at(source, row, c), &share_text);
                    return None;
                }
            }
        }
        Some(cells)
    }

    fn bad_number(&mut self, i: usize, row: &Row, place: &str, text: &str) {
        self.problem(
            i,
            Some(row.number),
            place,
            format!("“{text}”不是金额或百分比"),
            format!("\"{text}\" is not an amount or a percentage"),
        );
    }

    /// A firm, supplier or customer the project does not have, added and listed.
    fn new_survey_node(
        &mut self,
        i: usize,
        row: &Row,
        place: &str,
        name: &str,
        kind: NodeKind,
    ) -> NodeId {
        let nodes = &self.project.nodes;
        let id = NodeId::from(
            self.index
                .fresh("n", |c| nodes.contains_key(&NodeId::from(c))),
        );
        let node = Node {
            id: id.clone(),
            name: name.to_owned(),
            kind,
            ..Node::default()
        };
        let (zh, en) = match kind {
            NodeKind::ExternalEnterprise => (
                format!("项目中没有“{name}”:新增为县外企业(如在县内,请改类型)"),
                format!(
                    "\"{name}\" is not in the project: added as an external enterprise (change its kind if it is in the county)"
                ),
            ),
            _ => (
                format!("项目中没有“{name}”:新增为企业(可先导入企业表)"),
                format!(
                    "\"{name}\" is not in the project: added as an enterprise (import the enterprises table first to avoid this)"
                ),
            ),
        };
        self.warn(i, Some(row.number), place, zh, en);
        self.touched_nodes.insert(id.clone());
        self.index.node(&node);
        self.project.nodes.insert(id.clone(), node);
        self.plan.summary.nodes_added += 1;
        id
    }
}

impl Work {
    /// The link of one group: supplier → firm, or firm → customer.
    fn survey_link(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        (firm, partner): (&NodeId, NodeId),
        group: &Group,
        cells: GroupCells,
    ) {
        let place = place_at(source, row, group.partner);
        let (from, to) = match group.side {
            Side::Supplier => (partner, firm.clone()),
            Side::Customer => (firm.clone(), partner),
        };
        if from == to {
            self.problem(
                i,
                Some(row.number),
                &place,
                "企业把自己列为供应商或客户".into(),
                "the firm lists itself as its supplier or customer".into(),
            );
            return;
        }
        let mut note = String::new();
        let value = match (cells.value, cells.share) {
            (Some(v), _) => Some(v),
            (None, Some(share)) => match self.share_base(source, row, firm, group.side) {
                Some(base) => Some((base * share / Decimal::from(100)).round_dp(4)),
                None => {
                    let (zh, en) = match group.side {
                        Side::Supplier => ("采购总额", "total purchases"),
                        Side::Customer => ("销售总额或产值", "total sales or output"),
                    };
                    self.warn(
                        i,
                        Some(row.number),
                        &place,
                        format!("占比 {share}% 换算不成金额:没有这家企业的{zh};连线没有金额,占比记在备注里"),
                        format!("the share {share}% cannot become an amount: no {en} of the firm is given; the link has no value and the share is in its note"),
                    );
                    note = format!("占{zh} {share}%");
                    None
                }
            },
            (None, None) => {
                self.warn(
                    i,
                    Some(row.number),
                    &place,
                    "没有金额:计算本地配套率时按 0 计".into(),
                    "no value: it counts as 0 in the local supporting rate".into(),
                );
                None
            }
        };
        if self.same_relation(&from, &to, &cells.product, value) {
            return;
        }
        let supplied = (!cells.product.is_empty()).then(|| (from.clone(), cells.product.clone()));
        let link = LinkRow {
            kind: LinkKind::Supply,
            from,
            to,
            product: cells.product,
            value,
            note,
        };
        if self.merge_link(i, source, row, link)
            && let Some((supplier, product)) = supplied
        {
            self.add_product(&supplier, &product);
        }
    }

    /// A relation both firms report, one of them without the product (中博 lists 金米 as a
    /// customer; 金米 lists 中博 as a supplier of 菌包): one link, the product and the value
    /// filled from whichever side gives them. True when an existing link took the row.
    fn same_relation(
        &mut self,
        from: &NodeId,
        to: &NodeId,
        product: &str,
        value: Option<Decimal>,
    ) -> bool {
        let between: Vec<LinkId> = self
            .project
            .links
            .values()
            .filter(|l| l.kind == LinkKind::Supply && l.from == *from && l.to == *to)
            .filter(|l| product.is_empty() || l.product.is_empty())
            .map(|l| l.id.clone())
            .collect();
        let [id] = between.as_slice() else {
            return false;
        };
        let Some(link) = self.project.links.get_mut(id) else {
            return false;
        };
        if link.product.is_empty() && !product.is_empty() {
            link.product = product.to_owned();
        }
        if link.value.is_none() {
            link.value = value;
        }
        let link = link.clone();
        self.index.link(&link);
        self.touched_links.insert(link.id.clone());
        if !link.product.is_empty() {
            self.add_product(&link.from, &link.product);
        }
        true
    }

    /// What a share is of: the firm's total purchases (a supplier's share), or its total sales,
    /// else its output of the import's year, else its latest (a customer's share).
    fn share_base(
        &self,
        source: &ImportSource,
        row: &Row,
        firm: &NodeId,
        side: Side,
    ) -> Option<Decimal> {
        let column = source.column(match side {
            Side::Supplier => Field::Purchases,
            Side::Customer => Field::Sales,
        });
        let unit = MoneyUnit::parse(&self.project.meta.unit).unwrap_or(MoneyUnit::Wan);
        let total = column.and_then(|c| {
            let header = source
                .table
                .headers
                .get(c)
                .map(String::as_str)
                .unwrap_or("");
            let factor = unit_of(header).map_or(Decimal::ONE, |u| u.factor_to(unit));
            parse_amount(row.cell(c)).map(|v| v * factor)
        });
        if total.is_some() || side == Side::Supplier {
            return total;
        }
        let node = self.project.nodes.get(firm)?;
        node.figures
            .get(&self.year)
            .and_then(|f| f.output)
            .or_else(|| node.latest_figures().and_then(|(_, f)| f.output))
    }
}
