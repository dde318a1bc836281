//! Staff accounts' queries: each one in the staff member's region, each change recorded; and
//! the creation of an account, whoever creates it (the console, `server create-admin`, the
//! first start, `server seed`).

use super::*;
use crate::admin::{
    audit::{self, AuditAction, Entry},
    auth,
    passwords::{self, PasswordHashString},
    roles::{Role, Staff},
};
use crate::{
    clock,
    db::{flag, Db},
    registration::fields::has_hidden_chars,
};
use sqlx::Row;
use std::net::IpAddr;

pub async fn list_staff(db: &Db, staff: &Staff) -> Result<Vec<StaffRow>, AppError> {
    let region = if staff.is_national_admin() {
        String::new()
    } else {
        staff.region.clone().ok_or(AppError::Forbidden)?
    };
    sqlx::query(
        "select s.id, s.email, s.name, s.role, s.region_code, r.name_fr as region_fr, \
             r.name_ar as region_ar, case when s.active then 1 else 0 end as active, \
             case when s.must_change_password then 1 else 0 end as must_change_password, \
             case when s.demo then 1 else 0 end as demo, \
             t.name_fr as site_fr, t.name_ar as site_ar \
         from staff s left join regions r on r.code = s.region_code \
             left join sites t on t.id = s.site_id \
         where $1 = '' or s.region_code = $1 order by s.region_code, s.role, s.name",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<StaffRow, AppError> {
        let role: String = row.try_get("role")?;
        Ok(StaffRow {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: Role::from_code(&role).ok_or(AppError::Internal)?,
            region: row.try_get("region_code")?,
            active: flag(row, "active")?,
            must_change_password: flag(row, "must_change_password")?,
            demo: flag(row, "demo")?,
            region_fr: row.try_get("region_fr")?,
            region_ar: row.try_get("region_ar")?,
            site_fr: row.try_get("site_fr")?,
            site_ar: row.try_get("site_ar")?,
        })
    })
    .collect()
}

/// A new account as its form sends it.
pub struct AccountForm<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub region: &'a str,
    /// The id of the site she is attached to, or empty.
    pub site: &'a str,
}

/// The site an account of `role` in `region` is attached to: `Ok(None)` when the role has
/// none or she is not attached; `Err` with the refusal's key when the site is not one of
/// that region of the kind the role works in, or a coach has none.
async fn site_for(
    db: &Db,
    role: Role,
    region: Option<&str>,
    site: &str,
) -> Result<Result<Option<i64>, &'static str>, AppError> {
    let Some(kind) = role.site_kind() else {
        return Ok(Ok(None));
    };
    let site = site.trim();
    if site.is_empty() || site == "0" {
        return Ok(if role == Role::IncubatorCoach {
            Err("admin-error-coach-site")
        } else {
            Ok(None)
        });
    }
    let found = match site.parse::<i64>() {
        Ok(id) => {
            sqlx::query("select id from sites where id = $1 and kind = $2 and region_code = $3")
                .bind(id)
                .bind(kind.code())
                .bind(region.unwrap_or_default())
                .fetch_optional(db.pool())
                .await?
                .map(|_| id)
        }
        Err(_) => None,
    };
    Ok(found.map(Some).ok_or(if role == Role::IncubatorCoach {
        "admin-error-coach-site"
    } else {
        "admin-error-site"
    }))
}

/// Creates a staff account with a temporary password. Refusals are (field, message key).
pub async fn create_staff_account(
    db: &Db,
    staff: &Staff,
    form: &AccountForm<'_>,
    client: IpAddr,
) -> Result<CreateStaffReply, AppError> {
    let AccountForm {
        email,
        name,
        role,
        region,
        site,
    } = *form;
    let mut errors = Vec::new();
    let email = auth::normalise_email(email);
    if !email_address::EmailAddress::is_valid(&email) {
        errors.push(("email".to_owned(), "admin-error-email".to_owned()));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || has_hidden_chars(name, false) {
        errors.push(("name".to_owned(), "admin-error-name".to_owned()));
    }
    let role = Role::from_code(role);
    let region = role.filter(|r| r.is_regional()).map(|_| region.trim());
    match role {
        None => errors.push(("role".to_owned(), "admin-error-role".to_owned())),
        Some(role) => {
            if let Some(region) = region {
                if !crate::db::region_exists(db, region).await? {
                    errors.push(("region".to_owned(), "admin-error-region".to_owned()));
                }
            }
            if !staff.manages(role, region) {
                errors.push(("role".to_owned(), "admin-error-role-not-yours".to_owned()));
            }
        }
    }
    let site = match role {
        Some(role) => match site_for(db, role, region, site).await? {
            Ok(site) => site,
            Err(key) => {
                errors.push(("site".to_owned(), key.to_owned()));
                None
            }
        },
        None => None,
    };
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return Ok(CreateStaffReply::Invalid(errors));
    };
    let password = passwords::generate_password()?;
    let hash = passwords::hash_password(password.clone()).await?;
    let new = NewStaff {
        email: &email,
        name,
        role,
        region,
        site,
        temporary: true,
        demo: false,
    };
    let mut write = audit::AuditedWrite::begin(db).await?;
    let Created::Created(id) = insert_staff(&mut *write.tx, &new, &hash).await? else {
        return Ok(CreateStaffReply::Invalid(vec![(
            "email".to_owned(),
            "admin-error-email-taken".to_owned(),
        )]));
    };
    write
        .commit(Entry::by(
            staff,
            AuditAction::StaffCreated,
            format!("staff:{id}"),
            format!(
                "{} {} {}{}",
                email,
                role.code(),
                region.unwrap_or_default(),
                site.map(|site| format!(" site:{site}")).unwrap_or_default()
            ),
            client,
        ))
        .await?;
    Ok(CreateStaffReply::Created {
        temporary_password: password,
    })
}

/// Activates or deactivates an account the staff member manages (never her own).
pub async fn set_staff_active(
    db: &Db,
    staff: &Staff,
    id: i64,
    active: bool,
    client: IpAddr,
) -> Result<bool, AppError> {
    let row = sqlx::query("select role, region_code from staff where id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(false) };
    let role = Role::from_code(&row.try_get::<String, _>("role")?).ok_or(AppError::Internal)?;
    let region: Option<String> = row.try_get("region_code")?;
    if id == staff.id || !staff.manages(role, region.as_deref()) {
        return Ok(false);
    }
    let mut write = audit::AuditedWrite::begin(db).await?;
    sqlx::query("update staff set active = $2 where id = $1")
        .bind(id)
        .bind(active)
        .execute(&mut *write.tx)
        .await?;
    write
        .commit(Entry::by(
            staff,
            if active {
                AuditAction::StaffActivated
            } else {
                AuditAction::StaffDeactivated
            },
            format!("staff:{id}"),
            String::new(),
            client,
        ))
        .await?;
    Ok(true)
}

/// A staff account to create.
pub struct NewStaff<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub region: Option<&'a str>,
    /// The incubator of a coach, the centre of a centre agent.
    pub site: Option<i64>,
    /// Must be changed at first sign-in.
    pub temporary: bool,
    /// Made by `server seed` for a demonstration.
    pub demo: bool,
}

pub enum Created {
    Created(i64),
    EmailTaken,
}

/// Creates a staff account with `password`.
pub async fn create_staff(
    db: &Db,
    new: &NewStaff<'_>,
    password: String,
) -> Result<Created, AppError> {
    let hash = passwords::hash_password(password).await?;
    let _turn = db.writing().await;
    insert_staff(db.pool(), new, &hash).await
}

/// Inserts a staff account with a password hashed already (several accounts, one password),
/// in the caller's transaction when given one; the caller holds the write turn.
pub async fn insert_staff<'e, E>(
    executor: E,
    new: &NewStaff<'_>,
    hash: &PasswordHashString,
) -> Result<Created, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(
        "insert into staff (email, name, role, region_code, password_hash, must_change_password, \
             created_at, demo, site_id) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing returning id",
    )
    .bind(auth::normalise_email(new.email))
    .bind(new.name.trim().to_owned())
    .bind(new.role.code())
    .bind(new.region.map(str::to_owned))
    .bind(hash.as_str().to_owned())
    .bind(new.temporary)
    .bind(clock::now())
    .bind(new.demo)
    .bind(new.site)
    .fetch_optional(executor)
    .await?;
    Ok(match row {
        Some(row) => Created::Created(row.try_get(0)?),
        None => Created::EmailTaken,
    })
}

/// The e-mail of the administrator created at first start.
pub const FIRST_ADMIN_EMAIL: &str = "admin@jisr.local";

/// On a database without any staff account, creates a national administrator with a
/// generated password and returns its sign-in, to be shown once.
pub async fn ensure_first_admin(db: &Db) -> Result<Option<(String, String)>, AppError> {
    let count: i64 = sqlx::query("select count(*) from staff")
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    if count > 0 {
        return Ok(None);
    }
    let password = passwords::generate_password()?;
    let new = NewStaff {
        email: FIRST_ADMIN_EMAIL,
        name: "Administrateur national",
        role: Role::NationalAdmin,
        region: None,
        site: None,
        // Printed once in the server's output, which logs may keep: changed at first sign-in.
        temporary: true,
        demo: false,
    };
    match create_staff(db, &new, password.clone()).await? {
        Created::Created(_) => Ok(Some((FIRST_ADMIN_EMAIL.to_owned(), password))),
        Created::EmailTaken => Ok(None),
    }
}
