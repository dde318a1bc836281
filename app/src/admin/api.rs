//! The console's server functions and what they exchange with its pages. Each one reads the
//! signed-in staff member from the session on the server and applies the role's scope
//! itself: nothing the browser sends widens what a staff member sees or may do.

use super::{
    filters::Filters,
    roles::{Role, Staff},
    workflow::{Action, ActionKind, Refused, Status},
};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

/// The shortest password a staff member may choose: the server's rule, which the password
/// page quotes.
pub const MIN_PASSWORD_LEN: usize = 12;

/// What a sign-in form leads to. An unknown account and a wrong password read the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInReply {
    SignedIn {
        must_change_password: bool,
    },
    Invalid,
    /// Too many wrong passwords lately, for this account from this address or from
    /// everywhere: the next attempt is let through after this many seconds. The account is
    /// never locked, and an e-mail without an account gets the same.
    Wait {
        seconds: i64,
    },
    TooMany,
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordReply {
    Changed,
    WrongCurrent,
    /// The new password must differ from the temporary one.
    SameAsCurrent,
    TooShort,
    /// A common password, or one easily guessed.
    TooEasy,
    Mismatch,
}

/// One region's applications, by status, against its target.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionFigures {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub target: i64,
    /// Applications in each status, in [`Status::ALL`] order.
    pub by_status: Vec<i64>,
}

impl RegionFigures {
    pub fn count(&self, status: Status) -> i64 {
        Status::ALL
            .iter()
            .position(|s| *s == status)
            .and_then(|i| self.by_status.get(i).copied())
            .unwrap_or(0)
    }

    pub fn total(&self) -> i64 {
        self.by_status.iter().sum()
    }
}

/// A figure with its label's parts: a code (sector, channel, day) or a place's two names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub name_fr: String,
    pub name_ar: String,
    pub count: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The region the figures are limited to; `None` for the whole country.
    pub region: Option<String>,
    pub regions: Vec<RegionFigures>,
    /// Submissions per day, the last 30 days, oldest first (key: YYYY-MM-DD).
    pub per_day: Vec<Count>,
    pub by_sector: Vec<Count>,
    pub by_province: Vec<Count>,
    pub by_channel: Vec<Count>,
    /// Days the oldest application not yet decided has waited (none: nothing waits).
    pub oldest_waiting_days: Option<i64>,
    /// Possible duplicates among the applications not yet decided.
    pub duplicates_to_resolve: i64,
}

/// What applicants are promised: an answer within four weeks.
pub const PROMISED_DAYS: i64 = 28;

impl Dashboard {
    /// Applications received or under review: the work left.
    pub fn to_review(&self) -> i64 {
        self.count(Status::Submitted) + self.count(Status::UnderReview)
    }

    /// Applications holding a place (accepted or enrolled).
    pub fn places_taken(&self) -> i64 {
        Status::ALL
            .into_iter()
            .filter(|s| s.takes_a_place())
            .map(|s| self.count(s))
            .sum()
    }
}

impl Dashboard {
    pub fn target(&self) -> i64 {
        self.regions.iter().map(|r| r.target).sum()
    }

    pub fn count(&self, status: Status) -> i64 {
        self.regions.iter().map(|r| r.count(status)).sum()
    }

    pub fn total(&self) -> i64 {
        self.regions.iter().map(RegionFigures::total).sum()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub reference: String,
    pub first_name: String,
    pub last_name: String,
    pub region_code: String,
    pub province_fr: String,
    pub province_ar: String,
    pub sector: String,
    pub status: Status,
    pub channel: String,
    pub submitted_at: i64,
    pub possible_duplicate: bool,
    pub burst: bool,
    pub reviewer: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationPage {
    pub rows: Vec<ApplicationRow>,
    pub total: i64,
    /// There are more than `total` (the count stops there).
    pub more: bool,
    pub page: u32,
    pub pages: u32,
}

/// Choices for the list's filters, limited to what the staff member may see.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub regions: Vec<Count>,
    pub provinces: Vec<Count>,
    /// Reviewers who can be assigned (in the staff member's region).
    pub reviewers: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagRow {
    pub kind: String,
    pub other_id: i64,
    pub other_reference: String,
    /// The other application is in this staff member's scope (a link is shown).
    pub visible: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRow {
    pub at: i64,
    pub author: String,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub id: i64,
    pub reference: String,
    pub version: i64,
    pub status: Status,
    pub region_code: String,
    pub region_fr: String,
    pub region_ar: String,
    pub channel: String,
    pub entered_by: Option<String>,
    pub reviewer: Option<String>,
    pub recommendation: Option<String>,
    pub reject_reason: Option<String>,
    pub submitted_at: i64,
    /// One of many sent from one connection in a few minutes: worth a look.
    pub burst: bool,
    /// She chose to explain her project at the centre rather than write it.
    pub explains_at_centre: bool,
    /// Every answer, as (message key of the question, the answer as shown).
    pub answers: Vec<(String, String)>,
    pub flags: Vec<FlagRow>,
    pub history: Vec<EventRow>,
    pub notes: Vec<NoteRow>,
    /// What this staff member may do now.
    pub actions: Vec<ActionKind>,
    /// The region's places are all taken: accepting is refused, the waiting list offered.
    pub target_reached: bool,
    /// After a withdrawal freed a place: the first on the region's waiting list.
    pub proposed: Option<(i64, String)>,
    pub may_note: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActReply {
    Done,
    Refused(Refused),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkAction {
    StartReview,
    AssignReviewer(i64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReply {
    pub done: u32,
    pub refused: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub region: Option<String>,
    pub active: bool,
    pub must_change_password: bool,
    pub demo: bool,
    pub region_fr: Option<String>,
    pub region_ar: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreateStaffReply {
    /// Created: the temporary password to hand over, shown once.
    Created {
        temporary_password: String,
    },
    Invalid(Vec<(String, String)>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: i64,
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

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use crate::{db::Db, error::AppError};
    use http::request::Parts;
    use leptos::prelude::*;
    use tower_sessions::Session;

    /// What a console server function works with.
    pub struct Context {
        pub db: Db,
        pub parts: Parts,
        pub session: Session,
    }

    pub fn context() -> Result<Context, AppError> {
        let db = use_context::<Db>().ok_or(AppError::Internal)?;
        let parts = use_context::<Parts>().ok_or(AppError::Internal)?;
        let session = parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(AppError::Internal)?;
        Ok(Context { db, parts, session })
    }

    /// Sets the response's status for a refusal, so that it reads right outside the page too.
    pub fn refuse<T>(error: AppError) -> Result<T, AppError> {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(error.status());
        }
        Err(error)
    }

    impl Context {
        /// The signed-in staff member, who has chosen her own password.
        pub async fn staff(&self) -> Result<super::Staff, AppError> {
            super::super::auth::signed_in(&self.db, &self.session)
                .await
                .or_else(refuse)
        }

        /// The signed-in staff member, even with a temporary password.
        pub async fn any_staff(&self) -> Result<super::Staff, AppError> {
            super::super::auth::signed_in_any(&self.db, &self.session)
                .await
                .or_else(refuse)
        }

        pub fn client(&self) -> std::net::IpAddr {
            crate::client::client_ip(&self.parts)
        }

        /// Cookies are marked `Secure` (the site is served over HTTPS).
        pub fn secure_cookies(&self) -> bool {
            use_context::<crate::registration::service::WizardSettings>()
                .is_some_and(|settings| settings.secure_cookies)
        }

        pub fn set_cookie(&self, cookie: &cookie::Cookie<'_>) {
            if let (Some(response), Ok(value)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                http::HeaderValue::from_str(&cookie.to_string()),
            ) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }

        /// Tells every open dashboard that the figures changed.
        pub fn changed(&self) {
            if let Some(changes) = self.parts.extensions.get::<super::super::live::Changes>() {
                changes.notify();
            }
        }
    }
}

#[server(endpoint = "admin/me")]
pub async fn who_am_i() -> Result<Option<Staff>, AppError> {
    let cx = context()?;
    super::auth::current_staff(&cx.db, &cx.session).await
}

#[server(endpoint = "admin/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<SignInReply, AppError> {
    use super::auth::SignInFailure;
    let cx = context()?;
    if email.trim().is_empty() || password.is_empty() {
        return Ok(SignInReply::Missing);
    }
    let limiter = use_context::<super::auth::SignInLimiter>().unwrap_or_default();
    let device = crate::client::request_cookie(&cx.parts, super::auth::DEVICE_COOKIE);
    let result = super::auth::sign_in(
        &cx.db,
        &limiter,
        &cx.session,
        (&email, &password),
        device.as_deref(),
        cx.client(),
        cx.secure_cookies(),
    )
    .await?;
    Ok(match result {
        Ok(signed_in) => {
            cx.set_cookie(&signed_in.device_cookie);
            SignInReply::SignedIn {
                must_change_password: signed_in.staff.must_change_password,
            }
        }
        Err(SignInFailure::Invalid) => SignInReply::Invalid,
        Err(SignInFailure::Wait(seconds)) => SignInReply::Wait { seconds },
        Err(SignInFailure::TooMany) => SignInReply::TooMany,
    })
}

#[server(endpoint = "admin/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let cx = context()?;
    match super::auth::current_staff(&cx.db, &cx.session).await? {
        Some(staff) => super::auth::sign_out(&cx.db, &cx.session, &staff, cx.client()).await,
        None => Ok(()),
    }
}

#[server(endpoint = "admin/password")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<PasswordReply, AppError> {
    let cx = context()?;
    let staff = cx.any_staff().await?;
    if new != confirm {
        return Ok(PasswordReply::Mismatch);
    }
    match super::auth::check_password_rules(&new, &[&staff.email, &staff.name]) {
        Ok(()) => {}
        Err(super::auth::WeakPassword::TooShort) => return Ok(PasswordReply::TooShort),
        Err(super::auth::WeakPassword::TooEasy) => return Ok(PasswordReply::TooEasy),
    }
    let changed =
        super::auth::change_password(&cx.db, &cx.session, &staff, &current, &new, cx.client())
            .await?;
    Ok(match changed {
        Ok(()) => PasswordReply::Changed,
        Err(super::auth::PasswordRefused::WrongCurrent) => PasswordReply::WrongCurrent,
        Err(super::auth::PasswordRefused::SameAsCurrent) => PasswordReply::SameAsCurrent,
    })
}

#[server(endpoint = "admin/dashboard")]
pub async fn load_dashboard() -> Result<Dashboard, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    match cx.parts.extensions.get::<super::live::Changes>() {
        Some(changes) => changes.dashboard(&cx.db, staff.dashboard_region()).await,
        None => super::repo::dashboard(&cx.db, staff.dashboard_region()).await,
    }
}

#[server(endpoint = "admin/applications", input = Json)]
pub async fn list_applications(filters: Filters) -> Result<ApplicationPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_applications() {
        return refuse(AppError::Forbidden);
    }
    super::repo::list(&cx.db, &staff, &filters).await
}

#[server(endpoint = "admin/filter-options")]
pub async fn load_filter_options() -> Result<FilterOptions, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_applications() {
        return refuse(AppError::Forbidden);
    }
    super::repo::filter_options(&cx.db, &staff).await
}

#[server(endpoint = "admin/application")]
pub async fn load_application(id: i64) -> Result<ApplicationDetail, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let lang = crate::i18n::request_lang(&cx.parts);
    match super::repo::detail(&cx.db, &staff, id, lang, cx.client()).await? {
        Some(detail) => Ok(detail),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/act", input = Json)]
pub async fn act_on_application(
    id: i64,
    version: i64,
    action: Action,
) -> Result<ActReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let reply = super::repo::act(&cx.db, &staff, id, version, &action, cx.client()).await?;
    match reply {
        Some(reply) => {
            if reply == ActReply::Done {
                cx.changed();
            }
            Ok(reply)
        }
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/bulk", input = Json)]
pub async fn act_on_many(ids: Vec<i64>, action: BulkAction) -> Result<BulkReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    let reply = super::repo::act_on_many(&cx.db, &staff, &ids, &action, cx.client()).await?;
    if reply.done > 0 {
        cx.changed();
    }
    Ok(reply)
}

#[server(endpoint = "admin/note")]
pub async fn add_note(id: i64, body: String) -> Result<bool, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    match super::repo::add_note(&cx.db, &staff, id, &body, cx.client()).await? {
        Some(added) => Ok(added),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/staff")]
pub async fn list_staff() -> Result<Vec<StaffRow>, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    super::repo::list_staff(&cx.db, &staff).await
}

#[server(endpoint = "admin/staff/create")]
pub async fn create_staff_account(
    email: String,
    name: String,
    role: String,
    region: String,
) -> Result<CreateStaffReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    super::repo::create_staff_account(&cx.db, &staff, &email, &name, &role, &region, cx.client())
        .await
}

#[server(endpoint = "admin/staff/active")]
pub async fn set_staff_active(id: i64, active: bool) -> Result<(), AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    match super::repo::set_staff_active(&cx.db, &staff, id, active, cx.client()).await? {
        true => Ok(()),
        false => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/target")]
pub async fn set_target(region: String, target: i64) -> Result<(), AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    if !(0..=1_000_000).contains(&target) {
        return refuse(AppError::Invalid);
    }
    if super::repo::set_target(&cx.db, &staff, &region, target, cx.client()).await? {
        cx.changed();
        Ok(())
    } else {
        refuse(AppError::NotFound)
    }
}

#[server(endpoint = "admin/audit", input = Json)]
pub async fn load_audit(filters: AuditFilters) -> Result<AuditPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    super::repo::audit(&cx.db, &filters).await
}
