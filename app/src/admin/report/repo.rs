//! The report's query: an indicator's applications counted in one grouped statement over the
//! reader's scope, each axis a column expression; every value of each axis listed, a zero
//! being a count too (and a small one, to partners).

use super::{suppression, Axis, Figures, Indicator, Key, Report, ReportQuery, AGE_BANDS};
use crate::admin::{
    applications::repo::{Bind, SqlQuery},
    roles::Staff,
};
use crate::registration::choices::{Area, ProjectStage, Sector};
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
}

impl Reader {
    /// National administrators read the whole country, coordinators and reviewers their
    /// region, all exactly (`Staff::reads_report`). Partners will read the whole country with
    /// small numbers protected (`exact: false`) once that protection is whole.
    pub fn of(staff: &Staff) -> Option<Reader> {
        staff.reads_report().then(|| Reader {
            region: staff.dashboard_region().map(str::to_owned),
            exact: true,
        })
    }
}

/// The day `years` before `today` (the 28th for a 29th of February that year lacks).
fn years_before(today: time::Date, years: i32) -> time::Date {
    let year = today.year() - years;
    time::Date::from_calendar_date(year, today.month(), today.day())
        .or_else(|_| time::Date::from_calendar_date(year, today.month(), 28))
        .unwrap_or(today)
}

/// An axis's value of the application `a`, as SQL. Her age band is read from her birth date
/// (`yyyy-mm-dd`, which compares as a date) against the day each band starts today.
fn expression(axis: Axis, today: time::Date, query: &mut SqlQuery) -> String {
    match axis {
        Axis::Region => "a.region_code".to_owned(),
        Axis::Province => "cast(a.province_id as text)".to_owned(),
        Axis::Area => "a.area".to_owned(),
        Axis::Sector => "a.sector".to_owned(),
        Axis::Stage => "a.stage".to_owned(),
        Axis::Channel => "a.channel".to_owned(),
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

/// Every value of an axis within the reader's region, in the order the report lists them.
async fn keys(db: &Db, axis: Axis, region: Option<&str>) -> Result<Vec<Key>, AppError> {
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
    if (rows.is_some() && rows == columns) || matches!((from, to), (Some(f), Some(t)) if t < f) {
        return Ok(None);
    }
    let region = reader.region.as_deref();
    let today = clock::today();
    let mut query = SqlQuery::default();
    let row_sql = rows.map(|a| expression(a, today, &mut query));
    let column_sql = columns.map(|a| expression(a, today, &mut query));
    let mut conditions = Vec::new();
    if !indicator.statuses().is_empty() {
        let statuses: Vec<String> = indicator
            .statuses()
            .iter()
            .map(|s| query.arg(Bind::Text((*s).to_owned())))
            .collect();
        conditions.push(format!("a.status in ({})", statuses.join(", ")));
    }
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
    let grouped: Vec<&str> = [row_sql.as_deref(), column_sql.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    query.sql = format!(
        "select {} as r, {} as c, count(*) as n from applications a{}{}",
        row_sql.as_deref().unwrap_or("''"),
        column_sql.as_deref().unwrap_or("''"),
        if conditions.is_empty() {
            String::new()
        } else {
            format!(" where {}", conditions.join(" and "))
        },
        if grouped.is_empty() {
            String::new()
        } else {
            format!(" group by {}", grouped.join(", "))
        },
    );
    // In the codes' order: a value the axis does not list comes in the same place every time.
    let mut counted: BTreeMap<(String, String), i64> = BTreeMap::new();
    for row in query.query().fetch_all(db.pool()).await? {
        let n: i64 = row.try_get("n")?;
        *counted
            .entry((row.try_get("r")?, row.try_get("c")?))
            .or_default() += n;
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
        from: from.map(days::iso).unwrap_or_default(),
        to: to.map(days::iso).unwrap_or_default(),
        region: reader.region.clone(),
    }))
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
    fn the_programme_s_staff_read_exact_figures_and_partners_none_yet() {
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
        assert!(Reader::of(&staff(Role::PartnerViewer, None)).is_none());
        let reviewer = Reader::of(&staff(Role::Reviewer, Some("06"))).unwrap();
        assert_eq!(reviewer.region.as_deref(), Some("06"));
        assert!(Reader::of(&staff(Role::CentreAgent, Some("06"))).is_none());
        assert!(Reader::of(&staff(Role::IncubatorCoach, Some("06"))).is_none());
    }
}
