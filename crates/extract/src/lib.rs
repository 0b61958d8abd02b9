//! Text extraction from attachments, for search: PDF, DOCX, ODT, HTML and plain text. It runs
//! as a background job over the attachments the store lists as pending, so intake never waits
//! for it; a file whose text cannot be extracted is kept and served as it came, and its
//! extraction is marked failed with the reason. Servers extract in a child process the
//! operating system bounds (`isolated`), so no file can take them down.

mod isolated;
mod markup;

use std::io::{Cursor, Read};

use consulta_blobs::BlobStore;
use consulta_store::{Extraction, JobStore, StoreError};

pub use isolated::{ExtractionLimits, Extractor, worker_main};

/// The most text kept from one file: more is a bomb or a mistake, not a contribution.
pub const MAX_TEXT_BYTES: usize = 8 << 20;
/// The most a zipped document's XML may inflate to (its text is a fraction of it).
pub const MAX_XML_BYTES: u64 = 64 << 20;

/// The kinds of file whose text Consulta extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Docx,
    Odt,
    Html,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("not a format whose text Consulta extracts")]
    Unsupported,
    #[error("the file is damaged or not what it claims to be: {0}")]
    Damaged(String),
    /// The file passed a limit (a decompression bomb, a parser gone astray).
    #[error("the file passed a limit: {0}")]
    Limit(String),
    /// The extractor itself could not run (no temporary space, no binary).
    #[error("{0}")]
    Worker(String),
}

/// What a file is, from its first bytes, then its media type and name.
pub fn kind(bytes: &[u8], media_type: &str, name: &str) -> Option<Kind> {
    let name = name.to_ascii_lowercase();
    let media_type = media_type.to_ascii_lowercase();
    if bytes.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        if media_type.contains("opendocument.text") || name.ends_with(".odt") {
            return Some(Kind::Odt);
        }
        if media_type.contains("wordprocessingml") || name.ends_with(".docx") {
            return Some(Kind::Docx);
        }
        // A zip file of unknown purpose: look inside.
        let names = zip::ZipArchive::new(Cursor::new(bytes))
            .map(|z| z.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect::<Vec<_>>());
        return match names {
            Ok(names) if names.iter().any(|n| n == "word/document.xml") => Some(Kind::Docx),
            Ok(names) if names.iter().any(|n| n == "content.xml") => Some(Kind::Odt),
            _ => None,
        };
    }
    if media_type.starts_with("text/html") || name.ends_with(".html") || name.ends_with(".htm") {
        return Some(Kind::Html);
    }
    if media_type.starts_with("text/") || name.ends_with(".txt") || name.ends_with(".md") || name.ends_with(".csv") {
        return Some(Kind::Text);
    }
    None
}

fn zip_entry(bytes: &[u8], entry: &str) -> Result<String, ExtractError> {
    let damaged = |e: &dyn std::fmt::Display| ExtractError::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let file = archive.by_name(entry).map_err(|e| damaged(&e))?;
    // Read no more than the limit whatever the archive claims: a bomb says nothing true.
    let mut xml = String::new();
    file.take(MAX_XML_BYTES + 1).read_to_string(&mut xml).map_err(|e| damaged(&e))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(ExtractError::Limit(format!("{entry} inflates to more than {} MiB", MAX_XML_BYTES >> 20)));
    }
    Ok(xml)
}

/// Plain text in UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is read as
/// Latin-1, which never fails and is right for most older Western files.
fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], big: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| if big { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, true);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// The text of a file of the given kind.
pub fn extract(kind: Kind, bytes: &[u8]) -> Result<String, ExtractError> {
    let text = match kind {
        Kind::Text => decode_text(bytes),
        Kind::Html => markup::html_text(&decode_text(bytes)),
        Kind::Docx => markup::docx_text(&zip_entry(bytes, "word/document.xml")?),
        Kind::Odt => markup::odt_text(&zip_entry(bytes, "content.xml")?),
        Kind::Pdf => {
            // A malformed PDF must not take the worker down with it.
            let owned = bytes.to_vec();
            match std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned)) {
                Ok(Ok(text)) => text,
                Ok(Err(e)) => return Err(ExtractError::Damaged(e.to_string())),
                Err(_) => return Err(ExtractError::Damaged("the PDF could not be parsed".into())),
            }
        }
    };
    if text.len() > MAX_TEXT_BYTES.saturating_mul(4) {
        return Err(ExtractError::Limit(format!("the file holds more than {} MiB of text", MAX_TEXT_BYTES >> 20)));
    }
    let text = tidy(&text);
    if text.len() > MAX_TEXT_BYTES {
        return Err(ExtractError::Limit(format!("the file holds more than {} MiB of text", MAX_TEXT_BYTES >> 20)));
    }
    Ok(text)
}

/// Collapses runs of spaces and of blank lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        out.push_str(&line);
    }
    out
}

/// How long a server's claim on an attachment lasts: longer than the slowest extraction the
/// limits allow; a server that dies leaves its files to another after this.
pub const CLAIM: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Claims for `holder` at most `limit` attachments waiting for their text (one server of
/// several: each reads what it claimed) and extracts each with `extractor`, which releases its
/// claim; returns how many it handled. Failures are recorded against the file, never fatal.
pub fn run_pending(
    store: &mut dyn JobStore,
    holder: &str,
    blobs: &dyn BlobStore,
    extractor: &Extractor,
    limit: usize,
) -> Result<usize, StoreError> {
    let pending = store.claim_extractions(holder, CLAIM, limit)?;
    for attachment in &pending {
        let outcome = match blobs.get(&attachment.sha256) {
            Ok(Some(bytes)) => match kind(&bytes, &attachment.media_type, &attachment.name) {
                Some(kind) => match extractor.extract(kind, &bytes) {
                    Ok(text) => Extraction::Done(text),
                    Err(e) => Extraction::Failed(e.to_string()),
                },
                None => Extraction::Unsupported,
            },
            Ok(None) => Extraction::Failed("the file is missing from the blob store".into()),
            Err(e) => Extraction::Failed(e.to_string()),
        };
        if let Extraction::Failed(reason) = &outcome {
            tracing::warn!(contribution = attachment.contribution.0, file = %attachment.name, %reason, "text extraction failed");
        }
        store.set_extraction(attachment.contribution, attachment.position, &outcome)?;
    }
    Ok(pending.len())
}

#[cfg(test)]
mod tests;
