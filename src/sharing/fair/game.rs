//! A cooperative game with transferable utility: its players and the value v(S) of every
//! coalition, built from values listed in order or named by coalition.

use super::{FairError, MAX_PLAYERS, Q};
use num_traits::Zero;

/// A cooperative game with transferable utility.
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    pub players: Vec<String>,
    /// v(S) by coalition mask; `values[0]` is 0.
    pub values: Vec<Q>,
}

/// The non-empty coalitions of `n` players in listing order: by size, then lexicographically by
/// player positions ({A}, {B}, {C}, {A,B}, {A,C}, {B,C}, {A,B,C}).
pub fn listing_order(n: usize) -> Vec<usize> {
    let mut masks: Vec<usize> = (1..(1usize << n)).collect();
    masks.sort_by_key(|&m| {
        let members: Vec<usize> = (0..n).filter(|i| m & (1 << i) != 0).collect();
        (members.len(), members)
    });
    masks
}

impl Game {
    /// A game from values listed in [`listing_order`].
    pub fn from_listed(players: Vec<String>, listed: Vec<Q>) -> Result<Self, FairError> {
        let n = players.len();
        if n == 0 || n > MAX_PLAYERS {
            return Err(FairError::PlayerCount(n));
        }
        for (i, p) in players.iter().enumerate() {
            if players[..i].contains(p) {
                return Err(FairError::DuplicatePlayer(p.clone()));
            }
        }
        let expected = (1usize << n) - 1;
        if listed.len() != expected {
            return Err(FairError::ValueCount {
                players: n,
                expected,
                got: listed.len(),
            });
        }
        let mut values = vec![Q::zero(); 1 << n];
        for (mask, v) in listing_order(n).into_iter().zip(listed) {
            values[mask] = v;
        }
        Ok(Self { players, values })
    }

    /// A game from (coalition, value) pairs naming players; every non-empty coalition is needed.
    pub fn from_coalitions(
        players: Vec<String>,
        coalitions: &[(Vec<String>, Q)],
    ) -> Result<Self, FairError> {
        let n = players.len();
        if n == 0 || n > MAX_PLAYERS {
            return Err(FairError::PlayerCount(n));
        }
        let mut values: Vec<Option<Q>> = vec![None; 1 << n];
        values[0] = Some(Q::zero());
        for (members, v) in coalitions {
            let mask = members
                .iter()
                .filter_map(|m| players.iter().position(|p| p == m))
                .fold(0usize, |acc, i| acc | (1 << i));
            values[mask] = Some(v.clone());
        }
        let game = Self {
            players: players.clone(),
            values: vec![Q::zero(); 1 << n],
        };
        let mut out = Vec::with_capacity(1 << n);
        for (mask, v) in values.into_iter().enumerate() {
            match v {
                Some(v) => out.push(v),
                None => return Err(FairError::MissingCoalition(game.name(mask))),
            }
        }
        Ok(Self {
            players,
            values: out,
        })
    }

    /// The number of players.
    pub fn n(&self) -> usize {
        self.players.len()
    }

    /// The mask of the grand coalition N.
    pub(super) fn grand(&self) -> usize {
        (1 << self.n()) - 1
    }

    /// `{A, B}`, for messages.
    pub fn name(&self, mask: usize) -> String {
        let members: Vec<&str> = (0..self.n())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| self.players[i].as_str())
            .collect();
        format!("{{{}}}", members.join(", "))
    }

    /// x(S).
    pub(super) fn sum(x: &[Q], mask: usize) -> Q {
        x.iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, v)| v)
            .fold(Q::zero(), |a, b| a + b)
    }
}
