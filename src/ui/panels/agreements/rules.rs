//! The fields of a phase's rule, for every kind of rule: shares by party, the party everything
//! goes to, the parties who double count, an increment's base, a cap and its extension, a fixed
//! return's rate and recipients, a payment per unit. Shares are keyed by party, so taking a
//! party out moves no typed text onto another.

use super::form::{
    Form, combo, decimal_field, drag_field, field_name, number_field, optional_text_field,
};
use super::phases::title;
use crate::model::{Base, Cap, DEFAULT_START_YEAR, NodeId, Phase, Rule, Share};
use crate::ui::widgets::draft::DraftKey;
use rust_decimal::Decimal;

/// The rule's fields, as rows of the phase's grid (so their labels and fields line up with the
/// phase's own).
pub(super) fn rule_rows_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    match &phase.rule {
        Rule::Payment { .. } => super::payment::payment_ui(ui, form, phase),
        Rule::FixedShares { shares } => {
            ui.label(form.pick("比例", "Shares"));
            ui.vertical(|ui| shares_ui(ui, form, phase, shares));
            ui.end_row();
        }
        Rule::AllTo { party } => {
            let label = form.pick("归属", "To");
            ui.label(label);
            if let Some(p) = party_combo(ui, form, phase, label, party) {
                edit_rule(form, phase, None, move |r| {
                    if let Rule::AllTo { party } = r {
                        *party = p;
                    }
                });
            }
            ui.end_row();
        }
        Rule::DoubleCount { parties } => {
            let label = form.pick("计入方", "Counted by");
            ui.label(label);
            ui.vertical(|ui| {
                if let Some(counted) = party_checkboxes(ui, form, phase, label, parties) {
                    edit_rule(form, phase, None, move |r| {
                        if let Rule::DoubleCount { parties } = r {
                            *parties = counted;
                        }
                    });
                }
            });
            ui.end_row();
        }
        Rule::Increment {
            base,
            base_to,
            shares,
        } => {
            increment_ui(ui, form, phase, base, base_to, shares);
        }
        Rule::Capped { .. } => capped_ui(ui, form, phase),
        Rule::Equity => {
            ui.label("");
            ui.weak(form.pick(
                "按参与方股权比例分配",
                "Split in proportion to the parties' equity",
            ));
            ui.end_row();
        }
        Rule::FixedReturn { .. } => fixed_return_ui(ui, form, phase),
        Rule::PerUnit { .. } => per_unit_ui(ui, form, phase),
    }
}

/// Queues a change of the phase's rule (by a drag of `drag`, or a click or committed text).
pub(super) fn edit_rule(
    form: &mut Form<'_>,
    phase: &Phase,
    drag: Option<&DraftKey>,
    f: impl FnOnce(&mut Rule) + 'static,
) {
    form.change_phase(&phase.id, drag, move |p| f(&mut p.rule));
}

/// The key of a field of the phase's rule.
pub(super) fn rule_key(form: &Form<'_>, phase: &Phase, field: &str) -> DraftKey {
    form.key(&format!("phase:{}", phase.id), &format!("rule.{field}"))
}

/// The shares a rule splits by, whichever kind of rule has them.
fn shares_mut(rule: &mut Rule) -> Option<&mut Vec<Share>> {
    match rule {
        Rule::FixedShares { shares }
        | Rule::Increment { shares, .. }
        | Rule::Capped { shares, .. } => Some(shares),
        Rule::AllTo { .. }
        | Rule::DoubleCount { .. }
        | Rule::Equity
        | Rule::FixedReturn { .. }
        | Rule::PerUnit { .. }
        | Rule::Payment { .. } => None,
    }
}

/// One percentage field a party, keyed by the party.
fn shares_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase, shares: &[Share]) {
    for share in shares {
        ui.horizontal(|ui| {
            let name = form.name(&share.party);
            ui.label(&name);
            let key = form.key(&format!("phase:{}/share:{}", phase.id, share.party), "pct");
            let label = format!(
                "{} · {}",
                field_name(form.pick("比例", "Share"), &name),
                title(phase)
            );
            if let Some(v) = decimal_field(ui, form, &key, share.pct, 50.0, &label) {
                let party = share.party.clone();
                edit_rule(form, phase, None, move |r| {
                    if let Some(s) =
                        shares_mut(r).and_then(|s| s.iter_mut().find(|s| s.party == party))
                    {
                        s.pct = v;
                    }
                });
            }
            ui.label("%");
        });
    }
}

/// A choice of one of the agreement's parties.
pub(super) fn party_combo(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    phase: &Phase,
    label: &str,
    current: &NodeId,
) -> Option<NodeId> {
    let (a, project) = (form.a, form.project());
    let name = field_name(label, title(phase));
    let names = |p: &NodeId| project.node_name(p);
    let salt = (label, &a.id, &phase.id);
    combo(ui, salt, current, &a.party_ids(), names, 120.0, &name)
}

/// A checkbox a party; the new list when one is ticked or cleared.
fn party_checkboxes(
    ui: &mut egui::Ui,
    form: &Form<'_>,
    phase: &Phase,
    label: &str,
    ticked: &[NodeId],
) -> Option<Vec<NodeId>> {
    let mut changed = None;
    for p in form.a.party_ids() {
        let name = form.name(&p);
        let mut on = ticked.contains(&p);
        let access = format!("{} · {}", field_name(label, &name), title(phase));
        if ui.checkbox(&mut on, name).accessible_name(access).changed() {
            let mut list = ticked.to_vec();
            if on {
                list.push(p);
            } else {
                list.retain(|c| *c != p);
            }
            changed = Some(list);
        }
    }
    changed
}

/// Whether an increment's base (or a cap) is a year's figure or an amount.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum BaseKind {
    Year,
    Amount,
}

fn increment_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    phase: &Phase,
    base: &Base,
    base_to: &NodeId,
    shares: &[Share],
) {
    let (lang, item) = (form.lang, title(phase));
    ui.label(form.pick("基数", "Base"));
    ui.horizontal(|ui| {
        let kind = match base {
            Base::Year(_) => BaseKind::Year,
            Base::Amount(_) => BaseKind::Amount,
        };
        let label = |k: &BaseKind| match k {
            BaseKind::Year => lang.pick("某年的数值", "A year's figure").to_owned(),
            BaseKind::Amount => lang.pick("固定数额", "A fixed amount").to_owned(),
        };
        let name = field_name(form.pick("基数类型", "Base kind"), item);
        let options = [BaseKind::Year, BaseKind::Amount];
        let salt = ("base-kind", &form.a.id, &phase.id);
        if let Some(kind) = combo(ui, salt, &kind, &options, label, 110.0, &name) {
            let year = form.a.signed_year.unwrap_or(DEFAULT_START_YEAR);
            let new = match kind {
                BaseKind::Year => Base::Year(year),
                BaseKind::Amount => Base::Amount(Decimal::ZERO),
            };
            edit_rule(form, phase, None, move |r| set_base(r, new));
        }
        let name = field_name(form.pick("基数", "Base"), item);
        let key = rule_key(form, phase, "base");
        match base {
            Base::Year(y) => {
                if let Some(y) = drag_field(ui, &key, *y, 1949..=2100, &name) {
                    edit_rule(form, phase, Some(&key), move |r| set_base(r, Base::Year(y)));
                }
            }
            Base::Amount(v) => {
                if let Some(v) = decimal_field(ui, form, &key, *v, 70.0, &name) {
                    edit_rule(form, phase, None, move |r| set_base(r, Base::Amount(v)));
                }
            }
        }
    });
    ui.end_row();
    let label = form.pick("基数归属", "Base stays with");
    ui.label(label);
    if let Some(p) = party_combo(ui, form, phase, label, base_to) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::Increment { base_to, .. } = r {
                *base_to = p;
            }
        });
    }
    ui.end_row();
    ui.label(form.pick("增量比例", "Increment shares"));
    ui.vertical(|ui| shares_ui(ui, form, phase, shares));
    ui.end_row();
}

fn set_base(rule: &mut Rule, new: Base) {
    if let Rule::Increment { base, .. } = rule {
        *base = new;
    }
}

/// Shares until one party has received the cap, the rest to another, and the extension.
fn capped_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let Rule::Capped {
        shares,
        capped_party,
        cap,
        remainder_to,
        extension_years,
    } = &phase.rule
    else {
        return;
    };
    ui.label(form.pick("比例", "Shares"));
    ui.vertical(|ui| shares_ui(ui, form, phase, shares));
    ui.end_row();
    let label = form.pick("封顶方", "Capped party");
    ui.label(label);
    if let Some(p) = party_combo(ui, form, phase, label, capped_party) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::Capped { capped_party, .. } = r {
                *capped_party = p;
            }
        });
    }
    ui.end_row();
    ui.label(form.pick("封顶额", "Cap"));
    ui.horizontal(|ui| cap_ui(ui, form, phase, cap));
    ui.end_row();
    let label = form.pick("超出部分归", "Then all to");
    ui.label(label);
    if let Some(p) = party_combo(ui, form, phase, label, remainder_to) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::Capped { remainder_to, .. } = r {
                *remainder_to = p;
            }
        });
    }
    ui.end_row();
    let label = form.pick("未达封顶延期年数", "Extension years");
    ui.label(label);
    let key = rule_key(form, phase, "extension_years");
    let name = field_name(label, title(phase));
    if let Some(n) = drag_field(ui, &key, *extension_years, 0..=10, &name) {
        edit_rule(form, phase, Some(&key), move |r| {
            if let Rule::Capped {
                extension_years, ..
            } = r
            {
                *extension_years = n;
            }
        });
    }
    ui.end_row();
}

/// The cap: the scoped figure over some years before the move (dragged), or an amount.
fn cap_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase, cap: &Cap) {
    let (lang, item) = (form.lang, title(phase));
    let kind = match cap {
        Cap::PriorYears(_) => BaseKind::Year,
        Cap::Amount(_) => BaseKind::Amount,
    };
    let label = |k: &BaseKind| match k {
        BaseKind::Year => lang.pick("迁入前年数", "Years before the move").to_owned(),
        BaseKind::Amount => lang.pick("固定数额", "A fixed amount").to_owned(),
    };
    let name = field_name(form.pick("封顶类型", "Cap kind"), item);
    let salt = ("cap-kind", &form.a.id, &phase.id);
    let options = [BaseKind::Year, BaseKind::Amount];
    if let Some(kind) = combo(ui, salt, &kind, &options, label, 130.0, &name) {
        let new = match kind {
            BaseKind::Year => Cap::PriorYears(3),
            BaseKind::Amount => Cap::Amount(Decimal::ZERO),
        };
        edit_rule(form, phase, None, move |r| set_cap(r, new));
    }
    let name = field_name(form.pick("封顶额", "Cap"), item);
    let key = rule_key(form, phase, "cap");
    match cap {
        Cap::PriorYears(n) => {
            if let Some(n) = drag_field(ui, &key, *n, 1..=10, &name) {
                edit_rule(form, phase, Some(&key), move |r| {
                    set_cap(r, Cap::PriorYears(n))
                });
            }
        }
        Cap::Amount(v) => {
            if let Some(v) = decimal_field(ui, form, &key, *v, 70.0, &name) {
                edit_rule(form, phase, None, move |r| set_cap(r, Cap::Amount(v)));
            }
        }
    }
}

fn set_cap(rule: &mut Rule, new: Cap) {
    if let Rule::Capped { cap, .. } = rule {
        *cap = new;
    }
}

/// A rate on capital, who receives it and who pays.
fn fixed_return_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let Rule::FixedReturn {
        rate_pct,
        recipients,
        payer,
        escalation_pct,
    } = &phase.rule
    else {
        return;
    };
    let label = form.pick("年回报率 %", "Rate %");
    ui.label(label);
    let (key, name) = (
        rule_key(form, phase, "rate_pct"),
        field_name(label, title(phase)),
    );
    if let Some(v) = decimal_field(ui, form, &key, *rate_pct, 50.0, &name) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::FixedReturn { rate_pct, .. } = r {
                *rate_pct = v;
            }
        });
    }
    ui.end_row();
    let label = form.pick("每年递增 %", "Yearly rise %");
    ui.label(label);
    ui.horizontal(|ui| {
        let (key, name) = (
            rule_key(form, phase, "escalation_pct"),
            field_name(label, title(phase)),
        );
        if let Some(v) = number_field::<Decimal>(ui, form, &key, *escalation_pct, 50.0, &name) {
            edit_rule(form, phase, None, move |r| {
                if let Rule::FixedReturn { escalation_pct, .. } = r {
                    *escalation_pct = v;
                }
            });
        }
        ui.weak(form.pick("可留空(不递增)", "may be empty (no rise)"));
    });
    ui.end_row();
    let label = form.pick("获得方", "Paid to");
    ui.label(label);
    ui.vertical(|ui| {
        if let Some(list) = party_checkboxes(ui, form, phase, label, recipients) {
            edit_rule(form, phase, None, move |r| {
                if let Rule::FixedReturn { recipients, .. } = r {
                    *recipients = list;
                }
            });
        }
    });
    ui.end_row();
    let label = form.pick("支付方", "Paid by");
    ui.label(label);
    if let Some(p) = party_combo(ui, form, phase, label, payer) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::FixedReturn { payer, .. } = r {
                *payer = p;
            }
        });
    }
    ui.end_row();
}

/// A payment per unit: the amount, how many units (and of what), who pays and who is paid.
fn per_unit_ui(ui: &mut egui::Ui, form: &mut Form<'_>, phase: &Phase) {
    let Rule::PerUnit {
        payer,
        payee,
        per_unit,
        units,
        unit,
    } = &phase.rule
    else {
        return;
    };
    let item = title(phase);
    let label = form.pick("单价", "Per unit");
    ui.label(label);
    let (key, name) = (rule_key(form, phase, "per_unit"), field_name(label, item));
    if let Some(v) = decimal_field(ui, form, &key, *per_unit, 60.0, &name) {
        edit_rule(form, phase, None, move |r| {
            if let Rule::PerUnit { per_unit, .. } = r {
                *per_unit = v;
            }
        });
    }
    ui.end_row();
    let label = form.pick("数量", "Units");
    ui.label(label);
    ui.horizontal(|ui| {
        let (key, name) = (rule_key(form, phase, "units"), field_name(label, item));
        if let Some(v) = decimal_field(ui, form, &key, *units, 60.0, &name) {
            edit_rule(form, phase, None, move |r| {
                if let Rule::PerUnit { units, .. } = r {
                    *units = v;
                }
            });
        }
        let (key, name) = (
            rule_key(form, phase, "unit"),
            field_name(form.pick("单位", "Unit"), item),
        );
        if let Some(text) = optional_text_field(ui, form, &key, unit, 60.0, &name) {
            edit_rule(form, phase, None, move |r| {
                if let Rule::PerUnit { unit, .. } = r {
                    *unit = text;
                }
            });
        }
    });
    ui.end_row();
    payer_payee_rows(ui, form, phase, (payer, payee), |r| match r {
        Rule::PerUnit { payer, payee, .. } => Some((payer, payee)),
        _ => None,
    });
}

/// The payer's and the payee's rows of a rule that moves money from one party to another;
/// `sides` reaches the two in the rule being edited.
pub(super) fn payer_payee_rows(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    phase: &Phase,
    (payer, payee): (&NodeId, &NodeId),
    sides: fn(&mut Rule) -> Option<(&mut NodeId, &mut NodeId)>,
) {
    for (label, payee_side, current) in [
        (form.pick("支付方", "Paid by"), false, payer),
        (form.pick("获得方", "Paid to"), true, payee),
    ] {
        ui.label(label);
        if let Some(p) = party_combo(ui, form, phase, label, current) {
            edit_rule(form, phase, None, move |r| {
                if let Some((payer, payee)) = sides(r) {
                    *(if payee_side { payee } else { payer }) = p;
                }
            });
        }
        ui.end_row();
    }
}
