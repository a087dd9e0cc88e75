//! Edits: the only way the project changes. Each edit checks itself, applies, and hands back a
//! [`Change`] that undoes it; the document keeps those for undo and redo.

use crate::i18n::Lang;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Agreement, AgreementId, Candidate, Chain, ChainId, Link, LinkId, Node, NodeId, Pos, Project,
    ProjectMeta, ReferenceMatch, View, ViewId,
};
use std::collections::{BTreeMap, BTreeSet};

mod change;
mod label;
mod structure;

pub use change::Change;
pub use structure::{StageFirms, StructureEdit};

/// One user action on the project. One gesture is one edit, hence one undo step.
// The project's settings (with the tax sharing table) are the largest variant; edits are made
// once per gesture, so their size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddNode(Node),
    AddLink(Link),
    /// Replace nodes (same ids) with new values: an inspector edit of one or several nodes.
    SetNodes(Vec<Node>),
    SetLink(Link),
    /// Move nodes to new positions (a drag, committed on release; or a layout).
    MoveNodes(Vec<(NodeId, Pos)>),
    /// Remove nodes (with every link that touches them) and links.
    Remove {
        nodes: Vec<NodeId>,
        links: Vec<LinkId>,
    },
    /// Add copies of nodes and links (already given fresh ids).
    Paste {
        nodes: Vec<Node>,
        links: Vec<Link>,
    },
    SetMeta(ProjectMeta),
    /// Add an agreement, or replace the one with the same id.
    SetAgreement(Agreement),
    RemoveAgreement(AgreementId),
    /// Replace the saved views (slides) with this set: save, rename, reorder or delete views.
    SetViews(BTreeMap<ViewId, View>),
    /// A spreadsheet import: the chains after it, and the nodes and links it adds or changes.
    Import {
        chains: BTreeMap<ChainId, Chain>,
        nodes: Vec<Node>,
        links: Vec<Link>,
    },
    /// Create, rename, reorder or remove a chain, a stage or a product (with what follows for
    /// the firms in a removed stage).
    Structure(StructureEdit),
    /// Save (or, with none, forget) a chain's confirmed matching to a reference chain.
    SetReference {
        chain: ChainId,
        matching: Option<ReferenceMatch>,
    },
    /// Replace the 招商 list: an import, or a candidate's status or note changed.
    SetCandidates(BTreeMap<String, Candidate>),
    /// Replace the whole project with a merge's result (File → Merge…): `from` names the file
    /// merged in, for the undo label.
    Merge {
        project: Box<Project>,
        from: String,
    },
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{en}")]
pub struct EditError {
    pub zh: String,
    pub en: String,
}

impl EditError {
    fn new(zh: String, en: String) -> Self {
        Self { zh, en }
    }

    /// The message in the chosen language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

impl Edit {
    /// Checks and applies the edit; returns the change that undoes it. A refused edit leaves
    /// the project untouched.
    pub fn apply(self, project: &mut Project) -> Result<Change, EditError> {
        let change = self.into_change(project)?;
        Ok(change.apply(project))
    }

    /// The new values the edit sets, after checking them against the project.
    fn into_change(self, project: &Project) -> Result<Change, EditError> {
        let mut change = Change::default();
        match self {
            Edit::AddNode(node) => {
                check_new_node(project, &node, &BTreeSet::new())?;
                change.nodes.push((node.id.clone(), Some(node)));
            }
            Edit::AddLink(link) => {
                check_new_link(project, &link, &[])?;
                change.links.push((link.id.clone(), Some(link)));
            }
            Edit::SetNodes(nodes) => {
                for node in nodes {
                    if !project.nodes.contains_key(&node.id) {
                        return Err(missing_node(&node.id));
                    }
                    if node.name.trim().is_empty() {
                        return Err(EditError::new(
                            "名称不能为空".to_owned(),
                            "the name cannot be empty".to_owned(),
                        ));
                    }
                    change.nodes.push((node.id.clone(), Some(node)));
                }
            }
            Edit::SetLink(link) => {
                if !project.links.contains_key(&link.id) {
                    return Err(EditError::new(
                        format!("连线“{}”不存在", link.id),
                        format!("link \"{}\" does not exist", link.id),
                    ));
                }
                check_link_ends(project, &link, &[])?;
                change.links.push((link.id.clone(), Some(link)));
            }
            Edit::MoveNodes(moves) => {
                for (id, pos) in moves {
                    let Some(node) = project.nodes.get(&id) else {
                        return Err(missing_node(&id));
                    };
                    if !(pos.x.is_finite() && pos.y.is_finite()) {
                        return Err(EditError::new(
                            "位置不是有限数".to_owned(),
                            "the position is not a finite number".to_owned(),
                        ));
                    }
                    let mut moved = node.clone();
                    moved.position = Some(pos);
                    change.nodes.push((id, Some(moved)));
                }
            }
            Edit::Remove { nodes, links } => change = removal(project, &nodes, links)?,
            Edit::Paste { nodes, links } => {
                let incoming: BTreeSet<&NodeId> = nodes.iter().map(|n| &n.id).collect();
                for node in &nodes {
                    check_new_node(project, node, &incoming)?;
                }
                for link in &links {
                    check_new_link(project, link, &nodes)?;
                }
                change.nodes = nodes.into_iter().map(|n| (n.id.clone(), Some(n))).collect();
                change.links = links.into_iter().map(|l| (l.id.clone(), Some(l))).collect();
            }
            Edit::SetMeta(meta) => change.meta = Some(meta),
            Edit::SetAgreement(agreement) => {
                check_agreement_refs(project, &agreement)?;
                change
                    .agreements
                    .push((agreement.id.clone(), Some(agreement)));
            }
            Edit::RemoveAgreement(id) => {
                if project.agreements.contains_key(&id) {
                    change.agreements.push((id, None));
                }
            }
            Edit::SetViews(views) => {
                for (id, view) in &views {
                    if id.as_str().trim().is_empty() || *id != view.id {
                        return Err(EditError::new(
                            format!("视图编号“{id}”无效"),
                            format!("view id \"{id}\" is not valid"),
                        ));
                    }
                }
                change.views = Some(views);
            }
            Edit::Import {
                chains,
                nodes,
                links,
            } => {
                // The importer checked every row; what is checked here is that the result holds
                // together: every link's ends exist once the import is in.
                for link in &links {
                    for end in [&link.from, &link.to] {
                        if !project.nodes.contains_key(end) && !nodes.iter().any(|n| &n.id == end) {
                            return Err(missing_node(end));
                        }
                    }
                }
                change.chains = Some(chains);
                change.nodes = nodes.into_iter().map(|n| (n.id.clone(), Some(n))).collect();
                change.links = links.into_iter().map(|l| (l.id.clone(), Some(l))).collect();
            }
            Edit::Structure(edit) => change = structure::structure_change(project, edit)?,
            Edit::SetReference { chain, matching } => {
                change.references = Some(references_with(project, chain, matching)?);
            }
            Edit::SetCandidates(candidates) => {
                check_candidates(&candidates)?;
                change.candidates = Some(candidates);
            }
            Edit::Merge {
                project: merged, ..
            } => change = replacement(project, *merged),
        }
        Ok(change)
    }
}

/// The project's matchings with `chain`'s replaced by `matching` (or removed).
fn references_with(
    project: &Project,
    chain: ChainId,
    matching: Option<ReferenceMatch>,
) -> Result<BTreeMap<ChainId, ReferenceMatch>, EditError> {
    let Some(compared) = project.chains.get(&chain) else {
        return Err(EditError::new(
            format!("产业链“{chain}”不存在"),
            format!("chain \"{chain}\" does not exist"),
        ));
    };
    let mut references = project.references.clone();
    match matching {
        Some(matching) => {
            let foreign = matching
                .stages
                .values()
                .flatten()
                .find(|s| compared.stage(s).is_none());
            if let Some(stage) = foreign {
                return Err(EditError::new(
                    format!("环节“{stage}”不属于产业链“{}”", compared.name),
                    format!(
                        "stage \"{stage}\" is not part of the chain \"{}\"",
                        compared.name
                    ),
                ));
            }
            references.insert(
                chain,
                ReferenceMatch {
                    chain: compared.id.clone(),
                    ..matching
                },
            );
        }
        None => {
            references.remove(&chain);
        }
    }
    Ok(references)
}

/// Candidates need a name and an id that is their key.
fn check_candidates(candidates: &BTreeMap<String, Candidate>) -> Result<(), EditError> {
    for (id, candidate) in candidates {
        if id.trim().is_empty() || *id != candidate.id {
            return Err(EditError::new(
                format!("招商对象编号“{id}”无效"),
                format!("candidate id \"{id}\" is not valid"),
            ));
        }
        if candidate.name.trim().is_empty() {
            return Err(EditError::new(
                format!("招商对象“{id}”没有名称"),
                format!("candidate \"{id}\" has no name"),
            ));
        }
    }
    Ok(())
}

/// Removing nodes and links: links at a removed node go too, nodes in a removed region lose
/// their region; nodes an agreement names are refused.
fn removal(project: &Project, nodes: &[NodeId], links: Vec<LinkId>) -> Result<Change, EditError> {
    let mut change = Change::default();
    let gone: BTreeSet<&NodeId> = nodes.iter().collect();
    // A party or a firm in an agreement's scope is part of a contract: removing it
    // would silently change who gets what, so the user takes it out there first.
    for agreement in project.agreements.values() {
        let named = agreement
            .parties
            .iter()
            .map(|p| &p.node)
            .chain(&agreement.scope)
            .find(|n| gone.contains(n));
        if let Some(node) = named {
            let name = project
                .nodes
                .get(node)
                .map(|n| n.name.as_str())
                .unwrap_or(node.as_str());
            return Err(EditError::new(
                format!("“{name}”在协议“{}”中,请先在协议里移除它", agreement.name),
                format!(
                    "\"{name}\" is in agreement \"{}\"; take it out of the agreement first",
                    agreement.name
                ),
            ));
        }
    }
    // Nodes that lie in a removed region no longer lie anywhere.
    for node in project.nodes.values() {
        if !gone.contains(&node.id)
            && let Some(region) = &node.region
            && gone.contains(region)
        {
            change.nodes.push((
                node.id.clone(),
                Some(Node {
                    region: None,
                    ..node.clone()
                }),
            ));
        }
    }
    let mut gone_links: BTreeSet<LinkId> = links.into_iter().collect();
    for link in project.links.values() {
        if gone.contains(&link.from) || gone.contains(&link.to) {
            gone_links.insert(link.id.clone());
        }
    }
    for id in gone_links {
        if project.links.contains_key(&id) {
            change.links.push((id, None));
        }
    }
    for id in gone {
        if project.nodes.contains_key(id) {
            change.nodes.push((id.clone(), None));
        }
    }
    Ok(change)
}

/// An agreement's id, parties and scope must exist.
fn check_agreement_refs(
    project: &Project,
    agreement: &crate::model::Agreement,
) -> Result<(), EditError> {
    if agreement.id.as_str().trim().is_empty() {
        return Err(EditError::new(
            "编号不能为空".to_owned(),
            "the id cannot be empty".to_owned(),
        ));
    }
    for party in &agreement.parties {
        if !project.nodes.contains_key(&party.node) {
            return Err(missing_node(&party.node));
        }
    }
    for node in &agreement.scope {
        if !project.nodes.contains_key(node) {
            return Err(missing_node(node));
        }
    }
    Ok(())
}

fn missing_node(id: &NodeId) -> EditError {
    EditError::new(
        format!("节点“{id}”不存在"),
        format!("node \"{id}\" does not exist"),
    )
}

fn check_new_node(
    project: &Project,
    node: &Node,
    incoming: &BTreeSet<&NodeId>,
) -> Result<(), EditError> {
    if node.id.as_str().trim().is_empty() {
        return Err(EditError::new(
            "编号不能为空".to_owned(),
            "the id cannot be empty".to_owned(),
        ));
    }
    if project.nodes.contains_key(&node.id) {
        return Err(EditError::new(
            format!("编号“{}”已被占用", node.id),
            format!("id \"{}\" is already taken", node.id),
        ));
    }
    for stage in &node.stages {
        if project.stage(stage).is_none() {
            return Err(EditError::new(
                format!("环节“{stage}”不存在"),
                format!("stage \"{stage}\" does not exist"),
            ));
        }
    }
    if let Some(region) = &node.region
        && !project.nodes.contains_key(region)
        && !incoming.contains(region)
    {
        return Err(missing_node(region));
    }
    Ok(())
}

fn check_new_link(project: &Project, link: &Link, incoming: &[Node]) -> Result<(), EditError> {
    if project.links.contains_key(&link.id) {
        return Err(EditError::new(
            format!("编号“{}”已被占用", link.id),
            format!("id \"{}\" is already taken", link.id),
        ));
    }
    check_link_ends(project, link, incoming)
}

fn check_link_ends(project: &Project, link: &Link, incoming: &[Node]) -> Result<(), EditError> {
    let find = |id: &NodeId| {
        project
            .nodes
            .get(id)
            .or_else(|| incoming.iter().find(|n| &n.id == id))
    };
    let from = find(&link.from).ok_or_else(|| missing_node(&link.from))?;
    let to = find(&link.to).ok_or_else(|| missing_node(&link.to))?;
    if link.from == link.to {
        return Err(EditError::new(
            "连线不能指向自身".to_owned(),
            "a link cannot go from a node to itself".to_owned(),
        ));
    }
    if !link_endpoints_ok(link.kind, from.kind, to.kind) {
        return Err(EditError::new(
            format!(
                "{}连线不能从{}连到{}",
                link.kind.label(Lang::Zh),
                from.kind.label(Lang::Zh),
                to.kind.label(Lang::Zh)
            ),
            format!(
                "a {} link cannot go from a {} to a {}",
                link.kind.label(Lang::En),
                from.kind.label(Lang::En),
                to.kind.label(Lang::En)
            ),
        ));
    }
    if link
        .value
        .is_some_and(|v| v.is_sign_negative() && !v.is_zero())
    {
        return Err(EditError::new(
            "金额不能为负".to_owned(),
            "the value cannot be negative".to_owned(),
        ));
    }
    Ok(())
}

/// The change that turns `project` into `merged`: every item of either, the rest whole. Items
/// the merge left alone are set to their own value, which undo puts back unchanged.
fn replacement(project: &Project, merged: Project) -> Change {
    fn by_id<K: Ord + Clone, V>(old: &BTreeMap<K, V>, new: BTreeMap<K, V>) -> Vec<(K, Option<V>)> {
        let mut out: Vec<(K, Option<V>)> = old
            .keys()
            .filter(|k| !new.contains_key(*k))
            .map(|k| (k.clone(), None))
            .collect();
        out.extend(new.into_iter().map(|(k, v)| (k, Some(v))));
        out
    }
    Change {
        nodes: by_id(&project.nodes, merged.nodes),
        links: by_id(&project.links, merged.links),
        agreements: by_id(&project.agreements, merged.agreements),
        meta: Some(merged.meta),
        views: Some(merged.views),
        chains: Some(merged.chains),
        references: Some(merged.references),
        candidates: Some(merged.candidates),
        scenarios: Some(merged.scenarios),
    }
}
