//! Two tabs of the app share one stored history. Each tab saves its whole list on every change,
//! and the browser tells the *other* tabs (the `storage` event), which take what was stored.
//! Two tabs that finish runs within the same few milliseconds each save before hearing of the
//! other, and the later save would write over the earlier one's run.
//!
//! So a tab does not simply take what another stored: it merges ([`merge`]). Runs it has that
//! storage lacks are put back — unless storage says they were removed on purpose. That is what
//! [`Decoded::since`] says: runs that started before it were cleared, or fell off the end of
//! the list (the cap, or storage too full for all of them). With runs only ever added, and
//! removed only below a mark that only rises, the tabs agree after one more save, whatever
//! the order they heard of each other in.

use super::{Decoded, Entry, MAX_ENTRIES};

/// Whether `a` and `b` are the same run, whatever id each tab gave it.
pub fn same_run(a: &Entry, b: &Entry) -> bool {
    a.at_ms == b.at_ms
        && a.config == b.config
        && a.executor == b.executor
        && a.wall_ms == b.wall_ms
        && a.outcome == b.outcome
}

/// What this tab's history becomes when another tab stored `stored`.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Oldest first, at most [`MAX_ENTRIES`], ids not yet renumbered.
    pub entries: Vec<Entry>,
    /// Runs that started before this were removed (see [`Decoded::since`]).
    pub since: f64,
    /// Storage lacks some of `entries`, or holds runs this tab knows were removed: save.
    pub save: bool,
}

/// Merges this tab's `ours` (with its own removal mark `since`) and what another tab stored:
/// every run either knows of, but none that started before either mark, the newest
/// [`MAX_ENTRIES`] of them, in the order the runs started.
pub fn merge(ours: &[Entry], since: f64, stored: Decoded) -> Merged {
    let mut since = since.max(stored.since);
    let stored_count = stored.entries.len();
    let mut entries: Vec<Entry> = stored
        .entries
        .into_iter()
        .filter(|e| e.at_ms >= since)
        .collect();
    let mut save = entries.len() < stored_count;
    for e in ours.iter().filter(|e| e.at_ms >= since) {
        if !entries.iter().any(|s| same_run(s, e)) {
            entries.push(e.clone());
            save = true;
        }
    }
    // Stable: runs that started together keep the order storage had them in.
    entries.sort_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
    if entries.len() > MAX_ENTRIES {
        entries.drain(..entries.len() - MAX_ENTRIES);
        since = since.max(entries[0].at_ms);
    }
    Merged {
        entries,
        since,
        save,
    }
}

#[cfg(test)]
mod tests {
    use super::super::codec::{decode, encode_stored};
    use super::super::tests::{entry, opened};
    use super::super::{History, HistoryAction};
    use super::*;

    /// A run that started at `at_ms` (whole ms here, which also make unique ids).
    fn run(at_ms: f64) -> Entry {
        Entry {
            at_ms,
            ..entry(at_ms as u64)
        }
    }

    fn starts(entries: &[Entry]) -> Vec<f64> {
        entries.iter().map(|e| e.at_ms).collect()
    }

    /// What a tab holding `entries` with mark `since` would store, read back.
    fn stored(entries: &[Entry], since: f64) -> Decoded {
        decode(&encode_stored(entries, since))
    }

    #[test]
    fn the_mark_is_a_line_of_its_own() {
        let text = encode_stored(&[run(3.0)], 2.5);
        assert!(text.starts_with("v=1&since=2.5\n"), "{text}");
        let d = decode(&text);
        assert_eq!((d.since, d.entries.len(), d.dropped), (2.5, 1, 0));
        let bad = decode("v=1&since=oops\nv=1&since=-4\nv=2&since=1");
        assert_eq!((bad.since, bad.dropped), (0.0, 3));
        assert_eq!(encode_stored(&[], 0.0), "");
    }

    #[test]
    fn a_run_written_over_by_another_tab_is_put_back() {
        // Both tabs had run 1. A stored 1 + 2; B, not yet told, stored 1 + 3 over it.
        let a = [run(1.0), run(2.0)];
        let m = merge(&a, 0.0, stored(&[run(1.0), run(3.0)], 0.0));
        assert_eq!(starts(&m.entries), [1.0, 2.0, 3.0]);
        assert!(m.save, "storage lacks run 2: A saves again");
        // B hears of A's save: it has nothing storage lacks, so it does not save.
        let b = [run(1.0), run(3.0)];
        let m2 = merge(&b, 0.0, stored(&m.entries, m.since));
        assert_eq!(starts(&m2.entries), [1.0, 2.0, 3.0]);
        assert!(!m2.save);
    }

    #[test]
    fn the_same_run_under_another_id_is_one_run() {
        let ours = [Entry { id: 7, ..run(5.0) }];
        let theirs = [Entry { id: 2, ..run(5.0) }];
        let m = merge(&ours, 0.0, stored(&theirs, 0.0));
        assert_eq!(m.entries.len(), 1);
        assert!(!m.save);
        // A different run that started in the same millisecond is another run.
        let other = [Entry {
            wall_ms: 1.0,
            ..run(5.0)
        }];
        assert_eq!(merge(&other, 0.0, stored(&theirs, 0.0)).entries.len(), 2);
    }

    #[test]
    fn a_clear_in_another_tab_is_not_undone() {
        // B cleared at 10: storage holds no runs and the mark. A's runs all started before.
        let a = [run(1.0), run(2.0)];
        let m = merge(&a, 0.0, stored(&[], 10.0));
        assert!(m.entries.is_empty() && !m.save);
        assert_eq!(m.since, 10.0);
        // A run that started after the clear (B's, or A's own) is kept.
        let m = merge(&[run(1.0), run(12.0)], 0.0, stored(&[run(11.0)], 10.0));
        assert_eq!(starts(&m.entries), [11.0, 12.0]);
        assert!(m.save);
        // A tab that cleared drops what another, not yet told, stored from before the clear.
        let m = merge(&[run(11.0)], 10.0, stored(&[run(1.0), run(11.0)], 0.0));
        assert_eq!(starts(&m.entries), [11.0]);
        assert!(m.save, "storage still holds the cleared run");
    }

    #[test]
    fn runs_that_fell_off_the_list_stay_off_and_tabs_do_not_save_back_and_forth() {
        // Storage was full: A wrote only its newest two runs, and the mark at the older one.
        let b = [run(1.0), run(2.0), run(3.0), run(4.0)];
        let m = merge(&b, 0.0, stored(&[run(3.0), run(4.0)], 3.0));
        assert_eq!(starts(&m.entries), [3.0, 4.0]);
        assert!(!m.save, "B would only be refused the same way");
    }

    #[test]
    fn the_merged_list_is_capped_and_the_mark_follows() {
        let ours: Vec<Entry> = (0..MAX_ENTRIES).map(|i| run(2.0 * i as f64)).collect();
        let theirs: Vec<Entry> = (0..MAX_ENTRIES)
            .map(|i| run(2.0 * i as f64 + 1.0))
            .collect();
        let m = merge(&ours, 0.0, stored(&theirs, 0.0));
        assert_eq!(m.entries.len(), MAX_ENTRIES);
        assert_eq!(m.since, MAX_ENTRIES as f64);
        assert_eq!(m.entries[0].at_ms, MAX_ENTRIES as f64);
        // The other tab, told of it, keeps the same list: they agree.
        let m2 = merge(&theirs, 0.0, stored(&m.entries, m.since));
        assert_eq!(starts(&m2.entries), starts(&m.entries));
        assert!(!m2.save);
    }

    /// What `h` saves, as another tab reads it.
    fn stored_by(h: &History) -> Decoded {
        stored(&h.entries, h.since)
    }

    #[test]
    fn two_tabs_add_to_one_history_instead_of_writing_over_each_other() {
        // Both tabs open on the same stored history; storage is the encoded text between them.
        let mut a = opened(vec![run(1.0)], 0);
        let mut b = opened(vec![run(1.0)], 0);
        b = b.apply(HistoryAction::TogglePick(1));
        a.push(run(2.0));
        // B hears of A's save and takes it, keeping its pick; nothing new to save.
        let revision = b.revision;
        b = b.apply(HistoryAction::Synced(stored_by(&a)));
        assert_eq!(b.revision, revision);
        assert_eq!(b.entries, a.entries);
        assert_eq!(b.picked, vec![1]);
        // B's next run goes after A's: both are kept, ids still increasing.
        b.push(run(3.0));
        let ids: Vec<u64> = b.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        // A clears: B's picks of entries that are gone go too, and B does not put them back.
        let a = a.apply(HistoryAction::Clear { at_ms: 4.0 });
        let revision = b.revision;
        let b = b.apply(HistoryAction::Synced(stored_by(&a)));
        assert!(b.entries.is_empty() && b.picked.is_empty());
        assert_eq!(b.revision, revision, "nothing to save");
    }

    #[test]
    fn two_runs_saved_at_once_in_two_tabs_are_both_kept() {
        let mut a = opened(vec![run(1.0)], 0);
        let mut b = opened(vec![run(1.0)], 0);
        // Each finishes a run and saves before hearing of the other: B's save lands last.
        a.push(run(2.0));
        b.push(run(3.0));
        a = a.apply(HistoryAction::TogglePick(2));
        // A hears of B's save: A's run is missing from storage, so A puts it back and saves.
        let revision = a.revision;
        a = a.apply(HistoryAction::Synced(stored_by(&b)));
        assert!(a.revision > revision);
        assert_eq!(starts(&a.entries), [1.0, 2.0, 3.0]);
        let ids: Vec<u64> = a.entries.iter().map(|e| e.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        // A's pick follows its run.
        assert_eq!(a.get(a.picked[0]).map(|e| e.at_ms), Some(2.0));
        // B hears of that save (and of A's first one, late): it takes the same list, saves nothing.
        let revision = b.revision;
        b = b.apply(HistoryAction::Synced(stored_by(&a)));
        assert_eq!(b.entries, a.entries);
        assert_eq!(b.revision, revision);
    }
}
