//! The applications store: each application inserted once (the same idempotency key finds
//! it again), linked to its possible duplicates, marked when part of a burst, its draft closed
//! in the same transaction.

use super::*;
use crate::{
    clock,
    db::{Atomic, Db},
    registration::{
        answers::Application,
        api::{RegionOption, Submitted},
        fields::ReferenceNumber,
        steps::*,
        BURST_SIZE, BURST_WINDOW_SECS,
    },
};
use sqlx::Row;

pub(super) async fn reference_of(
    db: &Db,
    idempotency_key: &str,
) -> Result<Option<String>, AppError> {
    let row = sqlx::query("select reference from applications where idempotency_key = $1")
        .bind(idempotency_key)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(row) => Some(row.try_get("reference")?),
        None => None,
    })
}

/// Her application, named by the cookie this server signed when she submitted it, with her
/// region's places and how many women have applied there.
pub(super) async fn submitted(
    reference: &str,
    regions: &[RegionOption],
    db: &Db,
) -> Result<Option<Submitted>, AppError> {
    let row = sqlx::query("select reference, region_code from applications where reference = $1")
        .bind(reference)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("region_code")?;
    Ok(Some(Submitted {
        reference: row.try_get("reference")?,
        region: regions.iter().find(|r| r.code == code).cloned(),
    }))
}

/// An application to store, with what it was submitted with.
pub struct NewApplication<'a> {
    pub application: &'a Application,
    pub answers: &'a Raw,
    pub idempotency_key: &'a str,
    pub lang: crate::i18n::Lang,
    pub consented_at: i64,
    /// When she submitted it (Unix seconds): its day in Morocco is kept with it.
    pub submitted_at: i64,
    /// The draft it came from, deleted in the same transaction.
    pub draft_token: Option<&'a str>,
    /// The centre agent who registered her on her behalf (the assisted channel).
    pub entered_by: Option<i64>,
    /// The keyed hash of the address it came from ([`ServerKeys::address_key`]), to mark
    /// bursts; none for assisted registrations.
    pub client_key: Option<String>,
}

/// An application stored now, or before with the same idempotency key: its reference.
pub struct Stored(pub String);

/// Stores an application once: a second call with the same idempotency key finds the first.
/// Flags possible duplicates (the same CIN among them), marks bursts from one connection, and
/// closes the draft in the same transaction.
pub async fn store_application(db: &Db, new: &NewApplication<'_>) -> Result<Stored, AppError> {
    let application = new.application.clone();
    let key = new.idempotency_key.to_owned();
    let answers = serde_json::to_string(new.answers).map_err(|_| AppError::Internal)?;
    // Her schooling, a column of its own for the report's education axis.
    let education = crate::registration::answers::SchoolingAnswers::parse(new.answers)
        .map(|schooling| schooling.education.code().to_owned())
        .unwrap_or_default();
    let (lang, consented_at, submitted_at, entered_by) =
        (new.lang, new.consented_at, new.submitted_at, new.entered_by);
    let draft_token = new.draft_token.map(str::to_owned);
    let client_key = new.client_key.clone();
    let stored = db
        .write(Atomic::No, move |conn| {
            Box::pin(async move {
                for _ in 0..5 {
                    let reference = ReferenceNumber::from_random(random()?);
                    let inserted = sqlx::query(
                        "insert into applications (reference, idempotency_key, cin, \
                             first_name, last_name, name_key, birth_date, phone, email, \
                             region_code, province_id, locality, area, sector, stage, answers, \
                             lang, channel, consent_version, consented_at, submitted_at, \
                             entered_by, last_first_key, client_key, submitted_day, education) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
                             $15, $16, $17, case when $21 is null then 'self' else 'assisted' end, \
                             $18, $19, $20, $21, $22, $23, $24, $25) \
                         on conflict do nothing returning id",
                    )
                    .bind(reference.as_str())
                    .bind(&key)
                    .bind(application.identity.cin.as_str())
                    .bind(application.identity.first_name.as_str())
                    .bind(application.identity.last_name.as_str())
                    .bind(application.name_key())
                    .bind(application.identity.birth_date.iso())
                    .bind(application.identity.phone.as_str())
                    .bind(
                        application
                            .identity
                            .email
                            .as_ref()
                            .map(|e| e.as_str().to_owned()),
                    )
                    .bind(&application.region)
                    .bind(application.residence.province_id)
                    .bind(application.residence.locality.as_str())
                    .bind(application.residence.area.code())
                    .bind(application.project.sector.code())
                    .bind(application.project.stage.code())
                    .bind(&answers)
                    .bind(lang.code())
                    .bind(CONSENT_VERSION)
                    .bind(consented_at)
                    .bind(submitted_at)
                    .bind(entered_by)
                    .bind(name_key(
                        application.identity.last_name.as_str(),
                        application.identity.first_name.as_str(),
                    ))
                    .bind(client_key.as_deref())
                    .bind(clock::local_day(submitted_at))
                    .bind(&education)
                    .fetch_optional(&mut *conn)
                    .await?;
                    let Some(row) = inserted else {
                        // Someone (a double tap, a retry) got there first with this key?
                        let first = sqlx::query(
                            "select reference from applications where idempotency_key = $1",
                        )
                        .bind(&key)
                        .fetch_optional(&mut *conn)
                        .await?;
                        if let Some(first) = first {
                            return Ok((None, Stored(first.try_get("reference")?)));
                        }
                        // The reference number was taken: draw another.
                        continue;
                    };
                    let id: i64 = row.try_get(0)?;
                    flag_possible_duplicates(conn, id, &application).await?;
                    if let Some(client_key) = &client_key {
                        mark_burst(conn, id, client_key, submitted_at).await?;
                    }
                    if let Some(token) = &draft_token {
                        sqlx::query("delete from drafts where token = $1")
                            .bind(token)
                            .execute(&mut *conn)
                            .await?;
                    }
                    return Ok((Some(id), Stored(reference.as_str().to_owned())));
                }
                tracing::error!("five reference numbers in a row were taken");
                Err(AppError::Internal)
            })
        })
        .await?;
    if let (Some(id), _) = &stored {
        tracing::info!(application = id, "application submitted");
    }
    Ok(stored.1)
}

/// Links the application to any other with the same CIN, the same phone, or the same name
/// and date of birth, both ways, and marks them all for the reviewers. The other applications
/// are not otherwise changed.
async fn flag_possible_duplicates(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    application: &Application,
) -> Result<(), AppError> {
    // One statement for the three kinds: each branch reads its own index.
    sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select $1, id, 'same_cin' from applications where cin = $2 and id <> $1 \
         union all \
         select $1, id, 'same_phone' from applications where phone = $3 and id <> $1 \
         union all \
         select $1, id, 'same_name_and_birth_date' from applications \
         where name_key = $4 and birth_date = $5 and id <> $1",
    )
    .bind(id)
    .bind(application.identity.cin.as_str())
    .bind(application.identity.phone.as_str())
    .bind(application.name_key())
    .bind(application.identity.birth_date.iso())
    .execute(&mut *conn)
    .await?;
    let flagged = sqlx::query(
        "insert into application_flags (application_id, other_id, kind) \
         select other_id, application_id, kind from application_flags where application_id = $1",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if flagged.rows_affected() > 0 {
        sqlx::query(
            "update applications set possible_duplicate = true \
             where id = $1 or id in (select other_id from application_flags where application_id = $1)",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Once [`BURST_SIZE`] applications have come from one connection within
/// [`BURST_WINDOW_SECS`], marks them all, and each one after, for staff to look at. Counts at
/// most one past the size, so a long burst costs the same at each submission.
async fn mark_burst(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    client_key: &str,
    submitted_at: i64,
) -> Result<(), AppError> {
    let since = submitted_at - BURST_WINDOW_SECS;
    let recent: i64 = sqlx::query(
        "select count(*) from (select 1 from applications \
             where client_key = $1 and submitted_at > $2 limit $3) recent",
    )
    .bind(client_key)
    .bind(since)
    .bind(BURST_SIZE + 1)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)?;
    if recent == BURST_SIZE {
        // This one makes the burst: the ones before it in the window are part of it.
        sqlx::query(
            "update applications set burst = true \
             where client_key = $1 and submitted_at > $2 and burst = false",
        )
        .bind(client_key)
        .bind(since)
        .execute(&mut *conn)
        .await?;
    } else if recent > BURST_SIZE {
        sqlx::query("update applications set burst = true where id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Gives their day in Morocco to the applications that have none: those stored before
/// migration 0006, whose day SQL could not work out. The triggers count each one as it gets
/// its day. Does nothing (one indexed query) once every application has one.
pub async fn fill_submitted_days(db: &Db) -> Result<u64, AppError> {
    const BATCH: i64 = 2_000;
    let mut filled = 0;
    loop {
        let rows = sqlx::query(
            "select id, submitted_at from applications where submitted_day is null \
             order by id limit $1",
        )
        .bind(BATCH)
        .fetch_all(db.pool())
        .await?;
        if rows.is_empty() {
            return Ok(filled);
        }
        let _turn = db.writing().await;
        let mut tx = db.pool().begin().await?;
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let submitted_at: i64 = row.try_get("submitted_at")?;
            sqlx::query("update applications set submitted_day = $1 where id = $2")
                .bind(clock::local_day(submitted_at))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        filled += rows.len() as u64;
    }
}
