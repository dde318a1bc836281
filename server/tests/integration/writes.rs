//! Writes on SQLite are committed in groups: the writes waiting at a moment share one
//! transaction, each caller gets its own result, and one that fails fails alone. On
//! PostgreSQL each write keeps a transaction of its own; the results are the same.

use crate::{
    clock::{answers, rules},
    helpers::TestApp,
};
use app::{
    clock,
    db::{Atomic, Backend, Db},
    error::AppError,
    i18n::Lang,
    reference::repo::region_places,
    registration::{
        answers::read_application,
        service::{store_application, NewApplication},
    },
};
use sqlx::Row;
use std::time::Duration;

/// Inserts a draft named `token`, then, with `then_fail`, again: the second insert of the
/// same token fails on its key. Atomic writes insert once.
async fn insert_draft(
    db: &Db,
    token: String,
    atomic: Atomic,
    then_fail: bool,
) -> Result<(), AppError> {
    assert!(
        !(then_fail && atomic == Atomic::Yes),
        "an atomic write is one statement"
    );
    db.write(atomic, move |conn| {
        Box::pin(async move {
            for _ in 0..if then_fail { 2 } else { 1 } {
                sqlx::query(
                    "insert into drafts (token, resume_code, idempotency_key, birth_date, \
                         answers, created_at, updated_at, expires_at) \
                     values ($1, $1, $1, '1990-01-01', '{}', 0, 0, 4102444800)",
                )
                .bind(&token)
                .execute(&mut *conn)
                .await?;
            }
            Ok(())
        })
    })
    .await
}

/// Starts `writes` while the writer's turn is held on SQLite, waits until they all wait for
/// it, then lets them go together: they are one group. On PostgreSQL they simply run.
async fn together<T: Send + 'static>(db: &Db, writes: Vec<tokio::task::JoinHandle<T>>) -> Vec<T> {
    if let Some(turn) = db.writing().await {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while db.writes_waiting() < writes.len() {
            assert!(
                std::time::Instant::now() < deadline,
                "only {} of {} writes came to wait",
                db.writes_waiting(),
                writes.len()
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        drop(turn);
    }
    let mut results = Vec::new();
    for write in writes {
        results.push(write.await.expect("the write's task"));
    }
    results
}

/// On SQLite, that the writes since the group commit's figures were `before` were `writes`,
/// committed in one transaction.
fn one_commit_since(db: &Db, before: Option<(u64, u64)>, writes: u64) {
    if db.backend() == Backend::Sqlite {
        let (batches_after, writes_after) = db.group_commits().unwrap();
        let (batches_before, writes_before) = before.unwrap();
        assert_eq!(
            (batches_after - batches_before, writes_after - writes_before),
            (1, writes),
            "{writes} writes waiting together are one transaction"
        );
    }
}

async fn draft_tokens(db: &Db) -> Vec<String> {
    sqlx::query("select token from drafts order by token")
        .fetch_all(db.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get("token"))
        .collect()
}

#[tokio::test]
async fn writes_waiting_together_share_one_commit_and_one_that_fails_fails_alone() {
    let app = TestApp::spawn().await;
    let before = app.db.group_commits();
    let writes = (0..20)
        .map(|n| {
            let db = app.db.clone();
            tokio::spawn(async move {
                insert_draft(&db, format!("draft-{n:02}"), Atomic::No, n == 7).await
            })
        })
        .collect();
    let results = together(&app.db, writes).await;

    for (n, result) in results.iter().enumerate() {
        assert_eq!(result.is_err(), n == 7, "write {n}: {result:?}");
    }
    let expected: Vec<String> = (0..20)
        .filter(|n| *n != 7)
        .map(|n| format!("draft-{n:02}"))
        .collect();
    // The one that failed left nothing behind, not even its first insert.
    assert_eq!(draft_tokens(&app.db).await, expected);
    one_commit_since(&app.db, before, 20);
}

#[tokio::test]
async fn a_one_statement_write_that_fails_in_a_group_fails_alone_without_a_savepoint() {
    let app = TestApp::spawn().await;
    insert_draft(&app.db, "draft-taken".into(), Atomic::Yes, false)
        .await
        .unwrap();
    let before = app.db.group_commits();
    // Even numbers in one statement, odd ones in a savepoint; 6 takes a token already used.
    let writes = (0..12)
        .map(|n| {
            let db = app.db.clone();
            tokio::spawn(async move {
                match n {
                    6 => insert_draft(&db, "draft-taken".into(), Atomic::Yes, false).await,
                    n if n % 2 == 0 => {
                        insert_draft(&db, format!("draft-{n:02}"), Atomic::Yes, false).await
                    }
                    n => insert_draft(&db, format!("draft-{n:02}"), Atomic::No, n == 9).await,
                }
            })
        })
        .collect();
    let results = together(&app.db, writes).await;

    for (n, result) in results.iter().enumerate() {
        assert_eq!(result.is_err(), n == 6 || n == 9, "write {n}: {result:?}");
    }
    let mut expected: Vec<String> = (0..12)
        .filter(|n| *n != 6 && *n != 9)
        .map(|n| format!("draft-{n:02}"))
        .collect();
    expected.push("draft-taken".into());
    assert_eq!(draft_tokens(&app.db).await, expected);
    one_commit_since(&app.db, before, 12);
}

#[tokio::test]
async fn submissions_committed_together_each_get_their_own_reference_and_a_repeated_key_its_first()
{
    let app = TestApp::spawn().await;
    let rules = rules(&app).await;
    // Eight women, and one of them tapping Submit four more times (the same key).
    let submissions = (0..12).map(|n| {
        let cin = format!("BK2000{:02}", n.min(8));
        let (db, rules) = (app.db.clone(), rules.clone());
        tokio::spawn(async move {
            let raw = answers(&cin);
            let application = read_application(&raw, &rules).unwrap();
            store_application(
                &db,
                &NewApplication {
                    application: &application,
                    answers: &raw,
                    idempotency_key: &cin,
                    lang: Lang::Ar,
                    consented_at: clock::now(),
                    submitted_at: clock::now(),
                    draft_token: None,
                    entered_by: None,
                    client_key: None,
                },
            )
            .await
            .map(|stored| (cin, stored.0))
        })
    });
    let stored: Vec<(String, String)> = together(&app.db, submissions.collect())
        .await
        .into_iter()
        .map(|result| result.expect("stored"))
        .collect();

    let repeated: Vec<&String> = stored
        .iter()
        .filter(|(cin, _)| cin == "BK200008")
        .map(|(_, reference)| reference)
        .collect();
    assert_eq!(repeated.len(), 4);
    assert!(repeated.iter().all(|r| *r == repeated[0]), "{repeated:?}");
    let mut references: Vec<&String> = stored.iter().map(|(_, r)| r).collect();
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 9, "nine applications, nine references");
    let rows: i64 = sqlx::query("select count(*) from applications")
        .fetch_one(app.db.pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(rows, 9);
    let region = region_places(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.code == "01")
        .unwrap();
    assert_eq!(region.applied, 9, "the region's counter counts each once");
}

#[tokio::test]
async fn a_write_that_panics_fails_its_caller_and_the_writer_goes_on() {
    let app = TestApp::spawn().await;
    if app.db.backend() != Backend::Sqlite {
        // On PostgreSQL the write runs in its caller's task: its panic is the caller's.
        return;
    }
    let panicking: Result<(), AppError> = app
        .db
        .write(Atomic::No, |_conn| {
            Box::pin(async {
                if clock::now() > 0 {
                    panic!("a bug in a write");
                }
                Ok(())
            })
        })
        .await;
    assert!(panicking.is_err());
    insert_draft(&app.db, "after".into(), Atomic::No, false)
        .await
        .expect("the next write goes through");
    assert_eq!(draft_tokens(&app.db).await, ["after"]);
}
