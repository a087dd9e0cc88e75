//! What sections and items are called, for people reading a diff or a conflict.

use crate::i18n::Lang;
use crate::model::Project;

/// A section's name in words.
pub fn section_label(name: &str, lang: Lang) -> &'static str {
    match name {
        "chains" => lang.pick("产业链", "Chains"),
        "nodes" => lang.pick("节点", "Nodes"),
        "links" => lang.pick("连线", "Links"),
        "agreements" => lang.pick("协议", "Agreements"),
        "views" => lang.pick("视图", "Views"),
        "references" => lang.pick("参考链匹配", "Reference matchings"),
        "candidates" => lang.pick("招商候选", "Candidates"),
        "scenarios" => lang.pick("方案", "Scenarios"),
        _ => lang.pick("项目设置", "Project settings"),
    }
}

/// An item's name in a project, for the reader beside its id (none when it has none).
pub fn item_name(project: &Project, section: &str, id: &str) -> Option<String> {
    let name = match section {
        "chains" => project
            .chains
            .get(&crate::model::ChainId::from(id))
            .map(|c| c.name.clone()),
        "nodes" => project
            .nodes
            .get(&crate::model::NodeId::from(id))
            .map(|n| n.name.clone()),
        "agreements" => project
            .agreements
            .get(&crate::model::AgreementId::from(id))
            .map(|a| a.name.clone()),
        "views" => project
            .views
            .get(&crate::model::ViewId::from(id))
            .map(|v| v.name.clone()),
        "candidates" => project.candidates.get(id).map(|c| c.name.clone()),
        "scenarios" => project.scenarios.get(id).map(|s| s.name.clone()),
        "links" => project.links.get(&crate::model::LinkId::from(id)).map(|l| {
            format!(
                "{} → {}",
                project.node_name(&l.from),
                project.node_name(&l.to)
            )
        }),
        _ => None,
    };
    name.filter(|n| !n.is_empty())
}
