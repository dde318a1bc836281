//! The status lookup: an application's status from its reference and her CIN or date of
//! birth, limited per address; a wrong pair reads as an unknown reference.

use super::*;
use crate::{
    client::client_ip,
    db::Db,
    registration::{
        api::{Refusals, StatusReply},
        fields::{parse_date, Cin, FieldError, ReferenceNumber},
    },
};
use http::request::Parts;
use sqlx::Row;

/// An application's status from its reference and her CIN or date of birth. A wrong pair
/// gets the same answer as an unknown reference.
pub async fn lookup_status(
    db: &Db,
    limiter: &LookupLimiter,
    parts: &Parts,
    reference: &str,
    identity: &str,
) -> Result<StatusReply, AppError> {
    let mut errors: Refusals = Vec::new();
    let reference = ReferenceNumber::parse(reference)
        .map_err(|e| errors.push(("reference".into(), e)))
        .ok();
    // A date of birth, or else a CIN.
    let birth = parse_date(identity);
    let cin = match birth {
        Some(_) => None,
        None => match Cin::parse(identity) {
            Ok(cin) => Some(cin),
            Err(FieldError::Required) => {
                errors.push(("identity".into(), FieldError::Required));
                None
            }
            Err(_) => {
                errors.push(("identity".into(), FieldError::IdentityFormat));
                None
            }
        },
    };
    let Some(reference) = reference.filter(|_| errors.is_empty()) else {
        return Ok(StatusReply::Invalid(errors));
    };
    if !limiter.0.allows(client_ip(parts)) {
        return Ok(StatusReply::TooMany);
    }
    let row = sqlx::query(
        "select reference, status, cin, birth_date from applications where reference = $1",
    )
    .bind(reference.as_str())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else {
        return Ok(StatusReply::NotFound);
    };
    let matches = match (&cin, birth) {
        (Some(cin), _) => row.try_get::<String, _>("cin")? == cin.as_str(),
        (None, Some(birth)) => {
            row.try_get::<String, _>("birth_date")? == crate::registration::fields::iso_date(birth)
        }
        (None, None) => false,
    };
    if !matches {
        return Ok(StatusReply::NotFound);
    }
    Ok(StatusReply::Found {
        reference: row.try_get("reference")?,
        status: row.try_get("status")?,
    })
}
