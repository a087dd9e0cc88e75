//! The fair-split benchmark of one agreement: its coalition values turned into a game whose
//! players are the parties' node ids, refused with a clear problem when the values do not
//! make a game (a value naming someone who is not a party, a coalition the methods need left
//! out), then Shapley value, nucleolus and the core check beside the contract's split.
//!
//! The game is never built by dropping what does not fit: a coalition {A, B} whose B has left
//! the agreement must not overwrite v({A}).

use super::fair::{self, CoreCheck, FairError, Game, Q};
use super::schedule::Schedule;
use crate::model::{Agreement, Issue, NodeId, Project};

/// Why an agreement's coalition values do not make a game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GameProblem {
    /// No coalition values were entered (nothing to compare; not an error).
    NoValues,
    /// The agreement has no parties, or more than the methods handle.
    PartyCount(usize),
    /// Coalition `index` names `node`, which is not a party.
    NotAParty { index: usize, node: NodeId },
    /// Coalition `index` gives a value to the same coalition as an earlier one.
    Duplicate { index: usize },
    /// No value for these coalitions (party names), which every method needs.
    Missing(Vec<Vec<String>>),
}

impl GameProblem {
    /// What is wrong, in the user's language.
    pub fn message(&self, project: &Project, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::{En, Zh};
        match (self, lang) {
            (Self::NoValues, Zh) => "还没有填写联盟价值 v(S)".to_owned(),
            (Self::NoValues, En) => "no coalition values v(S) entered yet".to_owned(),
            (Self::PartyCount(n), Zh) => {
                format!(
                    "公平分成需要 1 到 {} 个参与方,本协议有 {n} 个",
                    fair::MAX_PLAYERS
                )
            }
            (Self::PartyCount(n), En) => format!(
                "a fair split needs 1 to {} parties; this agreement has {n}",
                fair::MAX_PLAYERS
            ),
            (Self::NotAParty { index, node }, Zh) => format!(
                "第 {} 个联盟价值含有“{}”,它已不是本协议的参与方",
                index + 1,
                project.node_name(node)
            ),
            (Self::NotAParty { index, node }, En) => format!(
                "coalition value {} names \"{}\", who is no longer a party",
                index + 1,
                project.node_name(node)
            ),
            (Self::Duplicate { index }, Zh) => format!("第 {} 个联盟价值重复", index + 1),
            (Self::Duplicate { index }, En) => {
                format!("coalition value {} repeats an earlier coalition", index + 1)
            }
            (Self::Missing(coalitions), lang) => {
                let listed: Vec<String> = coalitions
                    .iter()
                    .take(6)
                    .map(|c| format!("{{{}}}", c.join(", ")))
                    .collect();
                let more = coalitions.len().saturating_sub(listed.len());
                let tail = match (more, lang) {
                    (0, _) => String::new(),
                    (m, Zh) => format!(" 等另外 {m} 个"),
                    (m, En) => format!(" and {m} more"),
                };
                match lang {
                    Zh => format!("缺少联盟价值:{}{tail}", listed.join("、")),
                    En => format!("coalition values missing: {}{tail}", listed.join(", ")),
                }
            }
        }
    }
}

/// The benchmark beside the contract, for one agreement.
#[derive(Debug, Clone)]
pub struct FairSplit {
    /// The players, in the agreement's party order.
    pub parties: Vec<NodeId>,
    /// Their names, for display.
    pub names: Vec<String>,
    pub game: Game,
    pub shapley: Vec<Q>,
    pub nucleolus: Result<Vec<Q>, FairError>,
    /// The contract's split of v(N) (what each party receives over the horizon across the
    /// agreement's fair ledgers), when those ledgers move money.
    pub contract: Option<Vec<Q>>,
    /// Core checks of contract, Shapley and nucleolus, in that order.
    pub core: [Option<CoreCheck>; 3],
}

impl FairSplit {
    /// The names of a coalition's members (for "blocked by {A, B}").
    pub fn coalition_name(&self, mask: usize) -> String {
        let members: Vec<&str> = (0..self.names.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| self.names[i].as_str())
            .collect();
        format!("{{{}}}", members.join(", "))
    }
}

/// The agreement's coalition values as a game over its parties' node ids, or every reason
/// they are not one.
pub fn agreement_game(a: &Agreement) -> Result<Game, Vec<GameProblem>> {
    if a.coalition_values.is_empty() {
        return Err(vec![GameProblem::NoValues]);
    }
    let players: Vec<NodeId> = a.parties.iter().map(|p| p.node.clone()).collect();
    let n = players.len();
    if n == 0 || n > fair::MAX_PLAYERS {
        return Err(vec![GameProblem::PartyCount(n)]);
    }
    let mut problems = Vec::new();
    let mut values: Vec<Option<Q>> = vec![None; 1 << n];
    values[0] = Some(num_traits::Zero::zero());
    for (index, cv) in a.coalition_values.iter().enumerate() {
        let mut mask = 0usize;
        for node in &cv.parties {
            match players.iter().position(|p| p == node) {
                Some(i) => mask |= 1 << i,
                None => problems.push(GameProblem::NotAParty {
                    index,
                    node: node.clone(),
                }),
            }
        }
        if mask == 0
            || problems
                .iter()
                .any(|p| matches!(p, GameProblem::NotAParty { index: i, .. } if *i == index))
        {
            continue;
        }
        if values[mask].is_some() {
            problems.push(GameProblem::Duplicate { index });
        } else {
            values[mask] = Some(fair::decimal_to_q(cv.value));
        }
    }
    let missing: Vec<usize> = fair::listing_order(n)
        .into_iter()
        .filter(|m| values[*m].is_none())
        .collect();
    if !missing.is_empty() {
        problems.push(GameProblem::Missing(
            missing.iter().map(|m| member_ids(&players, *m)).collect(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let values = values.into_iter().map(Option::unwrap_or_default).collect();
    Ok(Game {
        players: players.iter().map(|p| p.to_string()).collect(),
        values,
    })
}

fn member_ids(players: &[NodeId], mask: usize) -> Vec<String> {
    (0..players.len())
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| players[i].to_string())
        .collect()
}

/// Shapley value, nucleolus and core checks for the agreement, with `schedule` its split
/// schedule (for the contract column). Exponential in the number of parties: callers keep the
/// result per document revision.
pub fn fair_split(
    project: &Project,
    a: &Agreement,
    schedule: &Schedule,
) -> Result<FairSplit, Vec<GameProblem>> {
    let game = agreement_game(a).map_err(|problems| name_missing(project, problems))?;
    let parties: Vec<NodeId> = a.parties.iter().map(|p| p.node.clone()).collect();
    let names = parties.iter().map(|p| project.node_name(p)).collect();
    let shapley = fair::shapley(&game);
    let nucleolus = fair::nucleolus(&game);
    let contract = fair::contract_allocation(schedule, &game, &parties);
    let core = [
        contract.as_ref().map(|x| fair::core_check(&game, x)),
        Some(fair::core_check(&game, &shapley)),
        nucleolus.as_ref().ok().map(|x| fair::core_check(&game, x)),
    ];
    Ok(FairSplit {
        parties,
        names,
        game,
        shapley,
        nucleolus,
        contract,
        core,
    })
}

/// Missing coalitions listed by party name rather than id (for people to read).
pub fn name_missing(project: &Project, problems: Vec<GameProblem>) -> Vec<GameProblem> {
    problems
        .into_iter()
        .map(|p| match p {
            GameProblem::Missing(cs) => GameProblem::Missing(
                cs.into_iter()
                    .map(|c| {
                        c.iter()
                            .map(|id| project.node_name(&NodeId::from(id.as_str())))
                            .collect()
                    })
                    .collect(),
            ),
            other => other,
        })
        .collect()
}

/// The game problems of every agreement with coalition values, as validation issues (shown in
/// the Sharing and Fair split tabs and by `chainmap check` and `chainmap fair`). Values naming a
/// non-party are reported by the reference check already; this adds what the methods need.
pub fn game_issues(project: &Project) -> Vec<Issue> {
    let mut issues = Vec::new();
    for a in project.agreements.values() {
        let Err(problems) = agreement_game(a) else {
            continue;
        };
        for problem in name_missing(project, problems) {
            let place = format!("agreements/{}/coalition_values", a.id);
            let (zh, en) = (
                problem.message(project, crate::i18n::Lang::Zh),
                problem.message(project, crate::i18n::Lang::En),
            );
            match problem {
                GameProblem::Missing(_) | GameProblem::PartyCount(_) => {
                    issues.push(Issue::warning("incomplete_game", place, zh, en));
                }
                GameProblem::NoValues
                | GameProblem::NotAParty { .. }
                | GameProblem::Duplicate { .. } => {}
            }
        }
    }
    issues
}
