//! The territory's part of `chainmap analyze --json` (README, "JSON"): `towns`, `concentration`
//! and `zone_warnings`, beside a `territory` object with the year and the county's totals.

use super::{Concentration, TerritoryReport};
use crate::i18n::Lang;
use crate::model::Segment;
use serde_json::{Map, Value, json};

/// The name `--json` gives a segment (its file name: upstream, midstream …).
pub fn segment_code(segment: Segment) -> &'static str {
    match segment {
        Segment::Upstream => "upstream",
        Segment::Midstream => "midstream",
        Segment::Downstream => "downstream",
        Segment::Support => "support",
    }
}

impl TerritoryReport {
    /// The keys this report adds to the analysis document.
    pub fn json_entries(&self, lang: Lang) -> Map<String, Value> {
        let towns: Vec<Value> = self
            .towns
            .iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "name": t.name,
                    "class": t.class.map(|c| c.code()),
                    "zone": t.zone.map(|z| z.code()),
                    "no_development": t.no_development,
                    "firms": t.firms.len(),
                    "firm_ids": t.firms,
                    "output": t.output,
                    "share": t.share,
                    "segment_lq": t.segment_lq.iter()
                        .map(|(s, v)| (segment_code(*s).to_owned(), json!(v)))
                        .collect::<Map<_, _>>(),
                    "stage_lq": t.stage_lq.iter()
                        .map(|(s, v)| (s.to_string(), json!(v)))
                        .collect::<Map<_, _>>(),
                    "specialised": t.specialised.iter().map(|s| segment_code(*s)).collect::<Vec<_>>(),
                    "class_lq": t.class_lq,
                    "fits_class": t.fits_class,
                    "farmers_linked": t.farmers_linked,
                    "farmer_links": t.farmer_links,
                    "villages_linked": t.villages_linked,
                })
            })
            .collect();
        let warnings: Vec<Value> = self
            .zone_warnings
            .iter()
            .map(|w| {
                json!({
                    "node": w.node,
                    "region": w.region,
                    "zone": w.zone.map(|z| z.code()),
                    "rule_from": w.rule_from,
                    "stage": w.stage,
                    "rule": w.rule.code(),
                    "message": w.message(lang),
                })
            })
            .collect();
        let mut map = Map::new();
        map.insert(
            "territory".into(),
            json!({
                "year": self.year,
                "output": self.output,
                "firms": self.firms.len(),
                "unplaced": self.unplaced,
                "unplaced_output": self.unplaced_output,
            }),
        );
        map.insert("towns".into(), Value::Array(towns));
        map.insert("concentration".into(), concentration(&self.concentration));
        map.insert("zone_warnings".into(), Value::Array(warnings));
        map
    }
}

fn concentration(c: &Concentration) -> Value {
    json!({
        "park_output_share": c.park_output_share,
        "park_firm_share": c.park_firm_share,
        "by_level": c.by_level.iter()
            .map(|l| {
                let key = l.level.map_or("unknown", |l| l.code()).to_owned();
                (key, json!({
                    "firms": l.firms,
                    "output": l.output,
                    "output_share": l.output_share,
                    "firm_share": l.firm_share,
                }))
            })
            .collect::<Map<_, _>>(),
        "by_year": c.by_year.iter().map(|y| json!({
            "year": y.year,
            "firms": y.firms,
            "park_firms": y.park_firms,
            "output": y.output,
            "park_output": y.park_output,
            "park_output_share": y.park_output_share,
            "park_firm_share": y.park_firm_share,
        })).collect::<Vec<_>>(),
    })
}
