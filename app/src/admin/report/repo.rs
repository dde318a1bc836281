//! The report's query: an indicator's applications counted in one grouped statement over the
//! reader's scope, each axis a column expression; every value of each axis listed, a zero
//! being a count too (and a small one, to partners).

use super::{
    partner,
    suppression::{self, Shown},
    Axis, Charts, Figures, Indicator, Key, RegionFigure, Report, ReportQuery, AGE_BANDS, NO_REASON,
};
use crate::admin::{
    applications::repo::{Bind, SqlQuery},
    roles::Staff,
    workflow::RejectReason,
};
use crate::registration::choices::{Area, EducationLevel, ProjectStage, Sector};
use crate::{
    clock::{self, days},
    db::Db,
    error::AppError,
};
use sqlx::Row;
use std::collections::BTreeMap;

/// Who reads the report, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reader {
    /// The region counted; `None` for the whole country.
    pub region: Option<String>,
    /// Exact counts (the programme's staff), or small numbers protected (partners).
    pub exact: bool,
    /// Reads the follow-up's indicators (`Staff::runs_follow_up`): not reviewers.
    pub follow_up: bool,
}

impl Reader {
    /// National administrators read the whole country, coordinators and reviewers their
    /// region, all exactly (`Staff::reads_report`); partner viewers the whole country, with
    /// small numbers protected (`partner`).
    pub fn of(staff: &Staff) -> Option<Reader> {
        if staff.is_partner() {
            return Some(Reader::partner(None));
        }
        staff.reads_report().then(|| Reader {
            region: staff.dashboard_region().map(str::to_owned),
            exact: true,
            follow_up: staff.runs_follow_up(),
        })
    }

    /// A partner (a partner viewer, or a partner API key) of the whole country or of one
    /// region: every indicator, with small numbers protected.
    pub fn partner(region: Option<String>) -> Reader {
        Reader {
            region,
            exact: false,
            follow_up: true,
        }
    }

    /// May count `indicator`: the follow-up's only for those who run it.
    pub fn may_count(&self, indicator: Indicator) -> bool {
        self.follow_up || !indicator.is_follow_up()
    }
}

/// Reports computed at once.
static REPORTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The day `years` before `today` (the 28th for a 29th of February that year lacks).
fn years_before(today: time::Date, years: i32) -> time::Date {
    let year = today.year() - years;
    time::Date::from_calendar_date(year, today.month(), today.day())
        .or_else(|_| time::Date::from_calendar_date(year, today.month(), 28))
        .unwrap_or(today)
}

/// An axis's value of the application `a`, as SQL. Her age band is read from her birth date
/// (`yyyy-mm-dd`, which compares as a date) against the day each band starts today.
pub(super) fn expression(axis: Axis, today: time::Date, query: &mut SqlQuery) -> String {
    match axis {
        Axis::Region => "a.region_code".to_owned(),
        Axis::Province => "cast(a.province_id as text)".to_owned(),
        Axis::Area => "a.area".to_owned(),
        Axis::Sector => "a.sector".to_owned(),
        Axis::Stage => "a.stage".to_owned(),
        Axis::Channel => "a.channel".to_owned(),
        Axis::Reason => format!("coalesce(a.reject_reason, '{NO_REASON}')"),
        Axis::Education => "a.education".to_owned(),
        Axis::AgeBand => {
            let mut case = "case".to_owned();
            for pair in AGE_BANDS.windows(2) {
                let (band, older) = (pair[0].1, pair[1].0);
                let born_after = query.arg(Bind::Text(clock::iso(years_before(today, older))));
                case.push_str(&format!(" when a.birth_date > {born_after} then '{band}'"));
            }
            let oldest = AGE_BANDS[AGE_BANDS.len() - 1].1;
            case.push_str(&format!(" else '{oldest}' end"));
            case
        }
    }
}

/// The applications of `a` whose holder is in the age band `band` (`AGE_BANDS`' codes) on
/// `today`, as SQL: the same limits as the report's age band axis, so a figure's list holds
/// what the figure counts. `None` for a band that is not one.
pub fn age_band_condition(band: &str, today: time::Date, query: &mut SqlQuery) -> Option<String> {
    let at = AGE_BANDS.iter().position(|(_, code)| *code == band)?;
    let mut limits = Vec::new();
    // Younger than the next band's start: born after the day she would have reached it.
    if let Some((older, _)) = AGE_BANDS.get(at + 1) {
        let born_after = query.arg(Bind::Text(clock::iso(years_before(today, *older))));
        limits.push(format!("a.birth_date > {born_after}"));
    }
    // Not younger than her band's start, except in the first band (the wizard's floor).
    if at > 0 {
        let born_by = query.arg(Bind::Text(clock::iso(years_before(today, AGE_BANDS[at].0))));
        limits.push(format!("a.birth_date <= {born_by}"));
    }
    Some(limits.join(" and "))
}

/// Every value of an axis within the reader's region, in the order the report lists them.
pub(super) async fn keys(db: &Db, axis: Axis, region: Option<&str>) -> Result<Vec<Key>, AppError> {
    let labelled = |code: &str, label_key: String| Key {
        code: code.to_owned(),
        name_fr: String::new(),
        name_ar: String::new(),
        label_key: Some(label_key),
    };
    let named = |rows: Vec<sqlx::any::AnyRow>| -> Result<Vec<Key>, AppError> {
        rows.iter()
            .map(|row| {
                Ok(Key {
                    code: row.try_get("code")?,
                    name_fr: row.try_get("name_fr")?,
                    name_ar: row.try_get("name_ar")?,
                    label_key: None,
                })
            })
            .collect()
    };
    let region = region.unwrap_or_default();
    Ok(match axis {
        Axis::Region => named(
            sqlx::query(
                "select code, name_fr, name_ar from regions where $1 = '' or code = $1 \
                 order by code",
            )
            .bind(region)
            .fetch_all(db.pool())
            .await?,
        )?,
        Axis::Province => named(
            sqlx::query(
                "select cast(id as text) as code, name_fr, name_ar from provinces \
                 where $1 = '' or region_code = $1 order by region_code, id",
            )
            .bind(region)
            .fetch_all(db.pool())
            .await?,
        )?,
        Axis::AgeBand => AGE_BANDS
            .iter()
            .map(|(_, band)| Key {
                code: (*band).to_owned(),
                name_fr: (*band).to_owned(),
                name_ar: (*band).to_owned(),
                label_key: None,
            })
            .collect(),
        Axis::Area => Area::ALL
            .iter()
            .map(|v| labelled(v.code(), v.label_key()))
            .collect(),
        Axis::Sector => Sector::ALL
            .iter()
            .map(|v| labelled(v.code(), v.label_key()))
            .collect(),
        Axis::Stage => ProjectStage::ALL
            .iter()
            .map(|v| labelled(v.code(), v.label_key()))
            .collect(),
        Axis::Channel => ["self", "assisted"]
            .iter()
            .map(|code| labelled(code, format!("admin-channel-{code}")))
            .collect(),
        Axis::Education => EducationLevel::ALL
            .iter()
            .map(|v| labelled(v.code(), v.label_key()))
            .collect(),
        Axis::Reason => RejectReason::ALL
            .iter()
            .map(|r| labelled(r.code(), r.label_key()))
            .chain([labelled(NO_REASON, "admin-reject-not-given".to_owned())])
            .collect(),
    })
}

/// The axis a form's field names: none when empty; `Err` for anything else.
fn axis(code: &str) -> Result<Option<Axis>, ()> {
    match code.trim() {
        "" => Ok(None),
        code => Axis::from_code(code).map(Some).ok_or(()),
    }
}

/// A bound of the period: none when empty; `Err` for a date that is not one.
fn day(text: &str) -> Result<Option<i64>, ()> {
    match text.trim() {
        "" => Ok(None),
        text => days::parse_iso(text).map(Some).ok_or(()),
    }
}

/// The report asked for, or `None` when the query is not one the form can send (an unknown
/// indicator or axis, one axis twice, a date that is not one, a period that ends before it
/// starts).
pub async fn report(
    db: &Db,
    reader: &Reader,
    asked: &ReportQuery,
) -> Result<Option<Report>, AppError> {
    let (Some(indicator), Ok(rows), Ok(columns), Ok(from), Ok(to)) = (
        Indicator::from_code(asked.indicator.trim()),
        axis(&asked.rows),
        axis(&asked.columns),
        day(&asked.from),
        day(&asked.to),
    ) else {
        return Ok(None);
    };
    if (rows.is_some() && rows == columns)
        || [rows, columns]
            .iter()
            .flatten()
            .any(|axis| !axis.splits(indicator))
        || matches!((from, to), (Some(f), Some(t)) if t < f)
        || !reader.may_count(indicator)
    {
        return Ok(None);
    }
    if !reader.exact {
        // Partners ask no period: theirs is every month before this one, as an axis.
        if from.is_some() || to.is_some() {
            return Ok(None);
        }
        return partner_report(db, reader, indicator, (rows, columns)).await;
    }
    // A few reports at a time: each is a scan of the scope, and the pool serves the wizard
    // too. The others wait their turn.
    let _turn = REPORTS.acquire().await.map_err(|_| AppError::Internal)?;
    let region = reader.region.as_deref();
    let today = clock::today();
    let window = window((from, to), today);
    // One scan of what the indicator counts, grouped by the two axes, the region and the
    // month (an index into `window`, -1 before it): the table, the charts and the first month
    // counted all come from it.
    let mut query = SqlQuery::default();
    let row_sql = rows.map(|a| expression(a, today, &mut query));
    let column_sql = columns.map(|a| expression(a, today, &mut query));
    let month_sql = month_expression(&window, &mut query);
    let counted_where = scope(indicator, region, (from, to), &mut query);
    query.sql = format!(
        "select {} as r, {} as c, a.region_code as g, {month_sql} as m, count(*) as n \
         from applications a{counted_where} group by 1, 2, 3, 4",
        row_sql.as_deref().unwrap_or("''"),
        column_sql.as_deref().unwrap_or("''"),
    );
    // In the codes' order: a value the axis does not list comes in the same place every time.
    let mut counted: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut per_region: BTreeMap<String, i64> = BTreeMap::new();
    let mut per_month: BTreeMap<i64, i64> = BTreeMap::new();
    for row in query.query().fetch_all(db.pool()).await? {
        let n: i64 = row.try_get("n")?;
        *counted
            .entry((row.try_get("r")?, row.try_get("c")?))
            .or_default() += n;
        *per_region.entry(row.try_get("g")?).or_default() += n;
        *per_month.entry(row.try_get("m")?).or_default() += n;
    }
    let mut row_keys = match rows {
        Some(axis) => keys(db, axis, region).await?,
        None => vec![whole()],
    };
    let mut column_keys = match columns {
        Some(axis) => keys(db, axis, region).await?,
        None => vec![whole()],
    };
    // A value stored that the axis does not list (none should be) is counted all the same.
    for (r, c) in counted.keys() {
        for (keys, code) in [(&mut row_keys, r), (&mut column_keys, c)] {
            if !keys.iter().any(|k| &k.code == code) {
                keys.push(Key {
                    code: code.clone(),
                    name_fr: code.clone(),
                    name_ar: code.clone(),
                    label_key: None,
                });
            }
        }
    }
    let cells: Vec<Vec<i64>> = row_keys
        .iter()
        .map(|r| {
            column_keys
                .iter()
                .map(|c| {
                    counted
                        .get(&(r.code.clone(), c.code.clone()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect()
        })
        .collect();
    let charts = charts(
        db,
        reader,
        indicator,
        &per_region,
        (&window, &per_month, from.is_some()),
    )
    .await?;
    let figures = if reader.exact {
        Figures::Exact {
            row_totals: cells.iter().map(|row| row.iter().sum()).collect(),
            column_totals: (0..column_keys.len())
                .map(|j| cells.iter().map(|row| row[j]).sum())
                .collect(),
            total: cells.iter().flatten().sum(),
            cells,
        }
    } else {
        Figures::Protected(suppression::protect_table(&cells))
    };
    Ok(Some(Report {
        indicator,
        rows,
        columns,
        row_keys,
        column_keys,
        figures,
        charts,
        from: from.map(days::iso).unwrap_or_default(),
        to: to.map(days::iso).unwrap_or_default(),
        region: reader.region.clone(),
        as_of: clock::iso(today),
    }))
}

/// What a partner reads: the indicator as it stood when the month began, every figure
/// protected with every other answer of it (`partner`).
async fn partner_report(
    db: &Db,
    reader: &Reader,
    indicator: Indicator,
    (rows, columns): (Option<Axis>, Option<Axis>),
) -> Result<Option<Report>, AppError> {
    let snapshot = partner::snapshot(db).await?;
    let cube = partner::cube(db, &snapshot, indicator).await?;
    let region = match reader.region.as_deref() {
        None => None,
        Some(code) => Some(cube.region(code).ok_or(AppError::Forbidden)?),
    };
    let Ok(answer) = cube.answer(rows, columns, region) else {
        return Ok(None);
    };
    let targets = targets(db).await?;
    let places = indicator.counts_places();
    let charts = Charts {
        regions: cube
            .regions()
            .into_iter()
            .filter(|(key, _)| reader.region.as_ref().is_none_or(|r| *r == key.code))
            .map(|(key, value)| RegionFigure {
                target: places.then(|| targets.get(&key.code).copied().unwrap_or(0)),
                key,
                value,
            })
            .collect(),
        // Month by month over the country (a region's months would be a table of its own).
        months: if region.is_none() {
            cube.months(MAX_MONTHS)
        } else {
            Vec::new()
        },
    };
    Ok(Some(Report {
        indicator,
        rows: answer.rows,
        columns: answer.columns,
        row_keys: answer.row_keys,
        column_keys: answer.column_keys,
        figures: Figures::Protected(answer.table),
        charts,
        from: String::new(),
        to: String::new(),
        region: reader.region.clone(),
        as_of: snapshot.as_of(),
    }))
}

/// Each region's target.
async fn targets(db: &Db) -> Result<BTreeMap<String, i64>, AppError> {
    Ok(sqlx::query("select code, target from regions")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| Ok((row.try_get("code")?, row.try_get("target")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}

/// The `where` clause (with its leading space, or empty) of the applications `indicator`
/// counts in `region` (every region for `None`), submitted within `period` (local days,
/// both ends included).
fn scope(
    indicator: Indicator,
    region: Option<&str>,
    (from, to): (Option<i64>, Option<i64>),
    query: &mut SqlQuery,
) -> String {
    let mut conditions = Vec::new();
    if !indicator.statuses().is_empty() {
        let statuses: Vec<String> = indicator
            .statuses()
            .iter()
            .map(|s| query.arg(Bind::Text((*s).to_owned())))
            .collect();
        conditions.push(format!("a.status in ({})", statuses.join(", ")));
    }
    conditions.extend(indicator.condition());
    if let Some(region) = region {
        let region = query.arg(Bind::Text(region.to_owned()));
        conditions.push(format!("a.region_code = {region}"));
    }
    if let Some(from) = from {
        let start = query.arg(Bind::Int(clock::day_start(days::date(from))));
        conditions.push(format!("a.submitted_at >= {start}"));
    }
    if let Some(to) = to {
        let end = query.arg(Bind::Int(clock::day_start(days::date(to + 1))));
        conditions.push(format!("a.submitted_at < {end}"));
    }
    if conditions.is_empty() {
        String::new()
    } else {
        format!(" where {}", conditions.join(" and "))
    }
}

/// The most months the chart over time shows.
pub const MAX_MONTHS: usize = 36;

/// The first day of the month `date` falls in.
fn month_start(date: time::Date) -> time::Date {
    date.replace_day(1).unwrap_or(date)
}

/// The first day of the month after the one `start` begins.
pub(super) fn next_month(start: time::Date) -> time::Date {
    let (year, month) = match start.month() {
        time::Month::December => (start.year() + 1, time::Month::January),
        month => (start.year(), month.next()),
    };
    time::Date::from_calendar_date(year, month, 1).unwrap_or(start)
}

/// The months a report counts month by month, as their first days: from the period's
/// start (or [`MAX_MONTHS`] back) to its end (or this month), at most the last
/// [`MAX_MONTHS`].
pub fn window((from, to): (Option<i64>, Option<i64>), today: time::Date) -> Vec<time::Date> {
    let last = month_start(to.map(days::date).unwrap_or(today));
    let mut start = match from {
        Some(from) => month_start(days::date(from)),
        None => {
            let mut start = last;
            for _ in 1..MAX_MONTHS {
                start = month_start(start - time::Duration::days(1));
            }
            start
        }
    };
    let mut months = Vec::new();
    while start <= last {
        months.push(start);
        start = next_month(start);
    }
    let extra = months.len().saturating_sub(MAX_MONTHS);
    months.split_off(extra)
}

/// The first of the `window`'s months the chart draws: the first when the period has a
/// start; otherwise the month of the first application counted (`first`, an index into the
/// window), at least the last twelve months.
pub fn first_drawn(window: usize, has_start: bool, first: Option<usize>) -> usize {
    if has_start {
        return 0;
    }
    first.unwrap_or(window).min(window.saturating_sub(12))
}

/// Her submission's month as SQL: its index into `window`, -1 before it, the window's length
/// after it.
fn month_expression(window: &[time::Date], query: &mut SqlQuery) -> String {
    let Some(last) = window.last() else {
        return "0".to_owned();
    };
    let mut case = "case".to_owned();
    for (i, start) in window
        .iter()
        .skip(1)
        .chain(std::iter::once(&next_month(*last)))
        .enumerate()
    {
        if i == 0 {
            let first = query.arg(Bind::Int(clock::day_start(window[0])));
            case.push_str(&format!(" when a.submitted_at < {first} then -1"));
        }
        let end = query.arg(Bind::Int(clock::day_start(*start)));
        case.push_str(&format!(" when a.submitted_at < {end} then {i}"));
    }
    case.push_str(&format!(" else {} end", window.len()));
    format!("cast({case} as bigint)")
}

/// The charts' figures, from the report's one scan: the indicator per region of the
/// reader's scope, with the regions' targets when it counts places, and month by month;
/// small numbers protected for a reader who is not to read them exactly.
async fn charts(
    db: &Db,
    reader: &Reader,
    indicator: Indicator,
    per_region: &BTreeMap<String, i64>,
    (window, per_month, has_start): (&[time::Date], &BTreeMap<i64, i64>, bool),
) -> Result<Charts, AppError> {
    let keys = keys(db, Axis::Region, reader.region.as_deref()).await?;
    let targets = targets(db).await?;
    let counts: Vec<i64> = keys
        .iter()
        .map(|k| per_region.get(&k.code).copied().unwrap_or(0))
        .collect();
    let places = indicator.counts_places();
    // The first month counted: one before the window counts as its first.
    let first = per_month
        .iter()
        .find(|(_, n)| **n > 0)
        .map(|(m, _)| usize::try_from(*m).unwrap_or(0));
    let start = first_drawn(window.len(), has_start, first);
    let monthly: Vec<i64> = (start..window.len())
        .map(|i| per_month.get(&(i as i64)).copied().unwrap_or(0))
        .collect();
    let protect = |counts: &[i64]| -> Vec<Shown> {
        if reader.exact {
            counts.iter().map(|n| Shown::Value(*n)).collect()
        } else {
            suppression::protect_list(counts).cells
        }
    };
    Ok(Charts {
        regions: keys
            .into_iter()
            .zip(protect(&counts))
            .map(|(key, value)| RegionFigure {
                target: places.then(|| targets.get(&key.code).copied().unwrap_or(0)),
                key,
                value,
            })
            .collect(),
        months: window[start..]
            .iter()
            .map(|m| format!("{:04}-{:02}", m.year(), u8::from(m.month())))
            .zip(protect(&monthly))
            .collect(),
    })
}

/// Every indicator the reader may count and the axes split, over the axes and period `asked`
/// names (its indicator aside), in the order they are declared: the exports' one table (or sheet) per
/// indicator. `None` as for [`report`].
pub async fn every_indicator(
    db: &Db,
    reader: &Reader,
    asked: &ReportQuery,
) -> Result<Option<Vec<Report>>, AppError> {
    let mut reports = Vec::with_capacity(Indicator::ALL.len());
    // The indicators the axes split (the reason splits rejections only).
    let axes: Vec<Axis> = [&asked.rows, &asked.columns]
        .iter()
        .filter_map(|code| Axis::from_code(code.trim()))
        .collect();
    for indicator in Indicator::ALL
        .iter()
        .filter(|i| reader.may_count(**i) && axes.iter().all(|a| a.splits(**i)))
    {
        let query = ReportQuery {
            indicator: indicator.code().to_owned(),
            ..asked.clone()
        };
        match report(db, reader, &query).await? {
            Some(report) => reports.push(report),
            None => return Ok(None),
        }
    }
    Ok(Some(reports))
}

/// Records an export of the report in the audit log, with what it was asked for.
pub async fn record_export(
    db: &Db,
    staff: &Staff,
    asked: &ReportQuery,
    format: &str,
    client: std::net::IpAddr,
) -> Result<(), AppError> {
    use crate::admin::audit::{self, AuditAction, Entry};
    let detail = format!(
        "{format}: rows={} columns={} from={} to={}",
        asked.rows.trim(),
        asked.columns.trim(),
        asked.from.trim(),
        asked.to.trim()
    );
    audit::record_alone(
        db,
        Entry::by(staff, AuditAction::Export, "report".into(), detail, client),
    )
    .await
}

/// The one row (or column) of a report not split that way.
fn whole() -> Key {
    Key {
        code: String::new(),
        name_fr: String::new(),
        name_ar: String::new(),
        label_key: Some("admin-report-all".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::admin::roles::Role;
    use time::Month;

    #[test]
    fn a_band_starts_on_the_birthday_and_the_29th_of_february_falls_back_to_the_28th() {
        let day = |y, m, d| time::Date::from_calendar_date(y, m, d).unwrap();
        assert_eq!(
            years_before(day(2026, Month::December, 7), 25),
            day(2001, Month::December, 7)
        );
        assert_eq!(
            years_before(day(2028, Month::February, 29), 25),
            day(2003, Month::February, 28)
        );
    }

    #[test]
    fn the_months_drawn_cover_the_period_or_the_data_and_at_least_a_year() {
        let day = |y, m, d| time::Date::from_calendar_date(y, m, d).unwrap();
        let today = day(2026, Month::December, 7);
        let at = |d: time::Date| days::parse_iso(&clock::iso(d)).unwrap();
        // No period: the last 36 months are counted, the chart starts at the first month with
        // data, and shows at least a year.
        let open = window((None, None), today);
        assert_eq!(open.len(), MAX_MONTHS);
        assert_eq!(open[0], day(2024, Month::January, 1));
        assert_eq!(open[MAX_MONTHS - 1], day(2026, Month::December, 1));
        assert_eq!(first_drawn(open.len(), false, Some(34)), MAX_MONTHS - 12);
        assert_eq!(first_drawn(open.len(), false, Some(14)), 14);
        assert_eq!(first_drawn(open.len(), false, None), MAX_MONTHS - 12);
        // A period: its months, at most the last 36, all drawn.
        let period = window(
            (
                Some(at(day(2026, Month::February, 10))),
                Some(at(day(2026, Month::April, 2))),
            ),
            today,
        );
        assert_eq!(
            period,
            [
                day(2026, Month::February, 1),
                day(2026, Month::March, 1),
                day(2026, Month::April, 1)
            ]
        );
        assert_eq!(first_drawn(period.len(), true, Some(2)), 0);
        let long = window((Some(at(day(2020, Month::January, 1))), None), today);
        assert_eq!(long.len(), MAX_MONTHS);
        assert_eq!(long[MAX_MONTHS - 1], day(2026, Month::December, 1));
        // Across a year's end.
        assert_eq!(
            next_month(day(2025, Month::December, 1)),
            day(2026, Month::January, 1)
        );
    }

    #[test]
    fn the_programme_s_staff_read_exact_figures_and_partners_protected_ones() {
        let staff = |role, region: Option<&str>| Staff {
            id: 1,
            email: String::new(),
            name: String::new(),
            role,
            region: region.map(str::to_owned),
            must_change_password: false,
            demo: false,
            site: None,
        };
        let national = Reader::of(&staff(Role::NationalAdmin, None)).unwrap();
        assert_eq!((national.region, national.exact), (None, true));
        let partner = Reader::of(&staff(Role::PartnerViewer, None)).unwrap();
        assert_eq!((partner.region, partner.exact), (None, false));
        let reviewer = Reader::of(&staff(Role::Reviewer, Some("06"))).unwrap();
        assert_eq!(reviewer.region.as_deref(), Some("06"));
        assert!(Reader::of(&staff(Role::CentreAgent, Some("06"))).is_none());
        assert!(Reader::of(&staff(Role::IncubatorCoach, Some("06"))).is_none());
    }
}
