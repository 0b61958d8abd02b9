//! Reporting rounds as the command line, the pages and the annual report use them: a round is a
//! consultation through which invited organisations file their progress reports (each one a
//! contribution, with its receipt and its leaf in the public log); who has reported, who is
//! late once the consultation has closed, who is still due; and reminders by email to the focal
//! points of those who have not reported.

use consulta_core::{Consultation, ConsultationStatus, EntityId};
use consulta_followup::action_line;
use consulta_i18n::{Arg, Localizer};
use consulta_store::{AuditActor, NewMail, NewRound, Store, StoreError, StoredRound};
use jiff::Timestamp;
use serde::Serialize;

use crate::follow_up::FollowUpError;

/// Where an invited organisation stands in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Reported,
    /// Not reported, and the round has closed.
    Late,
    /// Not reported yet, the round still open.
    Due,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Reported => "reported",
            Standing::Late => "late",
            Standing::Due => "due",
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InviteeView {
    pub entity: i64,
    pub name: String,
    pub standing: Standing,
    /// The report: its contribution's number and when it came (RFC 3339).
    pub report: Option<i64>,
    pub reported_at: Option<String>,
    pub reminded_at: Option<String>,
}

/// A round as the pages and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RoundView {
    /// The consultation's slug and title.
    pub consultation: String,
    pub title: String,
    pub year: i32,
    pub action_lines: Vec<String>,
    /// When reports are due (RFC 3339): the last instant before the consultation closes.
    pub deadline: String,
    /// The last day reports are taken, in the consultation's time zone (YYYY-MM-DD).
    pub last_day: String,
    pub open: bool,
    pub invitees: Vec<InviteeView>,
    pub reported: usize,
    pub late: usize,
    /// The Commission's session the year's reports inform: the one it holds the year after.
    pub informs: Option<SessionView>,
}

/// A session of the Commission on Science and Technology for Development, computed from its
/// two-year cycle (seeds/004 §32–33).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SessionView {
    pub year: i32,
    /// review or policy.
    pub session: String,
    /// The cycle's first and last years.
    pub cycle_start: i32,
    pub cycle_end: i32,
}

pub(crate) fn view(round: &StoredRound, consultation: &Consultation, language: &str, now: Timestamp) -> RoundView {
    let open = consultation.status(now) != ConsultationStatus::Closed;
    let record = &consultation.record;
    let invitees: Vec<InviteeView> = round
        .invitees
        .iter()
        .map(|i| InviteeView {
            entity: i.entity.0,
            name: i.name.clone(),
            standing: match (&i.report, open) {
                (Some(_), _) => Standing::Reported,
                (None, true) => Standing::Due,
                (None, false) => Standing::Late,
            },
            report: i.report.map(|(id, _)| id.0),
            reported_at: i.report.map(|(_, at)| at.to_string()),
            reminded_at: i.reminded_at.map(|at| at.to_string()),
        })
        .collect();
    RoundView {
        consultation: record.slug.to_string(),
        title: record.title.get(language, record.original_language.primary()).to_owned(),
        year: round.year,
        action_lines: round.action_lines.clone(),
        deadline: record.period.last_instant().to_string(),
        last_day: record.period.last_instant().to_zoned(record.time_zone.clone()).date().to_string(),
        open,
        reported: invitees.iter().filter(|i| i.standing == Standing::Reported).count(),
        late: invitees.iter().filter(|i| i.standing == Standing::Late).count(),
        invitees,
        informs: consulta_followup::cstd_session(round.year + 1).map(|(session, cycle_start, cycle_end)| SessionView {
            year: round.year + 1,
            session: session.as_str().to_owned(),
            cycle_start,
            cycle_end,
        }),
    }
}

/// Every round, as seen at `now`.
pub fn rounds(store: &dyn Store, language: &str, now: Timestamp) -> Result<Vec<RoundView>, FollowUpError> {
    let mut views = Vec::new();
    for round in store.rounds()? {
        if let Some(consultation) = store.consultation(round.consultation)? {
            views.push(view(&round, &consultation, language, now));
        }
    }
    Ok(views)
}

/// The round over consultation `slug`, with its consultation.
fn stored_round(store: &dyn Store, slug: &str) -> Result<(StoredRound, Consultation), FollowUpError> {
    let unknown = || FollowUpError::UnknownRound(slug.to_owned());
    let consultation = store.consultation_by_slug(slug)?.ok_or_else(unknown)?;
    let round = store.round(consultation.id)?.ok_or_else(unknown)?;
    Ok((round, consultation))
}

/// The round over consultation `slug`.
pub fn round(store: &dyn Store, slug: &str, language: &str, now: Timestamp) -> Result<RoundView, FollowUpError> {
    let (round, consultation) = stored_round(store, slug)?;
    Ok(view(&round, &consultation, language, now))
}

/// The rounds an entity is invited to, as seen at `now`: what its focal point has to report.
pub fn rounds_of(
    store: &dyn Store,
    entity: EntityId,
    language: &str,
    now: Timestamp,
) -> Result<Vec<RoundView>, FollowUpError> {
    Ok(rounds(store, language, now)?.into_iter().filter(|r| r.invitees.iter().any(|i| i.entity == entity.0)).collect())
}

/// Opens a round over the consultation `slug` for `year` and `action_lines` (codes as people
/// write them), inviting the entities named (recorded ones, by name) and those `chosen` (as an
/// invitation campaign chooses them).
pub fn open_round(
    store: &mut dyn Store,
    slug: &str,
    year: i32,
    action_lines: &[String],
    invitees: &[String],
    chosen: &[EntityId],
    by: &AuditActor,
) -> Result<(), FollowUpError> {
    let consultation = store.consultation_by_slug(slug)?.ok_or_else(|| FollowUpError::UnknownRound(slug.to_owned()))?;
    let mut codes = Vec::new();
    for code in action_lines {
        let line = action_line(code).ok_or_else(|| FollowUpError::UnknownActionLine(code.clone()))?;
        if !codes.contains(&line.code) {
            codes.push(line.code.clone());
        }
    }
    if codes.is_empty() {
        return Err(FollowUpError::UnknownActionLine(String::new()));
    }
    let mut entities = Vec::new();
    for name in invitees {
        let entity =
            crate::drafts::entity_named(store, name).map_err(|_| FollowUpError::UnknownEntity(name.clone()))?;
        entities.push(entity);
    }
    for entity in chosen {
        if !entities.contains(entity) {
            entities.push(*entity);
        }
    }
    let round = NewRound { consultation: consultation.id, year, action_lines: codes, invitees: entities };
    store.open_round(&round, by).map_err(|e| match e {
        StoreError::DuplicateRound => FollowUpError::DuplicateRound(slug.to_owned()),
        other => other.into(),
    })
}

/// Queues a reminder to every focal point of each invitee of the round that has not reported,
/// in its own language, linking to the round's consultation under `public_url`; gives how many
/// emails were queued. Nothing is sent once the round has closed.
pub fn remind(store: &mut dyn Store, slug: &str, public_url: &str, by: &AuditActor) -> Result<usize, FollowUpError> {
    let (round, consultation) = stored_round(store, slug)?;
    let view = view(&round, &consultation, consultation.record.original_language.primary(), by.at);
    if !view.open {
        return Ok(0);
    }
    let mut mails = Vec::new();
    let mut reminded = Vec::new();
    for invitee in view.invitees.iter().filter(|i| i.standing == Standing::Due) {
        for account in store.focal_points_of(EntityId(invitee.entity))? {
            let localizer = Localizer::for_language(&account.language).unwrap_or_default();
            let record = &consultation.record;
            let args = [
                ("name", Arg::Text(account.name.clone())),
                ("entity", Arg::Text(invitee.name.clone())),
                (
                    "round",
                    Arg::Text(record.title.get(localizer.language(), record.original_language.primary()).to_owned()),
                ),
                ("year", Arg::Number(f64::from(view.year))),
                (
                    "deadline",
                    Arg::Text(localizer.date(record.period.last_instant().to_zoned(record.time_zone.clone()).date())),
                ),
                (
                    "link",
                    Arg::Text(format!("{}/consultations/{}", public_url.trim_end_matches('/'), view.consultation)),
                ),
            ];
            mails.push(NewMail {
                to: account.email.clone(),
                subject: localizer.format("follow-up-reminder-subject", &args),
                body: localizer.format("follow-up-reminder-body", &args),
                created_at: by.at,
                attachment: None,
            });
        }
        reminded.push(EntityId(invitee.entity));
    }
    let mut transaction = store.begin()?;
    transaction.queue_mails(&mails)?;
    transaction.commit()?;
    store.mark_reminded(consultation.id, &reminded, by.at)?;
    Ok(mails.len())
}
