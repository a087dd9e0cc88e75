//! The fair-split benchmark (DOMAIN.md): from the value v(S) each coalition of parties could make
//! on its own, the exact Shapley value, the nucleolus over imputations, and a core check of any
//! split. All arithmetic is in exact rationals.
//!
//! Coalitions are bit masks over the players (bit i = player i); `values[mask]` is v(S) and
//! `values[0]` = 0.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

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

    pub fn n(&self) -> usize {
        self.players.len()
    }

    fn grand(&self) -> usize {
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
    fn sum(x: &[Q], mask: usize) -> Q {
        x.iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, v)| v)
            .fold(Q::zero(), |a, b| a + b)
    }
}

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

/// What a core check found.
#[derive(Debug, Clone, PartialEq)]
pub struct CoreCheck {
    pub in_core: bool,
    /// x(N) = v(N).
    pub efficient: bool,
    /// Coalitions that would do better alone, (mask, v(S) − x(S)), worst first.
    pub blocking: Vec<(usize, Q)>,
}

/// Is `x` in the core: efficient, and no coalition could make more on its own?
pub fn core_check(game: &Game, x: &[Q]) -> CoreCheck {
    let efficient = Game::sum(x, game.grand()) == game.values[game.grand()];
    let mut blocking: Vec<(usize, Q)> = (1..game.grand())
        .filter_map(|s| {
            let short = &game.values[s] - Game::sum(x, s);
            short.is_positive().then_some((s, short))
        })
        .collect();
    blocking.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    CoreCheck {
        in_core: efficient && blocking.is_empty(),
        efficient,
        blocking,
    }
}

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

/// A constraint found tight in every optimum.
enum Tight {
    /// `free[k]`
    Coalition(usize),
    /// x_i = v({i})
    Bound(usize),
}

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Mu(usize),
    Nu(usize),
    LambdaPlus(usize),
    LambdaMinus(usize),
    Artificial(usize),
}

/// The dual of: max t s.t. y(S) − t ≥ b_S (free S), y(F) = d_F (fixed F), y ≥ 0.
/// Rows: 0 is Σ μ = 1 (for t), 1..=n are the players: Σ_{S∋i} μ_S + Σ_{F∋i} λ_F + ν_i = 0.
/// Minimise −Σ b_S μ_S − Σ d_F λ_F.
struct DualLp<'a> {
    n: usize,
    free: &'a [usize],
    b: &'a [Q],
    fixed: &'a [(usize, Q)],
    columns: Vec<Col>,
}

impl<'a> DualLp<'a> {
    fn new(n: usize, free: &'a [usize], b: &'a [Q], fixed: &'a [(usize, Q)]) -> Self {
        let mut columns: Vec<Col> = (0..free.len()).map(Col::Mu).collect();
        columns.extend((0..n).map(Col::Nu));
        for k in 0..fixed.len() {
            columns.push(Col::LambdaPlus(k));
            columns.push(Col::LambdaMinus(k));
        }
        columns.extend((0..=n).map(Col::Artificial));
        Self {
            n,
            free,
            b,
            fixed,
            columns,
        }
    }

    fn rows(&self) -> usize {
        self.n + 1
    }

    /// The column as (row, ±1) entries.
    fn entries(&self, col: Col) -> Vec<(usize, i8)> {
        let members = |mask: usize, sign: i8| {
            (0..self.n)
                .filter(move |i| mask & (1 << i) != 0)
                .map(move |i| (i + 1, sign))
        };
        match col {
            Col::Mu(k) => std::iter::once((0, 1))
                .chain(members(self.free[k], 1))
                .collect(),
            Col::Nu(i) => vec![(i + 1, 1)],
            Col::LambdaPlus(k) => members(self.fixed[k].0, 1).collect(),
            Col::LambdaMinus(k) => members(self.fixed[k].0, -1).collect(),
            Col::Artificial(r) => vec![(r, 1)],
        }
    }

    /// The phase-2 cost of a column.
    fn cost(&self, col: Col) -> Q {
        match col {
            Col::Mu(k) => -self.b[k].clone(),
            Col::Nu(_) | Col::Artificial(_) => Q::zero(),
            Col::LambdaPlus(k) => -self.fixed[k].1.clone(),
            Col::LambdaMinus(k) => self.fixed[k].1.clone(),
        }
    }

    /// Solves; returns t*, y* and the constraints tight in every optimum.
    fn solve(&self) -> Option<(Q, Vec<Q>, Vec<Tight>)> {
        let m = self.rows();
        let art0 = self.columns.len() - m;
        let mut basis: Vec<usize> = (0..m).map(|r| art0 + r).collect();
        let mut binv: Vec<Vec<Q>> = (0..m)
            .map(|r| {
                (0..m)
                    .map(|c| if r == c { Q::one() } else { Q::zero() })
                    .collect()
            })
            .collect();
        let mut xb: Vec<Q> = (0..m)
            .map(|r| if r == 0 { Q::one() } else { Q::zero() })
            .collect();
        // Phase 1: minimise the artificials; phase 2: the real costs, artificials barred.
        for phase in [1, 2] {
            let cost = |j: usize| -> Q {
                let col = self.columns[j];
                match (phase, col) {
                    (1, Col::Artificial(_)) => Q::one(),
                    (1, _) => Q::zero(),
                    _ => self.cost(col),
                }
            };
            let costs: Vec<Q> = (0..self.columns.len()).map(cost).collect();
            let costs_f: Vec<f64> = costs.iter().map(|c| c.to_f64().unwrap_or(0.0)).collect();
            // Costs over one common denominator, so exact reduced-cost signs need only integer
            // additions (no gcd per operation).
            let (cost_num, cost_den) = common_denominator(&costs);
            let entries: Vec<Vec<(usize, i8)>> =
                self.columns.iter().map(|&c| self.entries(c)).collect();
            let mut degenerate_run = 0usize;
            for _iteration in 0..100_000 {
                // Prices π = c_B B⁻¹.
                let pi: Vec<Q> = (0..m)
                    .map(|c| (0..m).fold(Q::zero(), |acc, r| acc + &costs[basis[r]] * &binv[r][c]))
                    .collect();
                let (pi_num, pi_den) = common_denominator(&pi);
                // sign(c_j − π·a_j) = sign(C_j·D − E·Σ ±P_r) for c = C/E and π = P/D.
                let negative_reduced = |j: usize| -> bool {
                    let dot = entries[j].iter().fold(BigInt::zero(), |acc, &(r, s)| {
                        if s > 0 {
                            acc + &pi_num[r]
                        } else {
                            acc - &pi_num[r]
                        }
                    });
                    (&cost_num[j] * &pi_den - &cost_den * dot).is_negative()
                };
                let allowed =
                    |j: usize| phase == 1 || !matches!(self.columns[j], Col::Artificial(_));
                let in_basis = |j: usize| basis.contains(&j);
                let use_bland = degenerate_run > 50;
                let entering = if use_bland {
                    (0..self.columns.len())
                        .find(|&j| allowed(j) && !in_basis(j) && negative_reduced(j))
                } else {
                    let pi_f: Vec<f64> = pi.iter().map(|p| p.to_f64().unwrap_or(0.0)).collect();
                    let mut candidates: Vec<(f64, usize)> = (0..self.columns.len())
                        .filter(|&j| allowed(j) && !in_basis(j))
                        .map(|j| {
                            (
                                entries[j]
                                    .iter()
                                    .fold(costs_f[j], |acc, &(r, s)| acc - f64::from(s) * pi_f[r]),
                                j,
                            )
                        })
                        .filter(|(r, _)| *r < -1e-12)
                        .collect();
                    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
                    // The float choice is only a hint; the exact reduced cost decides. When the
                    // floats see nothing, an exact scan makes sure nothing is missed.
                    candidates
                        .into_iter()
                        .map(|(_, j)| j)
                        .find(|&j| negative_reduced(j))
                        .or_else(|| {
                            (0..self.columns.len())
                                .find(|&j| allowed(j) && !in_basis(j) && negative_reduced(j))
                        })
                };
                let Some(j) = entering else {
                    break; // optimal for this phase
                };
                // d = B⁻¹ a_j.
                let d: Vec<Q> = (0..m)
                    .map(|r| {
                        entries[j].iter().fold(Q::zero(), |acc, &(row, s)| {
                            if s > 0 {
                                acc + &binv[r][row]
                            } else {
                                acc - &binv[r][row]
                            }
                        })
                    })
                    .collect();
                let mut leave: Option<(usize, Q)> = None;
                for r in 0..m {
                    if d[r].is_positive() {
                        let ratio = &xb[r] / &d[r];
                        let better = match &leave {
                            None => true,
                            Some((lr, best)) => {
                                ratio < *best || (ratio == *best && basis[r] < basis[*lr])
                            }
                        };
                        if better {
                            leave = Some((r, ratio));
                        }
                    }
                }
                let (r, ratio) = leave?; // unbounded: cannot happen for a bounded primal
                degenerate_run = if ratio.is_zero() {
                    degenerate_run + 1
                } else {
                    0
                };
                let p = d[r].clone();
                for v in binv[r].iter_mut() {
                    *v = &*v / &p;
                }
                xb[r] = &xb[r] / &p;
                let pivot_row = binv[r].clone();
                for k in 0..m {
                    if k != r && !d[k].is_zero() {
                        let f = d[k].clone();
                        for (a, b) in binv[k].iter_mut().zip(&pivot_row) {
                            *a -= &f * b;
                        }
                        let delta = &f * &xb[r];
                        xb[k] -= delta;
                    }
                }
                basis[r] = j;
            }
            if phase == 1 {
                let infeasibility = (0..m)
                    .filter(|&r| matches!(self.columns[basis[r]], Col::Artificial(_)))
                    .fold(Q::zero(), |a, r| a + &xb[r]);
                if infeasibility.is_positive() {
                    return None;
                }
            }
        }
        let pi: Vec<Q> = (0..m)
            .map(|c| {
                (0..m).fold(Q::zero(), |acc, r| {
                    acc + &self.cost(self.columns[basis[r]]) * &binv[r][c]
                })
            })
            .collect();
        let t = pi[0].clone();
        let y: Vec<Q> = (0..self.n).map(|i| -pi[i + 1].clone()).collect();
        let tight = (0..m)
            .filter(|&r| xb[r].is_positive())
            .filter_map(|r| match self.columns[basis[r]] {
                Col::Mu(k) => Some(Tight::Coalition(k)),
                Col::Nu(i) => Some(Tight::Bound(i)),
                _ => None,
            })
            .collect();
        Some((t, y, tight))
    }
}

/// The contract's split of v(N), for the core check beside Shapley and the nucleolus: v(N) in
/// the proportions of each party's cumulative fiscal transfers in the schedule (the real money
/// the contract moves); the assessment ledger when there is no fiscal row. None when the
/// schedule moves nothing.
pub fn contract_allocation(
    schedule: &super::Schedule,
    game: &Game,
    parties: &[crate::model::NodeId],
) -> Option<Vec<Q>> {
    use crate::model::Ledger;
    let ledger = if schedule.rows.iter().any(|r| r.ledger == Ledger::Fiscal) {
        Ledger::Fiscal
    } else {
        Ledger::Assessment
    };
    let totals: Vec<Q> = parties
        .iter()
        .map(|p| {
            schedule
                .rows
                .iter()
                .filter(|r| r.ledger == ledger)
                .flat_map(|r| {
                    r.parts
                        .iter()
                        .filter(|(q, _)| q == p)
                        .map(|(_, v)| decimal_to_q(*v))
                })
                .fold(Q::zero(), |a, b| a + b)
        })
        .collect();
    let sum = totals.iter().fold(Q::zero(), |a, b| a + b);
    if sum.is_zero() {
        return None;
    }
    let grand = &game.values[game.grand()];
    Some(totals.iter().map(|t| grand * t / &sum).collect())
}

/// Numerators over one common (least) denominator.
fn common_denominator(values: &[Q]) -> (Vec<BigInt>, BigInt) {
    let den = values.iter().fold(BigInt::one(), |acc, v| {
        let d = v.denom();
        let g = num_integer::Integer::gcd(&acc, d);
        acc / g * d
    });
    let nums = values
        .iter()
        .map(|v| v.numer() * (&den / v.denom()))
        .collect();
    (nums, den)
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
