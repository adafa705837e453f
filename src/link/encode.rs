//! Writing a link: every field of the configuration, in the order of the field table.

use super::query::escape;
use super::{migrate, LinkConfig};
use crate::engine::fault::Fault;
use crate::executor::Executor;

/// The URL fragment (without `#`) for `config`, e.g.
/// `v=1&w=primes&n=3000000&tasks=64&list=0&x=main,pool&t=4&view=timeline&lang=zh`.
///
/// Every parameter of the workload is written, defaults included, so that the link opens the
/// same run even if a later version changes a default. `t`, `fault`, `lesson` and `scene` are left out
/// when unset. Values are written as they are: bounds are enforced by [`super::decode`].
pub fn encode(config: &LinkConfig) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("v", migrate::CURRENT.to_string())];
    if let Some(lesson) = &config.lesson {
        pairs.push(("lesson", lesson.clone()));
    }
    if let Some(step) = &config.step {
        pairs.push(("step", step.clone()));
    }
    pairs.push(("w", config.workload.id.to_owned()));
    for param in config.workload.params {
        pairs.push((param.name, config.values.get(param).to_string()));
    }
    let executors: Vec<&str> = Executor::ALL
        .into_iter()
        .filter(|e| config.executors.contains(e))
        .map(Executor::tag)
        .collect();
    if !executors.is_empty() {
        pairs.push(("x", executors.join(",")));
    }
    if let Some(threads) = config.threads {
        pairs.push(("t", threads.to_string()));
    }
    match config.fault {
        Fault::None => {}
        Fault::Error(task) | Fault::Panic(task) => {
            pairs.push(("fault", format!("{}:{task}", config.fault.tag())));
        }
    }
    pairs.push(("view", config.view.tag().to_owned()));
    pairs.push(("lang", config.lang.tag().to_owned()));
    if let Some(mode) = config.scene {
        pairs.push(("scene", mode.tag().to_owned()));
    }
    if config.api != crate::pyapi::ApiCall::None {
        pairs.push(("api", config.api.encode()));
    }
    if config.switch_us != super::fields::SWITCH_US.default {
        pairs.push(("si", config.switch_us.to_string()));
    }
    if let Some(il) = &config.interleave {
        pairs.push(("il", il.clone()));
    }
    // Only with a lesson: the edit belongs to its snippet.
    if let (Some(code), Some(_)) = (&config.code, &config.lesson) {
        pairs.push(("py", code.clone()));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={}", escape(value)))
        .collect::<Vec<_>>()
        .join("&")
}
