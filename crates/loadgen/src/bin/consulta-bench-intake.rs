//! Intake benchmark: the real web server on loopback, a fresh database, and concurrent clients
//! sending text submissions through the API. Every submission is acknowledged only once it is on
//! disk (SQLite's FULL synchronous mode; PostgreSQL's default, every commit flushed), with its log
//! leaf and signed receipt. Runs on SQLite, then on PostgreSQL (a throwaway server), and prints
//! both side by side: submissions per second, latency percentiles and the CPU time each
//! submission costs (client, server and search index together, all in this process). Beside them
//! runs the reference the issue sets: plain SQLite with the same durability (WAL, synchronous
//! FULL) and group commit of up to 64 rows, the same number of clients each waiting for its
//! row to be on disk, and the ratio of Consulta's rate to it.
//!
//! Then one batch of `--bulk` lines goes through the bulk channel (NDJSON, an API key) into a
//! fresh SQLite record, every line on disk and in the log under one signed head before the
//! answer: the time from sending to the answer, and the process's peak memory, are printed.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --count 20000 --clients 64
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-intake -- --backend postgres

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::bail;
use clap::Parser;
use consulta_store::Database;

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
    /// Lines of the one batch sent through the bulk channel (NDJSON with an API key) on SQLite;
    /// 0 for none.
    #[arg(long, default_value_t = 75_000)]
    bulk: usize,
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
    /// CPU time of the whole process over the run, when /proc says it.
    cpu: Option<Duration>,
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
    let reference = if args.backend == Which::Postgres {
        None
    } else {
        let dir = tempfile::Builder::new().prefix("consulta-bench-reference-").tempdir()?;
        Some(group_commit_reference(&dir.path().join("reference.db"), args.count, args.clients)?)
    };
    println!("{} durable text submissions, {} clients", args.count, args.clients);
    println!(
        "{:<30} {:>14} {:>9} {:>9} {:>9} {:>10} {:>8} {:>12}",
        "backend", "submissions/s", "p50 ms", "p99 ms", "max ms", "log size", "seconds", "CPU ms each"
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for m in measured.iter().chain(&reference) {
        let cpu = m.cpu.map_or("—".to_owned(), |cpu| format!("{:.2}", ms(cpu) / m.submissions as f64));
        println!(
            "{:<30} {:>14.0} {:>9.1} {:>9.1} {:>9.1} {:>10} {:>8.1} {:>12}",
            m.backend,
            m.per_second(),
            ms(percentile(&m.latencies, 0.5)),
            ms(percentile(&m.latencies, 0.99)),
            m.latencies.last().map_or(0.0, |d| ms(*d)),
            m.log_size,
            m.elapsed.as_secs_f64(),
            cpu,
        );
    }
    if args.bulk > 0 && args.backend != Which::Postgres {
        let dir = tempfile::Builder::new().prefix("consulta-bench-bulk-").tempdir()?;
        let database = Database::sqlite(&dir.path().join("consulta.db"));
        let (elapsed, accepted) = bulk(&database, dir.path(), args.bulk)?;
        println!(
            "bulk channel: {accepted} of {} lines recorded in one batch in {:.2} s ({:.0} lines/s; aim: 75,000 in at most 1 s); peak memory of the process {} MiB",
            args.bulk,
            elapsed.as_secs_f64(),
            accepted as f64 / elapsed.as_secs_f64(),
            consulta_loadgen::peak_memory_kib().map_or(0, |k| k / 1024),
        );
    }
    if let (Some(sqlite), Some(reference)) = (measured.iter().find(|m| m.backend == "SQLite"), &reference) {
        println!(
            "Consulta on SQLite at {:.0} % of the group-commit reference (aim: at least 50 %); p99 {:.1} ms (aim: under 50 ms)",
            100.0 * sqlite.per_second() / reference.per_second(),
            ms(percentile(&sqlite.latencies, 0.99)),
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
    let config = consulta_loadgen::bench_server(database, dir)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let cpu_before = consulta_loadgen::cpu_time();
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
                        .text("body", BODY.repeat(4));
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
    let cpu = consulta_loadgen::cpu_time().zip(cpu_before).and_then(|(after, before)| after.checked_sub(before));
    if failures > 0 {
        bail!("{failures} submissions failed");
    }
    latencies.sort();
    let log_size = database.connect()?.log_size()?;
    Ok(Measured { backend, submissions: latencies.len(), elapsed, latencies, log_size, cpu })
}

/// Sends one batch of `lines` NDJSON lines through the bulk channel with a key issued for it;
/// gives the time to the answer and how many lines were recorded.
fn bulk(database: &Database, dir: &std::path::Path, lines: usize) -> anyhow::Result<(Duration, usize)> {
    let config = consulta_loadgen::bench_server(database, dir)?;
    let key = {
        let mut store = database.connect()?;
        let consultation = store.consultation_by_slug("bench")?.ok_or_else(|| anyhow::anyhow!("no consultation"))?;
        let mut transaction = store.begin()?;
        transaction.insert_entity(&consulta_core::NewEntity {
            name: "Synthetic petition platform".parse()?,
            group: "civil_society".parse()?,
            country: None,
            is_example: false,
            claimed: false,
        })?;
        transaction.commit()?;
        let by = consulta_store::AuditActor::command_line("bench", jiff::Timestamp::now());
        consulta_auth::api_keys::issue(
            &mut *store,
            &consultation,
            "Synthetic petition platform",
            "bench",
            u64::MAX / 2,
            &by,
        )?
        .1
    };
    let body: String = (0..lines)
        .map(|n| {
            serde_json::json!({
                "entity": format!("Synthetic resident {n}"), "stakeholder_group": "civil_society",
                "email": "contact@example.org", "language": "en", "title": format!("Synthetic comment {n}"),
                "body": BODY.repeat(4),
            })
            .to_string()
                + "\n"
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/api/v1/consultations/bench/contributions:batch", listener.local_addr()?);
        tokio::spawn(async move { consulta_web::serve(listener, config).await });
        let started = Instant::now();
        let response = reqwest::Client::new().post(&url).bearer_auth(key).body(body).send().await?;
        let status = response.status();
        let answer: serde_json::Value = response.json().await?;
        let elapsed = started.elapsed();
        if status != reqwest::StatusCode::OK {
            bail!("the batch was refused: {status} {answer}");
        }
        let accepted = answer["accepted"].as_u64().unwrap_or(0) as usize;
        anyhow::Ok((elapsed, accepted))
    })
}

/// The most rows the reference writes in one transaction.
const REFERENCE_GROUP: usize = 64;

/// A row for the reference writer, and where to say it is on disk.
type Pending = ((String, String, String), std::sync::mpsc::SyncSender<()>);

/// Plain SQLite at Consulta's durability: one writer commits up to `REFERENCE_GROUP` waiting rows
/// at a time (WAL, synchronous FULL: on disk before the commit returns), `clients` threads each
/// send a row of the benchmark's size and wait until it is committed. No log, no receipt, no
/// index: what the disk allows, which Consulta's rate is measured against.
fn group_commit_reference(path: &std::path::Path, count: usize, clients: usize) -> anyhow::Result<Measured> {
    let connection = rusqlite::Connection::open(path)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection
        .execute("CREATE TABLE contributions (id INTEGER PRIMARY KEY, entity TEXT, title TEXT, body TEXT)", [])?;
    let (sender, received) = std::sync::mpsc::channel::<Pending>();
    let cpu_before = consulta_loadgen::cpu_time();
    let writer = std::thread::spawn(move || -> rusqlite::Result<()> {
        let mut connection = connection;
        while let Ok(first) = received.recv() {
            let mut group = vec![first];
            while group.len() < REFERENCE_GROUP {
                match received.try_recv() {
                    Ok(next) => group.push(next),
                    Err(_) => break,
                }
            }
            let transaction = connection.transaction()?;
            {
                let mut insert = transaction
                    .prepare_cached("INSERT INTO contributions (entity, title, body) VALUES (?1, ?2, ?3)")?;
                for ((entity, title, body), _) in &group {
                    insert.execute((entity, title, body))?;
                }
            }
            transaction.commit()?;
            for (_, done) in group {
                let _ = done.send(());
            }
        }
        Ok(())
    });
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (sender, next) = (sender.clone(), next.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                loop {
                    let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if n >= count {
                        break;
                    }
                    let row =
                        (format!("Synthetic entity {}", n % 5000), format!("Synthetic submission {n}"), BODY.repeat(4));
                    let (done, on_disk) = std::sync::mpsc::sync_channel(1);
                    let sent = Instant::now();
                    if sender.send((row, done)).is_err() || on_disk.recv().is_err() {
                        break;
                    }
                    latencies.push(sent.elapsed());
                }
                latencies
            })
        })
        .collect();
    drop(sender);
    let mut latencies = Vec::with_capacity(count);
    for thread in threads {
        latencies.extend(thread.join().map_err(|_| anyhow::anyhow!("a reference client failed"))?);
    }
    let elapsed = started.elapsed();
    writer.join().map_err(|_| anyhow::anyhow!("the reference writer failed"))??;
    let cpu = consulta_loadgen::cpu_time().zip(cpu_before).and_then(|(after, before)| after.checked_sub(before));
    if latencies.len() != count {
        bail!("the reference recorded {} of {count} rows", latencies.len());
    }
    latencies.sort();
    Ok(Measured { backend: "reference: SQLite group commit", submissions: count, elapsed, latencies, log_size: 0, cpu })
}

/// The text every submission sends, four times over (about 800 bytes).
const BODY: &str = "Enhanced cooperation on international public policy issues pertaining to the Internet requires a clearer division of roles between governments and the other stakeholders. ";
