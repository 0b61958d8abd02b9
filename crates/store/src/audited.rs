//! Secretariat actions that change consultations or how a contribution is counted, each
//! written to the audit log with who did it: the command line and the secretariat's pages both
//! go through these.

use consulta_core::{Consultation, ContributionId, Entity, EntityName, Meeting, NewConsultation};
use jiff::civil::Date;
use serde_json::json;

use crate::{AuditActor, AuditEntry, Result, Store};

fn audit(
    store: &mut dyn Store,
    by: &AuditActor,
    action: &str,
    consultation: &Consultation,
    after: serde_json::Value,
) -> Result<()> {
    store.record_audit(&AuditEntry {
        by: by.clone(),
        action: action.to_owned(),
        subject: format!("consultation {}", consultation.record.slug.as_str()),
        before: None,
        after: Some(after),
    })
}

pub fn create_consultation(store: &mut dyn Store, new: &NewConsultation, by: &AuditActor) -> Result<Consultation> {
    let consultation = store.create_consultation(new)?;
    let language = new.original_language.primary();
    let after = json!({
        "title": new.title.get(language, language),
        "opens": new.period.opens().to_string(),
        "closes": new.period.last_instant().to_string(),
        "time_zone": consulta_core::time::zone_name(&new.time_zone),
        "unverified_allowed": new.unverified_allowed,
    });
    audit(store, by, "consultation.create", &consultation, after)?;
    Ok(consultation)
}

/// Records a consultation's texts as they now are, after a translation into `language`.
pub fn translate_consultation(
    store: &mut dyn Store,
    consultation: &Consultation,
    language: &str,
    by: &AuditActor,
) -> Result<()> {
    store.update_consultation_texts(consultation)?;
    let title = consultation.record.title.get(language, consultation.record.original_language.primary());
    audit(store, by, "consultation.translate", consultation, json!({ "language": language, "title": title }))
}

pub fn add_meeting(
    store: &mut dyn Store,
    consultation: &Consultation,
    date: Date,
    place: &str,
    by: &AuditActor,
) -> Result<Meeting> {
    let meeting = store.add_meeting(consultation.id, date, place)?;
    audit(store, by, "meeting.add", consultation, json!({ "date": date.to_string(), "place": place }))?;
    Ok(meeting)
}

/// The recorded entity of the registry named `name` (case and spacing ignored), if any; never a
/// claimed identity.
pub fn recorded_entity(store: &mut dyn Store, name: &EntityName) -> Result<Option<Entity>> {
    // The lookup is the one intake makes inside its writing transaction; nothing is written.
    store.begin()?.entity_by_name(name)
}

/// Why an attribution was refused.
#[derive(Debug, thiserror::Error)]
pub enum AttributionError {
    #[error("no contribution {0}")]
    UnknownContribution(i64),
    #[error("no recorded entity named {0}")]
    UnknownEntity(String),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

/// Attributes unverified contribution `contribution` to the recorded entity named `entity`
/// (None: takes the attribution back), audited. Returns the entity.
pub fn attribute(
    store: &mut dyn Store,
    contribution: ContributionId,
    entity: Option<&str>,
    by: &AuditActor,
) -> std::result::Result<Option<Entity>, AttributionError> {
    let entity = match entity {
        Some(name) => {
            let unknown = || AttributionError::UnknownEntity(name.trim().to_owned());
            let parsed: EntityName = name.parse().map_err(|_| unknown())?;
            Some(recorded_entity(store, &parsed)?.ok_or_else(unknown)?)
        }
        None => None,
    };
    if !store.attribute(contribution, entity.as_ref().map(|e| e.id), by)? {
        return Err(AttributionError::UnknownContribution(contribution.0));
    }
    Ok(entity)
}
