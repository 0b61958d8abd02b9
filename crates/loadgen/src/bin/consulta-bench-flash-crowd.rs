//! Flash crowd: the real server on loopback over a fresh SQLite record, writers sending durable
//! API submissions at rising concurrency (10 to 2,000 clients by default) while readers browse
//! the consultation's page and search. For each step it prints the acknowledged writes per
//! second, the writes refused as busy (503 with Retry-After, nothing recorded), those that
//! failed otherwise (a timeout, a reset: there must be none), and the p99 of writes and reads;
//! at the end it checks that every acknowledged submission is in the public log (nothing
//! acknowledged lost), and writes the curve as an SVG chart.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-flash-crowd -- \
//!       --clients 10,50,200,500,1000,2000 --seconds 5 --chart docs/performance/flash-crowd.svg

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;
use clap::Parser;
use consulta_store::Database;

/// Ramp concurrent writers up while readers read.
#[derive(Parser)]
struct Args {
    /// The numbers of concurrent writers, one step each.
    #[arg(long, value_delimiter = ',', default_value = "10,50,200,500,1000,2000")]
    clients: Vec<usize>,
    /// How long each step lasts.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Concurrent readers throughout.
    #[arg(long, default_value_t = 16)]
    readers: usize,
    /// Where to write the chart (SVG).
    #[arg(long)]
    chart: Option<std::path::PathBuf>,
}

/// What one step measured.
struct Step {
    clients: usize,
    acknowledged: usize,
    busy: usize,
    failed: usize,
    /// Why writes failed, each kind once.
    failures: std::collections::BTreeSet<String>,
    write_p99: Duration,
    reads: usize,
    read_p99: Duration,
    elapsed: Duration,
}

impl Step {
    fn per_second(&self) -> f64 {
        self.acknowledged as f64 / self.elapsed.as_secs_f64()
    }
}

fn p99(mut latencies: Vec<Duration>) -> Duration {
    latencies.sort();
    latencies.get((latencies.len() as f64 * 0.99) as usize).or(latencies.last()).copied().unwrap_or_default()
}

const BODY: &str = "Enhanced cooperation on international public policy issues pertaining to the Internet requires a clearer division of roles between governments and the other stakeholders. ";

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::Builder::new().prefix("consulta-bench-flash-").tempdir()?;
    let database = Database::sqlite(&dir.path().join("consulta.db"));
    let config = consulta_loadgen::bench_server(&database, dir.path())?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let steps = runtime.block_on(async {
        let listener = consulta_web::bind(([127, 0, 0, 1], 0).into())?;
        let base = format!("http://{}", listener.local_addr()?);
        tokio::spawn(async move { consulta_web::serve(listener, config).await });
        // One client, its pool as large as the largest step; a request not answered within 60 s
        // counts as failed.
        let most = args.clients.iter().copied().max().unwrap_or(1) + args.readers;
        let client =
            reqwest::Client::builder().pool_max_idle_per_host(most).timeout(Duration::from_secs(60)).build()?;
        let mut steps = Vec::new();
        for &clients in &args.clients {
            steps.push(step(&client, &base, clients, args.readers, Duration::from_secs(args.seconds)).await?);
            eprintln!("{clients} writers done");
        }
        anyhow::Ok(steps)
    })?;
    let acknowledged: usize = steps.iter().map(|s| s.acknowledged).sum();
    let in_log = database.connect()?.log_size()?;
    println!(
        "{:>8} {:>12} {:>8} {:>8} {:>13} {:>8} {:>12}",
        "writers", "writes/s", "busy", "failed", "write p99 ms", "reads", "read p99 ms"
    );
    for s in &steps {
        println!(
            "{:>8} {:>12.0} {:>8} {:>8} {:>13.1} {:>8} {:>12.1}",
            s.clients,
            s.per_second(),
            s.busy,
            s.failed,
            s.write_p99.as_secs_f64() * 1000.0,
            s.reads,
            s.read_p99.as_secs_f64() * 1000.0
        );
    }
    for s in steps.iter().filter(|s| s.failed > 0) {
        println!("{} writers: failed as {:?}", s.clients, s.failures);
    }
    println!("acknowledged {acknowledged}, in the public log {in_log}");
    if in_log != acknowledged as u64 {
        bail!("{} acknowledged submissions are not in the log", acknowledged as u64 - in_log.min(acknowledged as u64));
    }
    if let Some(path) = &args.chart {
        std::fs::write(path, chart(&steps))?;
        println!("chart written to {}", path.display());
    }
    Ok(())
}

/// Runs `clients` writers and `readers` readers for `length`.
async fn step(
    client: &reqwest::Client,
    base: &str,
    clients: usize,
    readers: usize,
    length: Duration,
) -> anyhow::Result<Step> {
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut writers = Vec::new();
    for w in 0..clients {
        let (client, stop) = (client.clone(), stop.clone());
        let url = format!("{base}/api/v1/consultations/bench/contributions");
        writers.push(tokio::spawn(async move {
            let (mut latencies, mut busy, mut n) = (Vec::new(), 0usize, 0usize);
            let mut failed = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let form = reqwest::multipart::Form::new()
                    .text("entity", format!("Synthetic crowd member {w}"))
                    .text("stakeholder_group", "civil_society")
                    .text("email", "crowd@example.org")
                    .text("language", "en")
                    .text("title", format!("Synthetic comment {w}-{n}"))
                    .text("body", BODY.repeat(4));
                let sent = Instant::now();
                match client.post(&url).multipart(form).send().await {
                    Ok(r) if r.status() == reqwest::StatusCode::CREATED => {
                        let _ = r.bytes().await;
                        latencies.push(sent.elapsed());
                    }
                    Ok(r) if r.status() == reqwest::StatusCode::SERVICE_UNAVAILABLE => {
                        busy += 1;
                        // As a well-behaved client does, within the Retry-After given.
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                    Ok(r) => failed.push(format!("status {}", r.status())),
                    Err(e) if e.is_timeout() => failed.push("timeout".to_owned()),
                    Err(e) if e.is_connect() => failed.push("connection refused".to_owned()),
                    Err(e) => {
                        // The innermost cause says what happened (a reset, a closed connection).
                        let mut cause: &dyn std::error::Error = &e;
                        while let Some(next) = cause.source() {
                            cause = next;
                        }
                        failed.push(cause.to_string());
                    }
                }
            }
            (latencies, busy, failed)
        }));
    }
    let mut reading = Vec::new();
    for r in 0..readers {
        let (client, stop) = (client.clone(), stop.clone());
        let paths = ["/consultations/bench", "/search?q=cooperation", "/api/v1/log/tree-head"];
        let base = base.to_owned();
        reading.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut n = r;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let sent = Instant::now();
                if let Ok(response) = client.get(format!("{base}{}", paths[n % paths.len()])).send().await
                    && response.status().is_success()
                {
                    let _ = response.bytes().await;
                    latencies.push(sent.elapsed());
                }
            }
            latencies
        }));
    }
    tokio::time::sleep(length).await;
    stop.store(true, Ordering::Relaxed);
    let (mut writes, mut busy, mut failed) = (Vec::new(), 0, Vec::new());
    for writer in writers {
        let (l, b, f) = writer.await?;
        writes.extend(l);
        busy += b;
        failed.extend(f);
    }
    let elapsed = started.elapsed();
    let mut reads = Vec::new();
    for reader in reading {
        reads.extend(reader.await?);
    }
    Ok(Step {
        clients,
        acknowledged: writes.len(),
        busy,
        failed: failed.len(),
        failures: failed.into_iter().collect(),
        write_p99: p99(writes),
        reads: reads.len(),
        read_p99: p99(reads),
        elapsed,
    })
}

/// The curve as an SVG chart: acknowledged writes per second (solid) and the p99 of writes and
/// reads (dashed, right scale) against the number of writers, on a logarithmic axis.
fn chart(steps: &[Step]) -> String {
    let (width, height, left, right, top, bottom) = (720.0, 420.0, 70.0, 70.0, 64.0, 50.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let most_rate = steps.iter().map(Step::per_second).fold(1.0, f64::max) * 1.1;
    let most_ms = steps.iter().map(|s| s.write_p99.max(s.read_p99).as_secs_f64() * 1000.0).fold(1.0, f64::max) * 1.1;
    let (low, high) =
        (steps.first().map_or(1.0, |s| (s.clients as f64).ln()), steps.last().map_or(2.0, |s| (s.clients as f64).ln()));
    let x = |clients: usize| left + plot_w * ((clients as f64).ln() - low) / (high - low).max(f64::EPSILON);
    let y = |value: f64, most: f64| top + plot_h * (1.0 - value / most);
    let line = |values: Vec<(usize, f64)>, most: f64| {
        values.iter().map(|(c, v)| format!("{:.1},{:.1}", x(*c), y(*v, most))).collect::<Vec<_>>().join(" ")
    };
    let rate = line(steps.iter().map(|s| (s.clients, s.per_second())).collect(), most_rate);
    let writes = line(steps.iter().map(|s| (s.clients, s.write_p99.as_secs_f64() * 1000.0)).collect(), most_ms);
    let reads = line(steps.iter().map(|s| (s.clients, s.read_p99.as_secs_f64() * 1000.0)).collect(), most_ms);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <title>Flash crowd: acknowledged writes per second and p99 latency against concurrent writers</title>\n\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/>\n\
         <text x=\"{left}\" y=\"22\" font-size=\"14\">Flash crowd on one SQLite record: writes/s (solid), p99 of writes and reads in ms (dashed)</text>\n"
    );
    for s in steps {
        let at = x(s.clients);
        svg += &format!(
            "<line x1=\"{at:.1}\" y1=\"{top}\" x2=\"{at:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><text x=\"{at:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\n",
            top + plot_h,
            top + plot_h + 18.0,
            s.clients
        );
    }
    for i in 0..=4 {
        let share = f64::from(i) / 4.0;
        let at = top + plot_h * (1.0 - share);
        svg += &format!(
            "<text x=\"{:.1}\" y=\"{at:.1}\" text-anchor=\"end\">{:.0}</text><text x=\"{:.1}\" y=\"{at:.1}\">{:.0}</text>\n",
            left - 6.0,
            most_rate * share,
            width - right + 6.0,
            most_ms * share
        );
    }
    svg += &format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">concurrent writers (16 readers throughout)</text>\n\
         <polyline points=\"{rate}\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/>\n\
         <polyline points=\"{writes}\" fill=\"none\" stroke=\"#a4161a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n\
         <polyline points=\"{reads}\" fill=\"none\" stroke=\"#1d6b2f\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n\
         <text x=\"{left}\" y=\"{:.1}\" fill=\"#0b4f8a\">writes/s</text><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#a4161a\">write p99</text><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#1d6b2f\">read p99</text>\n</svg>\n",
        left + plot_w / 2.0,
        height - 8.0,
        top - 18.0,
        left + 90.0,
        top - 18.0,
        left + 180.0,
        top - 18.0,
    );
    svg
}
