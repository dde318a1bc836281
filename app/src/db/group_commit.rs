//! Group commit on SQLite: the writes waiting at a moment run in one transaction, each in a
//! savepoint of its own (unless it is [`Atomic`] by itself), and are committed together. Each
//! caller gets its own result; a write that fails is rolled back to its savepoint without
//! failing the others.
//!
//! SQLite has one writer at a time. Without this, every write took the writer's turn, a
//! pooled connection and a commit of its own; under load, that hand-off and the commits are
//! most of a write's cost. One task does the writing here: it takes what is waiting (at most
//! [`MAX_BATCH`]), waits for the writer's turn (which other writers still take one by one
//! through [`super::Db::writing`]), and runs the batch.

use sqlx::{AnyConnection, AnyPool, Connection};
use std::{
    future::Future,
    pin::Pin,
    sync::{
        atomic::{AtomicU64, AtomicUsize, Ordering},
        Arc,
    },
};
use tokio::sync::{mpsc, oneshot, Mutex};

/// A future borrowing the connection it writes on.
pub type WriteFuture<'c, T> = Pin<Box<dyn Future<Output = T> + Send + 'c>>;

/// The most writes one transaction takes: the last caller of a batch waits for all of them.
pub const MAX_BATCH: usize = 64;

/// Writes waiting for the writer task at most; callers beyond wait to queue.
const QUEUE: usize = 1024;

/// A queued write: runs on the batch's connection and says whether it failed, with how to
/// answer its caller once the batch's fate is known.
struct Job {
    run: Run,
    /// An atomic write runs without a savepoint of its own.
    atomic: Atomic,
}

type Run = Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> WriteFuture<'c, Done> + Send>;

/// Whether a write leaves nothing behind when it fails, by itself: one statement (SQLite
/// undoes a failing statement), or statements none of which writes before the last. Such a
/// write needs no savepoint in a batch: two statements fewer on the writer's connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Atomic {
    Yes,
    No,
}

/// Answers a caller once its batch's fate is known: given the commit's error, if any.
type Answer = Box<dyn FnOnce(Option<&sqlx::Error>) + Send>;

struct Done {
    failed: bool,
    /// Called with the commit's error, if the batch could not be committed.
    answer: Answer,
}

/// How many transactions the writer committed and how many writes they held.
#[derive(Debug, Default)]
pub struct Stats {
    batches: AtomicU64,
    writes: AtomicU64,
}

impl Stats {
    /// (transactions, writes) since the database was opened.
    pub fn get(&self) -> (u64, u64) {
        (
            self.batches.load(Ordering::Relaxed),
            self.writes.load(Ordering::Relaxed),
        )
    }
}

/// The queue to the writer task.
#[derive(Debug)]
pub struct Writer {
    queue: mpsc::Sender<Job>,
    stats: Arc<Stats>,
    /// Writes asked for and not answered yet.
    waiting: Arc<AtomicUsize>,
}

/// Counts a write as waiting until it is answered, or its caller goes.
struct Waiting(Arc<AtomicUsize>);

impl Waiting {
    fn new(count: &Arc<AtomicUsize>) -> Waiting {
        count.fetch_add(1, Ordering::Relaxed);
        Waiting(count.clone())
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Writer {
    /// Starts the writer task on the current Tokio runtime. It stops when the last `Writer`
    /// is dropped.
    pub fn start(pool: AnyPool, turn: Arc<Mutex<()>>) -> Writer {
        let (queue, jobs) = mpsc::channel(QUEUE);
        let stats = Arc::new(Stats::default());
        tokio::spawn(run(pool, turn, jobs, stats.clone()));
        Writer {
            queue,
            stats,
            waiting: Default::default(),
        }
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Writes asked for and not answered yet.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    pub async fn write<T, E, F>(&self, atomic: Atomic, write: F) -> Result<T, E>
    where
        F: for<'c> FnOnce(&'c mut AnyConnection) -> WriteFuture<'c, Result<T, E>> + Send + 'static,
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
    {
        let _waiting = Waiting::new(&self.waiting);
        let (reply, answer) = oneshot::channel::<Result<T, E>>();
        let run: Run = Box::new(move |conn| {
            Box::pin(async move {
                let result = write(conn).await;
                Done {
                    failed: result.is_err(),
                    answer: Box::new(move |commit_error| {
                        let result = match (result, commit_error) {
                            (Ok(_), Some(error)) => Err(E::from(sqlx::Error::Protocol(format!(
                                "the group commit failed: {error}"
                            )))),
                            (result, _) => result,
                        };
                        // The caller may have gone (her request was cancelled): the write
                        // stands all the same.
                        let _ = reply.send(result);
                    }),
                }
            })
        });
        let job = Job { run, atomic };
        self.queue
            .send(job)
            .await
            .map_err(|_| E::from(sqlx::Error::PoolClosed))?;
        // No answer: the batch never ran (the database could not be reached, or a write
        // panicked), and the error is in the log.
        answer
            .await
            .unwrap_or_else(|_| Err(E::from(sqlx::Error::WorkerCrashed)))
    }
}

async fn run(
    pool: AnyPool,
    turn: Arc<Mutex<()>>,
    mut jobs: mpsc::Receiver<Job>,
    stats: Arc<Stats>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let held = turn.clone().lock_owned().await;
        // More may have come while another writer had the turn.
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let size = batch.len() as u64;
        // A task of its own, so that a write that panics fails its batch, not the writer.
        let ran = tokio::spawn(commit(pool.clone(), std::mem::take(&mut batch))).await;
        drop(held);
        match ran {
            Ok(Ok(())) => {
                stats.batches.fetch_add(1, Ordering::Relaxed);
                stats.writes.fetch_add(size, Ordering::Relaxed);
            }
            Ok(Err(error)) => tracing::error!(%error, writes = size, "a group commit failed"),
            Err(error) => tracing::error!(%error, writes = size, "a group commit panicked"),
        }
    }
}

/// Runs one batch in one transaction and answers its callers.
async fn commit(pool: AnyPool, batch: Vec<Job>) -> Result<(), sqlx::Error> {
    let alone = batch.len() == 1;
    let mut answers = Vec::with_capacity(batch.len());
    let mut tx = pool.begin().await?;
    for job in batch {
        if alone {
            // Its own transaction is its savepoint.
            let done = (job.run)(&mut tx).await;
            if done.failed {
                tx.rollback().await?;
                (done.answer)(None);
                return Ok(());
            }
            answers.push(done.answer);
            continue;
        }
        if job.atomic == Atomic::Yes {
            // It failed leaving nothing written, or it succeeded.
            let done = (job.run)(&mut tx).await;
            answers.push(done.answer);
            continue;
        }
        let mut savepoint = tx.begin().await?;
        let done = (job.run)(&mut savepoint).await;
        if done.failed {
            savepoint.rollback().await?;
        } else {
            savepoint.commit().await?;
        }
        answers.push(done.answer);
    }
    match tx.commit().await {
        Ok(()) => {
            for answer in answers {
                answer(None);
            }
            Ok(())
        }
        Err(error) => {
            for answer in answers {
                answer(Some(&error));
            }
            Err(error)
        }
    }
}
