//! One year of a capped phase (封顶分成): the capped party's part stops at its cap, what is
//! over goes to the remainder party, and an unfinished cap runs into extension years.

use super::schedule::{add_to, split_by_shares};
use crate::model::NodeId;
use rust_decimal::Decimal;

/// One year of a capped phase: the cap, the year's total, whether it is an extension year.
pub(super) struct CappedYear {
    pub cap: Decimal,
    pub total: Decimal,
    pub in_extension: bool,
}

/// Who a capped phase shares with, who is capped, and who gets what is over the cap.
pub(super) struct Split<'a> {
    pub shares: &'a [crate::model::Share],
    pub capped_party: &'a NodeId,
    pub remainder_to: &'a NodeId,
    /// The remainder party's name, for the note.
    pub remainder_name: String,
}

/// The parts of one capped year, and its note; `received` (what the capped party has had so
/// far) and `cap_reached` carry over from year to year.
pub(super) fn capped_year(
    year: &CappedYear,
    split: &Split<'_>,
    received: &mut Decimal,
    cap_reached: &mut bool,
) -> (Vec<(NodeId, Decimal)>, String, String) {
    let (cap, total, in_extension) = (year.cap, year.total, year.in_extension);
    let (capped_party, remainder_to) = (split.capped_party, split.remainder_to);
    if *cap_reached {
        return (
            vec![(remainder_to.clone(), total)],
            "已达封顶,分享结束".to_owned(),
            "cap reached: sharing has ended".to_owned(),
        );
    }
    let mut parts = split_by_shares(total, split.shares);
    let mut note = (String::new(), String::new());
    if let Some(i) = parts.iter().position(|(p, _)| p == capped_party) {
        let room = (cap - *received).max(Decimal::ZERO);
        if parts[i].1 >= room {
            let excess = parts[i].1 - room;
            parts[i].1 = room;
            add_to(&mut parts, remainder_to, excess);
            *cap_reached = true;
            note = (
                format!(
                    "本年达到封顶额 {cap},超出部分 {excess} 归{}",
                    split.remainder_name
                ),
                format!(
                    "the cap of {cap} is reached this year; {excess} over it goes to {}",
                    split.remainder_name
                ),
            );
        }
        *received += parts[i].1;
    }
    if in_extension {
        note.0 = format!("延期年(封顶额未达到){}", note.0);
        note.1 = format!(
            "extension year (cap not reached){}{}",
            if note.1.is_empty() { "" } else { "; " },
            note.1
        );
    }
    (parts, note.0, note.1)
}
