//! Report benchmark: generates N contributions, imports them into a fresh SQLite database, then
//! times the synthesis report: reading the record (`gather`, which finds every contribution's
//! citations), writing the document, and rendering each format. Prints the times, the sizes and
//! peak memory.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-report -- --count 100000

use std::time::Instant;

use clap::Parser;
use consulta_i18n::Localizer;
use consulta_loadgen::{Spec, import_generated, peak_memory_kib, write_contributions};
use consulta_report::{Links, ReportFormat, gather, render_report, synthesis};
use consulta_store::SqliteStore;

/// Benchmark the synthesis report.
#[derive(Parser)]
struct Args {
    /// How many contributions to generate and import.
    #[arg(long, default_value_t = 100_000)]
    count: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let csv_path = dir.path().join("contributions.csv");
    write_contributions(Spec { contributions: args.count, seed: 2010 }, std::fs::File::create(&csv_path)?)?;
    let mut store = SqliteStore::open(&dir.path().join("consulta.db"))?;
    let (consultation, imported_in) = import_generated(&mut store, &csv_path, args.count)?;
    println!("imported {} contributions in {:.1} s", args.count, imported_in.as_secs_f64());

    let started = Instant::now();
    let input = gather(&store, consultation)?;
    println!("gather (record read, citations found): {:.2} s", started.elapsed().as_secs_f64());
    let localizer = Localizer::for_language("fr").unwrap_or_default();
    let links = Links { base_url: Some("https://consultations.example.org".into()) };
    let started = Instant::now();
    let document = synthesis(&input, &localizer, &links, jiff::civil::date(2026, 11, 23));
    println!("synthesis (tables, issues, annex): {:.2} s", started.elapsed().as_secs_f64());
    for format in ReportFormat::ALL {
        let started = Instant::now();
        let bytes = render_report(&document, format)
            .expect("the report renders (the PDF needs fonts-noto-core and fonts-noto-cjk)");
        println!(
            "render {:>4}: {:.2} s, {:.1} MiB",
            format.extension(),
            started.elapsed().as_secs_f64(),
            bytes.len() as f64 / (1 << 20) as f64
        );
    }
    if let Some(kib) = peak_memory_kib() {
        println!("peak memory: {} MiB", kib / 1024);
    }
    Ok(())
}
