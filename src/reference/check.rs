//! The project's saved matchings checked against the project and the built-in templates: a
//! matching whose chain or matched stage is gone, whose template this build does not know, or
//! that was confirmed against an older revision of its template is a warning with its place
//! (`references/<chain>`…). The comparison skips what it cannot use, so none is an error.

use crate::model::{Issue, Project};

/// Every problem of the project's saved matchings, in chain-id order.
pub fn check_matchings(project: &Project) -> Vec<Issue> {
    let catalogue = crate::reference::builtin();
    let mut issues = Vec::new();
    for (key, matching) in &project.references {
        let place = format!("references/{key}");
        let Some(chain) = project.chains.get(key) else {
            issues.push(Issue::warning(
                "reference_chain_missing",
                place,
                format!("与参考链“{}”的匹配所属的产业链“{key}”已不存在", matching.template),
                format!(
                    "the matching with the reference chain \"{}\" belongs to the chain \"{key}\", which no longer exists",
                    matching.template
                ),
            ));
            continue;
        };
        let Some(template) = catalogue.find(&matching.template) else {
            issues.push(Issue::warning(
                "reference_template_unknown",
                format!("{place}/template"),
                format!(
                    "产业链“{}”匹配的参考链“{}”不是内置参考链(可用的有:{}),不作对照",
                    chain.name,
                    matching.template,
                    catalogue.ids().join(", ")
                ),
                format!(
                    "the chain \"{}\" is matched to the reference chain \"{}\", which is not built in (the reference chains are: {}); it is not compared",
                    chain.name,
                    matching.template,
                    catalogue.ids().join(", ")
                ),
            ));
            continue;
        };
        for (reference, own) in &matching.stages {
            let Some(own) = own else { continue };
            if chain.stage(own).is_none() {
                issues.push(Issue::warning(
                    "reference_stage_missing",
                    format!("{place}/stages/{reference}"),
                    format!(
                        "参考链环节“{reference}”匹配的环节“{own}”已不在产业链“{}”中,按未匹配对照",
                        chain.name
                    ),
                    format!(
                        "the reference stage \"{reference}\" is matched to the stage \"{own}\", which is no longer in the chain \"{}\"; it is compared as unmatched",
                        chain.name
                    ),
                ));
            }
        }
        if matching.revision != template.revision {
            issues.push(Issue::warning(
                "reference_stale",
                format!("{place}/revision"),
                format!(
                    "参考链“{}”已修订(第 {} 版),产业链“{}”的匹配按第 {} 版确认,请重新确认",
                    template.chain.name, template.revision, chain.name, matching.revision
                ),
                format!(
                    "the reference chain \"{}\" has been revised (revision {}) since the chain \"{}\" was matched to it (revision {}): confirm the matching again",
                    template.name(crate::i18n::Lang::En),
                    template.revision,
                    chain.name,
                    matching.revision
                ),
            ));
        }
    }
    issues
}
