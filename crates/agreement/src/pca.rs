//! The first two principal components of the votes, by power iteration over the sparse matrix
//! (a missing vote counts as the statement's mean, so once the votes are centred it is zero and
//! costs nothing), and each participant's place on the map by Pol.is's sparsity-aware
//! projection.

use crate::matrix::VoteMatrix;

/// Power iterations at most per component, as Pol.is runs them.
const ITERATIONS: usize = 100;
/// A component whose entries all moved less than this in a step has converged: the map moves by
/// far less than k-means can notice, and the steps Pol.is would still take change nothing.
const CONVERGED: f64 = 1e-9;

/// The centre of the votes and the first two principal components.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    /// Each statement's mean vote (0 for one nobody voted on, or withdrawn).
    pub center: Vec<f64>,
    pub components: [Vec<f64>; 2],
}

/// The centred votes, row by row (compressed sparse rows): participant p's votes are
/// `statements[offsets[p]..offsets[p + 1]]` with `values` vote − the statement's mean.
struct CentredRows {
    offsets: Vec<usize>,
    statements: Vec<u32>,
    values: Vec<f64>,
}

impl CentredRows {
    fn rows(&self) -> impl Iterator<Item = (&[u32], &[f64])> {
        self.offsets.windows(2).map(|w| (&self.statements[w[0]..w[1]], &self.values[w[0]..w[1]]))
    }
}

fn sparse_dot(statements: &[u32], values: &[f64], v: &[f64]) -> f64 {
    statements.iter().zip(values).map(|(&j, x)| x * v[j as usize]).sum()
}

/// The principal components of `matrix`'s votes.
pub fn pca(matrix: &VoteMatrix) -> Pca {
    pca_from(matrix, None)
}

/// The principal components, the power iterations starting from `last` (the components of the
/// same conversation with fewer votes; a statement new since gets 1), as Pol.is starts them:
/// where the first eigenvalues are close, the components go on from where they were.
pub fn pca_from(matrix: &VoteMatrix, last: Option<&[Vec<f64>; 2]>) -> Pca {
    let n = matrix.statements();
    let mut sums = vec![0.0; n];
    let mut counts = vec![0u64; n];
    for participant in 0..matrix.participants() {
        for &(statement, vote) in matrix.votes_of(participant) {
            let j = statement as usize;
            if !matrix.is_withdrawn(j) {
                sums[j] += vote.value();
                counts[j] += 1;
            }
        }
    }
    let center: Vec<f64> =
        sums.iter().zip(&counts).map(|(sum, count)| if *count == 0 { 0.0 } else { sum / *count as f64 }).collect();
    let mut rows = CentredRows { offsets: vec![0], statements: Vec::new(), values: Vec::new() };
    for participant in 0..matrix.participants() {
        for &(statement, vote) in matrix.votes_of(participant) {
            if !matrix.is_withdrawn(statement as usize) {
                rows.statements.push(statement);
                rows.values.push(vote.value() - center[statement as usize]);
            }
        }
        rows.offsets.push(rows.statements.len());
    }
    // With few statements, XᵀX is small and each step costs a dense product instead of a pass
    // over every vote.
    let gram = (n <= GRAM_STATEMENTS).then(|| gram(&rows, n));
    // The whole variance: an eigenvalue that is a rounding error of it is no component at all.
    let variance: f64 = rows.values.iter().map(|x| x * x).sum();
    let floor = variance * 1e-12;
    let start = |which: usize, seed: u64| match last.map(|l| &l[which]) {
        // A zero component (no variance yet) gives no direction to start from.
        Some(component) if component.iter().any(|x| *x != 0.0) => {
            (0..n).map(|j| component.get(j).copied().unwrap_or(1.0)).collect()
        }
        _ => seed_vector(n, seed),
    };
    let first = power_iteration(&rows, gram.as_deref(), n, None, start(0, 0x9E37_79B9_7F4A_7C15), floor);
    let second = power_iteration(&rows, gram.as_deref(), n, Some(&first), start(1, 0xD1B5_4A32_D192_ED03), floor);
    Pca { center, components: [first, second] }
}

/// Statements up to which XᵀX is computed once (2,048² values: 32 MiB).
const GRAM_STATEMENTS: usize = 2_048;

/// XᵀX, dense, row-major: each participant's votes add their products, split across threads.
fn gram(rows: &CentredRows, n: usize) -> Vec<f64> {
    let participants = rows.offsets.len() - 1;
    let threads = threads_for(participants);
    let chunk = participants.div_ceil(threads);
    let part = |from: usize, to: usize| {
        let mut g = vec![0.0; n * n];
        for i in from..to {
            let (start, end) = (rows.offsets[i], rows.offsets[i + 1]);
            let (statements, values) = (&rows.statements[start..end], &rows.values[start..end]);
            for (a, (&j, x)) in statements.iter().zip(values).enumerate() {
                let line = &mut g[j as usize * n..(j as usize + 1) * n];
                for (&k, y) in statements[a..].iter().zip(&values[a..]) {
                    line[k as usize] += x * y;
                }
            }
        }
        g
    };
    let mut g = in_parts(participants, threads, chunk, &part)
        .into_iter()
        .reduce(|mut sum, g| {
            sum.iter_mut().zip(g).for_each(|(s, x)| *s += x);
            sum
        })
        .unwrap_or_else(|| vec![0.0; n * n]);
    // Only the upper triangle was summed (rows are sorted by statement): mirror it.
    for j in 0..n {
        for k in 0..j {
            g[j * n + k] = g[k * n + j];
        }
    }
    g
}

/// How many threads a pass over `participants` rows is worth.
fn threads_for(participants: usize) -> usize {
    std::thread::available_parallelism().map_or(1, |t| t.get()).min(participants / ROWS_PER_THREAD).max(1)
}

/// Runs `part` over `threads` slices of `0..participants` of `chunk` rows, on scoped threads.
fn in_parts<T: Send>(
    participants: usize,
    threads: usize,
    chunk: usize,
    part: &(dyn Fn(usize, usize) -> T + Sync),
) -> Vec<T> {
    if threads == 1 {
        return vec![part(0, participants)];
    }
    std::thread::scope(|scope| {
        let running: Vec<_> = (0..threads)
            .map(|t| {
                let (from, to) = (t * chunk, ((t + 1) * chunk).min(participants));
                scope.spawn(move || part(from, to))
            })
            .collect();
        running
            .into_iter()
            .map(|thread| thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

/// Each participant's place on the map: their centred votes projected on the components, scaled
/// by √(statements ÷ votes cast) so that someone who voted on few statements is not drawn to
/// the centre for what they did not say. Statements nobody voted on are not counted; a withdrawn
/// one counts as a vote by everyone (its column is zero), as in Pol.is.
pub fn project(matrix: &VoteMatrix, pca: &Pca) -> Vec<[f64; 2]> {
    let voted = matrix.voted_statements();
    let columns = voted.iter().filter(|v| **v).count();
    let withdrawn = (0..matrix.statements()).filter(|j| voted[*j] && matrix.is_withdrawn(*j)).count();
    let [first, second] = &pca.components;
    (0..matrix.participants())
        .map(|participant| {
            let mut votes = withdrawn;
            let (mut x, mut y) = (0.0, 0.0);
            for &(statement, vote) in matrix.votes_of(participant) {
                let j = statement as usize;
                if matrix.is_withdrawn(j) {
                    continue;
                }
                votes += 1;
                let centred = vote.value() - pca.center[j];
                x += centred * first[j];
                y += centred * second[j];
            }
            let scale = (columns as f64 / votes.max(1) as f64).sqrt();
            [x * scale, y * scale]
        })
        .collect()
}

/// The leading eigenvector of XᵀX for the centred rows X, after `deflated` (a unit vector) is
/// taken out of every row, by power iteration as Pol.is runs it (zero when its eigenvalue is no
/// more than `floor`, a rounding error): at most `ITERATIONS` more
/// steps, stopping when the eigenvalue repeats exactly, or (here) when the vector has converged
/// (`CONVERGED`), which gives the same map sooner. Zero if the rows hold
/// no variance.
fn power_iteration(
    rows: &CentredRows,
    gram: Option<&[f64]>,
    n: usize,
    deflated: Option<&[f64]>,
    start: Vec<f64>,
    floor: f64,
) -> Vec<f64> {
    // Each row's component along `deflated`: fixed, so computed once.
    let along: Vec<f64> = match (deflated, gram) {
        (Some(p), None) => rows.rows().map(|(statements, values)| sparse_dot(statements, values, p)).collect(),
        _ => Vec::new(),
    };
    let mut vector = normalised(start).unwrap_or_else(|| vec![0.0; n]);
    let mut last = 0.0;
    for _ in 0..=ITERATIONS {
        let product = match gram {
            Some(g) => times_dense_gram(g, n, deflated, &vector),
            None => times_gram(rows, n, deflated, &along, &vector),
        };
        let eigenvalue = norm(&product);
        if eigenvalue <= floor {
            return vec![0.0; n];
        }
        let Some(next) = normalised(product) else { return vec![0.0; n] };
        let moved: f64 = next.iter().zip(&vector).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        vector = next;
        if eigenvalue == last || moved < CONVERGED {
            break;
        }
        last = eigenvalue;
    }
    vector
}

/// Rows per thread below which a product is not worth splitting.
const ROWS_PER_THREAD: usize = 4_096;

/// XᵀX v, where X's rows are `rows` with `deflated` (p) taken out: each row r becomes
/// r − (r·p) p (`along` holds each r·p), written out so the rows stay sparse. Large matrices are
/// split by rows across the machine's threads, each summing its own part.
fn times_gram(rows: &CentredRows, n: usize, deflated: Option<&[f64]>, along: &[f64], v: &[f64]) -> Vec<f64> {
    let participants = rows.offsets.len() - 1;
    let threads = threads_for(participants);
    let p_dot_v = deflated.map_or(0.0, |p| dot(p, v));
    let part = |from: usize, to: usize| {
        let mut out = vec![0.0; n];
        let mut along_p = 0.0;
        for i in from..to {
            let (start, end) = (rows.offsets[i], rows.offsets[i + 1]);
            let (statements, values) = (&rows.statements[start..end], &rows.values[start..end]);
            let r_dot_p = along.get(i).copied().unwrap_or(0.0);
            let s = sparse_dot(statements, values, v) - r_dot_p * p_dot_v;
            for (&j, x) in statements.iter().zip(values) {
                out[j as usize] += s * x;
            }
            along_p += s * r_dot_p;
        }
        (out, along_p)
    };
    let parts = in_parts(participants, threads, participants.div_ceil(threads), &part);
    let mut out = vec![0.0; n];
    let mut along_p = 0.0;
    for (partial, a) in parts {
        out.iter_mut().zip(partial).for_each(|(o, x)| *o += x);
        along_p += a;
    }
    if let Some(p) = deflated {
        for (o, pj) in out.iter_mut().zip(p) {
            *o -= along_p * pj;
        }
    }
    out
}

/// (I − ppᵀ) G (I − ppᵀ) v for the dense XᵀX `g`: the same product as `times_gram`.
fn times_dense_gram(g: &[f64], n: usize, deflated: Option<&[f64]>, v: &[f64]) -> Vec<f64> {
    let u: Vec<f64> = match deflated {
        Some(p) => {
            let p_dot_v = dot(p, v);
            v.iter().zip(p).map(|(x, pj)| x - p_dot_v * pj).collect()
        }
        None => v.to_vec(),
    };
    let mut w: Vec<f64> = (0..n).map(|j| dot(&g[j * n..(j + 1) * n], &u)).collect();
    if let Some(p) = deflated {
        let p_dot_w = dot(p, &w);
        w.iter_mut().zip(p).for_each(|(x, pj)| *x -= p_dot_w * pj);
    }
    w
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}

fn normalised(mut v: Vec<f64>) -> Option<Vec<f64>> {
    let length = norm(&v);
    if length == 0.0 || !length.is_finite() {
        return None;
    }
    v.iter_mut().for_each(|x| *x /= length);
    Some(v)
}

/// A fixed starting vector with entries in [0, 1) (Pol.is starts from random ones): the same
/// votes give the same components.
fn seed_vector(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            // SplitMix64.
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            (z >> 11) as f64 / (1u64 << 53) as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::Vote;

    /// Two camps voting opposite ways on four statements: the first component separates them.
    #[test]
    fn the_first_component_separates_two_camps() {
        let mut m = VoteMatrix::new(4);
        for camp in [Vote::Agree, Vote::Disagree] {
            let other = if camp == Vote::Agree { Vote::Disagree } else { Vote::Agree };
            for _ in 0..10 {
                m.push_participant([(0, camp), (1, camp), (2, other), (3, Vote::Pass)]);
            }
        }
        let pca = pca(&m);
        let places = project(&m, &pca);
        let (a, b) = (places[0][0], places[10][0]);
        assert!(a * b < 0.0 && (a - b).abs() > 1.0, "{a} {b}");
        assert!(places[0][1].abs() < 1e-6, "no second axis in the data: {:?}", places[0]);
        // A participant who voted on half of it lands as far out as one who voted on all.
        let half = m.push_participant([(0, Vote::Agree), (2, Vote::Disagree)]);
        let places = project(&m, &pca);
        assert!((places[half][0] - places[0][0]).abs() < 0.5 * places[0][0].abs(), "{places:?}");
    }

    #[test]
    fn the_components_are_unit_vectors_orthogonal_to_each_other() {
        let mut m = VoteMatrix::new(6);
        for p in 0..40usize {
            let votes = (0..6).filter(|j| (p * 7 + j * 3) % 5 != 0).map(|j| {
                (
                    j,
                    match (p * j + p / 3) % 3 {
                        0 => Vote::Agree,
                        1 => Vote::Disagree,
                        _ => Vote::Pass,
                    },
                )
            });
            m.push_participant(votes.collect::<Vec<_>>());
        }
        let pca = pca(&m);
        let [a, b] = &pca.components;
        assert!((norm(a) - 1.0).abs() < 1e-9 && (norm(b) - 1.0).abs() < 1e-9);
        assert!(dot(a, b).abs() < 1e-6, "{}", dot(a, b));
    }
}
