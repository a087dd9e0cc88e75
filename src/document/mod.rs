//! The open document: the project, where it lives on disk, its undo history and whether it has
//! unsaved changes; and which scenario (方案) is being edited (`scenarios`).

mod scenarios;

pub use scenarios::ScenarioError;

use crate::edit::{Change, Edit, EditError};
use crate::file::{self, LoadError, LoadOptions, SaveError};
use crate::i18n::Lang;
use crate::model::{Issue, Project};
use std::path::{Path, PathBuf};

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 500;

struct Step {
    label_zh: String,
    label_en: String,
    /// Applying this change goes the other way (back for undo, forward for redo).
    change: Change,
    /// A step that switched, made, renamed, removed or applied a scenario: the whole other
    /// state (swapped in for undo, and back for redo); `change` is then empty.
    workspace: Option<Box<Workspace>>,
    /// The state the document was in before the step (for the unsaved marker).
    state_before: u64,
    state_after: u64,
    /// The field a gesture is changing (a drag, a slider, a text being typed), while the
    /// gesture lasts: further changes of the same field join this step.
    gesture: Option<String>,
}

/// The scenario being edited, on top of its base.
#[derive(Clone)]
struct Active {
    /// The scenario's id in the base's `scenarios`.
    id: String,
    /// The project as it is (现状), with every scenario; untouched while the scenario is edited.
    base: Project,
}

/// What a scenario step swaps: the project being edited and the scenario it is.
struct Workspace {
    project: Project,
    active: Option<Active>,
}

/// A project being edited.
pub struct Document {
    /// What is shown, analysed, exported and edited: the base, or the active scenario's
    /// project (the base with the scenario's edits made).
    pub project: Project,
    /// The scenario being edited, with its base; none when the base itself is.
    active: Option<Active>,
    /// Tells documents apart (caches keyed by revision must not mix two documents).
    id: u64,
    /// Where it was loaded from or last saved to; none for a new or bundled project.
    pub path: Option<PathBuf>,
    /// Problems found when it was loaded (shown until the next load).
    pub load_issues: Vec<Issue>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts every change, for recomputing derived data.
    revision: u64,
    /// Names the current state of the project; undo back to the saved state gives the saved id.
    state: u64,
    next_state: u64,
    saved_state: u64,
}

impl Document {
    /// A document for a project that is not on disk yet.
    pub fn new(project: Project) -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Self {
            project,
            active: None,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            path: None,
            load_issues: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            state: 0,
            next_state: 1,
            saved_state: 0,
        }
    }

    /// Opens a project file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = file::load_path(path, LoadOptions::default())?;
        let mut doc = Self::new(loaded.project);
        doc.path = Some(path.to_owned());
        doc.load_issues = loaded.issues;
        Ok(doc)
    }

    /// Saves to `path` (or the current path), and remembers it as the document's place.
    pub fn save(&mut self, path: Option<&Path>) -> Result<PathBuf, SaveError> {
        let target = match path.or(self.path.as_deref()) {
            Some(p) => p.to_owned(),
            None => {
                return Err(SaveError::Io {
                    path: PathBuf::new(),
                    source: std::io::Error::other("no file chosen"),
                });
            }
        };
        file::save(&target, &self.file_project()?)?;
        self.path = Some(target.clone());
        self.saved_state = self.state;
        Ok(target)
    }

    /// Applies an edit as one undo step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.end_gesture();
        self.push_step(edit, None)
    }

    /// Applies an edit made by a gesture on the field `key` (for example
    /// `"agreement:a1/phase:0/start"`): while the gesture lasts, every change of that field
    /// joins one undo step, so one drag of a number is undone with one Ctrl+Z. The gesture
    /// ends with [`Document::end_gesture`] (the pointer released, the field left), with an
    /// edit of anything else, or with undo and redo.
    pub fn apply_in_gesture(&mut self, edit: Edit, key: &str) -> Result<(), EditError> {
        let joins = self.undo.last().is_some_and(|step| {
            step.gesture.as_deref() == Some(key) && step.state_after == self.state
        });
        if !joins {
            self.end_gesture();
            return self.push_step(edit, Some(key.to_owned()));
        }
        let label_zh = edit.label(&self.project, Lang::Zh);
        let label_en = edit.label(&self.project, Lang::En);
        let newer = edit.apply(&mut self.project)?;
        let state_after = self.next_state;
        self.next_state += 1;
        self.state = state_after;
        if let Some(step) = self.undo.last_mut() {
            step.change = std::mem::take(&mut step.change).compose(newer);
            step.label_zh = label_zh;
            step.label_en = label_en;
            step.state_after = state_after;
        }
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// Ends the gesture the last step belongs to: the next change starts a new step.
    pub fn end_gesture(&mut self) {
        if let Some(step) = self.undo.last_mut() {
            step.gesture = None;
        }
    }

    /// Whether a gesture is still gathering changes into the last step.
    pub fn in_gesture(&self) -> bool {
        self.undo.last().is_some_and(|s| s.gesture.is_some())
    }

    fn push_step(&mut self, edit: Edit, gesture: Option<String>) -> Result<(), EditError> {
        let label_zh = edit.label(&self.project, Lang::Zh);
        let label_en = edit.label(&self.project, Lang::En);
        let change = edit.apply(&mut self.project)?;
        self.record(Step {
            label_zh,
            label_en,
            change,
            workspace: None,
            state_before: 0,
            state_after: 0,
            gesture,
        });
        Ok(())
    }

    /// Puts a step just taken on the undo list, naming the new state.
    fn record(&mut self, step: Step) {
        self.record_as(step, true);
    }

    /// Puts a step on the undo list; `changes_file` false for a step after which a save would
    /// write the same file (choosing which scenario to edit): the state keeps its name, so the
    /// document is no more unsaved than before.
    fn record_as(&mut self, mut step: Step, changes_file: bool) {
        step.state_before = self.state;
        if changes_file {
            self.state = self.next_state;
            self.next_state += 1;
        }
        step.state_after = self.state;
        self.undo.push(step);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision += 1;
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.end_gesture();
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        self.swap_back(&mut step);
        self.state = step.state_before;
        self.redo.push(step);
        self.revision += 1;
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(mut step) = self.redo.pop() else {
            return false;
        };
        self.swap_back(&mut step);
        self.state = step.state_after;
        self.undo.push(step);
        self.revision += 1;
        true
    }

    /// Puts the step's other state in place, leaving the current one in the step.
    fn swap_back(&mut self, step: &mut Step) {
        match step.workspace.as_deref_mut() {
            Some(ws) => {
                std::mem::swap(&mut self.project, &mut ws.project);
                std::mem::swap(&mut self.active, &mut ws.active);
            }
            None => step.change = std::mem::take(&mut step.change).apply(&mut self.project),
        }
    }

    /// What undo would undo.
    pub fn undo_label(&self, lang: Lang) -> Option<&str> {
        self.undo
            .last()
            .map(|s| lang.pick(&s.label_zh, &s.label_en))
    }

    /// What redo would redo.
    pub fn redo_label(&self, lang: Lang) -> Option<&str> {
        self.redo
            .last()
            .map(|s| lang.pick(&s.label_zh, &s.label_en))
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// The project differs from what is on disk (or it was never saved and has changes).
    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// Counts the project as not saved (a project restored after a crash: what is on disk, if
    /// anything, is older).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// This document's identity, different for every document made in this run.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Bumped on every change of the project.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The file name shown in the title, if the document has a file.
    pub fn file_name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    }
}
