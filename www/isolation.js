// Runs first, before the app: makes the page cross-origin isolated on static hosts that cannot
// send COOP/COEP themselves (GitHub Pages). It registers coi-serviceworker, which adds those
// headers to every response of this site, and reloads the page once so that the page itself
// comes through it. Never more than once: a flag in sessionStorage remembers the reload, so a
// worker that is bypassed or ignored gives a not-isolated page, not a reload loop.
//
// What happened is recorded on <html data-isolation="…" data-isolation-detail="…"> (the app
// reads it and explains) and announced with an `isolationchange` event.
(() => {
  const root = document.documentElement;
  const report = (state, detail) => {
    root.setAttribute('data-isolation', state);
    if (detail) root.setAttribute('data-isolation-detail', String(detail).slice(0, 200));
    window.dispatchEvent(new Event('isolationchange'));
  };
  const FLAG = 'concurrency-playground.isolation-reload';
  let session = null;
  let reloaded = false;
  try {
    session = window.sessionStorage;
    reloaded = session.getItem(FLAG) !== null;
    session.removeItem(FLAG);
  } catch {
    session = null; // storage disabled: no way to remember a reload, so none is made
  }
  const sw = navigator.serviceWorker;
  if (window.crossOriginIsolated === true) {
    report(sw && sw.controller ? 'service-worker' : 'headers');
    return;
  }
  if (window.crossOriginIsolated === undefined) return report('unsupported');
  if (!window.isSecureContext) return report('insecure');
  if (!sw) return report('no-service-worker');
  if (reloaded || sw.controller) {
    // Served through the worker already, yet not isolated: reloading again would not help.
    return report('no-effect');
  }
  report('registering');
  // Relative to the page, so the app also works below a sub-path (user.github.io/repo/).
  // A worker that never starts (a browser or extension that holds registration forever) must
  // not leave the page waiting: after 8 s it counts as refused.
  const timeout = new Promise((_, fail) => {
    setTimeout(() => fail(new Error('the service worker did not start within 8 s')), 8_000);
  });
  Promise.race([sw.register('./coi-serviceworker.js').then(() => sw.ready), timeout]).then(() => {
    if (!session) return report('no-reload');
    try {
      session.setItem(FLAG, '1');
    } catch {
      return report('no-reload');
    }
    report('reloading');
    window.location.reload();
  }).catch((err) => report('refused', `${err && err.name}: ${err && err.message}`));
})();
