//! `Comparison::to_json`: `{"year": y, "<figure code>": {"a": v, "b": v}, …, "gaps": {"a":
//! {class: n}, "b": {…}}, "stages": […], "gaps_closed": […], "gaps_opened": […], "leaders":
//! […], "land_classes": […], "towns": […], "agreements": […]}`. Keys in snake_case, undefined
//! values null, arrays in the comparison's (stable) order, amounts of agreements exact.

use super::{AgreementDelta, Comparison, GapLabel, PartDelta, StageDelta, TownDelta};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

/// An exact amount as a JSON number (every digit kept).
fn amount(d: Option<Decimal>) -> Value {
    use std::str::FromStr;
    match d {
        None => Value::Null,
        Some(d) => serde_json::Number::from_str(&d.to_string())
            .map(Value::Number)
            .unwrap_or_else(|_| Value::String(d.to_string())),
    }
}

fn stage(s: &StageDelta) -> Value {
    json!({
        "id": s.id,
        "chain": s.chain,
        "name": s.name,
        "name_en": s.name_en,
        "segment": s.segment,
        "a": s.a,
        "b": s.b,
        "status_a": s.status_a.map(|s| s.code()),
        "status_b": s.status_b.map(|s| s.code()),
    })
}

fn gap(g: &GapLabel) -> Value {
    json!({
        "class": g.class.code(),
        "stage": g.stage,
        "stage_name": g.stage_name,
        "stage_name_en": g.stage_name_en,
        "product": g.product,
        "subject": g.subject,
        "zh": g.zh,
        "en": g.en,
    })
}

fn town(t: &TownDelta) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "share_a": t.share_a,
        "share_b": t.share_b,
        "output_a": t.output_a,
        "output_b": t.output_b,
        "specialised_a": t.specialised_a,
        "specialised_b": t.specialised_b,
    })
}

fn part(p: &PartDelta) -> Value {
    json!({
        "ledger": p.ledger,
        "metric": p.metric,
        "basis": p.basis.map(|b| b.code()),
        "party": p.party,
        "party_name": p.party_name,
        "a": amount(p.a),
        "b": amount(p.b),
        "unit": p.unit(crate::i18n::Lang::En),
        "assessment_only": p.assessment_only,
    })
}

fn agreement(a: &AgreementDelta) -> Value {
    json!({
        "id": a.id,
        "name": a.name,
        "year": a.year,
        "in_a": a.in_a,
        "in_b": a.in_b,
        "parts": a.parts.iter().map(part).collect::<Vec<_>>(),
    })
}

impl Comparison {
    /// The comparison as JSON (the CLI's `--json`), every figure with its A and B side.
    pub fn to_json(&self) -> Value {
        let mut doc = Map::new();
        doc.insert("year".to_owned(), json!(self.year));
        for f in &self.figures {
            doc.insert(f.code.to_owned(), json!({"a": f.a, "b": f.b}));
        }
        let [ga, gb] = self.gap_counts();
        doc.insert("gaps".to_owned(), json!({"a": ga, "b": gb}));
        let list = |items: Vec<Value>| Value::Array(items);
        doc.insert(
            "stages".to_owned(),
            list(self.stage_rates.iter().map(stage).collect()),
        );
        doc.insert(
            "gaps_closed".to_owned(),
            list(self.gaps_closed.iter().map(gap).collect()),
        );
        doc.insert(
            "gaps_opened".to_owned(),
            list(self.gaps_opened.iter().map(gap).collect()),
        );
        let leaders = self.leaders.iter().map(|l| {
            json!({
                "id": l.id,
                "name": l.name,
                "rank_a": l.rank_a,
                "rank_b": l.rank_b,
                "score_a": l.score_a,
                "score_b": l.score_b,
            })
        });
        doc.insert("leaders".to_owned(), list(leaders.collect()));
        let classes = self
            .land_classes
            .iter()
            .map(|c| json!({"class": c.code(), "a": c.a, "b": c.b}));
        doc.insert("land_classes".to_owned(), list(classes.collect()));
        doc.insert(
            "towns".to_owned(),
            list(self.towns.iter().map(town).collect()),
        );
        doc.insert(
            "agreements".to_owned(),
            list(self.agreements.iter().map(agreement).collect()),
        );
        Value::Object(doc)
    }
}
