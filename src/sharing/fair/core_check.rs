//! The core check: whether a split of v(N) is one no coalition would walk away from.

use super::{Game, Q};
use num_traits::Signed;

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
