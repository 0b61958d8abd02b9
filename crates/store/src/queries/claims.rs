//! Claims on shared background work: each server claims a few items (emails due, attachments
//! to read) for a while by the database's clock, works on them, and releases each claim with
//! its outcome. Servers work through the queues side by side; a server that dies leaves claims
//! that lapse, and another takes the items over.

use std::time::Duration;

use consulta_core::ContributionId;

use super::record::limit;
use crate::sql::{Arg, Sql, args};
use crate::{PendingExtraction, QueuedMail, Result};

/// A queue of work: the items of `job`, each named by `item` (an expression giving TEXT), among
/// the rows of `from_where` (whose `NOW` is the database's clock), taken in `order`.
struct Queue {
    job: &'static str,
    item: &'static str,
    from_where: &'static str,
    order: &'static str,
}

const DUE_MAIL: Queue = Queue {
    job: "mail",
    item: "CAST(m.id AS TEXT)",
    from_where: "mail_outbox m WHERE m.status = 'queued' AND m.next_attempt_at <= NOW",
    order: "m.next_attempt_at, m.id",
};

const PENDING_EXTRACTION: Queue = Queue {
    job: "extraction",
    item: "CAST(a.contribution_id AS TEXT) || ':' || CAST(a.position AS TEXT)",
    from_where: "attachments a WHERE a.extraction = 'pending'",
    order: "a.contribution_id, a.position",
};

/// Claims for `holder`, until `lease` from now by the database's clock, at most `count` items
/// of `queue` that no other holder's claim covers now. Gives the items claimed.
///
/// Two servers claiming at once never both get an item: rows another transaction is claiming
/// are passed over where the database can (PostgreSQL), and the insert only takes over a claim
/// that has lapsed, which the database checks against the latest claim, committed or not.
fn claim(sql: &mut dyn Sql, queue: &Queue, holder: &str, lease: Duration, count: usize) -> Result<Vec<String>> {
    let dialect = sql.dialect();
    let Queue { item, order, .. } = queue;
    let now = dialect.now_millis;
    let from_where = queue.from_where.replace("NOW", now);
    let statement = format!(
        "INSERT INTO job_claims (job, item, holder, until_ms)
         SELECT $1, w.item, $2, {now} + $3 FROM (
             SELECT {item} AS item FROM {from_where}
             AND NOT EXISTS (SELECT 1 FROM job_claims c WHERE c.job = $1 AND c.item = {item} AND c.until_ms > {now})
             ORDER BY {order} LIMIT $4{skip}) w
         WHERE true
         ON CONFLICT (job, item) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
             WHERE job_claims.until_ms <= {now}
         RETURNING item",
        skip = dialect.skip_locked,
    );
    let lease = i64::try_from(lease.as_millis()).unwrap_or(i64::MAX / 2);
    let rows = sql.rows(&statement, args![queue.job, holder, lease, limit(count as u64)])?;
    rows.into_iter().map(|mut r| r.text(0)).collect()
}

/// Gives up `holder`'s claim on one item, its work done.
fn release(sql: &mut dyn Sql, job: &str, item: &str) -> Result<()> {
    sql.execute("DELETE FROM job_claims WHERE job = $1 AND item = $2", args![job, item])?;
    Ok(())
}

/// Gives up every claim of `holder` (a server stopping), so other servers take the items now.
pub(crate) fn release_all(sql: &mut dyn Sql, holder: &str) -> Result<()> {
    sql.execute("DELETE FROM job_claims WHERE holder = $1", args![holder])?;
    Ok(())
}

/// Claims at most `count` queued emails that are due, oldest first.
pub(crate) fn claim_due_mail(
    sql: &mut dyn Sql,
    holder: &str,
    lease: Duration,
    count: usize,
) -> Result<Vec<QueuedMail>> {
    let ids: Vec<i64> =
        claim(sql, &DUE_MAIL, holder, lease, count)?.iter().filter_map(|item| item.parse().ok()).collect();
    let rows = sql.rows(
        "SELECT id, to_address, subject, body, attempts, attachment_name, attachment FROM mail_outbox
         WHERE id = ANY($1) ORDER BY next_attempt_at, id",
        &[Arg::Ints(&ids)],
    )?;
    rows.into_iter()
        .map(|mut r| {
            Ok(QueuedMail {
                id: r.int(0)?,
                to: r.text(1)?,
                subject: r.text(2)?,
                body: r.text(3)?,
                attempts: r.small(4)?,
                attachment: crate::mail_attachment((r.opt_text(5)?, r.opt_text(6)?)),
            })
        })
        .collect()
}

/// Gives up the claim on an email whose outcome is recorded.
pub(crate) fn release_mail(sql: &mut dyn Sql, id: i64) -> Result<()> {
    release(sql, DUE_MAIL.job, &id.to_string())
}

/// Claims at most `count` attachments whose text is still to be extracted, oldest first.
pub(crate) fn claim_extractions(
    sql: &mut dyn Sql,
    holder: &str,
    lease: Duration,
    count: usize,
) -> Result<Vec<PendingExtraction>> {
    let claimed = claim(sql, &PENDING_EXTRACTION, holder, lease, count)?;
    let contributions: Vec<i64> = claimed.iter().filter_map(|item| item.split_once(':')?.0.parse().ok()).collect();
    let rows = sql.rows(
        "SELECT contribution_id, position, name, media_type, sha256 FROM attachments
         WHERE contribution_id = ANY($1) AND extraction = 'pending' ORDER BY contribution_id, position",
        &[Arg::Ints(&contributions)],
    )?;
    let mut pending = Vec::with_capacity(claimed.len());
    for mut r in rows {
        let (contribution, position) = (r.int(0)?, r.small(1)?);
        // Another file of the same contribution may be claimed by another server.
        if claimed.contains(&extraction_item(ContributionId(contribution), position)) {
            pending.push(PendingExtraction {
                contribution: ContributionId(contribution),
                position,
                name: r.text(2)?,
                media_type: r.text(3)?,
                sha256: r.hex_hash(4, "attachments.sha256")?,
            });
        }
    }
    Ok(pending)
}

fn extraction_item(contribution: ContributionId, position: u32) -> String {
    format!("{}:{position}", contribution.0)
}

/// Gives up the claim on an attachment whose extraction is recorded.
pub(crate) fn release_extraction(sql: &mut dyn Sql, contribution: ContributionId, position: u32) -> Result<()> {
    release(sql, PENDING_EXTRACTION.job, &extraction_item(contribution, position))
}
