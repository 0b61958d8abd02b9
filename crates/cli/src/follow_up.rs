//! `consulta follow-up`: the follow-up record — the action lines, commitments brought in from a
//! results CSV (Decidim's columns and Consulta's) and written back out, listed by action line,
//! entity or status, updated one at a time, and the facilitators of each action line by year.

use anyhow::{Context, bail};
use consulta_followup::{FacilitatorRole, Progress, action_lines};
use consulta_i18n::{Arg, Localizer};
use consulta_report::follow_up::{
    self, CommitmentQuery, FollowUpError, action_line_summaries, commitment_summaries, export_results, import_results,
    known_action_line, status_name,
};
use consulta_report::reporting_rounds;
use consulta_store::{CommitmentUpdate, Database};

use crate::cli::{
    FollowUpActionLines, FollowUpCommand, FollowUpCommitments, FollowUpExport, FollowUpFacilitators, FollowUpImport,
    FollowUpUpdate, ListFormat, RoundCommand, RoundOpen, RoundRemind, RoundStatus,
};
use crate::commands::{command_line, open_existing};

pub fn run(database: &Database, command: FollowUpCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        FollowUpCommand::ActionLines(args) => list_action_lines(database, args, localizer),
        FollowUpCommand::Import(args) => import(database, args, localizer),
        FollowUpCommand::Export(args) => export(database, args, localizer),
        FollowUpCommand::Commitments(args) => commitments(database, args, localizer),
        FollowUpCommand::Update(args) => update(database, args, localizer),
        FollowUpCommand::Facilitators(args) => facilitators(database, args, localizer),
        FollowUpCommand::Round(RoundCommand::Open(args)) => open_round(database, args, localizer),
        FollowUpCommand::Round(RoundCommand::Status(args)) => round_status(database, args, localizer),
        FollowUpCommand::Round(RoundCommand::Remind(args)) => remind(database, args, localizer),
    }
}

fn open_round(database: &Database, args: RoundOpen, localizer: &Localizer) -> anyhow::Result<()> {
    if !(2000..=2200).contains(&args.year) {
        bail!(localizer.format("cli-follow-up-bad-year", &[("value", args.year.to_string().into())]));
    }
    let public_url =
        args.public_url.as_deref().map(|url| crate::commands::parse_public_url(url, localizer)).transpose()?;
    let mut store = open_existing(database, localizer)?;
    let invitees: Vec<String> = args.invite.iter().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()).collect();
    // The entities an invitation campaign of this choice would reach, and that campaign.
    let campaign = !args.choice.is_empty();
    let selection = crate::commands::campaign_selection(&*store, args.choice, localizer)?;
    let mut chosen: Vec<consulta_core::EntityId> = Vec::new();
    if campaign {
        for contact in store.invitation_targets(&selection)? {
            if !chosen.contains(&contact.entity) {
                chosen.push(contact.entity);
            }
        }
    }
    let by = command_line();
    reporting_rounds::open_round(
        &mut *store,
        &args.consultation,
        args.year,
        &args.action_lines,
        &invitees,
        &chosen,
        &by,
    )
    .map_err(|e| said(e, localizer))?;
    let Some(consultation) = store.consultation_by_slug(&args.consultation)? else {
        bail!(localizer.format("follow-up-unknown-round", &[("slug", args.consultation.clone().into())]))
    };
    let invited = store.round(consultation.id)?.map_or(0, |round| round.invitees.len());
    let counts: [(&str, Arg); 2] = [("slug", args.consultation.clone().into()), ("count", invited.into())];
    println!("{}", localizer.format("cli-follow-up-round-opened", &counts));
    if let (true, Some(url)) = (campaign, public_url) {
        let invited = consulta_auth::invitations::invite(&mut *store, &consultation, &selection, url.as_str(), &by)?;
        println!("{}", localizer.format("cli-invited", &[("count", invited.into())]));
    }
    Ok(())
}

fn round_status(database: &Database, args: RoundStatus, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let round = reporting_rounds::round(&*store, &args.consultation, localizer.language(), jiff::Timestamp::now())
        .map_err(|e| said(e, localizer))?;
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&round)?),
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["entity", "standing", "report", "reported_at", "reminded_at"])?;
            for i in &round.invitees {
                out.write_record([
                    i.name.as_str(),
                    i.standing.as_str(),
                    &i.report.map(|r| r.to_string()).unwrap_or_default(),
                    i.reported_at.as_deref().unwrap_or_default(),
                    i.reminded_at.as_deref().unwrap_or_default(),
                ])?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            let args: [(&str, Arg); 3] = [
                ("reported", round.reported.into()),
                ("count", round.invitees.len().into()),
                ("late", round.late.into()),
            ];
            println!("{} ({})", round.title, round.year);
            println!("{}", localizer.format("cli-follow-up-round-summary", &args));
            for i in &round.invitees {
                let standing = localizer.text(&format!("follow-up-standing-{}", i.standing.as_str()));
                println!("  {:<10} {}", standing, i.name);
            }
        }
    }
    Ok(())
}

fn remind(database: &Database, args: RoundRemind, localizer: &Localizer) -> anyhow::Result<()> {
    let public_url = crate::commands::parse_public_url(&args.public_url, localizer)?;
    let mut store = open_existing(database, localizer)?;
    let sent = reporting_rounds::remind(&mut *store, &args.consultation, public_url.as_str(), &command_line())
        .map_err(|e| said(e, localizer))?;
    println!("{}", localizer.format("cli-follow-up-reminded", &[("count", sent.into())]));
    Ok(())
}

fn said(error: FollowUpError, localizer: &Localizer) -> anyhow::Error {
    anyhow::anyhow!(error.message(localizer))
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn list_action_lines(database: &Database, args: FollowUpActionLines, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let lines = action_line_summaries(&*store, localizer.language()).map_err(|e| said(e, localizer))?;
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&lines)?),
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["code", "title", "commitments", "planned", "in_progress", "achieved", "dropped"])?;
            for l in &lines {
                let s = &l.statuses;
                let counts = [l.commitments, s.planned, s.in_progress, s.achieved, s.dropped].map(|n| n.to_string());
                out.write_record(
                    [l.code.as_str(), l.title.as_str()].into_iter().chain(counts.iter().map(String::as_str)),
                )?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            if let Some(cycle) = follow_up::cycle_sentence(i32::from(jiff::Zoned::now().year()), localizer) {
                println!("{cycle}\n");
            }
            for l in &lines {
                let facilitators: Vec<&str> = l.facilitators.iter().map(|f| f.organisation.as_str()).collect();
                println!("{:<4} {}", l.code, l.title);
                let args: [(&str, Arg); 2] =
                    [("count", l.commitments.into()), ("facilitators", facilitators.join(", ").into())];
                println!("     {}", localizer.format("cli-follow-up-action-line", &args));
            }
        }
    }
    Ok(())
}

fn import(database: &Database, args: FollowUpImport, localizer: &Localizer) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file).with_context(|| args.file.display().to_string())?;
    let mut store = open_existing(database, localizer)?;
    let on = args.on.unwrap_or_else(today);
    let (added, updated) = import_results(&mut *store, &bytes, on, &command_line())
        .map_err(|e| anyhow::anyhow!("{}: {}", args.file.display(), e.message(localizer)))?;
    let counts: [(&str, Arg); 2] = [("added", added.into()), ("updated", updated.into())];
    println!("{}", localizer.format("cli-follow-up-imported", &counts));
    Ok(())
}

fn export(database: &Database, args: FollowUpExport, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let csv = export_results(&*store).map_err(|e| said(e, localizer))?;
    match &args.output {
        Some(path) => std::fs::write(path, csv).with_context(|| path.display().to_string())?,
        None => print!("{csv}"),
    }
    Ok(())
}

fn commitments(database: &Database, args: FollowUpCommitments, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let status = args.status.map(|s| consulta_followup::CommitmentStatus::from(s).as_str());
    let filter = CommitmentQuery::read(
        args.action_line.as_deref(),
        args.entity.as_deref(),
        status,
        args.group.as_deref(),
        args.region.as_deref(),
        args.development.as_deref(),
        args.issue.as_deref(),
    )
    .and_then(|query| query.filter())
    .map_err(|e| said(e, localizer))?;
    let list = commitment_summaries(&*store, &filter).map_err(|e| said(e, localizer))?;
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&list)?),
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["commitment", "entity", "title", "status", "progress", "end_date"])?;
            for c in &list {
                out.write_record([
                    c.id.to_string().as_str(),
                    &c.entity,
                    &c.title,
                    c.status.as_str(),
                    &c.progress.percent().to_string(),
                    c.end_date.as_deref().unwrap_or_default(),
                ])?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            for c in &list {
                let status = status_name(c.status.as_str(), localizer);
                println!("{:>5}  {:<12} {:>3} %  {} — {}", c.id, status, c.progress.percent(), c.entity, c.title);
            }
        }
    }
    Ok(())
}

fn update(database: &Database, args: FollowUpUpdate, localizer: &Localizer) -> anyhow::Result<()> {
    let Some(progress) = Progress::new(args.progress) else {
        bail!(localizer.format("follow-up-problem-progress", &[("value", args.progress.to_string().into())]));
    };
    if args.note.chars().count() > 2000 {
        bail!(localizer.format("follow-up-problem-too-long", &[("count", Arg::Number(2000.0))]));
    }
    let mut store = open_existing(database, localizer)?;
    let update = CommitmentUpdate {
        on: args.on.unwrap_or_else(today),
        status: args.status.into(),
        progress,
        note: args.note.trim().to_owned(),
    };
    follow_up::update_commitment(&mut *store, args.commitment, &update, &command_line())
        .map_err(|e| said(e, localizer))?;
    println!("{}", localizer.format("cli-follow-up-updated", &[("number", Arg::Number(args.commitment as f64))]));
    Ok(())
}

fn facilitators(database: &Database, args: FollowUpFacilitators, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    if let (Some(code), Some(list), Some(year)) = (&args.action_line, &args.set, args.year) {
        let line = known_action_line(code).map_err(|e| said(e, localizer))?;
        if !(2000..=2200).contains(&year) {
            bail!(localizer.format("cli-follow-up-bad-year", &[("value", year.to_string().into())]));
        }
        let mut set = Vec::new();
        for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (organisation, role) = item.rsplit_once(':').unwrap_or((item, "lead"));
            let Ok(role) = role.parse::<FacilitatorRole>() else {
                bail!(localizer.format("cli-follow-up-bad-role", &[("value", role.to_owned().into())]));
            };
            let organisation = organisation.trim();
            if organisation.is_empty() || organisation.chars().count() > 200 || set.len() >= 50 {
                bail!(localizer.format("cli-follow-up-bad-role", &[("value", item.to_owned().into())]));
            }
            set.push((organisation.to_owned(), role));
        }
        store.set_facilitators(year, &line.code, &set, &command_line())?;
    }
    let all = store.facilitators(args.year)?;
    for line in action_lines() {
        let of_line: Vec<_> = all.iter().filter(|f| f.action_line == line.code).collect();
        for f in of_line {
            let role = localizer.text(&format!("follow-up-role-{}", f.role.as_str().replace('_', "-")));
            println!("{}  {:<4} {:<16} {}", f.year, f.action_line, role, f.organisation);
        }
    }
    Ok(())
}
