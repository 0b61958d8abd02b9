//! Extraction in a child process whose memory, processor time and output size the operating
//! system bounds: a decompression bomb or a parser gone astray kills the child, never the
//! server, and the file is marked failed with the reason.
//!
//! The child is the `consulta` binary itself (`consulta extract-worker`, hidden), which calls
//! [`worker_main`]: it lowers its own limits first, then reads the file, extracts, and writes
//! the text to a file. Files rather than pipes, so that whatever a parser prints cannot mix
//! with the text.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{ExtractError, Kind, MAX_TEXT_BYTES, extract};

/// The bounds of one extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractionLimits {
    /// The child's address space, in bytes.
    pub memory_bytes: u64,
    /// Processor time, in seconds.
    pub cpu_seconds: u64,
    /// Wall-clock time, after which the child is killed.
    pub wall: Duration,
}

impl Default for ExtractionLimits {
    fn default() -> ExtractionLimits {
        ExtractionLimits { memory_bytes: 1 << 30, cpu_seconds: 60, wall: Duration::from_secs(120) }
    }
}

/// How text is extracted: in a child process (what servers do), or in this process (for tests
/// of the extractors themselves and tools that run on trusted files).
#[derive(Debug, Clone)]
pub enum Extractor {
    InProcess,
    Isolated { program: PathBuf, args: Vec<String>, limits: ExtractionLimits },
}

impl Extractor {
    /// This very binary, run with `args` (which make it call [`worker_main`]).
    pub fn this_binary(args: &[&str], limits: ExtractionLimits) -> std::io::Result<Extractor> {
        Ok(Extractor::Isolated {
            program: std::env::current_exe()?,
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            limits,
        })
    }

    pub fn extract(&self, kind: Kind, bytes: &[u8]) -> Result<String, ExtractError> {
        match self {
            Extractor::InProcess => extract(kind, bytes),
            Extractor::Isolated { program, args, limits } => run_child(program, args, *limits, kind, bytes),
        }
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Pdf => "pdf",
        Kind::Docx => "docx",
        Kind::Odt => "odt",
        Kind::Html => "html",
        Kind::Text => "text",
    }
}

fn kind_from_name(name: &str) -> Option<Kind> {
    [Kind::Pdf, Kind::Docx, Kind::Odt, Kind::Html, Kind::Text].into_iter().find(|k| kind_name(*k) == name)
}

/// The exit codes with which the child says the file itself is at fault, damaged or past a
/// limit; its reason is on standard error.
const FILE_DAMAGED: i32 = 3;
const FILE_PAST_LIMIT: i32 = 4;
/// The most of the child's standard error kept as a reason.
const MAX_REASON_BYTES: usize = 1000;

fn run_child(
    program: &Path,
    args: &[String],
    limits: ExtractionLimits,
    kind: Kind,
    bytes: &[u8],
) -> Result<String, ExtractError> {
    let io = |e: std::io::Error| ExtractError::Worker(format!("the extractor could not run: {e}"));
    let dir = tempfile::tempdir().map_err(io)?;
    let (input, output) = (dir.path().join("input"), dir.path().join("output"));
    std::fs::write(&input, bytes).map_err(io)?;
    let mut child = Command::new(program)
        .args(args)
        .arg(kind_name(kind))
        .arg(&input)
        .arg(&output)
        .arg(limits.memory_bytes.to_string())
        .arg(limits.cpu_seconds.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(io)?;
    let deadline = Instant::now() + limits.wall;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(io)? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ExtractError::Limit(format!(
                "extraction took longer than {} seconds and was stopped",
                limits.wall.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut reason = String::new();
    if let Some(stderr) = child.stderr.take() {
        use std::io::Read;
        let _ = stderr.take(MAX_REASON_BYTES as u64).read_to_string(&mut reason);
    }
    // The first line says why; a runtime may add notes after it.
    let reason = reason.lines().next().unwrap_or_default().trim().to_owned();
    match status.code() {
        Some(0) => {
            let size = std::fs::metadata(&output).map_err(io)?.len();
            if size > MAX_TEXT_BYTES as u64 {
                return Err(too_much_text());
            }
            std::fs::read_to_string(&output).map_err(io)
        }
        Some(FILE_DAMAGED) => Err(ExtractError::Damaged(reason)),
        Some(FILE_PAST_LIMIT) => Err(ExtractError::Limit(reason)),
        _ => Err(ExtractError::Limit(format!(
            "the extractor stopped ({status}): the file needs more than {} MiB of memory, {} seconds of \
             processor time or {} MiB of text{}",
            limits.memory_bytes >> 20,
            limits.cpu_seconds,
            MAX_TEXT_BYTES >> 20,
            if reason.is_empty() { String::new() } else { format!(" ({reason})") }
        ))),
    }
}

fn too_much_text() -> ExtractError {
    ExtractError::Limit(format!("the file holds more than {} MiB of text", MAX_TEXT_BYTES >> 20))
}
/// The child's side: `KIND INPUT OUTPUT MEMORY_BYTES CPU_SECONDS`. Lowers its own limits, then
/// extracts; returns the process's exit code.
pub fn worker_main(args: &[String]) -> i32 {
    let [kind, input, output, memory, cpu] = args else {
        eprintln!("usage: KIND INPUT OUTPUT MEMORY_BYTES CPU_SECONDS");
        return 2;
    };
    let (Some(kind), Ok(memory), Ok(cpu)) = (kind_from_name(kind), memory.parse::<u64>(), cpu.parse::<u64>()) else {
        eprintln!("usage: KIND INPUT OUTPUT MEMORY_BYTES CPU_SECONDS");
        return 2;
    };
    // The limits come first, before a byte of the file is read. The text file may not grow
    // past what a contribution's text may be, and a little more to notice.
    let limited = rlimit::setrlimit(rlimit::Resource::AS, memory, memory)
        .and_then(|()| rlimit::setrlimit(rlimit::Resource::CPU, cpu, cpu))
        .and_then(|()| {
            let most = MAX_TEXT_BYTES as u64 + 1;
            rlimit::setrlimit(rlimit::Resource::FSIZE, most, most)
        });
    if let Err(error) = limited {
        eprintln!("cannot set the extractor's limits: {error}");
        return 2;
    }
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("cannot read {input}: {error}");
            return 2;
        }
    };
    let text = match extract(kind, &bytes) {
        Ok(text) => text,
        Err(ExtractError::Limit(reason)) => {
            eprintln!("{reason}");
            return FILE_PAST_LIMIT;
        }
        Err(ExtractError::Damaged(reason) | ExtractError::Worker(reason)) => {
            eprintln!("{reason}");
            return FILE_DAMAGED;
        }
        Err(error @ ExtractError::Unsupported) => {
            eprintln!("{error}");
            return FILE_DAMAGED;
        }
    };
    drop(bytes);
    match std::fs::write(output, text) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("cannot write {output}: {error}");
            2
        }
    }
}
