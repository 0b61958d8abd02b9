//! Shingles and their sketch. A shingle is a run of `SHINGLE` tokens with one of them masked:
//! each run gives `SHINGLE` shingles, one per masked place, so two texts that differ in one word
//! of a run (a word edited, or a synonym picked in a template's slot) still share the shingle
//! that masks it. The sketch is MinHash by one permutation (each shingle hashed once, into one
//! of `HASHES` bins keeping its least value; an empty bin borrows from the next full one), and
//! the LSH bands are `BANDS` keys of `ROWS` bins each: two texts share a band's key with
//! probability about 1 − (1 − J^ROWS)^BANDS for a Jaccard similarity J of their shingles.

/// Tokens per shingle.
pub const SHINGLE: usize = 5;
/// Bins of the sketch, and how they are banded.
pub const HASHES: usize = 64;
pub const ROWS: usize = 2;
pub const BANDS: usize = HASHES / ROWS;

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: every input bit reaches every output bit.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Each run of `SHINGLE` tokens as its `SHINGLE` masked hashes. A text shorter than one run is
/// one run of all its tokens, unmasked (none for no token).
pub fn runs(tokens: &[u64]) -> Vec<[u64; SHINGLE]> {
    if tokens.len() < SHINGLE {
        let whole = tokens.iter().enumerate().fold(0u64, |h, (i, t)| h.wrapping_add(placed(*t, i)));
        return if tokens.is_empty() { Vec::new() } else { vec![[mix(whole); SHINGLE]] };
    }
    tokens
        .windows(SHINGLE)
        .map(|run| {
            // A run's tokens, each mixed with its place, summed: a masked hash is the sum less the
            // masked token, mixed with the masked place.
            let parts: [u64; SHINGLE] = std::array::from_fn(|i| placed(run[i], i));
            let sum = parts.iter().fold(0u64, |h, p| h.wrapping_add(*p));
            std::array::from_fn(|masked| mix(sum.wrapping_sub(parts[masked]) ^ MASKS[masked]))
        })
        .collect()
}

/// What marks each masked place in a run's hash.
const MASKS: [u64; SHINGLE] =
    [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7344, 0xa409_3822_299f_31d0, 0x082e_fa98_ec4e_6c89, 0x4528_21e6_38d0_1377];

/// A token mixed with its place in a run.
fn placed(token: u64, place: usize) -> u64 {
    mix(token ^ (place as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The shingles of a text's tokens: every masked hash of every run, sorted, without repeats.
pub fn shingles(tokens: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = runs(tokens).into_iter().flatten().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The sketch of a set of shingles: each shingle hashed once more, its top bits choosing a bin
/// that keeps the least of the rest; an empty bin takes the next full bin's value, marked with
/// how far it looked, so that two sets still agree on a bin about as often as they overlap.
pub fn minhash(shingles: &[u64]) -> [u64; HASHES] {
    const BIN_BITS: u32 = HASHES.trailing_zeros();
    let mut bins = [u64::MAX; HASHES];
    for &s in shingles {
        let h = mix(s ^ 0x5eed_0fca_4a16_0001);
        let bin = (h >> (64 - BIN_BITS)) as usize;
        let value = h & (u64::MAX >> BIN_BITS);
        if value < bins[bin] {
            bins[bin] = value;
        }
    }
    if shingles.is_empty() {
        return bins;
    }
    let full = bins;
    for (i, bin) in bins.iter_mut().enumerate() {
        if *bin == u64::MAX {
            let (distance, value) =
                (1..HASHES).map(|d| (d, full[(i + d) % HASHES])).find(|(_, v)| *v != u64::MAX).unwrap_or((0, 0));
            *bin = mix(value ^ (distance as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
    }
    bins
}

/// The band keys of a sketch: each band's bins hashed together, with the band's number, so that
/// keys of different bands never meet.
pub fn bands(sketch: &[u64; HASHES]) -> [u64; BANDS] {
    std::array::from_fn(|band| {
        let rows = &sketch[band * ROWS..(band + 1) * ROWS];
        rows.iter().fold(mix(band as u64 + 1), |h, r| mix(h ^ r))
    })
}

/// A text ready to be compared exactly: its runs as 32-bit fingerprints of their masked hashes
/// (a hash's high bits, uniform as the hashes are mixed already; 0 is kept for an empty slot, so
/// a fingerprint of 0 is taken as 1), and, made the first time the text is the longer of two
/// compared (many never are), its fingerprints in an open-addressing table. Two different
/// shingles with one fingerprint make a run found that was not, about one in 2^32 per probe:
/// nothing a share of 0.8 notices, for half the memory of whole hashes.
#[derive(Debug, Clone, Default)]
pub struct Shingled {
    runs: Vec<[u32; SHINGLE]>,
    table: std::cell::OnceCell<Vec<u32>>,
}

fn fingerprint(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

impl Shingled {
    pub fn of(tokens: &[u64]) -> Shingled {
        Shingled::from_runs(&runs(tokens))
    }

    pub fn from_runs(runs: &[[u64; SHINGLE]]) -> Shingled {
        let runs = runs.iter().map(|run| run.map(fingerprint)).collect();
        Shingled { runs, table: std::cell::OnceCell::new() }
    }

    fn table(&self) -> &[u32] {
        self.table.get_or_init(|| {
            // At most half the slots full, in a table a power of two long: a shingle that is not
            // there (most lookups, for a text that is not the other's) is told in few probes.
            let slots = (self.runs.len() * SHINGLE * 2).next_power_of_two();
            let mut table = vec![0u32; slots];
            let mask = slots - 1;
            for &print in self.runs.as_flattened() {
                let mut at = print as usize & mask;
                while table[at] != 0 && table[at] != print {
                    at = (at + 1) & mask;
                }
                table[at] = print;
            }
            table
        })
    }

    pub fn runs(&self) -> &[[u32; SHINGLE]] {
        &self.runs
    }

    /// The share of this text's runs that `other` holds with at most one token changed.
    pub fn share_held_by(&self, other: &Shingled) -> f64 {
        if self.runs.is_empty() {
            return 0.0;
        }
        let table = other.table();
        let found = self.runs.iter().filter(|run| run.iter().any(|h| holds(table, *h))).count();
        found as f64 / self.runs.len() as f64
    }
}

/// Whether a text's shingle table holds the shingle fingerprinted `print`.
fn holds(table: &[u32], print: u32) -> bool {
    let mask = table.len().wrapping_sub(1);
    let mut at = print as usize & mask;
    loop {
        match table.get(at) {
            Some(&slot) if slot == print => return true,
            Some(&slot) if slot != 0 => at = (at + 1) & mask,
            _ => return false,
        }
    }
}

/// Whether the longer of two texts holds at least `share` of the shorter's runs (as `containment`
/// measures it), reading no further than it takes to know.
pub fn contains_at_least(a: &Shingled, b: &Shingled, share: f64) -> bool {
    let (shorter, longer) = if a.runs.len() <= b.runs.len() { (a, b) } else { (b, a) };
    let runs = shorter.runs.len();
    if runs == 0 {
        return false;
    }
    // The fewest runs found that reach the share, and so the most that may be missing.
    let needed = (share * runs as f64).ceil() as usize;
    let (mut found, mut missing) = (0, 0);
    let table = longer.table();
    for run in &shorter.runs {
        if run.iter().any(|h| holds(table, *h)) {
            found += 1;
            if found >= needed {
                return true;
            }
        } else {
            missing += 1;
            if missing > runs - needed {
                return false;
            }
        }
    }
    found >= needed
}

/// How much of the shorter text the longer holds: the share of the shorter text's runs found in
/// the longer one with at most one token changed (one of their masked hashes among the other's
/// shingles). 1 when one text is the other with a paragraph added before or after, or the same
/// template with a synonym picked in each slot.
pub fn containment(a: &Shingled, b: &Shingled) -> f64 {
    let (shorter, longer) = if a.runs.len() <= b.runs.len() { (a, b) } else { (b, a) };
    shorter.share_held_by(longer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokens;

    fn text(words: usize, seed: u64) -> String {
        (0..words).map(|i| format!("w{}", mix(seed * 1000 + i as u64) % 5000)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_letter_with_a_paragraph_added_is_contained_in_it() {
        let letter = text(200, 1);
        let signed = format!("Dear members of the secretariat, {} {letter}", text(80, 2));
        let (a, b) = (Shingled::of(&tokens(&letter)), Shingled::of(&tokens(&signed)));
        assert!(containment(&a, &b) > 0.97, "{}", containment(&a, &b));
        assert_eq!(containment(&a, &b), containment(&b, &a));
        assert!(containment(&a, &Shingled::of(&tokens(&text(200, 3)))) < 0.05);
        let other = Shingled::of(&tokens(&text(200, 3)));
        for share in [0.0, 0.5, 0.8, 0.97, 1.0] {
            assert_eq!(contains_at_least(&a, &b, share), containment(&a, &b) >= share, "share {share}");
            assert_eq!(contains_at_least(&a, &other, share), containment(&a, &other) >= share, "share {share}");
        }
    }

    #[test]
    fn sketches_agree_as_often_as_the_sets_overlap() {
        let a = shingles(&tokens(&text(400, 4)));
        let b: Vec<u64> = a.iter().copied().filter(|s| s % 3 != 0).collect();
        let jaccard = b.len() as f64 / a.len() as f64;
        let (sa, sb) = (minhash(&a), minhash(&b));
        let estimate = sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f64 / HASHES as f64;
        assert!((estimate - jaccard).abs() < 0.12, "estimate {estimate}, Jaccard {jaccard}");
        let shared_bands = bands(&sa).iter().zip(bands(&sb).iter()).filter(|(x, y)| x == y).count();
        assert!(shared_bands > 0);
        assert_eq!(minhash(&a), minhash(&a.clone()), "fixed seeds");
    }
}
