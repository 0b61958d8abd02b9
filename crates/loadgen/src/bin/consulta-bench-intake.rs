//! Intake benchmark: the real web server on loopback, a fresh database, and concurrent clients
//! sending text submissions through the API. Every submission is acknowledged only once it is on
//! disk (SQLite's FULL synchronous mode; PostgreSQL's default, every commit flushed), with its log
//! leaf and signed receipt. Prints submissions per second and latency percentiles.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --count 20000 --clients 64
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --postgres   # a throwaway server

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::bail;
use clap::Parser;
use consulta_blobs::LocalBlobs;
use consulta_core::ConsultationDraft;
use consulta_intake::submission::Limits;
use consulta_store::Database;
use consulta_web::WebConfig;

/// Benchmark durable submissions through the API.
#[derive(Parser)]
struct Args {
    /// How many submissions to send in all.
    #[arg(long, default_value_t = 20_000)]
    count: usize,
    /// How many clients send at once.
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Record in PostgreSQL (a throwaway server from Debian's packages, durable settings)
    /// instead of SQLite.
    #[arg(long)]
    postgres: bool,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::Builder::new().prefix("consulta-bench-intake-").tempdir()?;
    // Kept until the end: the server stops when this process does.
    let server = if args.postgres {
        Some(consulta_testpg::TestPostgres::start(true).map_err(anyhow::Error::msg)?)
    } else {
        None
    };
    let database = match &server {
        Some(server) => Database::from_location(&server.new_database()),
        None => Database::sqlite(&dir.path().join("consulta.db")),
    };
    eprintln!("recording in {}", database.describe());
    // Signed and journalled as a server does.
    let signer = {
        let mut store = database.connect()?;
        let key = consulta_store::log_key::open_log_key(&mut *store, &dir.path().join("log.key"))?;
        let journal = consulta_store::heads::HeadJournal::open(&dir.path().join("heads.jsonl"))?;
        Arc::new(consulta_store::log_key::LogSigner::new(key, Some(journal)))
    };
    {
        let mut store = database.connect()?;
        let draft = ConsultationDraft {
            slug: "bench".into(),
            original_language: "en".into(),
            title: vec![("en".into(), "Benchmark".into())],
            opens: "2020-01-01".into(),
            closes: "2099-12-31".into(),
            time_zone: "UTC".into(),
            ..Default::default()
        };
        store.create_consultation(&draft.check()?)?;
    }
    let config = WebConfig {
        database: database.clone(),
        blobs: Arc::new(LocalBlobs::new(dir.path().join("files"))),
        limits: Limits::default(),
        // The server indexes what it receives as it goes, as a real one does.
        index: Arc::new(consulta_index::SearchIndex::open(&dir.path().join("index"))?),
        // One client address sends everything here: no per-address limit.
        unverified_per_hour: 0,
        mailer: Arc::new(consulta_mail::Mailer::new(
            consulta_mail::Delivery::configure(None, dir.path().join("outbox"))?,
            "consulta@localhost",
            60,
        )?),
        public_url: consulta_web::PublicUrl::local(([127, 0, 0, 1], 0).into()),
        max_connections: 4096,
        // The benchmark sends no files.
        extractor: consulta_extract::Extractor::InProcess,
        signer,
        trusted_proxies: Vec::new(),
        demo_accounts: Vec::new(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let (elapsed, mut latencies, failures) = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/api/v1/consultations/bench/contributions", listener.local_addr()?);
        tokio::spawn(async move { consulta_web::serve(listener, config).await });
        let client = reqwest::Client::builder().pool_max_idle_per_host(args.clients).build()?;
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..args.clients {
            let (client, url, next) = (client.clone(), url.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0usize;
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if n >= args.count {
                        break;
                    }
                    let form = reqwest::multipart::Form::new()
                        .text("entity", format!("Synthetic entity {}", n % 5000))
                        .text("stakeholder_group", "civil_society")
                        .text("email", "contact@example.org")
                        .text("language", "en")
                        .text("title", format!("Synthetic submission {n}"))
                        .text("body", "Enhanced cooperation on international public policy issues pertaining to the Internet requires a clearer division of roles between governments and the other stakeholders. ".repeat(4));
                    let sent = Instant::now();
                    match client.post(&url).multipart(form).send().await {
                        Ok(response) if response.status() == reqwest::StatusCode::CREATED => {
                            let _ = response.bytes().await;
                            latencies.push(sent.elapsed());
                        }
                        _ => failures += 1,
                    }
                }
                (latencies, failures)
            }));
        }
        let mut latencies = Vec::with_capacity(args.count);
        let mut failures = 0;
        for task in tasks {
            let (mut l, f) = task.await?;
            latencies.append(&mut l);
            failures += f;
        }
        anyhow::Ok((started.elapsed(), latencies, failures))
    })?;
    if failures > 0 {
        bail!("{failures} submissions failed");
    }
    latencies.sort();
    let recorded = database.connect()?.log_size()?;
    println!(
        "{} durable text submissions, {} clients: {:.1}s, {:.0} submissions/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; log of {} entries",
        latencies.len(),
        args.clients,
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        recorded,
    );
    Ok(())
}
