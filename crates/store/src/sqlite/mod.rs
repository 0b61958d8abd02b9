//! The SQLite backend: one file, WAL, foreign keys on, migrations in `migrations/sqlite/`. It
//! runs the shared queries (`queries`) after rewriting them into SQLite's words (`own_words`).

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use crate::copy::Value;
use crate::queries::SqlStore;
use crate::sql::{Arg, Backend, DatabaseError, Dialect, Failure, Row, Sql, Transaction};
use crate::{Result, StoreError};

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
    include_str!("../../migrations/sqlite/0015_job_claims.sql"),
    include_str!("../../migrations/sqlite/0016_agreement.sql"),
    include_str!("../../migrations/sqlite/0017_campaigns.sql"),
    include_str!("../../migrations/sqlite/0018_campaign_notes.sql"),
    include_str!("../../migrations/sqlite/0019_drafts.sql"),
    include_str!("../../migrations/sqlite/0020_bodies.sql"),
    include_str!("../../migrations/sqlite/0021_follow_up.sql"),
    include_str!("../../migrations/sqlite/0022_forum.sql"),
    include_str!("../../migrations/sqlite/0023_commitment_links.sql"),
    include_str!("../../migrations/sqlite/0024_api_keys.sql"),
    include_str!("../../migrations/sqlite/0025_contribution_counts.sql"),
];

/// The migration after which the starting issue taxonomy is written, once.
const TAXONOMY_MIGRATION: usize = 7;

/// The pairs are walked in order (CROSS JOIN), each looked up by the primary key: joined the
/// other way, SQLite would scan a whole level of the log for every pair.
const DIALECT: Dialect = Dialect {
    nodes_among: "SELECT n.level, n.idx, n.hash FROM json_each($1) l CROSS JOIN log_nodes n
         ON n.level = l.value AND n.idx = ($2 ->> l.key)",
    now_millis: "CAST(unixepoch('subsec') * 1000 AS INTEGER)",
    skip_locked: "",
};

/// The record in an SQLite file.
pub type SqliteStore = SqlStore<Sqlite>;

/// One connection to an SQLite file.
pub struct Sqlite {
    connection: Connection,
}

impl std::fmt::Debug for Sqlite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sqlite").field("path", &self.connection.path()).finish()
    }
}

impl SqlStore<Sqlite> {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open { path: shown.clone(), source: failure(source) };
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
        let mut backend = Sqlite { connection };
        backend.migrate(&shown)?;
        Ok(SqlStore::over(backend))
    }
}

impl Sqlite {
    fn migrate(&mut self, path: &str) -> Result<()> {
        let known = MIGRATIONS.len() as i64;
        let found: i64 = self.connection.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(database_error)?;
        if found > known {
            return Err(StoreError::TooNew { path: path.to_owned(), found, known });
        }
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let mut tx = self.begin()?;
            tx.batch(sql)?;
            if index == TAXONOMY_MIGRATION {
                crate::queries::taxonomy::seed(&mut tx)?;
            }
            tx.batch(&format!("PRAGMA user_version = {}", index + 1))?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// A driver error as the store reports it.
fn database_error(error: rusqlite::Error) -> StoreError {
    StoreError::Database(failure(error))
}

fn failure(error: rusqlite::Error) -> DatabaseError {
    let failure = match &error {
        rusqlite::Error::SqliteFailure(e, _) => match (e.code, e.extended_code) {
            (ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked, _) => Failure::Busy,
            (_, rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY) => {
                Failure::Unique
            }
            (_, rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY) => Failure::ForeignKey,
            _ => Failure::Other,
        },
        _ => Failure::Other,
    };
    DatabaseError { failure, message: error.to_string() }
}

/// A statement of the shared queries in SQLite's words: `?N` for `$N`, a list parameter (bound
/// as a JSON array) read with `json_each`, and no collation named, SQLite's default order being
/// the bytes' already.
pub(crate) fn own_words(sql: &str) -> String {
    let sql = sql.replace(" COLLATE \"C\"", "");
    let mut out = String::with_capacity(sql.len() + 32);
    let mut rest = sql.as_str();
    while let Some(at) = rest.find(['$', '=']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("= ANY($") {
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            out.push_str("IN (SELECT value FROM json_each(?");
            out.push_str(&after[..digits]);
            out.push(')');
            rest = &after[digits..];
        } else if rest.starts_with('$') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
            out.push('?');
            rest = &rest[1..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        let list = |values: Vec<serde_json::Value>| ToSqlOutput::from(serde_json::Value::from(values).to_string());
        Ok(match *self {
            Arg::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Arg::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(n)),
            Arg::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(b))),
            Arg::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Arg::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            Arg::Ints(list_of) => list(list_of.iter().map(|n| (*n).into()).collect()),
            Arg::Texts(list_of) => list(list_of.iter().map(|t| t.as_str().into()).collect()),
        })
    }
}

fn value(cell: ValueRef<'_>) -> Result<Value> {
    Ok(match cell {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Integer(n),
        ValueRef::Text(t) => Value::Text(String::from_utf8(t.to_vec()).map_err(crate::rows::corrupt)?),
        ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
        ValueRef::Real(_) => return Err(crate::rows::corrupt("a real number where none is kept")),
    })
}

fn each_row(
    connection: &Connection,
    sql: &str,
    args: &[Arg<'_>],
    each: &mut dyn FnMut(Row) -> Result<()>,
) -> Result<()> {
    let mut statement = connection.prepare_cached(&own_words(sql)).map_err(database_error)?;
    let columns = statement.column_count();
    let mut rows = statement.query(rusqlite::params_from_iter(args)).map_err(database_error)?;
    while let Some(row) = rows.next().map_err(database_error)? {
        let values = (0..columns).map(|i| value(row.get_ref(i).map_err(database_error)?)).collect::<Result<_>>()?;
        each(Row(values))?;
    }
    Ok(())
}

fn execute(connection: &Connection, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
    let mut statement = connection.prepare_cached(&own_words(sql)).map_err(database_error)?;
    Ok(statement.execute(rusqlite::params_from_iter(args)).map_err(database_error)? as u64)
}

/// The shared queries through a connection: rusqlite runs statements on a shared one.
struct Through<'c>(&'c Connection);

impl Sql for Through<'_> {
    fn each_row(&mut self, sql: &str, args: &[Arg<'_>], each: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        each_row(self.0, sql, args, each)
    }

    fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        execute(self.0, sql, args)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.0.execute_batch(sql).map_err(database_error)
    }

    fn dialect(&self) -> &'static Dialect {
        &DIALECT
    }
}

/// A transaction of the SQLite backend.
pub struct SqliteTransaction<'a>(rusqlite::Transaction<'a>);

impl Sql for SqliteTransaction<'_> {
    fn each_row(&mut self, sql: &str, args: &[Arg<'_>], each: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        each_row(&self.0, sql, args, each)
    }

    fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64> {
        execute(&self.0, sql, args)
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        self.0.execute_batch(sql).map_err(database_error)
    }

    fn dialect(&self) -> &'static Dialect {
        &DIALECT
    }
}

impl Transaction for SqliteTransaction<'_> {
    fn commit(self) -> Result<()> {
        self.0.commit().map_err(database_error)
    }
}

impl Backend for Sqlite {
    type Tx<'a> = SqliteTransaction<'a>;

    fn each_on_its_own<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        f(&mut Through(&self.connection))
    }

    /// A read transaction sees one snapshot of the file (WAL) from its first read to its end.
    fn snapshot<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        let tx = self.connection.unchecked_transaction().map_err(database_error)?;
        f(&mut Through(&tx))
    }

    /// The write lock is taken at once: in WAL mode a deferred transaction that has read, then
    /// finds another writer committed meanwhile, fails at once (SQLITE_BUSY_SNAPSHOT) instead
    /// of waiting its turn, and with several writers (servers, background jobs) that happens.
    fn begin(&mut self) -> Result<SqliteTransaction<'_>> {
        let tx = self.connection.transaction_with_behavior(TransactionBehavior::Immediate).map_err(database_error)?;
        Ok(SqliteTransaction(tx))
    }

    fn location(&self) -> String {
        self.connection.path().unwrap_or_default().to_owned()
    }

    /// `VACUUM INTO` copies the database as one read transaction sees it: a consistent copy,
    /// written without stopping the writers (WAL).
    fn copy_to_file(&self, path: &Path) -> Option<Result<()>> {
        let Some(target) = path.to_str() else {
            return Some(Err(crate::rows::corrupt(format!("{} is not UTF-8", path.display()))));
        };
        Some(execute(&self.connection, "VACUUM INTO $1", &[Arg::Text(target)]).map(drop))
    }

    /// A larger page cache (bounded: 64 MiB) keeps the indexes of a large import in memory.
    fn prepare_for_bulk_writes(&self) -> Result<()> {
        self.connection.execute_batch("PRAGMA cache_size = -65536;").map_err(database_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proofs_nodes_are_each_found_by_the_primary_key() {
        let dir = tempfile::tempdir().expect("directory");
        let store = SqliteStore::open(&dir.path().join("consulta.db")).expect("store");
        let plan = store
            .backend
            .connection
            .prepare(&format!("EXPLAIN QUERY PLAN {}", own_words(DIALECT.nodes_among)))
            .and_then(|mut plan| {
                plan.query_map(["[1]", "[2]"], |r| r.get::<_, String>(3))?.collect::<rusqlite::Result<Vec<_>>>()
            })
            .expect("plan");
        assert!(plan.iter().any(|step| step.contains("PRIMARY KEY (level=? AND idx=?)")), "{plan:?}");
    }

    #[test]
    fn statements_are_rewritten_into_sqlites_words() {
        assert_eq!(own_words("SELECT a FROM t WHERE b = $1 AND c = $12"), "SELECT a FROM t WHERE b = ?1 AND c = ?12");
        assert_eq!(
            own_words("SELECT a FROM t WHERE b = ANY($2) ORDER BY a COLLATE \"C\""),
            "SELECT a FROM t WHERE b IN (SELECT value FROM json_each(?2)) ORDER BY a"
        );
        assert_eq!(own_words("SELECT '$x', a = b, $ FROM t"), "SELECT '$x', a = b, $ FROM t");
    }
}
