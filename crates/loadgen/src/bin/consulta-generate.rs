//! Writes a synthetic contribution file: `consulta-generate --count 1000000 --output big.csv`.
//! It fits a consultation open from 2010-09-01 to 2010-12-31 with a meeting on 2010-12-14.

use std::io::Write;
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
    /// Plant campaigns: the share of contributions that are members of one (form letters with
    /// edits, personal paragraphs and dropped sentences, and synonym-swap templates).
    #[arg(long, value_name = "SHARE")]
    campaigns: Option<f64>,
    /// With --campaigns, where to write the truth: `contribution,campaign` for every planted
    /// member, numbered as an import into an empty record numbers them (from 1).
    #[arg(long, value_name = "FILE", requires = "campaigns")]
    truth: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let spec = consulta_loadgen::Spec { contributions: args.count, seed: args.seed };
    let planted = args.campaigns.map(|share| {
        consulta_loadgen::campaigns::plant(consulta_loadgen::campaigns::CampaignSpec {
            texts: args.count as usize,
            in_campaigns: share.clamp(0.0, 1.0),
            campaigns: (args.count as usize / 400).max(4),
            templates: 0.2,
            seed: args.seed,
        })
    });
    if let (Some(planted), Some(truth)) = (&planted, &args.truth) {
        let mut out = std::io::BufWriter::new(std::fs::File::create(truth)?);
        writeln!(out, "contribution,campaign")?;
        for (row, campaign) in planted.truth.iter().enumerate() {
            if let Some(campaign) = campaign {
                writeln!(out, "{},{campaign}", row + 1)?;
            }
        }
        out.flush()?;
    }
    if args.output.as_os_str() == "-" {
        consulta_loadgen::write_contributions_with(spec, planted.as_ref(), std::io::stdout().lock())?;
    } else {
        let file = std::fs::File::create(&args.output)?;
        consulta_loadgen::write_contributions_with(spec, planted.as_ref(), file)?;
        eprintln!("wrote {} contributions to {}", args.count, args.output.display());
    }
    Ok(())
}
