//! Side and bottom panels. Each draws from the read-only [`ViewCtx`](crate::ui::context::ViewCtx)
//! plus the UI state, and queues what the user did; the text being typed into a panel's fields
//! is the panel's own ([`Drafts`](crate::ui::widgets::draft::Drafts)).

pub mod agreements;
pub mod analysis;
pub mod compare;
pub mod inspector;
pub mod outline;
pub mod status;
pub mod strip;
pub mod targets;
pub mod views;

use crate::ui::widgets::draft::Drafts;

/// The panels' own state, kept across frames.
#[derive(Default)]
pub struct Panels {
    pub inspector: inspector::InspectorPanel,
    /// The agreement tabs (their drafts and pending questions).
    pub agreements: agreements::AgreementsPanel,
    /// Text being typed into the saved views' fields.
    pub views: Drafts,
    /// The 招商 tab: its filter, the candidate on show, its note being typed.
    pub targets: targets::TargetsPanel,
    /// The Compare tab's choices and result (issue 22); the canvas marks from it too.
    pub compare: crate::ui::compare::CompareState,
}
