//! The outline's rows: chains, their stages with products and firms, then the groups of nodes
//! outside the chains. Chain, stage and product rows carry a context menu and turn into a text
//! field while renamed; ＋ buttons add a chain, a stage to a chain, a product to a stage.

use super::menus::{chain_menu, product_menu, stage_menu};
use super::rename::{RenameEnd, rename_field};
use super::structure::{Gestures, Item, Place, shown_name};
use crate::model::{Chain, Node, NodeId, NodeKind, Product, Stage, StageId};
use crate::ui::state::{Selection, UiAction};
use crate::ui::theme;
use egui::collapsing_header::CollapsingState;
use egui::{RichText, Sense};
use std::collections::BTreeSet;

/// What the outline's rows are drawn from, and the node clicked.
pub(super) struct Rows<'a> {
    pub g: Gestures<'a>,
    /// The nodes the search finds, while searching.
    pub hits: Option<BTreeSet<NodeId>>,
    pub clicked: Option<NodeId>,
}

impl<'a> Rows<'a> {
    fn searching(&self) -> bool {
        self.hits.is_some()
    }

    /// The whole tree: the chains (with a ＋ to add one), then parks, regions and loose firms.
    pub fn tree_ui(&mut self, ui: &mut egui::Ui) {
        let lang = self.g.lang;
        let project = self.g.project;
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        if !self.searching() {
            ui.horizontal(|ui| {
                ui.label(RichText::new(lang.pick("产业链", "Chains")).weak());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let add = ui
                        .small_button(lang.pick("＋ 产业链", "＋ Chain"))
                        .on_hover_text(lang.pick("添加一条产业链", "Add a chain"));
                    if add.clicked() {
                        self.g.add_chain();
                    }
                });
            });
            if project.chains.is_empty() {
                let hint = egui::Label::new(
                    RichText::new(lang.pick(
                        "还没有产业链:点“＋ 产业链”开始,或从“文件 → 导入表格”导入环节表。",
                        "No chains yet: click “＋ Chain” to start, or import a stage table (File → Import).",
                    ))
                    .weak(),
                )
                .wrap();
                ui.add(hint);
            }
        }
        for chain in project.chains_in_order() {
            self.chain_ui(ui, chain);
        }
        for (title, kind) in [
            (lang.pick("园区", "Parks"), NodeKind::Park),
            (lang.pick("行政区", "Regions"), NodeKind::Region),
        ] {
            let members = self.members(|n| n.kind == kind);
            self.group_ui(ui, title, ("group", kind.code()), members);
        }
        let loose = self.members(|n| {
            n.kind.is_enterprise_like()
                && n.stages.first().is_none_or(|s| project.stage(s).is_none())
        });
        self.group_ui(ui, lang.pick("未归环节", "No stage"), "loose", loose);
    }

    /// The nodes `keep` keeps that the search finds, in id order.
    fn members(&self, keep: impl Fn(&Node) -> bool) -> Vec<&'a Node> {
        let project = self.g.project;
        project
            .nodes
            .values()
            .filter(|n| keep(n) && self.hits.as_ref().is_none_or(|h| h.contains(&n.id)))
            .collect()
    }

    /// The rename field of `item` if it is being renamed in the outline; true when drawn.
    fn rename_ui(&mut self, ui: &mut egui::Ui, item: &Item) -> bool {
        let structure = &mut self.g.state.structure;
        let Some(mut renaming) = structure
            .renaming
            .take_if(|r| r.place == Place::Outline && &r.item == item)
        else {
            return false;
        };
        let width = (ui.available_width() - 8.0).max(60.0);
        let label = self.g.lang.pick("名称", "Name");
        match rename_field(ui, &mut renaming, width, label) {
            None => self.g.state.structure.renaming = Some(renaming),
            Some(RenameEnd::Commit(done)) => self.g.commit_rename(done),
            Some(RenameEnd::Cancel) => {}
        }
        true
    }

    /// Whether something inside the chain or stage (`in_stage`) is being renamed in the
    /// outline: its row opens so the field shows.
    fn renaming_inside(&self, in_stage: impl Fn(&StageId) -> bool) -> bool {
        self.g.state.structure.renaming.as_ref().is_some_and(|r| {
            r.place == Place::Outline
                && match &r.item {
                    Item::Stage(s) | Item::Product(s, _) => in_stage(s),
                    Item::Chain(_) => false,
                }
        })
    }

    /// A chain, with each stage under it (a stage without hits left out while searching) and a
    /// ＋ to add a stage.
    fn chain_ui(&mut self, ui: &mut egui::Ui, chain: &Chain) {
        let lang = self.g.lang;
        let id = ui.make_persistent_id(("chain", chain.id.as_str()));
        let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, true);
        if self.searching() || self.renaming_inside(|s| chain.stage(s).is_some()) {
            state.set_open(true);
        }
        let mut toggle = false;
        let mut header = state.show_header(ui, |ui| {
            if self.rename_ui(ui, &Item::Chain(chain.id.clone())) {
                return;
            }
            let name = shown_name(&chain.name, &chain.name_en, lang);
            let resp = ui
                .add(egui::Label::new(RichText::new(name).strong()).sense(Sense::click()))
                .on_hover_text(format!("{} · {}", chain.id, chain.name));
            toggle = resp.clicked();
            if resp.double_clicked() {
                self.g.rename(Item::Chain(chain.id.clone()), Place::Outline);
            }
            resp.context_menu(|ui| chain_menu(ui, &mut self.g, &chain.id));
        });
        if toggle {
            header.toggle();
        }
        header.body(|ui| {
            for stage in &chain.stages {
                let members = self.members(|n| n.stages.first() == Some(&stage.id));
                if self.searching() && members.is_empty() {
                    continue;
                }
                self.stage_ui(ui, stage, members);
            }
            if !self.searching() {
                let add = ui
                    .small_button(lang.pick("＋ 环节", "＋ Stage"))
                    .on_hover_text(lang.pick(
                        "在这条产业链末尾添加环节",
                        "Add a stage at the end of this chain",
                    ));
                if add.clicked() {
                    self.g.add_stage(&chain.id, usize::MAX, Place::Outline);
                }
            }
        });
    }

    /// A stage: its products (with a ＋) and the firms whose main stage it is.
    fn stage_ui(&mut self, ui: &mut egui::Ui, stage: &Stage, members: Vec<&Node>) {
        let lang = self.g.lang;
        let id = ui.make_persistent_id(("stage", stage.id.as_str()));
        let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, false);
        if self.searching()
            || self.renaming_inside(|s| s == &stage.id) && !self.renaming_stage(&stage.id)
        {
            state.set_open(true);
        }
        let selected = self.g.state.selection.stage.as_ref() == Some(&stage.id);
        let header = state.show_header(ui, |ui| {
            if self.rename_ui(ui, &Item::Stage(stage.id.clone())) {
                return;
            }
            let name = shown_name(&stage.name, &stage.name_en, lang);
            let title = RichText::new(format!(
                "{} {} ({})",
                stage.id,
                short(name, 12),
                members.len()
            ))
            .color(theme::segment_strong(stage.segment));
            let resp = ui.selectable_label(selected, title).on_hover_text(format!(
                "{} {} · {}",
                stage.id,
                stage.name,
                stage.segment.label(lang)
            ));
            if resp.clicked() {
                let mut only = Selection::default();
                only.only_stage(stage.id.clone());
                self.g.queue.actions.push(UiAction::Select(only));
            }
            if resp.double_clicked() {
                self.g.rename(Item::Stage(stage.id.clone()), Place::Outline);
            }
            resp.context_menu(|ui| stage_menu(ui, &mut self.g, &stage.id, Place::Outline));
        });
        header.body(|ui| {
            if !self.searching() {
                for product in &stage.products {
                    self.product_row(ui, &stage.id, product, stage.segment);
                }
                let add = ui
                    .small_button(lang.pick("＋ 产品", "＋ Product"))
                    .on_hover_text(lang.pick("给这个环节添加产品", "Add a product to this stage"));
                if add.clicked() {
                    self.g.add_product(&stage.id, Place::Outline);
                }
            }
            for node in members {
                self.node_row(ui, node);
            }
        });
    }

    fn renaming_stage(&self, stage: &StageId) -> bool {
        self.g
            .state
            .structure
            .renaming
            .as_ref()
            .is_some_and(|r| r.item == Item::Stage(stage.clone()))
    }

    /// A product: a diamond in the stage's colour, its name, and "必需" when required.
    fn product_row(
        &mut self,
        ui: &mut egui::Ui,
        stage: &StageId,
        product: &Product,
        segment: crate::model::Segment,
    ) {
        let lang = self.g.lang;
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
            let c = rect.center();
            let r = 4.0;
            ui.painter().add(egui::Shape::convex_polygon(
                vec![
                    c + egui::vec2(0.0, -r),
                    c + egui::vec2(r, 0.0),
                    c + egui::vec2(0.0, r),
                    c + egui::vec2(-r, 0.0),
                ],
                theme::segment_strong(segment),
                egui::Stroke::NONE,
            ));
            let item = Item::Product(stage.clone(), product.name.clone());
            if self.rename_ui(ui, &item) {
                return;
            }
            let resp = ui
                .add(egui::Label::new(&product.name).sense(Sense::click()))
                .on_hover_text(if product.required {
                    lang.pick(
                        "必需产品:本地没有供应商就是缺口",
                        "Required: a gap when no local firm supplies it",
                    )
                } else {
                    lang.pick("产品(非必需)", "Product (not required)")
                });
            if product.required {
                ui.label(
                    RichText::new(lang.pick("必需", "Required"))
                        .small()
                        .color(theme::WARNING),
                );
            }
            if resp.double_clicked() {
                self.g.rename(item, Place::Outline);
            }
            resp.context_menu(|ui| product_menu(ui, &mut self.g, stage, &product.name));
        });
    }

    /// A group of nodes outside the chains (parks, regions, firms with no stage); left out
    /// when empty.
    fn group_ui(
        &mut self,
        ui: &mut egui::Ui,
        title: &str,
        id: impl std::hash::Hash + std::fmt::Debug,
        members: Vec<&Node>,
    ) {
        if members.is_empty() {
            return;
        }
        egui::CollapsingHeader::new(RichText::new(format!("{title} ({})", members.len())).strong())
            .id_salt(id)
            .default_open(true)
            .open(self.searching().then_some(true))
            .show(ui, |ui| {
                for node in members {
                    self.node_row(ui, node);
                }
            });
    }

    fn node_row(&mut self, ui: &mut egui::Ui, node: &Node) {
        let selected = self.g.state.selection.nodes.contains(&node.id);
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, theme::node_fill(node.kind));
            let resp = ui
                .selectable_label(selected, &node.name)
                .on_hover_text(format!("{} · {}", node.id, node.kind.label(self.g.lang)));
            if resp.clicked() {
                self.clicked = Some(node.id.clone());
            }
        });
    }
}

/// A long name cut to `n` characters, so the outline stays narrow (the canvas has the full name).
fn short(name: &str, n: usize) -> String {
    if name.chars().count() <= n {
        name.to_owned()
    } else {
        name.chars().take(n).collect::<String>() + "…"
    }
}
