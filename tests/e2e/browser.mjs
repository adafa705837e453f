// Launches Debian's Chromium headless with the flags this closed network needs, and collects
// console errors so tests can fail on them.
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

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
 * learner or a policy can set it.
 */
export async function launch({ locale = 'en-US', serviceWorkers = 'allow', blockSiteData = false } = {}) {
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
