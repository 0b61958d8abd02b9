//! Rows as the database holds them, turned into the domain's types (and back): the same for
//! every backend, which only reads the columns.

use std::collections::BTreeMap;

use consulta_core::time::time_zone;
use consulta_core::{
    Account, AccountId, AttachmentEntry, CanonicalRecord, Consultation, ConsultationId, Contribution, ContributionId,
    Entity, EntityId, EntityName, Identity, Issue, Language, Localized, Matrix, Mechanism, MeetingId, NewConsultation,
    NewContribution, NewEntity, Period, ReportDetails, Slug, StakeholderGroupId,
};
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::sql::Row;
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

/// A consultation from its `CONSULTATION_COLUMNS`.
pub(crate) fn consultation(r: &mut Row) -> Result<Consultation> {
    let questions: serde_json::Value = serde_json::from_str(&r.text(9)?).map_err(corrupt)?;
    let questions = questions
        .as_array()
        .ok_or_else(|| corrupt("questions are not a JSON array"))?
        .iter()
        .map(localized_from_value)
        .collect::<Result<Vec<_>>>()?;
    Ok(Consultation {
        id: ConsultationId(r.int(0)?),
        record: NewConsultation {
            slug: r.parse::<Slug>(1, "slug")?,
            original_language: r.parse::<Language>(2, "original_language")?,
            title: localized_from_json(&r.text(3)?)?,
            description: localized_from_json(&r.text(4)?)?,
            mandate: localized_from_json(&r.text(5)?)?,
            period: Period::new(r.instant(6)?, r.instant(7)?).map_err(corrupt)?,
            time_zone: time_zone(&r.text(8)?).map_err(corrupt)?,
            questions,
            is_example: r.bool(10)?,
            unverified_allowed: r.bool(11)?,
        },
    })
}

/// Where `instance_secrets` keeps the public key of the log (a row, not a secret).
pub(crate) const LOG_PUBLIC_KEY: &str = "log_public_key";
/// Where versions before the key file kept the log's signing key; moved out on first start.
pub(crate) const LEGACY_LOG_SECRET: &str = "log_signing_key";

/// An entity from its `ENTITY_COLUMNS`.
pub(crate) fn entity(r: &mut Row) -> Result<Entity> {
    Ok(Entity {
        id: EntityId(r.int(0)?),
        name: r.parse::<EntityName>(1, "entities.name")?,
        group: r.parse::<StakeholderGroupId>(2, "entities.stakeholder_group")?,
        country: r.opt_parse(3, "entities.country")?,
        is_example: r.bool(4)?,
        claimed: r.bool(5)?,
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

/// A contribution from its `CONTRIBUTION_COLUMNS`.
pub(crate) fn contribution(r: &mut Row) -> Result<Contribution> {
    Ok(Contribution {
        id: ContributionId(r.int(0)?),
        record: NewContribution {
            consultation: ConsultationId(r.int(1)?),
            entity: EntityId(r.int(2)?),
            group: r.parse(3, "contributions.stakeholder_group")?,
            channel: r.parse(4, "contributions.channel")?,
            on_behalf_of: r.opt_parse(5, "contributions.on_behalf_of")?,
            meeting: r.opt_int(6)?.map(MeetingId),
            submitted_at: r.instant(7)?,
            language: r.parse(8, "contributions.language")?,
            title: r.text(9)?,
            body: r.text(10)?,
            late: r.bool(11)?,
            identity: Identity::parse(&r.text(12)?).ok_or_else(|| corrupt("contributions.identity"))?,
            contact_email: r.opt_text(13)?,
        },
        withheld_reason: r.opt_text(14)?,
        attributed_to: r.opt_int(15)?.map(EntityId),
    })
}

pub(crate) const ENTITY_COLUMNS: &str = "id, name, stakeholder_group, country, is_example, claimed";

pub(crate) const ACCOUNT_COLUMNS: &str = "id, email, name, role, entity_id, language";

/// An account from its `ACCOUNT_COLUMNS`, the first columns of the row.
pub(crate) fn account(r: &mut Row) -> Result<Account> {
    Ok(Account {
        id: AccountId(r.int(0)?),
        email: r.text(1)?,
        name: r.text(2)?,
        role: r.parse(3, "accounts.role")?,
        entity: r.opt_int(4)?.map(EntityId),
        language: r.text(5)?,
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

/// Every contribution of consultation `$1` by its own stakeholder group and channel, as the
/// trigger `contribution_counts_on_insert` keeps them: a few rows, however large the record.
pub(crate) const GROUP_CHANNEL_COUNTS: &str = "SELECT stakeholder_group, channel, contributions
 FROM contribution_counts WHERE consultation_id = $1";

/// The contributions of consultation `$1` not plainly counted under their own group, withheld or
/// sent without a verified identity (those the secretariat attributed among them), by their own
/// group and channel, then the group and standing they are counted under: a scan of the partial
/// index `contributions_not_plainly_counted`, which holds only them.
pub(crate) const EXCEPTION_COUNTS: &str = "SELECT c.stakeholder_group, c.channel,
        COALESCE(a.stakeholder_group, c.stakeholder_group),
        CASE WHEN c.withheld_reason IS NOT NULL THEN 'withheld'
             WHEN c.identity = 'unverified' AND c.attributed_entity_id IS NULL THEN 'unverified'
             ELSE 'counted' END,
        COUNT(*)
 FROM contributions c LEFT JOIN entities a ON a.id = c.attributed_entity_id
 WHERE c.consultation_id = $1 AND (c.withheld_reason IS NOT NULL OR c.identity = 'unverified')
 GROUP BY 1, 2, 3, 4";

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

/// A contribution's canonical record from the row of `CANONICAL_SELECT` and its files.
pub(crate) fn canonical_record(
    contribution: ContributionId,
    r: &mut Row,
    attachments: Vec<AttachmentEntry>,
) -> Result<CanonicalRecord> {
    Ok(CanonicalRecord {
        v: CanonicalRecord::VERSION,
        id: contribution.0,
        consultation: r.text(0)?,
        entity: r.text(1)?,
        stakeholder_group: r.text(2)?,
        country: r.opt_text(3)?,
        channel: r.text(4)?,
        on_behalf_of: r.opt_text(5)?,
        meeting: r.opt_text(6)?,
        submitted_at: r.instant(7)?.to_string(),
        language: r.text(8)?,
        identity: Identity::parse(&r.text(9)?).ok_or_else(|| corrupt("contributions.identity"))?,
        late: r.bool(10)?,
        title: r.text(11)?,
        body: r.text(12)?,
        attachments,
        amends: r.opt_int(13)?,
    })
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

pub(crate) fn issue_audit_value(issue: &Issue) -> Value {
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
