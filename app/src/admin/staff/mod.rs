//! Staff accounts: who may sign in, with which role and region. Its page is in `page.rs`, its
//! queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::roles::Role;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

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
    /// The incubator or centre she is attached to.
    pub site_fr: Option<String>,
    pub site_ar: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreateStaffReply {
    /// Created: the temporary password to hand over, shown once.
    Created {
        temporary_password: String,
    },
    Invalid(Vec<(String, String)>),
}

#[server(endpoint = "admin/staff")]
pub async fn list_staff() -> Result<Vec<StaffRow>, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    repo::list_staff(&cx.db, &staff).await
}

#[server(endpoint = "admin/staff/create")]
pub async fn create_staff_account(
    email: String,
    name: String,
    role: String,
    region: String,
    // The site a coach (she must) or a centre agent (she may) is attached to: its id.
    #[server(default)] site: String,
) -> Result<CreateStaffReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    let account = repo::AccountForm {
        email: &email,
        name: &name,
        role: &role,
        region: &region,
        site: &site,
    };
    repo::create_staff_account(&cx.db, &staff, &account, cx.client()).await
}

#[server(endpoint = "admin/staff/active")]
pub async fn set_staff_active(id: i64, active: bool) -> Result<(), AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.manages_any_staff() {
        return refuse(AppError::Forbidden);
    }
    match repo::set_staff_active(&cx.db, &staff, id, active, cx.client()).await? {
        true => Ok(()),
        false => refuse(AppError::NotFound),
    }
}
