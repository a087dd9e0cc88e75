//! What an edit does, in words, for the Undo and Redo menu items.

use super::Edit;
use crate::i18n::{Lang, count_en};
use crate::model::{NodeId, Project, View, ViewId};
use std::collections::BTreeMap;

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
                (Lang::En, n, l) => format!(
                    "delete {} and {}",
                    count_en(n, "node", "nodes"),
                    count_en(l, "link", "links")
                ),
            },
            Edit::Paste { nodes, .. } => match lang {
                Lang::Zh => format!("粘贴 {} 个节点", nodes.len()),
                Lang::En => format!("paste {}", count_en(nodes.len(), "node", "nodes")),
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
            Edit::SetReference {
                matching: Some(_), ..
            } => lang
                .pick("对照参考产业链", "compare with a reference chain")
                .to_owned(),
            Edit::SetReference { matching: None, .. } => lang
                .pick(
                    "取消参考产业链对照",
                    "stop comparing with the reference chain",
                )
                .to_owned(),
            Edit::SetCandidates(candidates) => {
                candidates_label(&project.candidates, candidates, lang)
            }
            Edit::Import { nodes, links, .. } => match lang {
                Lang::Zh => format!("导入 {} 个节点、{} 条连线", nodes.len(), links.len()),
                Lang::En => format!(
                    "import {} and {}",
                    count_en(nodes.len(), "node", "nodes"),
                    count_en(links.len(), "link", "links")
                ),
            },
            Edit::Structure(edit) => edit.label(project, lang),
            Edit::Merge { from, .. } => match lang {
                Lang::Zh => format!("合并“{from}”"),
                Lang::En => format!("merge \"{from}\""),
            },
        }
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

/// "import 12 candidates" or "edit candidate X", whichever the new list is.
fn candidates_label(
    old: &BTreeMap<String, crate::model::Candidate>,
    new: &BTreeMap<String, crate::model::Candidate>,
    lang: Lang,
) -> String {
    let added = new.keys().filter(|id| !old.contains_key(*id)).count();
    let changed: Vec<&crate::model::Candidate> = new
        .values()
        .filter(|c| old.get(&c.id).is_some_and(|o| o != *c))
        .collect();
    match (lang, added, changed.as_slice()) {
        (Lang::Zh, 0, [one]) => format!("修改招商对象“{}”", one.name),
        (Lang::En, 0, [one]) => format!("edit candidate \"{}\"", one.name),
        (Lang::Zh, 0, _) if new.len() < old.len() => "删除招商对象".to_owned(),
        (Lang::En, 0, _) if new.len() < old.len() => "remove candidates".to_owned(),
        // A list imported again, updating firms already on it.
        (Lang::Zh, 0, changed) => format!("更新 {} 个招商对象", changed.len()),
        (Lang::En, 0, changed) => {
            format!(
                "update {}",
                count_en(changed.len(), "candidate", "candidates")
            )
        }
        (Lang::Zh, n, _) => format!("导入 {n} 个招商对象"),
        (Lang::En, n, _) => format!("import {}", count_en(n, "candidate", "candidates")),
    }
}
