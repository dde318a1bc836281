//! The attendance sheet's queries: the women a session's sheet lists, and the sheet written in
//! one transaction, each mark only over the version it was read at.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    follow_up::{clean_text, cohort_seen, today},
    roles::Staff,
};
use crate::{clock, db::Db};
use sqlx::Row;
use std::net::IpAddr;

/// The longest reason given for an absence.
pub const MAX_REASON: usize = 200;

struct Session {
    cohort_id: i64,
    cohort: String,
    module: String,
    starts_at: i64,
    place: String,
    trainer: String,
}

async fn session<'e, E>(executor: E, id: i64) -> Result<Option<Session>, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(
        "select t.cohort_id, c.name, t.module, t.starts_at, t.place, t.trainer \
         from training_sessions t join cohorts c on c.id = t.cohort_id where t.id = $1",
    )
    .bind(id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Session {
        cohort_id: row.try_get("cohort_id")?,
        cohort: row.try_get("name")?,
        module: row.try_get("module")?,
        starts_at: row.try_get("starts_at")?,
        place: row.try_get("place")?,
        trainer: row.try_get("trainer")?,
    }))
}

/// The women a session's sheet lists: those in the cohort now, and anyone marked at it
/// before she moved on.
async fn rows<'e, E>(
    executor: E,
    session_id: i64,
    cohort_id: i64,
) -> Result<Vec<SheetRow>, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "select a.id, a.reference, a.first_name, a.last_name, m.mark, \
             coalesce(m.reason, '') as reason, coalesce(m.version, 0) as version, \
             s.name as marked_by \
         from applications a \
         left join attendance m on m.application_id = a.id and m.session_id = $1 \
         left join staff s on s.id = m.marked_by \
         where a.id in (select application_id from enrolments \
                 where cohort_id = $2 and left_day is null \
             union select application_id from attendance where session_id = $1) \
         order by a.last_name, a.first_name, a.id",
    )
    .bind(session_id)
    .bind(cohort_id)
    .fetch_all(executor)
    .await?
    .iter()
    .map(|row| -> Result<SheetRow, AppError> {
        let mark: Option<String> = row.try_get("mark")?;
        Ok(SheetRow {
            application_id: row.try_get("id")?,
            reference: row.try_get("reference")?,
            name: format!(
                "{} {}",
                row.try_get::<String, _>("first_name")?,
                row.try_get::<String, _>("last_name")?
            ),
            mark: mark.as_deref().and_then(Mark::from_code),
            reason: row.try_get("reason")?,
            version: row.try_get("version")?,
            marked_by: row.try_get("marked_by")?,
        })
    })
    .collect()
}

/// A session's sheet, if its cohort is in the staff member's scope.
pub async fn sheet(db: &Db, staff: &Staff, session_id: i64) -> Result<Option<Sheet>, AppError> {
    let Some(found) = session(db.pool(), session_id).await? else {
        return Ok(None);
    };
    if cohort_seen(db.pool(), staff, found.cohort_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    Ok(Some(Sheet {
        session_id,
        cohort_id: found.cohort_id,
        cohort: found.cohort,
        module: TrainingModule::from_code(&found.module).ok_or(AppError::Internal)?,
        starts_at: clock::LocalTime::of(found.starts_at),
        place: found.place,
        trainer: found.trainer,
        rows: rows(db.pool(), session_id, found.cohort_id).await?,
        open: clock::local_day(found.starts_at) <= today(),
    }))
}

/// Writes a sheet in one transaction. A row is refused when its mark is unknown, an excused
/// absence has no reason, a reason is too long, or the woman is not on the sheet: then
/// nothing is written. A mark changed by someone else since the sheet was read is left as it
/// is and reported. `None` when the session is not in the staff member's scope.
pub async fn save_sheet(
    db: &Db,
    staff: &Staff,
    session_id: i64,
    posted: &[PostedMark],
    client: IpAddr,
) -> Result<Option<SheetReply>, AppError> {
    let mut write = AuditedWrite::begin(db).await?;
    let Some(found) = session(&mut *write.tx, session_id).await? else {
        return Ok(None);
    };
    if cohort_seen(&mut *write.tx, staff, found.cohort_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let mut reply = SheetReply::default();
    if clock::local_day(found.starts_at) > today() {
        reply.not_yet = true;
        return Ok(Some(reply));
    }
    let on_sheet = rows(&mut *write.tx, session_id, found.cohort_id).await?;
    let mut marks = Vec::new();
    for row in posted {
        let listed = on_sheet
            .iter()
            .find(|r| r.application_id == row.application_id);
        let reason = clean_text(&row.reason, MAX_REASON);
        let refusal = match (listed, row.mark, &reason) {
            (None, _, _) => Some("admin-refused-not-on-sheet"),
            _ if row.unknown_mark => Some("admin-error-choose"),
            (_, _, None) => Some("admin-error-reason"),
            (_, Some(Mark::Excused), Some(reason)) if reason.is_empty() => {
                Some("admin-error-excused-reason")
            }
            _ => None,
        };
        if let Some(key) = refusal {
            reply.invalid.push((row.application_id, key.to_owned()));
            continue;
        }
        if let (Some(listed), Some(mark), Some(reason)) = (listed, row.mark, reason) {
            marks.push((listed, mark, reason, row.version));
        }
    }
    if !reply.invalid.is_empty() {
        return Ok(Some(reply));
    }
    // Each mark written counts in its region's counters (a trigger): their rows are taken
    // here first, in one order, so that two sheets of a region saved at once wait for each
    // other rather than deadlock on PostgreSQL.
    sqlx::query(
        "insert into attendance_counts (region_code, mark, n) \
         select c.region_code, m.mark, 0 from cohorts c, \
             (select 'absent' as mark union all select 'excused' union all select 'present') m \
         where c.id = $1 \
         order by m.mark \
         on conflict (region_code, mark) do update set n = attendance_counts.n",
    )
    .bind(found.cohort_id)
    .execute(&mut *write.tx)
    .await?;
    let now = clock::now();
    for (listed, mark, reason, seen) in marks {
        // Already so (sent twice, or by two people who agree): nothing to write or report.
        if listed.mark == Some(mark) && listed.reason == reason {
            continue;
        }
        let written = if seen == 0 {
            sqlx::query(
                "insert into attendance (session_id, application_id, mark, reason, marked_by, \
                     marked_at) values ($1, $2, $3, $4, $5, $6) \
                 on conflict (session_id, application_id) do nothing",
            )
            .bind(session_id)
            .bind(listed.application_id)
            .bind(mark.code())
            .bind(&reason)
            .bind(staff.id)
            .bind(now)
            .execute(&mut *write.tx)
            .await?
        } else {
            sqlx::query(
                "update attendance set mark = $3, reason = $4, marked_by = $5, marked_at = $6, \
                     version = version + 1 \
                 where session_id = $1 and application_id = $2 and version = $7",
            )
            .bind(session_id)
            .bind(listed.application_id)
            .bind(mark.code())
            .bind(&reason)
            .bind(staff.id)
            .bind(now)
            .bind(seen)
            .execute(&mut *write.tx)
            .await?
        };
        if written.rows_affected() == 1 {
            reply.saved += 1;
            continue;
        }
        // Changed meanwhile: as it is now.
        let current = sqlx::query(
            "select m.mark, s.name from attendance m join staff s on s.id = m.marked_by \
             where m.session_id = $1 and m.application_id = $2",
        )
        .bind(session_id)
        .bind(listed.application_id)
        .fetch_optional(&mut *write.tx)
        .await?;
        let (now_mark, by) = match current {
            Some(row) => (
                Mark::from_code(&row.try_get::<String, _>("mark")?),
                row.try_get("name")?,
            ),
            None => (None, String::new()),
        };
        reply.conflicts.push(Conflict {
            application_id: listed.application_id,
            name: listed.name.clone(),
            mark: now_mark,
            by,
            asked: mark,
        });
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::AttendanceRecorded,
            format!("session:{session_id}"),
            format!("saved {} conflicts {}", reply.saved, reply.conflicts.len()),
            client,
        ))
        .await?;
    Ok(Some(reply))
}
