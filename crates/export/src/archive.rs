//! The bulk archive of a consultation: everything public in one zip, with a manifest that gives
//! every file's SHA-256 and every contribution's inclusion proof against a signed tree head, so
//! that anyone can check it offline (`consulta verify-archive`) without trusting the server.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufWriter, Read, Seek, SeekFrom, Write};

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

use crate::tables::{CONTRIBUTION_COLUMNS, EntityListings, contribution_value, csv_row, write_entities_of};
use crate::{ExportError, Result, for_each_contribution};

/// The manifest's format; a reader refuses formats it does not know.
const FORMAT: &str = "consulta-archive/2";
const MANIFEST: &str = "manifest.json";
/// The canonical records, one a line, each byte for byte what the log commits to (compact JSON
/// holds no line break). One file, not one a record: a zip's directory of millions of entries
/// would be held whole in memory by its writer and by every reader.
const RECORDS: &str = "records.jsonl";
/// The texts, one a line: `{"id", "file", "text"}`, `file` null for the title and text, the
/// attachment's place for the text extracted from it.
const TEXTS: &str = "texts.jsonl";
/// The longest line of `records.jsonl` a reader takes: a record's text is at most 1 MiB
/// (`MAX_BODY_BYTES`), which JSON's escapes can make six times longer.
const MAX_RECORD_LINE: usize = 8 << 20;

/// The manifest as a reader takes it whole; the writer writes its head (`ManifestHead`), then
/// streams the two lists after it.
#[derive(Debug, Deserialize)]
struct Manifest {
    format: String,
    consultation: String,
    generated_at: String,
    public_key: String,
    tree_head: TreeHeadJson,
    contributions: Vec<ManifestContribution>,
    files: Vec<ManifestFile>,
}

/// The manifest's fields before its two lists.
#[derive(Debug, Serialize)]
struct ManifestHead {
    format: String,
    consultation: String,
    generated_at: String,
    /// The instance's Ed25519 public key, hexadecimal: compare it with the one the instance
    /// publishes at /api/v1/log/tree-head.
    public_key: String,
    tree_head: TreeHeadJson,
}

#[derive(Debug, Serialize, Deserialize)]
struct ManifestContribution {
    id: i64,
    leaf_index: u64,
    record_sha256: String,
    inclusion_proof: Vec<String>,
    /// The canonical record's line in `records.jsonl` (the first is 1); absent for a withheld
    /// contribution.
    record_line: Option<u64>,
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

/// Writes a zip entry and notes its size and hash for the manifest, in a file beside the
/// archive: the manifest's lists grow with the record, the writer's memory does not.
struct Entries<W: Write + Seek> {
    zip: ZipWriter<W>,
    files: JsonList,
}

impl<W: Write + Seek> Entries<W> {
    fn add(&mut self, path: String, source: &mut dyn Read, compress: bool) -> Result<()> {
        let method = if compress { CompressionMethod::Deflated } else { CompressionMethod::Stored };
        let options = SimpleFileOptions::default().compression_method(method).large_file(true);
        self.zip.start_file(path.as_str(), options)?;
        let (size, sha256) = copy_hashing(source, &mut self.zip)?;
        self.files.push(&ManifestFile { path, size, sha256: to_hex(&sha256) })
    }
}

/// The elements of a JSON array written one by one to a temporary file, then copied whole into
/// the manifest.
struct JsonList {
    file: BufWriter<std::fs::File>,
    len: u64,
}

impl JsonList {
    fn new() -> Result<JsonList> {
        Ok(JsonList { file: BufWriter::new(tempfile::tempfile()?), len: 0 })
    }

    fn push(&mut self, element: &impl Serialize) -> Result<()> {
        self.file.write_all(if self.len == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.file, element)?;
        self.len += 1;
        Ok(())
    }

    /// Writes the array to `out`.
    fn copy_to(self, out: &mut dyn Write) -> Result<()> {
        let mut file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        out.write_all(b"[")?;
        std::io::copy(&mut file, out)?;
        out.write_all(b"\n]")?;
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

/// A line of `texts.jsonl`.
fn write_text(texts: &mut impl Write, id: i64, file: Option<usize>, text: &str) -> Result<()> {
    serde_json::to_writer(&mut *texts, &serde_json::json!({ "id": id, "file": file, "text": text }))?;
    texts.write_all(b"\n")?;
    Ok(())
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
    let mut entries = Entries { zip: ZipWriter::new(out), files: JsonList::new()? };
    let mut contributions = JsonList::new()?;
    let mut entity_counts = BTreeMap::new();
    // The tables are written beside the archive as it goes, then copied in: one pass over the
    // record, whatever its size.
    let mut csv_file = BufWriter::new(tempfile::tempfile()?);
    let mut json_file = BufWriter::new(tempfile::tempfile()?);
    let mut records = BufWriter::new(tempfile::tempfile()?);
    let mut texts = BufWriter::new(tempfile::tempfile()?);
    let mut record_lines = 0;
    let mut csv = csv::Writer::from_writer(&mut csv_file);
    csv.write_record(CONTRIBUTION_COLUMNS)?;
    json_file.write_all(b"[")?;
    let mut withheld = 0;
    for_each_contribution(store, consultation, Some(head.head.size), &mut |c| {
        let value = contribution_value(&c);
        csv.write_record(csv_row(&value, &CONTRIBUTION_COLUMNS))?;
        json_file.write_all(if contributions.len == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut json_file, &value)?;
        let id = c.id.0;
        let mut record_line = None;
        let mut attachments = Vec::new();
        if let Some(record) = c.published() {
            *entity_counts.entry(c.entity).or_default() += 1;
            records.write_all(&record.to_bytes())?;
            records.write_all(b"\n")?;
            record_lines += 1;
            record_line = Some(record_lines);
            let text = format!("{}\n\n{}\n", record.title, record.body);
            write_text(&mut texts, id, None, &text)?;
            for (position, attachment) in store.attachments(c.id)?.iter().enumerate() {
                let bytes = blobs
                    .get(&attachment.sha256)?
                    .ok_or_else(|| ExportError::MissingFile { id, sha256: to_hex(&attachment.sha256) })?;
                let path = format!("attachments/{id}/{position}-{}", safe_name(&attachment.name));
                entries.add(path.clone(), &mut bytes.as_slice(), false)?;
                attachments.push(path);
                if let Some(Extraction::Done(text)) = store.extraction(c.id, attachment.position)? {
                    write_text(&mut texts, id, Some(position), &text)?;
                }
            }
        } else {
            withheld += 1;
        }
        let inclusion = c.inclusion.as_ref().ok_or(ExportError::MissingRecord(id))?;
        contributions.push(&ManifestContribution {
            id,
            leaf_index: inclusion.leaf_index,
            record_sha256: to_hex(&c.record_sha256),
            inclusion_proof: inclusion.proof.iter().map(|h| to_hex(h)).collect(),
            record_line,
            withheld_reason: c.withheld_reason.clone(),
            attachments,
        })
    })?;
    csv.flush()?;
    drop(csv);
    json_file.write_all(b"\n]\n")?;

    let [mut entities_csv, mut entities_json, mut popolo] =
        [tempfile::tempfile()?, tempfile::tempfile()?, tempfile::tempfile()?].map(BufWriter::new);
    let listings =
        EntityListings { csv: Some(&mut entities_csv), json: Some(&mut entities_json), popolo: Some(&mut popolo) };
    write_entities_of(store, entity_counts, listings)?;
    // The files written beside the archive, copied in.
    for (name, file) in [
        (RECORDS, records),
        (TEXTS, texts),
        ("contributions.csv", csv_file),
        ("contributions.json", json_file),
        ("entities.csv", entities_csv),
        ("entities.json", entities_json),
        ("entities.popolo.json", popolo),
    ] {
        let mut file = file.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        entries.add(name.to_owned(), &mut file, true)?;
    }

    let summary = ArchiveSummary {
        contributions: contributions.len,
        withheld,
        files: entries.files.len,
        tree_size: head.head.size,
    };
    let manifest = ManifestHead {
        format: FORMAT.to_owned(),
        consultation: consultation.record.slug.as_str().to_owned(),
        generated_at: now.to_string(),
        public_key: to_hex(&signer.public_key()),
        tree_head: TreeHeadJson::from(&head),
    };
    let mut zip = entries.zip;
    zip.start_file(MANIFEST, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated))?;
    // The head's fields, then the two lists copied from their files: one JSON object.
    let mut out = BufWriter::new(&mut zip);
    out.write_all(b"{")?;
    if let serde_json::Value::Object(fields) = serde_json::to_value(&manifest)? {
        for (name, value) in fields {
            writeln!(out)?;
            serde_json::to_writer(&mut out, &name)?;
            out.write_all(b": ")?;
            serde_json::to_writer_pretty(&mut out, &value)?;
            out.write_all(b",")?;
        }
    }
    out.write_all(b"\n\"contributions\": ")?;
    contributions.copy_to(&mut out)?;
    out.write_all(b",\n\"files\": ")?;
    entries.files.copy_to(&mut out)?;
    out.write_all(b"\n}\n")?;
    out.flush()?;
    drop(out);
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
    // The records are read in one pass, in the manifest's order, whatever their number.
    let mut records = match zip.by_name(RECORDS) {
        Ok(entry) => Some(std::io::BufReader::new(entry)),
        Err(_) if manifest.contributions.iter().all(|c| c.record_line.is_none()) => None,
        Err(_) => return Err(ArchiveProblem::MissingFile(RECORDS.to_owned())),
    };
    let mut lines_read = 0;
    let mut line = Vec::new();
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
        let Some(wanted) = c.record_line else {
            withheld += 1;
            continue;
        };
        let records = records.as_mut().ok_or_else(|| ArchiveProblem::MissingFile(RECORDS.to_owned()))?;
        if wanted <= lines_read {
            return Err(bad_manifest(&format!("the record lines are not in order at contribution {}", c.id)));
        }
        while lines_read < wanted {
            line.clear();
            let read = records
                .by_ref()
                .take(MAX_RECORD_LINE as u64 + 1)
                .read_until(b'\n', &mut line)
                .map_err(|e| ArchiveProblem::Unreadable(format!("{RECORDS}: {e}")))?;
            if line.len() > MAX_RECORD_LINE {
                return Err(ArchiveProblem::RecordMismatch {
                    id: c.id,
                    detail: format!("line {} of {RECORDS} is longer than any record", lines_read + 1),
                });
            }
            if read == 0 {
                return Err(ArchiveProblem::RecordMismatch {
                    id: c.id,
                    detail: format!("{RECORDS} has no line {wanted}"),
                });
            }
            lines_read += 1;
        }
        let record = line.strip_suffix(b"\n").unwrap_or(&line);
        if to_hex(&consulta_log::sha256(record)) != c.record_sha256 {
            return Err(ArchiveProblem::RecordChanged(c.id));
        }
        check_record(record, c, &listed)?;
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
fn check_record(
    record: &[u8],
    c: &ManifestContribution,
    listed: &BTreeMap<&str, &ManifestFile>,
) -> Result<(), ArchiveProblem> {
    let mismatch = |detail: String| ArchiveProblem::RecordMismatch { id: c.id, detail };
    let record: RecordView = serde_json::from_slice(record).map_err(|e| mismatch(e.to_string()))?;
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
