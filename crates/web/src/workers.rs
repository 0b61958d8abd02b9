//! The background work of one server: extracting attachments' text and sending email (every
//! server claims items of the shared queues, so several servers work side by side), sweeping
//! unreferenced files and assigning new contributions to campaigns (each under a lease: one
//! server of several runs it), and keeping this server's search index caught up with the change
//! feed. Stopped with the server, which then gives up
//! its claims and its lease so another server takes over at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use consulta_index::SearchIndex;
use consulta_store::Database;

use crate::WebConfig;

/// How long a job's lease lasts; its holder renews it once half of it has gone.
const LEASE: Duration = Duration::from_secs(60);
/// How often a server that does not hold a job's lease looks whether it has expired.
const LEASE_RETRY: Duration = Duration::from_secs(2);
/// The pause after a round with nothing to do.
const EXTRACTION_IDLE: Duration = Duration::from_millis(300);
const MAIL_IDLE: Duration = Duration::from_millis(500);
/// The pause after a failed round.
const AFTER_ERROR: Duration = Duration::from_secs(5);
/// How much memory the index writer may fill before it writes a segment.
const INDEX_WRITER_BYTES: usize = 64 << 20;
/// The job run under a lease: by one server at a time.
const SWEEP: &str = "sweep";
/// The pause between two sweeps of unreferenced files (and of rate-limit events aged out).
const SWEEP_IDLE: Duration = Duration::from_secs(15 * 60);
/// The job that follows the change feed into campaigns, one server at a time: campaigns are
/// shared by all.
const CAMPAIGNS: &str = "campaigns";
const CAMPAIGNS_IDLE: Duration = Duration::from_secs(1);
/// Changes of the feed a round of the campaigns' job follows at most.
const CAMPAIGN_CHANGES: usize = 500;

/// What the workers know of their own health, for `/healthz`.
#[derive(Debug, Default)]
pub struct Health {
    indexing_failed: AtomicBool,
}

impl Health {
    pub fn problems(&self) -> Vec<&'static str> {
        let mut problems = Vec::new();
        if self.indexing_failed.load(Ordering::Relaxed) {
            problems.push("search indexing failing");
        }
        problems
    }
}

/// The running workers of one server.
pub struct Workers {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
    holder: String,
    database: Database,
    health: Arc<Health>,
}

impl Workers {
    /// Starts every worker; fails at once if another process holds the search index.
    pub fn start(config: &WebConfig) -> std::io::Result<Workers> {
        let mut workers = Workers {
            stop: Arc::new(AtomicBool::new(false)),
            threads: Vec::new(),
            holder: format!("{}-{}", std::process::id(), jiff::Timestamp::now().as_nanosecond()),
            database: config.database.clone(),
            health: Arc::new(Health::default()),
        };
        workers.start_indexer(&config.index)?;
        let (blobs, extractor) = (config.blobs.clone(), config.extractor.clone());
        let holder = workers.holder.clone();
        workers.start_rounds("extraction", false, EXTRACTION_IDLE, move |store| {
            consulta_extract::run_pending(store, &holder, &*blobs, &extractor, 16)
        })?;
        let (mailer, holder) = (config.mailer.clone(), workers.holder.clone());
        workers.start_rounds("mail", false, MAIL_IDLE, move |store| mailer.send_due(store, &holder, 20))?;
        let blobs = config.blobs.clone();
        workers.start_rounds(SWEEP, true, SWEEP_IDLE, move |store| {
            let report = consulta_intake::sweep::sweep_unreferenced(
                store,
                &*blobs,
                std::time::SystemTime::now(),
                consulta_intake::sweep::GRACE,
            )?;
            if report != consulta_blobs::SweepReport::default() {
                tracing::info!(?report, "files no record names were swept");
            }
            // And the rate limits' events that no longer count.
            consulta_auth::throttle::prune(store, jiff::Timestamp::now())
                .map_err(consulta_intake::sweep::SweepError::Store)?;
            // One sweep a round: the next waits for the idle pause.
            Ok::<_, consulta_intake::sweep::SweepError>(0)
        })?;
        let mut follower = consulta_report::campaigns::CampaignFollower::new();
        workers.start_rounds(CAMPAIGNS, true, CAMPAIGNS_IDLE, move |store| follower.round(store, CAMPAIGN_CHANGES))?;
        Ok(workers)
    }

    pub fn health(&self) -> Arc<Health> {
        self.health.clone()
    }

    /// Stops every worker after its current round, then gives up this server's claims and lease.
    pub fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads {
            let _ = thread.join();
        }
        let released = self.database.connect().and_then(|mut store| {
            store.release_claims(&self.holder)?;
            store.release_lease(SWEEP, &self.holder)?;
            store.release_lease(CAMPAIGNS, &self.holder)
        });
        if let Err(error) = released {
            tracing::warn!(%error, "the background work's claims could not be released; they lapse on their own");
        }
    }

    /// Runs a background job in rounds, on a thread; when `leased`, only while this server
    /// holds the job's lease: of several servers on one database, one runs it, and another takes over if that
    /// one stops or dies. The work follows the store, so after a restart it takes up whatever
    /// was left pending.
    fn start_rounds<E: std::fmt::Display>(
        &mut self,
        job: &'static str,
        leased: bool,
        idle: Duration,
        mut round: impl FnMut(&mut dyn consulta_store::Store) -> Result<usize, E> + Send + 'static,
    ) -> std::io::Result<()> {
        let (holder, database, stop) = (self.holder.clone(), self.database.clone(), self.stop.clone());
        let thread = std::thread::Builder::new().name(format!("consulta-{job}")).spawn(move || {
            // Until when this server holds the lease, as far as it knows: renewed when half
            // gone, so that idle rounds do not write to the database.
            let mut held_until: Option<jiff::Timestamp> = None;
            while !stop.load(Ordering::Relaxed) {
                let outcome = database.connect().map_err(|e| e.to_string()).and_then(|mut store| {
                    let now = jiff::Timestamp::now();
                    if leased && held_until.is_none_or(|until| until - LEASE / 2 <= now) {
                        let until = now + LEASE;
                        let held = store.claim_lease(job, &holder, now, until).map_err(|e| e.to_string())?;
                        held_until = held.then_some(until);
                        if !held {
                            return Ok(None);
                        }
                    }
                    round(&mut *store).map(Some).map_err(|e| e.to_string())
                });
                match outcome {
                    Ok(Some(0)) => pause(&stop, idle),
                    Ok(Some(_)) => {}
                    Ok(None) => pause(&stop, LEASE_RETRY),
                    Err(error) => {
                        tracing::error!(job, %error, "a background job stopped for a while");
                        pause(&stop, AFTER_ERROR);
                    }
                }
            }
        })?;
        self.threads.push(thread);
        Ok(())
    }

    /// Keeps the search index caught up with the store's change feed, so new contributions are
    /// searchable within a second or two without intake ever waiting for the index.
    fn start_indexer(&mut self, index: &SearchIndex) -> std::io::Result<()> {
        let mut updater = index.writer(INDEX_WRITER_BYTES).map_err(std::io::Error::other)?;
        let (database, stop, health) = (self.database.clone(), self.stop.clone(), self.health.clone());
        let thread = std::thread::Builder::new().name("consulta-indexer".into()).spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let caught_up = database
                    .connect()
                    .map_err(consulta_index::IndexError::from)
                    .and_then(|store| updater.catch_up(&*store, &mut |_, _| {}));
                health.indexing_failed.store(caught_up.is_err(), Ordering::Relaxed);
                match caught_up {
                    Ok(0) => pause(&stop, Duration::from_millis(250)),
                    Ok(changes) => {
                        tracing::debug!(changes, "search index caught up");
                        // Under a burst, a pause makes fewer, larger commits: less work taken
                        // from intake, at the cost of a second's delay before new
                        // contributions show.
                        pause(&stop, Duration::from_millis(750));
                    }
                    Err(error) => {
                        tracing::error!(%error, "search indexing stopped for a while");
                        pause(&stop, AFTER_ERROR);
                    }
                }
            }
        })?;
        self.threads.push(thread);
        Ok(())
    }
}

/// Sleeps for `duration`, or less if the workers are asked to stop meanwhile.
fn pause(stop: &AtomicBool, duration: Duration) {
    let until = Instant::now() + duration;
    while !stop.load(Ordering::Relaxed) {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(100)));
    }
}
