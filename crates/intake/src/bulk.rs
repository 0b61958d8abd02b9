//! The bulk channel's intake: many contributions in one request, as NDJSON (one JSON object a
//! line: `entity`, `stakeholder_group`, `country`, `email`, `language`, `title`, `body`), sent by
//! an organisation with an API key. Each line stands on its own: a bad line is reported with its
//! number and why, and the others are recorded — one refused comment in 75,000 must not send the
//! rest back. The lines accepted are written in one transaction, each a leaf of the public log,
//! and one tree head is signed for the whole batch; each contribution's receipt is then
//! retrievable by its number. Reading is bounded: the body's size, the number of lines, each
//! line's length.

use consulta_blobs::BlobStore;
use consulta_core::{Consultation, ContributionId};
use consulta_log::SignedTreeHead;
use consulta_store::log_key::LogSigner;
use consulta_store::{Store, StoreError};
use jiff::Timestamp;
use serde::Deserialize;

use crate::submission::{Limits, Prepared, Sender, Submission, SubmissionError, prepare_among, record_claims_in};

/// The largest body read, the most lines, and the longest line.
pub const MAX_BULK_BYTES: usize = 128 * 1024 * 1024;
pub const MAX_BULK_LINES: usize = 100_000;
pub const MAX_LINE_BYTES: usize = 256 * 1024;
/// How long a batch waits for another writer (the committer, an import) before it is refused.
const MAX_WAIT_FOR_WRITER: std::time::Duration = std::time::Duration::from_secs(60);

/// A line as sent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    entity: String,
    stakeholder_group: String,
    #[serde(default)]
    country: String,
    email: String,
    language: String,
    title: String,
    body: String,
}

/// Why a whole batch is refused before any line is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BulkError {
    #[error("the body is larger than {} MiB", MAX_BULK_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the body has more than {MAX_BULK_LINES} lines")]
    TooManyLines,
    #[error("the body holds no line")]
    Empty,
}

/// Why one line is refused.
#[derive(Debug, thiserror::Error)]
pub enum LineProblem {
    #[error("the line is longer than {} KiB", MAX_LINE_BYTES / 1024)]
    TooLong,
    #[error("the line is not a contribution in JSON: {0}")]
    Json(String),
    #[error(transparent)]
    Submission(SubmissionError),
}

/// A line's number (from 1) and what it holds: a submission to check, or why it is refused.
pub type ReadLine = (u64, Result<Submission, LineProblem>);

/// Reads the body's lines, each (its number, from 1) as a submission or its problem; blank lines
/// are skipped but counted, so numbers are the sender's.
pub fn read_lines(bytes: &[u8]) -> Result<Vec<ReadLine>, BulkError> {
    if bytes.len() > MAX_BULK_BYTES {
        return Err(BulkError::TooLarge);
    }
    let mut lines = Vec::new();
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if lines.len() == MAX_BULK_LINES {
            return Err(BulkError::TooManyLines);
        }
        let number = index as u64 + 1;
        if line.len() > MAX_LINE_BYTES {
            lines.push((number, Err(LineProblem::TooLong)));
            continue;
        }
        let read =
            serde_json::from_slice::<Line>(line).map_err(|e| LineProblem::Json(e.to_string())).map(|line| Submission {
                entity: line.entity,
                stakeholder_group: line.stakeholder_group,
                country: line.country,
                email: line.email,
                language: line.language,
                title: line.title,
                body: line.body,
                files: Vec::new(),
            });
        lines.push((number, read));
    }
    if lines.is_empty() {
        return Err(BulkError::Empty);
    }
    Ok(lines)
}

/// What a batch gave: each line's contribution or problem, by line number, and the tree head
/// signed over the batch.
#[derive(Debug)]
pub struct BulkRecorded {
    pub lines: Vec<(u64, Result<ContributionId, LineProblem>)>,
    pub head: SignedTreeHead,
}

/// Checks every line as a submission from `sender_key` (unverified: the key's organisation
/// relays what others wrote) and records those that pass in one transaction, then signs one
/// tree head. Nothing is acknowledged by email: the sender has the receipts.
#[allow(clippy::too_many_arguments)]
pub fn record_lines(
    store: &mut dyn Store,
    blobs: &dyn BlobStore,
    signer: &LogSigner,
    consultation: &Consultation,
    lines: Vec<ReadLine>,
    sender_key: &str,
    limits: Limits,
    now: Timestamp,
) -> Result<BulkRecorded, StoreError> {
    let groups = store.stakeholder_groups()?;
    let sender = Sender { sender_key: Some(sender_key), ..Sender::default() };
    let checked: Vec<(u64, Result<Prepared, LineProblem>)> = lines
        .into_iter()
        .map(|(number, line)| {
            let prepared = line.and_then(|submission| {
                prepare_among(&groups, &*store, blobs, consultation, &submission, sender, limits, now)
                    .map_err(LineProblem::Submission)
            });
            (number, prepared)
        })
        .collect();
    let accepted: Vec<&Prepared> = checked.iter().filter_map(|(_, line)| line.as_ref().ok()).collect();
    let waiting_since = std::time::Instant::now();
    let (ids, head) = loop {
        match write(store, &accepted, now) {
            Err(e) if e.is_busy() && waiting_since.elapsed() < MAX_WAIT_FOR_WRITER => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            written => break written?,
        }
    };
    // On disk whatever happens to the journal, as the committer has it.
    let head = signer.sign_and_journal(head).unwrap_or_else(|error| {
        tracing::error!(%error, "the signed tree head could not be journalled");
        signer.sign(head)
    });
    let mut ids = ids.into_iter();
    let lines = checked
        .into_iter()
        .map(|(number, line)| {
            let outcome = match line {
                Ok(_) => ids.next().ok_or_else(|| {
                    LineProblem::Submission(SubmissionError::Store(StoreError::Batch("a line was not written".into())))
                }),
                Err(problem) => Err(problem),
            };
            (number, outcome)
        })
        .collect();
    Ok(BulkRecorded { lines, head })
}

/// Writes the accepted lines in one transaction and reads the log's head as it leaves it.
fn write(
    store: &mut dyn Store,
    accepted: &[&Prepared],
    now: Timestamp,
) -> Result<(Vec<ContributionId>, consulta_log::TreeHead), StoreError> {
    let mut transaction = store.begin()?;
    let records = record_claims_in(&mut *transaction, accepted)?;
    let (head, _) = transaction.head_with_inclusions(now, &[])?;
    transaction.commit()?;
    Ok((records.iter().map(|r| ContributionId(r.id)).collect(), head))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"entity":"Example Petitioner","stakeholder_group":"civil_society","email":"a@example.org","language":"en","title":"T","body":"B"}"#;

    #[test]
    fn lines_are_read_with_their_numbers_and_problems() {
        let body = format!(
            "{LINE}\n\n{{\"entity\": 3}}\n{}\r\n",
            LINE.replace("\"body\":\"B\"", "\"body\":\"B\",\"extra\":1")
        );
        let lines = read_lines(body.as_bytes()).expect("read");
        let numbers: Vec<u64> = lines.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 3, 4], "the blank line 2 counted, not returned");
        assert_eq!(lines[0].1.as_ref().expect("a submission").entity, "Example Petitioner");
        assert!(matches!(&lines[1].1, Err(LineProblem::Json(e)) if e.contains("invalid type")), "{:?}", lines[1].1);
        assert!(matches!(&lines[2].1, Err(LineProblem::Json(e)) if e.contains("unknown field `extra`")));
        assert_eq!(read_lines(b"\n \n").expect_err("empty"), BulkError::Empty);
        let many = format!("{LINE}\n").repeat(MAX_BULK_LINES + 1);
        assert_eq!(read_lines(many.as_bytes()).expect_err("too many"), BulkError::TooManyLines);
        let long = format!("{{\"entity\":\"{}\"}}\n{LINE}", "x".repeat(MAX_LINE_BYTES));
        let lines = read_lines(long.as_bytes()).expect("read");
        assert!(matches!(lines[0].1, Err(LineProblem::TooLong)) && lines[1].1.is_ok());
    }

    proptest::proptest! {
        /// Any bytes are read or refused without a panic, each line numbered within the body.
        #[test]
        fn any_body_is_read_or_refused(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)) {
            let count = body.split(|b| *b == b'\n').count() as u64;
            if let Ok(lines) = read_lines(&body) {
                proptest::prop_assert!(lines.iter().all(|(n, _)| *n >= 1 && *n <= count));
            }
        }
    }
}
