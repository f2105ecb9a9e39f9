// The WebAssembly module for the node tests, and a helper that runs a Python
// program in it to a given line: the data the tests check is real.
// Needs build/wasm (scripts/build-web.sh); HEAPLAB_WASM_DIR points elsewhere.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = process.env.HEAPLAB_WASM_DIR ?? join(root, 'build', 'wasm');
const MEMORY_LIMIT = 64 * 1024 * 1024;
const STEP_BUDGET = 100_000;

export async function loadHeaplab() {
  assert.ok(existsSync(join(wasmDir, 'heaplab.wasm')), `no wasm build in ${wasmDir}: run scripts/build-web.sh first`);
  const createHeaplab = createRequire(import.meta.url)(join(wasmDir, 'heaplab.js'));
  return createHeaplab({ wasmBinary: readFileSync(join(wasmDir, 'heaplab.wasm')) });
}

// Runs `source` as main.py in a fresh session until it is about to run line
// `line`; calls `inspect(session)` there; finishes the program.
export function atLine(heaplab, source, line, inspect) {
  const session = new heaplab.Session(MEMORY_LIMIT);
  try {
    assert.equal(session.start(source, 'file', 'main.py'), 'paused');
    for (let steps = 0; session.currentLine()?.line !== line; steps++) {
      assert.ok(steps < 1000 && session.state() === 'paused', `line ${line} is reached`);
      session.step(STEP_BUDGET);
    }
    return inspect(session);
  } finally {
    session.delete();
  }
}
