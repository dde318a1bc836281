//! The one data layer for both databases. Queries go through sqlx's `Any` driver with `$1`
//! placeholders, which SQLite and PostgreSQL both read, so each repository function is written
//! once. What differs between the two (column types in the migrations) stays in
//! `migrations/sqlite` and `migrations/postgres`, which must define the same tables and columns.

use sqlx::{
    any::{install_default_drivers, AnyPoolOptions},
    migrate::Migrator,
    AnyPool,
};
use std::{str::FromStr, sync::Arc, time::Duration};

pub mod group_commit;
pub use group_commit::{Atomic, WriteFuture};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Which database a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    /// Each pooled connection would get a database of its own, most of them without tables.
    #[error(
        "an in-memory SQLite database cannot serve a pool; give a file, e.g. sqlite://data/jisr.db"
    )]
    InMemory,
    #[error("could not create the folder for the SQLite database: {0}")]
    CreateDir(#[source] std::io::Error),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// A connection pool to Jisr's database, SQLite or PostgreSQL.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite lets one connection write at a time; the others would sleep in its busy handler
    /// and retry. Writers queue here instead, in order, without sleeping.
    sqlite_writer: Arc<tokio::sync::Mutex<()>>,
    /// On SQLite, the task that commits the writes waiting at a moment together
    /// ([`Db::write`]).
    group_commit: Option<Arc<group_commit::Writer>>,
    /// The regions' codes and provinces, read once (see [`crate::reference::repo::places`]).
    pub(crate) places: std::sync::Arc<tokio::sync::OnceCell<crate::reference::repo::Places>>,
}

impl Db {
    /// Connects to `url`. A SQLite file (and its folder) is created when missing, and runs in
    /// WAL mode with foreign keys enforced.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        install_default_drivers();
        let backend = Backend::of_url(url)?;
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let mut options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5));
        if backend == Backend::Sqlite {
            // WAL lets readers go on while one connection writes.
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    use sqlx::Executor;
                    // One statement per call: through the `Any` driver a string of several
                    // runs only the first.
                    for pragma in [
                        "pragma journal_mode = wal",
                        "pragma synchronous = normal",
                        "pragma foreign_keys = on",
                        "pragma busy_timeout = 5000",
                        // Each connection's page cache: 512 KiB rather than SQLite's 2 MiB,
                        // 4 MiB for the pool in all. The pages come from the system's file
                        // cache when they are not there; a million applications' random lists
                        // were no slower (issue 12: at most 60 MB with 20 staff working).
                        "pragma cache_size = -512",
                    ] {
                        conn.execute(pragma).await?;
                    }
                    Ok(())
                })
            });
        }
        let pool = options.connect(&url).await?;
        let sqlite_writer = Arc::new(tokio::sync::Mutex::new(()));
        let group_commit = (backend == Backend::Sqlite).then(|| {
            Arc::new(group_commit::Writer::start(
                pool.clone(),
                sqlite_writer.clone(),
            ))
        });
        Ok(Db {
            pool,
            backend,
            sqlite_writer,
            group_commit,
            places: Default::default(),
        })
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Waits for this process's turn to write, on SQLite; at once on PostgreSQL, whose rows
    /// lock one by one. Hold the turn for the whole write (or transaction).
    pub async fn writing(&self) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        match self.backend {
            Backend::Sqlite => Some(self.sqlite_writer.clone().lock_owned().await),
            Backend::Postgres => None,
        }
    }

    /// Runs `write` in a transaction and commits it: on SQLite together with the other writes
    /// waiting at that moment, each in a savepoint so that one failing fails only itself
    /// ([`Atomic::Yes`]: a write that leaves nothing behind when it fails, by itself, as one
    /// statement does, runs without one), on PostgreSQL in a transaction of its own. An `Err`
    /// from `write` rolls back what it wrote. Takes the writer's turn on SQLite: never call it
    /// while holding [`Db::writing`].
    pub async fn write<T, E, F>(&self, atomic: Atomic, write: F) -> Result<T, E>
    where
        F: for<'c> FnOnce(&'c mut sqlx::AnyConnection) -> WriteFuture<'c, Result<T, E>>
            + Send
            + 'static,
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
    {
        if let Some(writer) = &self.group_commit {
            return writer.write(atomic, write).await;
        }
        let mut tx = self.pool.begin().await?;
        match write(&mut tx).await {
            Ok(value) => {
                tx.commit().await?;
                Ok(value)
            }
            Err(error) => {
                tx.rollback().await?;
                Err(error)
            }
        }
    }

    /// On SQLite, how many transactions the group commit made and how many writes they held.
    pub fn group_commits(&self) -> Option<(u64, u64)> {
        self.group_commit.as_ref().map(|w| w.stats().get())
    }

    /// On SQLite, how many writes were asked of the group commit and are not answered yet.
    pub fn writes_waiting(&self) -> usize {
        self.group_commit.as_ref().map_or(0, |w| w.waiting())
    }

    /// Answers whether the database can be reached and queried.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("select 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Whether `code` is one of the twelve regions' codes.
pub async fn region_exists(db: &Db, code: &str) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("select 1 from regions where code = $1")
        .bind(code)
        .fetch_optional(db.pool())
        .await?
        .is_some())
}

/// Reads a boolean column. sqlx's `Any` driver cannot decode SQLite's booleans (stored as
/// integers), so queries select them as `case when c then 1 else 0 end`; this reads either.
pub fn flag(row: &sqlx::any::AnyRow, column: &str) -> Result<bool, sqlx::Error> {
    use sqlx::Row;
    row.try_get::<bool, _>(column)
        .or_else(|_| row.try_get::<i64, _>(column).map(|n| n != 0))
}

/// Adds the options every SQLite connection needs, and creates the file's folder.
fn sqlite_url(url: &str) -> Result<String, DbError> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return Err(DbError::InMemory);
    }
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?;
    let path = options.get_filename();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(DbError::CreateDir)?;
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    let mut url = url.to_owned();
    if !url.contains("mode=") {
        url.push(separator);
        url.push_str("mode=rwc");
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backend_is_chosen_by_the_url_scheme() {
        assert_eq!(
            Backend::of_url("sqlite://data/jisr.db").unwrap(),
            Backend::Sqlite
        );
        assert_eq!(Backend::of_url("sqlite::memory:").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::of_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::of_url("mysql://u@h/db").is_err());
    }

    #[test]
    fn an_in_memory_sqlite_database_is_refused() {
        assert!(matches!(
            sqlite_url("sqlite::memory:"),
            Err(DbError::InMemory)
        ));
        assert!(matches!(
            sqlite_url("sqlite://x.db?mode=memory"),
            Err(DbError::InMemory)
        ));
    }
}
