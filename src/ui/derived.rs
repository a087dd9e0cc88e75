//! Everything the panels show that is computed from the document: the analysis, the split
//! schedule and fair split of the agreement on show, the impact of the firm on show. Each is
//! computed once per document revision (and per input: which agreement, which firm), never per
//! frame; what can take longer than a frame runs as a [`Job`] and the panel shows the last
//! result with a spinner meanwhile. Panels only read it.

use crate::analysis::{Analysis, AnalysisOptions, Impact, analyze, impact};
use crate::document::Document;
use crate::model::{Agreement, AgreementId, NodeId, Project};
use crate::sharing::benchmark::{FairSplit, GameProblem, fair_split};
use crate::sharing::{Schedule, schedule};
use crate::ui::job::Job;
use crate::ui::state::Highlight;
use std::sync::Arc;

/// Above this many nodes the analysis runs off the UI thread.
pub const BACKGROUND_ANALYSIS_NODES: usize = 2_000;
/// Above this many parties the fair split (exponential in parties) runs off the UI thread.
pub const BACKGROUND_FAIR_PARTIES: usize = 8;

/// One derived value: the key it was computed for, the value, and a job computing a newer one.
struct Cached<K, V> {
    key: Option<K>,
    value: Option<Arc<V>>,
    job: Option<Job<K, V>>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Self {
            key: None,
            value: None,
            job: None,
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, V: Send + 'static> Cached<K, V> {
    /// Brings the value up to `key`: nothing when it is current; else computes it here, or, when
    /// `background` is set, on a worker with the work `make_job` gives (one job at a time: when
    /// a stale job finishes, the next refresh starts the latest). `same_source` says whether an
    /// old value may stay on screen while a new one is computed (same document).
    fn refresh(
        &mut self,
        ctx: &egui::Context,
        key: K,
        same_source: impl Fn(&K) -> bool,
        compute: impl FnOnce() -> V,
        background: Option<&dyn Fn() -> Box<dyn FnOnce() -> V + Send>>,
    ) {
        if let Some(job) = self.job.as_mut()
            && let Some(result) = job.poll()
        {
            if job.key == key {
                self.value = Some(Arc::new(result));
                self.key = Some(key.clone());
            }
            self.job = None;
        }
        if self.key.as_ref() == Some(&key) || self.job.as_ref().is_some_and(|j| j.key == key) {
            return;
        }
        if !self.key.as_ref().is_some_and(&same_source) {
            self.value = None;
        }
        if let Some(make_job) = background {
            if self.job.is_none() {
                let work = make_job();
                self.job = Job::spawn("derived", ctx, key.clone(), move |_| Some(work()));
            }
            if self.job.is_some() {
                return;
            }
        }
        self.value = Some(Arc::new(compute()));
        self.key = Some(key);
    }

    fn clear(&mut self) {
        *self = Self::default();
    }

    fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Document identity and revision: what every derived value depends on.
type Rev = (u64, u64);

/// The derived data of the open document.
#[derive(Default)]
pub struct Derived {
    analysis: Cached<Rev, Analysis>,
    schedule: Cached<(Rev, AgreementId), Schedule>,
    fair: Cached<(Rev, AgreementId), Result<FairSplit, Vec<GameProblem>>>,
    impact: Cached<(Rev, NodeId), Option<ImpactView>>,
    /// The 招商 list (issue 18), keyed by the analysis it was ranked against and the document
    /// revision (the candidates' own edits change no gap, but change the list).
    targets: Cached<(Rev, Rev), crate::targets::TargetList>,
}

/// The impact of a firm leaving, with what the Impact tab shows of it worked out once: the
/// canvas highlight and the downstream firms' names.
pub struct ImpactView {
    pub impact: Impact,
    pub highlight: Highlight,
    pub downstream_names: Vec<String>,
}

impl ImpactView {
    fn new(project: &Project, node: &NodeId) -> Option<Self> {
        let impact = impact(project, node)?;
        let highlight = Highlight {
            nodes: std::iter::once(node.clone())
                .chain(impact.downstream.iter().cloned())
                .collect(),
            danger: impact.buyers_cut_off.iter().cloned().collect(),
            ..Highlight::default()
        };
        let downstream_names = impact
            .downstream
            .iter()
            .map(|id| project.node_name(id))
            .collect();
        Some(Self {
            impact,
            highlight,
            downstream_names,
        })
    }
}

/// What the panels ask to see, which decides what is worth computing.
pub struct Wanted<'a> {
    pub agreement: Option<&'a AgreementId>,
    pub fairness: bool,
    pub impact: Option<&'a NodeId>,
}

impl Derived {
    /// Brings everything wanted up to the document's revision.
    pub fn refresh(&mut self, ctx: &egui::Context, doc: &Document, wanted: &Wanted<'_>) {
        let rev = (doc.id(), doc.revision());
        let same_doc = |k: &Rev| k.0 == rev.0;
        let project = &doc.project;
        let analysis_job = || {
            let copy = project.clone();
            Box::new(move || analyze(&copy, &AnalysisOptions::default()))
                as Box<dyn FnOnce() -> Analysis + Send>
        };
        let big = project.nodes.len() >= BACKGROUND_ANALYSIS_NODES;
        self.analysis.refresh(
            ctx,
            rev,
            same_doc,
            || analyze(project, &AnalysisOptions::default()),
            big.then_some(&analysis_job as &dyn Fn() -> _),
        );
        if let (Some(analysed), Some(a)) = (self.analysis.key, self.analysis.value.clone()) {
            self.targets.refresh(
                ctx,
                (analysed, rev),
                |k| k.1.0 == rev.0,
                || crate::targets::rank(project, &a),
                None,
            );
        }
        let agreement = wanted
            .agreement
            .and_then(|id| project.agreements.get(id))
            .or_else(|| project.agreements.values().next());
        match agreement {
            Some(a) => self.refresh_agreement(ctx, rev, project, a, wanted.fairness),
            None => {
                self.schedule.clear();
                self.fair.clear();
            }
        }
        match wanted.impact {
            Some(node) => {
                let key = (rev, node.clone());
                self.impact.refresh(
                    ctx,
                    key,
                    |k| k.0.0 == rev.0,
                    || ImpactView::new(project, node),
                    None,
                );
            }
            None => self.impact.clear(),
        }
    }

    fn refresh_agreement(
        &mut self,
        ctx: &egui::Context,
        rev: Rev,
        project: &Project,
        a: &Agreement,
        fairness: bool,
    ) {
        let key = (rev, a.id.clone());
        let same = |k: &(Rev, AgreementId)| k.0.0 == rev.0 && k.1 == a.id;
        self.schedule.refresh(
            ctx,
            key.clone(),
            same,
            || schedule(project, a, None, None),
            None,
        );
        if !fairness {
            return;
        }
        let Some(s) = self.schedule.value.clone() else {
            return;
        };
        let fair_job = || {
            let (copy, agreement, s) = (project.clone(), a.clone(), s.clone());
            Box::new(move || fair_split(&copy, &agreement, &s))
                as Box<dyn FnOnce() -> Result<FairSplit, Vec<GameProblem>> + Send>
        };
        let big = a.parties.len() > BACKGROUND_FAIR_PARTIES;
        self.fair.refresh(
            ctx,
            key,
            same,
            || fair_split(project, a, &s),
            big.then_some(&fair_job as &dyn Fn() -> _),
        );
    }

    /// The analysis, once computed for this document (perhaps for an earlier revision while a
    /// newer one is under way).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.value.as_deref()
    }

    /// A shared handle on the analysis (for a presentation).
    pub fn analysis_arc(&self) -> Option<Arc<Analysis>> {
        self.analysis.value.clone()
    }

    /// The analysis is being computed on a worker.
    pub fn analysis_busy(&self) -> bool {
        self.analysis.busy()
    }

    /// The 招商 list ranked against the analysis on show.
    pub fn targets(&self) -> Option<&crate::targets::TargetList> {
        self.targets.value.as_deref()
    }

    /// The schedule of the agreement on show, if it is `id`'s.
    pub fn schedule(&self, id: &AgreementId) -> Option<&Schedule> {
        self.schedule
            .key
            .as_ref()
            .filter(|k| k.1 == *id)
            .and(self.schedule.value.as_deref())
    }

    /// The fair split of agreement `id`, if computed.
    pub fn fair(&self, id: &AgreementId) -> Option<&Result<FairSplit, Vec<GameProblem>>> {
        self.fair
            .key
            .as_ref()
            .filter(|k| k.1 == *id)
            .and(self.fair.value.as_deref())
    }

    /// The fair split is being computed on a worker.
    pub fn fair_busy(&self) -> bool {
        self.fair.busy()
    }

    /// The impact of `node` leaving, if computed (`Some(None)`: no such firm).
    pub fn impact(&self, node: &NodeId) -> Option<&Option<ImpactView>> {
        self.impact
            .key
            .as_ref()
            .filter(|k| k.1 == *node)
            .and(self.impact.value.as_deref())
    }

    /// Forgets everything (another document).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
