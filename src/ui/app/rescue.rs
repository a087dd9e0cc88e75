//! The net under every frame: a panic is caught, the work saved, the user told; and the offer
//! to restore work a crashed run left behind.

use super::ChainmapApp;
use crate::i18n::Lang;
use crate::ui::file_dialog::Purpose;
use crate::ui::theme;

/// After this many panicking frames in a row, only the rescue dialog is drawn.
const PANICS_BEFORE_SAFE_MODE: u32 = 3;

impl ChainmapApp {
    /// A frame with a net under it: a panic inside is caught at the frame boundary, the project
    /// is written to the recovery file and the user is told, instead of the window vanishing.
    pub fn guarded_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let result = if self.panics_in_a_row >= PANICS_BEFORE_SAFE_MODE {
            Ok(())
        } else {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame(ui)))
        };
        match result {
            Ok(()) => {
                if self.panics_in_a_row < PANICS_BEFORE_SAFE_MODE {
                    self.panics_in_a_row = 0;
                }
            }
            Err(payload) => {
                self.panics_in_a_row += 1;
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown".to_owned());
                // Whatever was on the way is dropped; the project itself only changes through
                // whole edits, so it is intact.
                let saved = self.recovery.write(&self.doc);
                // Where and the backtrace were logged by the panic hook (see `logging`).
                match &saved {
                    Ok(path) => log::error!(
                        "a frame panicked ({what}); the project was saved to {}",
                        path.display()
                    ),
                    Err(e) => log::error!("a frame panicked ({what}); autosave failed: {e}"),
                }
                let lang = self.ui.lang();
                let place = match saved {
                    Ok(path) => match lang {
                        Lang::Zh => format!("项目已自动保存到 {}。", path.display()),
                        Lang::En => format!("The project was saved to {}.", path.display()),
                    },
                    Err(e) => match lang {
                        Lang::Zh => format!("自动保存失败({e}),请立即保存。"),
                        Lang::En => format!("Autosave failed ({e}); save now."),
                    },
                };
                self.crash = Some(format!("{what}\n\n{place}"));
                ctx.request_repaint();
            }
        }
        self.crash_ui(&ctx);
    }

    /// Tells the user about an internal error; offers to save and go on.
    fn crash_ui(&mut self, ctx: &egui::Context) {
        let Some(text) = self.crash.clone() else {
            return;
        };
        let lang = self.ui.lang();
        let safe_mode = self.panics_in_a_row >= PANICS_BEFORE_SAFE_MODE;
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("crash")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(lang.pick("串珠遇到了内部错误", "chainmap hit an internal error"));
            ui.label(lang.pick(
                "刚才的操作没有完成,但你的项目没有丢失。",
                "What you just did did not finish, but your project is not lost.",
            ));
            ui.label(egui::RichText::new(&text).small());
            if safe_mode {
                ui.colored_label(
                    theme::WARNING,
                    lang.pick(
                        "错误反复出现:请保存后重新启动串珠。",
                        "The error keeps coming back: save, then restart chainmap.",
                    ),
                );
            }
            ui.horizontal(|ui| {
                if ui.button(lang.pick("保存", "Save")).clicked() {
                    answer = Some(true);
                }
                if !safe_mode && ui.button(lang.pick("继续", "Continue")).clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                // Straight to the file when there is one; else Save As (the file dialog needs
                // working frames, which safe mode does not draw).
                let lang = self.ui.lang();
                match self.doc.path.clone() {
                    Some(_) => {
                        self.save_to(None);
                        if !self.doc.is_dirty() {
                            self.crash = None;
                            self.recovery.clear();
                        }
                    }
                    None if safe_mode => {
                        self.ui.error(lang.pick(
                            "项目还没有文件:已保存在恢复文件中,重新启动后可以恢复。",
                            "The project has no file yet: it is in the recovery file, offered back at the next start.",
                        ));
                    }
                    None => {
                        self.crash = None;
                        self.dialogs.start(ctx, Purpose::SaveAs, None, lang);
                    }
                }
            }
            Some(false) => self.crash = None,
            None => {}
        }
    }

    /// Offers back the work a crashed run left in the recovery file.
    pub(super) fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(info) = self.recovery_offer.clone() else {
            return;
        };
        let lang = self.ui.lang();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery-offer")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(lang.pick("恢复未保存的工作?", "Restore unsaved work?"));
            let from = match &info.path {
                Some(p) => p.display().to_string(),
                None => lang.pick("未保存的项目", "a project never saved").to_owned(),
            };
            ui.label(match lang {
                Lang::Zh => format!(
                    "串珠上次没有正常退出。找到“{}”({from})在 {}({})自动保存的修改。",
                    info.project,
                    crate::ui::recovery::ago(info.saved_at, lang),
                    crate::time::local_text(info.saved_at)
                ),
                Lang::En => format!(
                    "chainmap did not close properly last time. Changes to \"{}\" ({from}) were saved {} ({}).",
                    info.project,
                    crate::ui::recovery::ago(info.saved_at, lang),
                    crate::time::local_text(info.saved_at)
                ),
            });
            ui.label(
                egui::RichText::new(info.file.display().to_string())
                    .small()
                    .color(ui.visuals().weak_text_color()),
            );
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(lang.pick("恢复", "Restore")).clicked() {
                    answer = Some(true);
                }
                if ui.button(lang.pick("丢弃", "Discard")).clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.recovery_offer = None;
                match self.recovery.restore(&info) {
                    Ok(doc) => {
                        // This run's own recovery file takes the work over at once, then the
                        // crashed run's files go.
                        if self.recovery.write(&doc).is_ok() {
                            self.recovery.discard(&info);
                        }
                        self.doc = doc;
                        self.generation += 1;
                        self.issues_revision = None;
                        self.ui.selection.clear();
                        self.ui.highlight = None;
                        self.ui.fit_requested = true;
                        self.ui.info(lang.pick(
                            "已恢复。请保存,以免再次丢失。",
                            "Restored. Save it so it is safe.",
                        ));
                    }
                    Err(e) => {
                        log::warn!("cannot restore {}: {e}", info.file.display());
                        self.load_failure = Some((info.file.clone(), e.issues));
                    }
                }
            }
            Some(false) => {
                self.recovery_offer = None;
                self.recovery.discard(&info);
            }
            None => {}
        }
    }

    /// Makes the next frame panic, to check the net under it (tests only).
    #[doc(hidden)]
    pub fn panic_in_next_frame(&mut self) {
        self.fail_next_frame = true;
    }
}
