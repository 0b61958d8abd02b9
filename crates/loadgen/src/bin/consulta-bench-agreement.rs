//! Points-of-agreement benchmark: a generated vote matrix with planted opinion groups (each
//! group leans one way on each statement), then the whole computation Consulta runs on it:
//! principal components, the map, base clusters and groups, representative statements and
//! consensus. Prints the time of each step, peak memory, and how well the planted groups are
//! found (adjusted Rand index).
//!
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-agreement
//!   cargo run --release -p consulta-loadgen --bin consulta-bench-agreement -- --participants 100000 --statements 2000 --filled 0.05

use std::time::Instant;

use clap::Parser;
use consulta_agreement::ari::adjusted_rand_index;
use consulta_agreement::{Vote, VoteMatrix, opinion_groups, representative_statements, statement_reports};
use consulta_loadgen::peak_memory_kib;

/// Benchmark the opinion groups and consensus of a generated conversation.
#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 10_000)]
    participants: usize,
    #[arg(long, default_value_t = 1_000)]
    statements: usize,
    /// The share of the matrix voted on.
    #[arg(long, default_value_t = 0.2)]
    filled: f64,
    /// Opinion groups planted.
    #[arg(long, default_value_t = 4)]
    groups: usize,
}

fn main() {
    let args = Args::parse();
    let started = Instant::now();
    let (matrix, planted) = generate(&args);
    println!(
        "{} participants x {} statements, {} votes ({:.0} % filled), {} planted groups; generated in {:.2}s",
        args.participants,
        args.statements,
        matrix.votes_cast(),
        100.0 * matrix.votes_cast() as f64 / (args.participants * args.statements) as f64,
        args.groups,
        started.elapsed().as_secs_f64()
    );
    let components = Instant::now();
    let pca = consulta_agreement::pca::pca(&matrix);
    let _places = consulta_agreement::pca::project(&matrix, &pca);
    let components = components.elapsed();
    let whole = Instant::now();
    let groups = opinion_groups(&matrix);
    let grouped = whole.elapsed();
    let representatives = representative_statements(&matrix, &groups.groups);
    let reports = statement_reports(&matrix, &groups.groups);
    let total = whole.elapsed();
    let both: Vec<(usize, usize)> =
        (0..matrix.participants()).filter_map(|p| Some((groups.group_of[p]?, planted[p]))).collect();
    let (found, truth): (Vec<usize>, Vec<usize>) = both.into_iter().unzip();
    println!("principal components and map, run apart: {:>8.3} s", components.as_secs_f64());
    println!(
        "groups (PCA, map, base clusters, groups):  {:>8.3} s  ({} groups, silhouette {:.3})",
        grouped.as_secs_f64(),
        groups.groups.len(),
        groups.silhouette
    );
    println!(
        "representative statements and consensus:  {:>8.3} s  ({} representative, {} points of agreement)",
        (total - grouped).as_secs_f64(),
        representatives.iter().map(Vec::len).sum::<usize>(),
        reports.iter().filter(|r| matches!(r.standing, consulta_agreement::Standing::Agreement(_))).count()
    );
    println!("whole computation:                         {:>8.3} s", total.as_secs_f64());
    println!("planted groups found: ARI {:.3} over {} participants", adjusted_rand_index(&found, &truth), found.len());
    if let Some(kib) = peak_memory_kib() {
        println!("peak memory {} MiB (the whole process, generation included)", kib / 1024);
    }
}

/// A matrix where each participant belongs to one of `groups` planted groups; each group agrees
/// with a statement with probability 0.8, disagrees with 0.8, or is split, at random per
/// statement; each participant votes on about `filled` of the statements, chosen at random.
fn generate(args: &Args) -> (VoteMatrix, Vec<usize>) {
    let mut rng = fastrand::Rng::with_seed(16);
    let leanings: Vec<Vec<f64>> = (0..args.groups)
        .map(|_| {
            (0..args.statements)
                .map(|_| match rng.u8(0..3) {
                    0 => 0.8,
                    1 => 0.2,
                    _ => 0.5,
                })
                .collect()
        })
        .collect();
    let mut matrix = VoteMatrix::new(args.statements);
    let mut planted = Vec::with_capacity(args.participants);
    let per_participant = ((args.statements as f64 * args.filled).round() as usize).max(1);
    for _ in 0..args.participants {
        let group = rng.usize(0..args.groups);
        planted.push(group);
        let votes: Vec<(usize, Vote)> = (0..per_participant)
            .map(|_| {
                let statement = rng.usize(0..args.statements);
                let vote = if rng.f64() < 0.1 {
                    Vote::Pass
                } else if rng.f64() < leanings[group][statement] {
                    Vote::Agree
                } else {
                    Vote::Disagree
                };
                (statement, vote)
            })
            .collect();
        matrix.push_participant(votes);
    }
    (matrix, planted)
}
