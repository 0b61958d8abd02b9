//! Intake of contribution files: a CSV file is read row by row, every row checked against the
//! consultation and the reference data, and the whole file recorded in one transaction, or not
//! at all. Memory stays flat in the file's size: rows are written as they are read, and an
//! error rolls the transaction back.

mod lines;
mod problem;

use std::collections::HashMap;
use std::io::Read;

use consulta_core::contribution::{check_body, check_title};
use consulta_core::time::{DayBoundary, parse_date, parse_instant};
use consulta_core::{
    Channel, Consultation, CountryCode, EntityId, EntityName, Language, MeetingId, NewContribution, NewEntity,
    StakeholderGroupId,
};
use consulta_store::{Store, StoreError};

pub use problem::{FileProblem, RowProblem};

/// The columns of a contribution file, in the documented order. `on_behalf_of` may be added.
pub const COLUMNS: [&str; 9] =
    ["entity", "stakeholder_group", "country", "channel", "submitted_at", "language", "title", "body", "meeting"];
pub const OPTIONAL_COLUMNS: [&str; 1] = ["on_behalf_of"];

/// How many row errors are kept for the report; the rest are counted.
const MAX_REPORTED_ERRORS: usize = 100;

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Record rows dated outside the consultation's period, marked late, instead of refusing them.
    pub accept_late: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub contributions: u64,
    pub new_entities: u64,
    pub late: u64,
}

/// A problem with one row: the line it starts on, the column, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub field: Option<&'static str>,
    pub problem: RowProblem,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read as a contribution file at all.
    #[error("{0}")]
    File(FileProblem),
    /// Some rows are wrong; nothing was recorded.
    #[error("{} rows are invalid", .errors.len() + .unreported)]
    Rows { errors: Vec<RowError>, unreported: usize },
    #[error("cannot read the file: {0}")]
    Read(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Column positions, found from the header row.
struct Columns {
    index: [usize; COLUMNS.len()],
    on_behalf_of: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::ByteRecord) -> Result<Columns, FileProblem> {
        let names: Vec<String> = header
            .iter()
            .map(|field| String::from_utf8_lossy(field).trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        let mut seen = Vec::new();
        for name in &names {
            if seen.contains(name) {
                return Err(FileProblem::DuplicateColumn(name.clone()));
            }
            seen.push(name.clone());
        }
        let unknown: Vec<String> = names
            .iter()
            .filter(|n| !COLUMNS.contains(&n.as_str()) && !OPTIONAL_COLUMNS.contains(&n.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            return Err(FileProblem::UnknownColumns(unknown));
        }
        let position = |column: &str| names.iter().position(|n| n == column);
        let missing: Vec<String> = COLUMNS.iter().filter(|c| position(c).is_none()).map(|c| (*c).to_owned()).collect();
        if !missing.is_empty() {
            return Err(FileProblem::MissingColumns(missing));
        }
        let mut index = [0; COLUMNS.len()];
        for (slot, column) in index.iter_mut().zip(COLUMNS) {
            *slot = position(column).unwrap_or_default();
        }
        Ok(Columns { index, on_behalf_of: position("on_behalf_of") })
    }
}

/// What the import knows of an entity: recorded already, or to be created by an earlier row.
#[derive(Clone)]
struct KnownEntity {
    id: Option<EntityId>,
    group: StakeholderGroupId,
    country: Option<CountryCode>,
}

/// A row's fields as text, each checked for UTF-8.
struct RowText<'r> {
    record: &'r csv::ByteRecord,
}

impl RowText<'_> {
    fn get(&self, index: usize) -> Result<&str, RowProblem> {
        let bytes = self.record.get(index).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| RowProblem::NotUtf8)
    }
}

/// Imports the contribution file `input` into `consultation`. `on_progress` is called with the
/// number of bytes read so far.
pub fn import_contributions(
    store: &mut dyn Store,
    consultation: &Consultation,
    input: impl Read,
    options: ImportOptions,
    on_progress: &mut dyn FnMut(u64),
) -> Result<ImportSummary, ImportError> {
    store.prepare_for_bulk_writes()?;
    let groups = store.stakeholder_groups()?;
    let meetings: HashMap<String, MeetingId> =
        store.meetings(consultation.id)?.into_iter().map(|m| (m.date.to_string(), m.id)).collect();

    let input = lines::SpreadsheetLines::new(input, on_progress);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(input);
    let header = reader.byte_headers().map_err(csv_problem)?.clone();
    if header.iter().all(|f| f.is_empty()) {
        return Err(ImportError::File(FileProblem::Empty));
    }
    let columns = Columns::from_header(&header).map_err(ImportError::File)?;

    let mut transaction = store.begin()?;
    let mut entities: HashMap<String, KnownEntity> = HashMap::new();
    let mut errors: Vec<RowError> = Vec::new();
    let mut unreported = 0usize;
    let mut summary = ImportSummary::default();
    let mut record = csv::ByteRecord::new();

    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ImportError::File(csv_error_problem(e))),
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // Spreadsheets leave blank lines at the end.
        }
        let mut report = |field: Option<&'static str>, problem: RowProblem| {
            if errors.len() < MAX_REPORTED_ERRORS {
                errors.push(RowError { line, field, problem });
            } else {
                unreported += 1;
            }
        };
        if record.len() != header.len() {
            report(None, RowProblem::FieldCount { expected: header.len(), found: record.len() });
            continue;
        }
        let row = RowText { record: &record };
        let mut row_ok = true;
        let mut field = |column: usize, check: &mut dyn FnMut(&str) -> Result<(), RowProblem>| {
            let name = COLUMNS[column];
            if let Err(problem) = row.get(columns.index[column]).and_then(&mut *check) {
                report(Some(name), problem);
                row_ok = false;
            }
        };

        let mut name = None;
        field(0, &mut |text| {
            name = Some(text.parse::<EntityName>().map_err(|e| RowProblem::EntityName(e.to_string()))?);
            Ok(())
        });
        let mut group = None;
        field(1, &mut |text| {
            group = Some(known_group(text, &groups)?);
            Ok(())
        });
        let mut country = None;
        field(2, &mut |text| {
            if !text.is_empty() {
                country = Some(text.parse::<CountryCode>().map_err(|_| RowProblem::UnknownCountry(text.to_owned()))?);
            }
            Ok(())
        });
        let mut channel = None;
        field(3, &mut |text| {
            channel = Some(text.parse::<Channel>().map_err(|_| RowProblem::UnknownChannel(text.to_owned()))?);
            Ok(())
        });
        let mut submitted = None;
        field(4, &mut |text| {
            if text.is_empty() {
                return Err(RowProblem::Missing);
            }
            let instant = parse_instant(text, &consultation.record.time_zone, DayBoundary::Start)
                .map_err(|_| RowProblem::BadDate(text.to_owned()))?;
            let late = !consultation.record.period.contains(instant);
            if late && !options.accept_late {
                return Err(RowProblem::OutsidePeriod(text.to_owned()));
            }
            submitted = Some((instant, late));
            Ok(())
        });
        let mut language = None;
        field(5, &mut |text| {
            language = Some(text.parse::<Language>().map_err(|_| RowProblem::BadLanguage(text.to_owned()))?);
            Ok(())
        });
        let mut title = None;
        field(6, &mut |text| {
            title = Some(check_title(text).map_err(RowProblem::from)?);
            Ok(())
        });
        let mut body = None;
        field(7, &mut |text| {
            body = Some(check_body(text).map_err(RowProblem::from)?);
            Ok(())
        });
        let mut meeting = None;
        field(8, &mut |text| {
            if text.is_empty() {
                return match channel {
                    Some(c) if c.requires_meeting() => Err(RowProblem::MeetingRequired(c.as_str())),
                    _ => Ok(()),
                };
            }
            let date = parse_date(text).map_err(|_| RowProblem::BadDate(text.to_owned()))?;
            meeting = Some(*meetings.get(&date.to_string()).ok_or_else(|| RowProblem::UnknownMeeting {
                date: text.to_owned(),
                known: meetings.keys().cloned().collect(),
            })?);
            Ok(())
        });
        let mut on_behalf_of = None;
        if let Some(index) = columns.on_behalf_of {
            match row.get(index).and_then(
                |text| {
                    if text.is_empty() { Ok(None) } else { known_group(text, &groups).map(Some) }
                },
            ) {
                Ok(group) => on_behalf_of = group,
                Err(problem) => {
                    report(Some("on_behalf_of"), problem);
                    row_ok = false;
                }
            }
        }

        let (
            Some(name),
            Some(group),
            Some(channel),
            Some((submitted_at, late)),
            Some(language),
            Some(title),
            Some(body),
        ) = (name, group, channel, submitted, language, title, body)
        else {
            continue;
        };
        if !row_ok {
            continue;
        }

        // The same entity must be described the same way on every row and in the record.
        let key = name.key();
        let known = match entities.get(&key) {
            Some(known) => known.clone(),
            None => {
                let known = match transaction.entity_by_name(&name)? {
                    Some(entity) => KnownEntity { id: Some(entity.id), group: entity.group, country: entity.country },
                    None => KnownEntity { id: None, group: group.clone(), country },
                };
                entities.insert(key.clone(), known.clone());
                known
            }
        };
        if known.group != group {
            report(
                Some("stakeholder_group"),
                RowProblem::EntityGroupConflict { entity: name.to_string(), recorded: known.group.to_string() },
            );
            continue;
        }
        if known.country != country {
            let recorded = known.country.map_or_else(String::new, |c| c.to_string());
            report(Some("country"), RowProblem::EntityCountryConflict { entity: name.to_string(), recorded });
            continue;
        }
        if !errors.is_empty() || unreported > 0 {
            continue; // The file will be refused: check the rest, write nothing more.
        }
        let entity = match known.id {
            Some(id) => id,
            None => {
                let entity = transaction.insert_entity(&NewEntity {
                    name,
                    group: group.clone(),
                    country,
                    is_example: consultation.record.is_example,
                })?;
                summary.new_entities += 1;
                if let Some(known) = entities.get_mut(&key) {
                    known.id = Some(entity.id);
                }
                entity.id
            }
        };
        transaction.insert_contribution(&NewContribution {
            consultation: consultation.id,
            entity,
            group,
            channel,
            on_behalf_of,
            meeting,
            submitted_at,
            language,
            title,
            body,
            late,
        })?;
        summary.contributions += 1;
        summary.late += u64::from(late);
    }

    if !errors.is_empty() {
        return Err(ImportError::Rows { errors, unreported });
    }
    if summary.contributions == 0 {
        return Err(ImportError::File(FileProblem::NoRows));
    }
    transaction.commit()?;
    Ok(summary)
}

fn known_group(text: &str, groups: &[StakeholderGroupId]) -> Result<StakeholderGroupId, RowProblem> {
    if text.is_empty() {
        return Err(RowProblem::Missing);
    }
    let unknown =
        || RowProblem::UnknownGroup { value: text.to_owned(), known: groups.iter().map(ToString::to_string).collect() };
    let id: StakeholderGroupId = text.to_ascii_lowercase().parse().map_err(|_| unknown())?;
    if groups.contains(&id) { Ok(id) } else { Err(unknown()) }
}

fn csv_problem(error: csv::Error) -> ImportError {
    ImportError::File(csv_error_problem(error))
}

fn csv_error_problem(error: csv::Error) -> FileProblem {
    let line = error.position().map_or(0, |p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(e) => FileProblem::Unreadable { line, reason: e.to_string() },
        other => FileProblem::Unreadable { line, reason: format!("{other:?}") },
    }
}

#[cfg(test)]
mod tests;
