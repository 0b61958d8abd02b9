//! Search benchmark: generates N contributions (six languages, topic words plus a Zipf tail of
//! rarer words), imports them into a fresh SQLite database, builds the search index from the
//! store's change feed as `consulta index rebuild` does, and times searches through the same
//! function as `GET /api/v1/search` (facet counts, a page of 20 results read from the store,
//! snippets; and the deepest pages the API serves). Prints build time, index size and latency
//! percentiles per kind of query. Beside it, in the same run on the same database, the reference the issue names: SQLite's FTS5 (the
//! bundled SQLite's, an external-content table over the contributions' titles and bodies, the
//! `unicode61` tokenizer without diacritics), answering each query as the API does — the total,
//! the counts by stakeholder group, language and channel, and the page by rank with
//! snippets — and the ratio of the p95s.
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
    /// Leave out the FTS5 reference (minutes at a million): Consulta's figures only, to compare
    /// two builds quickly. The figures are those of a run with it.
    #[arg(long)]
    without_reference: bool,
    /// With --keep: search the index kept there by an earlier run (caught up with the database)
    /// rather than build it anew; the build time printed is then that of catching up.
    #[arg(long, requires = "keep")]
    reuse_index: bool,
    /// Only the kinds of query whose name starts with this ("phrases", "deep").
    #[arg(long)]
    only: Option<String>,
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
    if index_dir.exists() && !args.reuse_index {
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
    let how = if args.reuse_index {
        format!("kept from an earlier run, caught up in {:.1} s", built_in.as_secs_f64())
    } else {
        format!("built in {:.1} s ({:.0}/s)", built_in.as_secs_f64(), index.len() as f64 / built_in.as_secs_f64())
    };
    println!(
        "index: {} contributions {how}, {:.1} MiB on disk ({:.0} bytes per contribution)",
        index.len(),
        size as f64 / (1 << 20) as f64,
        size as f64 / index.len().max(1) as f64,
    );

    let reference = if args.without_reference { None } else { Some(Fts5::build(&db_path)?) };
    if let Some(reference) = &reference {
        println!("FTS5 reference: built in {:.1} s", reference.built_in.as_secs_f64());
    }
    let only = args.only.as_deref().unwrap_or_default();
    for (kind, requests) in queries().into_iter().filter(|(kind, _)| kind.starts_with(only)) {
        let mut fts5 = Vec::new();
        for (request, reference) in requests.iter().filter_map(|r| Some((r, reference.as_ref()?))) {
            reference.search(request)?; // warm-up
            for _ in 0..args.runs {
                let started = Instant::now();
                reference.search(request)?;
                fts5.push(started.elapsed());
            }
        }
        fts5.sort();
        let mut latencies = Vec::new();
        let mut matches = Vec::new();
        // The query whose slowest run is the slowest of its kind: where the p95 comes from.
        let mut slowest = (Duration::ZERO, String::new());
        for request in &requests {
            let results = index.search(&store, request)?; // warm-up
            matches.push(results.total);
            for _ in 0..args.runs {
                let started = Instant::now();
                let results = index.search(&store, request)?;
                let took = started.elapsed();
                latencies.push(took);
                if took > slowest.0 {
                    slowest =
                        (took, format!("{:?} from {}, {} a page", request.query, request.offset + 1, request.limit));
                }
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
        println!("{:<28} slowest: {} ({:.1} ms)", "", slowest.1, ms(slowest.0));
        if reference.is_none() {
            continue;
        }
        println!(
            "{:<28} FTS5: p50 {:>6.1} ms  p95 {:>6.1} ms; Consulta's p95 is {:.1}x faster (aim: under 20 ms)",
            "",
            ms(percentile(&fts5, 0.50)),
            ms(percentile(&fts5, 0.95)),
            ms(percentile(&fts5, 0.95)) / ms(percentile(&latencies, 0.95)).max(0.001),
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
        ("deepest pages", deep_pages(&common)),
    ]
}

/// The deepest pages the API and the search page serve (the 10,000th result): page 500 of 20 of
/// common words and of browsing, and page 100 of 100.
fn deep_pages(common: &[&str]) -> Vec<SearchRequest> {
    let last = |query: &str, limit: usize| SearchRequest { offset: 10_000 - limit, limit, ..request(query, &[]) };
    let mut requests: Vec<SearchRequest> = common.iter().map(|word| last(word, 20)).collect();
    requests.push(SearchRequest { sort: Sort::Newest, ..last("", 20) });
    requests.push(last(common[0], 100));
    requests
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

/// SQLite's FTS5 over the same database: the reference Consulta's search is measured against.
struct Fts5 {
    connection: rusqlite::Connection,
    built_in: Duration,
}

impl Fts5 {
    /// An external-content FTS5 table over the contributions' titles and bodies, built anew.
    fn build(db_path: &Path) -> anyhow::Result<Fts5> {
        let connection = rusqlite::Connection::open(db_path)?;
        let started = Instant::now();
        connection.execute_batch(
            "DROP TABLE IF EXISTS bench_fts;
             CREATE VIRTUAL TABLE bench_fts USING fts5(title, body, content='contributions', content_rowid='id',
                 tokenize='unicode61 remove_diacritics 2');
             INSERT INTO bench_fts (bench_fts) VALUES ('rebuild');",
        )?;
        Ok(Fts5 { connection, built_in: started.elapsed() })
    }

    /// Answers a request as the API does: the total, the counts of three facets, the page asked.
    fn search(&self, request: &SearchRequest) -> anyhow::Result<u64> {
        let mut conditions = Vec::new();
        let mut values: Vec<String> = Vec::new();
        if let Some(matched) = fts_query(&request.query) {
            conditions.push("c.id IN (SELECT rowid FROM bench_fts WHERE bench_fts MATCH ?)".to_owned());
            values.push(matched);
        }
        for (facet, value) in &request.filters {
            match facet {
                Facet::Group => conditions.push("c.stakeholder_group = ?".to_owned()),
                Facet::Language => conditions.push("c.language = ?".to_owned()),
                Facet::Channel => conditions.push("c.channel = ?".to_owned()),
                Facet::Country => conditions.push("c.country = ?".to_owned()),
                Facet::RegionalGroup => {
                    conditions.push("c.country IN (SELECT value FROM json_each(?))".to_owned());
                    let region: consulta_core::RegionalGroup = value.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
                    let codes: Vec<&str> = consulta_core::reference::countries()
                        .iter()
                        .filter(|c| c.regional_group == Some(region))
                        .map(|c| c.code.as_str())
                        .collect();
                    values.push(serde_json::to_string(&codes)?);
                    continue;
                }
                // Not among the benchmark's filters.
                Facet::Consultation | Facet::Year => continue,
            }
            values.push(value.clone());
        }
        let condition = if conditions.is_empty() { "1 = 1".to_owned() } else { conditions.join(" AND ") };
        let params = rusqlite::params_from_iter(values.iter());
        let total: u64 = self.connection.query_row(
            &format!("SELECT COUNT(*) FROM contributions c WHERE {condition}"),
            params,
            |r| r.get(0),
        )?;
        for column in ["stakeholder_group", "language", "channel"] {
            let mut counts = self.connection.prepare_cached(&format!(
                "SELECT c.{column}, COUNT(*) FROM contributions c WHERE {condition} GROUP BY 1"
            ))?;
            let _: Vec<(String, u64)> = counts
                .query_map(rusqlite::params_from_iter(values.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
        }
        let paging = format!("LIMIT {} OFFSET {}", request.limit, request.offset);
        let page = match fts_query(&request.query) {
            // By rank, with snippets, the filters applied to the matches.
            Some(_) => format!(
                "SELECT f.rowid, snippet(bench_fts, 1, '[', ']', '…', 12) FROM bench_fts f
                 JOIN contributions c ON c.id = f.rowid WHERE bench_fts MATCH ?1 AND {} ORDER BY f.rank {paging}",
                if conditions.len() > 1 { conditions[1..].join(" AND ") } else { "1 = 1".to_owned() }
            ),
            None => format!(
                "SELECT c.id, substr(c.body, 1, 120) FROM contributions c WHERE {condition} ORDER BY c.submitted_at DESC {paging}"
            ),
        };
        let mut statement = self.connection.prepare_cached(&page)?;
        let _: Vec<(i64, String)> = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(total)
    }
}

/// A query as the API reads it, in FTS5's syntax: words and quoted phrases all required, a word
/// after `-` excluded; None for no words (browsing).
fn fts_query(query: &str) -> Option<String> {
    let (mut wanted, mut unwanted) = (Vec::new(), Vec::new());
    let mut rest = query.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            wanted.push(format!("\"{}\"", &after[..end]));
            rest = after.get(end + 1..).unwrap_or("").trim_start();
            continue;
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..end];
        match word.strip_prefix('-') {
            Some(excluded) if !excluded.is_empty() => unwanted.push(format!("\"{excluded}\"")),
            _ => wanted.push(format!("\"{word}\"")),
        }
        rest = rest[end..].trim_start();
    }
    if wanted.is_empty() {
        return None;
    }
    let mut matched = wanted.join(" ");
    for word in unwanted {
        matched.push_str(&format!(" NOT {word}"));
    }
    Some(matched)
}
