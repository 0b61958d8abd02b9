//! Campaign detection against its peer: Consulta's detector and Python's datasketch
//! `MinHashLSH` (threshold 0.8, 64 permutations, 5-word shingles, union-find over each query's
//! results) on the same generated texts with planted campaigns, side by side: time, peak memory,
//! pair precision and recall. `pip install datasketch` first; without it the peer's line says
//! so. `consulta-bench-campaigns -- --texts 200000,1000000`.

use std::io::Write;
use std::time::Instant;

use clap::Parser;
use consulta_campaigns::tokens::tokens;
use consulta_campaigns::{Detector, Settings};
use consulta_loadgen::campaigns::{CampaignSpec, PlantedTexts, pair_scores, plant};

#[derive(Parser)]
struct Args {
    /// Corpus sizes, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "200000")]
    texts: Vec<usize>,
    /// The share of texts planted in campaigns.
    #[arg(long, default_value_t = 0.6)]
    in_campaigns: f64,
    #[arg(long, default_value_t = 2010)]
    seed: u64,
    /// Run Consulta's detector only.
    #[arg(long)]
    no_peer: bool,
}

/// The peer: datasketch's MinHashLSH as its documentation uses it, with union-find over each
/// query's results; prints the seconds it took, its peak memory in KiB and one campaign per line.
const PEER: &str = r#"
import json, resource, sys, time
from datasketch import MinHash, MinHashLSH
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
start = time.time()
lsh = MinHashLSH(threshold=0.8, num_perm=64)
parent = list(range(len(texts)))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for i, text in enumerate(texts):
    words = text.split()
    shingles = {" ".join(words[j:j + 5]).encode("utf-8") for j in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=64)
    m.update_batch(list(shingles))
    for j in lsh.query(m):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    lsh.insert(i, m)
elapsed = time.time() - start
groups = {}
for i in range(len(texts)):
    groups.setdefault(find(i), []).append(i)
with open(sys.argv[2], "w") as out:
    out.write(f"{elapsed} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\n")
    for members in groups.values():
        if len(members) > 1:
            out.write(" ".join(map(str, members)) + "\n")
"#;

fn report(name: &str, seconds: f64, peak_kib: Option<u64>, found: &[Vec<usize>], planted: &PlantedTexts) {
    let (precision, recall) = pair_scores(found, &planted.truth);
    // Recall on the plain form letters and on the synonym-swap templates apart.
    let only = |templates: bool| -> Vec<Option<usize>> {
        planted.truth.iter().map(|t| t.filter(|c| planted.is_template[*c] == templates)).collect()
    };
    let (_, plain_recall) = pair_scores(found, &only(false));
    let (_, template_recall) = pair_scores(found, &only(true));
    let memory = peak_kib.map(|k| format!("{} MiB", k / 1024)).unwrap_or_else(|| "?".into());
    println!(
        "  {name:<28} {seconds:>8.2} s  peak {memory:>9}  pair precision {precision:.4}  recall {recall:.4} \
         (form letters {plain_recall:.4}, synonym-swap templates {template_recall:.4})"
    );
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    for &n in &args.texts {
        let spec = CampaignSpec {
            texts: n,
            in_campaigns: args.in_campaigns,
            campaigns: (n / 400).max(4),
            templates: 0.2,
            seed: args.seed,
        };
        let started = Instant::now();
        let planted = plant(spec);
        let in_campaigns = planted.truth.iter().flatten().count();
        println!(
            "{n} texts, {in_campaigns} in {} planted campaigns ({} synonym-swap templates); generated in {:.1} s",
            spec.campaigns,
            planted.is_template.iter().filter(|t| **t).count(),
            started.elapsed().as_secs_f64()
        );

        let started = Instant::now();
        let mut detector = Detector::new(Settings::default());
        let mut read_again = 0u64;
        let numbered: Vec<(u64, &str)> =
            planted.texts.iter().enumerate().map(|(i, t)| (i as u64, t.as_str())).collect();
        detector.add_all(&numbered, &mut |id| {
            read_again += 1;
            tokens(&planted.texts[id as usize])
        });
        let found: Vec<Vec<usize>> =
            detector.campaigns().into_iter().map(|c| c.into_iter().map(|i| i as usize).collect()).collect();
        let seconds = started.elapsed().as_secs_f64();
        report("Consulta", seconds, consulta_loadgen::peak_memory_kib(), &found, &planted);
        println!("  ({:.2} earlier texts read again per text added)", read_again as f64 / n as f64);

        if args.no_peer {
            continue;
        }
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("texts.jsonl");
        let mut file = std::io::BufWriter::new(std::fs::File::create(&input)?);
        for text in &planted.texts {
            writeln!(file, "{}", serde_json::to_string(text)?)?;
        }
        file.flush()?;
        drop(file);
        let output = dir.path().join("campaigns.txt");
        let ran = std::process::Command::new("python3").arg("-c").arg(PEER).arg(&input).arg(&output).status();
        match ran {
            Ok(status) if status.success() => {
                let text = std::fs::read_to_string(&output)?;
                let mut lines = text.lines();
                let first: Vec<&str> = lines.next().unwrap_or_default().split_whitespace().collect();
                let seconds: f64 = first.first().and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
                let peak: Option<u64> = first.get(1).and_then(|s| s.parse().ok());
                let found: Vec<Vec<usize>> =
                    lines.map(|l| l.split_whitespace().filter_map(|n| n.parse().ok()).collect()).collect();
                report("datasketch MinHashLSH", seconds, peak, &found, &planted);
            }
            _ => {
                println!("  datasketch MinHashLSH: not run (python3 with datasketch is needed: pip install datasketch)")
            }
        }
    }
    Ok(())
}
