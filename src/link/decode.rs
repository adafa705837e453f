//! Reading a link: overlay what it holds onto the defaults, clamp every value, report the rest.

use std::collections::HashMap;

use super::fields::{self, Field, FAULT_TASK, SWITCH_US, THREADS};
use super::notice::{clip, Notice, Notices};
use super::query::{self, Pair};
use super::{migrate, Decoded, Lang, LinkConfig, View, MAX_LEN};
use crate::engine::fault::Fault;
use crate::executor::Executor;
use crate::param::{Param, Parsed};
use crate::workload;

/// Reads a URL fragment (with or without its `#`) into a configuration. Never fails and never
/// panics: whatever the link holds, the result is a valid configuration, and every value the
/// link held that was not used as written is reported.
pub fn decode(fragment: &str) -> Decoded {
    let mut notices = Notices::default();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LEN {
        notices.push(Notice::TooLong {
            len: fragment.len(),
        });
        return Decoded {
            config: LinkConfig::default(),
            notices: notices.finish(),
        };
    }
    let pairs = query::split(fragment);
    let version = migrate::version(&pairs, &mut notices);
    let pairs = last_wins(migrate::upgrade(version, pairs), &mut notices);

    let mut config = LinkConfig::default();
    // The workload first: which parameters the link may carry depends on it.
    let mut params: &[Param] = config.workload.params;
    if let Some(pair) = pairs.iter().find(|p| p.key == "w") {
        match workload::by_id(&pair.value.trim().to_ascii_lowercase()) {
            Some(w) => {
                config.workload = w;
                params = w.params;
            }
            None => {
                // Its sizes were meant for another workload: none of them apply.
                notices.push(Notice::UnknownWorkload(clip(&pair.value)));
                params = &[];
            }
        }
    }
    for Pair { key, value } in &pairs {
        match fields::lookup(key) {
            Some(Field::Version | Field::Workload) => {}
            Some(Field::Lesson) => {
                if fields::is_lesson_id(value) {
                    config.lesson = Some(value.clone());
                } else {
                    notices.push(Notice::BadLesson);
                }
            }
            Some(Field::Interleave) => match crate::interleave::decode(value) {
                Some((scenario, schedule)) => {
                    config.interleave = Some(crate::interleave::encode(scenario, &schedule))
                }
                None => notices.push(Notice::BadValue {
                    field: "il",
                    value: clip(value),
                }),
            },
            Some(Field::Code) => match crate::pyrun::code::clean(value) {
                Ok(code) => config.code = Some(code),
                Err(problem) => notices.push(Notice::BadCode(problem)),
            },
            Some(Field::Step) => {
                // Same form as a lesson id; a key the lesson does not have opens its first step.
                if fields::is_lesson_id(value) {
                    config.step = Some(value.clone());
                } else {
                    notices.push(Notice::BadValue {
                        field: "step",
                        value: clip(value),
                    });
                }
            }
            Some(Field::Executors) => {
                if let Some(list) = executors(value, &mut notices) {
                    config.executors = list;
                }
            }
            Some(Field::Threads) => {
                config.threads = number(&THREADS, value, &mut notices).map(|t| t as usize);
            }
            Some(Field::Fault) => config.fault = fault(value, &mut notices),
            Some(Field::Switch) => {
                if let Some(us) = number(&SWITCH_US, value, &mut notices) {
                    config.switch_us = us;
                }
            }
            Some(Field::View) => {
                if let Some(view) = tag(value, View::from_tag, "view", &mut notices) {
                    config.view = view;
                }
            }
            Some(Field::Lang) => {
                if let Some(lang) = tag(value, Lang::from_tag, "lang", &mut notices) {
                    config.lang = lang;
                }
            }
            Some(Field::Scene) => {
                let from_tag = crate::bank_scene::Mode::from_tag;
                if let Some(mode) = tag(value, from_tag, "scene", &mut notices) {
                    config.scene = Some(mode);
                }
            }
            Some(Field::Api) => {
                config.api = crate::pyapi::ApiCall::decode(value).unwrap_or_else(|used| {
                    notices.push(Notice::BadValue {
                        field: "api",
                        value: clip(value),
                    });
                    used
                });
            }
            None => match params.iter().find(|p| p.name == key) {
                Some(param) => {
                    if let Some(n) = number(param, value, &mut notices) {
                        config.values.set(param, n);
                    }
                }
                None if key.is_empty() => {
                    notices.push(Notice::UnknownField(clip(&format!("={value}"))));
                }
                None => notices.push(Notice::UnknownField(clip(key))),
            },
        }
    }
    if config.code.is_some() && config.lesson.is_none() {
        config.code = None;
        notices.push(Notice::CodeWithoutLesson);
    }
    Decoded {
        config,
        notices: notices.finish(),
    }
}

/// Keeps one pair per key, at its first place, with its last value; reports repeated keys.
fn last_wins(pairs: Vec<Pair>, notices: &mut Notices) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::with_capacity(pairs.len());
    let mut index: HashMap<String, (usize, bool)> = HashMap::new();
    for pair in pairs {
        // Pairs without a key (`=x`) are all kept, to be reported one by one.
        if pair.key.is_empty() {
            out.push(pair);
            continue;
        }
        match index.get_mut(&pair.key) {
            Some((at, reported)) => {
                if !*reported {
                    *reported = true;
                    notices.push(Notice::Duplicate(clip(&pair.key)));
                }
                out[*at].value = pair.value;
            }
            None => {
                index.insert(pair.key.clone(), (out.len(), false));
                out.push(pair);
            }
        }
    }
    out
}

/// A number within `param`'s bounds, or `None` (reported) if the text is not a number.
fn number(param: &Param, text: &str, notices: &mut Notices) -> Option<u64> {
    match param.parse(text) {
        Parsed::Exact(n) => Some(n),
        Parsed::Clamped(n) => {
            notices.push(Notice::Clamped {
                field: param.name,
                from: clip(text),
                to: n,
            });
            Some(n)
        }
        Parsed::Invalid(_) => {
            notices.push(Notice::NotANumber { field: param.name });
            None
        }
    }
}

/// A tagged value (`view`, `lang`), case-insensitively; `None` (reported) if unknown.
fn tag<T>(
    text: &str,
    from_tag: fn(&str) -> Option<T>,
    field: &'static str,
    notices: &mut Notices,
) -> Option<T> {
    let found = from_tag(&text.trim().to_ascii_lowercase());
    if found.is_none() {
        notices.push(Notice::BadValue {
            field,
            value: clip(text),
        });
    }
    found
}

/// `main,pool` → the executors named, in [`Executor::ALL`] order, each once; `None` if none
/// is left (the defaults stay).
fn executors(text: &str, notices: &mut Notices) -> Option<Vec<Executor>> {
    let mut chosen = [false; Executor::ALL.len()];
    let mut unknown = false;
    for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let found = Executor::from_tag(&item.to_ascii_lowercase())
            .and_then(|e| Executor::ALL.iter().position(|&a| a == e));
        match found {
            Some(i) if chosen[i] => notices.push(Notice::Duplicate(clip(item))),
            Some(i) => chosen[i] = true,
            None => {
                unknown = true;
                notices.push(Notice::UnknownExecutor(clip(item)));
            }
        }
    }
    let list: Vec<Executor> = Executor::ALL
        .into_iter()
        .zip(chosen)
        .filter_map(|(e, on)| on.then_some(e))
        .collect();
    if list.is_empty() && !unknown {
        notices.push(Notice::BadValue {
            field: "x",
            value: clip(text),
        });
    }
    (!list.is_empty()).then_some(list)
}

/// `none`, `error[:task]` or `panic[:task]`; anything else is no fault (reported).
fn fault(text: &str, notices: &mut Notices) -> Fault {
    let lower = text.trim().to_ascii_lowercase();
    let (kind, task) = match lower.split_once(':') {
        Some((kind, task)) => (kind, Some(task)),
        None => (lower.as_str(), None),
    };
    let make: fn(u32) -> Fault = match (kind, task) {
        ("none", None) => return Fault::None,
        ("error", _) => Fault::Error,
        ("panic", _) => Fault::Panic,
        _ => {
            notices.push(Notice::BadValue {
                field: "fault",
                value: clip(text),
            });
            return Fault::None;
        }
    };
    let task = task
        .and_then(|t| number(&FAULT_TASK, t, notices))
        .unwrap_or(FAULT_TASK.default);
    // FAULT_TASK.max fits in a u32.
    make(u32::try_from(task).unwrap_or(u32::MAX))
}
