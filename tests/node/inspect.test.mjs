// The inspection bindings of the WebAssembly Session (core/inspect/FORMAT.md):
// stepping by lines, the object graph, a pool's blocks, the memory chart's
// numbers, the GC thresholds. Needs build/wasm (scripts/build-web.sh);
// HEAPLAB_WASM_DIR points the test at another build directory.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wasmDir = process.env.HEAPLAB_WASM_DIR ?? join(root, 'build', 'wasm');
const MEMORY_LIMIT = 64 * 1024 * 1024;
const STEP_BUDGET = 10_000;
const POOL_SIZE = 16 * 1024;

let heaplab;
let session;

function start(source) {
  assert.equal(session.start(source, 'file', 'prog.py'), 'paused');
}

// Steps until the program is about to run line `line`.
function stepTo(line) {
  for (let steps = 0; session.currentLine().line !== line; steps++) {
    assert.ok(steps < 1000, `line ${line} is reached`);
    assert.equal(session.step(STEP_BUDGET), 'paused');
  }
}

function finish() {
  let state = session.state();
  for (let slices = 0; state === 'paused' && slices < 1000; slices++) state = session.run(100_000);
  const text = session.takeOutput().map((chunk) => chunk.text).join('');
  return { state, text };
}

describe('Session inspection in WebAssembly', () => {
  before(async () => {
    assert.ok(existsSync(join(wasmDir, 'heaplab.wasm')), `no wasm build in ${wasmDir}: run scripts/build-web.sh first`);
    const createHeaplab = createRequire(import.meta.url)(join(wasmDir, 'heaplab.js'));
    heaplab = await createHeaplab({ wasmBinary: readFileSync(join(wasmDir, 'heaplab.wasm')) });
    session = new heaplab.Session(MEMORY_LIMIT);
  });

  after(() => session?.delete());

  it('steps one line at a time and reports the line', () => {
    start('a = 1\nb = 2\nc = a + b\n');
    const lines = [];
    while (session.state() === 'paused') {
      lines.push(session.currentLine());
      session.step(STEP_BUDGET);
    }
    assert.deepEqual(lines, [1, 2, 3].map((line) => ({ filename: 'prog.py', line })));
    assert.equal(session.state(), 'done');
    assert.equal(session.currentLine(), null);
  });

  it('pauses in a line longer than the budget', () => {
    start('x = sum([i for i in range(100000)])\ny = 1\n');
    assert.equal(session.step(50), 'paused');
    assert.deepEqual(session.currentLine(), { filename: 'prog.py', line: 1 });
    finish();
  });

  it('draws the graph: a cycle, a weak edge, garbage', () => {
    start(
      'import weakref\n' +
        'class Node:\n' +
        '    pass\n' +
        'a = Node()\n' +
        'a.me = a\n' +
        'r = weakref.ref(a)\n' +
        'lost = []\n' +
        'lost.append(lost)\n' +
        'del lost\n' +
        'x = 0\n',
    );
    stepTo(10);
    const graph = JSON.parse(session.graphJson(500));
    assert.equal(graph.truncated, false);
    const byRepr = (repr) => graph.nodes.filter((node) => node.repr === repr);
    const [a] = byRepr('<Node object>');
    assert.ok(graph.roots.some((r) => r.name === 'a' && r.scope === 'global' && r.id === a.id));
    assert.equal(a.cycle, true);
    assert.equal(a.unreachable, false);
    assert.ok(graph.edges.some((e) => e.from === a.id && e.to === a.id && e.label === '.me' && e.kind === 'strong'));
    const [ref] = byRepr("<weakref to 'Node'>");
    assert.ok(graph.edges.some((e) => e.from === ref.id && e.to === a.id && e.kind === 'weak'));
    const garbage = graph.nodes.filter((node) => node.unreachable);
    assert.equal(garbage.length, 1);
    assert.equal(garbage[0].type, 'list');
    assert.equal(garbage[0].cycle, true);
    finish();
  });

  it('names the object in each block of a pool; flashes freed blocks', () => {
    start('n = 10\ns = "abc" * n\ndel s\nx = 0\n');
    stepTo(3);
    const graph = JSON.parse(session.graphJson(500));
    const s = graph.nodes.find((node) => node.repr === "'" + 'abc'.repeat(10) + "'");
    const pool = JSON.parse(session.poolJson(s.id - (s.id % POOL_SIZE)));
    const block = pool.blocks.find((b) => b.object?.id === s.id);
    assert.deepEqual(block.object, {
      id: s.id, type: 'str', repr: s.repr, refcount: 1, size: 71, tracked: false, generation: -1, immortal: false,
    });
    const first = JSON.parse(session.snapshotJson());
    assert.equal(first.version, 2);
    assert.deepEqual(first.line, { filename: 'prog.py', line: 3 });
    assert.deepEqual(first.stack, [{ function: '<module>', filename: 'prog.py', line: 3 }]);
    assert.equal(session.step(STEP_BUDGET), 'paused');
    const second = JSON.parse(session.snapshotJson());
    assert.equal(second.snapshot, first.snapshot + 1);
    assert.ok(second.freed_blocks.includes(block.address));
    finish();
  });

  it('gives the chart its numbers and takes GC thresholds', () => {
    session.setGcThresholds(5, 6, 7);
    start('import gc\nprint(gc.get_threshold())\n');
    assert.deepEqual(finish(), { state: 'done', text: '(5, 6, 7)\n' });
    const stats = JSON.parse(session.statsJson());
    assert.ok(stats.allocated_blocks > 0);
    assert.ok(stats.arenas > 0);
    assert.equal(stats.limit, MEMORY_LIMIT);
    assert.equal(stats.gc_counts.length, 3);
    session.setGcThresholds(2000, 10, 10);
  });

  it('records collections for the GC panel, with the graph\'s ids', () => {
    // Earlier tests' programs ran in this session: their garbage goes first.
    start('import gc\ngc.collect()\nclass Node:\n    pass\nn = Node()\nn.me = n\ndel n\ngc.collect()\nx = 0\n');
    stepTo(8);
    const garbage = JSON.parse(session.graphJson(500)).nodes.find((node) => node.unreachable && node.type === 'Node');
    assert.ok(garbage, 'the Node that refers to itself is unreachable');
    const before = JSON.parse(session.snapshotJson()).gc.collections;
    stepTo(9);
    const after = JSON.parse(session.snapshotJson()).gc.collections;
    const last = after[after.length - 1];
    assert.equal(last.index, (before.length ? before[before.length - 1].index : 0) + 1);
    assert.deepEqual([last.generation, last.collected, last.uncollectable], [2, 1, 0]);
    assert.ok(last.seconds >= 0 && last.seconds < 10);
    assert.ok(last.events.some((e) => e.address === garbage.id && e.to === 'unreachable'));
    finish();
  });

  it('runs under the debug allocator', () => {
    const debug = new heaplab.Session(MEMORY_LIMIT, true);
    try {
      assert.equal(debug.start('import sys\nprint(sys.getsizeof([1, 2, 3]))\n', 'file', 'prog.py'), 'paused');
      assert.equal(debug.run(100_000), 'done');
      assert.equal(debug.takeOutput().map((chunk) => chunk.text).join(''), '88\n');
    } finally {
      debug.delete();
    }
  });

  it('leaves the heap as it was when inspected between statements', () => {
    const program =
      'import gc, sys\nclass Node:\n    pass\na = Node()\na.me = a\n' +
      'print(gc.get_count(), sys.getallocatedblocks(), sys.getrefcount(a))\n';
    // A fresh session each time: the program sees the same heap but for the inspection.
    const run = (inspect) => {
      const shared = session;
      session = new heaplab.Session(MEMORY_LIMIT);
      try {
        start(program);
        stepTo(6);
        if (inspect) {
          session.snapshotJson();
          session.graphJson(500);
          session.statsJson();
        }
        return finish();
      } finally {
        session.delete();
        session = shared;
      }
    };
    assert.deepEqual(run(true), run(false));
  });
});
