//! The settings file: a TOML table of settings named as the flags are (`db`, `public-url`,
//! `smtp`, …), read once at start. A setting counts where the flag and its `CONSULTA_*` variable
//! were not given, so the order is: defaults, then the file, then the environment, then flags.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Command};

/// The most a settings file may hold: a few dozen lines in practice.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// What is wrong with a settings file, and where.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: larger than {MAX_FILE_BYTES} bytes; a settings file holds a few lines")]
    TooLarge { path: PathBuf },
    #[error("{path}: not TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("{path}, line {line}: no setting is called '{key}' (settings are named as the flags are, without '--')")]
    Unknown { path: PathBuf, line: usize, key: String },
    #[error("{path}, line {line}, setting '{key}': {message}")]
    Value { path: PathBuf, line: usize, key: String, message: String },
}

/// The arguments that `file`'s settings add to the command line `matches` came from: one for
/// each setting of the command being run that neither a flag nor the environment gave. Every
/// setting is checked, including those for other commands, so a mistyped one is never ignored.
pub fn arguments_from_file(command: &Command, matches: &ArgMatches, file: &Path) -> Result<Vec<OsString>, ConfigError> {
    let text = read_bounded(file)?;
    let table: toml::Table =
        text.parse().map_err(|e: toml::de::Error| ConfigError::Syntax { path: file.into(), message: e.to_string() })?;
    let running = running_commands(command, matches);
    let mut added = Vec::new();
    for (key, value) in &table {
        let line = line_of(&text, key);
        let at = |message: String| ConfigError::Value { path: file.into(), line, key: key.clone(), message };
        let Some(arg) = find_argument(command, key) else {
            return Err(ConfigError::Unknown { path: file.into(), line, key: key.clone() });
        };
        let values = flag_values(value).map_err(at)?;
        check_values(arg, key, &values).map_err(at)?;
        // The command being run takes its own flags and those of the commands above it that
        // are global (the database, the files…).
        let Some(arg) = running.iter().rev().enumerate().find_map(|(depth, (command, _))| {
            command.get_arguments().find(|a| a.get_long() == Some(key.as_str()) && (depth == 0 || a.is_global_set()))
        }) else {
            continue;
        };
        let id = arg.get_id().as_str();
        let given = running.iter().any(|(_, matches)| {
            matches.ids().any(|known| known.as_str() == id)
                && matches!(matches.value_source(id), Some(ValueSource::CommandLine | ValueSource::EnvVariable))
        });
        if given {
            continue;
        }
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            if values.first().map(String::as_str) == Some("true") {
                added.push(format!("--{key}").into());
            }
            continue;
        }
        added.extend(values.iter().map(|value| OsString::from(format!("--{key}={value}"))));
    }
    Ok(added)
}

fn read_bounded(file: &Path) -> Result<String, ConfigError> {
    use std::io::Read;
    let read = |source| ConfigError::Read { path: file.into(), source };
    let mut text = String::new();
    std::fs::File::open(file).map_err(read)?.take(MAX_FILE_BYTES + 1).read_to_string(&mut text).map_err(read)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ConfigError::TooLarge { path: file.into() });
    }
    Ok(text)
}

/// The commands named on the command line, from `consulta` to the one being run, each with its
/// matches.
fn running_commands<'a>(command: &'a Command, matches: &'a ArgMatches) -> Vec<(&'a Command, &'a ArgMatches)> {
    let mut chain = vec![(command, matches)];
    while let Some((name, sub_matches)) = chain.last().and_then(|(_, m)| m.subcommand()) {
        match chain.last().and_then(|(c, _)| c.find_subcommand(name)) {
            Some(sub) => chain.push((sub, sub_matches)),
            None => break,
        }
    }
    chain
}

/// The argument whose flag is `--key`, in any command.
fn find_argument<'a>(command: &'a Command, key: &str) -> Option<&'a clap::Arg> {
    command
        .get_arguments()
        .find(|a| a.get_long() == Some(key))
        .or_else(|| command.get_subcommands().find_map(|sub| find_argument(sub, key)))
}

/// A setting's values as the flag would be given them: a string, number or boolean as one, a
/// list as one per item.
fn flag_values(value: &toml::Value) -> Result<Vec<String>, String> {
    match value {
        toml::Value::Array(items) => items.iter().map(scalar).collect(),
        other => Ok(vec![scalar(other)?]),
    }
}

fn scalar(value: &toml::Value) -> Result<String, String> {
    match value {
        toml::Value::String(s) => Ok(s.clone()),
        toml::Value::Integer(n) => Ok(n.to_string()),
        toml::Value::Boolean(b) => Ok(b.to_string()),
        other => {
            Err(format!("a {} cannot be a setting's value: give a string, number or true/false", other.type_str()))
        }
    }
}

/// Whether the flag takes these values, read by its own parser (a switch takes true or false).
fn check_values(arg: &clap::Arg, key: &str, values: &[String]) -> Result<(), String> {
    if matches!(arg.get_action(), ArgAction::SetTrue) {
        return match values {
            [one] if one == "true" || one == "false" => Ok(()),
            _ => Err("a switch: give true or false".into()),
        };
    }
    let alone = Command::new("setting").no_binary_name(true).arg(arg.clone().global(false).required(false));
    let flags = values.iter().map(|value| format!("--{key}={value}"));
    alone.try_get_matches_from(flags).map(drop).map_err(|e| clap_reason(&e))
}

/// Clap's reason for refusing a value, without its usage lines.
fn clap_reason(error: &clap::Error) -> String {
    let rendered = error.to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.trim_start_matches("error: ").to_owned()
}

/// The line where `key` is set (1 if it cannot be told, as for a key inside a quoted name).
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::*;
    use crate::cli::Cli;

    /// Parses `args` with the settings of `file` (written to a temporary file), as `main` does.
    fn parse(args: &[&str], file: &str) -> Result<ArgMatches, ConfigError> {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("consulta.toml");
        std::fs::write(&path, file).expect("write");
        let command = Cli::command();
        let argv: Vec<OsString> = std::iter::once("consulta").chain(args.iter().copied()).map(OsString::from).collect();
        let matches = command.clone().try_get_matches_from(&argv).expect("arguments");
        let added = arguments_from_file(&command, &matches, &path)?;
        Ok(command.try_get_matches_from(argv.into_iter().chain(added)).expect("arguments with the file's"))
    }

    fn serve_args(cli: &Cli) -> &crate::cli::ServeArgs {
        match &cli.command {
            crate::cli::Command::Serve(args) => args,
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn the_file_fills_what_neither_flag_nor_default_overrides() {
        let file = "db = \"settings.db\"\naddr = \"127.0.0.1:9000\"\nmax-files = 3\ntrusted-proxy = [\"10.0.0.1\", \"10.0.0.2\"]\n\
                    mail-from = \"Secretariat <s@example.org>\"\nsmtp = \"smtp://user:pw@mail.example.org\"\n";
        // The command line wins over the file; the file wins over the defaults.
        let matches = parse(&["serve", "--addr", "127.0.0.1:7000"], file).expect("settings");
        let cli = Cli::from_arg_matches(&matches).expect("typed");
        assert_eq!(cli.db.expose(), "settings.db");
        let serve = serve_args(&cli);
        assert_eq!(serve.addr.to_string(), "127.0.0.1:7000");
        assert_eq!(serve.max_files, 3);
        assert_eq!(serve.max_file_mib, 25, "a default the file does not set");
        assert_eq!(serve.trusted_proxies.len(), 2);
        assert_eq!(serve.mail_from, "Secretariat <s@example.org>");
        assert_eq!(serve.smtp.as_ref().map(|s| s.expose()), Some("smtp://user:pw@mail.example.org"));
        // Settings of other commands are checked, and left out of this one.
        let matches = parse(&["check"], file).expect("settings for another command");
        assert_eq!(Cli::from_arg_matches(&matches).expect("typed").db.expose(), "settings.db");
    }

    #[test]
    fn a_wrong_setting_is_named_with_its_file_and_line() {
        let unknown = parse(&["check"], "db = \"a.db\"\n\nmax-flies = 3\n").expect_err("unknown");
        assert!(matches!(&unknown, ConfigError::Unknown { line: 3, key, .. } if key == "max-flies"), "{unknown}");
        assert!(unknown.to_string().contains("consulta.toml, line 3"), "{unknown}");
        let value = parse(&["check"], "max-file-mib = 0\n").expect_err("out of range");
        assert!(matches!(&value, ConfigError::Value { line: 1, .. }), "{value}");
        assert!(value.to_string().contains("max-file-mib"), "{value}");
        let table = parse(&["check"], "addr = { host = \"x\" }\n").expect_err("a table");
        assert!(table.to_string().contains("cannot be a setting's value"), "{table}");
        let syntax = parse(&["check"], "addr = \n").expect_err("not TOML");
        assert!(matches!(syntax, ConfigError::Syntax { .. }), "{syntax}");
        let dir = tempfile::tempdir().expect("dir");
        let large = dir.path().join("large.toml");
        std::fs::write(&large, "# ".repeat(40_000)).expect("write");
        let command = Cli::command();
        let matches = command.clone().try_get_matches_from(["consulta", "check"]).expect("arguments");
        let refused = arguments_from_file(&command, &matches, &large).expect_err("too large");
        assert!(matches!(refused, ConfigError::TooLarge { .. }), "{refused}");
    }
}
