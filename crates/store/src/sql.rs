//! The small layer both backends share, so that each query of the record is written once.
//!
//! Statements are written in PostgreSQL's words (`$N` placeholders, `col = ANY($N)` for a list,
//! `COLLATE "C"` for byte order); the SQLite backend rewrites those three forms into its own
//! (`sqlite::own_words`). Values go in as `Arg`s and come out as `Row`s of `Value`s, whatever the
//! driver. What truly differs between the backends (how a transaction takes the record's write
//! lock, a consistent snapshot, the one statement in `Dialect`) stays in the backend's module.

use consulta_log::Hash;

use crate::copy::{Kind, Table, Value};
use crate::rows::corrupt;
use crate::{Result, StoreError};

/// A value bound to a statement's placeholder.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(&'a str),
    Bytes(&'a [u8]),
    /// A list, for `= ANY($N)`.
    Ints(&'a [i64]),
    /// A list, for `= ANY($N)`.
    Texts(&'a [String]),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<bool> for Arg<'_> {
    fn from(b: bool) -> Self {
        Arg::Bool(b)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a [u8]> for Arg<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Arg::Bytes(bytes)
    }
}

impl<'a> From<&'a Hash> for Arg<'a> {
    fn from(hash: &'a Hash) -> Self {
        Arg::Bytes(hash)
    }
}

impl<'a> From<&'a [i64]> for Arg<'a> {
    fn from(list: &'a [i64]) -> Self {
        Arg::Ints(list)
    }
}

impl<'a> From<&'a [String]> for Arg<'a> {
    fn from(list: &'a [String]) -> Self {
        Arg::Texts(list)
    }
}

impl<'a, T: Into<Arg<'a>>> From<Option<T>> for Arg<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Arg::Null, Into::into)
    }
}

impl<'a> From<&'a Value> for Arg<'a> {
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Arg::Null,
            Value::Integer(n) => Arg::Int(*n),
            Value::Bool(b) => Arg::Bool(*b),
            Value::Text(t) => Arg::Text(t),
            Value::Bytes(b) => Arg::Bytes(b),
        }
    }
}

/// The arguments of a statement, each turned into an `Arg`.
macro_rules! args {
    ($($value:expr),* $(,)?) => { &[$($crate::sql::Arg::from($value)),*] };
}
pub(crate) use args;

/// `($1, …, $columns), (…)`: the placeholders of a multi-row `VALUES` of `rows` rows, numbered
/// row after row.
pub(crate) fn value_rows(rows: usize, columns: usize) -> String {
    let row = |r: usize| {
        let values: Vec<String> = (1..=columns).map(|c| format!("${}", r * columns + c)).collect();
        format!("({})", values.join(", "))
    };
    (0..rows).map(row).collect::<Vec<_>>().join(", ")
}

/// A row as a statement gave it. Getters take text and bytes out (each column is read once).
#[derive(Debug)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Value> {
        self.0.get(i).ok_or_else(|| corrupt(format!("a row has no column {i}")))
    }

    fn take(&mut self, i: usize) -> Result<Value> {
        let cell = self.0.get_mut(i).ok_or_else(|| corrupt(format!("a row has no column {i}")))?;
        Ok(std::mem::replace(cell, Value::Null))
    }

    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.cell(i)? {
            Value::Null => Ok(None),
            Value::Integer(n) => Ok(Some(*n)),
            other => Err(mismatch(i, "an integer", other)),
        }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| corrupt(format!("column {i} is empty")))
    }

    /// A count or size: never negative.
    pub(crate) fn count(&self, i: usize) -> Result<u64> {
        u64::try_from(self.int(i)?).map_err(corrupt)
    }

    pub(crate) fn small(&self, i: usize) -> Result<u32> {
        u32::try_from(self.int(i)?).map_err(corrupt)
    }

    /// A truth value: PostgreSQL's BOOLEAN, SQLite's 0 or 1.
    pub(crate) fn bool(&self, i: usize) -> Result<bool> {
        match self.cell(i)? {
            Value::Bool(b) => Ok(*b),
            Value::Integer(n) => Ok(*n != 0),
            other => Err(mismatch(i, "a truth value", other)),
        }
    }

    pub(crate) fn opt_text(&mut self, i: usize) -> Result<Option<String>> {
        match self.take(i)? {
            Value::Null => Ok(None),
            Value::Text(text) => Ok(Some(text)),
            other => Err(mismatch(i, "text", &other)),
        }
    }

    pub(crate) fn text(&mut self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| corrupt(format!("column {i} is empty")))
    }

    /// A text column parsed into a domain value; `column` names it in the error.
    pub(crate) fn parse<T: std::str::FromStr>(&mut self, i: usize, column: &str) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        crate::rows::parse_column(&self.text(i)?, column)
    }

    pub(crate) fn opt_parse<T: std::str::FromStr>(&mut self, i: usize, column: &str) -> Result<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.opt_text(i)?.map(|text| crate::rows::parse_column(&text, column)).transpose()
    }

    pub(crate) fn opt_bytes(&mut self, i: usize) -> Result<Option<Vec<u8>>> {
        match self.take(i)? {
            Value::Null => Ok(None),
            Value::Bytes(bytes) => Ok(Some(bytes)),
            other => Err(mismatch(i, "bytes", &other)),
        }
    }

    /// A SHA-256 stored as 32 bytes; `column` names it in the error.
    pub(crate) fn hash(&mut self, i: usize, column: &str) -> Result<Hash> {
        let bytes = self.opt_bytes(i)?.ok_or_else(|| corrupt(format!("{column} is empty")))?;
        bytes.try_into().map_err(|_| corrupt(format!("{column} is not 32 bytes")))
    }

    /// A SHA-256 stored as hexadecimal text.
    pub(crate) fn hex_hash(&mut self, i: usize, column: &str) -> Result<Hash> {
        consulta_log::from_hex(&self.text(i)?).ok_or_else(|| corrupt(column))
    }

    pub(crate) fn instant(&self, i: usize) -> Result<jiff::Timestamp> {
        crate::rows::timestamp(self.int(i)?)
    }

    pub(crate) fn opt_instant(&self, i: usize) -> Result<Option<jiff::Timestamp>> {
        self.opt_int(i)?.map(crate::rows::timestamp).transpose()
    }
}

fn mismatch(i: usize, expected: &str, found: &Value) -> StoreError {
    let found = match found {
        Value::Null => "nothing",
        Value::Integer(_) => "an integer",
        Value::Bool(_) => "a truth value",
        Value::Text(_) => "text",
        Value::Bytes(_) => "bytes",
    };
    corrupt(format!("column {i} holds {found} where {expected} was expected"))
}

/// What kind of failure the database reported, for the errors Consulta answers differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Another writer holds the database: trying again later will work.
    Busy,
    /// A unique constraint refused the row.
    Unique,
    /// A foreign key refused the row: it names something that does not exist.
    ForeignKey,
    /// The connection is gone (a restarted server).
    Disconnected,
    Other,
}

/// An error of the database driver, as Consulta keeps it: what kind, and the driver's words.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct DatabaseError {
    pub failure: Failure,
    pub message: String,
}

/// The statements whose text differs between the backends.
#[derive(Debug)]
pub(crate) struct Dialect {
    /// The log's nodes (level, idx, hash) at the pairs of `$1` levels and `$2` indexes (two
    /// lists of equal length).
    pub(crate) nodes_among: &'static str,
    /// The database's clock, in milliseconds since 1970: what claims on shared work are timed
    /// by, so that servers whose clocks differ still agree on when a claim lapses.
    pub(crate) now_millis: &'static str,
    /// Ends a `SELECT` of rows to claim: rows another transaction has locked are passed over
    /// rather than waited for (empty where one writer at a time is all there is).
    pub(crate) skip_locked: &'static str,
}

/// A connection or transaction of either backend, as the queries use it.
pub(crate) trait Sql {
    /// Runs a statement and hands each row to `each` as it comes (a whole table, in a copy).
    fn each_row(&mut self, sql: &str, args: &[Arg<'_>], each: &mut dyn FnMut(Row) -> Result<()>) -> Result<()>;
    /// Runs a statement; gives how many rows it changed.
    fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<u64>;
    /// Runs several statements without arguments.
    fn batch(&mut self, sql: &str) -> Result<()>;
    fn dialect(&self) -> &'static Dialect;

    fn rows(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<Row>> {
        let mut rows = Vec::new();
        self.each_row(sql, args, &mut |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    fn row(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Option<Row>> {
        Ok(self.rows(sql, args)?.into_iter().next())
    }

    /// The row a statement always gives (a count, an `INSERT … RETURNING`).
    fn one(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Row> {
        self.row(sql, args)?.ok_or_else(|| corrupt("a statement that always gives a row gave none"))
    }
}

/// A transaction of either backend.
pub(crate) trait Transaction: Sql {
    fn commit(self) -> Result<()>;

    /// How many rows of `table` a load gathers before it writes them with `load_rows`.
    fn rows_per_load(&self, table: &Table) -> usize {
        // Under SQLite's limit of 32,766 bound values, and a round trip for many rows.
        (30_000 / table.columns.len().max(1)).clamp(1, 500)
    }

    /// Writes rows of `table` copied whole from another store: many rows a statement, or the
    /// backend's own bulk path (PostgreSQL's COPY).
    fn load_rows(&mut self, table: &Table, rows: &[Vec<Value>]) -> Result<()> {
        let insert = format!(
            "INSERT INTO {} ({}) VALUES {}",
            table.name,
            table.column_list(),
            value_rows(rows.len(), table.columns.len())
        );
        let args: Vec<Arg<'_>> = rows.iter().flat_map(|row| load_args(table, row)).collect();
        self.execute(&insert, &args)?;
        Ok(())
    }
    /// Sets what the backend hands out next (identity sequences) after a whole record was
    /// loaded with its ids.
    fn after_load(&mut self) -> Result<()> {
        Ok(())
    }
}

/// A copied row's values as arguments for `table`'s columns.
pub(crate) fn load_args<'a>(table: &Table, row: &'a [Value]) -> impl Iterator<Item = Arg<'a>> {
    table.columns.iter().zip(row).map(|((_, kind), value)| match (kind, value) {
        // SQLite keeps truth values as integers.
        (Kind::Bool, Value::Integer(n)) => Arg::Bool(*n != 0),
        (_, value) => Arg::from(value),
    })
}

/// How a backend runs the shared queries: each of the ways a store touches its database.
pub(crate) trait Backend: Send + std::fmt::Debug {
    type Tx<'a>: Transaction
    where
        Self: 'a;

    /// Runs statements each on its own, committed as it runs: reads that need no snapshot, and
    /// writes that are not the record (sessions, the outbox, leases), which do not wait for a
    /// long import.
    fn each_on_its_own<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T>;
    /// Runs reads that must all see one state of the record.
    fn snapshot<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T>;
    /// Starts a transaction that holds the record's write lock until it ends: one writer of the
    /// record at a time, so that log leaves and change numbers are given out in commit order.
    fn begin(&mut self) -> Result<Self::Tx<'_>>;
    /// Where the database is, to show.
    fn location(&self) -> String;
    /// Writes a consistent copy of the database to `path`, an SQLite file, if the backend can
    /// do so itself (SQLite's `VACUUM INTO`); None when the record is to be copied row by row.
    fn copy_to_file(&self, path: &std::path::Path) -> Option<Result<()>>;
    /// Readies the database for a large batch of writes; a hint only.
    fn prepare_for_bulk_writes(&self) -> Result<()> {
        Ok(())
    }
    /// Whether the connection can still be used (a pool drops one that cannot).
    fn is_usable(&self) -> bool {
        true
    }
}
