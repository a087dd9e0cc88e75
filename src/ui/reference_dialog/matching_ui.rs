//! Drawing the comparison dialog: the chain and the reference chain chosen at the top, the
//! reference stages (left) and products by stage (right) each with the project's counterpart in
//! a combo, and OK / Stop comparing / Cancel. Both lists scroll inside the dialog, so it fits a
//! 1366×768 screen whatever the template's size.

use super::counted;
use super::matching::{CompareDialog, CompareRequest, Origin, coverage};
use super::preview::{size_line, stage_name};
use crate::document::Document;
use crate::i18n::Lang;
use crate::model::{Chain, Project, StageId, chains_in_order};
use crate::reference::{self, Template};
use crate::ui::theme;
use egui::{Align, Layout, RichText};

/// Widths of the fixed columns (points); the name columns take what is left.
const REQUIRED_W: f32 = 52.0;
const COMBO_W: f32 = 200.0;
/// Room for what surrounds the cells of a row: item spacing, the row's margin, the scroll bar.
const ROW_EXTRA: f32 = 48.0;

/// The segment column: as wide as its longest name ("Downstream", "上游").
fn segment_width(lang: Lang) -> f32 {
    match lang {
        Lang::Zh => 36.0,
        Lang::En => 88.0,
    }
}

/// What the user did this frame in the dialog.
enum Pressed {
    Nothing,
    Ok,
    Stop,
    Cancel,
}

impl CompareDialog {
    pub fn ui(&mut self, ctx: &egui::Context, doc: &Document, lang: Lang) -> CompareRequest {
        if !self.open {
            return CompareRequest::None;
        }
        let project = &doc.project;
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let screen = ctx.content_rect();
        let mut pressed = Pressed::Nothing;
        let id = egui::Id::unique("compare-reference");
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]);
        let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
            let width = (screen.width() - 80.0).clamp(760.0, 1000.0);
            ui.set_width(width);
            ui.heading(lang.pick("对照参考产业链", "Compare with a reference chain"));
            ui.weak(lang.pick(
                "为参考产业链的每个环节和产品选出本项目中对应的一项,没有的选“无”。本县缺少的必需产品和环节将列为缺口;确定后可一步撤销。",
                "For each stage and product of the reference chain, pick the project's counterpart, or None. What the county lacks of the required ones becomes a gap; OK is one undo step.",
            ));
            ui.add_space(6.0);
            let Some(chain) = project.chains.get(&self.chain) else {
                ui.colored_label(
                    theme::WARNING,
                    lang.pick(
                        "项目中还没有产业链:先添加一条产业链及其环节,或用“新建自参考产业链…”开始。",
                        "The project has no chain yet: add one with its stages, or start with New from Reference Chain….",
                    ),
                );
                if ui.button(lang.pick("关闭", "Close")).clicked() {
                    pressed = Pressed::Cancel;
                }
                return;
            };
            self.choosers_ui(ui, project, lang);
            self.origin_ui(ui, lang);
            ui.add_space(4.0);
            if let Some(template) = self.template() {
                let body = (screen.height() - 330.0).clamp(160.0, 470.0);
                let half = (width - 16.0) / 2.0;
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(half);
                        self.stages_ui(ui, template, chain, body, lang);
                    });
                    // As tall as the lists (a plain one would grow with the dialog).
                    let header = ui.spacing().interact_size.y;
                    ui.add_sized([8.0, body + header], egui::Separator::default().vertical());
                    ui.vertical(|ui| {
                        ui.set_width(half);
                        self.products_ui(ui, template, chain, body, lang);
                    });
                });
            }
            ui.separator();
            pressed = buttons_ui(ui, project.references.contains_key(&self.chain), lang);
        });
        let request = match pressed {
            Pressed::Ok => self.confirm(project),
            Pressed::Stop => self.stop(),
            Pressed::Cancel => {
                self.open = false;
                CompareRequest::None
            }
            Pressed::Nothing => CompareRequest::None,
        };
        if escape && modal.is_top_modal && !modal.any_popup_open {
            self.open = false;
        }
        request
    }

    /// The chain compared (a combo when the project has several), the reference chain, and
    /// "match by name again".
    fn choosers_ui(&mut self, ui: &mut egui::Ui, project: &Project, lang: Lang) {
        let mut chain_chosen = None;
        let mut template_chosen = None;
        let mut again = false;
        egui::Grid::new("compare-choosers")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = lang.pick("本项目产业链", "Project chain");
                ui.label(label);
                let chains = chains_in_order(&project.chains);
                if chains.len() > 1 {
                    let shown = project.chains.get(&self.chain).map_or("", |c| chain_name(c, lang));
                    let combo = egui::ComboBox::from_id_salt("compare-chain")
                        .selected_text(shown)
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            for chain in &chains {
                                let on = chain.id == self.chain;
                                if ui.selectable_label(on, chain_name(chain, lang)).clicked() && !on {
                                    chain_chosen = Some(chain.id.clone());
                                }
                            }
                        })
                        .response;
                    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
                } else {
                    ui.label(RichText::new(chains.first().map_or("", |c| chain_name(c, lang))).strong());
                }
                ui.end_row();
                let label = lang.pick("参考产业链", "Reference chain");
                ui.label(label);
                ui.horizontal(|ui| {
                    let shown = self.template().map_or("", |t| t.name(lang));
                    let combo = egui::ComboBox::from_id_salt("compare-template")
                        .selected_text(shown)
                        .width(320.0)
                        .height(400.0)
                        .show_ui(ui, |ui| {
                            for template in &reference::builtin().templates {
                                let on = template.id() == self.template;
                                let row = ui
                                    .selectable_label(on, template.name(lang))
                                    .on_hover_text(size_line(template, lang));
                                if row.clicked() && !on {
                                    template_chosen = Some(template.id().to_owned());
                                }
                            }
                        })
                        .response;
                    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
                    if let Some(template) = self.template() {
                        ui.weak(size_line(template, lang));
                    }
                    ui.add_space(8.0);
                    again = ui
                        .button(lang.pick("按名称重新匹配", "Match by name again"))
                        .on_hover_text(lang.pick(
                            "按名称、别名和同义词重新自动匹配(当前的修改会被替换)",
                            "Match again from names, aliases and synonyms (the corrections made here are replaced)",
                        ))
                        .clicked();
                });
                ui.end_row();
            });
        if let Some(chain) = chain_chosen {
            self.choose_chain(project, chain);
        } else if let Some(template) = template_chosen {
            self.choose_template(project, template);
        } else if again {
            self.suggest_again(project);
        }
    }

    /// Where the rows come from, and how much of the reference they match.
    fn origin_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let (stages_on, stages, products_on, products) = coverage(self);
        let covered = match lang {
            Lang::Zh => format!(
                "已对应 {stages_on}/{} · {products_on}/{}",
                counted(lang, stages, "个环节", "stage", "stages"),
                counted(lang, products, "种产品", "product", "products"),
            ),
            Lang::En => format!(
                "Matched: {stages_on} of {} · {products_on} of {}",
                counted(lang, stages, "", "stage", "stages"),
                counted(lang, products, "", "product", "products"),
            ),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(covered).strong());
            match self.origin {
                Origin::Saved => {
                    ui.weak(lang.pick("(项目中保存的对照)", "(the matching saved in the project)"));
                }
                Origin::Suggested => {
                    ui.weak(lang.pick(
                        "(按名称、别名和同义词自动匹配,请检查后确定)",
                        "(suggested from names, aliases and synonyms: check, then OK)",
                    ));
                }
                Origin::Stale { saved, now } => {
                    let text = match lang {
                        Lang::Zh => format!(
                            "参考产业链已更新(第 {saved} 版 → 第 {now} 版):新增的环节和产品已自动匹配,请检查后确定",
                        ),
                        Lang::En => format!(
                            "The reference chain was revised (revision {saved} → {now}): what it gained is suggested; check, then OK",
                        ),
                    };
                    ui.colored_label(theme::WARNING, text);
                }
            }
        });
    }

    /// The reference stages: segment, name, and the project stage matched.
    fn stages_ui(
        &mut self,
        ui: &mut egui::Ui,
        template: &Template,
        chain: &Chain,
        height: f32,
        lang: Lang,
    ) {
        let segment_w = segment_width(lang);
        let name_w = ui.available_width() - segment_w - COMBO_W - ROW_EXTRA;
        ui.label(RichText::new(lang.pick("参考环节", "Reference stages")).strong());
        egui::ScrollArea::vertical()
            .id_salt("compare-stages")
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (row, stage) in template.chain.stages.iter().enumerate() {
                    striped(ui, row, |ui| {
                        cell(ui, segment_w, |ui| {
                            ui.label(
                                RichText::new(stage.segment.label(lang))
                                    .color(theme::segment_strong(stage.segment)),
                            );
                        });
                        let name = stage_name(stage, lang);
                        cell(ui, name_w, |ui| {
                            ui.add(egui::Label::new(name).wrap());
                        });
                        let matched = self.stages.entry(stage.id.clone()).or_default();
                        cell(ui, COMBO_W, |ui| {
                            stage_combo(ui, name, matched, chain, lang)
                        });
                    });
                }
            });
    }

    /// The reference products under their stage: name, required or optional, and the project's
    /// product matched.
    fn products_ui(
        &mut self,
        ui: &mut egui::Ui,
        template: &Template,
        chain: &Chain,
        height: f32,
        lang: Lang,
    ) {
        let names = product_names(chain);
        let indent = 10.0;
        let name_w = ui.available_width() - indent - REQUIRED_W - COMBO_W - ROW_EXTRA;
        ui.label(
            RichText::new(lang.pick("参考产品(按环节)", "Reference products by stage")).strong(),
        );
        egui::ScrollArea::vertical()
            .id_salt("compare-products")
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut row = 0;
                for stage in &template.chain.stages {
                    ui.add_space(2.0);
                    ui.label(
                        RichText::new(stage_name(stage, lang))
                            .strong()
                            .color(theme::segment_strong(stage.segment)),
                    );
                    for product in &stage.products {
                        striped(ui, row, |ui| {
                            ui.add_space(indent);
                            cell(ui, name_w, |ui| {
                                ui.add(egui::Label::new(&product.name).wrap());
                            });
                            cell(ui, REQUIRED_W, |ui| {
                                if product.required {
                                    ui.label(lang.pick("必需", "required"));
                                } else {
                                    ui.weak(lang.pick("可选", "optional"));
                                }
                            });
                            let matched = self.products.entry(product.name.clone()).or_default();
                            cell(ui, COMBO_W, |ui| {
                                product_combo(
                                    ui,
                                    &product.name,
                                    product.required,
                                    matched,
                                    &names,
                                    lang,
                                );
                            });
                        });
                        row += 1;
                    }
                }
            });
    }
}

/// OK, Stop comparing (when a matching is saved for the chain), Cancel.
fn buttons_ui(ui: &mut egui::Ui, saved: bool, lang: Lang) -> Pressed {
    let mut pressed = Pressed::Nothing;
    ui.horizontal(|ui| {
        if ui.button(RichText::new(lang.pick("确定", "OK")).strong()).clicked() {
            pressed = Pressed::Ok;
        }
        if ui.button(lang.pick("取消", "Cancel")).clicked() {
            pressed = Pressed::Cancel;
        }
        if saved {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .button(lang.pick("停止对照", "Stop comparing"))
                    .on_hover_text(lang.pick(
                        "删除这条产业链保存的对照;参考链带来的缺口和虚线环节随之消失(可撤销)",
                        "Forget this chain's saved matching: the gaps and ghost stages from the reference go (undoable)",
                    ))
                    .clicked()
                {
                    pressed = Pressed::Stop;
                }
            });
        }
    });
    pressed
}

/// The combo of a reference stage: none, or one of the chain's stages.
fn stage_combo(
    ui: &mut egui::Ui,
    reference: &str,
    matched: &mut Option<StageId>,
    chain: &Chain,
    lang: Lang,
) {
    let shown = matched.as_ref().and_then(|id| chain.stage(id)).map_or_else(
        || none_text(lang, false),
        |s| RichText::new(stage_name(s, lang)),
    );
    let combo = egui::ComboBox::from_id_salt(("compare-stage", reference))
        .selected_text(shown)
        .width(COMBO_W)
        .wrap()
        // A chain's stages (a dozen or so) all in view.
        .height(420.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(matched, None, lang.pick("无", "None"));
            for stage in &chain.stages {
                ui.selectable_value(matched, Some(stage.id.clone()), stage_name(stage, lang));
            }
        })
        .response;
    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, reference));
}

/// The combo of a reference product: none, or one of the chain's product names.
fn product_combo(
    ui: &mut egui::Ui,
    reference: &str,
    required: bool,
    matched: &mut Option<String>,
    names: &[&str],
    lang: Lang,
) {
    let shown = matched
        .as_deref()
        .map_or_else(|| none_text(lang, required), RichText::new);
    let combo = egui::ComboBox::from_id_salt(("compare-product", reference))
        .selected_text(shown)
        .width(COMBO_W)
        .wrap()
        .height(320.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(matched, None, lang.pick("无", "None"));
            for name in names {
                ui.selectable_value(matched, Some((*name).to_owned()), *name);
            }
        })
        .response;
    combo.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, reference));
}

/// "无": weak, or in the warning colour for a required product (it will be a gap).
fn none_text(lang: Lang, required: bool) -> RichText {
    let text = RichText::new(lang.pick("无", "None"));
    if required {
        text.color(theme::WARNING)
    } else {
        text.italics()
    }
}

/// The chain's distinct product names, in stage order.
fn product_names(chain: &Chain) -> Vec<&str> {
    let mut seen = std::collections::BTreeSet::new();
    chain
        .stages
        .iter()
        .flat_map(|s| &s.products)
        .map(|p| p.name.as_str())
        .filter(|n| seen.insert(*n))
        .collect()
}

fn chain_name(chain: &Chain, lang: Lang) -> &str {
    match lang {
        Lang::En if !chain.name_en.is_empty() => &chain.name_en,
        _ => &chain.name,
    }
}

/// A row of cells, every other one on a faint background.
fn striped(ui: &mut egui::Ui, row: usize, add: impl FnOnce(&mut egui::Ui)) {
    let fill = if row % 2 == 1 {
        ui.visuals().faint_bg_color
    } else {
        egui::Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 2))
        .show(ui, |ui| {
            ui.horizontal(|ui| add(ui));
        });
}

/// A cell of fixed width whose text wraps within it, centred on the row's line.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ui.spacing().interact_size.y),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}
