//! The key that signs the log's tree heads, kept in a file of its own and never in the
//! database: a copy of the database (a backup, a dump, a replica) can neither sign a tree head
//! nor forge one. The database records only the public half, so that every server of an
//! instance is checked to sign with the same key.

use std::io::Write;
use std::path::{Path, PathBuf};

use consulta_log::{LogKey, SignedTreeHead, TreeHead, from_hex, to_hex};

use crate::heads::HeadJournal;
use crate::{LogStore, StoreError};

/// Signs the log's tree heads with the instance's key, and journals the heads it signs when
/// the log grows (`heads`), so that a rewrite of the database is caught later.
#[derive(Debug)]
pub struct LogSigner {
    key: LogKey,
    journal: Option<HeadJournal>,
}

impl LogSigner {
    pub fn new(key: LogKey, journal: Option<HeadJournal>) -> LogSigner {
        LogSigner { key, journal }
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.key.public_key()
    }

    pub fn sign(&self, head: TreeHead) -> SignedTreeHead {
        self.key.sign(head)
    }

    /// The head as a C2SP checkpoint (a signed note).
    pub fn checkpoint(&self, head: &TreeHead) -> String {
        self.key.checkpoint(head)
    }

    /// Signs a head the log has just grown to, and appends its checkpoint to the journal.
    pub fn sign_and_journal(&self, head: TreeHead) -> std::io::Result<SignedTreeHead> {
        if let Some(journal) = &self.journal {
            journal.append(&self.key.checkpoint(&head))?;
        }
        Ok(self.key.sign(head))
    }

    /// A sender's network address as the record keeps it for the per-sender limit: keyed with a
    /// key derived from the log's (which the database does not hold), so that neither the
    /// database alone nor a guess of every address tells who sent what; the same on every server.
    pub fn sender_key(&self, address: &std::net::IpAddr) -> String {
        let mut keyed = b"consulta sender v1\n".to_vec();
        keyed.extend_from_slice(&self.key.secret());
        keyed.extend_from_slice(address.to_string().as_bytes());
        to_hex(&consulta_log::sha256(&keyed)[..16])
    }

    /// A tag that only the instance's servers can make for `data`, for tokens they hand out and
    /// take back (a refused form's kept files). The data is hashed first, so the outer hash has
    /// a fixed length and cannot be extended.
    pub fn tag(&self, purpose: &str, data: &[u8]) -> String {
        let mut keyed = format!("consulta {purpose} v1\n").into_bytes();
        keyed.extend_from_slice(&self.key.secret());
        keyed.extend_from_slice(&consulta_log::sha256(data));
        to_hex(&consulta_log::sha256(&keyed))
    }

    /// Reads the store's head now and signs it.
    pub fn signed_head(&self, store: &dyn LogStore, now: jiff::Timestamp) -> Result<SignedTreeHead, StoreError> {
        Ok(self.key.sign(store.tree_head(now)?))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the log key file {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the log key file {0} does not hold a key (64 hexadecimal digits)")]
    Malformed(PathBuf),
    #[error(
        "the log key in {path} (public key {found}) is not this instance's (public key {recorded}): use the key \
         file of the instance's first server"
    )]
    NotTheInstances { path: PathBuf, found: String, recorded: String },
    #[error("the instance signs with a key, but there is no key file at {0}: copy the instance's key file there")]
    Missing(PathBuf),
    #[error("no randomness to make the log's key: {0}")]
    Randomness(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io { path: path.to_owned(), source }
}

/// Reads a key file: the secret's 64 hexadecimal digits (spaces and line ends ignored).
pub fn read_key_file(path: &Path) -> Result<LogKey, KeyError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let secret = from_hex(text.trim()).ok_or_else(|| KeyError::Malformed(path.to_owned()))?;
    Ok(LogKey::from_secret(secret))
}

/// Writes a new key file readable by its owner only; refuses to replace one.
fn write_key_file(path: &Path, key: &LogKey) -> Result<(), KeyError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io(path))?;
    file.write_all(format!("{}\n", to_hex(&key.secret())).as_bytes()).map_err(io(path))?;
    file.sync_all().map_err(io(path))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))?;
    }
    Ok(())
}

/// The instance's log key from `path`. On an instance's first start the key is made there; an
/// older instance's key is moved out of its database into the file. The key must be the one
/// the record knows (every server of an instance signs with one key).
pub fn open_log_key(store: &mut dyn LogStore, path: &Path) -> Result<LogKey, KeyError> {
    let key = if path.exists() {
        read_key_file(path)?
    } else if let Some(secret) = store.legacy_log_secret()? {
        let key = LogKey::from_secret(secret);
        write_key_file(path, &key)?;
        key
    } else if store.log_public_key()?.is_some() {
        // The instance has signed with a key already (imports alone sign nothing).
        return Err(KeyError::Missing(path.to_owned()));
    } else {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).map_err(|e| KeyError::Randomness(e.to_string()))?;
        let key = LogKey::from_secret(secret);
        match write_key_file(path, &key) {
            Ok(()) => key,
            // Two servers of a new instance starting at once: the first file written wins.
            Err(KeyError::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => {
                read_key_file(path)?
            }
            Err(error) => return Err(error),
        }
    };
    let recorded = store.claim_log_key(&key.public_key())?;
    if recorded != key.public_key() {
        return Err(KeyError::NotTheInstances {
            path: path.to_owned(),
            found: to_hex(&key.public_key()),
            recorded: to_hex(&recorded),
        });
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LogStore;

    fn store(dir: &Path) -> crate::SqliteStore {
        crate::SqliteStore::open(&dir.join("consulta.db")).expect("store")
    }

    #[test]
    fn the_key_is_made_once_in_its_file_and_never_in_the_database() {
        let dir = tempfile::tempdir().expect("directory");
        let path = dir.path().join("consulta-log.key");
        let mut s = store(dir.path());
        let key = open_log_key(&mut s, &path).expect("made");
        assert_eq!(open_log_key(&mut s, &path).expect("read again").public_key(), key.public_key());
        assert_eq!(s.log_public_key().expect("read"), Some(key.public_key()), "the public half is recorded");
        assert_eq!(s.legacy_log_secret().expect("read"), None);
        let bytes = std::fs::read(dir.path().join("consulta.db")).expect("database");
        let secret = key.secret();
        assert!(!bytes.windows(32).any(|w| w == secret), "the secret is nowhere in the database file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("key file").permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by its owner only");
        }

        // Another server with another key is refused; a lost key file is not silently replaced.
        let other = dir.path().join("other.key");
        write_key_file(&other, &LogKey::from_secret([9; 32])).expect("write");
        assert!(matches!(open_log_key(&mut s, &other), Err(KeyError::NotTheInstances { .. })));
        std::fs::remove_file(&path).expect("lose the key");
        assert!(matches!(open_log_key(&mut s, &path), Err(KeyError::Missing(_))));
        std::fs::write(&path, "not a key").expect("write");
        assert!(matches!(open_log_key(&mut s, &path), Err(KeyError::Malformed(_))));
    }

    #[test]
    fn an_older_instances_key_moves_out_of_its_database() {
        let dir = tempfile::tempdir().expect("directory");
        let db = dir.path().join("consulta.db");
        drop(store(dir.path()));
        let connection = rusqlite::Connection::open(&db).expect("open");
        connection
            .execute("INSERT INTO instance_secrets (name, value) VALUES ('log_signing_key', ?1)", [&[5u8; 32][..]])
            .expect("an old key");
        drop(connection);
        let mut s = store(dir.path());
        let path = dir.path().join("consulta-log.key");
        let key = open_log_key(&mut s, &path).expect("moved");
        assert_eq!(key.secret(), [5u8; 32]);
        assert_eq!(read_key_file(&path).expect("file").secret(), [5u8; 32]);
        assert_eq!(s.legacy_log_secret().expect("read"), None, "gone from the database");
    }
}
