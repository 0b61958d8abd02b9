//! Campaigns as the database keeps them: each member contribution with its campaign (a
//! consultation's written again whole, or changed member by member as the change feed is
//! followed, with how far it has been), and the secretariat's names and notes.

use consulta_core::{CampaignNote, ConsultationId, ContributionId};

use crate::queries::audit::insert_audit;
use crate::rows::millis;
use crate::sql::{Sql, args, value_rows};
use crate::{AuditActor, AuditEntry, CampaignFacet, CampaignReach, CampaignSummary, Result, StoreError};

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
    refuse_strangers(sql, consultation, &ids)?;
    insert_members(sql, members)
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

pub(crate) fn change_campaigns(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    changes: &[(ContributionId, Option<ContributionId>)],
) -> Result<()> {
    let ids: Vec<i64> =
        changes.iter().flat_map(|(member, campaign)| [Some(member.0), campaign.map(|c| c.0)]).flatten().collect();
    refuse_strangers(sql, consultation, &ids)?;
    let members: Vec<i64> = changes.iter().map(|(member, _)| member.0).collect();
    for chunk in members.chunks(ROWS_PER_STATEMENT) {
        sql.execute("DELETE FROM campaign_members WHERE contribution_id = ANY($1)", args![chunk])?;
    }
    let joined: Vec<(ContributionId, ContributionId)> =
        changes.iter().filter_map(|(member, campaign)| campaign.map(|c| (*member, c))).collect();
    insert_members(sql, &joined)
}

/// Refuses ids that are not contributions of `consultation`.
fn refuse_strangers(sql: &mut dyn Sql, consultation: ConsultationId, ids: &[i64]) -> Result<()> {
    let theirs = sql
        .rows("SELECT id FROM contributions WHERE id = ANY($1) AND consultation_id = $2", args![ids, consultation.0])?;
    let theirs: std::collections::HashSet<i64> = theirs.iter().map(|r| r.int(0)).collect::<Result<_>>()?;
    match ids.iter().find(|id| !theirs.contains(id)) {
        Some(stranger) => Err(StoreError::NotInConsultation(*stranger)),
        None => Ok(()),
    }
}

fn insert_members(sql: &mut dyn Sql, members: &[(ContributionId, ContributionId)]) -> Result<()> {
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

pub(crate) fn followed(sql: &mut dyn Sql) -> Result<u64> {
    sql.row("SELECT seq FROM campaigns_followed WHERE only_row = 1", &[])?.map_or(Ok(0), |r| r.count(0))
}

pub(crate) fn set_followed(sql: &mut dyn Sql, seq: u64) -> Result<()> {
    let seq = i64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("change feed sequence {seq}")))?;
    sql.execute(
        "INSERT INTO campaigns_followed (only_row, seq) VALUES (1, $1)
         ON CONFLICT (only_row) DO UPDATE SET seq = excluded.seq",
        args![seq],
    )?;
    Ok(())
}

fn note_from(r: &mut crate::sql::Row, from: usize) -> Result<CampaignNote> {
    let (name, note) = (r.text(from)?, r.text(from + 1)?);
    CampaignNote::new(&name, &note).map_err(|e| StoreError::Corrupt(format!("campaign_notes: {e}")))
}

pub(crate) fn note(sql: &mut dyn Sql, campaign: ContributionId) -> Result<Option<CampaignNote>> {
    let row = sql.row("SELECT name, note FROM campaign_notes WHERE campaign_id = $1", args![campaign.0])?;
    row.map(|mut r| note_from(&mut r, 0)).transpose()
}

pub(crate) fn notes(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<(ContributionId, CampaignNote)>> {
    let rows = sql.rows(
        "SELECT n.campaign_id, n.name, n.note FROM campaign_notes n
         JOIN contributions c ON c.id = n.campaign_id WHERE c.consultation_id = $1 ORDER BY n.campaign_id",
        args![consultation.0],
    )?;
    rows.into_iter().map(|mut r| Ok((ContributionId(r.int(0)?), note_from(&mut r, 1)?))).collect()
}

pub(crate) fn set_note(
    sql: &mut dyn Sql,
    campaign: ContributionId,
    note: Option<&CampaignNote>,
    by: &AuditActor,
) -> Result<()> {
    let as_json = |n: &CampaignNote| serde_json::json!({ "name": n.name(), "note": n.note() });
    let before = self::note(sql, campaign)?;
    match note {
        Some(n) => sql.execute(
            "INSERT INTO campaign_notes (campaign_id, name, note, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (campaign_id) DO UPDATE SET name = excluded.name, note = excluded.note,
                                                     updated_at = excluded.updated_at",
            args![campaign.0, n.name(), n.note(), millis(by.at)],
        )?,
        None => sql.execute("DELETE FROM campaign_notes WHERE campaign_id = $1", args![campaign.0])?,
    };
    insert_audit(
        sql,
        &AuditEntry {
            by: by.clone(),
            action: "campaign.note".to_owned(),
            subject: format!("campaign {}", campaign.0),
            before: before.as_ref().map(as_json),
            after: note.map(as_json),
        },
    )
}

/// The members the public reads: those not withheld.
const PUBLISHED_MEMBERS: &str = "campaign_members m JOIN contributions c ON c.id = m.contribution_id
     WHERE c.withheld_reason IS NULL";

/// A consultation's campaigns counted, or (`campaign` given) that one alone.
pub(crate) fn summaries(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    campaign: Option<ContributionId>,
) -> Result<Vec<CampaignSummary>> {
    let one = if campaign.is_some() { "AND m.campaign_id = $2" } else { "" };
    let statement = format!(
        "SELECT m.campaign_id, COUNT(*), MIN(c.submitted_at), MAX(c.submitted_at) FROM {PUBLISHED_MEMBERS}
         AND c.consultation_id = $1 {one} GROUP BY m.campaign_id ORDER BY COUNT(*) DESC, m.campaign_id"
    );
    let rows = match campaign {
        Some(campaign) => sql.rows(&statement, args![consultation.0, campaign.0])?,
        None => sql.rows(&statement, args![consultation.0])?,
    };
    rows.into_iter()
        .map(|r| {
            Ok(CampaignSummary {
                campaign: ContributionId(r.int(0)?),
                size: r.count(1)?,
                first_seen: r.instant(2)?,
                last_seen: r.instant(3)?,
            })
        })
        .collect()
}

pub(crate) fn breakdown(sql: &mut dyn Sql, campaign: ContributionId) -> Result<Vec<CampaignFacet>> {
    let rows = sql.rows(
        "SELECT COALESCE(e.stakeholder_group, c.stakeholder_group),
                CASE WHEN e.id IS NULL THEN c.country ELSE e.country END, c.channel, COUNT(*)
         FROM campaign_members m JOIN contributions c ON c.id = m.contribution_id
              LEFT JOIN entities e ON e.id = c.attributed_entity_id
         WHERE m.campaign_id = $1 AND c.withheld_reason IS NULL
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        args![campaign.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(CampaignFacet {
                group: r.parse(0, "contributions.stakeholder_group")?,
                country: r.opt_parse(1, "contributions.country")?,
                channel: r.parse(2, "contributions.channel")?,
                members: r.count(3)?,
            })
        })
        .collect()
}

pub(crate) fn member_ids(sql: &mut dyn Sql, campaign: ContributionId) -> Result<Vec<ContributionId>> {
    let rows = sql.rows(
        &format!("SELECT m.contribution_id FROM {PUBLISHED_MEMBERS} AND m.campaign_id = $1 ORDER BY m.contribution_id"),
        args![campaign.0],
    )?;
    rows.iter().map(|r| Ok(ContributionId(r.int(0)?))).collect()
}

/// Ids a statement asks about at most.
const IDS_PER_STATEMENT: usize = 1000;

pub(crate) fn campaigns_of(sql: &mut dyn Sql, ids: &[ContributionId]) -> Result<Vec<(ContributionId, ContributionId)>> {
    let mut found = Vec::new();
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let chunk: Vec<i64> = chunk.iter().map(|id| id.0).collect();
        let rows = sql.rows(
            "SELECT contribution_id, campaign_id FROM campaign_members WHERE contribution_id = ANY($1)",
            args![chunk.as_slice()],
        )?;
        for r in rows {
            found.push((ContributionId(r.int(0)?), ContributionId(r.int(1)?)));
        }
    }
    Ok(found)
}

/// Counted members: published, and of a known sender (or attributed), as `channel_counts`
/// counts them.
const COUNTED_MEMBERS: &str = "campaign_members m JOIN contributions c ON c.id = m.contribution_id
     LEFT JOIN entities a ON a.id = c.attributed_entity_id
     WHERE c.consultation_id = $1 AND c.withheld_reason IS NULL
       AND NOT (c.identity = 'unverified' AND c.attributed_entity_id IS NULL)";

pub(crate) fn reach(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<CampaignReach> {
    let rows = sql.rows(
        &format!(
            "SELECT COALESCE(a.stakeholder_group, c.stakeholder_group), COUNT(*), COUNT(DISTINCT m.campaign_id)
             FROM {COUNTED_MEMBERS} GROUP BY 1"
        ),
        args![consultation.0],
    )?;
    let groups = rows
        .into_iter()
        .map(|mut r| Ok((r.parse(0, "contributions.stakeholder_group")?, r.count(1)?, r.count(2)?)))
        .collect::<Result<Vec<_>>>()?;
    let reached =
        sql.one(&format!("SELECT COUNT(DISTINCT m.campaign_id) FROM {COUNTED_MEMBERS}"), args![consultation.0])?;
    Ok(CampaignReach { groups, campaigns: reached.count(0)? })
}
