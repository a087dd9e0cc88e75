//! Saved views: camera, highlights, filters and colouring, used as slides in workshops.

use super::ids::{ChainId, NodeId, StageId, ViewId};
use super::node::{NodeKind, Pos};
use serde::{Deserialize, Serialize};

/// A named, captioned state of the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct View {
    pub id: ViewId,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// Position in the slide order.
    pub order: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub camera: Option<Camera>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<NodeId>,
    pub filter: ViewFilter,
    pub colouring: Colouring,
}

/// Where the canvas looks: the canvas point at the centre of the screen, and the zoom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct Camera {
    pub center: Pos,
    pub zoom: f32,
}

/// What is shown; an empty list means everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ViewFilter {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<NodeKind>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chains: Vec<ChainId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// How nodes are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Colouring {
    /// by node kind
    #[default]
    Kind,
    /// by the segment of the node's main stage
    Segment,
    /// local vs. external
    Locality,
    /// by land-efficiency class
    LandClass,
}
