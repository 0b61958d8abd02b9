//! The PostgreSQL backend, for several servers on one database: the same record as the SQLite
//! backend, migrations in `migrations/postgres/`. Every writing transaction of the record takes
//! one advisory lock (`WRITE_LOCK`) until it commits, so that log leaves and change-feed numbers
//! are given out one transaction after another, in commit order, whichever server writes.

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Client, GenericClient, NoTls, Statement};

use crate::copy::{Kind, TABLES, Table, Value};
use crate::queries::SqlStore;
use crate::sql::{Arg, Backend, DatabaseError, Dialect, Failure, Row, Sql, Transaction, load_args};
use crate::{Result, StoreError};

/// Schema versions, applied in order; `consulta_schema.version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_schema.sql"),
    include_str!("../../migrations/postgres/0002_claimed_identities.sql"),
    include_str!("../../migrations/postgres/0003_rate_events.sql"),
    include_str!("../../migrations/postgres/0004_senders.sql"),
    include_str!("../../migrations/postgres/0005_mail_attachments.sql"),
    include_str!("../../migrations/postgres/0006_report_details.sql"),
    include_str!("../../migrations/postgres/0007_job_claims.sql"),
    include_str!("../../migrations/postgres/0008_agreement.sql"),
    include_str!("../../migrations/postgres/0009_campaigns.sql"),
    include_str!("../../migrations/postgres/0010_campaign_notes.sql"),
    include_str!("../../migrations/postgres/0011_drafts.sql"),
    include_str!("../../migrations/postgres/0012_bodies.sql"),
    include_str!("../../migrations/postgres/0013_follow_up.sql"),
    include_str!("../../migrations/postgres/0014_forum.sql"),
    include_str!("../../migrations/postgres/0015_commitment_links.sql"),
    include_str!("../../migrations/postgres/0016_api_keys.sql"),
    include_str!("../../migrations/postgres/0017_contribution_counts.sql"),
];

/// The migration after which the starting issue taxonomy is written, once.
const TAXONOMY_MIGRATION: usize = 0;

/// The record's write lock (an advisory lock; the change feed's trigger function takes it too).
pub(crate) const WRITE_LOCK: i64 = 7_061_584_150;

/// Each pair is looked up by the primary key (LATERAL): joined as a set, the planner guesses a
/// hundred pairs and scans the whole log for them.
const DIALECT: Dialect = Dialect {
    nodes_among: "SELECT w.level, w.idx, n.hash FROM unnest($1::BIGINT[], $2::BIGINT[]) AS w (level, idx)
         CROSS JOIN LATERAL (SELECT hash FROM log_nodes WHERE level = w.level AND idx = w.idx) n",
    now_millis: "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)",
    skip_locked: " FOR UPDATE SKIP LOCKED",
};

/// Statements prepared on this connection, by their text: each is prepared once per connection,
/// not at every call (a round trip saved on every query).
type Statements = HashMap<String, Statement>;

/// The record in a PostgreSQL database.
pub type PostgresStore = SqlStore<Postgres>;

/// One connection to a PostgreSQL database.
pub struct Postgres {
    connection: RefCell<Connection>,
    location: String,
}

struct Connection {
    client: Client,
    statements: Statements,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres").field("location", &self.location).finish()
    }
}

/// A driver error as the store reports it.
fn database_error(error: postgres::Error) -> StoreError {
    StoreError::Database(failure(error))
}

fn failure(error: postgres::Error) -> DatabaseError {
    let failure = match error.code() {
        Some(code) if *code == SqlState::UNIQUE_VIOLATION => Failure::Unique,
        Some(code) if *code == SqlState::FOREIGN_KEY_VIOLATION => Failure::ForeignKey,
        Some(code) if *code == SqlState::LOCK_NOT_AVAILABLE => Failure::Busy,
        _ if error.is_closed() => Failure::Disconnected,
        _ => Failure::Other,
    };
    DatabaseError { failure, message: error.to_string() }
}

impl SqlStore<Postgres> {
    /// Connects to the database at `url` (`postgres://user:password@host:port/name`) and brings its
    /// schema up to date. The database itself must exist; Consulta creates its tables.
    pub fn open(url: &str) -> Result<Self> {
        let location = consulta_core::markup::redact_url(url);
        let client = Client::connect(url, NoTls)
            .map_err(|source| StoreError::OpenPostgres { location: location.clone(), source: failure(source) })?;
        let mut backend =
            Postgres { connection: RefCell::new(Connection { client, statements: Statements::new() }), location };
        backend.migrate()?;
        Ok(SqlStore::over(backend))
    }
}

impl Postgres {
    /// The schema version this database is at (None when Consulta has not created its tables).
    fn schema_version(sql: &mut dyn Sql) -> Result<Option<i64>> {
        if !sql.one("SELECT to_regclass('consulta_schema') IS NOT NULL", &[])?.bool(0)? {
            return Ok(None);
        }
        sql.row("SELECT version FROM consulta_schema", &[])?.map(|r| r.int(0)).transpose()
    }

    fn migrate(&mut self) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        // Every pooled connection opens here: an up-to-date schema is read, not locked.
        if self.each_on_its_own(Self::schema_version)? == Some(known) {
            return Ok(());
        }
        // Servers that start together migrate one after the other (`begin` takes the lock).
        let location = self.location.clone();
        let mut tx = self.begin()?;
        tx.batch("CREATE TABLE IF NOT EXISTS consulta_schema (version BIGINT NOT NULL)")?;
        let found = Self::schema_version(&mut tx)?;
        let found_version = found.unwrap_or(0);
        if found_version > known {
            return Err(StoreError::TooNew { path: location, found: found_version, known });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found_version as usize) {
            tx.batch(sql)?;
            if index == TAXONOMY_MIGRATION {
                crate::queries::taxonomy::seed(&mut tx)?;
            }
        }
        let record = if found.is_none() {
            "INSERT INTO consulta_schema (version) VALUES ($1)"
        } else {
            "UPDATE consulta_schema SET version = $1"
        };
        tx.execute(record, &[Arg::Int(known)])?;
        tx.commit()
    }
}

/// An argument as PostgreSQL takes it: the type the server expects decides nothing here, the
/// value's own does (every integer column is a BIGINT, every list an array).
impl ToSql for Arg<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        self.to_sql_checked(ty, out)
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    fn to_sql_checked(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(n) => n.to_sql_checked(ty, out),
            Arg::Bool(b) => b.to_sql_checked(ty, out),
            Arg::Text(t) => t.to_sql_checked(ty, out),
            Arg::Bytes(b) => b.to_sql_checked(ty, out),
            Arg::Ints(list) => list.to_sql_checked(ty, out),
            Arg::Texts(list) => list.to_sql_checked(ty, out),
        }
    }
}

fn value(row: &postgres::Row, i: usize) -> Result<Value> {
    let ty = row.columns()[i].type_();
    let cell = |e: postgres::Error| database_error(e);
    Ok(match *ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(i).map_err(cell)?.map_or(Value::Null, Value::Integer),
        Type::INT4 => row.try_get::<_, Option<i32>>(i).map_err(cell)?.map_or(Value::Null, |n| Value::Integer(n.into())),
        Type::BOOL => row.try_get::<_, Option<bool>>(i).map_err(cell)?.map_or(Value::Null, Value::Bool),
        Type::BYTEA => row.try_get::<_, Option<Vec<u8>>>(i).map_err(cell)?.map_or(Value::Null, Value::Bytes),
        Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR => {
            row.try_get::<_, Option<String>>(i).map_err(cell)?.map_or(Value::Null, Value::Text)
        }
        _ => return Err(crate::rows::corrupt(format!("a column of type {ty} where none is kept"))),
    })
}

/// The shared queries through a client (a connection or a transaction) and the statements it
/// has prepared.
struct Through<'c, C> {
    client: &'c mut C,
    statements: &'c mut Statements,
}

impl<C: GenericClient> Through<'_, C> {
    fn prepared(&mut self, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql).map_err(database_error)?;
        self.statements.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

impl<C: GenericClient> Sql for Through<'_, C> {
    fn each_row(&mut self, sql: &str, args: &[Arg<'_>], each: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        let statement = self.prepared(sql)?;
        let columns = statement.columns().len();
        let mut rows =
            self.client.query_raw(&statement, args.iter().map(|a| a as &dyn ToSql)).map_err(database_error)?;
        while let Some(row) = rows.next().map_err(database_error)? {
            each(Row((0..columns).map(|i| value(&row, i)).collect::<Result<_>>()?))?;
        }
        Ok(())
    }

    fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        let statement = self.prepared(sql)?;
        let args: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a as &(dyn ToSql + Sync)).collect();
        self.client.execute(&statement, &args).map_err(database_error)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.client.batch_execute(sql).map_err(database_error)
    }

    fn dialect(&self) -> &'static Dialect {
        &DIALECT
    }
}

/// A transaction of the PostgreSQL backend, with the connection's prepared statements.
pub struct PostgresTransaction<'a> {
    transaction: postgres::Transaction<'a>,
    statements: &'a mut Statements,
}

impl<'a> PostgresTransaction<'a> {
    fn through(&mut self) -> Through<'_, postgres::Transaction<'a>> {
        Through { client: &mut self.transaction, statements: &mut *self.statements }
    }
}

impl Sql for PostgresTransaction<'_> {
    fn each_row(&mut self, sql: &str, args: &[Arg<'_>], each: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        self.through().each_row(sql, args, each)
    }

    fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        self.through().execute(sql, args)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.transaction.batch_execute(sql).map_err(database_error)
    }

    fn dialect(&self) -> &'static Dialect {
        &DIALECT
    }
}

impl Transaction for PostgresTransaction<'_> {
    fn commit(self) -> Result<()> {
        self.transaction.commit().map_err(database_error)
    }

    /// COPY gathers far more rows a round trip than an INSERT may bind.
    fn rows_per_load(&self, _table: &Table) -> usize {
        20_000
    }

    /// One COPY … FROM STDIN (BINARY) per batch: no statement to parse, no parameter limit.
    fn load_rows(&mut self, table: &Table, rows: &[Vec<Value>]) -> Result<()> {
        let types: Vec<Type> = table
            .columns
            .iter()
            .map(|(_, kind)| match kind {
                Kind::Integer => Type::INT8,
                Kind::Bool => Type::BOOL,
                Kind::Text => Type::TEXT,
                Kind::Bytes => Type::BYTEA,
            })
            .collect();
        let copy = format!("COPY {} ({}) FROM STDIN BINARY", table.name, table.column_list());
        let sink = self.transaction.copy_in(&copy).map_err(database_error)?;
        let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
        for row in rows {
            let args: Vec<Arg<'_>> = load_args(table, row).collect();
            let values: Vec<&(dyn ToSql + Sync)> = args.iter().map(|arg| arg as &(dyn ToSql + Sync)).collect();
            writer.write(&values).map_err(database_error)?;
        }
        writer.finish().map_err(database_error)?;
        Ok(())
    }

    /// Identities go on after the ids copied, not from 1.
    fn after_load(&mut self) -> Result<()> {
        for table in TABLES {
            if let Some(column) = table.identity {
                self.batch(&format!(
                    "SELECT setval(pg_get_serial_sequence('{name}', '{column}'), COALESCE(MAX({column}), 0) + 1, false)
                     FROM {name}",
                    name = table.name
                ))?;
            }
        }
        Ok(())
    }
}

impl Backend for Postgres {
    type Tx<'a> = PostgresTransaction<'a>;

    fn each_on_its_own<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut connection = self.connection.borrow_mut();
        let Connection { client, statements } = &mut *connection;
        f(&mut Through { client, statements })
    }

    /// One read-only REPEATABLE READ transaction.
    fn snapshot<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let mut connection = self.connection.borrow_mut();
        let Connection { client, statements } = &mut *connection;
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(database_error)?;
        let value = f(&mut Through { client: &mut tx, statements })?;
        tx.commit().map_err(database_error)?;
        Ok(value)
    }

    /// One writer of the record at a time, across servers: as SQLite's write lock does.
    fn begin(&mut self) -> Result<PostgresTransaction<'_>> {
        let Connection { client, statements } = self.connection.get_mut();
        let mut transaction = client.transaction().map_err(database_error)?;
        transaction.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK]).map_err(database_error)?;
        Ok(PostgresTransaction { transaction, statements })
    }

    fn location(&self) -> String {
        self.location.clone()
    }

    fn copy_to_file(&self, _: &std::path::Path) -> Option<Result<()>> {
        None
    }

    /// An empty query answered within a second.
    fn is_usable(&self) -> bool {
        self.connection
            .try_borrow_mut()
            .is_ok_and(|mut c| !c.client.is_closed() && c.client.is_valid(std::time::Duration::from_secs(1)).is_ok())
    }
}
