//! `chainmap export`: tables, pictures, GraphML/GEXF and reports from a project file.

use super::common::Input;
use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE};
use crate::export::poster::{Orientation, Paper, Sheet};
use crate::export::{ExportFormat, ExportOptions, TableName, export as export_project};
use crate::i18n::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `WIDTHxHEIGHT` in pixels.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("\"{text}\" is not WIDTHxHEIGHT (e.g. 1920x1080)"))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| format!("\"{s}\" is not a size in pixels"))
    };
    Ok((parse(w)?, parse(h)?))
}

/// `--size`: pixels for the pictures (svg, png), a paper for the poster (pdf).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeArg {
    Pixels(u32, u32),
    Paper(Paper),
}

/// `1920x1080` or `A3`.
pub fn parse_size_arg(text: &str) -> Result<SizeArg, String> {
    if let Some(paper) = Paper::parse(text) {
        return Ok(SizeArg::Paper(paper));
    }
    parse_size(text)
        .map(|(w, h)| SizeArg::Pixels(w, h))
        .map_err(|e| format!("{e}, nor a paper size (A4, A3, A2, A1 or A0, for --to pdf)"))
}

/// A picture's size in pixels, or the poster's sheet.
type PictureOrSheet = (Option<(u32, u32)>, Option<Sheet>);

/// The pixel size of a picture, or the poster's sheet, from `--size` and `--orientation`; a
/// usage error when they do not fit the format.
fn size_for(
    format: ExportFormat,
    size: Option<SizeArg>,
    orientation: Option<Orientation>,
    lang: Lang,
) -> Result<PictureOrSheet, String> {
    let pdf = format == ExportFormat::Pdf;
    if orientation.is_some() && !pdf {
        return Err(lang
            .pick(
                "--orientation 只用于 --to pdf",
                "--orientation goes with --to pdf",
            )
            .to_owned());
    }
    match (size, pdf) {
        (Some(SizeArg::Pixels(w, h)), true) => Err(match lang {
            Lang::Zh => {
                format!("--to pdf 的 --size 是纸张尺寸:A4、A3、A2、A1 或 A0,不是像素 {w}x{h}")
            }
            Lang::En => format!(
                "--size for --to pdf is a paper size: A4, A3, A2, A1 or A0, not {w}x{h} pixels"
            ),
        }),
        (Some(SizeArg::Paper(p)), false) => Err(match lang {
            Lang::Zh => format!(
                "--size {} 是纸张尺寸,只用于 --to pdf;--to {} 请给像素尺寸 宽x高(如 1920x1080)",
                p.code(),
                format.extension()
            ),
            Lang::En => format!(
                "--size {} is a paper size, for --to pdf; --to {} takes WIDTHxHEIGHT in pixels (e.g. 1920x1080)",
                p.code(),
                format.extension()
            ),
        }),
        (Some(SizeArg::Pixels(w, h)), false) => Ok((Some((w, h)), None)),
        (paper, true) => {
            let paper = match paper {
                Some(SizeArg::Paper(p)) => Some(p),
                _ => None,
            };
            // The rest is filled in from the project (the way round that suits its map).
            Ok((
                None,
                Some(Sheet {
                    paper: paper.unwrap_or_default(),
                    orientation: orientation.unwrap_or_default(),
                }),
            ))
        }
        (None, false) => Ok((None, None)),
    }
}

/// `name.chainmap.json` → `name`.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned());
    name.trim_end_matches(".json")
        .trim_end_matches(".chainmap")
        .to_owned()
}

/// Where the export goes: a path (or beside the project), and the one CSV table; and the
/// scenario exported instead of the base.
pub struct Where {
    pub target: Option<PathBuf>,
    pub table: Option<TableName>,
    pub scenario: Option<String>,
}

/// `langs` is (messages, what is written); `size` is `--size` and `--orientation`.
#[allow(clippy::too_many_arguments)]
pub fn export(
    path: &Path,
    format: ExportFormat,
    place: Where,
    size: (Option<SizeArg>, Option<Orientation>),
    year: Option<i32>,
    langs: (Lang, Lang),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let (lang, doc_lang) = langs;
    let Where {
        target,
        table,
        scenario,
    } = place;
    if table.is_some() && format != ExportFormat::Csv {
        writeln!(err, "chainmap: --table goes with --to csv")?;
        return Ok(EXIT_USAGE);
    }
    let (orientation, size, sheet) = match size_for(format, size.0, size.1, lang) {
        Ok((pixels, sheet)) => (size.1, pixels, sheet),
        Err(e) => {
            writeln!(err, "chainmap: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let Some(mut project) = Input::new(path, scenario.as_deref()).load(lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    // A scenario's deliverables say which scenario they show, in the title and the file name.
    let scenario_name = scenario
        .as_deref()
        .and_then(|k| crate::scenario::find(&project, k))
        .map(|s| s.name.clone());
    let stem = match scenario_name {
        Some(name) => {
            project.meta.name = crate::scenario::titled(&project.meta.name, &name, doc_lang);
            format!("{}-{name}", stem(path))
        }
        None => stem(path),
    };
    // Without --orientation the poster is turned the way its map is.
    let sheet = sheet.map(|s| Sheet {
        orientation: orientation.unwrap_or(Sheet::suiting(&project).orientation),
        ..s
    });
    let dir = path.parent().map(Path::to_owned).unwrap_or_default();
    // Several CSV tables go into a folder; everything else is one file (plus the Markdown
    // report's picture beside it).
    let several = format == ExportFormat::Csv && table.is_none();
    let target = target.unwrap_or_else(|| {
        if several {
            dir.join(format!("{stem}-tables"))
        } else {
            dir.join(format!("{stem}.{}", format.extension()))
        }
    });
    let picture_name =
        (format == ExportFormat::Md).then(|| crate::export::picture_name_for(&target));
    let options = ExportOptions {
        lang: doc_lang,
        size,
        table,
        year,
        picture_name: picture_name.clone(),
        sheet,
    };
    let files = match export_project(&project, format, &options) {
        Ok(files) => files,
        Err(e) => {
            writeln!(err, "{}: {e}", path.display())?;
            return Ok(EXIT_PROBLEM);
        }
    };
    let mut written = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let p = if several {
            target.join(&f.name)
        } else if i == 0 {
            target.clone()
        } else {
            target.with_file_name(&f.name)
        };
        let result = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&p, &f.bytes));
        if let Err(e) = result {
            writeln!(
                err,
                "{}: {}: {e}",
                p.display(),
                lang.pick("无法写入", "cannot write")
            )?;
            return Ok(EXIT_PROBLEM);
        }
        written.push(p);
    }
    for p in written {
        writeln!(out, "{}", p.display())?;
    }
    Ok(EXIT_OK)
}
