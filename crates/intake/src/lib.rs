//! Intake of contribution files: a CSV file is read row by row, every row checked against the
//! consultation and the reference data, and the whole file recorded in one transaction, or not
//! at all. Memory stays flat in the file's size: rows are written as they are read, and an
//! error rolls the transaction back.

pub mod acknowledgement;
pub mod bulk;
pub mod committer;
mod csv_rows;
mod lines;
pub mod lists;
pub mod polis;
mod problem;
pub mod submission;
pub mod sweep;

use std::collections::HashMap;
use std::io::Read;

use consulta_core::contribution::{check_body, check_title};
use consulta_core::time::{DayBoundary, parse_date, parse_instant};
use consulta_core::{
    Channel, Consultation, ContributionId, CountryCode, EntityId, EntityName, Identity, Language, MeetingId,
    NewContribution, NewEntity, StakeholderGroupId,
};
use consulta_store::{RecordTransaction, Store, StoreError};
use jiff::Timestamp;

pub use problem::{FileProblem, RowProblem};

/// The columns of a contribution file, in the documented order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Entity,
    StakeholderGroup,
    Country,
    Channel,
    SubmittedAt,
    Language,
    Title,
    Body,
    Meeting,
    /// Optional: the group a designated representative spoke for.
    OnBehalfOf,
}

impl Column {
    const REQUIRED: [Column; 9] = [
        Column::Entity,
        Column::StakeholderGroup,
        Column::Country,
        Column::Channel,
        Column::SubmittedAt,
        Column::Language,
        Column::Title,
        Column::Body,
        Column::Meeting,
    ];
    /// The column's name in the header, and in error messages.
    fn name(self) -> &'static str {
        match self {
            Column::Entity => "entity",
            Column::StakeholderGroup => "stakeholder_group",
            Column::Country => "country",
            Column::Channel => "channel",
            Column::SubmittedAt => "submitted_at",
            Column::Language => "language",
            Column::Title => "title",
            Column::Body => "body",
            Column::Meeting => "meeting",
            Column::OnBehalfOf => "on_behalf_of",
        }
    }
}

/// The required columns' names, in the documented order.
pub fn required_columns() -> Vec<&'static str> {
    Column::REQUIRED.iter().map(|c| c.name()).collect()
}

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

/// Where each column is in the file, found from the header row.
pub(crate) struct Columns {
    position: HashMap<&'static str, usize>,
}

impl Columns {
    fn from_header(header: &csv::ByteRecord) -> Result<Columns, FileProblem> {
        let required: Vec<&'static str> = Column::REQUIRED.iter().map(|c| c.name()).collect();
        Columns::named(header, &required, &[Column::OnBehalfOf.name()])
    }

    /// Reads a header with these `required` and `optional` columns, in any order; any other
    /// column, a missing one or a repeated one is a problem of the file.
    pub(crate) fn named(
        header: &csv::ByteRecord,
        required: &[&'static str],
        optional: &[&'static str],
    ) -> Result<Columns, FileProblem> {
        let names: Vec<String> = header
            .iter()
            .map(|field| String::from_utf8_lossy(field).trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                return Err(FileProblem::DuplicateColumn(name.clone()));
            }
        }
        let all = || required.iter().chain(optional).copied();
        let unknown: Vec<String> = names.iter().filter(|n| !all().any(|c| c == n.as_str())).cloned().collect();
        if !unknown.is_empty() {
            return Err(FileProblem::UnknownColumns(unknown));
        }
        let position: HashMap<&'static str, usize> =
            all().filter_map(|c| names.iter().position(|n| n == c).map(|i| (c, i))).collect();
        let missing: Vec<String> =
            required.iter().filter(|c| !position.contains_key(*c)).map(|c| (*c).to_owned()).collect();
        if !missing.is_empty() {
            return Err(FileProblem::MissingColumns(missing));
        }
        Ok(Columns { position })
    }

    /// The trimmed text of `column` in `record`: empty for an optional column the file lacks.
    fn text<'r>(&self, record: &'r csv::ByteRecord, column: Column) -> Result<&'r str, RowProblem> {
        self.field(record, column.name())
    }

    pub(crate) fn field<'r>(&self, record: &'r csv::ByteRecord, name: &str) -> Result<&'r str, RowProblem> {
        let bytes = self.position.get(name).and_then(|i| record.get(*i)).unwrap_or_default();
        std::str::from_utf8(bytes).map(str::trim).map_err(|_| RowProblem::NotUtf8)
    }
}

/// What the import knows of an entity: recorded already, or to be created by an earlier row.
#[derive(Clone)]
struct KnownEntity {
    id: Option<EntityId>,
    group: StakeholderGroupId,
    country: Option<CountryCode>,
}

/// The entities a file names, by name key: an entity must be described the same way (group,
/// country) on every row and as recorded.
#[derive(Default)]
pub(crate) struct EntityBook {
    known: HashMap<String, KnownEntity>,
}

impl EntityBook {
    /// Checks a row's description of an entity against what is known of it; the error names the
    /// column at fault.
    pub(crate) fn check(
        &mut self,
        transaction: &mut dyn RecordTransaction,
        described: &NewEntity,
    ) -> Result<Result<(), (&'static str, RowProblem)>, StoreError> {
        let key = described.name.key();
        let known = match self.known.get(&key) {
            Some(known) => known.clone(),
            None => {
                let known = match transaction.entity_by_name(&described.name)? {
                    Some(entity) => KnownEntity { id: Some(entity.id), group: entity.group, country: entity.country },
                    None => KnownEntity { id: None, group: described.group.clone(), country: described.country },
                };
                self.known.insert(key, known.clone());
                known
            }
        };
        let entity = described.name.to_string();
        Ok(if known.group != described.group {
            let recorded = known.group.to_string();
            Err((Column::StakeholderGroup.name(), RowProblem::EntityGroupConflict { entity, recorded }))
        } else if known.country != described.country {
            let recorded = known.country.map_or_else(String::new, |c| c.to_string());
            Err((Column::Country.name(), RowProblem::EntityCountryConflict { entity, recorded }))
        } else {
            Ok(())
        })
    }

    /// The entity's id, recording it first if it is new (then `true`). Call after `check`.
    pub(crate) fn record(
        &mut self,
        transaction: &mut dyn RecordTransaction,
        described: &NewEntity,
    ) -> Result<(EntityId, bool), StoreError> {
        let key = described.name.key();
        if let Some(id) = self.known.get(&key).and_then(|k| k.id) {
            return Ok((id, false));
        }
        let entity = transaction.insert_entity(described)?;
        self.known.insert(key, KnownEntity { id: Some(entity.id), group: entity.group, country: entity.country });
        Ok((entity.id, true))
    }
}

/// What rows are checked against.
struct Context<'a> {
    consultation: &'a Consultation,
    groups: Vec<StakeholderGroupId>,
    /// Meetings by date (YYYY-MM-DD).
    meetings: HashMap<String, MeetingId>,
    options: ImportOptions,
}

/// A row whose every field has been checked.
struct CheckedRow {
    name: EntityName,
    group: StakeholderGroupId,
    country: Option<CountryCode>,
    channel: Channel,
    submitted_at: Timestamp,
    late: bool,
    language: Language,
    title: String,
    body: String,
    meeting: Option<MeetingId>,
    on_behalf_of: Option<StakeholderGroupId>,
}

/// The problems found in one row, by column.
#[derive(Default)]
struct Problems(Vec<(Column, RowProblem)>);

impl Problems {
    /// The value, or None with the problem noted against `column`.
    fn check<T>(&mut self, column: Column, result: Result<T, RowProblem>) -> Option<T> {
        result.map_err(|problem| self.0.push((column, problem))).ok()
    }
}

/// Checks every field of a row, reporting all the problems it has rather than the first.
fn check_row(record: &csv::ByteRecord, columns: &Columns, context: &Context<'_>) -> Result<CheckedRow, Problems> {
    let consultation = &context.consultation.record;
    let mut problems = Problems::default();
    let text = |column| columns.text(record, column);

    let name = problems.check(
        Column::Entity,
        text(Column::Entity).and_then(|t| t.parse::<EntityName>().map_err(RowProblem::EntityName)),
    );
    let group = problems
        .check(Column::StakeholderGroup, text(Column::StakeholderGroup).and_then(|t| known_group(t, &context.groups)));
    let country = problems.check(
        Column::Country,
        text(Column::Country).and_then(|t| country_field(t, context.consultation.record.is_example)),
    );
    let channel = problems.check(
        Column::Channel,
        text(Column::Channel).and_then(|t| t.parse::<Channel>().map_err(|_| RowProblem::UnknownChannel(t.to_owned()))),
    );
    let submitted = problems.check(
        Column::SubmittedAt,
        text(Column::SubmittedAt).and_then(|t| {
            if t.is_empty() {
                return Err(RowProblem::Missing);
            }
            let instant = parse_instant(t, &consultation.time_zone, DayBoundary::Start)
                .map_err(|_| RowProblem::BadDate(t.to_owned()))?;
            let late = !consultation.period.contains(instant);
            if late && !context.options.accept_late {
                return Err(RowProblem::OutsidePeriod(t.to_owned()));
            }
            Ok((instant, late))
        }),
    );
    let language = problems.check(
        Column::Language,
        text(Column::Language).and_then(|t| t.parse::<Language>().map_err(|_| RowProblem::BadLanguage(t.to_owned()))),
    );
    let title = problems.check(Column::Title, text(Column::Title).and_then(|t| Ok(check_title(t)?)));
    let body = problems.check(Column::Body, text(Column::Body).and_then(|t| Ok(check_body(t)?)));
    let meeting = problems.check(
        Column::Meeting,
        text(Column::Meeting).and_then(|t| {
            if t.is_empty() {
                return match channel {
                    Some(c) if c.requires_meeting() => Err(RowProblem::MeetingRequired(c.as_str())),
                    _ => Ok(None),
                };
            }
            let date = parse_date(t).map_err(|_| RowProblem::BadDate(t.to_owned()))?;
            let known = || context.meetings.keys().cloned().collect();
            context
                .meetings
                .get(&date.to_string())
                .map(|id| Some(*id))
                .ok_or_else(|| RowProblem::UnknownMeeting { date: t.to_owned(), known: known() })
        }),
    );
    let on_behalf_of = problems.check(
        Column::OnBehalfOf,
        text(Column::OnBehalfOf)
            .and_then(|t| if t.is_empty() { Ok(None) } else { known_group(t, &context.groups).map(Some) }),
    );

    match (name, group, country, channel, submitted, language, title, body, meeting, on_behalf_of) {
        (
            Some(name),
            Some(group),
            Some(country),
            Some(channel),
            Some((submitted_at, late)),
            Some(language),
            Some(title),
            Some(body),
            Some(meeting),
            Some(on_behalf_of),
        ) if problems.0.is_empty() => Ok(CheckedRow {
            name,
            group,
            country,
            channel,
            submitted_at,
            late,
            language,
            title,
            body,
            meeting,
            on_behalf_of,
        }),
        _ => Err(problems),
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
    let context = Context {
        consultation,
        groups: store.stakeholder_groups()?,
        meetings: store.meetings(consultation.id)?.into_iter().map(|m| (m.date.to_string(), m.id)).collect(),
        options,
    };

    let mut rows = csv_rows::CsvRows::open(input, on_progress)?;
    let columns = Columns::from_header(&rows.header).map_err(ImportError::File)?;

    let mut transaction = store.begin()?;
    let mut entities = EntityBook::default();
    let mut problems = csv_rows::RowProblems::default();
    let mut summary = ImportSummary::default();

    while let Some((line, record)) = rows.next_row(&mut problems)? {
        let row = match check_row(record, &columns, &context) {
            Ok(row) => row,
            Err(found) => {
                for (column, problem) in found.0 {
                    problems.report(line, Some(column.name()), problem);
                }
                continue;
            }
        };

        let described = NewEntity {
            name: row.name,
            group: row.group.clone(),
            country: row.country,
            is_example: consultation.record.is_example,
            claimed: false,
        };
        if let Err((column, problem)) = entities.check(&mut *transaction, &described)? {
            problems.report(line, Some(column), problem);
            continue;
        }
        if problems.any() {
            continue; // The file will be refused: check the rest, write nothing more.
        }
        let (entity, created) = entities.record(&mut *transaction, &described)?;
        summary.new_entities += u64::from(created);
        let id = transaction.insert_contribution(&NewContribution {
            consultation: consultation.id,
            entity,
            group: row.group,
            channel: row.channel,
            on_behalf_of: row.on_behalf_of,
            meeting: row.meeting,
            submitted_at: row.submitted_at,
            language: row.language,
            title: row.title,
            body: row.body,
            late: row.late,
            identity: Identity::Recorded,
            contact_email: None,
        })?;
        append_to_log(&mut *transaction, id)?;
        summary.contributions += 1;
        summary.late += u64::from(row.late);
    }

    problems.into_result()?;
    if summary.contributions == 0 {
        return Err(ImportError::File(FileProblem::NoRows));
    }
    transaction.commit()?;
    Ok(summary)
}

/// Appends a recorded contribution to the public log: the leaf commits to the SHA-256 of its
/// canonical record, read back from the transaction so that it is exactly what will be
/// published. Returns the leaf index and the record's hash.
pub fn append_to_log(
    transaction: &mut dyn RecordTransaction,
    contribution: ContributionId,
) -> Result<(u64, consulta_log::Hash), StoreError> {
    let record = transaction
        .canonical_record(contribution)?
        .ok_or_else(|| StoreError::Corrupt(format!("contribution {} vanished as it was written", contribution.0)))?;
    let record_sha256 = consulta_log::sha256(&record.to_bytes());
    let leaf_index = transaction.append_to_log(contribution, record_sha256)?;
    Ok((leaf_index, record_sha256))
}

/// A country as a file or form gives it: nothing for an international entity; a fictional State
/// only in an example consultation, so the demonstration's States never enter a real record.
fn country_field(text: &str, example: bool) -> Result<Option<CountryCode>, RowProblem> {
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<CountryCode>() {
        Ok(code) if example || !code.country().fictional => Ok(Some(code)),
        _ => Err(RowProblem::UnknownCountry(text.to_owned())),
    }
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

fn csv_error_problem(error: csv::Error) -> FileProblem {
    let line = error.position().map_or(0, |p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(e) => FileProblem::Unreadable { line, reason: e.to_string() },
        other => FileProblem::Unreadable { line, reason: format!("{other:?}") },
    }
}

#[cfg(test)]
mod tests;
