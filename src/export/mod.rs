//! Results out: tables (CSV, XLSX), the map as a picture (SVG, PNG), the graph for yEd and Gephi
//! (GraphML, GEXF), a report (Markdown, HTML) and the interactive page (HTML). Pure functions of
//! the project: the CLI and the editor write what they return.

pub mod docx;
mod evaluation_tables;
pub mod graph;
pub mod interactive;
pub mod picture;
pub mod poster;
pub mod report;
pub mod tables;
mod target_tables;
mod territory_tables;

use crate::analysis::{AnalysisOptions, analyze};
use crate::i18n::Lang;
use crate::model::{Project, Year};
pub use tables::TableName;

/// What to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    Svg,
    Png,
    Graphml,
    Gexf,
    Csv,
    Xlsx,
    Md,
    /// The static report as one HTML file.
    ReportHtml,
    /// The interactive page: the map to explore, with the analysis beside it.
    Html,
    Docx,
    /// The map as a poster on A4–A0 paper (issue 21).
    Pdf,
}

impl ExportFormat {
    /// In menu order: what a consultant hands over first (the report, the poster, the page),
    /// then pictures, tables, the other reports and the graph for other tools.
    pub const ALL: [ExportFormat; 11] = [
        ExportFormat::Docx,
        ExportFormat::Pdf,
        ExportFormat::Html,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Csv,
        ExportFormat::Xlsx,
        ExportFormat::Md,
        ExportFormat::ReportHtml,
        ExportFormat::Graphml,
        ExportFormat::Gexf,
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Md => "md",
            ExportFormat::ReportHtml | ExportFormat::Html => "html",
            ExportFormat::Docx => "docx",
            ExportFormat::Pdf => "pdf",
        }
    }

    /// The menu label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ExportFormat::Svg => lang.pick("图片 SVG…", "Picture (SVG)…"),
            ExportFormat::Png => lang.pick("图片 PNG…", "Picture (PNG)…"),
            ExportFormat::Graphml => lang.pick("GraphML(yEd / Gephi)…", "GraphML (yEd / Gephi)…"),
            ExportFormat::Gexf => lang.pick("GEXF(Gephi)…", "GEXF (Gephi)…"),
            ExportFormat::Csv => lang.pick("表格 CSV…", "Table (CSV)…"),
            ExportFormat::Xlsx => lang.pick("全部表格 XLSX…", "All tables (XLSX)…"),
            ExportFormat::Md => lang.pick("报告 Markdown…", "Report (Markdown)…"),
            ExportFormat::ReportHtml => lang.pick("报告 HTML…", "Report (HTML)…"),
            ExportFormat::Html => lang.pick("交互网页…", "Interactive Page…"),
            ExportFormat::Docx => lang.pick("报告 Word…", "Report (Word)…"),
            ExportFormat::Pdf => lang.pick("海报 PDF…", "Poster (PDF)…"),
        }
    }
}

/// How to export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportOptions {
    pub lang: Lang,
    /// Picture size in pixels (SVG, PNG); the natural size when none.
    pub size: Option<(u32, u32)>,
    /// The one table to write (CSV); every table when none.
    pub table: Option<TableName>,
    /// The year of figures for the tables and the report.
    pub year: Option<Year>,
    /// The file name the Markdown report refers to for its picture.
    pub picture_name: Option<String>,
    /// The poster's paper and which way round (PDF); the sheet suiting the map when none.
    pub sheet: Option<poster::Sheet>,
}

/// The name of the Markdown report's picture beside `report`: `NAME-map.svg`, which the
/// report itself can never be.
pub fn picture_name_for(report: &std::path::Path) -> String {
    let stem = report
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".to_owned());
    format!("{stem}-map.svg")
}

/// One file to write: its name (used when an export gives several) and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Png(#[from] picture::PngError),
    #[error(transparent)]
    Pdf(#[from] poster::PdfError),
    #[error("{0}")]
    Write(String),
}

impl ExportError {
    /// What went wrong, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use picture::PngError;
        match (self, lang) {
            (Self::Png(PngError::TooLarge(w, h)), Lang::Zh) => format!(
                "图片将达 {w}×{h} 像素,每边最多 {} 像素:请选较小的尺寸",
                picture::MAX_PNG_SIDE
            ),
            (Self::Png(PngError::Svg(e) | PngError::Encode(e)), Lang::Zh) => {
                format!("无法生成 PNG 图片:{e}")
            }
            (Self::Pdf(e), lang) => e.message(lang),
            (Self::Write(e), Lang::Zh) => format!("无法生成导出内容:{e}"),
            (e, Lang::En) => e.to_string(),
        }
    }
}

fn write_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Write(e.to_string())
}

/// Exports `project` to `format`. Most formats give one file; CSV without a table gives one
/// file per table, and Markdown gives the report and its picture (SVG).
pub fn export(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    let lang = options.lang;
    let one = |name: &str, bytes: Vec<u8>| {
        Ok(vec![ExportFile {
            name: name.to_owned(),
            bytes,
        }])
    };
    let analysis = || {
        analyze(
            project,
            &AnalysisOptions {
                chain: None,
                year: options.year,
            },
        )
    };
    match format {
        ExportFormat::Svg => one(
            "map.svg",
            picture::svg(project, lang, options.size).into_bytes(),
        ),
        ExportFormat::Png => one("map.png", picture::png(project, lang, options.size)?),
        ExportFormat::Graphml => one(
            "graph.graphml",
            graph::graphml(project, lang).map_err(write_error)?,
        ),
        ExportFormat::Gexf => one(
            "graph.gexf",
            graph::gexf(project, lang).map_err(write_error)?,
        ),
        ExportFormat::Csv => {
            let analysis = analysis();
            let names: Vec<TableName> = match options.table {
                Some(t) => vec![t],
                None => TableName::ALL.to_vec(),
            };
            names
                .into_iter()
                .map(|name| {
                    let t = tables::table(project, &analysis, name, lang);
                    Ok(ExportFile {
                        name: format!("{}.csv", name.code()),
                        bytes: tables::to_csv(&t).map_err(write_error)?,
                    })
                })
                .collect()
        }
        ExportFormat::Xlsx => {
            let analysis = analysis();
            let all: Vec<_> = TableName::ALL
                .into_iter()
                .map(|name| tables::table(project, &analysis, name, lang))
                .collect();
            one(
                "tables.xlsx",
                tables::to_xlsx(&all, lang).map_err(write_error)?,
            )
        }
        ExportFormat::Md => {
            let picture_name = options
                .picture_name
                .clone()
                .unwrap_or_else(|| "report.svg".to_owned());
            let text = report::markdown(project, &analysis(), lang, &picture_name);
            Ok(vec![
                ExportFile {
                    name: "report.md".to_owned(),
                    bytes: text.into_bytes(),
                },
                ExportFile {
                    name: picture_name,
                    bytes: picture::svg(project, lang, options.size).into_bytes(),
                },
            ])
        }
        ExportFormat::ReportHtml => {
            let svg = picture::svg(project, lang, options.size);
            one(
                "report.html",
                report::html(project, &analysis(), lang, &svg).into_bytes(),
            )
        }
        ExportFormat::Docx => one(
            "report.docx",
            docx::docx(project, &analysis(), lang, &docx::today())?,
        ),
        ExportFormat::Pdf => {
            let sheet = options
                .sheet
                .unwrap_or_else(|| poster::Sheet::suiting(project));
            one(
                "poster.pdf",
                poster::pdf(project, lang, sheet, &poster::today())?,
            )
        }
        ExportFormat::Html => one(
            "map.html",
            interactive::page(project, &analysis(), lang)
                .map_err(write_error)?
                .into_bytes(),
        ),
    }
}
