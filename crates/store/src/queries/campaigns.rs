//! Campaigns as the database keeps them: each member contribution with its campaign, a
//! consultation's written again whole.

use consulta_core::{ConsultationId, ContributionId};

use crate::sql::{Sql, args, value_rows};
use crate::{Result, StoreError};

/// Rows written by one statement: two values each.
const ROWS_PER_STATEMENT: usize = 400;

pub(crate) fn set_campaigns(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    members: &[(ContributionId, ContributionId)],
) -> Result<()> {
    sql.execute(
        "DELETE FROM campaign_members WHERE contribution_id IN (SELECT id FROM contributions WHERE consultation_id = $1)",
        args![consultation.0],
    )?;
    let ids: Vec<i64> = members.iter().flat_map(|(member, campaign)| [member.0, campaign.0]).collect();
    let theirs = sql.rows(
        "SELECT id FROM contributions WHERE id = ANY($1) AND consultation_id = $2",
        args![ids.as_slice(), consultation.0],
    )?;
    let theirs: std::collections::HashSet<i64> = theirs.iter().map(|r| r.int(0)).collect::<Result<_>>()?;
    if let Some(stranger) = ids.iter().find(|id| !theirs.contains(id)) {
        return Err(StoreError::NotInConsultation(*stranger));
    }
    for chunk in members.chunks(ROWS_PER_STATEMENT) {
        let mut bound = Vec::with_capacity(2 * chunk.len());
        for (member, campaign) in chunk {
            bound.extend_from_slice(args![member.0, campaign.0]);
        }
        let insert = format!(
            "INSERT INTO campaign_members (contribution_id, campaign_id) VALUES {}",
            value_rows(chunk.len(), 2)
        );
        sql.execute(&insert, &bound)?;
    }
    Ok(())
}

pub(crate) fn campaign_members(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
) -> Result<Vec<(ContributionId, ContributionId)>> {
    let rows = sql.rows(
        "SELECT m.contribution_id, m.campaign_id FROM campaign_members m
         JOIN contributions c ON c.id = m.contribution_id WHERE c.consultation_id = $1 ORDER BY m.contribution_id",
        args![consultation.0],
    )?;
    rows.into_iter().map(|r| Ok((ContributionId(r.int(0)?), ContributionId(r.int(1)?)))).collect()
}

/// How many members a consultation's campaigns have, and the sum of their campaigns' numbers.
pub(crate) fn mark(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<(u64, i64)> {
    let row = sql.one(
        "SELECT COUNT(*), CAST(COALESCE(SUM(m.campaign_id), 0) AS BIGINT) FROM campaign_members m
         JOIN contributions c ON c.id = m.contribution_id WHERE c.consultation_id = $1",
        args![consultation.0],
    )?;
    Ok((row.count(0)?, row.int(1)?))
}

/// A contribution's campaign and its size.
pub(crate) fn campaign_of(sql: &mut dyn Sql, contribution: ContributionId) -> Result<Option<(ContributionId, u64)>> {
    let row = sql.row(
        "SELECT m.campaign_id, (SELECT COUNT(*) FROM campaign_members o WHERE o.campaign_id = m.campaign_id)
         FROM campaign_members m WHERE m.contribution_id = $1",
        args![contribution.0],
    )?;
    row.map(|r| Ok((ContributionId(r.int(0)?), r.count(1)?))).transpose()
}
