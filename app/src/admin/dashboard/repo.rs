//! The dashboard's queries: figures from the counters that triggers keep, never by counting
//! every application.

use super::*;
use crate::admin::{
    audit::{self, AuditAction, Entry},
    context::counted,
    programme::SurveyWave,
    roles::Staff,
    workflow::OPEN_SQL,
};
use crate::{clock, db::Db};
use sqlx::Row;
use std::net::IpAddr;

/// The dashboard's figures, for one region or the whole country.
pub async fn dashboard(db: &Db, region: Option<&str>) -> Result<Dashboard, AppError> {
    let region_bind = region.unwrap_or_default().to_owned();
    let mut regions = sqlx::query(
        "select code, name_fr, name_ar, target from regions where $1 = '' or code = $1 order by code",
    )
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<RegionFigures, sqlx::Error> {
        Ok(RegionFigures {
            code: row.try_get("code")?,
            name_fr: row.try_get("name_fr")?,
            name_ar: row.try_get("name_ar")?,
            target: row.try_get("target")?,
            by_status: vec![0; Status::ALL.len()],
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    // The counts come from `application_counts` and `daily_submissions`, which triggers keep
    // up to date (migration 0004). `where $1 = ''` would hide the key from the planner: two
    // spellings instead.
    let scoped = |sql: &str| match region {
        Some(_) => sql.replace("{where}", "where a.region_code = $1"),
        None => sql.replace("{where}", "where $1 = ''"),
    };
    let counts = sqlx::query(&scoped(
        "select a.region_code, a.status, cast(sum(a.n) as bigint) as n from application_counts a {where} \
         group by a.region_code, a.status",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?;
    for row in &counts {
        let code: String = row.try_get("region_code")?;
        let status: String = row.try_get("status")?;
        let n: i64 = row.try_get("n")?;
        if let (Some(figures), Some(i)) = (
            regions.iter_mut().find(|r| r.code == code),
            Status::ALL.iter().position(|s| s.code() == status),
        ) {
            figures.by_status[i] += n;
        }
    }
    // The last 30 days in Morocco; the counters are kept by local day (see `clock`).
    let today = clock::local_day(clock::now());
    let first = today - 29;
    let days = sqlx::query(&scoped(
        "select a.day, cast(sum(a.n) as bigint) as n from daily_submissions a {where} \
         and a.day >= $2 group by a.day",
    ))
    .bind(&region_bind)
    .bind(first)
    .fetch_all(db.pool())
    .await?;
    let mut per_day: Vec<Count> = (first..=today)
        .map(|day| Count {
            key: clock::iso(clock::date_of_day(day)),
            name_fr: String::new(),
            name_ar: String::new(),
            count: 0,
        })
        .collect();
    for row in &days {
        let day: i64 = row.try_get("day")?;
        if let Some(slot) = usize::try_from(day - first)
            .ok()
            .and_then(|i| per_day.get_mut(i))
        {
            slot.count += row.try_get::<i64, _>("n")?;
        }
    }
    let by_code = |column: &str| {
        scoped(&format!(
            "select a.{column} as k, '' as name_fr, '' as name_ar, cast(sum(a.n) as bigint) as n \
             from application_counts a {{where}} group by a.{column} having sum(a.n) > 0 \
             order by n desc"
        ))
    };
    let by_sector = sqlx::query(&by_code("sector"))
        .bind(&region_bind)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(counted)
        .collect::<Result<Vec<_>, _>>()?;
    let by_channel = sqlx::query(&by_code("channel"))
        .bind(&region_bind)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(counted)
        .collect::<Result<Vec<_>, _>>()?;
    let by_province = sqlx::query(&scoped(
        "select cast(p.id as text) as k, p.name_fr, p.name_ar, c.n from \
         (select a.province_id, cast(sum(a.n) as bigint) as n from application_counts a {where} \
             group by a.province_id having sum(a.n) > 0) c \
         join provinces p on p.id = c.province_id order by c.n desc",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(counted)
    .collect::<Result<Vec<_>, _>>()?;
    // What waits for the staff: the oldest application not yet decided, and the possible
    // duplicates among those (from counters, migration 0007). The oldest is the first entry
    // of each open status in the (status, submitted_at) index: with `status in (...)` the
    // planner walks the time index from the oldest application instead, past every one
    // decided before it (36,000 women enrolled a year ago: 124 ms on PostgreSQL).
    let oldest_of = |status: &str| {
        scoped(&format!(
            "select min(a.submitted_at) as m from applications a {{where}} and a.status = {status}"
        ))
    };
    let oldest_sql = format!(
        "select min(m) from ({}) t",
        OPEN_SQL
            .split(", ")
            .map(oldest_of)
            .collect::<Vec<_>>()
            .join(" union all ")
    );
    let oldest_waiting: Option<i64> = sqlx::query(&oldest_sql)
        .bind(&region_bind)
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    let duplicates_to_resolve: i64 = sqlx::query(&scoped(&format!(
        "select cast(coalesce(sum(a.n), 0) as bigint) from flagged_counts a {{where}} \
         and a.status in ({OPEN_SQL})"
    )))
    .bind(&region_bind)
    .fetch_one(db.pool())
    .await?
    .try_get(0)?;
    let programme = programme(db, region, &regions).await?;
    Ok(Dashboard {
        region: region.map(str::to_owned),
        regions,
        per_day,
        by_sector,
        by_province,
        by_channel,
        oldest_waiting_days: oldest_waiting.map(|at| (clock::now() - at).max(0) / 86_400),
        duplicates_to_resolve,
        programme: Some(programme),
    })
}

/// The accompaniment's figures: attendance, milestones, money and surveys from the counters
/// their triggers keep (migration 0010); visits overdue from the open enrolments' due days,
/// read through their index.
async fn programme(
    db: &Db,
    region: Option<&str>,
    regions: &[RegionFigures],
) -> Result<Programme, AppError> {
    let region_bind = region.unwrap_or_default().to_owned();
    let mut rows: Vec<RegionFollowUp> = regions
        .iter()
        .map(|r| RegionFollowUp {
            code: r.code.clone(),
            ..RegionFollowUp::default()
        })
        .collect();
    let scoped = |sql: &str| match region {
        Some(_) => sql.replace("{where}", "where a.region_code = $1"),
        None => sql.replace("{where}", "where $1 = ''"),
    };
    for row in sqlx::query(&scoped(
        "select a.region_code, a.mark, a.n from attendance_counts a {where}",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    {
        let code: String = row.try_get("region_code")?;
        let mark: String = row.try_get("mark")?;
        let n: i64 = row.try_get("n")?;
        if let Some(r) = rows.iter_mut().find(|r| r.code == code) {
            match mark.as_str() {
                "present" => r.present += n,
                "absent" => r.absent += n,
                _ => r.excused += n,
            }
        }
    }
    let today = clock::local_day(clock::now());
    let overdue = match region {
        Some(_) => {
            "select a.region_code, count(*) as n from enrolments a \
             where a.region_code = $1 and a.left_day is null and a.next_visit_day < $2 \
             group by a.region_code"
        }
        None => {
            "select a.region_code, count(*) as n from enrolments a \
             where $1 = '' and a.left_day is null and a.next_visit_day < $2 \
             group by a.region_code"
        }
    };
    for row in sqlx::query(overdue)
        .bind(&region_bind)
        .bind(today)
        .fetch_all(db.pool())
        .await?
    {
        let code: String = row.try_get("region_code")?;
        if let Some(r) = rows.iter_mut().find(|r| r.code == code) {
            r.overdue_visits = row.try_get("n")?;
        }
    }
    let mut funders: Vec<FunderFigures> = Funder::ALL
        .iter()
        .map(|funder| FunderFigures {
            funder: *funder,
            approved: 0,
            paid: 0,
        })
        .collect();
    for row in sqlx::query(&scoped(
        "select a.region_code, a.funder, a.approved_centimes, a.paid_centimes \
         from financing_totals a {where}",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    {
        let code: String = row.try_get("region_code")?;
        let funder = Funder::from_code(&row.try_get::<String, _>("funder")?);
        let (approved, paid): (i64, i64) = (
            row.try_get("approved_centimes")?,
            row.try_get("paid_centimes")?,
        );
        if let Some(r) = rows.iter_mut().find(|r| r.code == code) {
            r.approved += approved;
            r.paid += paid;
        }
        if let Some(f) = funders.iter_mut().find(|f| Some(f.funder) == funder) {
            f.approved += approved;
            f.paid += paid;
        }
    }
    for row in sqlx::query(&scoped(
        "select a.region_code, a.wave, a.answered, a.operating from survey_counts a {where}",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    {
        let code: String = row.try_get("region_code")?;
        let wave: String = row.try_get("wave")?;
        let (answered, operating): (i64, i64) =
            (row.try_get("answered")?, row.try_get("operating")?);
        if let Some(r) = rows.iter_mut().find(|r| r.code == code) {
            match SurveyWave::from_code(&wave) {
                Some(SurveyWave::Month6) => (r.answered_6, r.operating_6) = (answered, operating),
                Some(SurveyWave::Month12) => {
                    (r.answered_12, r.operating_12) = (answered, operating)
                }
                _ => {}
            }
        }
    }
    let mut milestones: Vec<(Milestone, i64)> = Milestone::ALL.iter().map(|m| (*m, 0)).collect();
    for row in sqlx::query(&scoped(
        "select a.milestone, cast(sum(a.n) as bigint) as n from milestone_counts a {where} \
         group by a.milestone",
    ))
    .bind(&region_bind)
    .fetch_all(db.pool())
    .await?
    {
        let milestone = Milestone::from_code(&row.try_get::<String, _>("milestone")?);
        if let Some(m) = milestones.iter_mut().find(|(m, _)| Some(*m) == milestone) {
            m.1 = row.try_get("n")?;
        }
    }
    let mut budgets = sqlx::query("select code, budget_centimes from budget_lines")
        .fetch_all(db.pool())
        .await?
        .iter()
        .filter_map(|row| {
            let code: String = row.try_get("code").ok()?;
            Some((
                BudgetLine::from_code(&code)?,
                row.try_get("budget_centimes").ok()?,
            ))
        })
        .collect::<Vec<_>>();
    budgets.sort_by_key(|(line, _)| BudgetLine::ALL.iter().position(|l| l == line));
    Ok(Programme {
        regions: rows,
        funders,
        budgets,
        milestones,
    })
}

pub async fn set_target(
    db: &Db,
    staff: &Staff,
    region: &str,
    target: i64,
    client: IpAddr,
) -> Result<bool, AppError> {
    let mut write = audit::AuditedWrite::begin(db).await?;
    let updated = sqlx::query("update regions set target = $2 where code = $1")
        .bind(region)
        .bind(target)
        .execute(&mut *write.tx)
        .await?;
    if updated.rows_affected() == 0 {
        return Ok(false);
    }
    write
        .commit(Entry::by(
            staff,
            AuditAction::TargetChanged,
            format!("region:{region}"),
            target.to_string(),
            client,
        ))
        .await?;
    Ok(true)
}
