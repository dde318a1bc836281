//! The append-only audit log: who did what, when, and from where. Rows are only ever
//! inserted; nothing in the application updates or deletes them.

use super::roles::Staff;
use crate::error::AppError;
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
    .bind(time::OffsetDateTime::now_utc().unix_timestamp())
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
        ];
        let codes: Vec<&str> = all.iter().map(|a| a.code()).collect();
        assert_eq!(codes, super::super::api::AUDIT_ACTIONS);
    }
}
