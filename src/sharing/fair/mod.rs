//! The fair-split benchmark (DOMAIN.md): from the value v(S) each coalition of parties could make
//! on its own, the exact Shapley value, the nucleolus over imputations, and a core check of any
//! split. All arithmetic is in exact rationals.
//!
//! Coalitions are bit masks over the players (bit i = player i); `values[mask]` is v(S) and
//! `values[0]` = 0.
//!
//! One file a method: `game` (the game and the coalition order), `shapley`, `nucleolus` (with
//! the exact simplex of its linear programs in `simplex`), `core_check`, and `contract` (the
//! contract's own split, shown beside them).

mod contract;
mod core_check;
mod game;
mod nucleolus;
mod shapley;
mod simplex;

pub use contract::{contract_allocation, fair_ledger, ledger_totals, received_totals};
pub use core_check::{CoreCheck, core_check};
pub use game::{Game, listing_order};
pub use nucleolus::nucleolus;
pub use shapley::shapley;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};

/// An exact rational.
pub type Q = BigRational;

/// The most players a game may have: 2¹⁶ coalitions. Speed is measured up to 12.
pub const MAX_PLAYERS: usize = 16;

/// Why a game cannot be built or solved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FairError {
    #[error("a game needs between 1 and {MAX_PLAYERS} players, not {0}")]
    PlayerCount(usize),
    #[error(
        "{players} players need {expected} coalition values (every non-empty coalition), not {got}"
    )]
    ValueCount {
        players: usize,
        expected: usize,
        got: usize,
    },
    #[error("player \"{0}\" is listed twice")]
    DuplicatePlayer(String),
    #[error("no value is given for the coalition {0}")]
    MissingCoalition(String),
    #[error(
        "there is no imputation: the players' own values add up to {singletons}, more than v(N) = {grand}"
    )]
    NoImputation { singletons: String, grand: String },
    #[error("the nucleolus computation did not converge (please report this game)")]
    NotConverged,
}

/// Parses "3", "-2.5", "7/3" into an exact rational.
pub fn parse_q(s: &str) -> Option<Q> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (
            a.trim().parse::<BigInt>().ok()?,
            b.trim().parse::<BigInt>().ok()?,
        );
        return (!b.is_zero()).then(|| Q::new(a, b));
    }
    let d = rust_decimal::Decimal::from_str_exact(s).ok()?;
    Some(decimal_to_q(d))
}

/// An exact decimal as a rational.
pub fn decimal_to_q(d: rust_decimal::Decimal) -> Q {
    let mantissa = BigInt::from(d.mantissa());
    let scale = BigInt::from(10).pow(d.scale());
    Q::new(mantissa, scale)
}

/// A rational as a decimal string with `places` digits (rounded half away from zero), for display.
pub fn q_to_decimal_string(q: &Q, places: u32) -> String {
    let scale = BigInt::from(10).pow(places);
    let scaled = q * Q::from_integer(scale.clone());
    let rounded = scaled.round().to_integer();
    let negative = rounded.is_negative();
    let digits = rounded.abs().to_string();
    let places = places as usize;
    let padded = format!("{digits:0>width$}", width = places + 1);
    let (int, frac) = padded.split_at(padded.len() - places);
    let sign = if negative { "-" } else { "" };
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Q {
        parse_q(s).unwrap_or_else(Q::zero)
    }

    fn game(players: &[&str], listed: &[&str]) -> Game {
        Game::from_listed(
            players.iter().map(|p| p.to_string()).collect(),
            listed.iter().map(|v| q(v)).collect(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn listing_order_of_three() {
        assert_eq!(
            listing_order(3),
            vec![0b001, 0b010, 0b100, 0b011, 0b101, 0b110, 0b111]
        );
    }

    #[test]
    fn glove_game() {
        // A left glove, B and C right gloves: a pair is worth 1.
        let g = game(&["A", "B", "C"], &["0", "0", "0", "1", "1", "0", "1"]);
        assert_eq!(shapley(&g), vec![q("2/3"), q("1/6"), q("1/6")]);
        assert_eq!(nucleolus(&g).unwrap(), vec![q("1"), q("0"), q("0")]);
        assert!(core_check(&g, &[q("1"), q("0"), q("0")]).in_core);
        assert!(!core_check(&g, &shapley(&g)).in_core);
    }

    #[test]
    fn decimal_strings() {
        assert_eq!(q_to_decimal_string(&q("2/3"), 4), "0.6667");
        assert_eq!(q_to_decimal_string(&q("-1/8"), 2), "-0.13");
        assert_eq!(q_to_decimal_string(&q("75"), 2), "75.00");
    }
}
