//! Fuzzing on stable Rust, for a bounded time: every parser of outside input (the contribution
//! file import, the text extractors, the citation finder, the search query reader, checkpoints)
//! is fed real inputs with bytes changed (replaced, inserted, removed, repeated, spliced from
//! another input) until the time is up. A panic is reported with the input that caused it,
//! written to a file so that it becomes a regression test. Prints each parser's rate.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-fuzz -- --seconds 60 --texts ../shared/seeds

use consulta_store::RecordStore;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use consulta_core::ConsultationDraft;
use consulta_extract::Kind;
use consulta_intake::{ImportOptions, import_contributions};
use consulta_loadgen::{Spec, write_contributions};
use consulta_store::SqliteStore;
use consulta_testkit::samples::{docx_with, odt_with, pdf_with_text};

/// Fuzz the parsers of outside input for a bounded time.
#[derive(Parser)]
struct Args {
    /// How long to run, in seconds, shared among the parsers.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// The random seed (the same seed replays the same inputs).
    #[arg(long, default_value_t = 2010)]
    seed: u64,
    /// A directory of real texts (UTF-8 files) to feed the citation finder and the query reader.
    #[arg(long)]
    texts: Option<PathBuf>,
    /// Where inputs that made a parser panic are written.
    #[arg(long, default_value = "fuzz-findings")]
    findings: PathBuf,
}

/// A changed copy of one of `inputs`.
fn mutate(rng: &mut fastrand::Rng, inputs: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = inputs[rng.usize(..inputs.len())].clone();
    for _ in 0..rng.usize(1..8) {
        let at = if bytes.is_empty() { 0 } else { rng.usize(..bytes.len()) };
        match rng.u8(..5) {
            0 if !bytes.is_empty() => bytes[at] = rng.u8(..),
            1 => bytes.insert(at, rng.u8(..)),
            2 if !bytes.is_empty() => {
                let end = (at + rng.usize(1..64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 if !bytes.is_empty() => {
                let end = (at + rng.usize(1..32)).min(bytes.len());
                let repeated = bytes[at..end].to_vec();
                for _ in 0..rng.usize(1..16) {
                    bytes.splice(at..at, repeated.iter().copied());
                }
            }
            _ => {
                let other = &inputs[rng.usize(..inputs.len())];
                if !other.is_empty() {
                    let from = rng.usize(..other.len());
                    let end = (from + rng.usize(1..128)).min(other.len());
                    bytes.splice(at..at, other[from..end].iter().copied());
                }
            }
        }
    }
    bytes
}

/// A parser under test, fed one input at a time.
type Parse = Box<dyn FnMut(&[u8])>;

struct Target {
    name: &'static str,
    inputs: Vec<Vec<u8>>,
    run: Parse,
    runs: u64,
    panics: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::Builder::new().prefix("consulta-bench-fuzz-").tempdir()?;
    let mut store = SqliteStore::open(&dir.path().join("consulta.db"))?;
    let draft = ConsultationDraft {
        slug: "fuzz".into(),
        original_language: "en".into(),
        title: vec![("en".into(), "Fuzzing".into())],
        opens: consulta_loadgen::OPENS.into(),
        closes: consulta_loadgen::CLOSES.into(),
        time_zone: "UTC".into(),
        ..Default::default()
    };
    let consultation = store.create_consultation(&draft.check()?)?;
    store.add_meeting(consultation.id, consulta_loadgen::MEETING.parse()?, "New York")?;

    let mut generated = Vec::new();
    write_contributions(Spec { contributions: 40, seed: args.seed }, &mut generated)?;
    let demo = include_bytes!("../../../cli/demo/contributions.csv").to_vec();
    let mut texts: Vec<Vec<u8>> = vec![
        "Conformément aux paragraphes 68 à 71 de l'Agenda de Tunis et à la résolution 65/141".into(),
        "As decided in A/RES/67/195 and E/2011/100, see paragraphs 35, 69-71 of the Tunis Agenda.".into(),
        "\"enhanced cooperation\" -spam coopération renforcée 合作 التعاون".into(),
    ];
    if let Some(dir) = &args.texts {
        for entry in std::fs::read_dir(dir)? {
            let text = std::fs::read(entry?.path())?;
            // Real documents, cut into paragraphs: inputs a person could paste.
            texts.extend(text.split(|b| *b == b'\n').filter(|p| p.len() > 20).map(<[u8]>::to_vec));
        }
    }
    let key = consulta_log::LogKey::from_secret([7; 32]);
    let public_key = key.public_key();
    let checkpoint =
        key.checkpoint(&consulta_log::TreeHead { size: 98, timestamp_ms: 1_292_338_800_000, root: [1; 32] });

    let extraction = |kind: Kind| {
        Box::new(move |bytes: &[u8]| {
            let _ = consulta_extract::extract(kind, bytes);
        }) as Parse
    };
    let mut targets = vec![
        Target {
            name: "contribution file import",
            inputs: vec![generated, demo],
            run: Box::new(move |bytes| {
                let _ = import_contributions(&mut store, &consultation, bytes, ImportOptions::default(), &mut |_| {});
            }),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "PDF text",
            inputs: vec![pdf_with_text("Enhanced cooperation on spam")],
            run: extraction(Kind::Pdf),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "DOCX text",
            inputs: vec![docx_with(&["Renforcer la coop&#233;ration", "Second"])],
            run: extraction(Kind::Docx),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "ODT text",
            inputs: vec![odt_with(&["Multilinguisme"])],
            run: extraction(Kind::Odt),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "HTML text",
            inputs: vec![b"<p>Acc&egrave;s <b>abordable</b></p><!-- x --><script>x()</script><![CDATA[y]]>".to_vec()],
            run: extraction(Kind::Html),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "citation finder",
            inputs: texts.clone(),
            run: Box::new(|bytes| {
                let _ = consulta_analysis::citations::cited_in(&String::from_utf8_lossy(bytes));
            }),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "search query reader",
            inputs: texts,
            run: Box::new(|bytes| {
                let _ = consulta_index::parse_query(&String::from_utf8_lossy(bytes));
            }),
            runs: 0,
            panics: 0,
        },
        Target {
            name: "checkpoint reader",
            inputs: vec![checkpoint.into_bytes()],
            run: Box::new(move |bytes| {
                let _ = consulta_log::verify_checkpoint(&String::from_utf8_lossy(bytes), &public_key);
            }),
            runs: 0,
            panics: 0,
        },
    ];

    // Panics are counted and their inputs kept; their messages would only drown the report.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let share = Duration::from_secs(args.seconds) / targets.len() as u32;
    println!("{:<26} {:>10} {:>12} {:>7}", "parser", "inputs", "inputs/s", "panics");
    for target in &mut targets {
        let started = Instant::now();
        while started.elapsed() < share {
            let input = mutate(&mut rng, &target.inputs);
            target.runs += 1;
            if catch_unwind(AssertUnwindSafe(|| (target.run)(&input))).is_err() {
                target.panics += 1;
                std::fs::create_dir_all(&args.findings)?;
                let name = format!("{}-{}.bin", target.name.replace(' ', "-"), target.panics);
                std::fs::write(args.findings.join(name), &input)?;
            }
        }
        let rate = target.runs as f64 / started.elapsed().as_secs_f64();
        println!("{:<26} {:>10} {:>12.0} {:>7}", target.name, target.runs, rate, target.panics);
    }
    let panics: u64 = targets.iter().map(|t| t.panics).sum();
    if panics > 0 {
        anyhow::bail!("{panics} inputs made a parser panic: see {}", args.findings.display());
    }
    Ok(())
}
