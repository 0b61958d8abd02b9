//! `consulta campaigns`: find a consultation's campaigns again from the record, list them, and
//! list their members.

use std::io::{IsTerminal, Write};

use consulta_core::{CampaignNote, ContributionId};
use consulta_i18n::{Arg, Localizer};
use consulta_report::campaigns::{NamingError, campaigns, name_campaign, rebuild, render_campaigns, render_members};
use consulta_store::Database;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{CampaignsCommand, CampaignsName, CampaignsOutput, CampaignsRebuild};
use crate::commands::{command_line, find_consultation, open_existing};

pub fn run(database: &Database, command: CampaignsCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        CampaignsCommand::Rebuild(args) => rebuild_campaigns(database, args, localizer),
        CampaignsCommand::List(args) => list(database, args, localizer),
        CampaignsCommand::Members(args) => members(database, args, localizer),
        CampaignsCommand::Name(args) => name(database, args, localizer),
    }
}

fn name(database: &Database, args: CampaignsName, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let note = match &args.name {
        Some(name) if !args.clear => {
            Some(CampaignNote::new(name, &args.note).map_err(|e| anyhow::anyhow!(localizer.text(e.message_key())))?)
        }
        _ => None,
    };
    let campaign = ContributionId(args.campaign);
    match name_campaign(&mut *store, &consultation, campaign, note.as_ref(), &command_line()) {
        Err(NamingError::NoSuchCampaign(_)) => {
            let args: [(&str, Arg); 2] =
                [("campaign", Arg::Number(campaign.0 as f64)), ("slug", args.consultation.clone().into())];
            anyhow::bail!(localizer.format("cli-campaigns-no-such", &args))
        }
        Err(NamingError::Store(e)) => Err(e.into()),
        Ok(()) => {
            let number = ("campaign", Arg::Number(campaign.0 as f64));
            match note {
                Some(note) => {
                    println!("{}", localizer.format("cli-campaigns-named", &[number, ("name", note.name().into())]))
                }
                None => println!("{}", localizer.format("cli-campaigns-unnamed", &[number])),
            }
            Ok(())
        }
    }
}

fn rebuild_campaigns(database: &Database, args: CampaignsRebuild, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new_spinner() } else { ProgressBar::hidden() };
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} {msg}") {
        bar.set_style(style.tick_chars("⠁⠂⠄⡀⢀⠠⠐⠈ "));
    }
    bar.set_message(localizer.text("cli-campaigns-reading"));
    let rebuilt = rebuild(&mut *store, &consultation, &mut |read| bar.set_position(read))?;
    bar.finish_and_clear();
    let counts: [(&str, Arg); 3] = [
        ("members", rebuilt.members.into()),
        ("campaigns", rebuilt.campaigns.into()),
        ("changed", rebuilt.changed.into()),
    ];
    println!("{}", localizer.format("cli-campaigns-rebuilt", &counts));
    Ok(())
}

fn write_out(text: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn list(database: &Database, args: CampaignsOutput, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let views = campaigns(&*store, &consultation)?;
    write_out(&render_campaigns(&views, args.format.into(), localizer))
}

fn members(database: &Database, args: CampaignsOutput, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let members = store.campaign_members(consultation.id)?;
    write_out(&render_members(&members, args.format.into()))
}
