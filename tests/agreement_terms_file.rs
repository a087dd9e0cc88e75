//! The file format of issue 19's agreement terms: version 1 files migrate (a fiscal phase
//! without a basis splits the total, as before), and every new part — taxes by type, the tax
//! sharing table, tax bases, per-firm anchors, quota transfers, group members, payments from a
//! higher level, rent and escalation — survives a save and reload byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{LoadOptions, load_str, to_json};
use chainmap::model::{Metric, PartyRole, PaymentAmount, Rule, Settlement, TaxBasis};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

const V1: &str = r#"{"format": "chainmap", "version": 1, "name": "t", "unit": "万元",
  "land_classes": [], "chains": [], "links": [], "views": [],
  "nodes": [
    {"id": "f", "name": "企业", "kind": "enterprise", "figures": {"2024": {"tax": 100}}},
    {"id": "src", "name": "飞出地", "kind": "region"},
    {"id": "host", "name": "飞入地", "kind": "region"}],
  "agreements": [{"id": "A", "name": "协议", "signed_year": 2024,
    "parties": [{"node": "src", "role": "source"}, {"node": "host", "role": "host"}],
    "scope": ["f"],
    "phases": [{"id": "p1", "ledger": "fiscal", "metric": "tax", "start": {"after_signing": 0},
      "rule": {"fixed_shares": {"shares": [{"party": "src", "pct": 50}, {"party": "host", "pct": 50}]}}}]}]}"#;

#[test]
fn a_version_1_fiscal_phase_keeps_splitting_the_total() {
    let loaded = load_str(V1, LoadOptions::default()).unwrap();
    let phase = &loaded.project.agreements.values().next().unwrap().phases[0];
    assert_eq!(phase.basis, TaxBasis::Total);
    assert!(!phase.per_firm);
    let saved = to_json(&loaded.project).unwrap();
    assert!(saved.contains("\"version\": 3"), "{saved}");
}

const V2: &str = r#"{"format": "chainmap", "version": 2, "name": "t", "unit": "万元",
  "land_classes": [],
  "tax_sharing": {"region": "某省(示意)", "source": "示意数据",
    "vat": {"central": 50, "province": 15, "city": 15, "county": 20},
    "cit": {"central": 60, "province": 15, "city": 10, "county": 15},
    "other_tax": {"central": 0, "province": 30, "city": 30, "county": 40}},
  "chains": [], "links": [], "views": [],
  "nodes": [
    {"id": "f", "name": "企业", "kind": "enterprise",
     "figures": {"2024": {"tax": 1600, "vat": 1000, "cit": 500, "other_tax": 100, "rent": 12.5}}},
    {"id": "g", "name": "企业乙", "kind": "enterprise"},
    {"id": "src", "name": "飞出地", "kind": "region"},
    {"id": "host", "name": "飞入地", "kind": "region"},
    {"id": "prov", "name": "省财政厅", "kind": "region"},
    {"id": "vil", "name": "162个村集体", "kind": "village_collective"}],
  "agreements": [{"id": "A", "name": "协议", "signed_year": 2024,
    "parties": [
      {"node": "src", "role": "source"},
      {"node": "host", "role": "host"},
      {"node": "prov", "role": "higher_level"},
      {"node": "vil", "role": "village_collective", "capital": 16200,
       "members": [{"name": "甲村", "share_pct": 60}, {"name": "乙村", "share_pct": 40}]}],
    "scope": ["f", "g"],
    "phases": [
      {"id": "p1", "ledger": "fiscal", "metric": "tax", "start": {"after_production": 0},
       "years": 3, "basis": "local_retained", "per_firm": true,
       "rule": {"fixed_shares": {"shares": [{"party": "src", "pct": 50}, {"party": "host", "pct": 50}]}}},
      {"id": "p2", "ledger": "corporate", "metric": "rent", "start": {"after_signing": 0},
       "years": 5,
       "rule": {"fixed_return": {"rate_pct": 10, "recipients": ["vil"], "payer": "host", "escalation_pct": 2}}},
      {"id": "p3", "ledger": "fiscal", "metric": "tax", "start": {"year": 2025}, "years": 1,
       "basis": "county_retained",
       "rule": {"payment": {"payer": "prov", "payee": "host",
         "amount": {"increment_share": {"base": {"year": 2024}, "pct": 30}}}}}],
    "anchors": [
      {"node": "f", "moved_year": 2022, "production_year": 2023},
      {"node": "g", "moved_year": 2024, "production_year": 2025}],
    "quotas": [
      {"year": 2025, "metric": "construction_land_mu", "from": "src", "to": "host",
       "amount": 120, "price": 30, "settle_in": "fiscal", "note": "示意"},
      {"year": 2026, "metric": "energy_tce", "from": "host", "to": "src", "amount": 5000,
       "settle_in": "corporate"}],
    "fair_ledgers": ["fiscal", "quota"]}]}"#;

#[test]
fn every_new_term_survives_save_and_reload_byte_for_byte() {
    let loaded = load_str(V2, LoadOptions::default()).unwrap();
    assert!(
        loaded
            .issues
            .iter()
            .all(|i| i.severity != chainmap::model::Severity::Error),
        "{:?}",
        loaded.issues
    );
    let p = &loaded.project;
    assert_eq!(p.meta.tax_sharing.vat.county, d("20"));
    assert!(p.meta.tax_sharing.has_provincial_split());
    let f = &p.nodes[&"f".into()].figures[&2024];
    assert_eq!(
        (f.vat, f.cit, f.other_tax),
        (Some(d("1000")), Some(d("500")), Some(d("100")))
    );
    assert_eq!(f.rent, Some(d("12.5")));
    let a = p.agreements.values().next().unwrap();
    assert_eq!(a.phases[0].basis, TaxBasis::LocalRetained);
    assert!(a.phases[0].per_firm);
    assert_eq!(a.phases[1].metric, Metric::Rent);
    assert!(matches!(
        a.phases[1].rule,
        Rule::FixedReturn {
            escalation_pct: Some(_),
            ..
        }
    ));
    assert!(matches!(
        &a.phases[2].rule,
        Rule::Payment {
            amount: PaymentAmount::IncrementShare { .. },
            ..
        }
    ));
    assert_eq!(a.parties[2].role, PartyRole::HigherLevel);
    assert_eq!(a.parties[3].members.len(), 2);
    assert_eq!(a.anchors[0].production_year, Some(2023));
    assert_eq!(a.anchors[1].production_year, Some(2025));
    assert_eq!(a.quotas[0].metric, Metric::ConstructionLandMu);
    assert_eq!(a.quotas[0].price, Some(d("30")));
    assert_eq!(a.quotas[1].settle_in, Settlement::Corporate);
    assert_eq!(a.fair_ledgers.len(), 2);

    let once = to_json(p).unwrap();
    let again = to_json(&load_str(&once, LoadOptions::default()).unwrap().project).unwrap();
    assert_eq!(once, again);
    let reloaded = load_str(&once, LoadOptions::default()).unwrap().project;
    assert_eq!(&reloaded, p);
}
