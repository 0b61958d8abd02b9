//! Tree heads as C2SP `tlog-checkpoint` signed notes (https://c2sp.org/tlog-checkpoint,
//! https://c2sp.org/signed-note), the format the transparency-log ecosystem's witnesses and
//! verifiers read:
//!
//! ```text
//! <origin>
//! <tree size>
//! <root hash, base64>
//! timestamp <milliseconds since the Unix epoch>
//!
//! — <origin> <base64(key id ‖ Ed25519 signature)>
//! ```
//!
//! The signature covers the note's text (every line above the blank one, each ending in a
//! newline); the key id is the first four bytes of SHA-256(key name ‖ "\n" ‖ 0x01 ‖ public
//! key), as signed-note defines for Ed25519.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::{Hash, LogKey, TreeHead};

/// The signature algorithm byte of Ed25519 in signed notes.
const ED25519: u8 = 0x01;
/// The line that introduces a signature.
const SIGNATURE_PREFIX: &str = "\u{2014} ";
/// The extension line that carries the tree head's time.
const TIMESTAMP_PREFIX: &str = "timestamp ";

/// Why a checkpoint is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a checkpoint: {0}")]
    Malformed(&'static str),
    #[error("the checkpoint is of log {found}, not {expected}")]
    OtherLog { expected: String, found: String },
    #[error("no signature by {0} verifies")]
    NotSigned(String),
}

/// The log's origin line: unique to the instance, from its public key (stable for as long as
/// the key is, whatever address the instance is served at).
pub fn origin(public_key: &[u8; 32]) -> String {
    format!("consulta/{}", crate::to_hex(&public_key[..8]))
}

fn key_id(name: &str, public_key: &[u8; 32]) -> [u8; 4] {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    hasher.update(b"\n");
    hasher.update([ED25519]);
    hasher.update(public_key);
    let digest: Hash = hasher.finalize().into();
    [digest[0], digest[1], digest[2], digest[3]]
}

fn body(origin: &str, head: &TreeHead) -> String {
    format!("{origin}\n{}\n{}\n{TIMESTAMP_PREFIX}{}\n", head.size, STANDARD.encode(head.root), head.timestamp_ms)
}

impl LogKey {
    /// The tree head as a checkpoint signed by this key, named by the log's origin.
    pub fn checkpoint(&self, head: &TreeHead) -> String {
        let public = self.public_key();
        let origin = origin(&public);
        let text = body(&origin, head);
        let key = SigningKey::from_bytes(&self.secret());
        let signature = key.sign(text.as_bytes()).to_bytes();
        let mut signed = key_id(&origin, &public).to_vec();
        signed.extend_from_slice(&signature);
        format!("{text}\n{SIGNATURE_PREFIX}{origin} {}\n", STANDARD.encode(signed))
    }
}

/// Reads a checkpoint of the log whose key is `public_key` and checks its signature; gives the
/// tree head it states. Signatures by other keys (witnesses' cosignatures) are allowed.
pub fn verify_checkpoint(note: &str, public_key: &[u8; 32]) -> Result<TreeHead, CheckpointError> {
    let expected = origin(public_key);
    let (text, signatures) = note.split_once("\n\n").ok_or(CheckpointError::Malformed("no blank line"))?;
    let text = format!("{text}\n");
    let mut lines = text.lines();
    let found = lines.next().ok_or(CheckpointError::Malformed("no origin"))?;
    if found != expected {
        return Err(CheckpointError::OtherLog { expected, found: found.to_owned() });
    }
    let size = lines.next().and_then(|l| l.parse::<u64>().ok()).ok_or(CheckpointError::Malformed("tree size"))?;
    let root: Hash = lines
        .next()
        .and_then(|l| STANDARD.decode(l).ok())
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(CheckpointError::Malformed("root hash"))?;
    let timestamp_ms = lines
        .find_map(|l| l.strip_prefix(TIMESTAMP_PREFIX))
        .and_then(|t| t.parse::<i64>().ok())
        .ok_or(CheckpointError::Malformed("timestamp"))?;
    let id = key_id(&expected, public_key);
    let key = VerifyingKey::from_bytes(public_key).map_err(|_| CheckpointError::Malformed("public key"))?;
    let verified = signatures
        .lines()
        .filter_map(|line| line.strip_prefix(SIGNATURE_PREFIX)?.strip_prefix(expected.as_str())?.strip_prefix(' '))
        .filter_map(|encoded| STANDARD.decode(encoded).ok())
        .filter(|signed| signed.len() == 68 && signed[..4] == id)
        .any(|signed| {
            let signature: [u8; 64] = signed[4..].try_into().unwrap_or([0; 64]);
            key.verify(text.as_bytes(), &Signature::from_bytes(&signature)).is_ok()
        });
    if !verified {
        return Err(CheckpointError::NotSigned(expected));
    }
    Ok(TreeHead { size, timestamp_ms, root })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> LogKey {
        LogKey::from_secret([byte; 32])
    }

    #[test]
    fn a_checkpoint_is_a_signed_note_that_verifies_and_refuses_any_change() {
        let head = TreeHead { size: 98, timestamp_ms: 1_292_338_800_000, root: [7; 32] };
        let note = key(1).checkpoint(&head);
        let public = key(1).public_key();
        let lines: Vec<&str> = note.lines().collect();
        assert_eq!(lines[0], origin(&public));
        assert_eq!(lines[1], "98");
        assert_eq!(lines[2], STANDARD.encode([7u8; 32]));
        assert_eq!(lines[3], "timestamp 1292338800000");
        assert_eq!(lines[4], "");
        assert!(lines[5].starts_with(&format!("\u{2014} {} ", origin(&public))));
        assert!(note.ends_with('\n'));
        assert_eq!(verify_checkpoint(&note, &public), Ok(head));

        let grown = note.replacen("\n98\n", "\n99\n", 1);
        assert!(matches!(verify_checkpoint(&grown, &public), Err(CheckpointError::NotSigned(_))));
        let other = key(2).public_key();
        assert!(matches!(verify_checkpoint(&note, &other), Err(CheckpointError::OtherLog { .. })));
        // A witness's cosignature after the log's own does not disturb it.
        let cosigned = format!("{note}\u{2014} witness.example AAAA\n");
        assert_eq!(verify_checkpoint(&cosigned, &public), Ok(head));
        assert!(verify_checkpoint("", &public).is_err());
    }

    #[test]
    fn the_key_id_is_the_one_signed_note_defines() {
        // SHA-256("name\n" ‖ 0x01 ‖ key), first four bytes, computed independently here.
        let public = key(3).public_key();
        let mut bytes = b"example.org/log\n\x01".to_vec();
        bytes.extend_from_slice(&public);
        let digest = crate::sha256(&bytes);
        assert_eq!(key_id("example.org/log", &public), [digest[0], digest[1], digest[2], digest[3]]);
    }

    mod properties {
        //! Any note is read without a panic; a real checkpoint with a character changed is
        //! refused, or still states exactly the head that was signed.
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn any_note_is_read_without_a_panic(note in "\\PC{0,300}") {
                let _ = verify_checkpoint(&note, &key(1).public_key());
            }

            #[test]
            fn a_changed_checkpoint_is_refused(at in any::<usize>(), with in any::<char>()) {
                let head = TreeHead { size: 98, timestamp_ms: 1_292_338_800_000, root: [7; 32] };
                let mut chars: Vec<char> = key(1).checkpoint(&head).chars().collect();
                let at = at % chars.len();
                chars[at] = with;
                let changed: String = chars.into_iter().collect();
                if let Ok(read) = verify_checkpoint(&changed, &key(1).public_key()) {
                    prop_assert_eq!(read, head);
                }
            }
        }
    }
}
