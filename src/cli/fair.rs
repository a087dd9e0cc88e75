//! `chainmap fair`: the fair-split benchmark (Shapley value, nucleolus, core check) of a quick
//! game given on the command line, or of a project agreement's coalition values beside the
//! contract's split.

use super::{EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, load_for_command};
use crate::i18n::Lang;
use crate::model::{AgreementId, NodeId};
use crate::sharing::fair::{
    CoreCheck, FairError, Game, Q, contract_allocation, core_check, nucleolus, parse_q,
    q_to_decimal_string, shapley,
};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A game and, when it comes from an agreement, the contract's split; else the exit code.
type Found = Result<(Game, Option<Vec<Q>>), u8>;

/// What the benchmark finds for a game.
struct Findings {
    shapley: Vec<Q>,
    shapley_core: CoreCheck,
    nucleolus: Result<Vec<Q>, FairError>,
    nucleolus_core: Option<CoreCheck>,
    contract: Option<Vec<Q>>,
    contract_core: Option<CoreCheck>,
    /// The nucleolus lies in the core whenever the core is not empty.
    core_empty: Option<bool>,
}

impl Findings {
    fn of(game: &Game, contract: Option<Vec<Q>>) -> Self {
        let phi = shapley(game);
        let nucleolus = nucleolus(game);
        let phi_core = core_check(game, &phi);
        let nuc_core = nucleolus.as_ref().ok().map(|x| core_check(game, x));
        let contract_core = contract.as_ref().map(|x| core_check(game, x));
        let core_empty = nuc_core.as_ref().map(|c| !c.in_core);
        Self {
            shapley: phi,
            shapley_core: phi_core,
            nucleolus,
            nucleolus_core: nuc_core,
            contract,
            contract_core,
            core_empty,
        }
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn fair(
    file: Option<PathBuf>,
    agreement: Option<String>,
    players: Vec<String>,
    values: Vec<String>,
    json: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let found = match file {
        Some(path) => agreement_game(&path, agreement.as_deref(), lang, err)?,
        None => quick_game(players, &values, lang, err)?,
    };
    let (game, contract) = match found {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let findings = Findings::of(&game, contract);
    if json {
        write_json(&game, &findings, out)?;
    } else {
        print_text(&game, &findings, lang, out)?;
    }
    Ok(EXIT_OK)
}

/// The game of the agreement's coalition values (the agreement asked for, else the first with
/// any), and the contract's split of it.
fn agreement_game(
    path: &Path,
    agreement: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Found> {
    let Some(project) = load_for_command(path, lang, err)? else {
        return Ok(Err(EXIT_PROBLEM));
    };
    let chosen = match agreement {
        Some(id) => project.agreements.get(&AgreementId::from(id)),
        None => project
            .agreements
            .values()
            .find(|a| !a.coalition_values.is_empty()),
    };
    let Some(a) = chosen else {
        writeln!(
            err,
            "{}: {}",
            path.display(),
            lang.pick("没有带联盟价值的协议", "no agreement with coalition values")
        )?;
        return Ok(Err(EXIT_PROBLEM));
    };
    // Players are the parties' node ids; values naming anyone else, or coalitions left out,
    // are refused with every problem listed (never computed around).
    let mut game = match crate::sharing::benchmark::agreement_game(a) {
        Ok(g) => g,
        Err(problems) => {
            for problem in crate::sharing::benchmark::name_missing(&project, problems) {
                writeln!(
                    err,
                    "{}: {} \"{}\": {}",
                    path.display(),
                    lang.pick("协议", "agreement"),
                    a.id,
                    problem.message(&project, lang)
                )?;
            }
            return Ok(Err(EXIT_PROBLEM));
        }
    };
    game.players = a
        .parties
        .iter()
        .map(|p| project.node_name(&p.node))
        .collect();
    let schedule = crate::sharing::schedule(&project, a, None, None);
    let parties: Vec<NodeId> = a.parties.iter().map(|p| p.node.clone()).collect();
    let contract = contract_allocation(&schedule, &game, &parties);
    Ok(Ok((game, contract)))
}

/// The game of `--players` and `--values` (listed by coalition size, then lexicographically).
fn quick_game(
    players: Vec<String>,
    values: &[String],
    lang: Lang,
    err: &mut dyn Write,
) -> std::io::Result<Found> {
    if players.is_empty() {
        writeln!(
            err,
            "chainmap fair: {}",
            lang.pick(
                "需要 --players 和 --values,或一个项目文件",
                "give --players and --values, or a project file"
            )
        )?;
        return Ok(Err(EXIT_USAGE));
    }
    let mut parsed = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match parse_q(v) {
            Some(q) => parsed.push(q),
            None => {
                let message = match lang {
                    Lang::Zh => format!("第 {} 个值“{v}”不是数字", i + 1),
                    Lang::En => format!("value {} \"{v}\" is not a number", i + 1),
                };
                writeln!(err, "chainmap fair: {message}")?;
                return Ok(Err(EXIT_PROBLEM));
            }
        }
    }
    match Game::from_listed(players, parsed) {
        Ok(g) => Ok(Ok((g, None))),
        Err(e) => {
            writeln!(err, "chainmap fair: {e}")?;
            Ok(Err(EXIT_PROBLEM))
        }
    }
}

/// Each player's share as an exact fraction and a six-digit decimal.
fn shares_json(game: &Game, x: &[Q]) -> Vec<serde_json::Value> {
    game.players
        .iter()
        .zip(x)
        .map(|(p, v)| {
            let decimal = q_to_decimal_string(v, 6);
            json!({
                "player": p,
                "fraction": v.to_string(),
                "decimal": std::str::FromStr::from_str(&decimal).map(serde_json::Value::Number).unwrap_or(serde_json::Value::String(decimal)),
            })
        })
        .collect()
}

/// The coalitions that would do better alone, and by how much.
fn blocking_json(game: &Game, c: &CoreCheck) -> Vec<serde_json::Value> {
    c.blocking
        .iter()
        .map(|(m, short)| json!({"coalition": game.name(*m), "shortfall": short.to_string()}))
        .collect()
}

fn write_json(game: &Game, f: &Findings, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = json!({
        "players": game.players,
        "shapley": shares_json(game, &f.shapley),
        "shapley_in_core": f.shapley_core.in_core,
        "shapley_blocked_by": blocking_json(game, &f.shapley_core),
        "nucleolus": f.nucleolus.as_ref().ok().map(|x| shares_json(game, x)),
        "nucleolus_error": f.nucleolus.as_ref().err().map(|e| e.to_string()),
        "nucleolus_in_core": f.nucleolus_core.as_ref().map(|c| c.in_core),
        "core_empty": f.core_empty,
        "contract": f.contract.as_ref().map(|x| shares_json(game, x)),
        "contract_in_core": f.contract_core.as_ref().map(|c| c.in_core),
        "contract_blocked_by": f.contract_core.as_ref().map(|c| blocking_json(game, c)),
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// One split: each player's share, whether it is in the core, and the first five coalitions
/// that would do better alone.
fn print_split(
    game: &Game,
    title: &str,
    x: &[Q],
    check: &CoreCheck,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let in_core = if check.in_core {
        lang.pick("在核心中", "in the core")
    } else {
        lang.pick("不在核心中", "not in the core")
    };
    writeln!(out, "{title} ({in_core})")?;
    for (p, v) in game.players.iter().zip(x) {
        writeln!(out, "  {p:<16} {:>16}  = {}", q_to_decimal_string(v, 4), v)?;
    }
    for (m, short) in check.blocking.iter().take(5) {
        writeln!(
            out,
            "  {} {} {}",
            game.name(*m),
            lang.pick("单干可多得", "would gain alone"),
            q_to_decimal_string(short, 4)
        )?;
    }
    Ok(())
}

fn print_text(game: &Game, f: &Findings, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    print_split(
        game,
        lang.pick("Shapley 值", "Shapley value"),
        &f.shapley,
        &f.shapley_core,
        lang,
        out,
    )?;
    match (&f.nucleolus, &f.nucleolus_core) {
        (Ok(x), Some(c)) => print_split(game, lang.pick("核仁", "Nucleolus"), x, c, lang, out)?,
        (Err(e), _) => writeln!(out, "{}: {e}", lang.pick("核仁", "Nucleolus"))?,
        _ => {}
    }
    if let (Some(x), Some(c)) = (&f.contract, &f.contract_core) {
        print_split(
            game,
            lang.pick(
                "合同分成(按所选收益账累计比例)",
                "Contract split (cumulative shares across the chosen money ledgers)",
            ),
            x,
            c,
            lang,
            out,
        )?;
    }
    if f.core_empty == Some(true) {
        writeln!(
            out,
            "{}",
            lang.pick(
                "核心为空:没有任何分法能让所有联盟都满意。",
                "The core is empty: no split satisfies every coalition."
            )
        )?;
    }
    Ok(())
}
