//! The sixteen lessons of the syllabus: notes in 中文 and English, the Python snippet each demo
//! mirrors, and the demo presets (share links).
//!
//! The content lives in `content/NN-slug/` (`zh.md`, `en.md`, `snippet.py`, `presets.txt`, and
//! for snippets that start threads or processes `recorded.txt` and perhaps `live.py`: see
//! `pyrun`).
//! `build.rs` builds each note's title and sections and the presets into the page; the notes'
//! HTML is rendered by `render` into files beside the page (`lessons/NN-slug.zh.html`, …) that
//! the page fetches when a lesson opens. The tests hold the
//! content to its shape: both languages, the same four sections, presets that are valid links.

pub mod highlight;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod steps;
#[cfg(test)]
mod steps_tests;

use crate::link::{self, Lang};

/// One language's note, rendered.
#[derive(Debug)]
pub struct Note {
    pub title: &'static str,
    /// The `##` headings, in order.
    pub sections: &'static [&'static str],
}

/// A lesson folder, as `build.rs` found it.
#[derive(Debug)]
pub struct LessonSource {
    /// The folder's name, `NN-slug`: also the lesson's id in links.
    pub dir: &'static str,
    pub zh: Note,
    pub en: Note,
    /// The snippet's source: the page shows it rendered (`snippet_url`); the Python runner
    /// edits and runs it.
    pub snippet: &'static str,
    pub presets: &'static str,
    /// `steps.txt`, and the step files without the notes' bodies (see `steps`).
    pub steps: &'static str,
    pub steps_zh: &'static str,
    pub steps_en: &'static str,
    /// `recorded.txt`: what CPython printed for the snippet (empty if none; see `pyrun::recorded`).
    pub recorded: &'static str,
    /// `live.py`: the snippet's asyncio part, which runs in the browser where the whole snippet
    /// cannot (empty if none; see `pyrun::catalog::live_part`).
    pub live: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// The sections every note has, in order, per language.
pub const SECTIONS_ZH: [&str; 4] = ["概念", "类比", "看什么", "常见误解"];
pub const SECTIONS_EN: [&str; 4] = [
    "The idea",
    "An analogy",
    "What to look for",
    "Common misconceptions",
];

/// A demo the lesson offers: a link fragment and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub fragment: String,
    pub label_zh: String,
    pub label_en: String,
}

/// A lesson of the syllabus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lesson {
    pub number: u32,
    pub source: &'static LessonSource,
}

impl PartialEq for LessonSource {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir
    }
}

impl Eq for LessonSource {}

impl Lesson {
    /// The lesson's id in links: its folder name.
    pub fn id(&self) -> &'static str {
        self.source.dir
    }

    pub fn note(&self, lang: Lang) -> &'static Note {
        match lang {
            Lang::En => &self.source.en,
            Lang::Zh | Lang::Both => &self.source.zh,
        }
    }

    /// Where the page fetches a note's HTML (relative to the page): `lang` is "zh" or "en".
    pub fn note_url(&self, lang: &str) -> String {
        format!("lessons/{}.{lang}.html", self.id())
    }

    /// Where the page fetches the highlighted snippet.
    pub fn snippet_url(&self) -> String {
        format!("lessons/{}.py.html", self.id())
    }

    /// The demos, first the lesson's main one; each fragment opens this lesson too.
    pub fn presets(&self) -> Vec<Preset> {
        parse_presets(self.source.presets)
            .into_iter()
            .map(|p| Preset {
                fragment: format!("{}&lesson={}", p.fragment, self.id()),
                ..p
            })
            .collect()
    }
}

/// Reads `presets.txt`: one `fragment | 中文 | English` per line; `#` lines are comments.
pub fn parse_presets(text: &str) -> Vec<Preset> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.splitn(3, '|').map(str::trim);
            let fragment = parts.next()?.trim_start_matches('#').to_string();
            Some(Preset {
                fragment,
                label_zh: parts.next().unwrap_or_default().to_string(),
                label_en: parts.next().unwrap_or_default().to_string(),
            })
        })
        .collect()
}

/// Every lesson, in syllabus order.
pub fn all() -> Vec<Lesson> {
    SOURCES
        .iter()
        .map(|source| Lesson {
            number: source
                .dir
                .split('-')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            source,
        })
        .collect()
}

pub fn by_id(id: &str) -> Option<Lesson> {
    all().into_iter().find(|l| l.id() == id)
}

/// The lessons before and after `id`, for navigation.
pub fn neighbours(id: &str) -> (Option<Lesson>, Option<Lesson>) {
    let lessons = all();
    let Some(i) = lessons.iter().position(|l| l.id() == id) else {
        return (None, None);
    };
    (
        i.checked_sub(1).map(|j| lessons[j]),
        lessons.get(i + 1).copied(),
    )
}

/// Decodes a preset's fragment (the page opens it like any link).
pub fn open(preset: &Preset) -> link::Decoded {
    link::decode(&preset.fragment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_lessons_in_syllabus_order() {
        let lessons = all();
        assert_eq!(
            lessons.len(),
            16,
            "{:?}",
            lessons.iter().map(|l| l.id()).collect::<Vec<_>>()
        );
        for (i, lesson) in lessons.iter().enumerate() {
            assert_eq!(lesson.number, i as u32 + 1, "{}", lesson.id());
            assert!(link::fields::is_lesson_id(lesson.id()), "{}", lesson.id());
        }
    }

    /// The files `render-lessons` writes for a lesson, rendered from its folder.
    fn rendered(lesson: &Lesson) -> Vec<(String, String)> {
        let dir = format!(
            "{}/src/lessons/content/{}",
            env!("CARGO_MANIFEST_DIR"),
            lesson.id()
        );
        let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
        let files = render::lesson_files(
            lesson.id(),
            &read("zh.md"),
            &read("en.md"),
            lesson.source.snippet,
        );
        assert_eq!(
            files[0].0,
            lesson.note_url("zh").trim_start_matches("lessons/")
        );
        assert_eq!(
            files[2].0,
            lesson.snippet_url().trim_start_matches("lessons/")
        );
        files[..2].to_vec()
    }

    #[test]
    fn every_note_has_both_languages_with_the_same_sections() {
        for lesson in all() {
            let (zh, en) = (&lesson.source.zh, &lesson.source.en);
            assert!(
                !zh.title.is_empty() && !en.title.is_empty(),
                "{}",
                lesson.id()
            );
            assert_eq!(zh.sections, SECTIONS_ZH, "{} (zh)", lesson.id());
            assert_eq!(en.sections, SECTIONS_EN, "{} (en)", lesson.id());
            for (file, html) in rendered(&lesson) {
                assert!(html.len() > 400, "{}: a real note", file);
                assert!(
                    !html.contains("<script") && !html.contains("<img"),
                    "{}",
                    lesson.id()
                );
            }
        }
    }

    #[test]
    fn every_lesson_has_a_snippet_and_valid_presets() {
        for lesson in all() {
            assert!(
                lesson.source.snippet.lines().count() >= 5,
                "{}",
                lesson.id()
            );
            let presets = lesson.presets();
            assert!(!presets.is_empty(), "{}", lesson.id());
            for preset in presets {
                let decoded = open(&preset);
                assert_eq!(
                    decoded.notices,
                    vec![],
                    "{}: {}",
                    lesson.id(),
                    preset.fragment
                );
                assert_eq!(decoded.config.lesson.as_deref(), Some(lesson.id()));
                assert!(
                    !preset.label_zh.is_empty() && !preset.label_en.is_empty(),
                    "{}",
                    lesson.id()
                );
            }
        }
    }

    #[test]
    fn presets_parse_and_skip_comments() {
        let parsed = parse_presets("# a comment\n\nv=1&w=io | 等待 | Waits\n#v=1&w=pi|圆周率|Pi\n");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].fragment, "v=1&w=io");
        assert_eq!(
            (parsed[0].label_zh.as_str(), parsed[0].label_en.as_str()),
            ("等待", "Waits")
        );
    }

    #[test]
    fn neighbours_walk_the_syllabus() {
        let lessons = all();
        let (prev, next) = neighbours(lessons[0].id());
        assert_eq!((prev, next.map(|l| l.number)), (None, Some(2)));
        let (prev, next) = neighbours(lessons[15].id());
        assert_eq!((prev.map(|l| l.number), next), (Some(15), None));
        assert_eq!(neighbours("nope"), (None, None));
    }
}
