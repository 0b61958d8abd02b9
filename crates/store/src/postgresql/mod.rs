//! The PostgreSQL backend, for several servers on one database: the same record as the SQLite
//! backend, migrations in `migrations/postgres/`. Every writing transaction of the record takes
//! one advisory lock (`WRITE_LOCK`) until it commits, so that log leaves and change-feed numbers
//! are given out one transaction after another, in commit order, whichever server writes.

mod taxonomy;

use std::cell::RefCell;
use std::collections::HashMap;

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
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Row, Statement};

use crate::frontier::Frontier;
use crate::rows::{
    ACCOUNT_COLUMNS, AccountRow, CANONICAL_SELECT, CONSULTATION_COLUMNS, CONTRIBUTION_COLUMNS, CanonicalColumns,
    ConsultationRow, ContributionRow, ENTITY_COLUMNS, FORGET_RATE_EVENTS, FROM_SENDER_SINCE, LEGACY_LOG_SECRET,
    LOG_PUBLIC_KEY, PROBE_WRITE, PRUNE_RATE_EVENTS, RATE_EVENTS_SINCE, RECORD_RATE_EVENT, REPORT_DETAILS_OF,
    SET_REPORT_DETAILS, SET_SENDER_KEY, STANDING_COUNTS, account_audit, attribution_audit, audit_json, corrupt,
    entity_key, extraction_columns, extraction_from_columns, inserted_entity, into_account, into_entity,
    localized_to_json, millis, numbered, parse_column, questions_to_json, recorded_in_order, report_details_audit,
    report_details_from, report_details_json, standing_count, timestamp, withholding_audit,
};
use crate::{
    Attachment, AuditActor, AuditEntry, AuditRecord, Change, Contact, ContributionFilter, ContributionSummary,
    Extraction, Inclusion, Invitation, MailOutcome, MailRecord, NewAccount, NewInvitation, NewMail, NewPasswordReset,
    NewSession, Page, PageRequest, PendingExtraction, PublicText, QueuedMail, RecordTransaction, Result, Selection,
    Session, Store, StoreError,
};

/// Schema versions, applied in order; `consulta_schema.version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_schema.sql"),
    include_str!("../../migrations/postgres/0002_claimed_identities.sql"),
    include_str!("../../migrations/postgres/0003_rate_events.sql"),
    include_str!("../../migrations/postgres/0004_senders.sql"),
    include_str!("../../migrations/postgres/0005_mail_attachments.sql"),
    include_str!("../../migrations/postgres/0006_report_details.sql"),
];

/// The migration after which the starting issue taxonomy is written, once.
const TAXONOMY_MIGRATION: usize = 0;

/// The record's write lock (an advisory lock; the change feed's trigger function takes it too).
pub(crate) const WRITE_LOCK: i64 = 7_061_584_150;

/// Statements prepared on this connection, by their text: each is prepared once per connection,
/// not at every call (a round trip saved on every query).
type Statements = HashMap<String, Statement>;

struct Connection {
    client: Client,
    statements: Statements,
}

pub struct PostgresStore {
    connection: RefCell<Connection>,
    location: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("location", &self.location).finish()
    }
}

fn prepared(statements: &mut Statements, client: &mut impl GenericClient, sql: &str) -> Result<Statement> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    let statement = client.prepare(sql)?;
    statements.insert(sql.to_owned(), statement.clone());
    Ok(statement)
}

fn is_violation(error: &postgres::Error, state: &SqlState) -> bool {
    error.code() == Some(state)
}

/// Takes the record's write lock until the transaction ends.
fn lock_record(client: &mut impl GenericClient) -> Result<()> {
    client.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    Ok(())
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn limit(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/name`) and brings its
    /// schema up to date. The database itself must exist; Consulta creates its tables.
    pub fn open(url: &str) -> Result<Self> {
        let location = consulta_core::markup::redact_url(url);
        let client = Client::connect(url, NoTls)
            .map_err(|source| StoreError::OpenPostgres { location: location.clone(), source })?;
        let store =
            PostgresStore { connection: RefCell::new(Connection { client, statements: Statements::new() }), location };
        store.migrate()?;
        Ok(store)
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    /// The schema version this database is at (0 when Consulta has not created its tables).
    fn schema_version(client: &mut impl GenericClient) -> Result<Option<i64>> {
        let exists: bool = client.query_one("SELECT to_regclass('consulta_schema') IS NOT NULL", &[])?.try_get(0)?;
        if !exists {
            return Ok(None);
        }
        Ok(client.query_opt("SELECT version FROM consulta_schema", &[])?.map(|r| r.try_get(0)).transpose()?)
    }

    fn migrate(&self) -> Result<()> {
        let client = &mut self.connection.borrow_mut().client;
        // Every pooled connection opens here: an up-to-date schema is read, not locked.
        if Self::schema_version(client)? == Some(MIGRATIONS.len() as i64) {
            return Ok(());
        }
        let mut tx = client.transaction()?;
        // Servers that start together migrate one after the other.
        lock_record(&mut tx)?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS consulta_schema (version BIGINT NOT NULL)")?;
        let found = Self::schema_version(&mut tx)?;
        let known = MIGRATIONS.len() as i64;
        let found_version = found.unwrap_or(0);
        if found_version > known {
            return Err(StoreError::TooNew { path: self.location.clone(), found: found_version, known });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found_version as usize) {
            tx.batch_execute(sql)?;
            if index == TAXONOMY_MIGRATION {
                taxonomy::seed(&mut tx)?;
            }
        }
        if found.is_none() {
            tx.execute("INSERT INTO consulta_schema (version) VALUES ($1)", &[&known])?;
        } else {
            tx.execute("UPDATE consulta_schema SET version = $1", &[&known])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` with this connection's client and prepared statements.
    fn with<T>(&self, f: impl FnOnce(&mut Client, &mut Statements) -> Result<T>) -> Result<T> {
        let mut connection = self.connection.borrow_mut();
        let Connection { client, statements } = &mut *connection;
        f(client, statements)
    }

    /// Runs `f` in a transaction that holds the record's write lock, and commits if it succeeds.
    fn write<T>(&mut self, f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut tx = self.connection.get_mut().client.transaction()?;
        lock_record(&mut tx)?;
        let value = f(&mut tx)?;
        tx.commit()?;
        Ok(value)
    }

    fn query_one_cached(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Row> {
        self.with(|client, statements| {
            let statement = prepared(statements, client, sql)?;
            Ok(client.query_one(&statement, params)?)
        })
    }

    fn query_opt_cached(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>> {
        self.with(|client, statements| {
            let statement = prepared(statements, client, sql)?;
            Ok(client.query_opt(&statement, params)?)
        })
    }

    /// Runs a statement outside the record's write lock (for what is not the record); gives the
    /// rows it changed.
    fn execute_cached(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64> {
        self.with(|client, statements| {
            let statement = prepared(statements, client, sql)?;
            Ok(client.execute(&statement, params)?)
        })
    }

    fn query_cached(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        self.with(|client, statements| {
            let statement = prepared(statements, client, sql)?;
            Ok(client.query(&statement, params)?)
        })
    }

    /// Runs `f` inside one read-only transaction that sees a single snapshot of the record.
    fn snapshot_read<T>(
        &self,
        f: impl FnOnce(&mut postgres::Transaction<'_>, &mut Statements) -> Result<T>,
    ) -> Result<T> {
        let mut connection = self.connection.borrow_mut();
        let Connection { client, statements } = &mut *connection;
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let value = f(&mut tx, statements)?;
        tx.commit()?;
        Ok(value)
    }

    /// Streams every row of `table` (in its order) to `each`, inside the caller's snapshot.
    pub(crate) fn read_table(
        tx: &mut postgres::Transaction<'_>,
        table: &crate::copy::Table,
        each: &mut dyn FnMut(Vec<crate::copy::Value>) -> Result<()>,
    ) -> Result<()> {
        use crate::copy::{Kind, Value};
        use postgres::fallible_iterator::FallibleIterator;
        let sql = format!("SELECT {} FROM {} ORDER BY {}", table.column_list(), table.name, table.order_by);
        let mut rows = tx.query_raw(sql.as_str(), std::iter::empty::<i64>())?;
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(table.columns.len());
            for (i, (_, kind)) in table.columns.iter().enumerate() {
                values.push(match kind {
                    Kind::Integer => row.try_get::<_, Option<i64>>(i)?.map_or(Value::Null, Value::Integer),
                    Kind::Bool => row.try_get::<_, Option<bool>>(i)?.map_or(Value::Null, Value::Bool),
                    Kind::Text => row.try_get::<_, Option<String>>(i)?.map_or(Value::Null, Value::Text),
                    Kind::Bytes => row.try_get::<_, Option<Vec<u8>>>(i)?.map_or(Value::Null, Value::Bytes),
                });
            }
            each(values)?;
        }
        Ok(())
    }
}

fn consultation_row(r: &Row) -> Result<ConsultationRow> {
    Ok(ConsultationRow {
        id: r.try_get(0)?,
        slug: r.try_get(1)?,
        original_language: r.try_get(2)?,
        title: r.try_get(3)?,
        description: r.try_get(4)?,
        mandate: r.try_get(5)?,
        opens_at: r.try_get(6)?,
        closes_at: r.try_get(7)?,
        time_zone: r.try_get(8)?,
        questions: r.try_get(9)?,
        is_example: r.try_get(10)?,
        unverified_allowed: r.try_get(11)?,
    })
}

fn entity_row(r: &Row) -> Result<Entity> {
    into_entity((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?, r.try_get(5)?))
}

fn contribution_row(r: &Row) -> Result<ContributionRow> {
    Ok(ContributionRow {
        id: r.try_get(0)?,
        consultation: r.try_get(1)?,
        entity: r.try_get(2)?,
        group: r.try_get(3)?,
        channel: r.try_get(4)?,
        on_behalf_of: r.try_get(5)?,
        meeting: r.try_get(6)?,
        submitted_at: r.try_get(7)?,
        language: r.try_get(8)?,
        title: r.try_get(9)?,
        body: r.try_get(10)?,
        late: r.try_get(11)?,
        identity: r.try_get(12)?,
        contact_email: r.try_get(13)?,
        withheld_reason: r.try_get(14)?,
        attributed_to: r.try_get(15)?,
    })
}

fn account_row(r: &Row) -> Result<AccountRow> {
    Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?, r.try_get(5)?))
}

fn hash_column(bytes: Vec<u8>, column: &str) -> Result<Hash> {
    bytes.try_into().map_err(|_| corrupt(column))
}

fn insert_mail(client: &mut impl GenericClient, mail: &NewMail) -> Result<i64> {
    let row = client.query_one(
        "INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at, attachment_name, attachment)
         VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id",
        &[
            &mail.to,
            &mail.subject,
            &mail.body,
            &millis(mail.created_at),
            &mail.attachment.as_ref().map(|a| &a.name),
            &mail.attachment.as_ref().map(|a| &a.content),
        ],
    )?;
    Ok(row.try_get(0)?)
}

/// Emails per statement when many are queued at once: each row takes six parameters, well under
/// PostgreSQL's limit of 65,535.
const MAILS_PER_STATEMENT: usize = 200;

/// Queues many emails with one statement per `MAILS_PER_STATEMENT`: each statement is a round
/// trip to the server, which a batch of acknowledgements would otherwise pay once per message.
fn insert_mails(client: &mut impl GenericClient, mails: &[NewMail]) -> Result<()> {
    for chunk in mails.chunks(MAILS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p = 6 * i;
                format!("(${}, ${}, ${}, ${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4, p + 4, p + 5, p + 6)
            })
            .collect();
        let sql = format!(
            "INSERT INTO mail_outbox (to_address, subject, body, next_attempt_at, created_at, attachment_name, attachment) \
             VALUES {}",
            rows.join(", ")
        );
        let created: Vec<i64> = chunk.iter().map(|m| millis(m.created_at)).collect();
        let names: Vec<Option<&String>> = chunk.iter().map(|m| m.attachment.as_ref().map(|a| &a.name)).collect();
        let contents: Vec<Option<&String>> = chunk.iter().map(|m| m.attachment.as_ref().map(|a| &a.content)).collect();
        let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(6 * chunk.len());
        for (i, mail) in chunk.iter().enumerate() {
            params.extend_from_slice(&[&mail.to, &mail.subject, &mail.body, &created[i], &names[i], &contents[i]]);
        }
        client.execute(&sql, &params)?;
    }
    Ok(())
}

pub(crate) fn insert_audit(client: &mut impl GenericClient, entry: &AuditEntry) -> Result<()> {
    client.execute(
        "INSERT INTO audit_log (at, account_id, actor, action, subject, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &millis(entry.by.at),
            &entry.by.account.map(|a| a.0),
            &entry.by.label,
            &entry.action,
            &entry.subject,
            &entry.before.as_ref().map(|v| v.to_string()),
            &entry.after.as_ref().map(|v| v.to_string()),
        ],
    )?;
    Ok(())
}

fn log_size(client: &mut impl GenericClient, statements: &mut Statements) -> Result<u64> {
    let size = prepared(statements, client, "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaves")?;
    let next: i64 = client.query_one(&size, &[])?.try_get(0)?;
    u64::try_from(next).map_err(corrupt)
}

/// A 32-byte value of `instance_secrets` (despite its name, it now holds only the public key).
fn instance_key(client: &mut impl GenericClient, name: &str) -> Result<Option<[u8; 32]>> {
    let row = client.query_opt("SELECT value FROM instance_secrets WHERE name = $1", &[&name])?;
    let value: Option<Vec<u8>> = row.map(|r| r.try_get(0)).transpose()?;
    value.map(|v| v.try_into().map_err(|_| corrupt(format!("instance_secrets.{name}")))).transpose()
}

/// The log's nodes, read through one client (a snapshot transaction, when proofs must agree
/// with the size read).
struct PostgresNodes<'c, C: GenericClient>(RefCell<&'c mut C>);

impl<C: GenericClient> consulta_log::Nodes for PostgresNodes<'_, C> {
    type Error = StoreError;

    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        let row = self.0.borrow_mut().query_opt(
            "SELECT hash FROM log_nodes WHERE level = $1 AND idx = $2",
            &[&i64::from(level), &to_sql_index(index)?],
        )?;
        let row = row.ok_or_else(|| corrupt(format!("the log has no node ({level}, {index})")))?;
        hash_column(row.try_get(0)?, "log_nodes.hash")
    }
}

/// The log's nodes for one proof or root, read in one query rather than one round trip each.
/// Which nodes the log crate asks for depends on indexes alone, so a first pass with placeholder
/// hashes names them all; the second pass computes with the nodes read.
#[derive(Default)]
struct PrefetchedNodes {
    wanted: RefCell<Vec<(u32, u64)>>,
    read: Option<HashMap<(u32, u64), Hash>>,
}

impl consulta_log::Nodes for PrefetchedNodes {
    type Error = StoreError;

    fn node(&self, level: u32, index: u64) -> Result<Hash> {
        match &self.read {
            None => {
                self.wanted.borrow_mut().push((level, index));
                Ok([0; 32])
            }
            Some(read) => read
                .get(&(level, index))
                .copied()
                .ok_or_else(|| corrupt(format!("the log has no node ({level}, {index})"))),
        }
    }
}

fn with_prefetched_nodes<T>(
    client: &mut impl GenericClient,
    statements: &mut Statements,
    compute: impl Fn(&PrefetchedNodes) -> Result<T>,
) -> Result<T> {
    let naming = PrefetchedNodes::default();
    compute(&naming)?;
    let mut wanted = naming.wanted.into_inner();
    wanted.sort_unstable();
    wanted.dedup();
    let levels: Vec<i64> = wanted.iter().map(|(level, _)| i64::from(*level)).collect();
    let indexes = wanted.iter().map(|(_, index)| to_sql_index(*index)).collect::<Result<Vec<_>>>()?;
    let nodes = prepared(
        statements,
        client,
        "SELECT n.level, n.idx, n.hash FROM log_nodes n
         JOIN unnest($1::BIGINT[], $2::BIGINT[]) AS w (level, idx) ON n.level = w.level AND n.idx = w.idx",
    )?;
    let read = client
        .query(&nodes, &[&levels, &indexes])?
        .iter()
        .map(|r| {
            let level = u32::try_from(r.try_get::<_, i64>(0)?).map_err(corrupt)?;
            let index = u64::try_from(r.try_get::<_, i64>(1)?).map_err(corrupt)?;
            Ok(((level, index), hash_column(r.try_get(2)?, "log_nodes.hash")?))
        })
        .collect::<Result<HashMap<_, _>>>()?;
    compute(&PrefetchedNodes { wanted: RefCell::default(), read: Some(read) })
}

fn to_sql_index(index: u64) -> Result<i64> {
    i64::try_from(index).map_err(corrupt)
}

fn canonical_record(
    client: &mut impl GenericClient,
    statements: &mut Statements,
    contribution: ContributionId,
) -> Result<Option<CanonicalRecord>> {
    let record = prepared(statements, client, &format!("{CANONICAL_SELECT} WHERE c.id = $1"))?;
    let Some(r) = client.query_opt(&record, &[&contribution.0])? else { return Ok(None) };
    let columns = CanonicalColumns {
        consultation: r.try_get(0)?,
        entity: r.try_get(1)?,
        stakeholder_group: r.try_get(2)?,
        country: r.try_get(3)?,
        channel: r.try_get(4)?,
        on_behalf_of: r.try_get(5)?,
        meeting: r.try_get(6)?,
        submitted_at: r.try_get(7)?,
        language: r.try_get(8)?,
        identity: r.try_get(9)?,
        late: r.try_get(10)?,
        title: r.try_get(11)?,
        body: r.try_get(12)?,
        amends: r.try_get(13)?,
    };
    let files = prepared(
        statements,
        client,
        "SELECT name, size, sha256 FROM attachments WHERE contribution_id = $1 ORDER BY position",
    )?;
    let attachments = client
        .query(&files, &[&contribution.0])?
        .iter()
        .map(|r| Ok(AttachmentEntry { name: r.try_get(0)?, size: count(r.try_get(1)?), sha256: r.try_get(2)? }))
        .collect::<Result<Vec<_>>>()?;
    columns.into_record(contribution, attachments).map(Some)
}

impl Store for PostgresStore {
    fn stakeholder_groups(&self) -> Result<Vec<StakeholderGroupId>> {
        let rows = self.query_cached("SELECT id FROM stakeholder_groups ORDER BY position", &[])?;
        rows.iter().map(|r| parse_column(&r.try_get::<_, String>(0)?, "stakeholder_groups.id")).collect()
    }

    fn create_consultation(&mut self, new: &NewConsultation) -> Result<Consultation> {
        let inserted = self.connection.get_mut().client.query_one(
            "INSERT INTO consultations (slug, original_language, title, description, mandate, opens_at, closes_at,
                                        time_zone, questions, is_example, unverified_allowed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            &[
                &new.slug.as_str(),
                &new.original_language.as_str(),
                &localized_to_json(&new.title),
                &localized_to_json(&new.description),
                &localized_to_json(&new.mandate),
                &millis(new.period.opens()),
                &millis(new.period.closes()),
                &zone_name(&new.time_zone),
                &questions_to_json(&new.questions),
                &new.is_example,
                &new.unverified_allowed,
            ],
        );
        let row = match inserted {
            Err(e) if is_violation(&e, &SqlState::UNIQUE_VIOLATION) => {
                return Err(StoreError::DuplicateSlug(new.slug.to_string()));
            }
            other => other?,
        };
        let id = ConsultationId(row.try_get(0)?);
        self.consultation(id)?.ok_or_else(|| corrupt("a consultation vanished as it was created"))
    }

    fn consultations(&self) -> Result<Vec<Consultation>> {
        let sql = format!("SELECT {CONSULTATION_COLUMNS} FROM consultations ORDER BY opens_at DESC, id");
        let rows = self.query_cached(&sql, &[])?;
        rows.iter().map(|r| consultation_row(r)?.into_consultation()).collect()
    }

    fn consultation_by_slug(&self, slug: &str) -> Result<Option<Consultation>> {
        let sql = format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE slug = $1");
        let row = self.query_opt_cached(&sql, &[&slug])?;
        row.map(|r| consultation_row(&r)?.into_consultation()).transpose()
    }

    fn consultation(&self, id: ConsultationId) -> Result<Option<Consultation>> {
        let sql = format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE id = $1");
        let row = self.query_opt_cached(&sql, &[&id.0])?;
        row.map(|r| consultation_row(&r)?.into_consultation()).transpose()
    }

    fn update_consultation_texts(&mut self, consultation: &Consultation) -> Result<()> {
        let record = &consultation.record;
        self.connection.get_mut().client.execute(
            "UPDATE consultations SET title = $2, description = $3, mandate = $4, questions = $5 WHERE id = $1",
            &[
                &consultation.id.0,
                &localized_to_json(&record.title),
                &localized_to_json(&record.description),
                &localized_to_json(&record.mandate),
                &questions_to_json(&record.questions),
            ],
        )?;
        Ok(())
    }

    fn add_meeting(&mut self, consultation: ConsultationId, date: Date, place: &str) -> Result<Meeting> {
        let inserted = self.connection.get_mut().client.query_one(
            "INSERT INTO meetings (consultation_id, date, place) VALUES ($1, $2, $3) RETURNING id",
            &[&consultation.0, &date.to_string(), &place],
        );
        let row = match inserted {
            Err(e) if is_violation(&e, &SqlState::UNIQUE_VIOLATION) => return Err(StoreError::DuplicateMeeting(date)),
            other => other?,
        };
        Ok(Meeting { id: MeetingId(row.try_get(0)?), consultation, date, place: place.to_owned() })
    }

    fn meetings(&self, consultation: ConsultationId) -> Result<Vec<Meeting>> {
        let rows = self.query_cached(
            "SELECT id, date, place FROM meetings WHERE consultation_id = $1 ORDER BY date",
            &[&consultation.0],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Meeting {
                    id: MeetingId(r.try_get(0)?),
                    consultation,
                    date: parse_column(&r.try_get::<_, String>(1)?, "meetings.date")?,
                    place: r.try_get(2)?,
                })
            })
            .collect()
    }

    fn entity(&self, id: EntityId) -> Result<Option<Entity>> {
        let sql = format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE id = $1");
        let row = self.query_opt_cached(&sql, &[&id.0])?;
        row.map(|r| entity_row(&r)).transpose()
    }

    fn contribution(&self, id: ContributionId) -> Result<Option<Contribution>> {
        let sql = format!("SELECT {CONTRIBUTION_COLUMNS} FROM contributions WHERE id = $1");
        let row = self.query_opt_cached(&sql, &[&id.0])?;
        row.map(|r| contribution_row(&r)?.into_contribution()).transpose()
    }

    fn contributions(&self, filter: &ContributionFilter, page: PageRequest) -> Result<Page<ContributionSummary>> {
        let mut conditions = Vec::new();
        let mut values: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        if let Some(consultation) = filter.consultation {
            values.push(Box::new(consultation.0));
            conditions.push(format!("c.consultation_id = ${}", values.len()));
        }
        if let Some(entity) = filter.entity {
            values.push(Box::new(entity.0));
            conditions.push(format!("c.entity_id = ${}", values.len()));
        }
        if let Some(group) = &filter.group {
            values.push(Box::new(group.as_str().to_owned()));
            conditions.push(format!("c.stakeholder_group = ${}", values.len()));
        }
        if let Some(channel) = filter.channel {
            values.push(Box::new(channel.as_str().to_owned()));
            conditions.push(format!("c.channel = ${}", values.len()));
        }
        let where_clause =
            if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };
        let count_sql = format!("SELECT COUNT(*) FROM contributions c {where_clause}");
        let params: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
        let total: i64 = self.query_one_cached(&count_sql, &params)?.try_get(0)?;
        let sql = format!(
            "SELECT c.id, c.consultation_id, c.entity_id, e.name, c.stakeholder_group, c.channel, c.submitted_at,
                    c.language, c.title, c.late, c.withheld_reason IS NOT NULL,
                    c.identity = 'unverified' AND c.attributed_entity_id IS NULL
             FROM contributions c JOIN entities e ON e.id = c.entity_id
             {where_clause}
             ORDER BY c.submitted_at, c.id
             LIMIT ${} OFFSET ${}",
            values.len() + 1,
            values.len() + 2
        );
        let (page_limit, offset) = (limit(page.limit), limit(page.offset));
        let mut params = params;
        params.push(&page_limit);
        params.push(&offset);
        let rows = self.query_cached(&sql, &params)?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(ContributionSummary {
                    id: ContributionId(r.try_get(0)?),
                    consultation: ConsultationId(r.try_get(1)?),
                    entity: EntityId(r.try_get(2)?),
                    entity_name: r.try_get(3)?,
                    group: parse_column(&r.try_get::<_, String>(4)?, "contributions.stakeholder_group")?,
                    channel: parse_column(&r.try_get::<_, String>(5)?, "contributions.channel")?,
                    submitted_at: timestamp(r.try_get(6)?)?,
                    language: r.try_get(7)?,
                    title: r.try_get(8)?,
                    late: r.try_get(9)?,
                    withheld: r.try_get(10)?,
                    unverified: r.try_get(11)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: count(total) })
    }

    fn contribution_ids(
        &self,
        consultation: ConsultationId,
        after: Option<ContributionId>,
        limit_to: usize,
    ) -> Result<Vec<ContributionId>> {
        let rows = self.query_cached(
            "SELECT id FROM contributions WHERE consultation_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            &[&consultation.0, &after.map_or(0, |a| a.0), &limit(limit_to as u64)],
        )?;
        rows.iter().map(|r| Ok(ContributionId(r.try_get(0)?))).collect()
    }

    fn channel_counts(
        &self,
        consultation: ConsultationId,
    ) -> Result<Vec<(StakeholderGroupId, Channel, Standing, u64)>> {
        let rows = self.query_cached(&numbered(STANDING_COUNTS), &[&consultation.0])?;
        rows.iter()
            .map(|r| {
                standing_count(
                    &r.try_get::<_, String>(0)?,
                    &r.try_get::<_, String>(1)?,
                    &r.try_get::<_, String>(2)?,
                    r.try_get(3)?,
                )
            })
            .collect()
    }

    fn canonical_record(&self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        self.with(|client, statements| canonical_record(client, statements, contribution))
    }

    fn set_withheld(&mut self, contribution: ContributionId, reason: Option<&str>, by: &AuditActor) -> Result<bool> {
        self.write(|tx| {
            let Some(row) =
                tx.query_opt("SELECT withheld_reason FROM contributions WHERE id = $1 FOR UPDATE", &[&contribution.0])?
            else {
                return Ok(false);
            };
            let before: Option<String> = row.try_get(0)?;
            tx.execute("UPDATE contributions SET withheld_reason = $2 WHERE id = $1", &[&contribution.0, &reason])?;
            insert_audit(tx, &withholding_audit(contribution, before.as_deref(), reason, by))?;
            Ok(true)
        })
    }

    fn attribute(&mut self, contribution: ContributionId, entity: Option<EntityId>, by: &AuditActor) -> Result<bool> {
        self.write(|tx| {
            let Some(row) = tx.query_opt(
                "SELECT identity, attributed_entity_id FROM contributions WHERE id = $1 FOR UPDATE",
                &[&contribution.0],
            )?
            else {
                return Ok(false);
            };
            let (identity, before): (String, Option<i64>) = (row.try_get(0)?, row.try_get(1)?);
            let recorded = match entity {
                Some(entity) => tx
                    .query_opt("SELECT NOT claimed FROM entities WHERE id = $1", &[&entity.0])?
                    .map(|r| r.try_get::<_, bool>(0))
                    .transpose()?
                    .unwrap_or(false),
                None => true,
            };
            if identity != Identity::Unverified.as_str() || !recorded {
                return Err(StoreError::NotAttributable(contribution.0));
            }
            tx.execute(
                "UPDATE contributions SET attributed_entity_id = $2 WHERE id = $1",
                &[&contribution.0, &entity.map(|e| e.0)],
            )?;
            insert_audit(tx, &attribution_audit(contribution, before, entity, by))?;
            Ok(true)
        })
    }

    fn create_account(&mut self, new: &NewAccount, by: &AuditActor) -> Result<Account> {
        let email = new.email.trim().to_lowercase();
        self.write(|tx| {
            let inserted = tx.query_one(
                "INSERT INTO accounts (email, name, role, entity_id, language, password_hash, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                &[
                    &email,
                    &new.name,
                    &new.role.as_str(),
                    &new.entity.map(|e| e.0),
                    &new.language,
                    &new.password_hash,
                    &millis(by.at),
                ],
            );
            let row = match inserted {
                Err(e) if is_violation(&e, &SqlState::UNIQUE_VIOLATION) => {
                    return Err(StoreError::DuplicateAccount(email.clone()));
                }
                other => other?,
            };
            let account = Account {
                id: AccountId(row.try_get(0)?),
                email: email.clone(),
                name: new.name.clone(),
                role: new.role,
                entity: new.entity,
                language: new.language.clone(),
            };
            insert_audit(tx, &account_audit(&account, by))?;
            Ok(account)
        })
    }

    fn account(&self, id: AccountId) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let row = self.query_opt_cached(&sql, &[&id.0])?;
        row.map(|r| into_account(account_row(&r)?)).transpose()
    }

    fn sign_in_record(&self, email: &str) -> Result<Option<(Account, String)>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = $1");
        let email = email.trim().to_lowercase();
        let row = self.query_opt_cached(&sql, &[&email])?;
        row.map(|r| Ok((into_account(account_row(&r)?)?, r.try_get(6)?))).transpose()
    }

    fn create_session(&mut self, session: &NewSession) -> Result<()> {
        self.connection.get_mut().client.execute(
            "INSERT INTO sessions (token_sha256, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            &[
                &&session.token_sha256[..],
                &session.account.0,
                &session.csrf_token,
                &millis(session.created_at),
                &millis(session.expires_at),
            ],
        )?;
        Ok(())
    }

    fn session(&self, token_sha256: &Hash, now: Timestamp) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT {}, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_sha256 = $1 AND s.expires_at > $2",
            ACCOUNT_COLUMNS.split(", ").map(|c| format!("a.{c}")).collect::<Vec<_>>().join(", ")
        );
        let row = self.query_opt_cached(&sql, &[&&token_sha256[..], &millis(now)])?;
        row.map(|r| {
            Ok(Session {
                account: into_account(account_row(&r)?)?,
                csrf_token: r.try_get(6)?,
                expires_at: timestamp(r.try_get(7)?)?,
            })
        })
        .transpose()
    }

    fn end_session(&mut self, token_sha256: &Hash, now: Timestamp) -> Result<()> {
        self.connection.get_mut().client.execute(
            "DELETE FROM sessions WHERE token_sha256 = $1 OR expires_at <= $2",
            &[&&token_sha256[..], &millis(now)],
        )?;
        Ok(())
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        insert_audit(&mut self.connection.get_mut().client, entry)
    }

    fn invitation_targets(&self, selection: &Selection) -> Result<Vec<Contact>> {
        let groups: Vec<String> = selection.groups.iter().map(|g| g.as_str().to_owned()).collect();
        let countries: Vec<String> = selection.countries.iter().map(|c| c.as_str().to_owned()).collect();
        let rows = self.query_cached(
            "SELECT c.entity_id, e.name, c.email, c.name, c.language
             FROM focal_point_contacts c JOIN entities e ON e.id = c.entity_id
             WHERE (cardinality($1::TEXT[]) = 0 OR c.entity_id IN (
                        SELECT m.entity_id FROM list_members m JOIN accreditation_lists l ON l.id = m.list_id
                        WHERE l.slug = ANY($1)))
               AND (cardinality($2::TEXT[]) = 0 OR e.stakeholder_group = ANY($2))
               AND (cardinality($3::TEXT[]) = 0 OR e.country = ANY($3))
             ORDER BY e.name COLLATE \"C\", c.email COLLATE \"C\"",
            &[&selection.lists, &groups, &countries],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Contact {
                    entity: EntityId(r.try_get(0)?),
                    entity_name: r.try_get(1)?,
                    email: r.try_get(2)?,
                    name: r.try_get(3)?,
                    language: r.try_get(4)?,
                })
            })
            .collect()
    }

    fn accreditation_lists(&self) -> Result<Vec<(String, String, u64)>> {
        let rows = self.query_cached(
            "SELECT l.slug, l.name, COUNT(m.entity_id) FROM accreditation_lists l
             LEFT JOIN list_members m ON m.list_id = l.id GROUP BY l.id ORDER BY l.slug COLLATE \"C\"",
            &[],
        )?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, count(r.try_get(2)?)))).collect()
    }

    fn invitation(&self, token_sha256: &Hash) -> Result<Option<Invitation>> {
        let row = self.query_opt_cached(
            "SELECT k.slug, i.entity_id, e.name, i.email, i.language, i.expires_at, i.used_at
             FROM invitations i JOIN consultations k ON k.id = i.consultation_id JOIN entities e ON e.id = i.entity_id
             WHERE i.token_sha256 = $1",
            &[&&token_sha256[..]],
        )?;
        row.map(|r| {
            Ok(Invitation {
                consultation_slug: r.try_get(0)?,
                entity: EntityId(r.try_get(1)?),
                entity_name: r.try_get(2)?,
                email: r.try_get(3)?,
                language: r.try_get(4)?,
                expires_at: timestamp(r.try_get(5)?)?,
                used_at: r.try_get::<_, Option<i64>>(6)?.map(timestamp).transpose()?,
            })
        })
        .transpose()
    }

    fn accept_invitation(&mut self, token_sha256: &Hash, new: &NewAccount, now: Timestamp) -> Result<Account> {
        let account_sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1");
        self.write(|tx| {
            let found = tx.query_opt(
                "SELECT entity_id, email, expires_at, used_at FROM invitations WHERE token_sha256 = $1",
                &[&&token_sha256[..]],
            )?;
            let Some(found) = found else { return Err(StoreError::UnknownInvitation) };
            let (entity, email, expires_at, used_at): (i64, String, i64, Option<i64>) =
                (found.try_get(0)?, found.try_get(1)?, found.try_get(2)?, found.try_get(3)?);
            if used_at.is_some() {
                return Err(StoreError::InvitationUsed);
            }
            if expires_at <= millis(now) {
                return Err(StoreError::InvitationExpired);
            }
            let existing =
                tx.query_opt(account_sql.as_str(), &[&email])?.map(|r| into_account(account_row(&r)?)).transpose()?;
            let account = match existing {
                Some(account) if account.entity == Some(EntityId(entity)) => account,
                Some(account) => return Err(StoreError::DuplicateAccount(account.email)),
                None => {
                    let row = tx.query_one(
                        "INSERT INTO accounts (email, name, role, entity_id, language, password_hash, created_at)
                         VALUES ($1, $2, 'focal_point', $3, $4, $5, $6) RETURNING id",
                        &[&email, &new.name, &entity, &new.language, &new.password_hash, &millis(now)],
                    )?;
                    Account {
                        id: AccountId(row.try_get(0)?),
                        email: email.clone(),
                        name: new.name.clone(),
                        role: consulta_core::Role::FocalPoint,
                        entity: Some(EntityId(entity)),
                        language: new.language.clone(),
                    }
                }
            };
            tx.execute(
                "UPDATE invitations SET used_at = $2, account_id = $3 WHERE token_sha256 = $1",
                &[&&token_sha256[..], &millis(now), &account.id.0],
            )?;
            Ok(account)
        })
    }

    fn create_password_reset(&mut self, reset: &NewPasswordReset, mail: &NewMail) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO password_resets (token_sha256, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                &[&&reset.token_sha256[..], &reset.account.0, &millis(reset.created_at), &millis(reset.expires_at)],
            )?;
            insert_mail(tx, mail)?;
            Ok(())
        })
    }

    fn use_password_reset(
        &mut self,
        token_sha256: &Hash,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>> {
        self.write(|tx| {
            let row = tx.query_opt(
                "UPDATE password_resets SET used_at = $2
                 WHERE token_sha256 = $1 AND used_at IS NULL AND expires_at > $2 RETURNING account_id",
                &[&&token_sha256[..], &millis(now)],
            )?;
            let Some(row) = row else { return Ok(None) };
            let account: i64 = row.try_get(0)?;
            tx.execute("UPDATE accounts SET password_hash = $2 WHERE id = $1", &[&account, &password_hash])?;
            tx.execute("DELETE FROM sessions WHERE account_id = $1", &[&account])?;
            Ok(Some(AccountId(account)))
        })
    }

    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        insert_mail(&mut self.connection.get_mut().client, mail)
    }

    fn due_mail(&self, now: Timestamp, limit_to: usize) -> Result<Vec<QueuedMail>> {
        let rows = self.query_cached(
            "SELECT id, to_address, subject, body, attempts, attachment_name, attachment FROM mail_outbox
             WHERE status = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
            &[&millis(now), &limit(limit_to as u64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(QueuedMail {
                    id: r.try_get(0)?,
                    to: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    body: r.try_get(3)?,
                    attempts: u32::try_from(r.try_get::<_, i64>(4)?).map_err(corrupt)?,
                    attachment: crate::mail_attachment((r.try_get(5)?, r.try_get(6)?)),
                })
            })
            .collect()
    }

    fn mail_outcome(&mut self, id: i64, outcome: &MailOutcome, now: Timestamp) -> Result<()> {
        let client = &mut self.connection.get_mut().client;
        match outcome {
            MailOutcome::Sent => client.execute(
                "UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1",
                &[&id, &millis(now)],
            )?,
            MailOutcome::Failed { reason, retry_at: Some(at) } => client.execute(
                "UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1",
                &[&id, reason, &millis(*at)],
            )?,
            MailOutcome::Failed { reason, retry_at: None } => client.execute(
                "UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1",
                &[&id, reason],
            )?,
        };
        Ok(())
    }

    fn mail_log(&self, page: PageRequest) -> Result<Page<MailRecord>> {
        let total: i64 = self.query_one_cached("SELECT COUNT(*) FROM mail_outbox", &[])?.try_get(0)?;
        let rows = self.query_cached(
            "SELECT id, to_address, subject, status, attempts, last_error, created_at, sent_at FROM mail_outbox
             ORDER BY id DESC LIMIT $1 OFFSET $2",
            &[&limit(page.limit), &limit(page.offset)],
        )?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(MailRecord {
                    id: r.try_get(0)?,
                    to: r.try_get(1)?,
                    subject: r.try_get(2)?,
                    status: r.try_get(3)?,
                    attempts: u32::try_from(r.try_get::<_, i64>(4)?).map_err(corrupt)?,
                    last_error: r.try_get(5)?,
                    created_at: timestamp(r.try_get(6)?)?,
                    sent_at: r.try_get::<_, Option<i64>>(7)?.map(timestamp).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: count(total) })
    }

    fn audit_log(&self, page: PageRequest) -> Result<Page<AuditRecord>> {
        let total: i64 = self.query_one_cached("SELECT COUNT(*) FROM audit_log", &[])?.try_get(0)?;
        let rows = self.query_cached(
            "SELECT id, at, account_id, actor, action, subject, before, after FROM audit_log
             ORDER BY id DESC LIMIT $1 OFFSET $2",
            &[&limit(page.limit), &limit(page.offset)],
        )?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(AuditRecord {
                    id: r.try_get(0)?,
                    entry: AuditEntry {
                        by: AuditActor {
                            account: r.try_get::<_, Option<i64>>(2)?.map(AccountId),
                            label: r.try_get(3)?,
                            at: timestamp(r.try_get(1)?)?,
                        },
                        action: r.try_get(4)?,
                        subject: r.try_get(5)?,
                        before: audit_json(r.try_get(6)?)?,
                        after: audit_json(r.try_get(7)?)?,
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Page { items, total: count(total) })
    }

    fn pending_extractions(&self, limit_to: usize) -> Result<Vec<PendingExtraction>> {
        let rows = self.query_cached(
            "SELECT contribution_id, position, name, media_type, sha256 FROM attachments
             WHERE extraction = 'pending' ORDER BY contribution_id, position LIMIT $1",
            &[&limit(limit_to as u64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(PendingExtraction {
                    contribution: ContributionId(r.try_get(0)?),
                    position: u32::try_from(r.try_get::<_, i64>(1)?).map_err(corrupt)?,
                    name: r.try_get(2)?,
                    media_type: r.try_get(3)?,
                    sha256: consulta_log::from_hex(&r.try_get::<_, String>(4)?)
                        .ok_or_else(|| corrupt("attachments.sha256"))?,
                })
            })
            .collect()
    }

    fn set_extraction(&mut self, contribution: ContributionId, position: u32, outcome: &Extraction) -> Result<()> {
        let (status, note, text) = extraction_columns(outcome);
        self.connection.get_mut().client.execute(
            "UPDATE attachments SET extraction = $3, extraction_note = $4, text = $5
             WHERE contribution_id = $1 AND position = $2",
            &[&contribution.0, &i64::from(position), &status, &note, &text],
        )?;
        Ok(())
    }

    fn extraction(&self, contribution: ContributionId, position: u32) -> Result<Option<Extraction>> {
        let row = self.query_opt_cached(
            "SELECT extraction, extraction_note, text FROM attachments WHERE contribution_id = $1 AND position = $2",
            &[&contribution.0, &i64::from(position)],
        )?;
        row.map(|r| extraction_from_columns(&r.try_get::<_, String>(0)?, r.try_get(1)?, r.try_get(2)?)).transpose()
    }

    fn issues(&self) -> Result<Vec<Issue>> {
        self.with(|client, _| taxonomy::issues(client))
    }

    fn mechanisms(&self) -> Result<Vec<Mechanism>> {
        self.with(|client, _| taxonomy::mechanisms(client))
    }

    fn matrix(&self) -> Result<Matrix> {
        self.with(|client, _| taxonomy::matrix(client))
    }

    fn save_issue(&mut self, issue: &Issue, by: &AuditActor) -> Result<()> {
        self.write(|tx| taxonomy::save_issue(tx, issue, by))
    }

    fn save_mechanism(&mut self, mechanism: &Mechanism, by: &AuditActor) -> Result<()> {
        self.write(|tx| taxonomy::save_mechanism(tx, mechanism, by))
    }

    fn set_matrix(&mut self, matrix: &Matrix, by: &AuditActor) -> Result<()> {
        self.write(|tx| taxonomy::set_matrix(tx, matrix, by))
    }

    fn contribution_issues(&self, contribution: ContributionId) -> Result<Vec<IssueId>> {
        self.with(|client, _| taxonomy::contribution_issues(client, contribution))
    }

    fn set_contribution_issues(
        &mut self,
        contribution: ContributionId,
        issues: &[IssueId],
        by: &AuditActor,
    ) -> Result<bool> {
        self.write(|tx| taxonomy::set_contribution_issues(tx, contribution, issues, by))
    }

    fn issue_tags(&self, consultation: Option<ConsultationId>) -> Result<Vec<(ContributionId, IssueId)>> {
        self.with(|client, _| taxonomy::issue_tags(client, consultation))
    }

    fn report_details(&self, consultation: ConsultationId) -> Result<ReportDetails> {
        let row = self.query_opt_cached(&numbered(REPORT_DETAILS_OF), &[&consultation.0])?;
        report_details_from(row.map(|r| r.try_get(0)).transpose()?)
    }

    fn set_report_details(
        &mut self,
        consultation: ConsultationId,
        details: &ReportDetails,
        by: &AuditActor,
    ) -> Result<()> {
        let after = report_details_json(details)?;
        self.write(|tx| {
            let before: Option<String> =
                tx.query_opt(&numbered(REPORT_DETAILS_OF), &[&consultation.0])?.map(|r| r.try_get(0)).transpose()?;
            tx.execute(&numbered(SET_REPORT_DETAILS), &[&consultation.0, &after, &millis(by.at)])?;
            insert_audit(tx, &report_details_audit(consultation, before, &after, by)?)
        })
    }

    fn amendments(&self, contribution: ContributionId) -> Result<Vec<ContributionId>> {
        let rows =
            self.query_cached("SELECT id FROM contributions WHERE amends_id = $1 ORDER BY id", &[&contribution.0])?;
        rows.iter().map(|r| Ok(ContributionId(r.try_get(0)?))).collect()
    }

    fn attachments(&self, contribution: ContributionId) -> Result<Vec<Attachment>> {
        let rows = self.query_cached(
            "SELECT position, name, media_type, size, sha256 FROM attachments
             WHERE contribution_id = $1 ORDER BY position",
            &[&contribution.0],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Attachment {
                    position: u32::try_from(r.try_get::<_, i64>(0)?).map_err(corrupt)?,
                    name: r.try_get(1)?,
                    media_type: r.try_get(2)?,
                    size: u64::try_from(r.try_get::<_, i64>(3)?).map_err(corrupt)?,
                    sha256: consulta_log::from_hex(&r.try_get::<_, String>(4)?)
                        .ok_or_else(|| corrupt("attachments.sha256"))?,
                })
            })
            .collect()
    }

    fn changes_since(&self, after: u64, limit_to: usize) -> Result<Vec<Change>> {
        let rows = self.query_cached(
            "SELECT seq, contribution_id FROM change_feed WHERE seq > $1 ORDER BY seq LIMIT $2",
            &[&to_sql_index(after)?, &limit(limit_to as u64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(Change {
                    seq: u64::try_from(r.try_get::<_, i64>(0)?).map_err(corrupt)?,
                    contribution: ContributionId(r.try_get(1)?),
                })
            })
            .collect()
    }

    fn last_change(&self) -> Result<u64> {
        let seq: i64 = self.query_one_cached("SELECT COALESCE(MAX(seq), 0) FROM change_feed", &[])?.try_get(0)?;
        u64::try_from(seq).map_err(corrupt)
    }

    fn public_texts(&self, ids: &[ContributionId]) -> Result<Vec<PublicText>> {
        let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        let rows = self.query_cached(
            "SELECT c.id, k.slug, COALESCE(e.name, c.entity_name), COALESCE(e.stakeholder_group, c.stakeholder_group),
                    c.channel, CASE WHEN e.id IS NULL THEN c.country ELSE e.country END, c.language,
                    c.submitted_at, c.title, c.body, c.withheld_reason IS NOT NULL, c.identity,
                    (SELECT string_agg(a.text, E'\\n' ORDER BY a.position) FROM attachments a
                     WHERE a.contribution_id = c.id AND a.extraction = 'done'),
                    c.identity = 'unverified' AND e.id IS NULL
             FROM contributions c JOIN consultations k ON k.id = c.consultation_id
                  LEFT JOIN entities e ON e.id = c.attributed_entity_id
             WHERE c.id = ANY($1)
             ORDER BY c.id",
            &[&ids],
        )?;
        rows.iter()
            .map(|r| {
                Ok(PublicText {
                    id: ContributionId(r.try_get(0)?),
                    consultation: r.try_get(1)?,
                    entity_name: r.try_get::<_, Option<String>>(2)?.unwrap_or_default(),
                    group: parse_column(&r.try_get::<_, String>(3)?, "contributions.stakeholder_group")?,
                    channel: parse_column(&r.try_get::<_, String>(4)?, "contributions.channel")?,
                    country: r
                        .try_get::<_, Option<String>>(5)?
                        .map(|c| parse_column(&c, "contributions.country"))
                        .transpose()?,
                    language: r.try_get(6)?,
                    submitted_at: timestamp(r.try_get(7)?)?,
                    title: r.try_get(8)?,
                    body: r.try_get(9)?,
                    withheld: r.try_get(10)?,
                    identity: Identity::parse(&r.try_get::<_, String>(11)?)
                        .ok_or_else(|| corrupt("contributions.identity"))?,
                    attachments_text: r.try_get::<_, Option<String>>(12)?.unwrap_or_default(),
                    unverified: r.try_get(13)?,
                })
            })
            .collect()
    }

    fn log_size(&self) -> Result<u64> {
        self.with(log_size)
    }

    fn recorded_hashes(&self, contributions: &[ContributionId]) -> Result<Vec<Option<Hash>>> {
        let ids: Vec<i64> = contributions.iter().map(|id| id.0).collect();
        let rows = self.query_cached(
            "SELECT contribution_id, record_sha256 FROM log_leaves WHERE contribution_id = ANY($1)",
            &[&ids],
        )?;
        let found = rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect::<Result<Vec<_>>>()?;
        recorded_in_order(contributions, found)
    }

    fn tree_head(&self, now: Timestamp) -> Result<TreeHead> {
        // The nodes of a tree never change once its size is reached: the size read first, the
        // root of that size after.
        self.with(|client, statements| {
            let size = log_size(client, statements)?;
            let root = with_prefetched_nodes(client, statements, |nodes| consulta_log::root(nodes, size))?;
            Ok(TreeHead { size, timestamp_ms: now.as_millisecond(), root })
        })
    }

    fn log_public_key(&self) -> Result<Option<[u8; 32]>> {
        self.with(|client, _| instance_key(client, LOG_PUBLIC_KEY))
    }

    fn claim_log_key(&mut self, public: &[u8; 32]) -> Result<[u8; 32]> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO instance_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                &[&LOG_PUBLIC_KEY, &&public[..]],
            )?;
            let recorded =
                instance_key(tx, LOG_PUBLIC_KEY)?.ok_or_else(|| corrupt("instance_secrets.log_public_key"))?;
            if recorded == *public {
                tx.execute("DELETE FROM instance_secrets WHERE name = $1", &[&LEGACY_LOG_SECRET])?;
            }
            Ok(recorded)
        })
    }

    fn legacy_log_secret(&self) -> Result<Option<[u8; 32]>> {
        self.with(|client, _| instance_key(client, LEGACY_LOG_SECRET))
    }

    // Proofs need no snapshot: the log only grows, and the nodes of a tree never change once
    // its size is reached.
    fn inclusion(&self, contribution: ContributionId, tree_size: u64) -> Result<Option<Inclusion>> {
        Ok(self.inclusions(&[contribution], tree_size)?.pop().flatten())
    }

    /// Three queries however many contributions: the log's size, their leaves, and every node
    /// their proofs need.
    fn inclusions(&self, contributions: &[ContributionId], tree_size: u64) -> Result<Vec<Option<Inclusion>>> {
        self.with(|client, statements| {
            let size = log_size(client, statements)?;
            if tree_size > size {
                return Err(StoreError::BeyondLog { size, asked: tree_size });
            }
            let ids: Vec<i64> = contributions.iter().map(|c| c.0).collect();
            let leaves = prepared(
                statements,
                client,
                "SELECT contribution_id, leaf_index, record_sha256 FROM log_leaves WHERE contribution_id = ANY($1)",
            )?;
            let mut found = HashMap::new();
            for row in client.query(&leaves, &[&ids])? {
                let leaf_index = u64::try_from(row.try_get::<_, i64>(1)?).map_err(corrupt)?;
                let record_sha256 = hash_column(row.try_get(2)?, "log_leaves.record_sha256")?;
                found.insert(row.try_get::<_, i64>(0)?, (leaf_index, record_sha256));
            }
            let leaves: Vec<Option<(u64, Hash)>> =
                ids.iter().map(|id| found.get(id).copied().filter(|(leaf, _)| *leaf < tree_size)).collect();
            let proofs = with_prefetched_nodes(client, statements, |nodes| {
                leaves
                    .iter()
                    .map(|leaf| {
                        leaf.map(|(index, _)| consulta_log::inclusion_proof(nodes, index, tree_size)).transpose()
                    })
                    .collect::<Result<Vec<_>>>()
            })?;
            Ok(leaves
                .into_iter()
                .zip(proofs)
                .map(|(leaf, proof)| {
                    let (leaf_index, record_sha256) = leaf?;
                    Some(Inclusion { leaf_index, record_sha256, tree_size, proof: proof? })
                })
                .collect())
        })
    }

    fn consistency(&self, old: u64, new: u64) -> Result<Vec<Hash>> {
        self.with(|client, statements| {
            let size = log_size(client, statements)?;
            if new > size || old > new {
                return Err(StoreError::BeyondLog { size, asked: new.max(old) });
            }
            with_prefetched_nodes(client, statements, |nodes| consulta_log::consistency_proof(nodes, old, new))
        })
    }

    fn claim_lease(&mut self, job: &str, holder: &str, now: Timestamp, until: Timestamp) -> Result<bool> {
        let changed = self.connection.get_mut().client.execute(
            "INSERT INTO job_leases (job, holder, expires_at) VALUES ($1, $2, $4)
             ON CONFLICT (job) DO UPDATE SET holder = $2, expires_at = $4
             WHERE job_leases.holder = $2 OR job_leases.expires_at <= $3",
            &[&job, &holder, &millis(now), &millis(until)],
        )?;
        Ok(changed == 1)
    }

    fn contributions_from_sender(&self, key: &str, since: Timestamp) -> Result<u64> {
        Ok(count(self.query_one_cached(&numbered(FROM_SENDER_SINCE), &[&key, &millis(since)])?.try_get(0)?))
    }

    fn rate_events(&self, scope: &str, subject: &str, since: Timestamp) -> Result<(u64, Option<Timestamp>)> {
        let row = self.query_one_cached(&numbered(RATE_EVENTS_SINCE), &[&scope, &subject, &millis(since)])?;
        let last: Option<i64> = row.try_get(1)?;
        Ok((count(row.try_get(0)?), last.map(timestamp).transpose()?))
    }

    fn record_rate_event(&mut self, scope: &str, subject: &str, at: Timestamp) -> Result<()> {
        self.execute_cached(&numbered(RECORD_RATE_EVENT), &[&scope, &subject, &millis(at)])?;
        Ok(())
    }

    fn forget_rate_events(&mut self, scope: &str, subject: &str) -> Result<()> {
        self.execute_cached(&numbered(FORGET_RATE_EVENTS), &[&scope, &subject])?;
        Ok(())
    }

    fn prune_rate_events(&mut self, scope: &str, before: Timestamp) -> Result<u64> {
        self.execute_cached(&numbered(PRUNE_RATE_EVENTS), &[&scope, &millis(before)])
    }

    fn release_lease(&mut self, job: &str, holder: &str) -> Result<()> {
        self.connection
            .get_mut()
            .client
            .execute("DELETE FROM job_leases WHERE job = $1 AND holder = $2", &[&job, &holder])?;
        Ok(())
    }

    fn probe_write(&mut self) -> Result<()> {
        let mut tx = self.connection.get_mut().client.transaction()?;
        for statement in PROBE_WRITE {
            tx.execute(statement, &[])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The snapshot is an SQLite file: one REPEATABLE READ transaction read whole, so a backup
    /// of either backend has one format and restores into either.
    fn snapshot(&self, path: &std::path::Path) -> Result<()> {
        let mut target = crate::SqliteStore::open(path)?;
        crate::copy::copy_record(self, &mut target, &mut |_, _| {})?;
        Ok(())
    }

    fn attachment_hashes(&self) -> Result<Vec<Hash>> {
        let rows = self.query_cached("SELECT DISTINCT sha256 FROM attachments", &[])?;
        rows.iter()
            .map(|r| consulta_log::from_hex(&r.try_get::<_, String>(0)?).ok_or_else(|| corrupt("attachments.sha256")))
            .collect()
    }

    fn read_record(
        &self,
        each: &mut dyn FnMut(&'static crate::copy::Table, Vec<crate::copy::Value>) -> Result<()>,
    ) -> Result<()> {
        self.snapshot_read(|tx, _| {
            for table in crate::copy::TABLES {
                Self::read_table(tx, table, &mut |row| each(table, row))?;
            }
            Ok(())
        })
    }

    fn row_counts(&self) -> Result<Vec<(&'static str, u64)>> {
        self.with(|client, _| {
            crate::copy::TABLES
                .iter()
                .map(|table| {
                    let n: i64 = client.query_one(&format!("SELECT COUNT(*) FROM {}", table.name), &[])?.try_get(0)?;
                    Ok((table.name, count(n)))
                })
                .collect()
        })
    }

    fn begin_load(&mut self) -> Result<Box<dyn crate::copy::RecordLoader + '_>> {
        let location = self.location.clone();
        let mut tx = self.connection.get_mut().client.transaction()?;
        lock_record(&mut tx)?;
        let holds_record: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM consultations) OR EXISTS (SELECT 1 FROM entities)
                     OR EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM audit_log)",
                &[],
            )?
            .try_get(0)?;
        if holds_record {
            return Err(StoreError::NotEmpty(location));
        }
        for table in crate::copy::TABLES.iter().rev() {
            tx.batch_execute(&format!("DELETE FROM {}", table.name))?;
        }
        Ok(Box::new(PostgresLoader { tx, insert: None }))
    }

    fn begin(&mut self) -> Result<Box<dyn RecordTransaction + '_>> {
        let Connection { client, statements } = self.connection.get_mut();
        let mut transaction = client.transaction()?;
        // One writer of the record at a time, across servers: as SQLite's write lock does.
        lock_record(&mut transaction)?;
        Ok(Box::new(PostgresTransaction {
            transaction,
            statements,
            log_size: None,
            frontier: Frontier::default(),
            release_pending: false,
        }))
    }
}

/// Writes a whole record copied from another store, in one transaction.
struct PostgresLoader<'a> {
    tx: postgres::Transaction<'a>,
    /// The table being written and its prepared INSERT.
    insert: Option<(&'static crate::copy::Table, Statement)>,
}

impl crate::copy::RecordLoader for PostgresLoader<'_> {
    fn start_table(&mut self, table: &'static crate::copy::Table) -> Result<()> {
        // What the target's own triggers wrote while earlier tables were copied (the change
        // feed) gives way to the source's rows.
        self.tx.batch_execute(&format!("DELETE FROM {}", table.name))?;
        let placeholders: Vec<String> = (1..=table.columns.len()).map(|i| format!("${i}")).collect();
        let sql = format!("INSERT INTO {} ({}) VALUES ({})", table.name, table.column_list(), placeholders.join(", "));
        let statement = self.tx.prepare(&sql)?;
        self.insert = Some((table, statement));
        Ok(())
    }

    fn row(&mut self, values: Vec<crate::copy::Value>) -> Result<()> {
        use crate::copy::{Kind, Value};
        let Some((table, statement)) = &self.insert else {
            return Err(StoreError::Batch("a row came before its table".to_owned()));
        };
        let params: Vec<Box<dyn ToSql + Sync>> = table
            .columns
            .iter()
            .zip(values)
            .map(|((_, kind), value)| -> Box<dyn ToSql + Sync> {
                match (kind, value) {
                    (_, Value::Integer(n)) if *kind == Kind::Bool => Box::new(n != 0),
                    (_, Value::Integer(n)) => Box::new(n),
                    (_, Value::Bool(b)) => Box::new(b),
                    (_, Value::Text(t)) => Box::new(t),
                    (_, Value::Bytes(b)) => Box::new(b),
                    (Kind::Integer, Value::Null) => Box::new(None::<i64>),
                    (Kind::Bool, Value::Null) => Box::new(None::<bool>),
                    (Kind::Text, Value::Null) => Box::new(None::<String>),
                    (Kind::Bytes, Value::Null) => Box::new(None::<Vec<u8>>),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        self.tx.execute(statement, &refs)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        // Identities go on after the ids copied, not from 1.
        for table in crate::copy::TABLES {
            if let Some(column) = table.identity {
                self.tx.batch_execute(&format!(
                    "SELECT setval(pg_get_serial_sequence('{name}', '{column}'), COALESCE(MAX({column}), 0) + 1, false)
                     FROM {name}",
                    name = table.name
                ))?;
            }
        }
        self.tx.commit()?;
        Ok(())
    }
}

struct PostgresTransaction<'a> {
    transaction: postgres::Transaction<'a>,
    statements: &'a mut Statements,
    /// The log's size once this transaction has appended to it (it holds the write lock).
    log_size: Option<u64>,
    /// The nodes this transaction appended, which the next appends will need.
    frontier: Frontier,
    /// A savepoint kept but not yet released: released together with the next one's start, one
    /// round trip instead of two for each item of a batch.
    release_pending: bool,
}

impl PostgresTransaction<'_> {
    fn statement(&mut self, sql: &str) -> Result<Statement> {
        prepared(self.statements, &mut self.transaction, sql)
    }
}

impl RecordTransaction for PostgresTransaction<'_> {
    fn entity_by_name(&mut self, name: &EntityName) -> Result<Option<Entity>> {
        let statement = self.statement(&format!("SELECT {ENTITY_COLUMNS} FROM entities WHERE name_key = $1"))?;
        let row = self.transaction.query_opt(&statement, &[&name.key()])?;
        row.map(|r| entity_row(&r)).transpose()
    }

    fn insert_entity(&mut self, new: &NewEntity) -> Result<Entity> {
        let statement = self.statement(
            "INSERT INTO entities (name, name_key, stakeholder_group, country, is_example, claimed)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )?;
        let row = self.transaction.query_one(
            &statement,
            &[
                &new.name.as_str(),
                &entity_key(new)?,
                &new.group.as_str(),
                &new.country.as_ref().map(|c| c.as_str().to_owned()),
                &new.is_example,
                &new.claimed,
            ],
        )?;
        Ok(inserted_entity(row.try_get(0)?, new))
    }

    fn insert_contribution(&mut self, new: &NewContribution) -> Result<ContributionId> {
        let statement = self.statement(
            "INSERT INTO contributions (consultation_id, entity_id, stakeholder_group, channel, on_behalf_of, meeting_id,
                                        submitted_at, language, title, body, late, identity, contact_email,
                                        entity_name, country)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, name, country FROM entities WHERE id = $2
             RETURNING id",
        )?;
        let row = self.transaction.query_opt(
            &statement,
            &[
                &new.consultation.0,
                &new.entity.0,
                &new.group.as_str(),
                &new.channel.as_str(),
                &new.on_behalf_of.as_ref().map(StakeholderGroupId::as_str),
                &new.meeting.map(|m| m.0),
                &millis(new.submitted_at),
                &new.language.as_str(),
                &new.title,
                &new.body,
                &new.late,
                &new.identity.as_str(),
                &new.contact_email,
            ],
        )?;
        let row = row.ok_or_else(|| StoreError::Batch(format!("no entity {}", new.entity.0)))?;
        Ok(ContributionId(row.try_get(0)?))
    }

    fn insert_attachment(&mut self, contribution: ContributionId, attachment: &Attachment) -> Result<()> {
        let statement = self.statement(
            "INSERT INTO attachments (contribution_id, position, name, media_type, size, sha256)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )?;
        self.transaction.execute(
            &statement,
            &[
                &contribution.0,
                &i64::from(attachment.position),
                &attachment.name,
                &attachment.media_type,
                &i64::try_from(attachment.size).map_err(corrupt)?,
                &consulta_log::to_hex(&attachment.sha256),
            ],
        )?;
        Ok(())
    }

    fn idempotency_key(&mut self, key: &str) -> Result<Option<(ContributionId, Hash)>> {
        let statement =
            self.statement("SELECT contribution_id, request_sha256 FROM idempotency_keys WHERE key = $1")?;
        let row = self.transaction.query_opt(&statement, &[&key])?;
        row.map(|r| Ok((ContributionId(r.try_get(0)?), hash_column(r.try_get(1)?, "idempotency_keys.request_sha256")?)))
            .transpose()
    }

    fn remember_idempotency_key(
        &mut self,
        key: &str,
        request_sha256: Hash,
        contribution: ContributionId,
    ) -> Result<()> {
        let statement =
            self.statement("INSERT INTO idempotency_keys (key, request_sha256, contribution_id) VALUES ($1, $2, $3)")?;
        self.transaction.execute(&statement, &[&key, &&request_sha256[..], &contribution.0])?;
        Ok(())
    }

    fn canonical_record(&mut self, contribution: ContributionId) -> Result<Option<CanonicalRecord>> {
        canonical_record(&mut self.transaction, self.statements, contribution)
    }

    fn append_to_log(&mut self, contribution: ContributionId, record_sha256: Hash) -> Result<u64> {
        let size = match self.log_size {
            Some(size) => size,
            None => log_size(&mut self.transaction, self.statements)?,
        };
        let added = {
            let nodes = self.frontier.over(PostgresNodes(RefCell::new(&mut self.transaction)));
            consulta_log::append(&nodes, size, consulta_log::leaf_hash(&record_sha256))?
        };
        let insert_node = self.statement("INSERT INTO log_nodes (level, idx, hash) VALUES ($1, $2, $3)")?;
        for node in added {
            self.transaction
                .execute(&insert_node, &[&i64::from(node.level), &to_sql_index(node.index)?, &&node.hash[..]])?;
            self.frontier.record(node.level, node.index, node.hash);
        }
        let insert_leaf =
            self.statement("INSERT INTO log_leaves (leaf_index, contribution_id, record_sha256) VALUES ($1, $2, $3)")?;
        self.transaction.execute(&insert_leaf, &[&to_sql_index(size)?, &contribution.0, &&record_sha256[..]])?;
        self.log_size = Some(size + 1);
        Ok(size)
    }

    fn set_sender_key(&mut self, contribution: ContributionId, key: &str) -> Result<()> {
        let statement = self.statement(&numbered(SET_SENDER_KEY))?;
        self.transaction.execute(&statement, &[&contribution.0, &key])?;
        Ok(())
    }

    fn set_amends(&mut self, contribution: ContributionId, amended: ContributionId) -> Result<()> {
        self.transaction
            .execute("UPDATE contributions SET amends_id = $2 WHERE id = $1", &[&contribution.0, &amended.0])?;
        Ok(())
    }

    fn ensure_list(&mut self, slug: &str, name: &str) -> Result<i64> {
        let row = self.transaction.query_one(
            "INSERT INTO accreditation_lists (slug, name) VALUES ($1, $2)
             ON CONFLICT (slug) DO UPDATE SET name = $2 RETURNING id",
            &[&slug, &name],
        )?;
        Ok(row.try_get(0)?)
    }

    fn add_list_member(&mut self, list: i64, entity: EntityId) -> Result<()> {
        let statement =
            self.statement("INSERT INTO list_members (list_id, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")?;
        self.transaction.execute(&statement, &[&list, &entity.0])?;
        Ok(())
    }

    fn add_contact(&mut self, entity: EntityId, email: &str, name: &str, language: &str) -> Result<()> {
        let statement = self.statement(
            "INSERT INTO focal_point_contacts (entity_id, email, name, language) VALUES ($1, $2, $3, $4)
             ON CONFLICT (entity_id, email) DO UPDATE SET name = $3, language = $4",
        )?;
        self.transaction.execute(&statement, &[&entity.0, &email.trim().to_lowercase(), &name, &language])?;
        Ok(())
    }

    fn insert_invitation(&mut self, invitation: &NewInvitation) -> Result<()> {
        self.transaction.execute(
            "INSERT INTO invitations (token_sha256, consultation_id, entity_id, email, language, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &&invitation.token_sha256[..],
                &invitation.consultation.0,
                &invitation.entity.0,
                &invitation.email,
                &invitation.language,
                &millis(invitation.created_at),
                &millis(invitation.expires_at),
            ],
        )?;
        Ok(())
    }

    fn queue_mail(&mut self, mail: &NewMail) -> Result<i64> {
        insert_mail(&mut self.transaction, mail)
    }

    fn queue_mails(&mut self, mails: &[NewMail]) -> Result<()> {
        insert_mails(&mut self.transaction, mails)
    }

    fn record_audit(&mut self, entry: &AuditEntry) -> Result<()> {
        insert_audit(&mut self.transaction, entry)
    }

    fn savepoint(&mut self) -> Result<()> {
        let release = std::mem::take(&mut self.release_pending);
        self.transaction.batch_execute(if release {
            "RELEASE SAVEPOINT item; SAVEPOINT item"
        } else {
            "SAVEPOINT item"
        })?;
        Ok(())
    }

    /// Kept at once; released with the next savepoint, or by the commit.
    fn release_savepoint(&mut self) -> Result<()> {
        self.release_pending = true;
        Ok(())
    }

    fn rollback_to_savepoint(&mut self) -> Result<()> {
        if std::mem::take(&mut self.release_pending) {
            self.transaction.batch_execute("RELEASE SAVEPOINT item")?;
        }
        self.transaction.batch_execute("ROLLBACK TO SAVEPOINT item; RELEASE SAVEPOINT item")?;
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
