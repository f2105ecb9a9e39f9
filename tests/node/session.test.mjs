// The WebAssembly build of Session, loaded in node as the page's worker loads
// it. Needs build/wasm (scripts/build-web.sh builds it); HEAPLAB_WASM_DIR
// points the test at another build directory.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = process.env.HEAPLAB_WASM_DIR ?? join(root, 'build', 'wasm');
const MEMORY_LIMIT = 64 * 1024 * 1024;
const BUDGET = 100_000;
const MAX_SLICES = 10_000;

let heaplab;
let session;

// Starts `source` and runs it slice by slice, as the worker does.
function runToEnd(source, mode = 'interactive') {
  let state = session.start(source, mode, mode === 'file' ? 'program.py' : '<stdin>');
  for (let slices = 0; state !== 'error'; slices++) {
    assert.ok(slices < MAX_SLICES, 'the program ends');
    state = session.run(BUDGET);
    if (state !== 'paused') break;
  }
  return { state, ...collectOutput() };
}

function collectOutput() {
  const chunks = session.takeOutput();
  for (const chunk of chunks) {
    assert.ok(chunk.stream === 'out' || chunk.stream === 'err', `stream ${chunk.stream}`);
    assert.equal(typeof chunk.text, 'string');
  }
  const join = (stream) => chunks.filter((chunk) => chunk.stream === stream).map((chunk) => chunk.text).join('');
  return { out: join('out'), err: join('err') };
}

describe('Session in WebAssembly', () => {
  before(async () => {
    assert.ok(existsSync(join(wasmDir, 'heaplab.wasm')), `no wasm build in ${wasmDir}: run scripts/build-web.sh first`);
    const createHeaplab = createRequire(import.meta.url)(join(wasmDir, 'heaplab.js'));
    // Emscripten 3.1.6 cannot fetch its .wasm under node 20: hand it the bytes.
    heaplab = await createHeaplab({ wasmBinary: readFileSync(join(wasmDir, 'heaplab.wasm')) });
    session = new heaplab.Session(MEMORY_LIMIT);
  });

  after(() => session?.delete());

  it('runs a file and prints what CPython prints', () => {
    const result = runToEnd('import sys\nx = [1, 2, 3]\nprint(sys.getsizeof(x))\n', 'file');
    assert.deepEqual(result, { state: 'done', out: '88\n', err: '' });
  });

  it('echoes the repr of an interactive expression', () => {
    assert.deepEqual(runToEnd('1 + 1'), { state: 'done', out: '2\n', err: '' });
  });

  it('classifies REPL input as CPython does', () => {
    assert.equal(session.classify('x = 1'), 'complete');
    assert.equal(session.classify('x = (1,'), 'incomplete');
    assert.equal(session.classify('if True:'), 'incomplete');
    assert.equal(session.classify('if True:\n    pass'), 'incomplete');
    assert.equal(session.classify('if True:\n    pass\n'), 'complete');
    assert.equal(session.classify('1 +'), 'complete');  // an error, for run to report
  });

  it('reports a SyntaxError and stays usable', () => {
    const result = runToEnd('1 +');
    assert.equal(result.state, 'error');
    assert.equal(result.out, '');
    assert.match(result.err, /SyntaxError: /);
    assert.deepEqual(runToEnd('print("still here")'), { state: 'done', out: 'still here\n', err: '' });
  });

  it('reports a NameError with a traceback and keeps the session', () => {
    assert.deepEqual(runToEnd('y = 41'), { state: 'done', out: '', err: '' });
    const result = runToEnd('x_undefined');
    assert.equal(result.state, 'error');
    assert.match(result.err, /^Traceback \(most recent call last\):\n/);
    assert.match(result.err, /NameError: name 'x_undefined' is not defined\n$/);
    assert.deepEqual(runToEnd('print(y + 1)'), { state: 'done', out: '42\n', err: '' });
  });

  it('interrupts an endless loop between slices', () => {
    assert.notEqual(session.start('while True: pass\n', 'interactive', '<stdin>'), 'error');
    assert.equal(session.run(BUDGET), 'paused');
    assert.equal(session.run(BUDGET), 'paused');
    session.interrupt();
    assert.equal(session.run(BUDGET), 'error');
    const { err } = collectOutput();
    assert.match(err, /KeyboardInterrupt\n$/);
    assert.deepEqual(runToEnd('print(1+1)'), { state: 'done', out: '2\n', err: '' });
  });

  it('pauses in input() until the page provides a line', () => {
    let state = session.start('name = input("Name: ")\nprint("Hi", name)\n', 'file', 'program.py');
    for (let slices = 0; state === 'paused' && slices < MAX_SLICES; slices++) state = session.run(BUDGET);
    assert.equal(state, 'input');
    assert.deepEqual(collectOutput(), { out: 'Name: ', err: '' });
    assert.equal(session.run(BUDGET), 'input', 'run() does not go on without the line');
    assert.equal(session.provideInput('Ada'), 'paused');
    assert.equal(session.run(BUDGET), 'done');
    assert.deepEqual(collectOutput(), { out: 'Hi Ada\n', err: '' });
  });

  it('raises EOFError at end of input and KeyboardInterrupt when interrupted', () => {
    assert.notEqual(session.start('input()\n', 'interactive', '<stdin>'), 'error');
    assert.equal(session.run(BUDGET), 'input');
    assert.equal(session.provideEndOfInput(), 'paused');
    assert.equal(session.run(BUDGET), 'error');
    assert.match(collectOutput().err, /EOFError: EOF when reading a line\n$/);
    assert.notEqual(session.start('input("? ")\n', 'interactive', '<stdin>'), 'error');
    assert.equal(session.run(BUDGET), 'input');
    session.interrupt();
    assert.equal(session.run(BUDGET), 'error');
    const { out, err } = collectOutput();
    assert.equal(out, '? ');
    assert.match(err, /KeyboardInterrupt\n$/);
    assert.deepEqual(runToEnd('print("after")'), { state: 'done', out: 'after\n', err: '' });
  });

  it('takes a snapshot with arenas and pools', () => {
    const snapshot = JSON.parse(session.snapshotJson());
    assert.equal(snapshot.version, 2);
    const { memory } = snapshot;
    assert.equal(memory.limit, MEMORY_LIMIT);
    assert.equal(memory.arena_size, 1024 * 1024);
    assert.equal(memory.pool_size, 16 * 1024);
    assert.ok(memory.arenas.length > 0, 'some arena is in use');
    assert.equal(memory.stats.arenas_current, memory.arenas.length);
    for (const arena of memory.arenas) {
      assert.equal(arena.pools.length, arena.total_pools);
      for (const pool of arena.pools) {
        if (pool.unused) continue;
        assert.equal(pool.block_size, 16 * (pool.szidx + 1));
        assert.ok(pool.used >= 0 && pool.used <= pool.capacity);
      }
    }
    const pools = memory.arenas.flatMap((arena) => arena.pools).filter((pool) => !pool.unused);
    const bytesInPools = pools.reduce((sum, pool) => sum + pool.used * pool.block_size, 0);
    assert.equal(bytesInPools, memory.stats.bytes_in_allocated_blocks);
  });
});
