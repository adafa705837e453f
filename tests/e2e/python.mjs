// Shared steps for the lessons' Python runner (py_runner) in the end-to-end tests.

/** Opens lesson `lesson`'s snippet (in the step page's Details drawer) and its runner. */
export async function openRunner(page, url, lesson, lang = 'en', extra = '') {
  await page.goto(`${url}#lesson=${lesson}&lang=${lang}${extra}`);
  await page.waitForSelector('.py-runner', { state: 'attached', timeout: 30_000 });
  const drawer = page.locator('details.drawer');
  if ((await drawer.count()) && !(await drawer.evaluate((d) => d.open))) {
    await drawer.locator(':scope > summary').click();
  }
  await page.locator('.py-runner').scrollIntoViewIfNeeded();
}

/** Replaces the runner's code (opens the editor first). */
export async function editCode(page, code) {
  if (!(await page.locator('[data-role=py-code]').count())) await page.click('[data-role=py-edit]');
  await page.fill('[data-role=py-code]', code);
  // The edit is kept when the editor loses focus (a change event).
  await page.locator('[data-role=py-code]').blur();
}

/** Presses Run and waits for the run to finish (any outcome); returns the runner's state. */
export async function runAndWait(page, timeout = 60_000) {
  const before = Number(await page.getAttribute('.py-runner', 'data-run'));
  await page.click('[data-role=py-run]');
  await page.waitForFunction(
    (n) => {
      const r = document.querySelector('.py-runner');
      return Number(r.dataset.run) > n && ['completed', 'raised', 'interrupted', 'ended', 'failed'].includes(r.dataset.phase);
    },
    before,
    { timeout },
  );
  return runnerState(page);
}

/** The runner's phase, output lines ({t, text}), error and timing. */
export function runnerState(page) {
  return page.evaluate(() => {
    const r = document.querySelector('.py-runner');
    const lines = [...r.querySelectorAll('[data-role=py-output] li')].map((li) => ({
      t: Number(li.dataset.t),
      text: li.querySelector('.text').textContent,
      err: li.classList.contains('err'),
    }));
    return {
      phase: r.dataset.phase,
      lines,
      error: r.querySelector('[data-role=py-error]')?.textContent ?? null,
      status: r.querySelector('[data-role=py-status]').textContent,
      firstOutputMs: r.dataset.firstOutputMs ? Number(r.dataset.firstOutputMs) : null,
      cold: r.dataset.cold === 'true',
    };
  });
}
