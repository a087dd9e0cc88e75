//! Edits: the only way the project changes. Each edit checks itself, applies, and hands back a
//! [`Change`] that undoes it; the document keeps those for undo and redo.

use crate::i18n::Lang;
use crate::model::validate::link_endpoints_ok;
use crate::model::{
    Agreement, AgreementId, Chain, ChainId, Link, LinkId, Node, NodeId, Pos, Project, ProjectMeta,
    View, ViewId,
};
use std::collections::{BTreeMap, BTreeSet};

/// One user action on the project. One gesture is one edit, hence one undo step.
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

/// The prior values of everything an edit touched: applying it restores them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Change {
    nodes: Vec<(NodeId, Option<Node>)>,
    links: Vec<(LinkId, Option<Link>)>,
    agreements: Vec<(AgreementId, Option<Agreement>)>,
    meta: Option<ProjectMeta>,
    views: Option<BTreeMap<ViewId, View>>,
    chains: Option<BTreeMap<ChainId, Chain>>,
}

impl Change {
    /// The change that undoes `self` and then `newer` together, where `self` undoes an edit
    /// and `newer` undoes the edit made right after it: for everything either touched, the
    /// value from before the first edit (one undo step for a whole gesture).
    pub fn compose(mut self, newer: Change) -> Change {
        fn merge<K: PartialEq, V>(older: &mut Vec<(K, V)>, newer: Vec<(K, V)>) {
            for (id, value) in newer {
                if !older.iter().any(|(k, _)| *k == id) {
                    older.push((id, value));
                }
            }
        }
        merge(&mut self.nodes, newer.nodes);
        merge(&mut self.links, newer.links);
        merge(&mut self.agreements, newer.agreements);
        self.meta = self.meta.or(newer.meta);
        self.views = self.views.or(newer.views);
        self.chains = self.chains.or(newer.chains);
        self
    }

    /// Puts the recorded values in place and returns the change that puts back the current ones.
    pub fn apply(self, project: &mut Project) -> Change {
        let mut inverse = Change::default();
        // Nodes before links going forward; links first going back would also work, since the
        // project is only observed between changes.
        for (id, value) in self.nodes {
            let old = match value {
                Some(node) => project.nodes.insert(id.clone(), node),
                None => project.nodes.remove(&id),
            };
            inverse.nodes.push((id, old));
        }
        for (id, value) in self.links {
            let old = match value {
                Some(link) => project.links.insert(id.clone(), link),
                None => project.links.remove(&id),
            };
            inverse.links.push((id, old));
        }
        for (id, value) in self.agreements {
            let old = match value {
                Some(a) => project.agreements.insert(id.clone(), a),
                None => project.agreements.remove(&id),
            };
            inverse.agreements.push((id, old));
        }
        if let Some(meta) = self.meta {
            inverse.meta = Some(std::mem::replace(&mut project.meta, meta));
        }
        if let Some(chains) = self.chains {
            inverse.chains = Some(std::mem::replace(&mut project.chains, chains));
        }
        if let Some(views) = self.views {
            inverse.views = Some(std::mem::replace(&mut project.views, views));
        }
        inverse.nodes.reverse();
        inverse.links.reverse();
        inverse.agreements.reverse();
        inverse
    }
}

impl Edit {
    /// What the edit does, for "Undo …" menu items.
    pub fn label(&self, project: &Project, lang: Lang) -> String {
        let name_of = |id: &NodeId| {
            project
                .nodes
                .get(id)
                .map(|n| n.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        match self {
            Edit::AddNode(n) => match lang {
                Lang::Zh => format!("添加“{}”", n.name),
                Lang::En => format!("add \"{}\"", n.name),
            },
            Edit::AddLink(l) => match lang {
                Lang::Zh => format!("连接“{}”→“{}”", name_of(&l.from), name_of(&l.to)),
                Lang::En => format!("link \"{}\" → \"{}\"", name_of(&l.from), name_of(&l.to)),
            },
            Edit::SetNodes(nodes) if nodes.len() == 1 => match lang {
                Lang::Zh => format!("修改“{}”", name_of(&nodes[0].id)),
                Lang::En => format!("edit \"{}\"", name_of(&nodes[0].id)),
            },
            Edit::SetNodes(nodes) => match lang {
                Lang::Zh => format!("修改 {} 个节点", nodes.len()),
                Lang::En => format!("edit {} nodes", nodes.len()),
            },
            Edit::SetLink(_) => lang.pick("修改连线", "edit link").to_owned(),
            Edit::MoveNodes(moves) if moves.len() > 1 && moves.len() == project.nodes.len() => {
                lang.pick("自动布局", "auto layout").to_owned()
            }
            Edit::MoveNodes(moves) if moves.len() == 1 => match lang {
                Lang::Zh => format!("移动“{}”", name_of(&moves[0].0)),
                Lang::En => format!("move \"{}\"", name_of(&moves[0].0)),
            },
            Edit::MoveNodes(moves) => match lang {
                Lang::Zh => format!("移动 {} 个节点", moves.len()),
                Lang::En => format!("move {} nodes", moves.len()),
            },
            Edit::Remove { nodes, links } => match (lang, nodes.len(), links.len()) {
                (Lang::Zh, 1, _) => format!("删除“{}”", name_of(&nodes[0])),
                (Lang::En, 1, _) => format!("delete \"{}\"", name_of(&nodes[0])),
                (Lang::Zh, n, l) => format!("删除 {n} 个节点和 {l} 条连线"),
                (Lang::En, n, l) => format!("delete {n} nodes and {l} links"),
            },
            Edit::Paste { nodes, .. } => match lang {
                Lang::Zh => format!("粘贴 {} 个节点", nodes.len()),
                Lang::En => format!("paste {} nodes", nodes.len()),
            },
            Edit::SetMeta(_) => lang.pick("修改项目信息", "edit project details").to_owned(),
            Edit::SetAgreement(a) if project.agreements.contains_key(&a.id) => match lang {
                Lang::Zh => format!("修改协议“{}”", a.name),
                Lang::En => format!("edit agreement \"{}\"", a.name),
            },
            Edit::SetAgreement(a) => match lang {
                Lang::Zh => format!("新建协议“{}”", a.name),
                Lang::En => format!("add agreement \"{}\"", a.name),
            },
            Edit::RemoveAgreement(id) => match lang {
                Lang::Zh => format!("删除协议“{id}”"),
                Lang::En => format!("delete agreement \"{id}\""),
            },
            Edit::SetViews(views) => views_label(&project.views, views, lang),
            Edit::Import { nodes, links, .. } => match lang {
                Lang::Zh => format!("导入 {} 个节点、{} 条连线", nodes.len(), links.len()),
                Lang::En => format!("import {} nodes and {} links", nodes.len(), links.len()),
            },
        }
    }

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
            Edit::Remove { nodes, links } => {
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
            }
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
        }
        Ok(change)
    }
}

/// "Save view …", "Rename view …", "Delete view …" or "Reorder views", as the change shows.
fn views_label(old: &BTreeMap<ViewId, View>, new: &BTreeMap<ViewId, View>, lang: Lang) -> String {
    if let Some(added) = new.values().find(|v| !old.contains_key(&v.id)) {
        return match lang {
            Lang::Zh => format!("保存视图“{}”", added.name),
            Lang::En => format!("save view \"{}\"", added.name),
        };
    }
    if let Some(gone) = old.values().find(|v| !new.contains_key(&v.id)) {
        return match lang {
            Lang::Zh => format!("删除视图“{}”", gone.name),
            Lang::En => format!("delete view \"{}\"", gone.name),
        };
    }
    let changed: Vec<&View> = new
        .values()
        .filter(|v| {
            old.get(&v.id)
                .is_some_and(|o| o.order == v.order && o != *v)
        })
        .collect();
    match (changed.as_slice(), lang) {
        ([one], Lang::Zh) => format!("修改视图“{}”", one.name),
        ([one], Lang::En) => format!("edit view \"{}\"", one.name),
        _ => lang.pick("调整视图顺序", "reorder views").to_owned(),
    }
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
