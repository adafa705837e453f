//! Local history: every finished run, kept in the browser so the learner can reopen, compare and
//! export past runs. This module is the pure model: what one [`Entry`] keeps, the list with its
//! cap and its notices ([`History`], changed only through [`HistoryAction`]s), the storage
//! format ([`codec`]: one line per entry, so one bad line never loses the others), comparing two
//! entries ([`compare`]) and the CSV / JSON exports ([`export`]). Reading and writing the
//! browser's storage, and downloads, are `web::history_store`'s.

pub mod codec;
pub mod compare;
pub mod export;
pub mod files;
pub(crate) mod json;
pub mod sync;
#[cfg(test)]
mod tests;
pub mod time;

use crate::engine::{RunEnd, RunOutput};
use crate::executor::Executor;
use crate::i18n::answers::Said;
use crate::link::Lang;

pub use codec::Decoded;

/// The most entries kept: the oldest go first. About 400 bytes each, so the whole history stays
/// well under 100 KB of the browser's ~5 MB per site.
pub const MAX_ENTRIES: usize = 200;
/// Free text (a summary, a failure, the browser's name) is cut to this many characters.
pub const MAX_TEXT: usize = 160;

/// How a kept run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Completed,
    Cancelled,
    Failed(String),
}

impl Outcome {
    pub fn from_end(end: &RunEnd) -> Self {
        match end {
            RunEnd::Completed => Outcome::Completed,
            RunEnd::Cancelled => Outcome::Cancelled,
            RunEnd::Failed(why) => Outcome::Failed(cut(why)),
        }
    }

    /// A stable name (storage, exports, `data-state`).
    pub fn tag(&self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Cancelled => "cancelled",
            Outcome::Failed(_) => "failed",
        }
    }
}

/// Where the run ran: what makes timings comparable (or not) across entries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Environment {
    /// `navigator.hardwareConcurrency`.
    pub logical_processors: Option<usize>,
    /// Whether the page was cross-origin isolated.
    pub isolated: Option<bool>,
    /// The browser's name and major version, e.g. `Chrome 156`.
    pub browser: String,
}

/// One finished run, as the history keeps it: the configuration (as a share-link fragment, so
/// reopening it is opening a link), the answer, the time, the speedup and the environment. Not
/// the spans: only how many there were, on how many lanes.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Unique within the history, increasing.
    pub id: u64,
    /// When the run started, in ms since the Unix epoch.
    pub at_ms: f64,
    /// The configuration as a link fragment (without `#`), with the threads the run used.
    pub config: String,
    pub workload: String,
    pub executor: Executor,
    pub threads: usize,
    pub outcome: Outcome,
    pub answer: i128,
    /// The answer in English words (exports keep it)…
    pub summary: String,
    /// …and as a template with its figures, to show in the reader's language (None: an
    /// older entry, or a run that said nothing in words).
    pub said: Option<Said>,
    pub wall_ms: f64,
    /// The synchronous main-thread run's time ÷ this run's, when the same configuration had one.
    pub speedup: Option<f64>,
    pub tasks: u32,
    pub spans: u32,
    pub lanes: u32,
    pub env: Environment,
}

/// What a finished run's page knew about it, besides its output.
#[derive(Debug, Clone, PartialEq)]
pub struct RunFacts {
    pub at_ms: f64,
    pub config: String,
    pub workload: &'static str,
    pub executor: Executor,
    pub threads: usize,
    pub speedup: Option<f64>,
    pub logical_processors: Option<usize>,
    pub isolated: Option<bool>,
}

impl Entry {
    /// The answer in words, in `lang` where the entry knows how.
    pub fn answer_in(&self, lang: Lang) -> String {
        self.said
            .as_ref()
            .map_or_else(|| self.summary.clone(), |s| s.in_lang(lang))
    }

    /// The entry for a finished run (its id and browser are set when it is kept).
    pub fn new(facts: RunFacts, output: &RunOutput) -> Self {
        let mut lanes: Vec<_> = output.spans.iter().map(|s| s.lane).collect();
        lanes.sort();
        lanes.dedup();
        Entry {
            id: 0,
            at_ms: facts.at_ms,
            config: facts.config,
            workload: facts.workload.to_owned(),
            executor: facts.executor,
            threads: facts.threads,
            outcome: Outcome::from_end(&output.end),
            answer: output.answer.value,
            summary: cut(&output.answer.summary),
            said: output.answer.said.clone(),
            wall_ms: output.wall_ms,
            speedup: facts.speedup,
            tasks: output.outcomes.len() as u32,
            spans: output.spans.len() as u32,
            lanes: lanes.len() as u32,
            env: Environment {
                logical_processors: facts.logical_processors,
                isolated: facts.isolated,
                browser: String::new(),
            },
        }
    }
}

/// Why the history could not be read or written: the app works on, with a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser gives this page no storage (disabled by the learner or a policy, or a
    /// private window that refuses it).
    Unavailable(String),
    /// The site's storage quota is used up.
    Full,
    /// Anything else the browser said.
    Other(String),
}

/// What the history panel tells the learner about storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Nothing is kept past this page: storage is unavailable.
    Unavailable(String),
    /// Storage is full: only the newest `kept` entries were saved (0: none).
    Full { kept: usize },
    /// Stored entries that could not be read were dropped; the others were kept.
    Corrupted { dropped: usize },
    /// Saving failed for another reason.
    Failed(String),
}

impl Notice {
    pub fn tag(&self) -> &'static str {
        match self {
            Notice::Unavailable(_) => "unavailable",
            Notice::Full { .. } => "full",
            Notice::Corrupted { .. } => "corrupted",
            Notice::Failed(_) => "failed",
        }
    }
}

/// The kept runs (oldest first), the two picked for comparison, and storage notices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    pub entries: Vec<Entry>,
    /// Ids of the entries picked for comparison (at most two, the older pick first).
    pub picked: Vec<u64>,
    pub notices: Vec<Notice>,
    /// The browser's name for new entries.
    pub browser: String,
    /// Bumped on every change of `entries`: the page saves when it changes.
    pub revision: u64,
    /// Runs that started before this were removed (cleared, or off the end of the list); see
    /// [`sync`]. Saved with the entries.
    pub since: f64,
}

/// Everything that changes the history.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryAction {
    /// The page opened: what storage held (or why it could not be read), and the browser.
    Opened {
        stored: Result<Decoded, StorageProblem>,
        browser: String,
    },
    /// A save ended: how many of the newest entries were written, or why none were.
    Saved(Result<usize, StorageProblem>),
    /// Another tab of the app changed the stored history: merge it with ours ([`sync`]), and
    /// save again only if storage lacks some of the result.
    Synced(Decoded),
    /// Remove every run, at `at_ms` (ms since the epoch): runs that started before it stay
    /// removed in every tab.
    Clear {
        at_ms: f64,
    },
    /// Pick an entry for comparison, or unpick it.
    TogglePick(u64),
    DismissNotices,
}

impl History {
    pub fn apply(mut self, action: HistoryAction) -> Self {
        match action {
            HistoryAction::Opened { stored, browser } => {
                self.browser = browser;
                match stored {
                    Ok(decoded) => {
                        self.since = decoded.since;
                        // Runs kept before storage was read (none, normally) stay, newest last.
                        let mut entries = decoded.entries;
                        entries.append(&mut self.entries);
                        self.entries = entries;
                        self.renumber_after_load();
                        if decoded.dropped > 0 {
                            self.notice(Notice::Corrupted {
                                dropped: decoded.dropped,
                            });
                        }
                    }
                    Err(problem) => self.problem(problem, 0),
                }
                self.cap();
                self.revision += 1;
            }
            HistoryAction::Saved(Ok(kept)) => {
                self.notices.retain(|n| {
                    !matches!(
                        n,
                        Notice::Unavailable(_) | Notice::Full { .. } | Notice::Failed(_)
                    )
                });
                if kept < self.entries.len() {
                    self.notice(Notice::Full { kept });
                }
            }
            HistoryAction::Saved(Err(problem)) => self.problem(problem, 0),
            HistoryAction::Synced(decoded) => {
                let picked: Vec<Entry> = self.picked_entries();
                let merged = sync::merge(&self.entries, self.since, decoded);
                self.entries = merged.entries;
                self.since = merged.since;
                self.renumber_after_load();
                // Picks follow their runs, whatever ids the runs have now.
                self.picked = picked
                    .iter()
                    .filter_map(|p| self.entries.iter().find(|e| sync::same_run(e, p)))
                    .map(|e| e.id)
                    .collect();
                if merged.save {
                    self.revision += 1;
                }
            }
            HistoryAction::Clear { at_ms } => {
                self.since = self.since.max(at_ms);
                self.entries.clear();
                self.picked.clear();
                self.notices
                    .retain(|n| !matches!(n, Notice::Corrupted { .. }));
                self.revision += 1;
            }
            HistoryAction::TogglePick(id) => {
                if let Some(at) = self.picked.iter().position(|&p| p == id) {
                    self.picked.remove(at);
                } else if self.entries.iter().any(|e| e.id == id) {
                    self.picked.push(id);
                    if self.picked.len() > 2 {
                        self.picked.remove(0);
                    }
                }
            }
            HistoryAction::DismissNotices => self.notices.clear(),
        }
        self
    }

    /// Keeps a finished run (called by `AppState::apply` on `Finished`).
    pub fn push(&mut self, mut entry: Entry) {
        entry.id = self.entries.last().map_or(1, |e| e.id + 1);
        entry.env.browser = cut(&self.browser);
        self.entries.push(entry);
        self.cap();
        self.revision += 1;
    }

    pub fn get(&self, id: u64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The two picked entries, older pick first, once two are picked.
    pub fn pair(&self) -> Option<(&Entry, &Entry)> {
        match self.picked.as_slice() {
            [a, b] => Some((self.get(*a)?, self.get(*b)?)),
            _ => None,
        }
    }

    /// The picked entries, in pick order.
    fn picked_entries(&self) -> Vec<Entry> {
        self.picked
            .iter()
            .filter_map(|&id| self.get(id).cloned())
            .collect()
    }

    fn cap(&mut self) {
        if self.entries.len() > MAX_ENTRIES {
            let excess = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..excess);
            self.since = self.since.max(self.entries[0].at_ms);
        }
        let ids: Vec<u64> = self.entries.iter().map(|e| e.id).collect();
        self.picked.retain(|p| ids.contains(p));
    }

    /// Ids increase along the list even if storage held odd ones.
    fn renumber_after_load(&mut self) {
        let mut last = 0;
        for e in &mut self.entries {
            if e.id <= last {
                e.id = last + 1;
            }
            last = e.id;
        }
    }

    fn problem(&mut self, problem: StorageProblem, kept: usize) {
        self.notice(match problem {
            StorageProblem::Unavailable(why) => Notice::Unavailable(cut(&why)),
            StorageProblem::Full => Notice::Full { kept },
            StorageProblem::Other(why) => Notice::Failed(cut(&why)),
        });
    }

    /// Adds a notice, replacing one of the same kind.
    fn notice(&mut self, notice: Notice) {
        self.notices.retain(|n| n.tag() != notice.tag());
        self.notices.push(notice);
    }
}

/// `text` cut to [`MAX_TEXT`] characters (on a character boundary).
pub fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A short browser name from a user-agent string: `Firefox 130`, `Edge 140`, `Chrome 156`,
/// `Safari 18`, else the user agent itself (cut).
pub fn browser_name(user_agent: &str) -> String {
    let version = |token: &str| {
        let at = user_agent.find(token)? + token.len();
        let major: String = user_agent[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (!major.is_empty()).then_some(major)
    };
    let named = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Chrome (headless)"),
        ("Chrome/", "Chrome"),
    ]
    .into_iter()
    .find_map(|(token, name)| version(token).map(|v| format!("{name} {v}")));
    named
        .or_else(|| {
            user_agent
                .contains("Safari/")
                .then(|| version("Version/").map(|v| format!("Safari {v}")))
                .flatten()
        })
        .unwrap_or_else(|| cut(user_agent.trim()))
}
