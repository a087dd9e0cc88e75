//! The land tab: the 亩均效益评价. The indicator weights (editable), what each class means for
//! a firm, then per group (规上, 规下) its firms best first with class, score and the weighted
//! score of each indicator (the value and the group average on hover), beside a bar chart of
//! the scores (land_chart.rs); then the firms left 不定等级 with why. A click on a row (or its
//! 定位) lights up that firm on the canvas and brings it into view with its name readable.

use super::{chip, locate, locate_button};
use crate::analysis::Analysis;
use crate::analysis::land::{Indicator, LandFirm, LandGrade, LandGroup};
use crate::i18n::Lang;
use crate::model::{NodeId, Project};
use crate::ui::context::ViewCtx;
use crate::ui::state::{FrameRequest, Highlight, Queue};

/// Draws the tab; `frame` is the canvas's framing request (camera, not what is on show).
pub(super) fn land_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    a: &Analysis,
    frame: &mut Option<FrameRequest>,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let project = cx.project();
    super::weights::land_weights_ui(ui, &project.meta, queue, lang);
    ui.weak(lang.pick(
        "工业用地上正常经营的企业参评,规上、规下分组;指标得分 = 权重 × min(值 ÷ 组平均, 2),缺项 0 分;组内排名前 25% 为 A、末 5% 为 D(10 家起至少 1 家)、其后 50% 为 B、其余为 C",
        "Operating firms on industrial land, above and below scale apart; indicator score = weight × min(value ÷ group average, 2), missing = 0; by rank in the group: top 25 % A, bottom 5 % D (at least 1 from 10 firms), the next 50 % B, the rest C",
    ));
    consequences_ui(ui, lang);
    ui.add_space(4.0);
    let mut clicked: Option<NodeId> = None;
    let weights_sum: f64 = Indicator::ALL
        .iter()
        .map(|i| i.weight(&project.meta.land_weights))
        .sum();
    if a.land.groups.is_empty() {
        ui.weak(lang.pick(
            "没有参评企业:需本县企业在检查器中填写用地类型“工业用地”、状态“正常经营”和用地面积",
            "No firm is evaluated: a local firm needs land type Industrial, status Operating and its land area (inspector)",
        ));
    }
    for group in &a.land.groups {
        ui.add_space(6.0);
        ui.strong(format!(
            "{} ({})",
            group.group.label(lang),
            group.firms.len()
        ));
        // The table takes what the chart (a third, within reason) leaves.
        let chart_width = (ui.available_width() * 0.34).clamp(260.0, 420.0);
        ui.horizontal_top(|ui| {
            let table_width = (ui.available_width() - chart_width - 12.0).max(200.0);
            ui.allocate_ui(egui::vec2(table_width, 0.0), |ui| {
                ui.set_width(table_width);
                if let Some(id) = group_table(ui, project, group, lang) {
                    clicked = Some(id);
                }
            });
            ui.allocate_ui(egui::vec2(chart_width, 0.0), |ui| {
                ui.set_width(chart_width);
                super::land_chart::chart_ui(ui, group, weights_sum, lang);
            });
        });
    }
    if let Some(id) = excluded_ui(ui, a, lang) {
        clicked = Some(id);
    }
    if let Some(id) = clicked {
        let highlight = Highlight {
            nodes: [id.clone()].into(),
            ..Highlight::default()
        };
        locate(project, frame, queue, highlight, Some(&id), None);
    }
}

/// What each class means for a firm (资源要素差别化配置).
fn consequences_ui(ui: &mut egui::Ui, lang: Lang) {
    egui::CollapsingHeader::new(lang.pick("分类结果的政策运用", "What the classes mean"))
        .id_salt("land-consequences")
        .default_open(false)
        .show(ui, |ui| {
            egui::Grid::new("land-consequences-grid")
                .num_columns(2)
                .spacing([8.0, 3.0])
                .show(ui, |ui| {
                    for g in LandGrade::ALL {
                        chip(ui, super::land_chart::grade_colour(g), g.code());
                        ui.label(g.consequence(lang));
                        ui.end_row();
                    }
                });
        });
}

/// One group's firms best first; the id of a clicked one.
fn group_table(
    ui: &mut egui::Ui,
    project: &Project,
    group: &LandGroup,
    lang: Lang,
) -> Option<NodeId> {
    let mut clicked = None;
    let unit = &project.meta.unit;
    egui::ScrollArea::horizontal()
        .id_salt(("land-table", group.group.code()))
        .show(ui, |ui| {
            egui::Grid::new(("land", group.group.code()))
                .num_columns(10)
                .striped(true)
                .spacing([10.0, 3.0])
                .show(ui, |ui| {
                    ui.strong("#");
                    ui.strong(lang.pick("企业", "Firm"));
                    ui.strong(lang.pick("等级", "Class"));
                    ui.strong(lang.pick("得分", "Score"));
                    for i in Indicator::ALL {
                        ui.strong(short_label(i, lang)).on_hover_text(i.label(lang));
                    }
                    ui.strong("");
                    ui.end_row();
                    for (rank, f) in group.firms.iter().enumerate() {
                        if firm_row(ui, rank, f, group, unit, lang) {
                            clicked = Some(f.id.clone());
                        }
                        ui.end_row();
                    }
                });
        });
    clicked
}

/// The indicators' short column heads.
fn short_label(i: Indicator, lang: Lang) -> &'static str {
    match i {
        Indicator::TaxPerMu => lang.pick("税/亩", "Tax/mu"),
        Indicator::VaPerMu => lang.pick("增加值/亩", "VA/mu"),
        Indicator::VaPerEnergy => lang.pick("能耗", "Energy"),
        Indicator::VaPerEmission => lang.pick("排放", "Emission"),
        Indicator::LabourProductivity => lang.pick("劳动生产率", "Labour"),
        Indicator::RdShare => lang.pick("研发", "R&D"),
    }
}

/// One firm's row; true when it (or its 定位) was clicked.
fn firm_row(
    ui: &mut egui::Ui,
    rank: usize,
    f: &LandFirm,
    group: &LandGroup,
    unit: &str,
    lang: Lang,
) -> bool {
    ui.label(format!("{}", rank + 1));
    let clicked = ui.selectable_label(false, &f.name).clicked();
    chip(ui, super::land_chart::grade_colour(f.class), f.class.code());
    ui.label(format!("{:.1}", f.score))
        .on_hover_text(f.class.consequence(lang));
    for i in Indicator::ALL {
        let fmt = |v: Option<f64>| match (i, v) {
            (_, None) => "—".to_owned(),
            (Indicator::RdShare, Some(v)) => format!("{:.2}%", v * 100.0),
            (_, Some(v)) => format!("{v:.2}"),
        };
        let tip = format!(
            "{}: {} {}\n{}: {}",
            i.label(lang),
            fmt(f.values.get(i)),
            i.unit(unit, lang),
            lang.pick("组平均", "group average"),
            fmt(group.averages.get(i)),
        );
        let text = if f.values.get(i).is_some() {
            format!("{:.1}", f.parts.get(i))
        } else {
            lang.pick("缺", "n/a").to_owned()
        };
        ui.label(text).on_hover_text(tip);
    }
    locate_button(ui, lang) || clicked
}

/// The firms left 不定等级, with why; the id of a clicked one.
fn excluded_ui(ui: &mut egui::Ui, a: &Analysis, lang: Lang) -> Option<NodeId> {
    if a.land.excluded.is_empty() {
        return None;
    }
    let mut clicked = None;
    ui.add_space(6.0);
    egui::CollapsingHeader::new(format!(
        "{} ({})",
        lang.pick("不定等级", "Unclassified (不定等级)"),
        a.land.excluded.len()
    ))
    .id_salt("land-excluded")
    .default_open(true)
    .show(ui, |ui| {
        egui::Grid::new("land-excluded-grid")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                for e in &a.land.excluded {
                    let name = ui.selectable_label(false, &e.name).clicked();
                    ui.label(e.reason.message(lang));
                    if locate_button(ui, lang) || name {
                        clicked = Some(e.id.clone());
                    }
                    ui.end_row();
                }
            });
    });
    clicked
}
