//! Rows as the database holds them, turned into the domain's types (and back): the same for
//! every backend, which only reads the columns.

use std::collections::BTreeMap;

use consulta_core::Channel;
use consulta_core::table::Standing;
use consulta_core::time::time_zone;
use consulta_core::{
    Account, AccountId, AttachmentEntry, CanonicalRecord, Consultation, ConsultationId, Contribution, ContributionId,
    Entity, EntityId, EntityName, Identity, Issue, Language, Localized, Matrix, Mechanism, MeetingId, NewConsultation,
    NewContribution, NewEntity, Period, ReportDetails, Slug, StakeholderGroupId,
};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::{AuditActor, AuditEntry, Extraction, Result, StoreError};

pub(crate) fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

pub(crate) fn millis(t: Timestamp) -> i64 {
    t.as_millisecond()
}

pub(crate) fn timestamp(ms: i64) -> Result<Timestamp> {
    Timestamp::from_millisecond(ms).map_err(|e| corrupt(format!("instant {ms}: {e}")))
}

pub(crate) fn localized_to_value(text: &Localized) -> serde_json::Value {
    serde_json::Value::Object(
        text.iter().map(|(k, v)| (k.to_owned(), serde_json::Value::String(v.to_owned()))).collect(),
    )
}

pub(crate) fn localized_to_json(text: &Localized) -> String {
    localized_to_value(text).to_string()
}

pub(crate) fn questions_to_json(questions: &[Localized]) -> String {
    format!("[{}]", questions.iter().map(localized_to_json).collect::<Vec<_>>().join(","))
}

pub(crate) fn localized_from_value(value: &serde_json::Value) -> Result<Localized> {
    let object = value.as_object().ok_or_else(|| corrupt("localized text is not a JSON object"))?;
    let pairs = object
        .iter()
        .map(|(k, v)| v.as_str().map(|v| (k.as_str(), v)).ok_or_else(|| corrupt("localized text is not a string")))
        .collect::<Result<Vec<_>>>()?;
    Ok(Localized::from_pairs(pairs))
}

pub(crate) fn localized_from_json(json: &str) -> Result<Localized> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(corrupt)?;
    localized_from_value(&value)
}

pub(crate) fn parse_column<T: std::str::FromStr>(value: &str, column: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e| corrupt(format!("{column}: {e}")))
}

pub(crate) const CONSULTATION_COLUMNS: &str = "id, slug, original_language, title, description, mandate, opens_at, closes_at, time_zone, questions, is_example, \
     unverified_allowed";

pub(crate) struct ConsultationRow {
    pub(crate) id: i64,
    pub(crate) slug: String,
    pub(crate) original_language: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) mandate: String,
    pub(crate) opens_at: i64,
    pub(crate) closes_at: i64,
    pub(crate) time_zone: String,
    pub(crate) questions: String,
    pub(crate) is_example: bool,
    pub(crate) unverified_allowed: bool,
}

impl ConsultationRow {
    pub(crate) fn into_consultation(self) -> Result<Consultation> {
        let questions: serde_json::Value = serde_json::from_str(&self.questions).map_err(corrupt)?;
        let questions = questions
            .as_array()
            .ok_or_else(|| corrupt("questions are not a JSON array"))?
            .iter()
            .map(localized_from_value)
            .collect::<Result<Vec<_>>>()?;
        Ok(Consultation {
            id: ConsultationId(self.id),
            record: NewConsultation {
                slug: parse_column::<Slug>(&self.slug, "slug")?,
                original_language: parse_column::<Language>(&self.original_language, "original_language")?,
                title: localized_from_json(&self.title)?,
                description: localized_from_json(&self.description)?,
                mandate: localized_from_json(&self.mandate)?,
                period: Period::new(timestamp(self.opens_at)?, timestamp(self.closes_at)?).map_err(corrupt)?,
                time_zone: time_zone(&self.time_zone).map_err(corrupt)?,
                questions,
                is_example: self.is_example,
                unverified_allowed: self.unverified_allowed,
            },
        })
    }
}

/// Where `instance_secrets` keeps the public key of the log (a row, not a secret).
pub(crate) const LOG_PUBLIC_KEY: &str = "log_public_key";
/// Where versions before the key file kept the log's signing key; moved out on first start.
pub(crate) const LEGACY_LOG_SECRET: &str = "log_signing_key";

/// An entities row as the database gives it (`ENTITY_COLUMNS`).
pub(crate) type EntityRow = (i64, String, String, Option<String>, bool, bool);

pub(crate) fn into_entity((id, name, group, country, is_example, claimed): EntityRow) -> Result<Entity> {
    Ok(Entity {
        id: EntityId(id),
        name: parse_column::<EntityName>(&name, "entities.name")?,
        group: parse_column::<StakeholderGroupId>(&group, "entities.stakeholder_group")?,
        country: country.map(|c| parse_column(&c, "entities.country")).transpose()?,
        is_example,
        claimed,
    })
}

/// The name key an entity is stored under: its name's key for the registry; for a claimed
/// identity, a key no name has (names hold no control character), so that no name ever
/// matches it and claims never collide.
pub(crate) fn entity_key(new: &NewEntity) -> Result<String> {
    if !new.claimed {
        return Ok(new.name.key());
    }
    let mut random = [0u8; 16];
    getrandom::getrandom(&mut random).map_err(|e| StoreError::Randomness(e.to_string()))?;
    Ok(format!("\u{1}claimed {}", consulta_log::to_hex(&random)))
}

/// The entity `insert_entity` just stored under `id`.
pub(crate) fn inserted_entity(id: i64, new: &NewEntity) -> Entity {
    Entity {
        id: EntityId(id),
        name: new.name.clone(),
        group: new.group.clone(),
        country: new.country,
        is_example: new.is_example,
        claimed: new.claimed,
    }
}

pub(crate) const CONTRIBUTION_COLUMNS: &str = "id, consultation_id, entity_id, stakeholder_group, channel, on_behalf_of, \
     meeting_id, submitted_at, language, title, body, late, identity, contact_email, withheld_reason, \
     attributed_entity_id";

/// A contributions row as the database gives it, before its values are checked.
pub(crate) struct ContributionRow {
    pub(crate) id: i64,
    pub(crate) consultation: i64,
    pub(crate) entity: i64,
    pub(crate) group: String,
    pub(crate) channel: String,
    pub(crate) on_behalf_of: Option<String>,
    pub(crate) meeting: Option<i64>,
    pub(crate) submitted_at: i64,
    pub(crate) language: String,
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) late: bool,
    pub(crate) identity: String,
    pub(crate) contact_email: Option<String>,
    pub(crate) withheld_reason: Option<String>,
    pub(crate) attributed_to: Option<i64>,
}

impl ContributionRow {
    pub(crate) fn into_contribution(self) -> Result<Contribution> {
        Ok(Contribution {
            id: ContributionId(self.id),
            record: NewContribution {
                consultation: ConsultationId(self.consultation),
                entity: EntityId(self.entity),
                group: parse_column(&self.group, "contributions.stakeholder_group")?,
                channel: parse_column(&self.channel, "contributions.channel")?,
                on_behalf_of: self.on_behalf_of.map(|g| parse_column(&g, "contributions.on_behalf_of")).transpose()?,
                meeting: self.meeting.map(MeetingId),
                submitted_at: timestamp(self.submitted_at)?,
                language: parse_column(&self.language, "contributions.language")?,
                title: self.title,
                body: self.body,
                late: self.late,
                identity: Identity::parse(&self.identity).ok_or_else(|| corrupt("contributions.identity"))?,
                contact_email: self.contact_email,
            },
            withheld_reason: self.withheld_reason,
            attributed_to: self.attributed_to.map(EntityId),
        })
    }
}

pub(crate) const ENTITY_COLUMNS: &str = "id, name, stakeholder_group, country, is_example, claimed";

pub(crate) const ACCOUNT_COLUMNS: &str = "id, email, name, role, entity_id, language";

pub(crate) type AccountRow = (i64, String, String, String, Option<i64>, String);

pub(crate) fn into_account((id, email, name, role, entity, language): AccountRow) -> Result<Account> {
    Ok(Account {
        id: AccountId(id),
        email,
        name,
        role: parse_column(&role, "accounts.role")?,
        entity: entity.map(EntityId),
        language,
    })
}

/// The audit entry of withholding a contribution (`reason`) or publishing it again (None).
pub(crate) fn withholding_audit(
    contribution: ContributionId,
    before: Option<&str>,
    reason: Option<&str>,
    by: &AuditActor,
) -> AuditEntry {
    let state = |reason: Option<&str>| serde_json::json!({ "withheld_reason": reason });
    AuditEntry {
        by: by.clone(),
        action: if reason.is_some() { "contribution.withhold" } else { "contribution.publish" }.to_owned(),
        subject: format!("contribution {}", contribution.0),
        before: Some(state(before)),
        after: Some(state(reason)),
    }
}

/// The audit entry of attributing an unverified contribution to a recorded entity (or of
/// taking the attribution back).
pub(crate) fn attribution_audit(
    contribution: ContributionId,
    before: Option<i64>,
    after: Option<EntityId>,
    by: &AuditActor,
) -> AuditEntry {
    let state = |entity: Option<i64>| serde_json::json!({ "attributed_entity_id": entity });
    AuditEntry {
        by: by.clone(),
        action: "contribution.attribute".to_owned(),
        subject: format!("contribution {}", contribution.0),
        before: Some(state(before)),
        after: Some(state(after.map(|e| e.0))),
    }
}

/// The counts of a consultation's contributions by stakeholder group, channel and standing
/// (`Standing`), the same statement on both backends (`?1` is the consultation): an attributed
/// contribution counts under its entity's group.
pub(crate) const STANDING_COUNTS: &str = "SELECT COALESCE(a.stakeholder_group, c.stakeholder_group), c.channel,
        CASE WHEN c.withheld_reason IS NOT NULL THEN 'withheld'
             WHEN c.identity = 'unverified' AND c.attributed_entity_id IS NULL THEN 'unverified'
             ELSE 'counted' END,
        COUNT(*)
 FROM contributions c LEFT JOIN entities a ON a.id = c.attributed_entity_id
 WHERE c.consultation_id = ?1
 GROUP BY 1, 2, 3";

/// One row of `STANDING_COUNTS`, checked.
pub(crate) fn standing_count(
    group: &str,
    channel: &str,
    standing: &str,
    n: i64,
) -> Result<(StakeholderGroupId, Channel, Standing, u64)> {
    Ok((
        parse_column(group, "contributions.stakeholder_group")?,
        parse_column(channel, "contributions.channel")?,
        Standing::parse(standing).ok_or_else(|| corrupt("standing"))?,
        u64::try_from(n).map_err(|_| corrupt("count"))?,
    ))
}

/// The audit entry of creating an account.
pub(crate) fn account_audit(account: &Account, by: &AuditActor) -> AuditEntry {
    AuditEntry {
        by: by.clone(),
        action: "account.create".to_owned(),
        subject: format!("account {}", account.id.0),
        before: None,
        after: Some(serde_json::json!({
            "email": account.email,
            "name": account.name,
            "role": account.role.as_str(),
            "entity": account.entity.map(|e| e.0),
        })),
    }
}

/// An audit entry's state before or after, stored as JSON text.
pub(crate) fn audit_json(text: Option<String>) -> Result<Option<serde_json::Value>> {
    text.map(|t| serde_json::from_str(&t).map_err(|e| corrupt(format!("audit_log: {e}")))).transpose()
}

/// The `attachments` columns (extraction, extraction_note, text) that record an extraction.
pub(crate) fn extraction_columns(outcome: &Extraction) -> (&'static str, Option<&str>, Option<&str>) {
    match outcome {
        Extraction::Pending => ("pending", None, None),
        Extraction::Done(text) => ("done", None, Some(text.as_str())),
        Extraction::Failed(reason) => ("failed", Some(reason.as_str()), None),
        Extraction::Unsupported => ("unsupported", None, None),
    }
}

pub(crate) fn extraction_from_columns(status: &str, note: Option<String>, text: Option<String>) -> Result<Extraction> {
    match status {
        "pending" => Ok(Extraction::Pending),
        "done" => Ok(Extraction::Done(text.unwrap_or_default())),
        "failed" => Ok(Extraction::Failed(note.unwrap_or_default())),
        "unsupported" => Ok(Extraction::Unsupported),
        other => Err(corrupt(format!("attachments.extraction {other}"))),
    }
}

/// The columns of a contribution that its canonical record is made of, as read.
pub(crate) struct CanonicalColumns {
    pub(crate) consultation: String,
    pub(crate) entity: String,
    pub(crate) stakeholder_group: String,
    pub(crate) country: Option<String>,
    pub(crate) channel: String,
    pub(crate) on_behalf_of: Option<String>,
    pub(crate) meeting: Option<String>,
    pub(crate) submitted_at: i64,
    pub(crate) language: String,
    pub(crate) identity: String,
    pub(crate) late: bool,
    pub(crate) title: String,
    pub(crate) body: String,
    pub(crate) amends: Option<i64>,
}

impl CanonicalColumns {
    pub(crate) fn into_record(
        self,
        contribution: ContributionId,
        attachments: Vec<AttachmentEntry>,
    ) -> Result<CanonicalRecord> {
        Ok(CanonicalRecord {
            v: CanonicalRecord::VERSION,
            id: contribution.0,
            consultation: self.consultation,
            entity: self.entity,
            stakeholder_group: self.stakeholder_group,
            country: self.country,
            channel: self.channel,
            on_behalf_of: self.on_behalf_of,
            meeting: self.meeting,
            submitted_at: timestamp(self.submitted_at)?.to_string(),
            language: self.language,
            identity: Identity::parse(&self.identity).ok_or_else(|| corrupt("contributions.identity"))?,
            late: self.late,
            title: self.title,
            body: self.body,
            attachments,
            amends: self.amends,
        })
    }
}

/// The canonical record's columns, for `WHERE c.id = <the contribution>`.
pub(crate) const CANONICAL_SELECT: &str = "SELECT k.slug, c.entity_name, c.stakeholder_group, c.country, c.channel, \
     c.on_behalf_of, m.date, c.submitted_at, c.language, c.identity, c.late, c.title, c.body, c.amends_id
     FROM contributions c
     JOIN consultations k ON k.id = c.consultation_id
     LEFT JOIN meetings m ON m.id = c.meeting_id";

// The issue taxonomy.

pub(crate) fn terms_to_json(issue: &Issue) -> String {
    serde_json::to_string(&issue.terms).unwrap_or_else(|_| "{}".to_owned())
}

pub(crate) fn functions_to_json(mechanism: &Mechanism) -> String {
    serde_json::Value::from(mechanism.functions.iter().map(|f| f.as_str()).collect::<Vec<_>>()).to_string()
}

pub(crate) fn audit_value(issue: &Issue) -> Value {
    json!({
        "labels": localized_to_value(&issue.label),
        "terms": issue.terms,
        "needed_level": issue.needed_level.as_str(),
    })
}

pub(crate) fn mechanism_audit_value(mechanism: &Mechanism) -> Value {
    json!({
        "acronyms": localized_to_value(&mechanism.acronym),
        "names": localized_to_value(&mechanism.name),
        "level": mechanism.level.as_str(),
        "functions": mechanism.functions.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
    })
}

pub(crate) fn matrix_value(matrix: &Matrix) -> Value {
    matrix.pairs().map(|(i, m)| json!([i.as_str(), m.as_str()])).collect()
}

pub(crate) fn issue_from_columns(id: &str, labels: &str, terms: &str, level: &str) -> Result<Issue> {
    Ok(Issue {
        id: parse_column(id, "issues.id")?,
        label: localized_from_json(labels)?,
        terms: serde_json::from_str::<BTreeMap<String, Vec<String>>>(terms).map_err(corrupt)?,
        needed_level: parse_column(level, "issues.needed_level")?,
    })
}

/// A mechanism from its columns: id, acronyms, names, level, functions.
pub(crate) fn mechanism_from_columns([id, acronyms, names, level, functions]: [&str; 5]) -> Result<Mechanism> {
    let functions: Vec<String> = serde_json::from_str(functions).map_err(corrupt)?;
    Ok(Mechanism {
        id: parse_column(id, "mechanisms.id")?,
        acronym: localized_from_json(acronyms)?,
        name: localized_from_json(names)?,
        level: parse_column(level, "mechanisms.level")?,
        functions: functions.iter().map(|f| parse_column(f, "mechanisms.functions")).collect::<Result<_>>()?,
    })
}

/// The leaves' record hashes found for some contributions, put in the order they were asked.
pub(crate) fn recorded_in_order(
    contributions: &[ContributionId],
    found: Vec<(i64, Vec<u8>)>,
) -> Result<Vec<Option<consulta_log::Hash>>> {
    let mut by_id = std::collections::HashMap::with_capacity(found.len());
    for (id, hash) in found {
        let hash: consulta_log::Hash = hash.try_into().map_err(|_| corrupt("log_leaves.record_sha256"))?;
        by_id.insert(id, hash);
    }
    Ok(contributions.iter().map(|id| by_id.get(&id.0).copied()).collect())
}

/// The write `probe_write` commits: a row of `job_leases` no job has, made and removed.
pub(crate) const PROBE_WRITE: [&str; 2] = [
    "INSERT INTO job_leases (job, holder, expires_at) VALUES ('write-probe', '', 0) ON CONFLICT (job) DO NOTHING",
    "DELETE FROM job_leases WHERE job = 'write-probe'",
];

/// Contributions from one sender (`set_sender_key`) since a time.
pub(crate) const FROM_SENDER_SINCE: &str =
    "SELECT COUNT(*) FROM contributions WHERE sender_key = ?1 AND submitted_at >= ?2";
pub(crate) const SET_SENDER_KEY: &str = "UPDATE contributions SET sender_key = ?2 WHERE id = ?1";

/// The rate limits' statements, the same on both backends (written with `?N` placeholders;
/// `numbered` gives PostgreSQL's `$N`).
pub(crate) const RATE_EVENTS_SINCE: &str =
    "SELECT COUNT(*), MAX(at) FROM rate_events WHERE scope = ?1 AND subject = ?2 AND at >= ?3";
pub(crate) const RECORD_RATE_EVENT: &str = "INSERT INTO rate_events (scope, subject, at) VALUES (?1, ?2, ?3)";
pub(crate) const FORGET_RATE_EVENTS: &str = "DELETE FROM rate_events WHERE scope = ?1 AND subject = ?2";
pub(crate) const PRUNE_RATE_EVENTS: &str = "DELETE FROM rate_events WHERE scope = ?1 AND at < ?2";

/// A statement written with SQLite's `?N` placeholders, with PostgreSQL's `$N` instead.
/// The secretariat's details of a consultation's report, as JSON.
pub(crate) const REPORT_DETAILS_OF: &str = "SELECT details FROM report_details WHERE consultation_id = ?1";
pub(crate) const SET_REPORT_DETAILS: &str = "INSERT INTO report_details (consultation_id, details, updated_at) \
     VALUES (?1, ?2, ?3) ON CONFLICT (consultation_id) DO UPDATE SET details = excluded.details, updated_at = excluded.updated_at";

/// Report details as stored; a row that does not read is a damaged store.
pub(crate) fn report_details_from(json: Option<String>) -> Result<ReportDetails> {
    json.map_or_else(
        || Ok(ReportDetails::default()),
        |json| serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("report_details: {e}"))),
    )
}

/// The audit entry of a change of a report's details.
pub(crate) fn report_details_audit(
    consultation: ConsultationId,
    before: Option<String>,
    after: &str,
    by: &AuditActor,
) -> Result<AuditEntry> {
    let value =
        |json: &str| serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("report_details: {e}")));
    Ok(AuditEntry {
        by: by.clone(),
        action: "report.details".to_owned(),
        subject: format!("consultation {}", consultation.0),
        before: before.as_deref().map(value).transpose()?,
        after: Some(value(after)?),
    })
}

/// Report details as stored, and as the audit log shows them.
pub(crate) fn report_details_json(details: &ReportDetails) -> Result<String> {
    serde_json::to_string(details).map_err(|e| StoreError::Corrupt(format!("report_details: {e}")))
}

pub(crate) fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}
