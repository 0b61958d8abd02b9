//! The consultations submissions go to, kept a few seconds in memory: every submission needs its
//! consultation, and reading it again for each is, on PostgreSQL, a round trip and a parse per
//! submission. What intake checks (the id, the period, whether unverified contributions are
//! accepted, whether it is an example) never changes once a consultation is created; only its
//! texts gain translations, which an acknowledgement may miss for `FRESH_FOR`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use consulta_core::Consultation;
use consulta_store::{Store, StoreError};

/// How long a consultation read is used again.
const FRESH_FOR: Duration = Duration::from_secs(10);

#[derive(Debug, Default)]
pub(crate) struct ConsultationCache {
    /// By slug: only consultations that exist, so its size is bounded by theirs.
    read: Mutex<HashMap<String, (Instant, Consultation)>>,
}

impl ConsultationCache {
    /// The consultation `slug` names, read from `store` unless it was read less than
    /// `FRESH_FOR` ago.
    pub(crate) fn by_slug(&self, store: &dyn Store, slug: &str) -> Result<Option<Consultation>, StoreError> {
        if let Ok(read) = self.read.lock() {
            if let Some((_, consultation)) = read.get(slug).filter(|(at, _)| at.elapsed() < FRESH_FOR) {
                return Ok(Some(consultation.clone()));
            }
        }
        let found = store.consultation_by_slug(slug)?;
        if let (Some(consultation), Ok(mut read)) = (&found, self.read.lock()) {
            read.insert(slug.to_owned(), (Instant::now(), consultation.clone()));
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consulta_core::ConsultationDraft;
    use consulta_store::RecordStore;

    #[test]
    fn a_consultation_is_read_once_while_fresh_and_an_unknown_one_every_time() {
        let dir = tempfile::tempdir().expect("directory");
        let mut store = consulta_store::SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        let cache = ConsultationCache::default();
        assert!(cache.by_slug(&store, "later").expect("read").is_none());
        let draft = ConsultationDraft {
            slug: "later".into(),
            original_language: "en".into(),
            title: vec![("en".into(), "Later".into())],
            opens: "2020-01-01".into(),
            closes: "2099-12-31".into(),
            time_zone: "UTC".into(),
            ..Default::default()
        };
        let created = store.create_consultation(&draft.check().expect("draft")).expect("created");
        assert_eq!(cache.by_slug(&store, "later").expect("read").map(|c| c.id), Some(created.id), "a miss is not kept");
        drop(store);
        std::fs::remove_file(dir.path().join("consulta.db")).expect("the database gone");
        let empty = consulta_store::SqliteStore::open(&dir.path().join("other.db")).expect("another store");
        assert_eq!(
            cache.by_slug(&empty, "later").expect("read").map(|c| c.id),
            Some(created.id),
            "read again from memory while fresh"
        );
    }
}
