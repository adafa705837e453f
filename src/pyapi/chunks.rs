//! `Pool.imap(f, items, chunksize)`: items go to the workers in chunks of `chunksize`, one
//! task per chunk, and results still come back one by one in item order. A chunk costs one
//! round of scheduling however many items it holds, which is the whole point for tiny tasks.
//!
//! The squares workload's `chunk` parameter is this chunk size: its tasks are exactly the
//! chunks below, so a run of it is an `imap` over `0..n`.

use super::futures::Record;

/// The chunks of `0..n` items: `[i·size, min((i + 1)·size, n))`.
pub fn chunks(n: u64, size: u64) -> Vec<(u64, u64)> {
    let size = size.max(1);
    (0..n.div_ceil(size))
        .map(|i| (i * size, ((i + 1) * size).min(n)))
        .collect()
}

/// `Pool.map`'s chunk size when none is given: about four chunks per worker
/// (`divmod(len, 4 * workers)`, rounded up). `imap`, `imap_unordered` and
/// `ProcessPoolExecutor.map` use 1 instead.
pub fn map_default_chunksize(items: u64, workers: u64) -> u64 {
    let per = 4 * workers.max(1);
    items.div_ceil(per).max(1)
}

/// When `imap` hands the caller the items of each chunk (ms after the start), in item order:
/// (first item, end, delivered at). A chunk is delivered once it and every chunk before it
/// are done.
pub fn imap_deliveries(rec: &Record, n: u64, size: u64) -> Vec<(u64, u64, f64)> {
    let (delivered, _) = rec.map();
    chunks(n, size)
        .into_iter()
        .zip(delivered)
        .map(|((lo, hi), c)| (lo, hi, c.at_ms))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::param::Values;
    use crate::workload::squares;

    #[test]
    fn chunks_cover_the_items_once_and_match_the_squares_tasks() {
        for (n, size) in [
            (1, 1),
            (10, 3),
            (10, 10),
            (10, 11),
            (200_000, 10_000),
            (7, 0),
        ] {
            let c = chunks(n, size);
            assert_eq!(c.first().unwrap().0, 0);
            assert_eq!(c.last().unwrap().1, n);
            assert!(c.windows(2).all(|w| w[0].1 == w[1].0));
            let values = Values::default()
                .with(&squares::N, n)
                .with(&squares::CHUNK, size);
            assert_eq!(
                (squares::DEF.plan)(&values).tasks.len(),
                c.len(),
                "{n}/{size}"
            );
        }
    }

    #[test]
    fn pool_map_estimates_four_chunks_per_worker() {
        assert_eq!(map_default_chunksize(200_000, 2), 25_000);
        assert_eq!(map_default_chunksize(10, 4), 1);
        assert_eq!(map_default_chunksize(17, 2), 3);
        assert_eq!(map_default_chunksize(0, 0), 1);
    }

    #[test]
    fn deliveries_follow_item_order() {
        use crate::pyapi::futures::tests::run;
        let rec = Record::from_output(&run(&[Some(400.0), Some(150.0), Some(300.0)], &[]));
        assert_eq!(
            imap_deliveries(&rec, 25, 10),
            vec![(0, 10, 300.0), (10, 20, 300.0), (20, 25, 300.0)]
        );
    }
}
