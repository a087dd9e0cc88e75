//! What the in-app browser knows of the file system: a folder's entries (folders first, then
//! the files a dialog is for), typed paths, whether a path will do for the dialog (with the
//! reason in the user's language when not), and the user's usual places.

use super::Purpose;
use crate::i18n::Lang;
use std::path::{Path, PathBuf};

/// One row of the folder listing.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub size: u64,
}

/// A typed name or path: `~` is the home folder, a relative path is in the folder shown.
pub(super) fn resolve(dir: &Path, typed: &str) -> PathBuf {
    let typed = typed.trim_matches('"');
    if let Some(rest) = typed
        .strip_prefix("~/")
        .or_else(|| (typed == "~").then_some(""))
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    let path = PathBuf::from(typed);
    if path.is_absolute() {
        path
    } else {
        dir.join(path)
    }
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Whether `path` will do for the purpose: an existing file of the right kind to open, a
/// folder that exists to save into.
pub(super) fn check(purpose: Purpose, path: &Path, lang: Lang) -> Result<(), String> {
    let name = file_name(path);
    if purpose.is_save() {
        let folder = path.parent().unwrap_or(Path::new(""));
        if folder.as_os_str().is_empty() || folder.is_dir() {
            return Ok(());
        }
        return Err(match lang {
            Lang::Zh => format!("文件夹不存在:{}", folder.display()),
            Lang::En => format!("No such folder: {}", folder.display()),
        });
    }
    if !path.exists() {
        return Err(match lang {
            Lang::Zh => format!("没有这个文件:{}", path.display()),
            Lang::En => format!("No such file: {}", path.display()),
        });
    }
    if accepts(purpose, path) {
        return Ok(());
    }
    let (_, extensions) = purpose.filter();
    let list = extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ");
    Err(match (purpose, lang) {
        (Purpose::ImportTable(_), Lang::Zh) => {
            format!("“{name}”不是表格文件:请选择 CSV 或 Excel 文件({list})")
        }
        (Purpose::ImportTable(_), Lang::En) => {
            format!("\"{name}\" is not a spreadsheet: choose a CSV or Excel file ({list})")
        }
        (_, Lang::Zh) => format!("“{name}”不是串珠项目文件({list})"),
        (_, Lang::En) => format!("\"{name}\" is not a chainmap project file ({list})"),
    })
}

/// Whether the file's extension is one the purpose takes.
fn accepts(purpose: Purpose, path: &Path) -> bool {
    let (_, extensions) = purpose.filter();
    let name = path.to_string_lossy().to_lowercase();
    extensions.iter().any(|e| name.ends_with(&format!(".{e}")))
}

/// Folders, then the files the purpose takes, each by name.
pub(super) fn read_folder(
    dir: &Path,
    purpose: Purpose,
    show_hidden: bool,
) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let meta = std::fs::metadata(&path).ok()?;
            let is_dir = meta.is_dir();
            let hidden = name.starts_with('.');
            let shown = (show_hidden || !hidden) && (is_dir || accepts(purpose, &path));
            shown.then_some(Entry {
                name,
                path,
                is_dir,
                size: meta.len(),
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

pub(super) fn size_text(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / 1_048_576.0),
    }
}

/// The user's documents, desktop and home folders, those that exist.
pub(super) fn places(lang: Lang) -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    for (label, dir) in [
        (lang.pick("文档", "Documents"), dirs::document_dir()),
        (lang.pick("桌面", "Desktop"), dirs::desktop_dir()),
        (lang.pick("主文件夹", "Home"), dirs::home_dir()),
    ] {
        if let Some(dir) = dir.filter(|d| d.is_dir())
            && !out.iter().any(|(_, d)| *d == dir)
        {
            out.push((label, dir));
        }
    }
    out
}
