//! The log nodes a writing transaction has just appended, kept in memory: appending needs the
//! left sibling the previous append wrote, and a large import should not read it back each time.
//! The log appender of every writing transaction (`queries::log::Appender`) keeps one.

use consulta_log::{Hash, Nodes};

use crate::{Result, StoreError};

/// The last node written at each level of the log.
#[derive(Debug, Default)]
pub(crate) struct Frontier(Vec<Option<(u64, Hash)>>);

impl Frontier {
    /// Notes a node just written.
    pub(crate) fn record(&mut self, level: u32, index: u64, hash: Hash) {
        let level = level as usize;
        if self.0.len() <= level {
            self.0.resize(level + 1, None);
        }
        self.0[level] = Some((index, hash));
    }

    /// Forgets every node (a savepoint rolled back may have undone them).
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// The log's nodes: these first, then those `stored` reads.
    pub(crate) fn over<N: Nodes<Error = StoreError>>(&self, stored: N) -> FrontierNodes<'_, N> {
        FrontierNodes { frontier: self, stored }
    }
}

pub(crate) struct FrontierNodes<'f, N> {
    frontier: &'f Frontier,
    stored: N,
}

impl<N: Nodes<Error = StoreError>> Nodes for FrontierNodes<'_, N> {
    type Error = StoreError;

    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        match self.frontier.0.get(level as usize) {
            Some(Some((at, hash))) if *at == index => Ok(*hash),
            _ => self.stored.node(level, index),
        }
    }
}
