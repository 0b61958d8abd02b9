//! The forum on projects and funding as the database keeps it: items posted by entities, their
//! threads, and the secretariat's moderation; every change audited and counted with the rest of
//! the follow-up record (`follow_up_changes`), whose open data the forum's follows.

use consulta_core::{AccountId, EntityId};
use consulta_followup::{ForumKind, ForumPost};

use crate::queries::follow_up::audit;
use crate::rows::millis;
use crate::sql::{Row, Sql, args};
use crate::{AuditActor, ForumItemId, ForumReply, Hidden, NewForumItem, Result, StoreError, StoredForumItem};

fn joined<T>(values: &[T], code: impl Fn(&T) -> &str) -> String {
    values.iter().map(code).collect::<Vec<_>>().join(",")
}

/// The codes of a list column, each read as the domain reads it.
fn codes<T: std::str::FromStr>(text: &str, column: &str) -> Result<Vec<T>>
where
    T::Err: std::fmt::Display,
{
    text.split(',').filter(|c| !c.is_empty()).map(|c| crate::rows::parse_column(c, column)).collect()
}

fn amount(value: Option<i64>) -> Result<Option<u64>> {
    value.map(|v| u64::try_from(v).map_err(|_| crate::rows::corrupt(format!("forum_items amount {v}")))).transpose()
}

fn hidden(r: &mut Row, reason: usize, at: usize) -> Result<Option<Hidden>> {
    match r.opt_text(reason)? {
        Some(reason) => Ok(Some(Hidden { reason, at: r.opt_instant(at)?.unwrap_or_default() })),
        None => Ok(None),
    }
}

const ITEM_COLUMNS: &str = "i.id, i.entity_id, e.name, e.stakeholder_group, e.is_example, i.kind, i.title, \
     i.description, i.action_lines, i.countries, i.regions, i.development, i.groups, i.amount_min, i.amount_max, \
     i.deadline, i.funder, i.contact, i.posted_at, i.hidden_reason, i.hidden_at, \
     (SELECT COUNT(*) FROM forum_replies r WHERE r.item_id = i.id)";

fn item(r: &mut Row) -> Result<StoredForumItem> {
    let kind = r.text(5)?;
    let post = ForumPost {
        kind: kind.parse::<ForumKind>().map_err(|_| crate::rows::corrupt(format!("forum_items.kind {kind}")))?,
        title: r.text(6)?,
        description: r.text(7)?,
        action_lines: r.text(8)?.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        countries: codes(&r.text(9)?, "forum_items.countries")?,
        regions: codes(&r.text(10)?, "forum_items.regions")?,
        development: codes(&r.text(11)?, "forum_items.development")?,
        groups: r.text(12)?.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        amount_min: amount(r.opt_int(13)?)?,
        amount_max: amount(r.opt_int(14)?)?,
        deadline: r.opt_parse(15, "forum_items.deadline")?,
        funder: r.text(16)?,
        contact: r.text(17)?,
    };
    Ok(StoredForumItem {
        id: ForumItemId(r.int(0)?),
        entity: EntityId(r.int(1)?),
        entity_name: r.text(2)?,
        entity_group: r.text(3)?,
        is_example: r.bool(4)?,
        post,
        posted_at: r.instant(18)?,
        hidden: hidden(r, 19, 20)?,
        replies: r.int(21)?,
    })
}

pub(crate) fn post(sql: &mut dyn Sql, new: &NewForumItem, by: &AuditActor) -> Result<ForumItemId> {
    let post = &new.post;
    let lines = post.action_lines.join(",");
    let countries = joined(&post.countries, |c| c.as_str());
    let regions = joined(&post.regions, |r| r.as_str());
    let development = joined(&post.development, |d| d.as_str());
    let groups = post.groups.join(",");
    let amount = |a: Option<u64>| a.and_then(|a| i64::try_from(a).ok());
    let deadline = post.deadline.map(|d| d.to_string());
    let inserted = sql.one(
        "INSERT INTO forum_items (kind, entity_id, account_id, title, description, action_lines, countries, regions,
             development, groups, amount_min, amount_max, deadline, funder, contact, posted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        args![
            post.kind.as_str(),
            new.entity.0,
            new.account.map(|a| a.0),
            post.title.as_str(),
            post.description.as_str(),
            lines.as_str(),
            countries.as_str(),
            regions.as_str(),
            development.as_str(),
            groups.as_str(),
            amount(post.amount_min),
            amount(post.amount_max),
            deadline.as_deref(),
            post.funder.as_str(),
            post.contact.as_str(),
            millis(by.at)
        ],
    )?;
    let id = ForumItemId(inserted.int(0)?);
    let after = serde_json::json!({
        "kind": post.kind.as_str(), "entity": new.entity.0, "title": post.title, "action_lines": post.action_lines,
    });
    audit(sql, by, "forum.post", format!("forum item {}", id.0), after)?;
    Ok(id)
}

pub(crate) fn items(sql: &mut dyn Sql, id: Option<ForumItemId>) -> Result<Vec<StoredForumItem>> {
    let select = format!(
        "SELECT {ITEM_COLUMNS} FROM forum_items i JOIN entities e ON e.id = i.entity_id
         WHERE (CAST($1 AS BIGINT) IS NULL OR i.id = $1) ORDER BY i.posted_at DESC, i.id DESC"
    );
    sql.rows(&select, args![id.map(|i| i.0)])?.iter_mut().map(item).collect()
}

fn known(sql: &mut dyn Sql, id: ForumItemId) -> Result<()> {
    match sql.row("SELECT 1 FROM forum_items WHERE id = $1", args![id.0])? {
        Some(_) => Ok(()),
        None => Err(StoreError::NotAForumItem(id.0)),
    }
}

pub(crate) fn replies(sql: &mut dyn Sql, id: ForumItemId) -> Result<Vec<ForumReply>> {
    known(sql, id)?;
    let rows = sql.rows(
        "SELECT r.number, r.entity_id, e.name, r.body, r.posted_at, r.hidden_reason, r.hidden_at
         FROM forum_replies r JOIN entities e ON e.id = r.entity_id WHERE r.item_id = $1 ORDER BY r.number",
        args![id.0],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(ForumReply {
                number: r.int(0)?,
                entity: EntityId(r.int(1)?),
                entity_name: r.text(2)?,
                body: r.text(3)?,
                posted_at: r.instant(4)?,
                hidden: hidden(&mut r, 5, 6)?,
            })
        })
        .collect()
}

pub(crate) fn reply(
    sql: &mut dyn Sql,
    id: ForumItemId,
    entity: EntityId,
    account: Option<AccountId>,
    body: &str,
    by: &AuditActor,
) -> Result<i64> {
    known(sql, id)?;
    let number = sql
        .one(
            "INSERT INTO forum_replies (item_id, number, entity_id, account_id, body, posted_at)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM forum_replies WHERE item_id = $1), $2, $3, $4, $5)
             RETURNING number",
            args![id.0, entity.0, account.map(|a| a.0), body, millis(by.at)],
        )?
        .int(0)?;
    let after = serde_json::json!({ "entity": entity.0, "number": number });
    audit(sql, by, "forum.reply", format!("forum item {}", id.0), after)?;
    Ok(number)
}

pub(crate) fn moderate(
    sql: &mut dyn Sql,
    id: ForumItemId,
    reply: Option<i64>,
    reason: Option<&str>,
    by: &AuditActor,
) -> Result<()> {
    known(sql, id)?;
    let at = reason.map(|_| millis(by.at));
    let changed = match reply {
        None => sql.execute(
            "UPDATE forum_items SET hidden_reason = $1, hidden_at = $2 WHERE id = $3",
            args![reason, at, id.0],
        )?,
        Some(number) => sql.execute(
            "UPDATE forum_replies SET hidden_reason = $1, hidden_at = $2 WHERE item_id = $3 AND number = $4",
            args![reason, at, id.0, number],
        )?,
    };
    if changed == 0 {
        return Err(StoreError::NotAForumReply { item: id.0, number: reply.unwrap_or_default() });
    }
    let subject = match reply {
        None => format!("forum item {}", id.0),
        Some(number) => format!("forum item {} answer {number}", id.0),
    };
    let action = if reason.is_some() { "forum.hide" } else { "forum.show" };
    audit(sql, by, action, subject, serde_json::json!({ "reason": reason }))
}
