//! Whether each firm in an agreement's scope meets its eligibility rules (京津冀: ≥ 2000 万元 a
//! year of tax over the three years before moving), counted from the firm's own move year when
//! it has an anchor, else from the agreement's signing year.

use super::money::round;
use super::schedule::EligibilityResult;
use super::taxes::metric_value;
use crate::i18n::Lang;
use crate::model::{Agreement, Eligibility, Project, Year};
use rust_decimal::Decimal;

/// Applies the agreement's eligibility rules to each firm in scope.
pub(super) fn check_eligibility(
    project: &Project,
    agreement: &Agreement,
) -> Vec<EligibilityResult> {
    agreement
        .scope
        .iter()
        .map(|id| {
            let mut result = EligibilityResult {
                node: id.clone(),
                eligible: true,
                zh: String::new(),
                en: String::new(),
            };
            let own_anchor = agreement
                .anchors
                .iter()
                .any(|a| &a.node == id && a.moved_year.is_some());
            for rule in &agreement.eligibility {
                let Eligibility::MinAverageBefore {
                    metric,
                    years,
                    at_least,
                } = rule;
                let Some(moved) = agreement.firm_years(id).0 else {
                    result.eligible = false;
                    result.zh = "协议没有签约(迁入)年份,无法判断资格".to_owned();
                    result.en =
                        "the agreement has no signing (moving) year to judge eligibility by"
                            .to_owned();
                    continue;
                };
                let span = (moved - *years as Year)..moved;
                let node = project.nodes.get(id);
                let sum: Decimal = span
                    .clone()
                    .filter_map(|y| {
                        node.and_then(|n| n.figures.get(&y))
                            .and_then(|f| metric_value(f, *metric))
                    })
                    .sum();
                let average = round(sum / Decimal::from(*years.max(&1)));
                let ok = average >= *at_least;
                result.eligible &= ok;
                let (zh_metric, en_metric) = (metric.label(Lang::Zh), metric.label(Lang::En));
                let (first, last) = (span.start, span.end - 1);
                result.zh = format!(
                    "{first}–{last} 年平均{zh_metric} {average} {} {at_least}",
                    if ok { "≥" } else { "<" }
                );
                result.en = format!(
                    "average {en_metric} {first}–{last} of {average} is {} {at_least}",
                    if ok { "at least" } else { "below" }
                );
                if own_anchor {
                    result.zh = format!("{moved} 年迁入;{}", result.zh);
                    result.en = format!("moved in {moved}; {}", result.en);
                }
            }
            result
        })
        .collect()
}
