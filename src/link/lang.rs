//! The language(s) the page speaks: Chinese, English, or both side by side.

/// Which language the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Zh,
    En,
    /// Both, side by side (the page's first language is Chinese).
    #[default]
    Both,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Both];

    /// Stable machine name (links, storage, `lang` attributes).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Both => "both",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The page's language for `<html lang>` (BCP 47), so screen readers and fonts pick the
    /// right one. Both languages side by side read as Chinese first, like the page.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh | Lang::Both => "zh-CN",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn the_page_language_is_chinese_unless_english_alone() {
        assert_eq!(Lang::Zh.html_lang(), "zh-CN");
        assert_eq!(Lang::En.html_lang(), "en");
        assert_eq!(Lang::Both.html_lang(), "zh-CN");
    }
}
