//! A run's answer in words, in the reader's language ("664579 primes below 10000000",
//! "10000000 以下有 664579 个质数"). Workloads say what they found as a [`Said`]: a template and
//! its figures. The English is also the answer's language-neutral `summary`, which exports and
//! the bench keep; the history keeps both.

use super::Texts;
use crate::link::Lang;

crate::texts! {
    pub enum AnswerText {
        Counted => ("{0} × {1} 次计数完成", "{0} × {1} counted"),
        CountedPart => ("数到 {0}（计划 {1} × {2}）", "{0} of {1} × {2} counted"),
        Squares => ("x < {0} 时 Σx² = {1}", "Σx² for x < {0} = {1}"),
        Primes => ("{1} 以下有 {0} 个质数", "{0} primes below {1}"),
        PrimesOfList => ("{1} 个数里有 {0} 个质数", "{0} of {1} are prime"),
        Pi => ("π ≈ {0}（{1} 个随机点）", "π ≈ {0} from {1} samples"),
        Waited => ("{0} 个任务共等待 {1} ms", "{0} tasks waited {1} ms in total"),
        Balance => ("最终余额 {0}（应为 0）", "final balance {0} (should be 0)"),
        Convoy => ("CPU 密集线程旁的 {0} 次 IO", "{0} IO operations beside a CPU-bound thread"),
        SharedList => ("页面的列表：{0} → {1} 项", "the page's list: {0} → {1} items"),
        Queue => ("{0} 件经过容量为 {1} 的队列", "{0} items through a queue of {1}"),
    }
}

crate::texts! {
    /// The names of an answer's extra figures (`Answer::details`), keyed as the workloads key
    /// them; an unknown key is shown as it is.
    pub enum DetailText {
        After => ("之后", "after"),
        Before => ("之前", "before"),
        CopyMs => ("复制用时（ms）", "copying (ms)"),
        Error => ("与 π 的误差", "error against π"),
        Hits => ("落在圆内的点", "points inside the circle"),
        IoAloneMs => ("IO 单独运行用时（ms）", "the IO alone (ms)"),
        IoThreadMs => ("IO 线程用时（ms）", "the IO thread took (ms)"),
        Lock => ("锁", "lock"),
        LongestSeen => ("任务见过的最长列表", "longest list a task saw"),
        LongestWaitMs => ("最长等待（ms）", "longest wait (ms)"),
        LostUpdates => ("丢失的更新", "lost updates"),
        MaxLength => ("队列最长", "longest queue"),
        MeanWaitMs => ("平均等待（ms）", "mean wait (ms)"),
        Operations => ("操作次数", "operations"),
        StartMsPerWorker => ("每个进程启动用时（ms）", "start-up per worker (ms)"),
        Verdicts => ("逐个判断", "verdicts"),
        WorkersStarted => ("新启动的进程", "workers started"),
    }
}

/// The name of the extra figure `key` in `lang` (the key itself when it is not known).
pub fn detail_label(key: &str, lang: Lang) -> String {
    detail_text(key).map_or_else(|| key.to_owned(), |t| t.get(lang))
}

fn detail_text(key: &str) -> Option<DetailText> {
    Some(match key {
        "after" => DetailText::After,
        "before" => DetailText::Before,
        "copy_ms" => DetailText::CopyMs,
        "error" => DetailText::Error,
        "hits" => DetailText::Hits,
        "io_alone_ms" => DetailText::IoAloneMs,
        "io_thread_ms" => DetailText::IoThreadMs,
        "lock" => DetailText::Lock,
        "longest_seen_by_a_task" => DetailText::LongestSeen,
        "longest_wait_ms" => DetailText::LongestWaitMs,
        "lost_updates" => DetailText::LostUpdates,
        "max_length" => DetailText::MaxLength,
        "mean_wait_ms" => DetailText::MeanWaitMs,
        "operations" => DetailText::Operations,
        "start_ms_per_worker" => DetailText::StartMsPerWorker,
        "verdicts" => DetailText::Verdicts,
        "workers_started" => DetailText::WorkersStarted,
        _ => return None,
    })
}

/// What a workload found: a template and its figures, written out in either language.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub text: AnswerText,
    pub args: Vec<String>,
}

impl Said {
    pub fn new(text: AnswerText, args: &[&dyn std::fmt::Display]) -> Said {
        Said {
            text,
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<&dyn std::fmt::Display> = self
            .args
            .iter()
            .map(|a| a as &dyn std::fmt::Display)
            .collect();
        self.text.fill(lang, &args)
    }

    /// As the history stores it: the template's name and its figures, `|` between them
    /// (`Primes|664579|10000000`). None if a figure holds a `|` (no workload's does).
    pub fn encode(&self) -> Option<String> {
        if self.args.iter().any(|a| a.contains('|')) {
            return None;
        }
        let mut parts = vec![format!("{:?}", self.text)];
        parts.extend(self.args.iter().cloned());
        Some(parts.join("|"))
    }

    /// Reads [`Said::encode`]'s text back: a template this build knows, with as many figures
    /// as it has places for. Anything else (an older build's name, a hand-edited line) is None,
    /// and the history falls back to the English summary it also keeps.
    pub fn decode(s: &str) -> Option<Said> {
        let mut parts = s.split('|');
        let name = parts.next()?;
        let text = *AnswerText::ALL.iter().find(|t| format!("{t:?}") == name)?;
        let args: Vec<String> = parts.map(str::to_owned).collect();
        (args.len() == holes(text.pair().1)).then_some(Said { text, args })
    }
}

/// How many figures a template takes (`{0}`, `{1}`, …).
fn holes(template: &str) -> usize {
    (0..10)
        .take_while(|i| template.contains(&format!("{{{i}}}")))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_uses_the_same_figures_in_both_languages() {
        for &t in AnswerText::ALL {
            let (zh, en) = t.pair();
            let holes = |s: &str| {
                let mut h: Vec<usize> =
                    (0..4).filter(|i| s.contains(&format!("{{{i}}}"))).collect();
                h.sort();
                h
            };
            assert_eq!(holes(zh.unwrap()), holes(en), "{t:?}");
        }
    }

    #[test]
    fn a_said_answer_reads_back_as_it_was_and_odd_text_reads_as_none() {
        let said = Said::new(AnswerText::Primes, &[&664_579, &10_000_000]);
        let line = said.encode().unwrap();
        assert_eq!(line, "Primes|664579|10000000");
        let back = Said::decode(&line).unwrap();
        assert_eq!(back, said);
        assert_eq!(back.in_lang(Lang::Zh), "10000000 以下有 664579 个质数");
        for &t in AnswerText::ALL {
            let args: Vec<String> = (0..holes(t.pair().1)).map(|i| i.to_string()).collect();
            let said = Said { text: t, args };
            assert_eq!(Said::decode(&said.encode().unwrap()), Some(said), "{t:?}");
        }
        for odd in [
            "",
            "Primes",
            "Primes|1",
            "Primes|1|2|3",
            "Nonsense|1|2",
            "primes|1|2",
        ] {
            assert_eq!(Said::decode(odd), None, "{odd:?}");
        }
        let piped = Said::new(AnswerText::Pi, &[&"3|1", &5]);
        assert_eq!(piped.encode(), None);
    }

    #[test]
    fn every_extra_figure_a_run_can_carry_has_a_name_in_both_languages() {
        use crate::param::Values;
        use crate::workload;
        // Every workload at its smallest and at its largest switches (the notes' list of
        // primes, the lock), taking turns on this thread: the keys of the figures its answer
        // carries.
        let mut keys = std::collections::BTreeSet::new();
        for def in workload::ALL {
            for switches in [0, 1] {
                let mut values = Values::default();
                for p in def.params {
                    let switch = matches!(p.name, "list" | "lock");
                    values.set(p, if switch { switches } else { p.min });
                }
                let out = crate::engine::testing::run_interleaved((def.plan)(&values));
                keys.extend(out.answer.details.iter().map(|(k, _)| *k));
            }
        }
        // What process runs add (engine::process).
        keys.extend(["copy_ms", "workers_started", "start_ms_per_worker"]);
        assert!(keys.len() >= 15, "{keys:?}");
        for key in keys {
            assert!(detail_text(key).is_some(), "{key} has no name");
        }
        assert_eq!(detail_label("something_new", Lang::Zh), "something_new");
    }

    #[test]
    fn a_said_answer_reads_in_either_language() {
        let s = Said::new(AnswerText::Primes, &[&664_579, &10_000_000]);
        assert_eq!(s.in_lang(Lang::En), "664579 primes below 10000000");
        assert_eq!(s.in_lang(Lang::Zh), "10000000 以下有 664579 个质数");
    }
}
