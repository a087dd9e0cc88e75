//! Rows of a stages table: new stages join a chain (made when there is none), known ones are
//! renamed or moved to another segment.

use super::ImportSource;
use super::Work;
use super::cells::parse_segment;
use super::headers::{SEGMENT_HINTS, half_width};
use super::mapping::Field;
use crate::model::{Chain, ChainId, Segment, Stage, StageId};
use std::collections::BTreeMap;

impl Work {
    pub(super) fn stages(&mut self, i: usize, source: &ImportSource, chain: Option<&ChainId>) {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for row in &source.table.rows {
            let code = Self::cell(source, row, Field::StageCode).to_owned();
            let place = Self::place(source, row, Some(Field::StageCode));
            if code.is_empty() {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    "环节编号为空".into(),
                    "the stage code is empty".into(),
                );
                continue;
            }
            if let Some(first) = seen.insert(code.clone(), row.number) {
                self.problem(
                    i,
                    Some(row.number),
                    &place,
                    format!("环节编号“{code}”与第 {first} 行重复"),
                    format!("stage code \"{code}\" repeats row {first}"),
                );
                continue;
            }
            let segment_text = Self::cell(source, row, Field::Segment);
            let segment = match segment_text {
                "" => None,
                t => match parse_segment(t) {
                    Some(s) => Some(s),
                    None => {
                        self.problem(
                            i,
                            Some(row.number),
                            &Self::place(source, row, Some(Field::Segment)),
                            format!("“{t}”不是上游/中游/下游/支撑"),
                            format!("\"{t}\" is not upstream, midstream, downstream or support"),
                        );
                        continue;
                    }
                },
            };
            let name = Self::cell(source, row, Field::StageName).to_owned();
            let name_en = Self::cell(source, row, Field::StageNameEn).to_owned();
            let id = StageId::from(code.as_str());
            let existing = self
                .project
                .chains
                .values_mut()
                .flat_map(|c| c.stages.iter_mut())
                .find(|s| s.id == id);
            match existing {
                Some(stage) => {
                    if !name.is_empty() {
                        stage.name = name;
                    }
                    if !name_en.is_empty() {
                        stage.name_en = name_en;
                    }
                    if let Some(s) = segment {
                        stage.segment = s;
                    }
                    self.plan.summary.stages_updated += 1;
                }
                None => {
                    let chain_id = self.target_chain(chain, Self::cell(source, row, Field::Chain));
                    let stage = Stage {
                        name: if name.is_empty() { code.clone() } else { name },
                        name_en,
                        id,
                        segment: segment.unwrap_or_default(),
                        products: Vec::new(),
                        activity: None,
                        land_use: None,
                    };
                    if let Some(c) = self.project.chains.get_mut(&chain_id) {
                        c.stages.push(stage);
                    }
                    self.plan.summary.stages_added += 1;
                }
            }
        }
    }

    /// The chain a new stage joins: the one asked for (by id or name), else the first, else a
    /// new one.
    pub(super) fn target_chain(&mut self, asked: Option<&ChainId>, cell: &str) -> ChainId {
        let by_cell = (!cell.is_empty()).then(|| {
            self.project
                .chains
                .values()
                .find(|c| c.id.as_str() == cell || c.name == cell)
                .map(|c| c.id.clone())
        });
        if let Some(Some(id)) = by_cell {
            return id;
        }
        if let Some(id) = asked.filter(|id| self.project.chains.contains_key(*id)) {
            return id.clone();
        }
        let wanted = asked
            .cloned()
            .or_else(|| (!cell.is_empty()).then(|| ChainId::from(cell)));
        if wanted.is_none()
            && let Some(first) = self.project.chains.keys().next()
        {
            return first.clone();
        }
        let id = wanted.unwrap_or_else(|| ChainId::from("c1"));
        let name = if cell.is_empty() {
            "产业链".to_owned()
        } else {
            cell.to_owned()
        };
        self.project
            .chains
            .entry(id.clone())
            .or_insert_with(|| Chain {
                id: id.clone(),
                name,
                ..Chain::default()
            });
        id
    }

    /// The stage an enterprises row names: by code or name (spaces and full-width characters
    /// aside); a name the chain lacks becomes a new stage of the import's chain, its segment
    /// guessed from its words (`headers::SEGMENT_HINTS`), placed after the stages of that
    /// segment; none for an unknown code (U9: a typo more likely than a new stage).
    pub(super) fn stage_for_firm(&mut self, text: &str) -> Option<StageId> {
        if let Some(id) = self.stage_by_text(text) {
            return Some(id);
        }
        let squeezed = squeeze(text);
        if let Some((_, s)) = self.project.stages().find(|(_, s)| {
            [s.id.as_str(), s.name.as_str(), s.name_en.as_str()]
                .iter()
                .any(|t| !t.is_empty() && squeeze(t) == squeezed)
        }) {
            return Some(s.id.clone());
        }
        if looks_like_a_code(&squeezed) {
            return None;
        }
        let chain_id = self.target_chain(self.chain.clone().as_ref(), "");
        let taken: std::collections::BTreeSet<String> = self
            .project
            .stages()
            .map(|(_, s)| s.id.as_str().to_owned())
            .collect();
        let id = StageId::from(self.index.fresh("S", |c| taken.contains(c)));
        let segment = SEGMENT_HINTS
            .iter()
            .find(|(word, _)| text.contains(word))
            .map(|(_, s)| *s)
            .unwrap_or(Segment::Midstream);
        let stage = Stage {
            id: id.clone(),
            name: text.trim().to_owned(),
            segment,
            ..Stage::default()
        };
        if let Some(chain) = self.project.chains.get_mut(&chain_id) {
            let at = chain
                .stages
                .iter()
                .rposition(|s| s.segment <= segment)
                .map_or(0, |p| p + 1);
            chain.stages.insert(at, stage);
        }
        self.plan.summary.stages_added += 1;
        self.plan.new_stages.push(text.trim().to_owned());
        Some(id)
    }

    pub(super) fn stage_by_text(&self, text: &str) -> Option<StageId> {
        self.project
            .stages()
            .find(|(_, s)| s.id.as_str() == text || s.name == text || s.name_en == text)
            .map(|(_, s)| s.id.clone())
    }
}

/// Text compared without spaces, width or case.
fn squeeze(text: &str) -> String {
    half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// A stage code as the stages table writes them: a few ASCII letters and digits (U1, M2b).
fn looks_like_a_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 8
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_digit())
}
