//! What the follow-up's areas share on the server: a staff member's follow-up scope written
//! as SQL, whether she may read one woman's follow-up, and today as the follow-up counts days.

use super::roles::{FollowUp, Staff};
use crate::{clock, db::flag, error::AppError};
use sqlx::{any::AnyArguments, query::Query, Any, Row};

/// Today in Morocco, as a local day.
pub fn today() -> i64 {
    clock::local_day(clock::now())
}

/// The value a scope's condition is bound to.
#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Int(i64),
}

/// A follow-up scope as an SQL condition on a cohort (its alias given), with one bound value:
/// written out for each scope, so that the planner sees the column it may use an index on.
#[derive(Clone, Debug)]
pub struct ScopeSql {
    pub condition: String,
    value: Value,
}

impl ScopeSql {
    /// The condition on the cohort `alias` (its `region_code` and `coach_id`), with `$n`.
    pub fn on_cohort(scope: &FollowUp, alias: &str, n: usize) -> ScopeSql {
        Self::on(
            scope,
            &format!("{alias}.region_code"),
            &format!("{alias}.coach_id"),
            n,
        )
    }

    /// The condition on a row's region column and its cohort's coach column.
    pub fn on(scope: &FollowUp, region: &str, coach: &str, n: usize) -> ScopeSql {
        match scope {
            FollowUp::National => ScopeSql {
                condition: format!("${n} = 0"),
                value: Value::Int(0),
            },
            FollowUp::Region(code) => ScopeSql {
                condition: format!("{region} = ${n}"),
                value: Value::Text(code.clone()),
            },
            FollowUp::Coach(id) => ScopeSql {
                condition: format!("{coach} = ${n}"),
                value: Value::Int(*id),
            },
            FollowUp::None => ScopeSql {
                condition: format!("${n} = 1"),
                value: Value::Int(0),
            },
        }
    }

    pub fn bind<'q>(
        &self,
        query: Query<'q, Any, AnyArguments<'q>>,
    ) -> Query<'q, Any, AnyArguments<'q>> {
        match &self.value {
            Value::Text(text) => query.bind(text.clone()),
            Value::Int(n) => query.bind(*n),
        }
    }
}

/// A woman's latest enrolment, as her follow-up's visibility is decided.
#[derive(Clone, Debug)]
pub struct Followed {
    pub application_id: i64,
    pub enrolment_id: i64,
    pub cohort_id: i64,
    pub region: String,
    pub coach: Option<i64>,
    /// Still in the cohort (not moved, withdrawn or finished).
    pub open: bool,
    pub enrolled_day: i64,
    pub visit_every_days: i64,
}

/// Her latest enrolment, if the staff member may read her follow-up: those who run the
/// follow-up, in their scope, whatever became of her; a coach, while she is in one of the
/// coach's cohorts.
pub async fn followed<'e, E>(
    executor: E,
    staff: &Staff,
    application_id: i64,
) -> Result<Option<Followed>, AppError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = sqlx::query(
        "select e.id, e.cohort_id, e.region_code, e.enrolled_day, \
             case when e.left_day is null then 1 else 0 end as open, \
             c.coach_id, c.visit_every_days \
         from enrolments e join cohorts c on c.id = e.cohort_id \
         where e.application_id = $1 order by e.id desc limit 1",
    )
    .bind(application_id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let followed = Followed {
        application_id,
        enrolment_id: row.try_get("id")?,
        cohort_id: row.try_get("cohort_id")?,
        region: row.try_get("region_code")?,
        coach: row.try_get("coach_id")?,
        open: flag(&row, "open")?,
        enrolled_day: row.try_get("enrolled_day")?,
        visit_every_days: row.try_get("visit_every_days")?,
    };
    let scope = staff.follow_up();
    let visible = scope.sees_cohort(&followed.region, followed.coach)
        && (followed.open || staff.runs_follow_up());
    Ok(visible.then_some(followed))
}

/// Records what her follow-up's page lists: may this staff member write it? Those who run the
/// follow-up and her coach, while she is in the cohort.
pub fn records(staff: &Staff, followed: &Followed) -> bool {
    followed.open
        && staff
            .follow_up()
            .sees_cohort(&followed.region, followed.coach)
}

/// A cohort's region, coach and rhythm, if the staff member may read it.
#[derive(Clone, Debug)]
pub struct CohortSeen {
    pub id: i64,
    pub site_id: i64,
    pub region: String,
    pub coach: Option<i64>,
    pub capacity: i64,
    pub visit_every_days: i64,
}

pub async fn cohort_seen<'e, E>(
    executor: E,
    staff: &Staff,
    cohort_id: i64,
) -> Result<Option<CohortSeen>, AppError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = sqlx::query(
        "select id, site_id, region_code, coach_id, capacity, visit_every_days \
         from cohorts where id = $1",
    )
    .bind(cohort_id)
    .fetch_optional(executor)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let seen = CohortSeen {
        id: row.try_get("id")?,
        site_id: row.try_get("site_id")?,
        region: row.try_get("region_code")?,
        coach: row.try_get("coach_id")?,
        capacity: row.try_get("capacity")?,
        visit_every_days: row.try_get("visit_every_days")?,
    };
    Ok(staff
        .follow_up()
        .sees_cohort(&seen.region, seen.coach)
        .then_some(seen))
}

/// A free text as staff type it: trimmed, at most `max` characters, no hidden characters.
pub fn clean_text(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    (text.chars().count() <= max && !crate::registration::fields::has_hidden_chars(text, true))
        .then(|| text.to_owned())
}
