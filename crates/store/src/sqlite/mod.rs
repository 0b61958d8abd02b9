//! The SQLite backend: one file, WAL, foreign keys on, migrations in `migrations/sqlite/`.

mod taxonomy;

use std::path::Path;

use consulta_core::table::Standing;
use consulta_core::time::zone_name;
use consulta_core::{
    Account, AccountId, AttachmentEntry, CanonicalRecord, Channel, Consultation, ConsultationId, Contribution,
    ContributionId, Entity, EntityId, EntityName, Identity, Issue, IssueId, Matrix, Mechanism, Meeting, MeetingId,
    NewConsultation, NewContribution, NewEntity, ReportDetails, StakeholderGroupId,
};
use consulta_log::{Hash, TreeHead};
use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::frontier::Frontier;
use crate::rows::{
    ACCOUNT_COLUMNS, AccountRow, CANONICAL_SELECT, CONSULTATION_COLUMNS, CONTRIBUTION_COLUMNS, CanonicalColumns,
    ConsultationRow, ContributionRow, ENTITY_COLUMNS, EntityRow, FORGET_RATE_EVENTS, FROM_SENDER_SINCE,
    LEGACY_LOG_SECRET, LOG_PUBLIC_KEY, PROBE_WRITE, PRUNE_RATE_EVENTS, RATE_EVENTS_SINCE, RECORD_RATE_EVENT,
    REPORT_DETAILS_OF, SET_REPORT_DETAILS, SET_SENDER_KEY, STANDING_COUNTS, account_audit, attribution_audit,
    audit_json, corrupt, entity_key, extraction_columns, extraction_from_columns, inserted_entity, into_account,
    into_entity, localized_to_json, millis, parse_column, questions_to_json, recorded_in_order, report_details_audit,
    report_details_from, report_details_json, standing_count, timestamp, withholding_audit,
};
use crate::{
    Attachment, AuditActor, AuditEntry, AuditRecord, Change, ContributionFilter, ContributionSummary, Extraction,
    Inclusion, NewAccount, NewSession, Page, PageRequest, PendingExtraction, PublicText, RecordTransaction, Result,
    Session, Store, StoreError,
};
use crate::{
    Contact, Invitation, MailOutcome, MailRecord, NewInvitation, NewMail, NewPasswordReset, QueuedMail, Selection,
};

/// Schema versions, applied in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_initial.sql"),
    include_str!("../../migrations/sqlite/0002_public_log.sql"),
    include_str!("../../migrations/sqlite/0003_change_feed.sql"),
    include_str!("../../migrations/sqlite/0004_accounts.sql"),
    include_str!("../../migrations/sqlite/0005_invitations_and_mail.sql"),
    include_str!("../../migrations/sqlite/0006_verified_only.sql"),
    include_str!("../../migrations/sqlite/0007_amendments.sql"),
    include_str!("../../migrations/sqlite/0008_issues_and_mechanisms.sql"),
    include_str!("../../migrations/sqlite/0009_job_leases.sql"),
    include_str!("../../migrations/sqlite/0010_claimed_identities.sql"),
    include_str!("../../migrations/sqlite/0011_rate_events.sql"),
    include_str!("../../migrations/sqlite/0012_senders.sql"),
    include_str!("../../migrations/sqlite/0013_mail_attachments.sql"),
    include_str!("../../migrations/sqlite/0014_report_details.sql"),
];

/// The migration after which the starting issue taxonomy is written, once.
const TAXONOMY_MIGRATION: usize = 7;

pub struct SqliteStore {
    connection: Connection,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.connection.path()).finish()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open { path: shown.clone(), source };
        let connection = Connection::open(path).map_err(open_error)?;
        // WAL lets readers go on while a writer writes; FULL makes every commit durable
        // before it returns; the busy timeout makes concurrent writers wait their turn.
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA busy_timeout = 5000;",
            )
            .map_err(open_error)?;
        let mut store = SqliteStore { connection };
        store.migrate(&shown)?;
        Ok(store)
    }

    fn migrate(&mut self, path: &str) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        let found: i64 = self.connection.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > known {
            return Err(StoreError::TooNew { path: path.to_owned(), found, known });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = write_transaction(&mut self.connection)?;
            tx.execute_batch(sql)?;
            if index == TAXONOMY_MIGRATION {
                taxonomy::seed(&tx)?;
            }
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// A transaction that will write takes the write lock at once. In WAL mode a deferred one that
/// has read, then finds another writer committed meanwhile, fails at once (SQLITE_BUSY_SNAPSHOT)
/// instead of waiting its turn; with several writers (servers, background jobs) that happens.
fn write_transaction(connection: &mut Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
}

fn read_consultation(row: &Row<'_>) -> rusqlite::Result<ConsultationRow> {
    Ok(ConsultationRow {
        id: row.get(0)?,
        slug: row.get(1)?,
        original_language: row.get(2)?,
        title: row.get(3)?,
        description: row.get(4)?,
        mandate: row.get(5)?,
        opens_at: row.get(6)?,
        closes_at: row.get(7)?,
        time_zone: row.get(8)?,
        questions: row.get(9)?,
        is_example: row.get(10)?,
        unverified_allowed: row.get(11)?,
    })
}

fn read_entity(row: &Row<'_>) -> rusqlite::Result<EntityRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
}

fn read_contribution(row: &Row<'_>) -> rusqlite::Result<ContributionRow> {
    Ok(ContributionRow {
        id: row.get(0)?,
        consultation: row.get(1)?,
        entity: row.get(2)?,
        group: row.get(3)?,
        channel: row.get(4)?,
        on_behalf_of: row.get(5)?,
        meeting: row.get(6)?,
        submitted_at: row.get(7)?,
        language: row.get(8)?,
        title: row.get(9)?,
        body: row.get(10)?,
        late: row.get(11)?,
        identity: row.get(12)?,
        contact_email: row.get(13)?,
        withheld_reason: row.get(14)?,
        attributed_to: row.get(15)?,
    })
}

fn read_account(row: &Row<'_>) -> rusqlite::Result<AccountRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
}

fn insert_mail(connection: &Connection, mail: &NewMail) -> Result<i64> {
    connection
        .prepare_cached(
            "INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at, attachment_name, attachment)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
        )?
        .execute(params![
            mail.to,
            mail.subject,
            mail.body,
            millis(mail.created_at),
            mail.attachment.as_ref().map(|a| &a.name),
            mail.attachment.as_ref().map(|a| &a.content)
        ])?;
    Ok(connection.last_insert_rowid())
}

fn insert_audit(connection: &Connection, entry: &AuditEntry) -> Result<()> {
    connection
        .prepare_cached(
            "INSERT INTO audit_log (at, account_id, actor, action, subject, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            millis(entry.by.at),
            entry.by.account.map(|a| a.0),
            entry.by.label,
            entry.action,
            entry.subject,
            entry.before.as_ref().map(|v| v.to_string()),
            entry.after.as_ref().map(|v| v.to_string()),
        ])?;
    Ok(())
}

fn is_unique_violation(error: &rusqlite::Error) -> bool {
    matches!(error, rusqlite::Error::SqliteFailure(e, _) if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
}

impl Store for SqliteStore {
    fn stakeholder_groups(&self) -> Result<Vec<StakeholderGroupId>> {
        let mut statement = self.connection.prepare_cached("SELECT id FROM stakeholder_groups ORDER BY position")?;
        let ids = statement.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter().map(|id| parse_column(id, "stakeholder_groups.id")).collect()
    }

    fn create_consultation(&mut self, new: &NewConsultation) -> Result<Consultation> {
        let questions = questions_to_json(&new.questions);
        let inserted = self.connection.execute(
            "INSERT INTO consultations (slug, original_language, title, description, mandate, opens_at, closes_at,
                                        time_zone, questions, is_example, unverified_allowed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                new.slug.as_str(),
                new.original_language.as_str(),
                localized_to_json(&new.title),
                localized_to_json(&new.description),
                localized_to_json(&new.mandate),
                millis(new.period.opens()),
                millis(new.period.closes()),
                zone_name(&new.time_zone),
                questions,
                new.is_example,
                new.unverified_allowed,
            ],
        );
        match inserted {
            Err(e) if is_unique_violation(&e) => return Err(StoreError::DuplicateSlug(new.slug.to_string())),
            other => other?,
        };
        let id = ConsultationId(self.connection.last_insert_rowid());
        self.consultation(id)?.ok_or_else(|| corrupt("a consultation vanished as it was created"))
    }

    fn consultations(&self) -> Result<Vec<Consultation>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!("SELECT {CONSULTATION_COLUMNS} FROM consultations ORDER BY opens_at DESC, id"))?;
        let rows = statement.query_map([], read_consultation)?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(ConsultationRow::into_consultation).collect()
    }

    fn consultation_by_slug(&self, slug: &str) -> Result<Option<Consultation>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE slug = ?1"))?;
        let row = statement.query_row([slug], read_consultation).optional()?;
        row.map(ConsultationRow::into_consultation).transpose()
    }

    fn consultation(&self, id: ConsultationId) -> Result<Option<Consultation>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE id = ?1"))?;
        let row = statement.query_row([id.0], read_consultation).optional()?;
        row.map(ConsultationRow::into_consultation).transpose()
    }

    fn update_consultation_texts(&mut self, consultation: &Consultation) -> Result<()> {
        let record = &consultation.record;
        self.connection.execute(
            "UPDATE consultations SET title = ?2, description = ?3, mandate = ?4, questions = ?5 WHERE id = ?1",
            params![
                consultation.id.0,
                localized_to_json(&record.title),
                localized_to_json(&record.description),
                localized_to_json(&record.mandate),
                questions_to_json(&record.questions)
            ],
        )?;
        Ok(())
    }

    fn add_meeting(&mut self, consultation: ConsultationId, date: Date, place: &str) -> Result<Meeting> {
        let inserted = self.connection.execute(
            "INSERT INTO meetings (consultation_id, date, place) VALUES (?1, ?2, ?3)",
            params![consultation.0, date.to_string(), place],
        );
        match inserted {
            Err(e) if is_unique_violation(&e) => return Err(StoreError::DuplicateMeeting(date)),
            other => other?,
        };
        Ok(Meeting { id: MeetingId(self.connection.last_insert_rowid()), consultation, date, place: place.to_owned() })
    }

    fn meetings(&self, consultation: ConsultationId) -> Result<Vec<Meeting>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id, date, place FROM meetings WHERE consultation_id = ?1 ORDER BY date")?;
        let rows = statement
            .query_map([consultation.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, date, place)| {
                Ok(Meeting { id: MeetingId(id), consultation, date: parse_column(&date, "meetings.date")?, place })
            })
            .collect()
    }

    fn entity(&self, id: EntityId) -> Result<Option<Entity>> {
        let mut statement =
            self.connection.prepare_cached(&format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = ?1"))?;
        statement.query_row([id.0], read_entity).optional()?.map(into_entity).transpose()
    }

    fn contribution(&self, id: ContributionId) -> Result<Option<Contribution>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!("SELECT {CONTRIBUTION_COLUMNS} FROM contributions WHERE id = ?1"))?;
        statement.query_row([id.0], read_contribution).optional()?.map(ContributionRow::into_contribution).transpose()
    }

    fn contribution_ids(
        &self,
        consultation: ConsultationId,
        after: Option<ContributionId>,
        limit: usize,
    ) -> Result<Vec<ContributionId>> {
        // The unary '+' keeps SQLite from choosing the consultation index, which would sort the
        // whole consultation for every page: walking the primary key from `after` is linear.
        let mut statement = self.connection.prepare_cached(
            "SELECT id FROM contributions WHERE +consultation_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
        )?;
        let ids = statement.query_map(
            params![consultation.0, after.map_or(0, |a| a.0), i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| r.get(0),
        )?;
        ids.map(|id| Ok(ContributionId(id?))).collect()
    }

    fn contributions(&self, filter: &ContributionFilter, page: PageRequest) -> Result<Page<ContributionSummary>> {
        let mut conditions = Vec::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(consultation) = filter.consultation {
            values.push(consultation.0.into());
            conditions.push(format!("c.consultation_id = ?{}", values.len()));
        }
        if let Some(entity) = filter.entity {
            values.push(entity.0.into());
            conditions.push(format!("c.entity_id = ?{}", values.len()));
        }
        if let Some(group) = &filter.group {
            values.push(group.as_str().to_owned().into());
            conditions.push(format!("c.stakeholder_group = ?{}", values.len()));
        }
        if let Some(channel) = filter.channel {
            values.push(channel.as_str().to_owned().into());
            conditions.push(format!("c.channel = ?{}", values.len()));
        }
        let where_clause =
            if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
        let total: i64 = self
            .connection
            .prepare_cached(&format!("SELECT COUNT(*) FROM contributions c {where_clause}"))?
            .query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
        let limit = i64::try_from(page.limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(page.offset).unwrap_or(i64::MAX);
        values.push(limit.into());
        values.push(offset.into());
        let sql = format!(
            "SELECT c.id, c.consultation_id, c.entity_id, e.name, c.stakeholder_group, c.channel, c.submitted_at,
                    c.language, c.title, c.late, c.withheld_reason IS NOT NULL,
                    c.identity = 'unverified' AND c.attributed_entity_id IS NULL
             FROM contributions c JOIN entities e ON e.id = c.entity_id
             {where_clause}
             ORDER BY c.submitted_at, c.id
             LIMIT ?{} OFFSET ?{}",
            values.len() - 1,
            values.len()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, bool>(9)?,
                    r.get::<_, bool>(10)?,
                    r.get::<_, bool>(11)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let items = rows
            .into_iter()
            .map(
                |(
                    id,
                    consultation,
                    entity,
                    entity_name,
                    group,
                    channel,
                    submitted_at,
                    language,
                    title,
                    late,
                    withheld,
                    unverified,
                )| {
                    Ok(ContributionSummary {
                        id: ContributionId(id),
                        consultation: ConsultationId(consultation),
                        entity: EntityId(entity),
                        entity_name,
                        group: parse_column(&group, "contributions.stakeholder_group")?,
                        channel: parse_column(&channel, "contributions.channel")?,
                        submitted_at: timestamp(submitted_at)?,
                        language,
                        title,
                        late,
                        withheld,
                        unverified,
                    })
                },
            )
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: u64::try_from(total).unwrap_or(0) })
    }

    fn channel_counts(
        &self,
        consultation: ConsultationId,
    ) -> Result<Vec<(StakeholderGroupId, Channel, Standing, u64)>> {
        let mut statement = self.connection.prepare_cached(STANDING_COUNTS)?;
        let rows = statement
            .query_map([consultation.0], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(|(group, channel, standing, n)| standing_count(&group, &channel, &standing, n)).collect()
    }

    fn canonical_record(&self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        canonical_record(&self.connection, contribution)
    }

    fn set_withheld(&mut self, contribution: ContributionId, reason: Option<&str>, by: &AuditActor) -> Result<bool> {
        let tx = write_transaction(&mut self.connection)?;
        let before: Option<Option<String>> = tx
            .prepare_cached("SELECT withheld_reason FROM contributions WHERE id = ?1")?
            .query_row([contribution.0], |r| r.get(0))
            .optional()?;
        let Some(before) = before else { return Ok(false) };
        tx.execute("UPDATE contributions SET withheld_reason = ?2 WHERE id = ?1", params![contribution.0, reason])?;
        insert_audit(&tx, &withholding_audit(contribution, before.as_deref(), reason, by))?;
        tx.commit()?;
        Ok(true)
    }

    fn attribute(&mut self, contribution: ContributionId, entity: Option<EntityId>, by: &AuditActor) -> Result<bool> {
        let tx = write_transaction(&mut self.connection)?;
        let found: Option<(String, Option<i64>)> = tx
            .prepare_cached("SELECT identity, attributed_entity_id FROM contributions WHERE id = ?1")?
            .query_row([contribution.0], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((identity, before)) = found else { return Ok(false) };
        let recorded = match entity {
            Some(entity) => tx
                .prepare_cached("SELECT NOT claimed FROM entities WHERE id = ?1")?
                .query_row([entity.0], |r| r.get::<_, bool>(0))
                .optional()?
                .unwrap_or(false),
            None => true,
        };
        if identity != Identity::Unverified.as_str() || !recorded {
            return Err(StoreError::NotAttributable(contribution.0));
        }
        tx.execute(
            "UPDATE contributions SET attributed_entity_id = ?2 WHERE id = ?1",
            params![contribution.0, entity.map(|e| e.0)],
        )?;
        insert_audit(&tx, &attribution_audit(contribution, before, entity, by))?;
        tx.commit()?;
        Ok(true)
    }

    fn create_account(&mut self, new: &NewAccount, by: &AuditActor) -> Result<Account> {
        let email = new.email.trim().to_lowercase();
        let tx = write_transaction(&mut self.connection)?;
        let inserted = tx.execute(
            "INSERT INTO accounts (email, name, role, entity_id, language, password_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                email,
                new.name,
                new.role.as_str(),
                new.entity.map(|e| e.0),
                new.language,
                new.password_hash,
                millis(by.at)
            ],
        );
        match inserted {
            Err(e) if is_unique_violation(&e) => return Err(StoreError::DuplicateAccount(email)),
            other => other?,
        };
        let account = Account {
            id: AccountId(tx.last_insert_rowid()),
            email,
            name: new.name.clone(),
            role: new.role,
            entity: new.entity,
            language: new.language.clone(),
        };
        insert_audit(&tx, &account_audit(&account, by))?;
        tx.commit()?;
        Ok(account)
    }

    fn account(&self, id: AccountId) -> Result<Option<Account>> {
        let row = self
            .connection
            .prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?1"))?
            .query_row([id.0], read_account)
            .optional()?;
        row.map(into_account).transpose()
    }

    fn sign_in_record(&self, email: &str) -> Result<Option<(Account, String)>> {
        let row = self
            .connection
            .prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = ?1"))?
            .query_row([email.trim().to_lowercase()], |r| Ok((read_account(r)?, r.get::<_, String>(6)?)))
            .optional()?;
        row.map(|(account, hash)| Ok((into_account(account)?, hash))).transpose()
    }

    fn create_session(&mut self, session: &NewSession) -> Result<()> {
        self.connection.execute(
            "INSERT INTO sessions (token_sha256, account_id, csrf_token, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                &session.token_sha256[..],
                session.account.0,
                session.csrf_token,
                millis(session.created_at),
                millis(session.expires_at)
            ],
        )?;
        Ok(())
    }

    fn session(&self, token_sha256: &Hash, now: Timestamp) -> Result<Option<Session>> {
        let row = self
            .connection
            .prepare_cached(&format!(
                "SELECT {}, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
                 WHERE s.token_sha256 = ?1 AND s.expires_at > ?2",
                ACCOUNT_COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ")
            ))?
            .query_row(params![&token_sha256[..], millis(now)], |r| {
                Ok((read_account(r)?, r.get::<_, String>(6)?, r.get::<_, i64>(7)?))
            })
            .optional()?;
        row.map(|(account, csrf_token, expires_at)| {
            Ok(Session { account: into_account(account)?, csrf_token, expires_at: timestamp(expires_at)? })
        })
        .transpose()
    }

    fn end_session(&mut self, token_sha256: &Hash, now: Timestamp) -> Result<()> {
        self.connection.execute(
            "DELETE FROM sessions WHERE token_sha256 = ?1 OR expires_at <= ?2",
            params![&token_sha256[..], millis(now)],
        )?;
        Ok(())
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        insert_audit(&self.connection, entry)
    }

    fn invitation_targets(&self, selection: &Selection) -> Result<Vec<Contact>> {
        let as_json = |items: Vec<String>| serde_json::Value::from(items).to_string();
        let mut statement = self.connection.prepare_cached(
            "SELECT c.entity_id, e.name, c.email, c.name, c.language
             FROM focal_point_contacts c JOIN entities e ON e.id = c.entity_id
             WHERE (?1 = '[]' OR c.entity_id IN (
                        SELECT m.entity_id FROM list_members m JOIN accreditation_lists l ON l.id = m.list_id
                        WHERE l.slug IN (SELECT value FROM json_each(?1))))
               AND (?2 = '[]' OR e.stakeholder_group IN (SELECT value FROM json_each(?2)))
               AND (?3 = '[]' OR e.country IN (SELECT value FROM json_each(?3)))
             ORDER BY e.name, c.email",
        )?;
        let rows = statement
            .query_map(
                params![
                    as_json(selection.lists.clone()),
                    as_json(selection.groups.iter().map(|g| g.as_str().to_owned()).collect()),
                    as_json(selection.countries.iter().map(|c| c.as_str().to_owned()).collect()),
                ],
                |r| {
                    Ok(Contact {
                        entity: EntityId(r.get(0)?),
                        entity_name: r.get(1)?,
                        email: r.get(2)?,
                        name: r.get(3)?,
                        language: r.get(4)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn accreditation_lists(&self) -> Result<Vec<(String, String, u64)>> {
        let rows = self
            .connection
            .prepare_cached(
                "SELECT l.slug, l.name, COUNT(m.entity_id) FROM accreditation_lists l
                 LEFT JOIN list_members m ON m.list_id = l.id GROUP BY l.id ORDER BY l.slug",
            )?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().map(|(slug, name, n)| (slug, name, u64::try_from(n).unwrap_or(0))).collect())
    }

    fn invitation(&self, token_sha256: &Hash) -> Result<Option<Invitation>> {
        let row = self
            .connection
            .prepare_cached(
                "SELECT k.slug, i.entity_id, e.name, i.email, i.language, i.expires_at, i.used_at
                 FROM invitations i JOIN consultations k ON k.id = i.consultation_id JOIN entities e ON e.id = i.entity_id
                 WHERE i.token_sha256 = ?1",
            )?
            .query_row([&token_sha256[..]], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                ))
            })
            .optional()?;
        row.map(|(consultation_slug, entity, entity_name, email, language, expires_at, used_at)| {
            Ok(Invitation {
                consultation_slug,
                entity: EntityId(entity),
                entity_name,
                email,
                language,
                expires_at: timestamp(expires_at)?,
                used_at: used_at.map(timestamp).transpose()?,
            })
        })
        .transpose()
    }

    fn accept_invitation(&mut self, token_sha256: &Hash, new: &NewAccount, now: Timestamp) -> Result<Account> {
        let tx = write_transaction(&mut self.connection)?;
        let found: Option<(i64, String, i64, Option<i64>)> = tx
            .prepare_cached("SELECT entity_id, email, expires_at, used_at FROM invitations WHERE token_sha256 = ?1")?
            .query_row([&token_sha256[..]], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((entity, email, expires_at, used_at)) = found else { return Err(StoreError::UnknownInvitation) };
        if used_at.is_some() {
            return Err(StoreError::InvitationUsed);
        }
        if expires_at <= millis(now) {
            return Err(StoreError::InvitationExpired);
        }
        let existing = tx
            .prepare_cached(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = ?1"))?
            .query_row([&email], read_account)
            .optional()?
            .map(into_account)
            .transpose()?;
        let account = match existing {
            Some(account) if account.entity == Some(EntityId(entity)) => account,
            Some(account) => return Err(StoreError::DuplicateAccount(account.email)),
            None => {
                tx.execute(
                    "INSERT INTO accounts (email, name, role, entity_id, language, password_hash, created_at)
                     VALUES (?1, ?2, 'focal_point', ?3, ?4, ?5, ?6)",
                    params![email, new.name, entity, new.language, new.password_hash, millis(now)],
                )?;
                Account {
                    id: AccountId(tx.last_insert_rowid()),
                    email: email.clone(),
                    name: new.name.clone(),
                    role: consulta_core::Role::FocalPoint,
                    entity: Some(EntityId(entity)),
                    language: new.language.clone(),
                }
            }
        };
        tx.execute(
            "UPDATE invitations SET used_at = ?2, account_id = ?3 WHERE token_sha256 = ?1",
            params![&token_sha256[..], millis(now), account.id.0],
        )?;
        tx.commit()?;
        Ok(account)
    }

    fn create_password_reset(&mut self, reset: &NewPasswordReset, mail: &NewMail) -> Result<()> {
        let tx = write_transaction(&mut self.connection)?;
        tx.execute(
            "INSERT INTO password_resets (token_sha256, account_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![&reset.token_sha256[..], reset.account.0, millis(reset.created_at), millis(reset.expires_at)],
        )?;
        insert_mail(&tx, mail)?;
        tx.commit()?;
        Ok(())
    }

    fn use_password_reset(
        &mut self,
        token_sha256: &Hash,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>> {
        let tx = write_transaction(&mut self.connection)?;
        let account: Option<i64> = tx
            .prepare_cached(
                "SELECT account_id FROM password_resets WHERE token_sha256 = ?1 AND used_at IS NULL AND expires_at > ?2",
            )?
            .query_row(params![&token_sha256[..], millis(now)], |r| r.get(0))
            .optional()?;
        let Some(account) = account else { return Ok(None) };
        tx.execute("UPDATE accounts SET password_hash = ?2 WHERE id = ?1", params![account, password_hash])?;
        tx.execute(
            "UPDATE password_resets SET used_at = ?2 WHERE token_sha256 = ?1",
            params![&token_sha256[..], millis(now)],
        )?;
        tx.execute("DELETE FROM sessions WHERE account_id = ?1", [account])?;
        tx.commit()?;
        Ok(Some(AccountId(account)))
    }

    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        insert_mail(&self.connection, mail)
    }

    fn due_mail(&self, now: Timestamp, limit: usize) -> Result<Vec<QueuedMail>> {
        let rows = self
            .connection
            .prepare_cached(
                "SELECT id, to_address, subject, body, attempts, attachment_name, attachment FROM mail_outbox
                 WHERE status = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2",
            )?
            .query_map(params![millis(now), limit as i64], |r| {
                let attachment: (Option<String>, Option<String>) = (r.get(5)?, r.get(6)?);
                Ok(QueuedMail {
                    id: r.get(0)?,
                    to: r.get(1)?,
                    subject: r.get(2)?,
                    body: r.get(3)?,
                    attempts: r.get(4)?,
                    attachment: crate::mail_attachment(attachment),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn mail_outcome(&mut self, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()> {
        match outcome {
            MailOutcome::Sent => self.connection.execute(
                "UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?2, last_error = NULL WHERE id = ?1",
                params![id, millis(now)],
            )?,
            MailOutcome::Failed { reason, retry_at: Some(at) } => self.connection.execute(
                "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
                params![id, reason, millis(*at)],
            )?,
            MailOutcome::Failed { reason, retry_at: None } => self.connection.execute(
                "UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
                params![id, reason],
            )?,
        };
        Ok(())
    }

    fn mail_log(&self, page: PageRequest) -> Result<Page<MailRecord>> {
        let total: i64 =
            self.connection.prepare_cached("SELECT COUNT(*) FROM mail_outbox")?.query_row([], |r| r.get(0))?;
        let rows = self
            .connection
            .prepare_cached(
                "SELECT id, to_address, subject, status, attempts, last_error, created_at, sent_at FROM mail_outbox
                 ORDER BY id DESC LIMIT ?1 OFFSET ?2",
            )?
            .query_map(
                params![i64::try_from(page.limit).unwrap_or(i64::MAX), i64::try_from(page.offset).unwrap_or(i64::MAX)],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, u32>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, Option<i64>>(7)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let items = rows
            .into_iter()
            .map(|(id, to, subject, status, attempts, last_error, created_at, sent_at)| {
                Ok(MailRecord {
                    id,
                    to,
                    subject,
                    status,
                    attempts,
                    last_error,
                    created_at: timestamp(created_at)?,
                    sent_at: sent_at.map(timestamp).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: u64::try_from(total).unwrap_or(0) })
    }

    fn audit_log(&self, page: PageRequest) -> Result<Page<AuditRecord>> {
        let total: i64 =
            self.connection.prepare_cached("SELECT COUNT(*) FROM audit_log")?.query_row([], |r| r.get(0))?;
        let rows = self
            .connection
            .prepare_cached(
                "SELECT id, at, account_id, actor, action, subject, before, after FROM audit_log
                 ORDER BY id DESC LIMIT ?1 OFFSET ?2",
            )?
            .query_map(
                params![i64::try_from(page.limit).unwrap_or(i64::MAX), i64::try_from(page.offset).unwrap_or(i64::MAX)],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let items = rows
            .into_iter()
            .map(|(id, at, account, label, action, subject, before, after)| {
                Ok(AuditRecord {
                    id,
                    entry: AuditEntry {
                        by: AuditActor { account: account.map(AccountId), label, at: timestamp(at)? },
                        action,
                        subject,
                        before: audit_json(before)?,
                        after: audit_json(after)?,
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: u64::try_from(total).unwrap_or(0) })
    }

    fn pending_extractions(&self, limit: usize) -> Result<Vec<PendingExtraction>> {
        let rows = self
            .connection
            .prepare_cached(
                "SELECT contribution_id, position, name, media_type, sha256 FROM attachments
                 WHERE extraction = 'pending' ORDER BY contribution_id, position LIMIT ?1",
            )?
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(contribution, position, name, media_type, sha256)| {
                Ok(PendingExtraction {
                    contribution: ContributionId(contribution),
                    position,
                    name,
                    media_type,
                    sha256: consulta_log::from_hex(&sha256).ok_or_else(|| corrupt("attachments.sha256"))?,
                })
            })
            .collect()
    }

    fn set_extraction(&mut self, contribution: ContributionId, position: u32, outcome: &Extraction) -> Result<()> {
        let (status, note, text) = extraction_columns(outcome);
        self.connection.execute(
            "UPDATE attachments SET extraction = ?3, extraction_note = ?4, text = ?5
             WHERE contribution_id = ?1 AND position = ?2",
            params![contribution.0, position, status, note, text],
        )?;
        Ok(())
    }

    fn extraction(&self, contribution: ContributionId, position: u32) -> Result<Option<Extraction>> {
        let row = self
            .connection
            .prepare_cached(
                "SELECT extraction, extraction_note, text FROM attachments WHERE contribution_id = ?1 AND position = ?2",
            )?
            .query_row(params![contribution.0, position], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?))
            })
            .optional()?;
        row.map(|(status, note, text)| extraction_from_columns(&status, note, text)).transpose()
    }

    fn snapshot(&self, path: &Path) -> Result<()> {
        // VACUUM INTO copies the database as one read transaction sees it: a consistent copy,
        // written without stopping the writers (WAL).
        let target = path.to_str().ok_or_else(|| corrupt(format!("{} is not UTF-8", path.display())))?;
        self.connection.execute("VACUUM INTO ?1", [target])?;
        Ok(())
    }

    fn attachment_hashes(&self) -> Result<Vec<Hash>> {
        let mut statement = self.connection.prepare_cached("SELECT DISTINCT sha256 FROM attachments")?;
        let hashes = statement.query_map([], |r| r.get::<_, String>(0))?;
        hashes.map(|h| consulta_log::from_hex(&h?).ok_or_else(|| corrupt("attachments.sha256"))).collect()
    }

    fn claim_lease(&mut self, job: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool> {
        let changed = self.connection.execute(
            "INSERT INTO job_leases (job, holder, expires_at) VALUES (?1, ?2, ?4)
             ON CONFLICT (job) DO UPDATE SET holder = ?2, expires_at = ?4
             WHERE job_leases.holder = ?2 OR job_leases.expires_at <= ?3",
            params![job, holder, millis(now), millis(until)],
        )?;
        Ok(changed == 1)
    }

    fn contributions_from_sender(&self, key: &str, since: Timestamp) -> Result<u64> {
        let n: i64 =
            self.connection.prepare_cached(FROM_SENDER_SINCE)?.query_row(params![key, millis(since)], |r| r.get(0))?;
        u64::try_from(n).map_err(corrupt)
    }

    fn rate_events(&self, scope: &str, subject: &str, since: Timestamp) -> Result<(u64, Option<Timestamp>)> {
        let (count, last): (i64, Option<i64>) = self
            .connection
            .prepare_cached(RATE_EVENTS_SINCE)?
            .query_row(params![scope, subject, millis(since)], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((u64::try_from(count).map_err(corrupt)?, last.map(timestamp).transpose()?))
    }

    fn record_rate_event(&mut self, scope: &str, subject: &str, at: Timestamp) -> Result<()> {
        self.connection.prepare_cached(RECORD_RATE_EVENT)?.execute(params![scope, subject, millis(at)])?;
        Ok(())
    }

    fn forget_rate_events(&mut self, scope: &str, subject: &str) -> Result<()> {
        self.connection.prepare_cached(FORGET_RATE_EVENTS)?.execute(params![scope, subject])?;
        Ok(())
    }

    fn prune_rate_events(&mut self, scope: &str, before: Timestamp) -> Result<u64> {
        let pruned = self.connection.prepare_cached(PRUNE_RATE_EVENTS)?.execute(params![scope, millis(before)])?;
        Ok(pruned as u64)
    }

    fn release_lease(&mut self, job: &str, holder: &str) -> Result<()> {
        self.connection.execute("DELETE FROM job_leases WHERE job = ?1 AND holder = ?2", params![job, holder])?;
        Ok(())
    }

    fn probe_write(&mut self) -> Result<()> {
        let tx = write_transaction(&mut self.connection)?;
        for statement in PROBE_WRITE {
            tx.execute(statement, [])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn issues(&self) -> Result<Vec<Issue>> {
        taxonomy::issues(&self.connection)
    }

    fn mechanisms(&self) -> Result<Vec<Mechanism>> {
        taxonomy::mechanisms(&self.connection)
    }

    fn matrix(&self) -> Result<Matrix> {
        taxonomy::matrix(&self.connection)
    }

    fn save_issue(&mut self, issue: &Issue, by: &AuditActor) -> Result<()> {
        taxonomy::save_issue(&mut self.connection, issue, by)
    }

    fn save_mechanism(&mut self, mechanism: &Mechanism, by: &AuditActor) -> Result<()> {
        taxonomy::save_mechanism(&mut self.connection, mechanism, by)
    }

    fn set_matrix(&mut self, matrix: &Matrix, by: &AuditActor) -> Result<()> {
        taxonomy::set_matrix(&mut self.connection, matrix, by)
    }

    fn contribution_issues(&self, contribution: ContributionId) -> Result<Vec<IssueId>> {
        taxonomy::contribution_issues(&self.connection, contribution)
    }

    fn set_contribution_issues(
        &mut self,
        contribution: ContributionId,
        issues: &[IssueId],
        by: &AuditActor,
    ) -> Result<bool> {
        taxonomy::set_contribution_issues(&mut self.connection, contribution, issues, by)
    }

    fn issue_tags(&self, consultation: Option<ConsultationId>) -> Result<Vec<(ContributionId, IssueId)>> {
        taxonomy::issue_tags(&self.connection, consultation)
    }

    fn report_details(&self, consultation: ConsultationId) -> Result<ReportDetails> {
        let json =
            self.connection.prepare_cached(REPORT_DETAILS_OF)?.query_row([consultation.0], |r| r.get(0)).optional()?;
        report_details_from(json)
    }

    fn set_report_details(
        &mut self,
        consultation: ConsultationId,
        details: &ReportDetails,
        by: &AuditActor,
    ) -> Result<()> {
        let tx = write_transaction(&mut self.connection)?;
        let before: Option<String> =
            tx.prepare_cached(REPORT_DETAILS_OF)?.query_row([consultation.0], |r| r.get(0)).optional()?;
        let after = report_details_json(details)?;
        tx.prepare_cached(SET_REPORT_DETAILS)?.execute(params![consultation.0, after, millis(by.at)])?;
        insert_audit(&tx, &report_details_audit(consultation, before, &after, by)?)?;
        tx.commit()?;
        Ok(())
    }

    fn amendments(&self, contribution: ContributionId) -> Result<Vec<ContributionId>> {
        let ids = self
            .connection
            .prepare_cached("SELECT id FROM contributions WHERE amends_id = ?1 ORDER BY id")?
            .query_map([contribution.0], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids.into_iter().map(ContributionId).collect())
    }

    fn attachments(&self, contribution: ContributionId) -> Result<Vec<Attachment>> {
        let rows = self
            .connection
            .prepare_cached(
                "SELECT position, name, media_type, size, sha256 FROM attachments
                 WHERE contribution_id = ?1 ORDER BY position",
            )?
            .query_map([contribution.0], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(position, name, media_type, size, sha256)| {
                Ok(Attachment {
                    position,
                    name,
                    media_type,
                    size: u64::try_from(size).map_err(corrupt)?,
                    sha256: consulta_log::from_hex(&sha256).ok_or_else(|| corrupt("attachments.sha256"))?,
                })
            })
            .collect()
    }

    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT seq, contribution_id FROM change_feed WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
        let rows = statement
            .query_map(params![to_sql_index(after)?, limit as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(seq, id)| Ok(Change { seq: u64::try_from(seq).map_err(corrupt)?, contribution: ContributionId(id) }))
            .collect()
    }

    fn last_change(&self) -> Result<u64> {
        let seq: i64 = self
            .connection
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM change_feed")?
            .query_row([], |r| r.get(0))?;
        u64::try_from(seq).map_err(corrupt)
    }

    fn public_texts(&self, ids: &[ContributionId]) -> Result<Vec<PublicText>> {
        let ids_json = format!("[{}]", ids.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(","));
        let mut statement = self.connection.prepare_cached(
            "SELECT c.id, k.slug, COALESCE(e.name, c.entity_name), COALESCE(e.stakeholder_group, c.stakeholder_group),
                    c.channel, CASE WHEN e.id IS NULL THEN c.country ELSE e.country END, c.language,
                    c.submitted_at, c.title, c.body, c.withheld_reason IS NOT NULL, c.identity,
                    (SELECT group_concat(a.text, char(10)) FROM attachments a
                     WHERE a.contribution_id = c.id AND a.extraction = 'done'),
                    c.identity = 'unverified' AND e.id IS NULL
             FROM contributions c JOIN consultations k ON k.id = c.consultation_id
                  LEFT JOIN entities e ON e.id = c.attributed_entity_id
             WHERE c.id IN (SELECT value FROM json_each(?1))
             ORDER BY c.id",
        )?;
        let mut rows = statement.query([ids_json])?;
        let mut texts = Vec::with_capacity(ids.len());
        while let Some(r) = rows.next()? {
            let group: String = r.get(3)?;
            let channel: String = r.get(4)?;
            let country: Option<String> = r.get(5)?;
            let identity: String = r.get(11)?;
            texts.push(PublicText {
                id: ContributionId(r.get(0)?),
                consultation: r.get(1)?,
                entity_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                group: parse_column(&group, "contributions.stakeholder_group")?,
                channel: parse_column(&channel, "contributions.channel")?,
                country: country.map(|c| parse_column(&c, "contributions.country")).transpose()?,
                language: r.get(6)?,
                submitted_at: timestamp(r.get(7)?)?,
                title: r.get(8)?,
                body: r.get(9)?,
                withheld: r.get(10)?,
                identity: Identity::parse(&identity).ok_or_else(|| corrupt("contributions.identity"))?,
                attachments_text: r.get::<_, Option<String>>(12)?.unwrap_or_default(),
                unverified: r.get(13)?,
            });
        }
        Ok(texts)
    }

    fn log_size(&self) -> Result<u64> {
        log_size(&self.connection)
    }

    fn recorded_hashes(&self, contributions: &[ContributionId]) -> Result<Vec<Option<Hash>>> {
        let ids = format!("[{}]", contributions.iter().map(|id| id.0.to_string()).collect::<Vec<_>>().join(","));
        let mut statement = self.connection.prepare_cached(
            "SELECT contribution_id, record_sha256 FROM log_leaves
             WHERE contribution_id IN (SELECT value FROM json_each(?1))",
        )?;
        let found = statement
            .query_map([ids], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        recorded_in_order(contributions, found)
    }

    fn tree_head(&self, now: Timestamp) -> Result<TreeHead> {
        // One read transaction, so the size and the root describe the same tree.
        let transaction = self.connection.unchecked_transaction()?;
        let size = log_size(&transaction)?;
        let root = consulta_log::root(&SqliteNodes(&transaction), size)?;
        Ok(TreeHead { size, timestamp_ms: now.as_millisecond(), root })
    }

    fn log_public_key(&self) -> Result<Option<[u8; 32]>> {
        instance_key(&self.connection, LOG_PUBLIC_KEY)
    }

    fn claim_log_key(&mut self, public: &[u8; 32]) -> Result<[u8; 32]> {
        let tx = write_transaction(&mut self.connection)?;
        tx.execute(
            "INSERT OR IGNORE INTO instance_secrets (name, value) VALUES (?1, ?2)",
            params![LOG_PUBLIC_KEY, &public[..]],
        )?;
        let recorded = instance_key(&tx, LOG_PUBLIC_KEY)?.ok_or_else(|| corrupt("instance_secrets.log_public_key"))?;
        if recorded == *public {
            tx.execute("DELETE FROM instance_secrets WHERE name = ?1", [LEGACY_LOG_SECRET])?;
        }
        tx.commit()?;
        Ok(recorded)
    }

    fn legacy_log_secret(&self) -> Result<Option<[u8; 32]>> {
        instance_key(&self.connection, LEGACY_LOG_SECRET)
    }

    fn inclusion(&self, contribution: ContributionId, tree_size: u64) -> Result<Option<Inclusion>> {
        let transaction = self.connection.unchecked_transaction()?;
        let size = log_size(&transaction)?;
        if tree_size > size {
            return Err(StoreError::BeyondLog { size, asked: tree_size });
        }
        let leaf = transaction
            .prepare_cached("SELECT leaf_index, record_sha256 FROM log_leaves WHERE contribution_id = ?1")?
            .query_row([contribution.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .optional()?;
        let Some((leaf_index, record_sha256)) = leaf else { return Ok(None) };
        let leaf_index = u64::try_from(leaf_index).map_err(corrupt)?;
        if leaf_index >= tree_size {
            return Ok(None);
        }
        let record_sha256: Hash = record_sha256.try_into().map_err(|_| corrupt("log_leaves.record_sha256"))?;
        let proof = consulta_log::inclusion_proof(&SqliteNodes(&transaction), leaf_index, tree_size)?;
        Ok(Some(Inclusion { leaf_index, record_sha256, tree_size, proof }))
    }

    fn consistency(&self, old: u64, new: u64) -> Result<Vec<Hash>> {
        let transaction = self.connection.unchecked_transaction()?;
        let size = log_size(&transaction)?;
        if new > size || old > new {
            return Err(StoreError::BeyondLog { size, asked: new.max(old) });
        }
        consulta_log::consistency_proof(&SqliteNodes(&transaction), old, new)
    }

    fn read_record(
        &self,
        each: &mut dyn FnMut(&'static crate::copy::Table, Vec<crate::copy::Value>) -> Result<()>,
    ) -> Result<()> {
        use crate::copy::{Kind, TABLES, Value};
        // A read transaction sees one snapshot of the file (WAL) from its first read to its end.
        let transaction = self.connection.unchecked_transaction()?;
        for table in TABLES {
            let sql = format!("SELECT {} FROM {} ORDER BY {}", table.column_list(), table.name, table.order_by);
            let mut statement = transaction.prepare(&sql)?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                let mut values = Vec::with_capacity(table.columns.len());
                for (i, (_, kind)) in table.columns.iter().enumerate() {
                    values.push(match kind {
                        Kind::Integer => row.get::<_, Option<i64>>(i)?.map_or(Value::Null, Value::Integer),
                        Kind::Bool => row.get::<_, Option<bool>>(i)?.map_or(Value::Null, Value::Bool),
                        Kind::Text => row.get::<_, Option<String>>(i)?.map_or(Value::Null, Value::Text),
                        Kind::Bytes => row.get::<_, Option<Vec<u8>>>(i)?.map_or(Value::Null, Value::Bytes),
                    });
                }
                each(table, values)?;
            }
        }
        Ok(())
    }

    fn begin_load(&mut self) -> Result<Box<dyn crate::copy::RecordLoader + '_>> {
        let location = self.connection.path().unwrap_or_default().to_owned();
        let transaction = write_transaction(&mut self.connection)?;
        let holds_record: bool = transaction.query_row(
            "SELECT EXISTS (SELECT 1 FROM consultations) OR EXISTS (SELECT 1 FROM entities)
                 OR EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM audit_log)",
            [],
            |r| r.get(0),
        )?;
        if holds_record {
            return Err(StoreError::NotEmpty(location));
        }
        for table in crate::copy::TABLES.iter().rev() {
            transaction.execute_batch(&format!("DELETE FROM {}", table.name))?;
        }
        Ok(Box::new(SqliteLoader { transaction, insert: String::new() }))
    }

    fn row_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        crate::copy::TABLES
            .iter()
            .map(|table| {
                let n: i64 =
                    self.connection.query_row(&format!("SELECT COUNT(*) FROM {}", table.name), [], |r| r.get(0))?;
                Ok((table.name, u64::try_from(n).map_err(corrupt)?))
            })
            .collect()
    }

    /// A larger page cache (bounded: 64 MiB) keeps the indexes of a large import in memory.
    fn prepare_for_bulk_writes(&self) -> Result<()> {
        self.connection.execute_batch("PRAGMA cache_size = -65536;")?;
        Ok(())
    }

    fn begin(&mut self) -> Result<Box<dyn RecordTransaction + '_>> {
        let transaction = self.connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Box::new(SqliteTransaction { transaction, log_size: None, frontier: Frontier::default() }))
    }
}

/// Writes a whole record copied from another store, in one transaction.
struct SqliteLoader<'a> {
    transaction: rusqlite::Transaction<'a>,
    /// The INSERT of the table being written.
    insert: String,
}

impl rusqlite::ToSql for crate::copy::Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use crate::copy::Value;
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Integer(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Value::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

impl crate::copy::RecordLoader for SqliteLoader<'_> {
    fn start_table(&mut self, table: &'static crate::copy::Table) -> Result<()> {
        // What this database's own triggers wrote while earlier tables were copied (the change
        // feed) gives way to the source's rows.
        self.transaction.execute_batch(&format!("DELETE FROM {}", table.name))?;
        let placeholders: Vec<String> = (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
        self.insert =
            format!("INSERT INTO {} ({}) VALUES ({})", table.name, table.column_list(), placeholders.join(", "));
        Ok(())
    }

    fn row(&mut self, values: Vec<crate::copy::Value>) -> Result<()> {
        self.transaction.prepare_cached(&self.insert)?.execute(rusqlite::params_from_iter(values.iter()))?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<()> {
        self.transaction.commit()?;
        Ok(())
    }
}

struct SqliteTransaction<'a> {
    transaction: rusqlite::Transaction<'a>,
    /// The log's size once this transaction has appended to it (no other writer can meanwhile).
    log_size: Option<u64>,
    /// The nodes this transaction appended, which the next appends will need.
    frontier: Frontier,
}

impl RecordTransaction for SqliteTransaction<'_> {
    fn entity_by_name(&mut self, name: &EntityName) -> Result<Option<Entity>> {
        let mut statement =
            self.transaction.prepare_cached(&format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE name_key = ?1"))?;
        statement.query_row([name.key()], read_entity).optional()?.map(into_entity).transpose()
    }

    fn insert_entity(&mut self, new: &NewEntity) -> Result<Entity> {
        let mut statement = self.transaction.prepare_cached(
            "INSERT INTO entities (name, name_key, stakeholder_group, country, is_example, claimed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        statement.execute(params![
            new.name.as_str(),
            entity_key(new)?,
            new.group.as_str(),
            new.country.as_ref().map(|c| c.as_str().to_owned()),
            new.is_example,
            new.claimed,
        ])?;
        Ok(inserted_entity(self.transaction.last_insert_rowid(), new))
    }

    fn insert_contribution(&mut self, new: &NewContribution) -> Result<ContributionId> {
        let mut statement = self.transaction.prepare_cached(
            "INSERT INTO contributions (consultation_id, entity_id, stakeholder_group, channel, on_behalf_of, meeting_id,
                                        submitted_at, language, title, body, late, identity, contact_email,
                                        entity_name, country)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, name, country FROM entities WHERE id = ?2",
        )?;
        statement.execute(params![
            new.consultation.0,
            new.entity.0,
            new.group.as_str(),
            new.channel.as_str(),
            new.on_behalf_of.as_ref().map(StakeholderGroupId::as_str),
            new.meeting.map(|m| m.0),
            millis(new.submitted_at),
            new.language.as_str(),
            new.title,
            new.body,
            new.late,
            new.identity.as_str(),
            new.contact_email,
        ])?;
        Ok(ContributionId(self.transaction.last_insert_rowid()))
    }

    fn canonical_record(&mut self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        canonical_record(&self.transaction, contribution)
    }

    fn insert_attachment(&mut self, contribution: ContributionId, attachment: &Attachment) -> Result<()> {
        self.transaction
            .prepare_cached(
                "INSERT INTO attachments (contribution_id, position, name, media_type, size, sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                contribution.0,
                attachment.position,
                attachment.name,
                attachment.media_type,
                i64::try_from(attachment.size).map_err(corrupt)?,
                consulta_log::to_hex(&attachment.sha256),
            ])?;
        Ok(())
    }

    fn idempotency_key(&mut self, key: &str) -> Result<Option<(ContributionId, Hash)>> {
        let row = self
            .transaction
            .prepare_cached("SELECT contribution_id, request_sha256 FROM idempotency_keys WHERE key = ?1")?
            .query_row([key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .optional()?;
        row.map(|(id, hash)| {
            Ok((ContributionId(id), hash.try_into().map_err(|_| corrupt("idempotency_keys.request_sha256"))?))
        })
        .transpose()
    }

    fn remember_idempotency_key(
        &mut self,
        key: &str,
        request_sha256: Hash,
        contribution: ContributionId,
    ) -> Result<()> {
        self.transaction
            .prepare_cached("INSERT INTO idempotency_keys (key, request_sha256, contribution_id) VALUES (?1, ?2, ?3)")?
            .execute(params![key, &request_sha256[..], contribution.0])?;
        Ok(())
    }

    fn append_to_log(&mut self, contribution: ContributionId, record_sha256: Hash) -> Result<u64> {
        let size = match self.log_size {
            Some(size) => size,
            None => log_size(&self.transaction)?,
        };
        let nodes = self.frontier.over(SqliteNodes(&self.transaction));
        let added = consulta_log::append(&nodes, size, consulta_log::leaf_hash(&record_sha256))?;
        for node in added {
            self.transaction
                .prepare_cached("INSERT INTO log_nodes (level, idx, hash) VALUES (?1, ?2, ?3)")?
                .execute(params![node.level, to_sql_index(node.index)?, &node.hash[..]])?;
            self.frontier.record(node.level, node.index, node.hash);
        }
        self.transaction
            .prepare_cached("INSERT INTO log_leaves (leaf_index, contribution_id, record_sha256) VALUES (?1, ?2, ?3)")?
            .execute(params![to_sql_index(size)?, contribution.0, &record_sha256[..]])?;
        self.log_size = Some(size + 1);
        Ok(size)
    }

    fn set_sender_key(&mut self, contribution: ContributionId, key: &str) -> Result<()> {
        self.transaction.prepare_cached(SET_SENDER_KEY)?.execute(params![contribution.0, key])?;
        Ok(())
    }

    fn set_amends(&mut self, contribution: ContributionId, amended: ContributionId) -> Result<()> {
        self.transaction
            .execute("UPDATE contributions SET amends_id = ?2 WHERE id = ?1", params![contribution.0, amended.0])?;
        Ok(())
    }

    fn ensure_list(&mut self, slug: &str, name: &str) -> Result<i64> {
        self.transaction.execute(
            "INSERT INTO accreditation_lists (slug, name) VALUES (?1, ?2) ON CONFLICT (slug) DO UPDATE SET name = ?2",
            params![slug, name],
        )?;
        Ok(self.transaction.query_row("SELECT id FROM accreditation_lists WHERE slug = ?1", [slug], |r| r.get(0))?)
    }

    fn add_list_member(&mut self, list: i64, entity: EntityId) -> Result<()> {
        self.transaction
            .prepare_cached("INSERT OR IGNORE INTO list_members (list_id, entity_id) VALUES (?1, ?2)")?
            .execute(params![list, entity.0])?;
        Ok(())
    }

    fn add_contact(&mut self, entity: EntityId, email: &str, name: &str, language: &str) -> Result<()> {
        self.transaction
            .prepare_cached(
                "INSERT INTO focal_point_contacts (entity_id, email, name, language) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (entity_id, email) DO UPDATE SET name = ?3, language = ?4",
            )?
            .execute(params![entity.0, email.trim().to_lowercase(), name, language])?;
        Ok(())
    }

    fn insert_invitation(&mut self, invitation: &NewInvitation) -> Result<()> {
        self.transaction
            .prepare_cached(
                "INSERT INTO invitations (token_sha256, consultation_id, entity_id, email, language, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                &invitation.token_sha256[..],
                invitation.consultation.0,
                invitation.entity.0,
                invitation.email,
                invitation.language,
                millis(invitation.created_at),
                millis(invitation.expires_at)
            ])?;
        Ok(())
    }

    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        insert_mail(&self.transaction, mail)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        insert_audit(&self.transaction, entry)
    }

    fn savepoint(&mut self) -> Result<()> {
        self.transaction.execute_batch("SAVEPOINT item")?;
        Ok(())
    }

    fn release_savepoint(&mut self) -> Result<()> {
        self.transaction.execute_batch("RELEASE item")?;
        Ok(())
    }

    fn rollback_to_savepoint(&mut self) -> Result<()> {
        self.transaction.execute_batch("ROLLBACK TO item; RELEASE item")?;
        // What this transaction knew of the log may have been undone.
        self.log_size = None;
        self.frontier.clear();
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.transaction.commit()?;
        Ok(())
    }
}

/// The log's nodes, read from the `log_nodes` table.
struct SqliteNodes<'c>(&'c Connection);

impl consulta_log::Nodes for SqliteNodes<'_> {
    type Error = StoreError;

    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        let hash: Vec<u8> = self
            .0
            .prepare_cached("SELECT hash FROM log_nodes WHERE level = ?1 AND idx = ?2")?
            .query_row(params![level, to_sql_index(index)?], |r| r.get(0))
            .optional()?
            .ok_or_else(|| corrupt(format!("the log has no node ({level}, {index})")))?;
        hash.try_into().map_err(|_| corrupt("log_nodes.hash"))
    }
}

fn to_sql_index(index: u64) -> Result<i64> {
    i64::try_from(index).map_err(corrupt)
}

fn log_size(connection: &Connection) -> Result<u64> {
    let next: i64 = connection
        .prepare_cached("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaves")?
        .query_row([], |r| r.get(0))?;
    u64::try_from(next).map_err(corrupt)
}

/// A 32-byte value of `instance_secrets` (despite its name, it now holds only the public key).
fn instance_key(connection: &Connection, name: &str) -> Result<Option<[u8; 32]>> {
    let value: Option<Vec<u8>> = connection
        .prepare_cached("SELECT value FROM instance_secrets WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    value.map(|v| v.try_into().map_err(|_| corrupt(format!("instance_secrets.{name}")))).transpose()
}

fn canonical_record(connection: &Connection, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
    let row = connection
        .prepare_cached(&format!("{CANONICAL_SELECT} WHERE c.id = ?1"))?
        .query_row([contribution.0], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ),
                (r.get::<_, String>(4)?, r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?),
                (r.get::<_, i64>(7)?, r.get::<_, String>(8)?, r.get::<_, String>(9)?, r.get::<_, bool>(10)?),
                (r.get::<_, String>(11)?, r.get::<_, String>(12)?, r.get::<_, Option<i64>>(13)?),
            ))
        })
        .optional()?;
    let Some((
        (consultation, entity, stakeholder_group, country),
        (channel, on_behalf_of, meeting),
        (submitted_at, language, identity, late),
        (title, body, amends),
    )) = row
    else {
        return Ok(None);
    };
    let attachments = connection
        .prepare_cached("SELECT name, size, sha256 FROM attachments WHERE contribution_id = ?1 ORDER BY position")?
        .query_map([contribution.0], |r| {
            Ok(AttachmentEntry { name: r.get(0)?, size: r.get::<_, i64>(1)?.max(0) as u64, sha256: r.get(2)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    CanonicalColumns {
        consultation,
        entity,
        stakeholder_group,
        country,
        channel,
        on_behalf_of,
        meeting,
        submitted_at,
        language,
        identity,
        late,
        title,
        body,
        amends,
    }
    .into_record(contribution, attachments)
    .map(Some)
}
