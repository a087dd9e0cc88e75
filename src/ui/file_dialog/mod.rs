//! File dialogs: the native one through rfd, run off the UI thread (it blocks until answered),
//! and a file browser inside the app (`browser`) when no native dialog can be shown. rfd answers
//! "nothing" within milliseconds when there is no desktop portal; a real user needs longer than
//! that to cancel, so a fast empty answer means "no native dialog here" and the in-app browser
//! opens.

mod browser;
mod folder;
mod poster;

use crate::export::{ExportFormat, TableName};
use crate::file::import::TableKind;
use crate::i18n::Lang;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Set when the in-app browser must be used (tests; machines known to have no portal).
static FORCE_IN_APP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Always use the in-app file browser from now on.
pub fn force_in_app_browser() {
    FORCE_IN_APP.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Faster than any person can press Cancel.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// What the chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    /// A schedule table to CSV.
    ExportCsv,
    /// A spreadsheet to import as this kind of table.
    ImportTable(TableKind),
    /// Where an export goes (CSV: which table).
    Export(ExportFormat, Option<TableName>),
    /// Where the territory map goes (SVG or PNG; issue 20).
    ExportTerritory(ExportFormat),
    /// Where the empty import template goes.
    ImportTemplate,
    /// A list of 招商 candidates to import (issue 18).
    ImportCandidates,
    /// A GeoJSON of town boundaries to import (issue 20).
    ImportBoundaries,
    /// File → Merge…: the colleague's copy (THEIRS), then the version both started from (BASE).
    MergeTheirs,
    MergeBase,
    /// Another project file to compare with (issue 22).
    CompareFile,
}

impl Purpose {
    /// Whether the dialog picks a file to write.
    pub(crate) fn is_save(self) -> bool {
        !matches!(
            self,
            Purpose::Open
                | Purpose::ImportTable(_)
                | Purpose::ImportCandidates
                | Purpose::ImportBoundaries
                | Purpose::MergeTheirs
                | Purpose::MergeBase
                | Purpose::CompareFile
        )
    }

    /// The extensions offered, and the filter's name.
    pub(crate) fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Purpose::Open
            | Purpose::SaveAs
            | Purpose::MergeTheirs
            | Purpose::MergeBase
            | Purpose::CompareFile => ("chainmap", &["json"]),
            Purpose::ExportCsv => ("CSV", &["csv"]),
            Purpose::ImportTemplate => ("Excel", &["xlsx"]),
            Purpose::ImportBoundaries => ("GeoJSON", &["geojson", "json"]),
            Purpose::ImportTable(_) | Purpose::ImportCandidates => {
                ("CSV / Excel", &["csv", "txt", "xlsx", "xlsm", "xls", "ods"])
            }
            Purpose::ExportTerritory(ExportFormat::Png) => ("PNG", &["png"]),
            Purpose::ExportTerritory(_) => ("SVG", &["svg"]),
            Purpose::Export(format, _) => match format {
                ExportFormat::Svg => ("SVG", &["svg"]),
                ExportFormat::Png => ("PNG", &["png"]),
                ExportFormat::Graphml => ("GraphML", &["graphml"]),
                ExportFormat::Gexf => ("GEXF", &["gexf"]),
                ExportFormat::Csv => ("CSV", &["csv"]),
                ExportFormat::Xlsx => ("Excel", &["xlsx"]),
                ExportFormat::Md => ("Markdown", &["md"]),
                ExportFormat::ReportHtml | ExportFormat::Html => ("HTML", &["html"]),
                ExportFormat::Docx => ("Word", &["docx"]),
                ExportFormat::Pdf => ("PDF", &["pdf"]),
            },
        }
    }

    /// The file name a save dialog suggests.
    fn default_name(self) -> String {
        match self {
            Purpose::SaveAs => "project.chainmap.json".to_owned(),
            Purpose::ExportCsv => "schedule.csv".to_owned(),
            Purpose::ImportTemplate => "串珠导入模板.xlsx".to_owned(),
            Purpose::Export(format, table) => format!(
                "{}.{}",
                table.map(|t| t.code()).unwrap_or(match format {
                    ExportFormat::Md | ExportFormat::ReportHtml | ExportFormat::Docx => "report",
                    ExportFormat::Xlsx => "tables",
                    ExportFormat::Pdf => "poster",
                    _ => "chain",
                }),
                format.extension()
            ),
            Purpose::ExportTerritory(format) => format!("territory.{}", format.extension()),
            Purpose::Open
            | Purpose::ImportTable(_)
            | Purpose::ImportCandidates
            | Purpose::ImportBoundaries
            | Purpose::MergeTheirs
            | Purpose::MergeBase
            | Purpose::CompareFile => String::new(),
        }
    }
}

/// What came of a dialog this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Chosen(Purpose, PathBuf),
    Cancelled,
}

/// The answer of a native dialog: the path, and how long the dialog took to give it.
type NativeAnswer = (Option<PathBuf>, Duration);

fn title(purpose: Purpose, lang: Lang) -> String {
    match purpose {
        Purpose::Open => lang.pick("打开项目", "Open project").to_owned(),
        Purpose::SaveAs => lang.pick("项目另存为", "Save project as").to_owned(),
        Purpose::ExportCsv => lang
            .pick("导出分成表(CSV)", "Export schedule (CSV)")
            .to_owned(),
        Purpose::ImportTemplate => lang
            .pick("导出导入模板", "Save the import template")
            .to_owned(),
        Purpose::ImportCandidates => lang
            .pick("导入招商候选名单", "Import a list of candidate firms")
            .to_owned(),
        Purpose::ImportBoundaries => lang
            .pick("导入行政区边界(GeoJSON)", "Import boundaries (GeoJSON)")
            .to_owned(),
        Purpose::MergeTheirs => lang
            .pick(
                "合并 1/2:对方的项目文件",
                "Merge 1/2: the colleague's project file (theirs)",
            )
            .to_owned(),
        Purpose::CompareFile => lang
            .pick("对比:另一个项目文件", "Compare with another project file")
            .to_owned(),
        Purpose::MergeBase => lang
            .pick(
                "合并 2/2:双方共同的原始版本",
                "Merge 2/2: the version both started from (base)",
            )
            .to_owned(),
        Purpose::ImportTable(kind) => match lang {
            Lang::Zh => format!("导入:{}", kind.label(lang)),
            Lang::En => format!("Import: {}", kind.label(lang)),
        },
        Purpose::ExportTerritory(format) => format!(
            "{} {}",
            lang.pick("导出", "Export"),
            crate::ui::command::AppCommand::ExportTerritory(format)
                .label(lang)
                .trim_end_matches('…')
        ),
        Purpose::Export(format, table) => format!(
            "{} {}",
            lang.pick("导出", "Export"),
            table
                .map(|t| t.label(lang))
                .unwrap_or_else(|| format.label(lang).trim_end_matches('…'))
        ),
    }
}

/// The open file dialog, if any.
#[derive(Default)]
pub struct FileDialogs {
    native: Option<(Purpose, Receiver<NativeAnswer>)>,
    browser: Option<browser::Browser>,
    /// Native dialogs failed once: go straight to the browser from now on.
    native_unavailable: bool,
    /// The poster's paper dialog, asked before where the PDF goes (issue 21).
    poster: Option<(poster::PosterDialog, Purpose, Option<PathBuf>)>,
    /// The poster's paper last chosen.
    sheet: Option<crate::export::poster::Sheet>,
}

impl FileDialogs {
    /// Whether a dialog is showing.
    pub fn is_open(&self) -> bool {
        self.native.is_some() || self.browser.is_some() || self.poster.is_some()
    }

    /// The poster's paper the user last chose, if any.
    pub fn sheet(&self) -> Option<crate::export::poster::Sheet> {
        self.sheet
    }

    /// Starts a dialog for `purpose`; `suggested` is the current file, if any.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        suggested: Option<PathBuf>,
        lang: Lang,
    ) {
        if self.is_open() {
            return;
        }
        if let Purpose::Export(ExportFormat::Pdf, _) = purpose {
            let sheet = self.sheet.unwrap_or_default();
            self.poster = Some((poster::PosterDialog::new(sheet), purpose, suggested));
            return;
        }
        self.ask_where(ctx, purpose, suggested, lang);
    }

    /// The native dialog, or the in-app browser where there is none.
    fn ask_where(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        suggested: Option<PathBuf>,
        lang: Lang,
    ) {
        let use_native = !self.native_unavailable
            && !FORCE_IN_APP.load(std::sync::atomic::Ordering::Relaxed)
            && std::env::var_os("CHAINMAP_NO_NATIVE_DIALOG").is_none();
        if !use_native {
            self.open_browser(purpose, suggested, lang);
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let title = title(purpose, lang);
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let started = Instant::now();
                let (filter_name, extensions) = purpose.filter();
                let mut dialog = rfd::FileDialog::new()
                    .set_title(&title)
                    .add_filter(filter_name, extensions);
                if let Some(dir) = suggested.as_ref().and_then(|p| p.parent()) {
                    dialog = dialog.set_directory(dir);
                }
                let chosen = if purpose.is_save() {
                    let name = match purpose {
                        Purpose::SaveAs => suggested
                            .as_ref()
                            .and_then(|p| p.file_name())
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| purpose.default_name()),
                        _ => purpose.default_name(),
                    };
                    dialog.set_file_name(name).save_file()
                } else {
                    dialog.pick_file()
                };
                let _ = tx.send((chosen, started.elapsed()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.native = Some((purpose, rx)),
            Err(_) => self.open_browser(purpose, None, lang),
        }
    }

    fn open_browser(&mut self, purpose: Purpose, suggested: Option<PathBuf>, lang: Lang) {
        let (dir, name) = start_place(purpose, suggested.as_deref());
        self.browser = Some(browser::Browser::new(
            purpose,
            title(purpose, lang),
            dir,
            name,
        ));
    }

    /// The in-app browser's folder and name field, while it is open (tests, and the first-save
    /// suggestion shown to the user).
    pub fn browser_place(&self) -> Option<(PathBuf, String)> {
        self.browser
            .as_ref()
            .map(|b| (b.dir().to_owned(), b.name().to_owned()))
    }

    /// Shows the in-app browser and collects answers; call every frame.
    pub fn poll(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Outcome> {
        if let Some((dialog, _, _)) = &mut self.poster {
            let answer = dialog.ui(ctx, lang)?;
            let (_, purpose, suggested) = self.poster.take()?;
            return match answer {
                poster::Answer::Chosen(sheet) => {
                    self.sheet = Some(sheet);
                    self.ask_where(ctx, purpose, suggested, lang);
                    None
                }
                poster::Answer::Cancelled => Some(Outcome::Cancelled),
            };
        }
        if let Some((purpose, rx)) = &self.native
            && let Ok((chosen, elapsed)) = rx.try_recv()
        {
            let purpose = *purpose;
            self.native = None;
            return match chosen {
                Some(path) => Some(Outcome::Chosen(purpose, path)),
                None if elapsed < NO_DIALOG_THRESHOLD => {
                    self.native_unavailable = true;
                    self.open_browser(purpose, None, lang);
                    None
                }
                None => Some(Outcome::Cancelled),
            };
        }
        let browser = self.browser.as_mut()?;
        let purpose = browser.purpose();
        let outcome = match browser.ui(ctx, lang)? {
            browser::Answer::Chosen(path) => Outcome::Chosen(purpose, path),
            browser::Answer::Cancelled => Outcome::Cancelled,
        };
        self.browser = None;
        Some(outcome)
    }
}

/// Where a browser starts: the folder of the suggested file (or the folder suggested), else the
/// user's documents folder, else the working folder; a save's name field holds the suggested
/// file name, or the purpose's default.
fn start_place(purpose: Purpose, suggested: Option<&std::path::Path>) -> (PathBuf, String) {
    let suggested_dir = suggested.and_then(|p| {
        if p.is_dir() {
            Some(p.to_owned())
        } else {
            p.parent().filter(|d| d.is_dir()).map(|d| d.to_owned())
        }
    });
    let dir = suggested_dir
        .or_else(|| dirs::document_dir().filter(|d| d.is_dir()))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let name = if purpose.is_save() {
        suggested
            .filter(|p| !p.is_dir())
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| purpose.default_name())
    } else {
        String::new()
    };
    (dir, name)
}
