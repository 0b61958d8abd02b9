//! Files a refused contribution form had already received, kept so that the contributor does not
//! have to choose them again: each is stored (the blob store keeps unreferenced files for an hour
//! before any sweep) and named in the form again by a token the server tagged, which holds the
//! file's hash, size, type, name and an expiry, so a client can neither forge one nor name a
//! stored file it did not send.

use consulta_blobs::{BlobError, BlobStore};
use consulta_intake::submission::UploadedFile;
use consulta_log::{bytes_from_hex, from_hex, to_hex};
use consulta_store::log_key::LogSigner;
use jiff::{SignedDuration, Timestamp};

/// How long a kept file may be sent again: well within the blob store's grace before a sweep.
pub const KEPT_FOR: SignedDuration = SignedDuration::from_mins(30);

const PURPOSE: &str = "kept file";

/// A kept file as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct KeptFile {
    pub token: String,
    pub name: String,
    pub size: u64,
}

/// Why kept files cannot be taken back.
#[derive(Debug, thiserror::Error)]
pub enum KeptFileError {
    /// Expired, altered, or of another instance: the contributor chooses the file again.
    #[error("a kept file's token is expired or not valid")]
    Invalid,
    #[error(transparent)]
    Blobs(#[from] BlobError),
}

/// Stores `files` and gives each its token.
pub fn keep(
    blobs: &dyn BlobStore,
    signer: &LogSigner,
    files: &[UploadedFile],
    now: Timestamp,
) -> Result<Vec<KeptFile>, BlobError> {
    let expires = (now + KEPT_FOR).as_second();
    files
        .iter()
        .map(|file| {
            let hash = blobs.put(&file.bytes)?;
            let size = file.bytes.len() as u64;
            let payload = format!(
                "{expires}.{}.{size}.{}.{}",
                to_hex(&hash),
                to_hex(file.media_type.as_bytes()),
                to_hex(file.name.as_bytes())
            );
            let tag = signer.tag(PURPOSE, payload.as_bytes());
            Ok(KeptFile { token: format!("{payload}.{tag}"), name: file.name.clone(), size })
        })
        .collect()
}

/// A kept file a token names, once its tag and expiry are checked: what to read back, and how
/// much memory that takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    hash: consulta_log::Hash,
    pub size: u64,
    name: String,
    media_type: String,
}

/// The kept files `tokens` name, each token checked.
pub fn verify(signer: &LogSigner, tokens: &[String], now: Timestamp) -> Result<Vec<Kept>, KeptFileError> {
    tokens.iter().map(|token| verify_one(signer, token, now)).collect()
}

/// The files read back from the blob store, each checked against its size.
pub fn read(blobs: &dyn BlobStore, kept: Vec<Kept>) -> Result<Vec<UploadedFile>, KeptFileError> {
    kept.into_iter()
        .map(|k| {
            let bytes = blobs.get(&k.hash)?.ok_or(KeptFileError::Invalid)?;
            if bytes.len() as u64 != k.size {
                return Err(KeptFileError::Invalid);
            }
            Ok(UploadedFile { name: k.name, media_type: k.media_type, bytes })
        })
        .collect()
}

fn verify_one(signer: &LogSigner, token: &str, now: Timestamp) -> Result<Kept, KeptFileError> {
    let (payload, tag) = token.rsplit_once('.').ok_or(KeptFileError::Invalid)?;
    if !consulta_auth::tokens_match(&signer.tag(PURPOSE, payload.as_bytes()), tag) {
        return Err(KeptFileError::Invalid);
    }
    let parts: Vec<&str> = payload.split('.').collect();
    let [expires, hash, size, media_type, name] = parts[..] else { return Err(KeptFileError::Invalid) };
    if expires.parse::<i64>().map_err(|_| KeptFileError::Invalid)? < now.as_second() {
        return Err(KeptFileError::Invalid);
    }
    let text =
        |hex: &str| bytes_from_hex(hex).and_then(|bytes| String::from_utf8(bytes).ok()).ok_or(KeptFileError::Invalid);
    Ok(Kept {
        hash: from_hex(hash).ok_or(KeptFileError::Invalid)?,
        size: size.parse().map_err(|_| KeptFileError::Invalid)?,
        name: text(name)?,
        media_type: text(media_type)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer_in(dir: &std::path::Path) -> LogSigner {
        let mut store = consulta_store::SqliteStore::open(&dir.join("consulta.db")).expect("store");
        LogSigner::new(consulta_store::log_key::open_log_key(&mut store, &dir.join("log.key")).expect("key"), None)
    }

    fn take_back(
        blobs: &dyn BlobStore,
        signer: &LogSigner,
        tokens: &[String],
        now: Timestamp,
    ) -> Result<Vec<UploadedFile>, KeptFileError> {
        read(blobs, verify(signer, tokens, now)?)
    }

    #[test]
    fn a_kept_file_comes_back_until_it_expires_and_no_token_can_be_forged() {
        let dir = tempfile::tempdir().expect("directory");
        let blobs = consulta_blobs::LocalBlobs::new(dir.path().join("files"));
        let signer = signer_in(dir.path());
        let file =
            UploadedFile { name: "note.pdf".into(), media_type: "application/pdf".into(), bytes: b"%PDF".to_vec() };
        let now = Timestamp::now();
        let kept = keep(&blobs, &signer, std::slice::from_ref(&file), now).expect("kept");
        assert_eq!((kept[0].name.as_str(), kept[0].size), ("note.pdf", 4));
        let tokens = vec![kept[0].token.clone()];
        assert_eq!(take_back(&blobs, &signer, &tokens, now).expect("back"), vec![file.clone()]);
        let later = now + KEPT_FOR + SignedDuration::from_secs(1);
        assert!(matches!(take_back(&blobs, &signer, &tokens, later), Err(KeptFileError::Invalid)));
        // Another name, another stored file, a longer life: each breaks the tag.
        let (payload, tag) = kept[0].token.rsplit_once('.').expect("tagged");
        let renamed = payload.replace(&to_hex(b"note.pdf"), &to_hex(b"other.pdf"));
        let other = blobs.put(b"someone else's file").expect("put");
        let swapped = payload.replace(&to_hex(&consulta_log::sha256(b"%PDF")), &to_hex(&other));
        let extended = format!("{}{}", (now + KEPT_FOR * 10).as_second(), &payload[payload.find('.').expect("dot")..]);
        for forged in [renamed, swapped, extended, "x".into(), String::new()] {
            let token = vec![format!("{forged}.{tag}")];
            assert!(matches!(take_back(&blobs, &signer, &token, now), Err(KeptFileError::Invalid)), "{forged}");
        }
        // Another instance's key does not make this one's tags.
        let elsewhere = tempfile::tempdir().expect("directory");
        assert!(matches!(take_back(&blobs, &signer_in(elsewhere.path()), &tokens, now), Err(KeptFileError::Invalid)));
    }
}
