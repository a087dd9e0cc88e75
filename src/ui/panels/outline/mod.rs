//! The outline: chains → stages → products and firms, then parks, regions and firms with no
//! stage, with a search box that filters by name or id as you type. A click on a firm selects it
//! and centres the canvas, a click on a stage shows it in the inspector (through the queue's
//! actions, applied after the frame like an edit). ＋ buttons add chains, stages and products;
//! each chain, stage and product row has a context menu, and is renamed in place.
//!
//! | module      | owns |
//! |-------------|------|
//! | `rows`      | the tree's rows |
//! | `structure` | the structure gestures (add, rename, move, remove) the outline, the lane headers, the stage inspector and the empty canvas share |
//! | `menus`     | the chain, stage and product context menus |
//! | `rename`    | the in-place rename field |
//! | `question`  | what becomes of the firms of a stage being removed |

mod menus;
mod question;
mod rename;
mod rows;
mod structure;

pub use menus::stage_menu;
pub use question::question_ui;
pub use rename::{RenameEnd, rename_field, select_all};
pub use structure::{Gestures, Item, Place, StructureUi, shown_name};

use crate::document::Document;
use crate::ui::context::ViewCtx;
use crate::ui::palette::NameIndex;
use crate::ui::state::{LeftTab, Queue, Selection, UiAction, UiState};

/// The left panel: the outline, or the saved views.
pub fn left_panel_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    names: &NameIndex,
    state: &mut UiState,
    panels: &mut super::Panels,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for (tab, label) in [
            (LeftTab::Outline, lang.pick("大纲", "Outline")),
            (LeftTab::Views, lang.pick("已存视图", "Views")),
        ] {
            let text = egui::RichText::new(label).heading();
            ui.selectable_value(&mut state.left_tab, tab, text);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let hint = lang.pick(
                "收起为窄条,把宽度让给地图",
                "Fold to a strip, giving the map the width",
            );
            let label = lang.pick("收起大纲", "Fold the outline");
            if super::strip::fold_button(ui, "«", hint, label) {
                state.settings.show_outline = false;
            }
        });
    });
    match state.left_tab {
        LeftTab::Outline => outline_ui(ui, cx.doc, names, state, queue),
        LeftTab::Views => {
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::views::views_ui(ui, cx, state, &mut panels.views, queue)
                });
        }
    }
}

fn outline_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    names: &NameIndex,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = state.lang();
    let project = &doc.project;
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("搜索", "Search")).id;
        let search = egui::TextEdit::singleline(&mut state.search)
            .hint_text(lang.pick("按名称或拼音搜索…", "Search by name or pinyin…"))
            .desired_width(f32::INFINITY);
        ui.add(search).labelled_by(label);
    });
    ui.separator();
    // By name, id or pinyin ("zsme" finds 柞水木耳), through the index built once per revision.
    let needle = state.search.trim();
    let hits = (!needle.is_empty()).then(|| names.matching_nodes(needle));
    let mut rows = rows::Rows {
        g: Gestures {
            project,
            lang,
            state,
            queue,
        },
        hits,
        clicked: None,
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| rows.tree_ui(ui));
    let clicked = rows.clicked;
    // A placed node is selected and centred on the canvas; one not placed yet only selected.
    if let Some(node) = clicked.and_then(|id| project.nodes.get(&id)) {
        let action = if node.position.is_some() {
            UiAction::ShowNode(node.id.clone())
        } else {
            let mut only = Selection::default();
            only.only_node(node.id.clone());
            UiAction::Select(only)
        };
        queue.actions.push(action);
    }
}
