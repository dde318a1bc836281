//! One woman's accompaniment, on one page: her timeline in order (application, decision,
//! enrolment, sessions attended and missed, visits, milestones, financing, surveys), and what
//! the staff member's role may do from it. Its page is in `page.rs`, its queries in `repo.rs`;
//! its financing comes from `financing/`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{
    context::SaveReply,
    programme::{Band, LegalForm, Milestone, SurveyWave},
    workflow::Status,
};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

/// One thing that happened, in the order it happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// Orders the items: Unix seconds (a day's items at its start).
    pub at: i64,
    /// `dd/mm/yyyy`.
    pub date: String,
    /// The key of what happened, and what it is about, as shown.
    pub kind: String,
    pub detail: String,
    /// A session missed, a step refused: shown apart.
    pub missed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneRow {
    pub milestone: Milestone,
    pub due: String,
    pub late: bool,
    pub reached: Option<String>,
    pub by: Option<String>,
    pub legal_form: Option<LegalForm>,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyRow {
    pub wave: SurveyWave,
    pub due: String,
    /// Answerable now (due, or nearly).
    pub open: bool,
    pub done: Option<String>,
    pub operating: Option<bool>,
    pub revenue_band: Option<Band>,
    pub jobs_women: Option<i64>,
    pub jobs_men: Option<i64>,
    pub formalised: Option<bool>,
    pub income_band: Option<Band>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beneficiary {
    pub application_id: i64,
    pub reference: String,
    pub name: String,
    pub phone: String,
    pub status: Status,
    pub region_fr: String,
    pub region_ar: String,
    pub province_fr: String,
    pub province_ar: String,
    pub sector: String,
    pub cohort_id: i64,
    pub cohort: String,
    pub coach: Option<String>,
    /// Still in the cohort.
    pub open: bool,
    pub next_visit: String,
    pub visit_overdue: bool,
    pub present: i64,
    pub absent: i64,
    pub excused: i64,
    pub timeline: Vec<TimelineItem>,
    pub milestones: Vec<MilestoneRow>,
    pub surveys: Vec<SurveyRow>,
    /// Records visits, milestones and surveys: her coach, and those who run the follow-up.
    pub may_record: bool,
    /// Opens her application's review: those who read applications.
    pub may_review: bool,
    /// Today, `yyyy-mm-dd`, for the forms' dates.
    pub today: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MilestoneForm {
    pub application_id: i64,
    pub milestone: String,
    /// `yyyy-mm-dd`.
    pub reached_on: String,
    pub legal_form: String,
    /// The name of a document that shows it (a certificate, a plan), optional.
    pub document: String,
}

#[server(endpoint = "admin/beneficiary")]
pub async fn load_beneficiary(id: i64) -> Result<Beneficiary, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    let lang = crate::i18n::request_lang(&cx.parts);
    match repo::beneficiary(&cx.db, &staff, id, lang).await? {
        Some(her) => Ok(her),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/milestones/confirm", input = Json)]
pub async fn confirm_milestone(form: MilestoneForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::confirm_milestone(&cx.db, &staff, &form, cx.client()).await?)
}
