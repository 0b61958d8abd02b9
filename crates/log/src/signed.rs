//! Signed tree heads: the instance's Ed25519 signature over (size, time, root), so a tree head
//! fetched once can be held against the instance later.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use crate::{Hash, to_hex};

/// What a signature covers, domain-separated so it cannot be mistaken for anything else.
const CONTEXT: &[u8] = b"consulta tree head v1\n";

/// The state of the log at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeHead {
    pub size: u64,
    /// Milliseconds since the Unix epoch.
    pub timestamp_ms: i64,
    pub root: Hash,
}

impl TreeHead {
    fn signed_bytes(&self) -> Vec<u8> {
        let mut bytes = CONTEXT.to_vec();
        bytes.extend_from_slice(&self.size.to_be_bytes());
        bytes.extend_from_slice(&self.timestamp_ms.to_be_bytes());
        bytes.extend_from_slice(&self.root);
        bytes
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedTreeHead {
    pub head: TreeHead,
    pub signature: [u8; 64],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("the public key is not a valid Ed25519 key")]
    BadKey,
    #[error("the signature does not match the tree head")]
    BadSignature,
}

/// The instance's signing key.
pub struct LogKey {
    key: SigningKey,
}

impl std::fmt::Debug for LogKey {
    /// Shows the public half only.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogKey").field("public", &to_hex(&self.public_key())).finish_non_exhaustive()
    }
}

impl LogKey {
    /// The key from its 32 secret bytes (fresh random bytes make a new key).
    pub fn from_secret(secret: [u8; 32]) -> LogKey {
        LogKey { key: SigningKey::from_bytes(&secret) }
    }

    pub fn secret(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    pub fn sign(&self, head: TreeHead) -> SignedTreeHead {
        SignedTreeHead { head, signature: self.key.sign(&head.signed_bytes()).to_bytes() }
    }
}

impl SignedTreeHead {
    /// Checks the signature against the instance's public key.
    pub fn verify(&self, public_key: &[u8; 32]) -> Result<(), VerifyError> {
        let key = VerifyingKey::from_bytes(public_key).map_err(|_| VerifyError::BadKey)?;
        key.verify(&self.head.signed_bytes(), &Signature::from_bytes(&self.signature))
            .map_err(|_| VerifyError::BadSignature)
    }
}
