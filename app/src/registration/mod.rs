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
