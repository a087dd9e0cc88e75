//! `chainmap export`: tables, pictures, GraphML/GEXF and reports from a project file.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, load_for_command};
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

/// Where the export goes: a path (or beside the project), and the one CSV table.
pub struct Where {
    pub target: Option<PathBuf>,
    pub table: Option<TableName>,
}

/// `langs` is (messages, what is written).
#[allow(clippy::too_many_arguments)]
pub fn export(
    path: &Path,
    format: ExportFormat,
    place: Where,
    size: Option<(u32, u32)>,
    year: Option<i32>,
    langs: (Lang, Lang),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let (lang, doc_lang) = langs;
    let Where { target, table } = place;
    if table.is_some() && format != ExportFormat::Csv {
        writeln!(err, "chainmap: --table goes with --to csv")?;
        return Ok(EXIT_USAGE);
    }
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(EXIT_PROBLEM);
    };
    let dir = path.parent().map(Path::to_owned).unwrap_or_default();
    // Several CSV tables go into a folder; everything else is one file (plus the Markdown
    // report's picture beside it).
    let several = format == ExportFormat::Csv && table.is_none();
    let target = target.unwrap_or_else(|| {
        if several {
            dir.join(format!("{}-tables", stem(path)))
        } else {
            dir.join(format!("{}.{}", stem(path), format.extension()))
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
