//! Coaching's queries: the work list of the staff member's scope, and visits and surveys
//! recorded for a woman she follows.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    follow_up::{clean_text, followed, records, today, ScopeSql},
    programme::{Band, VisitKind, MAX_NOTE_LEN},
    roles::Staff,
};
use crate::{
    clock::{self, days},
    db::Db,
};
use sqlx::Row;
use std::net::IpAddr;

fn name_of(row: &sqlx::any::AnyRow) -> Result<String, sqlx::Error> {
    Ok(format!(
        "{} {}",
        row.try_get::<String, _>("first_name")?,
        row.try_get::<String, _>("last_name")?
    ))
}

/// Visits due in `[from, to]`: the first [`LISTED`], soonest first, and how many in all.
async fn visits_due(
    db: &Db,
    scope: &ScopeSql,
    from: i64,
    to: i64,
    today: i64,
) -> Result<(Vec<DueVisit>, i64), AppError> {
    let rows = scope
        .bind(sqlx::query(&format!(
            "select e.application_id, a.reference, a.first_name, a.last_name, e.cohort_id, \
                 c.name as cohort, t.name as coach, e.next_visit_day \
             from enrolments e join cohorts c on c.id = e.cohort_id \
                 join applications a on a.id = e.application_id \
                 left join staff t on t.id = c.coach_id \
             where e.left_day is null and {} and e.next_visit_day >= $2 and e.next_visit_day <= $3 \
             order by e.next_visit_day, e.id limit {LISTED}",
            scope.condition
        )))
        .bind(from)
        .bind(to)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| -> Result<DueVisit, sqlx::Error> {
            let due: i64 = row.try_get("next_visit_day")?;
            Ok(DueVisit {
                application_id: row.try_get("application_id")?,
                reference: row.try_get("reference")?,
                name: name_of(row)?,
                cohort_id: row.try_get("cohort_id")?,
                cohort: row.try_get("cohort")?,
                coach: row.try_get("coach")?,
                due: days::shown(due),
                days_late: (today - due).max(0),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let total: i64 = scope
        .bind(sqlx::query(&format!(
            "select count(*) from enrolments e join cohorts c on c.id = e.cohort_id \
             where e.left_day is null and {} and e.next_visit_day >= $2 and e.next_visit_day <= $3",
            scope.condition
        )))
        .bind(from)
        .bind(to)
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    Ok((rows, total))
}

/// What waits for the staff member: visits overdue and due this week (to Sunday), surveys
/// due by then.
pub async fn work_list(db: &Db, staff: &Staff) -> Result<WorkList, AppError> {
    let scope = ScopeSql::on(&staff.follow_up(), "e.region_code", "c.coach_id", 1);
    let today = today();
    let week_end = days::week_end(today);
    let (overdue, overdue_total) = visits_due(db, &scope, i64::MIN / 2, today - 1, today).await?;
    let (this_week, this_week_total) = visits_due(db, &scope, today, week_end, today).await?;
    let survey_scope = ScopeSql::on(&staff.follow_up(), "s.region_code", "c.coach_id", 1);
    let from = format!(
        "from surveys s join enrolments e on e.application_id = s.application_id \
             and e.left_day is null \
         join cohorts c on c.id = e.cohort_id join applications a on a.id = s.application_id \
         where s.done_day is null and {} and s.due_day <= $2",
        survey_scope.condition
    );
    let surveys = survey_scope
        .bind(sqlx::query(&format!(
            "select s.application_id, a.reference, a.first_name, a.last_name, s.wave, s.due_day \
             {from} order by s.due_day, s.application_id limit {LISTED}"
        )))
        .bind(week_end)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| -> Result<DueSurvey, AppError> {
            let due: i64 = row.try_get("due_day")?;
            Ok(DueSurvey {
                application_id: row.try_get("application_id")?,
                reference: row.try_get("reference")?,
                name: name_of(row)?,
                wave: SurveyWave::from_code(&row.try_get::<String, _>("wave")?)
                    .ok_or(AppError::Internal)?,
                due: days::shown(due),
                late: due < today,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let surveys_total: i64 = survey_scope
        .bind(sqlx::query(&format!("select count(*) {from}")))
        .bind(week_end)
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    Ok(WorkList {
        today: days::shown(today),
        week_ends: days::shown(week_end),
        overdue,
        overdue_total,
        this_week,
        this_week_total,
        surveys,
        surveys_total,
    })
}

/// Records a coaching visit of a woman the staff member follows; her next visit falls due
/// her cohort's rhythm after her latest one. `None` when she is not in the staff member's
/// follow-up.
pub async fn record_visit(
    db: &Db,
    staff: &Staff,
    form: &VisitForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let today = today();
    let day = days::parse_iso(&form.date);
    match day {
        None => refuse("date", "admin-error-date"),
        Some(day) if day > today => refuse("date", "admin-error-date-future"),
        _ => {}
    }
    let kind = VisitKind::from_code(&form.kind);
    if kind.is_none() {
        refuse("kind", "admin-error-choose");
    }
    let notes = clean_text(&form.notes, MAX_NOTE_LEN);
    if notes.is_none() {
        refuse("notes", "admin-error-text");
    }
    let next_steps = clean_text(&form.next_steps, MAX_NOTE_LEN);
    if next_steps.is_none() {
        refuse("next_steps", "admin-error-text");
    }
    let mut write = AuditedWrite::begin(db).await?;
    let Some(her) = followed(&mut *write.tx, staff, form.application_id).await? else {
        return Ok(None);
    };
    if !records(staff, &her) {
        return Ok(Some(SaveReply::refused("", "admin-refused-not-enrolled")));
    }
    if day.is_some_and(|day| day < her.enrolled_day - 31) {
        refuse("date", "admin-error-date-before-enrolment");
    }
    let (Some(day), Some(kind), Some(notes), Some(next_steps)) = (day, kind, notes, next_steps)
    else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    let id: i64 = sqlx::query(
        "insert into coaching_visits (application_id, cohort_id, visit_day, kind, notes, \
             next_steps, recorded_by, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
    )
    .bind(her.application_id)
    .bind(her.cohort_id)
    .bind(day)
    .bind(kind.code())
    .bind(&notes)
    .bind(&next_steps)
    .bind(staff.id)
    .bind(clock::now())
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    sqlx::query(
        "update enrolments set next_visit_day = \
             (select max(visit_day) from coaching_visits where application_id = $1) + $2 \
         where application_id = $1 and left_day is null",
    )
    .bind(her.application_id)
    .bind(her.visit_every_days)
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::VisitRecorded,
            format!("application:{}", her.application_id),
            format!("visit:{id} {} {}", kind.code(), days::iso(day)),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}

/// How early a survey may be answered before it falls due.
const SURVEY_EARLY_DAYS: i64 = 14;

/// Records a survey of a woman the staff member follows (answered again, it is corrected).
pub async fn record_survey(
    db: &Db,
    staff: &Staff,
    form: &SurveyForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let yes_no = |text: &str| match text {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let wave = SurveyWave::from_code(&form.wave);
    if wave.is_none() {
        refuse("wave", "admin-error-choose");
    }
    let operating = yes_no(&form.operating);
    if operating.is_none() {
        refuse("operating", "admin-error-choose");
    }
    let revenue = match (operating, Band::from_code(&form.revenue_band)) {
        (Some(false), _) => Some(Band::None),
        (_, band) => band,
    };
    if revenue.is_none() {
        refuse("revenue_band", "admin-error-choose");
    }
    let jobs = |text: &str| match text.trim() {
        "" => Some(0),
        text => text.parse::<i64>().ok().filter(|n| (0..=500).contains(n)),
    };
    let (jobs_women, jobs_men) = (jobs(&form.jobs_women), jobs(&form.jobs_men));
    if jobs_women.is_none() {
        refuse("jobs_women", "admin-error-jobs");
    }
    if jobs_men.is_none() {
        refuse("jobs_men", "admin-error-jobs");
    }
    let formalised = yes_no(&form.formalised);
    if formalised.is_none() {
        refuse("formalised", "admin-error-choose");
    }
    let income = Band::from_code(&form.income_band);
    if income.is_none() {
        refuse("income_band", "admin-error-choose");
    }
    let mut write = AuditedWrite::begin(db).await?;
    let Some(her) = followed(&mut *write.tx, staff, form.application_id).await? else {
        return Ok(None);
    };
    if !records(staff, &her) {
        return Ok(Some(SaveReply::refused("", "admin-refused-not-enrolled")));
    }
    let today = today();
    if let Some(wave) = wave {
        let due: Option<i64> =
            sqlx::query("select due_day from surveys where application_id = $1 and wave = $2")
                .bind(her.application_id)
                .bind(wave.code())
                .fetch_optional(&mut *write.tx)
                .await?
                .map(|row| row.try_get(0))
                .transpose()?;
        match due {
            None => refuse("wave", "admin-error-choose"),
            Some(due) if due > today + SURVEY_EARLY_DAYS => {
                refuse("wave", "admin-error-survey-not-due")
            }
            _ => {}
        }
    }
    let (
        Some(wave),
        Some(operating),
        Some(revenue),
        Some(jobs_women),
        Some(jobs_men),
        Some(formalised),
        Some(income),
    ) = (
        wave, operating, revenue, jobs_women, jobs_men, formalised, income,
    )
    else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    sqlx::query(
        "update surveys set done_day = $3, entered_by = $4, operating = $5, revenue_band = $6, \
             jobs_women = $7, jobs_men = $8, formalised = $9, income_band = $10 \
         where application_id = $1 and wave = $2",
    )
    .bind(her.application_id)
    .bind(wave.code())
    .bind(today)
    .bind(staff.id)
    .bind(operating)
    .bind(revenue.code())
    .bind(jobs_women)
    .bind(jobs_men)
    .bind(formalised)
    .bind(income.code())
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::SurveyRecorded,
            format!("application:{}", her.application_id),
            wave.code().to_owned(),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(her.application_id)))
}
