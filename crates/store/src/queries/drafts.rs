//! Drafts as the database keeps them: one row per draft (its symbol, language and status) and
//! one per revision, holding the whole structure as JSON; numbers are derived, never stored.

use consulta_core::ConsultationId;
use consulta_drafting::Draft;

use crate::queries::audit::insert_audit;
use crate::rows::{millis, timestamp};
use crate::sql::{Failure, Row, Sql, args};
use crate::{AuditActor, AuditEntry, DraftId, NewDraft, Result, StoreError, StoredDraft};

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
