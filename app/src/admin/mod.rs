//! The admin console: staff sign-in, roles scoped to a region, the dashboard, the review of
//! applications, staff accounts, the audit log and the export.

pub mod api;
pub mod filters;
pub mod i18n;
pub mod pages;
pub mod roles;
pub mod workflow;

#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod sessions;
#[cfg(feature = "ssr")]
pub mod throttle;

pub use crate::layout::is_console_path;
