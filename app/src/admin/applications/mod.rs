//! The applications list: its filters (in the page's URL), the list itself, its bulk
//! actions' choices, and the export of what it shows. Its page is in `page.rs`, its queries in
//! `repo.rs`.

pub mod filters;
pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{context::Count, workflow::Status};
use crate::{clock::LocalTime, error::AppError};
use filters::Filters;
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

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
    pub submitted_at: LocalTime,
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
    /// The cursor of the page after this one, if there is one.
    pub next: Option<String>,
    /// The cursor of the page before this one, if there is one.
    pub previous: Option<String>,
}

/// Choices for the list's filters, limited to what the staff member may see.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub regions: Vec<Count>,
    pub provinces: Vec<Count>,
    /// Reviewers who can be assigned (in the staff member's region).
    pub reviewers: Vec<Count>,
    /// May filter by a step of the follow-up reached (`Staff::runs_follow_up`).
    pub follow_up: bool,
}

#[server(endpoint = "admin/applications", input = Json)]
pub async fn list_applications(filters: Filters) -> Result<ApplicationPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_applications() {
        return refuse(AppError::Forbidden);
    }
    repo::list(&cx.db, &staff, &filters, cx.changes()).await
}

#[server(endpoint = "admin/filter-options")]
pub async fn load_filter_options() -> Result<FilterOptions, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.reads_applications() {
        return refuse(AppError::Forbidden);
    }
    repo::filter_options(&cx.db, &staff).await
}
