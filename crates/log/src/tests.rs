//! The tree against the RFC's recursive definitions, on every size up to 70 leaves.

use std::collections::HashMap;

use super::*;

/// Nodes in memory, filled by `append` as the store would be.
#[derive(Default)]
struct Memory {
    nodes: HashMap<(u32, u64), Hash>,
    size: u64,
}

impl Nodes for Memory {
    type Error = String;
    fn node(&self, level: u32, index: u64) -> Result<Hash, String> {
        self.nodes.get(&(level, index)).copied().ok_or_else(|| format!("no node ({level}, {index})"))
    }
}

impl Memory {
    fn push(&mut self, data: &[u8]) {
        for node in append(self, self.size, leaf_hash(data)).expect("append") {
            self.nodes.insert((node.level, node.index), node.hash);
        }
        self.size += 1;
    }
}

fn data(i: u64) -> Vec<u8> {
    format!("contribution {i}").into_bytes()
}

/// RFC 6962 §2.1, literally.
fn mth(leaves: &[Vec<u8>]) -> Hash {
    match leaves.len() {
        0 => sha256(&[]),
        1 => leaf_hash(&leaves[0]),
        n => {
            let k = split(n as u64) as usize;
            node_hash(&mth(&leaves[..k]), &mth(&leaves[k..]))
        }
    }
}

/// RFC 6962 §2.1.1, literally.
fn path(m: usize, leaves: &[Vec<u8>]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return vec![];
    }
    let k = split(n as u64) as usize;
    if m < k {
        let mut p = path(m, &leaves[..k]);
        p.push(mth(&leaves[k..]));
        p
    } else {
        let mut p = path(m - k, &leaves[k..]);
        p.push(mth(&leaves[..k]));
        p
    }
}

/// RFC 6962 §2.1.2, literally.
fn subproof(m: usize, leaves: &[Vec<u8>], complete: bool) -> Vec<Hash> {
    let n = leaves.len();
    if m == n {
        return if complete { vec![] } else { vec![mth(leaves)] };
    }
    let k = split(n as u64) as usize;
    if m <= k {
        let mut p = subproof(m, &leaves[..k], complete);
        p.push(mth(&leaves[k..]));
        p
    } else {
        let mut p = subproof(m - k, &leaves[k..], false);
        p.push(mth(&leaves[..k]));
        p
    }
}

#[test]
fn roots_and_proofs_match_the_rfc_for_every_small_tree() {
    let mut tree = Memory::default();
    let mut leaves = Vec::new();
    assert_eq!(root(&tree, 0), Ok(sha256(&[])));
    for n in 1..=70u64 {
        tree.push(&data(n - 1));
        leaves.push(data(n - 1));
        let expected = mth(&leaves);
        assert_eq!(root(&tree, n), Ok(expected), "root of {n}");
        for m in 0..n {
            let proof = inclusion_proof(&tree, m, n).expect("proof");
            assert_eq!(proof, path(m as usize, &leaves), "inclusion {m} of {n}");
            assert!(verify_inclusion(&leaf_hash(&leaves[m as usize]), m, n, &proof, &expected), "verify {m} of {n}");
            assert!(!verify_inclusion(&leaf_hash(b"tampered"), m, n, &proof, &expected));
        }
        for m in 1..=n {
            let proof = consistency_proof(&tree, m, n).expect("proof");
            if m < n {
                assert_eq!(proof, subproof(m as usize, &leaves, true), "consistency {m} to {n}");
            }
            let old_root = mth(&leaves[..m as usize]);
            assert!(verify_consistency(m, n, &old_root, &expected, &proof), "verify {m} to {n}");
            if m < n {
                assert!(!verify_consistency(m, n, &leaf_hash(b"other"), &expected, &proof), "forged {m} to {n}");
            }
        }
    }
}

#[test]
fn roots_of_earlier_sizes_stay_reachable() {
    let mut tree = Memory::default();
    let mut leaves = Vec::new();
    for i in 0..37 {
        tree.push(&data(i));
        leaves.push(data(i));
    }
    for n in 1..=37 {
        assert_eq!(root(&tree, n), Ok(mth(&leaves[..n as usize])));
    }
}

#[test]
fn tree_heads_are_signed_and_checked() {
    let key = LogKey::from_secret([7; 32]);
    let head = TreeHead { size: 3, timestamp_ms: 1_292_342_400_000, root: leaf_hash(b"x") };
    let signed = key.sign(head);
    assert_eq!(signed.verify(&key.public_key()), Ok(()));
    let forged = SignedTreeHead { head: TreeHead { size: 4, ..head }, ..signed };
    assert_eq!(forged.verify(&key.public_key()), Err(VerifyError::BadSignature));
    let other = LogKey::from_secret([8; 32]);
    assert_eq!(signed.verify(&other.public_key()), Err(VerifyError::BadSignature));
    assert!(format!("{key:?}").contains(&to_hex(&key.public_key())));
    assert!(!format!("{key:?}").contains(&to_hex(&key.secret())));
}

#[test]
fn hex_round_trips() {
    let hash = leaf_hash(b"abc");
    assert_eq!(from_hex::<32>(&to_hex(&hash)), Some(hash));
    assert_eq!(from_hex::<32>(&to_hex(&hash).to_uppercase()), Some(hash));
    assert_eq!(from_hex::<32>("zz"), None);
    assert_eq!(from_hex::<2>("0g00"), None);
}

#[test]
fn a_compact_tree_has_the_rfc_root_at_every_size() {
    let leaves: Vec<Vec<u8>> = (0..70).map(data).collect();
    let mut tree = CompactTree::default();
    assert_eq!(tree.root(), mth(&[]));
    for (n, leaf) in leaves.iter().enumerate() {
        tree.push(leaf_hash(leaf));
        assert_eq!(tree.size(), n as u64 + 1);
        assert_eq!(tree.root(), mth(&leaves[..=n]), "size {}", n + 1);
    }
}
