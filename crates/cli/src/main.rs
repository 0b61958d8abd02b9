//! `consulta`: the one binary. It reads the command line, sets up logging and runs a command.

mod backup;
mod cli;
mod commands;
mod demo;
mod verify;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use consulta_i18n::Localizer;

fn main() -> ExitCode {
    let localizer = Localizer::from_environment(|name| std::env::var(name).ok());
    let matches = cli::localize(cli::Cli::command(), &localizer).get_matches();
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
