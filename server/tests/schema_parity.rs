//! The SQLite and PostgreSQL migrations define the same tables and columns.
//! Needs a PostgreSQL server: `make test` runs it against its throwaway cluster.

use app::db::Db;
use sqlx::Row;
use std::collections::BTreeSet;

type Columns = BTreeSet<(String, String)>;

async fn sqlite_columns() -> Columns {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}/parity.db", dir.path().display()))
        .await
        .unwrap();
    db.migrate().await.unwrap();
    let rows = sqlx::query(
        "select m.name as table_name, p.name as column_name \
         from sqlite_master m join pragma_table_info(m.name) p \
         where m.type = 'table' and m.name not like 'sqlite_%' and m.name not like '_sqlx_%'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    rows.iter()
        .map(|r| (r.get("table_name"), r.get("column_name")))
        .collect()
}

async fn postgres_columns(url: &str) -> Columns {
    let db = Db::connect(url).await.unwrap();
    db.migrate().await.unwrap();
    let rows = sqlx::query(
        "select table_name::text as table_name, column_name::text as column_name \
         from information_schema.columns \
         where table_schema = 'public' and table_name not like '\\_sqlx\\_%'",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    rows.iter()
        .map(|r| (r.get("table_name"), r.get("column_name")))
        .collect()
}

#[tokio::test]
#[ignore = "needs PostgreSQL (JISR_TEST_POSTGRES_URL); make test runs it"]
async fn sqlite_and_postgres_have_the_same_tables_and_columns() {
    let url = std::env::var("JISR_TEST_POSTGRES_URL").expect("JISR_TEST_POSTGRES_URL is set");
    let sqlite = sqlite_columns().await;
    let postgres = postgres_columns(&url).await;
    assert!(
        sqlite.contains(&("regions".into(), "target".into())),
        "{sqlite:?}"
    );
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in SQLite: {only_sqlite:?}; only in PostgreSQL: {only_postgres:?}"
    );
}
