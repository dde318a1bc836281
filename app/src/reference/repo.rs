use super::RegionPlaces;
use crate::{admin::workflow::TAKES_A_PLACE_SQL, db::Db};

/// Every region with its target, the places still open and the applications, in code
/// order. Places are taken by acceptances, not by submissions: applying never fills a region.
/// Read from the counters triggers keep, not by counting applications.
#[tracing::instrument(skip(db))]
pub async fn region_places(db: &Db) -> Result<Vec<RegionPlaces>, sqlx::Error> {
    sqlx::query_as::<_, RegionPlaces>(&format!(
        "select r.code, r.name_fr, r.name_ar, r.target, \
                r.target - cast(coalesce((select sum(c.n) from region_counts c \
                    where c.region_code = r.code and c.status in ({TAKES_A_PLACE_SQL})), 0) \
                    as bigint) as places_left, \
                cast(coalesce((select sum(c.n) from region_counts c \
                    where c.region_code = r.code), 0) as bigint) as applied \
         from regions r order by r.code"
    ))
    .fetch_all(db.pool())
    .await
}

/// Sets a region's target. Returns whether the region exists.
#[tracing::instrument(skip(db))]
pub async fn set_region_target(db: &Db, code: &str, target: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update regions set target = $1 where code = $2")
        .bind(target)
        .bind(code)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}
