// The object graph's model and dagre layout, built from graph_json that real
// programs make in the WebAssembly session.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  buildGraphModel, describeObject, layoutKey, objectKey, withoutImmortals,
} from '../../web/views/graph-model.js';
import { layoutGraph } from '../../web/views/graph-layout.js';
import { atLine, loadHeaplab } from './wasm-session.mjs';

const PROGRAM = `import weakref
class Node:
    pass
a = Node()
b = Node()
a.partner = b
b.partner = a
r = weakref.ref(a)
lost = [1, 'two']
lost.append(lost)
del lost
def f(x):
    items = [x, x]
    return len(items)
f(a)
`;

let heaplab;
let graph;  // inside f(), at `return len(items)`

const overlaps = (p, q) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('object graph model', () => {
  before(async () => {
    heaplab = await loadHeaplab();
    graph = atLine(heaplab, PROGRAM, 14, (session) => JSON.parse(session.graphJson(300)));
  });

  it('groups the names by frame: globals, then the running function', () => {
    const model = buildGraphModel(graph);
    assert.deepEqual(model.frames.map((frame) => frame.title), ['module globals', 'f() locals']);
    const [globals, locals] = model.frames;
    assert.deepEqual(globals.rows.map((row) => row.name), ['weakref', 'Node', 'a', 'b', 'r', 'f']);
    assert.deepEqual(locals.rows.map((row) => row.name), ['x', 'items']);
    // Each name points at its object, from its row.
    const a = graph.roots.find((root) => root.name === 'a');
    const edge = model.edges.find((e) => e.from === 'globals' && e.row === 2);
    assert.deepEqual([edge.kind, edge.to], ['root', objectKey(a.id)]);
    const x = model.edges.find((e) => e.from === 'frame0' && e.row === 0);
    assert.equal(x.to, objectKey(a.id), 'x in f() is the same Node as a');
  });

  it('shows type, short repr, refcount and size on each box', () => {
    const model = buildGraphModel(graph);
    const node = (repr) => model.nodes.find((n) => n.object.repr === repr);
    const a = graph.roots.find((root) => root.name === 'a');
    const boxA = model.nodes.find((n) => n.id === a.id);
    assert.deepEqual(boxA.lines, ['Node', '<Node object>', `rc ${boxA.object.refcount} · 48 B`]);
    // graph_json's refcount is the object's own count: the names a and x,
    // b.partner, items[0] and items[1]; the weakref does not count.
    const strongIn = model.edges.filter((edge) => edge.to === boxA.key && edge.kind !== 'weak');
    assert.equal(strongIn.length, 5);
    assert.equal(boxA.object.refcount, 5);
    const items = node('<list, 2 items>');
    assert.deepEqual(items.lines, ['list', '<list, 2 items>', `rc ${items.object.refcount} · 72 B`]);
    assert.deepEqual(node("'two'").lines, ['str', "'two'", 'immortal · 44 B']);
    for (const box of model.nodes) {
      assert.ok(box.width >= Math.max(...box.lines.map((line) => line.length)) * 6.7, `${box.lines[0]} fits its text`);
    }
  });

  it('keeps strong and weak references, with their labels', () => {
    const model = buildGraphModel(graph);
    const a = graph.roots.find((root) => root.name === 'a').id;
    const r = graph.roots.find((root) => root.name === 'r').id;
    const weak = model.edges.filter((edge) => edge.kind === 'weak');
    assert.deepEqual(weak.map((edge) => [edge.from, edge.to]), [[objectKey(r), objectKey(a)]]);
    assert.ok(model.edges.some((edge) => edge.from === objectKey(a) && edge.label === '.partner' && edge.kind === 'strong'));
    assert.deepEqual(model.counts.weak, 1);
  });

  it('counts the cycles and the garbage', () => {
    const model = buildGraphModel(graph);
    const garbage = graph.nodes.filter((node) => node.unreachable);
    assert.deepEqual(garbage.map((node) => node.repr), ['<list, 3 items>']);
    assert.equal(model.counts.unreachable, 1);
    assert.ok(model.counts.cycle >= 3, 'a, b and the lost list are in cycles');
    const lines = describeObject(garbage[0], graph);
    assert.ok(lines.includes('unreachable: the next full collection frees it'));
    assert.ok(lines.includes('in a reference cycle'));
    assert.match(lines[0], /^list at id 0x7f[0-9a-f]+$/);
  });

  it('lays the graph out: names left of their objects, no boxes overlapping', () => {
    const model = buildGraphModel(graph);
    const started = performance.now();
    const layout = layoutGraph(model);
    console.log(`layout of ${model.nodes.length} objects: ${Math.round(performance.now() - started)} ms`);
    const boxes = [...model.frames, ...model.nodes].map((box) => layout.boxes.get(box.key));
    assert.ok(boxes.every(Boolean));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `boxes ${i} and ${j} overlap`);
    }
    for (const box of boxes) assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width);
    for (const edge of model.edges.filter((e) => e.kind === 'root')) {
      const frame = layout.boxes.get(edge.from);
      const target = layout.boxes.get(edge.to);
      const [start] = layout.edges.get(edge.key).points;
      assert.ok(target.x > frame.x + frame.width, 'an object is right of the frame naming it');
      assert.equal(start.x, frame.x + frame.width);
      assert.ok(start.y > frame.y && start.y < frame.y + frame.height, 'the arrow leaves from the frame');
    }
    for (const edge of model.edges) {
      const laid = layout.edges.get(edge.key);
      assert.ok(laid.points.length >= 2);
      assert.equal(laid.label === null, edge.label === null);
    }
  });

  it('relays out only when boxes or arrows change', () => {
    const key = layoutKey(buildGraphModel(graph));
    const list = graph.nodes.find((node) => node.repr === '<list, 2 items>');
    const changed = { ...graph, nodes: graph.nodes.map((node) => (node === list ? { ...node, refcount: 3 } : node)) };
    assert.equal(layoutKey(buildGraphModel(changed)), key, 'rc 2 -> rc 3 keeps the box size');
    const more = { ...graph, edges: [...graph.edges, { from: list.id, to: list.id, kind: 'strong', label: '[2]' }] };
    assert.notEqual(layoutKey(buildGraphModel(more)), key);
  });

  it('can leave out the immortal objects no name refers to', () => {
    const named = { ...graph, roots: [...graph.roots, { name: 'n', scope: 'global', frame: '<module>', depth: 0,
      id: graph.nodes.find((node) => node.repr === "'two'").id, repr: "'two'" }] };
    const mortal = withoutImmortals(named);
    assert.ok(mortal.nodes.length < graph.nodes.length);
    assert.deepEqual(mortal.nodes.filter((node) => node.immortal).map((node) => node.repr), ["'two'"]);
    const ids = new Set(mortal.nodes.map((node) => node.id));
    assert.ok(mortal.edges.every((edge) => ids.has(edge.from) && ids.has(edge.to)));
    assert.equal(mortal.edges.length, graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)).length);
    assert.ok(mortal.nodes.every((node) => ids.has(node.id)));
  });

  it('puts extra objects in rows below the graph', () => {
    const ghosts = [{ id: 1, type: 'tuple' }, { id: 2, type: 'dict' }, { id: graph.nodes[0].id, type: 'x' }];
    const model = buildGraphModel(graph, ghosts);
    assert.deepEqual(model.extras.map((box) => [box.kind, box.type]), [['ghost', 'tuple'], ['ghost', 'dict']]);
    const layout = layoutGraph(model);
    const graphOnly = layoutGraph(buildGraphModel(graph));
    for (const box of model.extras) {
      const place = layout.boxes.get(box.key);
      assert.ok(place.y > graphOnly.height && place.y + place.height <= layout.height);
    }
    assert.ok(layout.extrasTop >= graphOnly.height);
  });

  it('draws a truncated graph: names of left-out objects have no arrow', () => {
    const small = atLine(heaplab, PROGRAM, 14, (session) => JSON.parse(session.graphJson(3)));
    assert.equal(small.truncated, true);
    assert.equal(small.nodes.length, 3);
    const model = buildGraphModel(small);
    assert.equal(model.truncated, true);
    const ids = new Set(model.nodes.map((node) => node.key));
    for (const edge of model.edges) assert.ok(ids.has(edge.to) && (ids.has(edge.from) || edge.kind === 'root'));
    const rows = model.frames.flatMap((frame) => frame.rows).length;
    assert.equal(rows, small.roots.length);
    assert.ok(model.edges.filter((edge) => edge.kind === 'root').length < rows);
    layoutGraph(model);
  });

  it('has nothing to draw before the program names anything', () => {
    const empty = atLine(heaplab, 'x = 1\n', 1, (session) => JSON.parse(session.graphJson(300)));
    assert.deepEqual([empty.roots, empty.nodes, empty.edges], [[], [], []]);
    const model = buildGraphModel(empty);
    assert.deepEqual([model.frames, model.nodes, model.edges], [[], [], []]);
    const layout = layoutGraph(model);
    assert.deepEqual([layout.boxes.size, layout.width, layout.height], [0, 0, 0]);
    // Extra objects alone: in rows from the top.
    const ghosts = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, type: 'Node' }));
    const extras = layoutGraph(buildGraphModel(empty, ghosts));
    const places = [...extras.boxes.values()];
    assert.equal(places.length, 12);
    for (const place of places) assert.ok(Number.isFinite(place.x + place.y) && place.y > extras.extrasTop);
    assert.ok(new Set(places.map((place) => place.y)).size > 1, 'more than one row');
    assert.ok(places.every((place) => place.x + place.width <= extras.width && place.y + place.height <= extras.height));
  });

  it('lays out 300 objects', () => {
    const big = atLine(heaplab,
      'nodes = [{"id": i, "name": "n" + str(i), "next": None} for i in range(400)]\nx = 0\n', 2,
      (session) => JSON.parse(session.graphJson(300)));
    assert.equal(big.nodes.length, 300);
    const started = performance.now();
    const layout = layoutGraph(buildGraphModel(big));
    console.log(`layout of 300 objects, ${big.edges.length} references: ${Math.round(performance.now() - started)} ms`);
    assert.equal(layout.boxes.size, 301);
  });
});
