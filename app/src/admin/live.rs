//! Live figures: every submission and decision tells the open dashboards, which fetch their
//! figures again. The server's `/admin/events` stream (server-sent events) carries the news;
//! browsers reconnect by themselves, across a server restart too.

use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};
use tokio::sync::broadcast;

#[derive(Clone, Debug)]
pub struct Changes {
    sender: broadcast::Sender<u64>,
    generation: Arc<AtomicU64>,
}

impl Default for Changes {
    fn default() -> Self {
        let (sender, _) = broadcast::channel(64);
        Changes {
            sender,
            generation: Arc::default(),
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
}
