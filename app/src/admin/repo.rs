//! The console's queries, on SQLite and PostgreSQL alike. Every query that returns a person's
//! data is limited to the staff member's scope here, in SQL, whatever ids the request carries.

use super::{
    api::*,
    audit::{self, AuditAction, Entry},
    auth,
    filters::{Filters, Sort, PER_PAGE},
    roles::{Role, Scope, Staff},
    workflow::{self, Action, ActionKind, Refused, Status, MAX_TEXT_LEN, TAKES_A_PLACE_SQL},
};
use crate::{
    db::{flag, Backend, Db},
    error::AppError,
    i18n::{tr, Lang},
    registration::{
        choices::{Choice, ProjectStage, Sector},
        fields::{has_hidden_chars, parse_date, Cin, PhoneNumber, ReferenceNumber},
        steps::{label_key, Raw, Shown, Step},
    },
};
use sqlx::{any::AnyRow, Row};
use std::net::IpAddr;
use time::{Date, OffsetDateTime};

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Morocco's offset from UTC, in seconds (see `registration::service::today`).
const MOROCCO_OFFSET: i64 = 3600;

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
    fn arg(&mut self, bind: Bind) -> String {
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

/// The `where` clause of the list and the export: the staff member's scope, then the filters.
fn list_where(
    backend: Backend,
    staff: &Staff,
    filters: &Filters,
    query: &mut SqlQuery,
) -> Result<String, AppError> {
    let mut clauses = Vec::new();
    match staff.scope() {
        Scope::National => {}
        Scope::Region(region) => {
            let p = query.arg(Bind::Text(region));
            clauses.push(format!("a.region_code = {p}"));
        }
        Scope::EnteredBy(id) => {
            let p = query.arg(Bind::Int(id));
            clauses.push(format!("a.entered_by = {p}"));
        }
        Scope::Aggregates => return Err(AppError::Forbidden),
    }
    if !filters.region.is_empty() {
        let p = query.arg(Bind::Text(filters.region.clone()));
        clauses.push(format!("a.region_code = {p}"));
    }
    if let Ok(province) = filters.province.parse::<i64>() {
        let p = query.arg(Bind::Int(province));
        clauses.push(format!("a.province_id = {p}"));
    }
    if let Some(status) = Status::from_code(&filters.status) {
        let p = query.arg(Bind::Text(status.code().into()));
        clauses.push(format!("a.status = {p}"));
    } else if filters.status == OPEN {
        clauses.push(format!("a.status in ({OPEN_SQL})"));
    }
    if let Ok(sector) = Sector::parse(&filters.sector) {
        let p = query.arg(Bind::Text(sector.code().into()));
        clauses.push(format!("a.sector = {p}"));
    }
    if let Ok(stage) = ProjectStage::parse(&filters.stage) {
        let p = query.arg(Bind::Text(stage.code().into()));
        clauses.push(format!("a.stage = {p}"));
    }
    if matches!(filters.channel.as_str(), "self" | "assisted") {
        let p = query.arg(Bind::Text(filters.channel.clone()));
        clauses.push(format!("a.channel = {p}"));
    }
    // Sorted by name, the list reads the name index in order and stops at the page's end; a
    // date range would make SQLite sort the whole range instead. The unary `+` (valid SQL for
    // both) keeps the dates from choosing the plan.
    let submitted_at = if filters.sort == Sort::Name {
        "+a.submitted_at"
    } else {
        "a.submitted_at"
    };
    if let Some(from) = parse_date(&filters.from) {
        let p = query.arg(Bind::Int(day_start(from)));
        clauses.push(format!("{submitted_at} >= {p}"));
    }
    if let Some(to) = parse_date(&filters.to) {
        let p = query.arg(Bind::Int(day_start(to) + 86_400));
        clauses.push(format!("{submitted_at} < {p}"));
    }
    if filters.flagged {
        clauses.push("a.possible_duplicate = true".into());
    }
    // Control characters cannot be typed; sent anyway, they are not searched for.
    let q: String = filters.q.chars().filter(|c| !c.is_control()).collect();
    let q = q.trim();
    if !q.is_empty() {
        if let Ok(reference) = ReferenceNumber::parse(q) {
            let p = query.arg(Bind::Text(reference.as_str().into()));
            clauses.push(format!("a.reference = {p}"));
        } else if let Ok(phone) = PhoneNumber::parse(q) {
            let p = query.arg(Bind::Text(phone.as_str().into()));
            clauses.push(format!("a.phone = {p}"));
        } else if let Some(cin) = Cin::parse(q)
            .ok()
            .filter(|_| q.chars().any(|c| c.is_ascii_digit()))
        {
            let p = query.arg(Bind::Text(cin.as_str().into()));
            clauses.push(format!("a.cin = {p}"));
        } else {
            let key = q
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let low = query.arg(Bind::Text(key.clone()));
            let high = query.arg(Bind::Text(format!("{key}\u{10FFFF}")));
            let c = bytewise(backend);
            clauses.push(format!(
                "((a.name_key{c} >= {low} and a.name_key{c} < {high}) \
                 or (a.last_first_key{c} >= {low} and a.last_first_key{c} < {high}))"
            ));
        }
    }
    Ok(if clauses.is_empty() {
        String::new()
    } else {
        format!("where {}", clauses.join(" and "))
    })
}

fn order_by(backend: Backend, sort: Sort) -> String {
    match sort {
        Sort::Newest => "order by a.submitted_at desc, a.id desc".into(),
        Sort::Oldest => "order by a.submitted_at, a.id".into(),
        Sort::Name => format!("order by a.last_first_key{}, a.id", bytewise(backend)),
    }
}

/// Unix time of a day's start in Morocco.
fn day_start(date: Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp() - MOROCCO_OFFSET
}

fn day_of(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix + MOROCCO_OFFSET)
        .map(|t| crate::registration::fields::iso_date(t.date()))
        .unwrap_or_default()
}

pub async fn list(db: &Db, staff: &Staff, filters: &Filters) -> Result<ApplicationPage, AppError> {
    let backend = db.backend();
    let mut count = SqlQuery::default();
    let where_clause = list_where(backend, staff, filters, &mut count)?;
    // Counting a million rows on every page would cost more than the page: past
    // `COUNT_LIMIT` the list says "more than" and the filters narrow it down.
    count.sql = format!(
        "select count(*) from (select 1 from applications a {where_clause} limit {}) c",
        COUNT_LIMIT + 1
    );
    let counted: i64 = count.query().fetch_one(db.pool()).await?.try_get(0)?;
    let more = counted > COUNT_LIMIT;
    let total = counted.min(COUNT_LIMIT);
    let pages = u32::try_from((total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
        .unwrap_or(u32::MAX)
        .max(1);
    let page = filters.page.clamp(1, pages);
    // The same conditions and values, around another select.
    let mut rows = count;
    rows.sql = format!(
        "select a.id, a.reference, a.first_name, a.last_name, a.region_code, \
             p.name_fr as province_fr, p.name_ar as province_ar, a.sector, a.status, a.channel, \
             a.submitted_at, case when a.possible_duplicate then 1 else 0 end as possible_duplicate, \
             case when a.burst then 1 else 0 end as burst, s.name as reviewer \
         from applications a join provinces p on p.id = a.province_id \
             left join staff s on s.id = a.reviewer_id \
         {where_clause} {} limit {PER_PAGE} offset {}",
        order_by(backend, filters.sort),
        (page - 1) * PER_PAGE
    );
    let found = rows.query().fetch_all(db.pool()).await?;
    let rows = found
        .iter()
        .map(|row| -> Result<ApplicationRow, AppError> {
            let status: String = row.try_get("status")?;
            Ok(ApplicationRow {
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
                submitted_at: row.try_get("submitted_at")?,
                possible_duplicate: flag(row, "possible_duplicate")?,
                burst: flag(row, "burst")?,
                reviewer: row.try_get("reviewer")?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ApplicationPage {
        rows,
        total,
        more,
        page,
        pages,
    })
}

/// The most rows the list counts exactly.
pub const COUNT_LIMIT: i64 = 10_000;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportFormat {
    pub separator: u8,
    pub lang: Lang,
}

impl ExportFormat {
    /// From the export link's `sep` (`semicolon`, `comma` or `tab`; `;` otherwise).
    pub fn new(separator: &str, lang: Lang) -> ExportFormat {
        let separator = match separator {
            "comma" => b',',
            "tab" => b'\t',
            _ => b';',
        };
        ExportFormat { separator, lang }
    }

    pub fn header(self) -> Vec<String> {
        EXPORT_COLUMNS
            .iter()
            .map(|column| {
                super::i18n::tr(
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
    let where_clause = list_where(backend, staff, filters, &mut query)?;
    query.sql = format!(
        "select a.reference, a.status, a.submitted_at, a.region_code, r.name_fr as region_fr, \
             r.name_ar as region_ar, p.name_fr as province_fr, p.name_ar as province_ar, \
             a.first_name, a.last_name, a.cin, a.birth_date, a.phone, coalesce(a.email, '') as email, \
             a.locality, a.area, a.sector, a.stage, a.channel, \
             case when a.possible_duplicate then 1 else 0 end as possible_duplicate, \
             case when a.burst then 1 else 0 end as burst \
         from applications a join provinces p on p.id = a.province_id \
             join regions r on r.code = a.region_code {where_clause} {}",
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
pub fn export_record(row: &AnyRow, format: ExportFormat) -> Result<Vec<String>, sqlx::Error> {
    let lang = format.lang;
    let label = |key: String| super::i18n::tr(lang, &key);
    let yes_no = |yes: bool| label(format!("answer-{}", if yes { "yes" } else { "no" }));
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
                let at: i64 = row.try_get(column)?;
                OffsetDateTime::from_unix_timestamp(at + MOROCCO_OFFSET)
                    .map(|t| {
                        format!(
                            "{} {:02}:{:02}",
                            crate::registration::fields::iso_date(t.date()),
                            t.hour(),
                            t.minute()
                        )
                    })
                    .unwrap_or_default()
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
                crate::registration::choices::Area::label_key_of(&code).map_or(code, label)
            }
            "sector" => {
                let code = text(column)?;
                Sector::label_key_of(&code).map_or(code, label)
            }
            "stage" => {
                let code = text(column)?;
                ProjectStage::label_key_of(&code).map_or(code, label)
            }
            "channel" => label(format!("admin-channel-{}", text(column)?)),
            "possible_duplicate" | "burst" => yes_no(flag(row, column)?),
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
    let _turn = db.writing().await;
    audit::record(
        db.pool(),
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
    })
}

fn named(row: &AnyRow, key: &str) -> Result<Count, sqlx::Error> {
    Ok(Count {
        key: row.try_get(key)?,
        name_fr: row.try_get("name_fr")?,
        name_ar: row.try_get("name_ar")?,
        count: 0,
    })
}

fn counted(row: &AnyRow) -> Result<Count, sqlx::Error> {
    Ok(Count {
        key: row.try_get("k")?,
        name_fr: row.try_get("name_fr")?,
        name_ar: row.try_get("name_ar")?,
        count: row.try_get("n")?,
    })
}

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
    let since = day_start(
        OffsetDateTime::from_unix_timestamp(now() + MOROCCO_OFFSET)
            .map(|t| t.date())
            .unwrap_or(Date::MIN),
    ) - 29 * 86_400;
    let days = sqlx::query(&scoped(
        "select a.day, cast(sum(a.n) as bigint) as n from daily_submissions a {where} \
         and a.day >= $2 group by a.day",
    ))
    .bind(&region_bind)
    .bind((since + MOROCCO_OFFSET) / 86_400)
    .fetch_all(db.pool())
    .await?;
    let mut per_day: Vec<Count> = (0..30)
        .map(|i| Count {
            key: day_of(since + i * 86_400),
            name_fr: String::new(),
            name_ar: String::new(),
            count: 0,
        })
        .collect();
    for row in &days {
        let day: i64 = row.try_get("day")?;
        let key = day_of(day * 86_400 - MOROCCO_OFFSET);
        if let Some(slot) = per_day.iter_mut().find(|c| c.key == key) {
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
    // duplicates among those (both read through indexes, not by counting every row).
    let oldest_waiting: Option<i64> = sqlx::query(&scoped(&format!(
        "select min(a.submitted_at) from applications a {{where}} and a.status in ({OPEN_SQL})"
    )))
    .bind(&region_bind)
    .fetch_one(db.pool())
    .await?
    .try_get(0)?;
    let duplicates_to_resolve: i64 = sqlx::query(&scoped(&format!(
        "select count(*) from applications a {{where}} and a.possible_duplicate = true \
         and a.status in ({OPEN_SQL})"
    )))
    .bind(&region_bind)
    .fetch_one(db.pool())
    .await?
    .try_get(0)?;
    Ok(Dashboard {
        region: region.map(str::to_owned),
        regions,
        per_day,
        by_sector,
        by_province,
        by_channel,
        oldest_waiting_days: oldest_waiting.map(|at| (now() - at).max(0) / 86_400),
        duplicates_to_resolve,
    })
}

/// The list's status filter for every application not decided yet.
pub const OPEN: &str = super::filters::OPEN_STATUSES;
/// The statuses not decided yet, for SQL's `status in (...)`.
const OPEN_SQL: &str = "'submitted', 'under_review'";

/// How an answer reads on the application page.
fn shown_answer(
    shown: Shown,
    values: &[String],
    lang: Lang,
    region: &str,
    province: &str,
) -> String {
    let first = values.first().map(|v| v.trim()).unwrap_or_default();
    match shown {
        Shown::Text | Shown::Ltr => first.to_owned(),
        Shown::Date => parse_date(first).map_or(first.to_owned(), |d| {
            format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year())
        }),
        Shown::Region => region.to_owned(),
        Shown::Province => province.to_owned(),
        Shown::Choice(label_key_of) => values
            .iter()
            .map(|code| {
                label_key_of(code)
                    .map(|key| tr(lang, &key))
                    .unwrap_or_else(|| tr(lang, "situation-none"))
            })
            .collect::<Vec<_>>()
            .join(lang.pick(", ", "، ")),
    }
}

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

async fn places_taken<'e, E>(executor: E, region: &str) -> Result<(i64, i64), AppError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let row = sqlx::query(&format!(
        "select (select count(*) from applications where region_code = $1 \
                 and status in ({TAKES_A_PLACE_SQL})) as taken, \
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
            at: row.try_get("at")?,
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
            at: row.try_get("created_at")?,
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
        let _turn = db.writing().await;
        audit::record(
            db.pool(),
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
        submitted_at: row.try_get("submitted_at")?,
        burst: flag(&row, "burst")?,
        explains_at_centre: crate::registration::steps::first(&raw, "explain_at_centre") == "yes",
        answers,
        flags,
        history,
        notes,
        actions: workflow::available(staff.role, seen.status),
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
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    let Some(seen) = visible(&mut *tx, staff, id).await? else {
        return Ok(None);
    };
    if seen.version != version {
        return Ok(Some(ActReply::Refused(Refused::Changed)));
    }
    let to = match workflow::apply(staff.role, seen.status, action) {
        Ok(to) => to,
        Err(refused) => return Ok(Some(ActReply::Refused(refused))),
    };
    if to == Status::Accepted {
        // Takes the region's row lock on PostgreSQL, so two acceptances in one region
        // cannot both see the last free place.
        sqlx::query("update regions set target = target where code = $1")
            .bind(&seen.region)
            .execute(&mut *tx)
            .await?;
        let (taken, target) = places_taken(&mut *tx, &seen.region).await?;
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
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(Some(ActReply::Refused(Refused::Changed)));
    }
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, from_status, to_status, detail) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(now())
    .bind(staff.id)
    .bind(action.kind().code())
    .bind(seen.status.code())
    .bind(to.code())
    .bind(&detail)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Entry::by(
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
        ),
    )
    .await?;
    tx.commit().await?;
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
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    let Some(seen) = visible(&mut *tx, staff, id).await? else {
        return Ok(false);
    };
    let name: Option<String> = sqlx::query(
        "select name from staff where id = $1 and role = 'reviewer' and active = true \
         and region_code = $2",
    )
    .bind(reviewer)
    .bind(&seen.region)
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| row.try_get(0))
    .transpose()?;
    let Some(name) = name else { return Ok(false) };
    sqlx::query("update applications set reviewer_id = $2, version = version + 1 where id = $1")
        .bind(id)
        .bind(reviewer)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into application_events (application_id, at, actor_id, kind, detail) \
         values ($1, $2, $3, 'assignment', $4)",
    )
    .bind(id)
    .bind(now())
    .bind(staff.id)
    .bind(&name)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Entry::by(
            staff,
            AuditAction::Assignment,
            format!("application:{id}"),
            format!("reviewer:{reviewer}"),
            client,
        ),
    )
    .await?;
    tx.commit().await?;
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
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    if visible(&mut *tx, staff, id).await?.is_none() || !may_note(staff) {
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
    .bind(now())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Entry::by(
            staff,
            AuditAction::Note,
            format!("application:{id}"),
            String::new(),
            client,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(true))
}

pub async fn list_staff(db: &Db, staff: &Staff) -> Result<Vec<StaffRow>, AppError> {
    let region = if staff.is_national_admin() {
        String::new()
    } else {
        staff.region.clone().ok_or(AppError::Forbidden)?
    };
    sqlx::query(
        "select s.id, s.email, s.name, s.role, s.region_code, r.name_fr as region_fr, \
             r.name_ar as region_ar, case when s.active then 1 else 0 end as active, \
             case when s.must_change_password then 1 else 0 end as must_change_password, \
             case when s.demo then 1 else 0 end as demo \
         from staff s left join regions r on r.code = s.region_code \
         where $1 = '' or s.region_code = $1 order by s.region_code, s.role, s.name",
    )
    .bind(region)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|row| -> Result<StaffRow, AppError> {
        let role: String = row.try_get("role")?;
        Ok(StaffRow {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            name: row.try_get("name")?,
            role: Role::from_code(&role).ok_or(AppError::Internal)?,
            region: row.try_get("region_code")?,
            active: flag(row, "active")?,
            must_change_password: flag(row, "must_change_password")?,
            demo: flag(row, "demo")?,
            region_fr: row.try_get("region_fr")?,
            region_ar: row.try_get("region_ar")?,
        })
    })
    .collect()
}

/// Creates a staff account with a temporary password. Refusals are (field, message key).
pub async fn create_staff_account(
    db: &Db,
    staff: &Staff,
    email: &str,
    name: &str,
    role: &str,
    region: &str,
    client: IpAddr,
) -> Result<CreateStaffReply, AppError> {
    let mut errors = Vec::new();
    let email = auth::normalise_email(email);
    if !email_address::EmailAddress::is_valid(&email) {
        errors.push(("email".to_owned(), "admin-error-email".to_owned()));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || has_hidden_chars(name, false) {
        errors.push(("name".to_owned(), "admin-error-name".to_owned()));
    }
    let role = Role::from_code(role);
    let region = role.filter(|r| r.is_regional()).map(|_| region.trim());
    match role {
        None => errors.push(("role".to_owned(), "admin-error-role".to_owned())),
        Some(role) => {
            if let Some(region) = region {
                let known = sqlx::query("select 1 from regions where code = $1")
                    .bind(region)
                    .fetch_optional(db.pool())
                    .await?
                    .is_some();
                if !known {
                    errors.push(("region".to_owned(), "admin-error-region".to_owned()));
                }
            }
            if !staff.manages(role, region) {
                errors.push(("role".to_owned(), "admin-error-role-not-yours".to_owned()));
            }
        }
    }
    let Some(role) = role.filter(|_| errors.is_empty()) else {
        return Ok(CreateStaffReply::Invalid(errors));
    };
    let password = auth::generate_password()?;
    let hash = auth::hash_password(password.clone()).await?;
    let new = auth::NewStaff {
        email: &email,
        name,
        role,
        region,
        temporary: true,
        demo: false,
    };
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    let auth::Created::Created(id) = auth::insert_staff(&mut *tx, &new, &hash).await? else {
        return Ok(CreateStaffReply::Invalid(vec![(
            "email".to_owned(),
            "admin-error-email-taken".to_owned(),
        )]));
    };
    audit::record(
        &mut *tx,
        Entry::by(
            staff,
            AuditAction::StaffCreated,
            format!("staff:{id}"),
            format!("{} {} {}", email, role.code(), region.unwrap_or_default()),
            client,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(CreateStaffReply::Created {
        temporary_password: password,
    })
}

/// Activates or deactivates an account the staff member manages (never her own).
pub async fn set_staff_active(
    db: &Db,
    staff: &Staff,
    id: i64,
    active: bool,
    client: IpAddr,
) -> Result<bool, AppError> {
    let row = sqlx::query("select role, region_code from staff where id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(false) };
    let role = Role::from_code(&row.try_get::<String, _>("role")?).ok_or(AppError::Internal)?;
    let region: Option<String> = row.try_get("region_code")?;
    if id == staff.id || !staff.manages(role, region.as_deref()) {
        return Ok(false);
    }
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    sqlx::query("update staff set active = $2 where id = $1")
        .bind(id)
        .bind(active)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut *tx,
        Entry::by(
            staff,
            if active {
                AuditAction::StaffActivated
            } else {
                AuditAction::StaffDeactivated
            },
            format!("staff:{id}"),
            String::new(),
            client,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn set_target(
    db: &Db,
    staff: &Staff,
    region: &str,
    target: i64,
    client: IpAddr,
) -> Result<bool, AppError> {
    let _turn = db.writing().await;
    let mut tx = db.pool().begin().await?;
    let updated = sqlx::query("update regions set target = $2 where code = $1")
        .bind(region)
        .bind(target)
        .execute(&mut *tx)
        .await?;
    if updated.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        &mut *tx,
        Entry::by(
            staff,
            AuditAction::TargetChanged,
            format!("region:{region}"),
            target.to_string(),
            client,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Entries per page of the audit log.
const AUDIT_PER_PAGE: i64 = 50;

pub async fn audit(db: &Db, filters: &AuditFilters) -> Result<AuditPage, AppError> {
    let page = filters.page.max(1);
    let rows = sqlx::query(
        "select at, actor_email, action, subject, detail, client from audit_log \
         where ($1 = '' or actor_email = $1) and ($2 = '' or action = $2) \
         order by id desc limit $3 offset $4",
    )
    .bind(auth::normalise_email(&filters.actor))
    .bind(filters.action.trim())
    .bind(AUDIT_PER_PAGE + 1)
    .bind((i64::from(page) - 1) * AUDIT_PER_PAGE)
    .fetch_all(db.pool())
    .await?;
    let more = rows.len() as i64 > AUDIT_PER_PAGE;
    let rows = rows
        .iter()
        .take(AUDIT_PER_PAGE as usize)
        .map(|row| -> Result<AuditRow, sqlx::Error> {
            Ok(AuditRow {
                at: row.try_get("at")?,
                actor_email: row.try_get("actor_email")?,
                action: row.try_get("action")?,
                subject: row.try_get("subject")?,
                subject_name: String::new(),
                subject_link: None,
                detail: row.try_get("detail")?,
                client: row.try_get("client")?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rows = name_audit_subjects(db, rows).await?;
    Ok(AuditPage { rows, page, more })
}

/// Names what each entry was done to, in words and with a link: the application's reference,
/// the account's e-mail. Two queries for the whole page, whatever its length.
async fn name_audit_subjects(db: &Db, mut rows: Vec<AuditRow>) -> Result<Vec<AuditRow>, AppError> {
    let ids_of = |kind: &str| -> Vec<i64> {
        rows.iter()
            .filter_map(|row| row.subject.strip_prefix(kind)?.parse().ok())
            .collect()
    };
    let lookup = |table: &'static str, column: &'static str, ids: Vec<i64>| async move {
        let mut names = std::collections::HashMap::new();
        if ids.is_empty() {
            return Ok::<_, AppError>(names);
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "select id, {column} as name from {table} where id in ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for id in &ids {
            query = query.bind(*id);
        }
        for row in query.fetch_all(db.pool()).await? {
            names.insert(
                row.try_get::<i64, _>("id")?,
                row.try_get::<String, _>("name")?,
            );
        }
        Ok(names)
    };
    let applications = lookup("applications", "reference", ids_of("application:")).await?;
    let accounts = lookup("staff", "email", ids_of("staff:")).await?;
    for row in &mut rows {
        let (kind, value) = row
            .subject
            .split_once(':')
            .unwrap_or((row.subject.as_str(), ""));
        let id = value.parse::<i64>().ok();
        let (name, link) = match (kind, id) {
            ("application", Some(id)) => (
                applications
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| value.to_owned()),
                Some(format!("/admin/applications/{id}")),
            ),
            ("staff", Some(id)) => (
                accounts
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| value.to_owned()),
                Some("/admin/staff".to_owned()),
            ),
            ("reference" | "region" | "reviewer", _) => (value.to_owned(), None),
            _ => (row.subject.clone(), None),
        };
        row.subject_name = name;
        row.subject_link = link;
    }
    Ok(rows)
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
