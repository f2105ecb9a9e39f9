// The playground in Debian's Chromium: the REPL runs Python in the worker,
// Ctrl-C interrupts an endless loop, errors print as CPython's, and the arena
// map follows the heap. Needs a built page: run scripts/build-web.sh first.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDirectory } from '../../scripts/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'web', 'dist');
const screenshotPath = join(root, 'docs', 'screenshots', 'playground.png');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };

let server;
let browser;
let page;
const consoleErrors = [];

const terminalText = () => page.evaluate(() => window.heaplab.terminalText());
const promptCount = (text) => text.split('\n').filter((line) => line.startsWith('>>>')).length;

// Waits until the terminal text satisfies `predicate(text)`; returns the text.
async function waitForTerminal(predicate, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await terminalText();
    if (predicate(text)) return text;
    if (Date.now() > deadline) assert.fail(`terminal never matched ${predicate}; it shows:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Types one line at the prompt and waits for the next `>>> ` prompt.
async function enterLine(line) {
  const prompts = promptCount(await terminalText());
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  return waitForTerminal((text) => promptCount(text) > prompts && text.endsWith('>>>'));
}

// The lines printed after the last prompt that shows `input`.
function outputAfter(text, input) {
  const lines = text.split('\n');
  const start = lines.lastIndexOf(`>>> ${input}`);
  assert.notEqual(start, -1, `no prompt line ">>> ${input}" in:\n${text}`);
  return lines.slice(start + 1, lines.length - 1).join('\n');
}

const poolSignature = (pools) => pools.map((pool) => (pool.unused ? '-' : `${pool.sizeClass}:${pool.used}`)).join(',');

describe('playground page', () => {
  before(async () => {
    assert.ok(existsSync(join(dist, 'index.html')), 'web/dist is missing: run scripts/build-web.sh first');
    const served = await serveDirectory(dist, 0);
    server = served.server;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));

    const started = performance.now();
    await page.goto(served.url);
    await waitForTerminal((text) => text.endsWith('>>>'), 30_000);
    const elapsed = Math.round(performance.now() - started);
    console.log(`first >>> prompt ${elapsed} ms after navigation`);
    await page.click('#terminal');
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('runs statements and the arena map follows the heap', async () => {
    const before = await page.evaluate(() => window.heaplab.arenaMap());
    assert.ok(before.memory.arenas.length > 0, 'the first snapshot has arenas');

    await enterLine('import sys');
    await enterLine('x = [1, 2, 3]');
    const text = await enterLine('print(sys.getsizeof(x))');
    assert.equal(outputAfter(text, 'print(sys.getsizeof(x))'), '88');

    const after = await page.evaluate(() => window.heaplab.arenaMap());
    assert.notEqual(poolSignature(after.pools), poolSignature(before.pools), 'some pool changed');
    assert.ok(after.pools.some((pool) => pool.changed), 'the map marks the pools the last input changed');
  });

  it('interrupts an endless loop with Ctrl-C and keeps working', async () => {
    await page.keyboard.type('while True: pass');
    await page.keyboard.press('Enter');
    await waitForTerminal((text) => text.endsWith('...'));
    const prompts = promptCount(await terminalText());
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(promptCount(await terminalText()), prompts, 'the loop is still running');

    const pressed = performance.now();
    await page.keyboard.press('Control+C');
    const text = await waitForTerminal((current) => current.endsWith('>>>') && promptCount(current) > prompts);
    const elapsed = performance.now() - pressed;
    console.log(`KeyboardInterrupt shown ${Math.round(elapsed)} ms after Ctrl-C`);
    assert.match(text, /KeyboardInterrupt\n>>>$/);
    assert.ok(elapsed < 1000, `interrupted after ${Math.round(elapsed)} ms`);

    assert.equal(outputAfter(await enterLine('print(1+1)'), 'print(1+1)'), '2');
  });

  it('reads a block over several lines until an empty line', async () => {
    for (const line of ['if 21 > 20:', '    answer = 21 * 2']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      await waitForTerminal((text) => text.endsWith('...'));
    }
    await enterLine('');
    assert.equal(outputAfter(await enterLine('answer'), 'answer'), '42');
  });

  it('runs several pasted lines one input at a time', async () => {
    const prompts = promptCount(await terminalText());
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('#terminal textarea')
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 'a = 20\nb = a + 1\nif b:\n    print(a + b)\n\n');
    const text = await waitForTerminal((current) => promptCount(current) >= prompts + 3 && current.endsWith('>>>'));
    assert.match(text, />>> a = 20\n>>> b = a \+ 1\n>>> if b:\n\.\.\.     print\(a \+ b\)\n\.\.\. \n41\n>>>$/);
  });

  it('edits a line that wraps over several rows', async () => {
    const prompts = promptCount(await terminalText());
    const letters = 'a'.repeat(100);
    await page.keyboard.type(`print(len("${letters}"))`);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('bb');
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await page.keyboard.type('p');
    await page.keyboard.press('Enter');
    const text = await waitForTerminal((current) => promptCount(current) > prompts && current.endsWith('>>>'));
    assert.equal(outputAfter(text, `print(len("${letters}bb"))`), '102');
  });

  it('prints SyntaxError and NameError as CPython does', async () => {
    assert.match(outputAfter(await enterLine('1 +'), '1 +'), /SyntaxError: /);
    assert.match(outputAfter(await enterLine('x_undefined'), 'x_undefined'),
      /NameError: name 'x_undefined' is not defined$/);
  });

  it('abandons the typed line on Ctrl-C at the prompt and recalls history', async () => {
    await page.keyboard.type('abandoned line');
    await page.keyboard.press('Control+C');
    await waitForTerminal((text) => text.endsWith('>>> abandoned line\nKeyboardInterrupt\n>>>'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await waitForTerminal((text) => text.endsWith('>>> 1 +'));
    await page.keyboard.press('ArrowDown');
    await waitForTerminal((text) => text.endsWith('>>> x_undefined'));
    await page.keyboard.press('Control+U');
    await waitForTerminal((text) => text.endsWith('>>>'));
  });

  it('answers input() from the terminal, and Ctrl-D is end of input', async () => {
    const prompts = promptCount(await terminalText());
    await page.keyboard.type('name = input("Name? ")');
    await page.keyboard.press('Enter');
    await waitForTerminal((text) => text.endsWith('Name?'));
    await page.keyboard.type('Ada');
    await page.keyboard.press('Enter');
    await waitForTerminal((text) => promptCount(text) > prompts && text.endsWith('>>>'));
    assert.equal(outputAfter(await enterLine('print(name.upper(), len(name))'), 'print(name.upper(), len(name))'), 'ADA 3');
    await page.keyboard.type('input()');
    await page.keyboard.press('Enter');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page.keyboard.press('Control+D');
    await waitForTerminal((current) => current.endsWith('EOFError: EOF when reading a line\n>>>'));
  });

  it('shows a pool in a tooltip on hover, then the screenshot', async () => {
    const { pools, memory } = await page.evaluate(() => window.heaplab.arenaMap());
    const pool = pools.find((candidate) => !candidate.unused && candidate.used > 0);
    const point = await page.evaluate(([row, slot]) => window.heaplab.poolCenter(row, slot), [pool.row, pool.slot]);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 2000 });
    const lines = await tooltip.innerText();
    const blockSize = memory.arenas[pool.row].pools[pool.slot].block_size;
    assert.match(lines, new RegExp(`${blockSize}-byte blocks`));
    const count = (n) => n.toLocaleString('en-US');
    assert.ok(lines.includes(`${count(pool.used)} used, ${count(pool.capacity - pool.used)} free of ${count(pool.capacity)}`),
      lines);

    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
  });

  it('logged no errors on the console', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
