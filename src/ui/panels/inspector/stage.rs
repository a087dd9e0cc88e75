//! The fields of one stage (picked in the outline or on its lane header): its chain, names,
//! segment, activity and land use, its products (renamed, ticked required, reordered, removed, added), the firms that
//! work in it, and deleting it. Each change is one structure edit.

use super::{Choice, Form};
use crate::edit::{Edit, StructureEdit};
use crate::model::{Chain, LandUse, Segment, Stage, StageActivity};
use crate::ui::panels::outline::{Gestures, Item, Place, select_all, shown_name};
use crate::ui::state::{Queue, UiAction, UiState};
use crate::ui::theme;
use crate::ui::widgets::draft::DraftKey;
use egui::RichText;

/// Draws the stage's fields and queues what the user changed.
pub(super) fn stage_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    chain: &Chain,
    stage: &Stage,
    state: &mut UiState,
    queue: &mut Queue,
) {
    let lang = form.lang;
    ui.horizontal(|ui| {
        ui.label(RichText::new(lang.pick("环节", "Stage")).weak());
        let name = shown_name(&stage.name, &stage.name_en, lang);
        // A long name wraps inside the panel instead of widening it.
        ui.add(
            egui::Label::new(
                RichText::new(name)
                    .strong()
                    .color(theme::segment_strong(stage.segment)),
            )
            .wrap(),
        );
    });
    ui.add_space(4.0);
    names_grid(ui, form, chain, stage, queue);
    ui.separator();
    let mut g = Gestures {
        project: &form.doc.project,
        lang,
        state,
        queue,
    };
    products_ui(ui, form, stage, &mut g);
    ui.separator();
    firms_ui(ui, &mut g, stage);
    ui.separator();
    let delete = egui::Button::new(
        RichText::new(lang.pick("删除环节…", "Delete stage…")).color(theme::ERROR),
    );
    if ui.add(delete).clicked() {
        g.remove_stage(&stage.id);
    }
}

/// Chain, id, both names, the segment, the activity and the land use.
fn names_grid(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    chain: &Chain,
    stage: &Stage,
    queue: &mut Queue,
) {
    let lang = form.lang;
    let item = format!("stage:{}", stage.id);
    let rename = |name: String, name_en: String| {
        Edit::Structure(StructureEdit::RenameStage {
            stage: stage.id.clone(),
            name,
            name_en,
        })
    };
    egui::Grid::new("stage-fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("产业链", "Chain"));
            ui.label(shown_name(&chain.name, &chain.name_en, lang));
            ui.end_row();
            ui.label(lang.pick("编号", "Id"));
            ui.monospace(stage.id.as_str());
            ui.end_row();
            let key = DraftKey::new(&item, "name");
            let label = lang.pick("名称", "Name");
            if let Some(name) = form.text(ui, &key, label, &stage.name, 1, |t| {
                let t = t.trim();
                if t.is_empty() {
                    Err(lang.pick("名称不能为空", "A name cannot be empty"))
                } else {
                    Ok(t.to_owned())
                }
            }) {
                queue.edits.push(rename(name, stage.name_en.clone()));
            }
            let key = DraftKey::new(&item, "name_en");
            let label = lang.pick("英文名称", "English name");
            if let Some(name_en) = form.plain(ui, &key, label, &stage.name_en, 1) {
                queue.edits.push(rename(stage.name.clone(), name_en));
            }
            let segment = Choice::new(
                "stage-segment",
                lang.pick("类别", "Segment"),
                Some(stage.segment),
                &Segment::ALL,
            );
            if let Some(Some(segment)) = segment.show(ui, |s| s.label(lang).to_owned()) {
                queue.edits.push(Edit::Structure(StructureEdit::SetSegment {
                    stage: stage.id.clone(),
                    segment,
                }));
            }
            // What the stage does, for the 加工产值比 (docs/INDICATORS.md §4); unset: inferred.
            let activity = Choice::new(
                "stage-activity",
                lang.pick("生产类型", "Activity"),
                stage.activity,
                &StageActivity::ALL,
            )
            .or_none(lang.pick("(按位置推断)", "(inferred)"));
            if let Some(activity) = activity.show(ui, |a| a.label(lang).to_owned()) {
                queue
                    .edits
                    .push(Edit::Structure(StructureEdit::SetActivity {
                        stage: stage.id.clone(),
                        activity,
                    }));
            }
            // The land it needs, for the 主体功能区 check (DOMAIN.md, "Territory").
            let land_use = Choice::new(
                "stage-land-use",
                lang.pick("用地类型", "Land use"),
                stage.land_use,
                &LandUse::ALL,
            )
            .or_none("—");
            if let Some(land_use) = land_use.show(ui, |u| u.label(lang).to_owned()) {
                queue.edits.push(Edit::Structure(StructureEdit::SetLandUse {
                    stage: stage.id.clone(),
                    land_use,
                }));
            }
        });
}

/// One row per product: its name, required, up, down, remove; then a ＋.
fn products_ui(ui: &mut egui::Ui, form: &mut Form<'_>, stage: &Stage, g: &mut Gestures<'_>) {
    let lang = g.lang;
    ui.label(
        RichText::new(format!(
            "{} ({})",
            lang.pick("产品", "Products"),
            stage.products.len()
        ))
        .strong(),
    );
    ui.label(
        RichText::new(lang.pick(
            "必需产品本地没有供应商时,缺口分析会列出它。",
            "A required product no local firm supplies shows as a gap.",
        ))
        .weak()
        .small(),
    );
    // A product just added from a lane header: its field takes the keyboard, text selected.
    let focus = g
        .state
        .structure
        .renaming
        .take_if(|r| r.place == Place::Inspector);
    let last = stage.products.len().saturating_sub(1);
    for (at, product) in stage.products.iter().enumerate() {
        let key = DraftKey::new(
            format!("stage:{}/product:{}", stage.id, product.name),
            "name",
        );
        if focus
            .as_ref()
            .is_some_and(|r| r.item == Item::Product(stage.id.clone(), product.name.clone()))
        {
            select_all(ui.ctx(), key.widget_id(), &product.name);
            ui.memory_mut(|m| m.request_focus(key.widget_id()));
        }
        // Right to left: the buttons keep their room and the name takes what is left.
        let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        let rtl = egui::Layout::right_to_left(egui::Align::Center);
        ui.allocate_ui_with_layout(row, rtl, |ui| {
            let remove = ui
                .small_button("✕")
                .on_hover_text(lang.pick("删除产品", "Delete product"));
            if remove.clicked() {
                g.remove_product(&stage.id, &product.name);
            }
            let down = ui
                .add_enabled(at < last, egui::Button::new("↓").small())
                .on_hover_text(lang.pick("下移", "Move down"));
            if down.clicked() {
                g.move_product(&stage.id, &product.name, 1);
            }
            let up = ui
                .add_enabled(at > 0, egui::Button::new("↑").small())
                .on_hover_text(lang.pick("上移", "Move up"));
            if up.clicked() {
                g.move_product(&stage.id, &product.name, -1);
            }
            let mut required = product.required;
            let tick = ui
                .checkbox(&mut required, lang.pick("必需", "Required"))
                .on_hover_text(lang.pick(
                    "本地没有供应商时算缺口",
                    "A gap when no local firm supplies it",
                ));
            if tick.changed() {
                g.set_required(&stage.id, &product.name, required);
            }
            let width = ui.available_width();
            let field = form
                .drafts
                .field(ui, form.doc, &key, &product.name, |t, _| {
                    t.desired_width(width)
                        .hint_text(lang.pick("产品名称", "Product name"))
                });
            if let Some(name) = field.committed {
                g.rename_to(Item::Product(stage.id.clone(), product.name.clone()), name);
            }
        });
    }
    if ui
        .button(lang.pick("＋ 添加产品", "＋ Add product"))
        .clicked()
    {
        g.add_product(&stage.id, Place::Inspector);
    }
}

/// The firms that work in the stage (main stage or not); a click selects one.
fn firms_ui(ui: &mut egui::Ui, g: &mut Gestures<'_>, stage: &Stage) {
    let lang = g.lang;
    let project = g.project;
    let firms: Vec<_> = project
        .nodes
        .values()
        .filter(|n| n.stages.contains(&stage.id))
        .collect();
    ui.label(RichText::new(format!("{} ({})", lang.pick("企业", "Firms"), firms.len())).strong());
    if firms.is_empty() {
        ui.label(
            RichText::new(lang.pick(
                "还没有企业。在画布上双击添加企业,再在属性里选择这个环节。",
                "No firms yet. Double-click the canvas to add one, then pick this stage in its inspector.",
            ))
            .weak(),
        );
    }
    for node in firms {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, theme::node_fill(node.kind));
            let main = node.main_stage() == Some(&stage.id);
            let mut text = RichText::new(&node.name);
            if !main {
                text = text.italics();
            }
            let resp = ui
                .add(egui::Button::selectable(false, text).wrap())
                .on_hover_text(if main {
                    lang.pick("主环节", "Main stage")
                } else {
                    lang.pick(
                        "也在这个环节(主环节在别处)",
                        "Also works here (main stage elsewhere)",
                    )
                });
            if resp.clicked() {
                g.queue.actions.push(UiAction::ShowNode(node.id.clone()));
            }
        });
    }
}
