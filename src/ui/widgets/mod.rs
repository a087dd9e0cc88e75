//! Small widgets shared by the panels.

pub mod draft;
pub mod split_chart;
