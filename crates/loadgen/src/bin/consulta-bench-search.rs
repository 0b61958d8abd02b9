//! Search benchmark: generates N contributions (six languages, topic words plus a Zipf tail of
//! rarer words), imports them into a fresh SQLite database, builds the search index from the
//! store's change feed as `consulta index rebuild` does, and times searches through the same
//! function as `GET /api/v1/search` (facet counts, a page of 20 results read from the store,
//! snippets). Prints build time, index size and latency percentiles per kind of query.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-search -- --count 1000000

use consulta_store::RecordStore;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::bail;
use clap::Parser;
use consulta_index::{Facet, SearchIndex, SearchRequest, Sort};
use consulta_loadgen::{Spec, import_generated, peak_memory_kib, tail_word, write_contributions};
use consulta_store::SqliteStore;

/// Benchmark the search index: build time, size and query latency.
#[derive(Parser)]
struct Args {
    /// How many contributions to generate, import and index.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
    /// How many times each query is run (after one warm-up run).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Keep the database and index in this directory (created) instead of a temporary one.
    #[arg(long)]
    keep: Option<std::path::PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let temporary = tempfile::Builder::new().prefix("consulta-bench-search-").tempdir()?;
    let dir = match &args.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir.clone()
        }
        None => temporary.path().to_owned(),
    };
    let db_path = dir.join("consulta.db");
    let mut store = SqliteStore::open(&db_path)?;
    if store.consultations()?.is_empty() {
        generate_and_import(&mut store, &dir, args.count)?;
    } else {
        println!("reusing the database in {}", dir.display());
    }

    let index_dir = dir.join("index");
    if index_dir.exists() {
        std::fs::remove_dir_all(&index_dir)?;
    }
    let index = SearchIndex::open(&index_dir)?;
    let started = Instant::now();
    let mut updater = index.writer(256 << 20)?;
    let mut last_report = Instant::now();
    updater.catch_up(&store, &mut |done, all| {
        if last_report.elapsed() > Duration::from_secs(10) {
            eprintln!("  indexed {done} of {all} changes");
            last_report = Instant::now();
        }
    })?;
    updater.finish()?;
    let built_in = started.elapsed();
    let size = index.size_on_disk();
    println!(
        "index: {} contributions in {:.1} s ({:.0}/s), {:.1} MiB on disk ({:.0} bytes per contribution)",
        index.len(),
        built_in.as_secs_f64(),
        index.len() as f64 / built_in.as_secs_f64(),
        size as f64 / (1 << 20) as f64,
        size as f64 / index.len().max(1) as f64,
    );

    for (kind, requests) in queries() {
        let mut latencies = Vec::new();
        let mut matches = Vec::new();
        for request in &requests {
            let results = index.search(&store, request)?; // warm-up
            matches.push(results.total);
            for _ in 0..args.runs {
                let started = Instant::now();
                let results = index.search(&store, request)?;
                latencies.push(started.elapsed());
                if results.hits.is_empty() && results.total > 0 {
                    bail!("{request:?}: {} matches but an empty page", results.total);
                }
            }
        }
        latencies.sort();
        matches.sort();
        println!(
            "{kind:<28} {:>3} queries × {}: p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms  (matches: median {}, max {})",
            requests.len(),
            args.runs,
            ms(percentile(&latencies, 0.50)),
            ms(percentile(&latencies, 0.95)),
            ms(latencies.last().copied().unwrap_or_default()),
            matches[matches.len() / 2],
            matches.last().copied().unwrap_or_default(),
        );
    }
    println!("peak memory: {:.1} MiB", peak_memory_kib().unwrap_or(0) as f64 / 1024.0);
    Ok(())
}

fn generate_and_import(store: &mut SqliteStore, dir: &Path, count: u64) -> anyhow::Result<()> {
    let csv_path = dir.join("contributions.csv");
    let started = Instant::now();
    write_contributions(Spec { contributions: count, seed: 2010 }, std::fs::File::create(&csv_path)?)?;
    println!("generated {count} contributions in {:.1} s", started.elapsed().as_secs_f64());
    let (_, imported_in) = import_generated(store, &csv_path, count)?;
    println!("imported {count} contributions in {:.1} s", imported_in.as_secs_f64());
    std::fs::remove_file(&csv_path)?;
    Ok(())
}

fn request(query: &str, filters: &[(Facet, &str)]) -> SearchRequest {
    SearchRequest {
        query: query.to_owned(),
        filters: filters.iter().map(|(f, v)| (*f, (*v).to_owned())).collect(),
        sort: Sort::Relevance,
        offset: 0,
        limit: 20,
        collapse: false,
    }
}

/// The queries, by kind: words from the most common to rare ones, in several languages.
fn queries() -> Vec<(&'static str, Vec<SearchRequest>)> {
    let common =
        ["cooperation", "coopération", "gouvernance", "seguridad", "управление", "التعاون", "互联网", "security"];
    let tail: Vec<String> = ["en", "fr", "es", "ru", "ar", "zh"]
        .iter()
        .flat_map(|language| [3, 30, 300, 3_000, 15_000].map(|rank| tail_word(language, rank)))
        .collect();
    let phrases = [
        "\"enhanced cooperation\"",
        "\"coopération renforcée\"",
        "\"human rights\"",
        "\"parties prenantes\"",
        "\"civil society\"",
        "\"互联网治理\"",
        "\"datos personales\"",
        "\"гражданское общество\"",
    ];
    let words_and: Vec<String> = ["en", "fr"]
        .iter()
        .flat_map(|language| {
            [10, 100, 1_000].map(|rank| format!("{} {}", tail_word(language, rank), tail_word(language, rank + 1)))
        })
        .chain(["internet governance".into(), "sécurité données".into(), "cooperation -spam".into()])
        .collect();
    let faceted: Vec<SearchRequest> = common
        .iter()
        .zip([
            (Facet::Group, "civil_society"),
            (Facet::Language, "fr"),
            (Facet::Channel, "presentation"),
            (Facet::RegionalGroup, "african"),
            (Facet::Country, "BR"),
            (Facet::Group, "government"),
            (Facet::Language, "zh"),
            (Facet::Channel, "written"),
        ])
        .map(|(word, filter)| request(word, &[filter]))
        .chain([request("", &[(Facet::Group, "academic"), (Facet::Language, "es")])])
        .collect();
    vec![
        ("single common words", common.iter().map(|w| request(w, &[])).collect()),
        ("single rarer words", tail.iter().map(|w| request(w, &[])).collect()),
        ("phrases", phrases.iter().map(|p| request(p, &[])).collect()),
        ("several words", words_and.iter().map(|w| request(w, &[])).collect()),
        ("word + facet filter", faceted),
        ("browse, newest first", vec![SearchRequest { sort: Sort::Newest, ..request("", &[]) }]),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
