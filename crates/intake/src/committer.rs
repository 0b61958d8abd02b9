//! Group commit. A server receives many submissions at once; writing each in its own
//! transaction makes each wait for its own sync to disk, and writers queue on SQLite's lock. The
//! committer is one thread that takes every prepared submission waiting, records them in one
//! transaction (one refused item undoes none of the others: `record_all`), commits once, signs
//! one tree head (journalled outside the database), and then answers each with its receipt.
//! Nothing is acknowledged before the commit is on disk. Senders wait asynchronously, so a burst
//! of submissions holds no thread of the server's while it waits.

use std::sync::Arc;
use std::thread;

use tokio::sync::{mpsc, oneshot};

use consulta_core::{CanonicalRecord, ContributionId};
use consulta_log::TreeHead;
use consulta_store::log_key::LogSigner;
use consulta_store::{Database, Inclusion, NewMail, RecordTransaction, Store, StoreError};
use jiff::Timestamp;

use crate::acknowledgement::acknowledgement_mail;
use crate::submission::{Prepared, Receipt, SubmissionError, receipts_from, record_claims_in, record_in};

/// Most submissions recorded in one transaction.
const MAX_BATCH: usize = 512;
/// Submissions that may wait for the committer: under what it writes in a second on a small
/// machine (2,000 to 5,000 a second on 2 cores, `consulta-bench-flash-crowd`). Past it a
/// submission is refused at once (`SubmissionError::Busy`, answered 503 with `Retry-After`)
/// rather than left waiting until its client times out.
pub const QUEUE: usize = 1024;
/// How long a batch waits for another writer to finish before it is refused.
const MAX_WAIT_FOR_WRITER: std::time::Duration = std::time::Duration::from_secs(300);

type Reply = Result<(Receipt, bool), SubmissionError>;
/// What recording one item gave: its contribution and whether it was a replay, or why not.
type Outcome = Result<(CanonicalRecord, bool), SubmissionError>;

struct Job {
    prepared: Prepared,
    reply: oneshot::Sender<Reply>,
}

/// The handle senders use; the thread stops when every handle is dropped.
#[derive(Debug, Clone)]
pub struct Committer {
    jobs: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job").finish_non_exhaustive()
    }
}

/// The committer's thread, to wait for at shutdown: it ends once every `Committer` handle is
/// dropped and what was queued is recorded, its acknowledgements queued with it.
#[derive(Debug)]
pub struct CommitterThread(thread::JoinHandle<()>);

impl CommitterThread {
    /// Waits up to `within` for the committer to record what is queued and stop; false if it
    /// has not (a handle is still held somewhere, or the database is slow).
    pub fn finish(self, within: std::time::Duration) -> bool {
        let until = std::time::Instant::now() + within;
        while !self.0.is_finished() {
            if std::time::Instant::now() >= until {
                return false;
            }
            thread::sleep(std::time::Duration::from_millis(20));
        }
        self.0.join().is_ok()
    }
}

impl Committer {
    /// Starts the committer thread for `database`, signing with `signer`.
    pub fn start(database: Database, signer: Arc<LogSigner>) -> std::io::Result<(Committer, CommitterThread)> {
        Committer::start_with_queue(database, signer, QUEUE)
    }

    /// `start` with `queue` submissions allowed to wait.
    pub fn start_with_queue(
        database: Database,
        signer: Arc<LogSigner>,
        queue: usize,
    ) -> std::io::Result<(Committer, CommitterThread)> {
        let (jobs, queue) = mpsc::channel(queue.max(1));
        let thread =
            thread::Builder::new().name("consulta-committer".into()).spawn(move || run(&database, &signer, queue))?;
        Ok((Committer { jobs }, CommitterThread(thread)))
    }

    /// Records a prepared submission and waits, without holding a thread, until it is on disk;
    /// returns its receipt. When the queue is full it is refused at once (`Busy`).
    pub async fn record(&self, prepared: Prepared) -> Reply {
        let (reply, answer) = oneshot::channel();
        let gone = || SubmissionError::Store(StoreError::Batch("the committer has stopped".into()));
        self.jobs.try_send(Job { prepared, reply }).map_err(|error| match error {
            mpsc::error::TrySendError::Full(_) => SubmissionError::Busy,
            mpsc::error::TrySendError::Closed(_) => gone(),
        })?;
        answer.await.map_err(|_| gone())?
    }
}

fn run(database: &Database, signer: &LogSigner, mut queue: mpsc::Receiver<Job>) {
    // The acknowledgements a batch asked for ride with the next batch's transaction (one commit
    // for both); when no batch follows at once, they are queued on their own.
    let mut acknowledgements = Vec::new();
    loop {
        let first = match queue.try_recv() {
            Ok(job) => job,
            Err(waiting) => {
                queue_acknowledgements(database, &mut acknowledgements);
                match (waiting, queue.blocking_recv()) {
                    (mpsc::error::TryRecvError::Empty, Some(job)) => job,
                    _ => return,
                }
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let replies = record_batch(database, signer, &batch, &mut acknowledgements);
        for (job, reply) in batch.into_iter().zip(replies) {
            // A sender that went away no longer waits for its answer.
            let _ = job.reply.send(reply);
        }
    }
}

/// Records a batch in one transaction, with the acknowledgements earlier batches asked for
/// (`acknowledgements`, which it replaces with the ones this batch asks for once it is on disk);
/// one answer per job, in order.
fn record_batch(
    database: &Database,
    signer: &LogSigner,
    batch: &[Job],
    acknowledgements: &mut Vec<NewMail>,
) -> Vec<Reply> {
    let failed = |error: &StoreError| {
        batch.iter().map(|_| Err(SubmissionError::Store(StoreError::Batch(error.to_string())))).collect()
    };
    let mut store = match database.connect() {
        Ok(store) => store,
        Err(e) => return failed(&e),
    };
    // Another writer (a large import) may hold the database for a while: wait for it rather than
    // refuse what people are sending.
    let waiting_since = std::time::Instant::now();
    let Recorded { outcomes, head, inclusions } = loop {
        match record_all(&mut *store, batch, acknowledgements) {
            Ok(recorded) => break recorded,
            Err(e) if e.is_busy() && waiting_since.elapsed() < MAX_WAIT_FOR_WRITER => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => return failed(&e),
        }
    };
    // The record is on disk whatever happens to the journal: a journal that cannot be written is
    // an operator's alarm, not a reason to refuse what was recorded.
    let head = signer.sign_and_journal(head).unwrap_or_else(|error| {
        tracing::error!(%error, "the signed tree head could not be journalled");
        signer.sign(head)
    });
    let recorded: Vec<&CanonicalRecord> =
        outcomes.iter().filter_map(|outcome| Some(&outcome.as_ref().ok()?.0)).collect();
    let mut receipts = receipts_from(&recorded, inclusions, &head, &signer.public_key()).into_iter();
    let replies: Vec<Reply> = outcomes
        .into_iter()
        .map(|outcome| {
            let (record, replayed) = outcome?;
            let receipt = receipts
                .next()
                .flatten()
                .ok_or_else(|| StoreError::Corrupt(format!("contribution {} has no receipt", record.id)))?;
            Ok((receipt, replayed))
        })
        .collect();
    let now = Timestamp::now();
    *acknowledgements = batch
        .iter()
        .zip(&replies)
        .filter_map(|(job, reply)| match reply {
            Ok((receipt, false)) => acknowledgement_mail(&job.prepared, receipt, now),
            _ => None,
        })
        .collect();
    replies
}

/// Queues acknowledgements in a transaction of their own. A contribution is recorded whether
/// or not its email can be queued: a failure here is logged.
fn queue_acknowledgements(database: &Database, acknowledgements: &mut Vec<NewMail>) {
    if acknowledgements.is_empty() {
        return;
    }
    let queued = database.connect().and_then(|mut store| {
        let mut transaction = store.begin()?;
        transaction.queue_mails(acknowledgements)?;
        transaction.commit()
    });
    if let Err(error) = queued {
        tracing::error!(%error, count = acknowledgements.len(), "acknowledgements could not be queued");
    }
    acknowledgements.clear();
}

/// What a batch's transaction gave: each item's outcome, the log's head as the transaction left
/// it, and the recorded items' inclusions in that head (read before the commit, in the same
/// transaction: no round trips after it).
struct Recorded {
    outcomes: Vec<Outcome>,
    head: TreeHead,
    inclusions: Vec<Option<Inclusion>>,
}

/// Records a batch in one transaction. It is first written together: each item without a
/// savepoint of its own, and the unverified submissions with no key to look up
/// (`record_claims_in`) a statement for all rather than one each, as each statement is a round
/// trip to a database server. An item refused before it writes anything (a conflict, a replayed
/// key) leaves the transaction as it was. Only if the database fails a write is the batch
/// written again, each item within a savepoint, so that the one failure undoes nothing else.
fn record_all(store: &mut dyn Store, batch: &[Job], acknowledgements: &[NewMail]) -> Result<Recorded, StoreError> {
    match record_together(store, batch, acknowledgements)? {
        Some(recorded) => Ok(recorded),
        None => record_each_within_a_savepoint(store, batch, acknowledgements),
    }
}

/// Queues the acknowledgements carried, reads the head and the inclusions, and commits.
fn finish(
    mut transaction: Box<dyn RecordTransaction + '_>,
    outcomes: Vec<Outcome>,
    acknowledgements: &[NewMail],
) -> Result<Recorded, StoreError> {
    transaction.queue_mails(acknowledgements)?;
    let recorded: Vec<ContributionId> =
        outcomes.iter().filter_map(|outcome| Some(ContributionId(outcome.as_ref().ok()?.0.id))).collect();
    let (head, inclusions) = transaction.head_with_inclusions(Timestamp::now(), &recorded)?;
    transaction.commit()?;
    Ok(Recorded { outcomes, head, inclusions })
}

/// The batch's outcomes, or None when a write failed (then nothing was committed).
fn record_together(
    store: &mut dyn Store,
    batch: &[Job],
    acknowledgements: &[NewMail],
) -> Result<Option<Recorded>, StoreError> {
    let mut transaction = store.begin()?;
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(batch.len());
    for job in batch {
        if job.prepared.is_plain_claim() {
            outcomes.push(None);
            continue;
        }
        match record_in(&mut *transaction, &job.prepared) {
            Err(SubmissionError::Store(_)) => return Ok(None),
            outcome => outcomes.push(Some(outcome)),
        }
    }
    let claims: Vec<&Prepared> =
        batch.iter().map(|job| &job.prepared).filter(|prepared| prepared.is_plain_claim()).collect();
    let Ok(records) = record_claims_in(&mut *transaction, &claims) else { return Ok(None) };
    let mut records = records.into_iter();
    let outcomes = outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Some(outcome) => Ok(outcome),
            None => records
                .next()
                .map(|record| Ok((record, false)))
                .ok_or_else(|| StoreError::Batch("fewer records than unverified submissions".to_owned())),
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    finish(transaction, outcomes, acknowledgements).map(Some)
}

fn record_each_within_a_savepoint(
    store: &mut dyn Store,
    batch: &[Job],
    acknowledgements: &[NewMail],
) -> Result<Recorded, StoreError> {
    let mut transaction = store.begin()?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for job in batch {
        transaction.savepoint()?;
        let outcome = record_in(&mut *transaction, &job.prepared);
        if outcome.is_ok() {
            transaction.release_savepoint()?;
        } else {
            transaction.rollback_to_savepoint()?;
        }
        outcomes.push(outcome);
    }
    finish(transaction, outcomes, acknowledgements)
}

#[cfg(test)]
mod tests {
    use consulta_blobs::LocalBlobs;
    use consulta_core::Consultation;

    use super::*;
    use crate::submission::{Limits, Submission, prepare};

    /// A database with one open consultation, and a blob store.
    struct Fixture {
        dir: tempfile::TempDir,
        database: Database,
        blobs: LocalBlobs,
        consultation: Consultation,
        signer: LogSigner,
    }

    fn fixture() -> Fixture {
        let consulta_testkit::TempRecord { dir, database, blobs, consultation, signer } =
            consulta_testkit::TempRecord::with(consulta_testkit::open_consultation("open"));
        Fixture { dir, database, blobs, consultation, signer }
    }

    impl Fixture {
        fn prepared(&self, entity: &str, group: &str, key: Option<&str>) -> Prepared {
            let submission = Submission {
                entity: entity.into(),
                stakeholder_group: group.into(),
                email: "contact@example.org".into(),
                language: "en".into(),
                title: "T".into(),
                body: "B".into(),
                ..Default::default()
            };
            let store = self.database.connect().expect("store");
            // Verified senders, whose entity's recorded group binds them (an unverified sender's
            // claim never conflicts with anything).
            let sender = crate::submission::Sender { idempotency_key: key, verified: true, ..Default::default() };
            prepare(&*store, &self.blobs, &self.consultation, &submission, sender, Limits::default(), Timestamp::now())
                .expect("prepared")
        }

        fn job(&self, entity: &str, group: &str, key: Option<&str>) -> Job {
            let (reply, _answer) = oneshot::channel();
            Job { prepared: self.prepared(entity, group, key), reply }
        }
    }

    #[test]
    fn a_refused_item_does_not_undo_the_rest_of_its_batch() {
        let f = fixture();
        let batch = vec![
            f.job("Example A", "academic", None),
            f.job("Example A", "technical", None), // The same entity in another group: refused.
            f.job("Example B", "academic", Some("key-1")),
            f.job("Example B", "academic", Some("key-1")), // A retry in the same batch.
        ];
        let replies = record_batch(&f.database, &f.signer, &batch, &mut Vec::new());
        assert!(replies[0].is_ok());
        assert!(matches!(replies[1], Err(SubmissionError::Invalid(_))));
        let (third, replayed_third) = replies[2].as_ref().map(|(r, replayed)| (r.id, *replayed)).expect("recorded");
        let (fourth, replayed_fourth) = replies[3].as_ref().map(|(r, replayed)| (r.id, *replayed)).expect("replayed");
        assert_eq!((third, replayed_third, replayed_fourth), (fourth, false, true));
        assert_eq!(f.database.connect().expect("store").log_size().expect("size"), 2, "two contributions, two leaves");
        let receipt = replies[0].as_ref().map(|(r, _)| r.clone()).expect("receipt");
        assert_eq!(receipt.log.tree_size, 2, "one tree head signed for the whole batch");
    }

    /// With the writer held up (another writer holds the database) and its queue full, a
    /// submission is refused at once as busy, nothing recorded; those already waiting are
    /// recorded once the writer is free.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_queue_refuses_at_once_and_loses_nothing_already_taken() {
        let f = fixture();
        let (first, second, third) = (
            f.prepared("Example A", "academic", None),
            f.prepared("Example B", "academic", None),
            f.prepared("Example C", "academic", None),
        );
        let mut holder = f.database.connect().expect("store");
        let mut held = holder.begin().expect("a transaction");
        held.insert_entity(&consulta_core::NewEntity {
            name: "Example Holder".parse().expect("name"),
            group: "academic".parse().expect("group"),
            country: None,
            is_example: false,
            claimed: false,
        })
        .expect("the database is held");
        let (committer, thread) =
            Committer::start_with_queue(f.database.clone(), Arc::new(f.signer), 1).expect("started");
        let taken = tokio::spawn({
            let committer = committer.clone();
            async move { committer.record(first).await }
        });
        // The writer takes the first and waits for the database; the second waits in the queue.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let waiting = tokio::spawn({
            let committer = committer.clone();
            async move { committer.record(second).await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let started = std::time::Instant::now();
        assert!(matches!(committer.record(third).await, Err(SubmissionError::Busy)));
        assert!(started.elapsed() < std::time::Duration::from_millis(100), "refused at once, not after a wait");
        drop(held);
        drop(holder);
        assert!(taken.await.expect("joined").is_ok() && waiting.await.expect("joined").is_ok());
        drop(committer);
        assert!(thread.finish(std::time::Duration::from_secs(10)));
        assert_eq!(f.database.connect().expect("store").log_size().expect("size"), 2, "the two taken, not the refused");
    }

    /// An item the database refuses as it is written (here, amending a contribution that does
    /// not exist) fails alone: the batch is written again, each item within a savepoint.
    #[test]
    fn an_item_the_database_refuses_fails_alone() {
        let f = fixture();
        let mut refused = f.job("Example B", "academic", None);
        refused.prepared.amends = Some(ContributionId(999_999));
        let batch = vec![f.job("Example A", "academic", None), refused, f.job("Example C", "academic", None)];
        let replies = record_batch(&f.database, &f.signer, &batch, &mut Vec::new());
        assert!(matches!(replies[1], Err(SubmissionError::Store(_))), "{:?}", replies[1]);
        let leaves: Vec<u64> = [&replies[0], &replies[2]]
            .iter()
            .map(|reply| reply.as_ref().map(|(receipt, _)| receipt.log.leaf_index).expect("recorded"))
            .collect();
        assert_eq!(leaves, [0, 1]);
        let store = f.database.connect().expect("store");
        assert_eq!(store.log_size().expect("size"), 2);
        let all = consulta_store::PageRequest { offset: 0, limit: 10 };
        let recorded = store.contributions(&consulta_store::ContributionFilter::default(), all).expect("listing");
        assert_eq!(recorded.total, 2, "nothing of the refused item stays");
    }

    /// The leaf is built from what is written, not read back: it must commit to exactly the
    /// record the store publishes, whoever sends and whatever is sent.
    #[test]
    fn every_leaf_commits_to_the_record_the_store_reads_back() {
        let f = fixture();
        let first = record_batch(&f.database, &f.signer, &[f.job("Example A", "academic", None)], &mut Vec::new());
        let first = first[0].as_ref().map(|(receipt, _)| ContributionId(receipt.id)).expect("recorded");
        let store = f.database.connect().expect("store");
        let with_file = Submission {
            entity: "Exemple Ç".into(),
            stakeholder_group: "civil_society".into(),
            country: "FR".into(),
            email: "contact@example.org".into(),
            language: "fr".into(),
            title: "Titre « accentué »".into(),
            body: "Un texte\navec deux lignes.".into(),
            files: vec![crate::submission::UploadedFile {
                name: "note.txt".into(),
                media_type: "text/plain".into(),
                bytes: b"a note".to_vec(),
            }],
        };
        let unverified = crate::submission::Sender { sender_key: Some("key-of-an-address"), ..Default::default() };
        let amending = Submission {
            entity: "Example A".into(),
            stakeholder_group: "academic".into(),
            email: "contact@example.org".into(),
            language: "en".into(),
            title: "Amended".into(),
            body: "Second thoughts.".into(),
            ..Default::default()
        };
        let verified_amending = crate::submission::Sender { verified: true, amends: Some(first), ..Default::default() };
        let now = Timestamp::now();
        let prepare_one = |submission: &Submission, sender| {
            prepare(&*store, &f.blobs, &f.consultation, submission, sender, Limits::default(), now).expect("prepared")
        };
        let batch: Vec<Job> = [
            prepare_one(&with_file, unverified),
            prepare_one(&amending, verified_amending),
            f.prepared("Example A", "academic", Some("key-2")),
        ]
        .into_iter()
        .map(|prepared| Job { prepared, reply: oneshot::channel().0 })
        .collect();
        let replies = record_batch(&f.database, &f.signer, &batch, &mut Vec::new());
        let mut ids = vec![first];
        ids.extend(
            replies
                .iter()
                .map(|reply| reply.as_ref().map(|(receipt, _)| ContributionId(receipt.id)).expect("recorded")),
        );
        let leaves = store.recorded_hashes(&ids).expect("leaves");
        for (id, leaf) in ids.iter().zip(leaves) {
            let record = store.canonical_record(*id).expect("read").expect("a record");
            assert_eq!(leaf, Some(consulta_log::sha256(&record.to_bytes())), "contribution {}: {record:?}", id.0);
        }
    }

    #[test]
    fn a_batch_waits_while_another_writer_holds_the_database() {
        let f = fixture();
        let prepared = f.prepared("Example", "academic", None);
        // Another process's long write: hold the lock past the busy timeout (5 s).
        let holder = rusqlite::Connection::open(f.dir.path().join("consulta.db")).expect("second connection");
        holder.execute_batch("BEGIN IMMEDIATE").expect("write lock");
        let release = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(5_600));
            holder.execute_batch("COMMIT").expect("release");
        });
        let (committer, _thread) = Committer::start(f.database.clone(), Arc::new(f.signer)).expect("committer");
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let (receipt, _) =
            runtime.block_on(committer.record(prepared)).expect("recorded once the other writer is done");
        assert_eq!(receipt.log.leaf_index, 0);
        release.join().expect("the holder thread");
    }
}
