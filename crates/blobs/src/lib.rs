//! Attachments, kept by the SHA-256 of their bytes: the same file is stored once, and its name
//! is its proof of integrity. `BlobStore` is the seam for other backends (S3-compatible object
//! storage for several servers); `LocalBlobs` keeps them in a directory, `S3Blobs` in a bucket;
//! `open` chooses by location.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use consulta_log::{Hash, sha256, to_hex};

mod s3;
pub use s3::S3Blobs;

#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("cannot write to the blob store {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read from the blob store {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("the blob {0} does not match its hash: the store is damaged")]
    Damaged(String),
    #[error("cannot use the blob store {location}: {message}")]
    Location { location: String, message: String },
    #[error("the object store {location} failed: {message}")]
    Remote { location: String, message: String },
}

/// The blob store a location names: `s3://bucket/prefix?endpoint=…` for object storage, else a
/// local directory.
pub fn open(location: &str) -> Result<std::sync::Arc<dyn BlobStore>, BlobError> {
    if location.starts_with("s3://") {
        Ok(std::sync::Arc::new(S3Blobs::open(location)?))
    } else {
        Ok(std::sync::Arc::new(LocalBlobs::new(location)))
    }
}

pub trait BlobStore: Send + Sync + std::fmt::Debug {
    /// Stores `bytes` durably (on disk when this returns) and gives their SHA-256.
    fn put(&self, bytes: &[u8]) -> Result<Hash, BlobError>;
    /// The bytes stored under `sha256`, checked against it; None if absent.
    fn get(&self, sha256: &Hash) -> Result<Option<Vec<u8>>, BlobError>;
}

/// Blobs in a directory, as `ab/cdef…` (the first two hex digits make a subdirectory).
#[derive(Debug, Clone)]
pub struct LocalBlobs {
    root: PathBuf,
}

impl LocalBlobs {
    pub fn new(root: impl Into<PathBuf>) -> LocalBlobs {
        LocalBlobs { root: root.into() }
    }

    fn path(&self, sha256: &Hash) -> PathBuf {
        let hex = to_hex(sha256);
        self.root.join(&hex[..2]).join(&hex[2..])
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

fn sync_dir(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

impl BlobStore for LocalBlobs {
    fn put(&self, bytes: &[u8]) -> Result<Hash, BlobError> {
        let hash = sha256(bytes);
        let path = self.path(&hash);
        if path.exists() {
            return Ok(hash);
        }
        let write_error = |source| BlobError::Write { path: path.clone(), source };
        let dir = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).map_err(write_error)?;
        // Write beside, sync, then rename: a crash leaves either nothing or the whole file.
        let mut temporary = tempfile_in(dir).map_err(write_error)?;
        temporary.1.write_all(bytes).map_err(write_error)?;
        temporary.1.sync_all().map_err(write_error)?;
        fs::rename(&temporary.0, &path).map_err(write_error)?;
        sync_dir(dir).map_err(write_error)?;
        Ok(hash)
    }

    fn get(&self, sha256_wanted: &Hash) -> Result<Option<Vec<u8>>, BlobError> {
        let path = self.path(sha256_wanted);
        match fs::read(&path) {
            Ok(bytes) if &sha256(&bytes) == sha256_wanted => Ok(Some(bytes)),
            Ok(_) => Err(BlobError::Damaged(to_hex(sha256_wanted))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(BlobError::Read { path, source }),
        }
    }
}

/// A new file in `dir` with a name no other writer uses.
fn tempfile_in(dir: &Path) -> io::Result<(PathBuf, File)> {
    for attempt in 0u32.. {
        let name = format!(".incoming-{}-{}-{attempt}", std::process::id(), unique());
        let path = dir.join(name);
        match File::options().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no temporary name is free"))
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_round_trip_once_per_content() {
        let dir = tempfile::tempdir().expect("directory");
        let blobs = LocalBlobs::new(dir.path().join("blobs"));
        let hash = blobs.put(b"%PDF-1.4 example").expect("put");
        assert_eq!(blobs.put(b"%PDF-1.4 example").expect("put again"), hash);
        assert_eq!(blobs.get(&hash).expect("get"), Some(b"%PDF-1.4 example".to_vec()));
        assert_eq!(blobs.get(&sha256(b"absent")).expect("get"), None);
        let files: Vec<_> = fs::read_dir(blobs.root()).expect("list").collect();
        assert_eq!(files.len(), 1, "one subdirectory, no temporary file left");
    }

    #[test]
    fn a_damaged_blob_is_reported() {
        let dir = tempfile::tempdir().expect("directory");
        let blobs = LocalBlobs::new(dir.path());
        let hash = blobs.put(b"original").expect("put");
        fs::write(blobs.path(&hash), b"altered").expect("tamper");
        assert!(matches!(blobs.get(&hash), Err(BlobError::Damaged(_))));
    }
}
