// End-to-end: the lessons as steps. At 1280×800 every step of every lesson, once its action has
// finished, has its note, its figure and its caption on screen together, in English and in
// 中文; at 390×844 no step scrolls sideways and the bottom bar moves and runs. A guess is
// graded against the run and kept across a reload; step links round-trip; a link without a
// step (an old preset) opens the lesson's first step with its own demo under Details; ← → and
// Enter work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { withApp } from './app.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const DONE = '[data-role=caption].filled, [data-role=caption].differs';

/** Opens a link in the page (a hash change, as a learner pasting it would). */
async function openLink(page, fragment) {
  await page.evaluate((f) => { location.hash = f; }, fragment);
}

/** The step the page shows: its key, index and count. */
async function shown(page) {
  return page.evaluate(() => {
    const v = document.querySelector('#step-view');
    const dots = [...document.querySelectorAll('.step-dots .dot')];
    return v && { lesson: v.dataset.lesson, key: v.dataset.step, index: dots.findIndex((d) => d.classList.contains('current')), count: dots.length };
  });
}

/** The note, the figure and the caption, each wholly inside the viewport? Names what is not. */
function outside(page) {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const H = window.innerHeight;
    const out = [];
    for (const role of ['step-note', 'figure', 'caption']) {
      const el = document.querySelector(`[data-role=${role}]`);
      if (!el) continue;
      const b = el.getBoundingClientRect();
      if (b.top < -1 || b.left < -1 || b.bottom > H + 1 || b.right > W + 1) out.push(`${role} ${Math.round(b.top)}..${Math.round(b.bottom)}`);
    }
    return out;
  });
}

/** Does the step's action: a guess (the first choice), then Run, the scene's or the comparison's own button. */
async function act(page) {
  const choice = page.locator('[data-role=predict] [data-choice="0"]');
  if (await choice.count()) await choice.click();
  const run = page.locator('[data-role=run]');
  if (await run.count()) {
    await run.click();
  } else if (await page.locator('[data-role=figure] #scene-run').count()) {
    await page.click('[data-role=figure] #scene-run');
  } else if (await page.locator('[data-role=figure] #lang-compare-run').count()) {
    await page.click('[data-role=figure] #lang-compare-run');
    await page.waitForSelector('#lang-compare-result', { timeout: 60_000 });
  }
  await page.waitForSelector(DONE, { timeout: 90_000 });
  // Run scrolls the step to the top of the screen by itself; a step run from its own panel
  // (the scene, the comparison) is scrolled there by the learner, as here.
  if (!(await run.count())) await page.evaluate(() => document.querySelector('#step-view').scrollIntoView());
}

test('at 1280×800 every step of every lesson shows its note, figure and caption together once it has run, in English and 中文', { timeout: 1_200_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const lessons = await page.locator('#lesson option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    assert.equal(lessons.length, 16);
    const counts = [];
    for (const lesson of lessons) {
      await openLink(page, `v=1&lesson=${lesson}&lang=en`);
      await page.waitForFunction((l) => document.querySelector('#step-view')?.dataset.lesson === l, lesson);
      // Open the first step with its own demo.
      await page.click('.step-dots .dot[data-step-index="0"]');
      const { count } = await shown(page);
      counts.push(count);
      assert.ok(count >= 3 && count <= 6, `${lesson}: ${count} steps`);
      for (let i = 0; i < count; i++) {
        const step = await shown(page);
        assert.equal(step.index, i, `${lesson}: on step ${i}`);
        await page.waitForSelector('[data-role=step-note] .fetched[data-loaded=true]');
        await act(page);
        assert.deepEqual(await outside(page), [], `${lesson} [${step.key}] en`);
        // One way to start the step: its Run, not a second button inside the figure.
        assert.equal(await page.locator('[data-role=figure] #sweep-start, [data-role=figure] #chunk-sweep-start').count(), 0);
        const caption = await page.locator('[data-role=caption]').innerText();
        assert.doesNotMatch(caption, /\{[a-z_]+\}/, `${lesson} [${step.key}]: a placeholder left unfilled: ${caption}`);
        await page.click('#lang-zh');
        await page.waitForSelector('[data-role=step-note] article[lang="zh-CN"] .fetched[data-loaded=true]');
        await page.evaluate(() => document.querySelector('#step-view').scrollIntoView());
        assert.deepEqual(await outside(page), [], `${lesson} [${step.key}] zh`);
        assert.match(await page.locator('[data-role=caption]').innerText(), /[\u4e00-\u9fff]/, `${lesson} [${step.key}]: the caption in 中文`);
        await page.click('#lang-en');
        if (i + 1 < count) await page.click('[data-role=next]');
      }
    }
    assert.deepEqual(errors, []);
  });
});

test('at 390×844 no step scrolls sideways in either language, and the bottom bar moves between steps and runs', { timeout: 600_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const lessons = await page.locator('#lesson option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    for (const lang of ['zh', 'en']) {
      for (const lesson of lessons) {
        await openLink(page, `v=1&lesson=${lesson}&lang=${lang}`);
        await page.waitForFunction((l) => document.querySelector('#step-view')?.dataset.lesson === l, lesson);
        const { count } = await shown(page);
        for (let i = 0; i < count; i++) {
          await page.click(`.step-dots .dot[data-step-index="${i}"]`);
          await page.waitForFunction((n) => document.querySelector('.step-dots .dot.current')?.dataset.stepIndex === String(n), i);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 390, `${lesson} step ${i + 1} (${lang}): the page is ${width} px wide`);
        }
      }
    }
    // The bar is fixed at the bottom, its buttons at least 44 px tall, and it works.
    await openLink(page, 'v=1&lesson=07-gil&step=two-counters&lang=en');
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.step === 'two-counters');
    const bar = await page.locator('.step-bar').boundingBox();
    assert.ok(Math.abs(bar.y + bar.height - 844) < 2, `the bar sits at the bottom: ${JSON.stringify(bar)}`);
    for (const role of ['prev', 'run', 'next']) {
      const b = await page.locator(`[data-role=${role}]`).boundingBox();
      assert.ok(b.height >= 44 && b.width >= 44, `${role}: ${JSON.stringify(b)}`);
    }
    await page.click('[data-role=predict] [data-role=skip]');
    await page.click('[data-role=run]');
    await page.waitForSelector(DONE, { timeout: 60_000 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'after a run too');
    // In one column Run brings the stage (the figure, then the caption) to the top of the screen.
    const stage = await page.locator('[data-role=stage]').boundingBox();
    assert.ok(Math.abs(stage.y) < 2, `the stage starts at the top: ${JSON.stringify(stage)}`);
    await page.click('[data-role=next]');
    assert.equal((await shown(page)).index, 1);
    await page.click('[data-role=prev]');
    assert.equal((await shown(page)).index, 0);
    assert.deepEqual(errors, []);
  });
});

test('a guess is graded against the run, kept across a reload, and the step link reopens the same step', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await openLink(page, 'v=1&lesson=07-gil&step=relay&lang=en');
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.step === 'relay');
    // Run waits for a guess.
    assert.equal(await page.locator('[data-role=run]').isDisabled(), true);
    await page.click('[data-role=predict] [data-choice="2"]');
    assert.equal(await page.locator('[data-role=predict] [data-choice="2"]').getAttribute('aria-pressed'), 'true');
    await page.click('[data-role=run]');
    await page.waitForSelector(DONE, { timeout: 60_000 });
    // The verdict names the measured ratio, the caption quotes the run's wall times.
    const verdict = await page.locator('[data-role=verdict]').innerText();
    const measured = Number(verdict.match(/Measured: ([\d.]+)×/)[1]);
    const pool = Number(await page.locator('#result-pool .wall-time').getAttribute('data-ms'));
    const caption = await page.locator('[data-role=caption]').innerText();
    assert.match(verdict, /You chose “about twice as long”/);
    // Graded by the cut points 0.7 and 1.4: the right choice is the band the measurement is in.
    const band = measured < 0.7 ? 0 : measured < 1.4 ? 1 : 2;
    assert.equal(await page.locator('.choice.right').getAttribute('data-choice'), String(band), verdict);
    assert.equal(/Right\./.test(verdict), band === 2, verdict);
    assert.ok(caption.includes(`${measured.toFixed(2)}×`), `${caption} / ${measured}`);
    // The expected band's caption quotes the wall times; outside it (a core busy with other
    // work) the "this device differs" caption says why instead.
    if (await page.locator('[data-role=caption].differs').count()) {
      assert.match(caption, /^This device measured/, caption);
    } else {
      const msText = (ms) => ms.toFixed(ms >= 100 ? 0 : ms >= 1 ? 1 : 2);
      assert.ok(caption.includes(`${msText(pool)} ms`), `${caption} / ${pool}`);
    }
    // The address is the step's link; a reload opens the same step with the guess kept.
    assert.match(await page.evaluate(() => location.hash), /lesson=07-gil&step=relay/);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.step === 'relay');
    assert.equal(await page.locator('[data-role=predict] [data-choice="2"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('[data-role=run]').isDisabled(), false, 'the guess is kept: Run is open');
    // The step counts as seen and run on the lesson's dots.
    assert.match(await page.locator('.step-dots .dot[data-step-index="1"]').getAttribute('class'), /seen/);
    assert.deepEqual(errors, []);
  });
});

test('a link without a step (an old preset) opens the first step with its own demo under Details', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    const preset = 'v=1&w=counter&n=1000000000&tasks=2&x=main,pool,gil&t=2&view=timeline&lang=both&lesson=07-gil';
    await openLink(page, preset);
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.lesson === '07-gil');
    assert.equal((await shown(page)).index, 0);
    assert.notEqual(await page.locator('details.drawer').getAttribute('open'), null, 'Details is open on the link\'s demo');
    // The link's demo is there, as written, with the full instrument panel.
    assert.equal(await page.inputValue('#param-n'), '1000000000');
    assert.equal(await page.locator('#run-gil').isVisible(), true);
    // Both languages' notes side by side; the stage's labels in one language.
    assert.equal(await page.locator('[data-role=step-note] article').count(), 2);
    assert.doesNotMatch(await page.locator('[data-role=step-count]').innerText(), / · /);
    // A step opened from there closes the drawer's demo for the step's own.
    await page.click('.step-dots .dot[data-step-index="1"]');
    assert.match(await page.evaluate(() => location.hash), /step=relay/);
    assert.doesNotMatch(await page.evaluate(() => location.hash), /n=1000000000/);
    assert.deepEqual(errors, []);
  });
});

test('← and → move between steps and Enter runs the step', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await openLink(page, 'v=1&lesson=01-concurrency-vs-parallelism&lang=en');
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.lesson === '01-concurrency-vs-parallelism');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.step-dots .dot.current')?.dataset.stepIndex === '1');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.step-dots .dot.current')?.dataset.stepIndex === '0');
    // Enter does nothing before a guess, and runs after one.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await page.locator(DONE).count(), 0);
    await page.click('[data-role=predict] [data-role=skip]');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Enter');
    await page.waitForSelector(DONE, { timeout: 60_000 });
    assert.deepEqual(errors, []);
  });
});

test('the home page maps the course with each lesson\'s steps seen, and Continue opens the next unseen step', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.evaluate(() => localStorage.removeItem('concurrency-playground.progress'));
    await openLink(page, 'v=1&lang=en');
    const map = page.locator('[data-role=lesson-map]');
    await map.waitFor();
    assert.equal(await map.locator('li').count(), 16);
    assert.equal(await page.locator('[data-role=continue]').count(), 0, 'nothing seen yet: no Continue');
    // Seeing lesson 7's first two steps.
    await map.locator('li[data-lesson="07-gil"] button').click();
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.lesson === '07-gil');
    await page.click('[data-role=next]');
    await page.waitForFunction(() => document.querySelector('.step-dots .dot.current')?.dataset.stepIndex === '1');
    await page.click('#nav-playground');
    await map.waitFor();
    assert.equal(await map.locator('li[data-lesson="07-gil"]').getAttribute('data-state'), 'started');
    assert.match(await map.locator('li[data-lesson="07-gil"] .map-steps').innerText(), /^2\/5 steps$/);
    assert.equal(await map.locator('li[data-lesson="06-cores-and-threads"]').getAttribute('data-state'), 'new');
    const go = page.locator('[data-role=continue]');
    assert.match(await go.innerText(), /lesson 07 · step 3/);
    await go.click();
    await page.waitForFunction(() => document.querySelector('#step-view')?.dataset.lesson === '07-gil');
    assert.equal((await shown(page)).index, 2);
    assert.deepEqual(errors, []);
  });
});
