//! Small widgets shared by the panels.

pub mod draft;
