//! The fields of a payment rule (issue 19): who pays and who is paid (a province's increment
//! rebate comes from a party of role 上级财政), and the amount: a fixed sum each year of the
//! phase, or a percentage of the phase metric's increment above a base year's figure or a base
//! amount.

use super::form::{Form, combo, decimal_field, drag_field, field_name};
use super::phases::title;
use super::rules::{BaseKind, edit_rule, payer_payee_rows, rule_key};
use crate::model::{Base, DEFAULT_START_YEAR, PaymentAmount, Phase, Rule};
use rust_decimal::Decimal;

/// Whether a payment is a fixed sum or a share of the increment.
#[derive(Clone, Copy, PartialEq)]
enum AmountKind {
    Fixed,
    IncrementShare,
}

/// Payer, payee and amount, as rows of the phase's grid.
pub(super) fn payment_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let Rule::Payment {
        payer,
        payee,
        amount,
    } = &phase.rule
    else {
        return;
    };
    payer_payee_rows(ui, form, phase, (payer, payee), |r| match r {
        Rule::Payment { payer, payee, .. } => Some((payer, payee)),
        _ => None,
    });
    ui.label(form.pick("金额方式", "Amount"));
    amount_kind_ui(ui, form, phase, amount);
    ui.end_row();
    match amount {
        PaymentAmount::Fixed(v) => {
            let label = form.pick("每年金额", "Each year");
            ui.label(label);
            ui.horizontal(|ui| {
                let (key, name) = (
                    rule_key(form, phase, "amount"),
                    field_name(label, title(phase)),
                );
                if let Some(v) = decimal_field(ui, form, &key, *v, 80.0, &name) {
                    set_amount(form, phase, PaymentAmount::Fixed(v));
                }
                ui.weak(crate::i18n::money_unit(
                    &form.project().meta.unit,
                    form.lang,
                ));
            });
            ui.end_row();
        }
        PaymentAmount::IncrementShare { base, pct } => {
            increment_share_ui(ui, form, phase, base, *pct)
        }
    }
}

/// A fixed sum, or a share of the increment.
fn amount_kind_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase, amount: &PaymentAmount) {
    let lang = form.lang;
    let kind = match amount {
        PaymentAmount::Fixed(_) => AmountKind::Fixed,
        PaymentAmount::IncrementShare { .. } => AmountKind::IncrementShare,
    };
    let labels = |k: &AmountKind| match k {
        AmountKind::Fixed => lang.pick("固定金额", "A fixed sum").to_owned(),
        AmountKind::IncrementShare => lang
            .pick("增量的一定比例", "A share of the increment")
            .to_owned(),
    };
    let name = field_name(form.pick("金额方式", "Amount kind"), title(phase));
    let salt = ("payment-kind", &form.a.id, &phase.id);
    let options = [AmountKind::Fixed, AmountKind::IncrementShare];
    if let Some(kind) = combo(ui, salt, &kind, &options, labels, 150.0, &name) {
        let new = match kind {
            AmountKind::Fixed => PaymentAmount::Fixed(Decimal::ZERO),
            AmountKind::IncrementShare => PaymentAmount::IncrementShare {
                base: Base::Year(form.a.signed_year.unwrap_or(DEFAULT_START_YEAR)),
                pct: Decimal::ZERO,
            },
        };
        set_amount(form, phase, new);
    }
}

/// The increment's base (a year's figure, dragged, or an amount) and the percentage paid.
fn increment_share_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    phase: &Phase,
    base: &Base,
    pct: Decimal,
) {
    let (lang, item) = (form.lang, title(phase));
    ui.label(form.pick("基数", "Base"));
    ui.horizontal(|ui| {
        let kind = match base {
            Base::Year(_) => BaseKind::Year,
            Base::Amount(_) => BaseKind::Amount,
        };
        let labels = |k: &BaseKind| match k {
            BaseKind::Year => lang.pick("某年的数值", "A year's figure").to_owned(),
            BaseKind::Amount => lang.pick("固定数额", "A fixed amount").to_owned(),
        };
        let name = field_name(form.pick("基数类型", "Base kind"), item);
        let salt = ("payment-base-kind", &form.a.id, &phase.id);
        let options = [BaseKind::Year, BaseKind::Amount];
        if let Some(kind) = combo(ui, salt, &kind, &options, labels, 110.0, &name) {
            let base = match kind {
                BaseKind::Year => Base::Year(form.a.signed_year.unwrap_or(DEFAULT_START_YEAR)),
                BaseKind::Amount => Base::Amount(Decimal::ZERO),
            };
            set_amount(form, phase, PaymentAmount::IncrementShare { base, pct });
        }
        let name = field_name(form.pick("基数", "Base"), item);
        let key = rule_key(form, phase, "payment_base");
        match base {
            Base::Year(y) => {
                if let Some(y) = drag_field(ui, &key, *y, 1949..=2100, &name) {
                    let amount = PaymentAmount::IncrementShare {
                        base: Base::Year(y),
                        pct,
                    };
                    edit_rule(form, phase, Some(&key), move |r| put_amount(r, amount));
                }
            }
            Base::Amount(v) => {
                if let Some(v) = decimal_field(ui, form, &key, *v, 70.0, &name) {
                    let base = Base::Amount(v);
                    set_amount(form, phase, PaymentAmount::IncrementShare { base, pct });
                }
            }
        }
    });
    ui.end_row();
    let label = form.pick("增量的 %", "% of the increment");
    ui.label(label);
    let (key, name) = (
        rule_key(form, phase, "payment_pct"),
        field_name(label, item),
    );
    if let Some(v) = decimal_field(ui, form, &key, pct, 50.0, &name) {
        let base = base.clone();
        set_amount(form, phase, PaymentAmount::IncrementShare { base, pct: v });
    }
    ui.end_row();
}

/// Queues a new amount of the payment (a click or committed text: one undo step).
fn set_amount(form: &mut Form<'_>, phase: &Phase, new: PaymentAmount) {
    edit_rule(form, phase, None, move |r| put_amount(r, new));
}

fn put_amount(rule: &mut Rule, new: PaymentAmount) {
    if let Rule::Payment { amount, .. } = rule {
        *amount = new;
    }
}
