//! The outline: chains → stages → nodes, then parks, regions and unplaced nodes, with a search
//! box that filters by name or id as you type; a click selects the node and centres the canvas
//! (through the queue's actions, applied after the frame like an edit).

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Node, NodeKind};
use crate::ui::context::ViewCtx;
use crate::ui::palette::NameIndex;
use crate::ui::state::{LeftTab, Queue, Selection, UiAction, UiState};
use crate::ui::theme;

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
    let searching = !needle.is_empty();
    let hits = searching.then(|| names.matching_nodes(needle));
    let matches = |n: &Node| hits.as_ref().is_none_or(|h| h.contains(&n.id));
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for chain in project.chains.values() {
                let chain_name = match lang {
                    Lang::En if !chain.name_en.is_empty() => &chain.name_en,
                    _ => &chain.name,
                };
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                egui::CollapsingHeader::new(egui::RichText::new(chain_name).strong())
                    .id_salt(("chain", chain.id.as_str()))
                    .default_open(true)
                    .open(searching.then_some(true))
                    .show(ui, |ui| {
                        for stage in &chain.stages {
                            let members: Vec<&Node> = project
                                .nodes
                                .values()
                                .filter(|n| n.stages.first() == Some(&stage.id) && matches(n))
                                .collect();
                            if searching && members.is_empty() {
                                continue;
                            }
                            let stage_name = match lang {
                                Lang::En if !stage.name_en.is_empty() => &stage.name_en,
                                _ => &stage.name,
                            };
                            let title = egui::RichText::new(format!(
                                "{} {} ({})",
                                stage.id,
                                short(stage_name, 12),
                                members.len()
                            ))
                            .color(theme::segment_strong(stage.segment));
                            egui::CollapsingHeader::new(title)
                                .id_salt(("stage", stage.id.as_str()))
                                .default_open(false)
                                .open(searching.then_some(true))
                                .show(ui, |ui| {
                                    for node in members {
                                        node_row(ui, node, state, lang, &mut clicked);
                                    }
                                });
                        }
                    });
            }
            let groups = [
                (lang.pick("园区", "Parks"), NodeKind::Park),
                (lang.pick("行政区", "Regions"), NodeKind::Region),
            ];
            for (title, kind) in groups {
                let members: Vec<&Node> = project
                    .nodes
                    .values()
                    .filter(|n| n.kind == kind && matches(n))
                    .collect();
                if members.is_empty() {
                    continue;
                }
                egui::CollapsingHeader::new(
                    egui::RichText::new(format!("{title} ({})", members.len())).strong(),
                )
                .id_salt(("group", kind.code()))
                .default_open(true)
                .open(searching.then_some(true))
                .show(ui, |ui| {
                    for node in members {
                        node_row(ui, node, state, lang, &mut clicked);
                    }
                });
            }
            let loose: Vec<&Node> = project
                .nodes
                .values()
                .filter(|n| {
                    n.kind.is_enterprise_like()
                        && n.stages.first().is_none_or(|s| project.stage(s).is_none())
                        && matches(n)
                })
                .collect();
            if !loose.is_empty() {
                egui::CollapsingHeader::new(
                    egui::RichText::new(format!(
                        "{} ({})",
                        lang.pick("未归环节", "No stage"),
                        loose.len()
                    ))
                    .strong(),
                )
                .id_salt("loose")
                .default_open(true)
                .open(searching.then_some(true))
                .show(ui, |ui| {
                    for node in loose {
                        node_row(ui, node, state, lang, &mut clicked);
                    }
                });
            }
        });
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

fn node_row(
    ui: &mut egui::Ui,
    node: &Node,
    state: &UiState,
    lang: Lang,
    clicked: &mut Option<crate::model::NodeId>,
) {
    let selected = state.selection.nodes.contains(&node.id);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 4.5, theme::node_fill(node.kind));
        let resp = ui
            .selectable_label(selected, &node.name)
            .on_hover_text(format!("{} · {}", node.id, node.kind.label(lang)));
        if resp.clicked() {
            *clicked = Some(node.id.clone());
        }
    });
}

/// A long name cut to `n` characters, so the outline stays narrow (the canvas has the full name).
fn short(name: &str, n: usize) -> String {
    if name.chars().count() <= n {
        name.to_owned()
    } else {
        name.chars().take(n).collect::<String>() + "…"
    }
}
