//! Which picture of a run the page shows: the timeline of spans or the charts.

/// The results view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Who ran what, when: one row per lane.
    #[default]
    Timeline,
    /// Wall times and speedups per executor.
    Charts,
}

impl View {
    pub const ALL: [View; 2] = [View::Timeline, View::Charts];

    /// Stable machine name (links, tests, CSS).
    pub fn tag(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Charts => "charts",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.tag() == tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for v in View::ALL {
            assert_eq!(View::from_tag(v.tag()), Some(v));
        }
        assert_eq!(View::from_tag("3d"), None);
    }
}
