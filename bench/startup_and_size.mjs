// Start-up and size: heaplab's playground page against a bare Pyodide REPL page.
// (a) bytes shipped, gzip -9 of each file the page loads (source maps skipped);
// (b) time to the first prompt in headless Chromium on localhost: heaplab's
//     window.heaplab.firstPromptMs() (the page clock at the first >>> prompt)
//     and, for Pyodide, performance.now() when loadPyodide() resolves on a
//     minimal page. Median of RUNS fresh page loads each, alternating the sides.
//
//   node bench/startup_and_size.mjs [RUNS]
// HEAPLAB_DIST points at another built page (default web/dist).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serveDirectory } from '../scripts/serve.mjs';
import { launchBrowser, openPlayground } from '../tests/browser/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.HEAPLAB_DIST ?? join(root, 'web', 'dist');
const pyodideDir = join(root, 'node_modules', 'pyodide');
const runs = Number(process.argv[2] ?? 7);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function shipped(files) {
  return files.map((path) => ({ path, raw: statSync(path).size, gzip: gzipSync(readFileSync(path), { level: 9 }).length }));
}

// (a) Sizes. heaplab: everything in web/dist but source maps (chunks included:
// the playground's code is split into them). Pyodide: what loadPyodide() fetches
// for a bare REPL.
const heaplabFiles = shipped(filesUnder(dist).filter((path) => !path.endsWith('.map')));
const pyodideFiles = shipped(['pyodide.js', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json']
  .map((name) => join(pyodideDir, name)));
const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);

console.log('bytes shipped (gzip -9; raw in parentheses)');
for (const [side, files, base] of [['heaplab', heaplabFiles, dist], ['pyodide', pyodideFiles, pyodideDir]]) {
  for (const f of files) console.log(`  ${side} ${relative(base, f.path).padEnd(40)} ${kb(f.gzip).padStart(10)}  (${kb(f.raw)})`);
}
const hGzip = total(heaplabFiles, 'gzip');
const pGzip = total(pyodideFiles, 'gzip');
console.log(`  total: heaplab/pyodide ${(hGzip / pGzip).toFixed(3)}  (heaplab ${kb(hGzip)} = ${hGzip} B, ` +
  `pyodide ${kb(pGzip)}; raw ${kb(total(heaplabFiles, 'raw'))}, ${kb(total(pyodideFiles, 'raw'))})`);
console.log(`  target page payload <= 1 MB gzip: ${hGzip <= 1_000_000 ? 'met' : 'MISSED'}\n`);

// (b) Time to the first prompt. The Pyodide page is generated in a temp dir
// beside links to the npm package's files.
const pyodidePage = mkdtempSync(join(tmpdir(), 'pyodide-page-'));
for (const name of readdirSync(pyodideDir)) symlinkSync(join(pyodideDir, name), join(pyodidePage, name));
writeFileSync(join(pyodidePage, 'index.html'), `<!doctype html>
<meta charset="utf-8"><title>Pyodide REPL</title>
<script src="pyodide.js"></script>
<script>
  window.readyMs = null;
  loadPyodide().then((pyodide) => {
    pyodide.runPython('import sys');
    window.readyMs = performance.now();
    document.body.textContent = '>>> ';
  });
</script>
`);

const heaplabServer = await serveDirectory(dist, 0);
const pyodideServer = await serveDirectory(pyodidePage, 0, { contentSecurityPolicy: null });  // its page's script is inline
const browser = await launchBrowser();
const times = { heaplab: [], pyodide: [] };

async function heaplabFirstPrompt() {
  const playground = await openPlayground(browser, heaplabServer.url, { waitForPrompt: false });
  const { page } = playground;
  await page.waitForFunction(() => window.heaplab?.firstPromptMs() != null, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.heaplab.firstPromptMs());
  if (playground.consoleErrors.length) throw new Error(`heaplab page errors: ${playground.consoleErrors.join('\n')}`);
  await page.close();
  return ms;
}

async function pyodideFirstPrompt() {
  const page = await browser.newPage();
  await page.goto(pyodideServer.url);
  await page.waitForFunction(() => window.readyMs !== null, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.readyMs);
  await page.close();
  return ms;
}

try {
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['pyodide', 'heaplab'] : ['heaplab', 'pyodide'];
    for (const side of order) times[side].push(side === 'heaplab' ? await heaplabFirstPrompt() : await pyodideFirstPrompt());
  }
} finally {
  await browser.close();
  heaplabServer.server.close();
  pyodideServer.server.close();
  rmSync(pyodidePage, { recursive: true, force: true });
}

const h = median(times.heaplab);
const p = median(times.pyodide);
console.log(`time to first prompt, headless Chromium, localhost, median of ${runs} fresh page loads`);
console.log(`  heaplab/pyodide ${(h / p).toFixed(3)}  (heaplab ${h.toFixed(0)} ms, pyodide ${p.toFixed(0)} ms)`);
console.log(`  heaplab runs: ${times.heaplab.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`  pyodide runs: ${times.pyodide.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`  target first prompt <= 100 ms: ${h <= 100 ? 'met' : 'MISSED'}`);
