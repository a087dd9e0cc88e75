//! The project's evaluation settings where their results are read (issue 16): the 链主 revenue
//! threshold and score weights on the leaders tab, the 亩均 indicator weights on the land tab.
//! Each is a number to drag or type; one drag, however long, is one undo step (a gesture edit
//! of the project's settings), and "恢复默认" puts the documented defaults back in one step.

use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{LandWeights, LeaderCriteria, ProjectMeta};
use crate::ui::state::Queue;
use crate::ui::widgets::draft::DraftKey;
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// One labelled weight; true when changed.
fn weight(ui: &mut egui::Ui, label: &str, value: &mut f64) -> bool {
    let id = ui.label(label).id;
    ui.add(
        egui::DragValue::new(value)
            .range(0.0..=100.0)
            .speed(0.5)
            .max_decimals(1),
    )
    .labelled_by(id)
    .changed()
}

/// Sends the changed settings as a gesture edit keyed by `field`.
fn send(queue: &mut Queue, meta: ProjectMeta, field: &str) {
    let key = DraftKey::new("meta", field);
    queue
        .gesture_edits
        .push((Edit::SetMeta(meta), key.gesture()));
}

/// The 链主 criteria (revenue threshold) and weights, in one wrapped row.
pub(super) fn leader_settings_ui(
    ui: &mut egui::Ui,
    meta: &ProjectMeta,
    queue: &mut Queue,
    lang: Lang,
) {
    let mut c = meta.leader_criteria.clone();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick(
            "条件:本县企业 · 规上 · 营收 ≥",
            "Criteria: local firm · above scale · revenue ≥",
        ));
        let mut min = c.min_revenue.to_f64().unwrap_or(0.0);
        let unit = crate::i18n::money_unit(&meta.unit, lang);
        let drag = ui
            .add(
                egui::DragValue::new(&mut min)
                    .range(0.0..=f64::MAX)
                    .speed(100.0)
                    .max_decimals(2)
                    .suffix(format!(" {unit}")),
            )
            .on_hover_text(lang.pick(
                "营收门槛(无营收数据时按产值)",
                "Revenue threshold (output when no revenue is on record)",
            ));
        if drag.changed()
            && let Some(d) = Decimal::from_f64(min)
        {
            c.min_revenue = d.round_dp(2).normalize();
            changed = true;
        }
        ui.separator();
        ui.label(lang.pick("权重:", "Weights:"));
        let w = &mut c.weights;
        changed |= weight(
            ui,
            lang.pick("营收占比", "revenue share"),
            &mut w.revenue_share,
        );
        changed |= weight(
            ui,
            lang.pick("本地配套", "local suppliers"),
            &mut w.local_suppliers,
        );
        changed |= weight(ui, lang.pick("联农带农", "farmers"), &mut w.farmers);
        changed |= weight(
            ui,
            lang.pick("研发强度", "R&D intensity"),
            &mut w.rd_intensity,
        );
        changed |= weight(ui, lang.pick("枢纽位置", "hub"), &mut w.hub);
        if !meta.leader_criteria.is_default()
            && ui.small_button(lang.pick("恢复默认", "Defaults")).clicked()
        {
            queue.edits.push(Edit::SetMeta(ProjectMeta {
                leader_criteria: LeaderCriteria::default(),
                ..meta.clone()
            }));
        }
    });
    if changed {
        send(
            queue,
            ProjectMeta {
                leader_criteria: c,
                ..meta.clone()
            },
            "leader_criteria",
        );
    }
}

/// The six 亩均 indicator weights, in one wrapped row.
pub(super) fn land_weights_ui(
    ui: &mut egui::Ui,
    meta: &ProjectMeta,
    queue: &mut Queue,
    lang: Lang,
) {
    let mut w = meta.land_weights.clone();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.pick("权重:", "Weights:"));
        changed |= weight(ui, lang.pick("亩均税收", "tax/mu"), &mut w.tax_per_mu);
        changed |= weight(ui, lang.pick("亩均增加值", "VA/mu"), &mut w.va_per_mu);
        changed |= weight(
            ui,
            lang.pick("单位能耗增加值", "VA/tce"),
            &mut w.va_per_energy,
        );
        changed |= weight(
            ui,
            lang.pick("单位排放增加值", "VA/t emitted"),
            &mut w.va_per_emission,
        );
        changed |= weight(
            ui,
            lang.pick("全员劳动生产率", "VA/person"),
            &mut w.labour_productivity,
        );
        changed |= weight(ui, lang.pick("研发投入占比", "R&D share"), &mut w.rd_share);
        if !meta.land_weights.is_default()
            && ui.small_button(lang.pick("恢复默认", "Defaults")).clicked()
        {
            queue.edits.push(Edit::SetMeta(ProjectMeta {
                land_weights: LandWeights::default(),
                ..meta.clone()
            }));
        }
    });
    if changed {
        send(
            queue,
            ProjectMeta {
                land_weights: w,
                ..meta.clone()
            },
            "land_weights",
        );
    }
}
