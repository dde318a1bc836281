//! Applicant registration: the rules of each answer (`fields`, `choices`, `eligibility`), the
//! wizard's steps (`steps`), its server side (`service`, `api`) and its pages.

pub mod api;
pub mod choices;
pub mod eligibility;
pub mod fields;
pub mod form;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod steps;

/// Submissions from one connection within [`BURST_WINDOW_SECS`] that mark them all, for
/// staff, as a burst to look at (assisted registrations aside).
pub const BURST_SIZE: i64 = 10;
pub const BURST_WINDOW_SECS: i64 = 600;
