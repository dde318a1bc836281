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
        "select id, reference, status, cin, birth_date from applications where reference = $1",
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
    let status: String = row.try_get("status")?;
    let (next_session, coach) = if status == "enrolled" {
        next_session(db, row.try_get("id")?).await?
    } else {
        (None, None)
    };
    Ok(StatusReply::Found {
        reference: row.try_get("reference")?,
        status,
        next_session,
        coach,
    })
}

/// An enrolled woman's next session (today's included) and her coach's first name.
async fn next_session(
    db: &Db,
    application_id: i64,
) -> Result<(Option<(crate::clock::LocalTime, String)>, Option<String>), AppError> {
    let enrolment = sqlx::query(
        "select e.cohort_id, s.name as coach from enrolments e \
             join cohorts c on c.id = e.cohort_id left join staff s on s.id = c.coach_id \
         where e.application_id = $1 and e.left_day is null",
    )
    .bind(application_id)
    .fetch_optional(db.pool())
    .await?;
    let Some(enrolment) = enrolment else {
        return Ok((None, None));
    };
    let coach: Option<String> = enrolment.try_get("coach")?;
    let first_name = coach.and_then(|name| name.split_whitespace().next().map(str::to_owned));
    let today_starts = crate::clock::day_start(crate::clock::today());
    let session = sqlx::query(
        "select starts_at, place from training_sessions where cohort_id = $1 and starts_at >= $2 \
         order by starts_at, id limit 1",
    )
    .bind(enrolment.try_get::<i64, _>("cohort_id")?)
    .bind(today_starts)
    .fetch_optional(db.pool())
    .await?
    .map(|row| -> Result<_, sqlx::Error> {
        Ok((
            crate::clock::LocalTime::of(row.try_get("starts_at")?),
            row.try_get::<String, _>("place")?,
        ))
    })
    .transpose()?;
    Ok((session, first_name))
}
