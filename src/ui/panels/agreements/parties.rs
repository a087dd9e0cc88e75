//! The parties of an agreement (node, role, equity, capital), adding and removing them, and
//! the firms and parks in its scope. Removing a party that coalition values name asks first
//! whether those values go too.

use super::form::{Form, combo, field_name, number_field};
use crate::model::{NodeId, Party, PartyRole, party_candidates, scope_candidates};
use crate::ui::theme;
use egui::RichText;
use rust_decimal::Decimal;

/// The parties' table, the prompt of a removal waiting for an answer, and the scope.
pub(super) fn parties_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    ui.label(RichText::new(form.pick("参与方", "Parties")).strong());
    let candidates = party_candidates(form.project());
    egui::Grid::new(("parties", &a.id))
        .num_columns(5)
        .show(ui, |ui| {
            ui.weak(form.pick("节点", "Node"));
            ui.weak(form.pick("角色", "Role"));
            ui.weak(form.pick("股权%", "Equity %"));
            ui.weak(form.pick("出资", "Capital"));
            ui.end_row();
            for p in &a.parties {
                party_row_ui(ui, form, p, &candidates);
                ui.end_row();
            }
        });
    removal_prompt_ui(ui, form);
    if let Some(party) = a.next_party(form.project())
        && ui.button(form.pick("添加参与方", "Add party")).clicked()
    {
        form.change(move |a| a.parties.push(party));
    }
    scope_ui(ui, form);
}

/// One party: its node, role, equity and capital, and a button to take it out.
fn party_row_ui(ui: &mut egui::Ui, form: &mut Form<'_>, p: &Party, candidates: &[NodeId]) {
    let (a, project) = (form.a, form.project());
    let name = form.name(&p.node);
    let node_label = field_name(form.pick("参与方", "Party"), &name);
    let salt = (&a.id, &p.node);
    let names = |id: &NodeId| project.node_name(id);
    if let Some(node) = combo(
        ui,
        ("party", salt),
        &p.node,
        candidates,
        names,
        150.0,
        &node_label,
    ) {
        form.change_party(&p.node, move |p| p.node = node);
    }
    let role_label = field_name(form.pick("角色", "Role"), &name);
    let lang = form.lang;
    let roles = |r: &PartyRole| r.label(lang).to_owned();
    if let Some(role) = combo(
        ui,
        ("role", salt),
        &p.role,
        &PartyRole::ALL,
        roles,
        90.0,
        &role_label,
    ) {
        form.change_party(&p.node, move |p| p.role = role);
    }
    let part = format!("party:{}", p.node);
    let (key, label) = (
        form.key(&part, "equity_pct"),
        field_name(form.pick("股权%", "Equity %"), &name),
    );
    if let Some(v) = number_field::<Decimal>(ui, form, &key, p.equity_pct, 50.0, &label) {
        form.change_party(&p.node, move |p| p.equity_pct = v);
    }
    let (key, label) = (
        form.key(&part, "capital"),
        field_name(form.pick("出资", "Capital"), &name),
    );
    if let Some(v) = number_field::<Decimal>(ui, form, &key, p.capital, 80.0, &label) {
        form.change_party(&p.node, move |p| p.capital = v);
    }
    let remove = field_name(form.pick("移除参与方", "Remove party"), &name);
    if ui
        .small_button("✕")
        .on_hover_text(form.pick("移除参与方", "Remove party"))
        .accessible_name(remove)
        .clicked()
    {
        if a.values_naming(&p.node) > 0 {
            *form.removing = Some((a.id.clone(), p.node.clone()));
        } else {
            let node = p.node.clone();
            form.remove(move |a| a.remove_party(&node, false));
        }
    }
}

/// Asks whether the coalition values naming the party being removed go with it. Either answer
/// is one undo step; kept values stay flagged as a problem until they are fixed.
fn removal_prompt_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    let Some(node) = form
        .removing
        .as_ref()
        .filter(|(id, node)| *id == a.id && a.party(node).is_some())
        .map(|(_, node)| node.clone())
    else {
        return;
    };
    let (count, name) = (a.values_naming(&node), form.name(&node));
    ui.group(|ui| {
        ui.colored_label(
            theme::WARNING,
            match form.lang {
                crate::i18n::Lang::Zh => format!("有 {count} 个联盟价值含有“{name}”。移除它时:"),
                crate::i18n::Lang::En => {
                    format!("{count} coalition values name \"{name}\". When it is removed:")
                }
            },
        );
        ui.horizontal_wrapped(|ui| {
            let mut answer = None;
            if ui
                .button(form.pick("一并删除这些联盟价值", "Drop those values too"))
                .clicked()
            {
                answer = Some(true);
            }
            if ui
                .button(form.pick("保留(留待修改)", "Keep them (to fix later)"))
                .on_hover_text(form.pick(
                    "保留的联盟价值会标为问题,公平分成在修正前不计算",
                    "Kept values are flagged as a problem; no fair split until they are fixed",
                ))
                .clicked()
            {
                answer = Some(false);
            }
            if ui.button(form.pick("取消", "Cancel")).clicked() {
                *form.removing = None;
            }
            if let Some(drop_values) = answer {
                *form.removing = None;
                form.remove(move |a| a.remove_party(&node, drop_values));
            }
        });
    });
}

/// The firms and parks whose figures the agreement splits, as checkboxes.
fn scope_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    let title = format!(
        "{} ({})",
        form.pick("范围内企业和园区", "Firms and parks in scope"),
        a.scope.len()
    );
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("scope", &a.id))
        .show(ui, |ui| {
            for n in scope_candidates(form.project()) {
                let mut on = a.scope.contains(&n.id);
                if ui.checkbox(&mut on, &n.name).changed() {
                    let id = n.id.clone();
                    form.change(move |a| {
                        a.scope.retain(|s| s != &id);
                        if on {
                            a.scope.push(id);
                            a.scope.sort();
                        }
                    });
                }
            }
        });
}
