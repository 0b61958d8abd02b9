//! Bodies as the database keeps them: each body with its rules as written, the nominations to
//! it (with the secretariat's pins for the solver), and the terms of those seated; every change
//! the secretariat makes is audited in the same transaction.

use consulta_composition::{Objective, Pin};
use consulta_core::{ConsultationId, EntityId};

use crate::queries::audit::insert_audit;
use crate::rows::millis;
use crate::sql::{Failure, Row, Sql, args};
use crate::{
    AuditActor, AuditEntry, BodyId, Membership, NewBody, NewNomination, Result, StoreError, StoredBody,
    StoredNomination,
};

/// Audits a change to a body and counts it (the body's open data follows the count).
fn audit(sql: &mut dyn Sql, by: &AuditActor, action: &str, id: BodyId, after: serde_json::Value) -> Result<()> {
    let slug = sql.one("SELECT slug FROM bodies WHERE id = $1", args![id.0])?.text(0)?;
    sql.execute("UPDATE bodies SET changes = changes + 1 WHERE id = $1", args![id.0])?;
    let subject = format!("body {slug}");
    insert_audit(
        sql,
        &AuditEntry { by: by.clone(), action: action.to_owned(), subject, before: None, after: Some(after) },
    )
}

const BODY_COLUMNS: &str = "id, consultation_id, slug, name, mandate, term_years, rules, objective, chair_rotation";

fn body(r: &mut Row) -> Result<StoredBody> {
    let objective = r.text(7)?;
    Ok(StoredBody {
        id: BodyId(r.int(0)?),
        consultation: ConsultationId(r.int(1)?),
        slug: r.text(2)?,
        name: r.text(3)?,
        mandate: r.text(4)?,
        term_years: r.small(5)?,
        rules: r.text(6)?,
        objective: objective.parse().map_err(|_| StoreError::Corrupt(format!("bodies.objective {objective}")))?,
        chair_rotation: r.text(8)?.lines().map(str::to_owned).collect(),
    })
}

pub(crate) fn add(sql: &mut dyn Sql, new: &NewBody<'_>, by: &AuditActor) -> Result<StoredBody> {
    let inserted = sql.row(
        "INSERT INTO bodies (consultation_id, slug, name, mandate, term_years, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        args![new.consultation.0, new.slug, new.name, new.mandate, i64::from(new.term_years), millis(by.at)],
    );
    let id = match inserted {
        Err(e) if e.failure() == Some(Failure::Unique) => return Err(StoreError::DuplicateBody(new.slug.to_owned())),
        other => BodyId(other?.ok_or_else(|| StoreError::Corrupt("bodies: no id returned".into()))?.int(0)?),
    };
    let after =
        serde_json::json!({ "name": new.name, "consultation": new.consultation.0, "term_years": new.term_years });
    audit(sql, by, "body.create", id, after)?;
    by_slug(sql, new.slug)?.ok_or_else(|| StoreError::Corrupt("the body just written".into()))
}

pub(crate) fn by_slug(sql: &mut dyn Sql, slug: &str) -> Result<Option<StoredBody>> {
    sql.row(&format!("SELECT {BODY_COLUMNS} FROM bodies WHERE slug = $1"), args![slug])?.as_mut().map(body).transpose()
}

pub(crate) fn of_consultation(sql: &mut dyn Sql, consultation: ConsultationId) -> Result<Vec<StoredBody>> {
    let select = format!("SELECT {BODY_COLUMNS} FROM bodies WHERE consultation_id = $1 ORDER BY slug COLLATE \"C\"");
    sql.rows(&select, args![consultation.0])?.iter_mut().map(body).collect()
}

pub(crate) fn set_rules(
    sql: &mut dyn Sql,
    id: BodyId,
    rules: &str,
    objective: Objective,
    by: &AuditActor,
) -> Result<()> {
    sql.execute("UPDATE bodies SET rules = $1, objective = $2 WHERE id = $3", args![rules, objective.as_str(), id.0])?;
    audit(sql, by, "body.rules", id, serde_json::json!({ "rules": rules, "objective": objective }))
}

pub(crate) fn set_chair_rotation(sql: &mut dyn Sql, id: BodyId, rotation: &[String], by: &AuditActor) -> Result<()> {
    sql.execute("UPDATE bodies SET chair_rotation = $1 WHERE id = $2", args![rotation.join("\n").as_str(), id.0])?;
    audit(sql, by, "body.chair_rotation", id, serde_json::json!({ "rotation": rotation }))
}

pub(crate) fn nominate(
    sql: &mut dyn Sql,
    id: BodyId,
    nominations: &[NewNomination],
    by: &AuditActor,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(nominations.len());
    for n in nominations {
        let expertise = n.expertise.join(",");
        let row = sql.one(
            "INSERT INTO nominations (body_id, person, nominator_entity, nominator_process, stakeholder_group, country,
                 gender, expertise, statement, priority, nominated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            args![
                id.0,
                n.person.as_str(),
                n.nominator.map(|e| e.0),
                n.process.as_deref(),
                n.stakeholder_group.as_str(),
                n.country.as_ref().map(|c| c.as_str()),
                n.gender.as_str(),
                expertise.as_str(),
                n.statement.as_str(),
                i64::from(n.priority),
                millis(by.at)
            ],
        )?;
        ids.push(row.int(0)?);
    }
    let after = serde_json::json!({ "nominations": ids.len(), "first": ids.first(), "last": ids.last() });
    audit(sql, by, "body.nominate", id, after)?;
    Ok(ids)
}

pub(crate) fn nominations(sql: &mut dyn Sql, id: BodyId) -> Result<Vec<StoredNomination>> {
    let rows = sql.rows(
        "SELECT n.id, n.person, n.nominator_entity, n.nominator_process, n.stakeholder_group, n.country, n.gender,
                n.expertise, n.statement, n.priority, n.pin, e.name
         FROM nominations n LEFT JOIN entities e ON e.id = n.nominator_entity
         WHERE n.body_id = $1 ORDER BY n.id",
        args![id.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            let pin = r.text(10)?;
            let pin: Pin = pin.parse().map_err(|_| StoreError::Corrupt(format!("nominations.pin {pin}")))?;
            let expertise = r.text(7)?;
            Ok(StoredNomination {
                id: r.int(0)?,
                nomination: NewNomination {
                    person: r.text(1)?,
                    nominator: r.opt_int(2)?.map(EntityId),
                    process: r.opt_text(3)?,
                    stakeholder_group: r.text(4)?,
                    country: r
                        .opt_text(5)?
                        .map(|c| c.parse())
                        .transpose()
                        .map_err(|_| StoreError::Corrupt("nominations.country".into()))?,
                    gender: r.text(6)?,
                    expertise: expertise.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect(),
                    statement: r.text(8)?,
                    priority: r.small(9)?,
                },
                nominator_name: r.opt_text(11)?,
                pin,
            })
        })
        .collect()
}

pub(crate) fn set_pin(sql: &mut dyn Sql, id: BodyId, nomination: i64, pin: Pin, by: &AuditActor) -> Result<()> {
    let pin = pin.as_str();
    let changed =
        sql.execute("UPDATE nominations SET pin = $1 WHERE id = $2 AND body_id = $3", args![pin, nomination, id.0])?;
    if changed != 1 {
        return Err(StoreError::NotANomination(nomination));
    }
    audit(sql, by, "body.pin", id, serde_json::json!({ "nomination": nomination, "pin": pin }))
}

/// Seats `members` (nominations of the body) for a term; a nomination of another body is
/// refused and nothing is written.
pub(crate) fn seat(sql: &mut dyn Sql, id: BodyId, terms: &[Membership], by: &AuditActor) -> Result<()> {
    for term in terms {
        let known =
            sql.row("SELECT 1 FROM nominations WHERE id = $1 AND body_id = $2", args![term.nomination, id.0])?;
        if known.is_none() {
            return Err(StoreError::NotANomination(term.nomination));
        }
        sql.execute(
            "INSERT INTO memberships (body_id, nomination_id, term_start, term_end, role, seated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (body_id, nomination_id, term_start) DO UPDATE SET term_end = excluded.term_end, role = excluded.role",
            args![
                id.0,
                term.nomination,
                term.start.to_string().as_str(),
                term.end.to_string().as_str(),
                term.role.as_str(),
                millis(by.at)
            ],
        )?;
    }
    let after = serde_json::json!({
        "seated": terms.iter().map(|t| serde_json::json!({ "nomination": t.nomination, "role": t.role })).collect::<Vec<_>>(),
        "from": terms.first().map(|t| t.start.to_string()),
        "until": terms.first().map(|t| t.end.to_string()),
    });
    audit(sql, by, "body.seat", id, after)
}

pub(crate) fn memberships(sql: &mut dyn Sql, id: BodyId) -> Result<Vec<Membership>> {
    let rows = sql.rows(
        "SELECT nomination_id, term_start, term_end, role FROM memberships WHERE body_id = $1
         ORDER BY term_start, nomination_id",
        args![id.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            let date = |text: String| {
                text.parse::<jiff::civil::Date>().map_err(|_| StoreError::Corrupt(format!("memberships: {text}")))
            };
            let role = r.text(3)?;
            Ok(Membership {
                nomination: r.int(0)?,
                start: date(r.text(1)?)?,
                end: date(r.text(2)?)?,
                role: role.parse().map_err(|_| StoreError::Corrupt(format!("memberships.role {role}")))?,
            })
        })
        .collect()
}
