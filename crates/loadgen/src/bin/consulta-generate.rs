//! Writes a synthetic contribution file: `consulta-generate --count 1000000 --output big.csv`.
//! It fits a consultation open from 2010-09-01 to 2010-12-31 with a meeting on 2010-12-14.

use std::path::PathBuf;

use clap::Parser;

/// Write a synthetic contribution file in Consulta's import format.
#[derive(Parser)]
struct Args {
    /// How many contributions.
    #[arg(long, default_value_t = 1_000_000)]
    count: u64,
    /// Where to write the CSV file ("-" for standard output).
    #[arg(long)]
    output: PathBuf,
    /// Seed of the generator; the same seed gives the same file.
    #[arg(long, default_value_t = 2010)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let spec = consulta_loadgen::Spec { contributions: args.count, seed: args.seed };
    if args.output.as_os_str() == "-" {
        consulta_loadgen::write_contributions(spec, std::io::stdout().lock())?;
    } else {
        let file = std::fs::File::create(&args.output)?;
        consulta_loadgen::write_contributions(spec, file)?;
        eprintln!("wrote {} contributions to {}", args.count, args.output.display());
    }
    Ok(())
}
