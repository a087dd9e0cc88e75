//! The gaps one side has and the other has not. A gap is the same gap on both sides when it is
//! about the same thing: its class, stage and product (names compared as the gap analysis
//! compares them, `names::key`) and, where the analysis finds several gaps of one class, stage
//! and product, what tells them apart: the reference chain's stage (a gap the reference chain
//! found), the chain (延链 by conversion, which has no stage), the buyer or sole supplier (固链).
//! Its wording (with its figures) may differ between the sides and does not count. Should two
//! gaps on one side still share all of that, they are counted: two in A and one in B close one.

use super::Sides;
use crate::analysis::gaps::names::key;
use crate::analysis::{Analysis, Gap, GapClass, GapOrigin};
use crate::i18n::Lang;
use crate::model::{Project, StageId};
use std::collections::BTreeMap;

/// A gap closed or opened, with what it says on the side that has it.
#[derive(Debug, Clone, PartialEq)]
pub struct GapLabel {
    pub class: GapClass,
    /// The project's stage it is about; none for a whole chain or an unmatched reference stage.
    pub stage: Option<StageId>,
    /// The stage's name on that side, Chinese and English (the reference chain's for a
    /// reference stage; empty for a whole chain).
    pub stage_name: String,
    pub stage_name_en: String,
    pub product: Option<String>,
    /// What else tells it apart (a node id, a chain id, a reference stage); none when class,
    /// stage and product say it all.
    pub subject: Option<String>,
    /// What the gap says, on the side that has it.
    pub zh: String,
    pub en: String,
}

impl GapLabel {
    /// "补链 · 环节“菌包”没有本地企业".
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} · {}",
            self.class.action(lang),
            lang.pick(&self.zh, &self.en)
        )
    }
}

/// What makes a gap the gap it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Identity {
    class: GapClass,
    stage: Option<StageId>,
    product: Option<String>,
    subject: Option<String>,
}

/// What tells apart gaps of one class, stage and product.
fn subject(analysis: &Analysis, gap: &Gap) -> Option<String> {
    if let Some(r) = &gap.reference {
        return Some(format!("{}/{}/{}", r.chain, r.template, r.stage));
    }
    match gap.class {
        GapClass::AtRisk => gap.nodes.first().map(|n| n.to_string()),
        GapClass::Extend if gap.origin == GapOrigin::Project && gap.stage.is_none() => analysis
            .extension
            .iter()
            .filter(|e| e.short())
            .find(|e| e.processors == gap.nodes)
            .map(|e| e.chain.to_string()),
        _ => None,
    }
}

fn identity(analysis: &Analysis, gap: &Gap) -> Identity {
    Identity {
        class: gap.class,
        stage: gap.stage.clone(),
        product: gap.product.as_deref().map(key),
        subject: subject(analysis, gap),
    }
}

/// One side's gaps by identity, in the order the analysis ranks them.
fn by_identity(analysis: &Analysis) -> BTreeMap<Identity, Vec<&Gap>> {
    let mut out: BTreeMap<Identity, Vec<&Gap>> = BTreeMap::new();
    for gap in &analysis.gaps {
        out.entry(identity(analysis, gap)).or_default().push(gap);
    }
    out
}

fn label(project: &Project, id: &Identity, gap: &Gap) -> GapLabel {
    GapLabel {
        class: gap.class,
        stage: gap.stage.clone(),
        stage_name: gap.stage_name(project, Lang::Zh),
        stage_name_en: gap.stage_name(project, Lang::En),
        product: gap.product.clone(),
        subject: id.subject.clone(),
        zh: gap.zh.clone(),
        en: gap.en.clone(),
    }
}

/// The gaps of `from` that `to` has fewer of, labelled as `from` words them.
fn missing_in(
    (project, from): (&Project, &BTreeMap<Identity, Vec<&Gap>>),
    to: &BTreeMap<Identity, Vec<&Gap>>,
) -> Vec<GapLabel> {
    let mut out = Vec::new();
    for (id, gaps) in from {
        let kept = to.get(id).map_or(0, Vec::len);
        out.extend(gaps.iter().skip(kept).map(|g| label(project, id, g)));
    }
    out
}

/// (closed: in A not in B, opened: in B not in A), each in identity order.
pub(super) fn closed_and_opened(sides: &Sides) -> (Vec<GapLabel>, Vec<GapLabel>) {
    let (a, b) = (by_identity(sides.a.1), by_identity(sides.b.1));
    (
        missing_in((sides.a.0, &a), &b),
        missing_in((sides.b.0, &b), &a),
    )
}
