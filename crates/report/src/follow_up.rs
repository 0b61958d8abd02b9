//! The follow-up record as the command line, the pages, the API and the open data use it: a
//! results file read into commitments (the consultation each names found in the record, every
//! error with its line and field, in the reader's language), the record written back as that
//! file, each action line with its facilitators and commitments, and a commitment with its
//! timeline and the chart of its progress over the years.

use consulta_followup::{
    ActionLine, CommitmentRow, CommitmentStatus, Progress, ResultsError, ResultsProblem, UpdateError, action_line,
    action_lines, read_results_by_line, write_results,
};
use consulta_i18n::{Arg, Localizer};
use consulta_store::{
    AuditActor, CommitmentFilter, CommitmentId, CommitmentUpdate, Facilitator, NewCommitment, Store, StoreError,
    StoredCommitment,
};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    #[error("{0}")]
    File(ResultsError),
    #[error("line {line}: no consultation {slug}")]
    UnknownConsultation { line: u64, slug: String },
    #[error("line {line}, field {field}: {value} is not in the record")]
    UnknownReference { line: u64, field: &'static str, value: String },
    #[error("commitment {child}: no commitment {parent} to be its parent")]
    UnknownParent { child: String, parent: String },
    #[error(transparent)]
    Update(UpdateError),
    #[error("no commitment {0}")]
    UnknownCommitment(i64),
    #[error("{0} is not an action line")]
    UnknownActionLine(String),
    #[error("no reporting round over the consultation {0}")]
    UnknownRound(String),
    #[error("the consultation {0} is a reporting round already")]
    DuplicateRound(String),
    #[error("no recorded entity {0}")]
    UnknownEntity(String),
    #[error("{value} is not one of: {allowed}")]
    BadChoice { value: String, allowed: String },
    #[error(transparent)]
    Forum(crate::forum::ForumError),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for FollowUpError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::UnknownParent { child, parent } => FollowUpError::UnknownParent { child, parent },
            StoreError::CommitmentUpdate(e) => FollowUpError::Update(e),
            StoreError::NotACommitment(n) => FollowUpError::UnknownCommitment(n),
            other => FollowUpError::Store(other),
        }
    }
}

/// A results file's problem in the reader's language.
fn problem_message(problem: &ResultsProblem, localizer: &Localizer) -> String {
    let value = |key: &str, value: &str| localizer.format(key, &[("value", value.to_owned().into())]);
    match problem {
        ResultsProblem::TooLarge => localizer.text("follow-up-problem-too-large"),
        ResultsProblem::TooMany => localizer.text("follow-up-problem-too-many"),
        ResultsProblem::Csv(e) => value("follow-up-problem-csv", e),
        ResultsProblem::MissingColumn => localizer.text("follow-up-problem-missing-column"),
        ResultsProblem::Missing => localizer.text("follow-up-problem-missing"),
        ResultsProblem::TooLong(n) => {
            localizer.format("follow-up-problem-too-long", &[("count", Arg::Number(*n as f64))])
        }
        ResultsProblem::UnknownActionLine(v) => value("follow-up-problem-action-line", v),
        ResultsProblem::BadDate(v) => value("follow-up-problem-date", v),
        ResultsProblem::EndBeforeStart => localizer.text("follow-up-problem-end-before-start"),
        ResultsProblem::BadStatus(v) => value("follow-up-problem-status", v),
        ResultsProblem::BadProgress(v) => value("follow-up-problem-progress", v),
        ResultsProblem::AchievedBelowDone => localizer.text("follow-up-problem-achieved"),
        ResultsProblem::DuplicateId(v) => value("follow-up-problem-duplicate", v),
        ResultsProblem::OwnParent => localizer.text("follow-up-problem-own-parent"),
        ResultsProblem::BadIssue(v) => value("follow-up-problem-issue", v),
        ResultsProblem::BadContribution(v) => value("follow-up-problem-contribution", v),
    }
}

impl FollowUpError {
    pub fn message(&self, localizer: &Localizer) -> String {
        match self {
            FollowUpError::File(e) => localizer.format(
                "follow-up-file-error",
                &[
                    ("line", Arg::Number(e.line as f64)),
                    ("field", e.field.clone().into()),
                    ("problem", problem_message(&e.problem, localizer).into()),
                ],
            ),
            FollowUpError::UnknownConsultation { line, slug } => localizer.format(
                "follow-up-unknown-consultation",
                &[("line", Arg::Number(*line as f64)), ("slug", slug.clone().into())],
            ),
            FollowUpError::UnknownReference { line, field, value } => localizer.format(
                "follow-up-unknown-reference",
                &[("line", Arg::Number(*line as f64)), ("field", (*field).into()), ("value", value.clone().into())],
            ),
            FollowUpError::UnknownParent { child, parent } => localizer.format(
                "follow-up-unknown-parent",
                &[("child", child.clone().into()), ("parent", parent.clone().into())],
            ),
            FollowUpError::Update(e) => update_message(e, localizer),
            FollowUpError::UnknownCommitment(n) => {
                localizer.format("follow-up-unknown-commitment", &[("number", Arg::Number(*n as f64))])
            }
            FollowUpError::UnknownActionLine(code) => {
                localizer.format("follow-up-problem-action-line", &[("value", code.clone().into())])
            }
            FollowUpError::UnknownRound(slug) => {
                localizer.format("follow-up-unknown-round", &[("slug", slug.clone().into())])
            }
            FollowUpError::DuplicateRound(slug) => {
                localizer.format("follow-up-duplicate-round", &[("slug", slug.clone().into())])
            }
            FollowUpError::UnknownEntity(name) => {
                localizer.format("follow-up-unknown-entity", &[("name", name.clone().into())])
            }
            FollowUpError::BadChoice { value, allowed } => localizer.format(
                "follow-up-bad-choice",
                &[("value", value.clone().into()), ("allowed", allowed.clone().into())],
            ),
            FollowUpError::Forum(e) => e.message(localizer),
            FollowUpError::Store(e) => e.to_string(),
        }
    }
}

fn update_message(error: &UpdateError, localizer: &Localizer) -> String {
    match error {
        UpdateError::NotAllowed { from, to } => localizer.format(
            "follow-up-update-not-allowed",
            &[("from", status_name(from, localizer).into()), ("to", status_name(to, localizer).into())],
        ),
        UpdateError::AchievedBelowDone(_) => localizer.text("follow-up-problem-achieved"),
        UpdateError::ProgressBack { from, to } => localizer.format(
            "follow-up-update-progress-back",
            &[("from", Arg::Number(f64::from(*from))), ("to", Arg::Number(f64::from(*to)))],
        ),
    }
}

/// A status's name in the reader's language (`status` as the store writes it).
pub fn status_name(status: &str, localizer: &Localizer) -> String {
    localizer.text(&format!("follow-up-status-{}", status.replace('_', "-")))
}

/// The year's calendar in a sentence: who chairs UNGIS and which session the CSTD holds, both
/// computed from their rules (`consulta_followup::cycle`); None before either began.
pub fn cycle_sentence(year: i32, localizer: &Localizer) -> Option<String> {
    let chair = consulta_followup::ungis_chair(year)?;
    let (session, start, end) = consulta_followup::cstd_session(year)?;
    let args = [
        ("year", Arg::Number(f64::from(year))),
        // The organisation as the reader's language names it in a sentence (UNDP, le PNUD, ПРООН).
        ("chair", localizer.text(&format!("follow-up-org-{}", chair.to_lowercase())).into()),
        ("start", Arg::Number(f64::from(start))),
        ("end", Arg::Number(f64::from(end))),
    ];
    Some(localizer.format(&format!("follow-up-cycle-{}", session.as_str()), &args))
}

/// Reads a results file and records its commitments, all or none; gives (added, updated).
pub fn import_results(
    store: &mut dyn Store,
    bytes: &[u8],
    on: jiff::civil::Date,
    by: &AuditActor,
) -> Result<(usize, usize), FollowUpError> {
    let rows = read_results_by_line(bytes).map_err(FollowUpError::File)?;
    let mut commitments = Vec::with_capacity(rows.len());
    // A file names few consultations, each on many rows.
    let mut consultations = std::collections::HashMap::new();
    let issues: Vec<String> = store.issues()?.into_iter().map(|i| i.id.as_str().to_owned()).collect();
    for (line, row) in rows {
        let unknown = |field, value: &str| FollowUpError::UnknownReference { line, field, value: value.to_owned() };
        if let Some(issue) = row.issues.iter().find(|i| !issues.contains(i)) {
            return Err(unknown("issues", issue));
        }
        if let Some(symbol) = &row.draft
            && store.draft_by_symbol(symbol)?.is_none()
        {
            return Err(unknown("draft", symbol));
        }
        let contribution = match row.contribution {
            None => None,
            Some(number) => {
                let id = i64::try_from(number).map(consulta_core::ContributionId).ok();
                let recorded = match id {
                    Some(id) => store.contribution(id)?.map(|c| c.id),
                    None => None,
                };
                Some(recorded.ok_or_else(|| unknown("contribution", &number.to_string()))?)
            }
        };
        let consultation = match &row.consultation {
            None => None,
            Some(slug) => Some(match consultations.get(slug) {
                Some(id) => *id,
                None => {
                    let id = store
                        .consultation_by_slug(slug)?
                        .ok_or_else(|| FollowUpError::UnknownConsultation { line, slug: slug.clone() })?
                        .id;
                    consultations.insert(slug.clone(), id);
                    id
                }
            }),
        };
        // Linked to the recorded entity of that name, when there is one.
        let entity_id = crate::drafts::entity_named(store, &row.entity).ok();
        commitments.push(NewCommitment {
            external_id: Some(row.id),
            parent_external_id: row.parent_id,
            consultation,
            entity_id,
            entity: row.entity,
            title: row.title,
            description: row.description,
            action_lines: row.action_lines,
            start_date: row.start_date,
            end_date: row.end_date,
            indicator: row.indicator,
            target: row.target,
            status: row.status,
            progress: row.progress,
            issues: row.issues,
            draft: row.draft,
            contribution,
        });
    }
    Ok(store.import_commitments(&commitments, on, by)?)
}

/// The record's commitments as a results file (what `import_results` reads back).
pub fn export_results(store: &dyn Store) -> Result<String, FollowUpError> {
    let consultations: std::collections::HashMap<_, _> =
        store.consultations()?.into_iter().map(|c| (c.id, c.record.slug.to_string())).collect();
    let rows: Vec<CommitmentRow> = store
        .commitments(&CommitmentFilter::default())?
        .into_iter()
        .map(|stored| {
            let c = stored.commitment;
            CommitmentRow {
                // A commitment recorded without a file's id is known by its number.
                id: c.external_id.unwrap_or_else(|| format!("consulta-{}", stored.id.0)),
                parent_id: c.parent_external_id,
                title: c.title,
                description: c.description,
                start_date: c.start_date,
                end_date: c.end_date,
                status: c.status,
                progress: c.progress,
                entity: c.entity,
                action_lines: c.action_lines,
                indicator: c.indicator,
                target: c.target,
                consultation: c.consultation.and_then(|id| consultations.get(&id).cloned()),
                issues: c.issues,
                draft: c.draft,
                contribution: c.contribution.and_then(|id| u64::try_from(id.0).ok()),
            }
        })
        .collect();
    Ok(write_results(&rows))
}

/// Every facilitator of every year as CSV: `year,action_line,organisation,role`.
pub fn export_facilitators(store: &dyn Store) -> Result<String, FollowUpError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory fails only on a record of the wrong length, which these never are.
    let _ = writer.write_record(["year", "action_line", "organisation", "role"]);
    for f in store.facilitators(None)? {
        let _ = writer.write_record([f.year.to_string().as_str(), &f.action_line, &f.organisation, f.role.as_str()]);
    }
    Ok(String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default())
}

/// Records an update of a commitment's status and progress (checked by the store).
pub fn update_commitment(
    store: &mut dyn Store,
    id: i64,
    update: &CommitmentUpdate,
    by: &AuditActor,
) -> Result<(), FollowUpError> {
    store.update_commitment(CommitmentId(id), update, by)?;
    Ok(())
}

/// How many commitments stand at each status.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct StatusCounts {
    pub planned: usize,
    pub in_progress: usize,
    pub achieved: usize,
    pub dropped: usize,
}

impl StatusCounts {
    fn of<'a>(commitments: impl Iterator<Item = &'a StoredCommitment>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for c in commitments {
            *match c.commitment.status {
                CommitmentStatus::Planned => &mut counts.planned,
                CommitmentStatus::InProgress => &mut counts.in_progress,
                CommitmentStatus::Achieved => &mut counts.achieved,
                CommitmentStatus::Dropped => &mut counts.dropped,
            } += 1;
        }
        counts
    }
}

/// An action line as the index shows it: its facilitators of the latest year given, and how
/// its commitments stand.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActionLineSummary {
    pub code: String,
    pub title: String,
    pub year: Option<i32>,
    pub facilitators: Vec<FacilitatorView>,
    pub commitments: usize,
    pub statuses: StatusCounts,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FacilitatorView {
    pub year: i32,
    pub organisation: String,
    /// lead, co_facilitator or moderator.
    #[schema(value_type = String)]
    pub role: consulta_followup::FacilitatorRole,
}

fn facilitators_of(all: &[Facilitator], code: &str, year: Option<i32>) -> Vec<FacilitatorView> {
    all.iter()
        .filter(|f| f.action_line == code && year.is_none_or(|y| f.year == y))
        .map(|f| FacilitatorView { year: f.year, organisation: f.organisation.clone(), role: f.role })
        .collect()
}

/// Every action line with its latest facilitators and its commitments counted by status.
pub fn action_line_summaries(store: &dyn Store, language: &str) -> Result<Vec<ActionLineSummary>, FollowUpError> {
    let facilitators = store.facilitators(None)?;
    let year = facilitators.iter().map(|f| f.year).max();
    let commitments = store.commitments(&CommitmentFilter::default())?;
    Ok(action_lines()
        .iter()
        .map(|line| {
            let serving: Vec<&StoredCommitment> =
                commitments.iter().filter(|c| c.commitment.action_lines.contains(&line.code)).collect();
            ActionLineSummary {
                code: line.code.clone(),
                title: line.title(language).to_owned(),
                year,
                facilitators: facilitators_of(&facilitators, &line.code, year),
                commitments: serving.len(),
                statuses: StatusCounts::of(serving.into_iter()),
            }
        })
        .collect())
}

/// One action line: its facilitators year by year, the matrix's row, and its commitments.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActionLineView {
    pub code: String,
    pub title: String,
    pub facilitators: Vec<FacilitatorView>,
    pub statuses: StatusCounts,
    pub commitments: Vec<CommitmentSummary>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommitmentSummary {
    pub id: i64,
    pub title: String,
    pub entity: String,
    /// planned, in_progress, achieved or dropped.
    #[schema(value_type = String)]
    pub status: CommitmentStatus,
    /// Per cent, 0 to 100.
    #[schema(value_type = u8)]
    pub progress: Progress,
    pub end_date: Option<String>,
}

fn summary(c: &StoredCommitment) -> CommitmentSummary {
    CommitmentSummary {
        id: c.id.0,
        title: c.commitment.title.clone(),
        entity: c.commitment.entity.clone(),
        status: c.commitment.status,
        progress: c.commitment.progress,
        end_date: c.commitment.end_date.map(|d| d.to_string()),
    }
}

/// A filter of commitments as people ask for it: by action line, entity, status, stakeholder
/// group, UN regional group and development status (the last two read from the entity's
/// country), and issue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentQuery {
    pub action_line: Option<String>,
    pub entity: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub group: Option<String>,
    pub region: Option<consulta_core::RegionalGroup>,
    pub development: Option<consulta_core::DevelopmentStatus>,
    /// An issue of the taxonomy, by identifier.
    pub issue: Option<String>,
}

/// A value of a closed list as written (none when empty), or `BadChoice` naming the values allowed.
fn choice<T: std::str::FromStr>(value: Option<&str>, allowed: &[&str]) -> Result<Option<T>, FollowUpError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    value
        .parse()
        .map(Some)
        .map_err(|_| FollowUpError::BadChoice { value: value.to_owned(), allowed: allowed.join(", ") })
}

impl CommitmentQuery {
    /// A query as the command line's flags or a page's form give it: each field as written,
    /// empty or none for any, the closed lists checked.
    pub fn read(
        action_line: Option<&str>,
        entity: Option<&str>,
        status: Option<&str>,
        group: Option<&str>,
        region: Option<&str>,
        development: Option<&str>,
        issue: Option<&str>,
    ) -> Result<CommitmentQuery, FollowUpError> {
        let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let statuses: Vec<&str> = CommitmentStatus::ALL.iter().map(|s| s.as_str()).collect();
        let regions: Vec<&str> = consulta_core::RegionalGroup::ALL.iter().map(|r| r.as_str()).collect();
        let levels: Vec<&str> = consulta_core::DevelopmentStatus::ALL.iter().map(|d| d.as_str()).collect();
        Ok(CommitmentQuery {
            action_line: given(action_line),
            entity: given(entity),
            status: choice(status, &statuses)?,
            group: given(group),
            region: choice(region, &regions)?,
            development: choice(development, &levels)?,
            issue: given(issue),
        })
    }

    /// The store's filter: the action line checked, the region and development status as the
    /// countries that have them.
    pub fn filter(&self) -> Result<CommitmentFilter, FollowUpError> {
        let action_line = match &self.action_line {
            Some(code) => Some(known_action_line(code)?.code.clone()),
            None => None,
        };
        let countries = (self.region.is_some() || self.development.is_some()).then(|| {
            consulta_core::reference::countries_for(true)
                .filter(|c| self.region.is_none_or(|r| c.regional_group == Some(r)))
                .filter(|c| self.development.is_none_or(|d| c.development == Some(d)))
                .map(|c| c.code.as_str().to_owned())
                .collect()
        });
        Ok(CommitmentFilter {
            action_line,
            issue: self.issue.clone(),
            entity: self.entity.clone(),
            status: self.status,
            group: self.group.clone(),
            countries,
        })
    }
}

/// The commitments a filter lets through, as listed.
pub fn commitment_summaries(
    store: &dyn Store,
    filter: &CommitmentFilter,
) -> Result<Vec<CommitmentSummary>, FollowUpError> {
    Ok(store.commitments(filter)?.iter().map(summary).collect())
}

/// An action line by its code ("C7"), or `UnknownActionLine`.
pub fn known_action_line(code: &str) -> Result<&'static ActionLine, FollowUpError> {
    action_line(code).ok_or_else(|| FollowUpError::UnknownActionLine(code.to_owned()))
}

pub fn action_line_view(store: &dyn Store, code: &str, language: &str) -> Result<ActionLineView, FollowUpError> {
    let line = known_action_line(code)?;
    let filter = CommitmentFilter { action_line: Some(line.code.clone()), ..CommitmentFilter::default() };
    let commitments = store.commitments(&filter)?;
    Ok(ActionLineView {
        code: line.code.clone(),
        title: line.title(language).to_owned(),
        facilitators: facilitators_of(&store.facilitators(None)?, &line.code, None),
        statuses: StatusCounts::of(commitments.iter()),
        commitments: commitments.iter().map(summary).collect(),
    })
}

/// A commitment with its timeline.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommitmentView {
    pub id: i64,
    pub external_id: Option<String>,
    pub parent: Option<i64>,
    pub entity: String,
    pub title: String,
    pub description: String,
    pub action_lines: Vec<ActionLineRef>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub indicator: String,
    pub target: String,
    /// planned, in_progress, achieved or dropped.
    #[schema(value_type = String)]
    pub status: CommitmentStatus,
    /// Per cent, 0 to 100.
    #[schema(value_type = u8)]
    pub progress: Progress,
    pub consultation: Option<String>,
    /// The issues of the taxonomy it serves, named in the reader's language.
    pub issues: Vec<IssueRef>,
    /// The draft (its symbol) and the contribution (its number) it came from.
    pub draft: Option<String>,
    pub contribution: Option<i64>,
    pub updates: Vec<UpdateView>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IssueRef {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ActionLineRef {
    pub code: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UpdateView {
    pub on: String,
    /// planned, in_progress, achieved or dropped.
    #[schema(value_type = String)]
    pub status: CommitmentStatus,
    /// Per cent, 0 to 100.
    #[schema(value_type = u8)]
    pub progress: Progress,
    pub note: String,
}

pub fn commitment_view(store: &dyn Store, id: i64, language: &str) -> Result<CommitmentView, FollowUpError> {
    let stored = store.commitment(CommitmentId(id))?.ok_or(FollowUpError::UnknownCommitment(id))?;
    let updates = store.commitment_updates(stored.id)?;
    let c = stored.commitment;
    let consultation = match c.consultation {
        Some(id) => store.consultation(id)?.map(|c| c.record.slug.to_string()),
        None => None,
    };
    let issues = if c.issues.is_empty() {
        Vec::new()
    } else {
        let taxonomy = store.issues()?;
        c.issues
            .iter()
            .filter_map(|id| taxonomy.iter().find(|i| i.id.as_str() == id))
            .map(|i| IssueRef { id: i.id.as_str().to_owned(), label: i.label.get(language, "en").to_owned() })
            .collect()
    };
    Ok(CommitmentView {
        id,
        external_id: c.external_id,
        parent: stored.parent.map(|p| p.0),
        entity: c.entity,
        title: c.title,
        description: c.description,
        action_lines: c
            .action_lines
            .iter()
            .filter_map(|code| action_line(code))
            .map(|l| ActionLineRef { code: l.code.clone(), title: l.title(language).to_owned() })
            .collect(),
        start_date: c.start_date.map(|d| d.to_string()),
        end_date: c.end_date.map(|d| d.to_string()),
        indicator: c.indicator,
        target: c.target,
        status: c.status,
        progress: c.progress,
        consultation,
        issues,
        draft: c.draft,
        contribution: c.contribution.map(|c| c.0),
        updates: updates
            .into_iter()
            .map(|u| UpdateView { on: u.on.to_string(), status: u.status, progress: u.progress, note: u.note })
            .collect(),
    })
}

/// The chart of a commitment's progress over time, as inline SVG: a step line from update to
/// update (progress holds until the next one), over the commitment's dates where it has them
/// (so the distance left to its end shows), the years marked below, 0 and 100 % at the side.
/// `title` labels it for screen readers.
pub fn progress_chart(updates: &[UpdateView], span: (Option<&str>, Option<&str>), title: &str) -> String {
    const WIDTH: f64 = 560.0;
    const HEIGHT: f64 = 180.0;
    const LEFT: f64 = 40.0;
    const BOTTOM: f64 = 24.0;
    const TOP: f64 = 8.0;
    let day_of = |text: &str| -> Option<i64> {
        let date: jiff::civil::Date = text.parse().ok()?;
        Some(i64::from(date.since(jiff::civil::date(2000, 1, 1)).ok()?.get_days()))
    };
    let days: Vec<(i64, f64)> =
        updates.iter().filter_map(|u| Some((day_of(&u.on)?, f64::from(u.progress.percent())))).collect();
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;");
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        escape(title)
    );
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        svg.push_str("</svg>");
        return svg;
    };
    // From the commitment's start (or its first update) to its end (or its last update), and at
    // least a year wide, so one update is a level line rather than a point.
    let start = span.0.and_then(day_of).map_or(first.0, |s| s.min(first.0));
    let end = span.1.and_then(day_of).map_or(last.0, |e| e.max(last.0)).max(start + 365);
    let x = |day: i64| LEFT + (WIDTH - LEFT - 8.0) * (day - start) as f64 / (end - start) as f64;
    let y = |percent: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - percent / 100.0);
    for percent in [0.0, 50.0, 100.0] {
        let (at, right, label_x) = (y(percent), WIDTH - 8.0, LEFT - 4.0);
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" x2=\"{right}\" y1=\"{at:.1}\" y2=\"{at:.1}\" class=\"grid\"/><text x=\"{label_x}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{percent} %</text>",
            at + 4.0
        ));
    }
    let first_year =
        jiff::civil::date(2000, 1, 1).checked_add(jiff::Span::new().days(start)).map_or(2000, |d| d.year());
    let last_year = jiff::civil::date(2000, 1, 1).checked_add(jiff::Span::new().days(end)).map_or(2000, |d| d.year());
    for year in (first_year + 1)..=last_year {
        let Ok(day) = jiff::civil::date(year, 1, 1).since(jiff::civil::date(2000, 1, 1)) else { continue };
        let at = x(i64::from(day.get_days()));
        svg.push_str(&format!(
            "<line x1=\"{at:.1}\" x2=\"{at:.1}\" y1=\"{TOP}\" y2=\"{:.1}\" class=\"grid\"/><text x=\"{at:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{year}</text>",
            HEIGHT - BOTTOM,
            HEIGHT - 6.0
        ));
    }
    let mut points = Vec::new();
    for (i, (day, percent)) in days.iter().enumerate() {
        if i > 0 {
            points.push(format!("{:.1},{:.1}", x(*day), y(days[i - 1].1)));
        }
        points.push(format!("{:.1},{:.1}", x(*day), y(*percent)));
    }
    svg.push_str(&format!("<polyline class=\"progress\" points=\"{}\"/>", points.join(" ")));
    for (day, percent) in &days {
        svg.push_str(&format!("<circle class=\"progress\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\"/>", x(*day), y(*percent)));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_steps_from_update_to_update() {
        let update = |on: &str, p: u8| UpdateView {
            on: on.into(),
            status: CommitmentStatus::InProgress,
            progress: Progress::new(p).expect("in range"),
            note: String::new(),
        };
        let svg = progress_chart(
            &[update("2025-01-01", 0), update("2026-01-01", 40), update("2027-06-30", 90)],
            (None, Some("2028-12-31")),
            "C <&>",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title>C &lt;&amp;></title>"));
        assert!(svg.contains(">2026</text>") && svg.contains(">2028</text>"), "to the commitment's end");
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(
            progress_chart(&[], (None, None), "none"),
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 560 180\" xmlns=\"http://www.w3.org/2000/svg\"><title>none</title></svg>"
        );
    }
}
