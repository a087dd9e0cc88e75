//! The import dialog's data-quality summary: firms without stage, output or any link, suspected
//! duplicates and links above their buyer's output, as the import would leave the project.
//! Closed, its header counts each finding; open, it names them.

use crate::file::import::Quality;
use crate::i18n::Lang;
use egui::RichText;

pub(super) fn quality_ui(ui: &mut egui::Ui, quality: &Quality, lang: Lang) {
    let lines = quality.lines(lang);
    if lines.is_empty() {
        ui.weak(lang.pick(
            "数据质量:没有发现问题",
            "Data quality: nothing to point out",
        ));
        return;
    }
    let counts: Vec<String> = lines
        .iter()
        .map(|l| format!("{} {}", l.label, l.items.len()))
        .collect();
    let title = format!(
        "{} {}",
        lang.pick("数据质量:", "Data quality:"),
        counts.join(" · ")
    );
    egui::CollapsingHeader::new(title)
        .id_salt("import-quality")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("import-quality-list")
                .max_height(110.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for line in &lines {
                        ui.label(
                            RichText::new(format!("{} ({})", line.label, line.items.len()))
                                .strong(),
                        );
                        ui.indent(line.label, |ui| {
                            ui.label(line.items.join(lang.pick("、", "; ")));
                        });
                    }
                });
        });
}
