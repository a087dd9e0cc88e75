//! Issue 19's agreement terms through the split engine, each schedule worked by hand in the
//! comments: taxes by type on a retained basis, per-firm anchors and caps, quota transfers with
//! their price, escalating fixed returns, group members, a province's increment rebate, the
//! assessment-only mark in the exports, and the fair split judged across money ledgers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::export::{ExportFormat, ExportOptions, TableName, export};
use chainmap::file::{LoadOptions, load_str};
use chainmap::i18n::Lang;
use chainmap::model::{Ledger, Metric, NodeId, Project, Severity, TaxBasis, TaxType};
use chainmap::sharing::fair::{Game, contract_allocation, ledger_totals, parse_q};
use chainmap::sharing::{Row, Schedule, schedule};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Illustrative provincial split: VAT 50 / 15 / 15 / 20 and CIT 60 / 15 / 10 / 15 (central,
/// province, city, county), other taxes 0 / 30 / 30 / 40.
const TIERS: &str = r#""tax_sharing": {
    "vat": {"central": 50, "province": 15, "city": 15, "county": 20},
    "cit": {"central": 60, "province": 15, "city": 10, "county": 15},
    "other_tax": {"central": 0, "province": 30, "city": 30, "county": 40}},"#;

/// A version 2 project: `tiers` (a tax_sharing entry or ""), nodes `f` and `g` with the given
/// figures (JSON objects by year), the parties' regions, and one agreement.
fn project(tiers: &str, f: &str, g: &str, agreement: &str) -> Project {
    let text = format!(
        r#"{{"format": "chainmap", "version": 2, "name": "t", "unit": "万元", "land_classes": [],
        {tiers}
        "chains": [], "links": [], "views": [],
        "nodes": [
          {{"id": "f", "name": "甲企业", "kind": "enterprise", "figures": {{ {f} }}}},
          {{"id": "g", "name": "乙企业", "kind": "enterprise", "figures": {{ {g} }}}},
          {{"id": "src", "name": "飞出地", "kind": "region"}},
          {{"id": "host", "name": "飞入地", "kind": "region"}},
          {{"id": "prov", "name": "省财政厅", "kind": "region"}},
          {{"id": "op", "name": "运营公司", "kind": "enterprise"}},
          {{"id": "vil", "name": "村集体", "kind": "village_collective"}}],
        "agreements": [{agreement}]}}"#
    );
    let loaded = load_str(&text, LoadOptions::default()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(
        loaded.issues.iter().all(|i| i.severity != Severity::Error),
        "{:?}",
        loaded.issues
    );
    loaded.project
}

fn sched(p: &Project) -> Schedule {
    schedule(p, p.agreements.values().next().unwrap(), None, None)
}

fn part(row: &Row, party: &str) -> Decimal {
    row.part(&NodeId::from(party)).unwrap_or_default()
}

/// The row of `year` in `ledger` for `firm` (none: the row of the whole scope).
fn row<'a>(s: &'a Schedule, ledger: Ledger, year: i32, firm: Option<&str>) -> &'a Row {
    s.rows
        .iter()
        .find(|r| {
            r.ledger == ledger && r.year == year && r.firm.as_ref().map(|f| f.as_str()) == firm
        })
        .unwrap_or_else(|| panic!("no {ledger:?} row for {year} {firm:?}: {:#?}", s.rows))
}

const TWO: &str =
    r#""parties": [{"node": "src", "role": "source"}, {"node": "host", "role": "host"}]"#;

fn fiscal_five_five(basis: &str) -> String {
    format!(
        r#"{{"id": "a", "name": "五五分成", "signed_year": 2024, {TWO}, "scope": ["f", "g"],
        "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"after_signing": 0}},
          "basis": "{basis}",
          "rule": {{"fixed_shares": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}]}}}}}}]}}"#
    )
}

#[test]
fn the_county_retained_base_of_the_issue_split_five_five() {
    // VAT 1,000 and CIT 500 with county tiers of 20 % and 15 %: 1,000 × 20 % + 500 × 15 %
    // = 200 + 75 = 275, split 5 : 5 → 137.50 each.
    let p = project(
        TIERS,
        r#""2024": {"vat": 1000, "cit": 500}"#,
        "",
        &fiscal_five_five("county_retained"),
    );
    let s = sched(&p);
    let r = row(&s, Ledger::Fiscal, 2024, None);
    assert_eq!(r.basis, TaxBasis::CountyRetained);
    assert_eq!(r.total, d("275"));
    assert_eq!(part(r, "src"), d("137.50"));
    assert_eq!(part(r, "host"), d("137.50"));
    assert_eq!(
        r.tax_parts,
        vec![
            (TaxType::Vat, d("200")),
            (TaxType::Cit, d("75")),
            (TaxType::OtherTax, d("0"))
        ]
    );
}

#[test]
fn the_local_retained_part_leaves_out_a_firm_without_tax_types() {
    // 甲: VAT 1,000 × (15 + 15 + 20) % + CIT 500 × (15 + 10 + 15) % + other 100 × 100 %
    // = 500 + 200 + 100 = 800, 400 each. 乙 gives only a total of 300: left out, and named.
    let p = project(
        TIERS,
        r#""2024": {"tax": 1600, "vat": 1000, "cit": 500, "other_tax": 100}"#,
        r#""2024": {"tax": 300}"#,
        &fiscal_five_five("local_retained"),
    );
    let s = sched(&p);
    let r = row(&s, Ledger::Fiscal, 2024, None);
    assert_eq!(r.total, d("800"));
    assert_eq!(part(r, "src"), d("400"));
    assert_eq!(
        r.tax_parts,
        vec![
            (TaxType::Vat, d("500")),
            (TaxType::Cit, d("200")),
            (TaxType::OtherTax, d("100"))
        ]
    );
    assert!(
        r.note_zh.contains("乙企业没有分税种数据,未计入"),
        "{}",
        r.note_zh
    );
    assert!(
        r.note_en.contains("乙企业 gives no tax by type; left out"),
        "{}",
        r.note_en
    );
    // Checking warns about 乙's untyped years before the schedule is read.
    let issues = chainmap::model::validate::validate(&p);
    assert!(
        issues.iter().any(|i| i.code == "tax_without_types"
            && i.en.contains("乙企业")
            && i.en.contains("2024")),
        "{issues:?}"
    );
    // On the total basis both firms count: 1,600 + 300 = 1,900, and there is no split by type
    // since 乙 gives none.
    let p = project(
        TIERS,
        r#""2024": {"tax": 1600, "vat": 1000, "cit": 500, "other_tax": 100}"#,
        r#""2024": {"tax": 300}"#,
        &fiscal_five_five("total"),
    );
    let r = sched(&p).rows.remove(0);
    assert_eq!(r.total, d("1900"));
    assert!(r.tax_parts.is_empty());
}

#[test]
fn per_firm_caps_count_from_each_firms_own_move() {
    // 甲 moved 2018 (production 2018), pre-move tax 2015–2017: 2,100 + 2,200 + 2,300 = 6,600
    // (average 2,200 ≥ 2,000). 50 : 50 in 2018–2020: the source gets 3,000, 2,500, then only
    // 1,100 of 2,000 (6,600 − 5,500 left under its cap): 2020 is clipped, 900 goes to the host.
    // 乙 moved 2020 (production 2021), pre-move 2017–2019: 3,000 a year = 9,000. 1,000 a year
    // from 2021: 500 to the source for 2021–2023, 1,500 < 9,000, so two more years 2024–2025;
    // 2026 is not shared.
    let f = r#""2015": {"tax": 2100}, "2016": {"tax": 2200}, "2017": {"tax": 2300},
        "2018": {"tax": 6000}, "2019": {"tax": 5000}, "2020": {"tax": 4000}, "2021": {"tax": 4000}"#;
    let g = r#""2017": {"tax": 3000}, "2018": {"tax": 3000}, "2019": {"tax": 3000},
        "2021": {"tax": 1000}, "2022": {"tax": 1000}, "2023": {"tax": 1000},
        "2024": {"tax": 1000}, "2025": {"tax": 1000}, "2026": {"tax": 1000}"#;
    let agreement = format!(
        r#"{{"id": "a", "name": "92号", "signed_year": 2015, {TWO}, "scope": ["f", "g"],
        "anchors": [{{"node": "f", "moved_year": 2018, "production_year": 2018}},
                    {{"node": "g", "moved_year": 2020, "production_year": 2021}}],
        "eligibility": [{{"min_average_before": {{"metric": "tax", "years": 3, "at_least": 2000}}}}],
        "phases": [{{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {{"after_production": 0}},
          "years": 3, "per_firm": true,
          "rule": {{"capped": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}],
            "capped_party": "src", "cap": {{"prior_years": 3}}, "remainder_to": "host", "extension_years": 2}}}}}}]}}"#
    );
    let p = project("", f, g, &agreement);
    let s = sched(&p);
    // Eligibility from each firm's own move.
    assert!(
        s.eligibility.iter().all(|e| e.eligible),
        "{:?}",
        s.eligibility
    );
    assert!(
        s.eligibility[0].en.contains("2015–2017 of 2200"),
        "{}",
        s.eligibility[0].en
    );
    assert!(
        s.eligibility[1].en.contains("2017–2019 of 3000"),
        "{}",
        s.eligibility[1].en
    );
    // Different first years, each firm its own rows.
    let firm_years = |firm: &str| -> Vec<i32> {
        s.rows
            .iter()
            .filter(|r| r.firm.as_ref().is_some_and(|x| x.as_str() == firm))
            .map(|r| r.year)
            .collect()
    };
    assert_eq!(firm_years("f"), vec![2018, 2019, 2020]);
    assert_eq!(firm_years("g"), vec![2021, 2022, 2023, 2024, 2025]);
    // 甲 clipped in 2020.
    let clipped = row(&s, Ledger::Fiscal, 2020, Some("f"));
    assert_eq!(part(clipped, "src"), d("1100"));
    assert_eq!(part(clipped, "host"), d("2900"));
    assert!(
        clipped.note_en.contains("cap of 6600"),
        "{}",
        clipped.note_en
    );
    // 乙 extended two years.
    let extended = row(&s, Ledger::Fiscal, 2025, Some("g"));
    assert_eq!(part(extended, "src"), d("500"));
    assert!(
        extended.note_en.contains("extension"),
        "{}",
        extended.note_en
    );
    // A total row per year, its parts the sum of the firm rows.
    let total = row(&s, Ledger::Fiscal, 2020, None);
    assert_eq!(total.total, d("4000"));
    assert_eq!(part(total, "src"), d("1100"));
    let years: Vec<i32> = s
        .rows
        .iter()
        .filter(|r| r.firm.is_none())
        .map(|r| r.year)
        .collect();
    assert_eq!(years, (2018..=2025).collect::<Vec<_>>());
    // The source's total over the horizon: 3,000 + 2,500 + 1,100 + 5 × 500 = 9,100.
    let src: Decimal = s
        .rows
        .iter()
        .filter(|r| r.firm.is_none())
        .map(|r| part(r, "src"))
        .sum();
    assert_eq!(src, d("9100"));
}

const PRICED_QUOTA: &str = r#""quotas": [{"year": 2025, "metric": "construction_land_mu", "from": "src", "to": "host",
      "amount": 120, "price": 30, "settle_in": "fiscal"}]"#;

#[test]
fn a_quota_transfer_with_its_price_gives_a_quota_row_and_a_money_row() {
    // 120 亩 from the source to the host at 30 a 亩: the host pays 120 × 30 = 3,600.
    let agreement = format!(
        r#"{{"id": "a", "name": "指标", "signed_year": 2025, {TWO}, "scope": [], "phases": [],
        {PRICED_QUOTA}}}"#
    );
    let p = project("", "", "", &agreement);
    let s = sched(&p);
    assert_eq!((s.from, s.to), (2025, 2025));
    let quota = row(&s, Ledger::Quota, 2025, None);
    assert_eq!(quota.metric, Metric::ConstructionLandMu);
    assert_eq!(quota.total, d("120"));
    assert_eq!(part(quota, "host"), d("120"));
    assert_eq!(part(quota, "src"), d("-120"));
    assert!(quota.transfer);
    assert_eq!(quota.unit(Lang::Zh), Some("亩"));
    assert!(quota.note_zh.contains("120 亩"), "{}", quota.note_zh);
    let money = row(&s, Ledger::Fiscal, 2025, None);
    assert_eq!(money.metric, Metric::ConstructionLandMu);
    assert_eq!(money.total, d("3600"));
    assert_eq!(part(money, "src"), d("3600"));
    assert_eq!(part(money, "host"), d("-3600"));
    assert!(money.transfer);
    assert_eq!(money.unit(Lang::Zh), None);
    assert!(
        money.note_zh.contains("120 亩 × 30 = 3600"),
        "{}",
        money.note_zh
    );
    // Both rows net to zero.
    for r in [quota, money] {
        assert_eq!(r.parts.iter().map(|(_, v)| *v).sum::<Decimal>(), d("0"));
    }
}

#[test]
fn a_fixed_return_escalates_and_a_group_party_splits_it_between_its_members() {
    // Capital 100 at 10 % rising 10 % a year: 10 % → 10, 11 % → 11, 12.1 % → 12.10 of rents
    // of 50; the operator keeps 40, 39, 37.90.
    let agreement = r#"{"id": "a", "name": "消薄飞地", "signed_year": 2020,
      "parties": [{"node": "vil", "role": "village_collective", "capital": 100,
                   "members": [{"name": "甲村", "share_pct": 33.34}, {"name": "乙村", "share_pct": 33.33},
                               {"name": "丙村", "share_pct": 33.33}]},
                  {"node": "op", "role": "operator"}],
      "scope": ["f"],
      "phases": [{"id": "p", "ledger": "corporate", "metric": "rent", "start": {"after_signing": 0}, "years": 3,
        "rule": {"fixed_return": {"rate_pct": 10, "recipients": ["vil"], "payer": "op", "escalation_pct": 10}}}]}"#;
    let p = project(
        "",
        r#""2020": {"rent": 50}, "2021": {"rent": 50}, "2022": {"rent": 50}"#,
        "",
        agreement,
    );
    let s = sched(&p);
    let got: Vec<(Decimal, Decimal)> = s
        .rows
        .iter()
        .map(|r| (part(r, "vil"), part(r, "op")))
        .collect();
    assert_eq!(
        got,
        vec![
            (d("10"), d("40")),
            (d("11"), d("39")),
            (d("12.10"), d("37.90"))
        ]
    );
    assert!(
        s.rows[2].note_en.contains("year 3 rate 12.1 %"),
        "{}",
        s.rows[2].note_en
    );
    // 12.10 split 33.34 / 33.33 / 33.33: 4.03414, 4.03293, 4.03293 → floors 4.03 each (12.09);
    // the cent left goes to the largest remainder, 甲村's.
    let (party, members) = &s.rows[2].members[0];
    assert_eq!(party.as_str(), "vil");
    assert_eq!(
        members,
        &vec![
            ("甲村".to_owned(), d("4.04")),
            ("乙村".to_owned(), d("4.03")),
            ("丙村".to_owned(), d("4.03"))
        ]
    );
    // The operator is no group: no members for it.
    assert_eq!(s.rows[2].members.len(), 1);
}

#[test]
fn a_province_pays_a_share_of_the_increment() {
    // National shares: VAT half local, CIT 40 % local. Local retained part: 2023: 400 × 50 % +
    // 100 × 40 % = 240 (the base); 2024: 600 × 50 % + 200 × 40 % = 380 → (380 − 240) × 30 %
    // = 42 from the province to the host; 2025: 300 × 50 % + 100 × 40 % = 190, below the base:
    // nothing.
    let agreement = r#"{"id": "a", "name": "省级返还", "signed_year": 2023,
      "parties": [{"node": "host", "role": "host"}, {"node": "prov", "role": "higher_level"}],
      "scope": ["f"],
      "phases": [{"id": "p", "ledger": "fiscal", "metric": "tax", "start": {"year": 2024}, "years": 2,
        "basis": "local_retained",
        "rule": {"payment": {"payer": "prov", "payee": "host",
          "amount": {"increment_share": {"base": {"year": 2023}, "pct": 30}}}}}]}"#;
    let p = project(
        "",
        r#""2023": {"vat": 400, "cit": 100}, "2024": {"vat": 600, "cit": 200}, "2025": {"vat": 300, "cit": 100}"#,
        "",
        agreement,
    );
    let s = sched(&p);
    let paid = row(&s, Ledger::Fiscal, 2024, None);
    assert!(paid.transfer);
    assert_eq!(paid.total, d("42"));
    assert_eq!(part(paid, "host"), d("42"));
    assert_eq!(part(paid, "prov"), d("-42"));
    assert!(
        paid.note_zh.contains("省财政厅按增量 30% 返还飞入地"),
        "{}",
        paid.note_zh
    );
    let none = row(&s, Ledger::Fiscal, 2025, None);
    assert_eq!(none.total, d("0"));
    assert!(
        none.note_en.contains("not above the base of 240"),
        "{}",
        none.note_en
    );
}

#[test]
fn double_counted_assessment_is_marked_in_the_csv_and_statistics_stay_the_hosts() {
    let agreement = format!(
        r#"{{"id": "a", "name": "广西", "signed_year": 2024, {TWO}, "scope": ["f"],
        "phases": [
          {{"id": "p1", "ledger": "assessment", "metric": "output", "start": {{"after_signing": 0}},
            "rule": {{"double_count": {{"parties": ["src", "host"]}}}}}},
          {{"id": "p2", "ledger": "statistics", "metric": "output", "start": {{"after_signing": 0}},
            "rule": {{"all_to": {{"party": "host"}}}}}}]}}"#
    );
    let p = project("", r#""2024": {"output": 700}"#, "", &agreement);
    let s = sched(&p);
    let assessed = row(&s, Ledger::Assessment, 2024, None);
    assert!(assessed.assessment_only);
    assert!(assessed.note_zh.starts_with("仅用于考核，不对外发布"));
    assert_eq!(
        (part(assessed, "src"), part(assessed, "host")),
        (d("700"), d("700"))
    );
    let stats = row(&s, Ledger::Statistics, 2024, None);
    assert!(!stats.assessment_only);
    assert_eq!(stats.parts, vec![(NodeId::from("host"), d("700"))]);

    let files = export(
        &p,
        ExportFormat::Csv,
        &ExportOptions {
            lang: Lang::Zh,
            table: Some(TableName::Schedules),
            ..ExportOptions::default()
        },
    )
    .unwrap();
    let text = String::from_utf8(files[0].bytes.clone()).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&header[8..], ["计税基础", "企业", "单位", "标注"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // Two parts of the assessment row, marked; the host's statistics part, not.
    let marked: Vec<&Vec<&str>> = rows
        .iter()
        .filter(|r| r[11] == "仅用于考核，不对外发布")
        .collect();
    assert_eq!(marked.len(), 2, "{rows:?}");
    assert!(marked.iter().all(|r| r[2] == "考核"));
    let stats_rows: Vec<&Vec<&str>> = rows.iter().filter(|r| r[2] == "在地统计").collect();
    assert_eq!(stats_rows.len(), 1);
    assert_eq!(
        (stats_rows[0][5], stats_rows[0][6], stats_rows[0][11]),
        ("飞入地", "700", "")
    );
    assert_eq!(stats_rows[0][10], "万元");
}

#[test]
fn the_fair_split_counts_fiscal_and_corporate_money_together() {
    // Fiscal 5 : 5 of a tax of 100 (50 each) and all of a profit of 40 to the source, plus a
    // priced quota (3,600 to the source, −3,600 from the host; its 120 亩 never count).
    // Across fiscal and corporate: source 90, host 50; with the quota's settlement: 3,690 and
    // −3,550.
    let agreement = format!(
        r#"{{"id": "a", "name": "合作", "signed_year": 2025, {TWO}, "scope": ["f"],
        "phases": [
          {{"id": "p1", "ledger": "fiscal", "metric": "tax", "start": {{"after_signing": 0}},
            "rule": {{"fixed_shares": {{"shares": [{{"party": "src", "pct": 50}}, {{"party": "host", "pct": 50}}]}}}}}},
          {{"id": "p2", "ledger": "corporate", "metric": "profit", "start": {{"after_signing": 0}},
            "rule": {{"all_to": {{"party": "src"}}}}}}],
        {PRICED_QUOTA}, FAIR}}"#
    );
    let parties = [NodeId::from("src"), NodeId::from("host")];
    let game = Game::from_listed(
        vec!["src".into(), "host".into()],
        ["0", "0", "180"]
            .iter()
            .map(|v| parse_q(v).unwrap())
            .collect(),
    )
    .unwrap();
    let q = |s: &str| parse_q(s).unwrap();
    let figures = r#""2025": {"tax": 100, "profit": 40}"#;

    let chosen = agreement.replace("FAIR", r#""fair_ledgers": ["fiscal", "corporate"]"#);
    let s = sched(&project("", figures, "", &chosen));
    assert_eq!(s.fair_ledgers, vec![Ledger::Fiscal, Ledger::Corporate]);
    assert_eq!(
        ledger_totals(&s, &parties),
        vec![
            (Ledger::Fiscal, vec![d("50"), d("50")]),
            (Ledger::Corporate, vec![d("40"), d("0")])
        ]
    );
    // v(N) = 180 in the proportions 90 : 50: 180 × 90/140 = 810/7 and 180 × 50/140 = 450/7.
    assert_eq!(
        contract_allocation(&s, &game, &parties),
        Some(vec![q("810/7"), q("450/7")])
    );

    // The default: every money ledger, the quota's settlement counted once as quota money.
    let all = agreement.replace(", FAIR", "");
    let s = sched(&project("", figures, "", &all));
    assert_eq!(
        ledger_totals(&s, &parties),
        vec![
            (Ledger::Fiscal, vec![d("50"), d("50")]),
            (Ledger::Corporate, vec![d("40"), d("0")]),
            (Ledger::Quota, vec![d("3600"), d("-3600")])
        ]
    );
    // 3,690 − 3,550 = 140: 180 × 3690/140 = 33210/7, 180 × −3550/140 = −31950/7.
    assert_eq!(
        contract_allocation(&s, &game, &parties),
        Some(vec![q("33210/7"), q("-31950/7")])
    );
}

#[test]
fn checking_names_what_is_wrong_with_the_new_terms() {
    let text = r#"{"format": "chainmap", "version": 2, "name": "t", "unit": "万元", "land_classes": [],
        "tax_sharing": {"vat": {"central": 50, "province": 20, "city": 20, "county": 20},
          "cit": {"central": 60, "county": 40}, "other_tax": {"county": 100}},
        "chains": [], "links": [], "views": [],
        "nodes": [
          {"id": "f", "name": "甲企业", "kind": "enterprise",
            "figures": {"2024": {"tax": 100, "vat": 80, "cit": 30}, "2025": {"tax": 100, "vat": 50, "cit": 20, "other_tax": 20}}},
          {"id": "src", "name": "飞出地", "kind": "region"},
          {"id": "host", "name": "飞入地", "kind": "region"}],
        "agreements": [{"id": "a", "name": "协议", "signed_year": 2024,
          "parties": [{"node": "src", "role": "source"},
                      {"node": "host", "role": "host", "members": [{"name": "甲村", "share_pct": 60}, {"name": "甲村", "share_pct": 30}]}],
          "scope": ["f"],
          "phases": [{"id": "p", "ledger": "quota", "metric": "energy_tce", "start": {"after_signing": 0},
            "rule": {"all_to": {"party": "src"}}}],
          "quotas": [{"year": 2024, "metric": "tax", "from": "src", "to": "src", "amount": 0, "price": -1}]}]}"#;
    let loaded = load_str(text, LoadOptions::default()).unwrap();
    let issues = chainmap::model::validate::validate(&loaded.project);
    let has = |code: &str, severity: Severity, text: &str| {
        assert!(
            issues
                .iter()
                .any(|i| i.code == code && i.severity == severity && i.en.contains(text)),
            "{code} {text}: {issues:#?}"
        );
    };
    has(
        "tax_tiers_not_100",
        Severity::Error,
        "VAT: the central, provincial, city and county shares add up to 110 %",
    );
    has(
        "tax_types_above_total",
        Severity::Error,
        "VAT 80 plus corporate income tax 30",
    );
    has("tax_types_mismatch", Severity::Warning, "= 90");
    has(
        "shares_not_100",
        Severity::Error,
        "members of \"host\" have shares adding up to 90 %",
    );
    has("duplicate_member", Severity::Error, "甲村");
    has("quota_metric_in_phase", Severity::Error, "Energy quota");
    has("phase_in_quota_ledger", Severity::Error, "quota ledger");
    has("not_a_quota", Severity::Error, "Tax is not a quota");
    has("quota_to_itself", Severity::Error, "src");
    has("quota_amount", Severity::Error, "must be above 0");
    has("negative_amount", Severity::Error, "price");
}

#[test]
fn a_county_basis_without_a_provincial_split_is_warned_about() {
    let p = project(
        "",
        r#""2024": {"vat": 1000, "cit": 500}"#,
        "",
        &fiscal_five_five("county_retained"),
    );
    let issues = chainmap::model::validate::validate(&p);
    assert!(
        issues
            .iter()
            .any(|i| i.code == "no_provincial_split" && i.severity == Severity::Warning),
        "{issues:?}"
    );
    // Without a split the county counts the whole local part: 1,000 × 50 % + 500 × 40 % = 700.
    assert_eq!(sched(&p).rows[0].total, d("700"));
}
