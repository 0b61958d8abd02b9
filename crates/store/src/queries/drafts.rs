//! Drafts as the database keeps them: one row per draft (its symbol, language and status) and
//! one per revision, holding the whole structure as JSON; numbers are derived, never stored.

use consulta_core::{ConsultationId, EntityId};
use consulta_drafting::{Amendment, Draft};

use crate::queries::audit::insert_audit;
use crate::rows::{millis, timestamp};
use crate::sql::{Failure, Row, Sql, args};
use crate::{AmendmentId, AuditActor, AuditEntry, DraftId, NewDraft, Result, StoreError, StoredAmendment, StoredDraft};

fn structure_json(text: &Draft) -> Result<String> {
    serde_json::to_string(text).map_err(|e| StoreError::Corrupt(format!("a draft's structure: {e}")))
}

fn structure(json: &str) -> Result<Draft> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("draft_revisions.structure: {e}")))
}

pub(crate) fn add(sql: &mut dyn Sql, new: &NewDraft<'_>, by: &AuditActor) -> Result<StoredDraft> {
    let at = millis(by.at);
    let inserted = sql.row(
        "INSERT INTO drafts (consultation_id, symbol, language, status, created_at)
         VALUES ($1, $2, $3, 'proposal', $4) RETURNING id",
        args![new.consultation.0, new.symbol, new.language, at],
    );
    let id = match inserted {
        Err(e) if e.failure() == Some(Failure::Unique) => {
            return Err(StoreError::DuplicateDraft(new.symbol.to_owned()));
        }
        other => DraftId(other?.ok_or_else(|| StoreError::Corrupt("drafts: no id returned".into()))?.int(0)?),
    };
    sql.execute(
        "INSERT INTO draft_revisions (draft_id, revision, structure, created_at) VALUES ($1, 0, $2, $3)",
        args![id.0, &structure_json(new.text)?, at],
    )?;
    insert_audit(
        sql,
        &AuditEntry {
            by: by.clone(),
            action: "draft.import".to_owned(),
            subject: format!("draft {}", new.symbol),
            before: None,
            after: Some(serde_json::json!({
                "consultation": new.consultation.0,
                "language": new.language,
                "title": new.text.title,
                "sections": new.text.sections.len(),
            })),
        },
    )?;
    Ok(StoredDraft {
        id,
        consultation: new.consultation,
        symbol: new.symbol.to_owned(),
        language: new.language.to_owned(),
        status: "proposal".to_owned(),
        revision: 0,
        text: new.text.clone(),
        created_at: by.at,
    })
}

/// A draft's row with its latest revision: `d.id, d.consultation_id, d.symbol, d.language,
/// d.status, d.created_at, r.revision, r.structure`.
const LATEST: &str =
    "SELECT d.id, d.consultation_id, d.symbol, d.language, d.status, d.created_at, r.revision, r.structure
     FROM drafts d JOIN draft_revisions r ON r.draft_id = d.id
     WHERE r.revision = (SELECT MAX(revision) FROM draft_revisions WHERE draft_id = d.id)";

fn stored(r: &mut Row) -> Result<StoredDraft> {
    Ok(StoredDraft {
        id: DraftId(r.int(0)?),
        consultation: ConsultationId(r.int(1)?),
        symbol: r.text(2)?,
        language: r.text(3)?,
        status: r.text(4)?,
        created_at: timestamp(r.int(5)?)?,
        revision: r.small(6)?,
        text: structure(&r.text(7)?)?,
    })
}

pub(crate) fn by_symbol(sql: &mut dyn Sql, symbol: &str) -> Result<Option<StoredDraft>> {
    sql.row(&format!("{LATEST} AND d.symbol = $1"), args![symbol])?.as_mut().map(stored).transpose()
}

pub(crate) fn of_consultation(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<StoredDraft>> {
    let select = format!("{LATEST} AND d.consultation_id = $1 ORDER BY d.symbol COLLATE \"C\"");
    sql.rows(&select, args![consultation.0])?.iter_mut().map(stored).collect()
}

pub(crate) fn revision(sql: &mut dyn Sql, draft: DraftId, revision: u32) -> Result<Option<Draft>> {
    let row = sql.row(
        "SELECT structure FROM draft_revisions WHERE draft_id = $1 AND revision = $2",
        args![draft.0, i64::from(revision)],
    )?;
    row.map(|mut r| structure(&r.text(0)?)).transpose()
}

fn audit(sql: &mut dyn Sql, by: &AuditActor, action: &str, subject: String, after: serde_json::Value) -> Result<()> {
    insert_audit(
        sql,
        &AuditEntry { by: by.clone(), action: action.to_owned(), subject, before: None, after: Some(after) },
    )
}

fn latest_revision(sql: &mut dyn Sql, draft: DraftId) -> Result<u32> {
    let row = sql.row("SELECT MAX(revision) FROM draft_revisions WHERE draft_id = $1", args![draft.0])?;
    row.and_then(|r| r.opt_int(0).transpose())
        .transpose()?
        .map_or(Err(StoreError::Corrupt(format!("draft {} has no revision", draft.0))), |r| {
            u32::try_from(r).map_err(|_| StoreError::Corrupt(format!("revision {r}")))
        })
}

pub(crate) fn propose(
    sql: &mut dyn Sql,
    draft: DraftId,
    amendment: &Amendment,
    justification: &str,
    proposer: Option<EntityId>,
    by: &AuditActor,
) -> Result<AmendmentId> {
    let revision = latest_revision(sql, draft)?;
    let change =
        serde_json::to_string(&amendment.change).map_err(|e| StoreError::Corrupt(format!("an amendment: {e}")))?;
    let place = amendment.place.to_string();
    let row = sql.row(
        "INSERT INTO draft_amendments (draft_id, revision, place, change, justification, proposer_entity, status, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7) RETURNING id",
        args![draft.0, i64::from(revision), place.as_str(), change.as_str(), justification, proposer.map(|e| e.0), millis(by.at)],
    )?;
    let id = AmendmentId(row.ok_or_else(|| StoreError::Corrupt("draft_amendments: no id returned".into()))?.int(0)?);
    let after = serde_json::json!({ "draft": draft.0, "revision": revision, "place": place, "change": amendment.change, "justification": justification, "proposer": proposer.map(|e| e.0) });
    audit(sql, by, "draft.amend", format!("amendment {}", id.0), after)?;
    Ok(id)
}

pub(crate) fn stance(
    sql: &mut dyn Sql,
    amendment: AmendmentId,
    entity: EntityId,
    support: bool,
    by: &AuditActor,
) -> Result<()> {
    let stance = if support { "support" } else { "oppose" };
    sql.execute(
        "INSERT INTO draft_amendment_stances (amendment_id, entity_id, stance, taken_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (amendment_id, entity_id) DO UPDATE SET stance = excluded.stance, taken_at = excluded.taken_at",
        args![amendment.0, entity.0, stance, millis(by.at)],
    )?;
    audit(
        sql,
        by,
        "draft.stance",
        format!("amendment {}", amendment.0),
        serde_json::json!({ "entity": entity.0, "stance": stance }),
    )
}

pub(crate) fn amendments(sql: &mut dyn Sql, draft: DraftId) -> Result<Vec<StoredAmendment>> {
    let rows = sql.rows(
        "SELECT a.id, a.revision, a.place, a.change, a.justification, a.proposer_entity, e.name, a.status,
                a.decided_revision, a.proposed_at
         FROM draft_amendments a LEFT JOIN entities e ON e.id = a.proposer_entity
         WHERE a.draft_id = $1 ORDER BY a.id",
        args![draft.0],
    )?;
    let stances = sql.rows(
        "SELECT s.amendment_id, s.stance, e.name FROM draft_amendment_stances s
         JOIN draft_amendments a ON a.id = s.amendment_id JOIN entities e ON e.id = s.entity_id
         WHERE a.draft_id = $1 ORDER BY s.taken_at, e.name",
        args![draft.0],
    )?;
    let stances: Vec<(i64, String, String)> =
        stances.into_iter().map(|mut r| Ok((r.int(0)?, r.text(1)?, r.text(2)?))).collect::<Result<_>>()?;
    rows.into_iter()
        .map(|mut r| {
            let id = r.int(0)?;
            let place = r.text(2)?;
            let change = r.text(3)?;
            let amendment = Amendment {
                place: place.parse().map_err(|e| StoreError::Corrupt(format!("draft_amendments.place: {e}")))?,
                change: serde_json::from_str(&change)
                    .map_err(|e| StoreError::Corrupt(format!("draft_amendments.change: {e}")))?,
            };
            let proposer = match r.opt_int(5)? {
                Some(entity) => Some((EntityId(entity), r.text(6)?)),
                None => None,
            };
            let named = |wanted: &str| {
                stances.iter().filter(|(a, s, _)| *a == id && s == wanted).map(|(_, _, n)| n.clone()).collect()
            };
            Ok(StoredAmendment {
                id: AmendmentId(id),
                revision: r.small(1)?,
                amendment,
                justification: r.text(4)?,
                proposer,
                status: r.text(7)?,
                decided_revision: r
                    .opt_int(8)?
                    .map(u32::try_from)
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("draft_amendments.decided_revision".into()))?,
                supporters: named("support"),
                opponents: named("oppose"),
                proposed_at: timestamp(r.int(9)?)?,
            })
        })
        .collect()
}

pub(crate) fn revise(
    sql: &mut dyn Sql,
    draft: DraftId,
    text: &Draft,
    accepted: &[AmendmentId],
    rejected: &[AmendmentId],
    by: &AuditActor,
) -> Result<u32> {
    let revision = latest_revision(sql, draft)? + 1;
    let at = millis(by.at);
    for (ids, status) in [(accepted, "accepted"), (rejected, "rejected")] {
        for id in ids {
            let decided = if status == "accepted" { Some(i64::from(revision)) } else { None };
            let changed = sql.execute(
                "UPDATE draft_amendments SET status = $1, decided_revision = $2, decided_at = $3
                 WHERE id = $4 AND draft_id = $5 AND status = 'pending'",
                args![status, decided, at, id.0, draft.0],
            )?;
            if changed != 1 {
                return Err(StoreError::NotPending(id.0));
            }
        }
    }
    sql.execute(
        "INSERT INTO draft_revisions (draft_id, revision, structure, created_at) VALUES ($1, $2, $3, $4)",
        args![draft.0, i64::from(revision), &structure_json(text)?, at],
    )?;
    sql.execute("UPDATE drafts SET status = 'negotiation' WHERE id = $1 AND status = 'proposal'", args![draft.0])?;
    let after = serde_json::json!({
        "revision": revision,
        "accepted": accepted.iter().map(|a| a.0).collect::<Vec<_>>(),
        "rejected": rejected.iter().map(|a| a.0).collect::<Vec<_>>(),
    });
    audit(sql, by, "draft.revise", format!("draft {}", draft.0), after)?;
    Ok(revision)
}
