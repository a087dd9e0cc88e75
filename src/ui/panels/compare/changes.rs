//! The list of changes of a comparison, by kind: per section of the file, what the "after" side
//! added (+), removed (−) and changed (Δ, with the fields), each by name. A firm's row shows it
//! on the canvas when the canvas has it.

use crate::i18n::Lang;
use crate::merge::{SECTIONS, item_name, section_label};
use crate::model::NodeId;
use crate::ui::compare::{ADDED_TEXT, CompareResult, REMOVED_TEXT};
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiAction};
use egui::RichText;

/// How many rows a section lists before "… and N more".
const ROWS: usize = 40;

pub(super) fn changes_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    result: &CompareResult,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    ui.strong(lang.pick("变化清单", "Changes"));
    if !result.changes.project.is_empty() {
        let fields: Vec<&str> = result.changes.project.keys().map(String::as_str).collect();
        ui.label(format!(
            "{}:{}",
            section_label(crate::merge::PROJECT, lang),
            fields.join(", ")
        ));
    }
    for name in SECTIONS {
        let s = result.changes.section(name);
        if s.is_empty() {
            continue;
        }
        ui.add_space(4.0);
        let counts = match lang {
            Lang::Zh => format!(
                "{}:新增 {} · 删除 {} · 修改 {}",
                section_label(name, lang),
                s.added.len(),
                s.removed.len(),
                s.changed.len()
            ),
            Lang::En => format!(
                "{}: {} added · {} removed · {} changed",
                section_label(name, lang),
                s.added.len(),
                s.removed.len(),
                s.changed.len()
            ),
        };
        egui::CollapsingHeader::new(counts)
            .id_salt(("compare-section", name))
            .default_open(matches!(name, "nodes" | "links" | "agreements"))
            .show(ui, |ui| {
                let rows = s
                    .added
                    .keys()
                    .map(|id| ('+', id, None))
                    .chain(s.removed.iter().map(|id| ('−', id, None)))
                    .chain(s.changed.iter().map(|(id, f)| {
                        let fields: Vec<&str> = f.keys().map(String::as_str).collect();
                        ('Δ', id, Some(fields.join(", ")))
                    }));
                let mut shown = 0;
                let total = s.added.len() + s.removed.len() + s.changed.len();
                for (sign, id, fields) in rows.take(ROWS) {
                    shown += 1;
                    change_row(ui, cx, result, name, (sign, id, fields), queue);
                }
                if total > shown {
                    ui.weak(match lang {
                        Lang::Zh => format!("……另有 {} 项", total - shown),
                        Lang::En => format!("… and {} more", total - shown),
                    });
                }
            });
    }
}

fn change_row(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    result: &CompareResult,
    section: &str,
    (sign, id, fields): (char, &String, Option<String>),
    queue: &mut Queue,
) {
    // A removed item is named as the "before" side had it, the others as the "after" side.
    let project = if sign == '−' {
        &result.before_project
    } else {
        &result.after_project
    };
    let name = item_name(project, section, id).unwrap_or_else(|| id.clone());
    let colour = match sign {
        '+' => ADDED_TEXT,
        '−' => REMOVED_TEXT,
        _ => crate::ui::compare::CHANGED,
    };
    let mut text = format!("{sign} {name}");
    if let Some(fields) = fields {
        text.push_str(&format!("  ({fields})"));
    }
    let node = NodeId::from(id.as_str());
    let on_canvas = section == "nodes" && sign != '−' && cx.doc.project.nodes.contains_key(&node);
    let label = egui::Label::new(RichText::new(text).color(colour)).truncate();
    if on_canvas {
        let response = ui
            .add(label.sense(egui::Sense::click()))
            .on_hover_text(cx.lang.pick("在画布上显示", "Show on the canvas"));
        if response.clicked() {
            queue.actions.push(UiAction::ShowNode(node));
        }
    } else {
        ui.add(label);
    }
}
