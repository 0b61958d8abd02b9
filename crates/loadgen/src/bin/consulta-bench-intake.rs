//! Intake benchmark: the real web server on loopback, a fresh database, and concurrent clients
//! sending text submissions through the API. Every submission is acknowledged only once it is on
//! disk (SQLite's FULL synchronous mode; PostgreSQL's default, every commit flushed), with its log
//! leaf and signed receipt. Runs on SQLite, then on PostgreSQL (a throwaway server), and prints
//! both side by side: submissions per second and latency percentiles.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --count 20000 --clients 64
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --backend postgres

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
    /// Which backend to record in: sqlite, postgres (a throwaway server from Debian's packages,
    /// durable settings) or both, one after the other.
    #[arg(long, value_enum, default_value_t = Which::Both)]
    backend: Which,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    Both,
}

/// What one run measured.
struct Measured {
    backend: &'static str,
    submissions: usize,
    elapsed: Duration,
    /// Sorted.
    latencies: Vec<Duration>,
    log_size: u64,
}

impl Measured {
    fn per_second(&self) -> f64 {
        self.submissions as f64 / self.elapsed.as_secs_f64()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut measured = Vec::new();
    if args.backend != Which::Postgres {
        let dir = tempfile::Builder::new().prefix("consulta-bench-intake-").tempdir()?;
        let database = Database::sqlite(&dir.path().join("consulta.db"));
        measured.push(measure("SQLite", &database, dir.path(), &args)?);
    }
    if args.backend != Which::Sqlite {
        let dir = tempfile::Builder::new().prefix("consulta-bench-intake-").tempdir()?;
        // Kept until the end of the run: the server stops with it.
        let server = consulta_testpg::TestPostgres::start(true).map_err(anyhow::Error::msg)?;
        let database = Database::from_location(&server.new_database());
        measured.push(measure("PostgreSQL", &database, dir.path(), &args)?);
    }
    println!("{} durable text submissions, {} clients", args.count, args.clients);
    println!(
        "{:<12} {:>14} {:>9} {:>9} {:>9} {:>10} {:>8}",
        "backend", "submissions/s", "p50 ms", "p99 ms", "max ms", "log size", "seconds"
    );
    for m in &measured {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{:<12} {:>14.0} {:>9.1} {:>9.1} {:>9.1} {:>10} {:>8.1}",
            m.backend,
            m.per_second(),
            ms(percentile(&m.latencies, 0.5)),
            ms(percentile(&m.latencies, 0.99)),
            m.latencies.last().map_or(0.0, |d| ms(*d)),
            m.log_size,
            m.elapsed.as_secs_f64(),
        );
    }
    if let [sqlite, postgres] = measured.as_slice() {
        println!(
            "PostgreSQL takes {:.2}x the time per submission that SQLite takes (aim: within 1.5x)",
            sqlite.per_second() / postgres.per_second()
        );
    }
    Ok(())
}

/// Serves the API over `database` and sends it `args.count` submissions.
fn measure(backend: &'static str, database: &Database, dir: &std::path::Path, args: &Args) -> anyhow::Result<Measured> {
    eprintln!("recording in {}", database.describe());
    // Signed and journalled as a server does.
    let signer = {
        let mut store = database.connect()?;
        let key = consulta_store::log_key::open_log_key(&mut *store, &dir.join("log.key"))?;
        let journal = consulta_store::heads::HeadJournal::open(&dir.join("heads.jsonl"))?;
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
        blobs: Arc::new(LocalBlobs::new(dir.join("files"))),
        limits: Limits::default(),
        // The server indexes what it receives as it goes, as a real one does.
        index: Arc::new(consulta_index::SearchIndex::open(&dir.join("index"))?),
        // One client address sends everything here: no per-address limit.
        unverified_per_hour: 0,
        mailer: Arc::new(consulta_mail::Mailer::new(
            consulta_mail::Delivery::configure(None, dir.join("outbox"))?,
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
        let (count, clients) = (args.count, args.clients);
        for _ in 0..clients {
            let (client, url, next) = (client.clone(), url.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut failures = 0usize;
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if n >= count {
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
        let mut latencies = Vec::with_capacity(count);
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
    let log_size = database.connect()?.log_size()?;
    Ok(Measured { backend, submissions: latencies.len(), elapsed, latencies, log_size })
}
