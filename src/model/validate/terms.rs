//! The problems of issue 19's agreement terms: the tax sharing table (each tax type's tiers
//! add up to 100), taxes by type that contradict the total, tax bases that cannot be computed
//! or mean nothing, quota transfers, group members, payments and the fair split's ledgers.

use super::*;
use crate::model::{Figures, Metric, Party, QuotaTransfer, TaxBasis, TaxType};

/// Each tax type's shares to the central, provincial, city and county treasuries add up to 100.
pub(super) fn check_tax_sharing(project: &Project, issues: &mut Vec<Issue>) {
    let sharing = &project.meta.tax_sharing;
    for tax in TaxType::ALL {
        let shares = sharing.of(tax);
        let place = format!("meta/tax_sharing/{}", tax.code());
        let sum = shares.sum();
        if sum != Decimal::ONE_HUNDRED {
            issues.push(Issue::error(
                "tax_tiers_not_100",
                place.clone(),
                format!(
                    "{}的中央、省、市、县分成比例合计 {}%,应为 100%",
                    tax.label(Lang::Zh),
                    sum.normalize()
                ),
                format!(
                    "{}: the central, provincial, city and county shares add up to {} %, not 100 %",
                    tax.label(Lang::En),
                    sum.normalize()
                ),
            ));
        }
        for tier in crate::model::Tier::ALL {
            let pct = shares.get(tier);
            if pct.is_sign_negative() && !pct.is_zero() {
                issues.push(negative(
                    place.clone(),
                    &format!("{}的{}分成", tax.label(Lang::Zh), tier.label(Lang::Zh)),
                    &format!(
                        "the {} share of {}",
                        tier.label(Lang::En).to_lowercase(),
                        tax.label(Lang::En)
                    ),
                    pct,
                ));
            }
        }
    }
}

/// Taxes by type against the total: VAT and CIT above the total is impossible (error); a total
/// that differs from the three types all given is suspicious (warning).
pub(super) fn check_tax_figures(project: &Project, issues: &mut Vec<Issue>) {
    for node in project.nodes.values() {
        for (year, f) in &node.figures {
            let place = format!("{}/figures/{year}", node_place(&node.id));
            check_tax_year(f, &node.name, *year, &place, issues);
        }
    }
}

fn check_tax_year(f: &Figures, name: &str, year: Year, place: &str, issues: &mut Vec<Issue>) {
    let Some(tax) = f.tax else {
        return;
    };
    let (vat, cit) = (f.vat.unwrap_or_default(), f.cit.unwrap_or_default());
    if (f.vat.is_some() || f.cit.is_some()) && vat + cit > tax {
        issues.push(Issue::error(
            "tax_types_above_total",
            place.to_owned(),
            format!(
                "“{name}”{year} 年增值税 {vat} 与企业所得税 {cit} 之和超过税收总额 {tax}"
            ),
            format!(
                "\"{name}\" {year}: VAT {vat} plus corporate income tax {cit} is more than the total tax of {tax}"
            ),
        ));
    } else if let (Some(v), Some(c), Some(o)) = (f.vat, f.cit, f.other_tax)
        && v + c + o != tax
    {
        issues.push(Issue::warning(
            "tax_types_mismatch",
            place.to_owned(),
            format!(
                "“{name}”{year} 年税收总额 {tax} 不等于增值税、企业所得税与其他税收之和 {}",
                v + c + o
            ),
            format!(
                "\"{name}\" {year}: the total tax of {tax} is not VAT + corporate income tax + other taxes = {}",
                v + c + o
            ),
        ));
    }
}

/// The terms of one agreement beyond its phases' rules.
pub(super) fn check_terms(project: &Project, agreement: &Agreement, issues: &mut Vec<Issue>) {
    let place = agreement_place(&agreement.id);
    for phase in &agreement.phases {
        check_phase_terms(
            project,
            agreement,
            phase,
            &format!("{place}/phases/{}", phase.id),
            issues,
        );
    }
    for (i, q) in agreement.quotas.iter().enumerate() {
        check_quota(agreement, q, &format!("{place}/quotas[{i}]"), issues);
    }
    for party in agreement.parties.iter().filter(|p| !p.members.is_empty()) {
        check_members(party, &format!("{place}/parties/{}", party.node), issues);
    }
    for ledger in &agreement.fair_ledgers {
        if !Ledger::MONEY.contains(ledger) {
            issues.push(Issue::warning(
                "fair_ledger_not_money",
                format!("{place}/fair_ledgers"),
                format!(
                    "公平分成只按收益账(财税、企业收益、指标交易)评判,{}账不计入",
                    ledger.label(Lang::Zh)
                ),
                format!(
                    "the fair split judges money ledgers only (fiscal, corporate, quotas); the {} ledger is left out",
                    ledger.label(Lang::En).to_lowercase()
                ),
            ));
        }
    }
}

fn check_phase_terms(
    project: &Project,
    agreement: &Agreement,
    phase: &Phase,
    pplace: &str,
    issues: &mut Vec<Issue>,
) {
    if phase.metric.is_quota() {
        issues.push(Issue::error(
            "quota_metric_in_phase",
            pplace.to_owned(),
            format!(
                "{}不是企业的数据,只能通过指标调剂转移,不能按阶段分成",
                phase.metric.label(Lang::Zh)
            ),
            format!(
                "{} is not a figure of firms: it moves by quota transfers, not by a phase",
                phase.metric.label(Lang::En)
            ),
        ));
    }
    if phase.ledger == Ledger::Quota {
        issues.push(Issue::error(
            "phase_in_quota_ledger",
            pplace.to_owned(),
            "指标交易账只记录指标调剂,阶段不能用于该账".to_owned(),
            "the quota ledger holds quota transfers only; a phase cannot use it".to_owned(),
        ));
    }
    if let Rule::Payment { payer, payee, .. } = &phase.rule
        && payer == payee
    {
        issues.push(Issue::error(
            "payment_to_itself",
            pplace.to_owned(),
            format!("支付方与收款方都是“{payer}”"),
            format!("\"{payer}\" is both payer and payee"),
        ));
    }
    if phase.basis.is_total() {
        return;
    }
    if phase.ledger != Ledger::Fiscal || phase.metric != Metric::Tax {
        issues.push(Issue::warning(
            "basis_ignored",
            pplace.to_owned(),
            "计税基础只适用于财税分成账的税收,本阶段按全额计算".to_owned(),
            "a tax basis applies to the tax of the fiscal ledger only; this phase counts the whole figure"
                .to_owned(),
        ));
        return;
    }
    check_typed_scope(project, agreement, phase.basis, pplace, issues);
    if phase.basis == TaxBasis::CountyRetained && !project.meta.tax_sharing.has_provincial_split() {
        issues.push(Issue::warning(
            "no_provincial_split",
            pplace.to_owned(),
            "项目没有填写省以下分成比例,县级留成按整个地方留成计算".to_owned(),
            "the project gives no provincial split of the local part, so the county counts the whole local part"
                .to_owned(),
        ));
    }
}

/// A retained basis needs taxes by type: firms in scope with a total tax only are named.
fn check_typed_scope(
    project: &Project,
    agreement: &Agreement,
    basis: TaxBasis,
    pplace: &str,
    issues: &mut Vec<Issue>,
) {
    for id in &agreement.scope {
        let Some(node) = project.nodes.get(id) else {
            continue;
        };
        let years: Vec<String> = node
            .figures
            .iter()
            .filter(|(_, f)| f.tax.is_some() && f.tax_parts().is_none())
            .map(|(y, _)| y.to_string())
            .collect();
        if years.is_empty() {
            continue;
        }
        issues.push(Issue::warning(
            "tax_without_types",
            pplace.to_owned(),
            format!(
                "按{}分成,但“{}”{} 年只有税收总额、没有分税种数据,这些年份不计入",
                basis.label(Lang::Zh),
                node.name,
                years.join("、")
            ),
            format!(
                "the phase splits the {} part, but \"{}\" gives only a total tax in {}: those years are left out",
                basis.label(Lang::En).to_lowercase(),
                node.name,
                years.join(", ")
            ),
        ));
    }
}

fn check_quota(agreement: &Agreement, q: &QuotaTransfer, place: &str, issues: &mut Vec<Issue>) {
    if !q.metric.is_quota() {
        issues.push(Issue::error(
            "not_a_quota",
            place.to_owned(),
            format!(
                "{}不是指标(建设用地、耕地占补或能耗指标)",
                q.metric.label(Lang::Zh)
            ),
            format!(
                "{} is not a quota (construction land, farmland balance or energy)",
                q.metric.label(Lang::En)
            ),
        ));
    }
    super::agreements::check_party_ref(agreement, &q.from, place, issues);
    super::agreements::check_party_ref(agreement, &q.to, place, issues);
    if q.from == q.to {
        issues.push(Issue::error(
            "quota_to_itself",
            place.to_owned(),
            format!("指标调出方与调入方都是“{}”", q.from),
            format!("\"{}\" both gives and receives the quota", q.from),
        ));
    }
    if q.amount <= Decimal::ZERO {
        issues.push(Issue::error(
            "quota_amount",
            place.to_owned(),
            format!("调剂数量 {} 应大于 0", q.amount),
            format!("the amount moved, {}, must be above 0", q.amount),
        ));
    }
    if let Some(price) = q.price
        && price.is_sign_negative()
        && !price.is_zero()
    {
        issues.push(negative(place.to_owned(), "单价", "price", price));
    }
}

/// A group party's members: named, each once, their shares adding up to 100.
fn check_members(party: &Party, place: &str, issues: &mut Vec<Issue>) {
    let sum: Decimal = party.members.iter().map(|m| m.share_pct).sum();
    if sum != Decimal::ONE_HUNDRED {
        issues.push(Issue::error(
            "shares_not_100",
            place.to_owned(),
            format!(
                "“{}”各成员份额合计 {}%,应为 100%",
                party.node,
                sum.normalize()
            ),
            format!(
                "the members of \"{}\" have shares adding up to {} %, not 100 %",
                party.node,
                sum.normalize()
            ),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, m) in party.members.iter().enumerate() {
        let name = m.name.trim();
        if name.is_empty() {
            issues.push(Issue::error(
                "member_without_name",
                place.to_owned(),
                format!("“{}”的第 {} 个成员没有名称", party.node, i + 1),
                format!("member {} of \"{}\" has no name", i + 1, party.node),
            ));
        } else if !seen.insert(name) {
            issues.push(Issue::error(
                "duplicate_member",
                place.to_owned(),
                format!("“{}”的成员“{name}”列了两次", party.node),
                format!("member \"{name}\" of \"{}\" is listed twice", party.node),
            ));
        }
        if m.share_pct.is_sign_negative() && !m.share_pct.is_zero() {
            issues.push(negative(
                place.to_owned(),
                &format!("成员“{name}”的份额"),
                &format!("the share of member \"{name}\""),
                m.share_pct,
            ));
        }
    }
}
