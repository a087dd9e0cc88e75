//! File → Merge…: a colleague's copy of the project (THEIRS) merged into the open one (OURS),
//! given the version both started from (BASE), both picked with the app's file dialog. The
//! engine is `crate::merge`: without conflicts the result is applied at once as one undo step
//! and the status bar says what changed; with conflicts a window (`conflicts`) asks for a side
//! per conflict. A result that would fail `chainmap check`, or a file that is not a project,
//! changes nothing and says why.

mod conflicts;

use crate::edit::Edit;
use crate::file::LoadOptions;
use crate::i18n::Lang;
use crate::merge::{Conflict, MergeError, Side};
use crate::model::{Issue, Project};
use crate::ui::app::ChainmapApp;
use std::path::{Path, PathBuf};

pub use conflicts::window;

/// The merge in progress: the colleague's file once chosen, then the conflicts or problems
/// waiting in the window.
#[derive(Debug, Default)]
pub struct MergeDialog {
    /// THEIRS, read; BASE is asked for next.
    theirs: Option<(String, Project)>,
    /// What the window shows, while open.
    shown: Option<Pending>,
}

/// A merge waiting for the user: its three sides, the conflicts with the side chosen for each,
/// and the problems of the last attempt.
#[derive(Debug)]
struct Pending {
    /// The document and its revision the merge was made against: if either moved on, the
    /// conflicts no longer describe it.
    doc: (u64, u64),
    from: String,
    base: Project,
    ours: Project,
    theirs: Project,
    conflicts: Vec<Conflict>,
    choices: Vec<Side>,
    problems: Vec<Issue>,
}

impl MergeDialog {
    /// Whether the conflicts (or problems) window is open.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// A file dialog of the merge was cancelled: the merge stops.
    pub fn cancelled(&mut self) {
        self.theirs = None;
    }
}

/// File → Merge…: asks for THEIRS first.
pub fn start(app: &mut ChainmapApp, ctx: &egui::Context) {
    let (lang, near) = (app.ui.lang(), app.doc.path.clone());
    app.merge.theirs = None;
    app.dialogs.start(
        ctx,
        crate::ui::file_dialog::Purpose::MergeTheirs,
        near,
        lang,
    );
}

/// THEIRS chosen: read it (a bad file stops here), then ask for BASE.
pub fn theirs_chosen(app: &mut ChainmapApp, ctx: &egui::Context, path: &Path) {
    let Some(theirs) = read(app, path) else {
        return;
    };
    app.merge.theirs = Some((file_name(path), theirs));
    let lang = app.ui.lang();
    app.dialogs.start(
        ctx,
        crate::ui::file_dialog::Purpose::MergeBase,
        Some(path.to_owned()),
        lang,
    );
}

/// BASE chosen: merge.
pub fn base_chosen(app: &mut ChainmapApp, path: &Path) {
    let Some((from, theirs)) = app.merge.theirs.take() else {
        return;
    };
    let Some(base) = read(app, path) else {
        return;
    };
    let lang = app.ui.lang();
    let ours = app.doc.project.clone();
    match crate::merge::merge_with(&base, &ours, &theirs, &|_| None) {
        Ok(merged) => {
            let problems = finish(app, &ours, merged, &from);
            if !problems.is_empty() {
                app.merge.shown =
                    Some(pending(app, from, base, ours, theirs, Vec::new(), problems));
            }
        }
        Err(MergeError::Conflicts(conflicts)) => {
            app.ui.info(match lang {
                Lang::Zh => format!("合并“{from}”有 {} 处冲突,请逐项选择", conflicts.len()),
                Lang::En => format!(
                    "Merging \"{from}\": {}, choose a side for each",
                    crate::i18n::count_en(conflicts.len(), "conflict", "conflicts")
                ),
            });
            app.merge.shown = Some(pending(
                app,
                from,
                base,
                ours,
                theirs,
                conflicts,
                Vec::new(),
            ));
        }
        Err(MergeError::Encode(e)) => app.ui.error(format!(
            "{}{e}{}",
            lang.pick("无法合并:", "Cannot merge: "),
            nothing_changed(lang)
        )),
    }
}

fn pending(
    app: &ChainmapApp,
    from: String,
    base: Project,
    ours: Project,
    theirs: Project,
    conflicts: Vec<Conflict>,
    problems: Vec<Issue>,
) -> Pending {
    Pending {
        doc: (app.doc.id(), app.doc.revision()),
        from,
        base,
        ours,
        theirs,
        choices: vec![Side::Ours; conflicts.len()],
        conflicts,
        problems,
    }
}

/// The merged project applied as one undo step, with what changed in the status bar; or, when
/// it would fail the checks, nothing applied and the problems returned.
fn finish(app: &mut ChainmapApp, ours: &Project, merged: Project, from: &str) -> Vec<Issue> {
    let lang = app.ui.lang();
    let problems = crate::merge::problems(&merged);
    if !problems.is_empty() {
        app.ui.error(match lang {
            Lang::Zh => format!(
                "合并“{from}”的结果有 {} 个问题,未作修改:{}",
                problems.len(),
                problems[0].text(lang)
            ),
            Lang::En => format!(
                "The merge of \"{from}\" would have {}, nothing changed: {}",
                crate::i18n::count_en(problems.len(), "problem", "problems"),
                problems[0].text(lang)
            ),
        });
        return problems;
    }
    let summary = match crate::merge::diff(ours, &merged) {
        Ok(changes) if changes.is_empty() => {
            app.ui.info(match lang {
                Lang::Zh => format!("“{from}”没有带来新的修改"),
                Lang::En => format!("\"{from}\" brings no changes"),
            });
            return Vec::new();
        }
        Ok(changes) => summary(&changes, from, lang),
        Err(e) => {
            app.ui.error(format!(
                "{}{e}{}",
                lang.pick("无法合并:", "Cannot merge: "),
                nothing_changed(lang)
            ));
            return Vec::new();
        }
    };
    let before = app.doc.revision();
    app.apply_edit(Edit::Merge {
        project: Box::new(merged),
        from: from.to_owned(),
    });
    if app.doc.revision() != before {
        app.ui.info(summary);
    }
    Vec::new()
}

/// What the merge changed relative to ours: counts of items added, removed and changed, and the
/// sections they are in.
fn summary(changes: &crate::merge::ProjectDiff, from: &str, lang: Lang) -> String {
    let (mut added, mut removed, mut changed) = (0, 0, usize::from(!changes.project.is_empty()));
    let mut sections = Vec::new();
    if !changes.project.is_empty() {
        sections.push(crate::merge::section_label(crate::merge::PROJECT, lang));
    }
    for name in crate::merge::SECTIONS {
        let s = changes.section(name);
        if !s.is_empty() {
            added += s.added.len();
            removed += s.removed.len();
            changed += s.changed.len();
            sections.push(crate::merge::section_label(name, lang));
        }
    }
    let sections = sections.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => {
            format!("已合并“{from}”:新增 {added}、删除 {removed}、修改 {changed}({sections})")
        }
        Lang::En => format!(
            "Merged \"{from}\": {added} added, {removed} removed, {changed} changed ({sections})"
        ),
    }
}

/// Reads a project file for the merge; a bad one says what and where in the status bar (and
/// the log) and gives nothing.
fn read(app: &mut ChainmapApp, path: &Path) -> Option<Project> {
    let lang = app.ui.lang();
    match crate::file::load_path(path, LoadOptions::default()) {
        Ok(loaded) => Some(loaded.project),
        Err(e) => {
            let why = e
                .issues
                .first()
                .map(|i| i.text(lang))
                .unwrap_or_else(|| lang.pick("无法读取", "cannot be read").to_owned());
            app.merge.theirs = None;
            app.ui.error(format!(
                "{}{}{why}{}",
                path.display(),
                lang.pick(":", ": "),
                nothing_changed(lang)
            ));
            None
        }
    }
}

fn nothing_changed(lang: Lang) -> &'static str {
    lang.pick(
        "(未合并,项目没有改动)",
        " (nothing merged, the project is unchanged)",
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| PathBuf::from(path).display().to_string())
}
