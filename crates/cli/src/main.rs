//! `consulta`: the one binary. It reads the command line, sets up logging and runs a command.

mod agreement;
mod api_keys;
mod backup;
mod body;
mod campaigns;
mod cli;
mod commands;
mod config;
mod demo;
mod draft;
mod follow_up;
mod forum;
mod verify;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use consulta_i18n::Localizer;

/// The first argument that runs this binary as a text extractor for a server (see
/// `consulta_extract::isolated`): not a command for people, so not in the help.
const EXTRACT_WORKER: &str = "extract-worker";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(EXTRACT_WORKER) {
        return ExitCode::from(u8::try_from(consulta_extract::worker_main(&args[1..])).unwrap_or(2));
    }
    let localizer = Localizer::from_environment(|name| std::env::var(name).ok());
    let command = cli::localize(cli::Cli::command(), &localizer);
    let mut matches = command.clone().get_matches();
    if let Some(file) = matches.get_one::<std::path::PathBuf>("config").cloned() {
        match config::arguments_from_file(&command, &matches, &file) {
            Ok(added) => matches = command.get_matches_from(std::env::args_os().chain(added)),
            Err(error) => {
                eprintln!("{}: {error}", localizer.text("cli-error"));
                return ExitCode::FAILURE;
            }
        }
    }
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CONSULTA_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    match commands::run(cli, &localizer) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error:#}", localizer.text("cli-error"));
            ExitCode::FAILURE
        }
    }
}
