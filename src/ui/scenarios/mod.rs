//! Scenarios (方案) in the editor: the switch on the toolbar (现状 or a scenario; edits go into
//! the one chosen), the Scenarios menu, and the window that makes a scenario (from the current
//! state, or by signing candidates of the 招商 list) or renames, removes or applies one. The
//! work is the document's (`Document::switch_scenario` and the rest): one undo step each.

mod dialog;

pub use dialog::{ScenarioDialog, window};

use crate::i18n::Lang;
use crate::ui::app::ChainmapApp;
use crate::ui::state::{Queue, UiAction};

/// What the user asked of scenarios; applied with the frame's queue.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioAction {
    /// Edit this scenario from now on (none: the base).
    Switch(Option<String>),
    /// Make a scenario and switch to it: from the current state, or with these candidates of
    /// the 招商 list signed.
    Create {
        name: String,
        description: String,
        sign: Vec<String>,
    },
    Rename {
        id: String,
        name: String,
        description: String,
    },
    Remove(String),
    /// Make the active scenario the base.
    Apply,
}

/// The scenarios as a switch lists them: the base first, then each by name.
pub struct Choices {
    pub active: Option<String>,
    /// (id, name), in id order.
    pub scenarios: Vec<(String, String)>,
}

impl Choices {
    pub fn of(doc: &crate::document::Document) -> Self {
        Self {
            active: doc.active_scenario().map(str::to_owned),
            scenarios: doc
                .scenarios()
                .values()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect(),
        }
    }

    /// The name of what is being edited.
    pub fn active_name(&self, lang: Lang) -> String {
        self.active
            .as_ref()
            .and_then(|id| self.scenarios.iter().find(|(i, _)| i == id))
            .map_or_else(|| base_name(lang).to_owned(), |(_, n)| n.clone())
    }
}

/// What the base is called in switches and compare lists.
pub fn base_name(lang: Lang) -> &'static str {
    lang.pick("现状", "Base (as is)")
}

/// The toolbar's switch: what is being edited, and a list to choose another (with "new
/// scenario…" at its end). Tinted while a scenario is active, so nobody edits a scenario
/// thinking it is the base.
pub fn switch_ui(ui: &mut egui::Ui, choices: &Choices, queue: &mut Queue, lang: Lang) {
    let active = choices.active_name(lang);
    let text = format!("{}{active}", lang.pick("方案:", "Scenario: "));
    let text = if choices.active.is_some() {
        egui::RichText::new(text)
            .color(ui.visuals().warn_fg_color)
            .strong()
    } else {
        egui::RichText::new(text)
    };
    let hint = lang.pick(
        "正在编辑的方案:现状,或在现状之上的一组修改(规划)。修改只进入所选方案;分析和导出跟随它",
        "The scenario being edited: the base (as is), or a set of edits on top of it (a plan). Edits go into the one chosen; analysis and exports follow it",
    );
    egui::ComboBox::from_id_salt("scenario-switch")
        .selected_text(text)
        .width(150.0)
        .truncate()
        .show_ui(ui, |ui| {
            list_ui(ui, choices, queue, lang);
            ui.separator();
            if ui.button(lang.pick("新建方案…", "New Scenario…")).clicked() {
                queue
                    .commands
                    .push(crate::ui::command::AppCommand::NewScenario);
            }
        })
        .response
        .on_hover_text(hint);
}

/// The base and each scenario as choices, the active one checked.
pub fn list_ui(ui: &mut egui::Ui, choices: &Choices, queue: &mut Queue, lang: Lang) {
    let base = choices.active.is_none();
    if ui.radio(base, base_name(lang)).clicked() && !base {
        queue
            .actions
            .push(UiAction::Scenario(ScenarioAction::Switch(None)));
    }
    for (id, name) in &choices.scenarios {
        let on = choices.active.as_deref() == Some(id.as_str());
        if ui.radio(on, name.as_str()).clicked() && !on {
            queue
                .actions
                .push(UiAction::Scenario(ScenarioAction::Switch(Some(id.clone()))));
        }
    }
}

/// Does what was asked, and says so in the status bar (or why not).
pub fn run(app: &mut ChainmapApp, action: ScenarioAction) {
    let lang = app.ui.lang();
    let result = match action {
        ScenarioAction::Switch(to) => switch(app, to.as_deref()),
        ScenarioAction::Create {
            name,
            description,
            sign,
        } => create(app, &name, &description, &sign),
        ScenarioAction::Rename {
            id,
            name,
            description,
        } => app
            .doc
            .rename_scenario(&id, &name, &description)
            .map(|()| lang.pick("方案已修改", "Scenario changed").to_owned()),
        ScenarioAction::Remove(id) => app
            .doc
            .remove_scenario(&id)
            .map(|()| lang.pick("方案已删除", "Scenario deleted").to_owned()),
        ScenarioAction::Apply => app.doc.apply_scenario().map(|()| {
            lang.pick(
                "方案已应用到现状;现在编辑的是现状",
                "The scenario is now the base; you are editing the base",
            )
            .to_owned()
        }),
    };
    match result {
        Ok(message) => app.ui.info(message),
        Err(e) => app.ui.error(e.message(lang).to_owned()),
    }
    app.prune_selection();
}

fn switch(
    app: &mut ChainmapApp,
    to: Option<&str>,
) -> Result<String, crate::document::ScenarioError> {
    let lang = app.ui.lang();
    let skipped = app.doc.switch_scenario(to)?;
    let name = Choices::of(&app.doc).active_name(lang);
    let mut message = match (to, lang) {
        (None, Lang::Zh) => "正在编辑现状".to_owned(),
        (None, Lang::En) => "Editing the base (as is)".to_owned(),
        (Some(_), Lang::Zh) => format!("正在编辑方案“{name}”:修改不影响现状"),
        (Some(_), Lang::En) => {
            format!("Editing scenario \"{name}\": the base stays as it is")
        }
    };
    if let Some((zh, en)) = skipped.first() {
        let more = skipped.len() - 1;
        message.push_str(&match lang {
            Lang::Zh => format!(";{} 处修改已不适用于现状,未应用(如 {zh})", more + 1),
            Lang::En => format!(
                "; {} edit(s) no longer fit the base and were left out ({en})",
                more + 1
            ),
        });
    }
    Ok(message)
}

fn create(
    app: &mut ChainmapApp,
    name: &str,
    description: &str,
    sign: &[String],
) -> Result<String, crate::document::ScenarioError> {
    let lang = app.ui.lang();
    if sign.is_empty() {
        app.doc.add_scenario(name, description, None)?;
    } else {
        let Some((list, analysis)) = app.derived.targets().zip(app.derived.analysis()) else {
            return Err(crate::document::ScenarioError {
                zh: "招商清单仍在计算,请稍后再试".to_owned(),
                en: "The 招商 list is still being worked out; try again in a moment".to_owned(),
            });
        };
        let year = app.doc.project.data_year(crate::time::this_year());
        let (signed_project, signed) =
            crate::scenario::sign_candidates(&app.doc.project, list, &analysis.places, sign, year);
        let mut text = description.trim().to_owned();
        if text.is_empty() {
            text = crate::scenario::describe(&signed_project, &signed, lang);
        }
        app.doc.add_scenario(name, &text, Some(&signed_project))?;
    }
    let name = Choices::of(&app.doc).active_name(lang);
    Ok(match lang {
        Lang::Zh => format!("已新建方案“{name}”,正在编辑它:修改不影响现状"),
        Lang::En => format!("New scenario \"{name}\": you are editing it; the base stays as it is"),
    })
}
