//! The linear program of one nucleolus round, in dual form, solved by an exact revised simplex.

use super::Q;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A constraint found tight in every optimum.
pub(super) enum Tight {
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
pub(super) struct DualLp<'a> {
    n: usize,
    free: &'a [usize],
    b: &'a [Q],
    fixed: &'a [(usize, Q)],
    columns: Vec<Col>,
}

impl<'a> DualLp<'a> {
    pub(super) fn new(n: usize, free: &'a [usize], b: &'a [Q], fixed: &'a [(usize, Q)]) -> Self {
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
    pub(super) fn solve(&self) -> Option<(Q, Vec<Q>, Vec<Tight>)> {
        let m = self.rows();
        let art0 = self.columns.len() - m;
        let mut basis = Basis::artificial(m, art0);
        let entries: Vec<Vec<(usize, i8)>> =
            self.columns.iter().map(|&c| self.entries(c)).collect();
        // Phase 1: minimise the artificials; phase 2: the real costs, artificials barred.
        for phase in [Phase::One, Phase::Two] {
            self.run_phase(&mut basis, phase, &entries)?;
            if phase == Phase::One {
                let infeasibility = (0..m)
                    .filter(|&r| matches!(self.columns[basis.columns[r]], Col::Artificial(_)))
                    .fold(Q::zero(), |a, r| a + &basis.values[r]);
                if infeasibility.is_positive() {
                    return None;
                }
            }
        }
        let costs: Vec<Q> = self.columns.iter().map(|&c| self.cost(c)).collect();
        let pi = basis.prices(&costs);
        let t = pi[0].clone();
        let y: Vec<Q> = (0..self.n).map(|i| -pi[i + 1].clone()).collect();
        let tight = (0..m)
            .filter(|&r| basis.values[r].is_positive())
            .filter_map(|r| match self.columns[basis.columns[r]] {
                Col::Mu(k) => Some(Tight::Coalition(k)),
                Col::Nu(i) => Some(Tight::Bound(i)),
                _ => None,
            })
            .collect();
        Some((t, y, tight))
    }

    /// Pivots until no column improves the phase's objective; `None` when unbounded (which a
    /// bounded primal rules out).
    fn run_phase(
        &self,
        basis: &mut Basis,
        phase: Phase,
        entries: &[Vec<(usize, i8)>],
    ) -> Option<()> {
        let costs = PhaseCosts::new(
            (0..self.columns.len())
                .map(|j| match (phase, self.columns[j]) {
                    (Phase::One, Col::Artificial(_)) => Q::one(),
                    (Phase::One, _) => Q::zero(),
                    (Phase::Two, col) => self.cost(col),
                })
                .collect(),
        );
        let mut degenerate_run = 0usize;
        for _iteration in 0..100_000 {
            let pi = basis.prices(&costs.exact);
            let use_bland = degenerate_run > 50;
            let Some(j) = self.entering(basis, phase, &costs, &pi, entries, use_bland) else {
                break; // optimal for this phase
            };
            let d = basis.direction(&entries[j]);
            let (r, ratio) = basis.leaving(&d)?;
            degenerate_run = if ratio.is_zero() {
                degenerate_run + 1
            } else {
                0
            };
            basis.pivot(r, j, &d);
        }
        Some(())
    }

    /// The column to bring into the basis: one whose exact reduced cost is negative, chosen by
    /// the most negative float estimate, or the first such column (Bland's rule) after a long
    /// run of degenerate pivots.
    fn entering(
        &self,
        basis: &Basis,
        phase: Phase,
        costs: &PhaseCosts,
        pi: &[Q],
        entries: &[Vec<(usize, i8)>],
        use_bland: bool,
    ) -> Option<usize> {
        let (pi_num, pi_den) = common_denominator(pi);
        // sign(c_j − π·a_j) = sign(C_j·D − E·Σ ±P_r) for c = C/E and π = P/D.
        let negative_reduced = |j: usize| -> bool {
            let dot = entries[j].iter().fold(BigInt::zero(), |acc, &(r, s)| {
                if s > 0 {
                    acc + &pi_num[r]
                } else {
                    acc - &pi_num[r]
                }
            });
            (&costs.numerators[j] * &pi_den - &costs.denominator * dot).is_negative()
        };
        let allowed =
            |j: usize| phase == Phase::One || !matches!(self.columns[j], Col::Artificial(_));
        let in_basis = |j: usize| basis.columns.contains(&j);
        let exact_scan =
            || (0..self.columns.len()).find(|&j| allowed(j) && !in_basis(j) && negative_reduced(j));
        if use_bland {
            return exact_scan();
        }
        let pi_f: Vec<f64> = pi.iter().map(|p| p.to_f64().unwrap_or(0.0)).collect();
        let mut candidates: Vec<(f64, usize)> = (0..self.columns.len())
            .filter(|&j| allowed(j) && !in_basis(j))
            .map(|j| {
                (
                    entries[j]
                        .iter()
                        .fold(costs.floats[j], |acc, &(r, s)| acc - f64::from(s) * pi_f[r]),
                    j,
                )
            })
            .filter(|(r, _)| *r < -1e-12)
            .collect();
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
        // The float choice is only a hint; the exact reduced cost decides. When the floats see
        // nothing, an exact scan makes sure nothing is missed.
        candidates
            .into_iter()
            .map(|(_, j)| j)
            .find(|&j| negative_reduced(j))
            .or_else(exact_scan)
    }
}

/// The two phases of the simplex.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// Drive the artificial columns out (find a feasible basis).
    One,
    /// Minimise the real costs.
    Two,
}

/// A phase's column costs: exact, as floats (for choosing), and over one common denominator
/// (so exact reduced-cost signs need only integer additions, no gcd per operation).
struct PhaseCosts {
    exact: Vec<Q>,
    floats: Vec<f64>,
    numerators: Vec<BigInt>,
    denominator: BigInt,
}

impl PhaseCosts {
    fn new(exact: Vec<Q>) -> Self {
        let floats = exact.iter().map(|c| c.to_f64().unwrap_or(0.0)).collect();
        let (numerators, denominator) = common_denominator(&exact);
        Self {
            exact,
            floats,
            numerators,
            denominator,
        }
    }
}

/// The revised simplex's state: the basic columns, the exact basis inverse B⁻¹ and the basic
/// values.
struct Basis {
    columns: Vec<usize>,
    inverse: Vec<Vec<Q>>,
    values: Vec<Q>,
}

impl Basis {
    /// The all-artificial starting basis of `m` rows (artificial columns from `art0`).
    fn artificial(m: usize, art0: usize) -> Self {
        Self {
            columns: (0..m).map(|r| art0 + r).collect(),
            inverse: (0..m)
                .map(|r| {
                    (0..m)
                        .map(|c| if r == c { Q::one() } else { Q::zero() })
                        .collect()
                })
                .collect(),
            values: (0..m)
                .map(|r| if r == 0 { Q::one() } else { Q::zero() })
                .collect(),
        }
    }

    /// Prices π = c_B B⁻¹.
    fn prices(&self, costs: &[Q]) -> Vec<Q> {
        let m = self.columns.len();
        (0..m)
            .map(|c| {
                (0..m).fold(Q::zero(), |acc, r| {
                    acc + &costs[self.columns[r]] * &self.inverse[r][c]
                })
            })
            .collect()
    }

    /// d = B⁻¹ a_j for a column given as (row, ±1) entries.
    fn direction(&self, column: &[(usize, i8)]) -> Vec<Q> {
        self.inverse
            .iter()
            .map(|row_of_inverse| {
                column.iter().fold(Q::zero(), |acc, &(row, s)| {
                    if s > 0 {
                        acc + &row_of_inverse[row]
                    } else {
                        acc - &row_of_inverse[row]
                    }
                })
            })
            .collect()
    }

    /// The row that leaves (minimum ratio, ties to the lowest column), with its ratio.
    fn leaving(&self, d: &[Q]) -> Option<(usize, Q)> {
        let mut leave: Option<(usize, Q)> = None;
        for (r, dr) in d.iter().enumerate() {
            if dr.is_positive() {
                let ratio = &self.values[r] / dr;
                let better = match &leave {
                    None => true,
                    Some((lr, best)) => {
                        ratio < *best || (ratio == *best && self.columns[r] < self.columns[*lr])
                    }
                };
                if better {
                    leave = Some((r, ratio));
                }
            }
        }
        leave
    }

    /// Column `j` enters at row `r`, with `d` = B⁻¹ a_j.
    fn pivot(&mut self, r: usize, j: usize, d: &[Q]) {
        let p = d[r].clone();
        for v in self.inverse[r].iter_mut() {
            *v = &*v / &p;
        }
        self.values[r] = &self.values[r] / &p;
        let pivot_row = self.inverse[r].clone();
        for (k, dk) in d.iter().enumerate() {
            if k != r && !dk.is_zero() {
                let f = dk.clone();
                for (a, b) in self.inverse[k].iter_mut().zip(&pivot_row) {
                    *a -= &f * b;
                }
                let delta = &f * &self.values[r];
                self.values[k] -= delta;
            }
        }
        self.columns[r] = j;
    }
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
