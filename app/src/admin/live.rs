//! Live figures: every submission and decision tells the open dashboards, which fetch their
//! figures again. The server's `/admin/events` stream (server-sent events) carries the news;
//! browsers reconnect by themselves, across a server restart too.
//!
//! The figures are computed at most once per change for each region (and the whole country):
//! when a change makes every open dashboard ask at once, one computes and the others wait for
//! its result. They are also recomputed when older than [`MAX_AGE`], for changes made outside
//! this server (another instance, `server seed`).

use super::api::Dashboard;
use crate::{db::Db, error::AppError};
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

/// The longest a dashboard's figures are served without being computed again.
pub const MAX_AGE: Duration = Duration::from_secs(5);

struct Cached {
    generation: u64,
    at: Instant,
    figures: Dashboard,
}

type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

#[derive(Clone)]
pub struct Changes {
    sender: broadcast::Sender<u64>,
    generation: Arc<AtomicU64>,
    dashboards: Arc<Mutex<HashMap<Option<String>, Slot>>>,
}

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Changes")
            .field("generation", &self.generation())
            .finish()
    }
}

impl Default for Changes {
    fn default() -> Self {
        let (sender, _) = broadcast::channel(64);
        Changes {
            sender,
            generation: Arc::default(),
            dashboards: Arc::default(),
        }
    }
}

impl Changes {
    /// Something the dashboards show has changed.
    pub fn notify(&self) {
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        // No dashboard open: nobody to tell.
        let _ = self.sender.send(generation);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<u64> {
        self.sender.subscribe()
    }

    /// Counts the changes so far; figures computed at one generation stay right until the next.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// The dashboard of `region` (`None`: the whole country), computed again only after a
    /// change or when older than [`MAX_AGE`].
    pub async fn dashboard(&self, db: &Db, region: Option<&str>) -> Result<Dashboard, AppError> {
        let slot = {
            let mut slots = self.dashboards.lock().map_err(|_| AppError::Internal)?;
            slots.entry(region.map(str::to_owned)).or_default().clone()
        };
        // Read before waiting for the slot: figures computed meanwhile, by whoever held it,
        // already include every change made before this call.
        let generation = self.generation();
        let mut cached = slot.lock().await;
        if let Some(hit) = cached
            .as_ref()
            .filter(|c| c.generation >= generation && c.at.elapsed() < MAX_AGE)
        {
            return Ok(hit.figures.clone());
        }
        // Read again: a change during the computation makes the next call compute.
        let generation = self.generation();
        let figures = super::repo::dashboard(db, region).await?;
        *cached = Some(Cached {
            generation,
            at: Instant::now(),
            figures: figures.clone(),
        });
        Ok(figures)
    }
}
