//! `consulta draft`: record a draft from its plain text, and print a draft or one of its
//! revisions.

use anyhow::Context;
use consulta_drafting::{Draft, Item, ParseError, parse};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{Database, NewDraft, StoreError};

use crate::cli::{DraftCommand, DraftFormat, DraftImport, DraftShow};
use crate::commands::{command_line, find_consultation, open_existing};

/// The longest document symbol accepted ("A/HRC/RES/52/1", "WTPF-13/6/Rev.1").
const MAX_SYMBOL: usize = 100;

pub fn run(database: &Database, command: DraftCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        DraftCommand::Import(args) => import(database, args, localizer),
        DraftCommand::Show(args) => show(database, args, localizer),
    }
}

/// How many numbered items a draft holds, sub-items included.
fn numbered(items: &[Item]) -> usize {
    items.iter().map(|i| usize::from(matches!(i, Item::Numbered { .. })) + numbered(i.children())).sum()
}

fn import(database: &Database, args: DraftImport, localizer: &Localizer) -> anyhow::Result<()> {
    let file = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| file.clone())?;
    let text =
        String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{file}: {}", localizer.text("import-not-utf8")))?;
    let parsed = parse(&text).map_err(|e| match e {
        ParseError::TooLarge { max } => {
            anyhow::anyhow!(
                localizer.format("cli-draft-too-large", &[("file", file.clone().into()), ("max", max.into())])
            )
        }
        ParseError::NoSection => {
            anyhow::anyhow!(localizer.format("cli-draft-no-section", &[("file", file.clone().into())]))
        }
    })?;
    // Nothing is recorded while a line has no place: the draft would lose it.
    if !parsed.unplaced.is_empty() {
        for unplaced in &parsed.unplaced {
            let args: [(&str, Arg); 3] =
                [("file", file.clone().into()), ("line", unplaced.line.into()), ("text", unplaced.text.clone().into())];
            eprintln!("{}", localizer.format("cli-draft-unplaced", &args));
        }
        anyhow::bail!(localizer.format("cli-draft-refused", &[("file", file.into())]));
    }
    let symbol = args.symbol.trim();
    if symbol.is_empty() || symbol.chars().count() > MAX_SYMBOL || symbol.chars().any(char::is_control) {
        anyhow::bail!(localizer.format("cli-draft-bad-symbol", &[("max", MAX_SYMBOL.into())]));
    }
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let language = match &args.lang {
        Some(tag) => tag
            .parse::<consulta_core::Language>()
            .map_err(|_| anyhow::anyhow!(localizer.format("draft-language", &[("value", tag.clone().into())])))?,
        None => consultation.record.original_language.clone(),
    };
    let new = NewDraft { consultation: consultation.id, symbol, language: language.as_str(), text: &parsed.draft };
    match store.add_draft(&new, &command_line()) {
        Ok(stored) => {
            let sections = stored.text.sections.len();
            let items: usize = stored.text.sections.iter().map(|s| numbered(&s.items)).sum();
            let args: [(&str, Arg); 3] =
                [("symbol", symbol.into()), ("sections", sections.into()), ("items", items.into())];
            println!("{}", localizer.format("cli-draft-imported", &args));
            Ok(())
        }
        Err(StoreError::DuplicateDraft(symbol)) => {
            anyhow::bail!(localizer.format("cli-draft-duplicate", &[("symbol", symbol.into())]))
        }
        Err(other) => Err(other.into()),
    }
}

fn show(database: &Database, args: DraftShow, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let Some(stored) = store.draft_by_symbol(&args.symbol)? else {
        anyhow::bail!(localizer.format("cli-draft-unknown", &[("symbol", args.symbol.clone().into())]))
    };
    let text: Draft = match args.revision {
        None => stored.text,
        Some(revision) => store.draft_revision(stored.id, revision)?.ok_or_else(|| {
            let args: [(&str, Arg); 2] =
                [("symbol", args.symbol.clone().into()), ("revision", u64::from(revision).into())];
            anyhow::anyhow!(localizer.format("cli-draft-no-revision", &args))
        })?,
    };
    match args.format {
        DraftFormat::Text => print!("{}", text.plain_text()),
        DraftFormat::Json => println!("{}", serde_json::to_string_pretty(&text)?),
    }
    Ok(())
}
