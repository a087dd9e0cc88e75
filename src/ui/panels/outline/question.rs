//! The question a removal asks when firms work in the stage (or the chain's stages) being
//! removed: move them to another stage, keep them without it, or cancel. The answer is part of
//! the removal's one edit, so one undo brings back the stage and its firms together.

use super::structure::{Item, firms_in, shown_name};
use crate::edit::{Edit, StageFirms, StructureEdit};
use crate::i18n::Lang;
use crate::model::{NodeId, Project, StageId};
use crate::ui::state::{Queue, UiState};

/// A removal waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The chain or stage to remove.
    item: Item,
    /// The firms working in it.
    firms: Vec<NodeId>,
    /// Move the firms (to `target`) rather than keep them without the stage.
    moving: bool,
    target: Option<StageId>,
}

impl Question {
    /// Asks about removing `item`, with `firms` working in it. The firms move by default to
    /// the stage next to the removed one (a chain's: the first stage of another chain).
    pub fn new(project: &Project, item: Item, firms: Vec<NodeId>) -> Self {
        let mut question = Self {
            item,
            firms,
            moving: false,
            target: None,
        };
        let targets = question.targets(project);
        let next_to = match &question.item {
            Item::Stage(id) => project.stage(id).and_then(|(chain, _)| {
                let at = chain.stages.iter().position(|s| &s.id == id)?;
                let before = at.checked_sub(1).and_then(|i| chain.stages.get(i));
                before.or(chain.stages.get(at + 1)).map(|s| s.id.clone())
            }),
            _ => None,
        };
        question.target = next_to.or_else(|| targets.first().cloned());
        question.moving = question.target.is_some();
        question
    }

    /// The stages the firms can move to: every stage that is not being removed.
    fn targets(&self, project: &Project) -> Vec<StageId> {
        project
            .stages()
            .filter(|(chain, stage)| match &self.item {
                Item::Stage(id) => &stage.id != id,
                Item::Chain(id) => &chain.id != id,
                Item::Product(..) => false,
            })
            .map(|(_, s)| s.id.clone())
            .collect()
    }
}

/// Draws the question while one waits; queues the removal when answered.
pub fn question_ui(
    ctx: &egui::Context,
    project: &Project,
    lang: Lang,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let Some(question) = state.structure.question.as_mut() else {
        return;
    };
    let name = match &question.item {
        Item::Stage(id) => project
            .stage(id)
            .map(|(_, s)| shown_name(&s.name, &s.name_en, lang)),
        Item::Chain(id) => project
            .chains
            .get(id)
            .map(|c| shown_name(&c.name, &c.name_en, lang)),
        Item::Product(..) => None,
    };
    // The item went away or changed meanwhile (an undo, another project opened): what was
    // asked no longer holds.
    let firms_now = match &question.item {
        Item::Stage(id) => firms_in(project, |s| s == id),
        Item::Chain(id) => firms_in(project, |s| {
            project.stage(s).is_some_and(|(c, _)| &c.id == id)
        }),
        Item::Product(..) => Vec::new(),
    };
    let Some(name) = name.filter(|_| firms_now == question.firms) else {
        state.structure.question = None;
        return;
    };
    let targets = question.targets(project);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("structure-question")).show(ctx, |ui| {
        ui.set_width(420.0);
        let chain = matches!(question.item, Item::Chain(_));
        let (title, what) = match (chain, lang) {
            (true, Lang::Zh) => (format!("删除产业链“{name}”"), "这条产业链的环节"),
            (true, Lang::En) => (format!("Delete chain \"{name}\""), "its stages"),
            (false, Lang::Zh) => (format!("删除环节“{name}”"), "这个环节"),
            (false, Lang::En) => (format!("Delete stage \"{name}\""), "this stage"),
        };
        let keep = if chain {
            lang.pick(
                "保留企业,只去掉这条产业链的环节",
                "Keep them, without the chain's stages",
            )
        } else {
            lang.pick("保留企业,只去掉这个环节", "Keep them, without this stage")
        };
        ui.heading(title);
        ui.add_space(4.0);
        ui.label(firms_sentence(project, &question.firms, what, lang));
        ui.add_space(8.0);
        ui.add_enabled_ui(!targets.is_empty(), |ui| {
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut question.moving,
                    true,
                    lang.pick("移到环节", "Move them to"),
                );
                target_combo(ui, project, &targets, &mut question.target, lang);
            });
        });
        ui.radio_value(&mut question.moving, false, keep);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let ready = !question.moving || question.target.is_some();
            let delete = egui::Button::new(
                egui::RichText::new(lang.pick("删除", "Delete")).color(egui::Color32::WHITE),
            )
            .fill(crate::ui::theme::ERROR);
            if ui.add_enabled(ready, delete).clicked() {
                answer = Some(true);
            }
            if ui.button(lang.pick("取消", "Cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    let Some(delete) = answer else {
        return;
    };
    let Some(question) = state.structure.question.take() else {
        return;
    };
    if !delete {
        return;
    }
    let firms = match (question.moving, question.target) {
        (true, Some(target)) => StageFirms::MoveTo(target),
        _ => StageFirms::Keep,
    };
    let edit = match question.item {
        Item::Stage(stage) => StructureEdit::RemoveStage { stage, firms },
        Item::Chain(chain) => StructureEdit::RemoveChain { chain, firms },
        Item::Product(..) => return,
    };
    queue.edits.push(Edit::Structure(edit));
}

/// "这个环节里有 3 家企业:甲、乙、丙。" — the first few firms by name.
fn firms_sentence(project: &Project, firms: &[NodeId], what: &str, lang: Lang) -> String {
    const SHOWN: usize = 4;
    let names: Vec<String> = firms
        .iter()
        .take(SHOWN)
        .map(|id| project.node_name(id))
        .collect();
    let more = firms.len() > SHOWN;
    match lang {
        Lang::Zh => format!(
            "{what}里有 {} 家企业:{}{}。删除后它们怎么办?",
            firms.len(),
            names.join("、"),
            if more { "等" } else { "" }
        ),
        Lang::En => format!(
            "{} {} in {what}: {}{}. What becomes of {}?",
            firms.len(),
            if firms.len() == 1 {
                "firm works"
            } else {
                "firms work"
            },
            names.join(", "),
            if more { " …" } else { "" },
            if firms.len() == 1 { "it" } else { "them" }
        ),
    }
}

/// The stage the firms move to, among `targets` (chain name first when there are several
/// chains).
fn target_combo(
    ui: &mut egui::Ui,
    project: &Project,
    targets: &[StageId],
    target: &mut Option<StageId>,
    lang: Lang,
) {
    let several_chains = project.chains.len() > 1;
    let label = |id: &StageId| {
        project.stage(id).map_or_else(
            || id.to_string(),
            |(chain, stage)| {
                let name = shown_name(&stage.name, &stage.name_en, lang);
                if several_chains {
                    let chain = shown_name(&chain.name, &chain.name_en, lang);
                    format!("{chain} · {} {name}", stage.id)
                } else {
                    format!("{} {name}", stage.id)
                }
            },
        )
    };
    let shown = target.as_ref().map_or_else(|| "—".to_owned(), &label);
    egui::ComboBox::from_id_salt("structure-question-target")
        .selected_text(shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            for id in targets {
                ui.selectable_value(target, Some(id.clone()), label(id));
            }
        });
}
