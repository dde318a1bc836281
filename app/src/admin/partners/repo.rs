//! The partners' keys' queries: issued and revoked each in an audited write, and the key a
//! request presents read back to what it may open, each use recorded.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    auth,
    roles::Staff,
};
use crate::{clock, db::Db, registration::fields::has_hidden_chars};
use sqlx::Row;
use std::net::IpAddr;

/// What the database keeps of a key.
pub fn hash(key: &str) -> String {
    auth::sha256_hex(key)
}

/// A new key: the prefix, then 256 random bits.
fn new_key() -> Result<String, AppError> {
    Ok(format!("{KEY_PREFIX}{}", auth::generate_token()?))
}

fn state(now: i64, expires_at: i64, revoked_at: Option<i64>) -> KeyState {
    match revoked_at {
        Some(_) => KeyState::Revoked,
        None if expires_at <= now => KeyState::Expired,
        None => KeyState::Active,
    }
}

/// Every key issued, the newest first.
pub async fn list(db: &Db) -> Result<Vec<KeyRow>, AppError> {
    let now = clock::now();
    sqlx::query(
        "select k.id, k.name, k.region_code, r.name_fr as region_fr, r.name_ar as region_ar, \
             k.shown_prefix, k.created_at, s.name as created_by, k.expires_at, k.revoked_at, \
             k.last_used_at \
         from partner_tokens k left join regions r on r.code = k.region_code \
             join staff s on s.id = k.created_by \
         order by k.created_at desc, k.id desc",
    )
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<KeyRow, AppError> {
        let expires_at: i64 = row.try_get("expires_at")?;
        let revoked_at: Option<i64> = row.try_get("revoked_at")?;
        let last_used: Option<i64> = row.try_get("last_used_at")?;
        Ok(KeyRow {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            region: row.try_get("region_code")?,
            region_fr: row.try_get("region_fr")?,
            region_ar: row.try_get("region_ar")?,
            shown: row.try_get("shown_prefix")?,
            created: clock::LocalTime::of(row.try_get("created_at")?),
            created_by: row.try_get("created_by")?,
            expires: clock::LocalTime::of(expires_at),
            last_used: last_used.map(clock::LocalTime::of),
            state: state(now, expires_at, revoked_at),
        })
    })
    .collect()
}

/// Issues a key named `name`, for `region` (a region's code, or empty for the country), valid
/// `days` days. Refusals are (field, message key).
pub async fn issue(
    db: &Db,
    staff: &Staff,
    name: &str,
    region: &str,
    days: &str,
    client: IpAddr,
) -> Result<IssueReply, AppError> {
    let name = name.trim();
    let region = region.trim();
    let mut refusals = Vec::new();
    if name.is_empty() {
        refusals.push(("name".to_owned(), "admin-partner-key-error-name".to_owned()));
    } else if name.chars().count() > MAX_NAME_CHARS || has_hidden_chars(name, false) {
        refusals.push((
            "name".to_owned(),
            "admin-partner-key-error-name-chars".to_owned(),
        ));
    }
    let days = match days.trim().parse::<i64>() {
        Ok(days) if (1..=MAX_DAYS).contains(&days) => days,
        _ => {
            refusals.push(("days".to_owned(), "admin-partner-key-error-days".to_owned()));
            0
        }
    };
    if !region.is_empty() && !crate::db::region_exists(db, region).await? {
        refusals.push(("region".to_owned(), "admin-error-region".to_owned()));
    }
    if !refusals.is_empty() {
        return Ok(IssueReply::Invalid(refusals));
    }
    let key = new_key()?;
    let shown: String = key.chars().take(SHOWN_CHARS).collect();
    let now = clock::now();
    let expires_at = now + days * 86_400;
    let mut write = AuditedWrite::begin(db).await?;
    let id: i64 = sqlx::query(
        "insert into partner_tokens (name, region_code, token_hash, shown_prefix, created_by, \
             created_at, expires_at) \
         values ($1, $2, $3, $4, $5, $6, $7) returning id",
    )
    .bind(name)
    .bind((!region.is_empty()).then_some(region))
    .bind(hash(&key))
    .bind(&shown)
    .bind(staff.id)
    .bind(now)
    .bind(expires_at)
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    let scope = if region.is_empty() {
        "national"
    } else {
        region
    };
    write
        .commit(Entry::by(
            staff,
            AuditAction::PartnerKeyIssued,
            format!("partner_key:{id}"),
            format!(
                "{name} · {scope} · {shown}… · {}",
                clock::LocalTime::of(expires_at).date()
            ),
            client,
        ))
        .await?;
    Ok(IssueReply::Issued { id, key })
}

/// Revokes key `id`: `false` when there is none, or it was revoked already.
pub async fn revoke(db: &Db, staff: &Staff, id: i64, client: IpAddr) -> Result<bool, AppError> {
    let mut write = AuditedWrite::begin(db).await?;
    let revoked = sqlx::query(
        "update partner_tokens set revoked_at = $1, revoked_by = $2 \
         where id = $3 and revoked_at is null",
    )
    .bind(clock::now())
    .bind(staff.id)
    .bind(id)
    .execute(&mut *write.tx)
    .await?
    .rows_affected()
        == 1;
    if !revoked {
        return Ok(false);
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::PartnerKeyRevoked,
            format!("partner_key:{id}"),
            String::new(),
            client,
        ))
        .await?;
    Ok(true)
}

/// What a valid key opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerScope {
    pub key_id: i64,
    pub name: String,
    /// The region it reads; `None` for the whole country.
    pub region: Option<String>,
}

/// The key `presented` stands for, when it is one issued, not revoked and not expired. The
/// same `None` for a key never issued, revoked or expired: the answer tells nobody which.
pub async fn authorise(db: &Db, presented: &str) -> Result<Option<PartnerScope>, AppError> {
    // Not the shape of a key: no need to ask the database.
    if !presented.starts_with(KEY_PREFIX) || presented.len() != KEY_PREFIX.len() + 64 {
        return Ok(None);
    }
    let Some(row) = sqlx::query(
        "select id, name, region_code, expires_at, revoked_at from partner_tokens \
         where token_hash = $1",
    )
    .bind(hash(presented))
    .fetch_optional(db.pool())
    .await?
    else {
        return Ok(None);
    };
    let expires_at: i64 = row.try_get("expires_at")?;
    let revoked_at: Option<i64> = row.try_get("revoked_at")?;
    if state(clock::now(), expires_at, revoked_at) != KeyState::Active {
        return Ok(None);
    }
    Ok(Some(PartnerScope {
        key_id: row.try_get("id")?,
        name: row.try_get("name")?,
        region: row.try_get("region_code")?,
    }))
}

/// Records one call of the API with `scope`'s key: in the audit log, with the key's id and
/// what was asked, and as the key's last use.
pub async fn record_call(
    db: &Db,
    scope: &PartnerScope,
    asked: &str,
    client: IpAddr,
) -> Result<(), AppError> {
    let now = clock::now();
    let mut write = AuditedWrite::begin(db).await?;
    sqlx::query("update partner_tokens set last_used_at = $1 where id = $2")
        .bind(now)
        .bind(scope.key_id)
        .execute(&mut *write.tx)
        .await?;
    write
        .commit(Entry {
            actor: None,
            actor_email: None,
            action: AuditAction::PartnerApiCall,
            subject: format!("partner_key:{}", scope.key_id),
            detail: asked.chars().take(500).collect(),
            client,
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_its_prefix_and_256_random_bits_and_is_kept_as_its_sha_256() {
        let key = new_key().unwrap();
        assert!(key.starts_with(KEY_PREFIX));
        assert_eq!(key.len(), KEY_PREFIX.len() + 64);
        assert_ne!(key, new_key().unwrap());
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_key_is_active_until_it_expires_or_is_revoked() {
        assert_eq!(state(100, 101, None), KeyState::Active);
        assert_eq!(state(101, 101, None), KeyState::Expired);
        assert_eq!(state(100, 101, Some(50)), KeyState::Revoked);
    }
}
