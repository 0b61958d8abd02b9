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

/// Where the entity listings go: any of CSV, JSON and Popolo, written as the entities are read.
#[derive(Default)]
pub(crate) struct EntityListings<'a> {
    pub csv: Option<&'a mut dyn Write>,
    pub json: Option<&'a mut dyn Write>,
    pub popolo: Option<&'a mut dyn Write>,
}

/// Writes the listings of the entities with published contributions to a consultation, in id
/// order, each entity as a JSON object with the CSV's columns.
fn write_entities(store: &dyn Store, consultation: &Consultation, listings: EntityListings<'_>) -> Result<()> {
    write_entities_of(store, entity_counts(store, consultation)?, listings)
}

/// The same for the entities of `counts` (entity → published contributions): one entity in
/// memory at a time, whatever their number.
pub(crate) fn write_entities_of(
    store: &dyn Store,
    counts: BTreeMap<EntityId, u64>,
    listings: EntityListings<'_>,
) -> Result<()> {
    let mut csv = listings.csv.map(csv::Writer::from_writer);
    if let Some(csv) = &mut csv {
        csv.write_record(ENTITY_COLUMNS)?;
    }
    let mut json = listings.json.map(JsonArray::open).transpose()?;
    let mut popolo = match listings.popolo {
        Some(out) => {
            out.write_all(b"{\n\"organizations\": ")?;
            Some((JsonArray::open(out)?, BTreeMap::new()))
        }
        None => None,
    };
    for (id, count) in counts {
        let Some(entity) = store.entity(id)? else { continue };
        let country = entity.country.map(|c| c.country());
        let value = json!({
            "id": id.0,
            "name": entity.name.as_str(),
            "stakeholder_group": entity.group.as_str(),
            "country": entity.country.map(|c| c.as_str().to_owned()),
            "regional_group": country.and_then(|c| c.regional_group).map(|g| g.as_str()),
            "development_status": country.and_then(|c| c.development).map(|d| d.as_str()),
            "contributions": count,
            "url": entity_url(id),
            "claimed": entity.claimed,
        });
        if let Some(csv) = &mut csv {
            csv.write_record(csv_row(&value, &ENTITY_COLUMNS))?;
        }
        if let Some((organizations, areas)) = &mut popolo {
            organizations.push(&popolo_organization(&value, areas))?;
        }
        if let Some(json) = &mut json {
            json.push(&value)?;
        }
    }
    if let Some(mut csv) = csv {
        csv.flush()?;
    }
    if let Some(json) = json {
        json.close()?.write_all(b"\n")?;
    }
    if let Some((organizations, areas)) = popolo {
        let out = organizations.close()?;
        out.write_all(b",\n\"areas\": ")?;
        serde_json::to_writer_pretty(&mut *out, &areas.into_values().collect::<Vec<_>>())?;
        out.write_all(b"\n}\n")?;
    }
    Ok(())
}

/// A JSON array written element by element.
struct JsonArray<'a> {
    out: &'a mut dyn Write,
    empty: bool,
}

impl<'a> JsonArray<'a> {
    fn open(out: &'a mut dyn Write) -> Result<JsonArray<'a>> {
        out.write_all(b"[")?;
        Ok(JsonArray { out, empty: true })
    }

    fn push(&mut self, element: &Value) -> Result<()> {
        self.out.write_all(if self.empty { b"\n" } else { b",\n" })?;
        serde_json::to_writer_pretty(&mut *self.out, element)?;
        self.empty = false;
        Ok(())
    }

    fn close(self) -> Result<&'a mut dyn Write> {
        self.out.write_all(if self.empty { b"]" } else { b"\n]" })?;
        Ok(self.out)
    }
}

fn entity_url(id: EntityId) -> String {
    format!("/entities/{}", id.0)
}

pub fn entities_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    write_entities(store, consultation, EntityListings { csv: Some(out), ..Default::default() })
}

pub fn entities_json(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    write_entities(store, consultation, EntityListings { json: Some(out), ..Default::default() })
}

/// The entities as Popolo (https://www.popoloproject.com/specs/organization.html): each an
/// organization classified by stakeholder group, with its country as an area.
pub fn entities_popolo(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    write_entities(store, consultation, EntityListings { popolo: Some(out), ..Default::default() })
}

/// An entity (as `write_entities_of` reads it) as a Popolo organization; its country is added to
/// `areas`.
fn popolo_organization(e: &Value, areas: &mut BTreeMap<String, Value>) -> Value {
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
}
