//! The file browser inside the app, for machines without a desktop file dialog. It is a modal
//! drawn after every other dialog of the frame, so it sits above whatever opened it (the import
//! dialog, the project dialog) and has the keyboard: the name field takes a file name or a
//! whole path (typed or pasted), Enter opens it; a click selects, a double click opens a file
//! or enters a folder; Esc closes the browser and nothing else.

use super::Purpose;
use super::folder::{Entry, check, file_name, places, read_folder, resolve, size_text};
use crate::i18n::Lang;
use crate::ui::theme;
use egui::{Key, Modifiers, RichText};
use std::path::{Path, PathBuf};

/// What the browser came to this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Chosen(PathBuf),
    Cancelled,
}

/// The in-app browser while it is open.
#[derive(Debug)]
pub struct Browser {
    purpose: Purpose,
    title: String,
    dir: PathBuf,
    entries: Vec<Entry>,
    /// The folder could not be read.
    list_error: Option<String>,
    selected: Option<usize>,
    /// The file name or path in the field: typed, pasted, or the clicked file's name.
    name: String,
    /// Why the last Open or Save did not go through.
    error: Option<String>,
    show_hidden: bool,
    /// The name field takes the keyboard (when the browser opens, after Enter on a folder).
    focus_name: bool,
    /// Save: this file exists; the next Save replaces it.
    replace: Option<PathBuf>,
}

const NAME_FIELD: &str = "file-browser-name";

impl Browser {
    /// A browser in `dir` with `name` in the name field (a save's suggested file name).
    pub fn new(purpose: Purpose, title: String, dir: PathBuf, name: String) -> Self {
        let mut browser = Browser {
            purpose,
            title,
            dir: PathBuf::new(),
            entries: Vec::new(),
            list_error: None,
            selected: None,
            name,
            error: None,
            show_hidden: false,
            focus_name: true,
            replace: None,
        };
        browser.enter(dir);
        browser
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// The folder shown.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The text of the name field.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Shows the folder `dir`.
    fn enter(&mut self, dir: PathBuf) {
        self.dir = dir;
        self.selected = None;
        self.error = None;
        self.replace = None;
        match read_folder(&self.dir, self.purpose, self.show_hidden) {
            Ok(entries) => {
                self.entries = entries;
                self.list_error = None;
            }
            Err(e) => {
                self.entries.clear();
                self.list_error = Some(e.to_string());
            }
        }
    }

    /// Draws the browser; the answer once the user chose or cancelled.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Answer> {
        // The browser is the innermost dialog: Esc is its own, and closes only it.
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            return Some(Answer::Cancelled);
        }
        let screen = ctx.content_rect();
        let mut answer = None;
        // Anchored at the top: an error line that comes and goes never moves the rows.
        let id = egui::Id::unique("file-browser");
        let top = ((screen.height() - 560.0) / 2.0).max(20.0);
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, top]);
        egui::Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).clamp(360.0, 680.0));
            ui.heading(&self.title);
            ui.add_space(4.0);
            self.places_ui(ui, lang);
            ui.add_space(4.0);
            let list_height = (screen.height() - 300.0).clamp(120.0, 300.0);
            if let Some(chosen) = self.list_ui(ui, list_height, lang) {
                answer = Some(chosen);
            }
            ui.add_space(6.0);
            if let Some(chosen) = self.name_ui(ui, lang) {
                answer = Some(chosen);
            }
            if let Some(e) = &self.error {
                ui.colored_label(theme::ERROR, e);
            }
            ui.add_space(6.0);
            if let Some(chosen) = self.buttons_ui(ui, lang) {
                answer = Some(chosen);
            }
        });
        answer
    }

    /// Up one folder, the folder shown, and the user's usual places.
    fn places_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let mut go: Option<PathBuf> = None;
        ui.horizontal(|ui| {
            let parent = self.dir.parent().map(Path::to_path_buf);
            if ui
                .add_enabled(parent.is_some(), egui::Button::new("⬆"))
                .on_hover_text(lang.pick("上一级文件夹", "Parent folder"))
                .clicked()
            {
                go = parent;
            }
            for (label, place) in places(lang) {
                if ui
                    .button(label)
                    .on_hover_text(place.display().to_string())
                    .clicked()
                {
                    go = Some(place);
                }
            }
        });
        ui.label(
            RichText::new(self.dir.display().to_string())
                .monospace()
                .small(),
        )
        .on_hover_text(lang.pick("当前文件夹", "The folder shown"));
        if let Some(dir) = go {
            self.enter(dir);
        }
    }

    /// The folder's contents: folders first, then the files this dialog is for.
    fn list_ui(&mut self, ui: &mut egui::Ui, height: f32, lang: Lang) -> Option<Answer> {
        let mut clicked: Option<usize> = None;
        let mut opened: Option<usize> = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("file-browser-list")
                .min_scrolled_height(height)
                .max_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(e) = &self.list_error {
                        ui.colored_label(
                            theme::ERROR,
                            format!(
                                "{}:{e}",
                                lang.pick("无法读取文件夹", "Cannot read the folder")
                            ),
                        );
                    } else if self.entries.is_empty() {
                        ui.weak(lang.pick("(没有可选的文件)", "(no files to choose here)"));
                    }
                    for (i, entry) in self.entries.iter().enumerate() {
                        // Glyphs of egui's own icon font, there with every font set.
                        let icon = if entry.is_dir { "🗀" } else { "🗋" };
                        let size = if entry.is_dir {
                            String::new()
                        } else {
                            size_text(entry.size)
                        };
                        let button = egui::Button::selectable(
                            self.selected == Some(i),
                            format!("{icon} {}", entry.name),
                        )
                        .shortcut_text(size)
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                        let response = ui.add(button);
                        if response.double_clicked() {
                            opened = Some(i);
                        } else if response.clicked() {
                            clicked = Some(i);
                        }
                    }
                });
        });
        if let Some(i) = clicked {
            self.select(i);
        }
        let i = opened?;
        self.select(i);
        self.accept(lang)
    }

    fn select(&mut self, i: usize) {
        self.selected = Some(i);
        self.error = None;
        if let Some(entry) = self.entries.get(i).filter(|e| !e.is_dir) {
            self.name = entry.name.clone();
            self.replace = None;
        }
    }

    /// The file name or path field; Enter opens what it names.
    fn name_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Answer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("文件名或路径:", "File name or path:"));
            let field = egui::TextEdit::singleline(&mut self.name)
                .id_salt(NAME_FIELD)
                .hint_text(lang.pick("输入或粘贴,回车打开", "type or paste, Enter opens"))
                .desired_width(f32::INFINITY);
            let response = ui.add(field).labelled_by(label.id);
            if self.focus_name {
                response.request_focus();
                if response.has_focus() {
                    self.focus_name = false;
                }
            }
            if response.changed() {
                self.error = None;
                self.replace = None;
            }
            // Up and Down walk the list while the field has the keyboard.
            if response.has_focus() && !self.entries.is_empty() {
                let step = ui.input(|i| {
                    i.key_pressed(Key::ArrowDown) as i64 - i.key_pressed(Key::ArrowUp) as i64
                });
                if step != 0 {
                    let last = self.entries.len() as i64 - 1;
                    let at = self
                        .selected
                        .map_or(if step > 0 { -1 } else { last + 1 }, |s| s as i64);
                    self.select((at + step).clamp(0, last) as usize);
                }
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                answer = self.accept(lang);
                if answer.is_none() {
                    self.focus_name = true;
                }
            }
        });
        answer
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Answer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui
                .checkbox(
                    &mut self.show_hidden,
                    lang.pick("显示隐藏文件", "Show hidden files"),
                )
                .changed()
            {
                self.enter(self.dir.clone());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    answer = Some(Answer::Cancelled);
                }
                let label = match (self.purpose.is_save(), self.replace.is_some()) {
                    (true, true) => lang.pick("替换", "Replace"),
                    (true, false) => lang.pick("保存", "Save"),
                    (false, _) => lang.pick("打开", "Open"),
                };
                if ui.button(RichText::new(label).strong()).clicked() {
                    answer = self.accept(lang);
                }
            });
        });
        answer
    }

    /// Opens what the name field names (or the selected row): a folder is entered, a file is
    /// checked and chosen; a problem is said in the dialog.
    fn accept(&mut self, lang: Lang) -> Option<Answer> {
        let typed = self.name.trim();
        let path = if typed.is_empty() {
            match self.selected.and_then(|i| self.entries.get(i)) {
                Some(entry) => entry.path.clone(),
                None => {
                    self.error = Some(
                        lang.pick(
                            "请选择一个文件,或输入文件名",
                            "Choose a file, or type its name",
                        )
                        .to_owned(),
                    );
                    return None;
                }
            }
        } else {
            resolve(&self.dir, typed)
        };
        if path.is_dir() {
            self.name.clear();
            self.enter(path);
            return None;
        }
        match check(self.purpose, &path, lang) {
            Err(message) => {
                self.error = Some(message);
                None
            }
            Ok(())
                if self.purpose.is_save()
                    && path.exists()
                    && self.replace.as_ref() != Some(&path) =>
            {
                let name = file_name(&path);
                self.error = Some(match lang {
                    Lang::Zh => format!("“{name}”已存在。再按一次“替换”覆盖它,或换一个名称。"),
                    Lang::En => format!(
                        "\"{name}\" exists already. Press Replace to overwrite it, or choose another name."
                    ),
                });
                self.replace = Some(path);
                None
            }
            Ok(()) => Some(Answer::Chosen(path)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::import::TableKind;

    #[test]
    fn a_typed_path_is_checked_for_what_the_dialog_opens() {
        let dir = std::env::temp_dir().join(format!("chainmap-browser-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("子文件夹")).unwrap();
        std::fs::write(dir.join("企业.csv"), "名称\n甲\n").unwrap();
        std::fs::write(dir.join("说明.docx"), "x").unwrap();
        let import = Purpose::ImportTable(TableKind::Nodes);
        let mut b = Browser::new(import, String::new(), dir.clone(), String::new());
        let names: Vec<&str> = b.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["子文件夹", "企业.csv"],
            "folders first, only tables"
        );
        b.name = "说明.docx".into();
        assert_eq!(b.accept(Lang::En), None);
        assert_eq!(
            b.error.as_deref(),
            Some(
                "\"说明.docx\" is not a spreadsheet: choose a CSV or Excel file (.csv .txt .xlsx .xlsm .xls .ods)"
            )
        );
        b.name = "没有.csv".into();
        assert_eq!(b.accept(Lang::Zh), None);
        assert!(b.error.as_deref().unwrap().starts_with("没有这个文件:"));
        b.name = "子文件夹".into();
        assert_eq!(b.accept(Lang::En), None);
        assert_eq!(b.dir(), dir.join("子文件夹"), "a folder is entered");
        b.name = format!("\"{}\"", dir.join("企业.csv").display());
        assert_eq!(
            b.accept(Lang::En),
            Some(Answer::Chosen(dir.join("企业.csv"))),
            "a pasted path, quotes and all"
        );
        // Saving over a file asks once more.
        let mut s = Browser::new(
            Purpose::SaveAs,
            String::new(),
            dir.clone(),
            "企业.csv".into(),
        );
        assert_eq!(s.accept(Lang::En), None);
        assert!(s.error.as_deref().unwrap().contains("exists already"));
        assert_eq!(
            s.accept(Lang::En),
            Some(Answer::Chosen(dir.join("企业.csv")))
        );
        s.name = dir.join("无此文件夹").join("a.json").display().to_string();
        assert_eq!(s.accept(Lang::En), None);
        assert!(s.error.as_deref().unwrap().starts_with("No such folder"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
