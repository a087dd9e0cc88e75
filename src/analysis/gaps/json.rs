//! The `analyze --json` keys of issue 16: `locality` (how local was decided, the enclave firms),
//! `local_supporting_rate_detail` (surveyed and link-based, the buyers counted) and `extension`
//! (加工产值比, 加工转化率 per chain).

use crate::analysis::local::Basis;
use crate::analysis::{Analysis, Gap};
use crate::i18n::Lang;
use crate::reference::compare::Comparison;
use serde_json::{Map, Value, json};

pub(crate) fn issue16(a: &Analysis, lang: Lang) -> Map<String, Value> {
    let (basis, home) = match &a.places.basis {
        Basis::Place { home } => ("place", Some(home)),
        Basis::Kind => ("kind", None),
        Basis::UnknownHome { home } => ("kind", Some(home)),
    };
    let enclave: Vec<Value> = a
        .places
        .places
        .iter()
        .filter(|(_, p)| p.locality == crate::analysis::Locality::Enclave)
        .map(|(id, p)| json!({"id": id, "share": p.weight, "agreement": p.agreement}))
        .collect();
    let r = &a.supply_rate;
    let mut map = Map::new();
    map.insert(
        "locality".into(),
        json!({
            "basis": basis,
            "home_region": home,
            "enclave": enclave,
            "note": a.places.note(lang),
        }),
    );
    map.insert(
        "local_supporting_rate_detail".into(),
        json!({
            "value": r.value,
            "source": r.source.map(|s| s.code()),
            "surveyed": r.surveyed,
            "link_based": r.link_based,
            "buyers": r.buyers,
            "surveyed_buyers": r.surveyed_buyers,
            "key_buyers_only": r.key_buyers_only,
        }),
    );
    map.insert(
        "extension".into(),
        a.extension
            .iter()
            .map(|e| {
                json!({
                    "chain": e.chain,
                    "farm": e.farm,
                    "inferred": e.inferred,
                    "farm_stages": e.farm_stages,
                    "processing_stages": e.processing_stages,
                    "primary_output": e.primary_output,
                    "processing_output": e.processing_output,
                    "ratio": e.ratio,
                    "target": e.target,
                    "conversion": e.conversion,
                })
            })
            .collect(),
    );
    map
}

/// One gap in the shape `analyze --json` and `compare --json` share (README, CLI): class, what
/// to do, where, who, the message, where it was found (`origin`, and for a reference gap the
/// template and its stage) and its `priority` with the parts of the score.
pub(crate) fn gap(g: &Gap, lang: Lang) -> Value {
    let p = &g.priority;
    json!({
        "class": g.class.code(),
        "action": g.class.action(lang),
        "advice": g.advice(lang),
        "stage": g.stage,
        "product": g.product,
        "nodes": g.nodes,
        "message": g.message(lang),
        "origin": g.origin.code(),
        "reference": g.reference.as_ref().map(|r| json!({
            "chain": r.chain,
            "template": r.template,
            "stage": r.stage,
            "stage_name": r.stage_name,
        })),
        "priority": {
            "score": p.score,
            "rank": p.rank,
            "value_at_stake": p.value_at_stake,
            "buyers": p.buyers,
            "leader_depends": p.leader_depends,
            "concentration": p.concentration,
        },
    })
}

/// One compared chain: every reference stage and product with the project's match and status.
pub(crate) fn comparison(c: &Comparison) -> Value {
    json!({
        "chain": c.chain,
        "template": c.template,
        "stale": c.stale,
        "stages": c.stages.iter().map(|s| json!({
            "id": s.reference,
            "name": s.name,
            "project_stage": s.project,
            "status": s.status.code(),
        })).collect::<Vec<_>>(),
        "products": c.products.iter().map(|p| json!({
            "stage": p.reference_stage,
            "name": p.name,
            "project_name": p.project_name,
            "required": p.required,
            "status": p.status.code(),
        })).collect::<Vec<_>>(),
    })
}
