//! Scenarios in the open document. While a scenario is active, `Document::project` is the base
//! with the scenario's edits made, and every edit goes there; the base waits untouched beside
//! it. What the scenario changes is worked out again from the two (`scenario::record`) when the
//! file is written or another scenario is chosen, so edits in a scenario are ordinary edits with
//! ordinary undo. Choosing, making, renaming, removing and applying a scenario are undo steps of
//! their own that swap the whole state: undo takes the user back to where they were.

use super::{Active, Document, Step, Workspace};
use crate::edit::Change;
use crate::i18n::Lang;
use crate::model::{Project, Scenario};
use crate::scenario::{materialise, next_id, record, unique_name};
use std::collections::BTreeMap;

/// Why a scenario operation changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{en}")]
pub struct ScenarioError {
    pub zh: String,
    pub en: String,
}

impl ScenarioError {
    fn new(zh: String, en: String) -> Self {
        Self { zh, en }
    }

    fn encode(e: serde_json::Error) -> Self {
        Self::new(
            format!("项目无法编码:{e}"),
            format!("cannot encode the project: {e}"),
        )
    }

    fn unknown(id: &str) -> Self {
        Self::new(
            format!("没有方案“{id}”"),
            format!("there is no scenario \"{id}\""),
        )
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// What the edits of a scenario left out because they no longer fit the base (zh, en).
pub type Skipped = Vec<(String, String)>;

impl Document {
    /// The id of the scenario being edited; none when the base is.
    pub fn active_scenario(&self) -> Option<&str> {
        self.active.as_ref().map(|a| a.id.as_str())
    }

    /// The project as it is (现状), with every scenario.
    pub fn base(&self) -> &Project {
        self.active.as_ref().map_or(&self.project, |a| &a.base)
    }

    /// The scenarios, by id.
    pub fn scenarios(&self) -> &BTreeMap<String, Scenario> {
        &self.base().scenarios
    }

    /// The project as shown, for a deliverable: while a scenario is edited, its title names
    /// the scenario ("… · 方案:签约 3 家"), so a report of a plan is not taken for the county
    /// as it is.
    pub fn titled_project(&self, lang: Lang) -> std::borrow::Cow<'_, Project> {
        let scenario = self
            .active_scenario()
            .and_then(|id| self.scenarios().get(id))
            .map(|s| s.name.clone());
        match scenario {
            None => std::borrow::Cow::Borrowed(&self.project),
            Some(name) => {
                let mut project = self.project.clone();
                project.meta.name = crate::scenario::titled(&project.meta.name, &name, lang);
                std::borrow::Cow::Owned(project)
            }
        }
    }

    /// What the file holds: the base with every scenario, the active one's edits as they are
    /// now.
    pub fn file_project(&self) -> Result<Project, serde_json::Error> {
        let Some(active) = &self.active else {
            return Ok(self.project.clone());
        };
        let mut file = active.base.clone();
        if let Some(scenario) = file.scenarios.get_mut(&active.id) {
            scenario.changes = record(&active.base, &self.project)?;
        }
        Ok(file)
    }

    /// Edits the scenario `to` from now on (none: the base). Returns the scenario's edits that
    /// no longer fit the base and were left out, for the status bar.
    pub fn switch_scenario(&mut self, to: Option<&str>) -> Result<Skipped, ScenarioError> {
        if to == self.active_scenario() {
            return Ok(Vec::new());
        }
        let file = self.file_project().map_err(ScenarioError::encode)?;
        let Some(id) = to else {
            self.swap_in(file, None, ("切换到现状", "switch to the base"), false);
            return Ok(Vec::new());
        };
        let scenario = file
            .scenarios
            .get(id)
            .ok_or_else(|| ScenarioError::unknown(id))?;
        let made = materialise(&file, &scenario.changes);
        let label = (
            format!("切换到方案“{}”", scenario.name),
            format!("switch to scenario \"{}\"", scenario.name),
        );
        let active = Active {
            id: id.to_owned(),
            base: file,
        };
        self.swap_in(made.project, Some(active), (&label.0, &label.1), false);
        Ok(made.skipped)
    }

    /// Makes a scenario named `name` (made unique) and edits it from now on. It holds the
    /// edits that turn the base into `edited`, or into the project as it is now (the base, or
    /// the active scenario's project: a copy of it) when none. Returns the new id.
    pub fn add_scenario(
        &mut self,
        name: &str,
        description: &str,
        edited: Option<&Project>,
    ) -> Result<String, ScenarioError> {
        let name = checked_name(name)?;
        let mut file = self.file_project().map_err(ScenarioError::encode)?;
        let changes =
            record(&file, edited.unwrap_or(&self.project)).map_err(ScenarioError::encode)?;
        let id = next_id(&file);
        let name = unique_name(&file, name);
        let label = (
            format!("新建方案“{name}”"),
            format!("new scenario \"{name}\""),
        );
        file.scenarios.insert(
            id.clone(),
            Scenario {
                id: id.clone(),
                name,
                description: description.trim().to_owned(),
                changes,
            },
        );
        let scenario = &file.scenarios[&id];
        let made = materialise(&file, &scenario.changes);
        let active = Active {
            id: id.clone(),
            base: file,
        };
        self.swap_in(made.project, Some(active), (&label.0, &label.1), true);
        Ok(id)
    }

    /// Renames a scenario and sets what it says about itself.
    pub fn rename_scenario(
        &mut self,
        id: &str,
        name: &str,
        description: &str,
    ) -> Result<(), ScenarioError> {
        let name = checked_name(name)?.to_owned();
        let old = self
            .scenarios()
            .get(id)
            .ok_or_else(|| ScenarioError::unknown(id))?;
        if old.name == name && old.description == description.trim() {
            return Ok(());
        }
        if self
            .scenarios()
            .values()
            .any(|s| s.name == name && s.id != id)
        {
            return Err(ScenarioError::new(
                format!("已有名为“{name}”的方案"),
                format!("there is already a scenario named \"{name}\""),
            ));
        }
        let label = (
            format!("修改方案“{name}”"),
            format!("edit scenario \"{name}\""),
        );
        let rename = |p: &mut Project| {
            if let Some(s) = p.scenarios.get_mut(id) {
                s.name = name.clone();
                s.description = description.trim().to_owned();
            }
        };
        let mut project = self.project.clone();
        rename(&mut project);
        let mut active = self.active.clone();
        if let Some(a) = &mut active {
            rename(&mut a.base);
        }
        self.swap_in(project, active, (&label.0, &label.1), true);
        Ok(())
    }

    /// Removes a scenario (the base is left as it is); removing the active one goes back to
    /// the base.
    pub fn remove_scenario(&mut self, id: &str) -> Result<(), ScenarioError> {
        let name = self
            .scenarios()
            .get(id)
            .ok_or_else(|| ScenarioError::unknown(id))?
            .name
            .clone();
        let label = (
            format!("删除方案“{name}”"),
            format!("delete scenario \"{name}\""),
        );
        let (mut project, mut active) = if self.active_scenario() == Some(id) {
            (self.base().clone(), None)
        } else {
            (self.project.clone(), self.active.clone())
        };
        project.scenarios.remove(id);
        if let Some(a) = &mut active {
            a.base.scenarios.remove(id);
        }
        self.swap_in(project, active, (&label.0, &label.1), true);
        Ok(())
    }

    /// Makes the active scenario the base (规划 becomes 现状): its edits go into the base, the
    /// scenario itself is removed, the other scenarios stay (their edits now on the new base).
    pub fn apply_scenario(&mut self) -> Result<(), ScenarioError> {
        let Some(active) = &self.active else {
            return Err(ScenarioError::new(
                "正在编辑现状,没有可应用的方案".to_owned(),
                "the base is being edited: there is no scenario to apply".to_owned(),
            ));
        };
        let name = active
            .base
            .scenarios
            .get(&active.id)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let mut project = self.project.clone();
        project.scenarios = active.base.scenarios.clone();
        project.scenarios.remove(&active.id);
        let label = (
            format!("应用方案“{name}”到现状"),
            format!("apply scenario \"{name}\" to the base"),
        );
        self.swap_in(project, None, (&label.0, &label.1), true);
        Ok(())
    }

    /// Puts a new state in place as one undo step that keeps the old one.
    fn swap_in(
        &mut self,
        project: Project,
        active: Option<Active>,
        label: (&str, &str),
        changes_file: bool,
    ) {
        self.end_gesture();
        let old = Workspace {
            project: std::mem::replace(&mut self.project, project),
            active: std::mem::replace(&mut self.active, active),
        };
        self.record_as(
            Step {
                label_zh: label.0.to_owned(),
                label_en: label.1.to_owned(),
                change: Change::default(),
                workspace: Some(Box::new(old)),
                state_before: 0,
                state_after: 0,
                gesture: None,
            },
            changes_file,
        );
    }
}

fn checked_name(name: &str) -> Result<&str, ScenarioError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ScenarioError::new(
            "方案名称不能为空".to_owned(),
            "a scenario needs a name".to_owned(),
        ));
    }
    Ok(name)
}
