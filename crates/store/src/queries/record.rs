//! The record's reads and the secretariat's changes to it: consultations, meetings, entities,
//! contributions and their files, the counts of the participation table, withholding and
//! attribution, report details, the change feed and what the public may read.

use std::collections::BTreeMap;

use consulta_core::table::Standing;
use consulta_core::time::zone_name;
use consulta_core::{
    AttachmentEntry, CanonicalRecord, Channel, Consultation, ConsultationId, Contribution, ContributionId, Entity,
    EntityId, Identity, Meeting, MeetingId, NewConsultation, ReportDetails, StakeholderGroupId,
};
use jiff::civil::Date;

use super::audit::insert_audit;
use crate::rows::{
    CANONICAL_SELECT, CONSULTATION_COLUMNS, CONTRIBUTION_COLUMNS, ENTITY_COLUMNS, EXCEPTION_COUNTS,
    GROUP_CHANNEL_COUNTS, attribution_audit, corrupt, extraction_columns, extraction_from_columns, localized_to_json,
    millis, questions_to_json, report_details_audit, report_details_from, report_details_json, withholding_audit,
};
use crate::sql::{Arg, Failure, Sql, args};
use crate::{
    Attachment, AuditActor, Change, ContributionFilter, ContributionSummary, Extraction, Page, PageRequest, PublicText,
    Result, StoreError,
};

/// A count or offset as the database takes it.
pub(crate) fn limit(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn stakeholder_groups(sql: &mut dyn Sql) -> Result<Vec<StakeholderGroupId>> {
    let rows = sql.rows("SELECT id FROM stakeholder_groups ORDER BY position", &[])?;
    rows.into_iter().map(|mut r| r.parse(0, "stakeholder_groups.id")).collect()
}

/// Adds a consultation; gives its id.
pub(crate) fn create_consultation(sql: &mut dyn Sql, new: &NewConsultation) -> Result<ConsultationId> {
    let inserted = sql.one(
        "INSERT INTO consultations (slug, original_language, title, description, mandate, opens_at, closes_at,
                                    time_zone, questions, is_example, unverified_allowed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        args![
            new.slug.as_str(),
            new.original_language.as_str(),
            &localized_to_json(&new.title),
            &localized_to_json(&new.description),
            &localized_to_json(&new.mandate),
            millis(new.period.opens()),
            millis(new.period.closes()),
            zone_name(&new.time_zone),
            &questions_to_json(&new.questions),
            new.is_example,
            new.unverified_allowed,
        ],
    );
    match inserted {
        Err(e) if e.failure() == Some(Failure::Unique) => Err(StoreError::DuplicateSlug(new.slug.to_string())),
        other => Ok(ConsultationId(other?.int(0)?)),
    }
}

pub(crate) fn consultations(sql: &mut dyn Sql) -> Result<Vec<Consultation>> {
    let select = format!("SELECT {CONSULTATION_COLUMNS} FROM consultations ORDER BY opens_at DESC, id");
    sql.rows(&select, &[])?.iter_mut().map(crate::rows::consultation).collect()
}

pub(crate) fn consultation_where(sql: &mut dyn Sql, column: &str, value: Arg<'_>) -> Result<Option<Consultation>> {
    let select = format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE {column} = $1");
    sql.row(&select, &[value])?.as_mut().map(crate::rows::consultation).transpose()
}

pub(crate) fn update_consultation_texts(sql: &mut dyn Sql, consultation: &Consultation) -> Result<()> {
    let record = &consultation.record;
    sql.execute(
        "UPDATE consultations SET title = $2, description = $3, mandate = $4, questions = $5 WHERE id = $1",
        args![
            consultation.id.0,
            &localized_to_json(&record.title),
            &localized_to_json(&record.description),
            &localized_to_json(&record.mandate),
            &questions_to_json(&record.questions),
        ],
    )?;
    Ok(())
}

pub(crate) fn add_meeting(sql: &mut dyn Sql, consultation: ConsultationId, date: Date, place: &str) -> Result<Meeting> {
    let inserted = sql.one(
        "INSERT INTO meetings (consultation_id, date, place) VALUES ($1, $2, $3) RETURNING id",
        args![consultation.0, &date.to_string(), place],
    );
    let id = match inserted {
        Err(e) if e.failure() == Some(Failure::Unique) => return Err(StoreError::DuplicateMeeting(date)),
        other => other?.int(0)?,
    };
    Ok(Meeting { id: MeetingId(id), consultation, date, place: place.to_owned() })
}

pub(crate) fn meetings(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<Meeting>> {
    let rows = sql
        .rows("SELECT id, date, place FROM meetings WHERE consultation_id = $1 ORDER BY date", args![consultation.0])?;
    rows.into_iter()
        .map(|mut r| {
            Ok(Meeting {
                id: MeetingId(r.int(0)?),
                consultation,
                date: r.parse(1, "meetings.date")?,
                place: r.text(2)?,
            })
        })
        .collect()
}

pub(crate) fn entity(sql: &mut dyn Sql, id: EntityId) -> Result<Option<Entity>> {
    let select = format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = $1");
    sql.row(&select, args![id.0])?.as_mut().map(crate::rows::entity).transpose()
}

pub(crate) fn contribution(sql: &mut dyn Sql, id: ContributionId) -> Result<Option<Contribution>> {
    let select = format!("SELECT {CONTRIBUTION_COLUMNS} FROM contributions WHERE id = $1");
    sql.row(&select, args![id.0])?.as_mut().map(crate::rows::contribution).transpose()
}

pub(crate) fn contributions(
    sql: &mut dyn Sql,
    filter: &ContributionFilter,
    page: PageRequest,
) -> Result<Page<ContributionSummary>> {
    let filters: [(&str, Option<Arg<'_>>); 4] = [
        ("consultation_id", filter.consultation.map(|c| Arg::Int(c.0))),
        ("entity_id", filter.entity.map(|e| Arg::Int(e.0))),
        ("stakeholder_group", filter.group.as_ref().map(|g| Arg::Text(g.as_str()))),
        ("channel", filter.channel.map(|c| Arg::Text(c.as_str()))),
    ];
    let mut conditions = Vec::new();
    let mut values = Vec::new();
    for (column, value) in filters {
        if let Some(value) = value {
            values.push(value);
            conditions.push(format!("c.{column} = ${}", values.len()));
        }
    }
    let where_clause =
        if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
    let total = sql.one(&format!("SELECT COUNT(*) FROM contributions c {where_clause}"), &values)?.count(0)?;
    let select = format!(
        "{SUMMARY_SELECT} {where_clause} ORDER BY c.submitted_at, c.id LIMIT ${} OFFSET ${}",
        values.len() + 1,
        values.len() + 2
    );
    values.extend([Arg::Int(limit(page.limit)), Arg::Int(limit(page.offset))]);
    let items = sql.rows(&select, &values)?.iter_mut().map(summary).collect::<Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// The newest `count` contributions of a consultation, newest first: read from the end of the
/// index `contributions_by_time`, whatever the record's size.
pub(crate) fn newest_contributions(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    count: u64,
) -> Result<Vec<ContributionSummary>> {
    let select =
        format!("{SUMMARY_SELECT} WHERE c.consultation_id = $1 ORDER BY c.submitted_at DESC, c.id DESC LIMIT $2");
    sql.rows(&select, args![consultation.0, limit(count)])?.iter_mut().map(summary).collect()
}

/// What a listing shows of a contribution `c` (`e` its entity), read by `summary`.
const SUMMARY_SELECT: &str =
    "SELECT c.id, c.consultation_id, c.entity_id, e.name, c.stakeholder_group, c.channel, c.submitted_at,
            c.language, c.title, c.late, c.withheld_reason IS NOT NULL,
            c.identity = 'unverified' AND c.attributed_entity_id IS NULL
     FROM contributions c JOIN entities e ON e.id = c.entity_id";

fn summary(r: &mut crate::sql::Row) -> Result<ContributionSummary> {
    Ok(ContributionSummary {
        id: ContributionId(r.int(0)?),
        consultation: ConsultationId(r.int(1)?),
        entity: EntityId(r.int(2)?),
        entity_name: r.text(3)?,
        group: r.parse(4, "contributions.stakeholder_group")?,
        channel: r.parse(5, "contributions.channel")?,
        submitted_at: r.instant(6)?,
        language: r.text(7)?,
        title: r.text(8)?,
        late: r.bool(9)?,
        withheld: r.bool(10)?,
        unverified: r.bool(11)?,
    })
}

pub(crate) fn contribution_ids(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    after: Option<ContributionId>,
    count: usize,
) -> Result<Vec<ContributionId>> {
    // The unary '+' keeps the planner from choosing the consultation index, which would sort
    // the whole consultation for every page: walking the primary key from `after` is linear.
    let rows = sql.rows(
        "SELECT id FROM contributions WHERE +consultation_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        args![consultation.0, after.map_or(0, |a| a.0), limit(count as u64)],
    )?;
    rows.iter().map(|r| Ok(ContributionId(r.int(0)?))).collect()
}

pub(crate) fn channel_counts(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
) -> Result<Vec<(StakeholderGroupId, Channel, Standing, u64)>> {
    // Every contribution counted under its own group, then the few that are not moved to where
    // they belong: the kept counts and a partial index, not a scan of the contributions.
    let mut counts: BTreeMap<(StakeholderGroupId, Channel, Standing), i64> = BTreeMap::new();
    for mut row in sql.rows(GROUP_CHANNEL_COUNTS, args![consultation.0])? {
        let key = (row.parse(0, "contributions.stakeholder_group")?, row.parse(1, "contributions.channel")?);
        *counts.entry((key.0, key.1, Standing::Counted)).or_default() += count(&row, 2)?;
    }
    for mut row in sql.rows(EXCEPTION_COUNTS, args![consultation.0])? {
        let own: StakeholderGroupId = row.parse(0, "contributions.stakeholder_group")?;
        let channel: Channel = row.parse(1, "contributions.channel")?;
        let counted_under: StakeholderGroupId = row.parse(2, "entities.stakeholder_group")?;
        let standing = Standing::parse(&row.text(3)?).ok_or_else(|| corrupt("standing"))?;
        let n = count(&row, 4)?;
        *counts.entry((own, channel, Standing::Counted)).or_default() -= n;
        *counts.entry((counted_under, channel, standing)).or_default() += n;
    }
    Ok(counts.into_iter().filter(|(_, n)| *n > 0).map(|((g, c, s), n)| (g, c, s, n as u64)).collect())
}

fn count(row: &crate::sql::Row, column: usize) -> Result<i64> {
    i64::try_from(row.count(column)?).map_err(|_| corrupt("count"))
}

/// The canonical record of a contribution (what its log leaf commits to).
pub(crate) fn canonical_record(sql: &mut dyn Sql, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
    let Some(mut row) = sql.row(&format!("{CANONICAL_SELECT} WHERE c.id = $1"), args![contribution.0])? else {
        return Ok(None);
    };
    let attachments = sql
        .rows(
            "SELECT name, size, sha256 FROM attachments WHERE contribution_id = $1 ORDER BY position",
            args![contribution.0],
        )?
        .into_iter()
        .map(|mut r| Ok(AttachmentEntry { name: r.text(0)?, size: r.count(1)?, sha256: r.text(2)? }))
        .collect::<Result<Vec<_>>>()?;
    crate::rows::canonical_record(contribution, &mut row, attachments).map(Some)
}

/// Withholds a contribution (or publishes it again), audited; false if there is none.
pub(crate) fn set_withheld(
    sql: &mut dyn Sql,
    contribution: ContributionId,
    reason: Option<&str>,
    by: &AuditActor,
) -> Result<bool> {
    let Some(mut row) = sql.row("SELECT withheld_reason FROM contributions WHERE id = $1", args![contribution.0])?
    else {
        return Ok(false);
    };
    let before = row.opt_text(0)?;
    sql.execute("UPDATE contributions SET withheld_reason = $2 WHERE id = $1", args![contribution.0, reason])?;
    insert_audit(sql, &withholding_audit(contribution, before.as_deref(), reason, by))?;
    Ok(true)
}

/// Attributes an unverified contribution to a recorded entity (or takes it back), audited.
pub(crate) fn attribute(
    sql: &mut dyn Sql,
    contribution: ContributionId,
    entity: Option<EntityId>,
    by: &AuditActor,
) -> Result<bool> {
    let Some(mut row) =
        sql.row("SELECT identity, attributed_entity_id FROM contributions WHERE id = $1", args![contribution.0])?
    else {
        return Ok(false);
    };
    let (identity, before) = (row.text(0)?, row.opt_int(1)?);
    let recorded = match entity {
        Some(entity) => {
            sql.row("SELECT NOT claimed FROM entities WHERE id = $1", args![entity.0])?
                .map(|r| r.bool(0))
                .transpose()?
                == Some(true)
        }
        None => true,
    };
    if identity != Identity::Unverified.as_str() || !recorded {
        return Err(StoreError::NotAttributable(contribution.0));
    }
    sql.execute(
        "UPDATE contributions SET attributed_entity_id = $2 WHERE id = $1",
        args![contribution.0, entity.map(|e| e.0)],
    )?;
    insert_audit(sql, &attribution_audit(contribution, before, entity, by))?;
    Ok(true)
}

const REPORT_DETAILS_OF: &str = "SELECT details FROM report_details WHERE consultation_id = $1";

pub(crate) fn report_details(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<ReportDetails> {
    report_details_from(sql.row(REPORT_DETAILS_OF, args![consultation.0])?.map(|mut r| r.text(0)).transpose()?)
}

pub(crate) fn set_report_details(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    details: &ReportDetails,
    by: &AuditActor,
) -> Result<()> {
    let after = report_details_json(details)?;
    let before = sql.row(REPORT_DETAILS_OF, args![consultation.0])?.map(|mut r| r.text(0)).transpose()?;
    sql.execute(
        "INSERT INTO report_details (consultation_id, details, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (consultation_id) DO UPDATE SET details = excluded.details, updated_at = excluded.updated_at",
        args![consultation.0, &after, millis(by.at)],
    )?;
    insert_audit(sql, &report_details_audit(consultation, before, &after, by)?)
}

pub(crate) fn amendments(sql: &mut dyn Sql, contribution: ContributionId) -> Result<Vec<ContributionId>> {
    let rows = sql.rows("SELECT id FROM contributions WHERE amends_id = $1 ORDER BY id", args![contribution.0])?;
    rows.iter().map(|r| Ok(ContributionId(r.int(0)?))).collect()
}

pub(crate) fn attachments(sql: &mut dyn Sql, contribution: ContributionId) -> Result<Vec<Attachment>> {
    let rows = sql.rows(
        "SELECT position, name, media_type, size, sha256 FROM attachments WHERE contribution_id = $1 ORDER BY position",
        args![contribution.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(Attachment {
                position: r.small(0)?,
                name: r.text(1)?,
                media_type: r.text(2)?,
                size: r.count(3)?,
                sha256: r.hex_hash(4, "attachments.sha256")?,
            })
        })
        .collect()
}

/// The SHA-256 of every attachment recorded, each once.
pub(crate) fn attachment_hashes(sql: &mut dyn Sql) -> Result<Vec<consulta_log::Hash>> {
    let rows = sql.rows("SELECT DISTINCT sha256 FROM attachments", &[])?;
    rows.into_iter().map(|mut r| r.hex_hash(0, "attachments.sha256")).collect()
}

pub(crate) fn set_extraction(
    sql: &mut dyn Sql,
    contribution: ContributionId,
    position: u32,
    outcome: &Extraction,
) -> Result<()> {
    let (status, note, text) = extraction_columns(outcome);
    sql.execute(
        "UPDATE attachments SET extraction = $3, extraction_note = $4, text = $5
         WHERE contribution_id = $1 AND position = $2",
        args![contribution.0, i64::from(position), status, note, text],
    )?;
    Ok(())
}

pub(crate) fn extraction(sql: &mut dyn Sql, contribution: ContributionId, position: u32) -> Result<Option<Extraction>> {
    let row = sql.row(
        "SELECT extraction, extraction_note, text FROM attachments WHERE contribution_id = $1 AND position = $2",
        args![contribution.0, i64::from(position)],
    )?;
    row.map(|mut r| extraction_from_columns(&r.text(0)?, r.opt_text(1)?, r.opt_text(2)?)).transpose()
}

pub(crate) fn changes_since(sql: &mut dyn Sql, after: u64, count: usize) -> Result<Vec<Change>> {
    let rows = sql.rows(
        "SELECT seq, contribution_id FROM change_feed WHERE seq > $1 ORDER BY seq LIMIT $2",
        args![limit(after), limit(count as u64)],
    )?;
    rows.iter().map(|r| Ok(Change { seq: r.count(0)?, contribution: ContributionId(r.int(1)?) })).collect()
}

pub(crate) fn last_change(sql: &mut dyn Sql) -> Result<u64> {
    sql.one("SELECT COALESCE(MAX(seq), 0) FROM change_feed", &[])?.count(0)
}

pub(crate) fn public_texts(sql: &mut dyn Sql, ids: &[ContributionId]) -> Result<Vec<PublicText>> {
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    // The attachments' texts are joined by a line break (the literal in the statement).
    let rows = sql.rows(
        "SELECT c.id, k.slug, COALESCE(e.name, c.entity_name), COALESCE(e.stakeholder_group, c.stakeholder_group),
                c.channel, CASE WHEN e.id IS NULL THEN c.country ELSE e.country END, c.language,
                c.submitted_at, c.title, c.body, c.withheld_reason IS NOT NULL, c.identity,
                (SELECT string_agg(a.text, '\n' ORDER BY a.position) FROM attachments a
                 WHERE a.contribution_id = c.id AND a.extraction = 'done'),
                c.identity = 'unverified' AND e.id IS NULL
         FROM contributions c JOIN consultations k ON k.id = c.consultation_id
              LEFT JOIN entities e ON e.id = c.attributed_entity_id
         WHERE c.id = ANY($1)
         ORDER BY c.id",
        args![ids.as_slice()],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(PublicText {
                id: ContributionId(r.int(0)?),
                consultation: r.text(1)?,
                entity_name: r.opt_text(2)?.unwrap_or_default(),
                group: r.parse(3, "contributions.stakeholder_group")?,
                channel: r.parse(4, "contributions.channel")?,
                country: r.opt_parse(5, "contributions.country")?,
                language: r.text(6)?,
                submitted_at: r.instant(7)?,
                title: r.text(8)?,
                body: r.text(9)?,
                withheld: r.bool(10)?,
                identity: Identity::parse(&r.text(11)?).ok_or_else(|| corrupt("contributions.identity"))?,
                attachments_text: r.opt_text(12)?.unwrap_or_default(),
                unverified: r.bool(13)?,
            })
        })
        .collect()
}
