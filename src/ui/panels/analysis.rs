//! The analysis panel: gaps (by stage and product), chain leaders with the parts of their score,
//! risks (articulation points, bridges, stray components), land efficiency (table and a bar
//! chart with the class thresholds) and the impact of a firm leaving. A click lights up what a
//! row is about on the canvas.

use crate::analysis::{Analysis, GapClass, Status};
use crate::i18n::Lang;
use crate::model::{NodeId, Project};
use crate::ui::context::ViewCtx;
use crate::ui::state::{AnalysisTab, Highlight, UiState};
use crate::ui::theme;
use egui::{Color32, RichText};
use rust_decimal::prelude::ToPrimitive;

/// Colour of a stage or product status.
pub fn status_colour(status: Status) -> Color32 {
    match status {
        Status::Missing => Color32::from_rgb(204, 51, 51),
        Status::Weak => Color32::from_rgb(222, 140, 20),
        Status::Ok => Color32::from_rgb(46, 139, 87),
    }
}

/// Colour of a gap class.
pub fn gap_colour(class: GapClass) -> Color32 {
    match class {
        GapClass::Missing => Color32::from_rgb(204, 51, 51),
        GapClass::Weak => Color32::from_rgb(222, 140, 20),
        GapClass::Extend => Color32::from_rgb(52, 120, 198),
        GapClass::AtRisk => Color32::from_rgb(140, 80, 180),
    }
}

use crate::analysis::percent;

/// A small coloured tag with text, like a chip.
fn chip(ui: &mut egui::Ui, colour: Color32, text: &str) {
    egui::Frame::new()
        .fill(colour)
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).small());
        });
}

pub fn analysis_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    panels: &mut super::Panels,
    queue: &mut crate::ui::state::Queue,
) {
    let lang = cx.lang;
    let busy = cx.derived.analysis_busy();
    ui.horizontal(|ui| {
        ui.heading(lang.pick("分析", "Analysis"));
        for (tab, label) in [
            (AnalysisTab::Gaps, lang.pick("缺口", "Gaps")),
            (AnalysisTab::Leaders, lang.pick("链主", "Leaders")),
            (AnalysisTab::Risks, lang.pick("风险", "Risks")),
            (AnalysisTab::Land, lang.pick("亩均效益", "Land")),
            (AnalysisTab::Impact, lang.pick("影响", "Impact")),
            (AnalysisTab::Sharing, lang.pick("协议分成", "Sharing")),
            (AnalysisTab::Fairness, lang.pick("公平分成", "Fair split")),
        ] {
            ui.selectable_value(&mut state.analysis_tab, tab, label);
        }
        ui.separator();
        super::views::colouring_combo(ui, state, "colour-by");
        if state.highlight.is_some()
            && ui
                .button(lang.pick("清除突出显示", "Clear highlight"))
                .clicked()
        {
            state.highlight = None;
        }
        if busy {
            ui.spinner();
            ui.weak(lang.pick("正在计算…", "computing…"));
        }
    });
    ui.separator();
    // The agreement tabs need no analysis.
    match state.analysis_tab {
        AnalysisTab::Sharing => {
            return panels.agreements.sharing_ui(ui, cx, state, queue);
        }
        AnalysisTab::Fairness => return panels.agreements.fairness_ui(ui, cx, state),
        _ => {}
    }
    let Some(a) = cx.analysis() else {
        ui.weak(lang.pick("正在计算…", "computing…"));
        return;
    };
    let project = cx.project();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.analysis_tab {
            AnalysisTab::Gaps => gaps_ui(ui, project, a, state, lang),
            AnalysisTab::Leaders => leaders_ui(ui, a, state, lang),
            AnalysisTab::Risks => risks_ui(ui, project, a, state, lang),
            AnalysisTab::Land => land_ui(ui, project, a, state, lang),
            AnalysisTab::Impact => impact_ui(ui, cx, state),
            AnalysisTab::Sharing | AnalysisTab::Fairness => {}
        });
}

fn gaps_ui(ui: &mut egui::Ui, project: &Project, a: &Analysis, state: &mut UiState, lang: Lang) {
    let c = &a.completeness;
    ui.label(format!(
        "{} {}/{} ({}) · {} {}/{} ({}) · {} {}",
        lang.pick("环节覆盖", "Stage coverage"),
        c.stages_covered,
        c.stages_total,
        percent(c.stage),
        lang.pick("产品完整度", "product completeness"),
        c.products_covered,
        c.products_required,
        percent(c.product),
        lang.pick("本地配套率", "local supporting rate"),
        percent(a.local_supporting_rate)
    ));
    ui.add_space(4.0);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.label(RichText::new(lang.pick("环节与产品", "Stages and products")).strong());
        egui::Grid::new("gap-stages")
            .num_columns(4)
            .striped(true)
            .spacing([10.0, 3.0])
            .show(ui, |ui| {
                for s in &a.stages {
                    chip(ui, status_colour(s.status), s.status.label(lang));
                    let stage_name = project
                        .stage(&s.id)
                        .map(|(_, st)| match lang {
                            Lang::En if !st.name_en.is_empty() => st.name_en.clone(),
                            _ => st.name.clone(),
                        })
                        .unwrap_or_default();
                    let selected = state
                        .highlight
                        .as_ref()
                        .is_some_and(|h| h.stages.contains(&s.id) && h.stages.len() == 1);
                    if ui
                        .selectable_label(selected, format!("{} {stage_name}", s.id))
                        .clicked()
                    {
                        state.highlight = Some(Highlight {
                            nodes: s.local_enterprises.iter().cloned().collect(),
                            stages: [s.id.clone()].into(),
                            ..Highlight::default()
                        });
                    }
                    ui.label(format!(
                        "{} {}",
                        s.local_enterprises.len(),
                        lang.pick("家", "firms")
                    ));
                    ui.label(format!(
                        "{} {}",
                        lang.pick("配套", "local"),
                        percent(s.local_supporting_rate)
                    ));
                    ui.end_row();
                    for p in a.products.iter().filter(|p| p.stage == s.id) {
                        ui.label("");
                        let text = format!(
                            "  · {}{}",
                            p.name,
                            if p.required {
                                ""
                            } else {
                                lang.pick("(非必需)", " (optional)")
                            }
                        );
                        let colour = if p.required {
                            status_colour(p.status)
                        } else {
                            Color32::GRAY
                        };
                        ui.label(RichText::new(text).color(colour));
                        ui.label(format!(
                            "{} {}",
                            p.suppliers.len(),
                            lang.pick("家本地", "local")
                        ));
                        ui.label(p.hhi.map(|h| format!("HHI {h:.2}")).unwrap_or_default());
                        ui.end_row();
                    }
                }
            });
        let ui = &mut cols[1];
        ui.label(
            RichText::new(format!("{} ({})", lang.pick("缺口", "Gaps"), a.gaps.len())).strong(),
        );
        for g in &a.gaps {
            ui.horizontal_wrapped(|ui| {
                chip(ui, gap_colour(g.class), g.class.action(lang));
                let resp = ui
                    .selectable_label(false, g.message(lang))
                    .on_hover_text(g.class.advice(lang));
                if resp.clicked() {
                    let mut h = Highlight::default();
                    if let Some(s) = &g.stage {
                        h.stages.insert(s.clone());
                    }
                    if g.class == GapClass::AtRisk {
                        h.danger.extend(g.nodes.iter().skip(1).cloned());
                        h.nodes.extend(g.nodes.iter().take(1).cloned());
                    } else {
                        h.nodes.extend(g.nodes.iter().cloned());
                    }
                    state.highlight = Some(h);
                }
            });
        }
    });
}

fn leaders_ui(ui: &mut egui::Ui, a: &Analysis, state: &mut UiState, lang: Lang) {
    ui.label(lang.pick(
        "得分 = 0.4 × 中介中心性 + 0.3 × 供应强度 + 0.3 × 产值(各项除以最大值)",
        "score = 0.4 × betweenness + 0.3 × strength + 0.3 × output (each divided by the largest)",
    ));
    let colours = [
        Color32::from_rgb(52, 120, 198),
        Color32::from_rgb(46, 139, 87),
        Color32::from_rgb(222, 140, 20),
    ];
    egui::Grid::new("leaders")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 3.0])
        .show(ui, |ui| {
            ui.strong("#");
            ui.strong(lang.pick("企业", "Firm"));
            ui.strong(lang.pick("得分", "Score"));
            ui.strong(lang.pick("构成", "Parts"));
            ui.strong(lang.pick("中介 / 强度 / 产值", "betweenness / strength / output"));
            ui.strong("");
            ui.end_row();
            for (i, l) in a.leaders.iter().take(30).enumerate() {
                ui.label(format!("{}", i + 1));
                let selected = state.selection.nodes.contains(&l.id);
                if ui.selectable_label(selected, &l.name).clicked() {
                    state.selection.only_node(l.id.clone());
                    state.focus_request = Some(l.id.clone());
                    state.highlight = Some(Highlight {
                        nodes: [l.id.clone()].into(),
                        ..Highlight::default()
                    });
                }
                ui.label(format!("{:.3}", l.score));
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(160.0, 12.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, Color32::from_gray(230));
                let mut x = rect.left();
                for (part, weight, colour) in [
                    (l.betweenness_part, 0.4, colours[0]),
                    (l.strength_part, 0.3, colours[1]),
                    (l.output_part, 0.3, colours[2]),
                ] {
                    let w = (part * weight) as f32 * rect.width();
                    ui.painter().rect_filled(
                        egui::Rect::from_min_size(
                            egui::pos2(x, rect.top()),
                            egui::vec2(w, rect.height()),
                        ),
                        0.0,
                        colour,
                    );
                    x += w;
                }
                ui.label(format!(
                    "{:.2} / {:.2} / {:.2}",
                    l.betweenness_part, l.strength_part, l.output_part
                ));
                ui.label("");
                ui.end_row();
            }
        });
}

fn risks_ui(ui: &mut egui::Ui, project: &Project, a: &Analysis, state: &mut UiState, lang: Lang) {
    ui.columns(3, |cols| {
        let ui = &mut cols[0];
        ui.label(
            RichText::new(format!(
                "{} ({})",
                lang.pick("关键节点(割点)", "Articulation points"),
                a.articulation_points.len()
            ))
            .strong(),
        );
        ui.weak(lang.pick(
            "去掉它,供应网络就断成几块",
            "Remove one and the supply network falls apart",
        ));
        if ui
            .button(lang.pick("全部突出显示", "Highlight all"))
            .clicked()
        {
            state.highlight = Some(Highlight {
                danger: a.articulation_points.iter().cloned().collect(),
                ..Highlight::default()
            });
        }
        for id in &a.articulation_points {
            if ui.selectable_label(false, project.node_name(id)).clicked() {
                state.highlight = Some(Highlight {
                    danger: [id.clone()].into(),
                    ..Highlight::default()
                });
                state.focus_request = Some(id.clone());
            }
        }
        let ui = &mut cols[1];
        ui.label(
            RichText::new(format!(
                "{} ({})",
                lang.pick("关键连线(桥)", "Bridges"),
                a.bridges.len()
            ))
            .strong(),
        );
        ui.weak(lang.pick(
            "唯一的连接,断了就分开",
            "The only connection between two parts",
        ));
        if ui
            .button(lang.pick("全部突出显示", "Highlight all"))
            .clicked()
        {
            state.highlight = Some(Highlight {
                nodes: a
                    .bridges
                    .iter()
                    .flat_map(|(x, y)| [x.clone(), y.clone()])
                    .collect(),
                edges: a.bridges.iter().cloned().collect(),
                ..Highlight::default()
            });
        }
        for (x, y) in &a.bridges {
            if ui
                .selectable_label(
                    false,
                    format!("{} – {}", project.node_name(x), project.node_name(y)),
                )
                .clicked()
            {
                state.highlight = Some(Highlight {
                    nodes: [x.clone(), y.clone()].into(),
                    edges: [(x.clone(), y.clone())].into(),
                    ..Highlight::default()
                });
            }
        }
        let ui = &mut cols[2];
        let stray: Vec<&Vec<NodeId>> = a.components.iter().skip(1).collect();
        ui.label(
            RichText::new(format!(
                "{} ({})",
                lang.pick("未串起的珠子", "Beads not yet strung"),
                stray.iter().map(|c| c.len()).sum::<usize>()
            ))
            .strong(),
        );
        ui.weak(lang.pick(
            "与主链没有供应关系的企业",
            "Firms with no supply path to the main chain",
        ));
        if ui
            .button(lang.pick("全部突出显示", "Highlight all"))
            .clicked()
        {
            state.highlight = Some(Highlight {
                danger: stray.iter().flat_map(|c| c.iter().cloned()).collect(),
                ..Highlight::default()
            });
        }
        for comp in stray {
            let names: Vec<String> = comp.iter().map(|id| project.node_name(id)).collect();
            if ui.selectable_label(false, names.join("、")).clicked() {
                state.highlight = Some(Highlight {
                    danger: comp.iter().cloned().collect(),
                    ..Highlight::default()
                });
            }
        }
    });
}

fn land_ui(ui: &mut egui::Ui, project: &Project, a: &Analysis, state: &mut UiState, lang: Lang) {
    let mut rows: Vec<_> = a.land.iter().collect();
    rows.sort_by(|x, y| {
        y.tax_per_mu
            .unwrap_or(0.0)
            .total_cmp(&x.tax_per_mu.unwrap_or(0.0))
    });
    let classes = &project.meta.land_classes;
    ui.label(format!(
        "{}: {}",
        lang.pick(
            "分类门槛(亩均税收,万元/亩)",
            "Class thresholds (tax per mu)"
        ),
        classes
            .iter()
            .map(|c| format!("{} ≥ {}", c.name, c.min_tax_per_mu))
            .collect::<Vec<_>>()
            .join(" · ")
    ));
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        egui::Grid::new("land")
            .num_columns(5)
            .striped(true)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                ui.strong(lang.pick("名称", "Name"));
                ui.strong(lang.pick("用地(亩)", "Land (mu)"));
                ui.strong(lang.pick("亩均税收", "Tax/mu"));
                ui.strong(lang.pick("亩均产值", "Output/mu"));
                ui.strong(lang.pick("类别", "Class"));
                ui.end_row();
                for r in &rows {
                    let label = if r.is_park {
                        format!("{} ({})", r.name, lang.pick("园区", "park"))
                    } else {
                        r.name.clone()
                    };
                    if ui.selectable_label(false, label).clicked() {
                        state.highlight = Some(Highlight {
                            nodes: [r.id.clone()].into(),
                            ..Highlight::default()
                        });
                        state.focus_request = Some(r.id.clone());
                    }
                    ui.label(format!("{:.1}", r.land_mu));
                    ui.label(
                        r.tax_per_mu
                            .map(|v| format!("{v:.2}"))
                            .unwrap_or_else(|| "—".into()),
                    );
                    ui.label(
                        r.output_per_mu
                            .map(|v| format!("{v:.1}"))
                            .unwrap_or_else(|| "—".into()),
                    );
                    ui.label(r.class.clone().unwrap_or_else(|| "—".into()));
                    ui.end_row();
                }
            });
        let ui = &mut cols[1];
        let bars: Vec<egui_plot::Bar> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let colour = match r.class.as_deref() {
                    Some(c) if classes.first().is_some_and(|f| f.name == c) => {
                        Color32::from_rgb(46, 139, 87)
                    }
                    Some(c) if classes.last().is_some_and(|l| l.name == c) => {
                        Color32::from_rgb(204, 51, 51)
                    }
                    _ => Color32::from_rgb(52, 120, 198),
                };
                egui_plot::Bar::new(i as f64, r.tax_per_mu.unwrap_or(0.0))
                    .name(&r.name)
                    .fill(colour)
            })
            .collect();
        let thresholds: Vec<(String, f64)> = classes
            .iter()
            .filter_map(|c| {
                c.min_tax_per_mu
                    .to_f64()
                    .filter(|v| *v > 0.0)
                    .map(|v| (format!("{} ≥ {v}", c.name), v))
            })
            .collect();
        egui_plot::Plot::new("land-plot")
            .height(ui.available_height().max(200.0))
            .allow_scroll(false)
            .include_y(0.0)
            .y_axis_label(lang.pick("亩均税收(万元/亩)", "tax per mu"))
            // Names are in the table and on hover; under the bars they would run into each other.
            .show_axes([false, true])
            .legend(egui_plot::Legend::default())
            .show(ui, |plot| {
                plot.bar_chart(
                    egui_plot::BarChart::new(lang.pick("亩均税收", "tax per mu"), bars).width(0.7),
                );
                for (label, y) in thresholds {
                    plot.hline(
                        egui_plot::HLine::new(label, y)
                            .color(theme::WARNING)
                            .width(1.5),
                    );
                }
            });
    });
}

fn impact_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, state: &mut UiState) {
    let (project, lang) = (cx.project(), cx.lang);
    if state.impact_node.is_none()
        && let Some(id) = state.selection.nodes.iter().next()
    {
        state.impact_node = Some(id.clone());
    }
    let firms: Vec<(&NodeId, &str)> = project
        .nodes
        .values()
        .filter(|n| n.kind.is_enterprise_like())
        .map(|n| (&n.id, n.name.as_str()))
        .collect();
    ui.horizontal(|ui| {
        let label = ui
            .label(lang.pick("如果这家企业离开:", "If this firm leaves:"))
            .id;
        let current = state
            .impact_node
            .as_ref()
            .map(|id| project.node_name(id))
            .unwrap_or_else(|| "—".into());
        egui::ComboBox::from_id_salt("impact-node")
            .selected_text(current)
            .width(240.0)
            .show_ui(ui, |ui| {
                for (id, name) in &firms {
                    if ui
                        .selectable_label(state.impact_node.as_ref() == Some(*id), *name)
                        .clicked()
                    {
                        state.impact_node = Some((*id).clone());
                    }
                }
            })
            .response
            .labelled_by(label);
        if let Some(id) = state.selection.nodes.iter().next().cloned()
            && ui
                .button(lang.pick("用所选企业", "Use the selected firm"))
                .clicked()
        {
            state.impact_node = Some(id);
        }
    });
    let Some(node) = state.impact_node.clone() else {
        ui.weak(lang.pick(
            "选择一家企业,看它离开后哪些企业失去本地供应。",
            "Pick a firm to see who loses local supply if it leaves.",
        ));
        return;
    };
    let i = match cx.derived.impact(&node) {
        Some(Some(i)) => i,
        Some(None) => {
            // The firm is gone (deleted, or another project).
            state.impact_node = None;
            return;
        }
        None => {
            ui.spinner();
            return;
        }
    };
    ui.label(format!(
        "{}: {:.0} / {:.0} {}",
        lang.pick(
            "失去本地替代的供应 / 其全部供应",
            "Supply with no local replacement / all its supply"
        ),
        i.value_at_stake,
        i.supply_value,
        project.meta.unit
    ));
    let highlight = Highlight {
        nodes: [node.clone()]
            .into_iter()
            .chain(i.downstream.iter().cloned())
            .collect(),
        danger: i.buyers_cut_off.iter().cloned().collect(),
        ..Highlight::default()
    };
    if state.highlight.as_ref() != Some(&highlight)
        && ui
            .button(lang.pick("在画布上显示", "Show on the canvas"))
            .clicked()
    {
        state.highlight = Some(highlight);
    }
    if i.lost.is_empty() {
        ui.label(lang.pick(
            "没有企业因此失去全部本地供应。",
            "No firm loses all its local supply of anything.",
        ));
    }
    for l in &i.lost {
        ui.colored_label(
            theme::ERROR,
            format!(
                "{} ← {} ({:.0})",
                project.node_name(&l.buyer),
                l.product,
                l.value
            ),
        );
    }
    ui.label(format!(
        "{} ({}): {}",
        lang.pick("下游受波及企业", "Downstream firms affected"),
        i.downstream.len(),
        i.downstream
            .iter()
            .map(|id| project.node_name(id))
            .collect::<Vec<_>>()
            .join("、")
    ));
}
