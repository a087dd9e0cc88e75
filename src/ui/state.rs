//! UI state: selection, camera, panels, clipboard. Never saved in the project.

use crate::edit::Edit;
use crate::i18n::Lang;
use crate::model::{Colouring, Link, LinkId, Node, NodeId, Pos, StageId, ViewFilter};
use crate::ui::command::AppCommand;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// What is selected on the canvas.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeId>,
    pub links: BTreeSet<LinkId>,
    /// A stage picked in the outline or on its lane header: the inspector shows it while no
    /// node or link is selected. Not part of what Delete or Copy act on.
    pub stage: Option<StageId>,
}

impl Selection {
    /// No node or link is selected (a selected stage does not count: Delete and Copy leave it).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.links.is_empty()
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
        self.links.clear();
        self.stage = None;
    }

    /// Selects exactly one stage.
    pub fn only_stage(&mut self, id: StageId) {
        self.clear();
        self.stage = Some(id);
    }

    /// Selects exactly one node.
    pub fn only_node(&mut self, id: NodeId) {
        self.clear();
        self.nodes.insert(id);
    }

    pub fn count(&self) -> usize {
        self.nodes.len() + self.links.len()
    }
}

/// Where the canvas looks: screen = rect.min + offset + canvas × zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub offset: egui::Vec2,
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            offset: egui::vec2(40.0, 60.0),
            zoom: 1.0,
        }
    }
}

impl Camera {
    pub const MIN_ZOOM: f32 = 0.05;
    pub const MAX_ZOOM: f32 = 6.0;

    pub fn to_screen(&self, origin: egui::Pos2, p: Pos) -> egui::Pos2 {
        origin + self.offset + egui::vec2(p.x, p.y) * self.zoom
    }

    pub fn to_canvas(&self, origin: egui::Pos2, p: egui::Pos2) -> Pos {
        let v = (p - origin - self.offset) / self.zoom;
        Pos { x: v.x, y: v.y }
    }

    /// Zooms by `factor`, keeping the canvas point under `anchor` (a screen point) in place.
    pub fn zoom_at(&mut self, origin: egui::Pos2, anchor: egui::Pos2, factor: f32) {
        let before = self.to_canvas(origin, anchor);
        self.zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        self.offset = anchor - origin - egui::vec2(before.x, before.y) * self.zoom;
    }
}

/// Settings remembered across runs (through eframe's storage).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub recent: Vec<PathBuf>,
    /// The outline expanded (else folded to its strip of tabs). On first start it is decided by
    /// the window's width (`app::panels_layout`).
    pub show_outline: bool,
    /// The inspector expanded (else folded to a strip).
    pub show_inspector: bool,
    pub show_legend: bool,
    /// The analysis panel open (else one summary line).
    pub show_analysis: bool,
    pub show_minimap: bool,
    /// The reference chain's missing stages and products drawn as ghost beads.
    pub show_reference: bool,
    /// No camera glides and no flow animation (for people whom motion bothers, and slow
    /// machines).
    pub reduce_motion: bool,
    /// Seconds between writes of unsaved changes to the recovery file; 0 turns it off.
    pub autosave_seconds: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            recent: Vec::new(),
            show_outline: true,
            show_inspector: true,
            show_legend: true,
            show_analysis: false,
            show_minimap: true,
            show_reference: true,
            reduce_motion: false,
            autosave_seconds: 60,
        }
    }
}

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

impl Settings {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
    }
}

/// A node or link kind picker waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
pub enum Picker {
    /// Add a node at this canvas point (double-click on empty space).
    NewNode { at: Pos, screen: egui::Pos2 },
    /// Link these two nodes (drag from a handle).
    NewLink {
        from: NodeId,
        to: NodeId,
        screen: egui::Pos2,
    },
    /// Link from this node to the node clicked next (the context menu's "Link to…").
    LinkTarget { from: NodeId },
}

/// Nodes to bring into view at a zoom where their names can be read, the most important first:
/// when they cannot all be shown at that zoom, the first is put in the middle. With no placed
/// node, the stage's lane is shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameRequest {
    pub nodes: Vec<NodeId>,
    pub stage: Option<StageId>,
}

/// What the canvas lights up (from the analysis panel); everything else is faded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    pub nodes: BTreeSet<NodeId>,
    /// Drawn in the warning colour: what breaks.
    pub danger: BTreeSet<NodeId>,
    pub stages: BTreeSet<StageId>,
    /// Links between these pairs stand out in the warning colour (bridges).
    pub edges: BTreeSet<(NodeId, NodeId)>,
    /// These links stand out in the accent colour (the links into a presented stage).
    pub links: BTreeSet<LinkId>,
    /// Lanes drawn pale (stages a presentation has not reached yet).
    pub dim_stages: BTreeSet<StageId>,
}

impl Highlight {
    pub fn contains(&self, id: &NodeId) -> bool {
        self.nodes.contains(id) || self.danger.contains(id)
    }
}

/// The tabs of the left panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeftTab {
    #[default]
    Outline,
    Views,
}

/// The tabs of the analysis panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisTab {
    #[default]
    Gaps,
    Leaders,
    Risks,
    Land,
    /// Issue 16: the yearly indicator dashboard.
    Indicators,
    Impact,
    Sharing,
    Fairness,
    /// Issue 18: the 招商 list.
    Targets,
    /// Issue 20: towns, concentration in parks, the 主体功能区 check.
    Territory,
    /// Issue 22: two versions compared.
    Compare,
}

/// What the central area shows (issue 20): the chain in its lanes, or the county's territory
/// (its towns, with the firms in them). Same selection and inspector in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    #[default]
    Chain,
    Territory,
}

impl ViewMode {
    /// The view a toggle switches to.
    pub fn other(self) -> Self {
        match self {
            ViewMode::Chain => ViewMode::Territory,
            ViewMode::Territory => ViewMode::Chain,
        }
    }
}

/// A status message, shown in the status bar until replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// Everything the panels and the canvas may change besides the project.
#[derive(Debug, Default)]
pub struct UiState {
    pub settings: Settings,
    pub selection: Selection,
    pub camera: Camera,
    /// Show the chain on the next frame as it opens: whole when its names can be read that way,
    /// else its height fitted from the first stage on (see `canvas::reading_camera`).
    pub fit_requested: bool,
    /// Fit the whole graph into view on the next frame, however small (Fit to View).
    pub fit_all_requested: bool,
    /// Centre the canvas on this node on the next frame.
    pub focus_request: Option<NodeId>,
    /// Frame these nodes on the next frame (gliding there unless motion is reduced).
    pub frame_request: Option<FrameRequest>,
    pub search: String,
    pub clipboard: Option<(Vec<Node>, Vec<Link>)>,
    /// Drag from any node to create a link.
    pub link_tool: bool,
    pub picker: Option<Picker>,
    pub message: Option<Message>,
    pub highlight: Option<Highlight>,
    pub colouring: Colouring,
    /// Only nodes this filter admits are drawn.
    pub filter: ViewFilter,
    pub left_tab: LeftTab,
    /// The saved view being edited in the views tab.
    pub selected_view: Option<crate::model::ViewId>,
    /// Text being typed into view fields, by field key.
    pub view_texts: std::collections::BTreeMap<String, String>,
    pub analysis_tab: AnalysisTab,
    /// The row of the indicators tab whose trend is drawn (issue 16).
    pub indicator_row: crate::analysis::indicators::Row,
    /// The firm the impact tab looks at.
    pub impact_node: Option<NodeId>,
    /// Light up and frame the impact tab's firm once its impact is worked out (asked for from
    /// the canvas's context menu).
    pub impact_show: bool,
    /// The agreement the sharing and fairness tabs show.
    pub agreement: Option<crate::model::AgreementId>,
    /// Which ledger and metric the schedule chart shows.
    pub schedule_view: Option<(crate::model::Ledger, crate::model::Metric)>,
    /// Where the canvas was drawn last frame, the map and the legend band docked below it (zoom
    /// commands zoom about its centre; the camera measures from its top left).
    pub canvas_rect: Option<egui::Rect>,
    /// The node names the canvas drew last frame, most important first.
    pub canvas_labels: Vec<crate::ui::canvas::ShownLabel>,
    /// Chains, stages and products being renamed in place, and a removal waiting for an answer.
    pub structure: crate::ui::panels::outline::StructureUi,
    /// "Map only": every panel hidden, the settings that show them left as they are, so turning
    /// it off brings the same panels back. Not remembered across runs.
    pub map_only: bool,
    /// The chain view or the territory view (issue 20).
    pub view_mode: ViewMode,
    /// The territory view's camera and colouring (its own: switching views keeps both).
    pub territory: crate::ui::territory::TerritoryUi,
}

impl UiState {
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
        log::warn!("{}", self.message.as_ref().map_or("", |m| m.text.as_str()));
    }
}

/// A change of what the user looks at (selection, highlight, the item on show), asked for by a
/// panel, the canvas or the palette and applied at the end of the frame like an edit.
#[derive(Debug, Clone, PartialEq)]
pub enum UiAction {
    /// Select exactly this node and centre the canvas on it.
    ShowNode(NodeId),
    /// Light up a stage's lane and centre the canvas on its first firm.
    ShowStage(StageId),
    /// Open the Sharing tab on this agreement.
    ShowAgreement(crate::model::AgreementId),
    /// Put a saved view on the canvas and open it in the views tab.
    ShowView(crate::model::ViewId),
    /// Replace the selection.
    Select(Selection),
    /// Light up (or, with `None`, stop lighting up) part of the graph.
    Highlight(Option<Highlight>),
    /// Switch, make, rename, remove or apply a scenario (issue 22).
    Scenario(crate::ui::scenarios::ScenarioAction),
}

/// What panels and the canvas ask for; applied at the end of the frame.
#[derive(Debug, Default)]
pub struct Queue {
    pub edits: Vec<Edit>,
    /// Edits made by a gesture on one field (a drag of a number, a slider, a colour), with the
    /// field's key: while the gesture lasts they join one undo step.
    pub gesture_edits: Vec<(Edit, String)>,
    pub commands: Vec<AppCommand>,
    pub actions: Vec<UiAction>,
    /// Open this file (a recent file, a dropped file).
    pub open_path: Option<PathBuf>,
}
