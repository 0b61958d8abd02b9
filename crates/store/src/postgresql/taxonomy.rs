//! The PostgreSQL side of the issue taxonomy: issues, mechanisms, the matrix and the tags of
//! contributions; each change is audited inside the caller's write transaction.

use consulta_core::{ConsultationId, ContributionId, Issue, IssueId, Matrix, Mechanism};
use postgres::GenericClient;
use postgres::error::SqlState;
use serde_json::Value;

use super::insert_audit;
use crate::rows::{
    audit_value, functions_to_json, issue_from_columns, localized_to_json, matrix_value, mechanism_audit_value,
    mechanism_from_columns, millis, parse_column, terms_to_json,
};
use crate::{AuditActor, AuditEntry, Result, StoreError};

/// Writes the starting taxonomy (`consulta_core::issue::starting_taxonomy`) into a new store.
pub(super) fn seed(client: &mut impl GenericClient) -> Result<()> {
    let (issues, mechanisms, matrix) = consulta_core::issue::starting_taxonomy();
    for issue in &issues {
        upsert_issue(client, issue)?;
    }
    for mechanism in &mechanisms {
        upsert_mechanism(client, mechanism)?;
    }
    insert_matrix(client, &matrix)
}

fn upsert_issue(client: &mut impl GenericClient, issue: &Issue) -> Result<()> {
    client.execute(
        "INSERT INTO issues (id, position, labels, terms, needed_level)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM issues), $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET labels = $2, terms = $3, needed_level = $4",
        &[&issue.id.as_str(), &localized_to_json(&issue.label), &terms_to_json(issue), &issue.needed_level.as_str()],
    )?;
    Ok(())
}

fn upsert_mechanism(client: &mut impl GenericClient, mechanism: &Mechanism) -> Result<()> {
    client.execute(
        "INSERT INTO mechanisms (id, position, acronyms, names, level, functions)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM mechanisms), $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET acronyms = $2, names = $3, level = $4, functions = $5",
        &[
            &mechanism.id.as_str(),
            &localized_to_json(&mechanism.acronym),
            &localized_to_json(&mechanism.name),
            &mechanism.level.as_str(),
            &functions_to_json(mechanism),
        ],
    )?;
    Ok(())
}

fn insert_matrix(client: &mut impl GenericClient, matrix: &Matrix) -> Result<()> {
    let insert = client.prepare("INSERT INTO issue_mechanisms (issue_id, mechanism_id) VALUES ($1, $2)")?;
    for (issue, mechanism) in matrix.pairs() {
        client
            .execute(&insert, &[&issue.as_str(), &mechanism.as_str()])
            .map_err(|e| unknown_id(e, format!("{issue} / {mechanism}")))?;
    }
    Ok(())
}

/// A foreign key refused: the form named an issue or mechanism that does not exist.
fn unknown_id(error: postgres::Error, what: String) -> StoreError {
    if error.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) {
        StoreError::UnknownTaxonomy(what)
    } else {
        error.into()
    }
}

pub(super) fn issues(client: &mut impl GenericClient) -> Result<Vec<Issue>> {
    let rows =
        client.query("SELECT id, labels, terms, needed_level FROM issues ORDER BY position, id COLLATE \"C\"", &[])?;
    rows.iter().map(|r| issue_from_columns(r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)).collect()
}

pub(super) fn mechanisms(client: &mut impl GenericClient) -> Result<Vec<Mechanism>> {
    let rows = client.query(
        "SELECT id, acronyms, names, level, functions FROM mechanisms ORDER BY position, id COLLATE \"C\"",
        &[],
    )?;
    rows.iter()
        .map(|r| mechanism_from_columns([r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?]))
        .collect()
}

pub(super) fn matrix(client: &mut impl GenericClient) -> Result<Matrix> {
    let rows = client.query("SELECT issue_id, mechanism_id FROM issue_mechanisms", &[])?;
    let pairs = rows
        .iter()
        .map(|r| {
            Ok((
                parse_column(r.try_get::<_, &str>(0)?, "issue_mechanisms.issue_id")?,
                parse_column(r.try_get::<_, &str>(1)?, "issue_mechanisms.mechanism_id")?,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Matrix::new(pairs))
}

fn audit(
    client: &mut impl GenericClient,
    by: &AuditActor,
    action: &str,
    subject: String,
    before: Option<Value>,
    after: Value,
) -> Result<()> {
    insert_audit(client, &AuditEntry { by: by.clone(), action: action.to_owned(), subject, before, after: Some(after) })
}

pub(super) fn save_issue(client: &mut impl GenericClient, issue: &Issue, by: &AuditActor) -> Result<()> {
    let before = issues(client)?.into_iter().find(|i| i.id == issue.id).map(|i| audit_value(&i));
    upsert_issue(client, issue)?;
    audit(client, by, "issue.save", format!("issue {}", issue.id), before, audit_value(issue))
}

pub(super) fn save_mechanism(client: &mut impl GenericClient, mechanism: &Mechanism, by: &AuditActor) -> Result<()> {
    let before = mechanisms(client)?.into_iter().find(|m| m.id == mechanism.id).map(|m| mechanism_audit_value(&m));
    upsert_mechanism(client, mechanism)?;
    let subject = format!("mechanism {}", mechanism.id);
    audit(client, by, "mechanism.save", subject, before, mechanism_audit_value(mechanism))
}

pub(super) fn set_matrix(client: &mut impl GenericClient, new: &Matrix, by: &AuditActor) -> Result<()> {
    let before = matrix(client)?;
    client.execute("DELETE FROM issue_mechanisms", &[])?;
    insert_matrix(client, new)?;
    let subject = "issues × mechanisms".to_owned();
    audit(client, by, "matrix.save", subject, Some(matrix_value(&before)), matrix_value(new))
}

pub(super) fn contribution_issues(
    client: &mut impl GenericClient,
    contribution: ContributionId,
) -> Result<Vec<IssueId>> {
    let rows = client.query(
        "SELECT t.issue_id FROM contribution_issues t JOIN issues i ON i.id = t.issue_id
         WHERE t.contribution_id = $1 ORDER BY i.position",
        &[&contribution.0],
    )?;
    rows.iter().map(|r| parse_column(r.try_get::<_, &str>(0)?, "contribution_issues.issue_id")).collect()
}

pub(super) fn set_contribution_issues(
    client: &mut impl GenericClient,
    contribution: ContributionId,
    issues: &[IssueId],
    by: &AuditActor,
) -> Result<bool> {
    let list = |ids: &[IssueId]| Value::from(ids.iter().map(|i| i.as_str()).collect::<Vec<_>>());
    if client.query_opt("SELECT id FROM contributions WHERE id = $1", &[&contribution.0])?.is_none() {
        return Ok(false);
    }
    let before = contribution_issues(client, contribution)?;
    client.execute("DELETE FROM contribution_issues WHERE contribution_id = $1", &[&contribution.0])?;
    let insert = client.prepare(
        "INSERT INTO contribution_issues (contribution_id, issue_id, tagged_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )?;
    for issue in issues {
        client
            .execute(&insert, &[&contribution.0, &issue.as_str(), &millis(by.at)])
            .map_err(|e| unknown_id(e, issue.to_string()))?;
    }
    let after = list(&contribution_issues(client, contribution)?);
    audit(client, by, "contribution.tag", format!("contribution {}", contribution.0), Some(list(&before)), after)?;
    Ok(true)
}

pub(super) fn issue_tags(
    client: &mut impl GenericClient,
    consultation: Option<ConsultationId>,
) -> Result<Vec<(ContributionId, IssueId)>> {
    let rows = client.query(
        "SELECT t.contribution_id, t.issue_id FROM contribution_issues t
         JOIN contributions c ON c.id = t.contribution_id
         WHERE $1::BIGINT IS NULL OR c.consultation_id = $1
         ORDER BY t.contribution_id, t.issue_id COLLATE \"C\"",
        &[&consultation.map(|c| c.0)],
    )?;
    rows.iter()
        .map(|r| {
            Ok((ContributionId(r.try_get(0)?), parse_column(r.try_get::<_, &str>(1)?, "contribution_issues.issue_id")?))
        })
        .collect()
}
