//! Import and table benchmark: generates N contributions, imports them into a fresh SQLite
//! database through the same code as `consulta import contributions`, and times the
//! distribution table over them (and, with `--gather`, the synthesis report's reading of the
//! record), in a second process over the database the import left, so that the peak memory it
//! prints is theirs alone. Prints rows per second and peak memory. With several sizes it runs
//! each in its own processes, so peak memory can be compared across sizes.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-import -- --count 1000000
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-import -- --sizes 100000,1000000
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-import -- --count 10000000 --gather

use std::time::Instant;

use anyhow::bail;
use clap::Parser;
use consulta_loadgen::{Spec, entity_count, import_generated, only_consultation, peak_memory_kib, write_contributions};
use consulta_report::distribution_table;
use consulta_store::SqliteStore;

/// Benchmark the import of contribution files and the distribution table.
#[derive(Parser)]
struct Args {
    /// How many contributions to generate and import.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
    /// Several sizes, each run in its own process (e.g. 100000,1000000).
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<u64>,
    /// How many times to time the table.
    #[arg(long, default_value_t = 20)]
    table_runs: usize,
    /// Also time the synthesis report's reading of the record (`gather`).
    #[arg(long)]
    gather: bool,
    /// Only the table (and the gather), over this database (what a run does in a second process).
    #[arg(long)]
    database: Option<std::path::PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let me = std::env::current_exe()?;
    if let Some(database) = &args.database {
        return table(database, &args);
    }
    if !args.sizes.is_empty() {
        for size in args.sizes {
            let mut command = std::process::Command::new(&me);
            command.args(["--count", &size.to_string(), "--table-runs", &args.table_runs.to_string()]);
            if args.gather {
                command.arg("--gather");
            }
            let status = command.status()?;
            if !status.success() {
                bail!("the run with {size} contributions failed");
            }
        }
        return Ok(());
    }

    let dir = tempfile::Builder::new().prefix("consulta-bench-").tempdir()?;
    let csv_path = dir.path().join("contributions.csv");
    let started = Instant::now();
    write_contributions(Spec { contributions: args.count, seed: 2010 }, std::fs::File::create(&csv_path)?)?;
    let file_size = std::fs::metadata(&csv_path)?.len();
    let generated_in = started.elapsed();
    let memory_after_generation = peak_memory_kib().unwrap_or(0);

    let db_path = dir.path().join("consulta.db");
    let mut store = SqliteStore::open(&db_path)?;
    let (_, imported_in) = import_generated(&mut store, &csv_path, args.count)?;
    let peak = peak_memory_kib().unwrap_or(0);
    let db_size = std::fs::metadata(&db_path)?.len();

    drop(store);
    println!(
        "contributions={} entities={} file={:.0} MiB generated_in={:.1}s",
        args.count,
        entity_count(args.count),
        file_size as f64 / 1048576.0,
        generated_in.as_secs_f64()
    );
    println!(
        "import: {:.1}s, {:.0} rows/s, {:.1} MiB/s; database {:.0} MiB",
        imported_in.as_secs_f64(),
        args.count as f64 / imported_in.as_secs_f64(),
        file_size as f64 / 1048576.0 / imported_in.as_secs_f64(),
        db_size as f64 / 1048576.0
    );
    println!(
        "import peak memory: {:.1} MiB (after generating the file: {:.1} MiB)",
        peak as f64 / 1024.0,
        memory_after_generation as f64 / 1024.0
    );
    let mut command = std::process::Command::new(&me);
    command.arg("--database").arg(&db_path).args(["--count", &args.count.to_string()]);
    command.args(["--table-runs", &args.table_runs.to_string()]);
    if args.gather {
        command.arg("--gather");
    }
    if !command.status()?.success() {
        bail!("the table over {} contributions failed", args.count);
    }
    Ok(())
}

/// Times the table (and the gather) over the one consultation of `database`.
fn table(database: &std::path::Path, args: &Args) -> anyhow::Result<()> {
    let store = SqliteStore::open(database)?;
    let consultation = only_consultation(&store)?;
    let mut timings = Vec::with_capacity(args.table_runs);
    let mut total = 0;
    for _ in 0..args.table_runs.max(1) {
        let started = Instant::now();
        let table = distribution_table(&store, consultation.id)?;
        timings.push(started.elapsed());
        total = table.totals.total();
    }
    if total != args.count {
        bail!("the table counts {total} of {} contributions", args.count);
    }
    timings.sort();
    let median = timings[timings.len() / 2];
    let max = timings[timings.len() - 1];
    println!(
        "table over {} contributions: median {:.3} ms, max {:.3} ms ({} runs); peak memory {:.1} MiB",
        args.count,
        median.as_secs_f64() * 1000.0,
        max.as_secs_f64() * 1000.0,
        timings.len(),
        peak_memory_kib().unwrap_or(0) as f64 / 1024.0
    );
    if args.gather {
        let started = Instant::now();
        let input = consulta_report::gather(&store, consultation)?;
        println!(
            "the report's gather over {} contributions ({} counted, {} contributors): {:.1} s; peak memory {:.1} MiB",
            args.count,
            input.counts.counted,
            input.contributors,
            started.elapsed().as_secs_f64(),
            peak_memory_kib().unwrap_or(0) as f64 / 1024.0
        );
    }
    Ok(())
}
