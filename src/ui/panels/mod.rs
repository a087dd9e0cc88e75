//! Side and bottom panels: functions of the read-only document plus UI state and the queue.

pub mod analysis;
pub mod inspector;
pub mod outline;
pub mod sharing;
pub mod status;
pub mod views;
