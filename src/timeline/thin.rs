//! Thinning a row of marks for drawing: neighbours narrower than a pixel threshold are drawn
//! as one mark. A run of 200,000 tiny tasks under the GIL held the lock some 5,000 separate
//! times; drawn one rectangle (and one tooltip) each, its GIL row and concurrency strip took
//! about 10,000 SVG elements for a plot some 1,000 pixels wide, and the render needed tens of
//! megabytes at once. The lanes' bars (`layout`) and the strips above and under them
//! (`web::components::replay_strips`) group their marks by the same rule.

use std::ops::Range;

/// Groups of neighbouring marks to draw as one, by index. `marks` are `(x0, x1)` in pixels, in
/// order along one row. A mark narrower than `px` joins the group before it when the gap
/// between them is under `px` and that group is still narrower than `px`; a mark at least
/// `px` wide is always a group of its own. Each group, with the gap after it, covers at least
/// `px` — or is followed by a wide mark — so a row `w` pixels wide keeps at most about
/// `2·w/px` groups.
pub fn groups(marks: &[(f64, f64)], px: f64) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open group: its first mark, its left and right edges.
    let mut open: Option<(usize, f64, f64)> = None;
    for (i, &(x0, x1)) in marks.iter().enumerate() {
        let narrow = x1 - x0 < px;
        if let Some((first, left, right)) = open {
            if narrow && right - left < px && x0 - right < px {
                open = Some((first, left, right.max(x1)));
                continue;
            }
            out.push(first..i);
            open = None;
        }
        if narrow {
            open = Some((i, x0, x1));
        } else {
            out.push(i..i + 1);
        }
    }
    out.extend(open.map(|(first, ..)| first..marks.len()));
    out
}

/// The groups for one row of at most `max` of them: the threshold starts at `min_px` and
/// doubles until the row fits or the threshold reaches `width` (the plot's). Returns the groups
/// and the threshold, or `None` when every mark stays its own.
pub fn thin(
    marks: &[(f64, f64)],
    min_px: f64,
    max: usize,
    width: f64,
) -> (Vec<Range<usize>>, Option<f64>) {
    if marks.len() <= max {
        return ((0..marks.len()).map(|i| i..i + 1).collect(), None);
    }
    let mut px = if min_px > 0.0 { min_px } else { 0.5 };
    loop {
        let g = groups(marks, px);
        if g.len() <= max || px >= width || !width.is_finite() {
            return (g, Some(px));
        }
        px *= 2.0;
    }
}

/// The groups for a row `width` pixels wide: about one mark per pixel, none narrower than half
/// a pixel apart from its neighbours.
pub fn per_pixel(marks: &[(f64, f64)], width: f64) -> Vec<Range<usize>> {
    let most = width.clamp(1.0, 10_000.0) as usize;
    thin(marks, 0.5, most, width).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_neighbours_join_and_wide_marks_stay_alone() {
        // Three slivers close together, a wide mark, a sliver far off, two slivers close.
        let marks = [
            (0.0, 0.2),
            (0.3, 0.4),
            (0.5, 0.6),
            (1.0, 5.0),
            (9.0, 9.1),
            (20.0, 20.1),
            (20.2, 20.3),
        ];
        assert_eq!(groups(&marks, 1.0), vec![0..3, 3..4, 4..5, 5..7]);
        // At 0.15 px the first sliver (0.2 px) stands alone; the others still pair up.
        assert_eq!(groups(&marks, 0.15), vec![0..1, 1..3, 3..4, 4..5, 5..7]);
        // Under a threshold narrower than every mark, nothing joins.
        assert_eq!(
            groups(&marks, 0.05),
            vec![0..1, 1..2, 2..3, 3..4, 4..5, 5..6, 6..7]
        );
    }

    #[test]
    fn a_group_stops_growing_once_it_is_as_wide_as_the_threshold() {
        // Slivers 0.1 px wide every 0.2 px: groups of about one pixel each.
        let marks: Vec<(f64, f64)> = (0..50)
            .map(|i| (i as f64 * 0.2, i as f64 * 0.2 + 0.1))
            .collect();
        let g = groups(&marks, 1.0);
        assert!(g.len() >= 8 && g.len() <= 10, "{} groups", g.len());
        // Every mark is in exactly one group, in order.
        let flat: Vec<usize> = g.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(flat, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn thinning_keeps_a_row_under_its_cap_or_leaves_it_alone() {
        let marks: Vec<(f64, f64)> = (0..10_000)
            .map(|i| (i as f64 * 0.1, i as f64 * 0.1 + 0.05))
            .collect();
        let (g, px) = thin(&marks, 0.5, 800, 1_000.0);
        assert!(g.len() <= 800, "{} groups", g.len());
        assert!(px.is_some_and(|px| px >= 0.5));
        assert_eq!(g.first().map(|r| r.start), Some(0));
        assert_eq!(g.last().map(|r| r.end), Some(10_000));
        // Few enough marks: one group each, nothing merged.
        let (g, px) = thin(&marks[..100], 0.5, 800, 1_000.0);
        assert_eq!((g.len(), px), (100, None));
    }

    #[test]
    fn per_pixel_keeps_about_one_mark_a_pixel() {
        let marks: Vec<(f64, f64)> = (0..5_000)
            .map(|i| (i as f64 * 0.066, i as f64 * 0.066 + 0.03))
            .collect();
        let g = per_pixel(&marks, 330.0);
        assert!(g.len() <= 330 && g.len() >= 100, "{} marks", g.len());
        assert_eq!(per_pixel(&marks[..50], 330.0).len(), 50);
    }

    #[test]
    fn the_doubling_ends_at_the_plot_s_width() {
        // A cap of one mark: met only once the threshold is past the plot's 100 pixels.
        let marks: Vec<(f64, f64)> = (0..100).map(|i| (i as f64, i as f64 + 1.0)).collect();
        let (g, px) = thin(&marks, 0.5, 1, 100.0);
        assert_eq!((g.len(), g.first(), px), (1, Some(&(0..100)), Some(128.0)));
        // A cap that cannot be met ends there too.
        let wide: Vec<(f64, f64)> = (0..100).map(|i| (i as f64, i as f64 + 0.9)).collect();
        let (g, px) = thin(&wide, 0.5, 0, 100.0);
        assert_eq!((g.len(), px), (1, Some(128.0)));
    }
}
