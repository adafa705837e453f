//! The progress record: counting, its stored text (and what is corrupt), steps, continue.

use super::*;

fn ids() -> Vec<&'static str> {
    lessons::all().iter().map(|l| l.id()).collect()
}

#[test]
fn opening_and_running_are_counted_per_lesson() {
    let [a, b] = [ids()[2], ids()[3]];
    let mut p = Progress::default();
    p.open(a);
    p.open(a);
    p.ran(b);
    p.ran(b);
    p.open("not-a-lesson");
    p.ran("not-a-lesson");
    assert!(p.opened(a) && p.opened(b));
    assert_eq!((p.demos(a), p.demos(b)), (0, 2));
    assert_eq!((p.opened_count(), p.demos_total()), (2, 2));
}

#[test]
fn round_trips_through_its_text() {
    let mut p = Progress::default();
    for (i, id) in ids().into_iter().enumerate() {
        p.open(id);
        for _ in 0..i {
            p.ran(id);
        }
    }
    let text = p.encode();
    assert!(text.len() < MAX_STORED / 4, "{}", text.len());
    assert_eq!(Progress::decode(&text), Loaded::Restored(p));
    assert_eq!(
        Progress::decode("p1"),
        Loaded::Restored(Progress::default())
    );
    assert_eq!(
        Progress::decode("p2"),
        Loaded::Restored(Progress::default())
    );
}

#[test]
fn anything_malformed_is_corrupt_never_half_read() {
    let good = format!("p1;{}=2", ids()[0]);
    assert!(matches!(Progress::decode(&good), Loaded::Restored(_)));
    for bad in [
        "",
        "{\"opened\":[1,2]}",
        "p3;01-x=1",
        "p1;",
        &format!("{good};{}", ids()[1]),
        &format!("{good};{}=-1", ids()[1]),
        &format!("{good};{}=1e3", ids()[1]),
        &format!("{good};{}=12345678", ids()[1]),
        "p1;<script>=1",
        &format!("p1;{}=1", "a".repeat(41)),
        &"p1;01-x=1".repeat(1_000),
        "p1;03-sync-vs-async=2\u{0}",
    ] {
        assert_eq!(Progress::decode(bad), Loaded::Corrupt, "{bad:?}");
    }
}

#[test]
fn unknown_lessons_are_dropped_and_counts_capped() {
    let a = ids()[0];
    let text = format!("p1;{a}=999999;99-from-the-future=3");
    let Loaded::Restored(p) = Progress::decode(&text) else {
        panic!("{text}")
    };
    assert_eq!(p.demos(a), MAX_DEMOS);
    assert_eq!(p.opened_count(), 1);
}

#[test]
fn state_resets_on_corruption_with_a_notice_and_on_request() {
    let a = ids()[0].to_string();
    let s = ProgressState::default()
        .apply(ProgressAction::Loaded(Loaded::Corrupt))
        .apply(ProgressAction::Opened(a.clone()))
        .apply(ProgressAction::Ran(a.clone()));
    assert_eq!(s.notice, Some(ProgressNotice::Reset));
    assert_eq!(s.progress.demos(&a), 1);
    let s = s.apply(ProgressAction::Reset);
    assert!(s.progress.is_empty());
    assert_eq!(s.notice, None);
    let s = s
        .apply(ProgressAction::SaveFailed)
        .apply(ProgressAction::SaveFailed);
    assert_eq!(s.notice, Some(ProgressNotice::CannotSave));
    assert_eq!(s.apply(ProgressAction::DismissNotice).notice, None);
}

#[test]
fn steps_keep_seen_ran_and_the_guess_across_a_reload() {
    let (id, steps) = ids()
        .into_iter()
        .map(|id| (id, course::steps(id)))
        .find(|(_, s)| s.len() >= 2)
        .expect("a lesson with steps");
    let (a, b) = (steps[0].key().to_string(), steps[1].key().to_string());
    let s = ProgressState::default()
        .apply(ProgressAction::StepSeen(id.into(), a.clone()))
        .apply(ProgressAction::Guessed(
            id.into(),
            a.clone(),
            Guess::Picked(2),
        ))
        .apply(ProgressAction::StepRan(id.into(), a.clone()))
        .apply(ProgressAction::Guessed(
            id.into(),
            b.clone(),
            Guess::Skipped,
        ))
        .apply(ProgressAction::StepSeen(id.into(), "no-such-step".into()));
    let p = s.progress;
    assert_eq!(
        p.step(id, &a),
        StepMark {
            seen: true,
            ran: true,
            guess: Some(Guess::Picked(2))
        }
    );
    assert_eq!(p.step(id, &b).guess, Some(Guess::Skipped));
    assert!(p.opened(id));
    assert_eq!(p.steps_seen(id), 1);
    assert_eq!(p.continue_at(), Some((id, 1)));
    let text = p.encode();
    assert!(text.contains(&format!(";{id}/{a}=s,r,g3")), "{text}");
    assert_eq!(Progress::decode(&text), Loaded::Restored(p));
}

#[test]
fn old_records_still_load_and_bad_step_flags_are_corrupt() {
    let id = ids()[0];
    let Loaded::Restored(p) = Progress::decode(&format!("p1;{id}=3")) else {
        panic!("a p1 record must load")
    };
    assert_eq!(p.demos(id), 3);
    for bad in [
        format!("p1;{id}/a-step=s"),
        format!("p2;{id}/a-step=x"),
        format!("p2;{id}/a-step=g0"),
        format!("p2;{id}/a-step=g99"),
        format!("p2;{id}/Bad=s"),
    ] {
        assert_eq!(Progress::decode(&bad), Loaded::Corrupt, "{bad:?}");
    }
    // A step this version does not have (renamed, from a newer version) is dropped.
    assert_eq!(
        Progress::decode(&format!("p2;{id}/gone-step=s,r")),
        Loaded::Restored(Progress::default())
    );
}

#[test]
fn continue_moves_on_once_a_lesson_is_all_seen() {
    let mut p = Progress::default();
    assert_eq!(p.continue_at(), None, "nothing seen: no continue");
    let first = ids()[0];
    for s in course::steps(first) {
        p.mark(first, s.key(), |m| m.seen = true);
    }
    let next = ids()[1];
    assert_eq!(p.continue_at(), Some((next, 0)));
}
