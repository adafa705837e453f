// Launches Debian's Chromium headless with the flags this closed network needs, and collects
// console errors so tests can fail on them.
import { chromium, firefox } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Which browser the suite drives: `BROWSER=firefox` for Firefox ESR, Chromium otherwise. */
export const BROWSER = process.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const IS_FIREFOX = BROWSER === 'firefox';

// Without the background-networking flags Chromium stalls on connections this machine refuses.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Known, harmless console output, matched by exact text (never "all warnings").
const KNOWN_NOISE = [
  // wasm-bindgen-rayon 1.3.0's worker calls init(module, memory), once per thread.
  'using deprecated parameters for the initialization function; pass a single object instead',
];

/**
 * Starts Chromium; `locale` sets the browser's language (navigator.language).
 * `serviceWorkers: 'block'` keeps pages from registering service workers; `blockSiteData`
 * starts the profile with site data (cookies, localStorage, service workers) disabled, as a
 * learner or a policy can set it. `reducedMotion` starts a browser that prefers reduced motion;
 * `firefoxPrefs` are more preferences for Firefox (Chromium ignores them).
 */
export async function launch({ locale = 'en-US', serviceWorkers = 'allow', blockSiteData = false, reducedMotion = false, firefoxPrefs = {} } = {}) {
  if (IS_FIREFOX) return launchFirefox({ locale, serviceWorkers, blockSiteData, reducedMotion, firefoxPrefs });
  const userDataDir = await mkdtemp(join(tmpdir(), 'cp-chromium-'));
  if (blockSiteData) {
    await mkdir(join(userDataDir, 'Default'), { recursive: true });
    const prefs = { profile: { default_content_setting_values: { cookies: 2 } } };
    await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    locale,
    args: ARGS,
    serviceWorkers,
    ...(reducedMotion ? { reducedMotion: 'reduce' } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Firefox ESR over WebDriver BiDi (Playwright's `moz-` channels drive a stock
 * Firefox; 1.64 is the last Playwright whose BiDi commands Firefox 153 ESR all knows).
 */
async function launchFirefox({ locale, serviceWorkers, blockSiteData, reducedMotion, firefoxPrefs: extra }) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cp-firefox-'));
  const firefoxUserPrefs = {
    'intl.accept_languages': locale,
    'intl.locale.requested': locale,
    // The closed network: nothing to update, report or prefetch.
    'app.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'dom.serviceWorkers.enabled': serviceWorkers !== 'block',
  };
  if (blockSiteData) firefoxUserPrefs['network.cookie.cookieBehavior'] = 2;
  if (reducedMotion) firefoxUserPrefs['ui.prefersReducedMotion'] = 1;
  Object.assign(firefoxUserPrefs, extra);
  const context = await firefox.launchPersistentContext(userDataDir, {
    channel: 'moz-firefox',
    executablePath: FIREFOX,
    headless: true,
    locale,
    firefoxUserPrefs,
  });
  return {
    context,
    profileDir: userDataDir,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new page and records console errors and uncaught exceptions. */
export async function open(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    const text = msg.text();
    if (KNOWN_NOISE.some((n) => text.includes(n))) return;
    if (msg.type() === 'error') errors.push(text);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url);
  return { page, errors };
}

/**
 * Runs `click` and returns the file the page offers as a download: `{ name, body }` (a Buffer).
 * Chromium: Playwright's download event, the file as the browser saved it. Firefox ESR over
 * BiDi gives Playwright 1.64 no download event, so there the page's own download link is read:
 * a hook records the Blob behind the next `<a download>` the page clicks (and saves nothing).
 */
export async function downloadFrom(page, click) {
  if (!IS_FIREFOX) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  }
  await page.evaluate(() => {
    if (window.__downloads) return;
    window.__downloads = [];
    // The Blob behind each object URL: the page may revoke the URL as soon as it has clicked.
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click() {
      const blob = this.download && blobs.get(this.href);
      if (!blob) return original.call(this);
      const name = this.download;
      window.__downloads.push(blob.arrayBuffer().then((b) => ({ name, bytes: Array.from(new Uint8Array(b)) })));
    };
  });
  const before = await page.evaluate(() => window.__downloads.length);
  await click();
  await page.waitForFunction((n) => window.__downloads.length > n, before);
  const { name, bytes } = await page.evaluate((n) => window.__downloads[n], before);
  return { name, body: Buffer.from(bytes) };
}
