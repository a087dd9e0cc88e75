//! Writing a project: canonical JSON, and an atomic save (temp file beside the target, fsync,
//! rename), so a crash mid-save leaves either the old file or the new one, never half of each.
//! The version a save replaces is kept beside it as `NAME.bak` (itself written the same way).

use super::{CURRENT_VERSION, FORMAT};
use crate::model::{
    Agreement, Candidate, Chain, Link, Node, Project, ProjectMeta, ReferenceMatch, Scenario, View,
};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Saving failed; says which file and why.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encode the project: {0}")]
    Encode(#[from] serde_json::Error),
}

impl SaveError {
    /// What went wrong, in the user's language.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match (self, lang) {
            (Self::Io { path, source }, crate::i18n::Lang::Zh) => format!(
                "无法写入 {}:{}",
                path.display(),
                crate::i18n::io_error_text(source, lang)
            ),
            (Self::Io { path, source }, crate::i18n::Lang::En) => format!(
                "cannot write {}: {}",
                path.display(),
                crate::i18n::io_error_text(source, lang)
            ),
            (Self::Encode(e), crate::i18n::Lang::Zh) => format!("项目无法编码:{e}"),
            (Self::Encode(e), crate::i18n::Lang::En) => format!("cannot encode the project: {e}"),
        }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    meta: &'a ProjectMeta,
    chains: Vec<&'a Chain>,
    nodes: Vec<&'a Node>,
    links: Vec<&'a Link>,
    agreements: Vec<&'a Agreement>,
    views: Vec<&'a View>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    references: Vec<&'a ReferenceMatch>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<&'a Candidate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    scenarios: Vec<&'a Scenario>,
}

/// The project as the text of a project file (pretty JSON, arrays in id order, final newline).
pub fn to_json(project: &Project) -> Result<String, SaveError> {
    let out = FileOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        meta: &project.meta,
        chains: project.chains.values().collect(),
        nodes: project.nodes.values().collect(),
        links: project.links.values().collect(),
        agreements: project.agreements.values().collect(),
        views: project.views.values().collect(),
        references: project.references.values().collect(),
        candidates: project.candidates.values().collect(),
        scenarios: project.scenarios.values().collect(),
    };
    let mut text = serde_json::to_string_pretty(&out)?;
    text.push('\n');
    Ok(text)
}

/// Saves the project to `path` atomically.
pub fn save(path: &Path, project: &Project) -> Result<(), SaveError> {
    let text = to_json(project)?;
    write_atomically(path, text.as_bytes())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let bak = backup_path(path);
    let bak_tmp = dir.join(format!(".{file_name}.bak.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        // The version being replaced becomes the backup: copied whole, then renamed, so the
        // backup too is always one complete version.
        if path.is_file() {
            std::fs::copy(path, &bak_tmp)?;
            // Synced through a handle that may write: Windows refuses to flush a read-only one.
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&bak_tmp)?
                .sync_all()?;
            std::fs::rename(&bak_tmp, &bak)?;
        }
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable; not every platform can open a directory.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&bak_tmp);
    }
    result.map_err(io)
}

/// Where the previous version of `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}
