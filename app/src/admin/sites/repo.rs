//! The sites' queries, each in the staff member's region, each change recorded.

use super::*;
use crate::admin::{
    audit::{self, AuditAction, Entry},
    follow_up::clean_text,
    roles::{FollowUp, Staff},
};
use crate::{clock, db::Db, reference::repo::places};
use sqlx::Row;
use std::net::IpAddr;

/// The sites of the staff member's scope, and the regions (with their provinces) she may add
/// one in.
pub async fn sites_page(db: &Db, staff: &Staff) -> Result<SitesPage, AppError> {
    let region = match staff.follow_up() {
        FollowUp::National => String::new(),
        FollowUp::Region(code) => code,
        _ => return Err(AppError::Forbidden),
    };
    let sites = sqlx::query(
        "select s.id, s.region_code, s.province_id, p.name_fr as province_fr, \
             p.name_ar as province_ar, s.kind, s.name_fr, s.name_ar, s.address_fr, s.address_ar, \
             s.capacity, s.version, \
             (select count(*) from staff t where t.site_id = s.id and t.active = true) as staff_n, \
             (select count(*) from cohorts c where c.site_id = s.id) as cohorts_n \
         from sites s join provinces p on p.id = s.province_id \
         where $1 = '' or s.region_code = $1 order by s.region_code, s.kind, s.name_fr",
    )
    .bind(&region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<SiteRow, AppError> {
        Ok(SiteRow {
            id: row.try_get("id")?,
            region_code: row.try_get("region_code")?,
            province_id: row.try_get("province_id")?,
            province_fr: row.try_get("province_fr")?,
            province_ar: row.try_get("province_ar")?,
            kind: SiteKind::from_code(&row.try_get::<String, _>("kind")?)
                .ok_or(AppError::Internal)?,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
            address_fr: row.try_get("address_fr")?,
            address_ar: row.try_get("address_ar")?,
            capacity: row.try_get("capacity")?,
            staff: row.try_get("staff_n")?,
            cohorts: row.try_get("cohorts_n")?,
            version: row.try_get("version")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let places = places(db).await?;
    let regions = sqlx::query(
        "select code, name_fr, name_ar from regions where $1 = '' or code = $1 order by code",
    )
    .bind(&region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<RegionChoice, AppError> {
        let code: String = row.try_get("code")?;
        Ok(RegionChoice {
            provinces: places.provinces_of(&code).to_vec(),
            code,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    Ok(SitesPage { sites, regions })
}

/// The longest name and address of a site.
const MAX_NAME: usize = 120;
const MAX_ADDRESS: usize = 300;

/// Creates a site, or changes one still at the version the form was read at. `None` when the
/// site to change is not in the staff member's scope.
pub async fn save_site(
    db: &Db,
    staff: &Staff,
    form: &SiteForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let region = match staff.follow_up() {
        FollowUp::National => form.region.trim().to_owned(),
        FollowUp::Region(code) => code,
        _ => return Err(AppError::Forbidden),
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let places = places(db).await?;
    if !places.region_codes.contains(&region) {
        refuse("region", "admin-error-region");
    }
    let province = form
        .province_id
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| places.provinces_of(&region).iter().any(|p| p.id == *id));
    if province.is_none() {
        refuse("province_id", "admin-error-province");
    }
    let kind = SiteKind::from_code(&form.kind);
    if kind.is_none() {
        refuse("kind", "admin-error-choose");
    }
    let name = |text: &str| clean_text(text, MAX_NAME).filter(|t| t.chars().count() >= 2);
    let (name_fr, name_ar) = (name(&form.name_fr), name(&form.name_ar));
    if name_fr.is_none() {
        refuse("name_fr", "admin-error-site-name");
    }
    if name_ar.is_none() {
        refuse("name_ar", "admin-error-site-name");
    }
    let (address_fr, address_ar) = (
        clean_text(&form.address_fr, MAX_ADDRESS),
        clean_text(&form.address_ar, MAX_ADDRESS),
    );
    if address_fr.is_none() {
        refuse("address_fr", "admin-error-text");
    }
    if address_ar.is_none() {
        refuse("address_ar", "admin-error-text");
    }
    let capacity = form
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=10_000).contains(n));
    if capacity.is_none() {
        refuse("capacity", "admin-error-capacity");
    }
    let (
        Some(province),
        Some(kind),
        Some(name_fr),
        Some(name_ar),
        Some(address_fr),
        Some(address_ar),
        Some(capacity),
    ) = (
        province, kind, name_fr, name_ar, address_fr, address_ar, capacity,
    )
    else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    let mut write = audit::AuditedWrite::begin(db).await?;
    let id = if form.id == 0 {
        sqlx::query(
            "insert into sites (region_code, province_id, kind, name_fr, name_ar, address_fr, \
                 address_ar, capacity, created_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
        )
        .bind(&region)
        .bind(province)
        .bind(kind.code())
        .bind(&name_fr)
        .bind(&name_ar)
        .bind(&address_fr)
        .bind(&address_ar)
        .bind(capacity)
        .bind(clock::now())
        .fetch_one(&mut *write.tx)
        .await?
        .try_get::<i64, _>(0)?
    } else {
        let current = sqlx::query(
            "select region_code, kind, \
                 (select count(*) from cohorts c where c.site_id = s.id) \
                 + (select count(*) from staff t where t.site_id = s.id) as used \
             from sites s where id = $1",
        )
        .bind(form.id)
        .fetch_optional(&mut *write.tx)
        .await?;
        let Some(current) = current else {
            return Ok(None);
        };
        // Another region's site reads as none; a site keeps its region.
        if current.try_get::<String, _>("region_code")? != region {
            return Ok(None);
        }
        // Its cohorts and staff were attached to it as what it is.
        if current.try_get::<String, _>("kind")? != kind.code()
            && current.try_get::<i64, _>("used")? > 0
        {
            return Ok(Some(SaveReply::refused("kind", "admin-error-site-in-use")));
        }
        let updated = sqlx::query(
            "update sites set province_id = $3, kind = $4, name_fr = $5, name_ar = $6, \
                 address_fr = $7, address_ar = $8, capacity = $9, version = version + 1 \
             where id = $1 and version = $2",
        )
        .bind(form.id)
        .bind(form.version)
        .bind(province)
        .bind(kind.code())
        .bind(&name_fr)
        .bind(&name_ar)
        .bind(&address_fr)
        .bind(&address_ar)
        .bind(capacity)
        .execute(&mut *write.tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(Some(SaveReply::refused("", "admin-refused-changed")));
        }
        form.id
    };
    write
        .commit(Entry::by(
            staff,
            AuditAction::SiteSaved,
            format!("site:{id}"),
            format!("{} {region} {name_fr}", kind.code()),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}
