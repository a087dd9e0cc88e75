//! The 招商 list (按图招商): firms the county could attract, imported from the lists counties
//! keep (`import`), matched by product to the gaps of the analysis (`matching`: normalised
//! names, the compared template's synonyms), ranked by gap priority × fit (`rank`), each with
//! its reason in words (`reason`); the tags lists give firms and what they weigh (`tags`).
//! Pure functions of the project and its analysis: no UI. The candidates themselves are the
//! project's (`model::Candidate`, changed by `Edit::SetCandidates`).

mod columns;
pub mod import;
pub mod matching;
pub mod rank;
mod reason;
pub mod tags;

pub use import::{CandidateImport, Column, import_table, read_candidates};
pub use matching::MatchKind;
pub use rank::{Fit, GapMatch, GapTarget, Standing, Target, TargetList, rank, rank_against};
pub use reason::revenue_text;
