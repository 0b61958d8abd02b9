//! Contributions and entities as CSV and JSON, and entities as Popolo organisations. The
//! columns are stable: a change of meaning gets a new column, never a reused name.

use consulta_core::markup::spreadsheet_safe;
use std::collections::BTreeMap;
use std::io::Write;

use consulta_core::{Consultation, EntityId};
use consulta_log::to_hex;
use consulta_store::Store;
use serde_json::{Value, json};

use crate::{Exported, Result, country_of, entity_counts, for_each_contribution};

/// The columns of `contributions.csv`, in order (docs/open-data.md says what each holds).
pub const CONTRIBUTION_COLUMNS: [&str; 24] = [
    "id",
    "consultation",
    "submitted_at",
    "entity_id",
    "entity_name",
    "stakeholder_group",
    "country",
    "regional_group",
    "development_status",
    "channel",
    "on_behalf_of",
    "meeting",
    "language",
    "identity",
    "late",
    "title",
    "body",
    "attachments",
    "record_sha256",
    "url",
    "withheld_reason",
    "attributed_entity_id",
    "record_altered",
    "campaign",
];

/// The columns of `entities.csv`, in order.
pub const ENTITY_COLUMNS: [&str; 9] = [
    "id",
    "name",
    "stakeholder_group",
    "country",
    "regional_group",
    "development_status",
    "contributions",
    "url",
    "claimed",
];

/// A contribution as one JSON object with the CSV's columns (typed: numbers, booleans, null,
/// and the attachments as an array). A withheld one keeps only its id, consultation, hash,
/// address and reason.
pub(crate) fn contribution_value(c: &Exported) -> Value {
    let url = format!("/contributions/{}", c.id.0);
    let sha256 = to_hex(&c.record_sha256);
    let Some(record) = c.published() else {
        let mut withheld = serde_json::Map::new();
        for column in CONTRIBUTION_COLUMNS {
            withheld.insert(column.to_owned(), Value::Null);
        }
        withheld.insert("id".into(), json!(c.id.0));
        withheld.insert("consultation".into(), json!(c.record.consultation));
        withheld.insert("record_sha256".into(), json!(sha256));
        withheld.insert("url".into(), json!(url));
        withheld.insert("withheld_reason".into(), json!(c.withheld_reason));
        withheld.insert("attachments".into(), json!([]));
        withheld.insert("record_altered".into(), json!(c.altered));
        return Value::Object(withheld);
    };
    let country = country_of(record.country.as_deref());
    json!({
        "id": c.id.0,
        "consultation": record.consultation,
        "submitted_at": record.submitted_at,
        "entity_id": c.entity.0,
        "entity_name": record.entity,
        "stakeholder_group": record.stakeholder_group,
        "country": record.country,
        "regional_group": country.and_then(|c| c.regional_group).map(|g| g.as_str()),
        "development_status": country.and_then(|c| c.development).map(|d| d.as_str()),
        "channel": record.channel,
        "on_behalf_of": record.on_behalf_of,
        "meeting": record.meeting,
        "language": record.language,
        "identity": record.identity.as_str(),
        "late": record.late,
        "title": record.title,
        "body": record.body,
        "attachments": record.attachments.iter().enumerate().map(|(position, a)| json!({
            "name": a.name,
            "size": a.size,
            "sha256": a.sha256,
            "url": format!("/contributions/{}/files/{position}", c.id.0),
        })).collect::<Vec<_>>(),
        "record_sha256": sha256,
        "url": url,
        "withheld_reason": Value::Null,
        "attributed_entity_id": c.attributed_to.map(|e| e.0),
        "record_altered": false,
        "campaign": c.campaign,
    })
}

/// A JSON value as a CSV cell: text as itself (made spreadsheet-safe), null as empty, arrays and
/// objects as JSON.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => spreadsheet_safe(text).into_owned(),
        Value::Array(items) if items.is_empty() => String::new(),
        other => other.to_string(),
    }
}

pub(crate) fn csv_row(value: &Value, columns: &[&str]) -> Vec<String> {
    columns.iter().map(|column| value.get(*column).map(cell).unwrap_or_default()).collect()
}

/// Writes `contributions.csv`: a header, then one row per contribution, in the order they were
/// recorded.
pub fn contributions_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CONTRIBUTION_COLUMNS)?;
    for_each_contribution(store, consultation, None, &mut |c| {
        writer.write_record(csv_row(&contribution_value(&c), &CONTRIBUTION_COLUMNS))?;
        Ok(())
    })?;
    writer.flush()?;
    Ok(())
}

/// Writes `contributions.json`: an array of contribution objects, in the order they were
/// recorded, one per line.
pub fn contributions_json(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let mut first = true;
    out.write_all(b"[")?;
    for_each_contribution(store, consultation, None, &mut |c| {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *out, &contribution_value(&c))?;
        Ok(())
    })?;
    out.write_all(b"\n]\n")?;
    Ok(())
}

/// The entities with published contributions to a consultation, as JSON objects with the CSV's
/// columns, in id order.
fn entity_values(store: &dyn Store, consultation: &Consultation) -> Result<Vec<Value>> {
    entity_values_from(store, entity_counts(store, consultation)?)
}

/// The entities of `counts` (entity → published contributions), as `entity_values` gives them.
pub(crate) fn entity_values_from(store: &dyn Store, counts: BTreeMap<EntityId, u64>) -> Result<Vec<Value>> {
    let mut values = Vec::with_capacity(counts.len());
    for (id, count) in counts {
        let Some(entity) = store.entity(id)? else { continue };
        let country = entity.country.map(|c| c.country());
        values.push(json!({
            "id": id.0,
            "name": entity.name.as_str(),
            "stakeholder_group": entity.group.as_str(),
            "country": entity.country.map(|c| c.as_str().to_owned()),
            "regional_group": country.and_then(|c| c.regional_group).map(|g| g.as_str()),
            "development_status": country.and_then(|c| c.development).map(|d| d.as_str()),
            "contributions": count,
            "url": entity_url(id),
            "claimed": entity.claimed,
        }));
    }
    Ok(values)
}

fn entity_url(id: EntityId) -> String {
    format!("/entities/{}", id.0)
}

pub fn entities_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(ENTITY_COLUMNS)?;
    for value in entity_values(store, consultation)? {
        writer.write_record(csv_row(&value, &ENTITY_COLUMNS))?;
    }
    writer.flush()?;
    Ok(())
}

pub fn entities_json(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &entity_values(store, consultation)?)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// The entities as Popolo (https://www.popoloproject.com/specs/organization.html): each an
/// organization classified by stakeholder group, with its country as an area.
pub fn entities_popolo(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, &popolo(&entity_values(store, consultation)?))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Entities (as `entity_values` gives them) as a Popolo document.
pub(crate) fn popolo(entities: &[Value]) -> Value {
    let mut areas = std::collections::BTreeMap::new();
    let organizations: Vec<Value> = entities
        .iter()
        .map(|e| {
            let country = e["country"].as_str();
            if let Some(country) = country_of(country) {
                areas.insert(
                    country.code.as_str().to_owned(),
                    json!({
                        "id": format!("iso3166-1:{}", country.code.as_str()),
                        "name": country.name_en,
                        "other_names": [{ "name": country.name_fr, "note": "fr" }],
                        "classification": "country",
                        "identifiers": [
                            { "scheme": "ISO 3166-1 alpha-2", "identifier": country.code.as_str() },
                            { "scheme": "ISO 3166-1 alpha-3", "identifier": country.alpha3 },
                        ],
                    }),
                );
            }
            json!({
                "id": format!("entity-{}", e["id"]),
                "name": e["name"],
                "classification": e["stakeholder_group"],
                "area_id": country.map(|c| format!("iso3166-1:{c}")),
                "identifiers": [{ "scheme": "consulta", "identifier": e["id"].to_string() }],
                "links": [{ "url": e["url"] }],
            })
        })
        .collect();
    json!({ "organizations": organizations, "areas": areas.into_values().collect::<Vec<_>>() })
}
