//! What the diagram shows for one year: each party's part of each ledger and metric, read from
//! the agreement's schedule. Pure (no egui): the yearly total rows only (a per-firm phase's firm
//! rows are summed in its total row), parts of several phases of one ledger and metric added,
//! a negative part (a party paying: a fixed return's shortfall, a quota or payment given)
//! kept as a flow into the park.

use crate::i18n::Lang;
use crate::model::{Agreement, Ledger, Metric, NodeId, PartyRole, Project, TaxBasis};
use crate::sharing::{Schedule, assessment_mark};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One party's part of one ledger and metric in the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub ledger: Ledger,
    pub metric: Metric,
    pub party: NodeId,
    /// The size of the part (never negative; see `pays`).
    pub amount: Decimal,
    /// The party gives this amount (a payment or a quota it transfers) instead of receiving it.
    pub pays: bool,
    /// The unit the amount is counted in (万元, 亩, 个 …).
    pub unit: String,
    /// The tax basis of a fiscal split, named on the ribbon.
    pub basis: Option<TaxBasis>,
    /// Double-counted assessment figures: for the assessment only, never published.
    pub assessment_only: bool,
}

impl Flow {
    /// "考核 · 增加值" or "财税分成 · 税收(地方留成)": what the ribbon carries.
    pub fn title(&self, lang: Lang) -> String {
        let base = format!("{} · {}", self.ledger.label(lang), self.metric.label(lang));
        match self.basis {
            Some(b) => match lang {
                Lang::Zh => format!("{base}（{}）", b.label(lang)),
                Lang::En => format!("{base} ({})", b.label(lang)),
            },
            None => base,
        }
    }

    /// "5286.40 万元", with "付出" / "pays" when the party gives it.
    pub fn amount_text(&self, lang: Lang) -> String {
        let amount = format!("{:.2} {}", self.amount, self.unit);
        let amount = amount.trim_end().to_owned();
        if self.pays {
            format!("{} {amount}", lang.pick("付出", "pays"))
        } else {
            amount
        }
    }

    /// The ribbon's accessible name: "考核 · 增加值 → 岚皋县 5286.40 万元" (and the mark of
    /// double counting), what a screen reader and the tests find it by.
    pub fn label(&self, project: &Project, lang: Lang) -> String {
        let party = project.node_name(&self.party);
        let arrow = if self.pays { "←" } else { "→" };
        let mut text = format!(
            "{} {arrow} {party} {}",
            self.title(lang),
            self.amount_text(lang)
        );
        if self.assessment_only {
            text.push_str(&format!(" · {}", assessment_mark(lang)));
        }
        text
    }
}

/// The years the schedule covers, first to last.
pub fn years(schedule: &Schedule) -> Vec<crate::model::Year> {
    (schedule.from..=schedule.to).collect()
}

/// Every party's part of every ledger and metric in `year`, in ledger, metric and party order.
pub fn flows(
    project: &Project,
    agreement: &Agreement,
    schedule: &Schedule,
    year: crate::model::Year,
    lang: Lang,
) -> Vec<Flow> {
    // (ledger, metric, basis, party) → (sum, assessment only, unit)
    type Key = (Ledger, Metric, Option<TaxBasis>, usize);
    let mut sums: BTreeMap<Key, (Decimal, bool, String)> = BTreeMap::new();
    let party_index = |id: &NodeId| agreement.parties.iter().position(|p| p.node == *id);
    for row in schedule
        .rows
        .iter()
        .filter(|r| r.year == year && r.firm.is_none())
    {
        let unit = row.unit(lang).unwrap_or(&project.meta.unit);
        for (party, part) in &row.parts {
            let Some(index) = party_index(party) else {
                continue;
            };
            let entry = sums
                .entry((row.ledger, row.metric, row.tax_basis(), index))
                .or_insert((Decimal::ZERO, false, unit.to_owned()));
            entry.0 += *part;
            entry.1 |= row.assessment_only;
        }
    }
    sums.into_iter()
        .filter(|(_, (sum, _, _))| !sum.is_zero())
        .map(
            |((ledger, metric, basis, index), (sum, assessment_only, unit))| Flow {
                ledger,
                metric,
                party: agreement.parties[index].node.clone(),
                amount: sum.abs(),
                pays: sum.is_sign_negative(),
                unit,
                basis,
                assessment_only,
            },
        )
        .collect()
}

/// Where a party's block goes around the park.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// 飞出地
    Left,
    /// 飞入地
    Right,
    /// The trustee, above the park.
    Top,
    /// Investors, village collectives, operators, higher-level finance.
    Bottom,
}

/// Each party's side: sources left, hosts right, the trustee above, the rest below; when an
/// agreement has no source (or host), the first of the rest takes that side, so the park is
/// never drawn with an empty flank and everything crowded beneath.
pub fn sides(agreement: &Agreement) -> Vec<(NodeId, Side)> {
    let mut out: Vec<(NodeId, Side)> = agreement
        .parties
        .iter()
        .map(|p| {
            let side = match p.role {
                PartyRole::Source => Side::Left,
                PartyRole::Host => Side::Right,
                PartyRole::Trustee => Side::Top,
                _ => Side::Bottom,
            };
            (p.node.clone(), side)
        })
        .collect();
    for side in [Side::Left, Side::Right] {
        if out.iter().all(|(_, s)| *s != side)
            && let Some(first) = out.iter_mut().find(|(_, s)| *s == Side::Bottom)
        {
            first.1 = side;
        }
    }
    out
}
