//! The public log: every accepted contribution is a leaf of an append-only Merkle tree hashed as
//! in RFC 6962 / RFC 9162, so anyone holding a receipt can check that the published record still
//! holds it, unchanged. This crate is pure computation: the nodes live wherever a `Nodes`
//! implementation keeps them (the store), and randomness for keys comes from the caller.
//!
//! Nodes are the hashes of perfect subtrees: node (level, index) covers the leaves
//! `index·2^level .. (index+1)·2^level`. Appending a leaf adds it and every perfect subtree it
//! completes, so the root and any proof need only O(log n) node lookups.

mod checkpoint;
mod hex;
mod signed;

use sha2::{Digest, Sha256};

pub use checkpoint::{CheckpointError, origin, verify_checkpoint};
pub use hex::{bytes_from_hex, from_hex, to_hex};
pub use signed::{LogKey, SignedTreeHead, TreeHead, VerifyError};

/// A SHA-256 hash.
pub type Hash = [u8; 32];

/// RFC 6962 §2.1: the hash of a leaf, domain-separated from interior nodes.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0u8]);
    hasher.update(data);
    hasher.finalize().into()
}

/// RFC 6962 §2.1: the hash of an interior node.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([1u8]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The SHA-256 of some bytes (the hash of a record, of a file).
pub fn sha256(data: &[u8]) -> Hash {
    Sha256::digest(data).into()
}

/// Where the tree's nodes are kept.
pub trait Nodes {
    type Error;
    /// The hash of the perfect subtree (level, index); it exists for every subtree the tree has
    /// completed.
    fn node(&self, level: u32, index: u64) -> Result<Hash, Self::Error>;
}

/// A tree rebuilt in memory from its leaves, one after another, keeping only the roots of its
/// perfect subtrees (O(log n) hashes): how a checker recomputes the root at any size from the
/// records themselves, without trusting the stored nodes.
#[derive(Debug, Clone, Default)]
pub struct CompactTree {
    size: u64,
    /// The perfect subtrees' roots, largest (leftmost) first.
    peaks: Vec<Hash>,
}

impl CompactTree {
    /// Appends the leaf whose hash (`leaf_hash`) is `leaf`.
    pub fn push(&mut self, leaf: Hash) {
        let mut hash = leaf;
        let mut size = self.size;
        while size % 2 == 1 {
            let Some(left) = self.peaks.pop() else { break };
            hash = node_hash(&left, &hash);
            size /= 2;
        }
        self.peaks.push(hash);
        self.size += 1;
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// MTH of the leaves pushed so far.
    pub fn root(&self) -> Hash {
        let mut peaks = self.peaks.iter().rev();
        let Some(last) = peaks.next() else { return sha256(&[]) };
        peaks.fold(*last, |right, left| node_hash(left, &right))
    }
}

/// A node to store after an append.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub level: u32,
    pub index: u64,
    pub hash: Hash,
}

/// The nodes that appending `leaf` to a tree of `size` leaves adds: the leaf itself and each
/// perfect subtree it completes.
pub fn append<N: Nodes>(nodes: &N, size: u64, leaf: Hash) -> Result<Vec<Node>, N::Error> {
    let mut added = vec![Node { level: 0, index: size, hash: leaf }];
    let (mut level, mut index, mut hash) = (0u32, size, leaf);
    while index % 2 == 1 {
        let left = nodes.node(level, index - 1)?;
        hash = node_hash(&left, &hash);
        level += 1;
        index /= 2;
        added.push(Node { level, index, hash });
    }
    Ok(added)
}

/// The largest power of two smaller than `n` (n > 1).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// MTH(D[start..start+len]) for `start` aligned to the subtree sizes the RFC's split produces.
fn subtree_root<N: Nodes>(nodes: &N, start: u64, len: u64) -> Result<Hash, N::Error> {
    if len.is_power_of_two() && start % len == 0 {
        return nodes.node(len.trailing_zeros(), start / len);
    }
    let k = split(len);
    let left = subtree_root(nodes, start, k)?;
    let right = subtree_root(nodes, start + k, len - k)?;
    Ok(node_hash(&left, &right))
}

/// The root of the tree of the first `size` leaves (RFC 6962 §2.1: SHA-256 of nothing when empty).
pub fn root<N: Nodes>(nodes: &N, size: u64) -> Result<Hash, N::Error> {
    if size == 0 { Ok(sha256(&[])) } else { subtree_root(nodes, 0, size) }
}

/// RFC 6962 §2.1.1: the audit path of leaf `index` in the tree of `size` leaves.
pub fn inclusion_proof<N: Nodes>(nodes: &N, index: u64, size: u64) -> Result<Vec<Hash>, N::Error> {
    let mut proof = Vec::new();
    let (mut start, mut len, mut m) = (0u64, size, index);
    // Walk down from the root; the sibling of each step is a subtree root.
    let mut path = Vec::new();
    while len > 1 {
        let k = split(len);
        if m < k {
            path.push((start + k, len - k));
            len = k;
        } else {
            path.push((start, k));
            start += k;
            len -= k;
            m -= k;
        }
    }
    for (s, l) in path.into_iter().rev() {
        proof.push(subtree_root(nodes, s, l)?);
    }
    Ok(proof)
}

/// RFC 6962 §2.1.2: the proof that the tree of `old` leaves is a prefix of the tree of `new`.
pub fn consistency_proof<N: Nodes>(nodes: &N, old: u64, new: u64) -> Result<Vec<Hash>, N::Error> {
    let mut proof = Vec::new();
    if old == 0 || old >= new {
        return Ok(proof);
    }
    // SUBPROOF(m, D[start..start+len], b), iteratively, collecting in the RFC's order.
    let mut steps = Vec::new();
    let (mut start, mut len, mut m, mut complete) = (0u64, new, old, true);
    loop {
        if m == len {
            if !complete {
                steps.push((start, len));
            }
            break;
        }
        let k = split(len);
        if m <= k {
            steps.push((start + k, len - k));
            len = k;
        } else {
            steps.push((start, k));
            start += k;
            len -= k;
            m -= k;
            complete = false;
        }
    }
    for (s, l) in steps.into_iter().rev() {
        proof.push(subtree_root(nodes, s, l)?);
    }
    Ok(proof)
}

/// RFC 9162 §2.1.3.2: does `proof` show leaf `index` with hash `leaf` in the tree of `size`
/// leaves whose root is `root`?
pub fn verify_inclusion(leaf: &Hash, index: u64, size: u64, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut fnode, mut snode) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if snode == 0 {
            return false;
        }
        if fnode % 2 == 1 || fnode == snode {
            r = node_hash(p, &r);
            if fnode % 2 == 0 {
                while fnode % 2 == 0 && fnode != 0 {
                    fnode >>= 1;
                    snode >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    snode == 0 && &r == root
}

/// RFC 9162 §2.1.4.2: does `proof` show the tree of `old` leaves (root `old_root`) to be a
/// prefix of the tree of `new` leaves (root `new_root`)?
pub fn verify_consistency(old: u64, new: u64, old_root: &Hash, new_root: &Hash, proof: &[Hash]) -> bool {
    if old > new {
        return false;
    }
    if old == new {
        return proof.is_empty() && old_root == new_root;
    }
    if old == 0 {
        return proof.is_empty();
    }
    let mut path: Vec<Hash> = proof.to_vec();
    if old.is_power_of_two() {
        path.insert(0, *old_root);
    }
    let Some((first, rest)) = path.split_first() else { return false };
    let (mut fnode, mut snode) = (old - 1, new - 1);
    while fnode % 2 == 1 {
        fnode >>= 1;
        snode >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if snode == 0 {
            return false;
        }
        if fnode % 2 == 1 || fnode == snode {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if fnode % 2 == 0 {
                while fnode % 2 == 0 && fnode != 0 {
                    fnode >>= 1;
                    snode >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    &fr == old_root && &sr == new_root && snode == 0
}

#[cfg(test)]
mod tests;
