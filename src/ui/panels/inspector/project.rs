//! What the inspector shows when nothing is selected: the project's name and description, how
//! many chains, stages, nodes, links and agreements it has, and its problems.

use super::severity_colour;
use crate::ui::command::AppCommand;
use crate::ui::context::ViewCtx;
use crate::ui::state::Queue;

/// Draws the project's summary; its name, county and description are edited in the project's
/// properties, which a button here opens.
pub(super) fn project_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, queue: &mut Queue) {
    let (p, lang) = (cx.project(), cx.lang);
    ui.label(egui::RichText::new(&p.meta.name).strong());
    if !p.meta.county.is_empty() {
        ui.label(&p.meta.county);
    }
    if !p.meta.description.is_empty() {
        ui.label(egui::RichText::new(&p.meta.description).weak());
    }
    let command = AppCommand::ProjectProperties;
    if ui
        .button(command.label(lang))
        .on_hover_text(command.tooltip(lang))
        .clicked()
    {
        queue.commands.push(command);
    }
    ui.separator();
    egui::Grid::new("project-counts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |label: &str, n: usize| {
                ui.label(label);
                ui.label(n.to_string());
                ui.end_row();
            };
            row(lang.pick("产业链", "Chains"), p.chains.len());
            row(lang.pick("环节", "Stages"), p.stages().count());
            for (kind, n) in p.node_counts() {
                row(kind.label(lang), n);
            }
            for (kind, n) in p.link_counts() {
                row(
                    &format!("{} {}", kind.label(lang), lang.pick("连线", "links")),
                    n,
                );
            }
            row(lang.pick("协议", "Agreements"), p.agreements.len());
        });
    ui.separator();
    if cx.issues.is_empty() {
        ui.label(lang.pick("没有发现问题", "No problems found"));
    } else {
        ui.label(egui::RichText::new(lang.pick("问题", "Problems")).strong());
        for issue in cx.issues {
            let text = format!("{}: {}", issue.place, issue.message(lang));
            ui.colored_label(severity_colour(issue.severity), text);
        }
    }
    ui.separator();
    ui.weak(lang.pick(
        "点击画布上的节点或连线查看和编辑属性。",
        "Click a node or link on the canvas to see and edit it.",
    ));
}
