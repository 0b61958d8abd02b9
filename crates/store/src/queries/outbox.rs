//! What the servers share that is not the record: the mail outbox, job leases, the rate limits'
//! events, and the write probe of `/healthz`.

use jiff::Timestamp;

use super::record::limit;
use crate::rows::millis;
use crate::sql::{Arg, Sql, args, value_rows};
use crate::{MailOutcome, MailRecord, NewMail, Page, PageRequest, Result};

pub(crate) fn insert_mail(sql: &mut dyn Sql, mail: &NewMail) -> Result<i64> {
    let row = sql.one(
        "INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at, attachment_name, attachment)
         VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id",
        args![
            &mail.to,
            &mail.subject,
            &mail.body,
            millis(mail.created_at),
            mail.attachment.as_ref().map(|a| &a.name),
            mail.attachment.as_ref().map(|a| &a.content),
        ],
    )?;
    row.int(0)
}

/// Emails per statement when many are queued at once: seven parameters each, well under both
/// backends' limits (SQLite's 32,766, PostgreSQL's 65,535).
const MAILS_PER_STATEMENT: usize = 200;

/// Queues many emails, one statement per `MAILS_PER_STATEMENT`: a batch of acknowledgements
/// would otherwise pay a round trip to the server per message.
pub(crate) fn insert_mails(sql: &mut dyn Sql, mails: &[NewMail]) -> Result<()> {
    for chunk in mails.chunks(MAILS_PER_STATEMENT) {
        let insert = format!(
            "INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at, attachment_name, attachment) \
             VALUES {}",
            value_rows(chunk.len(), 7)
        );
        let mut values: Vec<Arg<'_>> = Vec::with_capacity(7 * chunk.len());
        for mail in chunk {
            values.extend_from_slice(args![
                &mail.to,
                &mail.subject,
                &mail.body,
                millis(mail.created_at),
                millis(mail.created_at),
                mail.attachment.as_ref().map(|a| &a.name),
                mail.attachment.as_ref().map(|a| &a.content),
            ]);
        }
        sql.execute(&insert, &values)?;
    }
    Ok(())
}

pub(crate) fn mail_outcome(sql: &mut dyn Sql, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()> {
    match outcome {
        MailOutcome::Sent => sql.execute(
            "UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1",
            args![id, millis(now)],
        )?,
        MailOutcome::Failed { reason, retry_at: Some(at) } => sql.execute(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1",
            args![id, reason, millis(*at)],
        )?,
        MailOutcome::Failed { reason, retry_at: None } => sql.execute(
            "UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1",
            args![id, reason],
        )?,
    };
    Ok(())
}

pub(crate) fn mail_log(sql: &mut dyn Sql, page: PageRequest) -> Result<Page<MailRecord>> {
    let total = sql.one("SELECT COUNT(*) FROM mail_outbox", &[])?.count(0)?;
    let rows = sql.rows(
        "SELECT id, to_address, subject, status, attempts, last_error, created_at, sent_at FROM mail_outbox
         ORDER BY id DESC LIMIT $1 OFFSET $2",
        args![limit(page.limit), limit(page.offset)],
    )?;
    let items = rows
        .into_iter()
        .map(|mut r| {
            Ok(MailRecord {
                id: r.int(0)?,
                to: r.text(1)?,
                subject: r.text(2)?,
                status: r.text(3)?,
                attempts: r.small(4)?,
                last_error: r.opt_text(5)?,
                created_at: r.instant(6)?,
                sent_at: r.opt_instant(7)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

pub(crate) fn claim_lease(
    sql: &mut dyn Sql,
    job: &str,
    holder: &str,
    now: Timestamp,
    until: Timestamp,
) -> Result<bool> {
    let changed = sql.execute(
        "INSERT INTO job_leases (job, holder, expires_at) VALUES ($1, $2, $4)
         ON CONFLICT (job) DO UPDATE SET holder = $2, expires_at = $4
         WHERE job_leases.holder = $2 OR job_leases.expires_at <= $3",
        args![job, holder, millis(now), millis(until)],
    )?;
    Ok(changed == 1)
}

pub(crate) fn release_lease(sql: &mut dyn Sql, job: &str, holder: &str) -> Result<()> {
    sql.execute("DELETE FROM job_leases WHERE job = $1 AND holder = $2", args![job, holder])?;
    Ok(())
}

/// Commits a write that leaves nothing behind: a row of `job_leases` no job has, made and
/// removed.
pub(crate) fn probe_write(sql: &mut dyn Sql) -> Result<()> {
    sql.execute(
        "INSERT INTO job_leases (job, holder, expires_at) VALUES ('write-probe', '', 0) ON CONFLICT (job) DO NOTHING",
        &[],
    )?;
    sql.execute("DELETE FROM job_leases WHERE job = 'write-probe'", &[])?;
    Ok(())
}

pub(crate) fn contributions_from_sender(sql: &mut dyn Sql, key: &str, since: Timestamp) -> Result<u64> {
    sql.one(
        "SELECT COUNT(*) FROM contributions WHERE sender_key = $1 AND submitted_at >= $2",
        args![key, millis(since)],
    )?
    .count(0)
}

pub(crate) fn rate_events(
    sql: &mut dyn Sql,
    scope: &str,
    subject: &str,
    since: Timestamp,
) -> Result<(u64, Option<Timestamp>)> {
    let row = sql.one(
        "SELECT COUNT(*), MAX(at) FROM rate_events WHERE scope = $1 AND subject = $2 AND at >= $3",
        args![scope, subject, millis(since)],
    )?;
    Ok((row.count(0)?, row.opt_instant(1)?))
}

pub(crate) fn record_rate_event(sql: &mut dyn Sql, scope: &str, subject: &str, at: Timestamp) -> Result<()> {
    sql.execute("INSERT INTO rate_events (scope, subject, at) VALUES ($1, $2, $3)", args![scope, subject, millis(at)])?;
    Ok(())
}

pub(crate) fn forget_rate_events(sql: &mut dyn Sql, scope: &str, subject: &str) -> Result<()> {
    sql.execute("DELETE FROM rate_events WHERE scope = $1 AND subject = $2", args![scope, subject])?;
    Ok(())
}

pub(crate) fn prune_rate_events(sql: &mut dyn Sql, scope: &str, before: Timestamp) -> Result<u64> {
    sql.execute("DELETE FROM rate_events WHERE scope = $1 AND at < $2", args![scope, millis(before)])
}
