//! Who contributed to a consultation, as the synthesis report counts and lists them: read in
//! the database, sorted there and handed over one contributor at a time, so that the report's
//! memory does not grow with the record.

use consulta_core::{ConsultationId, ContributionId, EntityId};

use crate::sql::{Sql, args};
use crate::{Contributor, Result};

/// A contribution `c` with the entity `e` the secretariat attributed it to, if any.
const ATTRIBUTED: &str = "contributions c LEFT JOIN entities e ON e.id = c.attributed_entity_id";

/// The contributions of consultation `$1` the report counts, as the distribution table does:
/// published, from a recorded or verified sender or attributed by the secretariat.
const COUNTED: &str = "c.consultation_id = $1 AND c.withheld_reason IS NULL
     AND NOT (c.identity = 'unverified' AND e.id IS NULL)";

/// The entity a counted contribution is the contribution of.
const CONTRIBUTOR: &str = "COALESCE(c.attributed_entity_id, c.entity_id)";

/// Calls `each` for every contributor of a consultation's counted contributions, ordered as the
/// report's annex lists them (their stakeholder group's place, then their name), each with its
/// contributions in the order they were recorded.
pub(crate) fn contributors(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    each: &mut dyn FnMut(Contributor) -> Result<()>,
) -> Result<()> {
    let statement = format!(
        "SELECT {CONTRIBUTOR}, COALESCE(e.name, c.entity_name), COALESCE(e.stakeholder_group, c.stakeholder_group),
                CASE WHEN e.id IS NULL THEN c.country ELSE e.country END, c.id
         FROM {ATTRIBUTED} WHERE {COUNTED}
         ORDER BY (SELECT g.position FROM stakeholder_groups g
                   WHERE g.id = COALESCE(e.stakeholder_group, c.stakeholder_group)),
                  lower(COALESCE(e.name, c.entity_name)), 1, 3, c.id"
    );
    let mut current: Option<Contributor> = None;
    sql.each_row(&statement, args![consultation.0], &mut |mut row| {
        let entity = EntityId(row.int(0)?);
        let group = row.parse(2, "contributions.stakeholder_group")?;
        let id = ContributionId(row.int(4)?);
        match &mut current {
            Some(c) if c.entity == entity && c.group == group => c.contributions.push(id),
            _ => {
                let next = Contributor {
                    entity,
                    name: row.opt_text(1)?.unwrap_or_default(),
                    group,
                    country: row.opt_parse(3, "contributions.country")?,
                    contributions: vec![id],
                };
                if let Some(done) = current.replace(next) {
                    each(done)?;
                }
            }
        }
        Ok(())
    })?;
    current.map_or(Ok(()), each)
}

/// How many contributors a consultation's counted contributions have.
pub(crate) fn contributor_count(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<u64> {
    sql.one(&format!("SELECT COUNT(DISTINCT {CONTRIBUTOR}) FROM {ATTRIBUTED} WHERE {COUNTED}"), args![consultation.0])?
        .count(0)
}

/// For each issue raised in a consultation's counted contributions, how many contributors
/// raised it.
pub(crate) fn issue_contributor_counts(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
) -> Result<Vec<(consulta_core::IssueId, u64)>> {
    let statement = format!(
        "SELECT t.issue_id, COUNT(DISTINCT {CONTRIBUTOR})
         FROM {ATTRIBUTED} JOIN contribution_issues t ON t.contribution_id = c.id
         WHERE {COUNTED}
         GROUP BY t.issue_id"
    );
    sql.rows(&statement, args![consultation.0])?
        .into_iter()
        .map(|mut r| Ok((r.parse(0, "contribution_issues.issue_id")?, r.count(1)?)))
        .collect()
}
