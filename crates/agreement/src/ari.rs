//! The adjusted Rand index: how far two ways of grouping the same items agree, 1 for the same
//! grouping (whatever the groups are called), about 0 for groupings no more alike than chance.

use std::collections::HashMap;

/// The adjusted Rand index of two labellings of the same items (`a[i]` and `b[i]` label item i).
/// 1 when there is nothing to tell apart (both put everything together).
pub fn adjusted_rand_index<A: Eq + std::hash::Hash, B: Eq + std::hash::Hash>(a: &[A], b: &[B]) -> f64 {
    assert_eq!(a.len(), b.len(), "two labellings of the same items");
    let pairs = |n: u64| (n * n.saturating_sub(1)) as f64 / 2.0;
    let mut table: HashMap<(&A, &B), u64> = HashMap::new();
    let mut rows: HashMap<&A, u64> = HashMap::new();
    let mut columns: HashMap<&B, u64> = HashMap::new();
    for (x, y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *rows.entry(x).or_default() += 1;
        *columns.entry(y).or_default() += 1;
    }
    let index: f64 = table.values().map(|&n| pairs(n)).sum();
    let row_pairs: f64 = rows.values().map(|&n| pairs(n)).sum();
    let column_pairs: f64 = columns.values().map(|&n| pairs(n)).sum();
    let all = pairs(a.len() as u64);
    if all == 0.0 {
        return 1.0;
    }
    let expected = row_pairs * column_pairs / all;
    let most = (row_pairs + column_pairs) / 2.0;
    if most == expected {
        return 1.0;
    }
    (index - expected) / (most - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_grouping_under_other_names_scores_one() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1, 2], &["b", "b", "a", "a", "c"]), 1.0);
        // A textbook case: ARI of (0,0,1,1) against (0,0,0,1) is 0.
        assert!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 0, 1]).abs() < 1e-12);
        assert!(adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]) < 0.5);
    }
}
