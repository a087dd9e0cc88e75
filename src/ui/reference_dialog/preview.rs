//! What a reference chain holds, drawn for choosing it: counts, description, its stages by
//! segment, and the public sources its structure follows.

use super::counted;
use crate::i18n::Lang;
use crate::model::Segment;
use crate::reference::{SourceKind, Template};
use crate::ui::theme;
use egui::RichText;

/// "14 个环节 · 32 种产品(必需 20)": the template's size, in one line.
pub(super) fn size_line(template: &Template, lang: Lang) -> String {
    let stages = counted(lang, template.stage_count(), "个环节", "stage", "stages");
    let products = counted(
        lang,
        template.product_count(),
        "种产品",
        "product",
        "products",
    );
    let required = required_count(template);
    match lang {
        Lang::Zh => format!("{stages} · {products}(必需 {required})"),
        Lang::En => format!("{stages} · {products} ({required} required)"),
    }
}

/// Distinct products some stage of the template marks required.
fn required_count(template: &Template) -> usize {
    template
        .chain
        .stages
        .iter()
        .flat_map(|s| &s.products)
        .filter(|p| p.required)
        .map(|p| p.name.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The template's description in the UI language (English falls back to Chinese).
fn description(template: &Template, lang: Lang) -> &str {
    match lang {
        Lang::En if !template.description_en.is_empty() => &template.description_en,
        _ => &template.description,
    }
}

/// A stage's name in the UI language.
pub(super) fn stage_name(stage: &crate::model::Stage, lang: Lang) -> &str {
    match lang {
        Lang::En if !stage.name_en.is_empty() => &stage.name_en,
        _ => &stage.name,
    }
}

fn kind_label(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::Plan => lang.pick("规划", "Plan"),
        SourceKind::Standard => lang.pick("标准", "Standard"),
        SourceKind::Classification => lang.pick("分类", "Classification"),
        SourceKind::Map => lang.pick("图谱", "Chain map"),
    }
}

/// Everything the user chooses a template by, top to bottom (inside the caller's scroll area).
pub(super) fn template_preview(ui: &mut egui::Ui, template: &Template, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(template.name(lang)).heading());
        let other = match lang {
            Lang::Zh => template.chain.name_en.as_str(),
            Lang::En => template.chain.name.as_str(),
        };
        if other != template.name(lang) {
            ui.weak(other);
        }
    });
    ui.weak(size_line(template, lang));
    ui.add_space(4.0);
    ui.label(description(template, lang));
    ui.add_space(8.0);
    ui.label(RichText::new(lang.pick("环节(按上中下游)", "Stages by segment")).strong());
    stages_by_segment(ui, template, lang);
    ui.add_space(8.0);
    ui.label(RichText::new(lang.pick("依据的公开资料", "Public sources")).strong());
    for source in &template.sources {
        source_row(ui, source, lang);
    }
}

/// One row per segment: its name in the segment's colour, then its stages in chain order.
fn stages_by_segment(ui: &mut egui::Ui, template: &Template, lang: Lang) {
    egui::Grid::new(("template-stages", template.id()))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for segment in Segment::ALL {
                let stages: Vec<&str> = template
                    .chain
                    .stages
                    .iter()
                    .filter(|s| s.segment == segment)
                    .map(|s| stage_name(s, lang))
                    .collect();
                if stages.is_empty() {
                    continue;
                }
                ui.label(
                    RichText::new(segment.label(lang))
                        .strong()
                        .color(theme::segment_strong(segment)),
                );
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    let last = stages.len() - 1;
                    for (i, name) in stages.iter().enumerate() {
                        ui.label(*name);
                        if i < last {
                            ui.weak("→");
                        }
                    }
                });
                ui.end_row();
            }
        });
}

/// A source: its kind, title, publisher and year; what the template takes from it under it.
fn source_row(ui: &mut egui::Ui, source: &crate::reference::Source, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let kind = kind_label(source.kind, lang);
        ui.weak(match lang {
            Lang::Zh => format!("【{kind}】"),
            Lang::En => format!("[{kind}]"),
        });
        ui.label(&source.title);
        let by = match source.year {
            Some(year) => format!("{}{}{year}", source.publisher, lang.pick(",", ", ")),
            None => source.publisher.clone(),
        };
        ui.weak(by);
    });
    if !source.used_for.is_empty() {
        ui.indent(("source-use", &source.title), |ui| {
            ui.weak(&source.used_for);
        });
    }
}
