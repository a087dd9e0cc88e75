//! The costs an agreement shares (land, levelling, infrastructure, plant, subsidies): each
//! cost's name, kind, year (dragged), amount and how it is split, by equity or by shares per
//! party. A cost's fields are keyed by its own identity (`Agreement::cost_key`), not its row.

use super::form::{Form, combo, decimal_field, drag_field, field_name, text_field};
use crate::model::{CostItem, CostKind, CostSplit};
use egui::RichText;

/// Every cost, one row each, and a button to add one.
pub(super) fn costs_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    ui.label(RichText::new(form.pick("成本分担", "Shared costs")).strong());
    for (i, c) in a.costs.iter().enumerate() {
        ui.horizontal_wrapped(|ui| cost_row_ui(ui, form, i, c));
    }
    if ui
        .button(form.pick("添加费用(按股权分担)", "Add cost (shared by equity)"))
        .clicked()
    {
        let cost = a.new_cost(form.pick("基础设施", "Infrastructure"));
        form.change(move |a| a.costs.push(cost));
    }
}

/// A change of cost `i` (costs are removed only after the frame's other changes, so `i` still
/// points at it).
fn edit_cost(form: &mut Form<'_>, i: usize, f: impl FnOnce(&mut CostItem) + 'static) {
    form.change(move |a| {
        if let Some(c) = a.costs.get_mut(i) {
            f(c);
        }
    });
}

fn cost_row_ui(ui: &mut egui::Ui, form: &mut Form<'_>, i: usize, c: &CostItem) {
    let (a, lang) = (form.a, form.lang);
    let part = format!("cost:{}", a.cost_key(i));
    let item = c.name.as_str();
    let (key, name) = (
        form.key(&part, "name"),
        field_name(form.pick("费用名称", "Cost name"), item),
    );
    if let Some(text) = text_field(ui, form, &key, &c.name, 110.0, &name) {
        edit_cost(form, i, move |c| c.name = text);
    }
    let name = field_name(form.pick("费用类别", "Cost kind"), item);
    let kinds = |k: &CostKind| k.label(lang).to_owned();
    let salt = ("cost-kind", &a.id, &part);
    if let Some(kind) = combo(ui, salt, &c.kind, &CostKind::ALL, kinds, 90.0, &name) {
        edit_cost(form, i, move |c| c.kind = kind);
    }
    let (key, name) = (
        form.key(&part, "year"),
        field_name(form.pick("年份", "Year"), item),
    );
    if let Some(year) = drag_field(ui, &key, c.year, 1949..=2100, &name) {
        form.drag(&key, move |a| {
            if let Some(c) = a.costs.get_mut(i) {
                c.year = year;
            }
        });
    }
    let (key, name) = (
        form.key(&part, "amount"),
        field_name(form.pick("金额", "Amount"), item),
    );
    if let Some(v) = decimal_field(ui, form, &key, c.amount, 70.0, &name) {
        edit_cost(form, i, move |c| c.amount = v);
    }
    split_ui(ui, form, i, c, &part);
    let name = field_name(form.pick("移除费用", "Remove cost"), item);
    if ui
        .small_button("✕")
        .on_hover_text(form.pick("移除费用", "Remove cost"))
        .accessible_name(name)
        .clicked()
    {
        form.remove(move |a| {
            if i < a.costs.len() {
                a.costs.remove(i);
            }
        });
    }
}

/// By equity or by shares, and the shares, keyed by party.
fn split_ui(ui: &mut egui::Ui, form: &mut Form<'_>, i: usize, c: &CostItem, part: &str) {
    let (a, lang, item) = (form.a, form.lang, c.name.as_str());
    let by_equity = matches!(c.split, CostSplit::Equity);
    let mode_label = |by_equity: &bool| {
        if *by_equity {
            lang.pick("按股权", "By equity").to_owned()
        } else {
            lang.pick("按比例", "By shares").to_owned()
        }
    };
    let name = field_name(form.pick("分担方式", "Split"), item);
    let salt = ("cost-split", &a.id, part);
    if let Some(by_equity) = combo(
        ui,
        salt,
        &by_equity,
        &[true, false],
        mode_label,
        80.0,
        &name,
    ) {
        let split = if by_equity {
            CostSplit::Equity
        } else {
            a.even_cost_split()
        };
        edit_cost(form, i, move |c| c.split = split);
    }
    let CostSplit::Shares(shares) = &c.split else {
        return;
    };
    for share in shares {
        let party = form.name(&share.party);
        ui.label(&party);
        let key = form.key(&format!("{part}/share:{}", share.party), "pct");
        let name = format!(
            "{} · {item}",
            field_name(form.pick("比例", "Share"), &party)
        );
        if let Some(v) = decimal_field(ui, form, &key, share.pct, 45.0, &name) {
            let party = share.party.clone();
            edit_cost(form, i, move |c| {
                if let CostSplit::Shares(shares) = &mut c.split
                    && let Some(s) = shares.iter_mut().find(|s| s.party == party)
                {
                    s.pct = v;
                }
            });
        }
        ui.label("%");
    }
}
