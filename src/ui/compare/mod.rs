//! Compare (issue 22): two versions of the project side by side: the base (现状), a scenario,
//! or another project file. What they are is chosen on the Compare tab; the figures
//! (`scenario::compare`) and the changes by id (`merge::diff`) are worked out once for the
//! pair and the document revision, and kept. When the "after" side is what the canvas shows,
//! the canvas marks what was added, removed and changed (`CompareMarks`).

mod marks;

pub use marks::{CompareMarks, RemovedLink, RemovedNode};

use crate::document::Document;
use crate::i18n::Lang;
use crate::merge::ProjectDiff;
use crate::model::Project;
use crate::scenario::compare::Comparison;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Marks on the canvas: added green, changed amber, removed a muted red.
pub const ADDED: egui::Color32 = egui::Color32::from_rgb(34, 160, 84);
pub const CHANGED: egui::Color32 = egui::Color32::from_rgb(222, 150, 20);
pub const REMOVED: egui::Color32 = egui::Color32::from_rgb(196, 82, 82);
/// The same as text on the panel's light background: darker, to be read.
pub const ADDED_TEXT: egui::Color32 = egui::Color32::from_rgb(20, 120, 60);
pub const REMOVED_TEXT: egui::Color32 = egui::Color32::from_rgb(170, 50, 50);

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    /// The project as it is (现状).
    Base,
    /// A scenario of the open project, by id.
    Scenario(String),
    /// Another project file.
    File(PathBuf),
}

impl Version {
    /// Its name in lists and headings.
    pub fn name(&self, doc: &Document, lang: Lang) -> String {
        match self {
            Version::Base => crate::ui::scenarios::base_name(lang).to_owned(),
            Version::Scenario(id) => doc
                .scenarios()
                .get(id)
                .map_or_else(|| id.clone(), |s| s.name.clone()),
            Version::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }

    /// The version the canvas shows now.
    pub fn shown(doc: &Document) -> Version {
        doc.active_scenario()
            .map_or(Version::Base, |id| Version::Scenario(id.to_owned()))
    }
}

/// What a comparison found.
#[derive(Debug)]
pub struct CompareResult {
    pub before: String,
    pub after: String,
    pub figures: Comparison,
    pub changes: ProjectDiff,
    /// The "before" project, for the names of what the "after" one no longer has.
    pub before_project: Project,
    pub after_project: Project,
    /// What the canvas marks, when the "after" side is what it shows.
    pub marks: Option<Arc<CompareMarks>>,
}

/// (document id, revision, before, after).
type Key = (u64, u64, Version, Version);

/// The Compare tab's choices, the files read for it, and the last result.
#[derive(Debug)]
pub struct CompareState {
    pub before: Version,
    /// None: whatever the canvas shows.
    pub after: Option<Version>,
    /// Mark the differences on the canvas (set when a comparison is asked for, cleared from
    /// the canvas's compare legend).
    pub on_canvas: bool,
    /// Project files read to compare with, by path (or why one could not be read).
    files: BTreeMap<PathBuf, Result<Project, String>>,
    result: Option<(Key, Result<Arc<CompareResult>, String>)>,
}

impl Default for CompareState {
    fn default() -> Self {
        Self {
            before: Version::Base,
            after: None,
            on_canvas: false,
            files: BTreeMap::new(),
            result: None,
        }
    }
}

impl CompareState {
    /// The "after" side: the chosen one, else what the canvas shows.
    pub fn after(&self, doc: &Document) -> Version {
        self.after.clone().unwrap_or_else(|| Version::shown(doc))
    }

    /// The files read so far, for the lists.
    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        self.files.keys()
    }

    /// A project file was chosen to compare with: read it, and put it on the "before" side.
    pub fn file_chosen(&mut self, path: &Path, lang: Lang) {
        let read = crate::file::load_path(path, crate::file::LoadOptions::default())
            .map(|l| l.project)
            .map_err(|e| {
                e.issues
                    .first()
                    .map_or_else(String::new, |i| i.text(lang).to_string())
            });
        self.files.insert(path.to_owned(), read);
        self.before = Version::File(path.to_owned());
        self.result = None;
    }

    /// The project a side stands for.
    fn project(&self, doc: &Document, version: &Version, lang: Lang) -> Result<Project, String> {
        match version {
            Version::Base => Ok(doc.base().clone()),
            Version::Scenario(id) if doc.active_scenario() == Some(id.as_str()) => {
                Ok(doc.project.clone())
            }
            Version::Scenario(id) => match doc.scenarios().get(id) {
                Some(s) => Ok(crate::scenario::materialise(doc.base(), &s.changes).project),
                None => Err(lang
                    .pick("方案已不存在", "the scenario no longer exists")
                    .to_owned()),
            },
            Version::File(path) => match self.files.get(path) {
                Some(Ok(p)) => Ok(p.clone()),
                Some(Err(e)) => Err(e.clone()),
                None => Err(lang.pick("文件未读取", "the file was not read").to_owned()),
            },
        }
    }

    /// The comparison of the chosen sides for the document as it is now: worked out once per
    /// pair and revision.
    pub fn result(&mut self, doc: &Document, lang: Lang) -> Result<Arc<CompareResult>, String> {
        let after = self.after(doc);
        let key = (doc.id(), doc.revision(), self.before.clone(), after.clone());
        if let Some((k, r)) = &self.result
            && *k == key
        {
            return r.clone();
        }
        let result = self.work_out(doc, &after, lang);
        self.result = Some((key, result.clone()));
        result
    }

    fn work_out(
        &self,
        doc: &Document,
        after: &Version,
        lang: Lang,
    ) -> Result<Arc<CompareResult>, String> {
        let a = self.project(doc, &self.before, lang)?;
        let b = self.project(doc, after, lang)?;
        let changes = crate::merge::diff(&a, &b).map_err(|e| e.to_string())?;
        let figures = crate::scenario::compare::compare(&a, &b, None);
        let (before, after_name) = (self.before.name(doc, lang), after.name(doc, lang));
        let marks = (*after == Version::shown(doc)).then(|| {
            Arc::new(CompareMarks {
                before: before.clone(),
                after: after_name.clone(),
                ..CompareMarks::of(&a, &b, &changes)
            })
        });
        Ok(Arc::new(CompareResult {
            before,
            after: after_name,
            figures,
            changes,
            before_project: a,
            after_project: b,
            marks,
        }))
    }

    /// What the canvas marks now: the differences, when asked for and the "after" side is
    /// what the canvas shows.
    pub fn canvas_marks(&mut self, doc: &Document, lang: Lang) -> Option<Arc<CompareMarks>> {
        if !self.on_canvas {
            return None;
        }
        self.result(doc, lang).ok().and_then(|r| r.marks.clone())
    }
}

/// The before / after step of a presentation, when the canvas marks a comparison: its marks,
/// "前后对比:现状 → 规划" and the headline figures before and after.
pub fn before_after(
    state: &mut CompareState,
    doc: &Document,
    lang: Lang,
) -> Option<crate::ui::present::BeforeAfter> {
    let marks = state.canvas_marks(doc, lang)?;
    let result = state.result(doc, lang).ok()?;
    let title = match lang {
        Lang::Zh => format!("前后对比:{} → {}", result.before, result.after),
        Lang::En => format!("Before and after: {} → {}", result.before, result.after),
    };
    Some(crate::ui::present::BeforeAfter {
        marks,
        title,
        caption: result.headline(lang),
    })
}

impl CompareResult {
    /// The headline figures that changed, before → after, and the gaps closed and opened:
    /// "本地配套率 62.0% → 78.0% · 环节覆盖率 … · 补上缺口 2 处".
    pub fn headline(&self, lang: Lang) -> String {
        use crate::scenario::compare::format_value;
        const HEADLINE: [&str; 3] = [
            "local_supporting_rate",
            "stage_coverage",
            "product_completeness",
        ];
        let mut parts: Vec<String> = HEADLINE
            .iter()
            .filter_map(|code| self.figures.figure(code))
            .filter(|f| f.changed())
            .map(|f| {
                format!(
                    "{} {} → {}",
                    f.label(lang),
                    format_value(f.a, f.kind),
                    format_value(f.b, f.kind)
                )
            })
            .collect();
        let (closed, opened) = (
            self.figures.gaps_closed.len(),
            self.figures.gaps_opened.len(),
        );
        if closed > 0 {
            parts.push(match lang {
                Lang::Zh => format!("补上缺口 {closed} 处"),
                Lang::En => crate::i18n::count_en(closed, "gap closed", "gaps closed"),
            });
        }
        if opened > 0 {
            parts.push(match lang {
                Lang::Zh => format!("新出现缺口 {opened} 处"),
                Lang::En => crate::i18n::count_en(opened, "gap opened", "gaps opened"),
            });
        }
        if parts.is_empty() {
            parts.push(
                lang.pick("主要指标不变", "The headline figures are the same")
                    .to_owned(),
            );
        }
        parts.join(" · ")
    }
}
