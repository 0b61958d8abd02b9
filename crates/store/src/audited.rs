//! Secretariat actions that change consultations, each written to the audit log with who did
//! it: the command line and the secretariat's pages both go through these.

use consulta_core::{Consultation, Meeting, NewConsultation};
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
