//! The layout on the 安康 sample (hand-checked against `chainmap split`) and a hand-made case.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use super::*;
use crate::model::{AgreementId, Metric};

fn ankang() -> Project {
    let text = include_str!("../../../sample_projects/ankang-enclave.chainmap.json");
    crate::file::load_str(text, crate::file::LoadOptions::default())
        .expect("loads")
        .project
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn laid_out(year: Year) -> (Project, DiagramLayout) {
    let project = ankang();
    let a = project.agreements[&AgreementId::from("AK1")].clone();
    let s = crate::sharing::schedule(&project, &a, None, None);
    let rect = Rect::from_min_size(pos2(0.0, 60.0), vec2(1366.0, 700.0));
    let d = layout(&project, &a, &s, year, rect, Lang::Zh);
    (project, d)
}

fn ribbon<'a>(d: &'a DiagramLayout, ledger: Ledger, metric: Metric, party: &str) -> &'a Ribbon {
    d.ribbons
        .iter()
        .find(|r| {
            r.flow.ledger == ledger && r.flow.metric == metric && r.flow.party.as_str() == party
        })
        .unwrap_or_else(|| panic!("no ribbon {ledger:?} {metric:?} {party}"))
}

#[test]
fn statistics_go_wholly_to_the_host() {
    // 2024: the four firms' output 23600 (CLI split), all the host's, nobody else's.
    let (_, d) = laid_out(2024);
    let stats: Vec<_> = d
        .ribbons
        .iter()
        .filter(|r| r.flow.ledger == Ledger::Statistics)
        .collect();
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].flow.party.as_str(), "HOST");
    assert_eq!(stats[0].flow.amount, dec("23600"));
    assert_eq!(stats[0].side, Side::Right);
    assert_eq!(stats[0].label, "在地统计 · 产值 → 汉滨区 23600.00 万元");
}

#[test]
fn ribbon_widths_follow_the_amounts_within_a_ledger_and_unit() {
    // 2024 assessment, value added 5286.40 : 2265.60 (7 : 3) and investment 3199 : 1371,
    // all in 万元 on one scale whose widest is the source's value added.
    let (_, d) = laid_out(2024);
    let va_src = ribbon(&d, Ledger::Assessment, Metric::ValueAdded, "SRC");
    let va_host = ribbon(&d, Ledger::Assessment, Metric::ValueAdded, "HOST");
    let inv_src = ribbon(&d, Ledger::Assessment, Metric::Investment, "SRC");
    assert_eq!(va_src.width, MAX_RIBBON);
    assert!((va_host.width / va_src.width - 0.3 / 0.7).abs() < 1e-4);
    assert!((inv_src.width / va_src.width - 3199.0 / 5286.4).abs() < 1e-4);
    // Key projects are a count, with a scale of their own: 1.4 is the widest.
    let kp_src = ribbon(&d, Ledger::Assessment, Metric::KeyProjects, "SRC");
    let kp_host = ribbon(&d, Ledger::Assessment, Metric::KeyProjects, "HOST");
    assert_eq!(kp_src.width, MAX_RIBBON);
    assert!((kp_host.width / kp_src.width - 0.6 / 1.4).abs() < 1e-4);
    assert_eq!(kp_host.amount, "0.60 个");
    // Corporate profit 312 : 156 : 52 by equity 60 : 30 : 10, the trustee above the park.
    let trustee = ribbon(&d, Ledger::Corporate, Metric::Profit, "HTZ");
    assert_eq!(trustee.side, Side::Top);
    assert!((trustee.width - MAX_RIBBON * 52.0 / 312.0).abs() < 1e-3);
}

#[test]
fn blocks_sit_around_the_park_and_firms_inside_it() {
    let (_, d) = laid_out(2024);
    let side = |id: &str| d.blocks.iter().find(|b| b.party.as_str() == id).unwrap();
    assert!(side("SRC").rect.right() < d.park.left());
    assert!(side("HOST").rect.left() > d.park.right());
    assert!(side("HTZ").rect.bottom() < d.park.top());
    assert_eq!(d.park_name, "岚皋–汉滨飞地产业园");
    assert_eq!(d.beads.len(), 4);
    assert!(d.beads.iter().all(|b| d.park.contains(b.centre)));
    // Ribbons leave the park's edge and reach their block's.
    let va = ribbon(&d, Ledger::Assessment, Metric::ValueAdded, "SRC");
    assert_eq!(va.start.x, d.park.left());
    assert_eq!(va.end.x, side("SRC").rect.right());
    // In the first five years the source counts everything: no assessment to the host.
    let (_, early) = laid_out(2021);
    assert!(
        early
            .ribbons
            .iter()
            .all(|r| { r.flow.ledger != Ledger::Assessment || r.flow.party.as_str() == "SRC" })
    );
}

#[test]
fn widths_are_proportional_on_a_hand_made_case() {
    let flow = |amount: &str, unit: &str| Flow {
        ledger: Ledger::Fiscal,
        metric: Metric::Tax,
        party: NodeId::from("A"),
        amount: dec(amount),
        pays: false,
        unit: unit.to_owned(),
        basis: None,
        assessment_only: false,
    };
    let w = widths(&[
        flow("200", "万元"),
        flow("50", "万元"),
        flow("0.1", "万元"),
        flow("3", "亩"),
    ]);
    assert_eq!(w[0], MAX_RIBBON);
    assert_eq!(w[1], MAX_RIBBON / 4.0);
    // Too thin to see: the narrowest ribbon instead.
    assert_eq!(w[2], MIN_RIBBON);
    // Another unit, another scale.
    assert_eq!(w[3], MAX_RIBBON);
}
