//! The regions' sites: the social incubators where cohorts are accompanied and the social
//! centres where women are received, each with its names in French and Arabic, province,
//! address and capacity. Coordinators manage their region's; national administrators every
//! region's. Its page is in `page.rs`, its queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use super::{context::SaveReply, programme::SiteKind};
use crate::{error::AppError, registration::api::ProvinceOption};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub id: i64,
    pub region_code: String,
    pub province_id: i64,
    pub province_fr: String,
    pub province_ar: String,
    pub kind: SiteKind,
    pub name_fr: String,
    pub name_ar: String,
    pub address_fr: String,
    pub address_ar: String,
    pub capacity: i64,
    /// Staff attached to it (coaches, centre agents), and its cohorts.
    pub staff: i64,
    pub cohorts: i64,
    pub version: i64,
}

impl SiteRow {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.name_fr, &self.name_ar)
    }
}

/// A region the staff member may add sites in, with its provinces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionChoice {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub provinces: Vec<ProvinceOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitesPage {
    pub sites: Vec<SiteRow>,
    pub regions: Vec<RegionChoice>,
}

/// A site as its form sends it; `id` 0 for a new one, else with the version it was read at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteForm {
    pub id: i64,
    pub version: i64,
    pub region: String,
    pub province_id: String,
    pub kind: String,
    pub name_fr: String,
    pub name_ar: String,
    pub address_fr: String,
    pub address_ar: String,
    pub capacity: String,
}

#[server(endpoint = "admin/sites")]
pub async fn load_sites() -> Result<SitesPage, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    repo::sites_page(&cx.db, &staff).await
}

#[server(endpoint = "admin/sites/save", input = Json)]
pub async fn save_site(form: SiteForm) -> Result<SaveReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.runs_follow_up() {
        return refuse(AppError::Forbidden);
    }
    match repo::save_site(&cx.db, &staff, &form, cx.client()).await? {
        Some(reply) => Ok(reply),
        None => refuse(AppError::NotFound),
    }
}
