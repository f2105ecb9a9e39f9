// The object graph tab in Chromium: a program stepped line by line makes a
// cycle and a weak reference; the graph shows them (dashed weak arrow,
// refcounts, cycle and garbage marks), answers hover and click, and the GC
// step-through replays the collection that frees the cycle to its end.
// Needs a built page: run scripts/build-web.sh first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPlayground, PHONE, servePage } from './harness.mjs';

// The first collection moves the older objects to generation 2, so that
// gc.collect(0) at line 14 examines only the cycle, the weakref and `keep`.
const PROGRAM = `import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
gc.collect()
a = Node("a")
b = Node("b")
a.next = b
b.next = a
watcher = weakref.ref(a)
keep = [watcher]
del a, b
print("collected:", gc.collect(0))
print("a is gone:", watcher() is None)
`;
const COLLECT_LINE = 14;

let server;
let browser;
let playground;
let page;

const graph = () => playground.view('graph');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Steps the program until it is about to run `line`.
async function stepTo(line) {
  for (let steps = 0; ; steps++) {
    const program = await playground.program();
    if (program.state === 'paused' && program.line === line) return;
    assert.ok(steps < 60 && (program.state === 'paused' || steps === 0), `line ${line} is reached`);
    await playground.step();
  }
}

const nodesOfType = (view, type) => view.nodes.filter((node) => node.type === type);

describe('object graph', () => {
  before(async () => {
    const served = await servePage();
    server = served.server;
    browser = await launchBrowser();
    playground = await openPlayground(browser, served.url);
    page = playground.page;
    await playground.showView('graph');
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('says when no name refers to an object yet', async () => {
    await playground.setCode(PROGRAM);
    await playground.step();  // paused before line 1: no names
    const view = await playground.waitFor(graph, (v) => v.message !== null && v.counts !== null, 'an empty graph');
    assert.match(view.message, /No objects reachable from your names yet/);
    assert.equal(view.nodes.length, 0);
  });

  it('draws the cycle and the weak reference', async () => {
    await stepTo(COLLECT_LINE);
    const view = await playground.waitFor(graph, (v) => nodesOfType(v, 'Node').length === 2, 'the two Nodes');
    console.log(`object graph: ${view.nodes.length} objects laid out in ${view.layoutMs} ms`);
    assert.equal(view.message, null);
    assert.deepEqual(view.roots.map((root) => root.name), ['gc', 'weakref', 'Node', 'watcher', 'keep']);

    const nodes = nodesOfType(view, 'Node');
    for (const node of nodes) {
      assert.ok(node.cycle && node.unreachable, 'each Node is in the cycle and unreachable');
      assert.equal(node.refcount, 1, 'the other Node refers to it: refcount 1, not 0');
      assert.ok(node.text.includes('rc 1 · 48 B'), `the box shows its refcount: ${node.text}`);
      assert.ok(node.text.includes('unreachable'), 'the box is marked unreachable');
      assert.ok(node.text.includes('↻'), 'the box is marked as in a cycle');
    }
    const keys = new Set(nodes.map((node) => `o${node.id}`));
    const [weakref] = nodesOfType(view, 'weakref.ReferenceType');
    const weak = view.edges.filter((edge) => edge.kind === 'weak');
    assert.equal(weak.length, 1);
    assert.equal(weak[0].from, `o${weakref.id}`);
    assert.ok(keys.has(weak[0].to), 'the weak arrow points at a Node');
    assert.equal(weak[0].dashed, true, 'a weak arrow is dashed');
    assert.ok(view.edges.filter((edge) => edge.kind === 'strong').every((edge) => !edge.dashed), 'strong arrows are solid');
    const cycle = view.edges.filter((edge) => keys.has(edge.from) && keys.has(edge.to));
    assert.equal(cycle.length, 2, 'a.next and b.next');
    assert.ok(view.edgeLabels.includes('.next'));
    assert.ok(view.edges.some((edge) => edge.kind === 'root' && edge.to === `o${weakref.id}`), 'watcher names the weakref');
    assert.deepEqual([view.counts.unreachable, view.counts.weak], [2, 1]);

    // A name of the globals' table tells what it refers to.
    const tooltip = page.locator('.graph-tooltip');
    const name = await page.locator('.graph-frame-name', { hasText: 'watcher' }).boundingBox();
    await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2);
    await playground.waitFor(() => tooltip.textContent(), (text) => text.includes('watcher'), 'the name\'s tooltip');
    assert.equal(await tooltip.textContent(), "watcher in the module globalsrefers to <weakref to 'Node'>");

    // Zoom out a step and drag the drawing left: the cycle in view beside the names.
    await page.getByRole('button', { name: 'Zoom out' }).click();
    const stage = await page.locator('.object-graph-svg').boundingBox();
    await page.mouse.move(stage.x + stage.width - 20, stage.y + 20);
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width - 80, stage.y + 20, { steps: 4 });
    await page.mouse.up();
    await page.mouse.move(0, 0);
    await playground.screenshot('object-graph');
  });

  it('shows an object\'s details on hover and click', async () => {
    const view = await graph();
    const [node] = nodesOfType(view, 'Node');
    const center = await page.evaluate((id) => {
      const box = document.querySelector(`.graph-node[data-id="${id}"] rect`).getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }, node.id);
    await page.mouse.move(center.x, center.y);
    const tooltip = page.locator('.graph-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.match(await tooltip.textContent(), /Node at id 0x7f[0-9a-f]+/);
    await page.mouse.click(center.x, center.y);
    const details = (await graph()).details;
    assert.ok(details, 'the details panel is open');
    assert.match(details[0], /^Node at id 0x7f/);
    assert.ok(details.includes('refcount 1 · size 48 B'));
    assert.ok(details.includes('GC-tracked · generation 0'));
    assert.ok(details.includes('unreachable: the next full collection frees it'));
    assert.equal((await graph()).selected, node.id);

    // The wheel zooms, a drag pans; a drag is no click.
    const scale = (await graph()).scale;
    await page.mouse.wheel(0, -400);
    await playground.waitFor(graph, (v) => v.scale > scale, 'the wheel to zoom in');
    const transform = () => page.evaluate(() => document.querySelector('.object-graph-content').getAttribute('transform'));
    const panned = await transform();
    const stage = await page.locator('.object-graph-svg').boundingBox();
    const start = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 80, start.y + 40, { steps: 6 });
    await page.mouse.up();
    assert.notEqual(await transform(), panned);
    assert.equal((await graph()).selected, node.id);
  });

  it('steps through the collection that frees the cycle, to its end', async () => {
    const before = await graph();
    const nodes = nodesOfType(before, 'Node').map((node) => node.id);
    await playground.step();  // gc.collect(0)
    const heap = await playground.waitFor(() => playground.heap(),
      (h) => h.snapshot.gc.collections.some((c) => c.generation === 0), 'the collection');
    const collection = heap.snapshot.gc.collections.at(-1);
    assert.deepEqual([collection.generation, collection.collected, collection.truncated], [0, 2, false]);
    await playground.waitFor(graph, (v) => nodesOfType(v, 'Node').length === 0, 'the Nodes to leave the graph');

    await page.getByRole('combobox', { name: 'Recorded collection' }).selectOption(String(collection.index));
    await page.getByRole('button', { name: 'Step through the chosen collection' }).click();
    let view = await playground.waitFor(graph, (v) => v.stepThrough.active, 'the step-through');
    assert.equal(view.stepThrough.index, collection.index);
    assert.deepEqual(view.stepThrough.phases, ['update_refs', 'subtract_refs', 'move_unreachable', 'untrack_atomic',
      'handle_weakrefs', 'finalize', 'resurrection_check', 'clear']);
    assert.ok(view.stepThrough.playing);
    const states = (v) => nodes.map((id) => v.stepThrough.objects.find((object) => object.id === id));

    // Phase by phase with the Next phase button: gc_refs as the collector computes them.
    await page.locator('.gc-step-play').click();  // pause
    const next = page.getByRole('button', { name: 'Next phase' });
    view = await graph();
    assert.equal(view.stepThrough.playing, false);
    assert.equal(view.stepThrough.phase, 'update_refs');
    await next.click();
    view = await graph();
    assert.equal(view.stepThrough.phase, 'subtract_refs');
    // At subtract_refs' opening, update_refs is done: gc_refs = refcount.
    assert.deepEqual(states(view).map((s) => s.label), ['gc_refs 1', 'gc_refs 1']);
    await next.click();
    view = await graph();
    assert.equal(view.stepThrough.phase, 'move_unreachable');
    assert.deepEqual(states(view).map((s) => s.label), ['gc_refs 0', 'gc_refs 0'], 'only the cycle referred to them');
    await next.click();
    view = await graph();
    assert.deepEqual(states(view).map((s) => s.state), ['unreachable', 'unreachable']);
    const keep = view.stepThrough.objects.find((object) => object.id === view.roots.find((r) => r.name === 'keep').id);
    assert.equal(keep.state, 'reachable');
    await sleep(700);  // the boxes' colour transitions
    await playground.screenshot('gc-step-through');

    // Back one phase: the states before move_unreachable again.
    await page.getByRole('button', { name: 'Previous phase' }).click();
    view = await graph();
    assert.equal(view.stepThrough.phase, 'move_unreachable');
    assert.deepEqual(states(view).map((s) => s.label), ['gc_refs 0', 'gc_refs 0']);

    // Play the rest at the fastest speed, to the end.
    await page.getByRole('combobox', { name: 'Animation speed' }).selectOption('16');
    await page.locator('.gc-step-play').click();
    view = await playground.waitFor(graph, (v) => v.stepThrough.finished && !v.stepThrough.playing,
      'the step-through to finish', 30_000);
    assert.equal(view.stepThrough.phase, 'clear');
    assert.deepEqual(states(view).map((s) => s.state), ['freed', 'freed']);
    assert.equal(await page.locator('.gc-step-summary').textContent(),
      'Done: 2 collected, 0 uncollectable. Last phase: 1 unreachable → cleared · 2 unreachable → freed.');

    await page.getByRole('button', { name: 'Close the step-through' }).click();
    view = await graph();
    assert.equal(view.stepThrough.active, false);
    assert.equal(nodesOfType(view, 'Node').length, 0, 'the live graph again: the Nodes are gone');
  });

  it('says when the graph is truncated, and lays out its 300 objects', async () => {
    await playground.setCode('rows = [{"id": i, "name": "n" + str(i), "tags": [i]} for i in range(200)]\n');
    await playground.runProgram();
    const view = await playground.waitFor(graph, (v) => v.truncated && !v.stepThrough.active, 'the truncated graph');
    console.log(`object graph: ${view.nodes.length} objects, ${view.edges.length} arrows laid out in ${view.layoutMs} ms`);
    assert.equal(view.nodes.length, 300);
    assert.match(view.status, /^the first 300 objects \(truncated\) · 1 name · \d+ references/);
    assert.equal(view.message, null);
    assert.ok(view.edges.length > 300);
  });

  it('logs no console errors', () => {
    assert.deepEqual(playground.consoleErrors, []);
  });
});

describe('object graph on a phone', () => {
  let phoneServer;
  let phoneBrowser;

  after(async () => {
    await phoneBrowser?.close();
    phoneServer?.close();
  });

  it('fits the graph tab in a 390 px wide viewport', async () => {
    const served = await servePage();
    phoneServer = served.server;
    phoneBrowser = await launchBrowser();
    const phone = await openPlayground(phoneBrowser, served.url, { viewport: PHONE });
    await phone.showView('graph');
    await phone.setCode('items = [1, 2, 3]\nitems.append(items)\nx = 0\n');
    await phone.runProgram();
    const view = await phone.waitFor(() => phone.view('graph'), (v) => v.nodes.length > 0, 'the graph');
    assert.ok(view.nodes.some((node) => node.type === 'list' && node.cycle));
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
    assert.deepEqual(phone.consoleErrors, []);
  });
});
