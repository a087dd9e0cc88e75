//! Where the panels and the canvas sit in the window, each drawn from the read-only context.
//!
//! The map comes first: on a laptop screen the outline starts folded to its strip of tabs, the
//! analysis panel as one summary line, and "map only" hides every panel. A side panel's width
//! is the user's (remembered by egui), never its content's.

use super::ChainmapApp;
use crate::i18n::Lang;
use crate::ui::canvas;
use crate::ui::context::ViewCtx;
use crate::ui::panels::strip::{STRIP_WIDTH, vertical_tab};
use crate::ui::panels::{analysis, outline, status};
use crate::ui::state::{LeftTab, Queue, Settings};

/// Windows narrower than this start (on first start) with the outline folded to its strip.
pub const WIDE_WINDOW: f32 = 1600.0;

/// Which panels are open: kept when "map only" starts, so that anything opening a panel while
/// the map is alone on screen ends "map only" (and leaving it shows the same panels again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PanelSet {
    outline: bool,
    inspector: bool,
    analysis: bool,
}

impl PanelSet {
    pub(super) fn of(settings: &Settings) -> Self {
        Self {
            outline: settings.show_outline,
            inspector: settings.show_inspector,
            analysis: settings.show_analysis,
        }
    }
}

impl ChainmapApp {
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        if std::mem::take(&mut self.first_start) {
            // Nothing remembered: a laptop-sized window gives the outline's room to the map.
            self.ui.settings.show_outline = ui.ctx().content_rect().width() >= WIDE_WINDOW;
        }
        self.follow_map_only();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, queue));
        if self.ui.map_only {
            return self.canvas_panel(ui, queue);
        }
        let state = super::commands::EditorState::of(self);
        let lang = self.ui.lang();
        let scenarios = crate::ui::scenarios::Choices::of(&self.doc);
        egui::Panel::top("toolbar").show(ui, |ui| {
            crate::ui::toolbar::toolbar_ui(ui, &state, &scenarios, queue, lang)
        });
        egui::Panel::bottom("status").show(ui, |ui| status::status_ui(ui, &self.doc, &self.ui));
        // The inspector is drawn before the panels that change the selection (outline, analysis),
        // so a field being typed into commits before its item is replaced.
        self.inspector_panel(ui, queue);
        self.analysis_panel(ui, queue);
        self.outline_panel(ui, queue);
        self.canvas_panel(ui, queue);
    }

    /// "Map only" ends when something opened a panel (a command, 定位, a saved view).
    fn follow_map_only(&mut self) {
        let now = PanelSet::of(&self.ui.settings);
        match (self.ui.map_only, self.map_only_from) {
            (true, None) => self.map_only_from = Some(now),
            (true, Some(before)) if before != now => {
                self.ui.map_only = false;
                self.map_only_from = None;
            }
            (false, Some(_)) => self.map_only_from = None,
            _ => {}
        }
    }

    fn inspector_panel(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let cx = ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        let before = self.ui.settings.show_inspector;
        let mut open = before;
        let strip = egui::Panel::right("inspector-strip")
            .resizable(true)
            .exact_size(STRIP_WIDTH);
        let full = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(240.0)
            .min_size(200.0)
            .max_size(480.0);
        let mut expand = false;
        egui::Panel::show_switched(ui, &mut open, strip, full, |ui, expanded| {
            if expanded {
                fixed_width(ui, |ui| {
                    self.panels.inspector.ui(ui, &cx, &mut self.ui, queue)
                });
            } else {
                let lang = cx.lang;
                ui.add_space(6.0);
                let hint = lang.pick(
                    "展开属性面板:选中项的全部属性",
                    "Expand the inspector: every field of what is selected",
                );
                expand |=
                    vertical_tab(ui, lang.pick("属性", "Inspector"), hint, false, lang).clicked();
            }
        });
        if open != before || expand {
            self.ui.settings.show_inspector = open || expand;
        }
    }

    fn analysis_panel(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let cx = ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        let before = self.ui.settings.show_analysis;
        let mut open = before;
        let line = egui::Panel::bottom("analysis-line")
            .resizable(true)
            .exact_size(analysis::SUMMARY_HEIGHT);
        let full = egui::Panel::bottom("analysis")
            .resizable(true)
            .default_size(260.0)
            .min_size(120.0)
            .max_size(640.0);
        egui::Panel::show_switched(ui, &mut open, line, full, |ui, expanded| {
            if expanded {
                analysis::analysis_ui(ui, &cx, &mut self.ui, &mut self.panels, queue)
            } else {
                analysis::summary_line_ui(ui, &cx, queue)
            }
        });
        if open != before {
            self.ui.settings.show_analysis = open;
        }
    }

    fn outline_panel(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let cx = ViewCtx {
            doc: &self.doc,
            derived: &self.derived,
            issues: &self.issues,
            lang: self.ui.lang(),
        };
        let before = self.ui.settings.show_outline;
        let mut open = before;
        let strip = egui::Panel::left("outline-strip")
            .resizable(true)
            .exact_size(STRIP_WIDTH);
        let full = egui::Panel::left("outline")
            .resizable(true)
            .default_size(210.0)
            .min_size(160.0)
            .max_size(420.0);
        let mut expand = None;
        egui::Panel::show_switched(ui, &mut open, strip, full, |ui, expanded| {
            if expanded {
                outline::left_panel_ui(ui, &cx, &self.names, &mut self.ui, &mut self.panels, queue)
            } else {
                expand = outline_strip_ui(ui, self.ui.left_tab, cx.lang);
            }
        });
        if let Some(tab) = expand {
            self.ui.left_tab = tab;
            self.ui.settings.show_outline = true;
        } else if open != before {
            self.ui.settings.show_outline = open;
        }
    }

    fn canvas_panel(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let analysis = self.derived.analysis();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                if self.ui.view_mode == crate::ui::state::ViewMode::Territory {
                    let cache = &mut self.canvas.territory;
                    crate::ui::territory::territory_ui(
                        ui,
                        &self.doc,
                        analysis,
                        &mut self.ui,
                        cache,
                        queue,
                    );
                    return;
                }
                let mut options = canvas::CanvasOptions::editor(&self.ui.settings);
                options.compare = self.panels.compare.canvas_marks(&self.doc, self.ui.lang());
                let output = canvas::canvas_ui(
                    ui,
                    &self.doc,
                    analysis,
                    &mut self.ui,
                    &mut self.canvas,
                    queue,
                    &options,
                );
                if output.stop_compare {
                    self.panels.compare.on_canvas = false;
                }
            });
    }
}

/// The outline folded: its two tabs down a strip; the tab clicked, if one was.
fn outline_strip_ui(ui: &mut egui::Ui, current: LeftTab, lang: Lang) -> Option<LeftTab> {
    ui.add_space(6.0);
    let mut clicked = None;
    for (tab, label, hint) in [
        (
            LeftTab::Outline,
            lang.pick("大纲", "Outline"),
            lang.pick(
                "展开大纲:产业链、环节、产品与节点",
                "Expand the outline: chains, stages, products and nodes",
            ),
        ),
        (
            LeftTab::Views,
            lang.pick("已存视图", "Views"),
            lang.pick("展开已存视图", "Expand the saved views"),
        ),
    ] {
        if vertical_tab(ui, label, hint, tab == current, lang).clicked() {
            clicked = Some(tab);
        }
        ui.add_space(4.0);
    }
    clicked
}

/// Draws `add` in the room the panel has, and tells the panel it used exactly that room: a
/// long name wraps (or is cut) inside the panel instead of widening it, so selecting something
/// never shrinks the map.
fn fixed_width(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    let room = ui.available_rect_before_wrap();
    let mut inner = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(room)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    inner.shrink_clip_rect(room);
    add(&mut inner);
    ui.advance_cursor_after_rect(room);
}
