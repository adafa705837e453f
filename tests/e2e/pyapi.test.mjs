// End-to-end: the Python API panel over real runs — asyncio on the page's event loop, the
// pool's wait/map/Event — asserting the shape of each outcome from its spans, never times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './browser.mjs';
import { result, READY, sharedBrowserAndServer } from './app.mjs';

const shared = sharedBrowserAndServer();

/** Opens a demo link, runs it on `executor`, and returns the result row and the API outcome. */
async function runDemo(fragment, executor) {
  const { page, errors } = await open(shared.browser.context, `${shared.server.url}#${fragment}`);
  await page.waitForSelector(READY, { timeout: 30_000 });
  await page.click(`#run-${executor}`);
  const row = await result(page, executor);
  const outcome = page.locator(`#api-outcome-${executor}`);
  await outcome.waitFor();
  const spans = JSON.parse(await outcome.getAttribute('data-spans')).map(([task, kind, lane, start, end]) => ({
    task, kind, lane, start, end,
  }));
  return { page, errors, row, outcome, spans };
}

const byTask = (spans, task, kind) => spans.filter((s) => s.task === task && (!kind || s.kind === kind));
const first = (spans, task) => spans.filter((s) => s.task === task).sort((a, b) => a.start - b.start)[0];

test('asyncio: five tasks that each await a 1 s sleep wait at the same time, and gather keeps argument order', async () => {
  const { page, errors, row, outcome, spans } = await runDemo(
    'v=1&w=io&tasks=5&wait_ms=1000&random=0&seed=7&speed=100&cpu=0&x=async&view=timeline&lang=en&api=map',
    'async',
  );
  assert.equal(row.state, 'completed', row.text);
  assert.equal(row.answer, 5_000, 'five waits of 1000 ms');
  const waits = spans.filter((s) => s.kind === 'io');
  assert.equal(waits.length, 5);
  assert.ok(spans.every((s) => s.lane === -1), 'all on the main thread');
  // One instant inside every wait: they overlap, the run is one wait long, not five.
  const latestStart = Math.max(...waits.map((s) => s.start));
  const earliestEnd = Math.min(...waits.map((s) => s.end));
  assert.ok(latestStart < earliestEnd, `the waits overlap (${latestStart} < ${earliestEnd})`);
  assert.equal(await outcome.locator('.map').getAttribute('data-order'), '0,1,2,3,4');
  assert.deepEqual(errors, []);
  await page.close();
});

test('asyncio: a coroutine that busy-waits delays every other wake-up and freezes the page', async () => {
  const { page, errors, row, spans } = await runDemo(
    'v=1&w=io&tasks=5&wait_ms=200&random=0&seed=7&speed=100&cpu=0&x=async&view=timeline&lang=en&api=block:1000',
    'async',
  );
  assert.equal(row.state, 'completed', row.text);
  const blocker = byTask(spans, 4, 'compute').sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  assert.ok(blocker, 'the blocker computed');
  for (const task of [0, 1, 2, 3]) {
    const [wait] = byTask(spans, task, 'io');
    assert.ok(wait.start <= blocker.start, `task ${task} was already awaiting when the blocker started`);
    // Its 200 ms timer was due while the blocker held the loop…
    assert.ok(wait.start + 200 < blocker.end, `task ${task}'s wake-up fell inside the busy span`);
    // …and it was woken only once the blocker let go.
    assert.ok(wait.end >= blocker.end, `task ${task} woke only after the blocker's busy span ended`);
  }
  assert.ok(row.dropped > 0, `the page dropped frames while the loop was held (${row.dropped})`);
  assert.deepEqual(errors, []);
  await page.close();
});

// Seed 7 at speed 400: tasks wait 1173, 1012, 395 and 729 ms.
const RANDOM = 'w=io&tasks=4&wait_ms=1000&random=1&seed=7&speed=400&cpu=0';

for (const executor of ['async', 'pool', 'gil', 'procs']) {
  test(`map delivers in submission order, as_completed in completion order (${executor})`, async () => {
    const { page, errors, row, outcome } = await runDemo(
      `v=1&${RANDOM}&x=${executor}&t=4&view=timeline&lang=en&api=map`,
      executor,
    );
    assert.equal(row.state, 'completed', row.text);
    assert.equal(row.answer, 1173 + 1012 + 395 + 729);
    assert.equal(await outcome.locator('.map').getAttribute('data-order'), '0,1,2,3');
    assert.equal(await outcome.locator('.as-completed').getAttribute('data-order'), '2,3,1,0');
    assert.equal(await outcome.getAttribute('data-completed'), '2,3,1,0', 'done-callbacks fire as each task ends');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// On process workers the page is the caller of `wait`: it sees each worker's results and ends
// the busy workers when the condition is met (they cannot see its cancel flag).
for (const executor of ['pool', 'gil', 'procs']) test(`wait(FIRST_EXCEPTION) returns with the failed task done and the rest pending; they run on unless cancelled (${executor})`, async () => {
  // Task 2 (the shortest wait) raises after its wait.
  const base = `v=1&${RANDOM}&x=${executor}&t=4&fault=error:2&view=timeline&lang=en`;
  const kept = await runDemo(`${base}&api=wait:error:0:0`, executor);
  assert.equal(kept.row.state, 'failed', kept.row.text);
  let wait = kept.outcome.locator('.wait');
  const done = (await wait.getAttribute('data-done')).split(',');
  assert.equal(done.at(-1), '2', 'the wait returned when task 2 raised');
  const pending = (await wait.getAttribute('data-pending')).split(',');
  assert.ok(pending.length > 0);
  assert.deepEqual([...done, ...pending].sort(), ['0', '1', '2', '3']);
  assert.ok((await wait.getAttribute('data-fates')).split(',').every((f) => f === 'later'), 'pending tasks kept running');
  assert.equal(kept.row.finished, 4);
  assert.deepEqual(kept.errors, []);
  await kept.page.close();

  const cancelled = await runDemo(`${base}&api=wait:error:0:1`, executor);
  assert.equal(cancelled.row.state, 'cancelled', cancelled.row.text);
  wait = cancelled.outcome.locator('.wait');
  assert.equal((await wait.getAttribute('data-done')).split(',').at(-1), '2');
  assert.ok((await wait.getAttribute('data-fates')).split(',').every((f) => f === 'cancelled'), 'cancel stopped them');
  assert.ok(cancelled.row.finished < 4);
  assert.deepEqual(cancelled.errors, []);
  await cancelled.page.close();
});

// On process workers each worker holds its own copies of the tasks: the event's moment travels
// with the job, on the clock every worker shares.
for (const executor of ['pool', 'gil', 'procs']) test(`threading.Event holds every worker until it is set, then all go (${executor})`, async () => {
  const { page, errors, row, outcome, spans } = await runDemo(
    `v=1&w=io&tasks=3&wait_ms=100&random=0&seed=7&speed=100&cpu=100&x=${executor}&t=3&view=timeline&lang=en&api=event:500`,
    executor,
  );
  assert.equal(row.state, 'completed', row.text);
  assert.equal(await outcome.locator('.event').getAttribute('data-held'), '3');
  // Each task's first wait is the event (a lane may record its check of the event as a sliver
  // of work just before).
  for (const t of [0, 1, 2]) assert.equal(byTask(spans, t, 'io').length, 2, `task ${t}: held, then its own wait`);
  const holds = [0, 1, 2].map((t) => first(byTask(spans, t, 'io'), t));
  const lastHoldStart = Math.max(...holds.map((h) => h.start));
  assert.ok(lastHoldStart < Math.min(...holds.map((h) => h.end)), 'all three were held at once');
  // The event is set 500 ms after the program starts, and on the pool (GIL or not) the lanes
  // start with the program: the release comes about 500 ms after the run's first span (less
  // the lanes' own start-up, a few ms). Process workers start after the program, so their
  // first span comes later.
  if (executor !== 'procs') {
    const origin = Math.min(...spans.map((s) => s.start));
    const released = Math.min(...holds.map((h) => h.end)) - origin;
    assert.ok(released >= 450 && released < 1_500, `released ${released.toFixed(1)} ms after the start`);
  }
  // Working is computing, or holding the GIL while computing.
  const work = spans.filter((s) => ['compute', 'locked'].includes(s.kind) && s.end > holds[s.task].start);
  assert.ok(work.length > 0);
  assert.ok(work.every((s) => s.start >= lastHoldStart), 'nobody worked before everyone was held');
  assert.deepEqual(errors, []);
  await page.close();
});

test('join waits for every thread; daemon threads are abandoned when the program ends', async () => {
  const joined = await runDemo(`v=1&${RANDOM}&x=async&view=timeline&lang=en&api=join:500`, 'async');
  assert.equal(joined.row.state, 'completed');
  assert.equal(await joined.outcome.locator('.exit').getAttribute('data-abandoned'), '');
  await joined.page.close();
  const daemon = await runDemo(`v=1&${RANDOM}&x=async&view=timeline&lang=en&api=daemon:500`, 'async');
  assert.equal(daemon.row.state, 'cancelled');
  // Only task 2 (395 ms) ends before the program does at 500 ms.
  assert.equal(await daemon.outcome.locator('.exit').getAttribute('data-abandoned'), '0,1,3');
  assert.deepEqual([...joined.errors, ...daemon.errors], []);
  await daemon.page.close();
});

test('daemon process workers stop where the program ends and keep what they did', async () => {
  const daemon = await runDemo(`v=1&${RANDOM}&x=procs&t=4&view=timeline&lang=en&api=daemon:600`, 'procs');
  assert.equal(daemon.row.state, 'cancelled', daemon.row.text);
  assert.equal(await daemon.outcome.locator('.exit').getAttribute('data-abandoned'), '0,1,3');
  // Each abandoned task was waiting when the program ended: its wait is on the timeline, cut
  // short — the worker stopped itself instead of being killed with its spans.
  const cut = [0, 1, 3].map((t) => byTask(daemon.spans, t, 'io')[0]);
  assert.ok(cut.every(Boolean), 'every abandoned task shows its wait');
  const done = byTask(daemon.spans, 2, 'io')[0];
  assert.ok(cut.every((w) => w.end > done.end), 'the abandoned waits ran past the finished task');
  assert.ok(cut.every((w) => w.end - w.start < 729), 'and were cut before any of them could end');
  assert.deepEqual(daemon.errors, []);
  await daemon.page.close();
});

test('lesson 14 on process workers: wait(timeout=0.5) then cancel — each worker stops at the deadline it was given', async () => {
  // Waits 1173, 1012, 395, 729, 510, 790, 437, 1151 ms on 4 workers, one task per batch.
  const { page, errors, row, outcome, spans } = await runDemo(
    'v=1&w=io&tasks=8&wait_ms=1000&random=1&seed=7&speed=400&cpu=0&x=procs&t=4&view=timeline&lang=en&api=wait:all:500:1',
    'procs',
  );
  assert.equal(row.state, 'cancelled', row.text);
  const wait = outcome.locator('.wait');
  const pending = (await wait.getAttribute('data-pending')).split(',').filter(Boolean);
  assert.ok(pending.length > 0, 'some tasks were still running at the timeout');
  assert.ok((await wait.getAttribute('data-fates')).split(',').every((f) => f === 'cancelled'), 'and they were stopped');
  // The tasks that were waiting at the deadline kept their cut-off waits: the workers stopped
  // themselves instead of being killed with their spans.
  const cut = pending.map(Number).map((t) => byTask(spans, t, 'io')[0]).filter(Boolean);
  assert.ok(cut.length >= 2, `cut-off waits on the timeline (${pending})`);
  // Tasks 0 and 1 (1173 and 1012 ms) were cut; all cut waits ended together, at the deadline.
  for (const t of [0, 1]) assert.ok(byTask(spans, t, 'io')[0], `task ${t}'s wait is there`);
  const ends = cut.map((w) => w.end);
  assert.ok(Math.max(...ends) - Math.min(...ends) < 150, `cut together: ${ends.map((e) => e.toFixed(0))}`);
  assert.ok(cut.every((w) => w.end - w.start < 1_000), 'each before its own wait would have ended');
  assert.deepEqual(errors, []);
  await page.close();
});

// (The chunk-size sweep itself is the chunk chart's: tests/e2e/visuals.test.mjs.)
// Chunks long enough to take many ticks of a coarse clock (Firefox's are 20 µs): shorter spans
// are measured as empty, and a run with none has no times to show.
test('a squares run seen as imap: chunk 200000 is one chunk, chunk 60000 four, delivered in order', async () => {
  const { page, errors } = await open(shared.browser.context, `${shared.server.url}#v=1&w=squares&n=200000&chunk=200000&x=pool&t=2&lang=en`);
  await page.waitForSelector(READY, { timeout: 30_000 });
  await page.click('#run-pool');
  const r = await result(page, 'pool');
  assert.equal(r.state, 'completed');
  assert.equal(r.answer, 2_666_646_666_700_000);
  assert.equal(r.finished, 1);
  // The same run seen as imap: one chunk of 200000 items. Then chunk 60000: four chunks, in order.
  await page.selectOption('#api-call', 'map');
  await page.fill('#param-chunk', '60000');
  await page.click('#run-pool');
  await result(page, 'pool');
  const imap = page.locator('#api-outcome-pool .imap');
  assert.equal(await imap.getAttribute('data-chunks'), '4');
  assert.equal(await page.locator('#api-outcome-pool .map').getAttribute('data-order'), '0,1,2,3');
  assert.deepEqual(errors, []);
  await page.close();
});
