//! Open data benchmark: generates N contributions, imports them into a fresh SQLite database
//! (each one a leaf of the signed log, as an import makes it), then writes each open data file
//! of the consultation as `/open-data/…` does, each in a process of its own so that the peak
//! memory it prints is that file's alone. With several sizes, each file's peak memory is printed
//! side by side with the difference (the aim: within 25 % from 100,000 to 1,000,000).
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-export -- --count 100000
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-export -- --sizes 100000,1000000

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Parser;
use consulta_export::{OpenData, OpenDataSource, write_open_data};
use consulta_loadgen::{generated_database, only_consultation, peak_memory_kib, printed_figure, run_again};
use consulta_store::SqliteStore;

/// Benchmark the open data files.
#[derive(Parser)]
struct Args {
    /// How many contributions to generate and import.
    #[arg(long, default_value_t = 100_000)]
    count: u64,
    /// Several sizes, their files' peak memory compared.
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<u64>,
    /// Only one file (its name, `contributions.csv`), over this database (what a run does in
    /// processes of its own).
    #[arg(long, requires = "file")]
    database: Option<PathBuf>,
    #[arg(long)]
    file: Option<String>,
    /// Only these files (`feed.atom,archive.zip`); all of them by default.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
}

/// The files measured: those that grow with the record.
const FILES: [OpenData; 6] = [
    OpenData::ContributionsCsv,
    OpenData::ContributionsJson,
    OpenData::EntitiesCsv,
    OpenData::EntitiesJson,
    OpenData::Feed,
    OpenData::Archive,
];

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let (Some(database), Some(file)) = (&args.database, &args.file) {
        let what = OpenData::from_file_name(file).with_context(|| format!("no open data file {file}"))?;
        return write_one(database, what);
    }
    if !args.sizes.is_empty() {
        let mut printed = Vec::new();
        for size in &args.sizes {
            let mut again = vec!["--count".to_owned(), size.to_string()];
            if !args.only.is_empty() {
                again.extend(["--only".to_owned(), args.only.join(",")]);
            }
            printed.push((*size, run_again(&again)?));
        }
        let (Some((small, first)), Some((large, last))) = (printed.first(), printed.last()) else { return Ok(()) };
        println!("peak memory, {small} against {large} contributions (aim: within 25 %):");
        for what in FILES {
            let line = format!("open data {}:", what.file_name());
            let peak = |out: &str| printed_figure(out, &line, "peak memory ");
            if let (Some(low), Some(high)) = (peak(first), peak(last)) {
                println!(
                    "  {:<22} {low:>6.0} MiB {high:>6.0} MiB {:+5.0} %",
                    what.file_name(),
                    (high / low - 1.0) * 100.0
                );
            }
        }
        return Ok(());
    }

    let (_dir, database) = generated_database(args.count)?;
    for what in FILES.into_iter().filter(|f| args.only.is_empty() || args.only.iter().any(|o| o == f.file_name())) {
        let database = database.as_os_str().to_owned();
        run_again(&["--database".into(), database, "--file".into(), what.file_name().into()])?;
    }
    Ok(())
}

/// Writes one open data file of the one consultation of `database`, beside it.
fn write_one(database: &Path, what: OpenData) -> anyhow::Result<()> {
    let dir = database.parent().context("the database's directory")?;
    let store = SqliteStore::open(database)?;
    let consultation = only_consultation(&store)?;
    let key = consulta_store::log_key::open_log_key(&mut SqliteStore::open(database)?, &dir.join("log.key"))?;
    let signer = consulta_store::log_key::LogSigner::new(key, None);
    let blobs = consulta_blobs::LocalBlobs::new(dir.join("files"));
    let source = OpenDataSource {
        store: &store,
        blobs: &blobs,
        signer: Some(&signer),
        base_url: "https://consultations.example.org",
    };
    let path = dir.join(what.file_name());
    let mut file = std::fs::File::create(&path)?;
    let started = Instant::now();
    write_open_data(&source, &consultation, what, jiff::Timestamp::now(), &mut file)?;
    let seconds = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(&path)?.len();
    std::fs::remove_file(&path)?;
    let Some(peak) = peak_memory_kib() else { bail!("no peak memory on this system") };
    println!(
        "open data {}: {seconds:.2} s, {:.1} MiB, peak memory {:.0} MiB",
        what.file_name(),
        size as f64 / (1 << 20) as f64,
        peak as f64 / 1024.0
    );
    Ok(())
}
