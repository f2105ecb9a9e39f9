// The page's own code (web/**/*.js, not the bundle in web/dist) never uses a
// DOM sink that parses markup or runs a string as code: user code, share-link
// content and program output reach the page only as textContent and text
// nodes. The list below is the whole allow-list: empty, and it should stay so.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const ALLOWED = [];  // [{file, sink}] with a comment saying why, if ever needed

// [name, pattern]: markup parsers, string-to-code, and attributes that run
// code or load something (javascript: URLs, on* handlers, srcdoc).
const SINKS = [
  ['innerHTML', /\.innerHTML\b/],
  ['outerHTML', /\.outerHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['setHTML', /\.setHTML(?:Unsafe)?\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['javascript: URL', /javascript\s*:/i],
  ['eval', /(?<![.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['on* attribute', /\bsetAttribute(?:NS)?\s*\(\s*(?:[^,]+,\s*)?['"`]on/i],
  ['href or src attribute', /\bsetAttribute(?:NS)?\s*\(\s*(?:[^,]+,\s*)?['"`](?:xlink:)?(?:href|src|action|formaction)\b/i],
  ['href or src property', /\.(?:href|src|action|formAction)\s*=(?!=)/],
  ['script, frame or object element', /\bcreateElement(?:NS)?\s*\([^)]*['"`](?:script|iframe|frame|object|embed)['"`]/i],
];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.m?js$/.test(entry.name) ? [path] : [];
  });
}

// [{line, sink}] for every sink in `text`.
function findSinks(text) {
  const found = [];
  text.split('\n').forEach((line, index) => {
    for (const [sink, pattern] of SINKS) if (pattern.test(line)) found.push({ line: index + 1, sink });
  });
  return found;
}

describe('no HTML or code sinks in the page', () => {
  it('the scanner finds each kind of sink', () => {
    const samples = [
      'element.innerHTML = text;', 'node.outerHTML = x', "el.insertAdjacentHTML('beforeend', s)",
      'document.write(s)', 'range.createContextualFragment(s)', 'new DOMParser().parseFromString(s, "text/html")',
      'el.setHTML(s)', "frame.setAttribute('srcdoc', s)", "a.setAttribute('href', 'javascript:alert(1)')",
      'eval(code)', "new Function('a', body)", "setTimeout('run()', 5)", "img.setAttribute('onerror', s)",
      "use.setAttributeNS(XLINK, 'xlink:href', s)", 'a.href = link', "document.createElement('script')",
    ];
    for (const sample of samples) assert.ok(findSinks(sample).length > 0, `not found in: ${sample}`);
    const harmless = [
      'element.textContent = text;', 'worker.onmessage = (event) => receive(event);', "el.setAttribute('aria-label', s)",
      'if (a.href === b) {}', "svgElement('text', { x, y })", 'session.evaluate(x)', 'retrieval(code)',
    ];
    for (const sample of harmless) assert.deepEqual(findSinks(sample), [], sample);
  });

  it('web/**/*.js uses none of them', () => {
    const files = sourceFiles(join(root, 'web'));
    assert.ok(files.length > 50, `only ${files.length} files found`);
    const violations = files.flatMap((path) => {
      const file = relative(root, path);
      return findSinks(readFileSync(path, 'utf8'))
        .filter(({ sink }) => !ALLOWED.some((allowed) => allowed.file === file && allowed.sink === sink))
        .map(({ line, sink }) => `${file}:${line}: ${sink}`);
    });
    assert.deepEqual(violations, []);
  });
});
