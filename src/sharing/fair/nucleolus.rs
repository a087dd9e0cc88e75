//! The nucleolus over imputations, by sequential linear programs solved exactly
//! ([`super::simplex`]), and the exact span of the coalitions fixed so far.

use super::simplex::{DualLp, Tight};
use super::{FairError, Game, Q};
use num_traits::Zero;

/// The nucleolus over imputations (xᵢ ≥ v({i}), x(N) = v(N)): the imputation that
/// lexicographically maximises the least satisfied coalitions' surplus x(S) − v(S).
///
/// Sequential linear programs (Maschler–Peleg–Shapley), each solved exactly: a revised simplex
/// on the dual, whose basis has only n + 1 rows, with an exact rational basis inverse (prices in
/// floating point only to choose the entering column, every choice re-checked exactly). After
/// each program the coalitions whose dual value is positive — tight in every optimum — are fixed
/// at that level, and coalitions whose surplus the fixed ones already determine are dropped,
/// until the allocation is unique.
///
/// # Example
/// Bankruptcy, estate 200, claims 100 / 200 / 300: the nucleolus is the Talmud split (50, 75, 75).
pub fn nucleolus(game: &Game) -> Result<Vec<Q>, FairError> {
    let n = game.n();
    let grand = game.grand();
    let lower: Vec<Q> = (0..n).map(|i| game.values[1 << i].clone()).collect();
    let singletons = lower.iter().fold(Q::zero(), |a, b| a + b);
    if singletons > game.values[grand] {
        return Err(FairError::NoImputation {
            singletons: singletons.to_string(),
            grand: game.values[grand].to_string(),
        });
    }
    if n == 1 {
        return Ok(vec![game.values[grand].clone()]);
    }
    let l_of = |mask: usize| Game::sum(&lower, mask);
    // Fixed equalities in y = x − l space: y(F) = d.
    let mut fixed: Vec<(usize, Q)> = vec![(grand, &game.values[grand] - l_of(grand))];
    let mut span = Span::new(n);
    span.add(grand);
    let mut free: Vec<usize> = (1..grand).filter(|&s| !span.contains(s)).collect();
    let mut solution: Option<Vec<Q>> = None;
    for _round in 0..=(1usize << n) {
        if span.rank == n || free.is_empty() {
            break;
        }
        let b: Vec<Q> = free.iter().map(|&s| &game.values[s] - l_of(s)).collect();
        let lp = DualLp::new(n, &free, &b, &fixed);
        let (t, y, fixed_now) = lp.solve().ok_or(FairError::NotConverged)?;
        solution = Some(y.clone());
        if fixed_now.is_empty() {
            return Err(FairError::NotConverged);
        }
        for tight in fixed_now {
            match tight {
                Tight::Coalition(k) => {
                    let s = free[k];
                    fixed.push((s, &b[k] + &t));
                    span.add(s);
                }
                Tight::Bound(i) => {
                    fixed.push((1 << i, Q::zero()));
                    span.add(1 << i);
                }
            }
        }
        free.retain(|&s| !span.contains(s));
    }
    // Once the fixed coalitions span R^n, the last program's allocation is the only one left.
    let y = match solution {
        Some(y) if span.rank == n => y,
        _ => return Err(FairError::NotConverged),
    };
    Ok(y.iter().zip(&lower).map(|(a, b)| a + b).collect())
}

/// The linear span of fixed coalition vectors, kept in row-echelon form with integer entries
/// (fraction-free elimination, rows divided by their gcd): exact, and much cheaper than
/// rationals for the thousands of membership tests a nucleolus needs.
struct Span {
    n: usize,
    rows: Vec<(usize, Vec<i128>)>,
    rank: usize,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Span {
    fn new(n: usize) -> Self {
        Self {
            n,
            rows: Vec::new(),
            rank: 0,
        }
    }

    fn reduce(&self, mask: usize) -> Vec<i128> {
        let mut v: Vec<i128> = (0..self.n)
            .map(|i| i128::from(mask & (1 << i) != 0))
            .collect();
        for (lead, row) in &self.rows {
            let f = v[*lead];
            if f != 0 {
                let p = row[*lead];
                for (a, b) in v.iter_mut().zip(row) {
                    *a = *a * p - f * b;
                }
                let g = v.iter().fold(0, |g, x| gcd(g, *x));
                if g > 1 {
                    for a in v.iter_mut() {
                        *a /= g;
                    }
                }
            }
        }
        v
    }

    fn contains(&self, mask: usize) -> bool {
        self.reduce(mask).iter().all(|x| *x == 0)
    }

    fn add(&mut self, mask: usize) {
        let v = self.reduce(mask);
        if let Some(lead) = v.iter().position(|x| *x != 0) {
            self.rows.push((lead, v));
            self.rank += 1;
        }
    }
}
