//! Files no record names: a submission's files are stored before the transaction that records
//! it, so a refused submission (or a crash between the two) leaves them behind. The sweep
//! removes those older than a grace period, in two passes, while servers go on receiving
//! (`consulta_blobs::BlobStore::sweep` says how nothing in use is lost).

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use consulta_blobs::{BlobStore, SweepReport};
use consulta_store::Store;

/// How long a stored file may wait for the record that names it: far longer than any
/// submission takes from its files' storing to its commit.
pub const GRACE: Duration = Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    #[error(transparent)]
    Store(#[from] consulta_store::StoreError),
    #[error(transparent)]
    Blobs(#[from] consulta_blobs::BlobError),
}

/// One sweep of `blobs` against the attachments `store` records; files stored less than
/// `grace` before `now` are left alone.
pub fn sweep_unreferenced(
    store: &dyn Store,
    blobs: &dyn BlobStore,
    now: SystemTime,
    grace: Duration,
) -> Result<SweepReport, SweepError> {
    let referenced: HashSet<consulta_log::Hash> = store.attachment_hashes()?.into_iter().collect();
    Ok(blobs.sweep(now - grace, &|hash| referenced.contains(hash))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_refused_submissions_go_and_recorded_ones_stay() {
        let dir = tempfile::tempdir().expect("directory");
        let store = consulta_store::SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        let orphan = blobs.put(b"a refused submission's file").expect("put");
        let soon = SystemTime::now() + GRACE + Duration::from_secs(1);
        let first = sweep_unreferenced(&store, &blobs, soon, GRACE).expect("sweep");
        assert_eq!(first.set_aside, 1);
        let second = sweep_unreferenced(&store, &blobs, soon + GRACE + GRACE, GRACE).expect("sweep");
        assert_eq!(second.removed, 1);
        assert_eq!(blobs.get(&orphan).expect("get"), None);
    }
}
