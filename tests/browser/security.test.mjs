// The page's defences in Chromium: a share link carrying markup renders as
// text and runs nothing (with no Content-Security-Policy violation at all:
// one would mean something tried to run); the policy is in force (eval and an
// inline script the test itself injects are refused); a worker that stops
// answering is replaced and the page keeps working. Needs a built page
// (scripts/build-web.sh).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, serveDirectory } from '../../scripts/serve.mjs';
import { createShareLink } from '../../web/share/share-link.js';
import { DESKTOP, launchBrowser, openPlayground, servePage } from './harness.mjs';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '</script><script>window.__pwned=1</script>';
const CODE = `# ${IMG}\n# ${SCRIPT}\nprint('${IMG}')\nprint('${SCRIPT}')\n`;
const EXERCISE = {
  id: 'markup',
  title: `Markup ${IMG}`,
  topic: `topic ${SCRIPT}`,
  instructions: [`Read ${IMG} and`, '', `- ${SCRIPT}`],
  starter: ['x = 1'],
  hints: [`hint ${IMG}`],
  checks: [{ name: `check ${SCRIPT}`, python: 'x == 2', message: `message ${IMG}` }],
};
// A watchdog this short makes an exercise check of an endless loop (about a
// second of interpreting, in one synchronous call) a hang.
const WATCHDOG_QUERY = '?watchdog-ms=400';
const RESTARTED = 'The Python session stopped answering and was restarted';

// Run in the page before its own scripts: records every policy violation and
// every element of a kind that could run or load something.
function recordIntrusions() {
  window.__violations = [];
  window.__addedElements = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
  });
  const seen = new WeakSet();
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const element of [node, ...node.querySelectorAll('*')]) {
          if (seen.has(element)) continue;
          seen.add(element);
          if (/^(img|script|iframe|object|embed|image)$/i.test(element.tagName)) {
            window.__addedElements.push(`${element.tagName.toLowerCase()} ${element.getAttribute('src') ?? ''}`);
          }
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls `read()` until `predicate` holds (5 s at most); returns the value.
async function waitUntil(read, predicate) {
  for (const deadline = Date.now() + 5000; ; await sleep(25)) {
    const value = read();
    if (predicate(value)) return value;
    if (Date.now() > deadline) assert.fail(`timed out; last value: ${JSON.stringify(value)}`);
  }
}

let server;
let url;
let browser;
const contexts = [];

async function open(address, options = {}) {
  // A context of its own, so the recorder runs before the page's scripts.
  const context = await browser.newContext({ viewport: DESKTOP });
  contexts.push(context);
  await context.addInitScript(recordIntrusions);
  return openPlayground(context, address, options);
}

const intrusions = (playground) => playground.page.evaluate(() => ({
  pwned: window.__pwned ?? null,
  violations: window.__violations,
  added: window.__addedElements,
  images: document.querySelectorAll('img').length,
  inlineScripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
}));

// Types `line` at the shell's prompt; resolves with the terminal's text once
// the next prompt shows.
async function typeAtPrompt(playground, line) {
  const prompts = (text) => text.split('\n').filter((row) => row.startsWith('>>>')).length;
  const before = prompts(await playground.terminalText());
  await playground.page.click('#terminal');
  await playground.page.keyboard.type(line);
  await playground.page.keyboard.press('Enter');
  return playground.waitForTerminal((text) => prompts(text) > before && text.endsWith('>>>'));
}

describe('security', () => {
  before(async () => {
    ({ server, url } = await servePage());
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    server?.close();
  });

  it('a link carrying markup renders as text and runs nothing', async () => {
    const link = await createShareLink({ code: CODE, exercise: EXERCISE }, url);
    const reader = await open(url, { hash: link.slice(link.indexOf('#')) });
    const { page } = reader;

    assert.equal(await page.evaluate(() => window.heaplab.editor.text()), CODE);
    const shown = await page.locator('#editor .cm-content').innerText();
    assert.ok(shown.includes(IMG) && shown.includes(SCRIPT), shown);
    const panel = await reader.view('exercise');
    assert.equal(panel.current.title, EXERCISE.title);
    assert.equal(await page.locator('.exercise-title').textContent(), EXERCISE.title);
    assert.equal(await page.locator('.exercise-topic').textContent(), EXERCISE.topic);
    const instructions = await page.locator('.exercise-instructions').textContent();
    assert.ok(instructions.includes(IMG) && instructions.includes(SCRIPT), instructions);
    await page.click('.exercise-hint-button');
    assert.equal(await page.locator('.exercise-hint').first().textContent(), EXERCISE.hints[0]);

    // The program prints the markup: the terminal shows it as text.
    const text = await reader.runProgram();
    assert.ok(text.includes(`\n${IMG}\n${SCRIPT}\n`), text);
    // The checker's report (check names and messages from the link) too.
    await page.click('.exercise-check');
    const checked = await reader.waitFor(() => reader.view('exercise'), (state) => state.result, 'the check');
    assert.equal(checked.result.summary, '0 of 1 check passes');
    assert.ok(checked.report.includes(`check ${SCRIPT}`) && checked.report.includes(`message ${IMG}`), checked.report);

    assert.deepEqual(await intrusions(reader),
      { pwned: null, violations: [], added: ['script boot.js', 'script main.js'], images: 0, inlineScripts: 0 });
    assert.deepEqual(reader.consoleErrors, []);
  });

  it('the Content-Security-Policy is in force: no string reaches a script or HTML sink', async () => {
    for (const file of ['', 'worker.js', 'boot.js']) {
      const response = await fetch(new URL(file, url));
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, file || 'index.html');
    }
    const playground = await open(url);
    const { page } = playground;
    assert.deepEqual((await intrusions(playground)).violations, []);
    // Trusted Types: markup, script text, an inline handler, a string timer
    // and a script URL made by the test in the page are each refused.
    const refused = await page.evaluate(() => Object.fromEntries(Object.entries({
      html: () => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__ran = 1">'),
      script: () => { document.createElement('script').textContent = 'window.__ran = 1'; },
      handler: () => document.createElement('img').setAttribute('onerror', 'window.__ran = 1'),
      timer: () => setTimeout('window.__ran = 1'),
      worker: () => new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }))),
    }).map(([name, attempt]) => {
      try {
        attempt();
        return [name, 'allowed'];
      } catch (error) {
        return [name, error.name];
      }
    })));
    assert.deepEqual(refused, { html: 'TypeError', script: 'TypeError', handler: 'TypeError', timer: 'TypeError', worker: 'TypeError' });
    const violations = await playground.waitFor(() => page.evaluate(() => window.__violations), (list) => list.length >= 5,
      'the violations');
    assert.ok(violations.every((v) => v.directive === 'require-trusted-types-for'), JSON.stringify(violations));
    const intruded = await intrusions(playground);
    assert.equal(intruded.images, 0);
    assert.equal(await page.evaluate(() => window.__ran ?? null), null);
    for (const message of playground.consoleErrors) assert.match(message, /requires 'Trusted/);
  });

  it('under the same policy, inline scripts, inline handlers and eval are refused, in a worker too', async () => {
    // A page of the test's own, served with the page's policy as its header:
    // the markup a link might have smuggled in, if it ever reached the HTML.
    const directory = await mkdtemp(join(tmpdir(), 'heaplab-csp-page-'));
    await writeFile(join(directory, 'index.html'), `<!doctype html><meta charset="utf-8"><title>csp</title>
<script>window.__ran = 'inline script'</script>
<img src="data:," onerror="window.__ran = 'inline handler'">
<script src="probe.js"></script>`);
    await writeFile(join(directory, 'probe.js'), `
window.__evalResult = (() => { try { return eval('"eval ran"'); } catch (error) { return error.name; } })();
const urls = trustedTypes.createPolicy('heaplab', { createScriptURL: (url) => url });
const worker = new Worker(urls.createScriptURL('worker.js'));
worker.onmessage = (event) => { window.__workerResult = event.data; };`);
    await writeFile(join(directory, 'worker.js'), `
const attempt = (run) => { try { return run(); } catch (error) { return error.name; } };
postMessage({ eval: attempt(() => eval('"eval ran"')), function: attempt(() => new Function('return "Function ran"')()) });`);
    const probe = await serveDirectory(directory, 0);
    const page = await browser.newPage();
    try {
      const violations = [];
      await page.exposeFunction('__violation', (directive) => violations.push(directive));
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation',
        (event) => window.__violation(event.violatedDirective)));
      await page.goto(probe.url);
      const worker = await page.waitForFunction(() => window.__workerResult, null, { timeout: 10_000 });
      assert.deepEqual(await worker.jsonValue(), { eval: 'EvalError', function: 'EvalError' });
      assert.equal(await page.evaluate(() => window.__evalResult), 'EvalError');
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.equal(await page.evaluate(() => window.__ran ?? null), null);
      // (eval is refused by Trusted Types before script-src is asked.)
      const seen = await waitUntil(() => violations, (list) => ['script-src-elem', 'script-src-attr']
        .every((directive) => list.includes(directive)));
      console.log(`violations reported: ${[...new Set(seen)].join(', ')}`);
    } finally {
      await page.close();
      probe.server.close();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('a worker that stops answering is replaced, and the page keeps working', async () => {
    const playground = await open(url + WATCHDOG_QUERY);
    const { page } = playground;
    await typeAtPrompt(playground, 'x = "before"');
    await playground.showView('exercise');
    await page.click('.exercise-list-button[data-id="01_sizes"]');
    await playground.setCode('while True:\n    pass\n');
    const started = Date.now();
    await page.click('.exercise-check');
    const text = await playground.waitForTerminal((t) => t.includes(RESTARTED) && t.endsWith('>>>'));
    console.log(`hang noticed and the prompt back after ${Date.now() - started} ms`);
    const state = await playground.waitFor(() => playground.view('exercise'), (s) => s.error, 'the check to fail');
    assert.match(state.error, /the check could not run \(The Python session stopped answering and was restarted\)/);
    assert.ok(text.split('\n').some((row) => row.startsWith(RESTARTED)), text);

    // The prompt works, in a fresh session.
    let after = await typeAtPrompt(playground, 'print(6*7)');
    assert.equal(after.split('\n').at(-2), '42');
    after = await typeAtPrompt(playground, 'x');
    assert.match(after.split('\n').at(-2), /^NameError: name 'x' is not defined/);
    // So do Run and the exercise check.
    const run = await playground.runProgram('print("after", 6 * 7)\n');
    assert.ok(run.includes('\nafter 42\n'), run);
    await page.click('.exercise-check');
    const checked = await playground.waitFor(() => playground.view('exercise'), (s) => s.result, 'a check');
    assert.equal(checked.error, null);
    assert.deepEqual((await intrusions(playground)).violations, []);
    assert.deepEqual(playground.consoleErrors, []);
  });
});
