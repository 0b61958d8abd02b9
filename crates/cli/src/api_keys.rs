//! `consulta api-key`: the keys of the bulk channel — issued to a recorded organisation for one
//! consultation (the key printed once, never stored), listed, revoked.

use consulta_i18n::{Arg, Localizer};
use consulta_store::Database;

use crate::cli::{ApiKeyCommand, ApiKeyIssue};
use crate::commands::{command_line, find_consultation, open_existing};

pub fn run(database: &Database, command: ApiKeyCommand, localizer: &Localizer) -> anyhow::Result<()> {
    match command {
        ApiKeyCommand::Issue(args) => issue(database, args, localizer),
        ApiKeyCommand::List => list(database, localizer),
        ApiKeyCommand::Revoke(args) => {
            let mut store = open_existing(database, localizer)?;
            store.revoke_api_key(args.key, &command_line()).map_err(|e| match e {
                consulta_store::StoreError::NotAnApiKey(n) => {
                    anyhow::anyhow!(localizer.format("cli-api-key-none", &[("number", Arg::Number(n as f64))]))
                }
                other => anyhow::anyhow!(other),
            })?;
            println!("{}", localizer.format("cli-api-key-revoked", &[("number", Arg::Number(args.key as f64))]));
            Ok(())
        }
    }
}

fn issue(database: &Database, args: ApiKeyIssue, localizer: &Localizer) -> anyhow::Result<()> {
    let mut store = open_existing(database, localizer)?;
    let consultation = find_consultation(&*store, &args.consultation, localizer)?;
    let (id, key) = consulta_auth::api_keys::issue(
        &mut *store,
        &consultation,
        &args.entity,
        &args.label,
        args.lines_per_hour,
        &command_line(),
    )
    .map_err(|e| match e {
        consulta_auth::api_keys::IssueError::Auth(e) => anyhow::anyhow!(e),
        refused => anyhow::anyhow!(refused.describe(localizer)),
    })?;
    let args: [(&str, Arg); 3] =
        [("number", Arg::Number(id as f64)), ("entity", args.entity.trim().into()), ("slug", args.consultation.into())];
    eprintln!("{}", localizer.format("cli-api-key-issued", &args));
    // The key alone on standard output, so that a script can take it.
    println!("{key}");
    Ok(())
}

fn list(database: &Database, localizer: &Localizer) -> anyhow::Result<()> {
    let store = open_existing(database, localizer)?;
    for key in store.api_keys()? {
        let state = match key.revoked_at {
            Some(at) => localizer.format("cli-api-key-state-revoked", &[("date", at.to_string().into())]),
            None => localizer.text("cli-api-key-state-in-use"),
        };
        println!(
            "{:>4}  {:<10} {} — {} ({}, {}/h)",
            key.id, state, key.entity_name, key.label, key.consultation_slug, key.lines_per_hour
        );
    }
    Ok(())
}
