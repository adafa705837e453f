// Runs before the app: while the wasm downloads and starts, index.html shows a static page head
// and "Loading…" (#boot), which the app replaces when it mounts (Yew clears <body>). If the app
// fails to start (its script or wasm does not load, or the browser cannot run it), this says so
// in #boot, with the reason, instead of leaving "Loading…" up for good.
(() => {
  const fail = (reason) => {
    const status = document.getElementById('boot-status');
    if (!status) return; // the app has mounted: its own errors are its to show
    const boot = document.getElementById('boot');
    boot.removeAttribute('aria-busy');
    boot.setAttribute('data-state', 'failed');
    status.setAttribute('role', 'alert');
    status.className = 'notice error';
    const text = reason instanceof Error ? reason.message : String(reason ?? '');
    const headline = document.createElement('strong');
    headline.textContent = '页面没能启动 · The page could not start.';
    const advice = document.createTextNode(' 请刷新，或换一个较新的浏览器 · Reload, or try a recent browser.');
    const why = document.createElement('small');
    why.className = 'reason';
    why.textContent = text.slice(0, 300);
    status.replaceChildren(headline, advice, ...(text ? [document.createElement('br'), why] : []));
  };
  window.addEventListener('unhandledrejection', (e) => fail(e.reason));
  // A script or module that fails to load fires `error` on its element (not on window): listen
  // in the capture phase. Runtime errors of scripts arrive as ErrorEvents with a message. (A
  // stylesheet or the icon that fails to load leaves a plainer page, not a dead one.)
  window.addEventListener(
    'error',
    (e) => {
      if (e.target instanceof HTMLScriptElement) {
        fail(`${e.target.src || 'a module of the app'} did not load`);
      } else if (e.message) {
        fail(e.message);
      }
    },
    true,
  );
})();
