//! API keys for the bulk channel as the database keeps them: only each key's SHA-256, the
//! consultation it is scoped to, the organisation it was issued to, its hourly allowance and
//! when it was revoked; issuing and revoking audited in the same transaction.

use consulta_log::Hash;

use crate::queries::audit::insert_audit;
use crate::rows::millis;
use crate::sql::{Row, Sql, args};
use crate::{ApiKey, AuditActor, AuditEntry, NewApiKey, Result, StoreError};

const COLUMNS: &str = "k.id, k.consultation_id, c.slug, k.entity_id, e.name, k.label, k.lines_per_hour, k.created_at, \
     k.revoked_at";

fn api_key(r: &mut Row) -> Result<ApiKey> {
    Ok(ApiKey {
        id: r.int(0)?,
        consultation: consulta_core::ConsultationId(r.int(1)?),
        consultation_slug: r.text(2)?,
        entity: consulta_core::EntityId(r.int(3)?),
        entity_name: r.text(4)?,
        label: r.text(5)?,
        lines_per_hour: r.count(6)?,
        created_at: r.instant(7)?,
        revoked_at: r.opt_instant(8)?,
    })
}

fn select(sql: &mut dyn Sql, condition: &str, args: &[crate::sql::Arg<'_>]) -> Result<Vec<ApiKey>> {
    let query = format!(
        "SELECT {COLUMNS} FROM api_keys k JOIN consultations c ON c.id = k.consultation_id
             JOIN entities e ON e.id = k.entity_id WHERE {condition} ORDER BY k.id"
    );
    sql.rows(&query, args)?.iter_mut().map(api_key).collect()
}

pub(crate) fn issue(sql: &mut dyn Sql, new: &NewApiKey, by: &AuditActor) -> Result<i64> {
    let id = sql
        .one(
            "INSERT INTO api_keys (key_sha256, consultation_id, entity_id, label, lines_per_hour, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            args![
                &new.key_sha256,
                new.consultation.0,
                new.entity.0,
                new.label.as_str(),
                i64::try_from(new.lines_per_hour).unwrap_or(i64::MAX),
                millis(by.at)
            ],
        )?
        .int(0)?;
    let after = serde_json::json!({
        "consultation": new.consultation.0, "entity": new.entity.0, "label": new.label,
        "lines_per_hour": new.lines_per_hour,
    });
    insert_audit(
        sql,
        &AuditEntry {
            by: by.clone(),
            action: "api_key.issue".to_owned(),
            subject: format!("api key {id}"),
            before: None,
            after: Some(after),
        },
    )?;
    Ok(id)
}

pub(crate) fn by_hash(sql: &mut dyn Sql, key_sha256: &Hash) -> Result<Option<ApiKey>> {
    Ok(select(sql, "k.key_sha256 = $1", args![key_sha256])?.pop())
}

pub(crate) fn list(sql: &mut dyn Sql) -> Result<Vec<ApiKey>> {
    select(sql, "1 = 1", args![])
}

pub(crate) fn revoke(sql: &mut dyn Sql, id: i64, by: &AuditActor) -> Result<()> {
    let changed = sql.execute(
        "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
        args![millis(by.at), id],
    )?;
    if changed == 0 {
        return Err(StoreError::NotAnApiKey(id));
    }
    insert_audit(
        sql,
        &AuditEntry {
            by: by.clone(),
            action: "api_key.revoke".to_owned(),
            subject: format!("api key {id}"),
            before: None,
            after: None,
        },
    )
}
