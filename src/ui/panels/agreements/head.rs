//! The agreement's head: its name, signing and production years (the anchors of phases that
//! start N years after them) and a free note.

use super::form::{Form, field_name, note_field, number_field, text_field};
use crate::model::Year;

/// Name, years and note.
pub(super) fn head_ui(ui: &mut egui::Ui, form: &mut Form<'_>) {
    let a = form.a;
    egui::Grid::new(("agreement-head", &a.id))
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(form.pick("名称", "Name"));
            let (key, name) = (
                form.key("", "name"),
                form.pick("协议名称", "Agreement name"),
            );
            if let Some(text) = text_field(ui, form, &key, &a.name, 220.0, name) {
                form.change(move |a| a.name = text);
            }
            ui.end_row();
            for (label, production) in [
                (form.pick("签约年份", "Signed"), false),
                (form.pick("投产年份", "Production"), true),
            ] {
                ui.label(label);
                let (field, current) = if production {
                    ("production_year", a.production_year)
                } else {
                    ("signed_year", a.signed_year)
                };
                let key = form.key("", field);
                let name = field_name(label, &a.name);
                if let Some(year) = number_field::<Year>(ui, form, &key, current, 80.0, &name) {
                    form.change(move |a| {
                        if production {
                            a.production_year = year;
                        } else {
                            a.signed_year = year;
                        }
                    });
                }
                ui.end_row();
            }
            ui.label(form.pick("备注", "Note"));
            let (key, name) = (
                form.key("", "note"),
                field_name(form.pick("备注", "Note"), &a.name),
            );
            if let Some(text) = note_field(ui, form, &key, &a.note, &name) {
                form.change(move |a| a.note = text);
            }
            ui.end_row();
        });
}
