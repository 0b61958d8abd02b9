//! The follow-up record as the database keeps it: facilitators by year and action line, and
//! commitments with every update of their status and progress; every change audited and
//! counted (`follow_up_changes`) in the same transaction.

use consulta_followup::{CommitmentStatus, FacilitatorRole, Progress, check_update};
use jiff::civil::Date;

use crate::queries::audit::insert_audit;
use crate::rows::millis;
use crate::sql::{Arg, Row, Sql, args, value_rows};
use crate::{
    AuditActor, AuditEntry, CommitmentFilter, CommitmentId, CommitmentUpdate, Facilitator, NewCommitment, Result,
    StoreError, StoredCommitment,
};

pub(crate) fn audit(
    sql: &mut dyn Sql,
    by: &AuditActor,
    action: &str,
    subject: String,
    after: serde_json::Value,
) -> Result<()> {
    sql.execute("UPDATE follow_up_changes SET changes = changes + 1", args![])?;
    insert_audit(
        sql,
        &AuditEntry { by: by.clone(), action: action.to_owned(), subject, before: None, after: Some(after) },
    )
}

fn corrupt(column: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{column} {value}"))
}

fn status(text: &str) -> Result<CommitmentStatus> {
    text.parse().map_err(|_| corrupt("commitments.status", text))
}

fn progress(value: i64) -> Result<Progress> {
    u8::try_from(value).ok().and_then(Progress::new).ok_or_else(|| corrupt("commitments.progress", &value.to_string()))
}

fn date(text: Option<String>) -> Result<Option<Date>> {
    text.map(|t| t.parse::<Date>().map_err(|_| corrupt("commitments date", &t))).transpose()
}

const COMMITMENT_COLUMNS: &str = "c.id, c.external_id, c.parent_id, p.external_id, c.consultation_id, c.entity, \
     c.title, c.description, c.action_lines, c.start_date, c.end_date, c.indicator, c.target, c.status, c.progress, \
     c.entity_id, c.issues, c.draft_symbol, c.contribution_id";

fn commitment(r: &mut Row) -> Result<StoredCommitment> {
    Ok(StoredCommitment {
        id: CommitmentId(r.int(0)?),
        parent: r.opt_int(2)?.map(CommitmentId),
        commitment: NewCommitment {
            external_id: r.opt_text(1)?,
            parent_external_id: r.opt_text(3)?,
            consultation: r.opt_int(4)?.map(consulta_core::ConsultationId),
            entity: r.text(5)?,
            title: r.text(6)?,
            description: r.text(7)?,
            action_lines: r.text(8)?.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
            start_date: date(r.opt_text(9)?)?,
            end_date: date(r.opt_text(10)?)?,
            indicator: r.text(11)?,
            target: r.text(12)?,
            status: status(&r.text(13)?)?,
            progress: progress(r.int(14)?)?,
            entity_id: r.opt_int(15)?.map(consulta_core::EntityId),
            issues: r.text(16)?.split(',').filter(|i| !i.is_empty()).map(str::to_owned).collect(),
            draft: r.opt_text(17)?,
            contribution: r.opt_int(18)?.map(consulta_core::ContributionId),
        },
    })
}

fn select_commitments(
    sql: &mut dyn Sql,
    condition: &str,
    args: &[crate::sql::Arg<'_>],
) -> Result<Vec<StoredCommitment>> {
    let select = format!(
        "SELECT {COMMITMENT_COLUMNS} FROM commitments c LEFT JOIN commitments p ON p.id = c.parent_id
             LEFT JOIN entities e ON e.id = c.entity_id
         WHERE {condition} ORDER BY c.id"
    );
    sql.rows(&select, args)?.iter_mut().map(commitment).collect()
}

pub(crate) fn list(sql: &mut dyn Sql, filter: &CommitmentFilter) -> Result<Vec<StoredCommitment>> {
    // A code within commas: "C2" is not found in "C12".
    let line = filter.action_line.as_ref().map(|code| format!("%,{code},%"));
    let issue = filter.issue.as_ref().map(|id| format!("%,{id},%"));
    select_commitments(
        sql,
        // Typed, as PostgreSQL cannot tell a parameter's type from a NULL.
        "(CAST($1 AS TEXT) IS NULL OR (',' || c.action_lines || ',') LIKE $1)
         AND (CAST($2 AS TEXT) IS NULL OR c.entity = $2) AND (CAST($3 AS TEXT) IS NULL OR c.status = $3)
         AND (CAST($4 AS TEXT) IS NULL OR e.stakeholder_group = $4) AND (CAST($5 AS BIGINT) = 0 OR e.country = ANY($6))
         AND (CAST($7 AS TEXT) IS NULL OR (',' || c.issues || ',') LIKE $7)",
        args![
            line.as_deref(),
            filter.entity.as_deref(),
            filter.status.map(CommitmentStatus::as_str),
            filter.group.as_deref(),
            i64::from(filter.countries.is_some()),
            filter.countries.as_deref().unwrap_or_default(),
            issue.as_deref()
        ],
    )
}

pub(crate) fn one(sql: &mut dyn Sql, id: CommitmentId) -> Result<Option<StoredCommitment>> {
    Ok(select_commitments(sql, "c.id = $1", args![id.0])?.pop())
}

fn update_of(r: &mut Row) -> Result<CommitmentUpdate> {
    let on = r.text(1)?;
    Ok(CommitmentUpdate {
        on: on.parse().map_err(|_| corrupt("commitment_updates.on_date", &on))?,
        status: status(&r.text(2)?)?,
        progress: progress(r.int(3)?)?,
        note: r.text(4)?,
    })
}

/// The updates of one commitment, or of every one, each commitment's in order.
pub(crate) fn updates(sql: &mut dyn Sql, id: Option<CommitmentId>) -> Result<Vec<(CommitmentId, CommitmentUpdate)>> {
    let rows = sql.rows(
        "SELECT commitment_id, on_date, status, progress, note FROM commitment_updates
         WHERE (CAST($1 AS BIGINT) IS NULL OR commitment_id = $1) ORDER BY commitment_id, number",
        args![id.map(|c| c.0)],
    )?;
    rows.into_iter().map(|mut r| Ok((CommitmentId(r.int(0)?), update_of(&mut r)?))).collect()
}

fn add_update(sql: &mut dyn Sql, id: CommitmentId, update: &CommitmentUpdate, by: &AuditActor) -> Result<()> {
    sql.execute(
        "INSERT INTO commitment_updates (commitment_id, number, on_date, status, progress, note, recorded_at)
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM commitment_updates WHERE commitment_id = $1),
                 $2, $3, $4, $5, $6)",
        args![
            id.0,
            update.on.to_string().as_str(),
            update.status.as_str(),
            i64::from(update.progress.percent()),
            update.note.as_str(),
            millis(by.at)
        ],
    )?;
    sql.execute(
        "UPDATE commitments SET status = $1, progress = $2 WHERE id = $3",
        args![update.status.as_str(), i64::from(update.progress.percent()), id.0],
    )?;
    Ok(())
}

pub(crate) fn update(sql: &mut dyn Sql, id: CommitmentId, update: &CommitmentUpdate, by: &AuditActor) -> Result<()> {
    let now = one(sql, id)?.ok_or(StoreError::NotACommitment(id.0))?;
    check_update((now.commitment.status, now.commitment.progress), (update.status, update.progress))?;
    add_update(sql, id, update, by)?;
    let after = serde_json::json!({
        "on": update.on.to_string(), "status": update.status, "progress": update.progress, "note": update.note,
    });
    audit(sql, by, "follow_up.update", format!("commitment {}", id.0), after)
}

fn by_external_id(sql: &mut dyn Sql, external: &str) -> Result<Option<StoredCommitment>> {
    Ok(select_commitments(sql, "c.external_id = $1", args![external])?.pop())
}

/// The rows in an order that puts each parent in the rows before its children, so every
/// commitment's parent has the smaller id (a copy of the record loads them in id order); a
/// parent that is a descendant of its child is named as unknown.
fn parents_first(rows: &[NewCommitment]) -> Result<Vec<&NewCommitment>> {
    let position: std::collections::HashMap<&str, usize> =
        rows.iter().enumerate().filter_map(|(i, r)| Some((r.external_id.as_deref()?, i))).collect();
    let mut placed = vec![false; rows.len()];
    let mut order = Vec::with_capacity(rows.len());
    for start in 0..rows.len() {
        // Walk up from `start` to the first ancestor not placed yet whose parent is placed (or
        // outside the rows), place it, and start again, until `start` is placed.
        while !placed[start] {
            let mut at = start;
            let mut steps = 0;
            while let Some(parent) = rows[at].parent_external_id.as_deref().and_then(|p| position.get(p)) {
                if placed[*parent] {
                    break;
                }
                at = *parent;
                steps += 1;
                if steps > rows.len() {
                    return Err(StoreError::UnknownParent {
                        child: rows[start].external_id.clone().unwrap_or_default(),
                        parent: rows[start].parent_external_id.clone().unwrap_or_default(),
                    });
                }
            }
            placed[at] = true;
            order.push(&rows[at]);
        }
    }
    Ok(order)
}

/// The columns a results row describes, in the order `import` binds them.
const DESCRIBED: &str = "parent_id, consultation_id, entity, entity_id, title, description, action_lines, \
     start_date, end_date, indicator, target, issues, draft_symbol, contribution_id";

pub(crate) fn import(sql: &mut dyn Sql, rows: &[NewCommitment], on: Date, by: &AuditActor) -> Result<(usize, usize)> {
    let (mut added, mut updated) = (0, 0);
    for row in parents_first(rows)? {
        let parent = match &row.parent_external_id {
            None => None,
            Some(parent) => Some(
                by_external_id(sql, parent)?
                    .ok_or_else(|| StoreError::UnknownParent {
                        child: row.external_id.clone().unwrap_or_default(),
                        parent: parent.clone(),
                    })?
                    .id
                    .0,
            ),
        };
        let lines = row.action_lines.join(",");
        let issues = row.issues.join(",");
        let dates = (row.start_date.map(|d| d.to_string()), row.end_date.map(|d| d.to_string()));
        // What a row of the file says of the commitment, written alike whether it is new or known.
        let described: [Arg<'_>; 14] = [
            parent.into(),
            row.consultation.map(|c| c.0).into(),
            row.entity.as_str().into(),
            row.entity_id.map(|e| e.0).into(),
            row.title.as_str().into(),
            row.description.as_str().into(),
            lines.as_str().into(),
            dates.0.as_deref().into(),
            dates.1.as_deref().into(),
            row.indicator.as_str().into(),
            row.target.as_str().into(),
            issues.as_str().into(),
            row.draft.as_deref().into(),
            row.contribution.map(|c| c.0).into(),
        ];
        let known = match &row.external_id {
            Some(external) => by_external_id(sql, external)?,
            None => None,
        };
        match known {
            Some(known) => {
                let update = format!("UPDATE commitments SET ({DESCRIBED}) = {} WHERE id = $15", value_rows(1, 14));
                sql.execute(&update, &[&described[..], &[known.id.0.into()]].concat())?;
                let was = (known.commitment.status, known.commitment.progress);
                if was != (row.status, row.progress) {
                    check_update(was, (row.status, row.progress))?;
                    let update =
                        CommitmentUpdate { on, status: row.status, progress: row.progress, note: String::new() };
                    add_update(sql, known.id, &update, by)?;
                }
                updated += 1;
            }
            None => {
                let insert = format!(
                    "INSERT INTO commitments ({DESCRIBED}, external_id, status, progress, created_at)
                     VALUES {} RETURNING id",
                    value_rows(1, 18)
                );
                let rest: [Arg<'_>; 4] = [
                    row.external_id.as_deref().into(),
                    row.status.as_str().into(),
                    i64::from(row.progress.percent()).into(),
                    millis(by.at).into(),
                ];
                let inserted = sql.one(&insert, &[&described[..], &rest[..]].concat())?;
                let id = CommitmentId(inserted.int(0)?);
                // The first update holds from the start when the commitment is only planned, and
                // from the day of the import otherwise (the file says where it stands now).
                let first = CommitmentUpdate {
                    on: row.start_date.filter(|_| row.status == CommitmentStatus::Planned).unwrap_or(on),
                    status: row.status,
                    progress: row.progress,
                    note: String::new(),
                };
                add_update(sql, id, &first, by)?;
                added += 1;
            }
        }
    }
    let after = serde_json::json!({ "added": added, "updated": updated, "on": on.to_string() });
    audit(sql, by, "follow_up.import", "commitments".to_owned(), after)?;
    Ok((added, updated))
}

pub(crate) fn set_facilitators(
    sql: &mut dyn Sql,
    year: i32,
    action_line: &str,
    facilitators: &[(String, FacilitatorRole)],
    by: &AuditActor,
) -> Result<()> {
    let year = i64::from(year);
    sql.execute("DELETE FROM facilitators WHERE year = $1 AND action_line = $2", args![year, action_line])?;
    for (organisation, role) in facilitators {
        sql.execute(
            "INSERT INTO facilitators (year, action_line, organisation, role) VALUES ($1, $2, $3, $4)
             ON CONFLICT (year, action_line, organisation) DO UPDATE SET role = excluded.role",
            args![year, action_line, organisation.as_str(), role.as_str()],
        )?;
    }
    let after = serde_json::json!({
        "facilitators": facilitators.iter().map(|(o, r)| serde_json::json!({ "organisation": o, "role": r })).collect::<Vec<_>>(),
    });
    audit(sql, by, "follow_up.facilitators", format!("{action_line} {year}"), after)
}

pub(crate) fn facilitators(sql: &mut dyn Sql, year: Option<i32>) -> Result<Vec<Facilitator>> {
    let rows = sql.rows(
        "SELECT year, action_line, organisation, role FROM facilitators WHERE (CAST($1 AS BIGINT) IS NULL OR year = $1)
         ORDER BY year, CAST(SUBSTR(action_line, 2) AS INTEGER), CASE role WHEN 'lead' THEN 0
             WHEN 'co_facilitator' THEN 1 ELSE 2 END, organisation COLLATE \"C\"",
        args![year.map(i64::from)],
    )?;
    rows.into_iter()
        .map(|mut r| {
            let role = r.text(3)?;
            Ok(Facilitator {
                year: i32::try_from(r.int(0)?).map_err(|_| corrupt("facilitators.year", "out of range"))?,
                action_line: r.text(1)?,
                organisation: r.text(2)?,
                role: role.parse().map_err(|_| corrupt("facilitators.role", &role))?,
            })
        })
        .collect()
}

pub(crate) fn changes(sql: &mut dyn Sql) -> Result<i64> {
    sql.one("SELECT changes FROM follow_up_changes", args![])?.int(0)
}

pub(crate) fn open_round(sql: &mut dyn Sql, round: &crate::NewRound, by: &AuditActor) -> Result<()> {
    let known = sql.row("SELECT 1 FROM reporting_rounds WHERE consultation_id = $1", args![round.consultation.0])?;
    if known.is_some() {
        return Err(StoreError::DuplicateRound);
    }
    sql.execute(
        "INSERT INTO reporting_rounds (consultation_id, year, action_lines, opened_at) VALUES ($1, $2, $3, $4)",
        args![round.consultation.0, i64::from(round.year), round.action_lines.join(",").as_str(), millis(by.at)],
    )?;
    for entity in &round.invitees {
        sql.execute(
            "INSERT INTO reporting_invitees (consultation_id, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            args![round.consultation.0, entity.0],
        )?;
    }
    let after = serde_json::json!({
        "year": round.year, "action_lines": round.action_lines, "invitees": round.invitees.iter().map(|e| e.0).collect::<Vec<_>>(),
    });
    audit(sql, by, "follow_up.round", format!("consultation {}", round.consultation.0), after)
}

/// The reporting rounds, or the one over `consultation`, each with its invitees.
pub(crate) fn rounds(
    sql: &mut dyn Sql,
    consultation: Option<consulta_core::ConsultationId>,
) -> Result<Vec<crate::StoredRound>> {
    let rows = sql.rows(
        "SELECT consultation_id, year, action_lines FROM reporting_rounds
         WHERE (CAST($1 AS BIGINT) IS NULL OR consultation_id = $1) ORDER BY year, consultation_id",
        args![consultation.map(|c| c.0)],
    )?;
    let mut rounds = Vec::with_capacity(rows.len());
    for mut r in rows {
        let consultation = r.int(0)?;
        // An invitee's report: its first published contribution, its own or attributed to it.
        let invitees = sql.rows(
            "SELECT i.entity_id, e.name, i.reminded_at, r.id, r.submitted_at
             FROM reporting_invitees i JOIN entities e ON e.id = i.entity_id
                 LEFT JOIN contributions r ON r.id = (
                     SELECT MIN(c.id) FROM contributions c WHERE c.consultation_id = i.consultation_id
                         AND c.withheld_reason IS NULL
                         AND ((c.entity_id = i.entity_id AND c.identity <> 'unverified')
                              OR c.attributed_entity_id = i.entity_id))
             WHERE i.consultation_id = $1 ORDER BY e.name COLLATE \"C\"",
            args![consultation],
        )?;
        let invitees = invitees
            .into_iter()
            .map(|mut i| {
                let report = match i.opt_int(3)? {
                    Some(id) => Some((consulta_core::ContributionId(id), i.instant(4)?)),
                    None => None,
                };
                Ok(crate::Invitee {
                    entity: consulta_core::EntityId(i.int(0)?),
                    name: i.text(1)?,
                    report,
                    reminded_at: i.opt_instant(2)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        rounds.push(crate::StoredRound {
            consultation: consulta_core::ConsultationId(consultation),
            year: i32::try_from(r.int(1)?).map_err(|_| corrupt("reporting_rounds.year", "out of range"))?,
            action_lines: r.text(2)?.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
            invitees,
        });
    }
    Ok(rounds)
}

pub(crate) fn mark_reminded(
    sql: &mut dyn Sql,
    consultation: consulta_core::ConsultationId,
    entities: &[consulta_core::EntityId],
    at: jiff::Timestamp,
) -> Result<()> {
    for entity in entities {
        sql.execute(
            "UPDATE reporting_invitees SET reminded_at = $1 WHERE consultation_id = $2 AND entity_id = $3",
            args![millis(at), consultation.0, entity.0],
        )?;
    }
    Ok(())
}

pub(crate) fn focal_points_of(
    sql: &mut dyn Sql,
    entity: consulta_core::EntityId,
) -> Result<Vec<consulta_core::Account>> {
    let select = format!(
        "SELECT {} FROM accounts WHERE entity_id = $1 AND role = 'focal_point' ORDER BY id",
        crate::rows::ACCOUNT_COLUMNS
    );
    sql.rows(&select, args![entity.0])?.iter_mut().map(crate::rows::account).collect()
}
