// The GC, tracemalloc and memory-over-time panels in Debian's Chromium:
// programs run and stepped through the page fill each panel with the
// session's real numbers. Saves docs/screenshots/gc-panel.png,
// tracemalloc.png and memory-plot.png. Needs a built page: run
// scripts/build-web.sh first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPlayground, PHONE, servePage } from './harness.mjs';

let server;
let url;
let browser;
let playground;
let page;

// The program's output: the lines after the last RESTART banner, before the prompt.
function programOutput(text) {
  const lines = text.split('\n');
  const start = lines.findLastIndex((line) => line.includes('RESTART: main.py'));
  assert.notEqual(start, -1, `no RESTART banner in:\n${text}`);
  return lines.slice(start + 1, lines.length - 1).join('\n');
}

// Clicks Step once and waits until the program is paused again (or ended).
// As the harness's step(), but polling only the update's number: a whole heap
// is large once the GC has recorded events, and copying it out of the page
// at every poll made each step take a second.
async function step() {
  const progress = () => page.evaluate(() => ({ program: window.heaplab.program(), sequence: window.heaplab.heap()?.sequence ?? 0 }));
  const before = (await progress()).sequence;
  await page.click('#step-button');
  await playground.waitFor(progress, ({ program, sequence }) => sequence > before && (program.state === 'paused' || !program.active),
    'a step to end');
}

// Runs `code` with the Run button and waits for its end and the prompt after
// it (the harness's runProgram(), polling as lightly as step() above).
async function run(code, target = playground) {
  await target.setCode(code);
  const progress = () => target.page.evaluate(() => {
    const heap = window.heaplab.heap();
    return { program: window.heaplab.program(), sequence: heap?.sequence ?? 0, reason: heap?.reason };
  });
  const before = (await progress()).sequence;
  await target.page.click('#run-button');
  await target.waitFor(progress, ({ program, sequence, reason }) => !program.active && reason === 'finish' && sequence > before,
    'the program to finish');
  await target.waitForTerminal((text) => text.endsWith('>>>'));
}

// Steps until the program is paused before `line` (Step starts it if needed).
async function stepTo(line, limit = 200) {
  for (let steps = 0; ; steps++) {
    const program = await playground.program();
    if (program.active && program.state === 'paused' && program.line === line) return;
    assert.ok(steps < limit, `line ${line} is reached within ${limit} steps`);
    await step();
  }
}

// Steps until the program ends.
async function stepToEnd(limit = 200) {
  for (let steps = 0; (await playground.program()).active; steps++) {
    assert.ok(steps < limit, `the program ends within ${limit} steps`);
    await step();
  }
}

describe('GC, tracemalloc and memory panels', () => {
  before(async () => {
    const served = await servePage();
    server = served.server;
    url = served.url;
    browser = await launchBrowser();
    playground = await openPlayground(browser, served.url);
    page = playground.page;
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('GC panel: counts against thresholds, and a collection of gc.collect() in the history', async () => {
    const program =
      'import gc\n' +
      'gc.set_threshold(300, 2, 10)\n' +
      'class Node:\n' +
      '    pass\n' +
      'for i in range(3):\n' +
      '    n = Node()\n' +
      '    n.me = n\n' +
      'del n\n' +
      'found = gc.collect()\n' +
      'for i in range(1500):\n' +
      '    garbage = Node()\n' +
      '    garbage.me = garbage\n' +
      'for generation in (0, 1, 0):\n' +
      '    gc.collect(generation)\n' +
      "print('found', found, 'count', gc.get_count(), 'stats', gc.get_stats()[2]['collections'])\n";
    const started = performance.now();
    await run(program);
    await playground.showView('gc');
    console.log(`GC program run and panel shown in ${Math.round(performance.now() - started)} ms`);
    const output = programOutput(await playground.terminalText());
    const [, found, , count1, count2, fullCollections] =
      output.match(/^found (\d+) count \((\d+), (\d+), (\d+)\) stats (\d+)$/m).map(Number);
    assert.ok(found >= 3, `gc.collect() found the three Nodes: ${output}`);

    const heap = await playground.heap();
    const view = await playground.view('gc');
    assert.equal(view.empty, null);
    assert.equal(view.enabled, true);
    // The bars show the snapshot's counts and thresholds, which are the program's own.
    assert.deepEqual(view.generations.map(({ count, threshold }) => ({ count, threshold })),
      heap.snapshot.gc.generations.map(({ count, threshold }) => ({ count, threshold })));
    assert.deepEqual(view.generations.map((g) => g.threshold), [300, 2, 10], 'the thresholds gc.set_threshold() set');
    // gen 0's count moved on after the print (its arguments were freed); the older ones did not.
    assert.deepEqual([view.generations[1].count, view.generations[2].count], [count1, count2]);
    const drawn = await page.$$eval('#view-gc .gc-generation', (rows) => rows.map((row) => ({
      count: Number(row.dataset.count),
      threshold: Number(row.dataset.threshold),
      text: row.textContent,
      fill: row.querySelector('.gc-generation-fill')?.getAttribute('width') ?? null,
    })));
    assert.equal(drawn.length, 3);
    drawn.forEach((row, generation) => {
      assert.equal(row.count, heap.snapshot.gc.generations[generation].count);
      assert.ok(row.text.includes(`${row.count} / ${row.threshold}`), row.text);
      assert.equal(row.fill === null, row.count === 0, `generation ${generation} is filled only when its count is not 0`);
    });

    // The collection gc.collect() ran: a full one that found the Nodes.
    assert.equal(view.stats[2].collections, fullCollections);
    const full = view.history.filter((collection) => collection.generation === 2);
    assert.equal(full.length, fullCollections);
    const collect = full[full.length - 1];
    assert.equal(collect.collected, found);
    assert.equal(collect.steppable, true);
    assert.deepEqual(view.history.map((c) => c.index), Array.from({ length: view.history.length }, (_, i) => i + 1));
    const bars = await page.$$eval('#view-gc .gc-history-bar', (nodes) => nodes.map((node) => ({
      index: Number(node.dataset.index), collected: Number(node.dataset.collected), generation: Number(node.dataset.generation),
    })));
    assert.deepEqual(bars.map((bar) => bar.index), view.history.map((c) => c.index));
    assert.ok(bars.some((bar) => bar.index === collect.index && bar.collected === found && bar.generation === 2));
    const row = page.locator(`#view-gc .gc-collection-list tr[data-index="${collect.index}"]`);
    assert.match(await row.textContent(), new RegExp(`#${collect.index}gen 2${found}0`));
    assert.equal(await row.locator('button').isEnabled(), true);
    const collected = view.history.reduce((sum, c) => sum + c.collected, 0);
    assert.equal(view.summary, `${view.history.length} collections, ${collected.toLocaleString('en-US')} objects collected.`);

    // Clicking the bar picks the collection's row.
    await page.click(`#view-gc .gc-history-bar[data-index="${collect.index}"]`);
    assert.equal(await row.getAttribute('class'), 'selected');
    assert.ok(view.stats[0].collections > 2, 'the 1500 Nodes set off generation 0 collections besides the two gc.collect(0)');
    assert.ok(view.stats[1].collections > 1, 'and a generation 1 collection besides gc.collect(1)');
    assert.ok(view.history.filter((c) => c.generation === 0 && c.collected > 0).length >= 3, 'which collected the Nodes');
    assert.deepEqual(view.history.slice(-3).map((c) => c.generation), [0, 1, 0]);
    await page.evaluate(() => { document.getElementById('view-gc').scrollTop = 0; });
    await playground.screenshot('gc-panel');

    // Step through: the object graph animates the collection.
    await row.locator('button').click();
    await page.locator('#view-graph').waitFor({ state: 'visible' });
    const graph = await playground.view('graph');
    assert.equal(graph.stepThrough.active, true);
    assert.equal(graph.stepThrough.index, collect.index);
    assert.equal(graph.stepThrough.generation, 2);

    // A new run starts a new history.
    await run('x = 1\n');
    await playground.showView('gc');
    const fresh = await playground.view('gc');
    assert.ok(fresh.runId > view.runId);
    assert.deepEqual(fresh.history, []);
    assert.match(fresh.summary, /No collection yet in this run/);
  });

  it('tracemalloc panel: top lines, a diff between snapshots A and B, lines select the editor', async () => {
    const program =
      'import tracemalloc\n' +
      'tracemalloc.start()\n' +
      'data = [str(i) * 20 for i in range(12)]\n' +
      'table = {i: [i, i] for i in range(8)}\n' +
      'del data\n' +
      'done = True\n';
    await playground.setCode(program);
    await playground.showView('tracemalloc');
    await stepTo(2);
    let view = await playground.view('tracemalloc');
    assert.equal(view.tracing, false);
    assert.match(view.message, /tracemalloc\.start\(\)/);
    assert.equal(await page.locator('#view-tracemalloc button', { hasText: 'Take snapshot A' }).isDisabled(), true);

    await stepTo(4);
    const heapA = await playground.heap();
    view = await playground.view('tracemalloc');
    assert.equal(view.tracing, true);
    assert.equal(view.message, null);
    const line3 = view.top.find((line) => line.filename === 'main.py' && line.lineno === 3);
    assert.ok(line3, `line 3 allocated: ${JSON.stringify(view.top)}`);
    assert.deepEqual(view.top.map(({ filename, lineno, size, count }) => ({ filename, lineno, size, count })),
      heapA.snapshot.tracemalloc.lines.slice(0, view.top.length));
    assert.equal(line3.source, 'data = [str(i) * 20 for i in range(12)]');
    const topRow = page.locator('#view-tracemalloc .tracemalloc-lines tr[data-line="3"]').first();
    assert.match(await topRow.textContent(), /main\.py:3data = \[str\(i\) \* 20/);
    await page.click('#view-tracemalloc button:has-text("Take snapshot A")');

    await stepTo(6);
    const heapB = await playground.heap();
    await page.click('#view-tracemalloc button:has-text("Take snapshot B")');
    view = await playground.view('tracemalloc');
    assert.equal(view.snapshots.A.traced, heapA.snapshot.tracemalloc.traced);
    assert.equal(view.snapshots.B.traced, heapB.snapshot.tracemalloc.traced);
    assert.match(view.snapshots.A.label, /before line 4/);
    // B.compare_to(A): line 3's list is gone, line 4's dict is new.
    const diff3 = view.diff.find((d) => d.filename === 'main.py' && d.lineno === 3);
    const diff4 = view.diff.find((d) => d.filename === 'main.py' && d.lineno === 4);
    const lineB4 = heapB.snapshot.tracemalloc.lines.find((l) => l.filename === 'main.py' && l.lineno === 4);
    assert.deepEqual(diff4 && { size: diff4.size, size_diff: diff4.size_diff, count_diff: diff4.count_diff },
      { size: lineB4.size, size_diff: lineB4.size, count_diff: lineB4.count });
    assert.equal(diff3.size, heapB.snapshot.tracemalloc.lines.find((l) => l.filename === 'main.py' && l.lineno === 3)?.size ?? 0);
    assert.ok(diff3.size_diff < 0, 'del data freed what line 3 allocated');
    const sizes = view.diff.map((d) => Math.abs(d.size_diff));
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'biggest change first');
    assert.match(view.diffMessage, /B\.compare_to\(A, 'lineno'\)/);
    const diffRow = page.locator('#view-tracemalloc .tracemalloc-diff tr[data-line="4"]');
    assert.match(await diffRow.textContent(), /main\.py:4table = \{i: \[i, i\]/);
    await playground.screenshot('tracemalloc');

    // Clicking a line of main.py selects it in the editor.
    await diffRow.click();
    assert.deepEqual(await page.evaluate(() => window.heaplab.editor.selectedLines()), { from: 4, to: 4 });
    await page.locator('#view-tracemalloc .tracemalloc-lines tr[data-line="3"]').first().click();
    assert.deepEqual(await page.evaluate(() => window.heaplab.editor.selectedLines()), { from: 3, to: 3 });
    await stepToEnd();
  });

  it('memory plot: one point per step, hover reads a sample out', async () => {
    const program =
      'import tracemalloc\n' +
      'tracemalloc.start()\n' +
      'rows = []\n' +
      'for i in range(6):\n' +
      '    rows.append([0] * 100 * i)\n' +
      'del rows\n' +
      'done = True\n';
    await playground.setCode(program);
    await playground.showView('memory');
    await stepTo(1);
    const runId = (await playground.program()).runId;
    let samples = (await playground.view('memory')).samples;
    for (let steps = 0; (await playground.program()).active; steps++) {
      assert.ok(steps < 100, 'the program ends');
      await step();
      const view = await playground.view('memory');
      assert.equal(view.samples, samples + 1, 'each step adds one sample');
      samples = view.samples;
    }
    const heap = await playground.heap();
    const view = await playground.view('memory');
    assert.equal(view.runId, runId);
    assert.equal(view.samples, heap.series.length);
    assert.deepEqual(view.points, { traced: heap.series.length, allocated_blocks: heap.series.length, arenas: heap.series.length });
    assert.deepEqual(view.last, heap.series[heap.series.length - 1]);
    assert.ok(heap.series.some((sample) => sample.traced > 0), 'tracemalloc traced the lists');
    const polyline = await page.getAttribute('#view-memory .memory-plot-traced', 'points');
    assert.equal(polyline.split(' ').length, heap.series.length);

    // Hover the dot of a sample in the middle: the readout names it and its line.
    const middle = Math.floor(heap.series.length / 2);
    const dot = page.locator('#view-memory .memory-plot-dots-traced circle').nth(middle);
    const box = await dot.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hovered = await playground.view('memory');
    const sample = heap.series[middle];
    assert.deepEqual(hovered.hovered, sample);
    assert.ok(hovered.readout.startsWith(`sample ${sample.sample} · line ${sample.line} · `), hovered.readout);
    await playground.screenshot('memory-plot');

    // Clicking there selects the sample's line.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.deepEqual(await page.evaluate(() => window.heaplab.editor.selectedLines()), { from: sample.line, to: sample.line });

    // From the keyboard: the arrow keys move the readout along the samples.
    await page.focus('#view-memory .memory-plot-chart');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual((await playground.view('memory')).hovered, heap.series[1]);
    await page.keyboard.press('End');
    assert.deepEqual((await playground.view('memory')).hovered, heap.series[heap.series.length - 1]);

    // A new run starts a new series.
    await run('x = 1\n');
    const fresh = await playground.view('memory');
    assert.ok(fresh.runId > runId);
    assert.ok(fresh.samples < heap.series.length, `the series restarted: ${fresh.samples} samples`);
  });

  it('fits a phone: the charts are as wide as the panel, only tables scroll sideways', async () => {
    const phone = await openPlayground(browser, url, { viewport: PHONE });
    try {
      await run(
        'import gc, tracemalloc\n' +
        'tracemalloc.start()\n' +
        'rows = [[i] * 20 for i in range(300)]\n' +
        'gc.collect()\n', phone);
      for (const id of ['gc', 'tracemalloc', 'memory']) {
        await phone.showView(id);
        const fit = await phone.page.evaluate((name) => {
          const host = document.getElementById(`view-${name}`);
          const widest = Math.max(...[...host.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().right));
          return { clientWidth: host.clientWidth, scrollWidth: host.scrollWidth, right: host.getBoundingClientRect().right, widest };
        }, id);
        assert.ok(fit.scrollWidth <= fit.clientWidth, `${id} does not scroll sideways: ${JSON.stringify(fit)}`);
        assert.ok(fit.widest <= fit.right, `${id}'s charts fit: ${JSON.stringify(fit)}`);
      }
      assert.ok((await phone.view('gc')).history.length > 0);
      assert.deepEqual(phone.consoleErrors, []);
    } finally {
      await phone.page.close();
    }
  });

  it('logs no console errors', () => {
    assert.deepEqual(playground.consoleErrors, []);
  });
});
