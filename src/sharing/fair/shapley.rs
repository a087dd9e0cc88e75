//! The Shapley value of a game (DOMAIN.md, fair-split benchmark).

use super::{Game, Q};
use num_bigint::BigInt;
use num_traits::{One, Zero};

fn factorial(k: usize) -> BigInt {
    (1..=k).fold(BigInt::one(), |acc, i| acc * BigInt::from(i))
}

/// The Shapley value: φᵢ = Σ over S ⊆ N∖{i} of |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)).
///
/// # Complexity
/// O(n · 2ⁿ) rational operations.
///
/// # Example
/// Glove game (A holds the left glove, B and C right ones): φ = (2/3, 1/6, 1/6).
pub fn shapley(game: &Game) -> Vec<Q> {
    let n = game.n();
    let n_fact = factorial(n);
    let weights: Vec<Q> = (0..n)
        .map(|k| Q::new(factorial(k) * factorial(n - k - 1), n_fact.clone()))
        .collect();
    (0..n)
        .map(|i| {
            let bit = 1 << i;
            let mut phi = Q::zero();
            for s in 0..(1usize << n) {
                if s & bit != 0 {
                    continue;
                }
                let marginal = &game.values[s | bit] - &game.values[s];
                if !marginal.is_zero() {
                    phi += &weights[s.count_ones() as usize] * marginal;
                }
            }
            phi
        })
        .collect()
}
