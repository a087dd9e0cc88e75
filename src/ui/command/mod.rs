//! Every command of the app, in one enum: its label and tooltip in both languages, the menu it
//! sits in, and (in [`keys`]) its shortcuts in each mode. The menu bar, the key handler, the
//! presentation keys, the command palette and both key-help overlays are generated from this
//! table, so nothing is wired twice and nothing drifts.
//!
//! - [`keys`]: shortcuts per [`Mode`], the key handler, the clash check.
//! - [`help`]: the key-help overlays (F1 in the editor, H while presenting).
//! - [`labels`]: labels and tooltips.

pub mod help;
pub mod keys;
mod labels;

use crate::export::{ExportFormat, TableName};
use crate::i18n::Lang;
pub use keys::Mode;

/// A command the user can give from a menu, a key, the palette, or a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppCommand {
    New,
    /// A new project from a built-in reference chain (asks name and county).
    NewFromTemplate,
    Open,
    Save,
    SaveAs,
    Import,
    /// Import a list of 招商 candidate firms (asks which file; issue 18).
    ImportCandidates,
    /// Import the outlines of the county's towns from a GeoJSON (asks which file; issue 20).
    ImportBoundaries,
    /// Merge a colleague's copy of the project into the open one (asks for theirs and the
    /// common base; issue 22).
    Merge,
    /// Write the empty import template (asks where).
    ExportImportTemplate,
    /// Name, county, description, money unit and data year of the project.
    ProjectProperties,
    /// Export the map, the report or every table (asks where).
    Export(ExportFormat),
    /// Export one table as CSV (asks where).
    ExportTable(TableName),
    /// Export the territory map (县域空间图) as SVG or PNG (asks where; issue 20).
    ExportTerritory(ExportFormat),
    /// Export the schedule shown on the Sharing tab as CSV (asks where).
    ExportSchedule,
    Quit,
    Undo,
    Redo,
    SelectAll,
    Copy,
    Paste,
    Delete,
    Deselect,
    /// Add an enterprise at the centre of the view, in the lane there, ready to be named.
    AddEnterprise,
    LinkTool,
    AutoLayout,
    ForceLayout,
    FitView,
    ZoomIn,
    ZoomOut,
    ToggleOutline,
    ToggleInspector,
    ToggleLegend,
    ToggleMinimap,
    /// Show the reference chain's stages and products the county lacks as ghost beads.
    ToggleReference,
    ToggleAnalysis,
    /// Match a chain of the project to a reference chain (全景图 vs 现状), or stop comparing.
    CompareReference,
    /// Hide every panel (and back): the map on the whole window.
    MapOnly,
    /// The chain view or the county's territory view (issue 20).
    ToggleTerritory,
    Present,
    PresentViews,
    /// The enclave diagram (飞地示意图) of the agreement on show (issue 20).
    EnclaveDiagram,
    /// A scenario (方案) from the current state, edited from then on (issue 22).
    NewScenario,
    /// A scenario with candidates of the 招商 list signed (issue 22).
    ScenarioFromTargets,
    /// Rename, describe, delete or apply scenarios.
    ManageScenarios,
    /// The compare tab: two versions (base, scenarios, another file) side by side, and the
    /// differences marked on the canvas.
    CompareScenarios,
    /// Another project file to compare with (asks which).
    CompareWithFile,
    ReduceMotion,
    LangZh,
    LangEn,
    /// Find any command, firm, stage, agreement or saved view by name or pinyin.
    Palette,
    /// The editor's key help.
    KeyHelp,
    UserGuide,
    OpenLogFolder,
    About,
    // Presentation mode.
    NextStep,
    PreviousStep,
    FirstStep,
    LastStep,
    SwitchStory,
    DepthLess,
    DepthMore,
    ToggleImpact,
    ToggleSpotlight,
    ToggleFlow,
    ToggleProjectorTheme,
    LargerText,
    SmallerText,
    ResetText,
    Reframe,
    TogglePresentHelp,
    /// Show the enclave diagram of the step's (or the chosen) agreement while presenting.
    PresentEnclave,
    LeavePresentation,
}

/// The menus, in menu-bar order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    View,
    Scenarios,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [
        Menu::File,
        Menu::Edit,
        Menu::View,
        Menu::Scenarios,
        Menu::Help,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Menu::File => lang.pick("文件", "File"),
            Menu::Edit => lang.pick("编辑", "Edit"),
            Menu::View => lang.pick("视图", "View"),
            Menu::Scenarios => lang.pick("方案", "Scenarios"),
            Menu::Help => lang.pick("帮助", "Help"),
        }
    }
}

/// Whether a command can run now and whether its toggle is on: the app answers for the editor,
/// the presentation for its own commands. Menus, the palette and the help overlays ask it.
pub trait CommandState {
    fn enabled(&self, command: AppCommand) -> bool;
    /// `Some(on)` for a toggle, `None` for a plain command.
    fn checked(&self, command: AppCommand) -> Option<bool>;
    /// A value the help shows beside the command ("3 levels", "115 %").
    fn detail(&self, _command: AppCommand, _lang: Lang) -> Option<String> {
        None
    }
}

impl AppCommand {
    /// Every command, in menu order (presentation commands last).
    pub fn all() -> Vec<AppCommand> {
        use AppCommand::*;
        let mut all = vec![
            New,
            NewFromTemplate,
            Open,
            Save,
            SaveAs,
            ProjectProperties,
            Import,
            ImportCandidates,
            ImportBoundaries,
            Merge,
            ExportImportTemplate,
        ];
        all.extend(
            ExportFormat::ALL
                .into_iter()
                .filter(|f| *f != ExportFormat::Csv)
                .map(Export),
        );
        all.extend(TableName::ALL.into_iter().map(ExportTable));
        all.extend([
            ExportTerritory(ExportFormat::Svg),
            ExportTerritory(ExportFormat::Png),
        ]);
        all.extend([
            ExportSchedule,
            Quit,
            Undo,
            Redo,
            SelectAll,
            Copy,
            Paste,
            Delete,
            Deselect,
            AddEnterprise,
            LinkTool,
            AutoLayout,
            ForceLayout,
            Palette,
            ToggleTerritory,
            FitView,
            ZoomIn,
            ZoomOut,
            ToggleOutline,
            ToggleInspector,
            ToggleLegend,
            ToggleMinimap,
            ToggleReference,
            CompareReference,
            ToggleAnalysis,
            MapOnly,
            Present,
            PresentViews,
            EnclaveDiagram,
            NewScenario,
            ScenarioFromTargets,
            ManageScenarios,
            CompareScenarios,
            CompareWithFile,
            ReduceMotion,
            LangZh,
            LangEn,
            KeyHelp,
            UserGuide,
            OpenLogFolder,
            About,
        ]);
        all.extend(Self::PRESENTATION);
        all
    }

    /// The commands of presentation mode, in the order the help lists them.
    pub const PRESENTATION: [AppCommand; 18] = [
        AppCommand::NextStep,
        AppCommand::PreviousStep,
        AppCommand::FirstStep,
        AppCommand::LastStep,
        AppCommand::SwitchStory,
        AppCommand::DepthLess,
        AppCommand::DepthMore,
        AppCommand::ToggleImpact,
        AppCommand::ToggleSpotlight,
        AppCommand::ToggleFlow,
        AppCommand::ToggleProjectorTheme,
        AppCommand::LargerText,
        AppCommand::SmallerText,
        AppCommand::ResetText,
        AppCommand::Reframe,
        AppCommand::TogglePresentHelp,
        AppCommand::PresentEnclave,
        AppCommand::LeavePresentation,
    ];

    /// A command of presentation mode (not in the editor's menus or palette).
    pub fn is_presentation(self) -> bool {
        Self::PRESENTATION.contains(&self)
    }

    /// The menu the command sits in; `None` for presentation commands. Export commands sit in
    /// File → Export, the languages in View → Language.
    pub fn menu(self) -> Option<Menu> {
        use AppCommand::*;
        if self.is_presentation() {
            return None;
        }
        Some(match self {
            New | NewFromTemplate | Open | Save | SaveAs | ProjectProperties | Import
            | ImportCandidates | ImportBoundaries | Merge | ExportImportTemplate | Export(_)
            | ExportTable(_) | ExportTerritory(_) | ExportSchedule | Quit => Menu::File,
            Undo | Redo | SelectAll | Copy | Paste | Delete | Deselect | AddEnterprise
            | LinkTool | AutoLayout | ForceLayout => Menu::Edit,
            Palette | KeyHelp | UserGuide | OpenLogFolder | About => Menu::Help,
            NewScenario | ScenarioFromTargets | ManageScenarios | CompareScenarios
            | CompareWithFile => Menu::Scenarios,
            _ => Menu::View,
        })
    }

    /// Acts on files (a text field being typed into commits first).
    pub fn touches_file(self) -> bool {
        use AppCommand::*;
        matches!(
            self,
            New | NewFromTemplate
                | Open
                | Save
                | SaveAs
                | Quit
                | Export(_)
                | ExportTable(_)
                | ExportTerritory(_)
                | ProjectProperties
                | CompareReference
                | Merge
        )
    }
}
