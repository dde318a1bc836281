//! Coaching: the visits a coach pays each woman (the next one falls due from her cohort's
//! rhythm), the surveys of her outcomes, and the work list of what is due this week and what
//! is overdue, for a coach's cohorts and for a coordinator's region. Its page is in `page.rs`,
//! its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{context::SaveReply, programme::SurveyWave};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

/// A woman whose coaching visit falls due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueVisit {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub cohort_id: i64,
    pub cohort: String,
    pub coach: Option<String>,
    /// `dd/mm/yyyy`, and the days since (0 when not late).
    pub due: String,
    pub days_late: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueSurvey {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub wave: SurveyWave,
    pub due: String,
    pub late: bool,
}

/// What waits: the visits overdue and due this week, the surveys due, each list its first
/// [`LISTED`] rows with its whole count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkList {
    pub today: String,
    pub week_ends: String,
    pub overdue: Vec<DueVisit>,
    pub overdue_total: i64,
    pub this_week: Vec<DueVisit>,
    pub this_week_total: i64,
    pub surveys: Vec<DueSurvey>,
    pub surveys_total: i64,
}

/// The rows a work list shows of each part.
pub const LISTED: i64 = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitForm {
    pub application_id: i64,
    /// `yyyy-mm-dd`.
    pub date: String,
    pub kind: String,
    pub notes: String,
    pub next_steps: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyForm {
    pub application_id: i64,
    pub wave: String,
    /// `yes` or `no`.
    pub operating: String,
    pub revenue_band: String,
    pub jobs_women: String,
    pub jobs_men: String,
    pub formalised: String,
    pub income_band: String,
}

#[server(endpoint = "admin/work-list")]
pub async fn load_work_list() -> Result<WorkList, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    repo::work_list(&cx.db, &staff).await
}

#[server(endpoint = "admin/visits/record", input = Json)]
pub async fn record_visit(form: VisitForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::record_visit(&cx.db, &staff, &form, cx.client()).await?)
}

#[server(endpoint = "admin/surveys/record", input = Json)]
pub async fn record_survey(form: SurveyForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::record_survey(&cx.db, &staff, &form, cx.client()).await?)
}
