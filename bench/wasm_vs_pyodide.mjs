// heaplab's WebAssembly build against Pyodide (CPython 3.12 in WebAssembly),
// both in this node process, on bench/python/*.py. Each side is loaded once
// (load time printed apart); then every program runs RUNS times, alternating
// the two sides. The figure compared is the `seconds <t>` line each program
// prints for its own timed part; medians, ratio heaplab/pyodide, and the
// geometric mean of the ratios.
//
//   node bench/wasm_vs_pyodide.mjs [RUNS] [FILTER]
// HEAPLAB_WASM_DIR points at another wasm build directory (default build/wasm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = process.env.HEAPLAB_WASM_DIR ?? join(root, 'build', 'wasm');
const pyodideDir = join(root, 'node_modules', 'pyodide');
const programsDir = join(root, 'bench', 'python');
const runs = Number(process.argv[2] ?? 5);
const filter = process.argv[3] ?? '';
const MEMORY_LIMIT = 512 * 1024 * 1024;
const SLICE = 1_000_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (seconds) => `${(seconds * 1000).toFixed(1)} ms`;

// The program's own timing line, and its output without it (for comparison).
function splitTiming(text) {
  const match = /^seconds (\S+)$/m.exec(text);
  if (!match) throw new Error(`no "seconds" line in output:\n${text}`);
  return { seconds: Number(match[1]), rest: text.replace(match[0], '') };
}

async function loadHeaplab() {
  if (!existsSync(join(wasmDir, 'heaplab.wasm'))) {
    throw new Error(`no wasm build in ${wasmDir}: run scripts/build-web.sh or set HEAPLAB_WASM_DIR`);
  }
  const createHeaplab = createRequire(import.meta.url)(join(wasmDir, 'heaplab.js'));
  return createHeaplab({ wasmBinary: readFileSync(join(wasmDir, 'heaplab.wasm')) });
}

async function loadPyodideHere() {
  const { loadPyodide } = await import(join(pyodideDir, 'pyodide.mjs'));
  // The npm package holds the wasm and the stdlib: nothing is fetched.
  return loadPyodide({ indexURL: pyodideDir + '/', stdout: () => {}, stderr: () => {} });
}

function runHeaplab(heaplab, source, name) {
  const session = new heaplab.Session(MEMORY_LIMIT);
  try {
    let state = session.start(source, 'file', name);
    while (state === 'paused') state = session.run(SLICE);
    const text = session.takeOutput().map((chunk) => chunk.text).join('');
    if (state !== 'done') throw new Error(`heaplab ${name}: ended ${state}\n${text}`);
    return text;
  } finally {
    session.delete();
  }
}

function runPyodide(pyodide, source, name) {
  let text = '';
  pyodide.setStdout({ batched: (line) => { text += line + '\n'; } });
  const globals = pyodide.toPy({ __name__: '__main__' });
  try {
    pyodide.runPython(source, { globals, filename: name });
  } finally {
    globals.destroy();
    pyodide.setStdout({ batched: () => {} });
  }
  return text;
}

let start = performance.now();
const heaplab = await loadHeaplab();
const heaplabLoad = performance.now() - start;
start = performance.now();
const pyodide = await loadPyodideHere();
const pyodideLoad = performance.now() - start;
console.log(`load in node: heaplab ${heaplabLoad.toFixed(0)} ms, pyodide ${pyodideLoad.toFixed(0)} ms ` +
  `(ratio ${(heaplabLoad / pyodideLoad).toFixed(3)}); pyodide ${pyodide.version}, ` +
  `Python ${pyodide.runPython('import sys; sys.version.split()[0]')}`);
console.log(`${runs} runs per program per side, alternating; median of each program's own "seconds" line\n`);

const programs = readdirSync(programsDir).filter((f) => f.endsWith('.py') && f.includes(filter)).sort();
const rows = [];
for (const file of programs) {
  const source = readFileSync(join(programsDir, file), 'utf8');
  const times = { heaplab: [], pyodide: [] };
  const outputs = { heaplab: null, pyodide: null };
  for (let i = 0; i < runs; i++) {
    // Alternate which side goes first so neither always runs on a warmer machine.
    const order = i % 2 ? ['pyodide', 'heaplab'] : ['heaplab', 'pyodide'];
    for (const side of order) {
      const text = side === 'heaplab' ? runHeaplab(heaplab, source, file) : runPyodide(pyodide, source, file);
      const { seconds, rest } = splitTiming(text);
      times[side].push(seconds);
      outputs[side] ??= rest;
    }
  }
  if (outputs.heaplab !== outputs.pyodide) {
    console.log(`WARNING ${file}: outputs differ\n  heaplab: ${JSON.stringify(outputs.heaplab)}\n  pyodide: ${JSON.stringify(outputs.pyodide)}`);
  }
  const h = median(times.heaplab);
  const p = median(times.pyodide);
  rows.push({ file, h, p, ratio: h / p });
}

const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'program'.padEnd(width)}  heaplab/pyodide  (heaplab, pyodide)`);
for (const r of rows) {
  console.log(`${r.file.padEnd(width)}  ${r.ratio.toFixed(3).padStart(15)}  (${ms(r.h)}, ${ms(r.p)})`);
}
const geomean = Math.exp(rows.reduce((sum, r) => sum + Math.log(r.ratio), 0) / rows.length);
console.log(`${'geometric mean'.padEnd(width)}  ${geomean.toFixed(3).padStart(15)}`);
const slower = rows.filter((r) => r.ratio >= 1).map((r) => r.file);
console.log(slower.length ? `target missed (not faster than Pyodide): ${slower.join(', ')}` : 'faster than Pyodide on every program');
