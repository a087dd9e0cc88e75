//! Saved views (slides for workshops): save the canvas as it is now (camera, highlight, filter,
//! colouring) under a name and caption; rename, reorder, delete, show one; and the canvas filter
//! itself. Views are stored in the project file.

use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Colouring, NodeKind, Project, View, ViewFilter, ViewId, fresh_id};
use crate::ui::command::AppCommand;
use crate::ui::context::ViewCtx;
use crate::ui::present;
use crate::ui::state::{Highlight, Queue, UiState};
use crate::ui::widgets::draft::{DraftKey, Drafts};
use egui::RichText;
use std::collections::{BTreeMap, BTreeSet};

/// The views in slide order.
pub fn ordered(project: &Project) -> Vec<&View> {
    let mut views: Vec<&View> = project.views.values().collect();
    views.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
    views
}

/// `views` renumbered 1, 2, 3 … in the given order, as the map an edit stores.
fn renumbered(views: Vec<View>) -> BTreeMap<ViewId, View> {
    views
        .into_iter()
        .enumerate()
        .map(|(i, mut v)| {
            v.order = i as u32 + 1;
            (v.id.clone(), v)
        })
        .collect()
}

/// The canvas as it is now, as a view named `name`.
pub fn capture(project: &Project, state: &UiState, id: ViewId, name: String) -> View {
    let size = state
        .canvas_rect
        .map(|r| r.size())
        .unwrap_or(egui::vec2(1200.0, 800.0));
    let highlight: Vec<_> = match &state.highlight {
        Some(h) => h.nodes.union(&h.danger).cloned().collect(),
        None => state.selection.nodes.iter().cloned().collect(),
    };
    View {
        id,
        name,
        caption: String::new(),
        order: project
            .views
            .values()
            .map(|v| v.order + 1)
            .max()
            .unwrap_or(0),
        camera: Some(present::saved_camera(state.camera, size)),
        highlight,
        filter: state.filter.clone(),
        colouring: state.colouring,
        agreement: None,
    }
}

/// Puts a view on the canvas: its camera, highlight, filter and colouring.
pub fn show(view: &View, state: &mut UiState) {
    if let (Some(cam), Some(rect)) = (view.camera, state.canvas_rect) {
        state.camera = present::camera_for_saved(cam, rect.size());
    }
    state.highlight = (!view.highlight.is_empty()).then(|| Highlight {
        nodes: view.highlight.iter().cloned().collect(),
        ..Highlight::default()
    });
    state.filter = view.filter.clone();
    state.colouring = view.colouring;
}

pub fn views_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    state: &mut UiState,
    drafts: &mut Drafts,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let project = cx.project();
    let views = ordered(project);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(lang.pick("保存当前视图", "Save current view"))
            .on_hover_text(lang.pick(
                "记下当前的镜头、突出显示、筛选和着色",
                "Keep the camera, highlight, filter and colouring as they are now",
            ))
            .clicked()
        {
            let id = ViewId::from(fresh_id("v", |c| {
                project.views.contains_key(&ViewId::from(c))
            }));
            let name = match lang {
                Lang::Zh => format!("视图 {}", views.len() + 1),
                Lang::En => format!("View {}", views.len() + 1),
            };
            let view = capture(project, state, id.clone(), name);
            let mut all: Vec<View> = views.iter().map(|v| (*v).clone()).collect();
            all.push(view);
            queue.edits.push(Edit::SetViews(renumbered(all)));
            state.selected_view = Some(id);
        }
        if ui
            .add_enabled(
                !views.is_empty(),
                egui::Button::new(AppCommand::PresentViews.label(lang)),
            )
            .clicked()
        {
            queue.commands.push(AppCommand::PresentViews);
        }
    });
    if views.is_empty() {
        ui.weak(lang.pick(
            "还没有保存的视图。调整好画面(缩放、突出显示、筛选、着色)后保存,演示时逐张播放。",
            "No saved views yet. Set up the canvas (zoom, highlight, filter, colouring), save it, \
             and step through the views when presenting.",
        ));
    }
    let mut new_order: Option<Vec<View>> = None;
    for (i, view) in views.iter().enumerate() {
        let selected = state.selected_view.as_ref() == Some(&view.id);
        ui.horizontal(|ui| {
            let label = format!("{}. {}", i + 1, view.name);
            if ui.selectable_label(selected, label).clicked() {
                state.selected_view = Some(view.id.clone());
                show(view, state);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut moved = |from: usize, to: usize| {
                    let mut all: Vec<View> = views.iter().map(|v| (*v).clone()).collect();
                    all.swap(from, to);
                    new_order = Some(all);
                };
                if ui
                    .add_enabled(i + 1 < views.len(), egui::Button::new("↓").small())
                    .on_hover_text(lang.pick("下移", "Move down"))
                    .clicked()
                {
                    moved(i, i + 1);
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new("↑").small())
                    .on_hover_text(lang.pick("上移", "Move up"))
                    .clicked()
                {
                    moved(i, i - 1);
                }
            });
        });
    }
    if let Some(all) = new_order {
        queue.edits.push(Edit::SetViews(renumbered(all)));
    }
    if let Some(view) = state
        .selected_view
        .as_ref()
        .and_then(|id| project.views.get(id))
    {
        ui.separator();
        view_editor_ui(ui, cx, drafts, view, &views, state, queue);
    }
    ui.separator();
    filter_ui(ui, project, state, lang);
}

/// The selected view's name, caption and chart, and buttons to update or delete it.
fn view_editor_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    drafts: &mut Drafts,
    view: &View,
    views: &[&View],
    state: &mut UiState,
    queue: &mut Queue,
) {
    let (project, lang) = (cx.project(), cx.lang);
    let mut edited = view.clone();
    let key = |field: &str| DraftKey::new(format!("view:{}", view.id), field);
    let name_label = ui.label(lang.pick("视图名称", "View name")).id;
    let name = drafts.field(ui, cx.doc, &key("name"), &view.name, |t, _| {
        t.desired_width(f32::INFINITY)
    });
    name.response.labelled_by(name_label);
    if let Some(text) = name.committed
        && !text.trim().is_empty()
    {
        edited.name = text.trim().to_owned();
    }
    let caption_label = ui
        .label(lang.pick(
            "说明(演示时作为字幕)",
            "Caption (the subtitle when presenting)",
        ))
        .id;
    let caption = drafts.field_of(ui, cx.doc, &key("caption"), &view.caption, 2, |t, _| {
        t.desired_width(f32::INFINITY)
    });
    caption.response.labelled_by(caption_label);
    if let Some(text) = caption.committed {
        edited.caption = text.trim().to_owned();
    }
    let chart_label = ui
        .label(lang.pick("旁边显示协议分成图", "Show an agreement's split beside it"))
        .id;
    let none = lang.pick("(不显示)", "(none)").to_owned();
    let current = edited
        .agreement
        .as_ref()
        .and_then(|id| project.agreements.get(id))
        .map(|a| a.name.clone())
        .unwrap_or_else(|| none.clone());
    egui::ComboBox::from_id_salt(("view-agreement", view.id.as_str()))
        .selected_text(current)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut edited.agreement, None, none);
            for a in project.agreements.values() {
                ui.selectable_value(&mut edited.agreement, Some(a.id.clone()), &a.name);
            }
        })
        .response
        .labelled_by(chart_label);
    ui.label(
        RichText::new(summary(view, lang))
            .small()
            .color(ui.visuals().weak_text_color()),
    );
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(lang.pick("用当前画面更新", "Update from canvas"))
            .on_hover_text(lang.pick(
                "把当前的镜头、突出显示、筛选和着色存入此视图",
                "Store the current camera, highlight, filter and colouring in this view",
            ))
            .clicked()
        {
            let now = capture(project, state, view.id.clone(), edited.name.clone());
            edited.camera = now.camera;
            edited.highlight = now.highlight;
            edited.filter = now.filter;
            edited.colouring = now.colouring;
        }
        if ui.button(lang.pick("删除视图", "Delete view")).clicked() {
            let rest: Vec<View> = views
                .iter()
                .filter(|v| v.id != view.id)
                .map(|v| (*v).clone())
                .collect();
            queue.edits.push(Edit::SetViews(renumbered(rest)));
            // Nothing else of it is stored after this.
            state.selected_view = None;
        }
    });
    if edited != *view && state.selected_view.is_some() {
        let mut all = project.views.clone();
        all.insert(edited.id.clone(), edited);
        queue.edits.push(Edit::SetViews(all));
    }
}

/// "12 highlighted · filtered · coloured by segment".
fn summary(view: &View, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !view.highlight.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("突出显示 {} 个节点", view.highlight.len()),
            Lang::En => format!(
                "{} highlighted",
                crate::i18n::count_en(view.highlight.len(), "node", "nodes")
            ),
        });
    }
    if !view.filter.is_empty() {
        parts.push(lang.pick("有筛选", "filtered").to_owned());
    }
    parts.push(format!(
        "{}: {}",
        lang.pick("着色", "colour"),
        view.colouring.label(lang)
    ));
    parts.join(" · ")
}

/// The canvas filter (what a view saves): node kinds, chains, stages and tags.
fn filter_ui(ui: &mut egui::Ui, project: &Project, state: &mut UiState, lang: Lang) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(lang.pick("画布筛选", "Canvas filter")).strong());
        if !state.filter.is_empty() && ui.button(lang.pick("清除", "Clear")).clicked() {
            state.filter = ViewFilter::default();
        }
    });
    colouring_combo(ui, state, "views-colouring");
    let filter = &mut state.filter;
    egui::CollapsingHeader::new(lang.pick("类型", "Kinds"))
        .id_salt("filter-kinds")
        .show(ui, |ui| {
            for kind in NodeKind::ALL {
                toggle(ui, &mut filter.kinds, kind, kind.label(lang));
            }
        });
    egui::CollapsingHeader::new(lang.pick("环节", "Stages"))
        .id_salt("filter-stages")
        .show(ui, |ui| {
            for chain in project.chains.values() {
                if project.chains.len() > 1 {
                    toggle(ui, &mut filter.chains, chain.id.clone(), &chain.name);
                }
                for stage in &chain.stages {
                    let name = match lang {
                        Lang::En if !stage.name_en.is_empty() => &stage.name_en,
                        _ => &stage.name,
                    };
                    toggle(
                        ui,
                        &mut filter.stages,
                        stage.id.clone(),
                        &format!("{} {name}", stage.id),
                    );
                }
            }
        });
    let tags: BTreeSet<&String> = project.nodes.values().flat_map(|n| &n.tags).collect();
    if !tags.is_empty() {
        egui::CollapsingHeader::new(lang.pick("标签", "Tags"))
            .id_salt("filter-tags")
            .show(ui, |ui| {
                for tag in tags {
                    toggle(ui, &mut filter.tags, tag.clone(), tag);
                }
            });
    }
}

/// A checkbox that puts `item` in `list` or takes it out.
fn toggle<T: PartialEq>(ui: &mut egui::Ui, list: &mut Vec<T>, item: T, label: &str) {
    let mut on = list.contains(&item);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            list.push(item);
        } else {
            list.retain(|x| *x != item);
        }
    }
}

/// "Colour nodes by" with every colouring.
pub fn colouring_combo(ui: &mut egui::Ui, state: &mut UiState, id: &str) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        let label = ui.label(lang.pick("节点着色", "Colour nodes by")).id;
        egui::ComboBox::from_id_salt(id)
            .selected_text(state.colouring.label(lang))
            .show_ui(ui, |ui| {
                for c in Colouring::ALL {
                    ui.selectable_value(&mut state.colouring, c, c.label(lang));
                }
            })
            .response
            .labelled_by(label);
    });
}
