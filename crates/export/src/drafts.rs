//! Drafts as open data: every amendment to a consultation's drafts (`amendments.csv`, each with
//! the hash its leaf of the public log commits to), and the drafts whole (`drafts.json`: every
//! revision's structure, the paragraphs agreed ad referendum, the amendments and where they
//! stand).

use std::collections::HashMap;
use std::io::Write;

use consulta_core::Consultation;
use consulta_drafting::Change;
use consulta_store::{Store, StoredAmendment};
use serde_json::{Value, json};

use crate::{Result, spreadsheet_safe};

pub const AMENDMENT_COLUMNS: [&str; 18] = [
    "draft",
    "number",
    "revision",
    "place",
    "change",
    "words",
    "proposed_text",
    "justification",
    "proposer",
    "supporters",
    "opponents",
    "status",
    "decided_revision",
    "merged_into",
    "proposed_at",
    "leaf_index",
    "record_sha256",
    "consultation",
];

/// The change's kind, the words it replaces, and the text it proposes.
fn change_columns(change: &Change) -> (&'static str, &str, &str) {
    match change {
        Change::Replace { from, to } => ("replace", from, to),
        Change::Delete => ("delete", "", ""),
        Change::InsertAfter { text } => ("insert_after", "", text),
    }
}

/// The record hash of every amendment's leaf, by the amendment's row.
fn leaf_hashes(store: &dyn Store) -> Result<HashMap<i64, [u8; 32]>> {
    Ok(store.amendment_leaves()?.into_iter().map(|(id, _, hash)| (id.0, hash)).collect())
}

/// Writes `amendments.csv`: every amendment to every draft of the consultation, by draft symbol
/// and number.
pub fn amendments_csv(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let leaves = leaf_hashes(store)?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(AMENDMENT_COLUMNS)?;
    for draft in store.drafts(consultation.id)? {
        for a in store.draft_amendments(draft.id)? {
            let (kind, words, proposed) = change_columns(&a.amendment.change);
            let optional = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
            writer.write_record([
                spreadsheet_safe(&draft.symbol).into_owned(),
                a.number.to_string(),
                a.revision.to_string(),
                a.amendment.place.to_string(),
                kind.to_owned(),
                spreadsheet_safe(words).into_owned(),
                spreadsheet_safe(proposed).into_owned(),
                spreadsheet_safe(&a.justification).into_owned(),
                a.proposer.as_ref().map(|(_, name)| spreadsheet_safe(name).into_owned()).unwrap_or_default(),
                spreadsheet_safe(&a.supporters.join("; ")).into_owned(),
                spreadsheet_safe(&a.opponents.join("; ")).into_owned(),
                a.status.as_str().to_owned(),
                optional(a.decided_revision),
                optional(a.merged_into),
                a.proposed_at.to_string(),
                a.leaf_index.map(|l| l.to_string()).unwrap_or_default(),
                leaves.get(&a.id.0).map(|h| consulta_log::to_hex(h)).unwrap_or_default(),
                consultation.record.slug.as_str().to_owned(),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

fn amendment_value(a: &StoredAmendment, leaves: &HashMap<i64, [u8; 32]>) -> Value {
    json!({
        "number": a.number,
        "revision": a.revision,
        "place": a.amendment.place.to_string(),
        "change": a.amendment.change,
        "justification": a.justification,
        "proposer": a.proposer.as_ref().map(|(_, name)| name),
        "supporters": a.supporters,
        "opponents": a.opponents,
        "status": a.status.as_str(),
        "decided_revision": a.decided_revision,
        "merged_into": a.merged_into,
        "proposed_at": a.proposed_at.to_string(),
        "leaf_index": a.leaf_index,
        "record_sha256": leaves.get(&a.id.0).map(|h| consulta_log::to_hex(h)),
    })
}

/// Writes `drafts.json`: an array of the consultation's drafts, each with every revision's
/// structure (numbers are derived from place, as `draft show --format json` gives it), the
/// latest revision's paragraphs agreed ad referendum, and its amendments.
pub fn drafts_json(store: &dyn Store, consultation: &Consultation, out: &mut dyn Write) -> Result<()> {
    let leaves = leaf_hashes(store)?;
    let mut values = Vec::new();
    for draft in store.drafts(consultation.id)? {
        let mut revisions = Vec::with_capacity(draft.revision as usize + 1);
        for revision in 0..=draft.revision {
            let text = store.draft_revision(draft.id, revision)?;
            revisions.push(json!({ "revision": revision, "text": text }));
        }
        let amendments: Vec<Value> =
            store.draft_amendments(draft.id)?.iter().map(|a| amendment_value(a, &leaves)).collect();
        values.push(json!({
            "symbol": draft.symbol,
            "consultation": consultation.record.slug.as_str(),
            "language": draft.language,
            "status": draft.status.as_str(),
            "latest": draft.revision,
            "agreed": draft.agreed.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "revisions": revisions,
            "amendments": amendments,
        }));
    }
    serde_json::to_writer_pretty(&mut *out, &values)?;
    out.write_all(b"\n")?;
    Ok(())
}
