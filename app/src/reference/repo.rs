use super::RegionPlaces;
use crate::db::Db;

/// Every region with its target and the places still open, in code order.
#[tracing::instrument(skip(db))]
pub async fn region_places(db: &Db) -> Result<Vec<RegionPlaces>, sqlx::Error> {
    sqlx::query_as::<_, RegionPlaces>(
        "select r.code, r.name_fr, r.name_ar, r.target, \
                r.target - (select count(*) from applications a where a.region_code = r.code) \
                    as places_left \
         from regions r order by r.code",
    )
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
