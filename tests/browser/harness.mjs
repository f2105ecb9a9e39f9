// Shared by the browser tests: serves web/dist, opens the playground in
// Debian's Chromium (playwright-core, never a downloaded browser) and drives
// it through the page's own controls and window.heaplab.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDirectory } from '../../scripts/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'web', 'dist');
const screenshots = join(root, 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DESKTOP = Object.freeze({ width: 1280, height: 800 });
export const PHONE = Object.freeze({ width: 390, height: 844 });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// Serves the built page. Resolves with {server, url}.
export async function servePage() {
  assert.ok(existsSync(join(dist, 'index.html')), 'web/dist is missing: run scripts/build-web.sh first');
  return serveDirectory(dist, 0);
}

// A page of the playground in `browser`, opened at `url` + `hash`, once the
// first >>> prompt is on the terminal. Console errors are collected in
// page.consoleErrors.
export async function openPlayground(browser, url, { viewport = DESKTOP, hash = '', waitForPrompt = true } = {}) {
  const page = await browser.newPage({ viewport });
  const playground = new Playground(page);
  page.on('console', (message) => {
    if (message.type() === 'error') playground.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => playground.consoleErrors.push(String(error)));
  await page.goto(url + hash);
  if (waitForPrompt) await playground.waitForTerminal((text) => text.endsWith('>>>'), 30_000);
  return playground;
}

export class Playground {
  consoleErrors = [];

  constructor(page) {
    this.page = page;
  }

  terminalText() {
    return this.page.evaluate(() => window.heaplab?.terminalText() ?? '');  // '' until the playground's code has loaded
  }

  // Polls `read()` (run in the test) until `predicate(value)` holds; returns the value.
  async waitFor(read, predicate, what, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await read();
      if (predicate(value)) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 2000)}`);
      await sleep(25);
    }
  }

  waitForTerminal(predicate, timeout = 15_000) {
    return this.waitFor(() => this.terminalText(), predicate, `the terminal to match ${predicate}`, timeout);
  }

  program() {
    return this.page.evaluate(() => window.heaplab.program());
  }

  heap() {
    return this.page.evaluate(() => window.heaplab.heap());
  }

  // The program's state and the last heap update's sequence number and
  // reason: cheap to poll (a whole heap update can be megabytes).
  progress() {
    return this.page.evaluate(() => {
      const heap = window.heaplab.heap();
      return { program: window.heaplab.program(), sequence: heap?.sequence ?? 0, reason: heap?.reason ?? null };
    });
  }

  view(id) {
    return this.page.evaluate((name) => window.heaplab.views[name](), id);
  }

  setCode(code) {
    return this.page.evaluate((text) => window.heaplab.editor.setText(text), code);
  }

  // Runs `code` with the Run button at full speed and waits for its end
  // (the program's heap update and the prompt after it).
  async runProgram(code) {
    if (code !== undefined) await this.setCode(code);
    const before = (await this.progress()).sequence;
    await this.page.click('#run-button');
    await this.waitFor(() => this.progress(),
      ({ program, sequence, reason }) => !program.active && reason === 'finish' && sequence > before,
      'the program to finish');
    return this.waitForTerminal((text) => text.endsWith('>>>'));
  }

  // Clicks Step once and waits until the program is paused again (or ended).
  async step() {
    const before = (await this.progress()).sequence;
    await this.page.click('#step-button');
    const { program } = await this.waitFor(() => this.progress(),
      ({ program, sequence }) => sequence > before && (program.state === 'paused' || !program.active),
      'a step to end');
    return program;
  }

  // Clicks a tab and waits for its panel to show.
  async showView(id) {
    await this.page.click(`#tab-${id}`);
    await this.page.locator(`#view-${id}`).waitFor({ state: 'visible' });
  }

  async screenshot(name) {
    await mkdir(screenshots, { recursive: true });
    await this.page.screenshot({ path: join(screenshots, `${name}.png`) });
  }
}
