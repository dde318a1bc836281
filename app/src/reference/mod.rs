//! Reference data: Morocco's regions and provinces, and each region's target of women the
//! programme supports (stored in `regions.target`, 3,000 by default).

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// A region with its target, the places still open (the target less the women accepted) and
/// how many women have applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RegionPlaces {
    pub code: String,
    pub name_fr: String,
    pub name_ar: String,
    pub target: i64,
    pub places_left: i64,
    pub applied: i64,
}

/// Every region, in code order, with its places.
#[server(endpoint = "region-places")]
pub async fn get_region_places() -> Result<Vec<RegionPlaces>, AppError> {
    let db = expect_context::<crate::db::Db>();
    let parts = use_context::<http::request::Parts>();
    let changes = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<crate::changes::Changes>());
    repo::public_region_places(&db, changes).await
}
