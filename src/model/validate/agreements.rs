//! The problems of an agreement: parties that are not nodes or are listed twice, shares that do
//! not add up to 100 %, rules that name no party, phases without the year they count from,
//! phases of one ledger and metric that overlap, negative costs, repeated coalitions. The terms
//! issue 19 added (tax bases, quotas, members) are checked in `terms`.

use super::*;

fn check_shares(agreement: &Agreement, shares: &[Share], place: &str, issues: &mut Vec<Issue>) {
    let mut total = Decimal::ZERO;
    let mut seen = BTreeSet::new();
    for share in shares {
        total += share.pct;
        check_party_ref(agreement, &share.party, place, issues);
        if !seen.insert(&share.party) {
            issues.push(Issue::error(
                "duplicate_share",
                place.to_owned(),
                format!("参与方“{}”在分成表中出现两次", share.party),
                format!("party \"{}\" appears twice in the share table", share.party),
            ));
        }
        if share.pct.is_sign_negative() && !share.pct.is_zero() {
            issues.push(negative(
                place.to_owned(),
                &format!("“{}”的分成比例", share.party),
                &format!("the share of \"{}\"", share.party),
                share.pct,
            ));
        }
    }
    if total != Decimal::ONE_HUNDRED {
        let list = shares
            .iter()
            .map(|s| format!("{} {}%", s.party, s.pct.normalize()))
            .collect::<Vec<_>>()
            .join(", ");
        issues.push(Issue::error(
            "shares_not_100",
            place.to_owned(),
            format!("分成比例合计 {}%,应为 100%({list})", total.normalize()),
            format!(
                "shares add up to {} %, not 100 % ({list})",
                total.normalize()
            ),
        ));
    }
}

/// A rule or cost naming someone who is not a party (a party taken out of the agreement): an
/// error the user fixes in the Sharing tab, but not one that stops the file from opening, since
/// the project holds the id faithfully and nothing the user made may be locked away.
pub(super) fn check_party_ref(
    agreement: &Agreement,
    party: &NodeId,
    place: &str,
    issues: &mut Vec<Issue>,
) {
    if agreement.party(party).is_none() {
        issues.push(Issue::error(
            "dangling_reference",
            place.to_owned(),
            format!("“{party}”不是本协议的参与方"),
            format!("\"{party}\" is not a party to this agreement"),
        ));
    }
}

fn check_amount(value: Decimal, place: &str, zh: &str, en: &str, issues: &mut Vec<Issue>) {
    if value.is_sign_negative() && !value.is_zero() {
        issues.push(negative(place.to_owned(), zh, en, value));
    }
}

pub(super) fn check_agreement(project: &Project, agreement: &Agreement, issues: &mut Vec<Issue>) {
    let place = agreement_place(&agreement.id);
    let mut seen_parties = BTreeSet::new();
    for party in &agreement.parties {
        if !project.nodes.contains_key(&party.node) {
            issues.push(Issue::blocking(
                "dangling_reference",
                format!("{place}/parties/{}", party.node),
                format!("参与方“{}”不是已有节点", party.node),
                format!("party \"{}\" is not a node of the project", party.node),
            ));
        }
        if !seen_parties.insert(&party.node) {
            issues.push(Issue::blocking(
                "duplicate_id",
                format!("{place}/parties/{}", party.node),
                format!("参与方“{}”列了两次", party.node),
                format!("party \"{}\" is listed twice", party.node),
            ));
        }
        if let Some(p) = party.equity_pct
            && (p < Decimal::ZERO || p > Decimal::ONE_HUNDRED)
        {
            issues.push(Issue::error(
                "bad_percentage",
                format!("{place}/parties/{}", party.node),
                format!("股权比例 {p}% 不在 0–100 之间"),
                format!("equity {p} % is not between 0 and 100"),
            ));
        }
        if let Some(c) = party.capital {
            check_amount(
                c,
                &format!("{place}/parties/{}", party.node),
                "出资额",
                "capital",
                issues,
            );
        }
    }
    for node in &agreement.scope {
        if !project.nodes.contains_key(node) {
            issues.push(Issue::blocking(
                "dangling_reference",
                format!("{place}/scope"),
                format!("协议范围中的“{node}”不是已有节点"),
                format!("\"{node}\" in the agreement's scope is not a node of the project"),
            ));
        }
    }
    let equity_used = agreement
        .phases
        .iter()
        .any(|p| matches!(p.rule, Rule::Equity))
        || agreement
            .costs
            .iter()
            .any(|c| matches!(c.split, CostSplit::Equity));
    if equity_used {
        let total: Decimal = agreement.parties.iter().filter_map(|p| p.equity_pct).sum();
        if total != Decimal::ONE_HUNDRED {
            issues.push(Issue::error(
                "shares_not_100",
                format!("{place}/parties"),
                format!("按股权分配,但各方股权合计 {}%,应为 100%", total.normalize()),
                format!(
                    "something is split by equity, but the parties' equity adds up to {} %, not 100 %",
                    total.normalize()
                ),
            ));
        }
    }
    for phase in &agreement.phases {
        check_phase(agreement, phase, &place, issues);
    }
    check_overlaps(agreement, &place, issues);
    for (i, cost) in agreement.costs.iter().enumerate() {
        let cplace = format!("{place}/costs[{i}]");
        check_amount(
            cost.amount,
            &cplace,
            &format!("费用“{}”", cost.name),
            &format!("cost \"{}\"", cost.name),
            issues,
        );
        if let CostSplit::Shares(shares) = &cost.split {
            check_shares(agreement, shares, &cplace, issues);
        }
    }
    let mut coalitions = BTreeSet::new();
    for (i, cv) in agreement.coalition_values.iter().enumerate() {
        let cplace = format!("{place}/coalition_values[{i}]");
        // Values kept after their party left the agreement: the project still holds them
        // faithfully, so the file opens; the fair split refuses them until they are fixed.
        for party in cv.parties.iter().filter(|p| agreement.party(p).is_none()) {
            issues.push(Issue::error(
                "coalition_not_a_party",
                cplace.clone(),
                format!("联盟价值含有“{party}”,它不是本协议的参与方"),
                format!(
                    "the coalition value names \"{party}\", who is not a party to this agreement"
                ),
            ));
        }
        let key: BTreeSet<&NodeId> = cv.parties.iter().collect();
        if key.is_empty() {
            issues.push(Issue::error(
                "empty_coalition",
                cplace.clone(),
                "联盟没有参与方".to_owned(),
                "the coalition has no parties".to_owned(),
            ));
        } else if !coalitions.insert(key) {
            issues.push(Issue::error(
                "duplicate_coalition",
                cplace,
                "同一联盟的价值给了两次".to_owned(),
                "the same coalition is given a value twice".to_owned(),
            ));
        }
    }
}

fn check_phase(agreement: &Agreement, phase: &Phase, place: &str, issues: &mut Vec<Issue>) {
    let pplace = format!("{place}/phases/{}", phase.id);
    if phase.per_firm {
        check_firm_anchors(agreement, phase, &pplace, issues);
    } else {
        check_anchor(agreement, phase, &pplace, issues);
    }
    check_rule(agreement, phase, &pplace, issues);
}

/// A phase counted from the signing or production needs that year.
fn check_anchor(agreement: &Agreement, phase: &Phase, pplace: &str, issues: &mut Vec<Issue>) {
    let pplace = pplace.to_owned();
    match phase.start {
        PhaseStart::AfterSigning(_) if agreement.signed_year.is_none() => issues.push(Issue::error(
            "missing_anchor",
            pplace.clone(),
            "阶段从签约后起算,但协议没有签约年份".to_owned(),
            "the phase counts from the signing, but the agreement has no signing year".to_owned(),
        )),
        PhaseStart::AfterProduction(_) if agreement.production_year.is_none() => {
            issues.push(Issue::error(
                "missing_anchor",
                pplace.clone(),
                "阶段从投产后起算,但协议没有投产年份".to_owned(),
                "the phase counts from the start of production, but the agreement has no production year"
                    .to_owned(),
            ))
        }
        _ => {}
    }
}

/// A per-firm phase counted from a move or production needs that year for every firm in scope
/// (its own anchor's, or the agreement's).
fn check_firm_anchors(agreement: &Agreement, phase: &Phase, pplace: &str, issues: &mut Vec<Issue>) {
    for node in &agreement.scope {
        let (moved, production) = agreement.firm_years(node);
        let counts_from_move = matches!(phase.start, PhaseStart::AfterSigning(_))
            || matches!(
                phase.rule,
                Rule::Capped {
                    cap: Cap::PriorYears(_),
                    ..
                }
            );
        let missing = match phase.start {
            _ if counts_from_move && moved.is_none() => Some(("迁入", "moving")),
            PhaseStart::AfterProduction(_) if production.is_none() => Some(("投产", "production")),
            _ => None,
        };
        if let Some((zh, en)) = missing {
            issues.push(Issue::error(
                "missing_anchor",
                pplace.to_owned(),
                format!("阶段按每家企业分别计算,但“{node}”没有{zh}年份(协议也没有)"),
                format!(
                    "the phase runs per firm, but \"{node}\" has no {en} year (nor has the agreement)"
                ),
            ));
        }
    }
}

fn check_rule(agreement: &Agreement, phase: &Phase, pplace: &str, issues: &mut Vec<Issue>) {
    let pplace = pplace.to_owned();
    if phase.years == Some(0) {
        issues.push(Issue::error(
            "empty_phase",
            pplace.clone(),
            "阶段年限为 0 年".to_owned(),
            "the phase lasts 0 years".to_owned(),
        ));
    }
    if phase.ledger == Ledger::Statistics && !matches!(phase.rule, Rule::AllTo { .. }) {
        issues.push(Issue::warning(
            "statistics_ledger",
            pplace.clone(),
            "在地统计按国家规定 100% 计入飞入地,本规则在该账中不起作用".to_owned(),
            "official statistics are 100 % the host's by national rule; this rule has no effect on that ledger"
                .to_owned(),
        ));
    }
    match &phase.rule {
        Rule::FixedShares { shares } => check_shares(agreement, shares, &pplace, issues),
        Rule::AllTo { party } => check_party_ref(agreement, party, &pplace, issues),
        Rule::DoubleCount { parties } => {
            for party in parties {
                check_party_ref(agreement, party, &pplace, issues);
            }
            if phase.ledger != Ledger::Assessment {
                issues.push(Issue::error(
                    "double_count_ledger",
                    pplace.clone(),
                    format!(
                        "重复计算只能用于考核账,不能用于{}",
                        phase.ledger.label(crate::i18n::Lang::Zh)
                    ),
                    format!(
                        "double counting is allowed on the assessment ledger only, not on {}",
                        phase.ledger.label(crate::i18n::Lang::En)
                    ),
                ));
            }
        }
        Rule::Increment {
            base,
            base_to,
            shares,
        } => {
            check_party_ref(agreement, base_to, &pplace, issues);
            check_shares(agreement, shares, &pplace, issues);
            if let Base::Amount(a) = base {
                check_amount(*a, &pplace, "基数", "base amount", issues);
            }
        }
        Rule::Capped {
            shares,
            capped_party,
            cap,
            remainder_to,
            ..
        } => {
            check_shares(agreement, shares, &pplace, issues);
            check_party_ref(agreement, capped_party, &pplace, issues);
            check_party_ref(agreement, remainder_to, &pplace, issues);
            if let Cap::Amount(a) = cap {
                check_amount(*a, &pplace, "封顶额", "cap", issues);
            }
            // A per-firm phase counts each firm's own move (checked with its anchors).
            if matches!(cap, Cap::PriorYears(_))
                && !phase.per_firm
                && agreement.signed_year.is_none()
            {
                issues.push(Issue::error(
                    "missing_anchor",
                    pplace.clone(),
                    "封顶额按迁入前年份计算,但协议没有签约(迁入)年份".to_owned(),
                    "the cap counts the years before the move, but the agreement has no signing (moving) year"
                        .to_owned(),
                ));
            }
        }
        Rule::Equity => {}
        Rule::FixedReturn {
            rate_pct,
            recipients,
            payer,
            escalation_pct,
        } => {
            check_amount(*rate_pct, &pplace, "回报率", "rate", issues);
            if let Some(e) = escalation_pct {
                check_amount(*e, &pplace, "年递增率", "yearly escalation", issues);
            }
            check_party_ref(agreement, payer, &pplace, issues);
            for r in recipients {
                check_party_ref(agreement, r, &pplace, issues);
                if agreement.party(r).is_some_and(|p| p.capital.is_none()) {
                    issues.push(Issue::error(
                        "missing_capital",
                        pplace.clone(),
                        format!("固定回报按出资额计算,但“{r}”没有出资额"),
                        format!("a fixed return is paid on capital, but \"{r}\" has no capital"),
                    ));
                }
            }
        }
        Rule::PerUnit {
            payer,
            payee,
            per_unit,
            units,
            ..
        } => {
            check_party_ref(agreement, payer, &pplace, issues);
            check_party_ref(agreement, payee, &pplace, issues);
            check_amount(*per_unit, &pplace, "单价", "amount per unit", issues);
            check_amount(*units, &pplace, "数量", "number of units", issues);
        }
        Rule::Payment {
            payer,
            payee,
            amount,
        } => {
            check_party_ref(agreement, payer, &pplace, issues);
            check_party_ref(agreement, payee, &pplace, issues);
            match amount {
                PaymentAmount::Fixed(v) => check_amount(*v, &pplace, "金额", "amount", issues),
                PaymentAmount::IncrementShare { base, pct } => {
                    check_amount(*pct, &pplace, "比例", "share", issues);
                    if let Base::Amount(v) = base {
                        check_amount(*v, &pplace, "基数", "base", issues);
                    }
                }
            }
        }
    }
}

/// Two phases of the same ledger and metric may not cover the same year.
fn check_overlaps(agreement: &Agreement, place: &str, issues: &mut Vec<Issue>) {
    let phases: Vec<(&Phase, (Year, Option<Year>))> = agreement
        .phases
        .iter()
        .filter_map(|p| agreement.phase_years(p).map(|r| (p, r)))
        .collect();
    for (i, (a, (a_from, a_to))) in phases.iter().enumerate() {
        for (b, (b_from, b_to)) in &phases[i + 1..] {
            // A payment (a province's rebate) comes on top of the split of the same figure.
            let payment = |p: &Phase| matches!(p.rule, Rule::Payment { .. });
            if a.ledger != b.ledger || a.metric != b.metric || payment(a) || payment(b) {
                continue;
            }
            let a_end = a_to.unwrap_or(Year::MAX);
            let b_end = b_to.unwrap_or(Year::MAX);
            if a_from <= &b_end && b_from <= &a_end {
                let span = |from: &Year, to: &Option<Year>| match to {
                    Some(t) => format!("{from}–{t}"),
                    None => format!("{from}–"),
                };
                issues.push(Issue::error(
                    "overlapping_phases",
                    format!("{place}/phases/{}", b.id),
                    format!(
                        "阶段“{}”({})与阶段“{}”({})在{}账的{}上年份重叠",
                        b.id,
                        span(b_from, b_to),
                        a.id,
                        span(a_from, a_to),
                        a.ledger.label(crate::i18n::Lang::Zh),
                        a.metric.label(crate::i18n::Lang::Zh)
                    ),
                    format!(
                        "phase \"{}\" ({}) overlaps phase \"{}\" ({}) on the {} ledger, {}",
                        b.id,
                        span(b_from, b_to),
                        a.id,
                        span(a_from, a_to),
                        a.ledger.label(crate::i18n::Lang::En),
                        a.metric.label(crate::i18n::Lang::En)
                    ),
                ));
            }
        }
    }
}
