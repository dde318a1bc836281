//! The partners' API keys (issue 14): national administrators issue them, each named, for the
//! whole country or one region, for a number of days, and revoke them. A key is shown once,
//! when it is issued; the database keeps its SHA-256 and its first characters. The API the
//! keys open is the server's (`server/src/partner_api.rs`). Its page is in `page.rs`, its
//! queries in `repo.rs`.

pub mod page;
#[cfg(feature = "ssr")]
pub mod repo;

use crate::{clock::LocalTime, error::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::*;

/// What every key starts with, so that one pasted where it should not be is recognised.
pub const KEY_PREFIX: &str = "jisr_pk_";
/// The characters of a key shown in the list, its prefix included.
pub const SHOWN_CHARS: usize = 14;
/// How long a key may be valid, in days, and how long unless told.
pub const MAX_DAYS: i64 = 366;
pub const DEFAULT_DAYS: i64 = 90;
/// The longest name a key may have.
pub const MAX_NAME_CHARS: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyState {
    Active,
    Expired,
    Revoked,
}

impl KeyState {
    pub fn code(self) -> &'static str {
        match self {
            KeyState::Active => "active",
            KeyState::Expired => "expired",
            KeyState::Revoked => "revoked",
        }
    }

    pub fn label_key(self) -> String {
        format!("admin-partner-key-{}", self.code())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRow {
    pub id: i64,
    pub name: String,
    /// The region it reads; `None` for the whole country.
    pub region: Option<String>,
    pub region_fr: Option<String>,
    pub region_ar: Option<String>,
    /// Its first characters, to tell it apart.
    pub shown: String,
    pub created: LocalTime,
    pub created_by: String,
    pub expires: LocalTime,
    pub last_used: Option<LocalTime>,
    pub state: KeyState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssueReply {
    /// Issued: the key, shown this once.
    Issued { id: i64, key: String },
    /// Refusals: (field, message key).
    Invalid(Vec<(String, String)>),
}

#[server(endpoint = "admin/partner-keys")]
pub async fn list_partner_keys() -> Result<Vec<KeyRow>, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    repo::list(&cx.db).await
}

#[server(endpoint = "admin/partner-keys/issue")]
pub async fn issue_partner_key(
    name: String,
    // A region's code, or empty for the whole country.
    region: String,
    days: String,
) -> Result<IssueReply, AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    repo::issue(&cx.db, &staff, &name, &region, &days, cx.client()).await
}

#[server(endpoint = "admin/partner-keys/revoke")]
pub async fn revoke_partner_key(id: i64) -> Result<(), AppError> {
    let cx = context()?;
    let staff = cx.staff().await?;
    if !staff.is_national_admin() {
        return refuse(AppError::Forbidden);
    }
    match repo::revoke(&cx.db, &staff, id, cx.client()).await? {
        true => Ok(()),
        false => refuse(AppError::NotFound),
    }
}
