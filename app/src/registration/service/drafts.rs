//! The draft store: her answers between steps, from the identity step until she submits,
//! named by a random token in an HttpOnly cookie; taken up elsewhere with its resume code.

use super::*;
use crate::{
    client::request_cookie,
    clock,
    db::{Atomic, Db},
    registration::{
        fields::{parse_date, ResumeCode},
        steps::*,
    },
};
use http::request::Parts;
use sqlx::Row;

pub(crate) struct Draft {
    pub token: String,
    pub resume_code: String,
    pub idempotency_key: String,
    pub answers: Raw,
}

/// Where her answers are kept so far.
pub(crate) struct Session {
    pub draft: Option<Draft>,
    pub answers: Raw,
}

pub(super) async fn load_draft(db: &Db, token: &str) -> Result<Option<Draft>, AppError> {
    let row = sqlx::query(
        "select token, resume_code, idempotency_key, answers from drafts \
         where token = $1 and expires_at > $2",
    )
    .bind(token)
    .bind(clock::now())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let answers: String = row.try_get("answers")?;
    Ok(Some(Draft {
        token: row.try_get("token")?,
        resume_code: row.try_get("resume_code")?,
        idempotency_key: row.try_get("idempotency_key")?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
    }))
}

pub(super) async fn session(db: &Db, parts: &Parts) -> Result<Session, AppError> {
    if let Some(token) = request_cookie(parts, DRAFT_COOKIE) {
        if let Some(draft) = load_draft(db, &token).await? {
            return Ok(Session {
                answers: draft.answers.clone(),
                draft: Some(draft),
            });
        }
    }
    let answers = request_cookie(parts, ELIGIBILITY_COOKIE)
        .map(|value| only_steps(&decode_pairs(&value), &[Step::Eligibility]))
        .unwrap_or_default();
    Ok(Session {
        draft: None,
        answers,
    })
}

/// When she ticked the consent box, kept with her answers (no form can set it).
pub(super) const CONSENTED_AT: &str = "_consented_at";

pub(super) fn birth_date_of(answers: &Raw) -> String {
    parse_date(first(answers, "birth_date"))
        .map(crate::registration::fields::iso_date)
        .unwrap_or_default()
}

pub(super) async fn create_draft(
    db: &Db,
    settings: &WizardSettings,
    answers: &Raw,
) -> Result<Draft, AppError> {
    let json = serde_json::to_string(answers).map_err(|_| AppError::Internal)?;
    let birth_date = birth_date_of(answers);
    let kept = answers.clone();
    let now = clock::now();
    let expires_at = now + settings.draft_ttl_secs;
    // Each try writes nothing unless it is the last: a failure leaves nothing behind.
    db.write(Atomic::Yes, move |conn| {
        Box::pin(async move {
            for _ in 0..5 {
                let token = random_token()?;
                let resume_code = ResumeCode::from_random(random()?);
                let idempotency_key = random_token()?;
                let done = sqlx::query(
                    "insert into drafts (token, resume_code, idempotency_key, birth_date, \
                                         answers, created_at, updated_at, expires_at) \
                     values ($1, $2, $3, $4, $5, $6, $6, $7) on conflict do nothing",
                )
                .bind(&token)
                .bind(resume_code.as_str())
                .bind(&idempotency_key)
                .bind(&birth_date)
                .bind(&json)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *conn)
                .await?;
                if done.rows_affected() == 1 {
                    return Ok(Draft {
                        token,
                        resume_code: resume_code.as_str().to_owned(),
                        idempotency_key,
                        answers: kept,
                    });
                }
            }
            tracing::error!("five resume codes in a row were taken");
            Err(AppError::Internal)
        })
    })
    .await
}

pub(super) async fn update_draft(
    db: &Db,
    settings: &WizardSettings,
    token: &str,
    answers: &Raw,
) -> Result<(), AppError> {
    let json = serde_json::to_string(answers).map_err(|_| AppError::Internal)?;
    let birth_date = birth_date_of(answers);
    let token = token.to_owned();
    let now = clock::now();
    let expires_at = now + settings.draft_ttl_secs;
    // One statement.
    db.write(Atomic::Yes, move |conn| {
        Box::pin(async move {
            sqlx::query(
                "update drafts set answers = $1, birth_date = $2, updated_at = $3, \
                     expires_at = $4 where token = $5",
            )
            .bind(json)
            .bind(birth_date)
            .bind(now)
            .bind(expires_at)
            .bind(token)
            .execute(conn)
            .await?;
            Ok::<_, AppError>(())
        })
    })
    .await
}

/// Deletes the drafts past their expiry. Returns how many.
pub async fn purge_expired_drafts(db: &Db) -> Result<u64, sqlx::Error> {
    let _turn = db.writing().await;
    let done = sqlx::query("delete from drafts where expires_at <= $1")
        .bind(clock::now())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
