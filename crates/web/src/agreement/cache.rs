//! The points of agreement each consultation's page shows, computed in the background: a page
//! asks for the groups of the record as it is now (its `agreement_mark`); if they are not
//! computed yet, one computation starts on a thread of its own and the page waits a moment for
//! it, then shows what it has (the last groups, marked with when they were computed), so neither
//! voting nor reading ever waits on a long computation.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use consulta_core::{Consultation, ConsultationId};
use consulta_report::agreement::{Agreement, agreement_of};
use consulta_store::Database;
use jiff::Timestamp;

/// What the record's points of agreement depend on (`AgreementStore::agreement_mark`).
pub(crate) type Mark = (i64, u64, u64);

/// One computation's result.
#[derive(Debug)]
pub(crate) struct Computed {
    pub mark: Mark,
    pub agreement: Agreement,
    pub at: Timestamp,
}

#[derive(Debug, Default)]
struct Entry {
    latest: Option<Arc<Computed>>,
    /// The mark a computation under way is computing.
    running: Option<Mark>,
}

#[derive(Debug, Default)]
pub(crate) struct AgreementCache {
    entries: Mutex<HashMap<ConsultationId, Entry>>,
    finished: Condvar,
}

/// How long a page waits for a computation it started before showing what there is.
pub(crate) const PAGE_WAIT: Duration = Duration::from_secs(3);

impl AgreementCache {
    /// The groups of `consultation` as of `mark`, or, if they take longer than `wait`, the last
    /// ones computed (None if there are none yet). Blocking: call it from a blocking thread.
    pub(crate) fn current(
        self: &Arc<Self>,
        database: &Database,
        consultation: &Consultation,
        mark: Mark,
        wait: Duration,
    ) -> Option<Arc<Computed>> {
        let Ok(mut entries) = self.entries.lock() else { return None };
        let entry = entries.entry(consultation.id).or_default();
        if entry.latest.as_ref().is_some_and(|c| c.mark == mark) {
            return entry.latest.clone();
        }
        if entry.running.is_none() && self.start(database.clone(), consultation.clone(), mark) {
            entry.running = Some(mark);
        }
        let deadline = Instant::now() + wait;
        loop {
            let entry = entries.entry(consultation.id).or_default();
            let fresh = entry.latest.as_ref().is_some_and(|c| c.mark == mark);
            let now = Instant::now();
            if fresh || now >= deadline || entry.running.is_none() {
                return entry.latest.clone();
            }
            match self.finished.wait_timeout(entries, deadline - now) {
                Ok((guard, _)) => entries = guard,
                Err(_) => return None,
            }
        }
    }

    /// Starts computing on a thread of its own (called with the entries locked: the thread
    /// takes the lock only once it is done); false if no thread could be made.
    fn start(self: &Arc<Self>, database: Database, consultation: Consultation, mark: Mark) -> bool {
        let cache = Arc::clone(self);
        let spawned = std::thread::Builder::new().name("agreement".into()).spawn(move || {
            let computed = database
                .connect()
                .and_then(|store| agreement_of(&*store, &consultation))
                .map(|agreement| Arc::new(Computed { mark, agreement, at: Timestamp::now() }));
            if let Err(error) = &computed {
                tracing::error!(%error, consultation = %consultation.record.slug, "points of agreement not computed");
            }
            if let Ok(mut entries) = cache.entries.lock() {
                let entry = entries.entry(consultation.id).or_default();
                entry.running = None;
                if let Ok(computed) = computed {
                    entry.latest = Some(computed);
                }
            }
            cache.finished.notify_all();
        });
        if let Err(error) = &spawned {
            tracing::error!(%error, "no thread for the points of agreement");
        }
        spawned.is_ok()
    }
}
