//! The quota transfers of an agreement (issue 19, the quota ledger): 建设用地指标 and 耕地占补 in
//! 亩, 能耗指标 in 吨标准煤, moved from one party to another in a year, with an optional price per
//! unit that the receiver pays the giver in the fiscal or corporate ledger. Each edit is one
//! undo step; transfers are removed after the frame's other changes, so positions hold.

use super::form::{
    Form, combo, decimal_field, drag_field, field_name, number_field, optional_text_field,
};
use crate::model::{Metric, NodeId, QuotaTransfer, Settlement};
use egui::RichText;
use rust_decimal::Decimal;

/// Every transfer, one framed block each, and a button to add one.
pub(super) fn quotas_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    ui.separator();
    let title = format!(
        "{} ({})",
        form.pick(
            "指标交易(用地、耕地占补、能耗)",
            "Quota transfers (land, farmland, energy)"
        ),
        a.quotas.len()
    );
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("quotas", &a.id))
        .default_open(!a.quotas.is_empty())
        .show(ui, |ui| {
            for (i, q) in a.quotas.iter().enumerate() {
                ui.group(|ui| quota_ui(ui, form, i, q));
            }
            if a.parties.len() < 2 {
                ui.weak(form.pick("指标交易需要至少两个参与方", "A transfer needs two parties"));
            } else if ui
                .button(form.pick("添加指标交易", "Add quota transfer"))
                .clicked()
            {
                let q = a.new_quota();
                form.change(move |a| a.quotas.push(q));
            }
        });
}

/// A change of transfer `i`.
fn edit_quota(form: &mut Form<'_>, i: usize, f: impl FnOnce(&mut QuotaTransfer) + 'static) {
    form.change(move |a| {
        if let Some(q) = a.quotas.get_mut(i) {
            f(q);
        }
    });
}

/// One transfer: year, quota and amount; who gives and who receives; price and settlement;
/// note.
fn quota_ui(ui: &mut egui::Ui, form: &mut Form<'_>, i: usize, q: &QuotaTransfer) {
    let (a, lang) = (form.a, form.lang);
    let part = format!("quota:{i}");
    let item = format!("{} {} #{}", q.year, q.metric.label(lang), i + 1);
    ui.horizontal_wrapped(|ui| {
        let (key, name) = (
            form.key(&part, "year"),
            field_name(form.pick("年份", "Year"), &item),
        );
        if let Some(year) = drag_field(ui, &key, q.year, 1949..=2100, &name) {
            form.drag(&key, move |a| {
                if let Some(q) = a.quotas.get_mut(i) {
                    q.year = year;
                }
            });
        }
        let name = field_name(form.pick("指标种类", "Quota"), &item);
        let labels = |m: &Metric| m.label(lang).to_owned();
        let salt = ("quota-metric", &a.id, i);
        if let Some(m) = combo(ui, salt, &q.metric, &Metric::QUOTA, labels, 120.0, &name) {
            edit_quota(form, i, move |q| q.metric = m);
        }
        let (key, name) = (
            form.key(&part, "amount"),
            field_name(form.pick("数量", "Amount"), &item),
        );
        if let Some(v) = decimal_field(ui, form, &key, q.amount, 60.0, &name) {
            edit_quota(form, i, move |q| q.amount = v);
        }
        ui.label(q.metric.unit(lang).unwrap_or_default());
        let remove = field_name(form.pick("删除指标交易", "Delete transfer"), &item);
        if ui
            .small_button("✕")
            .on_hover_text(form.pick("删除这笔指标交易", "Delete this transfer"))
            .accessible_name(remove)
            .clicked()
        {
            form.remove(move |a| {
                if i < a.quotas.len() {
                    a.quotas.remove(i);
                }
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let (ids, project) = (a.party_ids(), form.project());
        let names = |p: &NodeId| project.node_name(p);
        let name = field_name(form.pick("转出方", "From"), &item);
        ui.label(form.pick("由", "From"));
        if let Some(p) = combo(
            ui,
            ("quota-from", &a.id, i),
            &q.from,
            &ids,
            names,
            110.0,
            &name,
        ) {
            edit_quota(form, i, move |q| q.from = p);
        }
        ui.label(form.pick("转给", "to"));
        let name = field_name(form.pick("转入方", "To"), &item);
        if let Some(p) = combo(ui, ("quota-to", &a.id, i), &q.to, &ids, names, 110.0, &name) {
            edit_quota(form, i, move |q| q.to = p);
        }
    });
    ui.horizontal_wrapped(|ui| price_ui(ui, form, i, q, &item));
    ui.horizontal(|ui| {
        ui.label(form.pick("备注", "Note"));
        let (key, name) = (
            form.key(&part, "note"),
            field_name(form.pick("备注", "Note"), &item),
        );
        if let Some(text) = optional_text_field(ui, form, &key, &q.note, 220.0, &name) {
            edit_quota(form, i, move |q| q.note = text);
        }
    });
}

/// The price per unit (empty: no payment) and the ledger the payment is booked in.
fn price_ui(ui: &mut egui::Ui, form: &mut Form<'_>, i: usize, q: &QuotaTransfer, item: &str) {
    let (a, lang) = (form.a, form.lang);
    let money = crate::i18n::money_unit(&form.project().meta.unit, lang);
    let per = q.metric.unit(lang).unwrap_or_default();
    ui.label(form.pick("单价", "Price"));
    let key = form.key(&format!("quota:{i}"), "price");
    let name = field_name(form.pick("单价", "Price"), item);
    if let Some(v) = number_field::<Decimal>(ui, form, &key, q.price, 60.0, &name) {
        edit_quota(form, i, move |q| q.price = v);
    }
    ui.label(format!("{money}/{per}"));
    match q.price {
        None => {
            ui.weak(form.pick("(留空:无偿调剂)", "(empty: no payment)"));
        }
        Some(price) => {
            ui.label(form.pick("结算于", "settled in"));
            let labels = |s: &Settlement| {
                match s {
                    Settlement::Fiscal => lang.pick("财税分成", "Fiscal"),
                    Settlement::Corporate => lang.pick("企业收益", "Corporate returns"),
                }
                .to_owned()
            };
            let name = field_name(form.pick("结算账目", "Settled in"), item);
            let options = [Settlement::Fiscal, Settlement::Corporate];
            let salt = ("quota-settle", &a.id, i);
            if let Some(s) = combo(ui, salt, &q.settle_in, &options, labels, 100.0, &name) {
                edit_quota(form, i, move |q| q.settle_in = s);
            }
            ui.weak(format!("= {:.2} {money}", price * q.amount));
        }
    }
}
