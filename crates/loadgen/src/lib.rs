//! Synthetic contribution files for benchmarks: any number of rows in the import format, in six
//! languages, with the stakeholder groups and channels in the proportions of seeds/003. Not
//! shipped to users; the benchmarks of later issues reuse it.

pub mod campaigns;

use consulta_store::RecordStore;
use std::io::{self, Write};

/// The stakeholder groups with their weights: the seeds' table (32/8/42/16 of 98), plus the
/// academic and technical communities, which the seeds count with civil society.
const GROUPS: [(&str, u32); 6] = [
    ("government", 32),
    ("international_organization", 8),
    ("civil_society", 36),
    ("private_sector", 16),
    ("academic", 4),
    ("technical", 2),
];

/// Channels in the seeds' proportions (59/26/13 of 98).
const CHANNELS: [(&str, u32); 3] = [("written", 59), ("presentation", 26), ("intervention", 13)];

/// Languages: the six UN languages, weighted as a consultation in English and French would see.
const LANGUAGES: [(&str, u32); 6] = [("en", 45), ("fr", 25), ("es", 12), ("ru", 6), ("ar", 6), ("zh", 6)];

const COUNTRIES: [&str; 24] = [
    "SN", "KE", "BR", "IN", "FR", "DE", "JP", "US", "CN", "RU", "EG", "AR", "MX", "ZA", "NG", "ID", "PK", "BD", "NP",
    "HT", "FJ", "CH", "PL", "TR",
];

pub(crate) fn words(language: &str) -> &'static [&'static str] {
    match language {
        "fr" => &[
            "coopération",
            "renforcée",
            "gouvernance",
            "Internet",
            "politiques",
            "publiques",
            "parties",
            "prenantes",
            "sécurité",
            "données",
            "personnelles",
            "développement",
            "accès",
            "multilinguisme",
            "capacités",
            "interconnexion",
            "coûts",
            "droits",
            "l'homme",
            "mécanismes",
            "existants",
            "rôle",
            "gouvernements",
            "société",
            "civile",
            "secteur",
            "privé",
            "renforcer",
            "la",
            "les",
            "des",
            "et",
            "pour",
            "dans",
        ],
        "es" => &[
            "cooperación",
            "reforzada",
            "gobernanza",
            "Internet",
            "políticas",
            "públicas",
            "partes",
            "interesadas",
            "seguridad",
            "datos",
            "personales",
            "desarrollo",
            "acceso",
            "multilingüismo",
            "capacidad",
            "costos",
            "interconexión",
            "derechos",
            "humanos",
            "mecanismos",
            "gobiernos",
            "sociedad",
            "civil",
            "la",
            "los",
            "y",
        ],
        "ru" => &[
            "сотрудничество",
            "управление",
            "интернетом",
            "политика",
            "безопасность",
            "данные",
            "развитие",
            "доступ",
            "многоязычие",
            "потенциал",
            "правительства",
            "гражданское",
            "общество",
            "механизмы",
            "и",
            "в",
        ],
        "ar" => &[
            "التعاون",
            "المعزز",
            "حوكمة",
            "الإنترنت",
            "السياسات",
            "العامة",
            "أصحاب",
            "المصلحة",
            "الأمن",
            "البيانات",
            "التنمية",
            "النفاذ",
            "تعدد",
            "اللغات",
            "بناء",
            "القدرات",
            "الحكومات",
            "المجتمع",
            "المدني",
            "في",
            "و",
        ],
        "zh" => &[
            "加强",
            "合作",
            "互联网",
            "治理",
            "公共",
            "政策",
            "利益",
            "相关方",
            "网络",
            "安全",
            "数据",
            "发展",
            "接入",
            "多语种",
            "能力",
            "建设",
            "政府",
            "民间",
            "社会",
            "机制",
            "的",
            "和",
        ],
        _ => &[
            "enhanced",
            "cooperation",
            "Internet",
            "governance",
            "public",
            "policy",
            "stakeholders",
            "security",
            "privacy",
            "personal",
            "data",
            "development",
            "access",
            "multilingualism",
            "capacity",
            "building",
            "interconnection",
            "costs",
            "human",
            "rights",
            "mechanisms",
            "governments",
            "civil",
            "society",
            "private",
            "sector",
            "the",
            "of",
            "and",
            "to",
            "in",
            "for",
        ],
    }
}

/// Syllables of the synthetic words that give each language a long tail of rarer words, as
/// real text has: without them every word would be in nearly every contribution.
fn syllables(language: &str) -> &'static [&'static str] {
    match language {
        "ru" => &["ка", "ло", "ми", "не", "ру", "са", "ти", "во", "де", "па", "ре", "ли", "ко", "ма", "тер", "ген"],
        "ar" => &["كا", "لو", "مي", "نا", "رو", "سا", "تي", "وا", "دي", "با", "ري", "لي", "كو", "ما", "تر", "جن"],
        // Ideographs, one per syllable: a Chinese word of two to four characters.
        "zh" => &["政", "策", "网", "络", "安", "全", "发", "展", "信", "息", "技", "术", "管", "理", "服", "务"],
        _ => &["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "pa", "re", "li", "co", "ma", "ter", "gen"],
    }
}

/// How many synthetic words each language has.
pub const TAIL_WORDS: usize = 20_000;

/// The synthetic word of rank `rank` (0 the most frequent) in `language`.
pub fn tail_word(language: &str, rank: usize) -> String {
    let syllables = syllables(language);
    let mut n = rank + syllables.len() * syllables.len();
    let mut word = String::new();
    while n > 0 {
        word.push_str(syllables[n % syllables.len()]);
        n /= syllables.len();
    }
    word
}

/// Picks ranks with Zipf's law (the word of rank r is 1/(r+1) as frequent as the first).
pub(crate) struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub(crate) fn new(n: usize) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut fastrand::Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = rng.f64() * total;
        self.cumulative.partition_point(|c| *c < target).min(self.cumulative.len() - 1)
    }
}

/// One word of running text: two in three from the topic vocabulary, the rest from the tail.
pub(crate) fn next_word(rng: &mut fastrand::Rng, zipf: &Zipf, language: &str, out: &mut String) {
    if rng.u32(0..3) < 2 {
        let vocabulary = words(language);
        out.push_str(vocabulary[rng.usize(..vocabulary.len())]);
    } else {
        out.push_str(&tail_word(language, zipf.sample(rng)));
    }
}

pub(crate) fn weighted<'a>(rng: &mut fastrand::Rng, items: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.u32(0..total);
    for (item, weight) in items {
        if pick < *weight {
            return item;
        }
        pick -= weight;
    }
    items[0].0
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub contributions: u64,
    pub seed: u64,
}

/// The consultation the generated files fit: its period and its one meeting.
pub const OPENS: &str = "2010-09-01";
pub const CLOSES: &str = "2010-12-31";
pub const MEETING: &str = "2010-12-14";

/// How many distinct entities a file of `contributions` rows has: about one per ten rows, at
/// most 50,000 (the 2010 consultations invited some 3,650 entities).
pub fn entity_count(contributions: u64) -> u64 {
    (contributions / 10).clamp(1, 50_000)
}

/// The fixed description of entity `i`: the same on every row, as the importer requires.
fn entity(i: u64) -> (String, &'static str, &'static str) {
    let mut rng = fastrand::Rng::with_seed(i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let group = weighted(&mut rng, &GROUPS);
    let country = if group == "international_organization" { "" } else { COUNTRIES[rng.usize(..COUNTRIES.len())] };
    (format!("Synthetic entity {i}"), group, country)
}

/// Writes a contribution file of `spec.contributions` rows to `out`.
pub fn write_contributions(spec: Spec, out: impl Write) -> io::Result<()> {
    write_contributions_with(spec, None, out)
}

/// Writes a contribution file whose bodies and languages, row by row, are `planted`'s texts
/// when given (their campaigns planted); `planted` must hold `spec.contributions` texts.
pub fn write_contributions_with(
    spec: Spec,
    planted: Option<&campaigns::PlantedTexts>,
    out: impl Write,
) -> io::Result<()> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut writer = csv::Writer::from_writer(io::BufWriter::with_capacity(1 << 20, out));
    writer.write_record([
        "entity",
        "stakeholder_group",
        "country",
        "channel",
        "submitted_at",
        "language",
        "title",
        "body",
        "meeting",
    ])?;
    let entities = entity_count(spec.contributions);
    let zipf = Zipf::new(TAIL_WORDS);
    let mut body = String::new();
    let mut title = String::new();
    for row in 0..spec.contributions as usize {
        let (name, group, country) = entity(rng.u64(0..entities));
        let channel = weighted(&mut rng, &CHANNELS);
        let mut language = weighted(&mut rng, &LANGUAGES);
        if let Some(planted) = planted {
            language = planted.languages[row];
        }
        let vocabulary = words(language);
        let separator = if language == "zh" { "" } else { " " };
        title.clear();
        for k in 0..rng.usize(3..8) {
            if k > 0 {
                title.push_str(separator);
            }
            title.push_str(vocabulary[rng.usize(..vocabulary.len())]);
        }
        body.clear();
        match planted {
            Some(planted) => body.push_str(&planted.texts[row]),
            None => {
                for k in 0..rng.usize(20..160) {
                    if k > 0 {
                        body.push_str(if k % 17 == 0 { ".\n" } else { separator });
                    }
                    next_word(&mut rng, &zipf, language, &mut body);
                }
            }
        }
        let (submitted, meeting) = if channel == "written" {
            let day = rng.u32(0..122);
            let (month, day) = match day {
                0..30 => (9, day),
                30..61 => (10, day - 30),
                61..91 => (11, day - 61),
                _ => (12, day - 91),
            };
            (format!("2010-{month:02}-{:02}T{:02}:{:02}:00Z", day + 1, rng.u32(0..24), rng.u32(0..60)), "")
        } else {
            (format!("{MEETING}T{:02}:{:02}:00-05:00", rng.u32(10..18), rng.u32(0..60)), MEETING)
        };
        writer.write_record([name.as_str(), group, country, channel, &submitted, language, &title, &body, meeting])?;
    }
    writer.flush()?;
    Ok(())
}

/// Creates the consultation the generated files fit (slug `bench`, with its meeting) and
/// imports `file` into it through the same code as `consulta import contributions`. Returns the
/// consultation and the import's duration.
pub fn import_generated(
    store: &mut consulta_store::SqliteStore,
    file: &std::path::Path,
    expected: u64,
) -> anyhow::Result<(consulta_core::Consultation, std::time::Duration)> {
    let draft = consulta_core::ConsultationDraft {
        slug: "bench".into(),
        original_language: "en".into(),
        title: vec![("en".into(), "Benchmark".into())],
        opens: OPENS.into(),
        closes: CLOSES.into(),
        time_zone: "UTC".into(),
        ..Default::default()
    };
    let consultation = store.create_consultation(&draft.check()?)?;
    store.add_meeting(consultation.id, MEETING.parse()?, "New York")?;
    let input = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(file)?);
    let started = std::time::Instant::now();
    let options = consulta_intake::ImportOptions::default();
    let summary = consulta_intake::import_contributions(store, &consultation, input, options, &mut |_| {})
        .map_err(|e| anyhow::anyhow!("the import: {e}"))?;
    if summary.contributions != expected {
        anyhow::bail!("imported {} of {expected} contributions", summary.contributions);
    }
    Ok((consultation, started.elapsed()))
}

/// The real server's configuration over `database`, with a consultation `bench` open, signed
/// and journalled as a server does.
pub fn bench_server(
    database: &consulta_store::Database,
    dir: &std::path::Path,
) -> anyhow::Result<consulta_web::WebConfig> {
    // Signed and journalled as a server does.
    let signer = {
        let mut store = database.connect()?;
        let key = consulta_store::log_key::open_log_key(&mut *store, &dir.join("log.key"))?;
        let journal = consulta_store::heads::HeadJournal::open(&dir.join("heads.jsonl"))?;
        std::sync::Arc::new(consulta_store::log_key::LogSigner::new(key, Some(journal)))
    };
    {
        let mut store = database.connect()?;
        let draft = consulta_core::ConsultationDraft {
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
    Ok(consulta_web::WebConfig {
        database: database.clone(),
        blobs: std::sync::Arc::new(consulta_blobs::LocalBlobs::new(dir.join("files"))),
        limits: consulta_intake::submission::Limits::default(),
        // The server indexes what it receives as it goes, as a real one does.
        index: std::sync::Arc::new(consulta_index::SearchIndex::open(&dir.join("index"))?),
        // One client address sends everything here: no per-address limit.
        unverified_per_hour: 0,
        mailer: std::sync::Arc::new(consulta_mail::Mailer::new(
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
    })
}

/// Generates `count` contributions and imports them into a fresh SQLite database in a temporary
/// directory (removed when the directory is dropped), printing how long the import took; gives
/// the directory and the database's path, for a benchmark's next process to open.
pub fn generated_database(count: u64) -> anyhow::Result<(tempfile::TempDir, std::path::PathBuf)> {
    let dir = tempfile::Builder::new().prefix("consulta-bench-").tempdir()?;
    let csv_path = dir.path().join("contributions.csv");
    write_contributions(Spec { contributions: count, seed: 2010 }, std::fs::File::create(&csv_path)?)?;
    let database = dir.path().join("consulta.db");
    let mut store = consulta_store::SqliteStore::open(&database)?;
    let (_, imported_in) = import_generated(&mut store, &csv_path, count)?;
    drop(store);
    std::fs::remove_file(&csv_path)?;
    println!("imported {count} contributions in {:.1} s", imported_in.as_secs_f64());
    Ok((dir, database))
}

/// The one consultation of a benchmark's database.
pub fn only_consultation(store: &dyn consulta_store::Store) -> anyhow::Result<consulta_core::Consultation> {
    use anyhow::Context;
    store.consultations()?.into_iter().next().context("the database holds no consultation")
}

/// Runs this benchmark again with `args`, in a process of its own so that the peak memory it
/// prints is its own; prints what it printed, and gives it back.
pub fn run_again<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> anyhow::Result<String> {
    let output = std::process::Command::new(std::env::current_exe()?).args(args).output()?;
    let printed = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{printed}");
    if !output.status.success() {
        anyhow::bail!("the run failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(printed)
}

/// The number printed after `label` on the first line of `printed` that starts with `start`
/// (`figure(out, "open data archive.zip", "peak memory ")`).
pub fn printed_figure(printed: &str, start: &str, label: &str) -> Option<f64> {
    let line = printed.lines().find(|l| l.starts_with(start))?;
    let after = &line[line.find(label)? + label.len()..];
    after.split(|c: char| !(c.is_ascii_digit() || c == '.')).next()?.parse().ok()
}

/// Peak resident memory of this process so far, in KiB (Linux), from /proc/self/status.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU time this process has used so far, user and system, all its threads together (those
/// that have ended included), from /proc/self/stat (Linux), to the hundredth of a second: the
/// kernel counts it there in USER_HZ, which is 100 on every Linux architecture.
pub fn cpu_time() -> Option<std::time::Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: the fields are counted after it.
    let fields: Vec<&str> = stat.get(stat.rfind(')')? + 1..)?.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(std::time::Duration::from_millis(ticks * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_file() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_contributions(Spec { contributions: 50, seed: 7 }, &mut a).expect("write");
        write_contributions(Spec { contributions: 50, seed: 7 }, &mut b).expect("write");
        assert_eq!(a, b);
        let text = String::from_utf8(a).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.records().count(), 50);
    }

    #[test]
    fn the_tail_words_are_distinct_and_zipf_favours_the_first() {
        let words: std::collections::HashSet<String> = (0..TAIL_WORDS).map(|r| tail_word("fr", r)).collect();
        assert_eq!(words.len(), TAIL_WORDS);
        let zipf = Zipf::new(TAIL_WORDS);
        let mut rng = fastrand::Rng::with_seed(1);
        let first = (0..10_000).filter(|_| zipf.sample(&mut rng) == 0).count();
        assert!((800..1300).contains(&first), "rank 0 drawn {first} times in 10,000");
    }

    #[test]
    fn an_entity_is_described_the_same_way_every_time() {
        assert_eq!(entity(42), entity(42));
        for i in 0..1000 {
            let (_, group, country) = entity(i);
            assert_eq!(country.is_empty(), group == "international_organization", "entity {i}");
        }
    }
}
