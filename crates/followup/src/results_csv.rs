//! The results CSV: commitments and their progress, one a row, in the columns of Decidim's
//! accountability results (`id`, `parent_id`, `title/en`, `description/en`, `start_date`,
//! `end_date`, `status`, `progress`) with Consulta's own beside them (`entity`, `action_lines`,
//! `indicator`, `target`, `consultation`, and the `issues`, `draft` and `contribution` it
//! serves or came from), so a secretariat can bring its history in from
//! Decidim and take it out again. Columns are found by name, in any order; other columns of a
//! Decidim export (category, scope, proposals…) are left aside. Reading is bounded (size, rows,
//! field lengths) and says the line and field of the first thing wrong.

use jiff::civil::Date;
use serde::Serialize;

use crate::action_lines::action_line;
use crate::commitment::{CommitmentStatus, Progress};

/// The columns written, in order; reading needs `id`, a title, `entity` and `action_lines`.
pub const RESULT_COLUMNS: [&str; 16] = [
    "id",
    "parent_id",
    "title/en",
    "description/en",
    "start_date",
    "end_date",
    "status",
    "progress",
    "entity",
    "action_lines",
    "indicator",
    "target",
    "consultation",
    "issues",
    "draft",
    "contribution",
];

/// The largest file read, and the most rows.
pub const MAX_RESULTS_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_RESULTS: usize = 10_000;

/// A commitment as a row of the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommitmentRow {
    /// Its id in the file (Decidim's result id, or the secretariat's own).
    pub id: String,
    pub parent_id: Option<String>,
    pub title: String,
    pub description: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub status: CommitmentStatus,
    pub progress: Progress,
    /// The entity that undertook it, as named.
    pub entity: String,
    /// Action line codes, C1 to C11, at least one.
    pub action_lines: Vec<String>,
    /// What progress is measured by, and the target.
    pub indicator: String,
    pub target: String,
    /// The consultation it came from (its slug), if any.
    pub consultation: Option<String>,
    /// The issues of the taxonomy it serves (their identifiers).
    pub issues: Vec<String>,
    /// The draft it came from (its symbol), and the contribution (its number), if any.
    pub draft: Option<String>,
    pub contribution: Option<u64>,
}

/// What is wrong, and where: `line` 0 is the file as a whole.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}, field {field}: {problem}")]
pub struct ResultsError {
    pub line: u64,
    pub field: String,
    pub problem: ResultsProblem,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResultsProblem {
    #[error("the file is larger than {} MiB", MAX_RESULTS_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file has more than {MAX_RESULTS} rows")]
    TooMany,
    #[error("the file is not CSV: {0}")]
    Csv(String),
    #[error("the column is missing")]
    MissingColumn,
    #[error("the value is missing")]
    Missing,
    #[error("the value is longer than {0} characters")]
    TooLong(usize),
    #[error("{0} is not an action line (C1 to C11)")]
    UnknownActionLine(String),
    #[error("{0} is not a date written YYYY-MM-DD")]
    BadDate(String),
    #[error("the end comes before the start")]
    EndBeforeStart,
    #[error("{0} is not a status (planned, in_progress, achieved, dropped)")]
    BadStatus(String),
    #[error("{0} is not a progress from 0 to 100")]
    BadProgress(String),
    #[error("an achieved commitment is at 100 %")]
    AchievedBelowDone,
    #[error("id {0} is used twice")]
    DuplicateId(String),
    #[error("a commitment cannot be its own parent")]
    OwnParent,
    #[error("{0} is not an issue identifier (lower-case letters, digits and '_')")]
    BadIssue(String),
    #[error("{0} is not a contribution's number")]
    BadContribution(String),
}

/// The columns found in the header, by what they hold.
struct Columns {
    id: usize,
    parent: Option<usize>,
    title: usize,
    description: Option<usize>,
    start: Option<usize>,
    end: Option<usize>,
    status: Option<usize>,
    progress: Option<usize>,
    entity: usize,
    action_lines: usize,
    indicator: Option<usize>,
    target: Option<usize>,
    consultation: Option<usize>,
    issues: Option<usize>,
    draft: Option<usize>,
    contribution: Option<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Result<Columns, ResultsError> {
        let any = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let required = |names: &[&str]| {
            any(names).ok_or_else(|| ResultsError {
                line: 1,
                field: names[0].to_owned(),
                problem: ResultsProblem::MissingColumn,
            })
        };
        Ok(Columns {
            id: required(&["id"])?,
            parent: any(&["parent_id", "parent/id"]),
            title: required(&["title/en", "title"])?,
            description: any(&["description/en", "description"]),
            start: any(&["start_date"]),
            end: any(&["end_date"]),
            status: any(&["status", "status/key"]),
            progress: any(&["progress"]),
            entity: required(&["entity"])?,
            action_lines: required(&["action_lines"])?,
            indicator: any(&["indicator"]),
            target: any(&["target"]),
            consultation: any(&["consultation"]),
            issues: any(&["issues"]),
            draft: any(&["draft"]),
            contribution: any(&["contribution"]),
        })
    }
}

/// A status as a secretariat writes it: "in progress", "In-progress" and "in_progress" are one.
fn status(value: &str) -> Option<CommitmentStatus> {
    let words: String =
        value.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    words.parse().ok()
}

/// Reads a results file whole, or says the first thing wrong in it.
pub fn read_results(bytes: &[u8]) -> Result<Vec<CommitmentRow>, ResultsError> {
    Ok(read_results_by_line(bytes)?.into_iter().map(|(_, row)| row).collect())
}

/// Reads a results file as `read_results` does, each row with the line it starts on (a quoted
/// field may hold line breaks), for what the caller checks further to say where.
pub fn read_results_by_line(bytes: &[u8]) -> Result<Vec<(u64, CommitmentRow)>, ResultsError> {
    let error = |line: u64, field: &str, problem| ResultsError { line, field: field.to_owned(), problem };
    if bytes.len() > MAX_RESULTS_BYTES {
        return Err(error(0, "file", ResultsProblem::TooLarge));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| error(1, "file", ResultsProblem::Csv(e.to_string())))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
        .collect();
    let columns = Columns::find(&header)?;
    let mut rows: Vec<(u64, CommitmentRow)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            error(line, "file", ResultsProblem::Csv(e.to_string()))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if rows.len() == MAX_RESULTS {
            return Err(error(line, "file", ResultsProblem::TooMany));
        }
        let name = |at: usize| header[at].as_str();
        let get = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or_default().trim();
        let text = |at: Option<usize>, max: usize, required: bool| -> Result<String, ResultsError> {
            let value = get(at);
            let field = at.map_or("", name);
            if required && value.is_empty() {
                return Err(error(line, field, ResultsProblem::Missing));
            }
            if value.chars().count() > max {
                return Err(error(line, field, ResultsProblem::TooLong(max)));
            }
            Ok(value.to_owned())
        };
        let date = |at: Option<usize>| -> Result<Option<Date>, ResultsError> {
            match get(at) {
                "" => Ok(None),
                value => value
                    .parse::<Date>()
                    .map(Some)
                    .map_err(|_| error(line, at.map_or("", name), ResultsProblem::BadDate(value.to_owned()))),
            }
        };
        let id = text(Some(columns.id), 64, true)?;
        if !seen.insert(id.clone()) {
            return Err(error(line, "id", ResultsProblem::DuplicateId(id)));
        }
        let parent_id = Some(text(columns.parent, 64, false)?).filter(|p| !p.is_empty());
        if parent_id.as_ref() == Some(&id) {
            return Err(error(line, columns.parent.map_or("parent_id", name), ResultsProblem::OwnParent));
        }
        let (start_date, end_date) = (date(columns.start)?, date(columns.end)?);
        if let (Some(start), Some(end)) = (start_date, end_date) {
            if end < start {
                return Err(error(line, "end_date", ResultsProblem::EndBeforeStart));
            }
        }
        let status = match get(columns.status) {
            "" => CommitmentStatus::Planned,
            value => status(value).ok_or_else(|| {
                error(line, columns.status.map_or("status", name), ResultsProblem::BadStatus(value.to_owned()))
            })?,
        };
        let progress = match get(columns.progress) {
            "" if status == CommitmentStatus::Achieved => Progress::DONE,
            "" => Progress::default(),
            value => {
                value.parse().map_err(|_| error(line, "progress", ResultsProblem::BadProgress(value.to_owned())))?
            }
        };
        if status == CommitmentStatus::Achieved && progress != Progress::DONE {
            return Err(error(line, "progress", ResultsProblem::AchievedBelowDone));
        }
        let lines_field = text(Some(columns.action_lines), 200, true)?;
        let mut action_lines = Vec::new();
        for code in lines_field.split([';', ',', ' ']).filter(|c| !c.is_empty()) {
            let known = action_line(code)
                .ok_or_else(|| error(line, "action_lines", ResultsProblem::UnknownActionLine(code.to_owned())))?;
            if !action_lines.contains(&known.code) {
                action_lines.push(known.code.clone());
            }
        }
        let mut issues = Vec::new();
        for issue in text(columns.issues, 1000, false)?.split([';', ',', ' ']).filter(|i| !i.is_empty()) {
            let valid =
                issue.len() <= 64 && issue.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                return Err(error(line, "issues", ResultsProblem::BadIssue(issue.chars().take(64).collect())));
            }
            if !issues.iter().any(|known: &String| known == issue) {
                issues.push(issue.to_owned());
            }
        }
        let contribution = match get(columns.contribution) {
            "" => None,
            value => Some(value.parse::<u64>().map_err(|_| {
                error(line, "contribution", ResultsProblem::BadContribution(value.chars().take(40).collect()))
            })?),
        };
        rows.push((
            line,
            CommitmentRow {
                id,
                parent_id,
                title: text(Some(columns.title), 300, true)?,
                description: text(columns.description, 20_000, false)?,
                start_date,
                end_date,
                status,
                progress,
                entity: text(Some(columns.entity), 200, true)?,
                action_lines,
                indicator: text(columns.indicator, 500, false)?,
                target: text(columns.target, 500, false)?,
                consultation: Some(text(columns.consultation, 100, false)?).filter(|c| !c.is_empty()),
                issues,
                draft: Some(text(columns.draft, 100, false)?).filter(|d| !d.is_empty()),
                contribution,
            },
        ));
    }
    Ok(rows)
}

/// Writes rows in `RESULT_COLUMNS`, which `read_results` reads back as they were.
pub fn write_results(rows: &[CommitmentRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory fails only if a row has the wrong number of fields, which these never do.
    let _ = writer.write_record(RESULT_COLUMNS);
    for row in rows {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let _ = writer.write_record([
            row.id.as_str(),
            row.parent_id.as_deref().unwrap_or_default(),
            &row.title,
            &row.description,
            &date(row.start_date),
            &date(row.end_date),
            row.status.as_str(),
            &row.progress.percent().to_string(),
            &row.entity,
            &row.action_lines.join(";"),
            &row.indicator,
            &row.target,
            row.consultation.as_deref().unwrap_or_default(),
            &row.issues.join(";"),
            row.draft.as_deref().unwrap_or_default(),
            &row.contribution.map(|c| c.to_string()).unwrap_or_default(),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECIDIM_STYLE: &str = "\
id,parent_id,title/en,description/en,start_date,end_date,status,progress,category/id,entity,action_lines
1,,Connect rural schools,All schools of the north,2026-01-01,2027-12-31,In progress,40.0,3,Example Ministry (invented),C2;C7
2,1,Connect 50 schools,,2026-01-01,2026-12-31,achieved,,3,Example Ministry (invented),c2
";

    #[test]
    fn a_decidim_style_file_is_read_and_written_back() {
        let rows = read_results(DECIDIM_STYLE.as_bytes()).expect("reads");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].status, CommitmentStatus::InProgress);
        assert_eq!(rows[0].progress.percent(), 40);
        assert_eq!(rows[0].action_lines, ["C2", "C7"]);
        assert_eq!(rows[1].parent_id.as_deref(), Some("1"));
        assert_eq!(rows[1].progress, Progress::DONE, "achieved means 100 %");
        let written = write_results(&rows);
        assert_eq!(read_results(written.as_bytes()).expect("reads its own"), rows);
    }

    #[test]
    fn a_bad_file_is_refused_with_its_line_and_field() {
        let refused = |csv: &str| read_results(csv.as_bytes()).expect_err("refused");
        let header = "id,title/en,entity,action_lines,start_date,end_date,status,progress\n";
        let e = refused(&format!("{header}1,Title,Ministry,C2,,,,\n2,Title,Ministry,C12,,,,\n"));
        assert_eq!((e.line, e.field.as_str()), (3, "action_lines"));
        assert_eq!(e.problem, ResultsProblem::UnknownActionLine("C12".into()));
        let e = refused(&format!("{header}1,Title,Ministry,C2,2026-02-30,,,\n"));
        assert_eq!((e.line, e.field.as_str()), (2, "start_date"));
        let e = refused(&format!("{header}1,Title,Ministry,C2,2027-01-01,2026-01-01,,\n"));
        assert_eq!(e.problem, ResultsProblem::EndBeforeStart);
        let e = refused(&format!("{header}1,Title,Ministry,C2,,,finished,\n"));
        assert_eq!((e.line, e.field.as_str()), (2, "status"));
        let e = refused(&format!("{header}1,Title,Ministry,C2,,,,140\n"));
        assert_eq!(e.problem, ResultsProblem::BadProgress("140".into()));
        let e = refused(&format!("{header}1,Title,Ministry,C2,,,achieved,50\n"));
        assert_eq!(e.problem, ResultsProblem::AchievedBelowDone);
        let e = refused(&format!("{header}1,Title,Ministry,C2,,,,\n1,Other,Ministry,C3,,,,\n"));
        assert_eq!((e.line, e.problem.clone()), (3, ResultsProblem::DuplicateId("1".into())));
        let e = refused(&format!("{header}1,,Ministry,C2,,,,\n"));
        assert_eq!((e.field.as_str(), e.problem.clone()), ("title/en", ResultsProblem::Missing));
        let e = refused("id,title/en,action_lines\n1,Title,C2\n");
        assert_eq!((e.line, e.field.as_str(), e.problem.clone()), (1, "entity", ResultsProblem::MissingColumn));
        let e = refused(&format!("{header}1,Title,Ministry\n"));
        assert!(matches!(e.problem, ResultsProblem::Csv(_)), "{e}");
        let linked = "id,title/en,entity,action_lines,issues,contribution\n";
        let e = refused(&format!("{linked}1,Title,Ministry,C2,privacy;Spam!,\n"));
        assert_eq!((e.field.as_str(), e.problem.clone()), ("issues", ResultsProblem::BadIssue("Spam!".into())));
        let e = refused(&format!("{linked}1,Title,Ministry,C2,,twelve\n"));
        assert_eq!(
            (e.field.as_str(), e.problem.clone()),
            ("contribution", ResultsProblem::BadContribution("twelve".into()))
        );
    }

    proptest::proptest! {
        /// Any bytes are read without a panic: rows, or an error with a line no further than the
        /// file's.
        #[test]
        fn any_file_is_read_or_refused(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let mut file = b"id,title/en,entity,action_lines,status,progress,start_date,end_date,parent_id\n".to_vec();
            file.extend_from_slice(&body);
            match read_results(&file) {
                Ok(rows) => {
                    for row in rows {
                        proptest::prop_assert!(row.progress.percent() <= 100 && !row.action_lines.is_empty());
                    }
                }
                Err(e) => {
                    let lines = file.iter().filter(|b| **b == b'\n').count() as u64 + 1;
                    proptest::prop_assert!(e.line <= lines, "{e}");
                }
            }
        }

        /// Rows written are read back the same.
        #[test]
        fn rows_written_are_read_back(title in "[^\r]{1,80}", entity in "[a-zA-Z ]{1,40}", progress in 0u8..=99) {
            let row = CommitmentRow {
                id: "7".into(),
                parent_id: None,
                title: title.trim().to_owned(),
                description: String::new(),
                start_date: None,
                end_date: None,
                status: CommitmentStatus::InProgress,
                progress: Progress::new(progress).expect("in range"),
                entity: entity.trim().to_owned(),
                action_lines: vec!["C4".into()],
                indicator: String::new(),
                target: String::new(),
                consultation: Some("example-consultation".into()),
                issues: vec!["privacy".into(), "spam".into()],
                draft: Some("EXAMPLE/DRAFT/1".into()),
                contribution: Some(12),
            };
            proptest::prop_assume!(!row.title.is_empty() && !row.entity.is_empty());
            let read = read_results(write_results(std::slice::from_ref(&row)).as_bytes());
            proptest::prop_assert_eq!(read, Ok(vec![row]));
        }
    }
}
