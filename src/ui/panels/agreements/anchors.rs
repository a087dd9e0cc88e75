//! Each scoped firm's own move and production years (issue 19, 京津冀 92号): per-firm phases,
//! eligibility and `prior_years` caps count from them. A firm left empty follows the
//! agreement's signing and production years. Folded away unless a phase runs per firm.

use super::form::{Form, field_name, number_field};
use crate::model::{NodeId, Year};
use egui::RichText;

/// The firms' table, one row a scoped firm, each year its own field (one undo step an edit).
pub(super) fn anchors_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    let project = form.project();
    let firms: Vec<NodeId> = a
        .scope
        .iter()
        .filter(|id| {
            project
                .nodes
                .get(*id)
                .is_some_and(|n| n.kind.is_enterprise_like())
        })
        .cloned()
        .collect();
    ui.separator();
    let title = format!(
        "{} ({})",
        form.pick("企业迁入与投产年份", "Firms' move and production years"),
        a.anchors.len()
    );
    egui::CollapsingHeader::new(RichText::new(title).strong())
        // A header of its own while phases run per firm: it unfolds when the first one does.
        .id_salt(("anchors", &a.id, a.has_per_firm_phases()))
        .default_open(a.has_per_firm_phases())
        .show(ui, |ui| {
            let year = |y: Option<Year>| y.map_or_else(|| "—".to_owned(), |y| y.to_string());
            ui.weak(match form.lang {
                crate::i18n::Lang::Zh => format!(
                    "留空的企业沿用协议的签约年份({})和投产年份({});“按企业分别计算”的阶段从各企业自己的年份算起。",
                    year(a.signed_year),
                    year(a.production_year)
                ),
                crate::i18n::Lang::En => format!(
                    "Empty years follow the agreement's (signed {}, production {}); per-firm phases count from each firm's own years.",
                    year(a.signed_year),
                    year(a.production_year)
                ),
            });
            if firms.is_empty() {
                ui.weak(form.pick("范围内还没有企业", "No firms in scope yet"));
                return;
            }
            egui::Grid::new(("anchors-grid", &a.id))
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    ui.weak(form.pick("企业", "Firm"));
                    ui.weak(form.pick("迁入年份", "Moved"));
                    ui.weak(form.pick("投产年份", "Production"));
                    ui.end_row();
                    for firm in &firms {
                        anchor_row_ui(ui, form, firm);
                        ui.end_row();
                    }
                });
        });
}

/// One firm: its name and its two years.
fn anchor_row_ui(ui: &mut egui::Ui, form: &mut Form<'_>, firm: &NodeId) {
    let a = form.a;
    let name = form.name(firm);
    ui.label(&name);
    let own = a.anchors.iter().find(|x| &x.node == firm);
    let (moved, production) = (
        own.and_then(|x| x.moved_year),
        own.and_then(|x| x.production_year),
    );
    let part = format!("anchor:{firm}");
    for (field, label, current, is_production) in [
        ("moved_year", form.pick("迁入年份", "Moved"), moved, false),
        (
            "production_year",
            form.pick("投产年份", "Production"),
            production,
            true,
        ),
    ] {
        let key = form.key(&part, field);
        let access = field_name(label, &name);
        if let Some(y) = number_field::<Year>(ui, form, &key, current, 70.0, &access) {
            let firm = firm.clone();
            form.change(move |a| {
                let (m, p) = a
                    .anchors
                    .iter()
                    .find(|x| x.node == firm)
                    .map_or((None, None), |x| (x.moved_year, x.production_year));
                if is_production {
                    a.set_anchor(&firm, m, y);
                } else {
                    a.set_anchor(&firm, y, p);
                }
            });
        }
    }
}
