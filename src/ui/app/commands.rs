//! What each editor command does, and the state (enabled, checked) that menus, the palette and
//! the help show for it.

use super::{ChainmapApp, Pending};
use crate::edit::Edit;
use crate::i18n::Lang;
use crate::ui::command::{AppCommand, CommandState};
use crate::ui::file_dialog::Purpose;
use crate::ui::present::Story;

/// A snapshot of what decides whether each editor command can run and whether it is on.
pub struct EditorState {
    can_undo: bool,
    can_redo: bool,
    can_paste: bool,
    has_selection: bool,
    has_views: bool,
    has_agreements: bool,
    has_chains: bool,
    link_tool: bool,
    map_only: bool,
    territory: bool,
    settings: crate::ui::state::Settings,
    key_help: bool,
}

impl EditorState {
    pub fn of(app: &ChainmapApp) -> Self {
        Self {
            can_undo: app.doc.undo_depth() > 0,
            can_redo: app.doc.redo_label(Lang::En).is_some(),
            can_paste: app.ui.clipboard.is_some(),
            has_selection: !app.ui.selection.is_empty(),
            has_views: !app.doc.project.views.is_empty(),
            has_agreements: !app.doc.project.agreements.is_empty(),
            has_chains: !app.doc.project.chains.is_empty(),
            link_tool: app.ui.link_tool,
            map_only: app.ui.map_only,
            territory: app.ui.view_mode == crate::ui::state::ViewMode::Territory,
            settings: app.ui.settings.clone(),
            key_help: app.key_help,
        }
    }
}

impl CommandState for EditorState {
    fn enabled(&self, command: AppCommand) -> bool {
        use AppCommand::*;
        match command {
            Undo => self.can_undo,
            Redo => self.can_redo,
            Paste => self.can_paste,
            Copy | Delete => self.has_selection,
            PresentViews => self.has_views,
            ExportSchedule | EnclaveDiagram => self.has_agreements,
            CompareReference => self.has_chains,
            c => !c.is_presentation(),
        }
    }

    fn checked(&self, command: AppCommand) -> Option<bool> {
        use AppCommand::*;
        let s = &self.settings;
        Some(match command {
            ToggleOutline => s.show_outline,
            ToggleInspector => s.show_inspector,
            ToggleLegend => s.show_legend,
            ToggleAnalysis => s.show_analysis,
            ToggleMinimap => s.show_minimap,
            ToggleReference => s.show_reference,
            LinkTool => self.link_tool,
            MapOnly => self.map_only,
            ToggleTerritory => self.territory,
            ReduceMotion => s.reduce_motion,
            KeyHelp => self.key_help,
            LangZh => s.lang == Lang::Zh,
            LangEn => s.lang == Lang::En,
            _ => return None,
        })
    }
}

impl ChainmapApp {
    /// Runs a command (from a menu, a key, the palette, or a test).
    pub fn run_command(&mut self, ctx: &egui::Context, command: AppCommand) {
        // Text typed into a field reaches the project when the field loses focus: let it, then
        // save (or leave) on the next frame, so nothing typed is lost or left out.
        if command.touches_file()
            && let Some(id) = ctx.memory(|m| m.focused())
        {
            ctx.memory_mut(|m| m.surrender_focus(id));
            self.deferred.push(command);
            ctx.request_repaint();
            return;
        }
        if !EditorState::of(self).enabled(command) {
            return;
        }
        match command {
            AppCommand::New => self.project_dialog.show_new(self.ui.lang()),
            AppCommand::ProjectProperties => self.project_dialog.show_properties(&self.doc),
            AppCommand::NewFromTemplate => self.new_from_template.show(self.ui.lang()),
            AppCommand::CompareReference => self.compare_reference.show(&self.doc),
            AppCommand::Import => self.import.show_dialog(&self.doc),
            AppCommand::ImportCandidates => {
                let (lang, near) = (self.ui.lang(), self.doc.path.clone());
                self.dialogs
                    .start(ctx, Purpose::ImportCandidates, near, lang);
            }
            AppCommand::ImportBoundaries => {
                let (lang, near) = (self.ui.lang(), self.doc.path.clone());
                self.dialogs
                    .start(ctx, Purpose::ImportBoundaries, near, lang);
            }
            AppCommand::Merge => crate::ui::merge_dialog::start(self, ctx),
            AppCommand::NewScenario => self.scenario_dialog.new_scenario(false, self.ui.lang()),
            AppCommand::ScenarioFromTargets => {
                self.scenario_dialog.new_scenario(true, self.ui.lang())
            }
            AppCommand::ManageScenarios => {
                let active = self
                    .doc
                    .active_scenario()
                    .and_then(|id| self.doc.scenarios().get(id))
                    .map(|s| (s.id.clone(), s.name.clone(), s.description.clone()));
                self.scenario_dialog.manage(
                    active
                        .as_ref()
                        .map(|(i, n, d)| (i.as_str(), n.as_str(), d.as_str())),
                );
            }
            AppCommand::CompareWithFile => {
                let (lang, near) = (self.ui.lang(), self.doc.path.clone());
                self.dialogs.start(ctx, Purpose::CompareFile, near, lang);
            }
            AppCommand::CompareScenarios => {
                self.panels.compare.on_canvas = true;
                self.ui.settings.show_analysis = true;
                self.ui.analysis_tab = crate::ui::state::AnalysisTab::Compare;
            }
            AppCommand::ExportImportTemplate => {
                let lang = self.ui.lang();
                self.dialogs.start(ctx, Purpose::ImportTemplate, None, lang);
            }
            AppCommand::Open => self.guard(Pending::OpenDialog),
            AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            AppCommand::Save => self.save(ctx, None),
            AppCommand::SaveAs => {
                let lang = self.ui.lang();
                let suggested = self.save_suggestion();
                self.dialogs
                    .start(ctx, Purpose::SaveAs, Some(suggested), lang)
            }
            AppCommand::Export(format) => self.start_export(ctx, format, None),
            AppCommand::ExportTable(table) => {
                self.start_export(ctx, crate::export::ExportFormat::Csv, Some(table))
            }
            AppCommand::ExportTerritory(format) => {
                let (lang, near) = (self.ui.lang(), self.doc.path.clone());
                self.dialogs
                    .start(ctx, Purpose::ExportTerritory(format), near, lang);
            }
            AppCommand::ExportSchedule => {
                let lang = self.ui.lang();
                self.dialogs.start(ctx, Purpose::ExportCsv, None, lang);
            }
            AppCommand::Undo | AppCommand::Redo => self.undo_redo(command == AppCommand::Undo),
            AppCommand::SelectAll => {
                self.ui.selection.nodes = self.doc.project.nodes.keys().cloned().collect();
            }
            AppCommand::Copy => self.copy(),
            AppCommand::Paste => self.paste(),
            AppCommand::Delete => self.delete_selection(),
            AppCommand::Deselect => self.deselect(ctx),
            AppCommand::AddEnterprise => self.add_enterprise(ctx),
            AppCommand::LinkTool => self.ui.link_tool = !self.ui.link_tool,
            AppCommand::ForceLayout => self.start_layout(ctx, true),
            AppCommand::AutoLayout => self.auto_layout(ctx),
            AppCommand::FitView => self.ui.fit_all_requested = true,
            AppCommand::ZoomIn => self.zoom(ctx, 1.25),
            AppCommand::ZoomOut => self.zoom(ctx, 0.8),
            AppCommand::Present => self.start_presentation(ctx, Story::Chain),
            AppCommand::PresentViews => self.start_presentation(ctx, Story::Views),
            AppCommand::EnclaveDiagram => self.enclave.open(self.ui.agreement.clone()),
            AppCommand::Palette => {
                // A menu left open would sit on top of the palette.
                egui::Popup::close_all(ctx);
                self.palette.show();
            }
            AppCommand::KeyHelp => self.key_help ^= true,
            AppCommand::MapOnly => {
                self.ui.map_only ^= true;
                // Tab also asks egui to move the keyboard to the next widget: it must not.
                ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            }
            AppCommand::ToggleTerritory => self.ui.view_mode = self.ui.view_mode.other(),
            AppCommand::OpenLogFolder => self.open_log_folder(),
            AppCommand::UserGuide => self.help_windows.guide = true,
            AppCommand::About => self.help_windows.about = true,
            other => self.toggle_setting(other),
        }
    }

    /// Commands that flip a remembered setting.
    fn toggle_setting(&mut self, command: AppCommand) {
        let s = &mut self.ui.settings;
        if self.ui.map_only {
            // A panel asked for while the map is alone on screen: the panels come back, that
            // one open.
            let panel = match command {
                AppCommand::ToggleOutline => Some(&mut s.show_outline),
                AppCommand::ToggleInspector => Some(&mut s.show_inspector),
                AppCommand::ToggleAnalysis => Some(&mut s.show_analysis),
                _ => None,
            };
            if let Some(open) = panel {
                *open = true;
                self.ui.map_only = false;
                return;
            }
        }
        match command {
            AppCommand::ToggleOutline => s.show_outline ^= true,
            AppCommand::ToggleInspector => s.show_inspector ^= true,
            AppCommand::ToggleLegend => s.show_legend ^= true,
            AppCommand::ToggleAnalysis => s.show_analysis ^= true,
            AppCommand::ToggleMinimap => s.show_minimap ^= true,
            AppCommand::ToggleReference => s.show_reference ^= true,
            AppCommand::ReduceMotion => s.reduce_motion ^= true,
            AppCommand::LangZh => s.lang = Lang::Zh,
            AppCommand::LangEn => s.lang = Lang::En,
            _ => {}
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        if done {
            self.prune_selection();
        }
    }

    fn delete_selection(&mut self) {
        if self.ui.selection.is_empty() {
            return;
        }
        let edit = Edit::Remove {
            nodes: self.ui.selection.nodes.iter().cloned().collect(),
            links: self.ui.selection.links.iter().cloned().collect(),
        };
        self.apply_edit(edit);
        self.ui.selection.clear();
    }

    /// Adds an enterprise at the centre of the view, selects it and puts the keyboard in its
    /// name, so typing names it.
    fn add_enterprise(&mut self, ctx: &egui::Context) {
        let node = crate::ui::canvas::enterprise_at_view_centre(&self.doc.project, &self.ui);
        let (id, name) = (node.id.clone(), node.name.clone());
        self.apply_edit(Edit::AddNode(node));
        if self.doc.project.nodes.contains_key(&id) {
            // The key that gave the command (E) also typed its letter this frame: it must not
            // land in the name field.
            ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
            crate::ui::panels::inspector::node::focus_name(ctx, &id, &name);
            self.ui.selection.only_node(id);
            self.ui.settings.show_inspector = true;
        }
    }

    fn deselect(&mut self, ctx: &egui::Context) {
        if self.ui.structure.question.is_some() {
            // The "what about its firms?" question is the innermost: Esc is its Cancel.
            self.ui.structure.question = None;
        } else if self.key_help {
            self.key_help = false;
        } else if self.canvas.menu_open() {
            self.canvas.close_menu();
        } else if egui::Popup::is_any_open(ctx) {
            // A lane header's or the outline's menu: Esc puts it away, the selection stays.
            egui::Popup::close_all(ctx);
        } else if self.help_windows.close_one() {
            // The guide or About was the innermost window.
        } else if self.ui.picker.is_some() {
            self.ui.picker = None;
        } else if self.ui.link_tool {
            self.ui.link_tool = false;
        } else {
            self.ui.selection.clear();
        }
    }

    fn zoom(&mut self, ctx: &egui::Context, factor: f32) {
        let rect = self.ui.canvas_rect.unwrap_or_else(|| ctx.content_rect());
        if self.ui.view_mode == crate::ui::state::ViewMode::Territory {
            return self.ui.territory.zoom_at_centre(rect, factor);
        }
        self.ui.camera.zoom_at(rect.min, rect.center(), factor);
        self.canvas.touch_camera();
    }

    fn start_export(
        &mut self,
        ctx: &egui::Context,
        format: crate::export::ExportFormat,
        table: Option<crate::export::TableName>,
    ) {
        let lang = self.ui.lang();
        self.dialogs.start(
            ctx,
            Purpose::Export(format, table),
            self.doc.path.clone(),
            lang,
        );
    }

    /// Opens the log folder in the file manager, and says where it is (so it can be found by
    /// hand when no file manager opens).
    fn open_log_folder(&mut self) {
        let lang = self.ui.lang();
        let Some(folder) = crate::logging::log_folder() else {
            self.ui.error(lang.pick(
                "这台电脑上没有可用的数据文件夹,日志只写到标准错误输出",
                "This computer has no data folder: the log goes to standard error only",
            ));
            return;
        };
        let opened =
            std::fs::create_dir_all(&folder).and_then(|()| crate::logging::open_folder(&folder));
        match opened {
            Ok(()) => self.ui.info(format!(
                "{} {}",
                lang.pick("日志文件夹:", "Log folder:"),
                folder.display()
            )),
            Err(e) => self.ui.error(format!(
                "{} {}: {}",
                lang.pick("无法打开日志文件夹", "Cannot open the log folder"),
                folder.display(),
                crate::i18n::io_error_text(&e, lang)
            )),
        }
    }

    /// Applies an edit; a refused edit is reported in the status bar.
    pub fn apply_edit(&mut self, edit: Edit) {
        if let Err(e) = self.doc.apply(edit) {
            self.refused(&e);
        }
    }

    pub(super) fn refused(&mut self, e: &crate::edit::EditError) {
        let lang = self.ui.lang();
        self.ui.error(format!(
            "{}: {}",
            lang.pick("无法修改", "Not changed"),
            e.message(lang)
        ));
    }

    pub(crate) fn prune_selection(&mut self) {
        let p = &self.doc.project;
        self.ui
            .selection
            .nodes
            .retain(|id| p.nodes.contains_key(id));
        self.ui
            .selection
            .links
            .retain(|id| p.links.contains_key(id));
    }
}
