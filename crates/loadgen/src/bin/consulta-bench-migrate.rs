//! Migration benchmark: a record of N generated contributions, imported into a new SQLite file,
//! copied whole into a throwaway PostgreSQL server (`consulta migrate`, `consulta restore` into
//! PostgreSQL), then from there into another new SQLite file (`consulta migrate` back, and the
//! snapshot of a PostgreSQL backup). Each copy is verified as the commands verify it (rows per
//! table, the log's size and root). Prints rows per second for each copy.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-migrate -- --count 1000000

use std::time::{Duration, Instant};

use clap::Parser;
use consulta_loadgen::{Spec, import_generated, peak_memory_kib, write_contributions};
use consulta_store::copy::{CopyReport, copy_and_verify};
use consulta_store::{Database, SqliteStore, Store};

/// Benchmark copying a whole record between SQLite and PostgreSQL.
#[derive(Parser)]
struct Args {
    /// How many contributions the record holds.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::Builder::new().prefix("consulta-bench-migrate-").tempdir()?;
    let csv = dir.path().join("contributions.csv");
    write_contributions(Spec { contributions: args.count, seed: 2010 }, std::fs::File::create(&csv)?)?;
    let mut source = SqliteStore::open(&dir.path().join("source.db"))?;
    let (_, imported_in) = import_generated(&mut source, &csv, args.count)?;
    eprintln!("{} contributions imported into SQLite in {:.1}s", args.count, imported_in.as_secs_f64());

    let server = consulta_testpg::TestPostgres::start(true).map_err(anyhow::Error::msg)?;
    let postgres = Database::from_location(&server.new_database());
    let mut postgres = postgres.connect()?;
    let (to_postgres, took_there) = timed_copy(&source, &mut *postgres)?;
    let mut back = SqliteStore::open(&dir.path().join("back.db"))?;
    let (to_sqlite, took_back) = timed_copy(&*postgres, &mut back)?;
    if to_postgres.log_root != to_sqlite.log_root || to_postgres.rows != to_sqlite.rows {
        anyhow::bail!("the copy back differs from the copy there");
    }

    let rows: u64 = to_postgres.rows.iter().map(|(_, n)| n).sum();
    println!(
        "{} contributions, {rows} rows in {} tables, log of {}",
        args.count,
        to_postgres.rows.len(),
        to_postgres.log_size
    );
    for (direction, took) in [("SQLite -> PostgreSQL", took_there), ("PostgreSQL -> SQLite", took_back)] {
        println!(
            "{direction:<22} {:>7.1}s {:>9.0} rows/s {:>8.0} contributions/s",
            took.as_secs_f64(),
            rows as f64 / took.as_secs_f64(),
            args.count as f64 / took.as_secs_f64()
        );
    }
    println!("peak memory {} MiB", peak_memory_kib().unwrap_or(0) / 1024);
    Ok(())
}

/// Copies and verifies the whole record, as `consulta migrate` does; gives the report and the time.
fn timed_copy(from: &dyn Store, to: &mut dyn Store) -> anyhow::Result<(CopyReport, Duration)> {
    let started = Instant::now();
    let report = copy_and_verify(from, to, &mut |_, _| {})?;
    Ok((report, started.elapsed()))
}
