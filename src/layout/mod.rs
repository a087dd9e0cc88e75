//! Layouts: pure functions from a project to new node positions (swimlane; force-directed for
//! exploration). Applying them is an edit (one
//! undo step); pinned nodes are never moved.

pub mod crossings;
pub mod force;
pub mod places;
pub mod swimlane;

pub use crossings::supply_crossings;
pub use force::{ForceLayout, force};
pub use swimlane::{lane_columns, lane_columns_of, lane_extent, place_new, swimlane};

/// Width of a stage lane, in canvas units.
pub const LANE_WIDTH: f32 = 240.0;
/// Vertical distance between two firms in a lane.
pub const ROW_HEIGHT: f32 = 90.0;
