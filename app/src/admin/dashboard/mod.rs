//! The dashboard: the figures of the staff member's scope, what waits for the staff, and the
//! regional targets. Its page is in `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{
    context::Count,
    programme::{BudgetLine, Funder, Milestone},
    workflow::Status,
};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

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
    /// After acceptance: the accompaniment's figures; `None` for those who see none of them
    /// (reviewers, centre agents, coaches: see [`crate::admin::roles::Staff::sees_programme_figures`]).
    pub programme: Option<Programme>,
}

/// The accompaniment of the women enrolled, in figures: per region, per funder against its
/// budget line, and the milestones their projects reached.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub regions: Vec<RegionFollowUp>,
    /// What each funder approved and paid, and the budget lines.
    pub funders: Vec<FunderFigures>,
    pub budgets: Vec<(BudgetLine, i64)>,
    /// Milestones reached, in the template's order.
    pub milestones: Vec<(Milestone, i64)>,
}

/// One region's accompaniment (enrolled women are in [`RegionFigures`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionFollowUp {
    pub code: String,
    pub present: i64,
    pub absent: i64,
    pub excused: i64,
    /// Women whose coaching visit is past due.
    pub overdue_visits: i64,
    /// Amounts in centimes, every funder.
    pub approved: i64,
    pub paid: i64,
    /// Surveys answered at 6 and 12 months, and the businesses operating among them.
    pub answered_6: i64,
    pub operating_6: i64,
    pub answered_12: i64,
    pub operating_12: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunderFigures {
    pub funder: Funder,
    pub approved: i64,
    pub paid: i64,
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

impl Programme {
    /// The accompaniment's figures of the whole scope.
    pub fn total(&self) -> RegionFollowUp {
        self.regions
            .iter()
            .fold(RegionFollowUp::default(), |sum, r| RegionFollowUp {
                code: String::new(),
                present: sum.present + r.present,
                absent: sum.absent + r.absent,
                excused: sum.excused + r.excused,
                overdue_visits: sum.overdue_visits + r.overdue_visits,
                approved: sum.approved + r.approved,
                paid: sum.paid + r.paid,
                answered_6: sum.answered_6 + r.answered_6,
                operating_6: sum.operating_6 + r.operating_6,
                answered_12: sum.answered_12 + r.answered_12,
                operating_12: sum.operating_12 + r.operating_12,
            })
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

#[server(endpoint = "admin/dashboard")]
pub async fn load_dashboard() -> Result<Dashboard, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    // Partners read the report's protected figures, never these exact and live ones.
    if staff.is_partner() {
        return refuse(AppError::Forbidden);
    }
    let region = staff.dashboard_region();
    let mut dashboard = match cx.parts.extensions.get::<crate::changes::Changes>() {
        Some(changes) => {
            let key = format!("dashboard:{}", region.unwrap_or("*"));
            changes
                .cached(&key, || repo::dashboard(&cx.db, region))
                .await?
        }
        None => repo::dashboard(&cx.db, region).await?,
    };
    if !staff.sees_programme_figures() {
        dashboard.programme = None;
    }
    Ok(dashboard)
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
    if repo::set_target(&cx.db, &staff, &region, target, cx.client()).await? {
        cx.changed();
        Ok(())
    } else {
        refuse(AppError::NotFound)
    }
}
