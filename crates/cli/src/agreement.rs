//! `consulta agreement`: import a Pol.is conversation, print the opinion groups and each
//! statement's standing, and add the secretariat's statements.

use std::io::Write;

use anyhow::bail;
use consulta_core::agreement::statement_text;
use consulta_i18n::{Arg, Localizer};
use consulta_intake::polis::{PolisImportError, import_folder};
use consulta_report::agreement::{ListFormat, agreement_of, render_groups, render_statements};
use consulta_store::{Database, StoreError};

use crate::cli::{AgreementCommand, AgreementOutput, ImportPolis, ProposeStatement};
use crate::commands::{chosen_language, command_line, find_consultation, open_existing};

pub fn run(database: &Database, command: AgreementCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        AgreementCommand::ImportPolis(args) => import_polis(database, args, localizer),
        AgreementCommand::Groups(args) => {
            print(database, args, localizer, |agreement, format, _| render_groups(agreement, format))
        }
        AgreementCommand::Statements(args) => print(database, args, localizer, render_statements),
        AgreementCommand::Propose(args) => propose(database, args, localizer),
    }
}

fn import_polis(database: &Database, args: ImportPolis, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    match import_folder(&mut *store, &args.dir, &consultation, &command_line()) {
        Ok(wrote) => {
            let counts: [(&str, Arg); 4] = [
                ("statements", wrote.statements.into()),
                ("accepted", wrote.accepted.into()),
                ("participants", wrote.participants.into()),
                ("votes", wrote.votes.into()),
            ];
            println!("{}", localizer.format("cli-agreement-imported", &counts));
            Ok(())
        }
        Err(PolisImportError::File(error)) => {
            bail!(
                "{}: {error}",
                localizer.format("cli-agreement-import-refused", &[("dir", args.dir.display().to_string().into())])
            )
        }
        Err(PolisImportError::Store(StoreError::AlreadyImported)) => {
            bail!(localizer.format("cli-agreement-already-imported", &[("consultation", args.consultation.into())]))
        }
        Err(PolisImportError::Store(error)) => Err(error.into()),
    }
}

fn print(
    database: &Database,
    args: AgreementOutput,
    localizer: &Localizer,
    render: impl Fn(&consulta_report::agreement::Agreement, ListFormat, &Localizer) -> String,
) -> anyhow::Result<()> {
    let localizer = chosen_language(args.lang, localizer);
    let store = open_existing(database, &localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, &localizer)?;
    let agreement = agreement_of(&*store, &consultation)?;
    let format = args.format.into();
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(render(&agreement, format, &localizer).as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// The secretariat's statement, put to the vote at once (a leaf of the log).
fn propose(database: &Database, args: ProposeStatement, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let text = match statement_text(&args.text) {
        Ok(text) => text,
        Err(problem) => bail!("--text: {}", localizer.format(problem.message_id(), &[("max", 280u64.into())])),
    };
    let language = match args.language.as_deref() {
        Some(tag) => tag.parse().map_err(|e| anyhow::anyhow!("--language: {e}"))?,
        None => consultation.record.original_language.clone(),
    };
    let source = args.from_contribution.map(consulta_core::ContributionId);
    if let Some(source) = source {
        let found = store.contribution(source)?;
        if found.is_none_or(|c| c.record.consultation != consultation.id) {
            bail!(localizer.format("cli-unknown-contribution", &[("id", Arg::Number(source.0 as f64))]));
        }
    }
    let by = command_line();
    let new = consulta_core::NewStatement {
        consultation: consultation.id,
        text,
        language,
        origin: consulta_core::Origin::Secretariat,
        source,
        external_id: None,
        proposed_by: None,
        proposed_at: by.at,
    };
    let statement = store.add_statement(&new, Some(&by))?;
    println!("{}", localizer.format("cli-agreement-statement-added", &[("id", Arg::Number(statement.id.0 as f64))]));
    Ok(())
}
