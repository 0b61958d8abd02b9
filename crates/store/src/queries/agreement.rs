//! Points of agreement as the database keeps them: statements and their moderation (an accepted
//! statement is appended to the public log in the same transaction), participants, every vote
//! cast, and the import of a whole conversation.

use consulta_core::{
    CastVote, Choice, ConsultationId, Entity, Moderation, NewStatement, Participant, ParticipantId, Statement,
    StatementId, StatementRecord, Voter,
};
use consulta_log::{Hash, sha256};
use jiff::Timestamp;

use super::audit::audit_change;
use super::log::{Appender, LeafOf};
use crate::rows::{corrupt, millis};
use crate::sql::{Row, Sql, args, value_rows};
use crate::{AuditActor, ConversationImport, ImportedConversation, Result, StoreError};

const STATEMENT_COLUMNS: &str = "id, consultation_id, text, language, origin, source_contribution_id, external_id, \
     proposed_by, proposed_at, moderation, rejection_reason";

fn statement_row(r: &mut Row) -> Result<Statement> {
    Ok(Statement {
        id: StatementId(r.int(0)?),
        consultation: ConsultationId(r.int(1)?),
        text: r.text(2)?,
        language: r.parse(3, "statements.language")?,
        origin: consulta_core::Origin::parse(&r.text(4)?).ok_or_else(|| corrupt("statements.origin"))?,
        source: r.opt_int(5)?.map(consulta_core::ContributionId),
        external_id: r.opt_text(6)?,
        proposed_by: r.opt_int(7)?.map(ParticipantId),
        proposed_at: r.instant(8)?,
        moderation: Moderation::parse(&r.text(9)?).ok_or_else(|| corrupt("statements.moderation"))?,
        rejection_reason: r.opt_text(10)?,
    })
}

pub(crate) fn statement(sql: &mut dyn Sql, id: StatementId) -> Result<Option<Statement>> {
    let select = format!("SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = $1");
    sql.row(&select, args![id.0])?.as_mut().map(statement_row).transpose()
}

/// A consultation's statements in the order they were proposed; only those in `moderation` when
/// it is given.
pub(crate) fn statements(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    moderation: Option<Moderation>,
) -> Result<Vec<Statement>> {
    let moderations: Vec<String> = match moderation {
        Some(one) => vec![one.as_str().to_owned()],
        None => Moderation::ALL.iter().map(|m| m.as_str().to_owned()).collect(),
    };
    let select = format!(
        "SELECT {STATEMENT_COLUMNS} FROM statements WHERE consultation_id = $1 AND moderation = ANY($2) ORDER BY id"
    );
    let rows = sql.rows(&select, args![consultation.0, moderations.as_slice()])?;
    rows.into_iter().map(|mut r| statement_row(&mut r)).collect()
}

fn insert_statement(sql: &mut dyn Sql, new: &NewStatement, moderation: Moderation) -> Result<StatementId> {
    let moderated_at = (moderation != Moderation::Pending).then(|| millis(new.proposed_at));
    let id = sql
        .one(
            "INSERT INTO statements (consultation_id, text, language, origin, source_contribution_id, external_id,
                 proposed_by, proposed_at, moderation, moderated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            args![
                new.consultation.0,
                new.text.as_str(),
                new.language.as_str(),
                new.origin.as_str(),
                new.source.map(|c| c.0),
                new.external_id.as_deref(),
                new.proposed_by.map(|p| p.0),
                millis(new.proposed_at),
                moderation.as_str(),
                moderated_at,
            ],
        )?
        .int(0)?;
    Ok(StatementId(id))
}

/// The canonical record of an accepted statement as it is stored now.
pub(crate) fn statement_record(sql: &mut dyn Sql, id: StatementId) -> Result<Option<StatementRecord>> {
    let Some(statement) = statement(sql, id)? else { return Ok(None) };
    let slug: consulta_core::Slug = sql
        .one("SELECT slug FROM consultations WHERE id = $1", args![statement.consultation.0])?
        .parse(0, "consultations.slug")?;
    Ok(Some(StatementRecord::of(&statement, &slug)))
}

/// Appends an accepted statement to the log, through `log`.
fn append_statement(sql: &mut dyn Sql, log: &mut Appender, id: StatementId) -> Result<u64> {
    let record = statement_record(sql, id)?.ok_or_else(|| corrupt(format!("statement {} vanished", id.0)))?;
    log.append(sql, LeafOf::Statement(id), sha256(&record.to_bytes()))
}

/// Records a statement: a participant's waits for moderation; the secretariat's is accepted at
/// once (a leaf of the log) and audited.
pub(crate) fn add_statement(sql: &mut dyn Sql, new: &NewStatement, by: Option<&AuditActor>) -> Result<Statement> {
    let moderation = if by.is_some() { Moderation::Accepted } else { Moderation::Pending };
    let id = insert_statement(sql, new, moderation)?;
    if let Some(by) = by {
        let mut log = Appender::default();
        append_statement(sql, &mut log, id)?;
        log.flush(sql)?;
        let after = serde_json::json!({ "text": new.text, "source_contribution": new.source.map(|c| c.0) });
        audit_change(sql, by, "statement.add", format!("statement {}", id.0), None, after)?;
    }
    statement(sql, id)?.ok_or_else(|| corrupt("the statement just written"))
}

/// Accepts (None) or rejects (with a reason) a statement waiting for moderation, audited; an
/// accepted one becomes a leaf of the log. None if there is no such statement;
/// `StoreError::AlreadyModerated` if it was decided already.
pub(crate) fn moderate(
    sql: &mut dyn Sql,
    id: StatementId,
    rejection: Option<&str>,
    by: &AuditActor,
) -> Result<Option<Statement>> {
    let Some(before) = statement(sql, id)? else { return Ok(None) };
    if before.moderation != Moderation::Pending {
        return Err(StoreError::AlreadyModerated(id.0));
    }
    let decision = if rejection.is_some() { Moderation::Rejected } else { Moderation::Accepted };
    sql.execute(
        "UPDATE statements SET moderation = $2, rejection_reason = $3, moderated_at = $4 WHERE id = $1",
        args![id.0, decision.as_str(), rejection, millis(by.at)],
    )?;
    if decision == Moderation::Accepted {
        let mut log = Appender::default();
        append_statement(sql, &mut log, id)?;
        log.flush(sql)?;
    }
    let after = serde_json::json!({ "moderation": decision.as_str(), "reason": rejection, "text": before.text });
    let before_value = serde_json::json!({ "moderation": before.moderation.as_str() });
    audit_change(sql, by, "statement.moderate", format!("statement {}", id.0), Some(before_value), after)?;
    statement(sql, id)
}

/// The participant `voter` is in `consultation`, recorded on its first appearance (a verified one
/// with its entity's stakeholder group and country as they are then).
pub(crate) fn participant(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    voter: &Voter,
    entity: Option<&Entity>,
    at: Timestamp,
) -> Result<ParticipantId> {
    let key = voter.key();
    let find = "SELECT id FROM agreement_participants WHERE consultation_id = $1 AND kind = $2 AND voter_key = $3";
    if let Some(row) = sql.row(find, args![consultation.0, voter.kind(), key.as_str()])? {
        return Ok(ParticipantId(row.int(0)?));
    }
    let entity = entity.filter(|_| matches!(voter, Voter::Verified(_)));
    let id = sql
        .one(
            "INSERT INTO agreement_participants
                 (consultation_id, kind, voter_key, entity_id, stakeholder_group, country, joined_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            args![
                consultation.0,
                voter.kind(),
                key.as_str(),
                entity.map(|e| e.id.0),
                entity.map(|e| e.group.as_str()),
                entity.and_then(|e| e.country.as_ref().map(|c| c.as_str())),
                millis(at),
            ],
        )?
        .int(0)?;
    Ok(ParticipantId(id))
}

/// The participant `voter` is in `consultation`, if it ever voted or proposed.
pub(crate) fn find_participant(
    sql: &mut dyn Sql,
    consultation: ConsultationId,
    voter: &Voter,
) -> Result<Option<ParticipantId>> {
    let find = "SELECT id FROM agreement_participants WHERE consultation_id = $1 AND kind = $2 AND voter_key = $3";
    let row = sql.row(find, args![consultation.0, voter.kind(), voter.key().as_str()])?;
    row.map(|r| Ok(ParticipantId(r.int(0)?))).transpose()
}

/// Records a vote on an accepted statement of the participant's consultation; earlier votes stay
/// as history. `StoreError::NotVotable` otherwise.
pub(crate) fn cast_vote(sql: &mut dyn Sql, vote: &CastVote) -> Result<()> {
    let votable = sql.row(
        "SELECT s.id FROM statements s JOIN agreement_participants p ON p.consultation_id = s.consultation_id
         WHERE s.id = $1 AND p.id = $2 AND s.moderation = 'accepted'",
        args![vote.statement.0, vote.participant.0],
    )?;
    if votable.is_none() {
        return Err(StoreError::NotVotable(vote.statement.0));
    }
    sql.execute(
        "INSERT INTO votes (participant_id, statement_id, choice, cast_at) VALUES ($1, $2, $3, $4)",
        args![vote.participant.0, vote.statement.0, vote.choice.number(), millis(vote.cast_at)],
    )?;
    Ok(())
}

/// Every vote cast in a consultation, in the order they were cast (so the latest counts).
pub(crate) fn votes(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<CastVote>> {
    let rows = sql.rows(
        "SELECT v.participant_id, v.statement_id, v.choice, v.cast_at FROM votes v
         JOIN statements s ON s.id = v.statement_id WHERE s.consultation_id = $1 ORDER BY v.id",
        args![consultation.0],
    )?;
    rows.into_iter()
        .map(|r| {
            Ok(CastVote {
                participant: ParticipantId(r.int(0)?),
                statement: StatementId(r.int(1)?),
                choice: Choice::from_number(r.int(2)?).ok_or_else(|| corrupt("votes.choice"))?,
                cast_at: r.instant(3)?,
            })
        })
        .collect()
}

/// The latest vote of a participant on each statement it voted on.
pub(crate) fn votes_of(sql: &mut dyn Sql, participant: ParticipantId) -> Result<Vec<(StatementId, Choice)>> {
    let rows =
        sql.rows("SELECT statement_id, choice FROM votes WHERE participant_id = $1 ORDER BY id", args![participant.0])?;
    let mut latest: Vec<(StatementId, Choice)> = Vec::new();
    for r in rows {
        let statement = StatementId(r.int(0)?);
        let choice = Choice::from_number(r.int(1)?).ok_or_else(|| corrupt("votes.choice"))?;
        match latest.iter_mut().find(|(s, _)| *s == statement) {
            Some(slot) => slot.1 = choice,
            None => latest.push((statement, choice)),
        }
    }
    Ok(latest)
}

pub(crate) fn participants(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<Participant>> {
    let rows = sql.rows(
        "SELECT id, kind, voter_key, stakeholder_group, country FROM agreement_participants
         WHERE consultation_id = $1 ORDER BY id",
        args![consultation.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            let kind = match r.text(1)?.as_str() {
                "verified" => "verified",
                "anonymous" => "anonymous",
                "imported" => "imported",
                _ => return Err(corrupt("agreement_participants.kind")),
            };
            let key = r.text(2)?;
            Ok(Participant {
                id: ParticipantId(r.int(0)?),
                kind,
                external_id: (kind == "imported").then_some(key),
                group: r.opt_parse(3, "agreement_participants.stakeholder_group")?,
                country: r.opt_parse(4, "agreement_participants.country")?,
            })
        })
        .collect()
}

/// The last vote of the instance, and a consultation's statements and accepted statements.
pub(crate) fn mark(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<(i64, u64, u64)> {
    let last_vote = sql.one("SELECT COALESCE(MAX(id), 0) FROM votes", &[])?.int(0)?;
    let counts = sql.one(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE moderation = 'accepted') FROM statements WHERE consultation_id = $1",
        args![consultation.0],
    )?;
    Ok((last_vote, counts.count(0)?, counts.count(1)?))
}

/// Every statement's leaf: (statement, leaf index, record hash), in leaf order.
pub(crate) fn statement_leaves(sql: &mut dyn Sql) -> Result<Vec<(StatementId, u64, Hash)>> {
    let rows =
        sql.rows("SELECT statement_id, leaf_index, record_sha256 FROM statement_leaves ORDER BY leaf_index", &[])?;
    rows.into_iter()
        .map(|mut r| Ok((StatementId(r.int(0)?), r.count(1)?, r.hash(2, "statement_leaves.record_sha256")?)))
        .collect()
}

/// Rows of votes written by one statement: four values each.
const VOTES_PER_STATEMENT: usize = 250;

/// Writes a whole conversation imported from another system: its statements (those accepted
/// there appended to the log), its participants and every vote, audited once. Refused, with
/// nothing written, if the consultation already holds an imported statement.
pub(crate) fn import_conversation(
    sql: &mut dyn Sql,
    import: &ConversationImport,
    by: &AuditActor,
) -> Result<ImportedConversation> {
    let consultation = import.consultation;
    let already = sql.one(
        "SELECT COUNT(*) FROM statements WHERE consultation_id = $1 AND origin = 'imported'",
        args![consultation.0],
    )?;
    if already.count(0)? > 0 {
        return Err(StoreError::AlreadyImported);
    }
    let mut log = Appender::default();
    let mut statement_ids = Vec::with_capacity(import.statements.len());
    for statement in &import.statements {
        let moderation = if statement.accepted { Moderation::Accepted } else { Moderation::Rejected };
        let id = insert_statement(sql, &statement.new, moderation)?;
        if statement.accepted {
            append_statement(sql, &mut log, id)?;
        } else {
            sql.execute(
                "UPDATE statements SET rejection_reason = $2 WHERE id = $1",
                args![id.0, statement.rejection_reason.as_deref()],
            )?;
        }
        statement_ids.push(id);
    }
    log.flush(sql)?;
    let mut participant_ids = Vec::with_capacity(import.participants.len());
    for (external_id, joined_at) in &import.participants {
        let voter = Voter::Imported(external_id.clone());
        participant_ids.push(participant(sql, consultation, &voter, None, *joined_at)?);
    }
    for chunk in import.votes.chunks(VOTES_PER_STATEMENT) {
        let mut bound = Vec::with_capacity(4 * chunk.len());
        for vote in chunk {
            let participant = participant_ids.get(vote.participant).ok_or_else(|| corrupt("an imported vote"))?;
            let statement = statement_ids.get(vote.statement).ok_or_else(|| corrupt("an imported vote"))?;
            bound.extend_from_slice(args![participant.0, statement.0, vote.choice.number(), millis(vote.cast_at)]);
        }
        let insert = format!(
            "INSERT INTO votes (participant_id, statement_id, choice, cast_at) VALUES {}",
            value_rows(chunk.len(), 4)
        );
        sql.execute(&insert, &bound)?;
    }
    let imported = ImportedConversation {
        statements: statement_ids.len(),
        accepted: import.statements.iter().filter(|s| s.accepted).count(),
        participants: participant_ids.len(),
        votes: import.votes.len(),
    };
    let after = serde_json::json!({
        "source": import.source,
        "statements": imported.statements,
        "participants": imported.participants,
        "votes": imported.votes,
    });
    audit_change(sql, by, "agreement.import", format!("consultation {}", consultation.0), None, after)?;
    Ok(imported)
}
