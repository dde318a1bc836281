//! The cohorts' queries: each in the staff member's follow-up scope, each change recorded in
//! the audit log in its transaction.

use super::*;
use crate::admin::{
    audit::{AuditAction, AuditedWrite, Entry},
    follow_up::{clean_text, cohort_seen, followed, today, ScopeSql},
    programme::{Milestone, SurveyWave},
    roles::{FollowUp, Staff},
    workflow::{self, Action, Status},
};
use crate::{
    clock::{self, days},
    db::Db,
};
use sqlx::Row;
use std::net::IpAddr;

/// The longest name of a cohort, a place or a trainer.
const MAX_NAME: usize = 120;

fn name_of(row: &sqlx::any::AnyRow) -> Result<String, sqlx::Error> {
    Ok(format!(
        "{} {}",
        row.try_get::<String, _>("first_name")?,
        row.try_get::<String, _>("last_name")?
    ))
}

fn cohort_row(row: &sqlx::any::AnyRow) -> Result<CohortRow, sqlx::Error> {
    Ok(CohortRow {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        region_code: row.try_get("region_code")?,
        site_fr: row.try_get("site_fr")?,
        site_ar: row.try_get("site_ar")?,
        starts: days::shown(row.try_get("starts_day")?),
        ends: days::shown(row.try_get("ends_day")?),
        capacity: row.try_get("capacity")?,
        members: row.try_get("members")?,
        coach: row.try_get("coach")?,
    })
}

const COHORT_COLUMNS: &str = "c.id, c.name, c.region_code, s.name_fr as site_fr, \
     s.name_ar as site_ar, c.starts_day, c.ends_day, c.capacity, t.name as coach, \
     (select count(*) from enrolments e where e.cohort_id = c.id and e.left_day is null) as members";

/// The cohorts of the staff member's scope, newest first, and where she may open one.
pub async fn cohorts_page(db: &Db, staff: &Staff) -> Result<CohortsPage, AppError> {
    let scope = ScopeSql::on_cohort(&staff.follow_up(), "c", 1);
    let cohorts = scope
        .bind(sqlx::query(&format!(
            "select {COHORT_COLUMNS} from cohorts c join sites s on s.id = c.site_id \
             left join staff t on t.id = c.coach_id \
             where {} order by c.starts_day desc, c.id desc",
            scope.condition
        )))
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(cohort_row)
        .collect::<Result<Vec<_>, _>>()?;
    let incubators = if staff.runs_follow_up() {
        incubators(db, &staff.follow_up()).await?
    } else {
        Vec::new()
    };
    Ok(CohortsPage {
        cohorts,
        incubators,
    })
}

async fn incubators(db: &Db, scope: &FollowUp) -> Result<Vec<IncubatorChoice>, AppError> {
    let region = match scope {
        FollowUp::Region(code) => code.clone(),
        _ => String::new(),
    };
    let mut sites: Vec<IncubatorChoice> = sqlx::query(
        "select id, name_fr, name_ar from sites where kind = 'incubator' \
         and ($1 = '' or region_code = $1) order by region_code, name_fr",
    )
    .bind(&region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<IncubatorChoice, sqlx::Error> {
        Ok(IncubatorChoice {
            id: row.try_get("id")?,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
            coaches: Vec::new(),
        })
    })
    .collect::<Result<_, _>>()?;
    let coaches = sqlx::query(
        "select t.id, t.name, t.site_id from staff t join sites s on s.id = t.site_id \
         where t.role = 'incubator_coach' and t.active = true \
             and ($1 = '' or s.region_code = $1) order by t.name",
    )
    .bind(&region)
    .fetch_all(db.pool())
    .await?;
    for row in coaches {
        let site: i64 = row.try_get("site_id")?;
        if let Some(incubator) = sites.iter_mut().find(|s| s.id == site) {
            incubator
                .coaches
                .push((row.try_get("id")?, row.try_get("name")?));
        }
    }
    Ok(sites)
}

/// A cohort's form, read: what a cohort is opened or changed with.
struct ValidCohort {
    site: i64,
    region: String,
    name: String,
    starts: i64,
    ends: i64,
    capacity: i64,
    coach: Option<i64>,
    rhythm: i64,
}

/// Reads a cohort's form: an incubator of the staff member's region, a name, dates in order,
/// a capacity, a coach of that incubator (or none), a rhythm of visits. The refusals, each
/// beside its field, otherwise.
async fn read_cohort_form(
    db: &Db,
    staff: &Staff,
    form: &CohortForm,
) -> Result<Result<ValidCohort, Vec<(String, String)>>, AppError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let scope = staff.follow_up();
    let site = match form.site_id.trim().parse::<i64>() {
        Ok(id) => {
            sqlx::query("select id, region_code from sites where id = $1 and kind = 'incubator'")
                .bind(id)
                .fetch_optional(db.pool())
                .await?
                .map(|row| -> Result<(i64, String), sqlx::Error> {
                    Ok((row.try_get("id")?, row.try_get("region_code")?))
                })
                .transpose()?
                .filter(|(_, region)| scope.sees_cohort(region, None))
        }
        Err(_) => None,
    };
    if site.is_none() {
        refuse("site_id", "admin-error-incubator");
    }
    let name = clean_text(&form.name, MAX_NAME).filter(|n| n.chars().count() >= 2);
    if name.is_none() {
        refuse("name", "admin-error-cohort-name");
    }
    let starts = days::parse_iso(&form.starts_on);
    if starts.is_none() {
        refuse("starts_on", "admin-error-date");
    }
    let ends = days::parse_iso(&form.ends_on);
    match (starts, ends) {
        (_, None) => refuse("ends_on", "admin-error-date"),
        (Some(starts), Some(ends)) if ends < starts => refuse("ends_on", "admin-error-ends-before"),
        _ => {}
    }
    let capacity = form
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=200).contains(n));
    if capacity.is_none() {
        refuse("capacity", "admin-error-cohort-capacity");
    }
    let rhythm = match form.visit_every_days.trim() {
        "" => Some(14),
        text => text.parse::<i64>().ok().filter(|n| (1..=120).contains(n)),
    };
    if rhythm.is_none() {
        refuse("visit_every_days", "admin-error-rhythm");
    }
    let coach = match (form.coach_id.trim(), &site) {
        ("" | "0", _) => Some(None),
        (id, Some((site, _))) => match id.parse::<i64>() {
            Ok(id) => sqlx::query(
                "select id from staff where id = $1 and role = 'incubator_coach' \
                 and active = true and site_id = $2",
            )
            .bind(id)
            .bind(*site)
            .fetch_optional(db.pool())
            .await?
            .map(|_| Some(id)),
            Err(_) => None,
        },
        (_, None) => Some(None),
    };
    if coach.is_none() {
        refuse("coach_id", "admin-error-coach");
    }
    let (
        Some((site, region)),
        Some(name),
        Some(starts),
        Some(ends),
        Some(capacity),
        Some(rhythm),
        Some(coach),
    ) = (site, name, starts, ends, capacity, rhythm, coach)
    else {
        return Ok(Err(errors));
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(ValidCohort {
        site,
        region,
        name,
        starts,
        ends,
        capacity,
        coach,
        rhythm,
    }))
}

/// Opens a cohort in an incubator of the staff member's region.
pub async fn create_cohort(
    db: &Db,
    staff: &Staff,
    form: &CohortForm,
    client: IpAddr,
) -> Result<SaveReply, AppError> {
    let ValidCohort {
        site,
        region,
        name,
        starts,
        ends,
        capacity,
        coach,
        rhythm,
    } = match read_cohort_form(db, staff, form).await? {
        Ok(valid) => valid,
        Err(errors) => return Ok(SaveReply::Invalid(errors)),
    };
    let mut write = AuditedWrite::begin(db).await?;
    let id: i64 = sqlx::query(
        "insert into cohorts (site_id, region_code, name, starts_day, ends_day, capacity, \
             coach_id, visit_every_days, created_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id",
    )
    .bind(site)
    .bind(&region)
    .bind(&name)
    .bind(starts)
    .bind(ends)
    .bind(capacity)
    .bind(coach)
    .bind(rhythm)
    .bind(clock::now())
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::CohortSaved,
            format!("cohort:{id}"),
            format!("site:{site} {name}"),
            client,
        ))
        .await?;
    Ok(SaveReply::Saved(id))
}

/// Changes a cohort still at the version its page read, within its incubator: never below the
/// women in it. A new rhythm of visits moves each woman's next visit to her latest one (or her
/// enrolment, or the cohort's start if later, as at enrolment) plus the new rhythm. `None` when the cohort is not in the staff member's scope.
pub async fn update_cohort(
    db: &Db,
    staff: &Staff,
    id: i64,
    version: i64,
    form: &CohortForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let Some(seen) = cohort_seen(db.pool(), staff, id).await? else {
        return Ok(None);
    };
    let valid = match read_cohort_form(db, staff, form).await? {
        Ok(valid) => valid,
        Err(errors) => return Ok(Some(SaveReply::Invalid(errors))),
    };
    if valid.site != seen.site_id {
        return Ok(Some(SaveReply::refused("site_id", "admin-error-incubator")));
    }
    let mut write = AuditedWrite::begin(db).await?;
    // The cohort's row lock on PostgreSQL first, as an enrolment takes it: no woman joins
    // between the count and the change.
    sqlx::query("update cohorts set version = version where id = $1")
        .bind(id)
        .execute(&mut *write.tx)
        .await?;
    if members(&mut *write.tx, id).await? > valid.capacity {
        return Ok(Some(SaveReply::refused(
            "capacity",
            "admin-error-capacity-below-members",
        )));
    }
    let updated = sqlx::query(
        "update cohorts set name = $3, starts_day = $4, ends_day = $5, capacity = $6, \
             coach_id = $7, visit_every_days = $8, version = version + 1 \
         where id = $1 and version = $2",
    )
    .bind(id)
    .bind(version)
    .bind(&valid.name)
    .bind(valid.starts)
    .bind(valid.ends)
    .bind(valid.capacity)
    .bind(valid.coach)
    .bind(valid.rhythm)
    .execute(&mut *write.tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Some(SaveReply::refused("", "admin-refused-changed")));
    }
    if valid.rhythm != seen.visit_every_days {
        sqlx::query(
            "update enrolments set next_visit_day = coalesce((select max(v.visit_day) \
                 from coaching_visits v where v.application_id = enrolments.application_id), \
                 case when enrolled_day > $3 then enrolled_day else $3 end) + $2 \
             where cohort_id = $1 and left_day is null",
        )
        .bind(id)
        .bind(valid.rhythm)
        .bind(valid.starts)
        .execute(&mut *write.tx)
        .await?;
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::CohortSaved,
            format!("cohort:{id}"),
            format!(
                "{} {}..{} capacity {} coach {} every {} days",
                valid.name,
                days::iso(valid.starts),
                days::iso(valid.ends),
                valid.capacity,
                valid.coach.map(|c| c.to_string()).unwrap_or_default(),
                valid.rhythm
            ),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}

/// One cohort: its women and how each is doing, its sessions, and for those who run the
/// follow-up the women who may join it and the cohorts a member may move to.
pub async fn cohort_detail(
    db: &Db,
    staff: &Staff,
    id: i64,
) -> Result<Option<CohortDetail>, AppError> {
    let Some(seen) = cohort_seen(db.pool(), staff, id).await? else {
        return Ok(None);
    };
    let cohort = cohort_row(
        &sqlx::query(&format!(
            "select {COHORT_COLUMNS} from cohorts c join sites s on s.id = c.site_id \
             left join staff t on t.id = c.coach_id where c.id = $1"
        ))
        .bind(id)
        .fetch_one(db.pool())
        .await?,
    )?;
    let today = today();
    let members = sqlx::query(
        "select e.application_id, a.reference, a.first_name, a.last_name, e.enrolled_day, \
             e.next_visit_day, \
             coalesce(k.present, 0) as present, coalesce(k.absent, 0) as absent, \
             coalesce(k.excused, 0) as excused, \
             (select count(*) from milestones m where m.application_id = e.application_id \
                 and m.reached_day is not null) as reached \
         from enrolments e join applications a on a.id = e.application_id \
         left join (select m.application_id, \
                 sum(case when m.mark = 'present' then 1 else 0 end) as present, \
                 sum(case when m.mark = 'absent' then 1 else 0 end) as absent, \
                 sum(case when m.mark = 'excused' then 1 else 0 end) as excused \
             from attendance m where m.application_id in \
                 (select application_id from enrolments where cohort_id = $1 and left_day is null) \
             group by m.application_id) k on k.application_id = e.application_id \
         where e.cohort_id = $1 and e.left_day is null \
         order by a.last_name, a.first_name, a.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<MemberRow, sqlx::Error> {
        let next: i64 = row.try_get("next_visit_day")?;
        Ok(MemberRow {
            application_id: row.try_get("application_id")?,
            reference: row.try_get("reference")?,
            name: name_of(row)?,
            enrolled: days::shown(row.try_get("enrolled_day")?),
            present: row.try_get("present")?,
            absent: row.try_get("absent")?,
            excused: row.try_get("excused")?,
            next_visit: days::shown(next),
            visit_overdue: next < today,
            milestones_reached: row.try_get("reached")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let sessions = sqlx::query(
        "select t.id, t.module, t.starts_at, t.duration_minutes, t.place, t.trainer, \
             (select count(*) from attendance m where m.session_id = t.id) as marked, \
             (select count(*) from attendance m where m.session_id = t.id \
                 and m.mark = 'present') as present \
         from training_sessions t where t.cohort_id = $1 order by t.starts_at, t.id",
    )
    .bind(id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<SessionRow, AppError> {
        Ok(SessionRow {
            id: row.try_get("id")?,
            module: TrainingModule::from_code(&row.try_get::<String, _>("module")?)
                .ok_or(AppError::Internal)?,
            starts_at: clock::LocalTime::of(row.try_get("starts_at")?),
            duration_minutes: row.try_get("duration_minutes")?,
            place: row.try_get("place")?,
            trainer: row.try_get("trainer")?,
            marked: row.try_get("marked")?,
            present: row.try_get("present")?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let may_manage = staff.runs_follow_up();
    let (candidates, other_cohorts) = if may_manage {
        let candidates = sqlx::query(
            "select a.id, a.reference, a.first_name, a.last_name, p.name_fr, p.name_ar \
             from applications a join provinces p on p.id = a.province_id \
             where a.region_code = $1 and a.status = 'accepted' \
             order by a.decided_at, a.id limit 200",
        )
        .bind(&seen.region)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| -> Result<Candidate, sqlx::Error> {
            Ok(Candidate {
                application_id: row.try_get("id")?,
                reference: row.try_get("reference")?,
                name: name_of(row)?,
                province_fr: row.try_get("name_fr")?,
                province_ar: row.try_get("name_ar")?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
        let others = sqlx::query(
            "select id, name from cohorts where region_code = $1 and id <> $2 \
             and ends_day >= $3 order by starts_day, id",
        )
        .bind(&seen.region)
        .bind(id)
        .bind(today)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("name")?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        (candidates, others)
    } else {
        (Vec::new(), Vec::new())
    };
    let edit = if may_manage {
        let row = sqlx::query(
            "select name, starts_day, ends_day, capacity, coach_id, version from cohorts \
             where id = $1",
        )
        .bind(id)
        .fetch_one(db.pool())
        .await?;
        let coaches = sqlx::query(
            "select id, name from staff where role = 'incubator_coach' and active = true \
             and site_id = $1 order by name",
        )
        .bind(seen.site_id)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| Ok((row.try_get("id")?, row.try_get("name")?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let coach: Option<i64> = row.try_get("coach_id")?;
        Some(CohortEdit {
            version: row.try_get("version")?,
            form: CohortForm {
                site_id: seen.site_id.to_string(),
                name: row.try_get("name")?,
                starts_on: days::iso(row.try_get("starts_day")?),
                ends_on: days::iso(row.try_get("ends_day")?),
                capacity: row.try_get::<i64, _>("capacity")?.to_string(),
                coach_id: coach.map(|c| c.to_string()).unwrap_or_default(),
                visit_every_days: seen.visit_every_days.to_string(),
            },
            coaches,
        })
    } else {
        None
    };
    Ok(Some(CohortDetail {
        cohort,
        visit_every_days: seen.visit_every_days,
        members,
        sessions,
        candidates,
        other_cohorts,
        may_manage,
        may_schedule: true,
        edit,
    }))
}

/// Open enrolments in a cohort.
async fn members<'e, E>(executor: E, cohort: i64) -> Result<i64, AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    Ok(
        sqlx::query("select count(*) from enrolments where cohort_id = $1 and left_day is null")
            .bind(cohort)
            .fetch_one(executor)
            .await?
            .try_get(0)?,
    )
}

/// Enrols accepted women of the cohort's region, each in a transaction of her own: her
/// application becomes `enrolled` (it keeps its place), her enrolment, the milestones of her
/// project and her surveys are made. `None` when the cohort is not in the staff member's scope.
pub async fn enrol(
    db: &Db,
    staff: &Staff,
    cohort_id: i64,
    ids: &[i64],
    client: IpAddr,
) -> Result<Option<EnrolReply>, AppError> {
    if cohort_seen(db.pool(), staff, cohort_id).await?.is_none() {
        return Ok(None);
    }
    let mut reply = EnrolReply::default();
    for &id in ids.iter().take(200) {
        match enrol_one(db, staff, cohort_id, id, client).await? {
            Ok(()) => reply.enrolled.push(id),
            Err(key) => reply.refused.push((id, key.to_owned())),
        }
    }
    Ok(Some(reply))
}

async fn enrol_one(
    db: &Db,
    staff: &Staff,
    cohort_id: i64,
    id: i64,
    client: IpAddr,
) -> Result<Result<(), &'static str>, AppError> {
    let mut write = AuditedWrite::begin(db).await?;
    // On PostgreSQL, the cohort's row lock: two enrolments at once cannot both take its
    // last place.
    sqlx::query("update cohorts set version = version where id = $1")
        .bind(cohort_id)
        .execute(&mut *write.tx)
        .await?;
    let Some(cohort) = cohort_seen(&mut *write.tx, staff, cohort_id).await? else {
        return Ok(Err("admin-refused-not-allowed"));
    };
    if members(&mut *write.tx, cohort_id).await? >= cohort.capacity {
        return Ok(Err("admin-refused-cohort-full"));
    }
    let row = sqlx::query("select status, version, region_code from applications where id = $1")
        .bind(id)
        .fetch_optional(&mut *write.tx)
        .await?;
    let Some(row) = row else {
        return Ok(Err("admin-refused-not-accepted"));
    };
    let region: String = row.try_get("region_code")?;
    let status = Status::from_code(&row.try_get::<String, _>("status")?);
    let version: i64 = row.try_get("version")?;
    if region != cohort.region || status != Some(Status::Accepted) {
        return Ok(Err("admin-refused-not-accepted"));
    }
    if workflow::apply(staff.role, Status::Accepted, &Action::Enrol).is_err() {
        return Ok(Err("admin-refused-not-allowed"));
    }
    let updated = sqlx::query(
        "update applications set status = 'enrolled', version = version + 1 \
         where id = $1 and version = $2 and status = 'accepted'",
    )
    .bind(id)
    .bind(version)
    .execute(&mut *write.tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Err("admin-refused-changed"));
    }
    let now = clock::now();
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, from_status, to_status, detail) \
         values ($1, $2, $3, 'enrol', 'accepted', 'enrolled', $4)",
    )
    .bind(id)
    .bind(now)
    .bind(staff.id)
    .bind(format!("cohort:{cohort_id}"))
    .execute(&mut *write.tx)
    .await?;
    let today = today();
    let starts: i64 = sqlx::query("select starts_day from cohorts where id = $1")
        .bind(cohort_id)
        .fetch_one(&mut *write.tx)
        .await?
        .try_get(0)?;
    // Her accompaniment counts from the cohort's start, or from today if it has started.
    let from = today.max(starts);
    sqlx::query(
        "insert into enrolments (application_id, cohort_id, region_code, enrolled_day, \
             next_visit_day, enrolled_by, created_at) values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(cohort_id)
    .bind(&region)
    .bind(today)
    .bind(from + cohort.visit_every_days)
    .bind(staff.id)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    // Her milestones and her surveys, each due some days after her accompaniment begins.
    let due = Milestone::ALL
        .iter()
        .map(|m| ("milestones", "milestone", m.code(), m.due_after_days()))
        .chain(
            SurveyWave::ALL
                .iter()
                .map(|w| ("surveys", "wave", w.code(), w.due_after_days())),
        );
    for (table, column, code, after) in due {
        sqlx::query(&format!(
            "insert into {table} (application_id, {column}, region_code, due_day) \
             values ($1, $2, $3, $4) on conflict (application_id, {column}) do nothing"
        ))
        .bind(id)
        .bind(code)
        .bind(&region)
        .bind(from + after)
        .execute(&mut *write.tx)
        .await?;
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::Enrolment,
            format!("application:{id}"),
            format!("cohort:{cohort_id}"),
            client,
        ))
        .await?;
    Ok(Ok(()))
}

/// Moves an enrolled woman to another cohort of her region: her enrolment there is closed as
/// `moved` and one opens in the other, her next visit kept; her marks, visits, milestones and
/// financing stay hers.
pub async fn move_to_cohort(
    db: &Db,
    staff: &Staff,
    application_id: i64,
    to: i64,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let mut write = AuditedWrite::begin(db).await?;
    sqlx::query("update cohorts set version = version where id = $1")
        .bind(to)
        .execute(&mut *write.tx)
        .await?;
    let Some(current) = followed(&mut *write.tx, staff, application_id).await? else {
        return Ok(None);
    };
    if !current.open {
        return Ok(Some(SaveReply::refused(
            "cohort_id",
            "admin-refused-not-enrolled",
        )));
    }
    // Her application changes with her cohort: a decision taken on it meanwhile (a
    // withdrawal) is told it changed, and one taken first leaves nothing to move.
    let still_enrolled = sqlx::query(
        "update applications set version = version + 1 where id = $1 and status = 'enrolled'",
    )
    .bind(application_id)
    .execute(&mut *write.tx)
    .await?;
    if still_enrolled.rows_affected() == 0 {
        return Ok(Some(SaveReply::refused(
            "cohort_id",
            "admin-refused-not-enrolled",
        )));
    }
    let target = cohort_seen(&mut *write.tx, staff, to).await?;
    let Some(target) = target.filter(|t| t.region == current.region && t.id != current.cohort_id)
    else {
        return Ok(Some(SaveReply::refused("cohort_id", "admin-error-cohort")));
    };
    if members(&mut *write.tx, to).await? >= target.capacity {
        return Ok(Some(SaveReply::refused(
            "cohort_id",
            "admin-refused-cohort-full",
        )));
    }
    let today = today();
    let closed = sqlx::query(
        "update enrolments set left_day = $2, left_reason = 'moved' \
         where id = $1 and left_day is null",
    )
    .bind(current.enrolment_id)
    .bind(today)
    .execute(&mut *write.tx)
    .await?;
    if closed.rows_affected() == 0 {
        return Ok(Some(SaveReply::refused("", "admin-refused-changed")));
    }
    let now = clock::now();
    sqlx::query(
        "insert into enrolments (application_id, cohort_id, region_code, enrolled_day, \
             next_visit_day, enrolled_by, created_at) \
         select application_id, $2, region_code, $3, next_visit_day, $4, $5 \
         from enrolments where id = $1",
    )
    .bind(current.enrolment_id)
    .bind(to)
    .bind(today)
    .bind(staff.id)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, detail) \
         values ($1, $2, $3, 'cohort_move', $4)",
    )
    .bind(application_id)
    .bind(now)
    .bind(staff.id)
    .bind(format!("cohort:{} -> cohort:{to}", current.cohort_id))
    .execute(&mut *write.tx)
    .await?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::CohortMove,
            format!("application:{application_id}"),
            format!("cohort:{} -> cohort:{to}", current.cohort_id),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(to)))
}

/// Schedules a training session of a cohort the staff member follows, within its dates.
pub async fn schedule_session(
    db: &Db,
    staff: &Staff,
    form: &SessionForm,
    client: IpAddr,
) -> Result<Option<SaveReply>, AppError> {
    let Some(cohort) = cohort_seen(db.pool(), staff, form.cohort_id).await? else {
        return Ok(None);
    };
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut refuse = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    let module = TrainingModule::from_code(&form.module);
    if module.is_none() {
        refuse("module", "admin-error-choose");
    }
    let dates: (i64, i64) = {
        let row = sqlx::query("select starts_day, ends_day from cohorts where id = $1")
            .bind(cohort.id)
            .fetch_one(db.pool())
            .await?;
        (row.try_get("starts_day")?, row.try_get("ends_day")?)
    };
    let day = days::parse_iso(&form.date);
    match day {
        None => refuse("date", "admin-error-date"),
        Some(day) if day < dates.0 || day > dates.1 => {
            refuse("date", "admin-error-session-outside-cohort")
        }
        _ => {}
    }
    let time = form
        .time
        .trim()
        .split_once(':')
        .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60);
    if time.is_none() {
        refuse("time", "admin-error-time");
    }
    let duration = form
        .duration_minutes
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (15..=600).contains(n));
    if duration.is_none() {
        refuse("duration_minutes", "admin-error-duration");
    }
    let text = |t: &str| clean_text(t, MAX_NAME).filter(|t| t.chars().count() >= 2);
    let (place, trainer) = (text(&form.place), text(&form.trainer));
    if place.is_none() {
        refuse("place", "admin-error-place");
    }
    if trainer.is_none() {
        refuse("trainer", "admin-error-trainer");
    }
    let starts_at = match (day, time) {
        (Some(day), Some((h, m))) => clock::local_moment(days::date(day), h, m),
        _ => None,
    };
    let (Some(module), Some(starts_at), Some(duration), Some(place), Some(trainer)) =
        (module, starts_at, duration, place, trainer)
    else {
        return Ok(Some(SaveReply::Invalid(errors)));
    };
    if !errors.is_empty() {
        return Ok(Some(SaveReply::Invalid(errors)));
    }
    let mut write = AuditedWrite::begin(db).await?;
    let id: i64 = sqlx::query(
        "insert into training_sessions (cohort_id, module, starts_at, duration_minutes, place, \
             trainer, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
    )
    .bind(cohort.id)
    .bind(module.code())
    .bind(starts_at)
    .bind(duration)
    .bind(&place)
    .bind(&trainer)
    .bind(staff.id)
    .bind(clock::now())
    .fetch_one(&mut *write.tx)
    .await?
    .try_get(0)?;
    write
        .commit(Entry::by(
            staff,
            AuditAction::SessionScheduled,
            format!("session:{id}"),
            format!(
                "cohort:{} {} {}",
                cohort.id,
                module.code(),
                clock::LocalTime::of(starts_at).sortable()
            ),
            client,
        ))
        .await?;
    Ok(Some(SaveReply::Saved(id)))
}
