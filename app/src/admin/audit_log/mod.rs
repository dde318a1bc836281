//! The audit log as national administrators read it: every entry, newest first, with what it
//! was done to named in words. Its page is in `page.rs`, its queries in `repo.rs`; the log is
//! written by `admin::audit`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use crate::{clock::LocalTime, error::AppError};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: LocalTime,
    pub actor_email: String,
    pub action: String,
    /// What the action was done to, as recorded (`application:42`, `staff:3`, `region:06`).
    pub subject: String,
    /// The same in words: an application's reference, an account's e-mail, a region's code.
    pub subject_name: String,
    /// Where it is shown in the console, if anywhere.
    pub subject_link: Option<String>,
    pub detail: String,
    pub client: String,
}

/// Every action the audit log records (`audit::AuditAction`), for its filter.
pub const AUDIT_ACTIONS: &[&str] = &[
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "password_changed",
    "view_application",
    "decision",
    "recommendation",
    "assignment",
    "note",
    "export",
    "staff_created",
    "staff_activated",
    "staff_deactivated",
    "target_changed",
    "assisted_registration",
    "site_saved",
    "cohort_saved",
    "enrolment",
    "cohort_move",
    "session_scheduled",
    "attendance_recorded",
    "visit_recorded",
    "milestone_confirmed",
    "survey_recorded",
    "financing_approved",
    "tranche_planned",
    "tranche_approved",
    "tranche_paid",
    "tranche_reconciled",
    "partner_key_issued",
    "partner_key_revoked",
    "partner_api_call",
];

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditFilters {
    pub actor: String,
    pub action: String,
    pub page: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub page: u32,
    pub more: bool,
}

#[server(endpoint = "admin/audit", input = Json)]
pub async fn load_audit(filters: AuditFilters) -> Result<AuditPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    repo::audit(&cx.db, &filters).await
}
