// The exercise tab in Chromium: the course's list, loading an exercise into
// the editor, its instructions and hints, the checker's verdict on the
// starter (fails) and on the reference solution (passes), an exercise's
// memory limit applied to the settings. Needs a built page (scripts/build-web.sh).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPlayground, root, servePage } from './harness.mjs';

const exerciseDir = join(root, 'examples', 'exercises');
const exerciseJson = (id) => JSON.parse(readFileSync(join(exerciseDir, `${id}.json`), 'utf8'));
const solution = (id) => readFileSync(join(exerciseDir, `${id}.solution.py`), 'utf8');
const lines = (text) => (Array.isArray(text) ? text.map((line) => `${line}\n`).join('') : text);

let server;
let browser;
let playground;
let page;

const panel = () => playground.view('exercise');
const editorText = () => page.evaluate(() => window.heaplab.editor.text());
const settings = () => page.evaluate(() => window.heaplab.settings());

async function openExercise(id) {
  if (!(await panel()).listShown) await page.click('.exercise-back');
  await page.click(`.exercise-list-button[data-id="${id}"]`);
  return playground.waitFor(panel, (state) => state.current?.id === id, `exercise ${id} to load`);
}

// Clicks "Check my solution" and waits for the verdict.
async function check() {
  await page.click('.exercise-check');
  const started = performance.now();
  const state = await playground.waitFor(panel, (s) => !s.checking && (s.result || s.error), 'the check to end', 30_000);
  console.log(`check took ${Math.round(performance.now() - started)} ms`);
  return state;
}

const rows = () => page.$$eval('.check-row', (items) => items.map((item) => ({
  badge: item.querySelector('.check-badge').textContent,
  name: item.querySelector('.check-name').textContent,
})));

describe('exercise tab', () => {
  before(async () => {
    const served = await servePage();
    server = served.server;
    browser = await launchBrowser();
    playground = await openPlayground(browser, served.url);
    page = playground.page;
    await playground.showView('exercise');
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('lists the 15 exercises with their titles and topics', async () => {
    const state = await panel();
    assert.equal(state.exercises.length, 15);
    assert.equal(state.listShown, true);
    const shown = await page.$$eval('.exercise-list-button', (buttons) => buttons.map((b) => ({
      id: b.dataset.id,
      title: b.querySelector('.exercise-list-title').textContent,
      topic: b.querySelector('.exercise-list-topic').textContent,
    })));
    assert.equal(shown.length, 15);
    const cycles = exerciseJson('03_cycles');
    assert.deepEqual(shown[2], { id: '03_cycles', title: cycles.title, topic: cycles.topic });
    assert.ok(state.exercises.every((exercise) => !exercise.solved));
  });

  it('loads exercise 03: starter in the editor, instructions rendered, hints one at a time', async () => {
    const json = exerciseJson('03_cycles');
    const state = await openExercise('03_cycles');
    assert.equal(await editorText(), lines(json.starter));
    assert.equal(state.current.title, json.title);
    assert.equal(state.current.hintCount, 2);
    assert.equal(state.current.hintsShown, 0);
    // `code` spans became <code> elements; no markdown markers are left.
    const instructions = await page.$eval('.exercise-instructions', (el) => ({
      text: el.textContent, codes: [...el.querySelectorAll('code')].map((c) => c.textContent), paragraphs: el.querySelectorAll('p').length,
    }));
    assert.equal(instructions.paragraphs, 2);
    assert.ok(instructions.codes.includes('gc.collect()'), instructions.codes.join());
    assert.ok(!instructions.text.includes('`'));

    await page.click('.exercise-hint-button');
    assert.equal((await panel()).current.hintsShown, 1);
    assert.equal(await page.locator('.exercise-hint').count(), 1);
    assert.match(await page.locator('.exercise-hint').first().innerText(), /weakref\.ref\(parent\)/);
    await page.click('.exercise-hint-button');
    assert.equal(await page.locator('.exercise-hint').count(), 2);
    assert.equal(await page.locator('.exercise-hint-button').isHidden(), true);
  });

  it('checks the starter: it fails, with messages, how it ended and its output', async () => {
    const state = await check();
    assert.equal(state.error, null);
    assert.equal(state.result.program_end, 'finished');
    assert.equal(state.result.output, 'child1\n');
    assert.equal(state.result.summary, '1 of 3 checks pass');
    assert.deepEqual((await rows()).map((row) => row.badge), ['FAIL', 'PASS', 'FAIL']);
    assert.equal(await page.locator('.check-summary').innerText(), '1 of 3 checks pass');
    assert.match(await page.locator('.check-message').first().innerText(), /gc\.collect\(\) should find nothing/);
    assert.match(await page.locator('.check-program-end').innerText(), /ran to its end/);
    assert.equal(await page.locator('.check-output').textContent(), 'child1\n');
  });

  it('checks the reference solution: every check passes', async () => {
    await playground.setCode(solution('03_cycles'));
    const state = await check();
    assert.equal(state.result.summary, 'All 3 checks pass');
    assert.deepEqual((await rows()).map((row) => row.badge), ['PASS', 'PASS', 'PASS']);
    assert.equal(await page.locator('.check-summary.is-pass').count(), 1);
    await playground.screenshot('exercises');
    // The list marks it solved (and only it).
    const listed = (await panel()).exercises.filter((exercise) => exercise.solved).map((exercise) => exercise.id);
    assert.deepEqual(listed, ['03_cycles']);
    assert.equal(await page.locator('.exercise-list-button[data-id="03_cycles"] .exercise-solved').count(), 1);
  });

  it('shows a program that raised, its traceback as text', async () => {
    await playground.setCode('import gc\nraise ValueError("<b>not bold</b>")\n');
    const state = await check();
    assert.equal(state.result.program_end, 'raised');
    assert.match(state.result.output, /File "main\.py", line 2, in <module>\n.*\nValueError: <b>not bold<\/b>\n$/);
    assert.match(await page.locator('.check-output').innerText(), /ValueError: <b>not bold<\/b>/);
    assert.equal(await page.locator('.exercise-report b').count(), 0);
    assert.match(await page.locator('.check-program-end').innerText(), /uncaught exception/);
    // Nothing is left to collect, but build_tree was never defined.
    assert.deepEqual((await rows()).map((row) => row.badge), ['PASS', 'FAIL', 'FAIL']);
    assert.match(await page.locator('.check-message').first().innerText(), /NameError/);
    await playground.setCode(solution('03_cycles'));
  });

  it('applies exercise 15\'s memory limit, and gives the learner\'s back after it', async () => {
    assert.equal((await settings()).memoryLimitMb, 256);
    const state = await openExercise('15_memory_limit');
    assert.equal(state.current.memoryLimitMb, 32);
    assert.equal((await settings()).memoryLimitMb, 32);
    assert.match(await page.locator('.exercise-limit').innerText(), /32 MB memory limit/);
    assert.equal(await editorText(), lines(exerciseJson('15_memory_limit').starter));

    // The starter builds 2,000,000 lines in a list: MemoryError under 32 MB.
    const starter = await check();
    assert.equal(starter.result.summary, '2 of 4 checks pass');
    await playground.setCode(solution('15_memory_limit'));
    assert.equal((await check()).result.summary, 'All 4 checks pass');

    // Back to exercise 03: the limit returns to 256 MB and the solution typed there is still there.
    await openExercise('03_cycles');
    assert.equal((await settings()).memoryLimitMb, 256);
    assert.equal(await editorText(), solution('03_cycles'));
    await page.click('.exercise-reset');
    assert.equal(await editorText(), lines(exerciseJson('03_cycles').starter));
  });

  it('logged no console errors', () => {
    assert.deepEqual(playground.consoleErrors, []);
  });
});
