//! The applications list's queries, on SQLite and PostgreSQL alike: every one limited to the
//! staff member's scope here, in SQL, whatever the request carries; and the export.

use super::{
    filters::{Filters, Sort, PER_PAGE},
    *,
};
use crate::admin::{
    audit::{self, AuditAction, Entry},
    context::named,
    roles::{Role, Scope, Staff},
    workflow::{OPEN_SQL, TAKES_A_PLACE_SQL},
};
use crate::{
    clock,
    db::{flag, Backend, Db},
    i18n::Lang,
    registration::{
        choices::{Area, Choice, EducationLevel, ProjectStage, Sector},
        fields::{parse_date, Cin, PhoneNumber, ReferenceNumber},
    },
};
use sqlx::{any::AnyRow, Row};
use std::net::IpAddr;

/// A value bound to a placeholder of a query built piece by piece.
#[derive(Clone, Debug)]
pub enum Bind {
    Text(String),
    Int(i64),
}

/// A query built piece by piece: its SQL with `$n` placeholders, and their values.
#[derive(Clone, Debug, Default)]
pub struct SqlQuery {
    pub sql: String,
    pub binds: Vec<Bind>,
}

impl SqlQuery {
    /// Adds a value; its placeholder.
    pub(crate) fn arg(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        format!("${}", self.binds.len())
    }

    pub fn query(&self) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
        let mut query = sqlx::query(&self.sql);
        for bind in &self.binds {
            query = match bind {
                Bind::Text(text) => query.bind(text.clone()),
                Bind::Int(int) => query.bind(*int),
            };
        }
        query
    }
}

/// Byte-wise comparison for the name search's prefix ranges (PostgreSQL's indexes on those
/// columns are built with it; SQLite compares bytes already).
fn bytewise(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "",
        Backend::Postgres => " collate \"C\"",
    }
}

/// The columns an index may read a list's rows by. SQLite keeps no statistics here and would
/// often read the wrong one (a region's 80,000 rows rather than one CIN's): the queries say
/// which may lead, and the others are written `+a.column`, valid SQL for both databases, which
/// no index reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Region,
    Province,
    Status,
    Time,
    EnteredBy,
    Name,
    Exact,
    /// The possible duplicates: partial indexes hold them alone.
    Flagged,
}

const EVERY_KEY: [Key; 8] = [
    Key::Region,
    Key::Province,
    Key::Status,
    Key::Time,
    Key::EnteredBy,
    Key::Name,
    Key::Exact,
    Key::Flagged,
];

/// `a.<column>` when `key` may lead, `+a.<column>` when not.
fn keyed(leads: &[Key], key: Key, column: &str) -> String {
    let plus = if leads.contains(&key) { "" } else { "+" };
    format!("{plus}a.{column}")
}

/// Which keys may lead a page's query. A status holds a tenth to two thirds of the table: when
/// a narrower filter is there, SQLite is kept from reading the status's index instead of that
/// filter's. One status and dates, sorted by time, read `(status, submitted_at)`: its range
/// never holds more than the dates' alone, in the page's order. Sorted by name, the list reads
/// the name index in order and stops at the page's end, where a date range would sort the
/// whole range (on both databases).
fn page_leads(backend: Backend, staff: &Staff, filters: &Filters) -> Vec<Key> {
    // A reference, a CIN or a phone number: its own index, whatever else is chosen.
    if backend == Backend::Sqlite && matches!(search(&filters.q), Some(Search::Exact { .. })) {
        return vec![Key::Exact];
    }
    let by_time = filters.sort != Sort::Name;
    let dated = !filters.from.is_empty() || !filters.to.is_empty();
    let one_status = Status::from_code(&filters.status).is_some();
    let narrower = filters.flagged
        || !filters.province.is_empty()
        || (dated && !(one_status && by_time))
        || search(&filters.q).is_some()
        || matches!(staff.scope(), Scope::EnteredBy(_));
    EVERY_KEY
        .into_iter()
        .filter(|key| match key {
            Key::Status => backend != Backend::Sqlite || !narrower,
            Key::Time => by_time,
            _ => true,
        })
        .collect()
}

/// The applications as the leading keys read them. SQLite reads the possible duplicates from
/// their partial indexes only when told (it would read a region's 80,000 rows instead).
fn applications(backend: Backend, leads: &[Key], staff: &Staff, filters: &Filters) -> &'static str {
    if backend != Backend::Sqlite || !leads.contains(&Key::Flagged) || !filters.flagged {
        "applications a"
    } else if one_region(staff, filters).is_some() {
        "applications a indexed by applications_flagged_region_idx"
    } else {
        "applications a indexed by applications_flagged_idx"
    }
}

/// The one region the list is of: the staff member's, or the one chosen in the filters.
fn one_region(staff: &Staff, filters: &Filters) -> Option<String> {
    match staff.scope() {
        Scope::Region(region) => Some(region),
        _ => Some(filters.region.clone()).filter(|region| !region.is_empty()),
    }
}

/// The most index entries read to size a key's range on SQLite (a few milliseconds).
const PROBE_ROWS: i64 = 20_000;

/// The keys that may lead the filters' rows on SQLite, each a set one index reads together:
/// a centre agent's own, a province, the possible duplicates, a name's start (in a region, or
/// in all), a status, a region, the dates.
fn candidates(staff: &Staff, filters: &Filters) -> Vec<Vec<Key>> {
    let region = one_region(staff, filters).is_some();
    let status = Status::from_code(&filters.status).is_some()
        || [
            super::filters::OPEN_STATUSES,
            super::filters::PLACED_STATUSES,
        ]
        .contains(&filters.status.as_str());
    let dated = parse_date(&filters.from).is_some() || parse_date(&filters.to).is_some();
    // The narrowest by nature first: when several reach the probe's limit, the first is kept.
    let mut all = Vec::new();
    if let Some(Search::Exact { .. }) = search(&filters.q) {
        return vec![vec![Key::Exact]];
    }
    if matches!(staff.scope(), Scope::EnteredBy(_)) {
        all.push(vec![Key::EnteredBy, Key::Time]);
    }
    if filters.province.parse::<i64>().is_ok() {
        all.push(vec![Key::Province, Key::Time]);
    }
    if filters.flagged {
        all.push(vec![Key::Flagged, Key::Region, Key::Time]);
    }
    if region && status {
        all.push(vec![Key::Region, Key::Status]);
    }
    if let Some(Search::Name(_)) = search(&filters.q) {
        // Within one region, its own name indexes, both ways of writing the name.
        if region {
            all.push(vec![Key::Region, Key::Name]);
        }
        all.push(vec![Key::Name]);
    }
    if status {
        all.push(vec![Key::Status, Key::Time]);
    }
    if region {
        all.push(vec![Key::Region, Key::Time]);
    } else if dated {
        all.push(vec![Key::Time]);
    }
    all
}

/// On SQLite, the keys whose index holds the fewest of the filters' rows, and how many (up to
/// `PROBE_ROWS`): each candidate's range counted from its index alone, without reading a row.
/// A count reads its whole range when fewer than `COUNT_LIMIT` rows match, and so does a page
/// whose rows are scattered along the sort's order. None when nothing narrows the table.
async fn narrowest(
    db: &Db,
    staff: &Staff,
    filters: &Filters,
) -> Result<Option<(Vec<Key>, i64)>, AppError> {
    let candidates = candidates(staff, filters);
    if candidates.len() == 1 && candidates[0] == [Key::Exact] {
        return Ok(Some((vec![Key::Exact], 1)));
    }
    let mut best: Option<(Vec<Key>, i64)> = None;
    for leads in candidates {
        let mut probe = SqlQuery::default();
        let clause = where_clause(&conditions_of(
            Backend::Sqlite,
            staff,
            filters,
            &leads,
            true,
            &mut probe,
        )?);
        probe.sql = format!(
            "select count(*) from (select 1 from {} {clause} limit {PROBE_ROWS}) c",
            applications(Backend::Sqlite, &leads, staff, filters)
        );
        let rows: i64 = probe.query().fetch_one(db.pool()).await?.try_get(0)?;
        if best.as_ref().is_none_or(|(_, fewest)| rows < *fewest) {
            best = Some((leads, rows));
        }
    }
    Ok(best)
}

/// The conditions of the list and the export: the staff member's scope, then the filters.
/// On PostgreSQL, which plans from its statistics, `leads` matters only for the dates.
fn list_conditions(
    backend: Backend,
    staff: &Staff,
    filters: &Filters,
    leads: &[Key],
    query: &mut SqlQuery,
) -> Result<Vec<String>, AppError> {
    conditions_of(backend, staff, filters, leads, false, query)
}

/// The conditions of the list, or (`probe`) only those of the keys in `leads`: what their
/// index alone reads.
fn conditions_of(
    backend: Backend,
    staff: &Staff,
    filters: &Filters,
    leads: &[Key],
    probe: bool,
    query: &mut SqlQuery,
) -> Result<Vec<String>, AppError> {
    let mut clauses = Clauses {
        all: Vec::new(),
        leads,
        probe,
    };
    let column = |key: Key, column: &str| match backend {
        Backend::Sqlite => keyed(leads, key, column),
        Backend::Postgres if key == Key::Time => keyed(leads, key, column),
        Backend::Postgres => format!("a.{column}"),
    };
    let region = column(Key::Region, "region_code");
    match staff.scope() {
        Scope::National => {}
        Scope::Region(code) => clauses.add(Some(Key::Region), query, |q| {
            format!("{region} = {}", q.arg(Bind::Text(code)))
        }),
        Scope::EnteredBy(id) => clauses.add(Some(Key::EnteredBy), query, |q| {
            let p = q.arg(Bind::Int(id));
            format!("{} = {p}", column(Key::EnteredBy, "entered_by"))
        }),
        Scope::Aggregates => return Err(AppError::Forbidden),
    }
    if !filters.region.is_empty() {
        clauses.add(Some(Key::Region), query, |q| {
            format!("{region} = {}", q.arg(Bind::Text(filters.region.clone())))
        });
    }
    if let Ok(province) = filters.province.parse::<i64>() {
        clauses.add(Some(Key::Province), query, |q| {
            let p = q.arg(Bind::Int(province));
            format!("{} = {p}", column(Key::Province, "province_id"))
        });
    }
    if !filters.status.is_empty() {
        let status = column(Key::Status, "status");
        clauses.add_some(Some(Key::Status), query, |q| {
            status_condition(&status, &filters.status, q)
        });
    }
    if let Ok(sector) = Sector::parse(&filters.sector) {
        clauses.add(None, query, |q| {
            format!("a.sector = {}", q.arg(Bind::Text(sector.code().into())))
        });
    }
    if let Ok(stage) = ProjectStage::parse(&filters.stage) {
        clauses.add(None, query, |q| {
            format!("a.stage = {}", q.arg(Bind::Text(stage.code().into())))
        });
    }
    if let Ok(area) = Area::parse(&filters.area) {
        clauses.add(None, query, |q| {
            format!("a.area = {}", q.arg(Bind::Text(area.code().into())))
        });
    }
    clauses.add_some(None, query, |q| {
        crate::admin::report::repo::age_band_condition(&filters.age, clock::today(), q)
    });
    if let Ok(education) = EducationLevel::parse(&filters.education) {
        clauses.add(None, query, |q| {
            format!(
                "a.education = {}",
                q.arg(Bind::Text(education.code().into()))
            )
        });
    }
    // Why it was not accepted; rejections recorded without a reason have none.
    if filters.reason == crate::admin::report::NO_REASON {
        clauses.add(None, query, |_| {
            "a.status = 'rejected' and a.reject_reason is null".to_owned()
        });
    } else if let Some(reason) = crate::admin::workflow::RejectReason::from_code(&filters.reason) {
        clauses.add(None, query, |q| {
            format!(
                "a.status = 'rejected' and a.reject_reason = {}",
                q.arg(Bind::Text(reason.code().into()))
            )
        });
    }
    // A step of the follow-up reached: only for those who run the follow-up (reviewers and
    // centre agents read none of it).
    if let Some(reached) =
        crate::admin::report::Indicator::from_code(&filters.reached).and_then(|i| i.condition())
    {
        if !staff.runs_follow_up() {
            return Err(AppError::Forbidden);
        }
        clauses.add(None, query, |_| reached);
    }
    if matches!(filters.channel.as_str(), "self" | "assisted") {
        clauses.add(None, query, |q| {
            format!("a.channel = {}", q.arg(Bind::Text(filters.channel.clone())))
        });
    }
    let submitted_at = column(Key::Time, "submitted_at");
    if let Some(from) = parse_date(&filters.from) {
        clauses.add(Some(Key::Time), query, |q| {
            let p = q.arg(Bind::Int(clock::day_start(from)));
            format!("{submitted_at} >= {p}")
        });
    }
    if let Some(to) = parse_date(&filters.to) {
        clauses.add(Some(Key::Time), query, |q| {
            let p = q.arg(Bind::Int(clock::day_start(to + time::Duration::days(1))));
            format!("{submitted_at} < {p}")
        });
    }
    if filters.flagged {
        clauses.add(Some(Key::Flagged), query, |_| {
            format!("{} = true", column(Key::Flagged, "possible_duplicate"))
        });
    }
    match search(&filters.q) {
        Some(Search::Exact {
            column: name,
            value,
        }) => {
            clauses.add(Some(Key::Exact), query, |q| {
                let p = q.arg(Bind::Text(value));
                format!("{} = {p}", column(Key::Exact, name))
            });
        }
        Some(Search::Name(key)) => clauses.add(Some(Key::Name), query, |q| {
            let low = q.arg(Bind::Text(key.clone()));
            let high = q.arg(Bind::Text(format!("{key}\u{10FFFF}")));
            let c = bytewise(backend);
            let (name, last_first) = (
                column(Key::Name, "name_key"),
                column(Key::Name, "last_first_key"),
            );
            format!(
                "(({name}{c} >= {low} and {name}{c} < {high}) \
                 or ({last_first}{c} >= {low} and {last_first}{c} < {high}))"
            )
        }),
        None => {}
    }
    Ok(clauses.all)
}

/// The conditions gathered, each with the values it binds; in a probe, only the leading keys'.
struct Clauses<'a> {
    all: Vec<String>,
    leads: &'a [Key],
    probe: bool,
}

impl Clauses<'_> {
    fn add(
        &mut self,
        key: Option<Key>,
        query: &mut SqlQuery,
        condition: impl FnOnce(&mut SqlQuery) -> String,
    ) {
        self.add_some(key, query, |q| Some(condition(q)));
    }

    fn add_some(
        &mut self,
        key: Option<Key>,
        query: &mut SqlQuery,
        condition: impl FnOnce(&mut SqlQuery) -> Option<String>,
    ) {
        if !self.probe || key.is_some_and(|key| self.leads.contains(&key)) {
            self.all.extend(condition(query));
        }
    }
}

/// The condition on `status` (a column) of the status filter: one status, the open ones, or
/// those that take a place.
fn status_condition(status: &str, filter: &str, query: &mut SqlQuery) -> Option<String> {
    if let Some(code) = Status::from_code(filter) {
        let p = query.arg(Bind::Text(code.code().into()));
        Some(format!("{status} = {p}"))
    } else if filter == super::filters::OPEN_STATUSES {
        Some(format!("{status} in ({OPEN_SQL})"))
    } else if filter == super::filters::PLACED_STATUSES {
        Some(format!("{status} in ({TAKES_A_PLACE_SQL})"))
    } else {
        None
    }
}

/// The list's count from the counters the database keeps (`application_counts`, and
/// `flagged_counts` for the possible duplicates), when every filter is one of theirs: exact,
/// however many, and read in a millisecond.
async fn counted_by_counters(
    db: &Db,
    staff: &Staff,
    filters: &Filters,
) -> Result<Option<i64>, AppError> {
    let theirs = search(&filters.q).is_none()
        && filters.from.is_empty()
        && filters.to.is_empty()
        && filters.stage.is_empty()
        && filters.area.is_empty()
        && filters.age.is_empty()
        && filters.reached.is_empty()
        && filters.reason.is_empty()
        && filters.education.is_empty()
        && matches!(staff.scope(), Scope::National | Scope::Region(_));
    // The possible duplicates are counted by region and status only.
    let by_region_and_status =
        filters.province.is_empty() && filters.sector.is_empty() && filters.channel.is_empty();
    let table = match (theirs, filters.flagged) {
        (true, false) => "application_counts",
        (true, true) if by_region_and_status => "flagged_counts",
        _ => return Ok(None),
    };
    let mut query = SqlQuery::default();
    let unflagged = Filters {
        flagged: false,
        ..filters.clone()
    };
    let clause = where_clause(&list_conditions(
        db.backend(),
        staff,
        &unflagged,
        &EVERY_KEY,
        &mut query,
    )?);
    query.sql = format!("select cast(coalesce(sum(a.n), 0) as bigint) from {table} a {clause}");
    Ok(Some(query.query().fetch_one(db.pool()).await?.try_get(0)?))
}

/// `where` and the conditions, or nothing.
fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("where {}", conditions.join(" and "))
    }
}

/// What the search box holds: a number that names one application (a reference, a phone
/// number, a CIN), or the start of a name.
enum Search {
    Exact { column: &'static str, value: String },
    Name(String),
}

/// Reads the search box; nothing when it is empty.
fn search(typed: &str) -> Option<Search> {
    // Control characters cannot be typed; sent anyway, they are not searched for.
    let q: String = typed.chars().filter(|c| !c.is_control()).collect();
    let q = q.trim();
    if q.is_empty() {
        return None;
    }
    let exact = |column, value: &str| Search::Exact {
        column,
        value: value.to_owned(),
    };
    Some(if let Ok(reference) = ReferenceNumber::parse(q) {
        exact("reference", reference.as_str())
    } else if let Ok(phone) = PhoneNumber::parse(q) {
        exact("phone", phone.as_str())
    } else if let Some(cin) = Cin::parse(q)
        .ok()
        .filter(|_| q.chars().any(|c| c.is_ascii_digit()))
    {
        exact("cin", cin.as_str())
    } else {
        Search::Name(crate::registration::steps::search_key(q))
    })
}

fn order_by(backend: Backend, sort: Sort) -> String {
    match sort {
        Sort::Newest => "order by a.submitted_at desc, a.id desc".into(),
        Sort::Oldest => "order by a.submitted_at, a.id".into(),
        Sort::Name => format!("order by a.last_first_key{}, a.id", bytewise(backend)),
    }
}

/// The sort's order backwards: a page before a row, or the last page, is read from the other
/// end and turned round.
fn order_backwards(backend: Backend, sort: Sort) -> String {
    match sort {
        Sort::Newest => order_by(backend, Sort::Oldest),
        Sort::Oldest => order_by(backend, Sort::Newest),
        Sort::Name => format!(
            "order by a.last_first_key{} desc, a.id desc",
            bytewise(backend)
        ),
    }
}

/// Where a page starts: a row, named by its id and the value it is sorted by (its time, or
/// its name's search key), written `<id>.<value>` in the page's address. The value is carried
/// rather than looked up, so that a cursor never reads a row outside the staff member's scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub id: i64,
    pub key: CursorKey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CursorKey {
    Time(i64),
    Name(String),
}

impl Cursor {
    /// Reads a cursor for `sort`; anything else is no cursor (the first page).
    pub fn parse(text: &str, sort: Sort) -> Option<Cursor> {
        let (id, key) = text.split_once('.')?;
        let id = id.parse().ok()?;
        let key = match sort {
            Sort::Newest | Sort::Oldest => CursorKey::Time(key.parse().ok()?),
            Sort::Name => CursorKey::Name(key.to_owned()),
        };
        Some(Cursor { id, key })
    }

    fn of(row: &ApplicationRow, name_key: &str, sort: Sort) -> Cursor {
        Cursor {
            id: row.id,
            key: match sort {
                Sort::Newest | Sort::Oldest => CursorKey::Time(row.submitted_at.unix),
                Sort::Name => CursorKey::Name(name_key.to_owned()),
            },
        }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.key {
            CursorKey::Time(at) => write!(f, "{}.{at}", self.id),
            CursorKey::Name(key) => write!(f, "{}.{key}", self.id),
        }
    }
}

/// The condition for rows after (`forward`) or before the cursor in the sort's order: the
/// sorted column's bound first, so that its index gives the range.
fn beyond(
    backend: Backend,
    sort: Sort,
    cursor: &Cursor,
    forward: bool,
    query: &mut SqlQuery,
) -> String {
    let id = query.arg(Bind::Int(cursor.id));
    let key = match &cursor.key {
        CursorKey::Time(at) => query.arg(Bind::Int(*at)),
        CursorKey::Name(name) => query.arg(Bind::Text(name.clone())),
    };
    let column = match sort {
        Sort::Newest | Sort::Oldest => "a.submitted_at".to_owned(),
        Sort::Name => format!("a.last_first_key{}", bytewise(backend)),
    };
    let ascending = (sort != Sort::Newest) == forward;
    let (bound, strict) = if ascending { (">=", ">") } else { ("<=", "<") };
    format!("{column} {bound} {key} and ({column} {strict} {key} or a.id {strict} {id})")
}

/// A cursor's condition, or an order, that no index reads (`+` before each column): another
/// index leads.
fn unindexed(bound: &str) -> String {
    bound
        .replace("a.submitted_at", "+a.submitted_at")
        .replace("a.last_first_key", "+a.last_first_key")
        .replace("a.id", "+a.id")
}

/// Which rows a page holds.
enum Window {
    First,
    After(Cursor),
    Before(Cursor),
    Last,
}

/// A page of the list. `kept`: where the first page's count is kept for the pages that follow.
pub async fn list(
    db: &Db,
    staff: &Staff,
    filters: &Filters,
    kept: Option<&crate::changes::Changes>,
) -> Result<ApplicationPage, AppError> {
    let backend = db.backend();
    let window = if let Some(cursor) = Cursor::parse(&filters.after, filters.sort) {
        Window::After(cursor)
    } else if let Some(cursor) = Cursor::parse(&filters.before, filters.sort) {
        Window::Before(cursor)
    } else if filters.last {
        Window::Last
    } else {
        Window::First
    };
    // The count is the scope's and the filters', whatever the page and its order.
    let count_key = serde_json::to_string(&Filters {
        sort: Sort::default(),
        page: 0,
        after: String::new(),
        before: String::new(),
        last: false,
        ..filters.clone()
    })
    .map(|filters| format!("{:?} {filters}", staff.scope()))
    .map_err(|_| AppError::Internal)?;
    // Read before counting: a change made meanwhile makes the next page count again.
    let generation = kept.map(crate::changes::Changes::generation);
    let kept_count = match window {
        Window::First => None,
        _ => kept.and_then(|kept| kept.count_kept(&count_key)),
    };
    // On SQLite, which index leads a count or a page the sort's order does not find quickly
    // (measured once, when needed).
    let mut narrow: Option<Option<(Vec<Key>, i64)>> = None;
    // The counters count the filters they keep, exactly; otherwise counting a million rows on
    // every page would cost more than the page: past `COUNT_LIMIT` the list says "more than"
    // and the filters narrow it down.
    let (total, more) = match kept_count {
        Some(kept) => kept,
        None => match counted_by_counters(db, staff, filters).await? {
            Some(counted) => (counted, false),
            None => {
                let leads = match backend {
                    Backend::Sqlite => narrow
                        .insert(narrowest(db, staff, filters).await?)
                        .as_ref()
                        .map_or(EVERY_KEY.to_vec(), |(leads, _)| leads.clone()),
                    Backend::Postgres => EVERY_KEY.to_vec(),
                };
                let mut count = SqlQuery::default();
                let counted_where = where_clause(&list_conditions(
                    backend, staff, filters, &leads, &mut count,
                )?);
                count.sql = format!(
                    "select count(*) from (select 1 from {} {counted_where} limit {}) c",
                    applications(backend, &leads, staff, filters),
                    COUNT_LIMIT + 1
                );
                let counted: i64 = count.query().fetch_one(db.pool()).await?.try_get(0)?;
                (counted.min(COUNT_LIMIT), counted > COUNT_LIMIT)
            }
        },
    };
    if let (None, Some(kept), Some(generation)) = (kept_count, kept, generation) {
        kept.keep_count(&count_key, generation, total, more);
    }
    let pages = u32::try_from((total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
        .unwrap_or(u32::MAX)
        .max(1);
    let forward = matches!(window, Window::First | Window::After(_));
    let order = if forward {
        order_by(backend, filters.sort)
    } else {
        order_backwards(backend, filters.sort)
    };
    // Counted exactly, the last page holds what is left after the full ones, as it does when
    // paged through.
    let size = match window {
        Window::Last if !more && total > 0 => total - i64::from(pages - 1) * i64::from(PER_PAGE),
        _ => i64::from(PER_PAGE),
    };
    let cursor = match &window {
        Window::After(cursor) | Window::Before(cursor) => Some(cursor),
        Window::First | Window::Last => None,
    };
    // Each query below is built with its own values: PostgreSQL refuses a value a statement
    // does not use.
    let leads = page_leads(backend, staff, filters);
    let conditions = |query: &mut SqlQuery| -> Result<Vec<String>, AppError> {
        let mut all = list_conditions(backend, staff, filters, &leads, query)?;
        all.extend(cursor.map(|c| beyond(backend, filters.sort, c, forward, query)));
        Ok(all)
    };
    let walk = |query: &mut SqlQuery, rows: i64| {
        let cursor = cursor.map(|c| beyond(backend, filters.sort, c, forward, query));
        walk_query(staff, filters, cursor.as_deref(), &order, rows, query)
    };
    let columns = "a.id, a.reference, a.first_name, a.last_name, a.last_first_key, \
         a.region_code, p.name_fr as province_fr, p.name_ar as province_ar, a.sector, a.status, \
         a.channel, a.submitted_at, \
         case when a.possible_duplicate then 1 else 0 end as possible_duplicate, \
         case when a.burst then 1 else 0 end as burst, s.name as reviewer";
    let joins =
        "join provinces p on p.id = a.province_id left join staff s on s.id = a.reviewer_id";
    // First the rows in the sort's own order, a window of them read from its index alone,
    // then filtered: most filters match one row in a few hundred at most, so the page is there
    // in a few milliseconds whatever the table's size, where the filters' own indexes could
    // hand most of the table over to be sorted. Only when the window holds less than a page
    // (a rare combination) are those indexes asked, which is then cheap. One row more than a
    // page says whether there is a page beyond.
    let mut found = Vec::new();
    // An index already reads these filters in the page's order (a reference, a CIN or a phone
    // number; possible duplicates, a province, one status or a centre agent's own, by time):
    // straight to it.
    let search = search(&filters.q);
    let exact = matches!(search, Some(Search::Exact { .. }));
    let by_time = matches!(filters.sort, Sort::Newest | Sort::Oldest);
    let indexed = by_time
        && search.is_none()
        && (filters.flagged
            || !filters.province.is_empty()
            || Status::from_code(&filters.status).is_some()
            || matches!(staff.scope(), Scope::EnteredBy(_)));
    // PostgreSQL plans these from its statistics, and would read a window as one more table
    // to join (a hash join over the filters' rows): the window is SQLite's.
    let walks = backend == Backend::Sqlite && !(exact || indexed);
    let mut complete = false;
    for window in WALKS.into_iter().filter(|_| walks) {
        let mut rows = SqlQuery::default();
        let window_rows = walk(&mut rows, window);
        let and_conditions: String = conditions(&mut rows)?
            .iter()
            .map(|c| format!(" and {c}"))
            .collect();
        // `cross join`: SQLite keeps the window first (PostgreSQL reads it as a plain join).
        rows.sql = format!(
            "select {columns} from ({window_rows}) w cross join applications a {joins} \
             where a.id = w.id{and_conditions} {order} limit {}",
            size + 1
        );
        found = rows.query().fetch_all(db.pool()).await?;
        if found.len() as i64 > size {
            complete = true;
            break;
        }
        let mut walked = SqlQuery::default();
        walked.sql = format!("select count(*) from ({}) w", walk(&mut walked, window));
        let walked: i64 = walked.query().fetch_one(db.pool()).await?.try_get(0)?;
        if walked < window {
            complete = true;
            break;
        }
    }
    if !complete {
        // The filters' rows are scattered along the sort's order: when one index holds few of
        // them (SQLite), they are read from it and sorted, the sort's own index left aside.
        // (`walks` is SQLite's alone: `unindexed` writes SQLite's `+`.)
        let few = if walks {
            match narrow {
                Some(known) => known,
                None => narrowest(db, staff, filters).await?,
            }
            .filter(|(_, rows)| *rows < PROBE_ROWS)
            .map(|(leads, _)| leads)
        } else {
            None
        };
        let mut rows = SqlQuery::default();
        // Sorted after: an index read in the sort's order would read the table.
        let order = match &few {
            Some(_) => unindexed(&order),
            None => order.clone(),
        };
        let clause = where_clause(&match &few {
            Some(leads) => {
                let mut all = list_conditions(backend, staff, filters, leads, &mut rows)?;
                all.extend(cursor.map(|c| {
                    let bound = beyond(backend, filters.sort, c, forward, &mut rows);
                    unindexed(&bound)
                }));
                all
            }
            None => conditions(&mut rows)?,
        });
        let table = match &few {
            Some(leads) => applications(backend, leads, staff, filters),
            None => "applications a",
        };
        rows.sql = format!(
            "select {columns} from {table} {joins} {clause} {order} limit {}",
            size + 1
        );
        found = rows.query().fetch_all(db.pool()).await?;
    }
    let mut rows = found
        .iter()
        .map(|row| -> Result<(ApplicationRow, String), AppError> {
            let status: String = row.try_get("status")?;
            Ok((
                ApplicationRow {
                    id: row.try_get("id")?,
                    reference: row.try_get("reference")?,
                    first_name: row.try_get("first_name")?,
                    last_name: row.try_get("last_name")?,
                    region_code: row.try_get("region_code")?,
                    province_fr: row.try_get("province_fr")?,
                    province_ar: row.try_get("province_ar")?,
                    sector: row.try_get("sector")?,
                    status: Status::from_code(&status).ok_or(AppError::Internal)?,
                    channel: row.try_get("channel")?,
                    submitted_at: clock::LocalTime::of(row.try_get("submitted_at")?),
                    possible_duplicate: flag(row, "possible_duplicate")?,
                    burst: flag(row, "burst")?,
                    reviewer: row.try_get("reviewer")?,
                },
                row.try_get("last_first_key")?,
            ))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let size = usize::try_from(size).unwrap_or(PER_PAGE as usize);
    let beyond = rows.len() > size;
    rows.truncate(size);
    if !forward {
        rows.reverse();
    }
    let cursor = |row: Option<&(ApplicationRow, String)>| {
        row.map(|(row, key)| Cursor::of(row, key, filters.sort).to_string())
    };
    let (first, last) = (cursor(rows.first()), cursor(rows.last()));
    let shown = filters.page.max(1);
    let (page, next, previous) = match window {
        Window::First => (1, last.filter(|_| beyond), None),
        Window::After(_) => (shown.max(2), last.filter(|_| beyond), first),
        // Back at the start, it is the first page whatever the address said.
        Window::Before(_) => (
            if beyond { shown } else { 1 },
            last,
            first.filter(|_| beyond),
        ),
        Window::Last => (pages, None, first.filter(|_| beyond)),
    };
    Ok(ApplicationPage {
        rows: rows.into_iter().map(|(row, _)| row).collect(),
        total,
        more,
        page,
        pages,
        next,
        previous,
    })
}

/// The most rows the list counts exactly: past it, "more than".
pub const COUNT_LIMIT: i64 = 1_000;

/// The rows read in the sort's order before the filters' own indexes are asked: a few first
/// (enough for a list with few filters), then more.
const WALKS: [i64; 2] = [200, 4_000];

/// The ids of the first `rows` rows in the page's order from its cursor, read from the order's
/// index alone: `(region_code, submitted_at)` or `(region_code, last_first_key)` when the list
/// is one region's, a centre agent's own by `entered_by`'s, one status's by `status`'s, the
/// time's or the name's otherwise. Its conditions repeat the scope's, the cursor's and that
/// status; the filters are applied outside.
fn walk_query(
    staff: &Staff,
    filters: &Filters,
    cursor: Option<&str>,
    order: &str,
    rows: i64,
    query: &mut SqlQuery,
) -> String {
    let mut conditions: Vec<String> = cursor.map(str::to_owned).into_iter().collect();
    let region = one_region(staff, filters);
    let entered_by = match staff.scope() {
        Scope::EnteredBy(id) => Some(id),
        _ => None,
    };
    let narrowed = region.is_some() || entered_by.is_some();
    if let Some(region) = region {
        let p = query.arg(Bind::Text(region));
        conditions.push(format!("a.region_code = {p}"));
    }
    if let Some(id) = entered_by {
        let p = query.arg(Bind::Int(id));
        conditions.push(format!("a.entered_by = {p}"));
    }
    // One status across the regions: its rows in the sort's order (`(status, name)`, or
    // `(status, time)`). A region or a centre agent's own is walked rather: a status's rows
    // are denser there.
    if let (false, Some(status)) = (narrowed, Status::from_code(&filters.status)) {
        let p = query.arg(Bind::Text(status.code().into()));
        conditions.push(format!("a.status = {p}"));
    }
    let clause = where_clause(&conditions);
    format!("select a.id from applications a {clause} {order} limit {rows}")
}

/// The columns of the CSV export, in order.
/// The export's columns: what each holds, named in the console's messages
/// (`admin-export-<column>`).
pub const EXPORT_COLUMNS: [&str; 19] = [
    "reference",
    "status",
    "submitted_at",
    "region_code",
    "region",
    "province",
    "first_name",
    "last_name",
    "cin",
    "birth_date",
    "phone",
    "email",
    "locality",
    "area",
    "sector",
    "stage",
    "channel",
    "possible_duplicate",
    "burst",
];

/// How the export is written, so that it opens right in a French or Arabic spreadsheet:
/// `;` between fields by default (what French and Moroccan spreadsheets expect), the
/// column names and the coded answers in the staff member's language, phone numbers in
/// groups (read as text, their leading zero kept), dates as `YYYY-MM-DD` (read as dates).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFormat {
    pub separator: u8,
    pub lang: Lang,
    /// The labels looked up so far, by message key: a million rows hold a few dozen codes.
    labels: std::collections::HashMap<String, String>,
}

impl ExportFormat {
    /// From the export link's `sep` (`semicolon`, `comma` or `tab`; `;` otherwise).
    pub fn new(separator: &str, lang: Lang) -> ExportFormat {
        let separator = match separator {
            "comma" => b',',
            "tab" => b'\t',
            _ => b';',
        };
        ExportFormat {
            separator,
            lang,
            labels: Default::default(),
        }
    }

    /// The label of a message key in the export's language.
    fn label(&mut self, key: String) -> String {
        let lang = self.lang;
        self.labels
            .entry(key)
            .or_insert_with_key(|key| crate::admin::i18n::tr(lang, key))
            .clone()
    }

    pub fn header(&self) -> Vec<String> {
        EXPORT_COLUMNS
            .iter()
            .map(|column| {
                crate::admin::i18n::tr(
                    self.lang,
                    &format!("admin-export-{}", column.replace('_', "-")),
                )
            })
            .collect()
    }
}

/// The query of the export: the list's scope, filters and order, every row.
pub fn export_query(
    backend: Backend,
    staff: &Staff,
    filters: &Filters,
) -> Result<SqlQuery, AppError> {
    let mut query = SqlQuery::default();
    let leads = page_leads(backend, staff, filters);
    let conditions = where_clause(&list_conditions(
        backend, staff, filters, &leads, &mut query,
    )?);
    query.sql = format!(
        "select a.reference, a.status, a.submitted_at, a.region_code, r.name_fr as region_fr, \
             r.name_ar as region_ar, p.name_fr as province_fr, p.name_ar as province_ar, \
             a.first_name, a.last_name, a.cin, a.birth_date, a.phone, coalesce(a.email, '') as email, \
             a.locality, a.area, a.sector, a.stage, a.channel, \
             case when a.possible_duplicate then 1 else 0 end as possible_duplicate, \
             case when a.burst then 1 else 0 end as burst \
         from applications a join provinces p on p.id = a.province_id \
             join regions r on r.code = a.region_code {conditions} {}",
        order_by(backend, filters.sort)
    );
    Ok(query)
}

/// A Moroccan phone number in groups of two (`06 12 34 56 78`): spreadsheets read it as text
/// and keep its leading zero.
fn phone_in_groups(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    digits
        .chunks(2)
        .map(|pair| pair.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One exported row as text fields, in [`EXPORT_COLUMNS`] order.
pub fn export_record(row: &AnyRow, format: &mut ExportFormat) -> Result<Vec<String>, sqlx::Error> {
    let lang = format.lang;
    let mut label = |key: String| format.label(key);
    let text = |column: &str| row.try_get::<String, _>(column);
    let mut record = Vec::with_capacity(EXPORT_COLUMNS.len());
    for column in EXPORT_COLUMNS {
        let value = match column {
            "status" => {
                let code = text(column)?;
                Status::from_code(&code).map_or(code, |s| label(s.label_key()))
            }
            "submitted_at" => {
                // Morocco's time, as a spreadsheet reads a date and time.
                clock::LocalTime::of(row.try_get(column)?).sortable()
            }
            "region" => lang
                .pick(&text("region_fr")?, &text("region_ar")?)
                .to_owned(),
            "province" => lang
                .pick(&text("province_fr")?, &text("province_ar")?)
                .to_owned(),
            "phone" => {
                let stored = text(column)?;
                PhoneNumber::parse(&stored)
                    .map_or(stored, |phone| phone_in_groups(&phone.national()))
            }
            "area" => {
                let code = text(column)?;
                crate::registration::choices::Area::label_key_of(&code).map_or(code, &mut label)
            }
            "sector" => {
                let code = text(column)?;
                Sector::label_key_of(&code).map_or(code, &mut label)
            }
            "stage" => {
                let code = text(column)?;
                ProjectStage::label_key_of(&code).map_or(code, &mut label)
            }
            "channel" => label(format!("admin-channel-{}", text(column)?)),
            "possible_duplicate" | "burst" => label(format!(
                "answer-{}",
                if flag(row, column)? { "yes" } else { "no" }
            )),
            // What applicants typed freely.
            "first_name" | "last_name" | "locality" | "email" => defused(text(column)?),
            _ => text(column)?,
        };
        record.push(value);
    }
    Ok(record)
}

/// Text a spreadsheet program would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return first) starts with an apostrophe instead: what applicants type reaches the staff's
/// spreadsheets.
fn defused(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

pub async fn record_export(
    db: &Db,
    staff: &Staff,
    filters: &Filters,
    client: IpAddr,
) -> Result<(), AppError> {
    audit::record_alone(
        db,
        Entry::by(
            staff,
            AuditAction::Export,
            "applications".into(),
            filters.to_query(),
            client,
        ),
    )
    .await
}

pub async fn filter_options(db: &Db, staff: &Staff) -> Result<FilterOptions, AppError> {
    let region = match staff.scope() {
        Scope::Region(region) => Some(region),
        Scope::EnteredBy(_) => staff.region.clone(),
        _ => None,
    };
    let regions = sqlx::query(
        "select code, name_fr, name_ar from regions where $1 = '' or code = $1 order by code",
    )
    .bind(region.clone().unwrap_or_default())
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| named(row, "code"))
    .collect::<Result<Vec<_>, _>>()?;
    let provinces = sqlx::query(
        "select cast(id as text) as id, name_fr, name_ar from provinces \
         where $1 = '' or region_code = $1 order by name_fr",
    )
    .bind(region.clone().unwrap_or_default())
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| named(row, "id"))
    .collect::<Result<Vec<_>, _>>()?;
    let reviewers = if matches!(staff.role, Role::NationalAdmin | Role::RegionalCoordinator) {
        sqlx::query(
            "select cast(id as text) as id, name as name_fr, name as name_ar from staff \
             where role = 'reviewer' and active = true and ($1 = '' or region_code = $1) \
             order by name",
        )
        .bind(region.unwrap_or_default())
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|row| named(row, "id"))
        .collect::<Result<Vec<_>, _>>()?
    } else {
        Vec::new()
    };
    Ok(FilterOptions {
        regions,
        provinces,
        reviewers,
        follow_up: staff.runs_follow_up(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_exported_in_groups_a_spreadsheet_keeps_as_text() {
        assert_eq!(phone_in_groups("0612345678"), "06 12 34 56 78");
        assert_eq!(ExportFormat::new("", Lang::Fr).separator, b';');
        assert_eq!(ExportFormat::new("comma", Lang::Fr).separator, b',');
        assert_eq!(ExportFormat::new("tab", Lang::Ar).separator, b'\t');
        assert_eq!(
            ExportFormat::new("semicolon", Lang::Fr).header()[0],
            "Dossier"
        );
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_defused() {
        assert_eq!(defused("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("+212612345678".into()), "'+212612345678");
        assert_eq!(defused("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defused("-1".into()), "'-1");
        assert_eq!(defused("Douar Ouled Ali".into()), "Douar Ouled Ali");
        assert_eq!(defused("فاطمة".into()), "فاطمة");
    }
}
