//! Compare with Reference Chain…: which of the project's stages and products are the reference
//! chain's. The rows start from the matching saved for the chain, or else from the automatic
//! suggestion (names, aliases, synonyms); the user corrects them; OK saves the whole matching as
//! one edit (one undo step). "Stop comparing" forgets the saved one; Esc or Cancel changes
//! nothing. `matching_ui` draws it.

use crate::document::Document;
use crate::edit::Edit;
use crate::model::{ChainId, Project, ReferenceMatch, StageId, chains_in_order};
use crate::reference::{self, Template};
use std::collections::BTreeMap;

/// The dialog's state while it is open.
#[derive(Debug, Default)]
pub struct CompareDialog {
    pub open: bool,
    /// The project's chain compared.
    pub(super) chain: ChainId,
    /// The reference chain's template id.
    pub(super) template: String,
    /// Each reference stage (by its id in the template): the project stage matched, if any.
    pub(super) stages: BTreeMap<StageId, Option<StageId>>,
    /// Each reference product (by its name in the template): the project's name, if any.
    pub(super) products: BTreeMap<String, Option<String>>,
    /// Where the rows came from, said above them.
    pub(super) origin: Origin,
}

/// Where the rows shown came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Origin {
    /// The matching saved in the project.
    #[default]
    Saved,
    /// The matching saved against an older revision of the template, completed by suggestion.
    Stale { saved: u32, now: u32 },
    /// Suggested from names, aliases and synonyms (nothing saved for this chain and template).
    Suggested,
}

/// What the dialog asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareRequest {
    None,
    /// Apply this edit (one undo step) and close.
    Apply(Box<Edit>),
}

impl CompareDialog {
    /// Opens the dialog on the first chain with a saved matching (else the first chain), and
    /// its template (else the one that matches the chain best).
    pub fn show(&mut self, doc: &Document) {
        let project = &doc.project;
        let chains = chains_in_order(&project.chains);
        let chain = chains
            .iter()
            .find(|c| project.references.contains_key(&c.id))
            .or_else(|| chains.first())
            .map(|c| c.id.clone())
            .unwrap_or_default();
        *self = CompareDialog {
            open: true,
            ..CompareDialog::default()
        };
        self.choose_chain(project, chain);
    }

    /// The template compared with, if built in.
    pub(super) fn template(&self) -> Option<&'static Template> {
        reference::builtin().find(&self.template)
    }

    /// Compares `chain` now: with its saved template, else the best-matching one.
    pub(super) fn choose_chain(&mut self, project: &Project, chain: ChainId) {
        let template = project
            .references
            .get(&chain)
            .map(|m| m.template.clone())
            .filter(|id| reference::builtin().find(id).is_some())
            .or_else(|| best_template(project, &chain))
            .unwrap_or_default();
        self.chain = chain;
        self.choose_template(project, template);
    }

    /// Compares with `template` now: the saved rows when they are for it, else suggested ones.
    pub(super) fn choose_template(&mut self, project: &Project, template: String) {
        self.template = template;
        let Some(template) = self.template() else {
            self.stages.clear();
            self.products.clear();
            return;
        };
        let suggested = suggest(template, project, &self.chain);
        let saved = project
            .references
            .get(&self.chain)
            .filter(|m| m.template == template.id());
        let Some(saved) = saved else {
            self.set_rows(suggested);
            self.origin = Origin::Suggested;
            return;
        };
        // What the saved matching decided stands, unless the project has since lost the stage
        // or product it named; stages and products the template gained since are suggested.
        let chain = project.chains.get(&self.chain);
        let has_stage = |id: &StageId| chain.is_some_and(|c| c.stage(id).is_some());
        let has_product = |name: &str| {
            chain.is_some_and(|c| {
                c.stages
                    .iter()
                    .any(|s| s.products.iter().any(|p| p.name == name))
            })
        };
        let mut rows = suggested;
        for (stage, matched) in &mut rows.stages {
            if let Some(decided) = saved.stages.get(stage) {
                *matched = decided.clone().filter(|id| has_stage(id));
            }
        }
        for (product, matched) in &mut rows.products {
            if let Some(decided) = saved.products.get(product) {
                *matched = decided.clone().filter(|name| has_product(name));
            }
        }
        self.set_rows(rows);
        self.origin = if saved.revision == template.revision {
            Origin::Saved
        } else {
            Origin::Stale {
                saved: saved.revision,
                now: template.revision,
            }
        };
    }

    /// Replaces the rows with the automatic suggestion (the user's corrections go).
    pub(super) fn suggest_again(&mut self, project: &Project) {
        if let Some(template) = self.template() {
            self.set_rows(suggest(template, project, &self.chain));
            self.origin = Origin::Suggested;
        }
    }

    fn set_rows(&mut self, matching: ReferenceMatch) {
        self.stages = matching.stages;
        self.products = matching.products;
    }

    /// The matching the rows make, every reference stage and product listed.
    pub(super) fn matching(&self) -> Option<ReferenceMatch> {
        let template = self.template()?;
        let stages = template
            .chain
            .stages
            .iter()
            .map(|s| (s.id.clone(), self.stages.get(&s.id).cloned().flatten()))
            .collect();
        let products = template
            .chain
            .stages
            .iter()
            .flat_map(|s| &s.products)
            .map(|p| {
                (
                    p.name.clone(),
                    self.products.get(&p.name).cloned().flatten(),
                )
            })
            .collect();
        Some(ReferenceMatch {
            chain: self.chain.clone(),
            template: template.id().to_owned(),
            revision: template.revision,
            stages,
            products,
        })
    }

    /// OK: the edit saving the rows, or nothing when they are what is saved already.
    pub(super) fn confirm(&mut self, project: &Project) -> CompareRequest {
        self.open = false;
        let Some(matching) = self.matching() else {
            return CompareRequest::None;
        };
        if project.references.get(&self.chain) == Some(&matching) {
            return CompareRequest::None;
        }
        CompareRequest::Apply(Box::new(Edit::SetReference {
            chain: self.chain.clone(),
            matching: Some(matching),
        }))
    }

    /// Stop comparing: the edit forgetting the chain's saved matching.
    pub(super) fn stop(&mut self) -> CompareRequest {
        self.open = false;
        CompareRequest::Apply(Box::new(Edit::SetReference {
            chain: self.chain.clone(),
            matching: None,
        }))
    }
}

/// The automatic matching of `chain` to `template`.
fn suggest(template: &Template, project: &Project, chain: &ChainId) -> ReferenceMatch {
    reference::matching::suggest(template, project, chain)
}

/// The template whose stages and products the chain matches most (its own id first: a chain
/// made from a template keeps the template's id); none when nothing matches at all.
fn best_template(project: &Project, chain: &ChainId) -> Option<String> {
    let catalogue = reference::builtin();
    if catalogue.find(chain.as_str()).is_some() {
        return Some(chain.as_str().to_owned());
    }
    let mut best: Option<(usize, &Template)> = None;
    for template in &catalogue.templates {
        let matching = suggest(template, project, chain);
        let score = matching.stages.values().flatten().count()
            + matching.products.values().flatten().count();
        if score > 0 && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, template));
        }
    }
    best.or_else(|| catalogue.templates.first().map(|t| (0, t)))
        .map(|(_, t)| t.id().to_owned())
}

/// Counts of what the rows match: (stages matched, stages, products matched, products).
pub(super) fn coverage(dialog: &CompareDialog) -> (usize, usize, usize, usize) {
    (
        dialog.stages.values().flatten().count(),
        dialog.stages.len(),
        dialog.products.values().flatten().count(),
        dialog.products.len(),
    )
}

#[cfg(test)]
mod tests;
