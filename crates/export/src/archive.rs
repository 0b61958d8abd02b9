//! The bulk archive of a consultation: everything public in one zip, with a manifest that gives
//! every file's SHA-256 and every contribution's inclusion proof against a signed tree head, so
//! that anyone can check it offline (`consulta verify-archive`) without trusting the server.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use consulta_blobs::BlobStore;
use consulta_core::Consultation;
use consulta_intake::submission::TreeHeadJson;
use consulta_log::{from_hex, leaf_hash, to_hex, verify_inclusion};
use consulta_store::log_key::LogSigner;
use consulta_store::{Extraction, Store};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::tables::{CONTRIBUTION_COLUMNS, ENTITY_COLUMNS, contribution_value, csv_row, entity_values_from};
use crate::{ExportError, Result, for_each_contribution};

/// The manifest's format; a reader refuses formats it does not know.
const FORMAT: &str = "consulta-archive/1";
const MANIFEST: &str = "manifest.json";

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    consultation: String,
    generated_at: String,
    /// The instance's Ed25519 public key, hexadecimal: compare it with the one the instance
    /// publishes at /api/v1/log/tree-head.
    public_key: String,
    tree_head: TreeHeadJson,
    contributions: Vec<ManifestContribution>,
    files: Vec<ManifestFile>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ManifestContribution {
    id: i64,
    leaf_index: u64,
    record_sha256: String,
    inclusion_proof: Vec<String>,
    /// The canonical record's file; absent for a withheld contribution.
    record: Option<String>,
    withheld_reason: Option<String>,
    /// The files of its attachments, in the record's order.
    attachments: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct ManifestFile {
    path: String,
    size: u64,
    sha256: String,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSummary {
    pub contributions: u64,
    pub withheld: u64,
    pub files: u64,
    pub tree_size: u64,
}

/// Writes a zip entry and notes its size and hash for the manifest.
struct Entries<W: Write + Seek> {
    zip: ZipWriter<W>,
    files: Vec<ManifestFile>,
}

impl<W: Write + Seek> Entries<W> {
    fn add(&mut self, path: String, source: &mut dyn Read, compress: bool) -> Result<()> {
        let method = if compress { CompressionMethod::Deflated } else { CompressionMethod::Stored };
        let options = SimpleFileOptions::default().compression_method(method).large_file(true);
        self.zip.start_file(path.as_str(), options)?;
        let (size, sha256) = copy_hashing(source, &mut self.zip)?;
        self.files.push(ManifestFile { path, size, sha256: to_hex(&sha256) });
        Ok(())
    }
}

fn copy_hashing(source: &mut dyn Read, sink: &mut dyn Write) -> std::io::Result<(u64, [u8; 32])> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut size = 0;
    loop {
        let n = source.read(&mut buffer)?;
        if n == 0 {
            return Ok((size, hasher.finalize().into()));
        }
        hasher.update(&buffer[..n]);
        sink.write_all(&buffer[..n])?;
        size += n as u64;
    }
}

/// A file name safe inside a zip on every system: no directories, no control characters.
fn safe_name(name: &str) -> String {
    let cleaned: String =
        name.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
    let trimmed = cleaned.trim_matches(['.', ' ']);
    if trimmed.is_empty() { "file".to_owned() } else { trimmed.to_owned() }
}

/// Writes the archive of `consultation` to `out`. It holds what the log held at `now`: later
/// contributions wait for the next archive.
pub fn write_archive<W: Write + Seek>(
    store: &dyn Store,
    blobs: &dyn BlobStore,
    signer: &LogSigner,
    consultation: &Consultation,
    now: Timestamp,
    out: W,
) -> Result<ArchiveSummary> {
    let head = signer.signed_head(store, now)?;
    let mut entries = Entries { zip: ZipWriter::new(out), files: Vec::new() };
    let mut contributions = Vec::new();
    let mut entity_counts = BTreeMap::new();
    // The tables are written beside the archive as it goes, then copied in: one pass over the
    // record, whatever its size.
    let mut csv_file = BufWriter::new(tempfile::tempfile()?);
    let mut json_file = BufWriter::new(tempfile::tempfile()?);
    let mut csv = csv::Writer::from_writer(&mut csv_file);
    csv.write_record(CONTRIBUTION_COLUMNS)?;
    json_file.write_all(b"[")?;
    let mut withheld = 0;
    for_each_contribution(store, consultation, Some(head.head.size), &mut |c| {
        let value = contribution_value(&c);
        csv.write_record(csv_row(&value, &CONTRIBUTION_COLUMNS))?;
        json_file.write_all(if contributions.is_empty() { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut json_file, &value)?;
        let id = c.id.0;
        let mut record_path = None;
        let mut attachments = Vec::new();
        if let Some(record) = c.published() {
            *entity_counts.entry(c.entity).or_default() += 1;
            let path = format!("records/{id}.json");
            entries.add(path.clone(), &mut record.to_bytes().as_slice(), true)?;
            record_path = Some(path);
            let text = format!("{}\n\n{}\n", record.title, record.body);
            entries.add(format!("texts/{id}.txt"), &mut text.as_bytes(), true)?;
            for (position, attachment) in store.attachments(c.id)?.iter().enumerate() {
                let bytes = blobs
                    .get(&attachment.sha256)?
                    .ok_or_else(|| ExportError::MissingFile { id, sha256: to_hex(&attachment.sha256) })?;
                let path = format!("attachments/{id}/{position}-{}", safe_name(&attachment.name));
                entries.add(path.clone(), &mut bytes.as_slice(), false)?;
                attachments.push(path);
                if let Some(Extraction::Done(text)) = store.extraction(c.id, attachment.position)? {
                    entries.add(format!("texts/{id}-{position}.txt"), &mut text.as_bytes(), true)?;
                }
            }
        } else {
            withheld += 1;
        }
        let inclusion = c.inclusion.as_ref().ok_or(ExportError::MissingRecord(id))?;
        contributions.push(ManifestContribution {
            id,
            leaf_index: inclusion.leaf_index,
            record_sha256: to_hex(&c.record_sha256),
            inclusion_proof: inclusion.proof.iter().map(|h| to_hex(h)).collect(),
            record: record_path,
            withheld_reason: c.withheld_reason.clone(),
            attachments,
        });
        Ok(())
    })?;
    csv.flush()?;
    drop(csv);
    json_file.write_all(b"\n]\n")?;
    for (name, file) in [("contributions.csv", csv_file), ("contributions.json", json_file)] {
        let mut file = file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        entries.add(name.to_owned(), &mut file, true)?;
    }

    let entities = entity_values_from(store, entity_counts)?;
    let mut entities_csv = csv::Writer::from_writer(Vec::new());
    entities_csv.write_record(ENTITY_COLUMNS)?;
    for value in &entities {
        entities_csv.write_record(csv_row(value, &ENTITY_COLUMNS))?;
    }
    let entities_csv = entities_csv.into_inner().map_err(|e| ExportError::Io(e.into_error()))?;
    entries.add("entities.csv".into(), &mut entities_csv.as_slice(), true)?;
    entries.add("entities.json".into(), &mut serde_json::to_vec_pretty(&entities)?.as_slice(), true)?;
    let popolo = crate::tables::popolo(&entities);
    entries.add("entities.popolo.json".into(), &mut serde_json::to_vec_pretty(&popolo)?.as_slice(), true)?;

    let summary = ArchiveSummary {
        contributions: contributions.len() as u64,
        withheld,
        files: entries.files.len() as u64,
        tree_size: head.head.size,
    };
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        consultation: consultation.record.slug.as_str().to_owned(),
        generated_at: now.to_string(),
        public_key: to_hex(&signer.public_key()),
        tree_head: TreeHeadJson::from(&head),
        contributions,
        files: entries.files,
    };
    let mut zip = entries.zip;
    zip.start_file(MANIFEST, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated))?;
    serde_json::to_writer_pretty(&mut zip, &manifest)?;
    zip.finish()?;
    Ok(summary)
}

/// What a verified archive holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveReport {
    pub consultation: String,
    pub generated_at: String,
    pub contributions: u64,
    pub withheld: u64,
    pub files: u64,
    pub tree_size: u64,
    pub root_hash: String,
    pub public_key: String,
}

/// Why an archive does not verify. Each names what is at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveProblem {
    #[error("not a readable zip archive: {0}")]
    Unreadable(String),
    #[error("the archive has no manifest.json")]
    NoManifest,
    #[error("manifest.json cannot be read: {0}")]
    BadManifest(String),
    #[error("the archive's format {0} is not one this Consulta knows")]
    UnknownFormat(String),
    #[error("{0} is listed in the manifest but missing from the archive")]
    MissingFile(String),
    #[error("{0} is in the archive but not in the manifest")]
    UnlistedFile(String),
    #[error("{0} differs from the manifest (its SHA-256 or size changed)")]
    FileChanged(String),
    #[error("the tree head's signature does not verify with the archive's public key")]
    BadSignature,
    #[error("the record of contribution {0} does not have the hash its log entry commits to")]
    RecordChanged(i64),
    #[error("contribution {0} is not in the signed log: its inclusion proof fails")]
    NotInLog(i64),
    #[error("the record of contribution {id} does not match the archive: {detail}")]
    RecordMismatch { id: i64, detail: String },
}

/// Checks an archive offline: every file against the manifest, the tree head's signature, every
/// contribution's inclusion in the signed log, and every record against its files.
pub fn verify_archive<R: Read + Seek>(input: R) -> Result<ArchiveReport, ArchiveProblem> {
    let mut zip = ZipArchive::new(input).map_err(|e| ArchiveProblem::Unreadable(e.to_string()))?;
    let manifest: Manifest = {
        let file = zip.by_name(MANIFEST).map_err(|_| ArchiveProblem::NoManifest)?;
        serde_json::from_reader(file).map_err(|e| ArchiveProblem::BadManifest(e.to_string()))?
    };
    if manifest.format != FORMAT {
        return Err(ArchiveProblem::UnknownFormat(manifest.format));
    }

    let listed: BTreeMap<&str, &ManifestFile> = manifest.files.iter().map(|f| (f.path.as_str(), f)).collect();
    for file in &manifest.files {
        let mut entry = zip.by_name(&file.path).map_err(|_| ArchiveProblem::MissingFile(file.path.clone()))?;
        let (size, sha256) = copy_hashing(&mut entry, &mut std::io::sink())
            .map_err(|e| ArchiveProblem::Unreadable(format!("{}: {e}", file.path)))?;
        if size != file.size || to_hex(&sha256) != file.sha256 {
            return Err(ArchiveProblem::FileChanged(file.path.clone()));
        }
    }
    let names = zip
        .file_names()
        .map(|name| name.map(|n| n.into_owned()))
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| ArchiveProblem::Unreadable(e.to_string()))?;
    for name in names {
        if name != MANIFEST && !name.ends_with('/') && !listed.contains_key(name.as_str()) {
            return Err(ArchiveProblem::UnlistedFile(name));
        }
    }

    let bad_manifest = |what: &str| ArchiveProblem::BadManifest(what.to_owned());
    let head = manifest.tree_head.parse().ok_or_else(|| bad_manifest("tree_head"))?;
    let public_key: [u8; 32] = from_hex(&manifest.public_key).ok_or_else(|| bad_manifest("public_key"))?;
    head.verify(&public_key).map_err(|_| ArchiveProblem::BadSignature)?;

    let mut ids = BTreeSet::new();
    let mut withheld = 0;
    for c in &manifest.contributions {
        if !ids.insert(c.id) {
            return Err(bad_manifest(&format!("contribution {} is listed twice", c.id)));
        }
        let record_sha256: [u8; 32] = from_hex(&c.record_sha256).ok_or_else(|| bad_manifest("record_sha256"))?;
        let proof = c
            .inclusion_proof
            .iter()
            .map(|h| from_hex(h).ok_or_else(|| bad_manifest("inclusion_proof")))
            .collect::<Result<Vec<[u8; 32]>, _>>()?;
        if !verify_inclusion(&leaf_hash(&record_sha256), c.leaf_index, head.head.size, &proof, &head.head.root) {
            return Err(ArchiveProblem::NotInLog(c.id));
        }
        let Some(path) = &c.record else {
            withheld += 1;
            continue;
        };
        let file = listed.get(path.as_str()).ok_or_else(|| ArchiveProblem::MissingFile(path.clone()))?;
        if file.sha256 != c.record_sha256 {
            return Err(ArchiveProblem::RecordChanged(c.id));
        }
        check_record(&mut zip, c, &listed)?;
    }
    Ok(ArchiveReport {
        consultation: manifest.consultation,
        generated_at: manifest.generated_at,
        contributions: manifest.contributions.len() as u64,
        withheld,
        files: manifest.files.len() as u64,
        tree_size: head.head.size,
        root_hash: to_hex(&head.head.root),
        public_key: manifest.public_key,
    })
}

/// The record of a contribution names its id and, for each attachment, the hash and size of
/// the file the archive holds for it.
fn check_record<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    c: &ManifestContribution,
    listed: &BTreeMap<&str, &ManifestFile>,
) -> Result<(), ArchiveProblem> {
    let mismatch = |detail: String| ArchiveProblem::RecordMismatch { id: c.id, detail };
    let path = c.record.as_deref().unwrap_or_default();
    let entry = zip.by_name(path).map_err(|_| ArchiveProblem::MissingFile(path.to_owned()))?;
    let record: RecordView = serde_json::from_reader(entry).map_err(|e| mismatch(e.to_string()))?;
    if record.id != c.id {
        return Err(mismatch(format!("the record says id {}", record.id)));
    }
    if record.attachments.len() != c.attachments.len() {
        return Err(mismatch(format!(
            "{} files in the record, {} in the archive",
            record.attachments.len(),
            c.attachments.len()
        )));
    }
    for (named, path) in record.attachments.iter().zip(&c.attachments) {
        let file = listed.get(path.as_str()).ok_or_else(|| ArchiveProblem::MissingFile(path.clone()))?;
        if file.sha256 != named.sha256 || file.size != named.size {
            return Err(mismatch(format!("{path} is not the file {} the record names", named.name)));
        }
    }
    Ok(())
}

/// The parts of a canonical record the check reads.
#[derive(Debug, Deserialize)]
struct RecordView {
    id: i64,
    attachments: Vec<AttachmentView>,
}

#[derive(Debug, Deserialize)]
struct AttachmentView {
    name: String,
    size: u64,
    sha256: String,
}
