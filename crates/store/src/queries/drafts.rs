//! Drafts as the database keeps them: one row per draft (its symbol, language and status), one
//! per revision holding the whole structure as JSON (numbers are derived, never stored), the
//! amendments numbered in each draft, each appended to the public log as it is recorded, the
//! entities' stances on them, and the paragraphs agreed ad referendum in each revision.

use consulta_core::{ConsultationId, EntityId};
use consulta_drafting::{Amendment, AmendmentRecord, AmendmentStatus, Draft, DraftStatus, Place};
use consulta_log::{Hash, sha256};

use super::log::{Appender, LeafOf};
use crate::queries::audit::insert_audit;
use crate::rows::{millis, timestamp};
use crate::sql::{Failure, Row, Sql, args};
use crate::{
    AmendmentId, AuditActor, AuditEntry, DraftId, NewDraft, ProposedAmendment, Result, StoreError, StoredAmendment,
    StoredDraft,
};

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
        status: DraftStatus::Proposal,
        revision: 0,
        text: new.text.clone(),
        agreed: Vec::new(),
        created_at: by.at,
    })
}

/// A draft's row with its latest revision: `d.id, d.consultation_id, d.symbol, d.language,
/// d.status, d.created_at, r.revision, r.structure`.
const LATEST: &str =
    "SELECT d.id, d.consultation_id, d.symbol, d.language, d.status, d.created_at, r.revision, r.structure
     FROM drafts d JOIN draft_revisions r ON r.draft_id = d.id
     WHERE r.revision = (SELECT MAX(revision) FROM draft_revisions WHERE draft_id = d.id)";

fn draft_status(text: &str) -> Result<DraftStatus> {
    text.parse().map_err(|_| StoreError::Corrupt(format!("drafts.status {text}")))
}

fn stored(sql: &mut dyn Sql, r: &mut Row) -> Result<StoredDraft> {
    let id = DraftId(r.int(0)?);
    let revision = r.small(6)?;
    Ok(StoredDraft {
        id,
        consultation: ConsultationId(r.int(1)?),
        symbol: r.text(2)?,
        language: r.text(3)?,
        status: draft_status(&r.text(4)?)?,
        created_at: timestamp(r.int(5)?)?,
        revision,
        text: structure(&r.text(7)?)?,
        agreed: agreed_places(sql, id, revision)?,
    })
}

fn stored_all(sql: &mut dyn Sql, rows: Vec<Row>) -> Result<Vec<StoredDraft>> {
    rows.into_iter().map(|mut r| stored(sql, &mut r)).collect()
}

pub(crate) fn by_symbol(sql: &mut dyn Sql, symbol: &str) -> Result<Option<StoredDraft>> {
    let rows = sql.rows(&format!("{LATEST} AND d.symbol = $1"), args![symbol])?;
    Ok(stored_all(sql, rows)?.pop())
}

pub(crate) fn of_consultation(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<StoredDraft>> {
    let select = format!("{LATEST} AND d.consultation_id = $1 ORDER BY d.symbol COLLATE \"C\"");
    let rows = sql.rows(&select, args![consultation.0])?;
    stored_all(sql, rows)
}

/// The places of a revision agreed ad referendum, in the order marked.
fn agreed_places(sql: &mut dyn Sql, draft: DraftId, revision: u32) -> Result<Vec<Place>> {
    let rows = sql.rows(
        "SELECT place FROM draft_agreed_places WHERE draft_id = $1 AND revision = $2 ORDER BY marked_at, place",
        args![draft.0, i64::from(revision)],
    )?;
    rows.into_iter()
        .map(|mut r| {
            let place = r.text(0)?;
            place.parse().map_err(|_| StoreError::Corrupt(format!("draft_agreed_places.place {place}")))
        })
        .collect()
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

/// Counts a change to the draft, which its open data files follow.
fn touch(sql: &mut dyn Sql, draft: DraftId) -> Result<()> {
    sql.execute("UPDATE drafts SET changes = changes + 1 WHERE id = $1", args![draft.0])?;
    Ok(())
}

/// How the drafts and bodies of a consultation stand: how many there are and how many changes
/// they have had.
pub(crate) fn mark(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<(u64, i64)> {
    let row = sql.one(
        "SELECT (SELECT COUNT(*) FROM drafts WHERE consultation_id = $1)
              + (SELECT COUNT(*) FROM bodies WHERE consultation_id = $1),
                CAST((SELECT COALESCE(SUM(changes), 0) FROM drafts WHERE consultation_id = $1)
                   + (SELECT COALESCE(SUM(changes), 0) FROM bodies WHERE consultation_id = $1) AS BIGINT)",
        args![consultation.0],
    )?;
    Ok((row.count(0)?, row.int(1)?))
}

/// The draft's status, refusing a change of its text once it is agreed or adopted.
fn open_draft(sql: &mut dyn Sql, draft: DraftId) -> Result<()> {
    let status = draft_status(&sql.one("SELECT status FROM drafts WHERE id = $1", args![draft.0])?.text(0)?)?;
    if status.is_open() { Ok(()) } else { Err(StoreError::DraftClosed(status.as_str())) }
}

/// Records an amendment with the next number of its draft and appends its canonical record to
/// the log, in the caller's transaction.
fn insert_amendment(
    sql: &mut dyn Sql,
    draft: DraftId,
    amendment: &Amendment,
    justification: &str,
    proposer: Option<EntityId>,
    by: &AuditActor,
) -> Result<ProposedAmendment> {
    open_draft(sql, draft)?;
    touch(sql, draft)?;
    let revision = latest_revision(sql, draft)?;
    let symbol = sql.one("SELECT symbol FROM drafts WHERE id = $1", args![draft.0])?.text(0)?;
    let number = sql
        .one("SELECT COALESCE(MAX(number), 0) + 1 FROM draft_amendments WHERE draft_id = $1", args![draft.0])?
        .small(0)?;
    let proposer_name = match proposer {
        Some(entity) => Some(sql.one("SELECT name FROM entities WHERE id = $1", args![entity.0])?.text(0)?),
        None => None,
    };
    let change =
        serde_json::to_string(&amendment.change).map_err(|e| StoreError::Corrupt(format!("an amendment: {e}")))?;
    let place = amendment.place.to_string();
    let id = AmendmentId(
        sql.one(
            "INSERT INTO draft_amendments (draft_id, number, revision, place, change, justification, proposer_entity,
                 proposer_name, status, proposed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) RETURNING id",
            args![
                draft.0,
                i64::from(number),
                i64::from(revision),
                place.as_str(),
                change.as_str(),
                justification,
                proposer.map(|e| e.0),
                proposer_name.as_deref(),
                millis(by.at)
            ],
        )?
        .int(0)?,
    );
    let record =
        AmendmentRecord::of(&symbol, number, revision, amendment, justification, proposer_name.as_deref(), by.at);
    let record_sha256 = sha256(&record.to_bytes());
    let mut log = Appender::default();
    let leaf_index = log.append(sql, LeafOf::Amendment(id), record_sha256)?;
    log.flush(sql)?;
    Ok(ProposedAmendment { id, number, leaf_index, record_sha256 })
}

pub(crate) fn propose(
    sql: &mut dyn Sql,
    draft: DraftId,
    amendment: &Amendment,
    justification: &str,
    proposer: Option<EntityId>,
    by: &AuditActor,
) -> Result<ProposedAmendment> {
    let proposed = insert_amendment(sql, draft, amendment, justification, proposer, by)?;
    let after = serde_json::json!({ "place": amendment.place.to_string(), "change": amendment.change, "justification": justification, "proposer": proposer.map(|e| e.0), "leaf_index": proposed.leaf_index });
    let subject = amendment_subject(sql, draft, proposed.number)?;
    audit(sql, by, "draft.amend", subject, after)?;
    Ok(proposed)
}

/// Records the secretariat's amendment that combines `merged` (pending amendments of the same
/// draft), which are closed as merged into it.
pub(crate) fn merge(
    sql: &mut dyn Sql,
    draft: DraftId,
    merged: &[u32],
    amendment: &Amendment,
    justification: &str,
    by: &AuditActor,
) -> Result<ProposedAmendment> {
    let proposed = insert_amendment(sql, draft, amendment, justification, None, by)?;
    for number in merged {
        let changed = sql.execute(
            "UPDATE draft_amendments SET status = 'merged', merged_into = $1, decided_at = $2
             WHERE draft_id = $3 AND number = $4 AND status = 'pending'",
            args![i64::from(proposed.number), millis(by.at), draft.0, i64::from(*number)],
        )?;
        if changed != 1 {
            return Err(StoreError::NotPending(*number));
        }
    }
    let after = serde_json::json!({ "merges": merged, "place": amendment.place.to_string(), "change": amendment.change, "justification": justification, "leaf_index": proposed.leaf_index });
    let subject = amendment_subject(sql, draft, proposed.number)?;
    audit(sql, by, "draft.merge", subject, after)?;
    Ok(proposed)
}

/// "amendment 3 to EX/1", as the audit log names it.
fn amendment_subject(sql: &mut dyn Sql, draft: DraftId, number: u32) -> Result<String> {
    let symbol = sql.one("SELECT symbol FROM drafts WHERE id = $1", args![draft.0])?.text(0)?;
    Ok(format!("amendment {number} to {symbol}"))
}

/// The row of a draft's pending amendment `number`.
fn pending_row(sql: &mut dyn Sql, draft: DraftId, number: u32) -> Result<AmendmentId> {
    let row = sql.row(
        "SELECT id FROM draft_amendments WHERE draft_id = $1 AND number = $2 AND status = 'pending'",
        args![draft.0, i64::from(number)],
    )?;
    Ok(AmendmentId(row.ok_or(StoreError::NotPending(number))?.int(0)?))
}

pub(crate) fn stance(
    sql: &mut dyn Sql,
    draft: DraftId,
    number: u32,
    entity: EntityId,
    support: bool,
    by: &AuditActor,
) -> Result<()> {
    open_draft(sql, draft)?;
    touch(sql, draft)?;
    let amendment = pending_row(sql, draft, number)?;
    let stance = if support { "support" } else { "oppose" };
    sql.execute(
        "INSERT INTO draft_amendment_stances (amendment_id, entity_id, stance, taken_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (amendment_id, entity_id) DO UPDATE SET stance = excluded.stance, taken_at = excluded.taken_at",
        args![amendment.0, entity.0, stance, millis(by.at)],
    )?;
    let subject = amendment_subject(sql, draft, number)?;
    audit(sql, by, "draft.stance", subject, serde_json::json!({ "entity": entity.0, "stance": stance }))
}

pub(crate) fn amendments(sql: &mut dyn Sql, draft: DraftId) -> Result<Vec<StoredAmendment>> {
    let rows = sql.rows(
        "SELECT a.id, a.revision, a.place, a.change, a.justification, a.proposer_entity, a.proposer_name, a.status,
                a.decided_revision, a.proposed_at, a.number, a.merged_into, l.leaf_index
         FROM draft_amendments a LEFT JOIN amendment_leaves l ON l.amendment_id = a.id
         WHERE a.draft_id = $1 ORDER BY a.number",
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
            let status = r.text(7)?;
            Ok(StoredAmendment {
                id: AmendmentId(id),
                number: r.small(10)?,
                revision: r.small(1)?,
                amendment,
                justification: r.text(4)?,
                proposer,
                status: status
                    .parse::<AmendmentStatus>()
                    .map_err(|s| StoreError::Corrupt(format!("draft_amendments.status {s}")))?,
                merged_into: r
                    .opt_int(11)?
                    .map(u32::try_from)
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("draft_amendments.merged_into".into()))?,
                leaf_index: r
                    .opt_int(12)?
                    .map(u64::try_from)
                    .transpose()
                    .map_err(|_| StoreError::Corrupt("amendment_leaves.leaf_index".into()))?,
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

pub(crate) fn revise(sql: &mut dyn Sql, draft: DraftId, revised: &crate::Revised<'_>, by: &AuditActor) -> Result<u32> {
    open_draft(sql, draft)?;
    touch(sql, draft)?;
    let revision = latest_revision(sql, draft)? + 1;
    let at = millis(by.at);
    for (numbers, status) in [(revised.accepted, "accepted"), (revised.rejected, "rejected")] {
        for number in numbers {
            let decided = if status == "accepted" { Some(i64::from(revision)) } else { None };
            let changed = sql.execute(
                "UPDATE draft_amendments SET status = $1, decided_revision = $2, decided_at = $3
                 WHERE draft_id = $4 AND number = $5 AND status = 'pending'",
                args![status, decided, at, draft.0, i64::from(*number)],
            )?;
            if changed != 1 {
                return Err(StoreError::NotPending(*number));
            }
        }
    }
    sql.execute(
        "INSERT INTO draft_revisions (draft_id, revision, structure, created_at) VALUES ($1, $2, $3, $4)",
        args![draft.0, i64::from(revision), &structure_json(revised.text)?, at],
    )?;
    for place in revised.agreed {
        sql.execute(
            "INSERT INTO draft_agreed_places (draft_id, revision, place, marked_at) VALUES ($1, $2, $3, $4)",
            args![draft.0, i64::from(revision), place.to_string().as_str(), at],
        )?;
    }
    sql.execute("UPDATE drafts SET status = 'negotiation' WHERE id = $1 AND status = 'proposal'", args![draft.0])?;
    let after = serde_json::json!({
        "revision": revision,
        "accepted": revised.accepted,
        "rejected": revised.rejected,
        "agreed_carried_over": revised.agreed.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    let symbol = sql.one("SELECT symbol FROM drafts WHERE id = $1", args![draft.0])?.text(0)?;
    audit(sql, by, "draft.revise", format!("draft {symbol}"), after)?;
    Ok(revision)
}

/// Marks a paragraph of the latest revision agreed ad referendum (`agreed`), or takes the mark
/// back; audited (`draft.agree`).
pub(crate) fn mark_agreed(
    sql: &mut dyn Sql,
    draft: DraftId,
    place: &Place,
    agreed: bool,
    by: &AuditActor,
) -> Result<()> {
    open_draft(sql, draft)?;
    touch(sql, draft)?;
    let revision = latest_revision(sql, draft)?;
    let shown = place.to_string();
    if agreed {
        sql.execute(
            "INSERT INTO draft_agreed_places (draft_id, revision, place, marked_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (draft_id, revision, place) DO NOTHING",
            args![draft.0, i64::from(revision), shown.as_str(), millis(by.at)],
        )?;
    } else {
        sql.execute(
            "DELETE FROM draft_agreed_places WHERE draft_id = $1 AND revision = $2 AND place = $3",
            args![draft.0, i64::from(revision), shown.as_str()],
        )?;
    }
    let symbol = sql.one("SELECT symbol FROM drafts WHERE id = $1", args![draft.0])?.text(0)?;
    let after = serde_json::json!({ "revision": revision, "place": shown, "agreed": agreed });
    audit(sql, by, "draft.agree", format!("draft {symbol}"), after)
}

/// Sets a draft's status (the caller has checked the step is allowed); audited
/// (`draft.status`).
pub(crate) fn set_status(sql: &mut dyn Sql, draft: DraftId, status: DraftStatus, by: &AuditActor) -> Result<()> {
    let row = sql.one("SELECT symbol, status FROM drafts WHERE id = $1", args![draft.0]);
    let mut row = row?;
    let (symbol, before) = (row.text(0)?, row.text(1)?);
    sql.execute("UPDATE drafts SET status = $1 WHERE id = $2", args![status.as_str(), draft.0])?;
    touch(sql, draft)?;
    insert_audit(
        sql,
        &AuditEntry {
            by: by.clone(),
            action: "draft.status".to_owned(),
            subject: format!("draft {symbol}"),
            before: Some(serde_json::json!({ "status": before })),
            after: Some(serde_json::json!({ "status": status.as_str() })),
        },
    )
}

/// An amendment's canonical record as it is stored now.
pub(crate) fn amendment_record(sql: &mut dyn Sql, id: AmendmentId) -> Result<Option<AmendmentRecord>> {
    let row = sql.row(
        "SELECT d.symbol, a.number, a.revision, a.place, a.change, a.justification, a.proposer_name, a.proposed_at
         FROM draft_amendments a JOIN drafts d ON d.id = a.draft_id WHERE a.id = $1",
        args![id.0],
    )?;
    let Some(mut r) = row else { return Ok(None) };
    let place = r.text(3)?;
    let amendment = Amendment {
        place: place.parse().map_err(|e| StoreError::Corrupt(format!("draft_amendments.place: {e}")))?,
        change: serde_json::from_str(&r.text(4)?)
            .map_err(|e| StoreError::Corrupt(format!("draft_amendments.change: {e}")))?,
    };
    Ok(Some(AmendmentRecord::of(
        &r.text(0)?,
        r.small(1)?,
        r.small(2)?,
        &amendment,
        &r.text(5)?,
        r.opt_text(6)?.as_deref(),
        timestamp(r.int(7)?)?,
    )))
}

/// The row of a draft's amendment `number`, whatever its status.
pub(crate) fn amendment_id(sql: &mut dyn Sql, draft: DraftId, number: u32) -> Result<Option<AmendmentId>> {
    let row = sql.row(
        "SELECT id FROM draft_amendments WHERE draft_id = $1 AND number = $2",
        args![draft.0, i64::from(number)],
    )?;
    row.map(|r| Ok(AmendmentId(r.int(0)?))).transpose()
}

/// Every amendment's leaf: (amendment, leaf index, record hash), in leaf order.
pub(crate) fn amendment_leaves(sql: &mut dyn Sql) -> Result<Vec<(AmendmentId, u64, Hash)>> {
    let rows =
        sql.rows("SELECT amendment_id, leaf_index, record_sha256 FROM amendment_leaves ORDER BY leaf_index", &[])?;
    rows.into_iter()
        .map(|mut r| Ok((AmendmentId(r.int(0)?), r.count(1)?, r.hash(2, "amendment_leaves.record_sha256")?)))
        .collect()
}

/// Every amendment's row, for the log check (each must have a leaf).
pub(crate) fn amendment_ids(sql: &mut dyn Sql) -> Result<Vec<AmendmentId>> {
    let rows = sql.rows("SELECT id FROM draft_amendments ORDER BY id", &[])?;
    rows.into_iter().map(|r| Ok(AmendmentId(r.int(0)?))).collect()
}
