// The playground in Debian's Chromium: the REPL runs Python in the worker,
// Ctrl-C interrupts an endless loop, errors print as CPython's, and the arena
// map follows the heap. Needs a built page: run scripts/build-web.sh first.
// The playground in Debian's Chromium: the REPL runs Python in the worker,
// Ctrl-C interrupts an endless loop, errors print as CPython's, the arena map
// follows the heap, and the editor's program runs, steps, pauses and stops
// with the settings applied. Needs a built page: run scripts/build-web.sh first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPlayground, PHONE, servePage } from './harness.mjs';

let server;
let browser;
let playground;
let page;

const terminalText = () => playground.terminalText();
const waitForTerminal = (predicate, timeout) => playground.waitForTerminal(predicate, timeout);
const promptCount = (text) => text.split('\n').filter((line) => line.startsWith('>>>')).length;

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

// The program's output: the lines after the last RESTART banner, before the prompt.
function programOutput(text) {
  const lines = text.split('\n');
  const start = lines.findLastIndex((line) => line.includes('RESTART: main.py'));
  assert.notEqual(start, -1, `no RESTART banner in:\n${text}`);
  return lines.slice(start + 1, lines.length - 1).join('\n');
}

const poolSignature = (pools) => pools.map((pool) => (pool.unused ? '-' : `${pool.sizeClass}:${pool.used}`)).join(',');

describe('playground page', () => {
  before(async () => {
    const served = await servePage();
    server = served.server;
    browser = await launchBrowser();
    const opened = performance.now();
    playground = await openPlayground(browser, served.url);
    page = playground.page;
    const measured = Math.round(performance.now() - opened);
    const inPage = await page.evaluate(() => window.heaplab.firstPromptMs());
    console.log(`first >>> prompt ${inPage} ms after navigation (page clock), ${measured} ms as the test saw it`);
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

    await playground.screenshot('playground');
  });

  it('runs the editor program with Run and prints its output', async () => {
    const text = await playground.runProgram('import sys\nitems = [1, 2, 3]\nprint(sys.getsizeof(items), len(items))\n');
    assert.equal(programOutput(text), '88 3');
    // As after `python -i main.py`, the shell goes on in the program's globals.
    await page.click('#terminal');
    assert.equal(outputAfter(await enterLine('items[-1]'), 'items[-1]'), '3');
  });

  it('steps line by line, moving the highlighted line', async () => {
    await playground.setCode('x = 1\ny = [x]\n\ndef f(v):\n    return v * 2\n\nz = f(21)\nprint(z)\n');
    await page.click('#step-button');
    await playground.waitFor(() => playground.program(), (p) => p.state === 'paused' && p.line === 1, 'pause on line 1');
    assert.equal(await page.evaluate(() => window.heaplab.editor.currentLine()), 1);
    assert.equal(await page.locator('.cm-current-line').count(), 1);
    const lines = [];
    for (let i = 0; i < 6; i++) {
      const program = await playground.step();
      if (!program.active) break;
      lines.push(program.line);
      assert.equal(await page.evaluate(() => window.heaplab.editor.currentLine()), program.line);
    }
    // Into f (line 5), back to the call's line to store z (as pdb's step), then the print.
    assert.deepEqual(lines, [2, 4, 7, 5, 7, 8]);
    assert.match(await page.locator('#run-status').innerText(), /paused before line 8/);
    const program = await playground.step();
    assert.equal(program.active, false);
    assert.equal(programOutput(await waitForTerminal((text) => text.endsWith('>>>'))), '42');
    assert.equal(await page.evaluate(() => window.heaplab.editor.currentLine()), null, 'no highlight after the end');
  });

  it('pauses, continues and stops a running program', async () => {
    await playground.setCode('import time\nn = 0\nwhile True:\n    n += 1\n    if n % 1000 == 0:\n        time.sleep(0.01)\n');
    await page.click('#run-button');
    await playground.waitFor(() => playground.program(), (p) => p.state === 'running', 'the program to run');
    await page.click('#pause-button');
    const paused = await playground.waitFor(() => playground.program(), (p) => p.state === 'paused', 'a pause');
    assert.ok([2, 3, 4, 5, 6].includes(paused.line), `paused on line ${paused.line}`);
    assert.equal(await page.locator('#pause-button').innerText(), '▶ Continue');
    await page.click('#pause-button');
    await playground.waitFor(() => playground.program(), (p) => p.state === 'running', 'the program to continue');
    await page.click('#stop-button');
    const text = await waitForTerminal((current) => current.endsWith('>>>'));
    assert.match(programOutput(text), /KeyboardInterrupt$/);
    assert.equal((await playground.program()).active, false);
  });

  it('runs slowly at a chosen speed, highlighting each line', async () => {
    await playground.setCode('total = 0\nfor i in range(3):\n    total += i\nprint(total)\n');
    await page.selectOption('#speed-select', '10');
    await page.click('#run-button');
    const seen = new Set();
    await playground.waitFor(async () => {
      const line = await page.evaluate(() => window.heaplab.editor.currentLine());
      if (line) seen.add(line);
      return (await playground.program()).active;
    }, (active) => !active, 'the slow run to end');
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4]);
    assert.equal(programOutput(await waitForTerminal((text) => text.endsWith('>>>'))), '3');
    await page.selectOption('#speed-select', '0');
  });

  it('applies the settings: memory limit and GC thresholds', async () => {
    await page.click('#settings-button');
    await page.fill('#settings-memory-limit', '4');
    await page.fill('#settings-threshold-0', '123');
    await page.click('#settings-apply');
    await waitForTerminal((text) => text.includes('RESTART: Shell') && text.endsWith('>>>'));
    await page.click('#terminal');
    assert.equal(outputAfter(await enterLine('import gc; gc.get_threshold()'), 'import gc; gc.get_threshold()'),
      '(123, 10, 10)');
    const text = await playground.runProgram('data = bytearray(8 * 1024 * 1024)\n');
    assert.match(programOutput(text), /MemoryError$/);
    assert.equal(await page.evaluate(() => window.heaplab.heap().stats.limit), 4 * 1024 * 1024);

    await page.click('#settings-button');
    await page.fill('#settings-memory-limit', '0');
    await page.click('#settings-apply');
    assert.match(await page.locator('.settings-error').innerText(), /memory limit/);
    await page.fill('#settings-memory-limit', '256');
    await page.fill('#settings-threshold-0', '700');
    await page.click('#settings-apply');
    await waitForTerminal((current) => current.endsWith('RESTART: Shell ================\n>>>'));
  });

  it('is usable on a phone-sized screen', async () => {
    const phone = await openPlayground(browser, page.url(), { viewport: PHONE });
    const box = async (selector) => phone.page.locator(selector).boundingBox();
    for (const selector of ['#editor', '#terminal', '#run-button', '#views']) {
      const rect = await box(selector);
      assert.ok(rect && rect.width > 0 && rect.width <= PHONE.width, `${selector} fits the width: ${JSON.stringify(rect)}`);
    }
    const text = await phone.runProgram('print(sum(range(10)))\n');
    assert.equal(programOutput(text), '45');
    await phone.screenshot('phone');
    assert.deepEqual(phone.consoleErrors, []);
    await phone.page.close();
  });

  it('logged no errors on the console', () => {
    assert.deepEqual(playground.consoleErrors, []);
  });
});
