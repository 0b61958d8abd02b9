//! Checks a record end to end: every contribution has one leaf in the log, its leaf commits to
//! the SHA-256 of its canonical record as stored now, and the inclusion proof leads to the root
//! the log's nodes give. `consulta restore` runs it on what it restored.

use consulta_core::ContributionId;
use consulta_log::{Hash, leaf_hash, sha256, verify_inclusion};
use jiff::Timestamp;

use crate::{Inclusion, Result, Store};

/// What a check found: the log's size and root, and each problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogCheck {
    pub contributions: u64,
    pub log_size: u64,
    pub root: Hash,
    pub problems: Vec<LogProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogProblem {
    #[error("contribution {0} has no leaf in the log")]
    NoLeaf(i64),
    #[error("contribution {0}: its canonical record no longer matches its leaf")]
    RecordChanged(i64),
    #[error("contribution {0}: its inclusion proof does not lead to the root")]
    BadProof(i64),
    #[error("the log has {leaves} leaves for {contributions} contributions")]
    Count { leaves: u64, contributions: u64 },
}

/// How many contributions are read at a time.
const BATCH: usize = 1000;

/// Checks every contribution of the record against the log, calling `progress` with how many
/// have been checked.
pub fn check_log(store: &dyn Store, progress: &mut dyn FnMut(u64)) -> Result<LogCheck> {
    let head = store.signed_tree_head(Timestamp::now())?;
    let (size, root) = (head.head.size, head.head.root);
    let mut problems = Vec::new();
    let mut checked = 0;
    for consultation in store.consultations()? {
        crate::for_each_id_batch(store, consultation.id, BATCH, |ids| {
            let inclusions = store.inclusions(&ids, size)?;
            for (id, inclusion) in ids.into_iter().zip(inclusions) {
                if let Some(problem) = check_one(store, id, inclusion, size, &root)? {
                    problems.push(problem);
                }
                checked += 1;
            }
            progress(checked);
            Ok::<_, crate::StoreError>(())
        })?;
    }
    if checked != size {
        problems.push(LogProblem::Count { leaves: size, contributions: checked });
    }
    Ok(LogCheck { contributions: checked, log_size: size, root, problems })
}

fn check_one(
    store: &dyn Store,
    id: ContributionId,
    inclusion: Option<Inclusion>,
    size: u64,
    root: &Hash,
) -> Result<Option<LogProblem>> {
    let Some(inclusion) = inclusion else { return Ok(Some(LogProblem::NoLeaf(id.0))) };
    let Some(record) = store.canonical_record(id)? else { return Ok(Some(LogProblem::NoLeaf(id.0))) };
    if sha256(&record.to_bytes()) != inclusion.record_sha256 {
        return Ok(Some(LogProblem::RecordChanged(id.0)));
    }
    let leaf = leaf_hash(&inclusion.record_sha256);
    if !verify_inclusion(&leaf, inclusion.leaf_index, size, &inclusion.proof, root) {
        return Ok(Some(LogProblem::BadProof(id.0)));
    }
    Ok(None)
}
