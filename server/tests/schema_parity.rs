//! The SQLite and PostgreSQL migrations build the same schema: the same tables and columns,
//! with the same types (normalised: SQLite's `integer` and PostgreSQL's `bigint` are both
//! whole numbers), nullability and defaults; the same primary keys, unique constraints,
//! check constraints, foreign keys and indexes (with their columns and conditions); the same
//! triggers. Needs a PostgreSQL server: `make test` runs it against its throwaway cluster.

use app::db::Db;
use sqlx::{any::AnyRow, Row};
use std::collections::BTreeSet;

/// A schema as both databases can describe it, each part normalised.
#[derive(Debug, Default)]
struct Schema {
    /// (table, column, type, not null, default)
    columns: BTreeSet<(String, String, String, bool, String)>,
    /// (table, columns)
    primary_keys: BTreeSet<(String, String)>,
    /// (table, columns)
    uniques: BTreeSet<(String, String)>,
    /// (table, condition)
    checks: BTreeSet<(String, String)>,
    /// (table, columns, referenced table, referenced columns)
    foreign_keys: BTreeSet<(String, String, String, String)>,
    /// (index, table, columns, unique, condition)
    indexes: BTreeSet<(String, String, String, bool, String)>,
    /// (trigger, table)
    triggers: BTreeSet<(String, String)>,
}

/// A column type, as a kind of value.
fn kind(declared: &str) -> String {
    let declared = declared.to_lowercase();
    match declared.as_str() {
        "integer" | "int" | "bigint" | "smallint" | "bigserial" | "serial" => "whole number",
        "text" | "character varying" | "varchar" => "text",
        "boolean" | "bool" => "boolean",
        "real" | "double precision" | "numeric" => "number",
        other => other,
    }
    .to_owned()
}

/// A default value without PostgreSQL's casts (`'self'::text`); a sequence is no default.
fn default(value: Option<String>) -> String {
    match value {
        Some(v) if v.starts_with("nextval(") => String::new(),
        Some(v) => strip_casts(&v),
        None => String::new(),
    }
}

/// An SQL condition written the same way whichever database printed it: lower case, without
/// casts, brackets or spaces, `= any (array[...])` read as `in (...)`.
fn condition(sql: &str) -> String {
    let sql = strip_casts(&sql.to_lowercase()).replace("= any (array[", "in (");
    sql.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']'))
        .collect()
}

fn strip_casts(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut rest = sql;
    while let Some(at) = rest.find("::") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
        // `character varying`, `double precision`
        for second in [" varying", " precision"] {
            rest = rest.strip_prefix(second).unwrap_or(rest);
        }
    }
    out.push_str(rest);
    out
}

/// The text inside the brackets that open at `open` (which is `(`).
fn bracketed(sql: &str, open: usize) -> &str {
    let mut depth = 0;
    for (i, c) in sql[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &sql[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    &sql[open + 1..]
}

/// The conditions of `check (...)` clauses in a `create table` statement.
fn checks_in(create_table: &str) -> Vec<String> {
    let lower = create_table.to_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("check") {
        let start = from + at;
        from = start + 5;
        let before = lower[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &lower[from..];
        let Some(offset) = rest.find(|c: char| !c.is_whitespace()) else {
            break;
        };
        if rest[offset..].starts_with('(') {
            found.push(condition(bracketed(&lower, from + offset)));
        }
    }
    found
}

fn joined(columns: Vec<String>) -> String {
    columns.join(",")
}

async fn strings(db: &Db, sql: &str, bind: &str) -> Vec<AnyRow> {
    sqlx::query(sql)
        .bind(bind)
        .fetch_all(db.pool())
        .await
        .unwrap()
}

async fn sqlite_schema() -> Schema {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}/parity.db", dir.path().display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let mut schema = Schema::default();
    let tables = sqlx::query(
        "select name, sql from sqlite_master where type = 'table' \
         and name not like 'sqlite_%' and name not like '_sqlx_%'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    for table in &tables {
        let name: String = table.get("name");
        let sql: String = table.get("sql");
        let columns = strings(
            &db,
            "select name, type, \"notnull\" as not_null, dflt_value, pk \
             from pragma_table_info($1) order by cid",
            &name,
        )
        .await;
        let mut primary: Vec<(i64, String)> = Vec::new();
        for c in &columns {
            let column: String = c.get("name");
            let pk: i64 = c.get("pk");
            if pk > 0 {
                primary.push((pk, column.clone()));
            }
            schema.columns.insert((
                name.clone(),
                column,
                kind(&c.get::<String, _>("type")),
                c.get::<i64, _>("not_null") != 0 || pk > 0,
                default(c.try_get("dflt_value").ok()),
            ));
        }
        primary.sort();
        schema.primary_keys.insert((
            name.clone(),
            joined(primary.into_iter().map(|(_, c)| c).collect()),
        ));
        for check in checks_in(&sql) {
            schema.checks.insert((name.clone(), check));
        }
        let keys = strings(
            &db,
            "select id, seq, \"table\" as target, \"from\" as source, \"to\" as target_column \
             from pragma_foreign_key_list($1) order by id, seq",
            &name,
        )
        .await;
        let mut by_id: std::collections::BTreeMap<i64, (Vec<String>, String, Vec<String>)> =
            Default::default();
        for k in &keys {
            let entry = by_id.entry(k.get("id")).or_default();
            entry.0.push(k.get("source"));
            entry.1 = k.get("target");
            entry.2.push(k.get("target_column"));
        }
        for (_, (from, target, to)) in by_id {
            schema
                .foreign_keys
                .insert((name.clone(), joined(from), target, joined(to)));
        }
        let indexes = strings(
            &db,
            "select name, \"unique\" as is_unique, origin from pragma_index_list($1)",
            &name,
        )
        .await;
        for index in &indexes {
            let index_name: String = index.get("name");
            let origin: String = index.get("origin");
            let columns: Vec<String> = strings(
                &db,
                "select name from pragma_index_info($1) order by seqno",
                &index_name,
            )
            .await
            .iter()
            .map(|r| r.get("name"))
            .collect();
            match origin.as_str() {
                "u" => {
                    schema.uniques.insert((name.clone(), joined(columns)));
                }
                "c" => {
                    let sql: String = sqlx::query("select sql from sqlite_master where name = $1")
                        .bind(&index_name)
                        .fetch_one(db.pool())
                        .await
                        .unwrap()
                        .get("sql");
                    let lower = sql.to_lowercase();
                    let condition = lower
                        .rfind(" where ")
                        .map(|at| condition(&lower[at + 7..]))
                        .unwrap_or_default();
                    schema.indexes.insert((
                        index_name,
                        name.clone(),
                        joined(columns),
                        index.get::<i64, _>("is_unique") != 0,
                        condition,
                    ));
                }
                _ => {}
            }
        }
    }
    for trigger in sqlx::query("select name, tbl_name from sqlite_master where type = 'trigger'")
        .fetch_all(db.pool())
        .await
        .unwrap()
    {
        schema
            .triggers
            .insert((trigger.get("name"), trigger.get("tbl_name")));
    }
    schema
}

async fn postgres_schema(url: &str) -> Schema {
    let db = Db::connect(url).await.unwrap();
    db.migrate().await.unwrap();
    let mut schema = Schema::default();
    let tables = "select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace \
                  where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '\\_sqlx\\_%'";
    for c in sqlx::query(
        "select table_name::text as t, column_name::text as c, data_type::text as type, \
                is_nullable::text as nullable, column_default::text as dflt \
         from information_schema.columns \
         where table_schema = 'public' and table_name not like '\\_sqlx\\_%'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap()
    {
        schema.columns.insert((
            c.get("t"),
            c.get("c"),
            kind(&c.get::<String, _>("type")),
            c.get::<String, _>("nullable") == "NO",
            default(c.try_get("dflt").ok()),
        ));
    }
    let constraints = sqlx::query(&format!(
        "select k.contype::text as kind, t.relname::text as t, \
                pg_get_constraintdef(k.oid) as def, \
                (select string_agg(a.attname::text, ',' order by u.i) \
                 from unnest(k.conkey) with ordinality u(n, i) \
                 join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n) as cols, \
                f.relname::text as target, \
                (select string_agg(a.attname::text, ',' order by u.i) \
                 from unnest(k.confkey) with ordinality u(n, i) \
                 join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n) as target_cols \
         from pg_constraint k join pg_class t on t.oid = k.conrelid \
         left join pg_class f on f.oid = k.confrelid \
         where k.conrelid in ({tables})"
    ))
    .fetch_all(db.pool())
    .await
    .unwrap();
    for k in &constraints {
        let table: String = k.get("t");
        let cols: String = k.try_get("cols").unwrap_or_default();
        match k.get::<String, _>("kind").as_str() {
            "p" => {
                schema.primary_keys.insert((table, cols));
            }
            "u" => {
                schema.uniques.insert((table, cols));
            }
            "c" => {
                let def: String = k.get("def");
                let inside = def.find('(').map(|at| bracketed(&def, at)).unwrap_or(&def);
                schema.checks.insert((table, condition(inside)));
            }
            "f" => {
                schema.foreign_keys.insert((
                    table,
                    cols,
                    k.get("target"),
                    k.try_get("target_cols").unwrap_or_default(),
                ));
            }
            _ => {}
        }
    }
    // Tables without a primary key read as SQLite reads them: no columns.
    let with_key: BTreeSet<String> = schema.primary_keys.iter().map(|(t, _)| t.clone()).collect();
    let all_tables: BTreeSet<String> = schema.columns.iter().map(|c| c.0.clone()).collect();
    for table in all_tables.difference(&with_key) {
        schema.primary_keys.insert((table.clone(), String::new()));
    }
    for index in sqlx::query(&format!(
        "select i.relname::text as name, t.relname::text as t, x.indisunique as is_unique, \
                coalesce(pg_get_expr(x.indpred, x.indrelid), '') as pred, \
                (select string_agg(a.attname::text, ',' order by u.i) \
                 from unnest(x.indkey::int2[]) with ordinality u(n, i) \
                 join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n) as cols \
         from pg_index x join pg_class i on i.oid = x.indexrelid \
         join pg_class t on t.oid = x.indrelid \
         where x.indrelid in ({tables}) \
           and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)"
    ))
    .fetch_all(db.pool())
    .await
    .unwrap()
    {
        schema.indexes.insert((
            index.get("name"),
            index.get("t"),
            index.try_get("cols").unwrap_or_default(),
            index.get("is_unique"),
            condition(&index.get::<String, _>("pred")),
        ));
    }
    for trigger in sqlx::query(
        "select distinct trigger_name::text as name, event_object_table::text as t \
         from information_schema.triggers where trigger_schema = 'public'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap()
    {
        schema
            .triggers
            .insert((trigger.get("name"), trigger.get("t")));
    }
    schema
}

fn same<T: Ord + std::fmt::Debug>(part: &str, sqlite: &BTreeSet<T>, postgres: &BTreeSet<T>) {
    let only_sqlite: Vec<_> = sqlite.difference(postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "{part} differ.\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
}

#[test]
fn conditions_read_the_same_whichever_database_printed_them() {
    assert_eq!(
        condition("(kind = ANY (ARRAY['province'::text, 'prefecture'::text]))"),
        condition("kind in ('province', 'prefecture')")
    );
    assert_eq!(
        condition("((role = ANY (ARRAY['national_admin'::text])) = (region_code IS NULL))"),
        condition("(role in ('national_admin')) = (region_code is null)")
    );
    assert_ne!(condition("target >= 0"), condition("target > 0"));
    assert_eq!(default(Some("'self'::text".into())), "'self'");
    assert_eq!(
        default(Some("nextval('staff_id_seq'::regclass)".into())),
        ""
    );
    assert_eq!(
        checks_in(
            "create table t (n bigint check (n >= 0), k text, check ((k in ('a')) = (n is null)))"
        ),
        ["n>=0", "kin'a'=nisnull"]
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (JISR_TEST_POSTGRES_URL); make test runs it"]
async fn sqlite_and_postgres_build_the_same_schema() {
    let url = std::env::var("JISR_TEST_POSTGRES_URL").expect("JISR_TEST_POSTGRES_URL is set");
    let sqlite = sqlite_schema().await;
    let postgres = postgres_schema(&url).await;
    assert!(
        sqlite
            .columns
            .iter()
            .any(|c| c.0 == "regions" && c.1 == "target"),
        "{sqlite:?}"
    );
    for (part, size) in [
        ("primary keys", sqlite.primary_keys.len()),
        ("unique constraints", sqlite.uniques.len()),
        ("check constraints", sqlite.checks.len()),
        ("foreign keys", sqlite.foreign_keys.len()),
        ("indexes", sqlite.indexes.len()),
        ("triggers", sqlite.triggers.len()),
    ] {
        assert!(size > 0, "no {part} read from SQLite");
    }
    eprintln!(
        "compared: {} columns, {} primary keys, {} unique constraints, {} checks, \
         {} foreign keys, {} indexes, {} triggers",
        sqlite.columns.len(),
        sqlite.primary_keys.len(),
        sqlite.uniques.len(),
        sqlite.checks.len(),
        sqlite.foreign_keys.len(),
        sqlite.indexes.len(),
        sqlite.triggers.len()
    );
    same("columns", &sqlite.columns, &postgres.columns);
    same("primary keys", &sqlite.primary_keys, &postgres.primary_keys);
    same("unique constraints", &sqlite.uniques, &postgres.uniques);
    same("check constraints", &sqlite.checks, &postgres.checks);
    same("foreign keys", &sqlite.foreign_keys, &postgres.foreign_keys);
    same("indexes", &sqlite.indexes, &postgres.indexes);
    same("triggers", &sqlite.triggers, &postgres.triggers);
}
