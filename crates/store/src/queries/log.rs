//! The public log as the database keeps it: leaves, nodes, the instance's key, and the proofs
//! read from them. A proof's nodes are read in one statement, not one each: PostgreSQL pays a
//! round trip per statement.

use std::cell::RefCell;
use std::collections::HashMap;

use consulta_core::ContributionId;
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;

use crate::frontier::Frontier;
use crate::rows::{LEGACY_LOG_SECRET, LOG_PUBLIC_KEY, corrupt};
use crate::sql::{Sql, args, value_rows};
use crate::{Inclusion, Result, StoreError};

/// The log's size: its leaves are contributions' (`log_leaves`), accepted statements'
/// (`statement_leaves`) and draft amendments' (`amendment_leaves`), numbered together.
pub(crate) fn log_size(sql: &mut dyn Sql) -> Result<u64> {
    sql.one(
        "SELECT COALESCE(MAX(last) + 1, 0) FROM (SELECT MAX(leaf_index) AS last FROM log_leaves
         UNION ALL SELECT MAX(leaf_index) FROM statement_leaves
         UNION ALL SELECT MAX(leaf_index) FROM amendment_leaves) ends",
        &[],
    )?
    .count(0)
}

/// What a leaf of the log is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeafOf {
    Contribution(ContributionId),
    Statement(consulta_core::StatementId),
    Amendment(crate::AmendmentId),
}

fn index(index: u64) -> Result<i64> {
    i64::try_from(index).map_err(corrupt)
}

/// The log's nodes read one at a time, through a transaction that is appending to it.
struct NodesOneByOne<'s, 'c>(RefCell<&'s mut (dyn Sql + 'c)>);

impl consulta_log::Nodes for NodesOneByOne<'_, '_> {
    type Error = StoreError;

    fn node(&self, level: u32, at: u64) -> Result<Hash> {
        let row = self
            .0
            .borrow_mut()
            .row("SELECT hash FROM log_nodes WHERE level = $1 AND idx = $2", args![i64::from(level), index(at)?])?;
        row.ok_or_else(|| corrupt(format!("the log has no node ({level}, {at})")))?.hash(0, "log_nodes.hash")
    }
}

/// The log's nodes for one proof or root, read in one statement. Which nodes the log crate asks
/// for depends on indexes alone, so a first pass with placeholder hashes names them all; the
/// second pass computes with the nodes read.
#[derive(Default)]
struct PrefetchedNodes {
    wanted: RefCell<Vec<(u32, u64)>>,
    read: Option<HashMap<(u32, u64), Hash>>,
}

impl consulta_log::Nodes for PrefetchedNodes {
    type Error = StoreError;

    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        match &self.read {
            None => {
                self.wanted.borrow_mut().push((level, index));
                Ok([0; 32])
            }
            Some(read) => read
                .get(&(level, index))
                .copied()
                .ok_or_else(|| corrupt(format!("the log has no node ({level}, {index})"))),
        }
    }
}

fn with_prefetched_nodes<T>(sql: &mut dyn Sql, compute: impl Fn(&PrefetchedNodes) -> Result<T>) -> Result<T> {
    let naming = PrefetchedNodes::default();
    compute(&naming)?;
    let mut wanted = naming.wanted.into_inner();
    wanted.sort_unstable();
    wanted.dedup();
    let levels: Vec<i64> = wanted.iter().map(|(level, _)| i64::from(*level)).collect();
    let indexes = wanted.iter().map(|(_, at)| index(*at)).collect::<Result<Vec<_>>>()?;
    let mut read = HashMap::with_capacity(wanted.len());
    if !wanted.is_empty() {
        let among = sql.dialect().nodes_among;
        for mut r in sql.rows(among, args![levels.as_slice(), indexes.as_slice()])? {
            read.insert((r.small(0)?, r.count(1)?), r.hash(2, "log_nodes.hash")?);
        }
    }
    compute(&PrefetchedNodes { wanted: RefCell::default(), read: Some(read) })
}

/// An accepted statement's or an amendment's place in the tree of `tree_size` leaves, and the
/// proof: as `inclusions` gives a contribution's.
pub(crate) fn inclusion_of(sql: &mut dyn Sql, leaf: LeafOf, tree_size: u64) -> Result<Option<Inclusion>> {
    let size = log_size(sql)?;
    if tree_size > size {
        return Err(StoreError::BeyondLog { size, asked: tree_size });
    }
    let row = match leaf {
        LeafOf::Contribution(id) => {
            sql.row("SELECT leaf_index, record_sha256 FROM log_leaves WHERE contribution_id = $1", args![id.0])?
        }
        LeafOf::Statement(id) => {
            sql.row("SELECT leaf_index, record_sha256 FROM statement_leaves WHERE statement_id = $1", args![id.0])?
        }
        LeafOf::Amendment(id) => {
            sql.row("SELECT leaf_index, record_sha256 FROM amendment_leaves WHERE amendment_id = $1", args![id.0])?
        }
    };
    let leaf = row.map(|mut r| Ok::<_, StoreError>((r.count(0)?, r.hash(1, "a leaf's record_sha256")?))).transpose()?;
    let leaves = vec![leaf.filter(|(at, _)| *at < tree_size)];
    let proofs = with_prefetched_nodes(sql, |nodes| proofs(nodes, &leaves, tree_size))?;
    Ok(with_proofs(leaves, proofs, tree_size).pop().flatten())
}

/// The log's head: its size and root, read in the caller's snapshot.
pub(crate) fn tree_head(sql: &mut dyn Sql, now: Timestamp) -> Result<TreeHead> {
    let size = log_size(sql)?;
    let root = with_prefetched_nodes(sql, |nodes| consulta_log::root(nodes, size))?;
    Ok(TreeHead { size, timestamp_ms: now.as_millisecond(), root })
}

/// What each contribution's leaf commits to, in the order asked; None for one with no leaf.
pub(crate) fn recorded_hashes(sql: &mut dyn Sql, contributions: &[ContributionId]) -> Result<Vec<Option<Hash>>> {
    Ok(leaves(sql, contributions)?.into_iter().map(|leaf| leaf.map(|(_, hash)| hash)).collect())
}

/// The leaves (index, record hash) of some contributions, in the order asked.
fn leaves(sql: &mut dyn Sql, contributions: &[ContributionId]) -> Result<Vec<Option<(u64, Hash)>>> {
    let ids: Vec<i64> = contributions.iter().map(|c| c.0).collect();
    let mut found = HashMap::with_capacity(ids.len());
    let rows = sql.rows(
        "SELECT contribution_id, leaf_index, record_sha256 FROM log_leaves WHERE contribution_id = ANY($1)",
        args![ids.as_slice()],
    )?;
    for mut r in rows {
        found.insert(r.int(0)?, (r.count(1)?, r.hash(2, "log_leaves.record_sha256")?));
    }
    Ok(ids.iter().map(|id| found.get(id).copied()).collect())
}

/// The inclusion of each of `contributions` in the tree of `tree_size` leaves, in their order:
/// three statements however many they are (the log's size, their leaves, every node).
pub(crate) fn inclusions(
    sql: &mut dyn Sql,
    contributions: &[ContributionId],
    tree_size: u64,
) -> Result<Vec<Option<Inclusion>>> {
    let size = log_size(sql)?;
    if tree_size > size {
        return Err(StoreError::BeyondLog { size, asked: tree_size });
    }
    let leaves: Vec<Option<(u64, Hash)>> =
        leaves(sql, contributions)?.into_iter().map(|leaf| leaf.filter(|(at, _)| *at < tree_size)).collect();
    let proofs = with_prefetched_nodes(sql, |nodes| proofs(nodes, &leaves, tree_size))?;
    Ok(with_proofs(leaves, proofs, tree_size))
}

/// The log's head now and the inclusion of each of `contributions` in it, in their order: three
/// statements (the size, the leaves, every node of the root and the proofs).
pub(crate) fn head_with_inclusions(
    sql: &mut dyn Sql,
    now: Timestamp,
    contributions: &[ContributionId],
) -> Result<(TreeHead, Vec<Option<Inclusion>>)> {
    let size = log_size(sql)?;
    let leaves = leaves(sql, contributions)?;
    let (root, proofs) =
        with_prefetched_nodes(sql, |nodes| Ok((consulta_log::root(nodes, size)?, proofs(nodes, &leaves, size)?)))?;
    let head = TreeHead { size, timestamp_ms: now.as_millisecond(), root };
    Ok((head, with_proofs(leaves, proofs, size)))
}

fn proofs(nodes: &PrefetchedNodes, leaves: &[Option<(u64, Hash)>], tree_size: u64) -> Result<Vec<Option<Vec<Hash>>>> {
    leaves
        .iter()
        .map(|leaf| leaf.map(|(at, _)| consulta_log::inclusion_proof(nodes, at, tree_size)).transpose())
        .collect()
}

fn with_proofs(
    leaves: Vec<Option<(u64, Hash)>>,
    proofs: Vec<Option<Vec<Hash>>>,
    tree_size: u64,
) -> Vec<Option<Inclusion>> {
    leaves
        .into_iter()
        .zip(proofs)
        .map(|(leaf, proof)| {
            let (leaf_index, record_sha256) = leaf?;
            Some(Inclusion { leaf_index, record_sha256, tree_size, proof: proof? })
        })
        .collect()
}

pub(crate) fn consistency(sql: &mut dyn Sql, old: u64, new: u64) -> Result<Vec<Hash>> {
    let size = log_size(sql)?;
    if new > size || old > new {
        return Err(StoreError::BeyondLog { size, asked: new.max(old) });
    }
    with_prefetched_nodes(sql, |nodes| consulta_log::consistency_proof(nodes, old, new))
}

/// A 32-byte value of `instance_secrets` (despite its name, it now holds only the public key).
pub(crate) fn instance_key(sql: &mut dyn Sql, name: &str) -> Result<Option<[u8; 32]>> {
    let row = sql.row("SELECT value FROM instance_secrets WHERE name = $1", args![name])?;
    row.map(|mut r| r.hash(0, &format!("instance_secrets.{name}"))).transpose()
}

/// Records `public` as the instance's log key unless one is, and gives the recorded one.
pub(crate) fn claim_log_key(sql: &mut dyn Sql, public: &[u8; 32]) -> Result<[u8; 32]> {
    sql.execute(
        "INSERT INTO instance_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        args![LOG_PUBLIC_KEY, public],
    )?;
    let recorded = instance_key(sql, LOG_PUBLIC_KEY)?.ok_or_else(|| corrupt("instance_secrets.log_public_key"))?;
    if recorded == *public {
        sql.execute("DELETE FROM instance_secrets WHERE name = $1", args![LEGACY_LOG_SECRET])?;
    }
    Ok(recorded)
}

/// Rows of appended nodes or leaves written by one statement: three values each, well under both
/// backends' limits on a statement's parameters.
const ROWS_PER_STATEMENT: usize = 300;

/// What a writing transaction knows of the log (it holds the write lock, so no one else appends
/// meanwhile), and what it appended but has not written yet: written together (`flush`), a
/// statement for many rows instead of a round trip to the database for each.
#[derive(Debug, Default)]
pub(crate) struct Appender {
    /// The log's size once this transaction has appended to it.
    size: Option<u64>,
    /// The last node appended at each level, which the next appends need: nodes appended
    /// earlier at a level are never needed again, and those of earlier transactions are read.
    frontier: Frontier,
    /// Nodes (level, index, hash) appended and not yet written.
    nodes: Vec<(i64, i64, Hash)>,
    /// Leaves (index, contribution, record hash) appended and not yet written.
    leaves: Vec<(i64, i64, Hash)>,
    /// Leaves (index, statement, record hash) appended and not yet written.
    statement_leaves: Vec<(i64, i64, Hash)>,
    /// Leaves (index, amendment, record hash) appended and not yet written.
    amendment_leaves: Vec<(i64, i64, Hash)>,
}

impl Appender {
    /// Appends a record's hash to the log; gives its leaf index. It is written by the next
    /// `flush`.
    pub(crate) fn append(&mut self, sql: &mut dyn Sql, leaf: LeafOf, record: Hash) -> Result<u64> {
        let size = match self.size {
            Some(size) => size,
            None => log_size(sql)?,
        };
        let added = {
            let nodes = self.frontier.over(NodesOneByOne(RefCell::new(&mut *sql)));
            consulta_log::append(&nodes, size, consulta_log::leaf_hash(&record))?
        };
        for node in added {
            self.nodes.push((i64::from(node.level), index(node.index)?, node.hash));
            self.frontier.record(node.level, node.index, node.hash);
        }
        match leaf {
            LeafOf::Contribution(contribution) => self.leaves.push((index(size)?, contribution.0, record)),
            LeafOf::Statement(statement) => self.statement_leaves.push((index(size)?, statement.0, record)),
            LeafOf::Amendment(amendment) => self.amendment_leaves.push((index(size)?, amendment.0, record)),
        }
        self.size = Some(size + 1);
        if self.nodes.len() >= ROWS_PER_STATEMENT {
            self.flush(sql)?;
        }
        Ok(size)
    }

    /// Writes what was appended and not yet written.
    pub(crate) fn flush(&mut self, sql: &mut dyn Sql) -> Result<()> {
        insert_rows(sql, "log_nodes (level, idx, hash)", &std::mem::take(&mut self.nodes))?;
        insert_rows(sql, "log_leaves (leaf_index, contribution_id, record_sha256)", &std::mem::take(&mut self.leaves))?;
        insert_rows(
            sql,
            "statement_leaves (leaf_index, statement_id, record_sha256)",
            &std::mem::take(&mut self.statement_leaves),
        )?;
        insert_rows(
            sql,
            "amendment_leaves (leaf_index, amendment_id, record_sha256)",
            &std::mem::take(&mut self.amendment_leaves),
        )
    }

    /// Forgets what it knew and had not written (a savepoint rolled back may have undone it).
    pub(crate) fn forget(&mut self) {
        self.size = None;
        self.frontier.clear();
        self.nodes.clear();
        self.leaves.clear();
        self.statement_leaves.clear();
        self.amendment_leaves.clear();
    }
}

/// Inserts rows of two integers and a hash into `table (columns)`, many per statement.
fn insert_rows(sql: &mut dyn Sql, table: &str, rows: &[(i64, i64, Hash)]) -> Result<()> {
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let mut bound = Vec::with_capacity(3 * chunk.len());
        for (a, b, hash) in chunk {
            bound.extend_from_slice(args![*a, *b, hash]);
        }
        sql.execute(&format!("INSERT INTO {table} VALUES {}", value_rows(chunk.len(), 3)), &bound)?;
    }
    Ok(())
}
