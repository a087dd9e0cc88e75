//! Writing exports and the schedule CSV to the files the user chose.

use super::ChainmapApp;
use crate::export::{ExportFormat, ExportOptions, TableName};
use crate::ui::widgets::split_chart;
use std::path::PathBuf;

impl ChainmapApp {
    /// Writes an export to `path` (the Markdown report's picture beside it); says so in the
    /// status bar.
    pub fn export_to(&mut self, format: ExportFormat, table: Option<TableName>, path: PathBuf) {
        let lang = self.ui.lang();
        let path = if path.extension().is_none() {
            path.with_extension(format.extension())
        } else {
            path
        };
        let options = ExportOptions {
            lang,
            size: None,
            table: table.or((format == ExportFormat::Csv).then_some(TableName::Nodes)),
            year: None,
            picture_name: Some(crate::export::picture_name_for(&path)),
            sheet: self.dialogs.sheet(),
        };
        let project = self.doc.titled_project(lang);
        let files = match crate::export::export(&project, format, &options) {
            Ok(files) => files,
            Err(e) => {
                log::warn!("export to {} failed: {e}", path.display());
                self.ui.error(format!(
                    "{}: {}",
                    lang.pick("无法导出", "Export failed"),
                    e.message(lang)
                ));
                return;
            }
        };
        for (i, f) in files.iter().enumerate() {
            let target = if i == 0 {
                path.clone()
            } else {
                path.with_file_name(&f.name)
            };
            if let Err(e) = std::fs::write(&target, &f.bytes) {
                log::warn!("cannot write {}: {e}", target.display());
                self.ui.error(format!(
                    "{} {}: {}",
                    lang.pick("无法写入", "Cannot write"),
                    target.display(),
                    crate::i18n::io_error_text(&e, lang)
                ));
                return;
            }
        }
        self.ui.info(format!(
            "{} {}",
            lang.pick("已导出", "Exported"),
            path.display()
        ));
    }

    /// Writes the territory map (as the 县域空间 view lays it out and colours it) to `path` as
    /// SVG, or as PNG at twice its natural size (sharp when printed), at most the PNG limit.
    pub fn export_territory_to(&mut self, format: ExportFormat, path: PathBuf) {
        use crate::ui::territory::svg;
        let lang = self.ui.lang();
        let path = if path.extension().is_none() {
            path.with_extension(format.extension())
        } else {
            path
        };
        let titled = self.doc.titled_project(lang);
        let project = &*titled;
        let computed;
        let analysis = match self.derived.analysis() {
            Some(a) => a,
            None => {
                computed = crate::analysis::analyze(project, &Default::default());
                &computed
            }
        };
        let layout = svg::export_layout(project, &analysis.territory);
        let colouring = self.ui.territory.colouring;
        let bytes = if format == ExportFormat::Png {
            let (w, h) = svg::natural_size(&layout);
            let limit = crate::export::picture::MAX_PNG_SIDE as f32;
            let scale = 2.0f32.min(limit / w.max(h) as f32);
            let size = (
                ((w as f32 * scale) as u32).max(1),
                ((h as f32 * scale) as u32).max(1),
            );
            match svg::territory_png(&layout, project, lang, colouring, size) {
                Ok(bytes) => bytes,
                Err(e) => {
                    log::warn!("territory PNG for {} failed: {e}", path.display());
                    let e = crate::export::ExportError::Png(e);
                    self.ui.error(format!(
                        "{}: {}",
                        lang.pick("无法导出", "Export failed"),
                        e.message(lang)
                    ));
                    return;
                }
            }
        } else {
            svg::territory_svg(&layout, project, lang, colouring, None).into_bytes()
        };
        match std::fs::write(&path, bytes) {
            Ok(()) => self.ui.info(format!(
                "{} {}",
                lang.pick("已导出", "Exported"),
                path.display()
            )),
            Err(e) => {
                log::warn!("cannot write {}: {e}", path.display());
                self.ui.error(format!(
                    "{} {}: {}",
                    lang.pick("无法写入", "Cannot write"),
                    path.display(),
                    crate::i18n::io_error_text(&e, lang)
                ))
            }
        }
    }

    /// Writes the schedule shown in the sharing tab to `path` as CSV.
    pub fn export_schedule(&mut self, path: PathBuf) {
        let lang = self.ui.lang();
        let project = &self.doc.project;
        let agreement = self
            .ui
            .agreement
            .as_ref()
            .and_then(|id| project.agreements.get(id))
            .or_else(|| project.agreements.values().next());
        let Some(a) = agreement else {
            return;
        };
        let s = crate::sharing::schedule(project, a, None, None);
        // The ledger and metric the tab shows, if this agreement's schedule has it; else the
        // one the tab would show first (a choice made on another agreement does not carry).
        let views = split_chart::schedule_views(&s);
        let Some(view) = self
            .ui
            .schedule_view
            .filter(|v| views.contains(v))
            .or_else(|| split_chart::preferred_view(&s))
        else {
            self.ui.error(lang.pick(
                "这个协议的分成表是空的,没有可导出的内容",
                "This agreement's schedule is empty: nothing to export",
            ));
            return;
        };
        let path = if path.extension().is_some() {
            path
        } else {
            path.with_extension("csv")
        };
        let csv = crate::ui::panels::agreements::schedule_csv(project, &s, view, lang);
        match std::fs::write(&path, csv) {
            Ok(()) => self.ui.info(format!(
                "{} {}",
                lang.pick("已导出", "Exported"),
                path.display()
            )),
            Err(e) => {
                log::warn!("cannot write {}: {e}", path.display());
                self.ui.error(format!(
                    "{} {}: {}",
                    lang.pick("无法写入", "Cannot write"),
                    path.display(),
                    crate::i18n::io_error_text(&e, lang)
                ))
            }
        }
    }
}
