//! The review's queries: what a staff member may see of an application, and every change to
//! it, each checked against its version and recorded in the audit log in its transaction.

use super::*;
use crate::admin::{
    audit::{self, AuditAction, Entry},
    roles::{Role, Staff},
    workflow::{self, MAX_TEXT_LEN, TAKES_A_PLACE_SQL},
};
use crate::{
    clock,
    db::{flag, Db},
    i18n::Lang,
    registration::{
        fields::has_hidden_chars,
        steps::{label_key, shown_answer, Raw, Step},
    },
};
use sqlx::Row;
use std::net::IpAddr;

struct Visible {
    status: Status,
    version: i64,
    region: String,
}

/// The application's status, version and region, if the staff member may see it.
async fn visible<'e, E>(executor: E, staff: &Staff, id: i64) -> Result<Option<Visible>, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(
        "select status, version, region_code, entered_by from applications where id = $1",
    )
    .bind(id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let region: String = row.try_get("region_code")?;
    let entered_by: Option<i64> = row.try_get("entered_by")?;
    if !staff.sees(&region, entered_by) {
        return Ok(None);
    }
    let status: String = row.try_get("status")?;
    Ok(Some(Visible {
        status: Status::from_code(&status).ok_or(AppError::Internal)?,
        version: row.try_get("version")?,
        region,
    }))
}

/// Places taken in a region and its target, from the counters the triggers keep.
async fn places_taken<'e, E>(executor: E, region: &str) -> Result<(i64, i64), AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(&format!(
        "select cast(coalesce((select sum(c.n) from region_counts c \
                 where c.region_code = $1 and c.status in ({TAKES_A_PLACE_SQL})), 0) \
                 as bigint) as taken, \
                (select target from regions where code = $1) as target"
    ))
    .bind(region)
    .fetch_one(executor)
    .await?;
    Ok((row.try_get("taken")?, row.try_get("target")?))
}

/// The application page, recorded in the audit log as opened.
pub async fn detail(
    db: &Db,
    staff: &Staff,
    id: i64,
    lang: Lang,
    client: IpAddr,
) -> Result<Option<ApplicationDetail>, AppError> {
    let Some(seen) = visible(db.pool(), staff, id).await? else {
        return Ok(None);
    };
    let row = sqlx::query(
        "select a.reference, a.version, a.status, a.region_code, r.name_fr as region_fr, \
             r.name_ar as region_ar, p.name_fr as province_fr, p.name_ar as province_ar, \
             a.channel, e.name as entered_by, v.name as reviewer, a.recommendation, \
             a.reject_reason, a.submitted_at, \
             case when a.burst then 1 else 0 end as burst, a.answers \
         from applications a join regions r on r.code = a.region_code \
             join provinces p on p.id = a.province_id \
             left join staff e on e.id = a.entered_by left join staff v on v.id = a.reviewer_id \
         where a.id = $1",
    )
    .bind(id)
    .fetch_one(db.pool())
    .await?;
    let region_fr: String = row.try_get("region_fr")?;
    let region_ar: String = row.try_get("region_ar")?;
    let province_fr: String = row.try_get("province_fr")?;
    let province_ar: String = row.try_get("province_ar")?;
    let raw: Raw = serde_json::from_str(&row.try_get::<String, _>("answers")?).unwrap_or_default();
    let region_name = lang.pick(&region_fr, &region_ar).to_owned();
    let province_name = lang.pick(&province_fr, &province_ar).to_owned();
    let answers = Step::ALL
        .iter()
        .flat_map(|step| step.fields().iter())
        .map(|spec| {
            let values = raw.get(spec.name).cloned().unwrap_or_default();
            (
                label_key(spec.name),
                shown_answer(spec.shown, &values, lang, &region_name, &province_name),
            )
        })
        .collect();
    let flags = sqlx::query(
        "select f.kind, f.other_id, o.reference, o.region_code, o.entered_by \
         from application_flags f join applications o on o.id = f.other_id \
         where f.application_id = $1 order by f.other_id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<FlagRow, sqlx::Error> {
        let region: String = row.try_get("region_code")?;
        let visible = staff.sees(&region, row.try_get("entered_by")?);
        Ok(FlagRow {
            kind: row.try_get("kind")?,
            other_id: if visible { row.try_get("other_id")? } else { 0 },
            other_reference: if visible {
                row.try_get("reference")?
            } else {
                String::new()
            },
            visible,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let history = sqlx::query(
        "select ev.at, coalesce(s.name, '') as actor, ev.kind, ev.from_status, ev.to_status, \
             coalesce(ev.detail, '') as detail \
         from application_events ev left join staff s on s.id = ev.actor_id \
         where ev.application_id = $1 order by ev.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<EventRow, sqlx::Error> {
        let from: Option<String> = row.try_get("from_status")?;
        let to: Option<String> = row.try_get("to_status")?;
        Ok(EventRow {
            at: clock::LocalTime::of(row.try_get("at")?),
            actor: row.try_get("actor")?,
            kind: row.try_get("kind")?,
            from_status: from.as_deref().and_then(Status::from_code),
            to_status: to.as_deref().and_then(Status::from_code),
            detail: row.try_get("detail")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let notes = sqlx::query(
        "select n.created_at, s.name, n.body from application_notes n \
         join staff s on s.id = n.author_id where n.application_id = $1 order by n.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<NoteRow, sqlx::Error> {
        Ok(NoteRow {
            at: clock::LocalTime::of(row.try_get("created_at")?),
            author: row.try_get("name")?,
            body: row.try_get("body")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let (taken, target) = places_taken(db.pool(), &seen.region).await?;
    let target_reached = taken >= target;
    let was_accepted = history
        .iter()
        .any(|e| e.to_status == Some(Status::Withdrawn) && e.from_status == Some(Status::Accepted));
    let proposed = if seen.status == Status::Withdrawn && was_accepted && !target_reached {
        first_on_waiting_list(db, staff, &seen.region).await?
    } else {
        None
    };
    {
        audit::record_alone(
            db,
            Entry::by(
                staff,
                AuditAction::ViewApplication,
                format!("application:{id}"),
                String::new(),
                client,
            ),
        )
        .await?;
    }
    // Centre agents follow the women they registered, not the review's internals: no notes,
    // recommendations, assignments, rejection reasons, nor who did what.
    let internal = staff.role != Role::CentreAgent;
    let notes = if internal { notes } else { Vec::new() };
    let history = if internal {
        history
    } else {
        history
            .into_iter()
            .filter(|e| e.kind != ActionKind::Recommend.code() && e.kind != "assignment")
            .map(|e| EventRow {
                actor: String::new(),
                detail: String::new(),
                ..e
            })
            .collect()
    };
    Ok(Some(ApplicationDetail {
        id,
        reference: row.try_get("reference")?,
        version: seen.version,
        status: seen.status,
        region_code: seen.region,
        region_fr,
        region_ar,
        channel: row.try_get("channel")?,
        entered_by: row.try_get("entered_by")?,
        reviewer: if internal {
            row.try_get("reviewer")?
        } else {
            None
        },
        recommendation: if internal {
            row.try_get("recommendation")?
        } else {
            None
        },
        reject_reason: if internal {
            row.try_get("reject_reason")?
        } else {
            None
        },
        submitted_at: clock::LocalTime::of(row.try_get("submitted_at")?),
        burst: flag(&row, "burst")?,
        explains_at_centre: crate::registration::steps::first(&raw, "explain_at_centre") == "yes",
        answers,
        flags,
        history,
        notes,
        actions: workflow::offered_on_review(staff.role, seen.status),
        target_reached,
        proposed,
        may_note: may_note(staff),
    }))
}

fn may_note(staff: &Staff) -> bool {
    matches!(
        staff.role,
        Role::NationalAdmin | Role::RegionalCoordinator | Role::Reviewer
    )
}

/// The first woman on the region's waiting list, by submission time.
async fn first_on_waiting_list(
    db: &Db,
    staff: &Staff,
    region: &str,
) -> Result<Option<(i64, String)>, AppError> {
    if !staff.sees(region, None) {
        return Ok(None);
    }
    let row = sqlx::query(
        "select id, reference from applications where region_code = $1 and status = 'waiting_list' \
         order by submitted_at, id limit 1",
    )
    .bind(region)
    .fetch_optional(db.pool())
    .await?;
    Ok(match row {
        Some(row) => Some((row.try_get("id")?, row.try_get("reference")?)),
        None => None,
    })
}

/// Takes an action on an application, if it is still at `version`. `None` when the staff
/// member may not see it.
pub async fn act(
    db: &Db,
    staff: &Staff,
    id: i64,
    version: i64,
    action: &Action,
    client: IpAddr,
) -> Result<Option<ActReply>, AppError> {
    if let Action::Reject { text, .. } = action {
        if text.chars().count() > MAX_TEXT_LEN {
            return Ok(Some(ActReply::Refused(Refused::ReasonRequired)));
        }
        if has_hidden_chars(text, true) {
            return Ok(Some(ActReply::Refused(Refused::HiddenCharacters)));
        }
    }
    let mut write = audit::AuditedWrite::begin(db).await?;
    let Some(seen) = visible(&mut *write.tx, staff, id).await? else {
        return Ok(None);
    };
    if seen.version != version {
        return Ok(Some(ActReply::Refused(Refused::Changed)));
    }
    let to = match workflow::apply(staff.role, seen.status, action) {
        Ok(_) if action.kind() == ActionKind::Enrol => {
            return Ok(Some(ActReply::Refused(Refused::EnrolInCohort)))
        }
        Ok(to) => to,
        Err(refused) => return Ok(Some(ActReply::Refused(refused))),
    };
    if to == Status::Accepted {
        // Takes the region's row lock on PostgreSQL, so two acceptances in one region
        // cannot both see the last free place.
        sqlx::query("update regions set target = target where code = $1")
            .bind(&seen.region)
            .execute(&mut *write.tx)
            .await?;
        let (taken, target) = places_taken(&mut *write.tx, &seen.region).await?;
        if taken >= target {
            return Ok(Some(ActReply::Refused(Refused::TargetReached)));
        }
    }
    let (recommendation, reason, detail) = match action {
        Action::Recommend(r) => (Some(r.code().to_owned()), None, r.code().to_owned()),
        Action::Reject { reason, text } => (
            None,
            Some(reason.code().to_owned()),
            format!("{}: {}", reason.code(), text.trim()),
        ),
        _ => (None, None, String::new()),
    };
    let decided = !matches!(
        action.kind(),
        ActionKind::StartReview | ActionKind::Recommend
    );
    let updated = sqlx::query(
        "update applications set status = $3, version = version + 1, \
             recommendation = coalesce($4, recommendation), \
             reject_reason = coalesce($5, reject_reason), \
             decided_at = case when $6 = 1 then $7 else decided_at end \
         where id = $1 and version = $2",
    )
    .bind(id)
    .bind(version)
    .bind(to.code())
    .bind(recommendation)
    .bind(reason)
    .bind(i64::from(decided))
    .bind(clock::now())
    .execute(&mut *write.tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Some(ActReply::Refused(Refused::Changed)));
    }
    if to == Status::Withdrawn {
        // She leaves her cohort with her application; her follow-up stays on record.
        sqlx::query(
            "update enrolments set left_day = $2, left_reason = 'withdrawn' \
             where application_id = $1 and left_day is null",
        )
        .bind(id)
        .bind(clock::local_day(clock::now()))
        .execute(&mut *write.tx)
        .await?;
    }
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, from_status, to_status, detail) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(clock::now())
    .bind(staff.id)
    .bind(action.kind().code())
    .bind(seen.status.code())
    .bind(to.code())
    .bind(&detail)
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            if action.kind() == ActionKind::Recommend {
                AuditAction::Recommendation
            } else {
                AuditAction::Decision
            },
            format!("application:{id}"),
            format!(
                "{} {} -> {} {detail}",
                action.kind().code(),
                seen.status.code(),
                to.code()
            ),
            client,
        ))
        .await?;
    Ok(Some(ActReply::Done))
}

/// Starts the review of, or assigns a reviewer to, several applications; each one the staff
/// member may not see or act on is counted as refused.
pub async fn act_on_many(
    db: &Db,
    staff: &Staff,
    ids: &[i64],
    action: &BulkAction,
    client: IpAddr,
) -> Result<BulkReply, AppError> {
    let mut reply = BulkReply {
        done: 0,
        refused: 0,
    };
    for &id in ids.iter().take(200) {
        let done = match action {
            BulkAction::StartReview => {
                let version = visible(db.pool(), staff, id).await?.map(|v| v.version);
                match version {
                    Some(version) => {
                        act(db, staff, id, version, &Action::StartReview, client).await?
                            == Some(ActReply::Done)
                    }
                    None => false,
                }
            }
            BulkAction::AssignReviewer(reviewer) => {
                assign(db, staff, id, *reviewer, client).await?
            }
        };
        if done {
            reply.done += 1;
        } else {
            reply.refused += 1;
        }
    }
    Ok(reply)
}

async fn assign(
    db: &Db,
    staff: &Staff,
    id: i64,
    reviewer: i64,
    client: IpAddr,
) -> Result<bool, AppError> {
    if !matches!(staff.role, Role::NationalAdmin | Role::RegionalCoordinator) {
        return Ok(false);
    }
    let mut write = audit::AuditedWrite::begin(db).await?;
    let Some(seen) = visible(&mut *write.tx, staff, id).await? else {
        return Ok(false);
    };
    let name: Option<String> = sqlx::query(
        "select name from staff where id = $1 and role = 'reviewer' and active = true \
         and region_code = $2",
    )
    .bind(reviewer)
    .bind(&seen.region)
    .fetch_optional(&mut *write.tx)
    .await?
    .map(|row| row.try_get(0))
    .transpose()?;
    let Some(name) = name else { return Ok(false) };
    sqlx::query("update applications set reviewer_id = $2, version = version + 1 where id = $1")
        .bind(id)
        .bind(reviewer)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, detail) \
         values ($1, $2, $3, 'assignment', $4)",
    )
    .bind(id)
    .bind(clock::now())
    .bind(staff.id)
    .bind(&name)
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::Assignment,
            format!("application:{id}"),
            format!("reviewer:{reviewer}"),
            client,
        ))
        .await?;
    Ok(true)
}

/// Adds a note; `Some(false)` for an empty or too long note, `None` when the staff member
/// may not see the application.
pub async fn add_note(
    db: &Db,
    staff: &Staff,
    id: i64,
    body: &str,
    client: IpAddr,
) -> Result<Option<bool>, AppError> {
    let mut write = audit::AuditedWrite::begin(db).await?;
    if visible(&mut *write.tx, staff, id).await?.is_none() || !may_note(staff) {
        return Ok(None);
    }
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_TEXT_LEN || has_hidden_chars(body, true) {
        return Ok(Some(false));
    }
    sqlx::query(
        "insert into application_notes (application_id, author_id, body, created_at) \
         values ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(staff.id)
    .bind(body)
    .bind(clock::now())
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::Note,
            format!("application:{id}"),
            String::new(),
            client,
        ))
        .await?;
    Ok(Some(true))
}
