//! Attachments, kept by the SHA-256 of their bytes: the same file is stored once, and its name
//! is its proof of integrity. `BlobStore` is the seam for other backends (S3-compatible object
//! storage for several servers); `LocalBlobs` keeps them in a directory, `S3Blobs` in a bucket;
//! `open` chooses by location.
//!
//! Files are written before the record that names them, so a refused submission can leave a
//! blob no record names. `sweep` removes those in two passes while servers run: a blob older
//! than the grace period and unreferenced is first set aside (where `get` still finds it, and
//! the next sweep puts it back if a record named it meanwhile), and removed by a later sweep if
//! it is still unreferenced. No blob a submission in flight relies on is ever lost.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    /// The disk (or quota) is full: nothing was kept of the file.
    #[error("the blob store {0} is full")]
    Full(PathBuf),
}

/// What a sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Unreferenced blobs older than the grace period, set aside.
    pub set_aside: u64,
    /// Blobs set aside by an earlier sweep and still unreferenced, removed.
    pub removed: u64,
    /// Blobs set aside that a record names after all, put back.
    pub restored: u64,
    /// Partial files left by writes that never finished (a crash, a full disk), removed.
    pub partials: u64,
}

/// Whether a blob's hash is named by a record.
pub type Referenced<'a> = &'a dyn Fn(&Hash) -> bool;

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
    /// One sweep (see the module's comment): `before` is the end of the grace period (blobs
    /// written or stored again since are left alone), `referenced` says which blobs records
    /// name.
    fn sweep(&self, before: SystemTime, referenced: Referenced<'_>) -> Result<SweepReport, BlobError>;
}

/// Where blobs are set aside, inside the store.
const SET_ASIDE: &str = ".swept";

/// The name of a blob set aside at `at`: its hash and the time, so a later sweep knows when.
fn set_aside_name(hash: &Hash, at: SystemTime) -> String {
    let seconds = at.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    format!("{}.{seconds}", to_hex(hash))
}

/// The hash and time a set-aside name holds.
fn parse_set_aside(name: &str) -> Option<(Hash, SystemTime)> {
    let (hex, seconds) = name.split_once('.')?;
    let at = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(seconds.parse().ok()?);
    Some((consulta_log::from_hex(hex)?, at))
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
        // Stored already: marked fresh, so that no sweep sets it aside before the record that
        // names it again is written.
        if File::options().write(true).open(&path).and_then(|f| f.set_modified(SystemTime::now())).is_ok() {
            return Ok(hash);
        }
        let write_error = |source: io::Error| {
            if matches!(source.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded) {
                BlobError::Full(self.root.clone())
            } else {
                BlobError::Write { path: path.clone(), source }
            }
        };
        let dir = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).map_err(write_error)?;
        // Write beside, sync, then rename: a crash leaves either nothing or the whole file.
        let (temporary, mut file) = tempfile_in(dir).map_err(write_error)?;
        let written = file
            .write_all(bytes)
            .and_then(|()| file.sync_all())
            .and_then(|()| fs::rename(&temporary, &path))
            .and_then(|()| sync_dir(dir));
        if let Err(error) = written {
            // Nothing half-written stays behind, full disk or not.
            let _ = fs::remove_file(&temporary);
            return Err(write_error(error));
        }
        Ok(hash)
    }

    fn get(&self, sha256_wanted: &Hash) -> Result<Option<Vec<u8>>, BlobError> {
        let path = self.path(sha256_wanted);
        match fs::read(&path) {
            Ok(bytes) if &sha256(&bytes) == sha256_wanted => Ok(Some(bytes)),
            Ok(_) => Err(BlobError::Damaged(to_hex(sha256_wanted))),
            // A sweep may have set it aside a moment before a record named it.
            Err(e) if e.kind() == io::ErrorKind::NotFound => match self.restore_set_aside(sha256_wanted)? {
                true => self.get(sha256_wanted),
                false => Ok(None),
            },
            Err(source) => Err(BlobError::Read { path, source }),
        }
    }

    fn sweep(&self, before: SystemTime, referenced: Referenced<'_>) -> Result<SweepReport, BlobError> {
        let mut report = SweepReport::default();
        let read = |path: &Path| {
            let path = path.to_owned();
            move |source| BlobError::Read { path, source }
        };
        let aside = self.root.join(SET_ASIDE);
        // First what earlier sweeps set aside: back if a record names it, gone if not.
        for entry in read_dir_or_empty(&aside).map_err(read(&aside))? {
            let entry = entry.map_err(read(&aside))?;
            let Some((hash, at)) = parse_set_aside(&entry.file_name().to_string_lossy()) else { continue };
            if referenced(&hash) {
                report.restored += u64::from(self.restore_set_aside(&hash)?);
            } else if at < before {
                fs::remove_file(entry.path()).map_err(read(&entry.path()))?;
                report.removed += 1;
            }
        }
        // Then the store: unreferenced blobs older than the grace period set aside, partial
        // files of writes that never finished removed.
        for shard in read_dir_or_empty(&self.root).map_err(read(&self.root))? {
            let shard = shard.map_err(read(&self.root))?;
            let shard_name = shard.file_name().to_string_lossy().into_owned();
            if shard_name.len() != 2 || !shard.path().is_dir() {
                continue;
            }
            for entry in fs::read_dir(shard.path()).map_err(read(&shard.path()))? {
                let entry = entry.map_err(read(&shard.path()))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                let modified = entry.metadata().and_then(|m| m.modified()).map_err(read(&entry.path()))?;
                if modified >= before {
                    continue;
                }
                if name.starts_with(".incoming-") {
                    fs::remove_file(entry.path()).map_err(read(&entry.path()))?;
                    report.partials += 1;
                    continue;
                }
                let Some(hash) = consulta_log::from_hex(&format!("{shard_name}{name}")) else { continue };
                if !referenced(&hash) {
                    fs::create_dir_all(&aside).map_err(read(&aside))?;
                    let target = aside.join(set_aside_name(&hash, SystemTime::now()));
                    fs::rename(entry.path(), &target).map_err(read(&entry.path()))?;
                    report.set_aside += 1;
                }
            }
        }
        Ok(report)
    }
}

impl LocalBlobs {
    /// Puts a blob a sweep set aside back in its place; false if none is set aside.
    fn restore_set_aside(&self, hash: &Hash) -> Result<bool, BlobError> {
        let aside = self.root.join(SET_ASIDE);
        let prefix = format!("{}.", to_hex(hash));
        let read = |source| BlobError::Read { path: aside.clone(), source };
        for entry in read_dir_or_empty(&aside).map_err(read)? {
            let entry = entry.map_err(read)?;
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let path = self.path(hash);
                fs::create_dir_all(path.parent().unwrap_or(&self.root)).map_err(read)?;
                fs::rename(entry.path(), &path).map_err(read)?;
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The entries of a directory, none if it does not exist.
fn read_dir_or_empty(path: &Path) -> io::Result<Box<dyn Iterator<Item = io::Result<fs::DirEntry>>>> {
    match fs::read_dir(path) {
        Ok(entries) => Ok(Box::new(entries)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Box::new(std::iter::empty())),
        Err(e) => Err(e),
    }
}

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
    fn a_sweep_sets_aside_then_removes_unreferenced_blobs_and_never_loses_one_in_use() {
        let dir = tempfile::tempdir().expect("directory");
        let blobs = LocalBlobs::new(dir.path().join("blobs"));
        let kept = blobs.put(b"named by a record").expect("put");
        let orphan = blobs.put(b"left by a refused submission").expect("put");
        let late = blobs.put(b"named after the sweep looked").expect("put");
        let partial = blobs.root().join("ab").join(".incoming-1-2-0");
        fs::create_dir_all(partial.parent().expect("dir")).expect("dir");
        fs::write(&partial, b"half").expect("partial");
        let hour = std::time::Duration::from_secs(3600);
        let later = SystemTime::now() + hour;
        let named = |h: &Hash| *h == kept;
        assert_eq!(
            blobs.sweep(SystemTime::UNIX_EPOCH, &named).expect("sweep"),
            SweepReport::default(),
            "nothing is touched within the grace period"
        );
        let first = blobs.sweep(later, &named).expect("sweep");
        assert_eq!((first.set_aside, first.partials), (2, 1), "{first:?}");
        assert!(!partial.exists());
        assert_eq!(blobs.get(&kept).expect("get"), Some(b"named by a record".to_vec()));
        // A record named `late` after the sweep looked: it is still found, and kept.
        assert_eq!(blobs.get(&late).expect("get"), Some(b"named after the sweep looked".to_vec()));
        let second = blobs.sweep(later + hour, &|h| *h == kept || *h == late).expect("sweep");
        assert_eq!(second.removed, 1, "{second:?}");
        assert_eq!(blobs.get(&orphan).expect("get"), None);
        assert!(blobs.get(&late).expect("get").is_some());
        // Storing the same bytes again marks them fresh: no sweep sets them aside meanwhile.
        let again = blobs.put(b"named by a record").expect("put");
        assert_eq!(blobs.sweep(SystemTime::now() - hour, &|_| false).expect("sweep").set_aside, 0);
        assert_eq!(again, kept);
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
