// The page's defences in Chromium: a share link carrying markup renders as
// text and runs nothing (with no Content-Security-Policy violation at all:
// one would mean something tried to run); the policy is in force (eval and an
// inline script the test itself injects are refused); a worker that stops
// answering is replaced and the page keeps working. Needs a built page
// (scripts/build-web.sh).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
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
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const element of [node, ...node.querySelectorAll('*')]) {
          if (/^(img|script|iframe|object|embed|image)$/i.test(element.tagName)) {
            window.__addedElements.push(`${element.tagName.toLowerCase()} ${element.getAttribute('src') ?? ''}`);
          }
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
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
    assert.equal(checked.result.summary, '0 of 1 checks pass');
    assert.ok(checked.report.includes(`check ${SCRIPT}`) && checked.report.includes(`message ${IMG}`), checked.report);

    assert.deepEqual(await intrusions(reader),
      { pwned: null, violations: [], added: ['script boot.js', 'script main.js'], images: 0, inlineScripts: 0 });
    assert.deepEqual(reader.consoleErrors, []);
  });

  it('the Content-Security-Policy is in force on the page and sent for the worker', async () => {
    for (const file of ['', 'worker.js', 'boot.js']) {
      const response = await fetch(new URL(file, url));
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, file || 'index.html');
    }
    const playground = await open(url);
    const { page } = playground;
    assert.deepEqual((await intrusions(playground)).violations, []);

    const evalResult = await page.evaluate(() => {
      try {
        return `ran: ${eval('6 * 7')}`;  // eslint-disable-line no-eval
      } catch (error) {
        return error.name;
      }
    });
    assert.equal(evalResult, 'EvalError');
    // An inline script, an inline event handler and a blob: worker, each made
    // by the test itself: refused, each with a violation event.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__handlerRan = true');
      image.src = 'data:,not-an-image';
      document.body.append(image);
      try {
        new Worker(URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' })));
      } catch {
        // Chromium reports the refusal as an event and a thrown SecurityError
      }
    });
    const violations = await playground.waitFor(() => page.evaluate(() => window.__violations),
      (list) => list.length >= 4, 'four policy violations');
    const directives = violations.map((v) => v.directive).sort();
    assert.deepEqual(directives, ['script-src', 'script-src-attr', 'script-src-elem', 'worker-src'], JSON.stringify(violations));
    assert.deepEqual(await page.evaluate(() => [window.__inlineRan ?? null, window.__handlerRan ?? null]), [null, null]);
    // The console says why each was refused, and nothing else went wrong.
    assert.ok(playground.consoleErrors.length > 0);
    for (const message of playground.consoleErrors) assert.match(message, /Content Security Policy/);
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
