//! The wizard's server functions and what they exchange with the page. Each one is called by
//! the page running in the browser; the server's plain form handlers (for phones without the
//! WASM) call the same code in `service`, so both paths follow one set of rules.

use super::{
    eligibility::NotEligible,
    fields::FieldError,
    steps::{Raw, Step},
};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

/// Refused answers, by field name, as they travel to the page.
pub type Refusals = Vec<(String, FieldError)>;

/// What a step's form, the final submission or the resume form leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepReply {
    /// Saved: go on to this page.
    Next(String),
    /// Refused answers; nothing was saved.
    Invalid(Refusals),
    /// The eligibility answers rule her out; nothing was stored.
    NotEligible(Vec<NotEligible>),
    /// Too many registrations from this connection lately; nothing was saved.
    TooMany,
}

/// A step saved by the hydrated page: the reply and, when she goes on, everything the next
/// page shows, so that page opens without asking the server again: one round trip, as a plain
/// form's post and its redirect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub reply: StepReply,
    pub next_view: Option<WizardView>,
}

/// A form posted without JavaScript, shown again by the server with its answers and reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub reply: StepReply,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOption {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    /// The women the programme takes in the region.
    pub target: i64,
    /// The target less the women accepted so far.
    pub places_left: i64,
    /// Applications submitted in the region so far.
    pub applied: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvinceOption {
    pub id: i64,
    pub name_fr: String,
    pub name_ar: String,
}

/// Her application, just submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub reference: String,
    /// Her region, with its places and how many women have applied.
    pub region: Option<RegionOption>,
}

/// Everything a wizard page shows: her saved answers and what the questions offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WizardView {
    pub answers: Raw,
    /// Once the identity step is saved: the code to take the draft up on another phone.
    pub resume_code: Option<String>,
    /// Sent with the final submission, so a retry cannot make a second application.
    pub idempotency_key: Option<String>,
    pub regions: Vec<RegionOption>,
    /// The provinces of the region she chose.
    pub provinces: Vec<ProvinceOption>,
    /// The first step still to answer; `None` when she can submit.
    pub first_incomplete: Option<Step>,
    /// A form she posted without JavaScript, shown again.
    pub posted: Option<Posted>,
    /// Her application, on the page after submission.
    pub submitted: Option<Submitted>,
}

impl WizardView {
    /// The region she chose, if it is one of the list.
    pub fn region(&self) -> Option<&RegionOption> {
        let code = super::steps::first(&self.answers, "region");
        self.regions.iter().find(|r| r.code == code)
    }
}

/// What a status lookup finds. A wrong pair and an unknown reference get the same answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusReply {
    Found {
        reference: String,
        status: String,
        /// Enrolled: her next training session (when and where), and her coach's first
        /// name; nothing else of her follow-up.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next_session: Option<(crate::clock::LocalTime, String)>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        coach: Option<String>,
    },
    NotFound,
    /// Too many lookups from this connection; try again later.
    TooMany,
    Invalid(Refusals),
}

/// A status lookup posted without JavaScript, shown again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedStatus {
    pub fields: Vec<(String, String)>,
    pub reply: StatusReply,
}

#[cfg(feature = "ssr")]
fn context() -> Result<(crate::db::Db, http::request::Parts), AppError> {
    let db = use_context::<crate::db::Db>().ok_or(AppError::Internal)?;
    let parts = use_context::<http::request::Parts>().ok_or(AppError::Internal)?;
    Ok((db, parts))
}

#[cfg(feature = "ssr")]
fn settings() -> super::service::WizardSettings {
    use_context().unwrap_or_default()
}

/// Sets the outcome's cookies on the server function's response.
#[cfg(feature = "ssr")]
fn send<T>(outcome: super::service::Outcome<T>) -> T {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        for cookie in &outcome.cookies {
            if let Ok(value) = http::HeaderValue::from_str(&cookie.to_string()) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }
    }
    outcome.reply
}

#[server(endpoint = "wizard/view")]
pub async fn load_wizard() -> Result<WizardView, AppError> {
    let (db, parts) = context()?;
    super::service::view(&db, &settings(), &parts, use_context::<Posted>()).await
}

#[server(endpoint = "wizard/save", input = Json)]
pub async fn save_step(
    step: Step,
    fields: Vec<(String, String)>,
    back_to_check: bool,
) -> Result<Saved, AppError> {
    let (db, parts) = context()?;
    let settings = settings();
    let mut outcome =
        super::service::save_step(&db, &settings, &parts, step, fields, back_to_check).await?;
    let next_view = match outcome.reply {
        StepReply::Next(_) => {
            Some(super::service::view_after(&db, &settings, &parts, &mut outcome).await?)
        }
        _ => None,
    };
    Ok(Saved {
        reply: send(outcome),
        next_view,
    })
}

#[server(endpoint = "wizard/submit")]
pub async fn submit_application(idempotency_key: String) -> Result<StepReply, AppError> {
    let (db, parts) = context()?;
    let outcome = super::service::submit(&db, &settings(), &parts, &idempotency_key).await?;
    Ok(send(outcome))
}

#[server(endpoint = "wizard/resume")]
pub async fn resume_draft(resume_code: String, birth_date: String) -> Result<StepReply, AppError> {
    let (db, parts) = context()?;
    let limiter = use_context::<super::service::LookupLimiter>().unwrap_or_default();
    let outcome = super::service::resume(
        &db,
        &settings(),
        &limiter,
        &parts,
        &resume_code,
        &birth_date,
    )
    .await?;
    Ok(send(outcome))
}

#[server(endpoint = "status")]
pub async fn lookup_status(reference: String, identity: String) -> Result<StatusReply, AppError> {
    let (db, parts) = context()?;
    let limiter = use_context::<super::service::LookupLimiter>().unwrap_or_default();
    super::service::lookup_status(&db, &limiter, &parts, &reference, &identity).await
}

/// The lookup posted without JavaScript that this page shows again, if any.
#[server(endpoint = "status/posted")]
pub async fn load_posted_status() -> Result<Option<PostedStatus>, AppError> {
    Ok(use_context::<PostedStatus>())
}
