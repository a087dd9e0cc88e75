//! Rows of a supply-links table (the survey shape goes to `survey_rows`): ends found by id or
//! name as people write it (`names`), links matched by (kind, supplier,
//! buyer, product), updated or added; a supplied product joins its supplier's main stage.

use super::ImportSource;
use super::Work;
use super::cells::{parse_amount, parse_link_kind};
use super::mapping::Field;
use super::name_matching::Named;
use crate::file::table::Row;
use crate::i18n::Lang;
use crate::model::{Link, LinkId, LinkKind, NodeId, Product};
use rust_decimal::Decimal;

/// What a row of a links table says, once its cells are read.
pub(super) struct LinkRow {
    pub(super) kind: LinkKind,
    pub(super) from: NodeId,
    pub(super) to: NodeId,
    pub(super) product: String,
    pub(super) value: Option<Decimal>,
    pub(super) note: String,
}

impl Work {
    pub(super) fn add_link(&mut self, mut link: Link) {
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

    pub(super) fn links(&mut self, i: usize, source: &ImportSource) {
        if super::survey::is_survey(&source.mapping) {
            self.survey(i, source);
            return;
        }
        for row in &source.table.rows {
            let Some(link) = self.link_row(i, source, row) else {
                continue;
            };
            let supplied = (link.kind == LinkKind::Supply && !link.product.is_empty())
                .then(|| (link.from.clone(), link.product.clone()));
            if !self.merge_link(i, source, row, link) {
                continue;
            }
            if let Some((from, product)) = supplied {
                self.add_product(&from, &product);
            }
        }
    }

    /// Reads a row, reporting each problem with its cell; none when the row makes no link.
    fn link_row(&mut self, i: usize, source: &ImportSource, row: &Row) -> Option<LinkRow> {
        let mut ends = Vec::new();
        for field in [Field::From, Field::To] {
            let text = Self::cell(source, row, field);
            let place = Self::place(source, row, Some(field));
            if text.is_empty() {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("{}为空", field.label(Lang::Zh)),
                    format!("the {} is empty", field.label(Lang::En)),
                );
                continue;
            }
            match self.named(i, source, row, field, text) {
                Named::Node(id) => ends.push(id),
                Named::Ambiguous => {}
                Named::Unknown => self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("没有编号或名称为“{text}”的节点"),
                    format!("no node has the id or name \"{text}\""),
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
                    return None;
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
                    return None;
                }
            },
        };
        let [from, to] = <[NodeId; 2]>::try_from(ends).ok()?;
        if from == to {
            self.problem(
                i,
                Some(row.number),
                &Self::place(source, row, Some(Field::To)),
                "供方和买方是同一个节点".into(),
                "the supplier and the buyer are the same node".into(),
            );
            return None;
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
        Some(LinkRow {
            kind,
            from,
            to,
            product: Self::cell(source, row, Field::Product).to_owned(),
            value,
            note: Self::cell(source, row, Field::Note).to_owned(),
        })
    }

    /// Updates the link the row names, else adds it; false (with the problem reported) when
    /// its kind may not join its ends.
    pub(super) fn merge_link(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        r: LinkRow,
    ) -> bool {
        let existing = self
            .index
            .links
            .get(&(r.kind, r.from.clone(), r.to.clone(), r.product.clone()))
            .cloned();
        if let Some(id) = existing {
            if let Some(link) = self.project.links.get_mut(&id) {
                if r.value.is_some() {
                    link.value = r.value;
                }
                if !r.note.is_empty() {
                    link.note = r.note;
                }
            }
            self.touched_links.insert(id);
            self.plan.summary.links_updated += 1;
            return true;
        }
        let kind = r.kind;
        let link = Link {
            kind,
            from: r.from,
            to: r.to,
            product: r.product,
            value: r.value,
            note: r.note,
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
                    kind.label(Lang::Zh),
                    a.name,
                    a.kind.label(Lang::Zh),
                    b.name,
                    b.kind.label(Lang::Zh)
                ),
                format!(
                    "a {} link cannot join \"{}\" ({}) and \"{}\" ({})",
                    kind.label(Lang::En),
                    a.name,
                    a.kind.label(Lang::En),
                    b.name,
                    b.kind.label(Lang::En)
                ),
            );
            return false;
        }
        self.add_link(link);
        true
    }

    /// Lists `product` under the supplier's main stage when it is not there yet.
    pub(super) fn add_product(&mut self, supplier: &NodeId, product: &str) {
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
}
