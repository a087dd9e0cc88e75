//! The JSON form of analysis results (the `--json` contract documented in the README).

use super::{Analysis, Impact};
use crate::i18n::Lang;
use serde_json::{Value, json};

impl Analysis {
    /// The `chainmap analyze --json` document; messages in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let mut doc = json!({
            "chain": self.chain,
            "year": self.year,
            "completeness": {
                "stage": self.completeness.stage,
                "product": self.completeness.product,
                "stages_covered": self.completeness.stages_covered,
                "stages_total": self.completeness.stages_total,
                "products_covered": self.completeness.products_covered,
                "products_required": self.completeness.products_required,
            },
            "local_supporting_rate": self.local_supporting_rate,
            "stages": self.stages.iter().map(|s| json!({
                "id": s.id,
                "chain": s.chain,
                "name": s.name,
                "segment": s.segment,
                "local_enterprises": s.local_enterprises.len(),
                "local_enterprise_ids": s.local_enterprises,
                "output": s.output,
                "value_added": s.value_added,
                "local_supporting_rate": s.local_supporting_rate,
                "rate_source": s.rate_source.map(|r| r.code()),
                "status": s.status.code(),
            })).collect::<Vec<_>>(),
            "products": self.products.iter().map(|p| json!({
                "stage": p.stage,
                "name": p.name,
                "required": p.required,
                "status": p.status.code(),
                "suppliers": p.suppliers,
                "external_suppliers": p.external_suppliers,
                "hhi": p.hhi,
                "local_share": p.local_share,
                "possible_suppliers": p.possible_suppliers,
            })).collect::<Vec<_>>(),
            "gaps": self.gaps.iter().map(|g| json!({
                "class": g.class.code(),
                "action": g.class.action(lang),
                "advice": g.advice(lang),
                "stage": g.stage,
                "product": g.product,
                "nodes": g.nodes,
                "message": g.message(lang),
            })).collect::<Vec<_>>(),
            "nodes": self.nodes.iter().map(|n| json!({
                "id": n.id,
                "name": n.name,
                "local": n.local,
                "locality": n.locality.code(),
                "in_degree": n.in_degree,
                "out_degree": n.out_degree,
                "strength": n.strength,
                "betweenness": n.betweenness,
                "pagerank": n.pagerank,
                "local_supporting_rate": n.local_supporting_rate,
                "rate_source": n.rate_source.map(|r| r.code()),
                "leader_score": n.leader_score,
            })).collect::<Vec<_>>(),
            "leaders": self.leaders.iter().map(|l| json!({
                "id": l.id,
                "name": l.name,
                "score": l.score,
                "betweenness_part": l.betweenness_part,
                "strength_part": l.strength_part,
                "output_part": l.output_part,
            })).collect::<Vec<_>>(),
            "components": self.components,
            "articulation_points": self.articulation_points,
            "bridges": self.bridges.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
            "land": self.land.iter().map(|l| json!({
                "id": l.id,
                "name": l.name,
                "park": l.is_park,
                "land_mu": l.land_mu,
                "tax_per_mu": l.tax_per_mu,
                "output_per_mu": l.output_per_mu,
                "class": l.class,
            })).collect::<Vec<_>>(),
        });
        // Issue 16: how local was decided, the rate's parts, 延链 by conversion.
        if let Value::Object(map) = &mut doc {
            map.extend(super::gaps::json::issue16(self, lang));
        }
        doc
    }
}

impl Impact {
    /// The `chainmap impact --json` document.
    pub fn to_json(&self) -> Value {
        json!({
            "node": self.node,
            "lost": self.lost.iter().map(|l| json!({
                "buyer": l.buyer,
                "product": l.product,
                "value": l.value,
            })).collect::<Vec<_>>(),
            "buyers_cut_off": self.buyers_cut_off,
            "value_at_stake": self.value_at_stake,
            "supply_value": self.supply_value,
            "downstream": self.downstream,
        })
    }
}
