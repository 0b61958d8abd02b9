//! The audit log of the secretariat's actions: written inside the transaction of the change it
//! records, read newest first.

use consulta_core::AccountId;

use crate::rows::{audit_json, millis};
use crate::sql::{Sql, args};
use crate::{AuditActor, AuditEntry, AuditRecord, Page, PageRequest, Result};

pub(crate) fn insert_audit(sql: &mut dyn Sql, entry: &AuditEntry) -> Result<()> {
    sql.execute(
        "INSERT INTO audit_log (at, account_id, actor, action, subject, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![
            millis(entry.by.at),
            entry.by.account.map(|a| a.0),
            &entry.by.label,
            &entry.action,
            &entry.subject,
            entry.before.as_ref().map(|v| v.to_string()).as_ref(),
            entry.after.as_ref().map(|v| v.to_string()).as_ref(),
        ],
    )?;
    Ok(())
}

/// Audits one change whose state after is known.
pub(crate) fn audit_change(
    sql: &mut dyn Sql,
    by: &AuditActor,
    action: &str,
    subject: String,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<()> {
    insert_audit(sql, &AuditEntry { by: by.clone(), action: action.to_owned(), subject, before, after: Some(after) })
}

pub(crate) fn audit_log(sql: &mut dyn Sql, page: PageRequest) -> Result<Page<AuditRecord>> {
    let total = sql.one("SELECT COUNT(*) FROM audit_log", &[])?.count(0)?;
    let rows = sql.rows(
        "SELECT id, at, account_id, actor, action, subject, before, after FROM audit_log
         ORDER BY id DESC LIMIT $1 OFFSET $2",
        args![super::record::limit(page.limit), super::record::limit(page.offset)],
    )?;
    let items = rows
        .into_iter()
        .map(|mut r| {
            Ok(AuditRecord {
                id: r.int(0)?,
                entry: AuditEntry {
                    by: AuditActor { account: r.opt_int(2)?.map(AccountId), label: r.text(3)?, at: r.instant(1)? },
                    action: r.text(4)?,
                    subject: r.text(5)?,
                    before: audit_json(r.opt_text(6)?)?,
                    after: audit_json(r.opt_text(7)?)?,
                },
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, total })
}
