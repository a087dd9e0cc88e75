//! The scenario window: a new scenario (from the current state, or "sign these candidates" of
//! the 招商 list, ranked as the list ranks them), or the scenarios managed (rename, describe,
//! delete, apply the active one to the base). Every button queues a `ScenarioAction`.

use super::{ScenarioAction, base_name};
use crate::i18n::Lang;
use crate::ui::context::ViewCtx;
use crate::ui::state::{Queue, UiAction};
use egui::{Align2, Vec2};
use std::collections::BTreeSet;

/// Width of the window's body.
const WIDTH: f32 = 460.0;

/// What the window is doing, while open.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenarioDialog {
    open: Option<Mode>,
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    /// A new scenario; with `from_targets`, the candidates ticked are signed in it.
    New {
        name: String,
        description: String,
        from_targets: bool,
        ticked: BTreeSet<String>,
    },
    /// The scenarios listed; one picked to edit.
    Manage {
        picked: Option<String>,
        name: String,
        description: String,
    },
}

impl ScenarioDialog {
    /// Opens the window for a new scenario (`from_targets`: signing candidates).
    pub fn new_scenario(&mut self, from_targets: bool, lang: Lang) {
        self.open = Some(Mode::New {
            name: if from_targets {
                lang.pick("招商签约", "Candidates signed").to_owned()
            } else {
                lang.pick("规划方案", "Plan").to_owned()
            },
            description: String::new(),
            from_targets,
            ticked: BTreeSet::new(),
        });
    }

    /// Opens the list of scenarios, the active one picked.
    pub fn manage(&mut self, active: Option<(&str, &str, &str)>) {
        self.open = Some(Mode::Manage {
            picked: active.map(|a| a.0.to_owned()),
            name: active.map(|a| a.1.to_owned()).unwrap_or_default(),
            description: active.map(|a| a.2.to_owned()).unwrap_or_default(),
        });
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn close(&mut self) {
        self.open = None;
    }
}

/// Draws the window while open.
pub fn window(
    ctx: &egui::Context,
    dialog: &mut ScenarioDialog,
    cx: &ViewCtx<'_>,
    queue: &mut Queue,
) {
    let lang = cx.lang;
    let Some(mode) = &mut dialog.open else {
        return;
    };
    let title = match mode {
        Mode::New {
            from_targets: true, ..
        } => lang.pick("从招商清单新建方案", "New Scenario from the 招商 List"),
        Mode::New { .. } => lang.pick("新建方案", "New Scenario"),
        Mode::Manage { .. } => lang.pick("管理方案", "Scenarios"),
    };
    let mut open = true;
    let mut done = false;
    egui::Window::new(title)
        .id(egui::Id::unique("scenario-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_width(WIDTH);
            done = match mode {
                Mode::New {
                    name,
                    description,
                    from_targets,
                    ticked,
                } => new_ui(ui, cx, (name, description), *from_targets, ticked, queue),
                Mode::Manage {
                    picked,
                    name,
                    description,
                } => manage_ui(ui, cx, picked, (name, description), queue),
            };
        });
    if !open || done {
        dialog.close();
    }
}

/// The name and description fields.
fn fields_ui(ui: &mut egui::Ui, lang: Lang, name: &mut String, description: &mut String) {
    egui::Grid::new("scenario-fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label(lang.pick("名称", "Name"));
            ui.add(egui::TextEdit::singleline(name).desired_width(WIDTH - 90.0));
            ui.end_row();
            ui.label(lang.pick("说明", "Description"));
            ui.add(
                egui::TextEdit::multiline(description)
                    .desired_rows(2)
                    .desired_width(WIDTH - 90.0)
                    .hint_text(lang.pick("这个方案假设什么", "What the scenario assumes")),
            );
            ui.end_row();
        });
}

fn new_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    (name, description): (&mut String, &mut String),
    from_targets: bool,
    ticked: &mut BTreeSet<String>,
    queue: &mut Queue,
) -> bool {
    let lang = cx.lang;
    let from = cx.doc.active_scenario().map_or_else(
        || base_name(lang).to_owned(),
        |_| super::Choices::of(cx.doc).active_name(lang),
    );
    ui.label(match lang {
        Lang::Zh => format!("新方案从“{from}”复制开始;之后的修改只进入新方案,现状保持不变。"),
        Lang::En => format!(
            "The new scenario starts as a copy of \"{from}\"; edits from then on go into it, and the base stays as it is."
        ),
    });
    ui.add_space(6.0);
    fields_ui(ui, lang, name, description);
    if from_targets {
        ui.add_space(6.0);
        candidates_ui(ui, cx, ticked);
    }
    ui.add_space(8.0);
    let mut done = false;
    ui.horizontal(|ui| {
        let ready = !name.trim().is_empty() && (!from_targets || !ticked.is_empty());
        let create = ui.add_enabled(
            ready,
            egui::Button::new(lang.pick("新建并切换", "Create and Switch")),
        );
        if create.clicked() {
            queue
                .actions
                .push(UiAction::Scenario(ScenarioAction::Create {
                    name: name.trim().to_owned(),
                    description: description.trim().to_owned(),
                    sign: ticked.iter().cloned().collect(),
                }));
            done = true;
        }
        if ui.button(lang.pick("取消", "Cancel")).clicked() {
            done = true;
        }
    });
    done
}

/// The 招商 list, best first, each with a tick and the gap it was ranked against.
fn candidates_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, ticked: &mut BTreeSet<String>) {
    let lang = cx.lang;
    let Some(list) = cx.derived.targets() else {
        ui.weak(lang.pick("正在计算招商清单…", "working out the 招商 list…"));
        return;
    };
    if list.targets.is_empty() {
        ui.weak(lang.pick(
            "项目中没有招商候选:先用“文件 → 导入招商候选…”导入清单",
            "The project has no candidates: import a list first (File → Import Candidates…)",
        ));
        return;
    }
    ui.label(lang.pick(
        "勾选要签约的企业:每家成为本县企业,放入其对应缺口的环节,产值按营业收入计,并替代本地企业从县外采购的同类产品。",
        "Tick the firms to sign: each becomes a local firm in the stage of the gap it fills, with its revenue as output, taking over what local firms bought of its product from outside the county.",
    ));
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for target in &list.targets {
                let Some(candidate) = cx.doc.project.candidates.get(&target.candidate) else {
                    continue;
                };
                let gap = target
                    .best
                    .as_ref()
                    .and_then(|m| list.gaps.get(m.gap))
                    .map(|g| g.label(lang))
                    .unwrap_or_else(|| lang.pick("无对应缺口", "no gap").to_owned());
                let mut on = ticked.contains(&target.candidate);
                let text = format!("{}. {} — {gap}", target.rank, candidate.name);
                if ui
                    .checkbox(&mut on, text)
                    .on_hover_text(target.reason(lang))
                    .changed()
                {
                    if on {
                        ticked.insert(target.candidate.clone());
                    } else {
                        ticked.remove(&target.candidate);
                    }
                }
            }
        });
}

fn manage_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    picked: &mut Option<String>,
    (name, description): (&mut String, &mut String),
    queue: &mut Queue,
) -> bool {
    let lang = cx.lang;
    let scenarios = cx.doc.scenarios();
    if scenarios.is_empty() {
        ui.weak(lang.pick(
            "还没有方案。用“方案 → 新建方案…”在现状之上做一组修改。",
            "No scenarios yet. Use Scenarios → New Scenario… to make a set of edits on top of the base.",
        ));
        return ui.button(lang.pick("关闭", "Close")).clicked();
    }
    for scenario in scenarios.values() {
        let [added, removed, changed] = scenario.changes.counts();
        let counts = match lang {
            Lang::Zh => format!("新增 {added} · 删除 {removed} · 修改 {changed}"),
            Lang::En => format!("{added} added · {removed} removed · {changed} changed"),
        };
        let on = picked.as_deref() == Some(scenario.id.as_str());
        let active = cx.doc.active_scenario() == Some(scenario.id.as_str());
        let mark = if active {
            lang.pick("(正在编辑)", " (editing)")
        } else {
            ""
        };
        let row = ui.selectable_label(on, format!("{}{mark}    {counts}", scenario.name));
        if row.clicked() && !on {
            *picked = Some(scenario.id.clone());
            *name = scenario.name.clone();
            *description = scenario.description.clone();
        }
    }
    let Some(id) = picked.clone().filter(|id| scenarios.contains_key(id)) else {
        return ui.button(lang.pick("关闭", "Close")).clicked();
    };
    ui.separator();
    fields_ui(ui, lang, name, description);
    ui.add_space(8.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button(lang.pick("保存修改", "Save Changes")).clicked() {
            queue.actions.push(UiAction::Scenario(ScenarioAction::Rename {
                id: id.clone(),
                name: name.trim().to_owned(),
                description: description.trim().to_owned(),
            }));
        }
        if ui.button(lang.pick("删除方案", "Delete Scenario")).clicked() {
            queue.actions.push(UiAction::Scenario(ScenarioAction::Remove(id.clone())));
            *picked = None;
        }
        let active = cx.doc.active_scenario() == Some(id.as_str());
        let apply = ui
            .add_enabled(active, egui::Button::new(lang.pick("应用到现状", "Apply to Base")))
            .on_hover_text(lang.pick(
                "把这个方案的修改并入现状(规划落地),方案随之删除;其他方案保留",
                "Make this scenario's edits part of the base (the plan came true); the scenario goes, the others stay",
            ))
            .on_disabled_hover_text(lang.pick(
                "先在工具栏切换到这个方案",
                "Switch to this scenario on the toolbar first",
            ));
        if apply.clicked() {
            queue.actions.push(UiAction::Scenario(ScenarioAction::Apply));
            done = true;
        }
        if ui.button(lang.pick("关闭", "Close")).clicked() {
            done = true;
        }
    });
    done
}
