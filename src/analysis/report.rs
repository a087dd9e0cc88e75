//! The JSON form of analysis results (the `--json` contract documented in the README).

use super::indicators::Row;
use super::land::Indicator;
use super::{Analysis, Impact, IndicatorReport, LandEvaluation};
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
            "gaps": self.gaps.iter().map(|g| super::gaps::json::gap(g, lang)).collect::<Vec<_>>(),
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
                "parts": {
                    "revenue_share": l.parts.revenue_share,
                    "local_suppliers": l.parts.local_suppliers,
                    "farmers": l.parts.farmers,
                    "rd_intensity": l.parts.rd_intensity,
                    "hub": l.parts.hub,
                },
                "revenue": l.revenue,
                "revenue_from_output": l.revenue_from_output,
                "revenue_share": l.revenue_share,
                "local_suppliers": l.local_suppliers,
                "farmers": l.farmers,
                "rd_intensity": l.rd_intensity,
                "betweenness": l.betweenness,
            })).collect::<Vec<_>>(),
            "not_eligible": self.not_eligible.iter().map(|n| json!({
                "id": n.id,
                "name": n.name,
                "tagged_leader": n.tagged_leader,
                "reasons": n.reasons.iter().map(|r| r.code()).collect::<Vec<_>>(),
                "message": n.reasons.iter().map(|r| r.message(lang)).collect::<Vec<_>>().join("; "),
            })).collect::<Vec<_>>(),
            "components": self.components,
            "articulation_points": self.articulation_points,
            "bridges": self.bridges.iter().map(|(a, b)| json!([a, b])).collect::<Vec<_>>(),
            "land": land_json(&self.land),
            "indicators": indicators_json(&self.indicators),
            "comparisons": self.comparisons.iter().map(super::gaps::json::comparison).collect::<Vec<_>>(),
        });
        // Issue 16: how local was decided, the rate's parts, 延链 by conversion.
        if let Value::Object(map) = &mut doc {
            map.extend(super::gaps::json::issue16(self, lang));
            // Issue 20: towns, concentration in parks, the 主体功能区 check.
            map.extend(self.territory.json_entries(lang));
        }
        doc
    }
}

/// The 亩均效益评价 in the shape issue 16 fixes: groups of firms with score, class and the
/// weighted score of each indicator; the firms left unclassified with the reason.
fn land_json(land: &LandEvaluation) -> Value {
    json!({
        "groups": land.groups.iter().map(|g| json!({
            "group": g.group.code(),
            "firms": g.firms.iter().map(|f| json!({
                "id": f.id,
                "score": f.score,
                "class": f.class.code(),
                "parts": Indicator::ALL
                    .iter()
                    .map(|&i| (i.code().to_owned(), json!(f.parts.get(i))))
                    .collect::<serde_json::Map<_, _>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "excluded": land.excluded.iter().map(|e| json!({
            "id": e.id,
            "reason": e.reason.code(),
        })).collect::<Vec<_>>(),
    })
}

/// The dashboard: one object a year (oldest first) with every row's value, and each row's
/// change into the latest year.
fn indicators_json(report: &IndicatorReport) -> Value {
    let year_json = |y: &super::indicators::IndicatorYear| {
        let mut row: serde_json::Map<String, Value> = Row::ALL
            .iter()
            .map(|&r| (r.code().to_owned(), json!(r.value(y))))
            .collect();
        row.insert("year".into(), json!(y.year));
        row.insert("firms".into(), json!(y.firms));
        Value::Object(row)
    };
    let change: serde_json::Map<String, Value> = report
        .latest()
        .map(|latest| {
            Row::ALL
                .iter()
                .map(|&r| (r.code().to_owned(), json!(report.change(r, latest.year))))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "years": report.years.iter().map(year_json).collect::<Vec<_>>(),
        "change": change,
    })
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
