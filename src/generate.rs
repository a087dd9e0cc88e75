//! Synthetic chains of any size, for benchmarks and scale tests: stages from upstream to
//! downstream with a support lane, firms spread over them, supply links mostly to the next
//! stages, a share of external suppliers. Deterministic for a given seed.

use crate::model::*;
use rust_decimal::Decimal;

/// A small, fast, deterministic generator (xorshift64*); also what the seeded fuzz and
/// save-safety tests draw from. The seed must not be 0.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A project with `nodes` firms and about `links` supply links over 24 stages.
pub fn chain(nodes: usize, links: usize, seed: u64) -> Project {
    let mut rng = Rng(seed | 1);
    let mut p = Project::new(&format!("generated {nodes} firms"));
    p.meta.base_year = Some(2024);
    let segments = [
        (Segment::Upstream, 6),
        (Segment::Midstream, 8),
        (Segment::Downstream, 7),
        (Segment::Support, 3),
    ];
    let mut stages = Vec::new();
    for (segment, count) in segments {
        for _ in 0..count {
            let i = stages.len();
            stages.push(Stage {
                id: StageId(format!("S{i:02}")),
                name: format!("环节{i}"),
                name_en: format!("stage {i}"),
                segment,
                products: (0..3)
                    .map(|k| Product {
                        name: format!("产品{i}-{k}"),
                        required: k < 2,
                    })
                    .collect(),
                activity: None,
                land_use: None,
            });
        }
    }
    let chain_id = ChainId::from("gen");
    let n_stages = stages.len();
    let mut stage_of = Vec::with_capacity(nodes);
    let mut per_stage = vec![0usize; n_stages];
    for i in 0..nodes {
        let s = rng.below(n_stages);
        stage_of.push(s);
        let row = per_stage[s];
        per_stage[s] += 1;
        let kind = if rng.below(10) == 0 {
            NodeKind::ExternalEnterprise
        } else {
            NodeKind::Enterprise
        };
        let output = Decimal::from(100 + rng.below(20_000) as i64);
        let id = NodeId(format!("g{i:05}"));
        p.nodes.insert(
            id.clone(),
            Node {
                id,
                name: format!("企业{i}"),
                kind,
                stages: vec![stages[s].id.clone()],
                figures: [(
                    2024,
                    Figures {
                        output: Some(output),
                        tax: Some(output / Decimal::from(20)),
                        land_mu: Some(Decimal::from(1 + rng.below(100) as i64)),
                        ..Figures::default()
                    },
                )]
                .into(),
                position: Some(Pos {
                    x: s as f32 * 240.0,
                    y: row as f32 * 60.0,
                }),
                ..Node::default()
            },
        );
    }
    // Index firms by stage so links go mostly one or two stages downstream.
    let mut by_stage: Vec<Vec<usize>> = vec![Vec::new(); n_stages];
    for (i, s) in stage_of.iter().enumerate() {
        by_stage[*s].push(i);
    }
    for k in 0..links {
        let from = rng.below(nodes);
        let s = stage_of[from];
        let target_stage = (s + 1 + rng.below(2)).min(n_stages - 1);
        let pool = if by_stage[target_stage].is_empty() {
            &by_stage[s]
        } else {
            &by_stage[target_stage]
        };
        // Mostly to firms at a similar height in the next lanes (real chains are local), now
        // and then anywhere.
        let row_of_from = by_stage[s].iter().position(|&i| i == from).unwrap_or(0);
        let share = row_of_from as f64 / by_stage[s].len().max(1) as f64;
        let centre = (share * pool.len() as f64) as usize;
        let to = if rng.below(10) == 0 {
            pool[rng.below(pool.len())]
        } else {
            let offset = rng.below(17) as isize - 8;
            pool[(centre as isize + offset).clamp(0, pool.len() as isize - 1) as usize]
        };
        if to == from {
            continue;
        }
        let id = LinkId(format!("s{k:06}"));
        p.links.insert(
            id.clone(),
            Link {
                id,
                kind: LinkKind::Supply,
                from: NodeId(format!("g{from:05}")),
                to: NodeId(format!("g{to:05}")),
                product: stages[s].products[rng.below(3)].name.clone(),
                value: Some(Decimal::from(1 + rng.below(1000) as i64)),
                ..Link::default()
            },
        );
    }
    p.chains.insert(
        chain_id.clone(),
        Chain {
            id: chain_id,
            name: "生成的产业链".to_owned(),
            name_en: "generated chain".to_owned(),
            stages,
            order: 0,
        },
    );
    p
}

/// Adds an agreement among `parties` new region nodes over the first firms of `p`: the parties
/// share tax by fixed shares from 2024 for ten years, and every coalition S has the value
/// v(S) = Σ weights + 10·(|S|−1)² (superadditive, so the core is not empty). For benchmarks of
/// the Sharing and Fair split tabs with many parties.
pub fn agreement(p: &mut Project, parties: usize) -> AgreementId {
    let ids: Vec<NodeId> = (0..parties)
        .map(|i| {
            let id = NodeId::from(format!("party{i:02}"));
            p.nodes.insert(
                id.clone(),
                Node {
                    id: id.clone(),
                    name: format!("参与方 {}", i + 1),
                    kind: NodeKind::Region,
                    ..Node::default()
                },
            );
            id
        })
        .collect();
    let weights = vec![Decimal::ONE; parties];
    let pcts = crate::sharing::money::split(Decimal::ONE_HUNDRED, &weights);
    let shares = ids
        .iter()
        .zip(pcts)
        .map(|(party, pct)| Share {
            party: party.clone(),
            pct,
        })
        .collect();
    let coalition_values = (1usize..(1 << parties))
        .map(|mask| {
            let members: Vec<NodeId> = (0..parties)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| ids[i].clone())
                .collect();
            let size = members.len() as i64;
            let weight: i64 = (0..parties)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| 100 + 10 * i as i64)
                .sum();
            CoalitionValue {
                parties: members,
                value: Decimal::from(weight + 10 * (size - 1) * (size - 1)),
            }
        })
        .collect();
    let id = AgreementId::from("bench");
    let scope = p.nodes.keys().take(20).cloned().collect();
    let agreement = Agreement {
        id: id.clone(),
        name: format!("{parties} 方协议"),
        signed_year: Some(2024),
        parties: ids
            .iter()
            .map(|node| Party {
                node: node.clone(),
                ..Party::default()
            })
            .collect(),
        scope,
        phases: vec![Phase {
            id: PhaseId::from("p1"),
            name: "分成".to_owned(),
            ledger: Ledger::Fiscal,
            metric: Metric::Tax,
            start: PhaseStart::Year(2024),
            years: Some(10),
            rule: Rule::FixedShares { shares },
            ..Phase::default()
        }],
        coalition_values,
        ..Agreement::default()
    };
    p.agreements.insert(id.clone(), agreement);
    id
}
