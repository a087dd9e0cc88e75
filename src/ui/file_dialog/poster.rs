//! File → Export → 海报 PDF…: the paper and which way round, asked before where to write the
//! poster (issue 21).

use crate::export::poster::{Orientation, Paper, Sheet};
use crate::i18n::Lang;

/// What the user answered.
pub(super) enum Answer {
    Chosen(Sheet),
    Cancelled,
}

/// The paper dialog.
pub(super) struct PosterDialog {
    sheet: Sheet,
}

impl PosterDialog {
    pub(super) fn new(sheet: Sheet) -> PosterDialog {
        PosterDialog { sheet }
    }

    /// Shows the dialog; the answer once given.
    pub(super) fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Answer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("poster-paper")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading(lang.pick("海报 PDF", "Poster (PDF)"));
            ui.weak(lang.pick(
                "产业链图谱连同标题、图例和日期,按纸张大小排版;文字可选中、可搜索。",
                "The chain map with its title, legend and date, laid out for the paper; the text can be selected and searched.",
            ));
            ui.add_space(6.0);
            egui::Grid::new("poster-paper-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    ui.label(lang.pick("纸张", "Paper"));
                    ui.horizontal_wrapped(|ui| {
                        for paper in Paper::ALL {
                            let (w, h) = paper.millimetres();
                            ui.radio_value(&mut self.sheet.paper, paper, paper.code())
                                .on_hover_text(format!("{w} × {h} mm"));
                        }
                    });
                    ui.end_row();
                    ui.label(lang.pick("方向", "Orientation"));
                    ui.horizontal(|ui| {
                        for way in Orientation::ALL {
                            ui.radio_value(&mut self.sheet.orientation, way, way.label(lang));
                        }
                    });
                    ui.end_row();
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let next = ui.button(lang.pick("选择保存位置…", "Choose where to save…"));
                if next.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    answer = Some(Answer::Chosen(self.sheet));
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() {
                    answer = Some(Answer::Cancelled);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(Answer::Cancelled);
        }
        answer
    }
}
