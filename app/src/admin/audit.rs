//! The append-only audit log: who did what, when, and from where. Rows are only ever
//! inserted; nothing in the application updates or deletes them.

use super::roles::Staff;
use crate::{db::Db, error::AppError};
use std::net::IpAddr;

/// What is recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    PasswordChanged,
    ViewApplication,
    Decision,
    Recommendation,
    Assignment,
    Note,
    Export,
    StaffCreated,
    StaffActivated,
    StaffDeactivated,
    TargetChanged,
    AssistedRegistration,
    SiteSaved,
    CohortSaved,
    Enrolment,
    CohortMove,
    SessionScheduled,
    AttendanceRecorded,
    VisitRecorded,
    MilestoneConfirmed,
    SurveyRecorded,
    FinancingApproved,
    TranchePlanned,
    TrancheApproved,
    TranchePaid,
    TrancheReconciled,
    PartnerKeyIssued,
    PartnerKeyRevoked,
    /// A call of the partners' API, by a key (no staff member).
    PartnerApiCall,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignOut => "sign_out",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::ViewApplication => "view_application",
            AuditAction::Decision => "decision",
            AuditAction::Recommendation => "recommendation",
            AuditAction::Assignment => "assignment",
            AuditAction::Note => "note",
            AuditAction::Export => "export",
            AuditAction::StaffCreated => "staff_created",
            AuditAction::StaffActivated => "staff_activated",
            AuditAction::StaffDeactivated => "staff_deactivated",
            AuditAction::TargetChanged => "target_changed",
            AuditAction::AssistedRegistration => "assisted_registration",
            AuditAction::SiteSaved => "site_saved",
            AuditAction::CohortSaved => "cohort_saved",
            AuditAction::Enrolment => "enrolment",
            AuditAction::CohortMove => "cohort_move",
            AuditAction::SessionScheduled => "session_scheduled",
            AuditAction::AttendanceRecorded => "attendance_recorded",
            AuditAction::VisitRecorded => "visit_recorded",
            AuditAction::MilestoneConfirmed => "milestone_confirmed",
            AuditAction::SurveyRecorded => "survey_recorded",
            AuditAction::FinancingApproved => "financing_approved",
            AuditAction::TranchePlanned => "tranche_planned",
            AuditAction::TrancheApproved => "tranche_approved",
            AuditAction::TranchePaid => "tranche_paid",
            AuditAction::TrancheReconciled => "tranche_reconciled",
            AuditAction::PartnerKeyIssued => "partner_key_issued",
            AuditAction::PartnerKeyRevoked => "partner_key_revoked",
            AuditAction::PartnerApiCall => "partner_api_call",
        }
    }
}

/// One entry to append.
pub struct Entry<'a> {
    pub actor: Option<&'a Staff>,
    /// The e-mail typed at a failed sign-in, when there is no actor.
    pub actor_email: Option<&'a str>,
    pub action: AuditAction,
    /// What it was done to: `application:42`, `staff:3`, `region:06`, `export`.
    pub subject: String,
    pub detail: String,
    pub client: IpAddr,
}

impl<'a> Entry<'a> {
    /// What a signed-in staff member did.
    pub fn by(
        staff: &'a Staff,
        action: AuditAction,
        subject: String,
        detail: String,
        client: IpAddr,
    ) -> Entry<'a> {
        Entry {
            actor: Some(staff),
            actor_email: None,
            action,
            subject,
            detail,
            client,
        }
    }
}

/// Appends `entry`, inside the caller's transaction when given one.
pub async fn record<'e, E>(executor: E, entry: Entry<'_>) -> Result<(), AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "insert into audit_log (at, actor_id, actor_email, action, subject, detail, client) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(crate::clock::now())
    .bind(entry.actor.map(|s| s.id))
    .bind(
        entry
            .actor
            .map(|s| s.email.as_str())
            .or(entry.actor_email)
            .unwrap_or_default()
            .to_owned(),
    )
    .bind(entry.action.code())
    .bind(entry.subject)
    .bind(entry.detail)
    .bind(entry.client.to_string())
    .execute(executor)
    .await?;
    Ok(())
}

/// A change staff make: begun with the database's write turn held (SQLite takes one writer
/// at a time), in a transaction that commits only with its entry in the audit log. Dropped
/// without [`AuditedWrite::commit`], it rolls back: no change goes unrecorded.
pub struct AuditedWrite {
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    pub tx: sqlx::Transaction<'static, sqlx::Any>,
}

impl AuditedWrite {
    pub async fn begin(db: &Db) -> Result<AuditedWrite, AppError> {
        let turn = db.writing().await;
        let tx = db.pool().begin().await?;
        Ok(AuditedWrite { _turn: turn, tx })
    }

    /// Records `entry` with the change, and commits both.
    pub async fn commit(mut self, entry: Entry<'_>) -> Result<(), AppError> {
        record(&mut *self.tx, entry).await?;
        self.tx.commit().await?;
        Ok(())
    }
}

/// Records an entry that changes nothing else (a sign-in, a page opened, an export).
pub async fn record_alone(db: &Db, entry: Entry<'_>) -> Result<(), AppError> {
    AuditedWrite::begin(db).await?.commit(entry).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_filter_offers_every_action_recorded() {
        let all = [
            AuditAction::SignIn,
            AuditAction::SignInFailed,
            AuditAction::SignOut,
            AuditAction::PasswordChanged,
            AuditAction::ViewApplication,
            AuditAction::Decision,
            AuditAction::Recommendation,
            AuditAction::Assignment,
            AuditAction::Note,
            AuditAction::Export,
            AuditAction::StaffCreated,
            AuditAction::StaffActivated,
            AuditAction::StaffDeactivated,
            AuditAction::TargetChanged,
            AuditAction::AssistedRegistration,
            AuditAction::SiteSaved,
            AuditAction::CohortSaved,
            AuditAction::Enrolment,
            AuditAction::CohortMove,
            AuditAction::SessionScheduled,
            AuditAction::AttendanceRecorded,
            AuditAction::VisitRecorded,
            AuditAction::MilestoneConfirmed,
            AuditAction::SurveyRecorded,
            AuditAction::FinancingApproved,
            AuditAction::TranchePlanned,
            AuditAction::TrancheApproved,
            AuditAction::TranchePaid,
            AuditAction::TrancheReconciled,
            AuditAction::PartnerKeyIssued,
            AuditAction::PartnerKeyRevoked,
            AuditAction::PartnerApiCall,
        ];
        let codes: Vec<&str> = all.iter().map(|a| a.code()).collect();
        assert_eq!(codes, crate::admin::audit_log::AUDIT_ACTIONS);
    }
}
