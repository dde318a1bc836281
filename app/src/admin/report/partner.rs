//! What partners read (partner viewers in the console, and the partner API): the indicators
//! as they stood when the month began, with small numbers protected.
//!
//! - **Taken once a month.** The counts are taken from the applications submitted before
//!   the month began (migration 0017), and read from there until the next month: reading
//!   again a minute later, or after a decision, tells nothing of one woman. No period is
//!   asked: the month of submission is an axis of its own (the chart over time).
//! - **Every answer of an indicator protected as one.** Every list and table a partner can
//!   ask of an indicator (each axis alone; every two of region, age band, area, sector,
//!   project stage, channel and education crossed; the provinces under their regions; the months) is
//!   one set of figures (`suppression::Figures`), protected together: a total shared by two
//!   answers is hidden in both or in neither, so two answers cannot be set against each
//!   other. A province is not crossed with another axis (its cells would be counts of a few);
//!   the reason splits rejections only.
//! - **A region is a part of the country's answers.** A key (or a request) for one region
//!   reads that region's row of the country's tables, not a table protected apart.

use super::{
    repo::{expression, keys},
    suppression::{Figures, ProtectedTable, Shown},
    Axis, Indicator, Key,
};
use crate::admin::applications::repo::{Bind, SqlQuery};
use crate::{clock, db::Db, error::AppError};
use sqlx::Row;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The axes partners may cross two by two (the province only alone; the reason only for
/// rejections).
pub const CROSSED: [Axis; 8] = [
    Axis::Region,
    Axis::AgeBand,
    Axis::Area,
    Axis::Sector,
    Axis::Stage,
    Axis::Channel,
    Axis::Education,
    Axis::Reason,
];

/// The figures partners read: which month's, and when they were taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// The month it was taken in (`yyyy-mm`): it counts what was submitted before.
    pub month: String,
    pub taken_at: i64,
    generation: i64,
}

impl Snapshot {
    /// The last day it counts (`yyyy-mm-dd`): the day before its month began.
    pub fn as_of(&self) -> String {
        month_start_of(&self.month)
            .map(|start| clock::iso(start.previous_day().unwrap_or(start)))
            .unwrap_or_default()
    }
}

/// The first day of `yyyy-mm`.
fn month_start_of(month: &str) -> Option<time::Date> {
    let (year, month) = month.split_once('-')?;
    let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(year.parse().ok()?, month, 1).ok()
}

fn month_code(date: time::Date) -> String {
    format!("{:04}-{:02}", date.year(), u8::from(date.month()))
}

/// A snapshot being taken for more than this long (seconds) is taken again by another.
const STALLED: i64 = 3_600;

/// The figures partners read now: this month's, taken now when there are none yet; when
/// there are last month's, those while this month's are taken in the background.
pub async fn snapshot(db: &Db) -> Result<Snapshot, AppError> {
    let now = clock::now();
    let month = month_code(clock::local_date(now));
    let current = read_snapshot(db).await?;
    if current.month == month {
        return Ok(current);
    }
    if current.month.is_empty() {
        take(db, &month, now).await?;
        // Another server (or request) may be taking the first: wait for it.
        for _ in 0..600 {
            let taken = read_snapshot(db).await?;
            if !taken.month.is_empty() {
                return Ok(taken);
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        return Err(AppError::Internal);
    }
    let db = db.clone();
    tokio::spawn(async move {
        if let Err(error) = take(&db, &month, now).await {
            tracing::error!(?error, "the partners' figures were not taken");
        }
    });
    Ok(current)
}

async fn read_snapshot(db: &Db) -> Result<Snapshot, AppError> {
    let row = sqlx::query("select month, taken_at, generation from partner_snapshot where id = 1")
        .fetch_one(db.pool())
        .await?;
    Ok(Snapshot {
        month: row.try_get("month")?,
        taken_at: row.try_get("taken_at")?,
        generation: row.try_get("generation")?,
    })
}

/// Rows per insert statement (7 values each).
const BATCH: usize = 500;

/// Applications read at once while the counts are taken.
const PAGE: i64 = 20_000;

/// The month, beside the axes: what the counts are kept by ([`Axis::ALL`]'s positions, then
/// the month's).
const MONTH: usize = AXES;

/// The name of a count's axis as kept in `partner_counts`.
fn dimension_code(d: usize) -> &'static str {
    Axis::ALL.get(d).map_or("month", |axis| axis.code())
}

/// One indicator's counts: in all, by each axis alone, and by every two partners cross.
#[derive(Default)]
struct Tally {
    total: i64,
    /// Per dimension (each axis, then the month): each value's code and count.
    one: Vec<Vec<(String, i64)>>,
    /// Per two dimensions crossed: each pair of values (indices into `one`'s) and its count.
    two: HashMap<(usize, usize), HashMap<(usize, usize), i64>>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            one: vec![Vec::new(); AXES + 1],
            ..Tally::default()
        }
    }

    /// The index of `code` among dimension `d`'s values, added when new.
    fn value(&mut self, d: usize, code: &str) -> usize {
        let values = &mut self.one[d];
        match values.iter().position(|(c, _)| c == code) {
            Some(i) => i,
            None => {
                values.push((code.to_owned(), 0));
                values.len() - 1
            }
        }
    }

    /// Counts `n` applications whose values are `codes` (one per dimension), crossing the
    /// dimensions `pairs` names.
    fn count(&mut self, codes: &[String], pairs: &[(usize, usize)], n: i64) {
        self.total += n;
        let mut at = [0usize; AXES + 1];
        for (d, code) in codes.iter().enumerate() {
            at[d] = self.value(d, code);
            self.one[d][at[d]].1 += n;
        }
        for &(a, b) in pairs {
            *self
                .two
                .entry((a, b))
                .or_default()
                .entry((at[a], at[b]))
                .or_default() += n;
        }
    }

    /// Its rows as `partner_counts` keeps them: (axis a, code a, axis b, code b, n).
    fn rows(&self) -> Vec<(&'static str, &str, &'static str, &str, i64)> {
        let mut rows = vec![("", "", "", "", self.total)];
        for (d, values) in self.one.iter().enumerate() {
            for (code, n) in values {
                rows.push((dimension_code(d), code.as_str(), "", "", *n));
            }
        }
        for (&(a, b), cells) in &self.two {
            for (&(i, j), n) in cells {
                rows.push((
                    dimension_code(a),
                    self.one[a][i].0.as_str(),
                    dimension_code(b),
                    self.one[b][j].0.as_str(),
                    *n,
                ));
            }
        }
        rows
    }
}

/// The dimensions crossed for `indicator`: every two of [`CROSSED`] that split it.
fn pairs_of(indicator: Indicator) -> Vec<(usize, usize)> {
    let crossed: Vec<usize> = CROSSED
        .iter()
        .filter(|a| a.splits(indicator))
        .map(|a| at(*a))
        .collect();
    crossed
        .iter()
        .enumerate()
        .flat_map(|(i, a)| crossed[i + 1..].iter().map(move |b| (*a, *b)))
        .collect()
}

/// Takes `month`'s figures, unless another server is taking them. The applications submitted
/// before the month began are read once, a page at a time, and every indicator's counts
/// tallied from them; the counts are written under a new generation in short writes (the
/// wizard's writes go on between them), then the snapshot is switched to them and the old
/// ones dropped.
async fn take(db: &Db, month: &str, now: i64) -> Result<(), AppError> {
    let claimed = sqlx::query(
        "update partner_snapshot set building = $1, building_since = $2 \
         where id = 1 and month <> $1 and (building <> $1 or building_since < $3)",
    )
    .bind(month)
    .bind(now)
    .bind(now - STALLED)
    .execute(db.pool())
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(());
    }
    let taken = count_and_write(db, month).await;
    if taken.is_err() {
        // Let the next reading take it again.
        sqlx::query("update partner_snapshot set building = '' where id = 1")
            .execute(db.pool())
            .await?;
    }
    taken
}

/// Counts every indicator of `month`'s figures and writes them (see [`take`]).
async fn count_and_write(db: &Db, month: &str) -> Result<(), AppError> {
    let start = month_start_of(month).ok_or(AppError::Internal)?;
    let generation = {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).map_err(|_| AppError::Internal)?;
        i64::from_le_bytes(bytes) & i64::MAX
    };
    let first: Option<i64> = sqlx::query("select min(submitted_at) from applications")
        .fetch_one(db.pool())
        .await?
        .try_get(0)?;
    // The months of submission, from the first application's to the last before `start`.
    let mut months = Vec::new();
    if let Some(first) = first {
        let mut at = clock::local_date(first).replace_day(1).unwrap_or(start);
        while at < start {
            months.push(at);
            at = super::repo::next_month(at);
        }
    }
    let follow_up: Vec<Indicator> = Indicator::ALL
        .iter()
        .copied()
        .filter(|i| i.condition().is_some())
        .collect();
    let mut tallies: Vec<Tally> = Indicator::ALL.iter().map(|_| Tally::new()).collect();
    let pairs: Vec<Vec<(usize, usize)>> = Indicator::ALL.iter().map(|i| pairs_of(*i)).collect();
    let mut after = 0i64;
    loop {
        let mut query = SqlQuery::default();
        let mut columns: Vec<String> = Axis::ALL
            .iter()
            .map(|axis| expression(*axis, start, &mut query))
            .collect();
        columns.push(month_expression(&months, &mut query));
        // Each step of the follow-up reached, for the women enrolled only.
        for indicator in &follow_up {
            columns.push(format!(
                "case when a.status = 'enrolled' and {} then 1 else 0 end",
                indicator.condition().unwrap_or_default()
            ));
        }
        let selected: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, sql)| format!("{sql} as c{i}"))
            .collect();
        let after_bind = query.arg(Bind::Int(after));
        let before = query.arg(Bind::Int(clock::day_start(start)));
        query.sql = format!(
            "select a.id, a.status, {} from applications a \
             where a.id > {after_bind} and a.submitted_at < {before} order by a.id limit {PAGE}",
            selected.join(", ")
        );
        let rows = query.query().fetch_all(db.pool()).await?;
        for row in &rows {
            after = row.try_get("id")?;
            let status: String = row.try_get("status")?;
            let codes: Vec<String> = (0..=AXES)
                .map(|i| row.try_get::<String, _>(format!("c{i}").as_str()))
                .collect::<Result<_, _>>()?;
            // For the indicators the reason does not split, it has one value.
            let mut unsplit = codes.clone();
            unsplit[at(Axis::Reason)].clear();
            for (k, indicator) in Indicator::ALL.iter().enumerate() {
                let counted = match follow_up.iter().position(|f| f == indicator) {
                    Some(f) => row.try_get::<i64, _>(format!("c{}", AXES + 1 + f).as_str())? == 1,
                    None => {
                        indicator.statuses().is_empty()
                            || indicator.statuses().contains(&status.as_str())
                    }
                };
                if counted {
                    let own = if Axis::Reason.splits(*indicator) {
                        &codes
                    } else {
                        &unsplit
                    };
                    tallies[k].count(own, &pairs[k], 1);
                }
            }
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    for (indicator, tally) in Indicator::ALL.iter().zip(&tallies) {
        for batch in tally.rows().chunks(BATCH) {
            let mut insert = SqlQuery::default();
            let values: Vec<String> = batch
                .iter()
                .map(|(axis_a, code_a, axis_b, code_b, n)| {
                    let fields = [
                        insert.arg(Bind::Int(generation)),
                        insert.arg(Bind::Text(indicator.code().to_owned())),
                        insert.arg(Bind::Text((*axis_a).to_owned())),
                        insert.arg(Bind::Text((*code_a).to_owned())),
                        insert.arg(Bind::Text((*axis_b).to_owned())),
                        insert.arg(Bind::Text((*code_b).to_owned())),
                        insert.arg(Bind::Int(*n)),
                    ];
                    format!("({})", fields.join(", "))
                })
                .collect();
            insert.sql = format!(
                "insert into partner_counts (generation, indicator, axis_a, code_a, axis_b, \
                 code_b, n) values {}",
                values.join(", ")
            );
            insert.query().execute(db.pool()).await?;
        }
    }
    sqlx::query(
        "update partner_snapshot set month = $1, taken_at = $2, generation = $3, building = '' \
         where id = 1",
    )
    .bind(month)
    .bind(clock::now())
    .bind(generation)
    .execute(db.pool())
    .await?;
    sqlx::query("delete from partner_counts where generation <> $1")
        .bind(generation)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Her submission's month (`yyyy-mm`) among `months` (first days), as SQL.
fn month_expression(months: &[time::Date], query: &mut SqlQuery) -> String {
    if months.len() < 2 {
        return format!(
            "'{}'",
            months.first().map(|m| month_code(*m)).unwrap_or_default()
        );
    }
    let mut case = "case".to_owned();
    for start in months.iter().skip(1) {
        let end = query.arg(Bind::Int(clock::day_start(*start)));
        let previous = start.previous_day().unwrap_or(*start);
        case.push_str(&format!(
            " when a.submitted_at < {end} then '{}'",
            month_code(previous)
        ));
    }
    let last = months.last().map(|m| month_code(*m)).unwrap_or_default();
    case.push_str(&format!(" else '{last}' end"));
    case
}

/// Every answer of one indicator, protected as one.
pub struct Cube {
    indicator: Indicator,
    /// Each axis's values, in `Axis::ALL`'s order.
    keys: Vec<Vec<Key>>,
    /// The months counted (`yyyy-mm`), none missing between the first and the last.
    months: Vec<String>,
    shown: Vec<Shown>,
    grand: usize,
    /// Each axis's figures, in `Axis::ALL`'s order.
    margins: Vec<Vec<usize>>,
    /// Two axes crossed (`CROSSED`, in `Axis::ALL`'s order): the cells.
    crossed: HashMap<(usize, usize), Vec<Vec<usize>>>,
    month_cells: Vec<usize>,
    /// The provinces of each region (indices into the provinces' keys).
    provinces_of: Vec<Vec<usize>>,
}

/// How many axes there are.
const AXES: usize = Axis::ALL.len();

fn at(axis: Axis) -> usize {
    Axis::ALL.iter().position(|a| *a == axis).unwrap_or(0)
}

/// The cubes computed, by generation and indicator: a month's are computed once.
static CUBES: Mutex<Vec<Computed>> = Mutex::new(Vec::new());

/// A cube computed: its generation and indicator, and it.
type Computed = ((i64, Indicator), Arc<Cube>);

/// The indicator's cube in `snapshot`.
pub async fn cube(
    db: &Db,
    snapshot: &Snapshot,
    indicator: Indicator,
) -> Result<Arc<Cube>, AppError> {
    let key = (snapshot.generation, indicator);
    if let Some(cube) = CUBES.lock().ok().and_then(|cubes| {
        cubes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.clone())
    }) {
        return Ok(cube);
    }
    let cube = Arc::new(compute(db, snapshot, indicator).await?);
    if let Ok(mut cubes) = CUBES.lock() {
        // A few generations' at most (tests hold several databases at once).
        if cubes.len() >= 64 {
            cubes.remove(0);
        }
        cubes.push((key, cube.clone()));
    }
    Ok(cube)
}

async fn compute(db: &Db, snapshot: &Snapshot, indicator: Indicator) -> Result<Cube, AppError> {
    let mut keys_of: Vec<Vec<Key>> = Vec::new();
    for axis in Axis::ALL {
        keys_of.push(keys(db, *axis, None).await?);
    }
    let region_of_province: HashMap<String, String> =
        sqlx::query("select cast(id as text) as code, region_code from provinces")
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|row| Ok((row.try_get("code")?, row.try_get("region_code")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    let rows = sqlx::query(
        "select axis_a, code_a, axis_b, code_b, n from partner_counts \
         where generation = $1 and indicator = $2",
    )
    .bind(snapshot.generation)
    .bind(indicator.code())
    .fetch_all(db.pool())
    .await?;
    let dimension = |code: &str| (0..=AXES).find(|d| dimension_code(*d) == code);
    let mut counted: Vec<(String, String, String, String, i64)> = Vec::with_capacity(rows.len());
    let mut months: Vec<String> = Vec::new();
    for row in &rows {
        let counts: (String, String, String, String, i64) = (
            row.try_get("axis_a")?,
            row.try_get("code_a")?,
            row.try_get("axis_b")?,
            row.try_get("code_b")?,
            row.try_get("n")?,
        );
        if counts.0 == "month" && counts.2.is_empty() && !counts.1.is_empty() {
            months.push(counts.1.clone());
        }
        counted.push(counts);
    }
    // Every month from the first to the last counted, none missing.
    months.sort();
    if let (Some(first), Some(last)) = (
        months.first().and_then(|m| month_start_of(m)),
        months.last().and_then(|m| month_start_of(m)),
    ) {
        months.clear();
        let mut at = first;
        while at <= last {
            months.push(month_code(at));
            at = super::repo::next_month(at);
        }
    }
    // A value stored that the axis does not list (none should be) is counted all the same.
    let index = |d: usize, code: &str, keys_of: &mut Vec<Vec<Key>>| -> usize {
        if d == MONTH {
            return months.iter().position(|m| m == code).unwrap_or(0);
        }
        match keys_of[d].iter().position(|k| k.code == code) {
            Some(i) => i,
            None => {
                keys_of[d].push(Key {
                    code: code.to_owned(),
                    name_fr: code.to_owned(),
                    name_ar: code.to_owned(),
                    label_key: None,
                });
                keys_of[d].len() - 1
            }
        }
    };
    let pairs = pairs_of(indicator);
    let mut total = 0i64;
    // (axis, value, count): the values' indices are known once every one is read.
    let mut one_axis: Vec<(usize, usize, i64)> = Vec::new();
    let mut per_month = vec![0i64; months.len()];
    let mut two: Vec<((usize, usize), usize, usize, i64)> = Vec::new();
    for (axis_a, code_a, axis_b, code_b, n) in &counted {
        match (dimension(axis_a), dimension(axis_b)) {
            _ if axis_a.is_empty() => total = *n,
            (Some(MONTH), None) if axis_b.is_empty() => {
                if let Some(m) = months.iter().position(|m| m == code_a) {
                    per_month[m] = *n;
                }
            }
            (Some(a), None) if axis_b.is_empty() && Axis::ALL[a].splits(indicator) => {
                let i = index(a, code_a, &mut keys_of);
                one_axis.push((a, i, *n));
            }
            (Some(a), Some(b)) if pairs.contains(&(a, b)) => {
                let (i, j) = (
                    index(a, code_a, &mut keys_of),
                    index(b, code_b, &mut keys_of),
                );
                two.push(((a, b), i, j, *n));
            }
            _ => {}
        }
    }
    let sizes: Vec<usize> = keys_of.iter().map(Vec::len).collect();
    let mut margins_counts: Vec<Vec<i64>> = sizes.iter().map(|n| vec![0; *n]).collect();
    for &(a, i, n) in &one_axis {
        margins_counts[a][i] = n;
    }
    let mut two_axes: HashMap<(usize, usize), Vec<Vec<i64>>> = pairs
        .iter()
        .map(|&(a, b)| ((a, b), vec![vec![0; sizes[b]]; sizes[a]]))
        .collect();
    for ((a, b), i, j, n) in two {
        if let Some(cells) = two_axes.get_mut(&(a, b)) {
            cells[i][j] = n;
        }
    }
    let mut figures = Figures::default();
    let grand = figures.add(total);
    let margins: Vec<Vec<usize>> = margins_counts
        .iter()
        .enumerate()
        .map(|(a, counts)| {
            if !Axis::ALL[a].splits(indicator) {
                return Vec::new();
            }
            let cells: Vec<usize> = counts.iter().map(|&n| figures.add(n)).collect();
            figures.adds_up(cells.clone(), grand);
            cells
        })
        .collect();
    // The provinces under their regions.
    let (region, province) = (at(Axis::Region), at(Axis::Province));
    let provinces_of: Vec<Vec<usize>> = keys_of[region]
        .iter()
        .map(|r| {
            keys_of[province]
                .iter()
                .enumerate()
                .filter(|(_, p)| region_of_province.get(&p.code) == Some(&r.code))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    for (r, members) in provinces_of.iter().enumerate() {
        figures.adds_up(
            members.iter().map(|&p| margins[province][p]).collect(),
            margins[region][r],
        );
    }
    let month_cells: Vec<usize> = per_month.iter().map(|&n| figures.add(n)).collect();
    figures.adds_up(month_cells.clone(), grand);
    let mut crossed = HashMap::new();
    for (a, b) in pairs {
        let cells = figures.cross(&two_axes[&(a, b)], &margins[a], &margins[b]);
        crossed.insert((a, b), cells);
    }
    Ok(Cube {
        indicator,
        keys: keys_of,
        months,
        shown: figures.protect(),
        grand,
        margins,
        crossed,
        month_cells,
        provinces_of,
    })
}

/// Why a partner's question is not answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Two axes asked where one may be: the same twice, the province with another, or two
    /// within one region; or the reason for another indicator than rejections.
    NotCrossed,
}

/// One answer: an indicator split by up to two axes, over the country or one region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub rows: Option<Axis>,
    pub columns: Option<Axis>,
    pub row_keys: Vec<Key>,
    pub column_keys: Vec<Key>,
    pub table: ProtectedTable,
}

impl Cube {
    fn shown(&self, at: &[usize]) -> Vec<Shown> {
        at.iter().map(|&i| self.shown[i]).collect()
    }

    /// Each region's figure, as the country's list of regions shows it.
    pub fn regions(&self) -> Vec<(Key, Shown)> {
        let region = at(Axis::Region);
        self.keys[region]
            .iter()
            .cloned()
            .zip(self.shown(&self.margins[region]))
            .collect()
    }

    /// Month by month (`yyyy-mm`), the last `last` at most.
    pub fn months(&self, last: usize) -> Vec<(String, Shown)> {
        let skip = self.months.len().saturating_sub(last);
        self.months
            .iter()
            .cloned()
            .zip(self.shown(&self.month_cells))
            .skip(skip)
            .collect()
    }

    /// The indicator split by `rows` and `columns` (either may be missing), over the country
    /// or within `region` (its index among the regions).
    pub fn answer(
        &self,
        rows: Option<Axis>,
        columns: Option<Axis>,
        region: Option<usize>,
    ) -> Result<Answer, Refusal> {
        if [rows, columns]
            .iter()
            .flatten()
            .any(|axis| !axis.splits(self.indicator))
        {
            return Err(Refusal::NotCrossed);
        }
        let whole = || Key {
            code: String::new(),
            name_fr: String::new(),
            name_ar: String::new(),
            label_key: Some("admin-report-all".to_owned()),
        };
        let one = |figure: usize| vec![figure];
        // The figures of one axis (within the region, when there is one) and their total.
        let list = |axis: Axis| -> (Vec<Key>, Vec<usize>, usize) {
            let a = at(axis);
            match region {
                None => (self.keys[a].clone(), self.margins[a].clone(), self.grand),
                Some(r) => {
                    let regional_total = self.margins[at(Axis::Region)][r];
                    match axis {
                        Axis::Region => (
                            vec![self.keys[a][r].clone()],
                            one(regional_total),
                            regional_total,
                        ),
                        Axis::Province => {
                            let members = &self.provinces_of[r];
                            (
                                members.iter().map(|&p| self.keys[a][p].clone()).collect(),
                                members.iter().map(|&p| self.margins[a][p]).collect(),
                                regional_total,
                            )
                        }
                        _ => (
                            self.keys[a].clone(),
                            self.crossed[&(at(Axis::Region), a)][r].clone(),
                            regional_total,
                        ),
                    }
                }
            }
        };
        let total = match region {
            None => self.grand,
            Some(r) => self.margins[at(Axis::Region)][r],
        };
        let table = |cells: Vec<Vec<usize>>, row_totals: Vec<usize>, column_totals: Vec<usize>| {
            ProtectedTable {
                cells: cells.iter().map(|row| self.shown(row)).collect(),
                row_totals: self.shown(&row_totals),
                column_totals: self.shown(&column_totals),
                total: self.shown[total],
            }
        };
        match (rows, columns) {
            (None, None) => Ok(Answer {
                rows,
                columns,
                row_keys: vec![whole()],
                column_keys: vec![whole()],
                table: table(vec![one(total)], one(total), one(total)),
            }),
            (Some(axis), None) => {
                let (keys, figures, _) = list(axis);
                Ok(Answer {
                    rows,
                    columns,
                    row_keys: keys,
                    column_keys: vec![whole()],
                    table: table(
                        figures.iter().map(|&f| one(f)).collect(),
                        figures,
                        one(total),
                    ),
                })
            }
            (None, Some(axis)) => {
                let (keys, figures, _) = list(axis);
                Ok(Answer {
                    rows,
                    columns,
                    row_keys: vec![whole()],
                    column_keys: keys,
                    table: table(vec![figures.clone()], one(total), figures),
                })
            }
            (Some(r), Some(c)) => {
                if r == c || region.is_some() {
                    return Err(Refusal::NotCrossed);
                }
                let (a, b) = (at(r), at(c));
                let transposed = a > b;
                let Some(cells) = self.crossed.get(&(a.min(b), a.max(b))) else {
                    return Err(Refusal::NotCrossed);
                };
                let cells: Vec<Vec<usize>> = if transposed {
                    (0..cells.first().map_or(0, Vec::len))
                        .map(|j| cells.iter().map(|row| row[j]).collect())
                        .collect()
                } else {
                    cells.clone()
                };
                Ok(Answer {
                    rows,
                    columns,
                    row_keys: self.keys[a].clone(),
                    column_keys: self.keys[b].clone(),
                    table: table(cells, self.margins[a].clone(), self.margins[b].clone()),
                })
            }
        }
    }

    /// The index of the region `code`, if it is one.
    pub fn region(&self, code: &str) -> Option<usize> {
        self.keys[at(Axis::Region)]
            .iter()
            .position(|k| k.code == code)
    }
}
