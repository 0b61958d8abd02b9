//! `consulta draft`: record a draft from its plain text, print it or one of its revisions
//! (or compare two), propose amendments and take a stance on them, merge several into one, make
//! the next revision, mark paragraphs agreed ad referendum, move the draft to agreed and adopted,
//! and print the compilation text; write a draft out as Akoma Ntoso XML, and read one back.

use anyhow::Context;
use consulta_drafting::{Amendment, Change, Draft, Item, ParseError, compare, marked, parse};
use consulta_i18n::{Arg, Localizer};
use consulta_report::drafts::{self, DraftFile, DraftingError, Which, compilation_text, entity_named, propose, revise};
use consulta_store::{Database, NewDraft, ProposedAmendment, StoreError};

use crate::cli::{
    AmendmentChange, DraftAgree, DraftAmend, DraftCommand, DraftCompile, DraftExport, DraftExportFormat, DraftFormat,
    DraftImport, DraftMerge, DraftRevise, DraftShow, DraftStatusArg, DraftStatusArgs, DraftSupport,
};
use crate::commands::{command_line, find_consultation, open_existing};

/// The longest document symbol accepted ("A/HRC/RES/52/1", "WTPF-13/6/Rev.1").
const MAX_SYMBOL: usize = 100;

pub fn run(database: &Database, command: DraftCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        DraftCommand::Import(args) => import(database, args, localizer),
        DraftCommand::Show(args) => show(database, args, localizer),
        DraftCommand::Amend(args) => amend(database, args, localizer),
        DraftCommand::Support(args) => support(database, args, localizer),
        DraftCommand::Revise(args) => revise_draft(database, args, localizer),
        DraftCommand::Merge(args) => merge(database, args, localizer),
        DraftCommand::Agree(args) => agree(database, args, localizer),
        DraftCommand::Status(args) => status(database, args, localizer),
        DraftCommand::Compile(args) => compile(database, args, localizer),
        DraftCommand::Export(args) => export(database, args, localizer),
    }
}

fn export(database: &Database, args: DraftExport, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let which = match (args.amendment, args.compare, args.compilation, args.revision) {
        (Some(number), ..) => Which::Amendment(number),
        (None, Some(earlier), _, later) => Which::Comparison { earlier, later },
        (None, None, true, _) => Which::Compilation,
        (None, None, false, Some(revision)) => Which::Revision(revision),
        (None, None, false, None) => Which::Latest,
    };
    let file = match args.format {
        DraftExportFormat::Akn => DraftFile::Akn,
        DraftExportFormat::Text => DraftFile::Text,
        DraftExportFormat::Json => DraftFile::Json,
        DraftExportFormat::Html => DraftFile::Html,
        DraftExportFormat::Md => DraftFile::Markdown,
        DraftExportFormat::Docx => DraftFile::Docx,
        DraftExportFormat::Pdf => DraftFile::Pdf,
    };
    let written = drafts::export(&*store, &args.symbol, which, file, localizer).map_err(|e| said(e, localizer))?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, written.bytes).with_context(|| path.display().to_string())?;
            eprintln!("{}", localizer.format("cli-exported", &[("path", path.display().to_string().into())]));
        }
        None => std::io::Write::write_all(&mut std::io::stdout(), &written.bytes)?,
    }
    Ok(())
}

/// A drafting error in the reader's language.
fn said(error: DraftingError, localizer: &Localizer) -> anyhow::Error {
    anyhow::anyhow!(error.message(localizer))
}

/// The amendment the command line describes.
fn amendment_of(args: &AmendmentChange, localizer: &Localizer) -> anyhow::Result<Amendment> {
    let place = args.place.parse().map_err(|e| said(DraftingError::Amend(e), localizer))?;
    let change = match (&args.replace, &args.by, args.delete, &args.insert) {
        (Some(from), Some(to), false, None) => Change::Replace { from: from.clone(), to: to.clone() },
        (None, _, true, None) => Change::Delete,
        (None, _, false, Some(text)) => Change::InsertAfter { text: text.clone() },
        _ => anyhow::bail!(localizer.text("cli-draft-amend-which")),
    };
    Ok(Amendment { place, change })
}

/// "Amendment 3 to EX/1 is recorded", with its leaf in the public log: the proposer's receipt.
fn recorded(proposed: &ProposedAmendment, symbol: &str, localizer: &Localizer) {
    let args: [(&str, Arg); 2] = [("number", u64::from(proposed.number).into()), ("symbol", symbol.into())];
    println!("{}", localizer.format("cli-draft-amended", &args));
    let leaf: [(&str, Arg); 2] =
        [("leaf", proposed.leaf_index.into()), ("sha256", consulta_log::to_hex(&proposed.record_sha256).into())];
    println!("{}", localizer.format("cli-draft-amendment-leaf", &leaf));
}

fn amend(database: &Database, args: DraftAmend, localizer: &Localizer) -> anyhow::Result<()> {
    let amendment = amendment_of(&args.change, localizer)?;
    let mut store = open_existing(database, localizer)?;
    let proposer = match &args.entity {
        Some(name) => Some(entity_named(&mut *store, name).map_err(|e| said(e, localizer))?),
        None => None,
    };
    let proposed =
        propose(&mut *store, &args.symbol, &amendment, &args.change.justification, proposer, &command_line())
            .map_err(|e| said(e, localizer))?;
    recorded(&proposed, &args.symbol, localizer);
    Ok(())
}

fn merge(database: &Database, args: DraftMerge, localizer: &Localizer) -> anyhow::Result<()> {
    let amendment = amendment_of(&args.change, localizer)?;
    let mut store = open_existing(database, localizer)?;
    let proposed = drafts::merge(
        &mut *store,
        &args.symbol,
        &args.amendments,
        &amendment,
        &args.change.justification,
        &command_line(),
    )
    .map_err(|e| said(e, localizer))?;
    recorded(&proposed, &args.symbol, localizer);
    let merged: Vec<String> = args.amendments.iter().map(ToString::to_string).collect();
    let args: [(&str, Arg); 2] = [("merged", merged.join(", ").into()), ("number", u64::from(proposed.number).into())];
    println!("{}", localizer.format("cli-draft-merged", &args));
    Ok(())
}

fn agree(database: &Database, args: DraftAgree, localizer: &Localizer) -> anyhow::Result<()> {
    let place = args.place.parse().map_err(|e| said(DraftingError::Amend(e), localizer))?;
    let mut store = open_existing(database, localizer)?;
    drafts::mark_agreed(&mut *store, &args.symbol, &place, !args.withdraw, &command_line())
        .map_err(|e| said(e, localizer))?;
    let key = if args.withdraw { "cli-draft-agreement-withdrawn" } else { "cli-draft-agreed" };
    println!("{}", localizer.format(key, &[("place", args.place.into()), ("symbol", args.symbol.into())]));
    Ok(())
}

fn status(database: &Database, args: DraftStatusArgs, localizer: &Localizer) -> anyhow::Result<()> {
    let status = match args.status {
        DraftStatusArg::Negotiation => consulta_drafting::DraftStatus::Negotiation,
        DraftStatusArg::Agreed => consulta_drafting::DraftStatus::Agreed,
        DraftStatusArg::Adopted => consulta_drafting::DraftStatus::Adopted,
    };
    let mut store = open_existing(database, localizer)?;
    drafts::set_status(&mut *store, &args.symbol, status, &command_line()).map_err(|e| said(e, localizer))?;
    let shown = localizer.text(&format!("draft-status-{}", status.as_str()));
    println!(
        "{}",
        localizer.format("cli-draft-status-set", &[("symbol", args.symbol.into()), ("status", shown.into())])
    );
    Ok(())
}

fn support(database: &Database, args: DraftSupport, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let entity = entity_named(&mut *store, &args.entity).map_err(|e| said(e, localizer))?;
    drafts::take_stance(&mut *store, &args.symbol, args.amendment, entity, !args.oppose, &command_line())
        .map_err(|e| said(e, localizer))?;
    let key = if args.oppose { "cli-draft-opposed" } else { "cli-draft-supported" };
    let args: [(&str, Arg); 2] = [("entity", args.entity.into()), ("number", u64::from(args.amendment).into())];
    println!("{}", localizer.format(key, &args));
    Ok(())
}

fn revise_draft(database: &Database, args: DraftRevise, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let revision = revise(&mut *store, &args.symbol, &args.accept, &args.reject, &command_line())
        .map_err(|e| said(e, localizer))?;
    let counts: [(&str, Arg); 4] = [
        ("symbol", args.symbol.into()),
        ("revision", u64::from(revision).into()),
        ("accepted", args.accept.len().into()),
        ("rejected", args.reject.len().into()),
    ];
    println!("{}", localizer.format("cli-draft-revised", &counts));
    Ok(())
}

fn compile(database: &Database, args: DraftCompile, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    let (text, lost) = compilation_text(&*store, &args.symbol, localizer).map_err(|e| said(e, localizer))?;
    print!("{text}");
    for amendment in lost {
        let args: [(&str, Arg); 2] =
            [("number", u64::from(amendment.number).into()), ("place", amendment.amendment.place.to_string().into())];
        eprintln!("{}", localizer.format("cli-draft-lost-place", &args));
    }
    Ok(())
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
    // An Akoma Ntoso document (as `draft export` writes it) is read as XML; anything else as text.
    if text.trim_start().starts_with('<') {
        let draft = consulta_drafting::from_akn(&text).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        return record(database, &args, &draft, localizer);
    }
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
    record(database, &args, &parsed.draft, localizer)
}

/// Records a draft read from a file under the symbol and in the consultation asked for.
fn record(database: &Database, args: &DraftImport, draft: &Draft, localizer: &Localizer) -> anyhow::Result<()> {
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
    let new = NewDraft { consultation: consultation.id, symbol, language: language.as_str(), text: draft };
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
    if let Some(earlier) = args.compare {
        let stored = drafts::draft(&*store, &args.symbol).map_err(|e| said(e, localizer))?;
        let text = |revision: u32| drafts::revision_text(&*store, &stored, revision).map_err(|e| said(e, localizer));
        let later = match args.revision {
            Some(revision) => text(revision)?,
            None => stored.text.clone(),
        };
        print!("{}", marked(&compare(&text(earlier)?, &later)));
        return Ok(());
    }
    let which = args.revision.map_or(Which::Latest, Which::Revision);
    let file = match args.format {
        DraftFormat::Text => DraftFile::Text,
        DraftFormat::Json => DraftFile::Json,
    };
    let shown = drafts::export(&*store, &args.symbol, which, file, localizer).map_err(|e| said(e, localizer))?;
    std::io::Write::write_all(&mut std::io::stdout(), &shown.bytes)?;
    Ok(())
}
