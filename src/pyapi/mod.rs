//! Python's pool API (`concurrent.futures`, `multiprocessing.Pool`, `threading`) as views and
//! small actions over the engine's runs — not a second engine.
//!
//! A run of any executor leaves a [`RunOutput`](crate::engine::RunOutput): spans, completion
//! order and outcomes. From that alone ([`futures::Record`]) this module answers what each
//! API call would have handed its caller, and when: `map` (submission order) beside
//! `as_completed` (completion order), `wait(return_when, timeout)` → `(done, pending)`,
//! done-callbacks with their times and threads, an `Event` that held the workers, and whether
//! the program joined its threads or left them as daemons. So any executor that produces a
//! `RunOutput` feeds it, present or future.
//!
//! A few calls also *act* on the run ([`lens::prepare`]): cancel the rest once `wait` returns
//! (cooperative: the engine's cancel flag, checked between steps), hold every task at an
//! `Event` until it is set, abandon daemon threads when the program ends, or make one task
//! busy-wait (see [`crate::asyncio`]).

pub mod chunks;
pub mod event;
pub mod exit;
pub mod futures;
pub mod lens;
pub mod wait;

use wait::{ReturnWhen, WaitSpec};

/// The most milliseconds any API parameter takes (a minute).
pub const MAX_MS: u32 = 60_000;
/// The longest busy-wait of the blocking coroutine: it freezes the page on purpose, briefly.
pub const MAX_BUSY_MS: u32 = 5_000;

/// Which API call the demo shows over its runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApiCall {
    /// Just the run.
    #[default]
    None,
    /// `map` (and `imap`, `gather`) beside `as_completed` (and `imap_unordered`).
    Map,
    /// `concurrent.futures.wait` / `asyncio.wait`.
    Wait(WaitSpec),
    /// Every task first waits on a `threading.Event` the program sets after `set_ms`.
    Event { set_ms: u32 },
    /// The program's own work takes `main_ms`; then it joins its threads, or exits and
    /// abandons them (`daemon`).
    Exit { daemon: bool, main_ms: u32 },
    /// The last task busy-waits `busy_ms` without awaiting (asyncio's blocking coroutine).
    Block { busy_ms: u32 },
}

/// The calls a picker offers, by tag.
pub const TAGS: [&str; 7] = ["none", "map", "wait", "event", "join", "daemon", "block"];

impl ApiCall {
    pub fn tag(self) -> &'static str {
        match self {
            ApiCall::None => "none",
            ApiCall::Map => "map",
            ApiCall::Wait(_) => "wait",
            ApiCall::Event { .. } => "event",
            ApiCall::Exit { daemon: false, .. } => "join",
            ApiCall::Exit { daemon: true, .. } => "daemon",
            ApiCall::Block { .. } => "block",
        }
    }

    /// The call named `tag` with its parameters at their defaults.
    pub fn from_tag(tag: &str) -> Option<ApiCall> {
        Some(match tag {
            "none" => ApiCall::None,
            "map" => ApiCall::Map,
            "wait" => ApiCall::Wait(WaitSpec::default()),
            "event" => ApiCall::Event { set_ms: 500 },
            "join" => ApiCall::Exit {
                daemon: false,
                main_ms: 300,
            },
            "daemon" => ApiCall::Exit {
                daemon: true,
                main_ms: 300,
            },
            "block" => ApiCall::Block { busy_ms: 1_000 },
            _ => return None,
        })
    }

    /// The link form: `map`, `wait:<all|first|error>:<timeout ms, 0 = none>:<cancel 0|1>`,
    /// `event:<set ms>`, `join:<main ms>`, `daemon:<main ms>`, `block:<busy ms>`.
    pub fn encode(self) -> String {
        match self {
            ApiCall::None | ApiCall::Map => self.tag().to_string(),
            ApiCall::Wait(w) => format!(
                "wait:{}:{}:{}",
                w.when.tag(),
                w.timeout_ms.unwrap_or(0),
                u8::from(w.cancel)
            ),
            ApiCall::Event { set_ms: ms }
            | ApiCall::Exit { main_ms: ms, .. }
            | ApiCall::Block { busy_ms: ms } => format!("{}:{ms}", self.tag()),
        }
    }

    /// Reads the link form. `Err` carries what to use instead when the text was not valid as
    /// written (a number out of bounds is clamped; anything unreadable is the default of its
    /// part, or no call at all).
    pub fn decode(text: &str) -> Result<ApiCall, ApiCall> {
        let lower = text.trim().to_ascii_lowercase();
        let mut parts = lower.split(':');
        let Some(call) = parts.next().and_then(ApiCall::from_tag) else {
            return Err(ApiCall::None);
        };
        let rest: Vec<&str> = parts.collect();
        let exact = std::cell::Cell::new(true);
        let ms = |i: usize, min: u32, max: u32, default: u32| match rest.get(i) {
            None => default,
            Some(t) => match t.parse::<u64>() {
                Ok(n) if (min as u64..=max as u64).contains(&n) => n as u32,
                Ok(n) => {
                    exact.set(false);
                    n.clamp(min as u64, max as u64) as u32
                }
                Err(_) => {
                    exact.set(false);
                    default
                }
            },
        };
        let decoded = match call {
            ApiCall::None | ApiCall::Map => {
                if !rest.is_empty() {
                    exact.set(false);
                }
                call
            }
            ApiCall::Wait(default) => {
                let when = match rest.first() {
                    None => default.when,
                    Some(t) => ReturnWhen::from_tag(t).unwrap_or_else(|| {
                        exact.set(false);
                        default.when
                    }),
                };
                let timeout = ms(1, 0, MAX_MS, 0);
                let cancel = ms(2, 0, 1, 0) == 1;
                if rest.len() > 3 {
                    exact.set(false);
                }
                ApiCall::Wait(WaitSpec {
                    when,
                    timeout_ms: (timeout > 0).then_some(timeout),
                    cancel,
                })
            }
            ApiCall::Event { set_ms } => ApiCall::Event {
                set_ms: ms(0, 0, MAX_MS, set_ms),
            },
            ApiCall::Exit { daemon, main_ms } => ApiCall::Exit {
                daemon,
                main_ms: ms(0, 0, MAX_MS, main_ms),
            },
            ApiCall::Block { busy_ms } => ApiCall::Block {
                busy_ms: ms(0, 1, MAX_BUSY_MS, busy_ms),
            },
        };
        let extra =
            !matches!(call, ApiCall::Wait(_) | ApiCall::None | ApiCall::Map) && rest.len() > 1;
        if exact.get() && !extra {
            Ok(decoded)
        } else {
            Err(decoded)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_round_trips_through_its_link_form() {
        let calls = [
            ApiCall::None,
            ApiCall::Map,
            ApiCall::Wait(WaitSpec {
                when: ReturnWhen::FirstException,
                timeout_ms: Some(500),
                cancel: true,
            }),
            ApiCall::Wait(WaitSpec::default()),
            ApiCall::Event { set_ms: 0 },
            ApiCall::Exit {
                daemon: true,
                main_ms: 250,
            },
            ApiCall::Exit {
                daemon: false,
                main_ms: MAX_MS,
            },
            ApiCall::Block { busy_ms: 1 },
        ];
        for call in calls {
            assert_eq!(
                ApiCall::decode(&call.encode()),
                Ok(call),
                "{}",
                call.encode()
            );
        }
        for tag in TAGS {
            let call = ApiCall::from_tag(tag).unwrap();
            assert_eq!(call.tag(), tag);
            assert_eq!(ApiCall::decode(tag), Ok(call));
        }
    }

    #[test]
    fn bad_parts_are_clamped_or_defaulted_and_reported() {
        assert_eq!(
            ApiCall::decode("block:999999"),
            Err(ApiCall::Block {
                busy_ms: MAX_BUSY_MS
            })
        );
        assert_eq!(
            ApiCall::decode("block:0"),
            Err(ApiCall::Block { busy_ms: 1 })
        );
        assert_eq!(
            ApiCall::decode("event:soon"),
            Err(ApiCall::Event { set_ms: 500 })
        );
        assert_eq!(
            ApiCall::decode("wait:never:-3:2"),
            Err(ApiCall::Wait(WaitSpec {
                when: ReturnWhen::All,
                timeout_ms: None,
                cancel: true,
            }))
        );
        assert_eq!(ApiCall::decode("teleport"), Err(ApiCall::None));
        assert_eq!(ApiCall::decode("map:1"), Err(ApiCall::Map));
        assert_eq!(
            ApiCall::decode("join:1:2"),
            Err(ApiCall::Exit {
                daemon: false,
                main_ms: 1
            })
        );
        assert_eq!(
            ApiCall::decode(" WAIT:FIRST "),
            Ok(ApiCall::Wait(WaitSpec {
                when: ReturnWhen::FirstCompleted,
                ..WaitSpec::default()
            }))
        );
    }

    #[test]
    fn links_carry_the_call_and_report_a_bad_one() {
        use crate::link::{decode, encode, LinkConfig, Notice};
        let config = LinkConfig {
            api: ApiCall::Wait(WaitSpec {
                when: ReturnWhen::FirstException,
                timeout_ms: Some(800),
                cancel: true,
            }),
            ..LinkConfig::default()
        };
        let link = encode(&config);
        assert!(link.ends_with("&api=wait:error:800:1"), "{link}");
        let back = decode(&link);
        assert_eq!((back.config, back.notices), (config, vec![]));
        assert!(!encode(&LinkConfig::default()).contains("api="));
        let bad = decode("v=1&w=io&api=block:99999");
        assert_eq!(
            bad.config.api,
            ApiCall::Block {
                busy_ms: MAX_BUSY_MS
            }
        );
        assert_eq!(
            bad.notices,
            vec![Notice::BadValue {
                field: "api",
                value: "block:99999".into()
            }]
        );
    }
}
