//! The per-item tables: each stage's local supporting rate, the 链主 ranking, the 亩均 classes
//! and the towns, on both sides, each read from the analysis (`StageReport`, `LeaderReport`,
//! `LandEvaluation`, `TownReport`).

use super::{Sides, differs};
use crate::analysis::land::{Exclusion, LandGrade};
use crate::analysis::territory::TownReport;
use crate::analysis::{Analysis, StageReport, Status};
use crate::i18n::Lang;
use crate::model::{ChainId, NodeId, Segment, StageId};
use std::collections::{BTreeMap, BTreeSet};

/// One stage's local supporting rate on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct StageDelta {
    pub id: StageId,
    pub chain: ChainId,
    /// Its name, B's when B has the stage, else A's; `name_en` its English name (its name when
    /// it has none).
    pub name: String,
    pub name_en: String,
    pub segment: Segment,
    /// Over its local buyers; none when undefined ("—": no local buyer, or the side has no
    /// such stage, which `status_a` / `status_b` tell apart).
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// How well it is covered; none when the side has no such stage.
    pub status_a: Option<Status>,
    pub status_b: Option<Status>,
}

impl StageDelta {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name, &self.name_en)
    }

    pub fn changed(&self) -> bool {
        differs(self.a, self.b) || self.status_a != self.status_b
    }
}

/// A 链主 candidate whose rank changed, or that is a candidate on one side only.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderDelta {
    pub id: NodeId,
    /// B's name when B has the node, else A's.
    pub name: String,
    /// 1 for the best candidate; none when not a candidate on that side.
    pub rank_a: Option<usize>,
    pub rank_b: Option<usize>,
    /// The score (0–100) on each side.
    pub score_a: Option<f64>,
    pub score_b: Option<f64>,
}

/// How many firms a 亩均 class has on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDelta {
    /// The class; none for the local firms left 不定等级 (not evaluated).
    pub class: Option<LandGrade>,
    pub a: usize,
    pub b: usize,
}

impl ClassDelta {
    /// `A` … `D`, `unclassified`.
    pub fn code(&self) -> &'static str {
        self.class.map_or("unclassified", LandGrade::code)
    }

    pub fn label(&self, lang: Lang) -> String {
        match (self.class, lang) {
            (Some(c), Lang::Zh) => format!("{} 类", c.code()),
            (Some(c), Lang::En) => format!("Class {}", c.code()),
            (None, _) => lang.pick("不定等级", "Unclassified").to_owned(),
        }
    }
}

/// A town's share of county output and its specialised segments on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct TownDelta {
    pub id: NodeId,
    /// B's name when B has the town, else A's.
    pub name: String,
    /// O_t ÷ O; none when the county has no output or the side has no such town.
    pub share_a: Option<f64>,
    pub share_b: Option<f64>,
    /// O_t; none when the side has no such town.
    pub output_a: Option<f64>,
    pub output_b: Option<f64>,
    /// Segments with LQ ≥ 1.5, in segment order; none when the side has no such town.
    pub specialised_a: Option<Vec<Segment>>,
    pub specialised_b: Option<Vec<Segment>>,
}

impl TownDelta {
    pub fn changed(&self) -> bool {
        differs(self.share_a, self.share_b)
            || differs(self.output_a, self.output_b)
            || self.specialised_a != self.specialised_b
    }
}

fn stage_of<'a>(analysis: &'a Analysis, id: &StageId) -> Option<&'a StageReport> {
    analysis.stages.iter().find(|s| &s.id == id)
}

/// Every stage of either side: A's in chain order, then B's others in B's order.
pub(super) fn stages(sides: &Sides) -> Vec<StageDelta> {
    let (pa, ra) = sides.a;
    let (pb, rb) = sides.b;
    let mut ids: Vec<&StageId> = ra.stages.iter().map(|s| &s.id).collect();
    let seen: BTreeSet<&StageId> = ids.iter().copied().collect();
    ids.extend(
        rb.stages
            .iter()
            .map(|s| &s.id)
            .filter(|id| !seen.contains(id)),
    );
    ids.into_iter()
        .filter_map(|id| {
            let (sa, sb) = (stage_of(ra, id), stage_of(rb, id));
            let (project, shown) = match (sb, sa) {
                (Some(s), _) => (pb, s),
                (None, Some(s)) => (pa, s),
                (None, None) => return None,
            };
            let name_en = project
                .stage(id)
                .map(|(_, s)| s.name_en.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| shown.name.clone());
            Some(StageDelta {
                id: id.clone(),
                chain: shown.chain.clone(),
                name: shown.name.clone(),
                name_en,
                segment: shown.segment,
                a: sa.and_then(|s| s.local_supporting_rate),
                b: sb.and_then(|s| s.local_supporting_rate),
                status_a: sa.map(|s| s.status),
                status_b: sb.map(|s| s.status),
            })
        })
        .collect()
}

/// The candidates whose rank differs between the sides, by rank in B, then in A, then id.
pub(super) fn leaders(sides: &Sides) -> Vec<LeaderDelta> {
    // id → (name, rank and score in A, in B)
    type Ranked = (String, Option<(usize, f64)>, Option<(usize, f64)>);
    let mut by_id: BTreeMap<&NodeId, Ranked> = BTreeMap::new();
    for (rank, l) in sides.a.1.leaders.iter().enumerate() {
        by_id
            .entry(&l.id)
            .or_insert_with(|| (l.name.clone(), None, None))
            .1 = Some((rank + 1, l.score));
    }
    for (rank, l) in sides.b.1.leaders.iter().enumerate() {
        let entry = by_id
            .entry(&l.id)
            .or_insert_with(|| (l.name.clone(), None, None));
        entry.0 = l.name.clone();
        entry.2 = Some((rank + 1, l.score));
    }
    let mut out: Vec<LeaderDelta> = by_id
        .into_iter()
        .filter(|(_, (_, a, b))| a.map(|x| x.0) != b.map(|x| x.0))
        .map(|(id, (name, a, b))| LeaderDelta {
            id: id.clone(),
            name,
            rank_a: a.map(|x| x.0),
            rank_b: b.map(|x| x.0),
            score_a: a.map(|x| x.1),
            score_b: b.map(|x| x.1),
        })
        .collect();
    let last = |r: Option<usize>| r.unwrap_or(usize::MAX);
    out.sort_by(|x, y| {
        (last(x.rank_b), last(x.rank_a), &x.id).cmp(&(last(y.rank_b), last(y.rank_a), &y.id))
    });
    out
}

/// Firms per class on one side: A–D, then the local firms left 不定等级.
fn class_counts(analysis: &Analysis) -> [usize; 5] {
    let mut counts = [0; 5];
    for firm in analysis.land.firms() {
        if let Some(i) = LandGrade::ALL.iter().position(|c| *c == firm.class) {
            counts[i] += 1;
        }
    }
    counts[4] = analysis
        .land
        .excluded
        .iter()
        .filter(|e| e.reason != Exclusion::NotLocal)
        .count();
    counts
}

/// Every 亩均 class, and 不定等级, with its firms on both sides.
pub(super) fn land_classes(sides: &Sides) -> Vec<ClassDelta> {
    let (a, b) = (class_counts(sides.a.1), class_counts(sides.b.1));
    LandGrade::ALL
        .iter()
        .map(|c| Some(*c))
        .chain([None])
        .zip(a.into_iter().zip(b))
        .map(|(class, (a, b))| ClassDelta { class, a, b })
        .collect()
}

fn towns_of(analysis: &Analysis) -> BTreeMap<&NodeId, &TownReport> {
    analysis
        .territory
        .towns
        .iter()
        .map(|t| (&t.id, t))
        .collect()
}

/// Every town of either side, in id order.
pub(super) fn towns(sides: &Sides) -> Vec<TownDelta> {
    let (ta, tb) = (towns_of(sides.a.1), towns_of(sides.b.1));
    let ids: BTreeSet<&NodeId> = ta.keys().chain(tb.keys()).copied().collect();
    ids.into_iter()
        .map(|id| {
            let (a, b) = (ta.get(id).copied(), tb.get(id).copied());
            TownDelta {
                id: id.clone(),
                name: b.or(a).map(|t| t.name.clone()).unwrap_or_default(),
                share_a: a.and_then(|t| t.share),
                share_b: b.and_then(|t| t.share),
                output_a: a.map(|t| t.output),
                output_b: b.map(|t| t.output),
                specialised_a: a.map(|t| t.specialised.clone()),
                specialised_b: b.map(|t| t.specialised.clone()),
            }
        })
        .collect()
}
