//! The SQLite side of the issue taxonomy: issues, mechanisms, the matrix and the tags of
//! contributions, each change audited in its own transaction.

use consulta_core::{ConsultationId, ContributionId, Issue, IssueId, Matrix, Mechanism};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{insert_audit, write_transaction};
use crate::rows::{
    audit_value, functions_to_json, issue_from_columns, localized_to_json, matrix_value, mechanism_audit_value,
    mechanism_from_columns, millis, parse_column, terms_to_json,
};
use crate::{AuditActor, AuditEntry, Result, StoreError};

/// Writes the starting taxonomy (`consulta_core::issue::starting_taxonomy`) into a new store.
pub(super) fn seed(connection: &Connection) -> Result<()> {
    let (issues, mechanisms, matrix) = consulta_core::issue::starting_taxonomy();
    for issue in &issues {
        upsert_issue(connection, issue)?;
    }
    for mechanism in &mechanisms {
        upsert_mechanism(connection, mechanism)?;
    }
    insert_matrix(connection, &matrix)
}

fn upsert_issue(connection: &Connection, issue: &Issue) -> Result<()> {
    connection.execute(
        "INSERT INTO issues (id, position, labels, terms, needed_level)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM issues), ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET labels = ?2, terms = ?3, needed_level = ?4",
        params![issue.id.as_str(), localized_to_json(&issue.label), terms_to_json(issue), issue.needed_level.as_str()],
    )?;
    Ok(())
}

fn upsert_mechanism(connection: &Connection, mechanism: &Mechanism) -> Result<()> {
    connection.execute(
        "INSERT INTO mechanisms (id, position, acronyms, names, level, functions)
         VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM mechanisms), ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET acronyms = ?2, names = ?3, level = ?4, functions = ?5",
        params![
            mechanism.id.as_str(),
            localized_to_json(&mechanism.acronym),
            localized_to_json(&mechanism.name),
            mechanism.level.as_str(),
            functions_to_json(mechanism)
        ],
    )?;
    Ok(())
}

fn insert_matrix(connection: &Connection, matrix: &Matrix) -> Result<()> {
    let mut insert =
        connection.prepare_cached("INSERT INTO issue_mechanisms (issue_id, mechanism_id) VALUES (?1, ?2)")?;
    for (issue, mechanism) in matrix.pairs() {
        insert
            .execute(params![issue.as_str(), mechanism.as_str()])
            .map_err(|e| unknown_id(e, format!("{issue} / {mechanism}")))?;
    }
    Ok(())
}

/// A foreign key refused: the form named an issue or mechanism that does not exist.
fn unknown_id(error: rusqlite::Error, what: String) -> StoreError {
    match error {
        rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY => {
            StoreError::UnknownTaxonomy(what)
        }
        other => other.into(),
    }
}

pub(super) fn issues(connection: &Connection) -> Result<Vec<Issue>> {
    let mut statement =
        connection.prepare_cached("SELECT id, labels, terms, needed_level FROM issues ORDER BY position, id")?;
    let mut rows = statement.query([])?;
    let mut issues = Vec::new();
    while let Some(r) = rows.next()? {
        issues.push(issue_from_columns(
            &r.get::<_, String>(0)?,
            &r.get::<_, String>(1)?,
            &r.get::<_, String>(2)?,
            &r.get::<_, String>(3)?,
        )?);
    }
    Ok(issues)
}

pub(super) fn mechanisms(connection: &Connection) -> Result<Vec<Mechanism>> {
    let mut statement = connection
        .prepare_cached("SELECT id, acronyms, names, level, functions FROM mechanisms ORDER BY position, id")?;
    let mut rows = statement.query([])?;
    let mut mechanisms = Vec::new();
    while let Some(r) = rows.next()? {
        mechanisms.push(mechanism_from_columns([
            &r.get::<_, String>(0)?,
            &r.get::<_, String>(1)?,
            &r.get::<_, String>(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
        ])?);
    }
    Ok(mechanisms)
}

pub(super) fn matrix(connection: &Connection) -> Result<Matrix> {
    let mut statement = connection.prepare_cached("SELECT issue_id, mechanism_id FROM issue_mechanisms")?;
    let pairs = statement
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .map(|pair| {
            let (issue, mechanism) = pair?;
            Ok((parse_column(&issue, "issue_mechanisms.issue_id")?, parse_column(&mechanism, "issue_mechanisms")?))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Matrix::new(pairs))
}

/// Runs `change` in one write transaction with its audit entry: `change` gives the state before
/// and after, or None when there is nothing to change (then nothing is written, and false).
fn audited_change(
    connection: &mut Connection,
    by: &AuditActor,
    action: &str,
    subject: String,
    change: impl FnOnce(&Connection) -> Result<Option<(Option<Value>, Value)>>,
) -> Result<bool> {
    let tx = write_transaction(connection)?;
    let Some((before, after)) = change(&tx)? else { return Ok(false) };
    let entry = AuditEntry { by: by.clone(), action: action.to_owned(), subject, before, after: Some(after) };
    insert_audit(&tx, &entry)?;
    tx.commit()?;
    Ok(true)
}

pub(super) fn save_issue(connection: &mut Connection, issue: &Issue, by: &AuditActor) -> Result<()> {
    audited_change(connection, by, "issue.save", format!("issue {}", issue.id), |tx| {
        let before = issues(tx)?.into_iter().find(|i| i.id == issue.id).map(|i| audit_value(&i));
        upsert_issue(tx, issue)?;
        Ok(Some((before, audit_value(issue))))
    })?;
    Ok(())
}

pub(super) fn save_mechanism(connection: &mut Connection, mechanism: &Mechanism, by: &AuditActor) -> Result<()> {
    audited_change(connection, by, "mechanism.save", format!("mechanism {}", mechanism.id), |tx| {
        let before = mechanisms(tx)?.into_iter().find(|m| m.id == mechanism.id).map(|m| mechanism_audit_value(&m));
        upsert_mechanism(tx, mechanism)?;
        Ok(Some((before, mechanism_audit_value(mechanism))))
    })?;
    Ok(())
}

pub(super) fn set_matrix(connection: &mut Connection, matrix: &Matrix, by: &AuditActor) -> Result<()> {
    audited_change(connection, by, "matrix.save", "issues × mechanisms".to_owned(), |tx| {
        let before = self::matrix(tx)?;
        tx.execute("DELETE FROM issue_mechanisms", [])?;
        insert_matrix(tx, matrix)?;
        Ok(Some((Some(matrix_value(&before)), matrix_value(matrix))))
    })?;
    Ok(())
}

pub(super) fn contribution_issues(connection: &Connection, contribution: ContributionId) -> Result<Vec<IssueId>> {
    let mut statement = connection.prepare_cached(
        "SELECT t.issue_id FROM contribution_issues t JOIN issues i ON i.id = t.issue_id
         WHERE t.contribution_id = ?1 ORDER BY i.position",
    )?;
    let ids = statement.query_map([contribution.0], |r| r.get::<_, String>(0))?;
    ids.map(|id| parse_column(&id?, "contribution_issues.issue_id")).collect()
}

pub(super) fn set_contribution_issues(
    connection: &mut Connection,
    contribution: ContributionId,
    issues: &[IssueId],
    by: &AuditActor,
) -> Result<bool> {
    let list = |ids: &[IssueId]| Value::from(ids.iter().map(|i| i.as_str()).collect::<Vec<_>>());
    audited_change(connection, by, "contribution.tag", format!("contribution {}", contribution.0), |tx| {
        let exists: Option<i64> =
            tx.query_row("SELECT id FROM contributions WHERE id = ?1", [contribution.0], |r| r.get(0)).optional()?;
        if exists.is_none() {
            return Ok(None);
        }
        let before = contribution_issues(tx, contribution)?;
        tx.execute("DELETE FROM contribution_issues WHERE contribution_id = ?1", [contribution.0])?;
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO contribution_issues (contribution_id, issue_id, tagged_at) VALUES (?1, ?2, ?3)",
        )?;
        for issue in issues {
            insert
                .execute(params![contribution.0, issue.as_str(), millis(by.at)])
                .map_err(|e| unknown_id(e, issue.to_string()))?;
        }
        Ok(Some((Some(list(&before)), list(&contribution_issues(tx, contribution)?))))
    })
}

pub(super) fn issue_tags(
    connection: &Connection,
    consultation: Option<ConsultationId>,
) -> Result<Vec<(ContributionId, IssueId)>> {
    let mut statement = connection.prepare_cached(
        "SELECT t.contribution_id, t.issue_id FROM contribution_issues t
         JOIN contributions c ON c.id = t.contribution_id
         WHERE ?1 IS NULL OR c.consultation_id = ?1
         ORDER BY t.contribution_id, t.issue_id",
    )?;
    let rows =
        statement.query_map([consultation.map(|c| c.0)], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    rows.map(|row| {
        let (contribution, issue) = row?;
        Ok((ContributionId(contribution), parse_column(&issue, "contribution_issues.issue_id")?))
    })
    .collect()
}
