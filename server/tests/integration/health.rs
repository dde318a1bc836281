use crate::helpers::TestApp;
use axum::http::StatusCode;

#[tokio::test]
async fn healthz_answers_ok_when_the_database_answers() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(
        response.body.contains(r#""database":"ok""#),
        "{}",
        response.body
    );
}

#[tokio::test]
async fn healthz_answers_unavailable_when_the_database_is_gone() {
    let app = TestApp::spawn().await;
    app.db.close().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.body.contains("unreachable"), "{}", response.body);
}

#[tokio::test]
async fn every_sqlite_connection_runs_in_wal_mode_with_foreign_keys_and_relaxed_syncing() {
    let app = crate::helpers::TestApp::spawn().await;
    if app.backend() != app::db::Backend::Sqlite {
        return;
    }
    use sqlx::Row;
    let mut conn = app.db.pool().acquire().await.unwrap();
    let value = |row: sqlx::any::AnyRow| -> String {
        row.try_get::<String, _>(0)
            .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
            .unwrap()
    };
    let mode = sqlx::query("pragma journal_mode")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(value(mode), "wal");
    // 1 is NORMAL: a commit does not wait for the disk (the WAL is synced at checkpoints).
    let sync = sqlx::query("pragma synchronous")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(value(sync), "1");
    let keys = sqlx::query("pragma foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(value(keys), "1");
}
