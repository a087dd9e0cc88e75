//! Exact money: amounts are decimals, and a split's parts add up to the whole to the smallest
//! unit (largest-remainder rounding). No binary floating point touches an amount.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of the smallest unit shown: 0.01 万元 = 100 元.
pub const SCALE: u32 = 2;

/// `-amount`, with zero kept positive (a payer's part of a nil payment shows "0.00", not
/// "-0.00").
pub fn negated(amount: Decimal) -> Decimal {
    let mut n = -amount;
    if n.is_zero() {
        n.set_sign_positive(true);
    }
    n
}

/// Rounds an amount to the smallest unit.
pub fn round(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(SCALE, RoundingStrategy::MidpointNearestEven)
}

/// Splits `amount` (rounded to the smallest unit first) in proportion to `weights`, so that the
/// parts add up to it exactly: every part is rounded down to the unit, and the units left over
/// go one each to the largest remainders (ties: the earlier weight). Negative amounts split the
/// same way, mirrored. Weights that are all zero give all-zero parts and put the whole amount on
/// the first part, so nothing is lost.
///
/// # Example
/// 100.00 split 1 : 1 : 1 gives 33.34, 33.33, 33.33.
pub fn split(amount: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    let amount = round(amount);
    if weights.is_empty() {
        return Vec::new();
    }
    let total: Decimal = weights.iter().copied().sum();
    if total.is_zero() {
        let mut parts = vec![Decimal::ZERO; weights.len()];
        parts[0] = amount;
        return parts;
    }
    let negative = amount.is_sign_negative();
    let magnitude = amount.abs();
    let unit = Decimal::new(1, SCALE);
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for w in weights {
        let exact = magnitude * *w / total;
        let floor = exact.round_dp_with_strategy(SCALE, RoundingStrategy::ToZero);
        parts.push(floor);
        remainders.push(exact - floor);
    }
    let assigned: Decimal = parts.iter().copied().sum();
    let mut left = ((magnitude - assigned) / unit).round();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
    for &i in order.iter().cycle().take(weights.len() * 2) {
        if left <= Decimal::ZERO {
            break;
        }
        parts[i] += unit;
        left -= Decimal::ONE;
    }
    if negative {
        for p in &mut parts {
            *p = -*p;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn thirds_give_the_extra_cent_to_the_first() {
        let parts = split(d("100"), &[d("1"), d("1"), d("1")]);
        assert_eq!(parts, vec![d("33.34"), d("33.33"), d("33.33")]);
    }

    #[test]
    fn largest_remainder_wins() {
        // 10.00 × (0.3333, 0.6667) = 3.333, 6.667 → floors 3.33, 6.66; the unit goes to 6.667.
        let parts = split(d("10"), &[d("0.3333"), d("0.6667")]);
        assert_eq!(parts, vec![d("3.33"), d("6.67")]);
    }

    #[test]
    fn negative_amounts_mirror() {
        assert_eq!(
            split(d("-1"), &[d("1"), d("2")]),
            vec![d("-0.33"), d("-0.67")]
        );
    }

    #[test]
    fn zero_weights_keep_the_amount() {
        assert_eq!(split(d("5"), &[d("0"), d("0")]), vec![d("5.00"), d("0")]);
    }
}
