//! The whole record at once, for `copy`: every table read row by row in one snapshot, written
//! into a store that holds no record yet, and counted.

use crate::copy::{Kind, RecordLoader, TABLES, Table, Value};
use crate::sql::{Sql, Transaction};
use crate::{Result, StoreError};

/// Streams every row of every table of `TABLES`, table after table, inside the caller's snapshot.
pub(crate) fn read_record(
    sql: &mut dyn Sql,
    each: &mut dyn FnMut(&'static Table, Vec<Value>) -> Result<()>,
) -> Result<()> {
    for table in TABLES {
        let select = format!("SELECT {} FROM {} ORDER BY {}", table.column_list(), table.name, table.order_by);
        sql.each_row(&select, &[], &mut |row| {
            // SQLite keeps truth values as integers; the copy carries them as what they are.
            let values = table
                .columns
                .iter()
                .zip(row.0)
                .map(|((_, kind), value)| match (kind, value) {
                    (Kind::Bool, Value::Integer(n)) => Value::Bool(n != 0),
                    (_, value) => value,
                })
                .collect();
            each(table, values)
        })?;
    }
    Ok(())
}

pub(crate) fn row_counts(sql: &mut dyn Sql) -> Result<Vec<(&'static str, u64)>> {
    TABLES
        .iter()
        .map(|table| Ok((table.name, sql.one(&format!("SELECT COUNT(*) FROM {}", table.name), &[])?.count(0)?)))
        .collect()
}

/// Starts loading a whole record into `tx`'s store, which must hold none (`location` names it
/// in the error); its starting data (groups, taxonomy) gives way to the copy's.
pub(crate) fn begin_load<'t, T: Transaction + 't>(mut tx: T, location: String) -> Result<Box<dyn RecordLoader + 't>> {
    let holds_record = tx
        .one(
            "SELECT EXISTS (SELECT 1 FROM consultations) OR EXISTS (SELECT 1 FROM entities)
                 OR EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM audit_log)",
            &[],
        )?
        .bool(0)?;
    if holds_record {
        return Err(StoreError::NotEmpty(location));
    }
    for table in TABLES.iter().rev() {
        tx.batch(&format!("DELETE FROM {}", table.name))?;
    }
    Ok(Box::new(Loader { tx, table: None, rows: Vec::new(), bytes: 0 }))
}

/// Bytes of text gathered before they are written, at most (long contributions).
const BYTES_PER_WRITE: usize = 8 << 20;

/// Writes a whole record copied from another store, in one transaction, many rows a statement.
struct Loader<T> {
    tx: T,
    /// The table being written, if one was started.
    table: Option<&'static Table>,
    /// Its rows not yet written.
    rows: Vec<Vec<Value>>,
    /// The bytes of text and binary values among them.
    bytes: usize,
}

impl<T: Transaction> Loader<T> {
    /// Writes the rows gathered.
    fn flush(&mut self) -> Result<()> {
        let Some(table) = self.table else { return Ok(()) };
        if self.rows.is_empty() {
            return Ok(());
        }
        self.tx.load_rows(table, &self.rows)?;
        self.rows.clear();
        self.bytes = 0;
        Ok(())
    }
}

impl<T: Transaction> RecordLoader for Loader<T> {
    fn start_table(&mut self, table: &'static Table) -> Result<()> {
        self.flush()?;
        // What the target's own triggers wrote while earlier tables were copied (the change
        // feed) gives way to the source's rows.
        self.tx.batch(&format!("DELETE FROM {}", table.name))?;
        self.table = Some(table);
        Ok(())
    }

    fn row(&mut self, values: Vec<Value>) -> Result<()> {
        let Some(table) = self.table else {
            return Err(StoreError::Batch("a row came before its table".to_owned()));
        };
        if values.len() != table.columns.len() {
            return Err(StoreError::Batch(format!("a row of {} has {} values", table.name, values.len())));
        }
        self.bytes += values
            .iter()
            .map(|value| match value {
                Value::Text(text) => text.len(),
                Value::Bytes(bytes) => bytes.len(),
                _ => 0,
            })
            .sum::<usize>();
        self.rows.push(values);
        if self.rows.len() >= self.tx.rows_per_load(table) || self.bytes >= BYTES_PER_WRITE {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.flush()?;
        self.tx.after_load()?;
        self.tx.commit()
    }
}
