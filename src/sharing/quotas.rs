//! Quota transfers (建设用地指标, 耕地占补, 能耗指标): each gives a row of the quota ledger in its
//! physical unit (the receiver +, the giver −) and, with a price, the matching money row in its
//! settlement ledger (the giver is paid, the receiver pays). Both rows net to zero.

use super::money::round;
use super::schedule::{Row, in_party_order};
use crate::i18n::Lang;
use crate::model::{
    Agreement, Ledger, PhaseId, Project, QuotaTransfer, Settlement, TaxBasis, Year,
};
use rust_decimal::Decimal;

/// The rule code of quota rows.
pub const QUOTA_RULE: &str = "quota_transfer";

/// The rows of the agreement's quota transfers in `from..=to`.
pub(super) fn quota_rows(
    project: &Project,
    agreement: &Agreement,
    parties: &[crate::model::NodeId],
    years: (Year, Year),
) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, q) in agreement.quotas.iter().enumerate() {
        if !(years.0..=years.1).contains(&q.year) {
            continue;
        }
        let phase = PhaseId::from(format!("quotas[{i}]"));
        let moved = round(q.amount);
        let (giver, receiver) = (project.node_name(&q.from), project.node_name(&q.to));
        let (unit_zh, unit_en) = (
            q.metric.unit(Lang::Zh).unwrap_or_default(),
            q.metric.unit(Lang::En).unwrap_or_default(),
        );
        let shown = moved.normalize();
        let (mut zh, mut en) = (
            format!(
                "{giver}调给{receiver}{} {shown} {unit_zh}",
                q.metric.label(Lang::Zh)
            ),
            format!(
                "{shown} {unit_en} of {} from {giver} to {receiver}",
                q.metric.label(Lang::En).to_lowercase()
            ),
        );
        if !q.note.is_empty() {
            zh = format!("{zh}({})", q.note);
            en = format!("{en} ({})", q.note);
        }
        rows.push(transfer_row(
            q,
            phase.clone(),
            Ledger::Quota,
            moved,
            (&q.to, &q.from),
            parties,
            (zh, en),
        ));
        if let Some(price) = q.price {
            let money = round(q.amount * price);
            let price = price.normalize();
            let sum = money.normalize();
            let zh = format!("{shown} {unit_zh} × {price} = {sum},{receiver}支付给{giver}");
            let en = format!("{shown} {unit_en} × {price} = {sum}, paid by {receiver} to {giver}");
            let ledger = match q.settle_in {
                Settlement::Fiscal => Ledger::Fiscal,
                Settlement::Corporate => Ledger::Corporate,
            };
            rows.push(transfer_row(
                q,
                phase,
                ledger,
                money,
                (&q.from, &q.to),
                parties,
                (zh, en),
            ));
        }
    }
    rows
}

/// A transfer row: `amount` to the first of `gets_gives`, minus it to the second.
fn transfer_row(
    q: &QuotaTransfer,
    phase: PhaseId,
    ledger: Ledger,
    amount: Decimal,
    gets_gives: (&crate::model::NodeId, &crate::model::NodeId),
    parties: &[crate::model::NodeId],
    note: (String, String),
) -> Row {
    let parts = vec![
        (gets_gives.0.clone(), amount),
        (gets_gives.1.clone(), super::money::negated(amount)),
    ];
    Row {
        year: q.year,
        ledger,
        metric: q.metric,
        phase,
        rule: QUOTA_RULE,
        total: amount,
        parts: in_party_order(parties, parts),
        note_zh: note.0,
        note_en: note.1,
        firm: None,
        basis: TaxBasis::Total,
        tax_parts: Vec::new(),
        transfer: true,
        assessment_only: false,
        members: Vec::new(),
    }
}
