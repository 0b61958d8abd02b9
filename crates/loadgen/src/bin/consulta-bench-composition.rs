//! Composition benchmark: a body of 60 seats chosen from 5,000 generated nominations under 30
//! rules (stakeholder groups, every regional group, at most one member a country, a share of
//! developing countries and of women, expertise, renewal of the members seated now), solved
//! exactly for each objective; then a contradictory rule set, and the time to name the rules
//! that conflict. Prints each time, the slate's checks and peak memory.
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-composition
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-composition -- --nominations 20000

use std::time::Instant;

use clap::Parser;
use consulta_composition::{Attribute, Candidate, Objective, Solved, check, parse_rules, solve};
use consulta_loadgen::peak_memory_kib;

/// Benchmark the exact solver on generated nominations.
#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 5_000)]
    nominations: usize,
    /// Members seated now, among the nominations (renewal rules count them).
    #[arg(long, default_value_t = 40)]
    seated: usize,
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

const REGIONS: [&str; 5] = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "weog"];
const GROUPS: [&str; 6] =
    ["government", "private_sector", "civil_society", "academic", "technical", "international_organization"];

fn generate(args: &Args) -> Vec<Candidate> {
    let mut rng = fastrand::Rng::with_seed(args.seed);
    (0..args.nominations)
        .map(|i| {
            // 190 countries, 38 a regional group; development status by country.
            let country = rng.usize(0..190);
            let development = match country % 10 {
                0..=2 => "developed",
                3..=7 => "developing",
                _ => "ldc",
            };
            let mut attributes = vec![
                (Attribute::Group, GROUPS[rng.usize(0..GROUPS.len())].to_owned()),
                (Attribute::Region, REGIONS[country / 38].to_owned()),
                (Attribute::Country, format!("C{country:03}")),
                (Attribute::Development, development.to_owned()),
                (Attribute::Gender, if rng.bool() { "female" } else { "male" }.to_owned()),
            ];
            for _ in 0..rng.usize(1..4) {
                attributes.push((Attribute::Expertise, format!("e{}", rng.usize(0..12))));
            }
            Candidate { attributes, seated: i < args.seated, priority: rng.u32(1..6), ..Candidate::default() }
        })
        .collect()
}

/// Thirty rules in the shape of a UN working group's.
const RULES: &str = "total 60
exactly 24 group=government
at least 3 per region in african,asia_pacific,eastern_european,latin_american_caribbean,weog where group=government
at most 7 per region where group=government
at most 1 per country
at least 60% development=developing,ldc where group=government
at least 20% development=ldc where group=government
at least 40% gender=female
at most 60% gender=female
exactly 8 group=private_sector
exactly 8 group=civil_society
at least 5 group=academic
at least 5 group=technical
at least 4 group=international_organization
at most 20 group=academic,technical,international_organization
at least 1 per region where group=civil_society
at least 1 per region where group=private_sector
at least 2 per expertise in e0,e1,e2,e3,e4,e5,e6,e7,e8,e9,e10,e11
at least 3 expertise=e0 and group=government
at least 2 expertise=e1 and group=civil_society
at least 50% gender=female where group=civil_society
at least 40% gender=female where group=government
at least 2 gender=female and group=private_sector
at least 1 development=ldc and group=civil_society
at least 1 development=ldc and group=academic,technical
at most 20 region=weog,eastern_european
at least 10 region=african,latin_american_caribbean
at least 4 per region
at most 16 per region
renew at most 50%
";

fn kib(value: Option<u64>) -> String {
    value.map_or_else(|| "?".to_owned(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn main() {
    let args = Args::parse();
    let candidates = generate(&args);
    let rules = parse_rules(RULES).expect("the benchmark's rules read");
    println!(
        "{} nominations ({} seated now), {} seats, {} rules",
        candidates.len(),
        args.seated,
        rules.seats().unwrap_or(0),
        rules.rules.len()
    );
    for objective in Objective::ALL {
        let started = Instant::now();
        let solved = solve(&candidates, &rules, objective).expect("solved");
        let took = started.elapsed();
        match solved {
            Solved::Slate(slate) => {
                let broken = check(&candidates, &rules, &slate.members);
                println!(
                    "{:<17} optimal slate of {} in {:>8.3}s, score {}, rules broken: {}",
                    objective.as_str(),
                    slate.members.len(),
                    took.as_secs_f64(),
                    slate.score,
                    broken.len()
                );
            }
            Solved::Conflict { rules: conflict } => {
                println!("{:<17} no slate ({took:.2?}): rules {conflict:?} conflict", objective.as_str());
            }
        }
    }
    // Contradictory: 24 governments, at least 3 from each of five regional groups, yet at
    // most 2 African members in all.
    let contradictory = parse_rules(&format!("{RULES}at most 2 region=african\n")).expect("rules");
    let started = Instant::now();
    let solved = solve(&candidates, &contradictory, Objective::Priority).expect("solved");
    let took = started.elapsed();
    match solved {
        Solved::Conflict { rules: conflict } => {
            let lines: Vec<usize> = conflict.iter().map(|i| contradictory.rules[*i].0).collect();
            println!("infeasible rule set: the rules on lines {lines:?} conflict, found in {:.3}s", took.as_secs_f64());
        }
        Solved::Slate(_) => println!("the contradictory rule set was solved: the benchmark's rules are wrong"),
    }
    println!("peak memory {}", kib(peak_memory_kib()));
}
