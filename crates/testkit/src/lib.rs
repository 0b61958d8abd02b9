//! What Consulta's tests share, kept out of the code that runs in production: a record in a
//! temporary directory (`TempRecord`) with the consultations tests use most, and small valid
//! files of each format Consulta reads (`samples`). A crate's own unit tests below `store` cannot
//! use it (it would link a second copy of that crate); every crate above can, as a
//! dev-dependency.

pub mod samples;

use std::path::PathBuf;

use consulta_blobs::LocalBlobs;
use consulta_core::{Consultation, ConsultationDraft};
use consulta_store::log_key::{LogSigner, open_log_key};
use consulta_store::{Database, SqliteStore};

/// A record in a temporary directory, removed when dropped: an SQLite database holding one
/// consultation, a file store beside it, and the signer of its log's heads.
pub struct TempRecord {
    pub dir: tempfile::TempDir,
    pub database: Database,
    pub blobs: LocalBlobs,
    pub consultation: Consultation,
    pub signer: LogSigner,
}

impl TempRecord {
    /// A record with the consultation `draft` describes.
    pub fn with(draft: ConsultationDraft) -> TempRecord {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let database = Database::sqlite(&dir.path().join("consulta.db"));
        let mut store = database.connect().expect("the database");
        let consultation =
            store.create_consultation(&draft.check().expect("a valid consultation")).expect("the consultation");
        let key = open_log_key(&mut *store, &dir.path().join("log.key")).expect("the log key");
        let blobs = LocalBlobs::new(dir.path().join("files"));
        TempRecord { dir, database, blobs, consultation, signer: LogSigner::new(key, None) }
    }

    /// The database's file.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("consulta.db")
    }

    /// A connection of its own to the record.
    pub fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.path()).expect("the database")
    }
}

/// The shape of the 2010 consultation on enhanced cooperation: `ec-2010`, in English, open from
/// 1 September to 31 December 2010, in UTC.
pub fn consultation_2010() -> ConsultationDraft {
    ConsultationDraft {
        slug: "ec-2010".into(),
        original_language: "en".into(),
        title: vec![("en".into(), "Enhanced cooperation".into())],
        opens: "2010-09-01".into(),
        closes: "2010-12-31".into(),
        time_zone: "UTC".into(),
        ..Default::default()
    }
}

/// A consultation open from 2020 to 2099, so that anything sent now is on time.
pub fn open_consultation(slug: &str) -> ConsultationDraft {
    ConsultationDraft {
        slug: slug.into(),
        original_language: "en".into(),
        title: vec![("en".into(), "Open".into())],
        opens: "2020-01-01".into(),
        closes: "2099-12-31".into(),
        time_zone: "UTC".into(),
        ..Default::default()
    }
}
