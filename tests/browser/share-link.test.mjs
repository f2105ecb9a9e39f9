// Share links in Chromium: the Share button's link restores the code, the
// exercise and the settings in a new page (and in the same page when pasted
// over its fragment); a teacher's own exercise travels whole; malformed,
// oversized and bomb links give a clear message and the default page; markup
// in a link stays text. Needs a built page (scripts/build-web.sh).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createShareLink, MAX_FRAGMENT_CHARS } from '../../web/share/share-link.js';
import { DEFAULT_SETTINGS } from '../../web/session/settings.js';
import { launchBrowser, openPlayground, root, servePage } from './harness.mjs';
import { loadHeaplab } from '../node/wasm-session.mjs';

// Links made here are checked by the same decoder as the page's (the wasm module in node).
const heaplab = await loadHeaplab();
const makeLink = (state, pageUrl) => createShareLink(state, pageUrl, async (fragment) => heaplab.decodeShareLink(fragment));
const deflatedFragment = async (text) => {
  const deflated = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return `#v1.${Buffer.from(deflated).toString('base64url')}`;
};

const MARKUP = '<img src=x onerror="window.__injected = true">';
const CODE = `# shared from one page to another\nnote = '${MARKUP}'\nprint(len(note))\n`;
const TEACHER_EXERCISE = {
  id: 'teacher_lists',
  title: `Three in a list ${MARKUP}`,
  topic: 'lists <script>window.__injected = true</script>',
  instructions: ['Make `xs` hold *three* numbers.', '', `- not ${MARKUP}`],
  starter: ['xs = []'],
  hints: [`Try \`xs = [1, 2, 3]\` ${MARKUP}`],
  checks: [
    { name: 'xs has three items', python: 'len(xs) == 3', message: `count them ${MARKUP}` },
    { name: 'they add up to 6', python: 'sum(xs) == 6' },
  ],
};

let server;
let url;
let browser;
let defaults;  // what a page opened without a link shows
const pages = [];

async function open(hash = '') {
  const playground = await openPlayground(browser, url, { hash });
  pages.push(playground);
  return playground;
}

const fragmentOf = (link) => link.slice(link.indexOf('#'));
const editorText = (playground) => playground.page.evaluate(() => window.heaplab.editor.text());
const settingsOf = (playground) => playground.page.evaluate(() => window.heaplab.settings());
const notice = (playground) => playground.page.evaluate(() => {
  const element = document.getElementById('notice');
  return element.hidden ? null : element.querySelector('span').textContent;
});

// Nothing a link carried became markup or ran: the page has no inline script.
async function assertNoInjection(playground) {
  const found = await playground.page.evaluate(() => ({
    injected: window.__injected ?? false,
    images: document.querySelectorAll('img').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
  }));
  assert.deepEqual(found, { injected: false, images: 0, scripts: 0 });
}

// A refused link: its message, and the page exactly as without a link.
async function assertRefused(playground, pattern) {
  const message = await notice(playground);
  assert.match(message ?? '', pattern);
  assert.match(message, /^This share link cannot be opened: .*The page starts with its defaults\.$/);
  assert.equal(await editorText(playground), defaults.code);
  assert.deepEqual(await settingsOf(playground), DEFAULT_SETTINGS);
  assert.equal((await playground.view('exercise')).current, null);
  await assertNoInjection(playground);
  return message;
}

// Types `line` at the shell's prompt and returns what it printed.
async function shell(playground, line) {
  const prompts = (text) => text.split('\n').filter((l) => l.startsWith('>>>')).length;
  const before = prompts(await playground.terminalText());
  await playground.page.click('#terminal');
  await playground.page.keyboard.type(line);
  await playground.page.keyboard.press('Enter');
  const text = await playground.waitForTerminal((t) => prompts(t) > before && t.endsWith('>>>'));
  const lines = text.split('\n');
  return lines[lines.length - 2];
}

describe('share links', () => {
  before(async () => {
    ({ server, url } = await servePage());
    browser = await launchBrowser();
    const plain = await open();
    defaults = { code: await editorText(plain) };
    assert.deepEqual(await settingsOf(plain), DEFAULT_SETTINGS);
    assert.equal(await notice(plain), null);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  let link;

  it('the Share button makes a link of the code, the exercise and the settings', async () => {
    const author = await open();
    const { page } = author;
    await author.showView('exercise');
    await page.click('.exercise-list-button[data-id="15_memory_limit"]');  // sets a 32 MB limit
    await author.setCode(CODE);
    await page.click('#settings-button');
    await page.fill('#settings-threshold-0', '123');
    await page.fill('#settings-threshold-1', '4');
    await page.fill('#settings-threshold-2', '5');
    await page.check('#settings-debug-allocator');
    await page.click('#settings-apply');
    assert.deepEqual(await settingsOf(author), { memoryLimitMb: 32, thresholds: [123, 4, 5], debugAllocator: true });

    await page.click('#share-button');
    link = await author.waitFor(() => page.locator('.share-dialog-link').inputValue(), (value) => value !== '', 'the link');
    assert.ok(link.startsWith(`${url}#v1.`), link);
    assert.ok(link.length < MAX_FRAGMENT_CHARS);
    assert.match(await page.locator('.share-dialog-status').innerText(), /characters/);
    await author.screenshot('share-link');
    await page.click('.share-dialog-copy');
    await author.waitFor(() => page.locator('.share-dialog-status').innerText(), (text) => /Copied|press Ctrl\+C/.test(text),
      'the copy to end');
    await page.click('.share-dialog-close');
    assert.equal(await page.locator('.share-dialog').isVisible(), false);
    assert.deepEqual(author.consoleErrors, []);
  });

  it('the Share dialog says why a state cannot be shared (the decoder\'s reason)', async () => {
    const author = await open();
    const { page } = author;
    await author.setCode('x'.repeat(60_001));
    await page.click('#share-button');
    const status = await author.waitFor(() => page.locator('.share-dialog-status').innerText(),
      (text) => text !== 'Making the link…', 'the dialog\'s answer');
    assert.equal(status, 'This page state cannot be shared: its code is longer than 60000 characters.');
    assert.equal(await page.locator('.share-dialog-link').isVisible(), false);
    await page.click('.share-dialog-close');
    assert.deepEqual(author.consoleErrors, []);
  });

  it('a new page opened with the link has all of it back', async () => {
    const reader = await open(fragmentOf(link));
    assert.equal(await notice(reader), null);
    assert.equal(await editorText(reader), CODE);
    assert.deepEqual(await settingsOf(reader), { memoryLimitMb: 32, thresholds: [123, 4, 5], debugAllocator: true });
    assert.equal(await reader.page.getAttribute('#tab-exercise', 'aria-selected'), 'true');
    const panel = await reader.view('exercise');
    assert.equal(panel.current.id, '15_memory_limit');
    assert.equal(panel.listShown, false);
    // The session itself runs with the link's settings.
    const heap = await reader.heap();
    assert.equal(heap.snapshot.memory.limit, 32 * 1024 * 1024);
    assert.equal(await shell(reader, 'import gc; gc.get_threshold()'), '(123, 4, 5)');
    await assertNoInjection(reader);
  });

  it('a teacher-made exercise travels whole; its markup stays text; it checks', async () => {
    const teacherLink = await makeLink({ code: 'xs = [1, 2]\n', exercise: TEACHER_EXERCISE }, url);
    const reader = await open(fragmentOf(teacherLink));
    const { page } = reader;
    const panel = await reader.view('exercise');
    assert.equal(panel.current.id, 'teacher_lists');
    assert.equal(panel.current.custom, true);
    assert.deepEqual(panel.exercises[0],
      { id: 'teacher_lists', title: TEACHER_EXERCISE.title, topic: TEACHER_EXERCISE.topic, custom: true, solved: false });
    assert.equal(await page.locator('.exercise-title').textContent(), TEACHER_EXERCISE.title);
    assert.equal(await page.locator('.exercise-topic').textContent(), TEACHER_EXERCISE.topic);
    assert.match(await page.locator('.exercise-instructions').textContent(), /not <img src=x onerror=/);
    await page.click('.exercise-hint-button');
    assert.match(await page.locator('.exercise-hint').textContent(), /Try xs = \[1, 2, 3\] <img/);
    assert.equal(await editorText(reader), 'xs = [1, 2]\n');

    await page.click('.exercise-check');
    const failed = await reader.waitFor(() => reader.view('exercise'), (s) => s.result, 'the check');
    assert.equal(failed.result.summary, '0 of 2 checks pass');
    assert.match(await page.locator('.check-message').first().textContent(), /count them <img/);
    await reader.setCode('xs = [1, 2, 3]\n');
    await page.click('.exercise-check');
    const passed = await reader.waitFor(() => reader.view('exercise'), (s) => s.result?.summary === 'All 2 checks pass', 'the check to pass');
    assert.equal(passed.result.program_end, 'finished');
    await assertNoInjection(reader);
    assert.deepEqual(reader.consoleErrors, []);
  });

  it('text the C++ reader refuses (a lone surrogate): no link is made, a hand-made one is refused', async () => {
    const exercise = { ...TEACHER_EXERCISE, title: 'half a pair \ud800' };
    await assert.rejects(makeLink({ code: 'xs = [1, 2, 3]\n', exercise }, url), /cannot be shared: its data is not valid JSON/);
    const reader = await open(await deflatedFragment(JSON.stringify({ code: 'xs = [1, 2, 3]\n', exercise })));
    console.log(await assertRefused(reader, /not valid JSON/));
  });

  it('code with markup is shown as text only', async () => {
    const markupLink = await makeLink({ code: `${MARKUP}\n<script>window.__injected = true</script>\n` }, url);
    const reader = await open(fragmentOf(markupLink));
    assert.equal(await editorText(reader), `${MARKUP}\n<script>window.__injected = true</script>\n`);
    assert.match(await reader.page.locator('#editor').innerText(), /<img src=x onerror=/);
    await assertNoInjection(reader);
  });

  it('a malformed link: a clear message and the default page', async () => {
    const reader = await open('#v1.not*base64!');
    console.log(await assertRefused(reader, /damaged/));
    await reader.page.click('.share-notice-dismiss');
    assert.equal(await notice(reader), null);
  });

  it('an oversized link: a clear message and the default page', async () => {
    const reader = await open(`#v1.${'A'.repeat(MAX_FRAGMENT_CHARS + 10)}`);
    console.log(await assertRefused(reader, /too long/));
  });

  it('a decompression bomb: refused at the cap', async () => {
    const zeros = new Uint8Array(5 * 1024 * 1024);
    const deflated = await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const hash = `#v1.${Buffer.from(deflated).toString('base64url')}`;
    assert.ok(hash.length <= MAX_FRAGMENT_CHARS);
    const reader = await open(hash);
    console.log(await assertRefused(reader, /expands to more than 64 KB/));
  });

  it('a link naming an unknown exercise with markup: refused, the name shown as text', async () => {
    const deflated = await new Response(new Blob([JSON.stringify({ code: 'x = 1\n', exercise: MARKUP })]).stream()
      .pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const reader = await open(`#v1.${Buffer.from(deflated).toString('base64url')}`);
    assert.ok((await assertRefused(reader, /does not have/)).includes(MARKUP));
  });

  it('a link pasted over the page\'s fragment opens without a reload', async () => {
    const reader = await open('#v1.@@');
    await assertRefused(reader, /damaged/);
    await reader.page.evaluate((hash) => { window.__sameDocument = true; location.hash = hash; }, fragmentOf(link));
    await reader.waitFor(() => editorText(reader), (text) => text === CODE, 'the link\'s code');
    assert.equal(await reader.page.evaluate(() => window.__sameDocument), true);
    assert.equal((await reader.view('exercise')).current.id, '15_memory_limit');
    assert.deepEqual(await settingsOf(reader), { memoryLimitMb: 32, thresholds: [123, 4, 5], debugAllocator: true });
  });

  it('logged no console errors on any page', () => {
    for (const playground of pages) assert.deepEqual(playground.consoleErrors, []);
  });
});
