//! The outline: chains → stages → nodes, then parks, regions and unplaced nodes, with a search
//! box that filters by name or id as you type; a click selects the node and centres the canvas
//! (through the queue's actions, applied after the frame like an edit).

use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Chain, Node, NodeId, NodeKind, Project};
use crate::ui::context::ViewCtx;
use crate::ui::palette::NameIndex;
use crate::ui::state::{LeftTab, Queue, Selection, UiAction, UiState};
use crate::ui::theme;
use std::collections::BTreeSet;

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
    let mut rows = Rows {
        project,
        selection: &state.selection,
        lang,
        hits: (!needle.is_empty()).then(|| names.matching_nodes(needle)),
        clicked: None,
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for chain in project.chains.values() {
                rows.chain_ui(ui, chain);
            }
            for (title, kind) in [
                (lang.pick("园区", "Parks"), NodeKind::Park),
                (lang.pick("行政区", "Regions"), NodeKind::Region),
            ] {
                let members = rows.members(|n| n.kind == kind);
                rows.group_ui(ui, title, ("group", kind.code()), members);
            }
            let loose = rows.members(|n| {
                n.kind.is_enterprise_like()
                    && n.stages.first().is_none_or(|s| project.stage(s).is_none())
            });
            rows.group_ui(ui, lang.pick("未归环节", "No stage"), "loose", loose);
        });
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

/// What the outline's rows are drawn from, and the node clicked.
struct Rows<'a> {
    project: &'a Project,
    selection: &'a Selection,
    lang: Lang,
    /// The nodes the search finds, while searching.
    hits: Option<BTreeSet<NodeId>>,
    clicked: Option<NodeId>,
}

impl<'a> Rows<'a> {
    /// Groups are open while searching, so every hit shows.
    fn open(&self) -> Option<bool> {
        self.hits.is_some().then_some(true)
    }

    /// The nodes `keep` keeps that the search finds, in id order.
    fn members(&self, keep: impl Fn(&Node) -> bool) -> Vec<&'a Node> {
        let project = self.project;
        project
            .nodes
            .values()
            .filter(|n| keep(n) && self.hits.as_ref().is_none_or(|h| h.contains(&n.id)))
            .collect()
    }

    /// A chain, with each stage and its nodes under it (a stage without hits left out while
    /// searching).
    fn chain_ui(&mut self, ui: &mut egui::Ui, chain: &Chain) {
        let lang = self.lang;
        let chain_name = match lang {
            Lang::En if !chain.name_en.is_empty() => &chain.name_en,
            _ => &chain.name,
        };
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        egui::CollapsingHeader::new(egui::RichText::new(chain_name).strong())
            .id_salt(("chain", chain.id.as_str()))
            .default_open(true)
            .open(self.open())
            .show(ui, |ui| {
                for stage in &chain.stages {
                    let members = self.members(|n| n.stages.first() == Some(&stage.id));
                    if self.hits.is_some() && members.is_empty() {
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
                        .open(self.open())
                        .show(ui, |ui| {
                            for node in members {
                                self.node_row(ui, node);
                            }
                        });
                }
            });
    }

    /// A group of nodes outside the chains (parks, regions, firms with no stage); left out
    /// when empty.
    fn group_ui(
        &mut self,
        ui: &mut egui::Ui,
        title: &str,
        id: impl std::hash::Hash + std::fmt::Debug,
        members: Vec<&Node>,
    ) {
        if members.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(
            egui::RichText::new(format!("{title} ({})", members.len())).strong(),
        )
        .id_salt(id)
        .default_open(true)
        .open(self.open())
        .show(ui, |ui| {
            for node in members {
                self.node_row(ui, node);
            }
        });
    }

    fn node_row(&mut self, ui: &mut egui::Ui, node: &Node) {
        let selected = self.selection.nodes.contains(&node.id);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, theme::node_fill(node.kind));
            let resp = ui
                .selectable_label(selected, &node.name)
                .on_hover_text(format!("{} · {}", node.id, node.kind.label(self.lang)));
            if resp.clicked() {
                self.clicked = Some(node.id.clone());
            }
        });
    }
}

/// A long name cut to `n` characters, so the outline stays narrow (the canvas has the full name).
fn short(name: &str, n: usize) -> String {
    if name.chars().count() <= n {
        name.to_owned()
    } else {
        name.chars().take(n).collect::<String>() + "…"
    }
}
