//! `consulta forum`: the forum on projects and funding as the secretariat works it — the items
//! with their matches, one item with its thread, an item posted for an entity from a file of
//! its fields, and the moderation of items and answers.

use anyhow::{Context, bail};
use consulta_followup::ForumFields;
use consulta_i18n::{Arg, Localizer};
use consulta_report::forum::{self, ForumError, ForumItemSummary, ForumQuery};
use consulta_store::Database;

use crate::cli::{ForumCommand, ForumList, ForumPostArgs, ForumRestore, ForumShow, ListFormat};
use crate::commands::{command_line, open_existing};

/// The largest file of fields read: the longest item's fields fit many times over.
const MAX_FIELDS_FILE: u64 = 256 * 1024;

pub fn run(database: &Database, command: ForumCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        ForumCommand::List(args) => list(database, args, localizer),
        ForumCommand::Show(args) => show(database, args, localizer),
        ForumCommand::Post(args) => post(database, args, localizer),
        ForumCommand::Hide(args) => moderate(database, args.item, args.answer, Some(&args.reason), localizer),
        ForumCommand::Restore(ForumRestore { item, answer }) => moderate(database, item, answer, None, localizer),
    }
}

fn said(error: ForumError, localizer: &Localizer) -> anyhow::Error {
    anyhow::anyhow!(error.message(localizer))
}

fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn print_summary(item: &ForumItemSummary, localizer: &Localizer) {
    let kind = localizer.text(&format!("forum-kind-{}", item.kind));
    println!("{:>5}  {:<16} {} — {}", item.id, kind, item.entity, item.title);
    let lines = item.action_lines.join(", ");
    let details: Vec<&str> = [lines.as_str(), item.amount.as_str()].into_iter().filter(|d| !d.is_empty()).collect();
    println!("       {}", details.join(" · "));
    if let Some(reason) = &item.hidden_reason {
        println!("       {}", localizer.format("forum-hidden-because", &[("reason", reason.clone().into())]));
    }
    for m in &item.matches {
        println!("       → {:>3}  {} — {}", m.id, m.entity, m.title);
    }
}

fn list(database: &Database, args: ForumList, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let items = if args.hidden {
        forum::hidden_items(&*store, today(), localizer)
    } else {
        ForumQuery::read(
            args.kind.map(|k| k.as_str()).unwrap_or_default(),
            args.action_line.as_deref().unwrap_or_default(),
            args.country.as_deref().unwrap_or_default(),
        )
        .and_then(|query| forum::items(&*store, &query, today(), localizer))
    }
    .map_err(|e| said(e, localizer))?;
    match args.format {
        ListFormat::Json => println!("{}", serde_json::to_string_pretty(&items)?),
        ListFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(["item", "kind", "entity", "title", "action_lines", "amount", "answers", "matches"])?;
            for i in &items {
                let matches: Vec<String> = i.matches.iter().map(|m| m.id.to_string()).collect();
                out.write_record([
                    i.id.to_string().as_str(),
                    &i.kind,
                    &i.entity,
                    &i.title,
                    &i.action_lines.join(","),
                    &i.amount,
                    &i.answers.to_string(),
                    &matches.join(","),
                ])?;
            }
            out.flush()?;
        }
        ListFormat::Text => {
            if items.is_empty() {
                println!("{}", localizer.text("forum-empty"));
            }
            for item in &items {
                print_summary(item, localizer);
            }
        }
    }
    Ok(())
}

fn show(database: &Database, args: ForumShow, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let view = forum::item_view(&*store, args.item, today(), localizer).map_err(|e| said(e, localizer))?;
    match args.format {
        ListFormat::Json | ListFormat::Csv => println!("{}", serde_json::to_string_pretty(&view)?),
        ListFormat::Text => {
            let item = &view.summary;
            println!("{:>5}  {} — {}", item.id, item.entity, item.title);
            if let Some(description) = &view.description {
                println!("\n{description}\n");
            }
            if let Some(reason) = &item.hidden_reason {
                println!("{}", localizer.format("forum-hidden-because", &[("reason", reason.clone().into())]));
            }
            for m in &item.matches {
                println!("→ {:>3}  {} — {}", m.id, m.entity, m.title);
                for reason in &m.reasons {
                    println!("        {reason}");
                }
            }
            for answer in &view.thread {
                let text = match (&answer.body, &answer.hidden_reason) {
                    (Some(body), _) => body.clone(),
                    (None, reason) => localizer
                        .format("forum-hidden-because", &[("reason", reason.clone().unwrap_or_default().into())]),
                };
                println!("  {}. {} ({}): {}", answer.number, answer.entity, answer.posted_on, text);
            }
        }
    }
    Ok(())
}

fn post(database: &Database, args: ForumPostArgs, localizer: &Localizer) -> anyhow::Result<()> {
    let path = args.file.display().to_string();
    let file = std::fs::File::open(&args.file).with_context(|| path.clone())?;
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::Read::take(file, MAX_FIELDS_FILE + 1), &mut text)
        .with_context(|| path.clone())?;
    if text.len() as u64 > MAX_FIELDS_FILE {
        bail!(
            "{path}: {}",
            localizer.format("forum-file-too-large", &[("size", localizer.file_size(MAX_FIELDS_FILE).into())])
        );
    }
    let fields: ForumFields = serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{path}: {}",
            localizer.format(
                "forum-file-error",
                &[("line", Arg::Number(e.line() as f64)), ("problem", e.to_string().into())]
            )
        )
    })?;
    let mut store = open_existing(database, localizer)?;
    let name: consulta_core::EntityName = args.entity.parse().map_err(|_| {
        anyhow::anyhow!(localizer.format("follow-up-unknown-entity", &[("name", args.entity.clone().into())]))
    })?;
    let entity = consulta_store::audited::recorded_entity(&mut *store, &name)?.ok_or_else(|| {
        anyhow::anyhow!(localizer.format("follow-up-unknown-entity", &[("name", args.entity.clone().into())]))
    })?;
    let id = forum::post(&mut *store, &entity, None, &fields, &command_line())
        .map_err(|e| anyhow::anyhow!("{path}: {}", e.message(localizer)))?;
    println!("{}", localizer.format("cli-forum-posted", &[("number", Arg::Number(id.0 as f64))]));
    Ok(())
}

fn moderate(
    database: &Database,
    item: i64,
    answer: Option<i64>,
    reason: Option<&str>,
    localizer: &Localizer,
) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    forum::moderate(&mut *store, item, answer, reason, &command_line()).map_err(|e| said(e, localizer))?;
    let key = if reason.is_some() { "cli-forum-hidden" } else { "cli-forum-restored" };
    println!("{}", localizer.format(key, &[("number", Arg::Number(item as f64))]));
    Ok(())
}
