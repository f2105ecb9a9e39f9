// The GC panel's history and the tracemalloc panel's diff on real snapshots
// of the WebAssembly session. Needs build/wasm (scripts/build-web.sh);
// HEAPLAB_WASM_DIR points the test at another build directory.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CollectionHistory } from '../../web/views/gc-history.js';
import { compareSnapshots, describeDiff, diffIsPartial, formatSize } from '../../web/views/tracemalloc-diff.js';
import { loadHeaplab } from './wasm-session.mjs';

const MEMORY_LIMIT = 64 * 1024 * 1024;
const STEP_BUDGET = 100_000;

let heaplab;

// Runs `source` as main.py one line at a time; `onStep(snapshot, line)` sees
// the snapshot before each step (line null at the end). Once `lastLine` is
// reached the rest runs without stopping. Returns the program's output.
function stepThrough(source, onStep, lastLine = Infinity) {
  const session = new heaplab.Session(MEMORY_LIMIT);
  try {
    assert.equal(session.start(source, 'file', 'main.py'), 'paused');
    for (let steps = 0; session.state() === 'paused'; steps++) {
      assert.ok(steps < 5000, 'the program ends');
      const line = session.currentLine()?.line ?? null;
      onStep(JSON.parse(session.snapshotJson()), line);
      session.step(STEP_BUDGET);
      if (line === lastLine) break;
    }
    for (let slices = 0; session.state() === 'paused' && slices < 1000; slices++) session.run(STEP_BUDGET);
    onStep(JSON.parse(session.snapshotJson()), null);
    assert.equal(session.state(), 'done');
    return session.takeOutput().map((chunk) => chunk.text).join('');
  } finally {
    session.delete();
  }
}

describe('panels on real snapshots', () => {
  before(async () => {
    heaplab = await loadHeaplab();
  });

  describe('GC history', () => {
    const program =
      'import gc\n' +
      'class Node:\n' +
      '    pass\n' +
      'for i in range(24):\n' +
      '    n = Node()\n' +
      '    n.me = n\n' +
      '    del n\n' +
      '    gc.collect(i % 3)\n' +
      'print(gc.get_stats())\n';

    it('records each collection once, in order, however often it is seen', () => {
      const history = new CollectionHistory();
      let last;
      stepThrough(program, (snapshot) => {
        history.record(0, snapshot.gc);
        history.record(0, snapshot.gc);  // the same update twice changes nothing
        last = snapshot.gc;
      });
      const records = history.collections();
      const total = last.stats.reduce((sum, stats) => sum + stats.collections, 0);
      assert.ok(total >= 24);
      assert.deepEqual(records.map((record) => record.index), Array.from({ length: total }, (_, i) => i + 1));
      assert.equal(history.missed(), 0);
      assert.ok(last.collections.length <= 16, 'the snapshot keeps only the last collections');
      // The per-generation sums agree with gc.get_stats().
      for (let generation = 0; generation < 3; generation++) {
        const mine = records.filter((record) => record.generation === generation);
        assert.equal(mine.length, last.stats[generation].collections);
        assert.equal(mine.reduce((sum, r) => sum + r.collected, 0), last.stats[generation].collected);
        assert.equal(mine.reduce((sum, r) => sum + r.uncollectable, 0), last.stats[generation].uncollectable);
      }
      // Each explicit collection freed its Node and the Node's __dict__... in
      // the generation it ran on or an older one.
      assert.ok(records.filter((record) => record.collected > 0).length >= 8);
      assert.equal(history.record(0, last), false);
    });

    it('counts the collections it never saw, and starts again with a new run', () => {
      const history = new CollectionHistory();
      const snapshots = [];
      stepThrough(program, (snapshot) => snapshots.push(snapshot.gc));
      const first = snapshots[0];
      const final = snapshots[snapshots.length - 1];
      history.record(3, first);
      assert.equal(history.record(3, final), true);
      const total = final.stats.reduce((sum, stats) => sum + stats.collections, 0);
      assert.equal(history.collections().length, final.collections.length + first.collections.length);
      assert.equal(history.missed(), total - history.collections().length);
      assert.ok(history.missed() > 0);
      assert.equal(history.record(4, first), true, 'a new run');
      assert.deepEqual(history.collections().map((r) => r.index), first.collections.map((c) => c.index));
      assert.equal(history.missed(), 0);
      assert.equal(history.runId, 4);
    });
  });

  describe('tracemalloc diff', () => {
    it('compares two snapshots as Snapshot.compare_to(old, "lineno") prints', () => {
      // The program compares its own snapshots taken at lines 5 and 9; the
      // panel compares the session's snapshots before those lines.
      const program =
        'import tracemalloc\n' +
        'tracemalloc.start()\n' +
        'a = [str(i) * 10 for i in range(100)]\n' +
        'b = {i: [i] for i in range(30)}\n' +
        's1 = tracemalloc.take_snapshot()\n' +
        'del a\n' +
        'c = [bytes(i) for i in range(40)]\n' +
        "b[100] = 'x' * 5000\n" +
        's2 = tracemalloc.take_snapshot()\n' +
        'mine = tracemalloc.Filter(False, tracemalloc.__file__)\n' +
        "for stat in s2.filter_traces([mine]).compare_to(s1.filter_traces([mine]), 'lineno'):\n" +
        '    print(stat)\n';
      const before = {};
      const output = stepThrough(program, (snapshot, line) => {
        before[line] ??= snapshot.tracemalloc;
      }, 9);
      const mainLines = (tracemalloc) => ({ ...tracemalloc, lines: tracemalloc.lines.filter((l) => l.filename === 'main.py') });
      const diffs = compareSnapshots(mainLines(before[9]), mainLines(before[5]));
      assert.equal(diffs.map(describeDiff).join('\n') + '\n', output);
      assert.deepEqual(diffs.map((d) => d.lineno), [3, 8, 7, 4]);
      assert.equal(diffIsPartial(before[9], before[5]), false);
    });

    it('sorts by size change, then size, count change, count, file and line', () => {
      const snapshot = (lines) => ({ lines, lines_total: lines.length });
      const line = (filename, lineno, size, count) => ({ filename, lineno, size, count });
      const older = snapshot([line('main.py', 1, 100, 1), line('main.py', 2, 50, 5), line('main.py', 9, 64, 2)]);
      const newer = snapshot([
        line('main.py', 1, 100, 1), line('main.py', 2, 100, 5), line('main.py', 3, 50, 1),
        line('main.py', 4, 50, 2), line('<frozen abc>', 7, 50, 2), line('main.py', 5, 100, 1),
      ]);
      const keys = compareSnapshots(newer, older).map((d) => `${d.filename}:${d.lineno} ${d.size_diff} ${d.count_diff}`);
      assert.deepEqual(keys, [
        'main.py:5 100 1', 'main.py:9 -64 -2', 'main.py:2 50 0', 'main.py:4 50 2', '<frozen abc>:7 50 2',
        'main.py:3 50 1', 'main.py:1 0 0',
      ]);
      assert.equal(diffIsPartial({ lines: [], lines_total: 101 }, older), true);
    });

    it('writes sizes as tracemalloc does', () => {
      assert.equal(formatSize(6920), '6920 B');
      assert.equal(formatSize(10496), '10.2 KiB');  // 10.25 rounds to even, as printf does
      assert.equal(formatSize(204800), '200 KiB');
      assert.equal(formatSize(0, true), '+0 B');
      assert.equal(formatSize(-300, true), '-300 B');
      assert.equal(formatSize(68.5), '68 B');
      assert.equal(formatSize(5 * 1024 * 1024, true), '+5120 KiB');
    });
  });
});
