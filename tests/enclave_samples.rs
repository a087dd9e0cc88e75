//! The enclave samples hold the agreements issue 19 asks for, written as the public sources
//! describe them: the 安康 assessment rule (固定资产投资, 重点项目 and 工业增加值 all to the source
//! county for five years, then 7 : 3), a 京津冀 92号-style per-firm tax sharing of the local
//! retained part with two firms moving in different years, and a 鄞衢 消薄飞地-style fixed
//! return then rent, with 162 village collectives as one group party. The hand-worked sizing of
//! the 92号 case (one firm reaches its cap, the other needs the extension) is checked on the
//! sample's own figures and tax table.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::file::{LoadOptions, load_path};
use chainmap::model::{
    Agreement, Cap, Eligibility, Ledger, Metric, NodeId, PartyRole, PhaseStart, Project, Rule,
    Severity, TaxBasis, TaxType,
};
use chainmap::sharing::schedule;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::process::Command;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn samples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample_projects")
}

fn load(name: &str) -> Project {
    let loaded = load_path(&samples_dir().join(name), LoadOptions { strict: true })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(loaded.issues.is_empty(), "{name}: {:?}", loaded.issues);
    loaded.project
}

fn agreement<'a>(p: &'a Project, id: &str) -> &'a Agreement {
    p.agreements
        .values()
        .find(|a| a.id.as_str() == id)
        .unwrap_or_else(|| panic!("no agreement {id}"))
}

fn party_of_role(a: &Agreement, role: PartyRole) -> NodeId {
    a.parties
        .iter()
        .find(|p| p.role == role)
        .map(|p| p.node.clone())
        .unwrap_or_else(|| panic!("{}: no {role:?} party", a.id))
}

#[test]
fn every_sample_checks_without_errors() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".chainmap.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for file in &files {
        let loaded = load_path(file, LoadOptions { strict: true }).unwrap();
        assert!(
            loaded.issues.iter().all(|i| i.severity != Severity::Error),
            "{}: {:?}",
            file.display(),
            loaded.issues
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_chainmap"))
        .arg("check")
        .args(&files)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("飞地协议案例(示意)"), "{text}");
}

#[test]
fn ankang_assesses_investment_key_projects_and_value_added_by_the_documented_rule() {
    let p = load("ankang-enclave.chainmap.json");
    let a = agreement(&p, "AK1");
    let source = party_of_role(a, PartyRole::Source);
    let host = party_of_role(a, PartyRole::Host);
    let assessment: Vec<_> = a
        .phases
        .iter()
        .filter(|ph| ph.ledger == Ledger::Assessment)
        .collect();
    let mut metrics: Vec<Metric> = assessment.iter().map(|ph| ph.metric).collect();
    metrics.sort();
    metrics.dedup();
    assert_eq!(
        metrics,
        [Metric::ValueAdded, Metric::Investment, Metric::KeyProjects],
        "exactly the three assessed figures"
    );
    for metric in metrics {
        let phases: Vec<_> = assessment.iter().filter(|ph| ph.metric == metric).collect();
        assert_eq!(phases.len(), 2, "{metric:?}");
        // Years 1–5 (2019–2023, from the signing) all to the source county …
        let first = phases
            .iter()
            .find(|ph| ph.start == PhaseStart::AfterSigning(0))
            .unwrap();
        assert_eq!(first.years, Some(5), "{metric:?}");
        assert_eq!(
            first.rule,
            Rule::AllTo {
                party: source.clone()
            }
        );
        assert_eq!(a.phase_years(first), Some((2019, Some(2023))));
        // … from year 6 on, source : host = 7 : 3, open-ended.
        let second = phases
            .iter()
            .find(|ph| ph.start == PhaseStart::AfterSigning(5))
            .unwrap();
        assert_eq!(a.phase_years(second), Some((2024, None)));
        let Rule::FixedShares { shares } = &second.rule else {
            panic!("{metric:?}: {:?}", second.rule)
        };
        let pairs: Vec<(NodeId, Decimal)> =
            shares.iter().map(|s| (s.party.clone(), s.pct)).collect();
        assert_eq!(pairs, [(source.clone(), d("70")), (host.clone(), d("30"))]);
    }
    // No fiscal split without a source for one; the official statistics stay the host's.
    assert!(a.phases.iter().all(|ph| ph.ledger != Ledger::Fiscal));
    assert!(
        a.phases
            .iter()
            .filter(|ph| ph.ledger == Ledger::Statistics)
            .all(|ph| ph.rule
                == Rule::AllTo {
                    party: host.clone()
                })
    );
    // The rule's source is named, and the figures are said to be illustrative.
    assert!(
        a.note.contains("7:3") && a.note.contains("据安康市公开报道"),
        "{}",
        a.note
    );
    assert!(a.note.contains("示意") && p.meta.description.contains("示意"));
    // Every firm and the park in scope gives the three figures for each year of the agreement
    // it is there (key projects only in the years it has one).
    for node in &a.scope {
        let n = &p.nodes[node];
        let years: Vec<_> = n.figures.range(2019..).collect();
        assert!(
            years.iter().any(|(_, f)| f.investment.is_some()),
            "{node}: no investment"
        );
        if n.kind.is_enterprise_like() {
            assert!(
                years.iter().all(|(_, f)| f.value_added.is_some()),
                "{node}: value added missing in a year"
            );
        }
    }
    let key_projects: Decimal = a
        .scope
        .iter()
        .flat_map(|id| p.nodes[id].figures.values())
        .filter_map(|f| f.key_projects)
        .sum();
    assert_eq!(key_projects, d("13"));
}

/// The part of a firm's tax on the phase's basis and tax types in a year (0 when it has no
/// figures then).
fn on_basis(p: &Project, firm: &NodeId, year: i32, basis: TaxBasis, types: &[TaxType]) -> Decimal {
    p.nodes[firm]
        .figures
        .get(&year)
        .and_then(|f| f.tax_on_types(basis, &p.meta.tax_sharing, types))
        .unwrap_or_default()
}

#[test]
fn the_92_style_agreement_runs_per_firm_on_the_local_retained_part_with_caps() {
    let p = load("enclave-cases.chainmap.json");
    let a = agreement(&p, "JJJ");
    let source = party_of_role(a, PartyRole::Source);
    let host = party_of_role(a, PartyRole::Host);
    // Two relocated firms, each with its own move and production year, in different years.
    assert_eq!(a.anchors.len(), 2);
    let mut scoped: Vec<&NodeId> = a.anchors.iter().map(|x| &x.node).collect();
    scoped.sort();
    let mut scope: Vec<&NodeId> = a.scope.iter().collect();
    scope.sort();
    assert_eq!(scoped, scope);
    assert_ne!(a.anchors[0].moved_year, a.anchors[1].moved_year);
    assert!(a.anchors.iter().all(|x| x.production_year.is_some()));
    // Eligibility: an average of at least 2000 万元 of tax over the three years before moving.
    assert_eq!(
        a.eligibility,
        [Eligibility::MinAverageBefore {
            metric: Metric::Tax,
            years: 3,
            at_least: d("2000"),
        }]
    );
    // The fiscal phase: per firm, the local retained part, 50 : 50 for three years from
    // production, capped at the firm's three pre-move years, two more years if not reached.
    let fiscal: Vec<_> = a
        .phases
        .iter()
        .filter(|ph| ph.ledger == Ledger::Fiscal)
        .collect();
    assert_eq!(fiscal.len(), 1);
    let phase = fiscal[0];
    assert!(phase.per_firm);
    assert_eq!(phase.basis, TaxBasis::LocalRetained);
    // 92号 shares the VAT and the corporate income tax, not the other taxes.
    assert_eq!(phase.tax_types, [TaxType::Vat, TaxType::Cit]);
    assert_eq!(phase.metric, Metric::Tax);
    assert_eq!(phase.start, PhaseStart::AfterProduction(0));
    assert_eq!(phase.years, Some(3));
    let Rule::Capped {
        shares,
        capped_party,
        cap,
        remainder_to,
        extension_years,
    } = &phase.rule
    else {
        panic!("{:?}", phase.rule)
    };
    let pairs: Vec<(NodeId, Decimal)> = shares.iter().map(|s| (s.party.clone(), s.pct)).collect();
    assert_eq!(pairs, [(source.clone(), d("50")), (host.clone(), d("50"))]);
    assert_eq!(capped_party, &source);
    assert_eq!(remainder_to, &host);
    assert_eq!(cap, &Cap::PriorYears(3));
    assert_eq!(*extension_years, 2);

    // Taxes by type add up to the total, and the tax table is national at the centre, an
    // illustrative provincial split below, and says so.
    for id in &a.scope {
        for (year, f) in &p.nodes[id].figures {
            let parts = f
                .tax_parts()
                .unwrap_or_else(|| panic!("{id} {year}: no types"));
            let sum: Decimal = parts.iter().map(|(_, v)| *v).sum();
            assert_eq!(Some(sum), f.tax, "{id} {year}");
        }
    }
    let sharing = &p.meta.tax_sharing;
    assert_eq!(
        (sharing.vat.central, sharing.cit.central),
        (d("50"), d("60"))
    );
    assert!(sharing.has_provincial_split());
    assert!(
        sharing.source.contains("示意") && sharing.source.contains("国发〔2016〕26号"),
        "{}",
        sharing.source
    );
    assert!(a.note.contains("财预〔2015〕92号"), "{}", a.note);

    // Worked by hand from each firm's own anchors, VAT and CIT only. 甲 moved 2019: pre-move
    // local retained 1008 + 1050 + 1092 = 3150 (e.g. 2016: 1440 × 50 % + 720 × 40 %); from
    // production (2020) the source gets half: 1260, 1470 (2730 so far), then 1575 would pass
    // the cap: clipped to 420 in 2022, its third year. 乙 moved 2021: cap 871.5 + 913 +
    // 954.5 = 2739; halves 498, 518.75, 539.5 = 1556.25 after three years, so it runs two
    // more: 560.25 and 581, 2697.5 in all, the cap never reached.
    let run = |firm: &NodeId| -> (Decimal, Vec<(i32, Decimal)>) {
        let (moved, production) = a.firm_years(firm);
        let (moved, production) = (moved.unwrap(), production.unwrap());
        let cap: Decimal = (moved - 3..moved)
            .map(|y| on_basis(&p, firm, y, phase.basis, &phase.tax_types))
            .sum();
        let mut received = Decimal::ZERO;
        let mut years = Vec::new();
        for year in production..production + 5 {
            if year >= production + 3 && received >= cap {
                break;
            }
            let half = on_basis(&p, firm, year, phase.basis, &phase.tax_types) / d("2");
            let part = half.min(cap - received);
            received += part;
            years.push((year, part));
            if received >= cap {
                break;
            }
        }
        (cap, years)
    };
    let jia = NodeId::from("FA");
    let yi = NodeId::from("FB");
    let (cap, years) = run(&jia);
    assert_eq!(cap, d("3150"));
    assert_eq!(
        years,
        [(2020, d("1260")), (2021, d("1470")), (2022, d("420"))]
    );
    let (cap, years) = run(&yi);
    assert_eq!(cap, d("2739"));
    assert_eq!(
        years,
        [
            (2022, d("498")),
            (2023, d("518.75")),
            (2024, d("539.5")),
            (2025, d("560.25")),
            (2026, d("581")),
        ]
    );
    // The engine gives the same source parts, firm by firm.
    let engine = schedule(&p, a, None, None);
    for (firm, hand) in [(&jia, run(&jia).1), (&yi, run(&yi).1)] {
        let got: Vec<(i32, Decimal)> = engine
            .rows
            .iter()
            .filter(|r| r.ledger == Ledger::Fiscal && r.firm.as_ref() == Some(firm))
            .filter_map(|r| r.part(&source).map(|v| (r.year, v)))
            .filter(|(_, v)| !v.is_zero())
            .collect();
        let hand: Vec<(i32, Decimal)> = hand.into_iter().map(|(y, v)| (y, v.round_dp(2))).collect();
        assert_eq!(got, hand, "{firm}");
    }
    // Both firms are eligible by their own three pre-move years (甲 2500, 乙 2200 on average).
    for (firm, average) in [(&jia, "2500"), (&yi, "2200")] {
        let moved = a.firm_years(firm).0.unwrap();
        let sum: Decimal = (moved - 3..moved)
            .map(|y| on_basis(&p, firm, y, TaxBasis::Total, &[]))
            .sum();
        assert_eq!(sum / d("3"), d(average), "{firm}");
    }
}

#[test]
fn the_xiaobo_agreement_pays_villages_a_fixed_return_then_rent() {
    let p = load("enclave-cases.chainmap.json");
    let a = agreement(&p, "XBA");
    // One group party: the 162 village collectives, members adding up to 100 %.
    let group = a
        .parties
        .iter()
        .find(|x| !x.members.is_empty())
        .expect("a group party");
    assert_eq!(group.role, PartyRole::VillageCollective);
    assert!(p.nodes[&group.node].name.contains("162个村集体"));
    let total: Decimal = group.members.iter().map(|m| m.share_pct).sum();
    assert_eq!(total, Decimal::ONE_HUNDRED);
    assert!(group.members.len() >= 4);
    assert!(group.members.iter().any(|m| m.name.starts_with("其他")));
    // Years 1–5: 10 % a year on the villages' capital, on the corporate ledger.
    let fixed = a
        .phases
        .iter()
        .find(|ph| matches!(ph.rule, Rule::FixedReturn { .. }))
        .unwrap();
    assert_eq!(fixed.ledger, Ledger::Corporate);
    assert_eq!(fixed.years, Some(5));
    let Rule::FixedReturn {
        rate_pct,
        recipients,
        ..
    } = &fixed.rule
    else {
        unreachable!()
    };
    assert_eq!(*rate_pct, d("10"));
    assert_eq!(recipients, std::slice::from_ref(&group.node));
    // Then the park's rent, split by equity (adding up to 100) from year 6.
    let rent = a
        .phases
        .iter()
        .find(|ph| ph.metric == Metric::Rent && matches!(ph.rule, Rule::Equity))
        .unwrap();
    assert_eq!(rent.ledger, Ledger::Corporate);
    assert_eq!(rent.start, PhaseStart::AfterSigning(5));
    let equity: Decimal = a.parties.iter().filter_map(|x| x.equity_pct).sum();
    assert_eq!(equity, Decimal::ONE_HUNDRED);
    assert!(
        a.scope
            .iter()
            .any(|id| p.nodes[id].figures.values().any(|f| f.rent.is_some()))
    );
    assert!(a.note.contains("鄞州区人民政府网") && a.note.contains("示意"));
    // What today's schedule makes of it: 6480 × 10 % = 648 a year to the villages in
    // 2019–2023, whatever the rent; 2024's rent of 960 by equity, 54 % = 518.40.
    let s = schedule(&p, a, None, None);
    let villages = |year: i32| {
        s.rows
            .iter()
            .filter(|r| r.year == year && r.ledger == Ledger::Corporate)
            .filter_map(|r| r.part(&group.node))
            .sum::<Decimal>()
    };
    for year in 2019..=2023 {
        assert_eq!(villages(year), d("648"), "{year}");
    }
    assert_eq!(villages(2024), d("518.40"));
}
