//! The context menus of chain, stage and product rows (the stage menu also on lane headers):
//! every structure gesture the item offers, each closing the menu.

use super::structure::{Gestures, Item, Place};
use crate::model::{ChainId, Segment, StageId};

/// A chain's menu: rename, add a stage, move, delete.
pub fn chain_menu(ui: &mut egui::Ui, g: &mut Gestures<'_>, chain: &ChainId) {
    let lang = g.lang;
    let order = g.project.chains_in_order();
    let at = order.iter().position(|c| &c.id == chain);
    let last = order.len().saturating_sub(1);
    if ui.button(lang.pick("重命名", "Rename")).clicked() {
        g.rename(Item::Chain(chain.clone()), Place::Outline);
    }
    if ui.button(lang.pick("添加环节", "Add stage")).clicked() {
        g.add_stage(chain, usize::MAX, Place::Outline);
    }
    ui.separator();
    if ui
        .add_enabled(
            at.is_some_and(|i| i > 0),
            egui::Button::new(lang.pick("上移", "Move up")),
        )
        .clicked()
    {
        g.move_chain(chain, -1);
    }
    if ui
        .add_enabled(
            at.is_some_and(|i| i < last),
            egui::Button::new(lang.pick("下移", "Move down")),
        )
        .clicked()
    {
        g.move_chain(chain, 1);
    }
    ui.separator();
    if ui
        .button(lang.pick("删除产业链…", "Delete chain…"))
        .clicked()
    {
        g.remove_chain(chain);
    }
}

/// A stage's menu (outline row or lane header): rename, add a stage before or after it, add a
/// product, move, segment, delete. `place` is where a rename or a new stage's name is typed.
pub fn stage_menu(ui: &mut egui::Ui, g: &mut Gestures<'_>, stage: &StageId, place: Place) {
    let lang = g.lang;
    let Some((chain, s)) = g.project.stage(stage) else {
        return;
    };
    let (chain_id, segment) = (chain.id.clone(), s.segment);
    let at = chain
        .stages
        .iter()
        .position(|x| &x.id == stage)
        .unwrap_or(0);
    let last = chain.stages.len().saturating_sub(1);
    // On the canvas stages run left to right; in the outline, top to bottom.
    let (before, after, earlier, later) = match place {
        Place::Lane => (
            lang.pick("在左侧添加环节", "Add stage before"),
            lang.pick("在右侧添加环节", "Add stage after"),
            lang.pick("左移", "Move left"),
            lang.pick("右移", "Move right"),
        ),
        _ => (
            lang.pick("在前面添加环节", "Add stage before"),
            lang.pick("在后面添加环节", "Add stage after"),
            lang.pick("上移", "Move up"),
            lang.pick("下移", "Move down"),
        ),
    };
    if ui.button(lang.pick("重命名", "Rename")).clicked() {
        g.rename(Item::Stage(stage.clone()), place);
    }
    if ui.button(before).clicked() {
        g.add_stage(&chain_id, at, place);
    }
    if ui.button(after).clicked() {
        g.add_stage(&chain_id, at + 1, place);
    }
    let product_place = match place {
        Place::Lane => Place::Inspector,
        other => other,
    };
    if ui.button(lang.pick("添加产品", "Add product")).clicked() {
        g.add_product(stage, product_place);
    }
    ui.separator();
    if ui.add_enabled(at > 0, egui::Button::new(earlier)).clicked() {
        g.move_stage(stage, -1);
    }
    if ui
        .add_enabled(at < last, egui::Button::new(later))
        .clicked()
    {
        g.move_stage(stage, 1);
    }
    ui.menu_button(lang.pick("环节类别", "Segment"), |ui| {
        for option in Segment::ALL {
            if ui.radio(segment == option, option.label(lang)).clicked() && option != segment {
                g.set_segment(stage, option);
                ui.close();
            }
        }
    });
    ui.separator();
    if ui.button(lang.pick("删除环节…", "Delete stage…")).clicked() {
        g.remove_stage(stage);
    }
}

/// A product's menu: rename, required, move, delete.
pub fn product_menu(ui: &mut egui::Ui, g: &mut Gestures<'_>, stage: &StageId, product: &str) {
    let lang = g.lang;
    let Some((_, s)) = g.project.stage(stage) else {
        return;
    };
    let Some(at) = s.products.iter().position(|p| p.name == product) else {
        return;
    };
    let required = s.products[at].required;
    let last = s.products.len().saturating_sub(1);
    if ui.button(lang.pick("重命名", "Rename")).clicked() {
        g.rename(
            Item::Product(stage.clone(), product.to_owned()),
            Place::Outline,
        );
    }
    let mut ticked = required;
    if ui
        .checkbox(
            &mut ticked,
            lang.pick("必需(缺了就是缺口)", "Required (a gap if missing)"),
        )
        .clicked()
    {
        g.set_required(stage, product, ticked);
        ui.close();
    }
    ui.separator();
    if ui
        .add_enabled(at > 0, egui::Button::new(lang.pick("上移", "Move up")))
        .clicked()
    {
        g.move_product(stage, product, -1);
    }
    if ui
        .add_enabled(at < last, egui::Button::new(lang.pick("下移", "Move down")))
        .clicked()
    {
        g.move_product(stage, product, 1);
    }
    ui.separator();
    if ui.button(lang.pick("删除产品", "Delete product")).clicked() {
        g.remove_product(stage, product);
    }
}
