//! Staff sign-in on the server: argon2id password hashes, throttling and lockout, the session
//! that remembers who is signed in (idle and absolute expiry), and staff accounts.

use super::{
    audit::{self, AuditAction, Entry},
    roles::{Role, Staff},
};
use crate::{
    db::{flag, Db},
    error::AppError,
};
use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use sqlx::Row;
use std::{net::IpAddr, num::NonZeroU32, sync::Arc, sync::LazyLock};
use time::OffsetDateTime;
use tower_sessions::Session;

/// Session keys.
const STAFF_ID: &str = "staff_id";
const SIGNED_IN_AT: &str = "signed_in_at";
const SEEN_AT: &str = "seen_at";
const PASSWORD_VERSION: &str = "password_version";

/// A session ends after this long without a request (set on the session layer)...
pub const IDLE_MINUTES: i64 = 30;
/// ...and this long after sign-in, whatever happens.
pub const ABSOLUTE_HOURS: i64 = 12;
/// Wrong passwords in a row that lock an account...
pub const FAILURES_BEFORE_LOCKOUT: i64 = 5;
/// ...for this long.
pub const LOCKOUT_MINUTES: i64 = 15;

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// A password hash as stored: never serialised, never logged.
pub struct PasswordHashString(String);

/// Argon2 takes 19 MiB a hash: at most this many run at once.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Hashes with argon2id (the crate's default parameters), off the async threads.
pub async fn hash_password(password: String) -> Result<PasswordHashString, AppError> {
    let _permit = HASHING.acquire().await.map_err(|_| AppError::Internal)?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| PasswordHashString(hash.to_string()))
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|error| {
        tracing::error!(%error, "cannot hash a password");
        AppError::Internal
    })
}

async fn verify_password(hash: String, password: String) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// Verified against when the account does not exist, so that an unknown e-mail takes as
/// long to refuse as a wrong password.
pub static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(b"no account has this password", &salt)
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

/// A random password of 16 unambiguous characters (about 80 bits).
pub fn generate_password() -> Result<String, AppError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| AppError::Internal)?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Sign-in attempts per client address, on top of the per-account lockout.
#[derive(Clone)]
pub struct SignInLimiter(Arc<governor::DefaultKeyedRateLimiter<IpAddr>>);

impl SignInLimiter {
    pub const DEFAULT_PER_MINUTE: u32 = 20;

    pub fn per_minute(count: NonZeroU32) -> SignInLimiter {
        SignInLimiter(Arc::new(governor::RateLimiter::keyed(
            governor::Quota::per_minute(count),
        )))
    }
}

impl SignInLimiter {
    /// Forgets addresses that have not tried lately, so the limiter's memory stays small.
    pub fn forget_idle(&self) {
        self.0.retain_recent();
    }
}

impl Default for SignInLimiter {
    fn default() -> Self {
        SignInLimiter::per_minute(
            NonZeroU32::new(Self::DEFAULT_PER_MINUTE).unwrap_or(NonZeroU32::MIN),
        )
    }
}

/// Why a sign-in failed. An unknown account and a wrong password are the same failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInFailure {
    Invalid,
    /// Too many wrong passwords: the account is locked for this many more minutes.
    Locked(i64),
    /// Too many attempts from this address.
    TooMany,
}

const STAFF_COLUMNS: &str = "id, email, name, role, region_code, \
     case when must_change_password then 1 else 0 end as must_change_password";

fn staff_from_row(row: &sqlx::any::AnyRow) -> Result<Staff, AppError> {
    let role: String = row.try_get("role")?;
    Ok(Staff {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::from_code(&role).ok_or(AppError::Internal)?,
        region: row.try_get("region_code")?,
        must_change_password: flag(row, "must_change_password")?,
    })
}

/// E-mails are compared in lower case, without surrounding spaces.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The longest e-mail looked up (RFC 5321); anything longer cannot be an account.
const MAX_EMAIL_LEN: usize = 254;

/// Checks an e-mail and password; on success the session now belongs to this staff member
/// (with a new id, so a session fixed before sign-in is worthless).
///
/// An attempt is counted before the password is checked, so parallel guesses cannot get past
/// the lockout; a right password then clears the count.
pub async fn sign_in(
    db: &Db,
    limiter: &SignInLimiter,
    session: &Session,
    email: &str,
    password: &str,
    client: IpAddr,
) -> Result<Result<Staff, SignInFailure>, AppError> {
    if limiter.0.check_key(&client).is_err() {
        return Ok(Err(SignInFailure::TooMany));
    }
    let email: String = normalise_email(email).chars().take(MAX_EMAIL_LEN).collect();
    let row = sqlx::query(&format!(
        "select {STAFF_COLUMNS}, password_hash, password_version from staff \
         where email = $1 and active = true"
    ))
    .bind(&email)
    .fetch_optional(db.pool())
    .await?;
    let failed = |detail: &str| Entry {
        actor: None,
        actor_email: Some(&email),
        action: AuditAction::SignInFailed,
        subject: "staff".into(),
        detail: detail.into(),
        client,
    };
    let Some(row) = row else {
        verify_password(DUMMY_HASH.clone(), password.to_owned()).await;
        let _turn = db.writing().await;
        audit::record(db.pool(), failed("unknown or inactive account")).await?;
        return Ok(Err(SignInFailure::Invalid));
    };
    let staff = staff_from_row(&row)?;
    let hash: String = row.try_get("password_hash")?;
    // Count the attempt, unless the account is locked; reaching the limit locks it.
    let counted = {
        let _turn = db.writing().await;
        let counted = sqlx::query(
            "update staff set \
                 failed_sign_ins = case when failed_sign_ins + 1 >= $2 then 0 else failed_sign_ins + 1 end, \
                 locked_until = case when failed_sign_ins + 1 >= $2 then $3 else locked_until end \
             where id = $1 and locked_until <= $4 returning locked_until",
        )
        .bind(staff.id)
        .bind(FAILURES_BEFORE_LOCKOUT)
        .bind(now() + LOCKOUT_MINUTES * 60)
        .bind(now())
        .fetch_optional(db.pool())
        .await?;
        if counted.is_none() {
            audit::record(db.pool(), failed("locked")).await?;
        }
        counted
    };
    let Some(counted) = counted else {
        let locked_until: i64 = sqlx::query("select locked_until from staff where id = $1")
            .bind(staff.id)
            .fetch_one(db.pool())
            .await?
            .try_get(0)?;
        return Ok(Err(SignInFailure::Locked(minutes_until(locked_until))));
    };
    if !verify_password(hash, password.to_owned()).await {
        let locked_until: i64 = counted.try_get("locked_until")?;
        let _turn = db.writing().await;
        audit::record(db.pool(), failed("wrong password")).await?;
        if locked_until > now() {
            return Ok(Err(SignInFailure::Locked(minutes_until(locked_until))));
        }
        return Ok(Err(SignInFailure::Invalid));
    }
    {
        let _turn = db.writing().await;
        let mut tx = db.pool().begin().await?;
        sqlx::query("update staff set failed_sign_ins = 0, locked_until = 0 where id = $1")
            .bind(staff.id)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut *tx,
            Entry::by(
                &staff,
                AuditAction::SignIn,
                format!("staff:{}", staff.id),
                String::new(),
                client,
            ),
        )
        .await?;
        tx.commit().await?;
    }
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(STAFF_ID, staff.id)
        .await
        .map_err(session_error)?;
    session
        .insert(SIGNED_IN_AT, now())
        .await
        .map_err(session_error)?;
    session
        .insert(SEEN_AT, now())
        .await
        .map_err(session_error)?;
    session
        .insert(PASSWORD_VERSION, row.try_get::<i64, _>("password_version")?)
        .await
        .map_err(session_error)?;
    Ok(Ok(staff))
}

fn minutes_until(at: i64) -> i64 {
    ((at - now()) + 59).div_euclid(60).max(1)
}

fn session_error(error: tower_sessions::session::Error) -> AppError {
    tracing::error!(%error, "session store");
    AppError::Internal
}

/// The staff member signed in on this session, if any: still active, within the absolute
/// expiry, and signed in since her password last changed. A request pushes the idle expiry
/// back (at most once a minute, since it writes the session).
pub async fn current_staff(db: &Db, session: &Session) -> Result<Option<Staff>, AppError> {
    let Some(id) = session.get::<i64>(STAFF_ID).await.map_err(session_error)? else {
        return Ok(None);
    };
    let signed_in_at = session
        .get::<i64>(SIGNED_IN_AT)
        .await
        .map_err(session_error)?
        .unwrap_or(0);
    if now() - signed_in_at > ABSOLUTE_HOURS * 3600 {
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    }
    let row = sqlx::query(&format!(
        "select {STAFF_COLUMNS}, password_version from staff where id = $1 and active = true"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    };
    let password_version: i64 = row.try_get("password_version")?;
    let signed_in_under = session
        .get::<i64>(PASSWORD_VERSION)
        .await
        .map_err(session_error)?;
    if signed_in_under != Some(password_version) {
        session.flush().await.map_err(session_error)?;
        return Ok(None);
    }
    let seen_at = session
        .get::<i64>(SEEN_AT)
        .await
        .map_err(session_error)?
        .unwrap_or(0);
    if now() - seen_at >= 60 {
        // Modifying the session makes the layer save it, with a new idle expiry.
        session
            .insert(SEEN_AT, now())
            .await
            .map_err(session_error)?;
    }
    Ok(Some(staff_from_row(&row)?))
}

/// The staff member signed in on this session, even with a temporary password; or why not.
pub async fn signed_in_any(db: &Db, session: &Session) -> Result<Staff, AppError> {
    current_staff(db, session)
        .await?
        .ok_or(AppError::NotSignedIn)
}

/// The staff member signed in on this session, who has chosen her own password; or why not.
/// Every console server function and endpoint starts here.
pub async fn signed_in(db: &Db, session: &Session) -> Result<Staff, AppError> {
    match signed_in_any(db, session).await? {
        staff if staff.must_change_password => Err(AppError::PasswordChangeRequired),
        staff => Ok(staff),
    }
}

/// The staff member signed in on the request's session, if any.
pub async fn request_staff(
    db: &Db,
    parts: &http::request::Parts,
) -> Result<Option<Staff>, AppError> {
    match parts.extensions.get::<Session>() {
        Some(session) => current_staff(db, session).await,
        None => Ok(None),
    }
}

/// Ends the session, on the server and in the browser.
pub async fn sign_out(
    db: &Db,
    session: &Session,
    staff: &Staff,
    client: IpAddr,
) -> Result<(), AppError> {
    {
        let _turn = db.writing().await;
        audit::record(
            db.pool(),
            Entry::by(
                staff,
                AuditAction::SignOut,
                format!("staff:{}", staff.id),
                String::new(),
                client,
            ),
        )
        .await?;
    }
    session.flush().await.map_err(session_error)
}

/// A staff account to create.
pub struct NewStaff<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub region: Option<&'a str>,
    /// Must be changed at first sign-in.
    pub temporary: bool,
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
    let hash = hash_password(password).await?;
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
        "insert into staff (email, name, role, region_code, password_hash, must_change_password, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id",
    )
    .bind(normalise_email(new.email))
    .bind(new.name.trim().to_owned())
    .bind(new.role.code())
    .bind(new.region.map(str::to_owned))
    .bind(hash.0.clone())
    .bind(new.temporary)
    .bind(now())
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
    let password = generate_password()?;
    let new = NewStaff {
        email: FIRST_ADMIN_EMAIL,
        name: "Administrateur national",
        role: Role::NationalAdmin,
        region: None,
        // Printed once in the server's output, which logs may keep: changed at first sign-in.
        temporary: true,
    };
    match create_staff(db, &new, password.clone()).await? {
        Created::Created(_) => Ok(Some((FIRST_ADMIN_EMAIL.to_owned(), password))),
        Created::EmailTaken => Ok(None),
    }
}

/// Why a new password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordRefused {
    WrongCurrent,
    SameAsCurrent,
}

/// Replaces a staff member's password, after checking the current one. Every other session
/// of hers ends; this one goes on under a new id.
pub async fn change_password(
    db: &Db,
    session: &Session,
    staff: &Staff,
    current: &str,
    new: &str,
    client: IpAddr,
) -> Result<Result<(), PasswordRefused>, AppError> {
    if current == new {
        return Ok(Err(PasswordRefused::SameAsCurrent));
    }
    let hash: String = sqlx::query("select password_hash from staff where id = $1")
        .bind(staff.id)
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    if !verify_password(hash, current.to_owned()).await {
        return Ok(Err(PasswordRefused::WrongCurrent));
    }
    let hash = hash_password(new.to_owned()).await?;
    let version = {
        let _turn = db.writing().await;
        let mut tx = db.pool().begin().await?;
        let version: i64 = sqlx::query(
            "update staff set password_hash = $2, must_change_password = false, \
                 password_version = password_version + 1 where id = $1 returning password_version",
        )
        .bind(staff.id)
        .bind(hash.0)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        audit::record(
            &mut *tx,
            Entry::by(
                staff,
                AuditAction::PasswordChanged,
                format!("staff:{}", staff.id),
                String::new(),
                client,
            ),
        )
        .await?;
        tx.commit().await?;
        version
    };
    // This session goes on, under a new id; every other one has ended.
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(PASSWORD_VERSION, version)
        .await
        .map_err(session_error)?;
    Ok(Ok(()))
}
