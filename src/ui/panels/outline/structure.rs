//! The structure gestures shared by the outline, the lane headers, the stage inspector and the
//! empty canvas: adding chains, stages and products with a sensible default name (then renaming
//! them in place), moving and removing them. Each gesture queues one [`StructureEdit`]; a
//! removal that would leave firms without their stage first asks what to do with them.

use super::question::Question;
use crate::edit::{Edit, StageFirms, StructureEdit};
use crate::i18n::Lang;
use crate::model::{
    Chain, ChainId, NodeId, Product, Project, Segment, Stage, StageId, fresh_chain_id,
    fresh_stage_id,
};
use crate::ui::state::{Queue, UiState};

/// Structure editing that lasts across frames: what is being renamed in place, which lane the
/// canvas should bring into view, and the question a removal is waiting on.
#[derive(Debug, Default)]
pub struct StructureUi {
    pub renaming: Option<Renaming>,
    /// Bring this stage's lane into view on the next frame (a lane just added or renamed).
    pub reveal: Option<StageId>,
    pub question: Option<Question>,
}

/// A chain, a stage or a product of a stage (named by its name: products have no id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Chain(ChainId),
    Stage(StageId),
    Product(StageId, String),
}

/// Where a name is typed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Outline,
    /// On the stage's lane header, on the canvas.
    Lane,
    /// The stage inspector's field (only focused and selected: the inspector's own field).
    Inspector,
}

/// An item being renamed in place: the text typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Renaming {
    pub item: Item,
    pub place: Place,
    pub text: String,
    /// The field has not had the keyboard yet: it takes it with its text selected.
    pub fresh: bool,
}

impl Renaming {
    fn new(item: Item, place: Place, text: String) -> Self {
        Self {
            item,
            place,
            text,
            fresh: true,
        }
    }
}

/// The name of a chain or stage the UI shows (and renames in place): the English one in
/// English when there is one.
pub fn shown_name<'a>(name: &'a str, name_en: &'a str, lang: Lang) -> &'a str {
    match lang {
        Lang::En if !name_en.is_empty() => name_en,
        _ => name,
    }
}

/// Structure gestures of one frame: they read the project and queue edits.
pub struct Gestures<'a> {
    pub project: &'a Project,
    pub lang: Lang,
    pub state: &'a mut UiState,
    pub queue: &'a mut Queue,
}

impl Gestures<'_> {
    fn edit(&mut self, edit: StructureEdit) {
        self.queue.edits.push(Edit::Structure(edit));
        // Until a firm is placed the lanes are all there is to see: keep them framed as they
        // come and go (fit shows the lanes when no node is placed).
        if crate::ui::canvas::bounds(self.project).is_none() {
            self.state.fit_requested = true;
        }
    }

    /// A new chain after the others, renamed at once in the outline.
    pub fn add_chain(&mut self) {
        let chain = self.new_chain(None);
        let id = chain.id.clone();
        let name = chain.name.clone();
        self.edit(StructureEdit::AddChain(chain));
        self.rename_new(Item::Chain(id), Place::Outline, name);
    }

    /// The first stage of an empty project: into the first chain, or a new chain named after
    /// the project; renamed at once on its lane.
    pub fn add_first_stage(&mut self) {
        match self.project.chains_in_order().first() {
            Some(chain) => {
                let id = chain.id.clone();
                self.add_stage(&id, usize::MAX, Place::Lane);
            }
            None => {
                let mut chain = self.new_chain(Some(self.project));
                let stage = self.new_stage(&chain, None);
                let (id, name) = (stage.id.clone(), stage.name.clone());
                chain.stages.push(stage);
                self.edit(StructureEdit::AddChain(chain));
                self.state.selection.only_stage(id.clone());
                self.rename_new(Item::Stage(id), Place::Lane, name);
            }
        }
    }

    /// A new stage at `at` in `chain` (its segment that of its neighbour), selected and
    /// renamed at once in `place`.
    pub fn add_stage(&mut self, chain: &ChainId, at: usize, place: Place) {
        let Some(chain) = self.project.chains.get(chain) else {
            return;
        };
        let at = at.min(chain.stages.len());
        // The stage it goes after, or before when it goes first.
        let neighbour = at
            .checked_sub(1)
            .or(Some(0))
            .and_then(|i| chain.stages.get(i));
        let stage = self.new_stage(chain, neighbour.map(|s| s.segment));
        let (id, name) = (stage.id.clone(), stage.name.clone());
        self.edit(StructureEdit::AddStage {
            chain: chain.id.clone(),
            at,
            stage,
        });
        self.state.selection.only_stage(id.clone());
        self.rename_new(Item::Stage(id), place, name);
    }

    /// A new product at the end of the stage's list, renamed at once in `place`.
    pub fn add_product(&mut self, stage: &StageId, place: Place) {
        let Some((_, s)) = self.project.stage(stage) else {
            return;
        };
        let base = self.lang.pick("产品", "Product");
        let name = numbered(base, |n| s.products.iter().any(|p| p.name == n));
        self.edit(StructureEdit::AddProduct {
            stage: stage.clone(),
            at: usize::MAX,
            product: Product {
                name: name.clone(),
                required: false,
            },
        });
        if place == Place::Inspector {
            self.state.selection.only_stage(stage.clone());
            self.state.settings.show_inspector = true;
        }
        self.rename_new(Item::Product(stage.clone(), name.clone()), place, name);
    }

    /// Starts renaming an existing item in place, with its shown name selected.
    pub fn rename(&mut self, item: Item, place: Place) {
        let p = self.project;
        let text = match &item {
            Item::Chain(id) => p
                .chains
                .get(id)
                .map(|c| shown_name(&c.name, &c.name_en, self.lang)),
            Item::Stage(id) => p
                .stage(id)
                .map(|(_, s)| shown_name(&s.name, &s.name_en, self.lang)),
            Item::Product(_, name) => Some(name.as_str()),
        };
        if let Some(text) = text {
            let text = text.to_owned();
            self.rename_new(item, place, text);
        }
    }

    fn rename_new(&mut self, item: Item, place: Place, text: String) {
        if place == Place::Outline {
            self.state.settings.show_outline = true;
            self.state.left_tab = crate::ui::state::LeftTab::Outline;
            self.state.search.clear();
        }
        if let (Place::Lane, Item::Stage(id)) = (place, &item) {
            self.state.structure.reveal = Some(id.clone());
        }
        self.state.structure.renaming = Some(Renaming::new(item, place, text));
    }

    /// Renames `item` to `text` (typed in a field of its own, like the inspector's).
    pub fn rename_to(&mut self, item: Item, text: String) {
        self.commit_rename(Renaming::new(item, Place::Inspector, text));
    }

    /// Applies a name typed in place: the shown name changes (the English one in English when
    /// the item has one, else the Chinese one).
    pub fn commit_rename(&mut self, renaming: Renaming) {
        let p = self.project;
        let text = renaming.text.trim().to_owned();
        let lang = self.lang;
        let edit = match renaming.item {
            Item::Chain(chain) => p.chains.get(&chain).and_then(|c| {
                let (name, name_en) = renamed(&c.name, &c.name_en, text, lang)?;
                Some(StructureEdit::RenameChain {
                    chain,
                    name,
                    name_en,
                })
            }),
            Item::Stage(stage) => p.stage(&stage).and_then(|(_, s)| {
                let (name, name_en) = renamed(&s.name, &s.name_en, text, lang)?;
                Some(StructureEdit::RenameStage {
                    stage,
                    name,
                    name_en,
                })
            }),
            Item::Product(stage, product) => {
                (product != text).then_some(StructureEdit::RenameProduct {
                    stage,
                    product,
                    name: text,
                })
            }
        };
        if let Some(edit) = edit {
            self.edit(edit);
        }
    }

    /// Moves a chain up (`by` −1) or down (+1) among the chains.
    pub fn move_chain(&mut self, chain: &ChainId, by: isize) {
        let order = self.project.chains_in_order();
        if let Some(to) = shifted(order.iter().position(|c| &c.id == chain), by, order.len()) {
            self.edit(StructureEdit::MoveChain {
                chain: chain.clone(),
                to,
            });
        }
    }

    /// Moves a stage up/left (`by` −1) or down/right (+1) in its chain.
    pub fn move_stage(&mut self, stage: &StageId, by: isize) {
        let Some((chain, _)) = self.project.stage(stage) else {
            return;
        };
        let at = chain.stages.iter().position(|s| &s.id == stage);
        if let Some(to) = shifted(at, by, chain.stages.len()) {
            self.edit(StructureEdit::MoveStage {
                stage: stage.clone(),
                to,
            });
        }
    }

    /// Moves a product up (−1) or down (+1) in its stage's list.
    pub fn move_product(&mut self, stage: &StageId, product: &str, by: isize) {
        let Some((_, s)) = self.project.stage(stage) else {
            return;
        };
        let at = s.products.iter().position(|p| p.name == product);
        if let Some(to) = shifted(at, by, s.products.len()) {
            self.edit(StructureEdit::MoveProduct {
                stage: stage.clone(),
                product: product.to_owned(),
                to,
            });
        }
    }

    pub fn set_segment(&mut self, stage: &StageId, segment: Segment) {
        self.edit(StructureEdit::SetSegment {
            stage: stage.clone(),
            segment,
        });
    }

    pub fn set_required(&mut self, stage: &StageId, product: &str, required: bool) {
        self.edit(StructureEdit::SetRequired {
            stage: stage.clone(),
            product: product.to_owned(),
            required,
        });
    }

    pub fn remove_product(&mut self, stage: &StageId, product: &str) {
        self.edit(StructureEdit::RemoveProduct {
            stage: stage.clone(),
            product: product.to_owned(),
        });
    }

    /// Removes a stage at once when no firm works in it; else asks what becomes of its firms.
    pub fn remove_stage(&mut self, stage: &StageId) {
        let firms = firms_in(self.project, |s| s == stage);
        if firms.is_empty() {
            self.edit(StructureEdit::RemoveStage {
                stage: stage.clone(),
                firms: StageFirms::Keep,
            });
        } else {
            self.state.structure.question = Some(Question::new(
                self.project,
                Item::Stage(stage.clone()),
                firms,
            ));
        }
    }

    /// Removes a chain at once when no firm works in its stages; else asks.
    pub fn remove_chain(&mut self, chain: &ChainId) {
        let Some(c) = self.project.chains.get(chain) else {
            return;
        };
        let firms = firms_in(self.project, |s| c.stage(s).is_some());
        if firms.is_empty() {
            self.edit(StructureEdit::RemoveChain {
                chain: chain.clone(),
                firms: StageFirms::Keep,
            });
        } else {
            self.state.structure.question = Some(Question::new(
                self.project,
                Item::Chain(chain.clone()),
                firms,
            ));
        }
    }

    /// A chain with a fresh id and a free default name; for a new project's first chain, the
    /// project's name (or county) when it has one.
    fn new_chain(&self, named_after: Option<&Project>) -> Chain {
        let p = self.project;
        let id = fresh_chain_id(p);
        let meta = named_after.map(|p| &p.meta);
        let name = match meta {
            Some(m) if !m.name.trim().is_empty() => m.name.trim().to_owned(),
            Some(m) if !m.county.trim().is_empty() => {
                format!("{}{}", m.county.trim(), self.lang.pick("产业链", " chain"))
            }
            _ => numbered(self.lang.pick("产业链", "Chain"), |n| {
                p.chains.values().any(|c| c.name == n)
            }),
        };
        Chain {
            id,
            name,
            ..Chain::default()
        }
    }

    /// A stage for `chain` with a fresh id (its segment's letter and a number, like U1 or M2)
    /// and a default name free in the chain.
    fn new_stage(&self, chain: &Chain, segment: Option<Segment>) -> Stage {
        let segment = segment.unwrap_or_default();
        let base = self.lang.pick("环节", "Stage");
        let name = numbered(base, |n| chain.stages.iter().any(|s| s.name == n));
        Stage {
            id: fresh_stage_id(self.project, segment),
            name,
            segment,
            ..Stage::default()
        }
    }
}

/// The chain and English names after typing `text` where the shown name was: `None` when
/// nothing changes.
fn renamed(name: &str, name_en: &str, text: String, lang: Lang) -> Option<(String, String)> {
    if text == shown_name(name, name_en, lang) {
        return None;
    }
    Some(match lang {
        Lang::En if !name_en.is_empty() => (name.to_owned(), text),
        _ => (text, name_en.to_owned()),
    })
}

/// `base` and the first number from 1 that gives a name `taken` refuses ("环节 3").
fn numbered(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|i| format!("{base} {i}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_owned())
}

/// The place `at` moves to by `by`, if it stays inside a list of `len`.
fn shifted(at: Option<usize>, by: isize, len: usize) -> Option<usize> {
    let to = at?.checked_add_signed(by)?;
    (to < len).then_some(to)
}

/// The firms (nodes) working in a stage `of` picks, in id order.
pub(super) fn firms_in(project: &Project, of: impl Fn(&StageId) -> bool) -> Vec<NodeId> {
    project
        .nodes
        .values()
        .filter(|n| n.stages.iter().any(&of))
        .map(|n| n.id.clone())
        .collect()
}
