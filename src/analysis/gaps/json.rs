//! The `analyze --json` keys of issue 16: `locality` (how local was decided, the enclave firms),
//! `local_supporting_rate_detail` (surveyed and link-based, the buyers counted) and `extension`
//! (加工产值比, 加工转化率 per chain).

use crate::analysis::Analysis;
use crate::analysis::local::Basis;
use crate::i18n::Lang;
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
