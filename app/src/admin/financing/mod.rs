//! Financing: each woman's financing lines (a grant, an interest-free loan, a micro-credit,
//! equipment in kind), each from one funder with its amount approved, paid in tranches that
//! go one step at a time from planned to approved, paid (its day and payment reference) and
//! reconciled, each step by someone who runs the follow-up, recorded in the audit log. What
//! is planned, and so what is paid, never passes what was approved: checked in the write's
//! transaction with the line's row held, on both databases. Its queries are in `repo.rs`; its
//! forms sit on her page (`beneficiary/page.rs`).

#[cfg(feature = "ssr")]
pub mod repo;

use super::{
    context::SaveReply,
    programme::{Centimes, FinancingKind, Funder, TrancheState, TrancheStep},
};
use crate::error::AppError;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrancheRow {
    pub id: i64,
    pub version: i64,
    pub amount: Centimes,
    pub state: TrancheState,
    /// `dd/mm/yyyy`.
    pub planned: String,
    pub paid: Option<String>,
    pub payment_reference: Option<String>,
}

impl TrancheRow {
    pub fn next_step(&self) -> Option<TrancheStep> {
        TrancheStep::next(self.state)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRow {
    pub id: i64,
    pub kind: FinancingKind,
    pub funder: Funder,
    pub funder_detail: String,
    pub approved: Centimes,
    pub approved_on: String,
    pub tranches: Vec<TrancheRow>,
}

impl LineRow {
    /// What its tranches hold, and what of it was paid.
    pub fn planned(&self) -> Centimes {
        Centimes(self.tranches.iter().map(|t| t.amount.0).sum())
    }

    pub fn paid(&self) -> Centimes {
        Centimes(
            self.tranches
                .iter()
                .filter(|t| matches!(t.state, TrancheState::Paid | TrancheState::Reconciled))
                .map(|t| t.amount.0)
                .sum(),
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Financing {
    pub lines: Vec<LineRow>,
    /// Adds lines and tranches and moves them on: those who run the follow-up.
    pub may_finance: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineForm {
    pub application_id: i64,
    pub kind: String,
    pub funder: String,
    pub funder_detail: String,
    /// In dirhams, as typed.
    pub amount: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrancheForm {
    pub line_id: i64,
    pub amount: String,
    /// `yyyy-mm-dd`.
    pub planned_on: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub tranche_id: i64,
    /// The tranche's version as the page read it.
    pub version: i64,
    pub step: String,
    /// For a payment: its day (`yyyy-mm-dd`) and reference.
    pub paid_on: String,
    pub payment_reference: String,
}

#[server(endpoint = "admin/financing")]
pub async fn load_financing(application_id: i64) -> Result<Financing, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::financing(&cx.db, &staff, application_id).await? {
        Some(financing) => Ok(financing),
        None => refuse(AppError::NotFound),
    }
}

#[server(endpoint = "admin/financing/line", input = Json)]
pub async fn add_line(form: LineForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::add_line(&cx.db, &staff, &form, cx.client()).await?)
}

#[server(endpoint = "admin/financing/tranche", input = Json)]
pub async fn add_tranche(form: TrancheForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::add_tranche(&cx.db, &staff, &form, cx.client()).await?)
}

#[server(endpoint = "admin/financing/step", input = Json)]
pub async fn advance_tranche(form: StepForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    cx.saved(repo::advance_tranche(&cx.db, &staff, &form, cx.client()).await?)
}
