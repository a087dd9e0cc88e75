//! The amount a phase splits in one year, summed over the firms it counts: for the tax of a
//! fiscal phase, on the phase's basis (the total, the local or the county-retained part, by
//! tax type under the project's `tax_sharing`); for every other figure, the figure itself.
//!
//! A firm-year that gives only a total tax cannot say what its retained part is: it is left out
//! and named (never counted on a wrong base).

use crate::model::{Figures, Ledger, Metric, NodeId, Phase, Project, TaxBasis, TaxType, Year};
use rust_decimal::Decimal;

/// One year's amount over the counted firms.
#[derive(Debug, Clone, Default)]
pub(super) struct Amount {
    /// Exact, not yet rounded.
    pub value: Decimal,
    /// The amount by tax type (VAT, CIT, other), when every counted firm-year with tax gives
    /// its types.
    pub by_type: Option<[Decimal; 3]>,
    /// Firms with a total tax but no tax by type, left out of a retained basis.
    pub left_out: Vec<NodeId>,
}

/// The basis a phase's rows are on: its own for the tax of a fiscal phase, the total for
/// every other figure and ledger (a basis elsewhere has no meaning; checking says so).
pub(super) fn effective_basis(phase: &Phase) -> TaxBasis {
    if phase.ledger == Ledger::Fiscal && phase.metric == Metric::Tax {
        phase.basis
    } else {
        TaxBasis::Total
    }
}

/// The tax types a phase's rows count: its own for the tax of a fiscal phase, every type for
/// anything else.
pub(super) fn effective_types(phase: &Phase) -> &[TaxType] {
    if phase.ledger == Ledger::Fiscal && phase.metric == Metric::Tax {
        &phase.tax_types
    } else {
        &[]
    }
}

/// A figure of a firm-year; the tax is the total given, or the sum of the types given.
pub(super) fn metric_value(f: &Figures, metric: Metric) -> Option<Decimal> {
    match metric {
        Metric::Output => f.output,
        Metric::ValueAdded => f.value_added,
        Metric::Tax => f.tax_total(),
        Metric::Investment => f.investment,
        Metric::Profit => f.profit,
        Metric::Rent => f.rent,
        Metric::KeyProjects => f.key_projects,
        // Quotas are not figures of a firm: they move by the agreement's transfers.
        Metric::ConstructionLandMu | Metric::FarmlandBalanceMu | Metric::EnergyTce => None,
    }
}

/// The amount of `metric` on `basis` in `year`, over `firms`.
pub(super) fn amount(
    project: &Project,
    firms: &[&NodeId],
    metric: Metric,
    basis: TaxBasis,
    types: &[TaxType],
    year: Year,
) -> Amount {
    let mut out = Amount::default();
    let mut by_type = [Decimal::ZERO; 3];
    let mut typed = false;
    let mut untyped = false;
    for id in firms {
        let Some(f) = project.nodes.get(*id).and_then(|n| n.figures.get(&year)) else {
            continue;
        };
        if metric != Metric::Tax {
            out.value += metric_value(f, metric).unwrap_or_default();
            continue;
        }
        let sharing = &project.meta.tax_sharing;
        match (f.tax_on_types(basis, sharing, types), f.tax_parts()) {
            (Some(v), Some(parts)) => {
                out.value += v;
                typed = true;
                for (i, (tax, part)) in parts.iter().enumerate() {
                    if types.is_empty() || types.contains(tax) {
                        by_type[i] += *part * basis.pct(sharing, *tax) / Decimal::ONE_HUNDRED;
                    }
                }
            }
            (Some(v), None) => {
                // Only on the total basis: a tax without types.
                out.value += v;
                untyped = true;
            }
            (None, _) => {
                if f.tax_total().is_some() {
                    out.left_out.push((*id).clone());
                }
            }
        }
    }
    if typed && !untyped {
        out.by_type = Some(by_type);
    }
    out
}

/// The rounded amount by type, adding up exactly to `total` (largest remainders).
pub(super) fn tax_parts(total: Decimal, by_type: Option<[Decimal; 3]>) -> Vec<(TaxType, Decimal)> {
    let Some(weights) = by_type else {
        return Vec::new();
    };
    TaxType::ALL
        .into_iter()
        .zip(super::money::split(total, &weights))
        .collect()
}

/// The note for firms left out of a retained basis, naming them.
pub(super) fn left_out_note(project: &Project, left_out: &[NodeId]) -> (String, String) {
    if left_out.is_empty() {
        return (String::new(), String::new());
    }
    let names: Vec<String> = left_out.iter().map(|id| project.node_name(id)).collect();
    (
        format!("{}没有分税种数据,未计入", names.join("、")),
        format!(
            "{} {} no tax by type; left out",
            names.join(", "),
            if names.len() == 1 { "gives" } else { "give" }
        ),
    )
}
