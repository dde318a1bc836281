//! Staff sessions, kept in the database so they survive a restart and work the same on
//! SQLite and PostgreSQL: a store for tower-sessions over Jisr's one data layer.

use crate::db::Db;
use sqlx::Row;
use time::OffsetDateTime;
use tower_sessions::{
    session::{Id, Record},
    session_store::{Error, Result},
    SessionStore,
};

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> DbSessionStore {
        DbSessionStore { db }
    }

    /// Deletes the sessions that have expired.
    pub async fn purge_expired(&self) -> std::result::Result<u64, sqlx::Error> {
        let _turn = self.db.writing().await;
        let done = sqlx::query("delete from staff_sessions where expires_at <= $1")
            .bind(crate::clock::now())
            .execute(self.db.pool())
            .await?;
        Ok(done.rows_affected())
    }
}

/// What a session is stored under: a hash of its id, so the table cannot be used to take
/// sessions over.
fn key(id: &Id) -> String {
    super::auth::sha256_hex(&id.to_string())
}

fn backend(error: sqlx::Error) -> Error {
    Error::Backend(error.to_string())
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    /// Stores a new session under an id no other session has.
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        let _turn = self.db.writing().await;
        loop {
            let inserted = sqlx::query(
                "insert into staff_sessions (id, data, expires_at) values ($1, $2, $3) \
                 on conflict (id) do nothing",
            )
            .bind(key(&record.id))
            .bind(&data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        let _turn = self.db.writing().await;
        sqlx::query(
            "insert into staff_sessions (id, data, expires_at) values ($1, $2, $3) \
             on conflict (id) do update set data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(key(&record.id))
        .bind(data)
        .bind(record.expiry_date.unix_timestamp())
        .execute(self.db.pool())
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let row = sqlx::query(
            "select data, expires_at from staff_sessions where id = $1 and expires_at > $2",
        )
        .bind(key(id))
        .bind(crate::clock::now())
        .fetch_optional(self.db.pool())
        .await
        .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: String = row.try_get("data").map_err(backend)?;
        let expires_at: i64 = row.try_get("expires_at").map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?,
            expiry_date: OffsetDateTime::from_unix_timestamp(expires_at)
                .map_err(|e| Error::Decode(e.to_string()))?,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        let _turn = self.db.writing().await;
        sqlx::query("delete from staff_sessions where id = $1")
            .bind(key(id))
            .execute(self.db.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }
}
