//! Issue 19's agreement terms edited headless with egui_kittest at 1366×768, in Chinese and
//! English: a fiscal phase's tax basis and per-firm switch, the payment rule, quota transfers,
//! a group party's members, the fair split's ledgers and the tax-sharing grid of Project
//! properties. Every gesture is one undo step.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::i18n::Lang;
use chainmap::model::{
    Agreement, AgreementId, Base, Ledger, PaymentAmount, Phase, Rule, TaxBasis, TaxType,
};
use chainmap::ui::ChainmapApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;
use std::path::PathBuf;

type H = Harness<'static, ChainmapApp>;

/// The 安康 sample at a laptop's size, with the analysis panel open on `tab`.
fn ankang(lang: Lang, tab: (&str, &str)) -> H {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample_projects")
        .join("ankang-enclave.chainmap.json");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1366.0, 768.0))
        .with_theme(egui::Theme::Light)
        .build_eframe(move |cc| ChainmapApp::with_data_dir(cc, Some(path), Some(lang), None));
    h.run_steps(3);
    h.state_mut().ui.settings.show_analysis = true;
    h.run_steps(3);
    h.get_by_label(lang.pick(tab.0, tab.1)).click();
    h.run_steps(3);
    h
}

fn sharing(lang: Lang) -> H {
    ankang(lang, ("协议分成", "Sharing"))
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

fn show(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(8);
}

fn click(h: &mut H, label: &str) {
    show(h, label);
    h.get_by_label(label).click();
    h.run_steps(3);
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

/// Opens the combo box `combo` and picks `option` (the one nearest under the combo).
fn choose(h: &mut H, combo: &str, option: &str) {
    click(h, combo);
    // A long list scrolls inside its popup.
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

fn tick(h: &mut H, label: &str) {
    h.get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    h.run_steps(8);
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run_steps(3);
}

fn type_into(h: &mut H, label: &str, text: &str) {
    click(h, label);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
}

/// Unfolds the header whose label starts with `prefix`.
fn unfold(h: &mut H, prefix: &str) {
    h.get_by_label_contains(prefix).scroll_to_me();
    h.run_steps(8);
    h.get_by_label_contains(prefix).click();
    h.run_steps(10);
}

/// Adds a phase (fiscal tax, the agreement's new-phase default) and unfolds it; its id.
fn new_phase(h: &mut H, lang: Lang) -> String {
    let before: Vec<String> = agreement(h)
        .phases
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    click(h, lang.pick("添加阶段", "Add phase"));
    let p = agreement(h)
        .phases
        .into_iter()
        .find(|p| !before.contains(&p.id.to_string()))
        .expect("a phase was added");
    unfold(h, &format!("{} · ", p.id));
    p.id.to_string()
}

fn phase(h: &H, id: &str) -> Phase {
    agreement(h)
        .phases
        .into_iter()
        .find(|p| p.id.as_str() == id)
        .unwrap()
}

fn field(label: &str, item: &str) -> String {
    format!("{label} · {item}")
}

#[test]
fn a_new_fiscal_phase_splits_the_local_part_and_its_basis_is_one_step() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sharing(lang);
        let id = new_phase(&mut h, lang);
        assert_eq!(phase(&h, &id).basis, TaxBasis::LocalRetained, "{lang:?}");
        let steps = depth(&h);
        choose(
            &mut h,
            &field(lang.pick("税基", "Tax basis"), &id),
            TaxBasis::CountyRetained.label(lang),
        );
        assert_eq!(phase(&h, &id).basis, TaxBasis::CountyRetained);
        assert_eq!(depth(&h), steps + 1, "one choice, one undo step");
        undo(&mut h);
        assert_eq!(phase(&h, &id).basis, TaxBasis::LocalRetained);
        // Moving the phase to the assessment ledger takes the basis away, and the field.
        choose(
            &mut h,
            &field(lang.pick("账目", "Ledger"), &id),
            Ledger::Assessment.label(lang),
        );
        assert_eq!(phase(&h, &id).basis, TaxBasis::Total);
        assert!(
            h.query_by_label(&field(lang.pick("税基", "Tax basis"), &id))
                .is_none()
        );
    }
}

#[test]
fn the_taxes_counted_are_ticked_one_step_each_and_the_last_stays() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sharing(lang);
        let id = new_phase(&mut h, lang);
        assert!(phase(&h, &id).tax_types.is_empty(), "every tax by default");
        let steps = depth(&h);
        // 92号 counts VAT and CIT only: clear "other taxes".
        tick(&mut h, &field(TaxType::OtherTax.label(lang), &id));
        assert_eq!(phase(&h, &id).tax_types, [TaxType::Vat, TaxType::Cit]);
        assert_eq!(depth(&h), steps + 1, "one tick, one undo step");
        tick(&mut h, &field(TaxType::Cit.label(lang), &id));
        assert_eq!(phase(&h, &id).tax_types, [TaxType::Vat]);
        // The last one cannot be cleared: a phase counting no tax would split nothing.
        tick(&mut h, &field(TaxType::Vat.label(lang), &id));
        assert_eq!(phase(&h, &id).tax_types, [TaxType::Vat]);
        assert_eq!(depth(&h), steps + 2);
        // Ticking all again is stored as "every tax".
        tick(&mut h, &field(TaxType::Cit.label(lang), &id));
        tick(&mut h, &field(TaxType::OtherTax.label(lang), &id));
        assert!(phase(&h, &id).tax_types.is_empty());
        undo(&mut h);
        assert_eq!(phase(&h, &id).tax_types, [TaxType::Vat, TaxType::Cit]);
    }
}

#[test]
fn quotas_are_not_offered_as_a_phase_ledger() {
    let mut h = sharing(Lang::Zh);
    let id = new_phase(&mut h, Lang::Zh);
    click(&mut h, &field("账目", &id));
    assert!(h.query_by_label("指标交易").is_none());
    assert!(h.query_by_label("考核").is_some());
}

#[test]
fn the_per_firm_switch_is_one_step_and_unfolds_the_firms_years() {
    let lang = Lang::En;
    let mut h = sharing(lang);
    let id = new_phase(&mut h, lang);
    let steps = depth(&h);
    tick(&mut h, &field("Per firm", &id));
    assert!(phase(&h, &id).per_firm);
    assert_eq!(depth(&h), steps + 1);
    // The firms' own years are edited in their table, one step an edit.
    let firm = agreement(&h)
        .scope
        .iter()
        .find(|n| h.state().doc.project.nodes[*n].kind.is_enterprise_like())
        .cloned()
        .unwrap();
    let name = h.state().doc.project.node_name(&firm);
    type_into(&mut h, &field("Moved", &name), "2017");
    assert_eq!(agreement(&h).firm_years(&firm).0, Some(2017));
    assert_eq!(depth(&h), steps + 2);
    undo(&mut h);
    assert!(agreement(&h).anchors.is_empty());
    undo(&mut h);
    assert!(!phase(&h, &id).per_firm);
}

#[test]
fn the_payment_rule_is_edited_field_by_field() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sharing(lang);
        let id = new_phase(&mut h, lang);
        choose(
            &mut h,
            &field(lang.pick("规则", "Rule"), &id),
            lang.pick("上级或第三方支付", "Payment from a payer"),
        );
        assert!(matches!(phase(&h, &id).rule, Rule::Payment { .. }));
        let steps = depth(&h);
        type_into(
            &mut h,
            &field(lang.pick("每年金额", "Each year"), &id),
            "300",
        );
        let Rule::Payment { amount, .. } = phase(&h, &id).rule else {
            unreachable!()
        };
        assert_eq!(amount, PaymentAmount::Fixed(dec("300")));
        assert_eq!(depth(&h), steps + 1);
        choose(
            &mut h,
            &field(lang.pick("金额方式", "Amount kind"), &id),
            lang.pick("增量的一定比例", "A share of the increment"),
        );
        type_into(
            &mut h,
            &field(lang.pick("增量的 %", "% of the increment"), &id),
            "20",
        );
        let Rule::Payment { amount, payer, .. } = phase(&h, &id).rule else {
            unreachable!()
        };
        let PaymentAmount::IncrementShare { base, pct } = amount else {
            panic!("a share of the increment: {amount:?}")
        };
        assert_eq!(pct, dec("20"));
        assert!(matches!(base, Base::Year(_)));
        assert_eq!(depth(&h), steps + 3);
        // Who pays: any party.
        let host = agreement(&h).parties[1].node.clone();
        let host_name = h.state().doc.project.node_name(&host);
        let first = agreement(&h).parties[0].node.clone();
        let first_name = h.state().doc.project.node_name(&first);
        let to = if payer == first {
            host_name
        } else {
            first_name
        };
        choose(&mut h, &field(lang.pick("支付方", "Paid by"), &id), &to);
        let Rule::Payment { payer: now, .. } = phase(&h, &id).rule else {
            unreachable!()
        };
        assert_ne!(now, payer);
    }
}

#[test]
fn a_fixed_return_can_rise_each_year() {
    let mut h = sharing(Lang::Zh);
    let id = new_phase(&mut h, Lang::Zh);
    choose(&mut h, &field("规则", &id), "固定回报");
    type_into(&mut h, &field("每年递增 %", &id), "3");
    let Rule::FixedReturn { escalation_pct, .. } = phase(&h, &id).rule else {
        unreachable!()
    };
    assert_eq!(escalation_pct, Some(dec("3")));
    type_into(&mut h, &field("每年递增 %", &id), "");
    let Rule::FixedReturn { escalation_pct, .. } = phase(&h, &id).rule else {
        unreachable!()
    };
    assert_eq!(escalation_pct, None, "emptied: no rise");
}

#[test]
fn a_quota_transfer_is_added_and_its_amount_typed() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sharing(lang);
        let before = agreement(&h).quotas.len();
        unfold(
            &mut h,
            lang.pick("指标交易(用地、耕地占补、能耗)", "Quota transfers"),
        );
        let steps = depth(&h);
        click(&mut h, lang.pick("添加指标交易", "Add quota transfer"));
        let a = agreement(&h);
        assert_eq!(a.quotas.len(), before + 1);
        assert_eq!(depth(&h), steps + 1);
        let q = a.quotas.last().unwrap();
        let item = format!("{} {} #{}", q.year, q.metric.label(lang), before + 1);
        type_into(&mut h, &field(lang.pick("数量", "Amount"), &item), "120");
        assert_eq!(agreement(&h).quotas[before].amount, dec("120"));
        assert_eq!(depth(&h), steps + 2);
        // The unit is shown beside the amount.
        assert!(h.query_all_by_label(lang.pick("亩", "mu")).count() >= 1);
        type_into(&mut h, &field(lang.pick("单价", "Price"), &item), "15");
        assert_eq!(agreement(&h).quotas[before].price, Some(dec("15")));
        undo(&mut h);
        undo(&mut h);
        assert_eq!(agreement(&h).quotas[before].amount, Decimal::ZERO);
        click(
            &mut h,
            &field(lang.pick("删除指标交易", "Delete transfer"), &item),
        );
        assert_eq!(agreement(&h).quotas.len(), before);
    }
}

#[test]
fn a_party_gets_members_and_their_sum_is_checked() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = sharing(lang);
        let party = agreement(&h).parties[0].node.clone();
        let name = h.state().doc.project.node_name(&party);
        unfold(
            &mut h,
            lang.pick("成员(集体参与方)", "Members (group parties)"),
        );
        let steps = depth(&h);
        click(&mut h, &field(lang.pick("添加成员", "Add member"), &name));
        let members = agreement(&h).parties[0].members.clone();
        assert_eq!(members.len(), 1);
        assert_eq!(
            members[0].share_pct,
            Decimal::ONE_HUNDRED,
            "the first takes all"
        );
        assert_eq!(depth(&h), steps + 1);
        let item = format!("{name} / {}", members[0].name);
        type_into(
            &mut h,
            &field(lang.pick("成员比例", "Member share"), &item),
            "60",
        );
        assert_eq!(agreement(&h).parties[0].members[0].share_pct, dec("60"));
        // 60 % is not all of it: the sum says so.
        assert!(h.query_all_by_label_contains("60%").count() >= 1);
        click(&mut h, &field(lang.pick("添加成员", "Add member"), &name));
        let members = agreement(&h).parties[0].members.clone();
        assert_eq!(
            members[1].share_pct,
            dec("40"),
            "the second takes what is left"
        );
        type_into(
            &mut h,
            &field(lang.pick("成员名称", "Member name"), &item),
            "村集体甲",
        );
        assert_eq!(agreement(&h).parties[0].members[0].name, "村集体甲");
        assert_eq!(depth(&h), steps + 4);
    }
}

#[test]
fn the_fair_split_is_judged_on_the_ledgers_ticked() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = ankang(lang, ("公平分成", "Fair split"));
        assert!(
            agreement(&h).fair_ledgers.is_empty(),
            "all three by default"
        );
        let corporate = format!(
            "{} · {}",
            lang.pick("评判账目", "Judged on"),
            Ledger::Corporate.label(lang)
        );
        let steps = depth(&h);
        tick(&mut h, &corporate);
        assert_eq!(agreement(&h).fair_ledgers, [Ledger::Fiscal, Ledger::Quota]);
        assert_eq!(depth(&h), steps + 1);
        tick(&mut h, &corporate);
        assert!(agreement(&h).fair_ledgers.is_empty(), "all three again");
        undo(&mut h);
        assert_eq!(agreement(&h).fair_ledgers, [Ledger::Fiscal, Ledger::Quota]);
    }
}

/// Opens Project properties (its tax-sharing part is unfolded).
fn tax_sharing_dialog(h: &mut H, lang: Lang) {
    h.get_by_role_and_label(Role::Button, lang.pick("项目属性…", "Project Properties…"))
        .click();
    h.run_steps(3);
    assert!(h.state().project_dialog.open);
    h.get_by_label_contains(lang.pick("税收分享", "Tax sharing"));
}

fn type_cell(h: &mut H, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.event(egui::Event::Text(text.to_owned()));
    h.run_steps(4);
}

#[test]
fn the_tax_sharing_grid_is_one_ok_and_cancel_changes_nothing() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = ankang(lang, ("协议分成", "Sharing"));
        let (vat, province, county) = (
            lang.pick("增值税", "VAT"),
            lang.pick("省级", "Province"),
            lang.pick("县级", "County"),
        );
        let before = h.state().doc.project.meta.tax_sharing.clone();
        let steps = depth(&h);
        tax_sharing_dialog(&mut h, lang);
        type_cell(&mut h, &format!("{vat} · {province}"), "15");
        // 50 + 15 + 0 + 50 is not 100: OK waits and says why.
        h.get_by_label(lang.pick("确定", "OK")).click();
        h.run_steps(3);
        assert!(h.state().project_dialog.open);
        assert!(
            h.query_all_by_label_contains(lang.pick("合计应为 100%", "must add up to 100"))
                .count()
                >= 1
        );
        assert_eq!(depth(&h), steps);
        let county_now = 100 - 50 - 15 - before.vat.city.to_string().parse::<i64>().unwrap();
        type_cell(
            &mut h,
            &format!("{vat} · {county}"),
            &county_now.to_string(),
        );
        h.get_by_label(lang.pick("确定", "OK")).click();
        h.run_steps(3);
        assert!(!h.state().project_dialog.open);
        let after = h.state().doc.project.meta.tax_sharing.clone();
        assert_eq!(after.vat.province, dec("15"));
        assert_eq!(after.vat.county, Decimal::from(county_now));
        assert_eq!(depth(&h), steps + 1, "one OK, one undo step");
        undo(&mut h);
        assert_eq!(h.state().doc.project.meta.tax_sharing, before);
        // Cancel leaves everything as it was.
        tax_sharing_dialog(&mut h, lang);
        type_cell(&mut h, &format!("{vat} · {province}"), "20");
        h.get_by_label(lang.pick("取消", "Cancel")).click();
        h.run_steps(3);
        assert!(!h.state().project_dialog.open);
        assert_eq!(h.state().doc.project.meta.tax_sharing, before);
    }
}
