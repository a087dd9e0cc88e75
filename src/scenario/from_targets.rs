//! A scenario from the 招商 list: "sign these candidates". Each candidate becomes a local firm in
//! the stage of the gap it was ranked against, with its revenue as output in the data year, and
//! takes over the supply of that product to local buyers who bought it from outside the county
//! (the 进口替代 a signed firm is attracted for). The assumption is said in the scenario's
//! description, and every piece of it is an ordinary edit the user can change afterwards.

use crate::analysis::Localities;
use crate::i18n::Lang;
use crate::model::{
    CandidateStatus, Figures, LinkKind, Node, NodeId, NodeKind, Project, StageId, Year,
    fresh_node_id,
};
use crate::targets::TargetList;
use crate::targets::matching::Vocabulary;
use std::collections::BTreeSet;

/// What signing one candidate put into the project.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedFirm {
    /// The candidate's id in the 招商 list.
    pub candidate: String,
    /// The firm made for it.
    pub node: NodeId,
    /// The stage it was placed in (the gap's), when the gap names one.
    pub stage: Option<StageId>,
    /// The product it took over, and from how many supply links.
    pub product: Option<String>,
    pub links_taken_over: usize,
}

/// `project` with the candidates `ids` signed (unknown ids are passed over), and what each
/// became. `list` is the ranked 招商 list of the project, `places` its localities, `year` the
/// year the revenue is entered for.
pub fn sign_candidates(
    project: &Project,
    list: &TargetList,
    places: &Localities,
    ids: &[String],
    year: Year,
) -> (Project, Vec<SignedFirm>) {
    let mut out = project.clone();
    let vocabulary = Vocabulary::of(project);
    let mut made = BTreeSet::new();
    let mut signed = Vec::new();
    for id in ids {
        let Some(candidate) = project.candidates.get(id) else {
            continue;
        };
        let best = list
            .targets
            .iter()
            .find(|t| &t.candidate == id)
            .and_then(|t| t.best.as_ref());
        let gap = best.and_then(|m| list.gaps.get(m.gap));
        let stage = gap.and_then(|g| g.stage.clone());
        let product = best.map(|m| m.fit.wanted.clone());
        let node_id = fresh_node_id(&out, &made);
        made.insert(node_id.clone());
        let mut node = Node {
            id: node_id.clone(),
            name: candidate.name.clone(),
            kind: NodeKind::Enterprise,
            stages: stage.iter().cloned().collect(),
            region: project.meta.home_region.clone(),
            tags: candidate.tags.clone(),
            products: candidate.products.clone(),
            note: format!("招商签约:{}", candidate.location)
                .trim_end_matches(':')
                .to_owned(),
            ..Node::default()
        };
        if let Some(revenue) = candidate.revenue {
            node.figures.insert(
                year,
                Figures {
                    output: Some(revenue),
                    ..Figures::default()
                },
            );
        }
        out.nodes.insert(node_id.clone(), node);
        let mut taken = 0;
        if let Some(wanted) = &product {
            for link in out.links.values_mut() {
                let replaces = link.kind == LinkKind::Supply
                    && !places.is_local(&link.from)
                    && places.is_local(&link.to)
                    && vocabulary.compare(&link.product, wanted).is_some();
                if replaces {
                    link.from = node_id.clone();
                    taken += 1;
                }
            }
        }
        if let Some(c) = out.candidates.get_mut(id) {
            c.status = CandidateStatus::Signed;
        }
        signed.push(SignedFirm {
            candidate: id.clone(),
            node: node_id,
            stage,
            product,
            links_taken_over: taken,
        });
    }
    for (id, pos) in crate::layout::place_new(&out) {
        if let Some(node) = out.nodes.get_mut(&id) {
            node.position = Some(pos);
        }
    }
    (out, signed)
}

/// The scenario's description: who was signed, and what the scenario assumes.
pub fn describe(project: &Project, signed: &[SignedFirm], lang: Lang) -> String {
    let names: Vec<String> = signed.iter().map(|s| project.node_name(&s.node)).collect();
    let taken: usize = signed.iter().map(|s| s.links_taken_over).sum();
    match lang {
        Lang::Zh => format!(
            "签约 {} 家招商对象:{}。假设新企业落户本县,产值按其营业收入计,并替代本地企业从县外采购的同类产品({} 条供应连线)。",
            signed.len(),
            names.join("、"),
            taken
        ),
        Lang::En => format!(
            "{} candidate(s) signed: {}. Assumes the new firms settle in the county, with their revenue as output, and take over what local firms bought of their product from outside the county ({} supply link(s)).",
            signed.len(),
            names.join(", "),
            taken
        ),
    }
}
