//! k-means on the map as Pol.is runs it. From scratch, the first k distinct points (in their
//! order) are the starting centres; from an earlier clustering (`last`), its clusters are
//! re-centred on the points as they are now, identical ones merged, and the most distant point
//! split off as a new cluster until there are k (Pol.is's `clean-start-clusters`), so groups
//! keep their identity from one computation to the next. Each step puts every point with its
//! nearest centre, drops a centre left with no point, and moves each centre to its points'
//! (weighted) mean; it stops when no centre moved by 0.01 or more. And the silhouette that
//! chooses the number of groups.

use std::collections::HashMap;

/// How far a centre may move in a step for the clustering to count as settled.
const SETTLED: f64 = 0.01;

/// A point to cluster: its key (a participant, or a base cluster's id), place and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub key: usize,
    pub place: [f64; 2],
    pub weight: f64,
}

/// A cluster: its id (kept from one computation to the next), its points' keys, its centre.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub id: usize,
    pub members: Vec<usize>,
    pub center: [f64; 2],
}

/// Clusters `points` into at most `k` clusters (fewer when there are fewer distinct points, or a
/// centre loses all its points), starting from `last` when given, in at most
/// `max_iterations + 1` steps.
pub fn kmeans(points: &[Point], k: usize, max_iterations: usize, last: Option<&[Cluster]>) -> Vec<Cluster> {
    let mut clusters = match last {
        Some(last) if !last.is_empty() => clean_start(points, last, k),
        _ => first_distinct(points, k),
    };
    for iteration in 0..=max_iterations {
        let next = step(points, &clusters);
        if iteration == max_iterations || settled(&clusters, &next) {
            return next;
        }
        clusters = next;
    }
    clusters
}

fn first_distinct(points: &[Point], k: usize) -> Vec<Cluster> {
    let mut centers: Vec<[f64; 2]> = Vec::with_capacity(k);
    for point in points {
        if centers.len() == k {
            break;
        }
        if !centers.contains(&point.place) {
            centers.push(point.place);
        }
    }
    centers.into_iter().enumerate().map(|(id, center)| Cluster { id, members: Vec::new(), center }).collect()
}

/// The weighted mean of these points' places; None if there are none.
fn mean<'a>(points: impl Iterator<Item = &'a Point>) -> Option<[f64; 2]> {
    let (mut x, mut y, mut total) = (0.0, 0.0, 0.0);
    for point in points {
        x += point.weight * point.place[0];
        y += point.weight * point.place[1];
        total += point.weight;
    }
    (total > 0.0).then(|| [x / total, y / total])
}

/// Pol.is's `clean-start-clusters`: `last` re-centred on the points as they are now (a cluster
/// none of whose points is left is dropped), clusters with the same centre merged, then the
/// point farthest from every centre split off as a cluster of its own, until there are as many
/// clusters as `k` allows.
fn clean_start(points: &[Point], last: &[Cluster], k: usize) -> Vec<Cluster> {
    let by_key: HashMap<usize, &Point> = points.iter().map(|p| (p.key, p)).collect();
    let recentred = |clusters: Vec<Cluster>| -> Vec<Cluster> {
        clusters
            .into_iter()
            .filter_map(|mut cluster| {
                cluster.members.retain(|m| by_key.contains_key(m));
                cluster.center = mean(cluster.members.iter().map(|m| by_key[m]))?;
                Some(cluster)
            })
            .collect()
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    for cluster in recentred(last.to_vec()) {
        match clusters.iter_mut().find(|c| c.center == cluster.center) {
            Some(same) => {
                if cluster.members.len() > same.members.len() {
                    same.id = cluster.id;
                }
                same.members.extend(cluster.members);
            }
            None => clusters.push(cluster),
        }
    }
    // How many clusters the points allow: k, or fewer distinct places (counted up to k).
    let mut distinct: Vec<[f64; 2]> = Vec::new();
    for point in points {
        if distinct.len() == k {
            break;
        }
        if !distinct.contains(&point.place) {
            distinct.push(point.place);
        }
    }
    let possible = distinct.len();
    loop {
        clusters = recentred(clusters);
        if clusters.len() >= possible || clusters.is_empty() {
            return clusters;
        }
        let farthest = points
            .iter()
            .map(|p| (clusters.iter().map(|c| distance(&p.place, &c.center)).fold(f64::INFINITY, f64::min), p))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((gap, outlier)) = farthest else { return clusters };
        if gap <= 0.0 {
            return clusters;
        }
        for cluster in &mut clusters {
            cluster.members.retain(|m| *m != outlier.key);
        }
        let id = clusters.iter().map(|c| c.id).max().map_or(0, |m| m + 1);
        clusters.push(Cluster { id, members: vec![outlier.key], center: outlier.place });
    }
}

/// Points per thread below which finding the nearest centres is not worth splitting.
const POINTS_PER_THREAD: usize = 8_192;

/// The index of the centre nearest to each point (the first on a tie).
fn nearest_centres(points: &[Point], clusters: &[Cluster]) -> Vec<Option<usize>> {
    let nearest = |point: &Point| {
        clusters
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| distance(&point.place, &a.center).total_cmp(&distance(&point.place, &b.center)))
            .map(|(i, _)| i)
    };
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(points.len() / POINTS_PER_THREAD);
    if threads <= 1 {
        return points.iter().map(nearest).collect();
    }
    std::thread::scope(|scope| {
        let running: Vec<_> = points
            .chunks(points.len().div_ceil(threads))
            .map(|chunk| scope.spawn(move || chunk.iter().map(nearest).collect::<Vec<_>>()))
            .collect();
        running
            .into_iter()
            .flat_map(|thread| thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    })
}

fn step(points: &[Point], clusters: &[Cluster]) -> Vec<Cluster> {
    let mut members: Vec<Vec<&Point>> = vec![Vec::new(); clusters.len()];
    for (point, nearest) in points.iter().zip(nearest_centres(points, clusters)) {
        if let Some(nearest) = nearest {
            members[nearest].push(point);
        }
    }
    members
        .into_iter()
        .zip(clusters)
        .filter_map(|(members, cluster)| {
            let center = mean(members.iter().copied())?;
            Some(Cluster { id: cluster.id, members: members.iter().map(|p| p.key).collect(), center })
        })
        .collect()
}

/// Whether no centre moved by `SETTLED` or more, comparing the centres in sorted order.
fn settled(before: &[Cluster], after: &[Cluster]) -> bool {
    let sorted = |clusters: &[Cluster]| {
        let mut centers: Vec<[f64; 2]> = clusters.iter().map(|c| c.center).collect();
        centers.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
        centers
    };
    sorted(before).iter().zip(sorted(after).iter()).all(|(a, b)| distance(a, b) < SETTLED)
}

pub fn distance(a: &[f64; 2], b: &[f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// The mean silhouette of a clustering of `places` into `groups` (each a list of indexes into
/// `places`): for each point, how much nearer it is to its own group than to the nearest other,
/// from −1 to 1; a point alone in its group counts 0.
pub fn silhouette(places: &[[f64; 2]], groups: &[Vec<usize>]) -> f64 {
    let mean_distance = |point: usize, members: &[usize]| {
        let others: Vec<f64> =
            members.iter().filter(|&&m| m != point).map(|&m| distance(&places[point], &places[m])).collect();
        if others.is_empty() { None } else { Some(others.iter().sum::<f64>() / others.len() as f64) }
    };
    let mut total = 0.0;
    let mut count = 0usize;
    for (g, group) in groups.iter().enumerate() {
        for &point in group {
            count += 1;
            let Some(a) = mean_distance(point, group) else { continue };
            let b = groups
                .iter()
                .enumerate()
                .filter(|(h, _)| *h != g)
                .filter_map(|(_, other)| mean_distance(point, other))
                .fold(f64::INFINITY, f64::min);
            let widest = a.max(b);
            if widest > 0.0 && widest.is_finite() {
                total += (b - a) / widest;
            }
        }
    }
    if count == 0 { 0.0 } else { total / count as f64 }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn points(places: &[[f64; 2]]) -> Vec<Point> {
        places.iter().enumerate().map(|(key, &place)| Point { key, place, weight: 1.0 }).collect()
    }

    #[test]
    fn two_clouds_make_two_clusters_and_a_clear_silhouette() {
        let mut places = Vec::new();
        for i in 0..20 {
            let jitter = f64::from(i % 5) * 0.1;
            places.push([-5.0 + jitter, jitter]);
            places.push([5.0 - jitter, -jitter]);
        }
        let clusters = kmeans(&points(&places), 2, 20, None);
        assert_eq!(clusters.len(), 2);
        assert!(clusters.iter().all(|c| c.members.len() == 20), "{clusters:?}");
        let groups: Vec<Vec<usize>> = clusters.iter().map(|c| c.members.clone()).collect();
        assert!(silhouette(&places, &groups) > 0.9);
    }

    #[test]
    fn weights_pull_a_centre_towards_the_heavier_point() {
        let mut weighted = points(&[[0.0, 0.0], [1.0, 0.0]]);
        weighted[0].weight = 3.0;
        assert_eq!(kmeans(&weighted, 1, 5, None)[0].center, [0.25, 0.0]);
    }

    #[test]
    fn a_clustering_started_from_the_last_keeps_its_ids_and_splits_off_the_farthest_point() {
        let first = kmeans(&points(&[[0.0, 0.0], [0.1, 0.0], [5.0, 0.0], [5.1, 0.0]]), 2, 20, None);
        // A newcomer far from both: asked for three, the clustering keeps the two and adds one.
        let now = points(&[[0.0, 0.0], [0.1, 0.0], [5.0, 0.0], [5.1, 0.0], [0.0, 9.0]]);
        let next = kmeans(&now, 3, 20, Some(&first));
        assert_eq!(next.len(), 3);
        for old in &first {
            let same = next.iter().find(|c| c.id == old.id).expect("the cluster kept its id");
            assert_eq!(same.members, old.members);
        }
        assert!(next.iter().any(|c| c.members == [4]), "{next:?}");
    }

    proptest! {
        /// Every point lands in exactly one cluster, and there are never more than k, from
        /// scratch or from an earlier clustering.
        #[test]
        fn every_point_is_in_one_cluster(places in prop::collection::vec((-10.0f64..10.0, -10.0f64..10.0), 1..60), k in 1usize..8) {
            let places: Vec<[f64; 2]> = places.into_iter().map(|(x, y)| [x, y]).collect();
            let all = points(&places);
            let earlier = kmeans(&all[..all.len().div_ceil(2)], k, 20, None);
            for last in [None, Some(earlier.as_slice())] {
                let clusters = kmeans(&all, k, 20, last);
                prop_assert!(clusters.len() <= k && !clusters.is_empty());
                let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
                seen.sort_unstable();
                prop_assert_eq!(seen, (0..places.len()).collect::<Vec<_>>());
                let groups: Vec<Vec<usize>> = clusters.iter().map(|c| c.members.clone()).collect();
                let s = silhouette(&places, &groups);
                prop_assert!((-1.0..=1.0).contains(&s));
            }
        }
    }
}
