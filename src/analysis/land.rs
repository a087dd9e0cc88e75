//! Land efficiency (亩均效益): 亩均税收 = tax ÷ land, 亩均产值 = output ÷ land, per enterprise and
//! park, classed against the thresholds stored in the project (best class first; a node is in the
//! first class whose thresholds it meets). A park without land figures of its own is measured
//! over the firms located in it.

use super::figures;
use crate::model::{LinkKind, Node, NodeId, NodeKind, Project, Year};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// One node's land efficiency.
#[derive(Debug, Clone, PartialEq)]
pub struct LandReport {
    pub id: NodeId,
    pub name: String,
    pub is_park: bool,
    pub land_mu: f64,
    pub tax_per_mu: Option<f64>,
    pub output_per_mu: Option<f64>,
    /// The land class's name, when the node meets one.
    pub class: Option<String>,
}

/// Land efficiency of every node in scope with land on record.
pub fn analyse(
    project: &Project,
    in_scope: impl Fn(&Node) -> bool,
    year: Option<Year>,
) -> Vec<LandReport> {
    let mut reports = Vec::new();
    for node in project.nodes.values() {
        let own = figures(node, year).map(|f| (f.tax, f.output, f.land_mu));
        let (tax, output, land) = match (node.kind, own) {
            (NodeKind::Park, own) if own.and_then(|o| o.2).is_none_or(|l| l.is_zero()) => {
                park_totals(project, node, year)
            }
            (k, Some(o)) if k.is_enterprise_like() && k.is_local() && in_scope(node) => o,
            (NodeKind::Park, Some(o)) => o,
            _ => continue,
        };
        let Some(land) = land.filter(|l| *l > Decimal::ZERO) else {
            continue;
        };
        // Checked: absurd typed values (tiny land, huge tax) must not bring the app down.
        let per_mu =
            |v: Option<Decimal>| v.and_then(|v| v.checked_div(land)).and_then(|d| d.to_f64());
        let (tax_per_mu, output_per_mu) = (per_mu(tax), per_mu(output));
        if tax_per_mu.is_none() && output_per_mu.is_none() {
            continue;
        }
        let class = project
            .meta
            .land_classes
            .iter()
            .find(|c| {
                let tax_ok = tax.is_some_and(|t| t / land >= c.min_tax_per_mu);
                let out_ok = c
                    .min_output_per_mu
                    .is_none_or(|m| output.is_some_and(|o| o / land >= m));
                tax_ok && out_ok
            })
            .map(|c| c.name.clone());
        reports.push(LandReport {
            id: node.id.clone(),
            name: node.name.clone(),
            is_park: node.kind == NodeKind::Park,
            land_mu: land.to_f64().unwrap_or(0.0),
            tax_per_mu,
            output_per_mu,
            class,
        });
    }
    reports
}

/// Tax, output and land of the firms located in a park.
fn park_totals(
    project: &Project,
    park: &Node,
    year: Option<Year>,
) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    let (mut tax, mut output, mut land) = (None::<Decimal>, None::<Decimal>, None::<Decimal>);
    let add = |acc: &mut Option<Decimal>, v: Option<Decimal>| {
        if let Some(v) = v {
            *acc = acc.unwrap_or_default().checked_add(v).or(*acc);
        }
    };
    for link in project.links.values() {
        if link.kind != LinkKind::LocatedIn || link.to != park.id {
            continue;
        }
        if let Some(f) = project.nodes.get(&link.from).and_then(|n| figures(n, year)) {
            add(&mut tax, f.tax);
            add(&mut output, f.output);
            add(&mut land, f.land_mu);
        }
    }
    (tax, output, land)
}
