//! What changes the figures: every submission and decision says so here. The console's
//! `/admin/events` stream (server-sent events) carries the news to the open dashboards, which
//! fetch their figures again; browsers reconnect by themselves, across a restart too.
//!
//! Figures derived from the data are computed at most once per change for each key (a
//! region, the whole country): when a change makes every open dashboard ask at once, one
//! computes and the others wait for its result. They are also computed again when older than
//! [`MAX_AGE`], for changes made outside this server (another instance, `server seed`).

use crate::error::AppError;
use std::{
    any::Any,
    collections::HashMap,
    future::Future,
    hash::BuildHasher,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

/// The longest figures are served without being computed again.
pub const MAX_AGE: Duration = Duration::from_secs(5);

/// The longest a list's count is kept for the pages that follow its first, when nothing has
/// changed meanwhile (a change made on another server is seen within it); the first page
/// counts afresh.
pub const COUNT_AGE: Duration = Duration::from_secs(60);

/// The most counts kept.
const MOST_COUNTS: usize = 1_000;

struct Cached {
    generation: u64,
    at: Instant,
    value: Box<dyn Any + Send + Sync>,
}

type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

/// A list's count: at which generation and when counted, how many, and whether more.
struct KeptCount {
    generation: u64,
    at: Instant,
    total: i64,
    more: bool,
}

/// Lists' counts by their scope and filters, hashed with this server's own random keys (one
/// staff member's filters cannot be chosen to land on another's).
type Counts = HashMap<u64, KeptCount>;

#[derive(Clone)]
pub struct Changes {
    sender: broadcast::Sender<u64>,
    generation: Arc<AtomicU64>,
    cache: Arc<Mutex<HashMap<String, Slot>>>,
    counts: Arc<Mutex<Counts>>,
    counts_state: std::collections::hash_map::RandomState,
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
            cache: Arc::default(),
            counts: Arc::default(),
            counts_state: std::collections::hash_map::RandomState::new(),
        }
    }
}

impl Changes {
    /// Something the figures show has changed.
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

    /// The value kept under `key`, computed again by `compute` only after a change or when
    /// older than [`MAX_AGE`].
    pub async fn cached<T, F, Fut>(&self, key: &str, compute: F) -> Result<T, AppError>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        let slot = {
            let mut slots = self.cache.lock().map_err(|_| AppError::Internal)?;
            slots.entry(key.to_owned()).or_default().clone()
        };
        // Read before waiting for the slot: figures computed meanwhile, by whoever held it,
        // already include every change made before this call.
        let generation = self.generation();
        let mut cached = slot.lock().await;
        if let Some(hit) = cached
            .as_ref()
            .filter(|c| c.generation >= generation && c.at.elapsed() < MAX_AGE)
            .and_then(|c| c.value.downcast_ref::<T>())
        {
            return Ok(hit.clone());
        }
        // Read again: a change during the computation makes the next call compute.
        let generation = self.generation();
        let value = compute().await?;
        *cached = Some(Cached {
            generation,
            at: Instant::now(),
            value: Box::new(value.clone()),
        });
        Ok(value)
    }
}

impl Changes {
    /// A list's count kept under `key` (its scope and filters) for less than `COUNT_AGE` and
    /// since the last change: how many, and whether more.
    pub fn count_kept(&self, key: &str) -> Option<(i64, bool)> {
        let generation = self.generation();
        let hash = self.counts_state.hash_one(key);
        let counts = self.counts.lock().ok()?;
        counts
            .get(&hash)
            .filter(|kept| kept.generation >= generation && kept.at.elapsed() < COUNT_AGE)
            .map(|kept| (kept.total, kept.more))
    }

    /// Keeps a list's count, counted at `generation` (read before counting), for the pages
    /// that follow. Past `MOST_COUNTS`, the stale go, then the oldest.
    pub fn keep_count(&self, key: &str, generation: u64, total: i64, more: bool) {
        let hash = self.counts_state.hash_one(key);
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        if counts.len() >= MOST_COUNTS {
            let now = self.generation();
            counts.retain(|_, kept| kept.generation >= now && kept.at.elapsed() < COUNT_AGE);
            while counts.len() >= MOST_COUNTS {
                let Some(oldest) = counts
                    .iter()
                    .min_by_key(|(_, kept)| kept.at)
                    .map(|(k, _)| *k)
                else {
                    break;
                };
                counts.remove(&oldest);
            }
        }
        counts.insert(
            hash,
            KeptCount {
                generation,
                at: Instant::now(),
                total,
                more,
            },
        );
    }
}
