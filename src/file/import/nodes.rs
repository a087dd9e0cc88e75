//! Rows of an enterprises table: firms matched by id, else by name, updated or added, with their
//! stages, kind, tags, figures of the year, town and park (both made when missing).

use super::ImportSource;
use super::Work;
use super::cells::{kind_from_words, no_town, split_list};
use super::mapping::Field;
use crate::file::table::Row;
use crate::model::{Link, LinkKind, Node, NodeId, NodeKind, RegionLevel};
use std::collections::BTreeMap;

impl Work {
    pub(super) fn node_by_text(&self, text: &str) -> Option<NodeId> {
        let id = NodeId::from(text);
        if self.project.nodes.contains_key(&id) {
            return Some(id);
        }
        self.index.by_name.get(text).cloned()
    }

    pub(super) fn nodes(&mut self, i: usize, source: &ImportSource) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut filled: BTreeMap<NodeId, usize> = BTreeMap::new();
        for row in &source.table.rows {
            let id_text = Self::cell(source, row, Field::Id).to_owned();
            let name = Self::cell(source, row, Field::Name).to_owned();
            let code =
                crate::model::credit_code::normalise(Self::cell(source, row, Field::CreditCode));
            let key = [&code, &id_text, &name]
                .into_iter()
                .find(|k| !k.is_empty())
                .cloned()
                .unwrap_or_default();
            if !self.first_of_its_key(i, source, row, &key, &mut seen) {
                continue;
            }
            // Past its code, id and exact name, a row finds its firm by the name as people
            // write it; such a match keeps the firm's name.
            let (existing, rename) = match self.node_of_row(&code, &id_text, &name) {
                Some(id) => (Some(id), true),
                None if name.is_empty() => (None, true),
                None => match self.node_named_in_row(i, source, row, &name, &filled) {
                    Ok(found) => (found.clone(), found.is_none()),
                    Err(()) => continue,
                },
            };
            let Some(mut node) =
                self.node_to_fill(i, source, row, existing.as_ref(), (&id_text, &name))
            else {
                continue;
            };
            if rename && !name.is_empty() {
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
            filled.insert(node.id.clone(), row.number);
            let node_id = node.id.clone();
            self.index.node(&node);
            self.project.nodes.insert(node.id.clone(), node);
            if !park.is_empty() {
                self.locate_in_park(node_id, &park);
            }
        }
    }

    /// Whether the row has a key (its credit code, else its id, else its name) that no row
    /// before it had; reports the problem when not.
    fn first_of_its_key(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        key: &str,
        seen: &mut BTreeMap<String, usize>,
    ) -> bool {
        if key.is_empty() {
            self.problem(
                i,
                Some(row.number),
                &Self::place(source, row, Some(Field::Name)),
                "名称为空".into(),
                "the name is empty".into(),
            );
            return false;
        }
        if let Some(first) = seen.insert(key.to_owned(), row.number) {
            self.problem(
                i,
                Some(row.number),
                &Self::place(
                    source,
                    row,
                    [Field::CreditCode, Field::Id, Field::Name]
                        .into_iter()
                        .find(|f| Self::cell(source, row, *f) == key || *f == Field::Name),
                ),
                format!("“{key}”与第 {first} 行重复"),
                format!("\"{key}\" repeats row {first}"),
            );
            return false;
        }
        true
    }

    /// The node a row updates: by credit code, else by id, else by name. A row whose id the
    /// project does not know (a number in a list made elsewhere) still updates the firm of the
    /// same name, unless the two have different credit codes (two firms of one name).
    fn node_of_row(&self, code: &str, id_text: &str, name: &str) -> Option<NodeId> {
        let by_code = (!code.is_empty())
            .then(|| self.index.by_code.get(code).cloned())
            .flatten();
        let by_id = || {
            Some(NodeId::from(id_text))
                .filter(|id| !id_text.is_empty() && self.project.nodes.contains_key(id))
        };
        let by_name = || {
            (!name.is_empty())
                .then(|| self.index.by_name.get(name).cloned())
                .flatten()
                .filter(|id| {
                    let known = self
                        .project
                        .nodes
                        .get(id)
                        .map(|n| n.credit_code.as_str())
                        .unwrap_or("");
                    code.is_empty() || known.is_empty() || known == code
                })
        };
        by_code.or_else(by_id).or_else(by_name)
    }

    /// The node the row fills: the existing one, else a new enterprise (none, with the problem
    /// reported, when a new one would have no name).
    fn node_to_fill(
        &mut self,
        i: usize,
        source: &ImportSource,
        row: &Row,
        existing: Option<&NodeId>,
        (id_text, name): (&str, &str),
    ) -> Option<Node> {
        if let Some(id) = existing {
            return Some(self.project.nodes[id].clone());
        }
        if name.is_empty() {
            self.problem(
                i,
                Some(row.number),
                &Self::place(source, row, Some(Field::Name)),
                format!("新企业“{id_text}”没有名称"),
                format!("new node \"{id_text}\" has no name"),
            );
            return None;
        }
        let id = if id_text.is_empty() {
            let nodes = &self.project.nodes;
            NodeId::from(
                self.index
                    .fresh("n", |c| nodes.contains_key(&NodeId::from(c))),
            )
        } else {
            NodeId::from(id_text)
        };
        Some(Node {
            id,
            kind: NodeKind::Enterprise,
            ..Node::default()
        })
    }

    /// Puts the firm in the park of that name (made when missing) unless it is there already.
    fn locate_in_park(&mut self, node_id: NodeId, park: &str) {
        let park_id = self.park_named(park, node_id.clone());
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

    /// Stage, kind, tags, note, credit code, flags, products and figures of one row.
    fn node_fields(&mut self, i: usize, source: &ImportSource, row: &Row, node: &mut Node) {
        let stages = Self::cell(source, row, Field::Stage);
        if !stages.is_empty() {
            let mut ids = Vec::new();
            for text in split_list(stages) {
                match self.stage_for_firm(&text) {
                    Some(id) => ids.push(id),
                    None => self.problem(
                        i,
                        Some(row.number),
                        &Self::place(source, row, Some(Field::Stage)),
                        format!("没有编号为“{text}”的环节(先导入环节表,或检查编号)"),
                        format!("there is no stage coded \"{text}\" (import the stages first, or check the code)"),
                    ),
                }
            }
            if !ids.is_empty() {
                node.stages = ids;
            }
        }
        let kind = Self::cell(source, row, Field::Kind);
        if !kind.is_empty() {
            match kind_from_words(kind) {
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
        self.credit_code(i, source, row, node);
        self.flags(i, source, row, node);
        self.main_products(i, source, row, node);
        self.node_figures(i, source, row, node);
    }

    /// The region node of a town, created when missing.
    pub(super) fn region_named(&mut self, name: &str) -> NodeId {
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
    pub(super) fn park_named(&mut self, name: &str, firm: NodeId) -> NodeId {
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
}
