//! How the page became cross-origin isolated, or why it did not: what `www/isolation.js`
//! (which runs before the app) found and did, read from `<html data-isolation="…">`.
//!
//! Static hosts that cannot send COOP/COEP (GitHub Pages) get them from a service worker
//! (`coi-serviceworker`) that adds the headers to every response; the page reloads itself once
//! so that it is served through it. Each way this can fail is a lesson the page explains.

/// What the isolation script found or did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Isolation {
    /// No script reported (a dev server, or the script did not run).
    #[default]
    Unknown,
    /// The server sent the headers itself.
    Headers,
    /// The service worker added the headers.
    ServiceWorker,
    /// The service worker is being installed; the page reloads once it is.
    Registering,
    Reloading,
    /// The browser has no notion of cross-origin isolation (too old for shared memory).
    Unsupported,
    /// Not a secure context (https or localhost): service workers are not allowed.
    Insecure,
    /// The browser offers no service workers here (some private windows, policies).
    NoServiceWorker,
    /// The browser refused to install the service worker, with its reason.
    Refused(String),
    /// A service worker is installed, yet the page is not isolated (it was bypassed, e.g. by
    /// a hard reload or developer tools, or the browser ignored its headers).
    NoEffect,
    /// The page could not remember that it had reloaded (no session storage), so it did not
    /// reload itself: reloading by hand finishes the job.
    NoReload,
}

impl Isolation {
    /// Reads the script's `data-isolation` value and its `data-isolation-detail`.
    pub fn from_tag(tag: &str, detail: &str) -> Self {
        match tag {
            "headers" => Isolation::Headers,
            "service-worker" => Isolation::ServiceWorker,
            "registering" => Isolation::Registering,
            "reloading" => Isolation::Reloading,
            "unsupported" => Isolation::Unsupported,
            "insecure" => Isolation::Insecure,
            "no-service-worker" => Isolation::NoServiceWorker,
            "refused" => Isolation::Refused(crate::history::cut(detail)),
            "no-effect" => Isolation::NoEffect,
            "no-reload" => Isolation::NoReload,
            _ => Isolation::Unknown,
        }
    }

    pub fn tag(&self) -> &'static str {
        match self {
            Isolation::Unknown => "unknown",
            Isolation::Headers => "headers",
            Isolation::ServiceWorker => "service-worker",
            Isolation::Registering => "registering",
            Isolation::Reloading => "reloading",
            Isolation::Unsupported => "unsupported",
            Isolation::Insecure => "insecure",
            Isolation::NoServiceWorker => "no-service-worker",
            Isolation::Refused(_) => "refused",
            Isolation::NoEffect => "no-effect",
            Isolation::NoReload => "no-reload",
        }
    }

    /// Whether the page is about to reload itself (nothing should start now).
    pub fn pending(&self) -> bool {
        matches!(self, Isolation::Registering | Isolation::Reloading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_unknown_tags_are_unknown() {
        for i in [
            Isolation::Headers,
            Isolation::ServiceWorker,
            Isolation::Registering,
            Isolation::Reloading,
            Isolation::Unsupported,
            Isolation::Insecure,
            Isolation::NoServiceWorker,
            Isolation::Refused("SecurityError: denied".into()),
            Isolation::NoEffect,
            Isolation::NoReload,
        ] {
            let detail = match &i {
                Isolation::Refused(d) => d.clone(),
                _ => String::new(),
            };
            assert_eq!(Isolation::from_tag(i.tag(), &detail), i);
        }
        assert_eq!(Isolation::from_tag("", ""), Isolation::Unknown);
        assert_eq!(Isolation::from_tag("<script>", "x"), Isolation::Unknown);
        assert!(Isolation::Registering.pending());
        assert!(!Isolation::Refused(String::new()).pending());
    }
}
