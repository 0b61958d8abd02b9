//! What can be wrong with a contribution file, as typed problems. Each problem is a message of
//! the i18n files (`import-<code>`), so the command line and the web show it in the reader's
//! language; `Display` gives the English text for logs.

use std::fmt;

use consulta_core::contribution::TextError;
use consulta_core::entity::{EntityNameError, MAX_ENTITY_NAME_CHARS};
use consulta_i18n::{Arg, Localizer};

use crate::RowError;

/// Something wrong with a row's field.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    Missing,
    NotUtf8,
    FieldCount {
        expected: usize,
        found: usize,
    },
    EntityName(EntityNameError),
    UnknownGroup {
        value: String,
        known: Vec<String>,
    },
    UnknownCountry(String),
    /// A government (or a body the form says is national) names no country.
    CountryRequired,
    UnknownChannel(String),
    BadDate(String),
    OutsidePeriod(String),
    BadLanguage(String),
    BadEmail(String),
    TitleTooLong(usize),
    BodyTooLarge(usize),
    ControlCharacter {
        at: usize,
        code: u32,
    },
    MeetingRequired(&'static str),
    UnknownMeeting {
        date: String,
        known: Vec<String>,
    },
    EntityGroupConflict {
        entity: String,
        recorded: String,
    },
    EntityCountryConflict {
        entity: String,
        recorded: String,
    },
}

impl From<TextError> for RowProblem {
    fn from(error: TextError) -> Self {
        match error {
            TextError::Empty => RowProblem::Missing,
            TextError::TitleTooLong(max) => RowProblem::TitleTooLong(max),
            TextError::BodyTooLarge(max) => RowProblem::BodyTooLarge(max),
            TextError::ControlCharacter { at, code } => RowProblem::ControlCharacter { at, code },
        }
    }
}

fn list(items: &[String]) -> Arg {
    let mut sorted = items.to_vec();
    sorted.sort();
    Arg::Text(sorted.join(", "))
}

/// A recorded country's name in the reader's language, with its code (the code is what a file
/// gives).
fn country_name(code: &str, localizer: &Localizer) -> String {
    match code.parse::<consulta_core::CountryCode>() {
        Ok(country) => format!("{} ({code})", country.country().name(localizer.language())),
        Err(_) => code.to_owned(),
    }
}

impl RowProblem {
    /// The message key and its arguments; what a person reads of a value (a group, a channel,
    /// a country) is its name in the reader's language, never its identifier.
    pub fn message(&self, localizer: &Localizer) -> (&'static str, Vec<(&'static str, Arg)>) {
        match self {
            RowProblem::Missing => ("import-missing", vec![]),
            RowProblem::NotUtf8 => ("import-not-utf8", vec![]),
            RowProblem::FieldCount { expected, found } => {
                ("import-field-count", vec![("expected", (*expected).into()), ("found", (*found).into())])
            }
            RowProblem::EntityName(EntityNameError::Empty) => ("import-missing", vec![]),
            RowProblem::EntityName(EntityNameError::TooLong) => {
                ("import-entity-name-too-long", vec![("max", MAX_ENTITY_NAME_CHARS.into())])
            }
            RowProblem::EntityName(EntityNameError::ControlCharacter) => ("import-entity-name-control", vec![]),
            RowProblem::CountryRequired => ("import-country-required", vec![]),
            RowProblem::UnknownGroup { value, known } => {
                ("import-unknown-group", vec![("value", value.as_str().into()), ("known", list(known))])
            }
            RowProblem::UnknownCountry(value) => ("import-unknown-country", vec![("value", value.as_str().into())]),
            RowProblem::UnknownChannel(value) => ("import-unknown-channel", vec![("value", value.as_str().into())]),
            RowProblem::BadDate(value) => ("import-bad-date", vec![("value", value.as_str().into())]),
            RowProblem::OutsidePeriod(value) => ("import-outside-period", vec![("value", value.as_str().into())]),
            RowProblem::BadLanguage(value) => ("import-bad-language", vec![("value", value.as_str().into())]),
            RowProblem::BadEmail(value) => ("import-bad-email", vec![("value", value.as_str().into())]),
            RowProblem::TitleTooLong(max) => ("import-title-too-long", vec![("max", (*max).into())]),
            RowProblem::BodyTooLarge(max) => ("import-body-too-large", vec![("max", (*max).into())]),
            RowProblem::ControlCharacter { at, code } => {
                ("import-control-character", vec![("at", (*at).into()), ("code", format!("U+{code:04X}").into())])
            }
            RowProblem::MeetingRequired(channel) => (
                "import-meeting-required",
                vec![("channel", localizer.text(&format!("channel-{channel}-short")).to_lowercase().into())],
            ),
            RowProblem::UnknownMeeting { date, known } => (
                if known.is_empty() { "import-no-meetings" } else { "import-unknown-meeting" },
                vec![("value", date.as_str().into()), ("known", list(known))],
            ),
            RowProblem::EntityGroupConflict { entity, recorded } => (
                "import-entity-group-conflict",
                vec![
                    ("entity", entity.as_str().into()),
                    ("recorded", localizer.text(&format!("group-{recorded}")).into()),
                ],
            ),
            RowProblem::EntityCountryConflict { entity, recorded } => (
                if recorded.is_empty() { "import-entity-no-country" } else { "import-entity-country-conflict" },
                vec![("entity", entity.as_str().into()), ("recorded", country_name(recorded, localizer).into())],
            ),
        }
    }

    pub fn describe(&self, localizer: &Localizer) -> String {
        let (key, args) = self.message(localizer);
        localizer.format(key, &args)
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&Localizer::default()))
    }
}

impl RowError {
    /// "line 12, column country: unknown country code 'XX' …"
    pub fn describe(&self, localizer: &Localizer) -> String {
        let problem = self.problem.describe(localizer);
        match self.field {
            Some(field) => localizer.format(
                "import-row-field-error",
                &[("line", self.line.into()), ("field", field.into()), ("problem", problem.into())],
            ),
            None => localizer.format("import-row-error", &[("line", self.line.into()), ("problem", problem.into())]),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&Localizer::default()))
    }
}

/// Something wrong with the file as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    Empty,
    NoRows,
    MissingColumns(Vec<String>),
    UnknownColumns(Vec<String>),
    DuplicateColumn(String),
    Unreadable { line: u64, reason: String },
}

impl FileProblem {
    pub fn describe(&self, localizer: &Localizer) -> String {
        let expected = Arg::Text(crate::required_columns().join(","));
        match self {
            FileProblem::Empty => localizer.format("import-file-empty", &[("expected", expected)]),
            FileProblem::NoRows => localizer.text("import-file-no-rows"),
            FileProblem::MissingColumns(columns) => {
                localizer.format("import-file-missing-columns", &[("columns", list(columns)), ("expected", expected)])
            }
            FileProblem::UnknownColumns(columns) => {
                localizer.format("import-file-unknown-columns", &[("columns", list(columns)), ("expected", expected)])
            }
            FileProblem::DuplicateColumn(column) => {
                localizer.format("import-file-duplicate-column", &[("column", column.as_str().into())])
            }
            FileProblem::Unreadable { line, reason } => localizer
                .format("import-file-unreadable", &[("line", (*line).into()), ("reason", reason.as_str().into())]),
        }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&Localizer::default()))
    }
}
