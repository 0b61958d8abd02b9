//! Checks a record end to end, trusting none of the log's stored hashes: every contribution
//! has one leaf, its canonical record as stored now hashes to what its leaf commits to, and its
//! inclusion proof leads to the stored root; then the whole tree is rebuilt from the canonical
//! records themselves, and its root at every size the instance has signed (the checkpoints of
//! its journal, kept outside the database) must be the signed one. Rewriting a body, its leaf
//! and every node consistently in the database passes the first checks but not the last.
//! `consulta check`, `restore` and `migrate` run it.

use consulta_core::ContributionId;
use consulta_log::{CompactTree, Hash, leaf_hash, sha256, to_hex, verify_checkpoint, verify_inclusion};
use jiff::Timestamp;

use crate::{Inclusion, Result, Store};

/// What a check found: the log's size and root, how many signed heads it held the record
/// against, and each problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogCheck {
    pub contributions: u64,
    /// Accepted statements (points of agreement), whose leaves share the log.
    pub statements: u64,
    /// Amendments to drafts, whose leaves share it too.
    pub amendments: u64,
    pub log_size: u64,
    pub root: Hash,
    /// Journalled checkpoints whose size the record was rebuilt to and compared with.
    pub heads_checked: usize,
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
    #[error("accepted statement {0} has no leaf in the log")]
    StatementNoLeaf(i64),
    #[error("statement {0}: its canonical record no longer matches its leaf")]
    StatementChanged(i64),
    #[error("amendment {0} has no leaf in the log")]
    AmendmentNoLeaf(i64),
    #[error("amendment {0}: its canonical record no longer matches its leaf")]
    AmendmentChanged(i64),
    #[error("the log has {leaves} leaves for {contributions} contributions, accepted statements and amendments")]
    Count { leaves: u64, contributions: u64 },
    #[error("the tree rebuilt from the records has the root {rebuilt}, but the stored nodes give {stored}")]
    NodesDiffer { rebuilt: String, stored: String },
    #[error(
        "the instance signed the root {signed} for the first {size} entries, but the records now give {rebuilt}: \
         the record was rewritten"
    )]
    SignedHeadDiffers { size: u64, signed: String, rebuilt: String },
    #[error("the instance signed a tree of {size} entries, but the log now has {log_size}: entries were removed")]
    SignedHeadBeyondLog { size: u64, log_size: u64 },
    #[error("journalled checkpoint {position} is not a head signed by this instance's key: {reason}")]
    BadCheckpoint { position: usize, reason: String },
}

/// For each contribution, whether its record as stored now differs from what its leaf commits
/// to: a text edited in the database, which pages, exports and search must not serve as the
/// record.
pub fn records_altered(store: &dyn Store, ids: &[ContributionId]) -> Result<Vec<bool>> {
    let recorded = store.recorded_hashes(ids)?;
    ids.iter()
        .zip(recorded)
        .map(|(id, recorded)| {
            let now = store.canonical_record(*id)?.map(|record| sha256(&record.to_bytes()));
            Ok(matches!((now, recorded), (Some(now), Some(recorded)) if now != recorded))
        })
        .collect()
}

/// How many contributions are read at a time.
const BATCH: usize = 1000;

/// Checks every contribution of the record against the log and the log against the signed
/// `checkpoints` (as the journal holds them), calling `progress` with how many contributions
/// have been checked.
pub fn check_log(store: &dyn Store, checkpoints: &[String], progress: &mut dyn FnMut(u64)) -> Result<LogCheck> {
    let head = store.tree_head(Timestamp::now())?;
    let (size, root) = (head.size, head.root);
    let mut problems = Vec::new();
    let mut checked = 0;
    // What each leaf should commit to, from the records as they are now.
    let mut rebuilt_leaves: Vec<Option<Hash>> = vec![None; usize::try_from(size).unwrap_or(usize::MAX)];
    for consultation in store.consultations()? {
        crate::for_each_id_batch(store, consultation.id, BATCH, |ids| {
            let inclusions = store.inclusions(&ids, size)?;
            for (id, inclusion) in ids.into_iter().zip(inclusions) {
                if let Some(problem) = check_one(store, id, inclusion, size, &root, &mut rebuilt_leaves)? {
                    problems.push(problem);
                }
                checked += 1;
            }
            progress(checked);
            Ok::<_, crate::StoreError>(())
        })?;
    }
    let statements = check_statements(store, &mut rebuilt_leaves, &mut problems)?;
    let amendments = check_amendments(store, &mut rebuilt_leaves, &mut problems)?;
    if checked + statements + amendments != size {
        problems.push(LogProblem::Count { leaves: size, contributions: checked + statements + amendments });
    }
    let heads_checked = rebuild(store, &rebuilt_leaves, checkpoints, &root, &mut problems)?;
    Ok(LogCheck { contributions: checked, statements, amendments, log_size: size, root, heads_checked, problems })
}

/// Checks every accepted statement against its leaf, as `check_one` a contribution (the tree
/// rebuilt from all the records then covers their proofs); gives how many leaves they hold.
fn check_statements(
    store: &dyn Store,
    rebuilt_leaves: &mut [Option<Hash>],
    problems: &mut Vec<LogProblem>,
) -> Result<u64> {
    let leaves = store.statement_leaves()?;
    let with_leaf: std::collections::HashSet<i64> = leaves.iter().map(|(id, ..)| id.0).collect();
    for consultation in store.consultations()? {
        for statement in store.statements(consultation.id, Some(consulta_core::Moderation::Accepted))? {
            if !with_leaf.contains(&statement.id.0) {
                problems.push(LogProblem::StatementNoLeaf(statement.id.0));
            }
        }
    }
    for (id, leaf_index, recorded) in &leaves {
        let now = store.statement_record(*id)?.map(|record| sha256(&record.to_bytes()));
        if let Some(slot) = usize::try_from(*leaf_index).ok().and_then(|i| rebuilt_leaves.get_mut(i)) {
            *slot = now;
        }
        if now != Some(*recorded) {
            problems.push(LogProblem::StatementChanged(id.0));
        }
    }
    Ok(leaves.len() as u64)
}

/// Checks every amendment against its leaf, as `check_statements` the statements.
fn check_amendments(
    store: &dyn Store,
    rebuilt_leaves: &mut [Option<Hash>],
    problems: &mut Vec<LogProblem>,
) -> Result<u64> {
    let leaves = store.amendment_leaves()?;
    let with_leaf: std::collections::HashSet<i64> = leaves.iter().map(|(id, ..)| id.0).collect();
    for id in store.amendment_ids()? {
        if !with_leaf.contains(&id.0) {
            problems.push(LogProblem::AmendmentNoLeaf(id.0));
        }
    }
    for (id, leaf_index, recorded) in &leaves {
        let now = store.amendment_record(*id)?.map(|record| sha256(&record.to_bytes()));
        if let Some(slot) = usize::try_from(*leaf_index).ok().and_then(|i| rebuilt_leaves.get_mut(i)) {
            *slot = now;
        }
        if now != Some(*recorded) {
            problems.push(LogProblem::AmendmentChanged(id.0));
        }
    }
    Ok(leaves.len() as u64)
}

fn check_one(
    store: &dyn Store,
    id: ContributionId,
    inclusion: Option<Inclusion>,
    size: u64,
    root: &Hash,
    rebuilt_leaves: &mut [Option<Hash>],
) -> Result<Option<LogProblem>> {
    let Some(inclusion) = inclusion else { return Ok(Some(LogProblem::NoLeaf(id.0))) };
    let Some(record) = store.canonical_record(id)? else { return Ok(Some(LogProblem::NoLeaf(id.0))) };
    let recorded = sha256(&record.to_bytes());
    if let Some(slot) = usize::try_from(inclusion.leaf_index).ok().and_then(|i| rebuilt_leaves.get_mut(i)) {
        *slot = Some(recorded);
    }
    if recorded != inclusion.record_sha256 {
        return Ok(Some(LogProblem::RecordChanged(id.0)));
    }
    let leaf = leaf_hash(&inclusion.record_sha256);
    if !verify_inclusion(&leaf, inclusion.leaf_index, size, &inclusion.proof, root) {
        return Ok(Some(LogProblem::BadProof(id.0)));
    }
    Ok(None)
}

/// Rebuilds the tree from the records' hashes, leaf after leaf, and holds its root against the
/// stored one and against every signed checkpoint; returns how many checkpoints were compared.
fn rebuild(
    store: &dyn Store,
    leaves: &[Option<Hash>],
    checkpoints: &[String],
    stored_root: &Hash,
    problems: &mut Vec<LogProblem>,
) -> Result<usize> {
    let size = leaves.len() as u64;
    let mut heads = Vec::new();
    if !checkpoints.is_empty() {
        match store.log_public_key()? {
            Some(public_key) => {
                for (position, note) in checkpoints.iter().enumerate() {
                    match verify_checkpoint(note, &public_key) {
                        Ok(head) if head.size > size => {
                            problems.push(LogProblem::SignedHeadBeyondLog { size: head.size, log_size: size });
                        }
                        Ok(head) => heads.push(head),
                        Err(e) => {
                            problems.push(LogProblem::BadCheckpoint { position: position + 1, reason: e.to_string() })
                        }
                    }
                }
            }
            None => problems
                .push(LogProblem::BadCheckpoint { position: 1, reason: "the record knows no log key".to_owned() }),
        }
    }
    heads.sort_by_key(|h| h.size);
    let mut heads = heads.into_iter().peekable();
    let mut tree = CompactTree::default();
    let mut compared = 0;
    let mut compare = |tree: &CompactTree, problems: &mut Vec<LogProblem>| {
        while let Some(head) = heads.next_if(|h| h.size == tree.size()) {
            compared += 1;
            let rebuilt = tree.root();
            if rebuilt != head.root {
                problems.push(LogProblem::SignedHeadDiffers {
                    size: head.size,
                    signed: to_hex(&head.root),
                    rebuilt: to_hex(&rebuilt),
                });
            }
        }
    };
    compare(&tree, problems);
    // A leaf no record gives was reported already; the tree cannot be rebuilt past it.
    for leaf in leaves.iter().map_while(|leaf| *leaf) {
        tree.push(leaf_hash(&leaf));
        compare(&tree, problems);
    }
    let complete = tree.size() == leaves.len() as u64;
    let rebuilt = tree.root();
    if complete && rebuilt != *stored_root && problems.is_empty() {
        problems.push(LogProblem::NodesDiffer { rebuilt: to_hex(&rebuilt), stored: to_hex(stored_root) });
    }
    Ok(compared)
}
