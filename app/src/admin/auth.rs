//! Staff sign-in on the server: the throttle of wrong passwords (see `throttle`: slowed,
//! never locked), the devices staff signed in from, the session that remembers who is signed
//! in (idle and absolute expiry), and changing one's password. The hashes and the password
//! rules are in `passwords`; accounts are created in `staff/`.

use super::{
    audit::{self, AuditAction, Entry},
    passwords::{hash_password, needs_rehash, verify_password, DUMMY_HASH},
    roles::{Role, Staff},
    throttle::Throttle,
};
use crate::{
    client::{at_least_one, AddressLimiter},
    clock::now,
    db::{flag, Db},
    error::AppError,
};
use cookie::{Cookie, SameSite};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::{net::IpAddr, num::NonZeroU32, time::Instant};

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
/// The cookie that names a device where a staff member signed in.
pub const DEVICE_COOKIE: &str = "jisr_device";
/// A device unused this long is forgotten.
pub const DEVICE_DAYS: i64 = 180;

/// Sign-in attempts per client address (whatever the accounts), and the throttle of wrong
/// passwords per account.
#[derive(Clone)]
pub struct SignInLimiter {
    per_address: AddressLimiter,
    throttle: Throttle,
}

impl SignInLimiter {
    pub const DEFAULT_PER_MINUTE: u32 = 20;

    pub fn per_minute(count: NonZeroU32) -> SignInLimiter {
        SignInLimiter {
            per_address: AddressLimiter::per_minute(count),
            throttle: Throttle::default(),
        }
    }

    /// Forgets addresses and accounts that have not tried lately, so memory stays small.
    pub fn forget_idle(&self) {
        self.per_address.forget_idle();
        self.throttle.forget_idle();
    }
}

impl Default for SignInLimiter {
    fn default() -> Self {
        SignInLimiter::per_minute(at_least_one(Self::DEFAULT_PER_MINUTE))
    }
}

/// Why a sign-in failed. An unknown account and a wrong password are the same failure, and
/// an unknown account is slowed exactly as a real one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInFailure {
    Invalid,
    /// Too many wrong passwords lately: try again in this many seconds.
    Wait(i64),
    /// Too many attempts from this address.
    TooMany,
}

/// A sign-in that succeeded: who, and the cookie that remembers this device (new, or the
/// same one renewed).
pub struct SignedIn {
    pub staff: Staff,
    pub device_cookie: Cookie<'static>,
}

/// What is stored of a secret the server hands out (a device's cookie, a session's id, a
/// partner's key): its SHA-256, in hex.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The staff member a device cookie was given to, if it is still remembered.
async fn device_owner(db: &Db, token: Option<&str>) -> Result<Option<i64>, AppError> {
    // Looked up whatever the e-mail, so that every attempt does the same work.
    let hash = sha256_hex(token.unwrap_or_default());
    Ok(
        sqlx::query("select staff_id from staff_devices where token_hash = $1")
            .bind(hash)
            .fetch_optional(db.pool())
            .await?
            .map(|row| row.try_get::<i64, _>(0))
            .transpose()?,
    )
}

/// Remembers this device for `staff`: renews its cookie, or makes a new one.
async fn remember_device<'e, E>(
    executor: E,
    staff: &Staff,
    known: bool,
    token: Option<&str>,
    secure: bool,
) -> Result<Cookie<'static>, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let token = match (known, token) {
        (true, Some(token)) => token.to_owned(),
        _ => generate_token()?,
    };
    sqlx::query(
        "insert into staff_devices (token_hash, staff_id, created_at, last_used_at) \
         values ($1, $2, $3, $3) \
         on conflict (token_hash) do update set last_used_at = excluded.last_used_at",
    )
    .bind(sha256_hex(&token))
    .bind(staff.id)
    .bind(now())
    .execute(executor)
    .await?;
    let mut cookie = Cookie::new(DEVICE_COOKIE, token);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Strict);
    cookie.set_secure(secure);
    cookie.set_max_age(cookie::time::Duration::days(DEVICE_DAYS));
    Ok(cookie)
}

/// A new secret: 256 random bits, as 64 hex digits.
pub fn generate_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| {
        tracing::error!(%error, "no randomness");
        AppError::Internal
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Forgets the devices unused for [`DEVICE_DAYS`]. Returns how many.
pub async fn purge_old_devices(db: &Db) -> Result<u64, sqlx::Error> {
    let _turn = db.writing().await;
    let done = sqlx::query("delete from staff_devices where last_used_at <= $1")
        .bind(now() - DEVICE_DAYS * 86_400)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

const STAFF_COLUMNS: &str = "id, email, name, role, region_code, site_id, \
     case when must_change_password then 1 else 0 end as must_change_password, \
     case when demo then 1 else 0 end as demo";

fn staff_from_row(row: &sqlx::any::AnyRow) -> Result<Staff, AppError> {
    let role: String = row.try_get("role")?;
    Ok(Staff {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        role: Role::from_code(&role).ok_or(AppError::Internal)?,
        region: row.try_get("region_code")?,
        must_change_password: flag(row, "must_change_password")?,
        demo: flag(row, "demo")?,
        site: row.try_get("site_id")?,
    })
}

/// E-mails are compared in lower case, without surrounding spaces.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The longest e-mail looked up (RFC 5321); anything longer cannot be an account.
const MAX_EMAIL_LEN: usize = 254;

/// Checks an e-mail and password; on success the session now belongs to this staff member
/// (with a new id, so a session fixed before sign-in is worthless) and the device is
/// remembered.
///
/// Every attempt, for a real account or not, does the same work: the account and device
/// lookups, the throttle, an argon2 check (against a decoy hash for an unknown e-mail) and an
/// entry in the audit log. An attempt is counted before the password is checked, so parallel
/// guesses cannot get past the throttle.
pub async fn sign_in(
    db: &Db,
    limiter: &SignInLimiter,
    session: &Session,
    credentials: (&str, &str),
    device: Option<&str>,
    client: IpAddr,
    secure_cookies: bool,
) -> Result<Result<SignedIn, SignInFailure>, AppError> {
    let (email, password) = credentials;
    if !limiter.per_address.allows(client) {
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
    let owner = device_owner(db, device).await?;
    let account = match &row {
        Some(row) => Some((
            staff_from_row(row)?,
            row.try_get::<String, _>("password_hash")?,
            row.try_get::<i64, _>("password_version")?,
        )),
        None => None,
    };
    let known_device =
        matches!((&account, owner), (Some((staff, _, _)), Some(id)) if staff.id == id);
    let failed = |detail: &str| Entry {
        actor: None,
        actor_email: Some(&email),
        action: AuditAction::SignInFailed,
        subject: "staff".into(),
        detail: detail.into(),
        client,
    };
    let attempt = match limiter
        .throttle
        .begin(&email, client, known_device, Instant::now())
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            audit::record_alone(db, failed("throttled")).await?;
            let seconds = i64::try_from(wait.as_secs()).unwrap_or(i64::MAX);
            return Ok(Err(SignInFailure::Wait(seconds.saturating_add(1))));
        }
    };
    let (hash, version) = match &account {
        Some((_, hash, version)) => (hash.clone(), *version),
        None => (DUMMY_HASH.clone(), 0),
    };
    let right = verify_password(hash, password.to_owned()).await;
    let Some((staff, stored, _)) = account.filter(|_| right) else {
        audit::record_alone(db, failed("unknown account or wrong password")).await?;
        return Ok(Err(SignInFailure::Invalid));
    };
    limiter.throttle.succeeded(attempt);
    // A hash made with older parameters is made again from the password she just gave. The
    // password is the same, so her other sessions go on (the version stays).
    let rehashed = match needs_rehash(&stored) {
        true => Some(hash_password(password.to_owned()).await?),
        false => None,
    };
    let device_cookie = {
        let mut write = audit::AuditedWrite::begin(db).await?;
        if let Some(hash) = rehashed {
            sqlx::query("update staff set password_hash = $1 where id = $2 and password_hash = $3")
                .bind(hash.into_string())
                .bind(staff.id)
                .bind(&stored)
                .execute(&mut *write.tx)
                .await?;
        }
        let cookie =
            remember_device(&mut *write.tx, &staff, known_device, device, secure_cookies).await?;
        write
            .commit(Entry::by(
                &staff,
                AuditAction::SignIn,
                format!("staff:{}", staff.id),
                String::new(),
                client,
            ))
            .await?;
        cookie
    };
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
        .insert(PASSWORD_VERSION, version)
        .await
        .map_err(session_error)?;
    Ok(Ok(SignedIn {
        staff,
        device_cookie,
    }))
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

/// The active account with this e-mail, for the command line (which has no session).
pub async fn active_staff_by_email(db: &Db, email: &str) -> Result<Option<Staff>, AppError> {
    let row = sqlx::query(&format!(
        "select {STAFF_COLUMNS} from staff where email = $1 and active = true"
    ))
    .bind(normalise_email(email))
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(staff_from_row).transpose()
}

/// Whether the session `id` still holds: stored and not expired, within the absolute expiry,
/// for an account still active whose password has not changed since. Read without touching
/// the session, so that asking does not keep it alive (the live stream asks at each
/// keep-alive).
pub async fn session_still_valid(
    db: &Db,
    id: &tower_sessions::session::Id,
) -> Result<bool, AppError> {
    use tower_sessions::SessionStore;
    let store = super::sessions::DbSessionStore::new(db.clone());
    let Some(record) = store.load(id).await.map_err(|error| {
        tracing::error!(%error, "session store");
        AppError::Internal
    })?
    else {
        return Ok(false);
    };
    let number = |key: &str| record.data.get(key).and_then(serde_json::Value::as_i64);
    let (Some(staff_id), Some(signed_in_at), Some(version)) = (
        number(STAFF_ID),
        number(SIGNED_IN_AT),
        number(PASSWORD_VERSION),
    ) else {
        return Ok(false);
    };
    if now() - signed_in_at > ABSOLUTE_HOURS * 3600 {
        return Ok(false);
    }
    let row = sqlx::query("select password_version from staff where id = $1 and active = true")
        .bind(staff_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(row) => row.try_get::<i64, _>(0)? == version,
        None => false,
    })
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
        audit::record_alone(
            db,
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
        let mut write = audit::AuditedWrite::begin(db).await?;
        let version: i64 = sqlx::query(
            "update staff set password_hash = $2, must_change_password = false, \
                 password_version = password_version + 1 where id = $1 returning password_version",
        )
        .bind(staff.id)
        .bind(hash.into_string())
        .fetch_one(&mut *write.tx)
        .await?
        .try_get(0)?;
        write
            .commit(Entry::by(
                staff,
                AuditAction::PasswordChanged,
                format!("staff:{}", staff.id),
                String::new(),
                client,
            ))
            .await?;
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
