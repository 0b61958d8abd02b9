//! The opinion map's geometry: participants' places fitted into a unit square (one scale for
//! both axes, so distances keep their meaning) and each group's convex hull, which every
//! renderer (SVG on the pages, the report's formats) draws.

/// Places fitted into [0, 1]², centred, the longer side filling it; all at one point go to the
/// centre.
pub fn fit(places: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let finite = places.iter().filter(|p| p[0].is_finite() && p[1].is_finite());
    let (mut low, mut high) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in finite {
        for axis in 0..2 {
            low[axis] = low[axis].min(p[axis]);
            high[axis] = high[axis].max(p[axis]);
        }
    }
    let span = (high[0] - low[0]).max(high[1] - low[1]);
    if !span.is_finite() || span <= 0.0 {
        return vec![[0.5, 0.5]; places.len()];
    }
    places
        .iter()
        .map(|p| {
            let mut fitted = [0.5; 2];
            for axis in 0..2 {
                let middle = (low[axis] + high[axis]) / 2.0;
                if p[axis].is_finite() {
                    fitted[axis] = 0.5 + (p[axis] - middle) / span;
                }
            }
            fitted
        })
        .collect()
}

/// The convex hull of `points`, counter-clockwise from the lowest-leftmost (Andrew's monotone
/// chain); fewer than three distinct points give themselves.
pub fn convex_hull(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut sorted: Vec<[f64; 2]> = points.iter().copied().filter(|p| p[0].is_finite() && p[1].is_finite()).collect();
    sorted.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    sorted.dedup();
    if sorted.len() < 3 {
        return sorted;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    let mut hull: Vec<[f64; 2]> = Vec::with_capacity(sorted.len() + 1);
    for pass in 0..2 {
        let start = hull.len();
        let points: Box<dyn Iterator<Item = &[f64; 2]>> =
            if pass == 0 { Box::new(sorted.iter()) } else { Box::new(sorted.iter().rev()) };
        for &p in points {
            while hull.len() >= start + 2 && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0 {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hull_of_a_square_with_inner_points_is_its_corners() {
        let points = [[0.0, 0.0], [1.0, 0.0], [0.5, 0.5], [1.0, 1.0], [0.0, 1.0], [0.2, 0.7], [1.0, 0.5]];
        assert_eq!(convex_hull(&points), [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]);
        assert_eq!(convex_hull(&[[1.0, 1.0], [1.0, 1.0]]), [[1.0, 1.0]]);
    }

    #[test]
    fn places_fill_the_square_on_one_scale() {
        let fitted = fit(&[[-2.0, 0.0], [2.0, 1.0], [0.0, f64::NAN]]);
        assert_eq!(fitted[0], [0.0, 0.375]);
        assert_eq!(fitted[1], [1.0, 0.625]);
        assert_eq!(fitted[2], [0.5, 0.5]);
        assert_eq!(fit(&[[3.0, 3.0]]), [[0.5, 0.5]]);
    }
}
