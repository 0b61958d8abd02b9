//! `consulta backup`, `consulta restore` and `consulta migrate`: a whole instance (database and
//! attachments, from a directory or object storage) copied while it keeps serving, and put back
//! or moved elsewhere (SQLite or PostgreSQL) with its log checked.
//!
//! A backup is a directory: `consulta.db` (a consistent snapshot, an SQLite file whatever the
//! backend backed up), `files/` (every attachment the
//! snapshot names, copied after it, so none is missing: attachments are written before the
//! transaction that names them, and never change) and `backup.json` (when, and the log's size and
//! root at the snapshot, which the restore must find again).

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, bail};
use consulta_blobs::{BlobStore, LocalBlobs};
use consulta_i18n::Localizer;
use consulta_log::{from_hex, to_hex};
use consulta_store::check::check_log;
use consulta_store::copy::{CopyError, CopyReport, copy_and_verify};
use consulta_store::{Database, LogStore, RecordStore, SqliteStore, Store, StoreError};
use indicatif::ProgressBar;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "consulta-backup/1";
const DATABASE: &str = "consulta.db";
const FILES: &str = "files";
const MANIFEST: &str = "backup.json";

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    created_at: String,
    contributions: u64,
    log_size: u64,
    log_root: String,
    attachments: u64,
}

/// Backs up the instance at `database` and `files` into the new directory `target`.
pub fn backup(database: &Database, files: &dyn BlobStore, target: &Path, localizer: &Localizer) -> anyhow::Result<()> {
    if target.exists() {
        bail!(localizer.format("cli-backup-exists", &[("path", target.display().to_string().into())]));
    }
    std::fs::create_dir_all(target).with_context(|| target.display().to_string())?;
    let store = database.connect().with_context(|| database.describe())?;
    let snapshot_path = target.join(DATABASE);
    store.snapshot(&snapshot_path).with_context(|| snapshot_path.display().to_string())?;
    drop(store);

    // What the snapshot holds, read from the snapshot itself.
    let snapshot = SqliteStore::open(&snapshot_path)?;
    let head = snapshot.tree_head(Timestamp::now())?;
    let contributions =
        snapshot.contributions(&Default::default(), consulta_store::PageRequest { offset: 0, limit: 1 })?.total;
    let attachments = copy_attachments(&snapshot, files, &LocalBlobs::new(target.join(FILES)))?;
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: Timestamp::now().to_string(),
        contributions,
        log_size: head.size,
        log_root: to_hex(&head.root),
        attachments,
    };
    let manifest_path = target.join(MANIFEST);
    std::fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest)?)
        .with_context(|| manifest_path.display().to_string())?;
    eprintln!(
        "{}",
        localizer.format(
            "cli-backup-done",
            &[
                ("path", target.display().to_string().into()),
                ("contributions", contributions.into()),
                ("attachments", attachments.into()),
                ("root", manifest.log_root.clone().into()),
            ],
        )
    );
    Ok(())
}

/// Copies every attachment `store` names from `from` to `to`, each checked against its hash.
fn copy_attachments(store: &dyn Store, from: &dyn BlobStore, to: &dyn BlobStore) -> anyhow::Result<u64> {
    let mut copied = 0;
    for hash in store.attachment_hashes()? {
        let Some(bytes) = from.get(&hash)? else {
            bail!("attachment {} is named in the record but missing from the files", to_hex(&hash));
        };
        to.put(&bytes)?;
        copied += 1;
    }
    Ok(copied)
}

/// Restores the backup in `source` as a new instance at `database` (a new SQLite file, or an
/// empty PostgreSQL database) and `files`, then checks every contribution against the log and
/// the log against the backup's manifest.
pub fn restore(source: &Path, database: &Database, files: &dyn BlobStore, localizer: &Localizer) -> anyhow::Result<()> {
    let manifest_path = source.join(MANIFEST);
    let manifest: Manifest =
        serde_json::from_slice(&std::fs::read(&manifest_path).with_context(|| manifest_path.display().to_string())?)
            .with_context(|| manifest_path.display().to_string())?;
    if manifest.format != FORMAT {
        bail!(localizer.format("cli-restore-format", &[("format", manifest.format.into())]));
    }
    let in_use = localizer.format("cli-restore-exists", &[("path", database.describe().into())]);
    match database.sqlite_file() {
        Some(path) if path.exists() => bail!(in_use),
        Some(path) => {
            std::fs::copy(source.join(DATABASE), path).with_context(|| path.display().to_string())?;
        }
        None => {
            // The snapshot is opened from a scratch copy: opening writes beside the file, and a
            // backup may sit on read-only media.
            let scratch = tempfile::tempdir()?;
            let copy = scratch.path().join(DATABASE);
            std::fs::copy(source.join(DATABASE), &copy).with_context(|| copy.display().to_string())?;
            let snapshot = SqliteStore::open(&copy)?;
            let mut target = database.connect().with_context(|| database.describe())?;
            copy_into_new(&snapshot, &mut *target, in_use, localizer)?;
        }
    }
    let store = database.connect().with_context(|| database.describe())?;
    copy_attachments(&*store, &LocalBlobs::new(source.join(FILES)), files)?;

    // The restored record is held against the backup's own root below.
    let check = check_log(&*store, &[], &mut |_| {})?;
    let expected_root: Option<[u8; 32]> = from_hex(&manifest.log_root);
    let mut problems: Vec<String> = check.problems.iter().map(ToString::to_string).collect();
    if check.log_size != manifest.log_size || Some(check.root) != expected_root {
        problems.push(localizer.format(
            "cli-restore-root",
            &[("expected", manifest.log_root.clone().into()), ("found", to_hex(&check.root).into())],
        ));
    }
    if !problems.is_empty() {
        bail!("{}\n{}", localizer.text("cli-restore-failed"), problems.join("\n"));
    }
    eprintln!(
        "{}",
        localizer.format(
            "cli-restore-done",
            &[
                ("path", database.describe().into()),
                ("contributions", check.contributions.into()),
                ("statements", check.statements.into()),
                ("root", to_hex(&check.root).into()),
            ],
        )
    );
    Ok(())
}

/// Copies a whole record from `from` into `to` with a progress line per table, then verifies it.
/// A target that already holds a record is refused with `in_use`, and left as it was.
fn copy_into_new(
    from: &dyn Store,
    to: &mut dyn Store,
    in_use: String,
    localizer: &Localizer,
) -> anyhow::Result<CopyReport> {
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    let report = copy_and_verify(from, to, &mut |table, rows| {
        bar.set_message(localizer.format("cli-migrate-table", &[("table", table.into()), ("rows", rows.into())]));
        bar.tick();
    });
    bar.finish_and_clear();
    match report {
        Ok(report) => Ok(report),
        Err(CopyError::Store(StoreError::NotEmpty(_))) => bail!(in_use),
        Err(other) => Err(other.into()),
    }
}

/// Moves a whole instance's record from one database to another (SQLite to PostgreSQL, or back):
/// the target must be new (an SQLite file that does not exist, or an empty PostgreSQL database).
/// The source may keep serving; the copy is one snapshot of it. Afterwards the copy is verified:
/// rows per table, the log's root (the source's, or a prefix of it), and every contribution
/// against the log. Attachments stay where `--files` keeps them.
pub fn migrate(from: &str, to: &str, localizer: &Localizer) -> anyhow::Result<()> {
    let source = Database::from_location(from);
    if !source.exists() {
        bail!(localizer.format("cli-no-database", &[("path", source.describe().into())]));
    }
    let target = Database::from_location(to);
    let in_use = localizer.format("cli-migrate-exists", &[("path", target.describe().into())]);
    if target.sqlite_file().is_some_and(Path::exists) {
        bail!(in_use);
    }
    let from_store = source.connect().with_context(|| source.describe())?;
    let mut to_store = target.connect().with_context(|| target.describe())?;
    let report = copy_into_new(&*from_store, &mut *to_store, in_use, localizer)?;
    // The copy is held against the source's log by `copy_into_new` (consistency of the roots).
    let check = check_log(&*to_store, &[], &mut |_| {})?;
    if !check.problems.is_empty() {
        let problems: Vec<String> = check.problems.iter().map(ToString::to_string).collect();
        bail!("{}\n{}", localizer.text("cli-check-failed"), problems.join("\n"));
    }
    let rows: u64 = report.rows.iter().map(|(_, n)| n).sum();
    println!(
        "{}",
        localizer.format(
            "cli-migrate-done",
            &[
                ("from", source.describe().into()),
                ("to", target.describe().into()),
                ("rows", rows.into()),
                ("tables", report.rows.len().into()),
                ("contributions", check.contributions.into()),
                ("statements", check.statements.into()),
                ("root", to_hex(&report.log_root).into()),
            ],
        )
    );
    Ok(())
}
