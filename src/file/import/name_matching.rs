//! Cells that name a node, as the import reads them: by id, by exact name, then by the name as
//! people write it (`names`). A match past the exact name is kept for the user to confirm;
//! several candidates are an error that lists them.

use super::mapping::Field;
use super::names::{Found, MatchKind};
use super::{ImportSource, Work};
use crate::file::table::Row;
use crate::model::NodeId;
use std::collections::BTreeMap;

/// A name in a file that found its node past its exact spelling, for the user to confirm.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NameMatch {
    /// Index of the source table.
    #[serde(skip)]
    pub source: usize,
    /// File, row and column: `survey.xlsx row 7, column 主要供应商1`.
    pub place: String,
    /// The name as the file writes it.
    pub text: String,
    pub node: NodeId,
    /// The node's name in the project.
    pub name: String,
    pub how: MatchKind,
}

/// What a cell naming a node comes to.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Named {
    Node(NodeId),
    /// No node has this id or name.
    Unknown,
    /// Several could be meant: the problem is reported.
    Ambiguous,
}

impl Work {
    /// The node a cell names: by id, by exact name, then by the name as people write it. A
    /// match past the exact name is listed for confirmation; several candidates are an error
    /// that lists them.
    pub(super) fn named(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        field: Field,
        text: &str,
    ) -> Named {
        let place = Self::place(source, row, Some(field));
        self.named_at(i, row.number, &place, text)
    }

    /// `named` for a cell whose place is already written out.
    pub(super) fn named_at(&mut self, i: usize, row: usize, place: &str, text: &str) -> Named {
        if let Some(id) = self.node_by_text(text) {
            return Named::Node(id);
        }
        match self.index.names.find(text) {
            Found::Nothing => Named::Unknown,
            Found::Matched(id, how) => {
                let name = self
                    .project
                    .nodes
                    .get(&id)
                    .map(|n| n.name.clone())
                    .unwrap_or_default();
                let known = self
                    .plan
                    .matches
                    .iter()
                    .any(|m| m.text == text && m.node == id);
                if !known {
                    self.plan.matches.push(NameMatch {
                        source: i,
                        place: place.to_owned(),
                        text: text.to_owned(),
                        node: id.clone(),
                        name,
                        how,
                    });
                }
                Named::Node(id)
            }
            Found::Ambiguous(ids) => {
                let names: Vec<String> = ids
                    .iter()
                    .filter_map(|id| self.project.nodes.get(id))
                    .map(|n| format!("“{}”({})", n.name, n.id))
                    .collect();
                self.problem(
                    i,
                    Some(row),
                    place,
                    format!(
                        "“{text}”可能是 {} 个节点之一:{}。请写出全称或编号",
                        names.len(),
                        names.join("、")
                    ),
                    format!(
                        "\"{text}\" could be any of {} nodes: {}. Write the full name or the id",
                        names.len(),
                        names.join(", ")
                    ),
                );
                Named::Ambiguous
            }
        }
    }
}

impl Work {
    /// The firm an enterprises row updates when neither its id nor its exact name finds one:
    /// its name as people write it. `Err` when the row is left out (the problem reported):
    /// several candidates, or a firm an earlier row of the table filled already (`filled`: node
    /// → row), which would merge two rows silently.
    pub(super) fn node_named_in_row(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        name: &str,
        filled: &BTreeMap<NodeId, usize>,
    ) -> Result<Option<NodeId>, ()> {
        match self.named(i, source, row, Field::Name, name) {
            Named::Unknown => Ok(None),
            Named::Ambiguous => Err(()),
            Named::Node(id) => match filled.get(&id) {
                None => Ok(Some(id)),
                Some(first) => {
                    self.plan
                        .matches
                        .retain(|m| !(m.text == name && m.node == id));
                    self.problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(Field::Name)),
                        format!("“{name}”与第 {first} 行像是同一家企业(名称写法不同)"),
                        format!("\"{name}\" looks like the firm of row {first} (its name written differently)"),
                    );
                    Err(())
                }
            },
        }
    }
}
