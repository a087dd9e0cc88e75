//! The 招商 list ranked: each candidate matched to the gaps its products fill, scored by the
//! gap's priority times how well the firm fits, best first.
//!
//! - **fit** = match × (0.6 + 0.25 × size + 0.15 × tags), 0–1, where
//!   - match: 1 for the same product name (written alike, or a common synonym), 0.9 for a
//!     synonym the compared chain's template gives, 0.6 for one name containing the other;
//!   - size = log₁₀(revenue in 万元) ÷ 5, kept within 0.2–1 (100 万元 0.4, 1 亿元 0.8, 10 亿元
//!     1); 0.4 when the list gives no revenue;
//!   - tags: the weight of the firm's strongest tag (500强, 上市 1; 单项冠军 0.9; 龙头,
//!     小巨人 0.8; 专精特新 0.6; 高新 0.5; 规上 0.3; none 0), see `tags`.
//! - **score** = gap priority (0–100) × fit, for each gap the candidate matches; the best is
//!   its target, the others are named in the reason.
//! - Order: candidates filling a gap first, by score, then by the gap's priority, class
//!   (补链, 强链, 延链, 固链) and fit; then candidates that make what the county already
//!   supplies (no gap: below every gap filler), by fit; then those matching nothing in the
//!   chains, by name.
//!
//! The formula is documented for users in docs/INDICATORS.md (招商清单).

use super::matching::{MatchKind, Name, StageWords, Vocabulary};
use super::reason;
use super::tags::tag_weight;
use crate::analysis::{Analysis, Gap, GapClass, GapOrigin, ProductReport};
use crate::i18n::Lang;
use crate::model::meta::MoneyUnit;
use crate::model::{Candidate, Project, StageId};
use rust_decimal::prelude::ToPrimitive;

/// The fit's base and the weights of size and tags (they sum to 1).
pub const FIT_BASE: f64 = 0.6;
pub const FIT_SIZE_WEIGHT: f64 = 0.25;
pub const FIT_TAG_WEIGHT: f64 = 0.15;
/// The size term of a firm whose revenue the list does not give (as one of 100 万元).
pub const SIZE_UNKNOWN: f64 = 0.4;

/// How well a candidate fits one gap, with its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub kind: MatchKind,
    /// The candidate's product that matched.
    pub offered: String,
    /// The gap's product (or the product or word of the gap's stage) it matched.
    pub wanted: String,
    pub size: f64,
    pub tags: f64,
    /// match × (0.6 + 0.25 × size + 0.15 × tags).
    pub value: f64,
}

/// A candidate set against one gap.
#[derive(Debug, Clone, PartialEq)]
pub struct GapMatch {
    /// Index into `TargetList::gaps`.
    pub gap: usize,
    pub fit: Fit,
    /// Gap priority × fit.
    pub score: f64,
}

/// Where a candidate stands against the county's chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// It makes what a gap lacks.
    FillsGap,
    /// It makes what the county already supplies (no gap).
    AlreadySupplied,
    /// Its products match nothing in the chains.
    Unrelated,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::FillsGap => "fills_gap",
            Standing::AlreadySupplied => "already_supplied",
            Standing::Unrelated => "unrelated",
        }
    }
}

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// 1 for the best.
    pub rank: usize,
    /// The candidate's id in `project.candidates`.
    pub candidate: String,
    pub standing: Standing,
    /// Its target: the gap it scores best on.
    pub best: Option<GapMatch>,
    /// The other gaps it matches, best first.
    pub others: Vec<GapMatch>,
    /// With no gap: what the county already supplies that it makes (the county's names).
    pub supplied: Vec<String>,
    /// The best gap's score; 0 without a gap.
    pub score: f64,
    pub reason_zh: String,
    pub reason_en: String,
}

impl Target {
    pub fn reason(&self, lang: Lang) -> &str {
        lang.pick(&self.reason_zh, &self.reason_en)
    }
}

/// A gap as the 招商 list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapTarget {
    /// Index into the analysis's gaps.
    pub index: usize,
    pub class: GapClass,
    pub origin: GapOrigin,
    pub stage: Option<StageId>,
    /// The stage's name (empty when the gap names none), and in English.
    pub stage_name: String,
    pub stage_name_en: String,
    pub product: Option<String>,
    /// The gap's priority score (0–100).
    pub priority: f64,
    /// What candidates must make to meet it (its product, or its stage's products): an index
    /// into the list's distinct sets, since many gaps want the same (固链 gaps of one product).
    wanted: usize,
}

impl GapTarget {
    /// What the gap is about: its product, else its stage's name without the words in brackets
    /// after it (栽培原辅料, not 栽培原辅料(木屑/玉米芯/麸皮/菌袋耗材)).
    pub fn subject(&self, lang: Lang) -> &str {
        match &self.product {
            Some(p) => p,
            None if lang == Lang::En && !self.stage_name_en.is_empty() => {
                short_name(&self.stage_name_en)
            }
            None => short_name(&self.stage_name),
        }
    }

    /// "补链 · 菌袋" (for lists and the filter).
    pub fn label(&self, lang: Lang) -> String {
        format!("{} · {}", self.class.action(lang), self.subject(lang))
    }
}

/// The ranked list, and the gaps it was matched against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetList {
    pub targets: Vec<Target>,
    /// Every gap a candidate could fill (those naming a product or a stage), in the analysis's
    /// order.
    pub gaps: Vec<GapTarget>,
}

impl TargetList {
    /// The gaps at least one candidate matches, by priority, then class (补链 first), then order
    /// (for the filter).
    pub fn matched_gaps(&self) -> Vec<usize> {
        let mut used: Vec<usize> = self
            .targets
            .iter()
            .flat_map(|t| t.best.iter().chain(&t.others).map(|m| m.gap))
            .collect();
        used.sort_unstable();
        used.dedup();
        used.sort_by(|a, b| {
            let (ga, gb) = (&self.gaps[*a], &self.gaps[*b]);
            gb.priority
                .total_cmp(&ga.priority)
                .then(ga.class.cmp(&gb.class))
                .then(a.cmp(b))
        });
        used
    }

    /// Whether candidate `t` matches gap `gap` (its target or another).
    pub fn matches(&self, t: &Target, gap: usize) -> bool {
        t.best.iter().chain(&t.others).any(|m| m.gap == gap)
    }
}

/// A stage's name before the bracket listing what it covers; the whole name when that is all.
pub fn short_name(name: &str) -> &str {
    let head = name.split(['(', '（']).next().unwrap_or(name).trim();
    if head.is_empty() { name } else { head }
}

/// Ranks the project's candidates against the analysis's gaps.
pub fn rank(project: &Project, analysis: &Analysis) -> TargetList {
    rank_against(project, &analysis.gaps, &analysis.products)
}

/// Ranks the project's candidates against `gaps`, `products` telling what the county supplies.
pub fn rank_against(project: &Project, gaps: &[Gap], products: &[ProductReport]) -> TargetList {
    let vocabulary = Vocabulary::of(project);
    let mut wanted: Vec<Vec<Name>> = Vec::new();
    let gap_targets: Vec<GapTarget> = gaps
        .iter()
        .enumerate()
        .filter_map(|(i, g)| gap_target(project, &vocabulary, i, g, &mut wanted))
        .collect();
    // What the county supplies: the products local firms can supply, and the words of the
    // names of their stages (精深加工(脆片/冰淇淋/…) supplies 脆片).
    let mut supplied: Vec<String> = Vec::new();
    for p in products.iter().filter(|p| !p.suppliers.is_empty()) {
        supplied.push(p.name.clone());
        if let Some((_, stage)) = project.stage(&p.stage) {
            supplied.extend(super::matching::name_words(&stage.name));
        }
    }
    supplied.sort();
    supplied.dedup();
    let supplied = Name::all(&supplied);
    let unit = MoneyUnit::parse(&project.meta.unit).unwrap_or(MoneyUnit::Wan);
    let mut targets: Vec<(Target, f64)> = project
        .candidates
        .values()
        .map(|c| {
            let cx = Context {
                vocabulary: &vocabulary,
                gaps: &gap_targets,
                wanted: &wanted,
                supplied: &supplied,
                unit,
            };
            cx.target(c)
        })
        .collect();
    targets.sort_by(|(a, fa), (b, fb)| {
        let gap = |t: &Target| t.best.as_ref().map(|m| &gap_targets[m.gap]);
        let priority = |t: &Target| gap(t).map_or(0.0, |g| g.priority);
        let class = |t: &Target| gap(t).map(|g| g.class);
        a.standing
            .cmp(&b.standing)
            .then(b.score.total_cmp(&a.score))
            .then(priority(b).total_cmp(&priority(a)))
            .then(class(a).cmp(&class(b)))
            .then(fb.total_cmp(fa))
            .then_with(|| name(project, a).cmp(name(project, b)))
    });
    let targets = targets
        .into_iter()
        .enumerate()
        .map(|(i, (mut t, _))| {
            t.rank = i + 1;
            let c = &project.candidates[&t.candidate];
            (t.reason_zh, t.reason_en) = reason::both(c, &t, &gap_targets, unit);
            t
        })
        .collect();
    TargetList {
        targets,
        gaps: gap_targets,
    }
}

fn name<'a>(project: &'a Project, t: &Target) -> &'a str {
    project
        .candidates
        .get(&t.candidate)
        .map_or("", |c| c.name.as_str())
}

/// A gap with what meets it; none for a gap naming neither product nor stage (a chain's
/// conversion ratio: no one firm's product fills it).
fn gap_target(
    project: &Project,
    vocabulary: &Vocabulary,
    index: usize,
    gap: &Gap,
    sets: &mut Vec<Vec<Name>>,
) -> Option<GapTarget> {
    let stage = vocabulary.stage_of(project, gap);
    let names = match (&gap.product, &stage) {
        (Some(p), _) => vec![Name::new(p)],
        (None, Some(s)) => Name::all(&s.products),
        (None, None) => return None,
    };
    let wanted = match sets.iter().position(|set| *set == names) {
        Some(at) => at,
        None => {
            sets.push(names);
            sets.len() - 1
        }
    };
    let StageWords { name, name_en, .. } = stage.unwrap_or_default();
    Some(GapTarget {
        index,
        class: gap.class,
        origin: gap.origin,
        stage: gap.stage.clone(),
        stage_name: name,
        stage_name_en: name_en,
        product: gap.product.clone(),
        priority: gap.priority.score,
        wanted,
    })
}

/// What one candidate is set against.
struct Context<'a> {
    vocabulary: &'a Vocabulary,
    gaps: &'a [GapTarget],
    /// The distinct sets of names gaps want.
    wanted: &'a [Vec<Name>],
    supplied: &'a [Name],
    unit: MoneyUnit,
}

impl Context<'_> {
    /// The candidate's matches, best first, its standing and score (the reason and rank are
    /// filled in once the list is ordered); with the fit it is ordered by among equals.
    fn target(&self, c: &Candidate) -> (Target, f64) {
        let size = size_term(c, self.unit);
        let tags = tag_weight(&c.tags);
        let products = Name::all(&c.products);
        // Each distinct set once, however many gaps want it.
        let best_of_set: Vec<Option<(MatchKind, &str, &str)>> = self
            .wanted
            .iter()
            .map(|set| self.vocabulary.best(&products, set))
            .collect();
        let mut matches: Vec<GapMatch> = self
            .gaps
            .iter()
            .enumerate()
            .filter_map(|(i, g)| {
                let (kind, offered, wanted) = best_of_set[g.wanted]?;
                let value = fit_value(kind, size, tags);
                Some(GapMatch {
                    gap: i,
                    fit: Fit {
                        kind,
                        offered: offered.to_owned(),
                        wanted: wanted.to_owned(),
                        size,
                        tags,
                        value,
                    },
                    score: g.priority * value,
                })
            })
            .collect();
        matches.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(
                    self.gaps[b.gap]
                        .priority
                        .total_cmp(&self.gaps[a.gap].priority),
                )
                .then(self.gaps[a.gap].class.cmp(&self.gaps[b.gap].class))
                .then(b.fit.value.total_cmp(&a.fit.value))
                .then(a.gap.cmp(&b.gap))
        });
        // Two gaps of one class about one product (菌包 from two single suppliers) are one
        // thing to the firm: kept once, the best.
        let mut seen = std::collections::BTreeSet::new();
        matches.retain(|m| {
            let g = &self.gaps[m.gap];
            seen.insert((g.class, g.product.clone(), g.stage.clone()))
        });
        let mut matches = matches.into_iter();
        let best = matches.next();
        let others: Vec<GapMatch> = matches.collect();
        let (standing, supplied, order_fit) = match &best {
            Some(m) => (Standing::FillsGap, Vec::new(), m.fit.value),
            None => {
                let mut found: Vec<(MatchKind, String)> = self
                    .supplied
                    .iter()
                    .filter_map(|s| {
                        products
                            .iter()
                            .filter_map(|o| self.vocabulary.compare_names(o, s))
                            .max()
                            .map(|k| (k, s.text.clone()))
                    })
                    .collect();
                // The closest names only: 干木耳 itself, not also 干木耳(仓储服务) containing it.
                let closest = found.iter().map(|f| f.0).max();
                found.retain(|f| Some(f.0) == closest);
                match found.first() {
                    Some((kind, _)) => (
                        Standing::AlreadySupplied,
                        found.iter().map(|(_, s)| s.clone()).collect(),
                        fit_value(*kind, size, tags),
                    ),
                    None => (Standing::Unrelated, Vec::new(), 0.0),
                }
            }
        };
        let target = Target {
            rank: 0,
            candidate: c.id.clone(),
            standing,
            score: best.as_ref().map_or(0.0, |m| m.score),
            best,
            others,
            supplied,
            reason_zh: String::new(),
            reason_en: String::new(),
        };
        (target, order_fit)
    }
}

/// match × (0.6 + 0.25 × size + 0.15 × tags).
pub fn fit_value(kind: MatchKind, size: f64, tags: f64) -> f64 {
    kind.quality() * (FIT_BASE + FIT_SIZE_WEIGHT * size + FIT_TAG_WEIGHT * tags)
}

/// The size term: log₁₀(revenue in 万元) ÷ 5 within 0.2–1; 0.4 when not known.
pub fn size_term(c: &Candidate, unit: MoneyUnit) -> f64 {
    let Some(wan) = revenue_wan(c, unit) else {
        return SIZE_UNKNOWN;
    };
    if wan <= 0.0 {
        return 0.2;
    }
    (wan.log10() / 5.0).clamp(0.2, 1.0)
}

/// The candidate's revenue in 万元.
pub fn revenue_wan(c: &Candidate, unit: MoneyUnit) -> Option<f64> {
    let r = c.revenue?;
    (r * unit.factor_to(MoneyUnit::Wan)).to_f64()
}
