//! How much each gap matters (issue 18; docs/INDICATORS.md, "Gap priority"): a score from 0 to
//! 100 made of four parts anyone can check, a rank, and the gaps sorted by it.
//!
//! Each gap concerns some supply: the supply links of its product (under every name it goes by),
//! of a stage's products or from the stage's firms, of the farm produce of a chain, or between
//! the firms a 固链 gap names. Of that supply into **local** buyers (an enclave buyer by its
//! share) the parts are:
//!
//! - **value at stake** `v`: the yearly value of those links;
//! - **buyers** `b`: the local firms buying it; for a reference stage or product also the local
//!   firms of the project stages its products flow to by the template's `flows`;
//! - **链主 depends** `l`: 1 when one of those buyers is tagged 链主 or 龙头, or is the top
//!   eligible 链主 candidate; else 0;
//! - **concentration** `c`: for weak (强链 of a product) and at-risk (固链) supply, the HHI of
//!   the suppliers' shares of it (0–1); for missing supply (补链) 1, the extreme case: no local
//!   source at all, every unit comes from outside the county; it does not apply to the other
//!   gaps (强链 of a whole stage, 延链).
//!
//! score = 100 × (40·v/v_max + 25·b/b_max + 20·l + 15·c) ÷ (the weights that apply: 100, or 85
//! without concentration), where v_max and b_max are the largest among the analysis's gaps (a
//! part is 0 when its largest is 0). Rank 1 is the highest score; equal scores are ranked by
//! class (补链, 强链, 延链, 固链), then by stage in chain order (stages of the reference chain
//! the project lacks after the project's, in template order).

use super::availability::{Availability, value};
use super::names::key;
use super::reference::Compared;
use super::{Gap, GapClass, GapOrigin, StageReport};
use crate::analysis::leaders::tagged_leader;
use crate::i18n::Lang;
use crate::model::{Link, NodeId, StageId};
use crate::reference::compare::product_keys;
use std::collections::{BTreeMap, BTreeSet};

/// The weight of each part, out of 100.
pub const WEIGHT_VALUE: f64 = 40.0;
pub const WEIGHT_BUYERS: f64 = 25.0;
pub const WEIGHT_LEADER: f64 = 20.0;
pub const WEIGHT_CONCENTRATION: f64 = 15.0;

/// What the priorities are worked out from.
pub(super) struct Context<'a, 'p> {
    pub avail: &'a Availability<'p>,
    pub stages: &'a [StageReport],
    /// The top eligible 链主 candidate.
    pub leader: Option<&'a NodeId>,
    pub compared: &'a [Compared<'a>],
}

/// A gap's supply, before the parts are set against the other gaps'.
struct Measure {
    value: f64,
    buyers: BTreeSet<NodeId>,
    concentration: Option<f64>,
}

impl Context<'_, '_> {
    /// The supply of `links` into local buyers; the HHI of its suppliers when asked for.
    fn over<'l>(&self, links: impl Iterator<Item = &'l Link>, hhi: bool) -> Measure {
        let places = self.avail.places;
        let mut buyers = BTreeSet::new();
        let mut by_supplier: BTreeMap<&NodeId, f64> = BTreeMap::new();
        let mut total = 0.0;
        for link in links {
            let weight = places.weight(&link.to);
            if weight <= 0.0 {
                continue;
            }
            let v = value(link) * weight;
            buyers.insert(link.to.clone());
            *by_supplier.entry(&link.from).or_default() += v;
            total += v;
        }
        let concentration = (hhi && total > 0.0).then(|| {
            by_supplier
                .values()
                .map(|v| (v / total).powi(2))
                .sum::<f64>()
        });
        Measure {
            value: total,
            buyers,
            concentration,
        }
    }

    /// The local firms of a project stage.
    fn local_firms(&self, stage: &StageId) -> impl Iterator<Item = &NodeId> {
        self.stages
            .iter()
            .filter(move |r| &r.id == stage)
            .flat_map(|r| r.local_enterprises.iter())
    }

    fn measure(&self, gap: &Gap) -> Measure {
        let avail = self.avail;
        let weak_or_risk = matches!(gap.class, GapClass::Weak | GapClass::AtRisk);
        if gap.origin == GapOrigin::Reference {
            return self.measure_reference(gap);
        }
        match (&gap.stage, &gap.product) {
            (_, Some(product)) if gap.class == GapClass::AtRisk => {
                // Between the firm the gap is about and the others it names, either way.
                let k: BTreeSet<String> = [key(product)].into();
                let (main, others) = match gap.nodes.split_first() {
                    Some((m, o)) => (Some(m), o),
                    None => (None, &[][..]),
                };
                let links = avail.links_of_any(&k).into_iter().filter(|l| {
                    (Some(&l.to) == main && others.contains(&l.from))
                        || (Some(&l.from) == main && others.contains(&l.to))
                });
                self.over(links, true)
            }
            (_, Some(product)) => {
                let k: BTreeSet<String> = [key(product)].into();
                self.over(avail.links_of_any(&k).into_iter(), weak_or_risk)
            }
            (Some(stage), None) => {
                let project = avail.project;
                let keys: BTreeSet<String> = project
                    .stage(stage)
                    .map(|(_, s)| s.products.iter().map(|p| key(&p.name)).collect())
                    .unwrap_or_default();
                let members: BTreeSet<&NodeId> = project
                    .nodes
                    .values()
                    .filter(|n| n.kind.is_enterprise_like() && n.stages.contains(stage))
                    .map(|n| &n.id)
                    .collect();
                let of_products: BTreeSet<_> =
                    avail.links_of_any(&keys).iter().map(|l| &l.id).collect();
                let links = avail
                    .all_links()
                    .filter(|l| members.contains(&l.from) || of_products.contains(&l.id));
                self.over(links, false)
            }
            // The chain's 延链 by conversion: its figures were set where it was found.
            (None, None) => Measure {
                value: gap.priority.value_at_stake,
                buyers: gap
                    .nodes
                    .iter()
                    .filter(|id| avail.places.is_local(id))
                    .cloned()
                    .collect(),
                concentration: None,
            },
        }
    }

    /// A reference stage or product: the supply of its products (every name), and the local
    /// firms of the stages they flow to.
    fn measure_reference(&self, gap: &Gap) -> Measure {
        let empty = Measure {
            value: 0.0,
            buyers: BTreeSet::new(),
            concentration: None,
        };
        let Some(spot) = &gap.reference else {
            return empty;
        };
        let Some(c) = self
            .compared
            .iter()
            .find(|c| c.comparison.chain == spot.chain && c.template.id() == spot.template)
        else {
            return empty;
        };
        let products: Vec<&str> = match &gap.product {
            Some(p) => vec![p.as_str()],
            None => c
                .comparison
                .products_of(&spot.stage)
                .map(|p| p.name.as_str())
                .collect(),
        };
        let keys: BTreeSet<String> = products
            .iter()
            .flat_map(|p| product_keys(c.template, c.matching, p))
            .collect();
        let mut m = self.over(self.avail.links_of_any(&keys).into_iter(), false);
        let targets: BTreeSet<&StageId> = c
            .template
            .flows
            .iter()
            .filter(|f| f.from == spot.stage && products.contains(&f.product.as_str()))
            .map(|f| &f.to)
            .collect();
        for target in c
            .comparison
            .stages
            .iter()
            .filter(|s| targets.contains(&s.reference))
        {
            if let Some(own) = &target.project {
                m.buyers.extend(self.local_firms(own).cloned());
            }
        }
        m
    }
}

/// Sets every gap's priority, ranks them and sorts `gaps` by rank.
pub(super) fn prioritise(cx: &Context, gaps: &mut Vec<Gap>) {
    let measures: Vec<Measure> = gaps.iter().map(|g| cx.measure(g)).collect();
    let v_max = measures.iter().map(|m| m.value).fold(0.0, f64::max);
    let b_max = measures.iter().map(|m| m.buyers.len()).max().unwrap_or(0);
    let project = cx.avail.project;
    for (gap, mut m) in gaps.iter_mut().zip(measures) {
        if gap.class == GapClass::Missing {
            m.concentration = Some(1.0);
        }
        let leader_depends = m
            .buyers
            .iter()
            .any(|id| Some(id) == cx.leader || project.nodes.get(id).is_some_and(tagged_leader));
        let part = |x: f64, max: f64| if max > 0.0 { x / max } else { 0.0 };
        let (value_share, buyers_share) = (
            part(m.value, v_max),
            part(m.buyers.len() as f64, b_max as f64),
        );
        let mut sum = WEIGHT_VALUE * value_share
            + WEIGHT_BUYERS * buyers_share
            + WEIGHT_LEADER * f64::from(u8::from(leader_depends));
        let mut weights = WEIGHT_VALUE + WEIGHT_BUYERS + WEIGHT_LEADER;
        if let Some(c) = m.concentration {
            sum += WEIGHT_CONCENTRATION * c;
            weights += WEIGHT_CONCENTRATION;
        }
        gap.priority = super::Priority {
            score: 100.0 * sum / weights,
            rank: 0,
            value_at_stake: m.value,
            buyers: m.buyers.len(),
            leader_depends,
            concentration: m.concentration,
            value_share,
            buyers_share,
        };
    }
    let order = stage_order(cx);
    let position = |g: &Gap| -> usize {
        g.stage
            .as_ref()
            .and_then(|s| order.get(s).copied())
            .or_else(|| {
                let spot = g.reference.as_ref()?;
                let c = cx
                    .compared
                    .iter()
                    .find(|c| c.template.id() == spot.template)?;
                let i = c
                    .template
                    .chain
                    .stages
                    .iter()
                    .position(|s| s.id == spot.stage)?;
                Some(order.len() + i)
            })
            .unwrap_or(usize::MAX)
    };
    let mut indexed: Vec<(usize, Gap)> = std::mem::take(gaps).into_iter().enumerate().collect();
    indexed.sort_by(|(i, a), (j, b)| {
        b.priority
            .score
            .total_cmp(&a.priority.score)
            .then_with(|| a.class.cmp(&b.class))
            .then_with(|| position(a).cmp(&position(b)))
            .then_with(|| i.cmp(j))
    });
    gaps.extend(indexed.into_iter().map(|(_, g)| g));
    for (rank, gap) in gaps.iter_mut().enumerate() {
        gap.priority.rank = rank + 1;
    }
}

/// Each project stage's position in chain order.
fn stage_order<'p>(cx: &Context<'_, 'p>) -> BTreeMap<&'p StageId, usize> {
    cx.avail
        .project
        .stages()
        .enumerate()
        .map(|(i, (_, s))| (&s.id, i))
        .collect()
}

impl Gap {
    /// What its priority is made of, in words: "涉及供应 1200 万元 · 本地买方 3 家 · 链主依赖 ·
    /// HHI 0.62" (amounts in the project's `unit`).
    pub fn priority_parts(&self, unit: &str, lang: Lang) -> String {
        let p = &self.priority;
        let mut parts = vec![
            format!(
                "{} {}",
                lang.pick("涉及供应", "supply at stake"),
                crate::i18n::amount_text(p.value_at_stake.round(), unit, lang)
            ),
            match lang {
                Lang::Zh => format!("本地买方 {} 家", p.buyers),
                Lang::En => crate::i18n::count_en(p.buyers, "local buyer", "local buyers"),
            },
            if p.leader_depends {
                lang.pick("链主依赖", "a 链主 depends on it")
            } else {
                lang.pick("无链主依赖", "no 链主 depends on it")
            }
            .to_owned(),
        ];
        if let Some(c) = p.concentration {
            parts.push(format!("HHI {c:.2}"));
        }
        parts.join(" · ")
    }

    /// How the score is reached, a line a part with what it adds: the tooltip of the Gaps
    /// panel.
    pub fn priority_explained(&self, unit: &str, lang: Lang) -> String {
        let p = &self.priority;
        let amount = crate::i18n::amount_text(p.value_at_stake.round(), unit, lang);
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        let mut lines = vec![match lang {
            Lang::Zh => format!("优先级得分 {:.1}(第 {} 名)", p.score, p.rank),
            Lang::En => format!("Priority score {:.1} (rank {})", p.score, p.rank),
        }];
        lines.push(match lang {
            Lang::Zh => format!(
                "· 涉及供应 {amount},为各缺口最大值的 {} → {WEIGHT_VALUE:.0} × {:.2} = {:.1}",
                pct(p.value_share),
                p.value_share,
                WEIGHT_VALUE * p.value_share
            ),
            Lang::En => format!(
                "· supply at stake {amount}, {} of the largest → {WEIGHT_VALUE:.0} × {:.2} = {:.1}",
                pct(p.value_share),
                p.value_share,
                WEIGHT_VALUE * p.value_share
            ),
        });
        lines.push(match lang {
            Lang::Zh => format!(
                "· 本地买方 {} 家,为最多者的 {} → {WEIGHT_BUYERS:.0} × {:.2} = {:.1}",
                p.buyers,
                pct(p.buyers_share),
                p.buyers_share,
                WEIGHT_BUYERS * p.buyers_share
            ),
            Lang::En => format!(
                "· {}, {} of the most → {WEIGHT_BUYERS:.0} × {:.2} = {:.1}",
                crate::i18n::count_en(p.buyers, "local buyer", "local buyers"),
                pct(p.buyers_share),
                p.buyers_share,
                WEIGHT_BUYERS * p.buyers_share
            ),
        });
        let leader = if p.leader_depends { WEIGHT_LEADER } else { 0.0 };
        lines.push(match (lang, p.leader_depends) {
            (Lang::Zh, true) => format!("· 链主依赖 → {leader:.0}"),
            (Lang::Zh, false) => "· 无链主依赖 → 0".to_owned(),
            (Lang::En, true) => format!("· a 链主 depends on it → {leader:.0}"),
            (Lang::En, false) => "· no 链主 depends on it → 0".to_owned(),
        });
        let mut weights = WEIGHT_VALUE + WEIGHT_BUYERS + WEIGHT_LEADER;
        let mut sum = WEIGHT_VALUE * p.value_share + WEIGHT_BUYERS * p.buyers_share + leader;
        if let Some(c) = p.concentration {
            weights += WEIGHT_CONCENTRATION;
            sum += WEIGHT_CONCENTRATION * c;
            lines.push(format!(
                "· {} HHI {c:.2} → {WEIGHT_CONCENTRATION:.0} × {c:.2} = {:.1}",
                lang.pick("供应集中度", "concentration"),
                WEIGHT_CONCENTRATION * c
            ));
        }
        lines.push(format!(
            "{} {sum:.1} / {weights:.0} × 100 = {:.1}",
            lang.pick("合计", "total"),
            p.score
        ));
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::analysis::Localities;
    use crate::model::{Chain, Project, Stage};

    #[test]
    fn the_weights_make_a_hundred() {
        let sum = WEIGHT_VALUE + WEIGHT_BUYERS + WEIGHT_LEADER + WEIGHT_CONCENTRATION;
        assert!((sum - 100.0).abs() < 1e-12);
    }

    /// With nothing at stake every score is 0: class first, then the stage's place in the chain,
    /// then the order found.
    #[test]
    fn equal_scores_go_by_class_then_stage_order() {
        let mut project = Project::new("t");
        let stage = |id: &str| Stage {
            id: id.into(),
            name: id.to_owned(),
            ..Stage::default()
        };
        project.chains.insert(
            "c".into(),
            Chain {
                id: "c".into(),
                stages: vec![stage("B"), stage("A")],
                ..Chain::default()
            },
        );
        let places = Localities::new(&project, None);
        let avail = Availability::new(&project, &places);
        let gap = |class, s: &str, zh: &str| {
            Gap::new(
                class,
                Some(&s.into()),
                None,
                Vec::new(),
                (zh.to_owned(), zh.to_owned()),
                ("", ""),
            )
        };
        let mut gaps = vec![
            gap(GapClass::AtRisk, "B", "4"),
            gap(GapClass::Missing, "A", "2"),
            gap(GapClass::Weak, "B", "3"),
            gap(GapClass::Missing, "B", "1"),
        ];
        let cx = Context {
            avail: &avail,
            stages: &[],
            leader: None,
            compared: &[],
        };
        prioritise(&cx, &mut gaps);
        let order: Vec<(&str, usize, f64)> = gaps
            .iter()
            .map(|g| (g.zh.as_str(), g.priority.rank, g.priority.score))
            .collect();
        // Stage B comes before A in the chain. With no supply at all, 补链 keeps only its
        // concentration part (no local source: 15 of 100); the others score 0.
        assert_eq!(
            order,
            [("1", 1, 15.0), ("2", 2, 15.0), ("3", 3, 0.0), ("4", 4, 0.0)]
        );
    }
}
