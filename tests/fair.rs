//! The fair-split benchmark on published games: Shapley value, nucleolus, core.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chainmap::sharing::fair::{Game, Q, core_check, nucleolus, parse_q, shapley};

fn q(s: &str) -> Q {
    parse_q(s).unwrap()
}

fn qs(v: &[&str]) -> Vec<Q> {
    v.iter().map(|s| q(s)).collect()
}

fn players(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("P{i}")).collect()
}

/// A game from values listed in "tree" order (every coalition's sorted members compared
/// lexicographically: {1}, {1,2}, {1,2,3}, {1,3}, {2}, {2,3}, {3}), as some papers list them.
fn tree_game(n: usize, values: &[&str]) -> Game {
    let mut masks: Vec<usize> = (1..(1usize << n)).collect();
    masks.sort_by_key(|&m| (0..n).filter(|i| m & (1 << i) != 0).collect::<Vec<_>>());
    let mut full = vec![Q::from_integer(0.into()); 1 << n];
    for (m, v) in masks.into_iter().zip(values) {
        full[m] = q(v);
    }
    Game {
        players: players(n),
        values: full,
    }
}

/// The negated game, so a cost game's nucleolus comes out of the gains formulation.
fn negate(g: &Game) -> Game {
    Game {
        players: g.players.clone(),
        values: g.values.iter().map(|v| -v.clone()).collect(),
    }
}

/// Bankruptcy game: v(S) = max(0, E − claims of the others).
fn bankruptcy(estate: i64, claims: &[i64]) -> Game {
    let n = claims.len();
    let total: i64 = claims.iter().sum();
    let values = (0..(1usize << n))
        .map(|m| {
            let inside: i64 = (0..n)
                .filter(|i| m & (1 << i) != 0)
                .map(|i| claims[i])
                .sum();
            Q::from_integer((estate - (total - inside)).max(0).into())
        })
        .collect();
    Game {
        players: players(n),
        values,
    }
}

#[test]
fn talmud_bankruptcy_examples() {
    // Aumann & Maschler (1985): claims 100 / 200 / 300; the nucleolus is the Talmud's division.
    assert_eq!(
        nucleolus(&bankruptcy(100, &[100, 200, 300])).unwrap(),
        qs(&["100/3", "100/3", "100/3"])
    );
    assert_eq!(
        nucleolus(&bankruptcy(200, &[100, 200, 300])).unwrap(),
        qs(&["50", "75", "75"])
    );
    assert_eq!(
        nucleolus(&bankruptcy(300, &[100, 200, 300])).unwrap(),
        qs(&["50", "100", "150"])
    );
    // Shapley for estate 200, worked by hand: (100/3, 250/3, 250/3).
    assert_eq!(
        shapley(&bankruptcy(200, &[100, 200, 300])),
        qs(&["100/3", "250/3", "250/3"])
    );
}

#[test]
fn coopgame_three_player_test_game() {
    // CoopGame's test 49.1 (Ferguson, Game Theory, coalitional games): (8/3, 2/3, 5/3).
    let g = Game::from_listed(players(3), qs(&["-1", "0", "1", "3", "4", "2", "5"])).unwrap();
    assert_eq!(nucleolus(&g).unwrap(), qs(&["8/3", "2/3", "5/3"]));
}

#[test]
fn guajardo_jornsten_test_games() {
    // Guajardo & Jörnsten (2015), "Common mistakes in computing the nucleolus".
    // Insurance (Lemaire 1991), a gains game.
    let g = tree_game(
        3,
        &[
            "46125", "69187.5", "90000", "53812.5", "17437.5", "30750", "5812.5",
        ],
    );
    assert_eq!(
        nucleolus(&g).unwrap(),
        qs(&["52687.5", "24468.75", "12843.75"])
    );
    // Manufacturing (Oh & Shin 2012), a cost game.
    let c = tree_game(
        3,
        &[
            "375144", "568232", "772500", "551055", "245280", "452411", "211239",
        ],
    );
    let x: Vec<Q> = nucleolus(&negate(&c))
        .unwrap()
        .into_iter()
        .map(|v| -v)
        .collect();
    assert_eq!(x, qs(&["331695.25", "233051.25", "207753.5"]));
    // Mobiles in broadcast transmission (Hasan et al. 2011), a four-player cost game.
    let c = tree_game(
        4,
        &[
            "8", "8", "10", "20", "19", "10", "20", "19", "1", "10", "13", "12", "10", "12", "11",
        ],
    );
    let x: Vec<Q> = nucleolus(&negate(&c))
        .unwrap()
        .into_iter()
        .map(|v| -v)
        .collect();
    assert_eq!(x, qs(&["7.5", "0.5", "1.5", "10.5"]));
}

#[test]
fn symmetric_game_with_an_empty_core() {
    // Any pair makes 60 alone but all three only 72: no split is stable.
    let g = Game::from_listed(players(3), qs(&["0", "0", "0", "60", "60", "60", "72"])).unwrap();
    let x = nucleolus(&g).unwrap();
    assert_eq!(x, qs(&["24", "24", "24"]));
    assert_eq!(shapley(&g), x);
    let check = core_check(&g, &x);
    assert!(!check.in_core && check.efficient);
    assert_eq!(check.blocking.len(), 3);
    assert_eq!(check.blocking[0].1, q("12"));
}

#[test]
fn no_imputation_is_an_error() {
    let g = Game::from_listed(players(2), qs(&["5", "5", "8"])).unwrap();
    assert!(nucleolus(&g).is_err());
}

#[test]
fn wrong_value_count_and_duplicate_players() {
    assert!(Game::from_listed(players(3), qs(&["1", "2"])).is_err());
    assert!(Game::from_listed(vec!["A".into(), "A".into()], qs(&["1", "2", "3"])).is_err());
}

/// A convex (supermodular) game has a non-empty core holding both the Shapley value and the
/// nucleolus; at twelve players this is also the speed check (printed, not asserted).
#[test]
fn twelve_player_convex_game() {
    let n = 12;
    let weights: Vec<i64> = (0..n).map(|i| 3 + (i as i64 * 7) % 11).collect();
    let values: Vec<Q> = (0..(1usize << n))
        .map(|m| {
            let w: i64 = (0..n)
                .filter(|i| m & (1 << i) != 0)
                .map(|i| weights[i])
                .sum();
            let k = m.count_ones() as i64;
            Q::from_integer((w * k).into())
        })
        .collect();
    let g = Game {
        players: players(n),
        values,
    };
    let t = std::time::Instant::now();
    let phi = shapley(&g);
    let t_shapley = t.elapsed();
    let t = std::time::Instant::now();
    let x = nucleolus(&g).unwrap();
    let t_nucleolus = t.elapsed();
    eprintln!("12 players: Shapley {t_shapley:?}, nucleolus {t_nucleolus:?}");
    assert!(
        core_check(&g, &phi).in_core,
        "convex game: Shapley is in the core"
    );
    assert!(
        core_check(&g, &x).in_core,
        "non-empty core: the nucleolus is in it"
    );
    let total = x.iter().fold(Q::from_integer(0.into()), |a, b| a + b);
    assert_eq!(total, g.values[(1 << n) - 1]);
}

/// The nucleolus treats symmetric players alike and lists them in player order.
#[test]
fn nucleolus_respects_symmetry() {
    let g = Game::from_listed(
        players(4),
        qs(&[
            "1", "1", "2", "2", "4", "5", "5", "5", "5", "6", "9", "9", "10", "10", "16",
        ]),
    )
    .unwrap();
    let x = nucleolus(&g).unwrap();
    assert_eq!(x[0], x[1]);
    assert_eq!(x[2], x[3]);
    assert_eq!(
        x.iter().fold(Q::from_integer(0.into()), |a, b| a + b),
        q("16")
    );
}
