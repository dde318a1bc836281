use super::RegionPlaces;
use crate::{
    admin::workflow::TAKES_A_PLACE_SQL, changes::Changes, db::Db, error::AppError,
    registration::api::ProvinceOption,
};
use sqlx::Row;
use std::collections::BTreeMap;

/// The regions' codes and each region's provinces (by French name): reference data the
/// migrations write and nothing changes while the server runs. Read once per database and
/// kept, so a wizard page or a step's save does not ask for it again.
#[derive(Debug, Default)]
pub struct Places {
    pub region_codes: Vec<String>,
    pub provinces: BTreeMap<String, Vec<ProvinceOption>>,
}

impl Places {
    /// The provinces of a region; none for a code that is not a region's.
    pub fn provinces_of(&self, region: &str) -> &[ProvinceOption] {
        self.provinces.get(region).map_or(&[], Vec::as_slice)
    }
}

/// The regions and provinces, read from the database the first time and kept with it.
pub async fn places(db: &Db) -> Result<&Places, sqlx::Error> {
    db.places
        .get_or_try_init(|| async {
            let region_codes = sqlx::query("select code from regions order by code")
                .fetch_all(db.pool())
                .await?
                .iter()
                .map(|row| row.try_get("code"))
                .collect::<Result<_, _>>()?;
            let mut provinces: BTreeMap<String, Vec<ProvinceOption>> = BTreeMap::new();
            let rows = sqlx::query(
                "select id, region_code, name_fr, name_ar from provinces order by name_fr, id",
            )
            .fetch_all(db.pool())
            .await?;
            for row in rows {
                provinces
                    .entry(row.try_get("region_code")?)
                    .or_default()
                    .push(ProvinceOption {
                        id: row.try_get("id")?,
                        name_fr: row.try_get("name_fr")?,
                        name_ar: row.try_get("name_ar")?,
                    });
            }
            Ok(Places {
                region_codes,
                provinces,
            })
        })
        .await
}

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

/// [`region_places`] as the public pages and the wizard show them: read once per change to
/// the figures (a submission, a decision, a target: each says so in [`Changes`]), and again
/// when older than [`crate::changes::MAX_AGE`] for changes made elsewhere, rather than at each
/// page and each save. Without `changes` (no server around), read each time.
pub async fn public_region_places(
    db: &Db,
    changes: Option<&Changes>,
) -> Result<Vec<RegionPlaces>, AppError> {
    match changes {
        Some(changes) => {
            changes
                .cached("public:region-places", || async {
                    Ok(region_places(db).await?)
                })
                .await
        }
        None => Ok(region_places(db).await?),
    }
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
