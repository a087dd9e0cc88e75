//! The menu bar, generated from the command table: each command draws its own button, so its
//! label, shortcut text, enabled and checked state come from one place. Submenus gather the
//! exports, recent files, autosave and language.

use super::ChainmapApp;
use super::commands::EditorState;
use crate::export::ExportFormat;
use crate::i18n::Lang;
use crate::ui::command::{AppCommand, CommandState, Menu};
use crate::ui::state::Queue;

/// Draws `command` as a menu button: label (with what undo/redo would do), shortcut, state.
fn command_button(
    ui: &mut egui::Ui,
    command: AppCommand,
    label: String,
    state: &EditorState,
    queue: &mut Queue,
    lang: Lang,
) {
    let checked = state.checked(command);
    let mut button = egui::Button::new(label).selected(checked == Some(true));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(crate::ui::command::keys::shortcut_text(ui.ctx(), &shortcut));
    }
    if ui
        .add_enabled(state.enabled(command), button)
        .on_hover_text(command.tooltip(lang))
        .clicked()
    {
        queue.commands.push(command);
    }
}

/// While the map is alone on screen, the way back, at the right of the menu bar (which stays).
fn leave_map_only_button(ui: &mut egui::Ui, queue: &mut Queue, lang: Lang) {
    let key = AppCommand::MapOnly
        .shortcut()
        .map(|k| crate::ui::command::keys::shortcut_text(ui.ctx(), &k))
        .unwrap_or_default();
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let text = format!("{} ({key})", lang.pick("退出仅地图", "Leave map only"));
        if ui
            .button(text)
            .on_hover_text(lang.pick(
                "恢复之前的面板(也可按 F11)",
                "Bring the panels back as they were (F11 too)",
            ))
            .clicked()
        {
            queue.commands.push(AppCommand::MapOnly);
        }
    });
}

impl ChainmapApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui, queue: &mut Queue) {
        let lang = self.ui.lang();
        let state = EditorState::of(self);
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.label(lang), |ui| {
                    for command in AppCommand::all() {
                        if command.menu() != Some(menu) || in_submenu(command) {
                            continue;
                        }
                        let label = self.menu_label(command, lang);
                        command_button(ui, command, label, &state, queue, lang);
                        match command {
                            AppCommand::Open => self.recent_menu(ui, queue, lang),
                            AppCommand::ExportImportTemplate => {
                                export_menu(ui, &state, queue, lang);
                                self.autosave_menu(ui, lang);
                            }
                            _ => {}
                        }
                    }
                    if menu == Menu::View {
                        ui.separator();
                        language_menu(ui, &state, queue, lang);
                    }
                    if menu == Menu::Scenarios {
                        ui.separator();
                        let choices = crate::ui::scenarios::Choices::of(&self.doc);
                        crate::ui::scenarios::list_ui(ui, &choices, queue, lang);
                    }
                });
            }
            if self.ui.map_only {
                leave_map_only_button(ui, queue, lang);
            }
        });
    }

    /// The label, with what undo and redo would undo or redo.
    fn menu_label(&self, command: AppCommand, lang: Lang) -> String {
        let label = command.label(lang);
        let what = match command {
            AppCommand::Undo => self.doc.undo_label(lang),
            AppCommand::Redo => self.doc.redo_label(lang),
            _ => None,
        };
        match what {
            Some(what) => format!("{label} {what}"),
            None => label,
        }
    }

    fn recent_menu(&self, ui: &mut egui::Ui, queue: &mut Queue, lang: Lang) {
        ui.menu_button(lang.pick("最近打开", "Open Recent"), |ui| {
            if self.ui.settings.recent.is_empty() {
                ui.weak(lang.pick("(无)", "(none)"));
            }
            for path in &self.ui.settings.recent {
                if ui.button(path.display().to_string()).clicked() {
                    queue.open_path = Some(path.clone());
                }
            }
        });
    }

    fn autosave_menu(&mut self, ui: &mut egui::Ui, lang: Lang) {
        ui.menu_button(lang.pick("自动保存", "Autosave"), |ui| {
            for (seconds, zh, en) in [
                (0, "关闭", "Off"),
                (30, "每 30 秒", "Every 30 seconds"),
                (60, "每分钟", "Every minute"),
                (300, "每 5 分钟", "Every 5 minutes"),
                (600, "每 10 分钟", "Every 10 minutes"),
            ] {
                let on = self.ui.settings.autosave_seconds == seconds;
                if ui.radio(on, lang.pick(zh, en)).clicked() {
                    self.ui.settings.autosave_seconds = seconds;
                }
            }
            ui.separator();
            ui.weak(lang.pick(
                "未保存的修改写入恢复文件;意外退出后下次启动时可恢复。",
                "Unsaved changes go to a recovery file, offered back after a crash.",
            ));
        });
    }
}

/// Commands drawn inside a submenu rather than as items of their menu.
fn in_submenu(command: AppCommand) -> bool {
    matches!(
        command,
        AppCommand::Export(_)
            | AppCommand::ExportTable(_)
            | AppCommand::ExportTerritory(_)
            | AppCommand::LangZh
            | AppCommand::LangEn
    )
}

/// File → Export: the formats, and the tables one by one as CSV.
fn export_menu(ui: &mut egui::Ui, state: &EditorState, queue: &mut Queue, lang: Lang) {
    ui.menu_button(lang.pick("导出", "Export"), |ui| {
        for command in AppCommand::all() {
            match command {
                AppCommand::Export(ExportFormat::Xlsx) => {
                    ui.menu_button(ExportFormat::Csv.label(lang), |ui| {
                        for table in AppCommand::all() {
                            if let AppCommand::ExportTable(t) = table {
                                command_button(
                                    ui,
                                    table,
                                    t.label(lang).to_owned(),
                                    state,
                                    queue,
                                    lang,
                                );
                            }
                        }
                    });
                    command_button(ui, command, command.label(lang), state, queue, lang);
                }
                AppCommand::Export(format) => {
                    // The hand-over documents, pictures and tables, other reports, graphs.
                    if matches!(
                        format,
                        ExportFormat::Svg | ExportFormat::Md | ExportFormat::Graphml
                    ) {
                        ui.separator();
                    }
                    command_button(ui, command, command.label(lang), state, queue, lang)
                }
                AppCommand::ExportTerritory(ExportFormat::Svg) => {
                    ui.separator();
                    command_button(ui, command, command.label(lang), state, queue, lang)
                }
                AppCommand::ExportTerritory(_) => {
                    command_button(ui, command, command.label(lang), state, queue, lang)
                }
                _ => {}
            }
        }
    });
}

fn language_menu(ui: &mut egui::Ui, state: &EditorState, queue: &mut Queue, lang: Lang) {
    ui.menu_button(lang.pick("语言 Language", "Language 语言"), |ui| {
        for command in [AppCommand::LangZh, AppCommand::LangEn] {
            if ui
                .radio(state.checked(command) == Some(true), command.label(lang))
                .on_hover_text(command.tooltip(lang))
                .clicked()
            {
                queue.commands.push(command);
            }
        }
    });
}
