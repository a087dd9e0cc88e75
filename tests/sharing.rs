//! Worked split schedules for each kind of rule, and the conservation property.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{LoadOptions, load_path, load_str};
use chainmap::model::{Ledger, Metric, NodeId, Project};
use chainmap::sharing::{Row, money, schedule};
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A project with one firm `f` (tax and profit by year) and parties src, host, op, vil.
fn project(figures: &[(i32, &str, &str)], agreement: &str) -> Project {
    let figs: Vec<String> = figures
        .iter()
        .map(|(y, tax, profit)| {
            format!("\"{y}\": {{\"tax\": {tax}, \"profit\": {profit}, \"output\": {tax}}}")
        })
        .collect();
    let text = format!(
        r#"{{"format": "chainmap", "version": 1, "name": "t", "unit": "万元", "land_classes": [],
        "chains": [], "links": [], "views": [],
        "nodes": [
          {{"id": "f", "name": "迁入企业", "kind": "enterprise", "figures": {{ {} }}}},
          {{"id": "src", "name": "飞出地", "kind": "region"}},
          {{"id": "host", "name": "飞入地", "kind": "region"}},
          {{"id": "op", "name": "运营公司", "kind": "enterprise"}},
          {{"id": "vil", "name": "村集体", "kind": "village_collective"}}],
        "agreements": [{agreement}]}}"#,
        figs.join(", ")
    );
    let loaded = load_str(&text, LoadOptions::default()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(
        loaded
            .issues
            .iter()
            .all(|i| i.severity != chainmap::model::Severity::Error),
        "{:?}",
        loaded.issues
    );
    loaded.project
}

fn rows(p: &Project) -> Vec<Row> {
    let a = p.agreements.values().next().unwrap();
    schedule(p, a, None, None).rows
}

fn part(row: &Row, party: &str) -> Decimal {
    row.parts
        .iter()
        .find(|(p, _)| p.as_str() == party)
        .map(|(_, v)| *v)
        .unwrap_or_default()
}

fn year(rows: &[Row], y: i32) -> &Row {
    rows.iter()
        .find(|r| r.year == y)
        .unwrap_or_else(|| panic!("no row for {y}"))
}

const PARTIES: &str = r#""parties": [{"node": "src", "role": "source", "equity_pct": 40, "capital": 100},
    {"node": "host", "role": "host", "equity_pct": 60}], "scope": ["f"]"#;

#[test]
fn ankang_assessment_switches_from_all_to_source_to_seven_three() {
    let p = load_path(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("sample_projects/ankang-enclave.chainmap.json"),
        LoadOptions::default(),
    )
    .unwrap()
    .project;
    let a = p.agreements.values().next().unwrap();
    let s = schedule(&p, a, None, None);
    // The 安康 rule on 固定资产投资, 重点项目 and 工业增加值 alike. Signed 2019: years 1–5 are
    // 2019–2023, all to the source; from 2024, 70 : 30.
    for metric in [Metric::Investment, Metric::KeyProjects, Metric::ValueAdded] {
        let assess: Vec<&Row> = s
            .rows
            .iter()
            .filter(|r| r.ledger == Ledger::Assessment && r.metric == metric)
            .collect();
        assert_eq!(assess.first().unwrap().year, 2019, "{metric:?}");
        for r in &assess {
            if r.year <= 2023 {
                assert_eq!(part(r, "SRC"), r.total, "{metric:?} {}", r.year);
            } else {
                assert_eq!(part(r, "SRC"), r.total * d("0.7"), "{metric:?} {}", r.year);
                assert_eq!(part(r, "HOST"), r.total * d("0.3"), "{metric:?} {}", r.year);
            }
        }
    }
    // 2024 value added of the four firms: 3392 + 1152 + 2336 + 672 = 7552.
    let va = |y: i32| {
        s.rows
            .iter()
            .find(|r| {
                r.ledger == Ledger::Assessment && r.metric == Metric::ValueAdded && r.year == y
            })
            .unwrap()
    };
    assert_eq!(va(2024).total, d("7552"));
    assert_eq!(part(va(2024), "SRC"), d("5286.40"));
    assert_eq!(part(va(2024), "HOST"), d("2265.60"));
    // Only those three are assessed, and nothing is split between treasuries.
    assert!(s.rows.iter().all(|r| r.ledger != Ledger::Fiscal));
    assert!(
        s.rows
            .iter()
            .filter(|r| r.ledger == Ledger::Assessment)
            .all(|r| matches!(
                r.metric,
                Metric::Investment | Metric::KeyProjects | Metric::ValueAdded
            ))
    );
    // Official statistics: all to the host, whatever the contract.
    let stat = s
        .rows
        .iter()
        .find(|r| r.ledger == Ledger::Statistics && r.year == 2024)
        .unwrap();
    assert_eq!(stat.parts, vec![(NodeId::from("HOST"), d("23600"))]);
    // A fiscal 5 : 5 from the production year (2020) for ten years: 645 → 322.50 each.
    let fiscal = rows(&project(
        &[(2019, "100", "0"), (2020, "645", "0"), (2021, "785", "0")],
        &format!(
            r#"{{"id": "a", "name": "5:5", "signed_year": 2019, "production_year": 2020, {PARTIES},
            "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"after_production": 0}},
              "years": 10, "rule": {{"fixed_shares": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}]}}}}}}]}}"#
        ),
    ));
    assert_eq!(fiscal.first().unwrap().year, 2020);
    assert_eq!(part(year(&fiscal, 2020), "src"), d("322.50"));
    assert!(fiscal.iter().all(|r| part(r, "src") == part(r, "host")));
    // Costs: 3600 by equity 60 / 30 / 10.
    let roads = s.costs.iter().find(|c| c.amount == d("3600")).unwrap();
    let parts: Vec<Decimal> = roads.parts.iter().map(|(_, v)| *v).collect();
    assert_eq!(parts, vec![d("2160"), d("1080"), d("360")]);
}

/// 京津冀 92号: 50 : 50 for three years after production; the source's cumulative share is capped
/// at its three pre-move years of tax; the year that hits the cap is clipped.
fn jjj(taxes: &[(i32, &str)], pre_move: [&str; 3]) -> Project {
    let mut figures: Vec<(i32, &str, &str)> = vec![
        (2016, pre_move[0], "0"),
        (2017, pre_move[1], "0"),
        (2018, pre_move[2], "0"),
    ];
    figures.extend(taxes.iter().map(|(y, t)| (*y, *t, "0")));
    project(
        &figures,
        &format!(
            r#"{{"id": "a", "name": "92号", "signed_year": 2019, "production_year": 2019, {PARTIES},
            "eligibility": [{{"min_average_before": {{"metric": "tax", "years": 3, "at_least": 2000}}}}],
            "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"after_production": 0}}, "years": 3,
              "rule": {{"capped": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}],
                "capped_party": "src", "cap": {{"prior_years": 3}}, "remainder_to": "host", "extension_years": 2}}}}}}]}}"#
        ),
    )
}

#[test]
fn capped_share_clips_the_year_that_hits_the_cap() {
    // Pre-move tax 2100 + 2200 + 2300 = 6600 (average 2200 ≥ 2000: eligible).
    let p = jjj(
        &[
            (2019, "6000"),
            (2020, "5000"),
            (2021, "4000"),
            (2022, "4000"),
        ],
        ["2100", "2200", "2300"],
    );
    let r = rows(&p);
    assert_eq!(part(year(&r, 2019), "src"), d("3000"));
    assert_eq!(part(year(&r, 2020), "src"), d("2500"));
    // 2021: half is 2000 but only 1100 is left under the cap; the other 900 goes to the host.
    assert_eq!(part(year(&r, 2021), "src"), d("1100"));
    assert_eq!(part(year(&r, 2021), "host"), d("2900"));
    assert!(year(&r, 2021).note_en.contains("cap"));
    // The cap was reached within the three years: no extension year.
    assert!(r.iter().all(|row| row.year <= 2021), "{r:?}");
}

#[test]
fn capped_share_extends_when_the_cap_is_not_reached() {
    let taxes: Vec<(i32, &str)> = (2019..=2025).map(|y| (y, "1000")).collect();
    let p = jjj(&taxes, ["2100", "2200", "2300"]);
    let r = rows(&p);
    let years: Vec<i32> = r.iter().map(|row| row.year).collect();
    // Three years, then two more because 1500 < 6600; nothing after.
    assert_eq!(years, vec![2019, 2020, 2021, 2022, 2023]);
    assert!(r.iter().all(|row| part(row, "src") == d("500")));
    assert!(year(&r, 2022).note_en.contains("extension"));
}

#[test]
fn ineligible_firms_are_left_out_with_the_reason() {
    // Average 1500 < 2000.
    let p = jjj(&[(2019, "6000")], ["1500", "1500", "1500"]);
    let a = p.agreements.values().next().unwrap();
    let s = schedule(&p, a, None, None);
    assert!(!s.eligibility[0].eligible);
    assert!(
        s.eligibility[0].en.contains("of 1500 is below 2000"),
        "{}",
        s.eligibility[0].en
    );
    assert!(s.rows.iter().all(|r| r.total.is_zero()));
}

#[test]
fn only_the_increment_above_a_base_year_is_shared() {
    let p = project(
        &[(2019, "1000", "0"), (2020, "1500", "0"), (2021, "800", "0")],
        &format!(
            r#"{{"id": "a", "name": "增量", "signed_year": 2019, {PARTIES},
            "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"year": 2020}},
              "rule": {{"increment": {{"base": {{"year": 2019}}, "base_to": "host",
                "shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}]}}}}}}]}}"#
        ),
    );
    let r = rows(&p);
    // 2020: base 1000 stays with the host; the 500 above it is split 250 / 250.
    assert_eq!(part(year(&r, 2020), "src"), d("250"));
    assert_eq!(part(year(&r, 2020), "host"), d("1250"));
    // 2021 is below the base: nothing to share.
    assert_eq!(part(year(&r, 2021), "src"), d("0"));
    assert_eq!(part(year(&r, 2021), "host"), d("800"));
}

#[test]
fn double_counting_gives_both_the_full_amount() {
    let p = project(
        &[(2020, "700", "0")],
        &format!(
            r#"{{"id": "a", "name": "广西", "signed_year": 2020, {PARTIES},
            "phases": [{{"id": "p", "ledger": "assessment", "metric": "output", "start": {{"after_signing": 0}},
              "rule": {{"double_count": {{"parties": ["src", "host"]}}}}}}]}}"#
        ),
    );
    let r = rows(&p);
    assert_eq!(part(year(&r, 2020), "src"), d("700"));
    assert_eq!(part(year(&r, 2020), "host"), d("700"));
}

#[test]
fn fixed_return_then_dividends_by_equity() {
    // 鄞州–衢江: the village gets 10 % on its capital of 100 for five years, then dividends by equity.
    let p = project(
        &[(2020, "0", "50"), (2024, "0", "5"), (2025, "0", "80")],
        r#"{"id": "a", "name": "消薄飞地", "signed_year": 2020,
          "parties": [{"node": "vil", "role": "village_collective", "equity_pct": 40, "capital": 100},
                      {"node": "op", "role": "operator", "equity_pct": 60}],
          "scope": ["f"],
          "phases": [
            {"id": "p1", "ledger": "corporate", "metric": "profit", "start": {"after_signing": 0}, "years": 5,
             "rule": {"fixed_return": {"rate_pct": 10, "recipients": ["vil"], "payer": "op"}}},
            {"id": "p2", "ledger": "corporate", "metric": "profit", "start": {"after_signing": 5},
             "rule": "equity"}]}"#,
    );
    let r = rows(&p);
    assert_eq!(part(year(&r, 2020), "vil"), d("10"));
    assert_eq!(part(year(&r, 2020), "op"), d("40"));
    // A thin year: the return is still paid; the operator carries the difference.
    assert_eq!(part(year(&r, 2024), "vil"), d("10"));
    assert_eq!(part(year(&r, 2024), "op"), d("-5"));
    // Year six: 80 by equity 40 / 60.
    assert_eq!(part(year(&r, 2025), "vil"), d("32"));
    assert_eq!(part(year(&r, 2025), "op"), d("48"));
}

#[test]
fn fixed_payment_per_unit_is_paid_even_at_a_loss() {
    // 炉霍: 3 万元 per greenhouse per year, 100 greenhouses.
    let p = project(
        &[(2021, "0", "200")],
        r#"{"id": "a", "name": "炉霍", "signed_year": 2021,
          "parties": [{"node": "op", "role": "operator"}, {"node": "vil", "role": "village_collective"}],
          "scope": ["f"],
          "phases": [{"id": "p", "ledger": "corporate", "metric": "profit", "start": {"after_signing": 0}, "years": 15,
            "rule": {"per_unit": {"payer": "op", "payee": "vil", "per_unit": 3, "units": 100, "unit": "棚"}}}]}"#,
    );
    let r = rows(&p);
    assert_eq!(part(year(&r, 2021), "vil"), d("300"));
    assert_eq!(part(year(&r, 2021), "op"), d("-100"));
}

/// Every split conserves the amount exactly, for random amounts and share tables.
#[test]
fn splits_conserve_the_total_exactly() {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let amount = Decimal::new(
            (next() % 100_000_000_000) as i64 - 10_000_000_000,
            (next() % 5) as u32,
        );
        let n = (next() % 12 + 1) as usize;
        let weights: Vec<Decimal> = (0..n)
            .map(|_| Decimal::new((next() % 10_000) as i64, (next() % 3) as u32))
            .collect();
        let parts = money::split(amount, &weights);
        let sum: Decimal = parts.iter().copied().sum();
        assert_eq!(
            sum,
            money::round(amount),
            "{amount} by {weights:?} → {parts:?}"
        );
        assert!(parts.iter().all(|p| p.scale() <= money::SCALE));
    }
}

#[test]
fn every_schedule_row_of_the_sample_adds_up() {
    let p = load_path(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("sample_projects/ankang-enclave.chainmap.json"),
        LoadOptions::default(),
    )
    .unwrap()
    .project;
    for a in p.agreements.values() {
        let s = schedule(&p, a, None, None);
        assert!(!s.rows.is_empty());
        for r in &s.rows {
            let sum: Decimal = r.parts.iter().map(|(_, v)| *v).sum();
            assert_eq!(sum, r.total, "{r:?}");
        }
        for c in &s.costs {
            let sum: Decimal = c.parts.iter().map(|(_, v)| *v).sum();
            assert_eq!(sum, c.amount);
        }
    }
    // And each party's part, worked by hand from the sample's figures.
    let s = schedule(&p, p.agreements.values().next().unwrap(), None, None);
    let row = |ledger: Ledger, metric: Metric, year: i32| {
        s.rows
            .iter()
            .find(|r| r.ledger == ledger && r.metric == metric && r.year == year)
            .unwrap_or_else(|| panic!("no {ledger:?} {metric:?} row for {year}"))
    };
    // Assessment of investment in 2025, year seven: 700 + 300 + 500 + 100 = 1600, 7 : 3.
    let late = row(Ledger::Assessment, Metric::Investment, 2025);
    assert_eq!(late.total, d("1600"));
    assert_eq!(part(late, "SRC"), d("1120"));
    assert_eq!(part(late, "HOST"), d("480"));
    // Corporate, the park company's 2024 profit of 520 by equity 60 / 30 / 10.
    let corporate = row(Ledger::Corporate, Metric::Profit, 2024);
    assert_eq!(
        corporate.parts,
        vec![
            (NodeId::from("SRC"), d("312")),
            (NodeId::from("HOST"), d("156")),
            (NodeId::from("HTZ"), d("52")),
        ]
    );
    // Assessment of key projects in 2021, year three: 2 (硒谷饮品 and 秦巴电商), all to the
    // source.
    let early = row(Ledger::Assessment, Metric::KeyProjects, 2021);
    assert_eq!(early.total, d("2"));
    assert_eq!(part(early, "SRC"), d("2"));
    assert_eq!(part(early, "HOST"), d("0"));
}

/// Parts worked by hand where the amount does not divide: each part is rounded down to the cent
/// and the cents left go to the largest remainders, ties to the earlier party.
#[test]
fn each_party_gets_its_hand_worked_part_when_the_amount_does_not_divide() {
    let split = |amount: &str, weights: &[&str]| {
        let weights: Vec<Decimal> = weights.iter().map(|w| d(w)).collect();
        money::split(d(amount), &weights)
    };
    // 10 × 3/7 = 4.2857…, 10 × 1/7 = 1.4285…: floors 4.28 + 4.28 + 1.42 = 9.98; the two cents
    // left go to the remainders .0086 (the third) and .0057 (the first of the tie).
    assert_eq!(
        split("10", &["3", "3", "1"]),
        [d("4.29"), d("4.28"), d("1.43")]
    );
    assert_eq!(
        split("-10", &["3", "3", "1"]),
        [d("-4.29"), d("-4.28"), d("-1.43")]
    );
    // 0.05 in thirds: 0.01 each, the two cents left to the first two.
    assert_eq!(
        split("0.05", &["1", "1", "1"]),
        [d("0.02"), d("0.02"), d("0.01")]
    );
    // Percentages that add up to 100: 1234.57 × 33.34 % = 411.605638, × 33.33 % = 411.482181;
    // floors 411.60 + 411.48 + 411.48 = 1234.56, the cent left to the largest remainder, the
    // first's .005638.
    let parts = split("1234.57", &["33.34", "33.33", "33.33"]);
    assert_eq!(parts, [d("411.61"), d("411.48"), d("411.48")]);

    // Through an agreement: 1000.01 of tax, 50 : 50.
    let p = project(
        &[(2020, "1000.01", "0")],
        &format!(
            r#"{{"id": "a", "name": "五五", "signed_year": 2020, {PARTIES},
            "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"after_signing": 0}},
              "rule": {{"fixed_shares": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}]}}}}}}]}}"#
        ),
    );
    let r = rows(&p);
    assert_eq!(part(year(&r, 2020), "src"), d("500.01"));
    assert_eq!(part(year(&r, 2020), "host"), d("500.00"));
}
