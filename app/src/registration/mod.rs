//! Applicant registration: the rules of each answer (`fields`, `choices`, `eligibility`), the
//! wizard's steps (`steps`), each step's answers read once (`answers`), its server side
//! (`service`: the draft store, the applications store, the step flow; `api`) and its pages.

pub mod answers;
pub mod api;
pub mod choices;
pub mod eligibility;
pub mod fields;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod steps;

/// Submissions from one connection within [`BURST_WINDOW_SECS`] that mark them all, for
/// staff, as a burst to look at (assisted registrations aside).
pub const BURST_SIZE: i64 = 10;
pub const BURST_WINDOW_SECS: i64 = 600;
