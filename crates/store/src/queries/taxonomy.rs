//! The issue taxonomy: issues, mechanisms, the matrix and the tags of contributions; each
//! change is audited inside the caller's write transaction.

use consulta_core::{ConsultationId, ContributionId, Issue, IssueId, Matrix, Mechanism};
use serde_json::Value;

use super::audit::audit_change;
use crate::rows::{
    functions_to_json, issue_audit_value, issue_from_columns, localized_to_json, matrix_value, mechanism_audit_value,
    mechanism_from_columns, millis, terms_to_json,
};
use crate::sql::{Failure, Sql, args};
use crate::{AuditActor, Result, StoreError, TaxonomyEntry};

/// Writes the starting taxonomy (`consulta_core::issue::starting_taxonomy`) into a new store.
pub(crate) fn seed(sql: &mut dyn Sql) -> Result<()> {
    let (issues, mechanisms, matrix) = consulta_core::issue::starting_taxonomy();
    for issue in &issues {
        upsert_issue(sql, issue)?;
    }
    for mechanism in &mechanisms {
        upsert_mechanism(sql, mechanism)?;
    }
    insert_matrix(sql, &matrix)
}

fn upsert_issue(sql: &mut dyn Sql, issue: &Issue) -> Result<()> {
    sql.execute(
        "INSERT INTO issues (id, position, labels, terms, needed_level)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM issues), $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET labels = $2, terms = $3, needed_level = $4",
        args![issue.id.as_str(), &localized_to_json(&issue.label), &terms_to_json(issue), issue.needed_level.as_str()],
    )?;
    Ok(())
}

fn upsert_mechanism(sql: &mut dyn Sql, mechanism: &Mechanism) -> Result<()> {
    sql.execute(
        "INSERT INTO mechanisms (id, position, acronyms, names, level, functions)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM mechanisms), $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET acronyms = $2, names = $3, level = $4, functions = $5",
        args![
            mechanism.id.as_str(),
            &localized_to_json(&mechanism.acronym),
            &localized_to_json(&mechanism.name),
            mechanism.level.as_str(),
            &functions_to_json(mechanism),
        ],
    )?;
    Ok(())
}

fn insert_matrix(sql: &mut dyn Sql, matrix: &Matrix) -> Result<()> {
    for (issue, mechanism) in matrix.pairs() {
        sql.execute(
            "INSERT INTO issue_mechanisms (issue_id, mechanism_id) VALUES ($1, $2)",
            args![issue.as_str(), mechanism.as_str()],
        )
        .map_err(|e| unknown_id(e, format!("{issue} / {mechanism}")))?;
    }
    Ok(())
}

/// A foreign key refused: the form named an issue or mechanism that does not exist.
fn unknown_id(error: StoreError, what: String) -> StoreError {
    if error.failure() == Some(Failure::ForeignKey) { StoreError::UnknownTaxonomy(what) } else { error }
}

pub(crate) fn issues(sql: &mut dyn Sql) -> Result<Vec<Issue>> {
    let rows =
        sql.rows("SELECT id, labels, terms, needed_level FROM issues ORDER BY position, id COLLATE \"C\"", &[])?;
    rows.into_iter().map(|mut r| issue_from_columns(&r.text(0)?, &r.text(1)?, &r.text(2)?, &r.text(3)?)).collect()
}

pub(crate) fn mechanisms(sql: &mut dyn Sql) -> Result<Vec<Mechanism>> {
    let rows = sql.rows(
        "SELECT id, acronyms, names, level, functions FROM mechanisms ORDER BY position, id COLLATE \"C\"",
        &[],
    )?;
    rows.into_iter()
        .map(|mut r| mechanism_from_columns([&r.text(0)?, &r.text(1)?, &r.text(2)?, &r.text(3)?, &r.text(4)?]))
        .collect()
}

pub(crate) fn matrix(sql: &mut dyn Sql) -> Result<Matrix> {
    let rows = sql.rows("SELECT issue_id, mechanism_id FROM issue_mechanisms", &[])?;
    let pairs = rows
        .into_iter()
        .map(|mut r| Ok((r.parse(0, "issue_mechanisms.issue_id")?, r.parse(1, "issue_mechanisms.mechanism_id")?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Matrix::new(pairs))
}

/// Adds an issue or a mechanism, or changes the one with its identifier, audited with what it
/// was before.
pub(crate) fn save_entry(sql: &mut dyn Sql, entry: TaxonomyEntry<'_>, by: &AuditActor) -> Result<()> {
    let (action, subject, before, after) = match entry {
        TaxonomyEntry::Issue(issue) => {
            let before = issues(sql)?.into_iter().find(|i| i.id == issue.id).map(|i| issue_audit_value(&i));
            upsert_issue(sql, issue)?;
            ("issue.save", format!("issue {}", issue.id), before, issue_audit_value(issue))
        }
        TaxonomyEntry::Mechanism(mechanism) => {
            let before = mechanisms(sql)?.into_iter().find(|m| m.id == mechanism.id).map(|m| mechanism_audit_value(&m));
            upsert_mechanism(sql, mechanism)?;
            ("mechanism.save", format!("mechanism {}", mechanism.id), before, mechanism_audit_value(mechanism))
        }
    };
    audit_change(sql, by, action, subject, before, after)
}

pub(crate) fn set_matrix(sql: &mut dyn Sql, new: &Matrix, by: &AuditActor) -> Result<()> {
    let before = matrix(sql)?;
    sql.execute("DELETE FROM issue_mechanisms", &[])?;
    insert_matrix(sql, new)?;
    let subject = "issues × mechanisms".to_owned();
    audit_change(sql, by, "matrix.save", subject, Some(matrix_value(&before)), matrix_value(new))
}

pub(crate) fn contribution_issues(sql: &mut dyn Sql, contribution: ContributionId) -> Result<Vec<IssueId>> {
    let rows = sql.rows(
        "SELECT t.issue_id FROM contribution_issues t JOIN issues i ON i.id = t.issue_id
         WHERE t.contribution_id = $1 ORDER BY i.position",
        args![contribution.0],
    )?;
    rows.into_iter().map(|mut r| r.parse(0, "contribution_issues.issue_id")).collect()
}

pub(crate) fn set_contribution_issues(
    sql: &mut dyn Sql,
    contribution: ContributionId,
    issues: &[IssueId],
    by: &AuditActor,
) -> Result<bool> {
    let list = |ids: &[IssueId]| Value::from(ids.iter().map(|i| i.as_str()).collect::<Vec<_>>());
    if sql.row("SELECT id FROM contributions WHERE id = $1", args![contribution.0])?.is_none() {
        return Ok(false);
    }
    let before = contribution_issues(sql, contribution)?;
    sql.execute("DELETE FROM contribution_issues WHERE contribution_id = $1", args![contribution.0])?;
    for issue in issues {
        sql.execute(
            "INSERT INTO contribution_issues (contribution_id, issue_id, tagged_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            args![contribution.0, issue.as_str(), millis(by.at)],
        )
        .map_err(|e| unknown_id(e, issue.to_string()))?;
    }
    let after = list(&contribution_issues(sql, contribution)?);
    let subject = format!("contribution {}", contribution.0);
    audit_change(sql, by, "contribution.tag", subject, Some(list(&before)), after)?;
    Ok(true)
}

/// The tags (contribution, issue) of these contributions, in the order `issue_tags` gives.
pub(crate) fn issue_tags_of(
    sql: &mut dyn Sql,
    contributions: &[ContributionId],
) -> Result<Vec<(ContributionId, IssueId)>> {
    let ids: Vec<i64> = contributions.iter().map(|id| id.0).collect();
    let rows = sql.rows(
        "SELECT contribution_id, issue_id FROM contribution_issues WHERE contribution_id = ANY($1)
         ORDER BY contribution_id, issue_id COLLATE \"C\"",
        args![ids.as_slice()],
    )?;
    rows.into_iter().map(|mut r| Ok((ContributionId(r.int(0)?), r.parse(1, "contribution_issues.issue_id")?))).collect()
}

/// Every tag (contribution, issue) of a consultation, or of all of them.
pub(crate) fn issue_tags(
    sql: &mut dyn Sql,
    consultation: Option<ConsultationId>,
) -> Result<Vec<(ContributionId, IssueId)>> {
    const TAGS: &str = "SELECT t.contribution_id, t.issue_id FROM contribution_issues t
         JOIN contributions c ON c.id = t.contribution_id";
    const ORDER: &str = "ORDER BY t.contribution_id, t.issue_id COLLATE \"C\"";
    let rows = match consultation {
        Some(consultation) => {
            sql.rows(&format!("{TAGS} WHERE c.consultation_id = $1 {ORDER}"), args![consultation.0])?
        }
        None => sql.rows(&format!("{TAGS} {ORDER}"), &[])?,
    };
    rows.into_iter().map(|mut r| Ok((ContributionId(r.int(0)?), r.parse(1, "contribution_issues.issue_id")?))).collect()
}
