//! The journal of tree heads a server has signed, kept append-only in a file outside the
//! database: one C2SP checkpoint per line (as a JSON string). Someone who rewrites the database
//! can recompute its Merkle tree, but not the heads already signed and journalled, so
//! `consulta check` holds the record against every one of them.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The most of a journal line read: a checkpoint is a few hundred bytes.
const MAX_LINE_BYTES: u64 = 16 * 1024;

/// A journal open for appending.
#[derive(Debug)]
pub struct HeadJournal {
    file: Mutex<std::fs::File>,
}

impl HeadJournal {
    /// Opens (or creates) the journal at `path` for appending.
    pub fn open(path: &Path) -> std::io::Result<HeadJournal> {
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
        Ok(HeadJournal { file: Mutex::new(file) })
    }

    /// Appends a checkpoint and syncs it before returning.
    pub fn append(&self, checkpoint: &str) -> std::io::Result<()> {
        let line = serde_json::to_string(checkpoint).map_err(std::io::Error::other)? + "\n";
        let mut file = self.file.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }
}

/// A line of a journal that is not a checkpoint.
#[derive(Debug, thiserror::Error)]
#[error("{path}, line {line}: not a journalled checkpoint")]
pub struct JournalLineError {
    pub path: PathBuf,
    pub line: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Line(#[from] JournalLineError),
}

/// Every checkpoint of the journal at `path`, oldest first (none if there is no journal).
pub fn read_journal(path: &Path) -> Result<Vec<String>, JournalError> {
    let io = |source| JournalError::Io { path: path.to_owned(), source };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e)),
    };
    let mut reader = std::io::BufReader::new(file);
    let mut checkpoints = Vec::new();
    let mut line = String::new();
    for number in 1.. {
        line.clear();
        let read = Read::take(&mut reader, MAX_LINE_BYTES).read_line(&mut line).map_err(io)?;
        if read == 0 {
            break;
        }
        let bad = || JournalLineError { path: path.to_owned(), line: number };
        if !line.ends_with('\n') {
            // A line cut by the limit, or the last line of a journal cut short by a crash
            // mid-append: the earlier checkpoints still hold.
            if (read as u64) < MAX_LINE_BYTES {
                break;
            }
            return Err(bad().into());
        }
        let checkpoint: String = serde_json::from_str(line.trim_end()).map_err(|_| bad())?;
        checkpoints.push(checkpoint);
    }
    Ok(checkpoints)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkpoints_are_appended_and_read_back_in_order() {
        let dir = tempfile::tempdir().expect("directory");
        let path = dir.path().join("heads.jsonl");
        assert!(read_journal(&path).expect("no journal yet").is_empty());
        let journal = HeadJournal::open(&path).expect("open");
        journal.append("consulta/ab\n1\nAAAA\n\n\u{2014} sig\n").expect("append");
        journal.append("consulta/ab\n2\nBBBB\n\n\u{2014} sig\n").expect("append");
        drop(journal);
        let again = HeadJournal::open(&path).expect("reopen appends");
        again.append("third").expect("append");
        let read = read_journal(&path).expect("read");
        assert_eq!(read.len(), 3);
        assert!(read[1].contains("\n2\n"));
        // A crash mid-append leaves a cut line: what came before still reads.
        std::fs::OpenOptions::new().append(true).open(&path).and_then(|mut f| f.write_all(b"\"cut sho")).expect("cut");
        assert_eq!(read_journal(&path).expect("read").len(), 3);
        std::fs::write(&path, "not json\n").expect("write");
        assert!(matches!(read_journal(&path), Err(JournalError::Line(JournalLineError { line: 1, .. }))));
    }
}
