// End-to-end: the learner as the scheduler (lesson 11). A lost update caused by hand, named;
// the lock that cannot be broken (the other thread shown blocked); the deadlock caused and
// fixed by one lock order; every order counted (20, 18 of them bad); keys 1, 2 and U; a shared
// schedule reopening at the same step; the real run's lost updates beside the orders.
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

const il = (page) => page.locator('#interleaver');
const step = (page, t) => page.click(`[data-role=il-step][data-thread="${t}"]`);
const message = (page) => page.locator('[data-role=il-message]').innerText();

async function openStep(page, key) {
  await page.evaluate((k) => { location.hash = `v=1&lesson=11-races-and-locks&step=${k}&lang=en`; }, key);
  await page.waitForFunction((k) => document.querySelector('#step-view')?.dataset.step === k, key);
  await il(page).waitFor();
}

test('a learner causes a lost update, cannot with the lock, and every order is counted', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await openStep(page, 'be-the-scheduler');
    assert.equal(await il(page).getAttribute('data-scenario'), 'lost-update');
    const all = page.locator('.il-all');
    assert.equal(await all.getAttribute('data-orders'), '20');
    assert.equal(await all.getAttribute('data-broken'), '18');
    assert.equal(await page.locator('.il-leaf').count(), 20);
    // A reads, B reads, A finishes: B's read is now out of date.
    for (const t of [0, 1, 0, 0]) await step(page, t);
    assert.match(await message(page), /Thread B read 100, but balance is now 110/);
    await step(page, 1);
    await step(page, 1);
    assert.equal(await il(page).getAttribute('data-outcome'), 'wrong');
    assert.match(await message(page), /Both threads read 100 before either stored: thread B's store wrote over the other's update/);
    assert.match(await page.locator('[data-role=il-shared]').innerText(), /balance = 90/);
    // Undo without limit, by button and by key.
    await page.click('[data-role=il-undo]');
    assert.equal(await il(page).getAttribute('data-steps'), '5');
    await il(page).focus();
    await page.keyboard.press('u');
    await page.keyboard.press('Backspace');
    assert.equal(await il(page).getAttribute('data-steps'), '3');
    await page.keyboard.press('2');
    assert.equal(await il(page).getAttribute('data-steps'), '4');
    // A correct order replayed from the list, step by step from the start: one thread wholly
    // before the other.
    await page.click('.il-leaf[data-schedule="lost-update:000111"]');
    await page.waitForFunction(() => ['1', '2', '3'].includes(document.querySelector('#interleaver').dataset.steps));
    await page.waitForSelector('#interleaver[data-steps="6"][data-outcome="correct"]', { timeout: 10_000 });
    assert.match(await message(page), /balance = 100, as it should be/);
    // With the lock the stepper cannot break it: B waits while A holds the lock.
    await page.click('.il-scenarios [data-scenario="with-lock"]');
    await step(page, 0);
    assert.equal(await page.locator('[data-role=il-step][data-thread="1"]').isDisabled(), true);
    assert.equal(await page.locator('.il-thread[data-thread="1"]').getAttribute('data-state'), 'blocked');
    assert.match(await message(page), /Thread B is blocked: thread A holds lock/);
    assert.equal(await page.locator('.il-all').getAttribute('data-broken'), '0');
    // The real race beside it: its lost updates in the caption and under the stepper.
    await page.click('[data-role=predict] [data-choice="2"]');
    // Enter in the stepper is the stepper's: it does not start the step's run.
    await il(page).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#progress, [data-role=caption].filled').count(), 0);
    await page.click('[data-role=run]');
    await page.waitForSelector('[data-role=caption].filled', { timeout: 60_000 });
    assert.match(await page.locator('[data-role=verdict]').innerText(), /Right\./);
    const lost = Number(await page.locator('#result-pool .detail[data-key="lost_updates"]').getAttribute('data-value'));
    const real = await page.locator('[data-role=il-real]').innerText();
    // Two tellers × 5,000,000 rounds, a deposit and a withdrawal each.
    assert.match(real, /of 20000000 updates lost on 2 threads/);
    assert.ok(Number.isFinite(lost) && real.includes(` ${lost} of 20000000`), `${real} / ${lost}`);
    assert.match(await page.locator('[data-role=caption]').innerText(), /The real run lost \d+ updates on 2 threads/);
    assert.deepEqual(errors, []);
  });
});

test('lesson 12: stepping the Event, B never gets past wait() before set()', { timeout: 60_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await page.evaluate(() => { location.hash = 'v=1&lesson=12-threading&step=event-scheduler&lang=en'; });
    await il(page).waitFor();
    assert.equal(await il(page).getAttribute('data-scenario'), 'event');
    assert.equal(await page.locator('[data-role=il-step][data-thread="1"]').isDisabled(), true);
    assert.match(await message(page), /Thread B waits for ready to be set/);
    await step(page, 0);
    assert.equal(await page.locator('[data-role=il-step][data-thread="1"]').isDisabled(), true, 'data written, not yet set');
    await step(page, 0);
    for (let i = 0; i < 3; i++) await step(page, 1);
    assert.match(await page.locator('[data-role=il-shared]').innerText(), /x = 42/);
    assert.equal(await page.locator('.il-all').getAttribute('data-broken'), '0');
    assert.deepEqual(errors, []);
  });
});

test('a learner causes the deadlock, the message names the cycle, one lock order fixes it, and a shared schedule reopens', { timeout: 120_000 }, async () => {
  await withApp(browser, { isolated: true }, async (page, errors) => {
    await openStep(page, 'deadlock');
    assert.equal(await il(page).getAttribute('data-scenario'), 'deadlock');
    await step(page, 0);
    await step(page, 1);
    assert.equal(await il(page).getAttribute('data-outcome'), 'deadlock');
    assert.match(await message(page), /Deadlock: thread A holds lock_a and waits for lock_b; thread B holds lock_b and waits for lock_a/);
    assert.equal(await page.locator('[data-role=il-step]:not([disabled])').count(), 0, 'nobody can step');
    assert.ok(Number(await page.locator('.il-all').getAttribute('data-deadlocks')) > 0);
    // The link carries the schedule: a fresh page opens the same step, stuck the same way.
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /step=deadlock/);
    assert.match(hash, /il=deadlock:01/);
    const again = await browser.context.newPage();
    await again.goto(page.url());
    await again.waitForSelector('#interleaver[data-outcome="deadlock"]', { timeout: 30_000 });
    assert.equal(await again.locator('#interleaver').getAttribute('data-steps'), '2');
    await again.close();
    // One lock order: no order deadlocks.
    await page.click('.il-scenarios [data-scenario="lock-order"]');
    assert.equal(await page.locator('.il-all').getAttribute('data-deadlocks'), '0');
    await step(page, 0);
    assert.equal(await page.locator('[data-role=il-step][data-thread="1"]').isDisabled(), true);
    for (let i = 0; i < 4; i++) await step(page, 0);
    for (let i = 0; i < 5; i++) await step(page, 1);
    assert.equal(await il(page).getAttribute('data-outcome'), 'correct');
    // A hand-edited schedule the scenario cannot take: a notice, and the stepper starts over.
    await page.evaluate(() => { location.hash = 'v=1&lesson=11-races-and-locks&step=deadlock&lang=en&il=deadlock:0000000'; });
    await page.locator('#link-notices').waitFor();
    assert.equal(await il(page).getAttribute('data-steps'), '0');
    assert.deepEqual(errors, []);
  });
});
