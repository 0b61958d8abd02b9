//! Shingles and their sketch: overlapping runs of `SHINGLE` tokens, each hashed; MinHash with
//! `HASHES` hash functions (multiply-shift, fixed seeds, so sketches are the same at every run);
//! and the LSH bands, `BANDS` keys of `ROWS` hashes each: two texts share a band's key with
//! probability 1 − (1 − J^ROWS)^BANDS for a Jaccard similarity J of their shingles.

/// Tokens per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions of the sketch, and how they are banded.
pub const HASHES: usize = 128;
pub const ROWS: usize = 4;
pub const BANDS: usize = HASHES / ROWS;

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: every input bit reaches every output bit.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The shingles of a text's tokens, hashed, sorted and without repeats. A text shorter than one
/// shingle is one shingle of all its tokens (none for no token).
pub fn shingles(tokens: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = if tokens.len() < SHINGLE {
        if tokens.is_empty() { Vec::new() } else { vec![hash_run(tokens)] }
    } else {
        tokens.windows(SHINGLE).map(hash_run).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn hash_run(run: &[u64]) -> u64 {
    run.iter().fold(0x9e37_79b9_7f4a_7c15, |h, t| mix(h ^ t))
}

/// The multipliers and offsets of the hash functions, drawn once from a fixed seed.
fn functions() -> &'static [(u64, u64); HASHES] {
    static FUNCTIONS: std::sync::OnceLock<[(u64, u64); HASHES]> = std::sync::OnceLock::new();
    FUNCTIONS.get_or_init(|| {
        let mut state = 0x5eed_0fca_4a16_u64;
        std::array::from_fn(|_| {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let a = mix(state) | 1;
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            (a, mix(state))
        })
    })
}

/// The MinHash sketch of a set of shingles: for each hash function, the least value it takes.
pub fn minhash(shingles: &[u64]) -> [u64; HASHES] {
    let mut sketch = [u64::MAX; HASHES];
    let functions = functions();
    for &s in shingles {
        for (slot, (a, b)) in sketch.iter_mut().zip(functions) {
            let value = a.wrapping_mul(s).wrapping_add(*b);
            if value < *slot {
                *slot = value;
            }
        }
    }
    sketch
}

/// The band keys of a sketch: each band's rows hashed together, with the band's number, so that
/// keys of different bands never meet.
pub fn bands(sketch: &[u64; HASHES]) -> [u64; BANDS] {
    std::array::from_fn(|band| {
        let rows = &sketch[band * ROWS..(band + 1) * ROWS];
        rows.iter().fold(mix(band as u64 + 1), |h, r| mix(h ^ r))
    })
}

/// How much of the smaller set the larger holds: 1 when one text is the other with something
/// added before or after it. Both sorted, without repeats.
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / smaller as f64
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
        let (a, b) = (shingles(&tokens(&letter)), shingles(&tokens(&signed)));
        assert!(containment(&a, &b) > 0.97, "{}", containment(&a, &b));
        assert!(containment(&a, &shingles(&tokens(&text(200, 3)))) < 0.05);
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
