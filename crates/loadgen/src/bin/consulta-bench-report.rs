//! Report benchmark: generates N contributions, imports them into a fresh SQLite database, then
//! times the synthesis report: reading the record (`gather`, which finds every contribution's
//! citations), writing the document, rendering each format and writing the annex of
//! contributors when it is a file of its own. The report runs in a process of its own, over the
//! database the import left, so that the peak memory it prints is the report's alone; with
//! several sizes, the peaks are printed side by side with their difference.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-report -- --count 100000
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-report -- --sizes 100000,1000000

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use consulta_i18n::Localizer;
use consulta_loadgen::{generated_database, only_consultation, peak_memory_kib, printed_figure, run_again};
use consulta_report::{Links, ReportFormat, annex_file_name, gather, render_report, synthesis, write_annex_csv};
use consulta_store::SqliteStore;

/// Benchmark the synthesis report.
#[derive(Parser)]
struct Args {
    /// How many contributions to generate and import.
    #[arg(long, default_value_t = 100_000)]
    count: u64,
    /// Several sizes, each in processes of its own, their peak memory compared.
    #[arg(long, value_delimiter = ',')]
    sizes: Vec<u64>,
    /// Only the report, over this database (what the run with --count does in a second process).
    #[arg(long)]
    database: Option<PathBuf>,
}

/// The line a report run ends with, read back by the run over several sizes.
const PEAK: &str = "report peak memory: ";

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(database) = &args.database {
        return report(database);
    }
    if !args.sizes.is_empty() {
        let mut peaks = Vec::new();
        for size in &args.sizes {
            let printed = run_again(&["--count", &size.to_string()])?;
            peaks.push((*size, printed_figure(&printed, PEAK, PEAK).context("no peak memory printed")?));
        }
        if let (Some((small, low)), Some((large, high))) = (peaks.first(), peaks.last()) {
            println!(
                "{PEAK}{low:.0} MiB at {small} contributions, {high:.0} MiB at {large}: {:+.0} % (aim: within 25 %)",
                (high / low - 1.0) * 100.0
            );
        }
        return Ok(());
    }

    let (_dir, database) = generated_database(args.count)?;
    run_again(&["--database".as_ref(), database.as_os_str()])?;
    Ok(())
}

/// Times the report over the one consultation of `database`.
fn report(database: &std::path::Path) -> anyhow::Result<()> {
    let store = SqliteStore::open(database)?;
    let consultation = only_consultation(&store)?;
    let started = Instant::now();
    let input = gather(&store, consultation.clone())?;
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
    if document.separate_annex {
        let started = Instant::now();
        let path = database.with_file_name(annex_file_name(&consultation, localizer.language()));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        let contributors = write_annex_csv(&store, &consultation, &localizer, &mut out)?;
        drop(out);
        println!(
            "annex of {contributors} contributors (a file of its own): {:.2} s, {:.1} MiB",
            started.elapsed().as_secs_f64(),
            std::fs::metadata(&path)?.len() as f64 / (1 << 20) as f64
        );
    }
    if let Some(kib) = peak_memory_kib() {
        println!("{PEAK}{:.0} MiB", kib as f64 / 1024.0);
    }
    Ok(())
}
