//! Cohorts and enrolment: the cohorts of each incubator (dates, capacity, coach, the rhythm of
//! coaching visits), the accepted women enrolled in them, a move from one cohort to another
//! (her history stays), and the training sessions each cohort is scheduled. Its page is in
//! `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{context::SaveReply, programme::TrainingModule};
use crate::{clock::LocalTime, error::AppError};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortRow {
    pub id: i64,
    pub name: String,
    pub region_code: String,
    pub site_fr: String,
    pub site_ar: String,
    /// `dd/mm/yyyy`.
    pub starts: String,
    pub ends: String,
    pub capacity: i64,
    pub members: i64,
    pub coach: Option<String>,
}

/// An incubator one may open a cohort in, with the coaches attached to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncubatorChoice {
    pub id: i64,
    pub name_fr: String,
    pub name_ar: String,
    pub coaches: Vec<(i64, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortsPage {
    pub cohorts: Vec<CohortRow>,
    /// Where a cohort may be opened; empty for those who may not open one.
    pub incubators: Vec<IncubatorChoice>,
}

/// A new cohort, as its form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CohortForm {
    pub site_id: String,
    pub name: String,
    /// `yyyy-mm-dd`, as a date input sends it.
    pub starts_on: String,
    pub ends_on: String,
    pub capacity: String,
    pub coach_id: String,
    pub visit_every_days: String,
}

/// A woman of the cohort, with how she is doing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub enrolled: String,
    pub present: i64,
    pub absent: i64,
    pub excused: i64,
    /// `dd/mm/yyyy` of her next coaching visit, and whether it is past.
    pub next_visit: String,
    pub visit_overdue: bool,
    pub milestones_reached: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    pub id: i64,
    pub module: TrainingModule,
    pub starts_at: LocalTime,
    pub duration_minutes: i64,
    pub place: String,
    pub trainer: String,
    pub marked: i64,
    pub present: i64,
}

/// An accepted woman of the cohort's region, not in a cohort yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub province_fr: String,
    pub province_ar: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortDetail {
    pub cohort: CohortRow,
    pub visit_every_days: i64,
    pub members: Vec<MemberRow>,
    pub sessions: Vec<SessionRow>,
    /// For those who run the follow-up: the women who may be enrolled, and the cohorts of
    /// the region a member may move to.
    pub candidates: Vec<Candidate>,
    pub other_cohorts: Vec<(i64, String)>,
    pub may_manage: bool,
    pub may_schedule: bool,
    /// For those who run the follow-up: the cohort as its form shows it, to change it.
    pub edit: Option<CohortEdit>,
}

/// A cohort as its form is filled in, with the coaches of its incubator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortEdit {
    pub version: i64,
    pub form: CohortForm,
    pub coaches: Vec<(i64, String)>,
}

impl CohortDetail {
    /// Attendance of the whole cohort: present over marked, excused absences aside.
    pub fn attendance(&self) -> (i64, i64) {
        self.members.iter().fold((0, 0), |(present, counted), m| {
            (present + m.present, counted + m.present + m.absent)
        })
    }
}

/// What an enrolment of several women did: those enrolled, and each refused with its reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolReply {
    pub enrolled: Vec<i64>,
    pub refused: Vec<(i64, String)>,
}

/// A session to schedule, as its form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    pub cohort_id: i64,
    pub module: String,
    /// `yyyy-mm-dd` and `hh:mm`, in Morocco's time.
    pub date: String,
    pub time: String,
    pub duration_minutes: String,
    pub place: String,
    pub trainer: String,
}

#[server(endpoint = "admin/cohorts")]
pub async fn load_cohorts() -> Result<CohortsPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    repo::cohorts_page(&cx.db, &staff).await
}

#[server(endpoint = "admin/cohorts/create", input = Json)]
pub async fn create_cohort(form: CohortForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    repo::create_cohort(&cx.db, &staff, &form, cx.client()).await
}

#[server(endpoint = "admin/cohort")]
pub async fn load_cohort(id: i64) -> Result<CohortDetail, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::cohort_detail(&cx.db, &staff, id).await? {
        Some(detail) => Ok(detail),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/cohorts/update", input = Json)]
pub async fn update_cohort(id: i64, version: i64, form: CohortForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::update_cohort(&cx.db, &staff, id, version, &form, cx.client()).await?)
}

#[server(endpoint = "admin/cohorts/enrol", input = Json)]
pub async fn enrol(cohort_id: i64, application_ids: Vec<i64>) -> Result<EnrolReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    let Some(reply) = repo::enrol(&cx.db, &staff, cohort_id, &application_ids, cx.client()).await?
    else {
        return refuse(AppError::NotFound);
    };
    if !reply.enrolled.is_empty() {
        cx.changed();
    }
    Ok(reply)
}

#[server(endpoint = "admin/cohorts/move")]
pub async fn move_to_cohort(application_id: i64, cohort_id: i64) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::move_to_cohort(&cx.db, &staff, application_id, cohort_id, cx.client()).await? {
        Some(reply) => Ok(reply),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/sessions/schedule", input = Json)]
pub async fn schedule_session(form: SessionForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::schedule_session(&cx.db, &staff, &form, cx.client()).await? {
        Some(reply) => Ok(reply),
        None => refuse(AppError::NotFound),
    }
}
