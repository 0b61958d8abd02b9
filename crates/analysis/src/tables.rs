//! Cross tables: counts of contributions by two keys (regional group × channel, issue ×
//! stakeholder group, paragraph cited × group), with the keys in a given order. Labels are the
//! report's business; these hold identifiers.

use std::collections::BTreeMap;

/// Counts by row key × column key, rows and columns in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CrossTable {
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<u64>>,
}

impl CrossTable {
    /// Counts `(row, column)` pairs. Rows and columns come in the order given; keys not in the
    /// order come after, sorted; rows with no count are left out unless `keep_empty_rows`.
    pub fn count<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        row_order: &[&str],
        column_order: &[&str],
        keep_empty_rows: bool,
    ) -> CrossTable {
        CrossTable::from_counts(pairs.into_iter().map(|pair| (pair, 1)), row_order, column_order, keep_empty_rows)
    }

    /// The same table from pairs already counted (a pair given twice adds up).
    pub fn from_counts<'a>(
        counted: impl IntoIterator<Item = ((&'a str, &'a str), u64)>,
        row_order: &[&str],
        column_order: &[&str],
        keep_empty_rows: bool,
    ) -> CrossTable {
        let mut counts: BTreeMap<(&str, &str), u64> = BTreeMap::new();
        for (pair, n) in counted {
            *counts.entry(pair).or_default() += n;
        }
        let ordered = |order: &[&str], seen: Vec<&str>| -> Vec<String> {
            let mut keys: Vec<String> = order.iter().map(|k| (*k).to_owned()).collect();
            let mut extra: Vec<&str> = seen.into_iter().filter(|k| !order.contains(k)).collect();
            extra.sort_unstable();
            extra.dedup();
            keys.extend(extra.into_iter().map(str::to_owned));
            keys
        };
        let rows = ordered(row_order, counts.keys().map(|(r, _)| *r).collect());
        let columns = ordered(column_order, counts.keys().map(|(_, c)| *c).collect());
        let cells: Vec<Vec<u64>> = rows
            .iter()
            .map(|r| columns.iter().map(|c| counts.get(&(r.as_str(), c.as_str())).copied().unwrap_or(0)).collect())
            .collect();
        let mut table = CrossTable { rows, columns, cells };
        if !keep_empty_rows {
            table.retain_rows(|_, cells| cells.iter().any(|n| *n > 0));
        }
        table
    }

    fn retain_rows(&mut self, keep: impl Fn(&str, &[u64]) -> bool) {
        let (rows, cells) = std::mem::take(&mut self.rows)
            .into_iter()
            .zip(std::mem::take(&mut self.cells))
            .filter(|(row, cells)| keep(row, cells))
            .unzip();
        self.rows = rows;
        self.cells = cells;
    }

    /// Rows by their total, largest first (ties keep their order), at most `limit` of them.
    pub fn largest_rows(mut self, limit: usize) -> CrossTable {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.row_total(i)));
        order.truncate(limit);
        self.rows = order.iter().map(|&i| self.rows[i].clone()).collect();
        self.cells = order.iter().map(|&i| self.cells[i].clone()).collect();
        self
    }

    pub fn row_total(&self, row: usize) -> u64 {
        self.cells[row].iter().sum()
    }

    pub fn column_total(&self, column: usize) -> u64 {
        self.cells.iter().map(|cells| cells[column]).sum()
    }

    pub fn total(&self) -> u64 {
        self.cells.iter().flatten().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_follow_the_given_order_and_add_up() {
        let pairs = [("weog", "written"), ("african", "written"), ("african", "presentation"), ("zz", "written")];
        let table = CrossTable::count(pairs, &["african", "asia_pacific", "weog"], &["written", "presentation"], false);
        assert_eq!(table.rows, ["african", "weog", "zz"], "empty rows dropped, unknown keys last");
        assert_eq!(table.cells, [[1, 1], [1, 0], [1, 0]]);
        assert_eq!((table.row_total(0), table.column_total(0), table.total()), (2, 3, 4));
        let kept = CrossTable::count(pairs, &["african", "asia_pacific"], &["written"], true);
        assert_eq!(kept.rows, ["african", "asia_pacific", "weog", "zz"]);
        assert_eq!(kept.largest_rows(2).rows, ["african", "weog"]);
    }
}
