//! chainmap (串珠): county industrial-chain mapping.
//!
//! Layers, each depending only on those above it:
//!
//! ```text
//! i18n                 the two languages every message comes in
//! model                pure data: Project, chains, nodes, links, agreements, views; validate()
//! file                 the on-disk contract: versioned JSON envelope, migrate(), atomic save
//! cli                  headless commands (check, fmt ...)
//! ```

pub mod cli;
pub mod file;
pub mod i18n;
pub mod model;
