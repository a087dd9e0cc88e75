//! The agreement tabs driven headless with egui_kittest, on the 安康 enclave sample: every field
//! of the editor, one drag = one undo step, undo shown in unfocused fields, removing a party
//! (and what becomes of its coalition values), the schedule, its CSV and the fair split.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::edit::Edit;
use chainmap::i18n::Lang;
use chainmap::model::{
    Agreement, AgreementId, Base, Cap, CostSplit, NodeId, PartyRole, PhaseStart, Rule, RuleKind,
};
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;
use std::path::PathBuf;

type H = Harness<'static, ChainmapApp>;

/// The editor's fixture: the 安康 sample as it was before issue 19 (output and tax assessed,
/// a fiscal 5 : 5 — every rule kind's editor has a phase to start from). The sample itself now
/// follows the documented 安康 rule (tests/enclave_samples.rs).
fn ankang(lang: Lang) -> H {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join("ankang-editor.chainmap.json");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .with_theme(egui::Theme::Light)
        // No data folder: no autosave left behind to be offered to the next test's window.
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    harness.run_steps(3);
    // These tests work in the panels: open the ones a first start on a laptop folds.
    harness.state_mut().ui.settings.show_outline = true;
    harness.state_mut().ui.settings.show_analysis = true;
    harness.run_steps(3);
    harness
}

/// The 安康 sample with its Sharing tab open.
fn sharing(lang: Lang) -> H {
    let mut h = ankang(lang);
    h.get_by_label(lang.pick("协议分成", "Sharing")).click();
    h.run_steps(3);
    h
}

fn agreement(h: &H) -> Agreement {
    h.state().doc.project.agreements[&AgreementId::from("AK1")].clone()
}

fn depth(h: &H) -> usize {
    h.state().doc.undo_depth()
}

fn undo(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Scrolls the widget named `label` into view.
fn show(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    // Until the scroll animation is over.
    h.run_steps(8);
}

fn click(h: &mut H, label: &str) {
    show(h, label);
    h.get_by_label(label).click();
    h.run_steps(3);
}

/// Opens the combo box `combo` and picks `option` (the one in its popup, when the name is also
/// a node's on the canvas).
fn choose(h: &mut H, combo: &str, option: &str) {
    click(h, combo);
    // A long list (the nine kinds of rule) scrolls inside its popup.
    if let Some(option) = h.query_all_by_role_and_label(Role::Button, option).last() {
        option.scroll_to_me();
        h.run_steps(8);
    }
    let below = h.get_by_label(combo).rect().left_bottom();
    let pick = h
        .query_all_by_role_and_label(Role::Button, option)
        .map(|n| n.rect())
        .min_by(|a, b| {
            let d = |r: &egui::Rect| r.left_top().distance(below);
            d(a).total_cmp(&d(b))
        })
        .unwrap_or_else(|| panic!("no option {option} in {combo}"));
    click_at(h, pick.center());
}

fn click_at(h: &mut H, pos: egui::Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
    }
    h.run_steps(3);
}

/// Clicks the checkbox `label` (a node of the canvas may have the same name).
fn tick(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    h.run_steps(8);
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run_steps(3);
}

/// Some text shown (the problems list and the status bar may both show it).
fn shown(h: &H, text: &str) {
    assert!(
        h.query_all_by_label_contains(text).count() >= 1,
        "{text} is shown"
    );
}

/// Replaces the text of the field `label` with `text` and presses Enter.
fn type_into(h: &mut H, label: &str, text: &str) {
    click(h, label);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}

/// Unfolds a phase by its title.
fn open_phase(h: &mut H, title: &str) {
    let header = format!("{title} · ");
    h.get_by_label_contains(&header).scroll_to_me();
    // Until the scroll animation is over.
    h.run_steps(8);
    h.get_by_label_contains(&header).click();
    // Until the header's unfolding animation is over.
    h.run_steps(10);
}

fn value(h: &H, label: &str) -> String {
    h.get_by_label(label).value().unwrap_or_default()
}

fn phase_rule(h: &H, id: &str) -> Rule {
    agreement(h)
        .phases
        .iter()
        .find(|p| p.id.as_str() == id)
        .unwrap()
        .rule
        .clone()
}

/// Drags the number named `label` to the right, a few points a frame, and returns what `read`
/// saw after each frame.
fn drag_right<T>(h: &mut H, label: &str, read: impl Fn(&Agreement) -> T) -> Vec<T> {
    show(h, label);
    let start = h.get_by_label(label).rect().center();
    h.hover_at(start);
    h.run_steps(1);
    h.drag_at(start);
    h.run_steps(1);
    let mut seen = Vec::new();
    for k in 1..=12 {
        h.hover_at(start + egui::vec2(3.0 * k as f32, 0.0));
        h.run_steps(1);
        seen.push(read(&agreement(h)));
    }
    h.drop_at(start + egui::vec2(36.0, 0.0));
    h.run_steps(3);
    seen
}

/// One drag of `label` changes the agreement several times, all of it one undo step, and one
/// Ctrl+Z brings back the value it started from.
fn one_drag_one_step<T: PartialEq + std::fmt::Debug + Clone>(
    h: &mut H,
    label: &str,
    read: impl Fn(&Agreement) -> T,
) {
    let (before, steps) = (read(&agreement(h)), depth(h));
    let seen = drag_right(h, label, &read);
    let mut distinct = vec![before.clone()];
    distinct.extend(seen.iter().cloned());
    distinct.dedup();
    assert!(
        distinct.len() >= 4,
        "{label}: the drag changed it step by step: {before:?} then {seen:?}"
    );
    assert_eq!(depth(h), steps + 1, "{label}: one drag is one undo step");
    undo(h);
    assert_eq!(
        read(&agreement(h)),
        before,
        "{label}: one Ctrl+Z undoes the drag"
    );
    assert_eq!(depth(h), steps);
}

#[test]
fn dragging_a_cost_year_is_one_undo_step() {
    let mut h = sharing(Lang::En);
    // The finding: 2019 → 2028 in one drag left 7 undo steps.
    one_drag_one_step(&mut h, "Year · 土地征收", |a| a.costs[0].year);
}

#[test]
fn dragging_a_phase_start_or_length_is_one_undo_step() {
    let mut h = sharing(Lang::En);
    open_phase(&mut h, "考核:第六年起 7:3");
    one_drag_one_step(&mut h, "Starts · 考核:第六年起 7:3", |a| {
        a.phases[2].start
    });
    open_phase(&mut h, "考核:前五年归飞出地");
    one_drag_one_step(&mut h, "Years · 考核:前五年归飞出地", |a| {
        a.phases[1].years
    });
}

#[test]
fn dragging_a_cap_an_extension_or_a_base_year_is_one_undo_step() {
    let mut h = sharing(Lang::En);
    let mut a = agreement(&h);
    let parties = a.party_ids();
    a.phases[5].rule = chainmap::model::default_rule(RuleKind::Capped, &parties);
    a.phases[6].rule = Rule::Increment {
        base: Base::Year(2018),
        base_to: NodeId::from("HOST"),
        shares: chainmap::model::even_shares(&parties),
    };
    h.state_mut().doc.apply(Edit::SetAgreement(a)).unwrap();
    h.run_steps(3);
    open_phase(&mut h, "留成税收 5:5(十年)");
    let cap = |a: &Agreement| match &a.phases[5].rule {
        Rule::Capped {
            cap,
            extension_years,
            ..
        } => (cap.clone(), *extension_years),
        other => panic!("{other:?}"),
    };
    one_drag_one_step(&mut h, "Cap · 留成税收 5:5(十年)", |a| cap(a).0);
    one_drag_one_step(&mut h, "Extension years · 留成税收 5:5(十年)", |a| {
        cap(a).1
    });
    open_phase(&mut h, "园区公司利润按股分红");
    one_drag_one_step(
        &mut h,
        "Base · 园区公司利润按股分红",
        |a| match &a.phases[6].rule {
            Rule::Increment { base, .. } => base.clone(),
            other => panic!("{other:?}"),
        },
    );
}

#[test]
fn undo_shows_the_undone_name_and_enter_does_not_reapply_it() {
    let mut h = sharing(Lang::En);
    let old = agreement(&h).name;
    type_into(&mut h, "Agreement name", "岚皋–汉滨新协议");
    assert_eq!(agreement(&h).name, "岚皋–汉滨新协议");
    let steps = depth(&h);
    undo(&mut h);
    assert_eq!(agreement(&h).name, old);
    // The finding: the field still showed the new name, and Enter applied it again.
    assert_eq!(value(&h, "Agreement name"), old);
    click(&mut h, "Agreement name");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(agreement(&h).name, old);
    assert_eq!(depth(&h), steps - 1);
}

#[test]
fn undo_shows_the_undone_equity() {
    let mut h = sharing(Lang::En);
    type_into(&mut h, "Equity % · 岚皋县", "55");
    assert_eq!(agreement(&h).parties[0].equity_pct, Some(dec("55")));
    undo(&mut h);
    assert_eq!(agreement(&h).parties[0].equity_pct, Some(dec("60")));
    assert_eq!(value(&h, "Equity % · 岚皋县"), "60");
}

#[test]
fn removing_a_party_moves_no_text_to_the_next_row() {
    let mut h = sharing(Lang::En);
    let steps = depth(&h);
    click(&mut h, "Remove party · 汉滨区");
    // Coalition values name 汉滨区: nothing is removed until the user says what becomes of them.
    assert_eq!(agreement(&h).parties.len(), 3);
    h.get_by_label_contains("4 coalition values name \"汉滨区\"");
    click(&mut h, "Drop those values too");
    let a = agreement(&h);
    assert_eq!(a.party_ids(), [NodeId::from("SRC"), NodeId::from("HTZ")]);
    assert_eq!(depth(&h), steps + 1, "one undo step");
    // The finding: the next row showed the removed party's 30 % / 3000.
    assert_eq!(value(&h, "Equity % · 安康高新技术产业开发区"), "10");
    assert_eq!(value(&h, "Capital · 安康高新技术产业开发区"), "1000");
    // ... and Enter wrote 3000 into that party's capital.
    click(&mut h, "Capital · 安康高新技术产业开发区");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(agreement(&h).parties[1].capital, Some(dec("1000")));
    assert_eq!(depth(&h), steps + 1);
    undo(&mut h);
    assert_eq!(agreement(&h).parties.len(), 3);
    assert_eq!(agreement(&h).coalition_values.len(), 7);
}

#[test]
fn a_removed_party_kept_in_coalition_values_is_flagged_in_both_tabs() {
    let mut h = sharing(Lang::En);
    let steps = depth(&h);
    click(&mut h, "Remove party · 汉滨区");
    click(&mut h, "Keep them (to fix later)");
    let a = agreement(&h);
    assert_eq!(a.parties.len(), 2);
    assert_eq!(a.coalition_values.len(), 7, "kept");
    assert_eq!(depth(&h), steps + 1, "one undo step");
    // Sharing: the problem inline, and the values that no longer fit, each with a way out.
    assert!(
        h.query_all_by_label_contains("\"HOST\" is not a party to this agreement")
            .count()
            >= 2,
        "the rules and the coalition values that name it"
    );
    h.get_by_label("{汉滨区} = 800");
    h.get_by_label("Drop the value of {岚皋县, 汉滨区}");
    // Fair split: the problems instead of numbers.
    h.get_by_label("Fair split").click();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("names \"汉滨区\", who is no longer a party")
            .count()
            >= 1
    );
    assert!(h.query_by_label("Shapley").is_none(), "no Shapley column");
    assert!(h.query_by_label("1733.33").is_none(), "no numbers");
    // Dropping the values that name 汉滨区 leaves a valid two-party game.
    h.get_by_label("Sharing").click();
    h.run_steps(3);
    for name in [
        "{汉滨区}",
        "{岚皋县, 汉滨区}",
        "{汉滨区, 安康高新技术产业开发区}",
        "{岚皋县, 汉滨区, 安康高新技术产业开发区}",
    ] {
        click(&mut h, &format!("Drop the value of {name}"));
    }
    assert_eq!(agreement(&h).coalition_values.len(), 3);
    h.get_by_label("Fair split").click();
    h.run_steps(3);
    // v(岚皋县) = 1200, v(高新区) = 200, v(both) = 1600: each gets its own and half the rest.
    assert!(h.query_all_by_label("Shapley").count() >= 1);
    assert!(
        h.query_all_by_label("1300.00").count() >= 2,
        "Shapley and nucleolus"
    );
    assert!(h.query_all_by_label("300.00").count() >= 2);
    assert!(h.query_by_label_contains("no longer a party").is_none());
}

#[test]
fn dropping_the_values_with_the_party_leaves_a_valid_game() {
    let mut h = sharing(Lang::En);
    click(&mut h, "Remove party · 汉滨区");
    click(&mut h, "Drop those values too");
    let a = agreement(&h);
    let kept: Vec<Vec<&str>> = a
        .coalition_values
        .iter()
        .map(|c| c.parties.iter().map(NodeId::as_str).collect())
        .collect();
    assert_eq!(kept, [vec!["SRC"], vec!["HTZ"], vec!["SRC", "HTZ"]]);
    assert!(chainmap::sharing::benchmark::agreement_game(&a).is_ok());
    h.get_by_label("Fair split").click();
    h.run_steps(3);
    assert!(h.query_all_by_label("1300.00").count() >= 2);
}

#[test]
fn parties_roles_equity_capital_and_scope() {
    let mut h = sharing(Lang::En);
    click(&mut h, "Add party");
    let a = agreement(&h);
    assert_eq!(a.parties.len(), 4);
    assert_eq!(a.parties[3].node.as_str(), "CITY");
    assert_eq!(a.parties[3].role, PartyRole::Investor);
    choose(&mut h, "Role · 安康市", "Operator");
    type_into(&mut h, "Equity % · 安康市", "5");
    type_into(&mut h, "Capital · 安康市", "500.5");
    let p = &agreement(&h).parties[3];
    assert_eq!(
        (p.role, p.equity_pct, p.capital),
        (PartyRole::Operator, Some(dec("5")), Some(dec("500.5")))
    );
    // Text that is not a number is not written.
    type_into(&mut h, "Capital · 安康市", "五百");
    assert_eq!(agreement(&h).parties[3].capital, Some(dec("500.5")));
    // An emptied field clears the value.
    type_into(&mut h, "Capital · 安康市", "");
    assert_eq!(agreement(&h).parties[3].capital, None);
    // Equity no longer adds up to 100 %: said inline.
    let equity = "the parties' equity adds up to 105 %";
    assert!(h.query_all_by_label_contains(equity).count() >= 1);
    // Another node in the same row.
    choose(&mut h, "Party · 安康市", "岚皋–汉滨飞地产业园");
    assert_eq!(agreement(&h).parties[3].node.as_str(), "ENC");
    // Scope: the park's four firms and the park; add the cooperative.
    click(&mut h, "Firms and parks in scope (5)");
    h.run_steps(10);
    tick(&mut h, "岚皋魔芋专业合作社");
    let scope: Vec<String> = agreement(&h).scope.iter().map(|n| n.to_string()).collect();
    assert_eq!(scope, ["ENC", "F1", "F2", "F3", "F4", "F5"]);
    tick(&mut h, "岚皋魔芋食品公司");
    assert!(!agreement(&h).scope.contains(&NodeId::from("F1")));
}

#[test]
fn head_fields_name_years_and_note() {
    let mut h = sharing(Lang::En);
    type_into(&mut h, "Signed · 岚皋–汉滨飞地园区合作共建协议", "2018");
    type_into(&mut h, "Production · 岚皋–汉滨飞地园区合作共建协议", "2021");
    // Not a year: kept out.
    type_into(
        &mut h,
        "Production · 岚皋–汉滨飞地园区合作共建协议",
        "2021.5",
    );
    let a = agreement(&h);
    assert_eq!((a.signed_year, a.production_year), (Some(2018), Some(2021)));
    let note = "Note · 岚皋–汉滨飞地园区合作共建协议";
    click(&mut h, note);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(note).type_text("补充协议待签");
    h.run_steps(1);
    // A note has several lines: it is committed when the field is left.
    click(&mut h, "Agreement name");
    assert_eq!(agreement(&h).note, "补充协议待签");
}

/// Every kind of rule can be chosen for a phase, and each of its fields edited.
#[test]
fn every_rule_kind_and_its_fields() {
    let mut h = sharing(Lang::En);
    let (phase, title) = ("cs1", "留成税收 5:5(十年)");
    let field = |label: &str| format!("{label} · {title}");
    open_phase(&mut h, title);
    // Fixed shares: by party; a share table not adding up to 100 % is said inline.
    type_into(&mut h, &field("Share · 岚皋县"), "60");
    assert!(
        matches!(phase_rule(&h, phase), Rule::FixedShares { shares } if shares[0].pct == dec("60"))
    );
    shown(&h, "shares add up to 110 %, not 100 %");
    let rule_combo = field("Rule");
    // Fixed shares last: chosen again after another kind, it starts even.
    for kind in RuleKind::ALL
        .into_iter()
        .cycle()
        .skip(1)
        .take(RuleKind::ALL.len())
    {
        choose(&mut h, &rule_combo, kind.label(Lang::En));
        assert_eq!(phase_rule(&h, phase).kind(), kind);
        match kind {
            RuleKind::FixedShares => {
                let Rule::FixedShares { shares } = phase_rule(&h, phase) else {
                    unreachable!()
                };
                let pcts: Vec<String> = shares.iter().map(|s| s.pct.to_string()).collect();
                assert_eq!(pcts, ["33.34", "33.33", "33.33"], "even from the start");
            }
            RuleKind::AllTo => {
                choose(&mut h, &field("To"), "安康高新技术产业开发区");
                let Rule::AllTo { party } = phase_rule(&h, phase) else {
                    unreachable!()
                };
                assert_eq!(party.as_str(), "HTZ");
            }
            RuleKind::DoubleCount => {
                click(&mut h, &field("Counted by · 汉滨区"));
                let Rule::DoubleCount { parties } = phase_rule(&h, phase) else {
                    unreachable!()
                };
                assert_eq!(parties, [NodeId::from("SRC"), NodeId::from("HTZ")]);
            }
            RuleKind::Increment => increment_fields(&mut h, phase, title),
            RuleKind::Capped => capped_fields(&mut h, phase, title),
            RuleKind::Equity => {
                h.get_by_label("Split in proportion to the parties' equity");
            }
            RuleKind::FixedReturn => {
                type_into(&mut h, &field("Rate %"), "8");
                click(&mut h, &field("Paid to · 汉滨区"));
                choose(&mut h, &field("Paid by"), "汉滨区");
                let Rule::FixedReturn {
                    rate_pct,
                    recipients,
                    payer,
                    ..
                } = phase_rule(&h, phase)
                else {
                    unreachable!()
                };
                assert_eq!(rate_pct, dec("8"));
                assert_eq!(recipients, [NodeId::from("SRC"), NodeId::from("HOST")]);
                assert_eq!(payer.as_str(), "HOST");
            }
            RuleKind::PerUnit => per_unit_fields(&mut h, phase, title),
            // Its fields are driven in tests/agreement_terms_ui.rs.
            RuleKind::Payment => {
                h.get_by_label(&field("Each year"));
            }
        }
    }
}

fn increment_fields(h: &mut H, phase: &str, title: &str) {
    let field = |label: &str| format!("{label} · {title}");
    type_into(h, &field("Base"), "500");
    choose(h, &field("Base stays with"), "岚皋县");
    type_into(h, &field("Share · 汉滨区"), "40");
    let Rule::Increment {
        base,
        base_to,
        shares,
    } = phase_rule(h, phase)
    else {
        unreachable!()
    };
    assert_eq!(base, Base::Amount(dec("500")));
    assert_eq!(base_to.as_str(), "SRC");
    assert_eq!(shares[1].pct, dec("40"));
    choose(h, &field("Base kind"), "A year's figure");
    assert!(matches!(
        phase_rule(h, phase),
        Rule::Increment {
            base: Base::Year(2019),
            ..
        }
    ));
}

fn capped_fields(h: &mut H, phase: &str, title: &str) {
    let field = |label: &str| format!("{label} · {title}");
    choose(h, &field("Capped party"), "汉滨区");
    choose(h, &field("Then all to"), "岚皋县");
    choose(h, &field("Cap kind"), "A fixed amount");
    type_into(h, &field("Cap"), "4800");
    let Rule::Capped {
        capped_party,
        cap,
        remainder_to,
        extension_years,
        ..
    } = phase_rule(h, phase)
    else {
        unreachable!()
    };
    assert_eq!(capped_party.as_str(), "HOST");
    assert_eq!(remainder_to.as_str(), "SRC");
    assert_eq!(cap, Cap::Amount(dec("4800")));
    assert_eq!(extension_years, 0);
}

fn per_unit_fields(h: &mut H, phase: &str, title: &str) {
    let field = |label: &str| format!("{label} · {title}");
    type_into(h, &field("Per unit"), "3");
    type_into(h, &field("Units"), "20");
    type_into(h, &field("Unit"), "greenhouse");
    choose(h, &field("Paid by"), "汉滨区");
    choose(h, &field("Paid to"), "安康高新技术产业开发区");
    let Rule::PerUnit {
        payer,
        payee,
        per_unit,
        units,
        unit,
    } = phase_rule(h, phase)
    else {
        unreachable!()
    };
    assert_eq!(
        (
            payer.as_str(),
            payee.as_str(),
            per_unit,
            units,
            unit.as_str()
        ),
        ("HOST", "HTZ", dec("3"), dec("20"), "greenhouse")
    );
}

#[test]
fn phases_ledger_metric_start_years_added_and_deleted() {
    let mut h = sharing(Lang::En);
    let title = "留成税收 5:5(十年)";
    let field = |label: &str| format!("{label} · {title}");
    open_phase(&mut h, title);
    choose(&mut h, &field("Ledger"), "Corporate returns");
    choose(&mut h, &field("Metric"), "Profit");
    choose(&mut h, &field("Start kind"), "In year");
    click(&mut h, &field("Open-ended"));
    let p = agreement(&h).phases[5].clone();
    assert_eq!(p.ledger, chainmap::model::Ledger::Corporate);
    assert_eq!(p.metric, chainmap::model::Metric::Profit);
    assert_eq!(p.start, PhaseStart::Year(2019));
    assert_eq!(p.years, None);
    type_into(&mut h, &field("Phase name"), "留成税收");
    assert_eq!(agreement(&h).phases[5].name, "留成税收");
    let phases = agreement(&h).phases.len();
    click(&mut h, "Add phase");
    let a = agreement(&h);
    assert_eq!(a.phases.len(), phases + 1);
    let added = a.phases.last().unwrap();
    assert_eq!(added.id.as_str(), "p1");
    assert_eq!(added.rule.kind(), RuleKind::FixedShares);
    // Delete the phase just named (still unfolded: its header follows its id, not its title).
    h.get_by_label_contains("留成税收 · Corporate returns · Profit · 2019–");
    let delete = h
        .query_all_by_label("Delete this phase")
        .map(|n| n.rect())
        .collect::<Vec<_>>();
    assert_eq!(delete.len(), 1, "one phase unfolded");
    h.get_by_label("Delete this phase").click();
    h.run_steps(3);
    let ids: Vec<String> = agreement(&h)
        .phases
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(ids, ["stat", "kh1", "kh2", "kh3", "kh4", "qy1", "p1"]);
}

#[test]
fn costs_added_edited_split_and_removed() {
    let mut h = sharing(Lang::En);
    click(&mut h, "Add cost (shared by equity)");
    let a = agreement(&h);
    assert_eq!(a.costs.len(), 5);
    assert_eq!(
        (a.costs[4].name.as_str(), a.costs[4].year),
        ("Infrastructure", 2019)
    );
    type_into(&mut h, "Amount · Infrastructure", "880");
    choose(&mut h, "Cost kind · Infrastructure", "Subsidy");
    type_into(&mut h, "Cost name · Infrastructure", "招商补贴");
    choose(&mut h, "Split · 招商补贴", "By shares");
    type_into(&mut h, "Share · 岚皋县 · 招商补贴", "50");
    type_into(&mut h, "Share · 汉滨区 · 招商补贴", "16.66");
    let c = agreement(&h).costs[4].clone();
    assert_eq!(c.name, "招商补贴");
    assert_eq!(c.kind, chainmap::model::CostKind::Subsidy);
    assert_eq!(c.amount, dec("880"));
    let CostSplit::Shares(shares) = &c.split else {
        panic!("{:?}", c.split)
    };
    let pcts: Vec<String> = shares.iter().map(|s| s.pct.to_string()).collect();
    assert_eq!(pcts, ["50", "16.66", "33.33"]);
    // The schedule beside it shares the cost.
    h.get_by_label("2019 招商补贴");
    // Removing the first cost leaves the others' fields with them.
    click(&mut h, "Remove cost · 土地征收");
    let names: Vec<String> = agreement(&h).costs.iter().map(|c| c.name.clone()).collect();
    assert_eq!(
        names,
        ["场地平整", "园区道路与管网", "标准厂房", "招商补贴"]
    );
    assert_eq!(value(&h, "Amount · 场地平整"), "1200");
}

fn missing_shown(h: &H) {
    let missing = "coalition values missing: {汉滨区, 安康高新技术产业开发区}";
    assert!(h.query_all_by_label_contains(missing).count() >= 1);
}

#[test]
fn coalition_values_set_cleared_and_shown_as_problems() {
    let mut h = sharing(Lang::En);
    type_into(&mut h, "v({岚皋县})", "1300");
    let a = agreement(&h);
    assert_eq!(a.coalition_values[0].value, dec("1300"));
    // An emptied value is a coalition missing: said inline and in the Fair split tab.
    type_into(&mut h, "v({汉滨区, 安康高新技术产业开发区})", "");
    assert_eq!(agreement(&h).coalition_values.len(), 6);
    missing_shown(&h);
    h.get_by_label("Fair split").click();
    h.run_steps(3);
    missing_shown(&h);
    assert!(h.query_by_label("Shapley").is_none());
    h.get_by_label("Sharing").click();
    h.run_steps(3);
    type_into(&mut h, "v({汉滨区, 安康高新技术产业开发区})", "1200");
    let a = agreement(&h);
    let last = a.coalition_values.last().unwrap();
    assert_eq!(
        (last.parties.clone(), last.value),
        (vec![NodeId::from("HOST"), NodeId::from("HTZ")], dec("1200"))
    );
    h.get_by_label("Fair split").click();
    h.run_steps(3);
    assert!(h.query_all_by_label("Shapley").count() >= 1);
}

#[test]
fn new_and_deleted_agreements() {
    let mut h = sharing(Lang::En);
    click(&mut h, "Delete agreement");
    assert!(h.state().doc.project.agreements.is_empty());
    h.get_by_label("No agreement yet. Press “New agreement” to start.");
    click(&mut h, "New agreement");
    let p = &h.state().doc.project;
    let a = p.agreements.values().next().unwrap();
    assert_eq!((a.id.as_str(), a.name.as_str()), ("A1", "Agreement A1"));
    assert_eq!(a.party_ids(), [NodeId::from("SRC"), NodeId::from("HOST")]);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(agreement(&h).name, "岚皋–汉滨飞地园区合作共建协议");
}

#[test]
fn the_schedule_its_chart_and_its_csv() {
    let mut h = sharing(Lang::En);
    // Charts: a legend entry per party, and per party's cumulative line.
    h.get_by_role_and_label(Role::CheckBox, "岚皋县");
    h.get_by_role_and_label(Role::CheckBox, "汉滨区 cumulative");
    h.get_by_label("2020 园区道路与管网");
    let dir = tempfile::tempdir().unwrap();
    let read = |h: &mut H, name: &str| {
        let path = dir.path().join(name);
        h.state_mut().export_schedule(path.clone());
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text
            .strip_prefix('\u{feff}')
            .expect("a BOM for Excel")
            .to_owned();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (header, rows)
    };
    let (header, rows) = read(&mut h, "assessment.csv");
    assert_eq!(
        header,
        [
            "Year",
            "Ledger",
            "Metric",
            "Total",
            "岚皋县",
            "汉滨区",
            "安康高新技术产业开发区",
            "Note"
        ]
    );
    let by_year =
        |rows: &[Vec<String>], year: &str| rows.iter().find(|r| r[0] == year).cloned().unwrap();
    assert_eq!(
        by_year(&rows, "2024")[1..7],
        [
            "Assessment",
            "Output",
            "23600.00",
            "16520.00",
            "7080.00",
            ""
        ]
    );
    for r in &rows {
        let parts: Decimal = r[4..7]
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| dec(c))
            .sum();
        assert_eq!(parts, dec(&r[3]), "parts add up to the total in {r:?}");
    }
    // Another ledger chosen in the tab is the one exported.
    choose(&mut h, "Ledger and metric", "Fiscal · Tax");
    h.get_by_label("Schedule");
    let (_, rows) = read(&mut h, "fiscal.csv");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r[1] == "Fiscal" && r[2] == "Tax"));
    let first = &rows[0];
    assert_eq!(first[4], first[5], "5 : 5");
}

/// The Sharing tab with a phase unfolded, in Chinese.
#[test]
fn sharing_tab_snapshot() {
    let mut h = sharing(Lang::Zh);
    open_phase(&mut h, "考核:第六年起 7:3");
    h.get_by_label("规则 · 考核:第六年起 7:3").scroll_to_me();
    h.run_steps(8);
    h.remove_cursor();
    // The status bar names the opened file by its full path, which differs between checkouts.
    h.state_mut().ui.message = None;
    h.run_steps(2);
    h.snapshot("agreements_sharing_zh");
}

/// The Fair split tab, in English.
#[test]
fn fair_split_tab_snapshot() {
    let mut h = ankang(Lang::En);
    h.get_by_label("Fair split").click();
    h.run_steps(4);
    h.remove_cursor();
    // The status bar names the opened file by its full path, which differs between checkouts.
    h.state_mut().ui.message = None;
    h.run_steps(2);
    h.snapshot("agreements_fair_split_en");
}
