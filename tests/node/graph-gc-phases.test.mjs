// The GC step-through's frames, cut from collections the WebAssembly session
// recorded: phases in order, objects' states and gc_refs as they change.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  buildFrames, CollectionReplay, ghostObjects, goneObjects, groupPhases, phaseInfo, STAGES, summarizeChanges,
} from '../../web/views/gc-step-through-model.js';
import { atLine, loadHeaplab } from './wasm-session.mjs';

// The first collection moves everything older to generation 2, so the
// generation 0 collection sees only the cycle, the weakref and `keep`.
const PROGRAM = `import gc, weakref
class Node:
    pass
gc.collect()
a = Node()
b = Node()
a.partner = b
b.partner = a
r = weakref.ref(a)
keep = [r]
del a, b
gc.collect(0)
x = 0
`;

const ALL_PHASES = ['update_refs', 'subtract_refs', 'move_unreachable', 'untrack_atomic', 'handle_weakrefs',
  'finalize', 'resurrection_check', 'clear'];

let graph;       // before gc.collect(0)
let collection;  // gc.collect(0)
let full;        // {before, collection, after}: a full collection, after import weakref
let cut;         // its events cut short inside move_unreachable, as a full record (5,000 events) ends

describe('GC step-through frames', () => {
  before(async () => {
    const heaplab = await loadHeaplab();
    [graph, collection] = atLine(heaplab, PROGRAM, 12, (session) => {
      const before = JSON.parse(session.graphJson(300));
      session.step(100_000);
      const { collections } = JSON.parse(session.snapshotJson()).gc;
      return [before, collections[collections.length - 1]];
    });
    // PROGRAM's cycle, collected by a full collection: importing weakref
    // made far more objects than the graph shows.
    const program = PROGRAM.replace('gc.collect()\n', '').replace('gc.collect(0)', 'gc.collect()');
    full = atLine(heaplab, program, 11, (session) => {
      const before = JSON.parse(session.graphJson(300));
      session.step(1_000_000);
      const { collections } = JSON.parse(session.snapshotJson()).gc;
      return { before, collection: collections[collections.length - 1], after: JSON.parse(session.graphJson(300)) };
    });
    const { events } = full.collection;
    cut = events.slice(0, events.findIndex((event) => event.to === 'unreachable'));
  });

  it('groups the events by phase, in the collector\'s order', () => {
    assert.deepEqual([collection.generation, collection.collected, collection.truncated], [0, 2, false]);
    const phases = groupPhases(collection.events);
    assert.deepEqual(phases.map((phase) => phase.phase), ALL_PHASES);
    assert.equal(phases[0].start, 0);
    for (let i = 1; i < phases.length; i++) assert.equal(phases[i].start, phases[i - 1].end);
    assert.equal(phases[phases.length - 1].end, collection.events.length);
    for (const phase of phases) {
      assert.deepEqual(collection.events[phase.start], { phase: phase.phase }, 'a phase opens with its start');
      for (let i = phase.start; i < phase.end; i++) assert.equal(collection.events[i].phase, phase.phase);
    }
    assert.deepEqual(phases.map((phase) => STAGES[phaseInfo(phase.phase).stage]), [
      'update refs', 'subtract internal refs', 'move unreachable', 'move unreachable',
      'weakrefs and finalizers', 'weakrefs and finalizers', 'weakrefs and finalizers', 'clear and free']);
  });

  it('replays each object\'s state and gc_refs', () => {
    const ids = (type) => graph.nodes.filter((node) => node.type === type).map((node) => node.id);
    const nodes = ids('Node');
    const [keep] = graph.roots.filter((root) => root.name === 'keep').map((root) => root.id);
    assert.equal(nodes.length, 2);
    const phases = groupPhases(collection.events);
    const at = (name) => phases.find((phase) => phase.phase === name).end;
    const replay = new CollectionReplay(collection.events);

    let objects = replay.seek(at('update_refs'));
    for (const id of [...nodes, keep]) assert.deepEqual(objects.get(id).state, 'collecting');
    assert.deepEqual(nodes.map((id) => objects.get(id).gcRefs), [1, 1], 'each Node: the other one');

    objects = replay.seek(at('subtract_refs'));
    assert.deepEqual(nodes.map((id) => objects.get(id).gcRefs), [0, 0], 'only referred to from inside');
    assert.equal(objects.get(keep).gcRefs, 1, 'keep is named by a global');

    objects = replay.seek(at('move_unreachable'));
    assert.deepEqual(nodes.map((id) => objects.get(id).state), ['unreachable', 'unreachable']);
    assert.equal(objects.get(keep).state, 'reachable');

    objects = replay.seek(at('handle_weakrefs'));
    assert.ok(nodes.some((id) => objects.get(id).state === 'weakrefs_cleared'), 'r\'s referent');

    objects = replay.seek(collection.events.length);
    assert.deepEqual(nodes.map((id) => objects.get(id).state), ['freed', 'freed']);
    assert.equal(objects.get(keep).state, 'reachable');

    // Seeking back replays from the start.
    const again = new CollectionReplay(collection.events).seek(at('subtract_refs'));
    assert.deepEqual([...replay.seek(at('subtract_refs'))], [...again]);
  });

  it('cuts the drawn objects\' changes into a few frames per phase', () => {
    const drawn = new Set(graph.nodes.map((node) => node.id));
    const frames = buildFrames(collection.events, drawn, 2);
    const phases = groupPhases(collection.events);
    assert.equal(frames[frames.length - 1].end, collection.events.length);
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i].end >= frames[i - 1].end);
    phases.forEach((phase, index) => {
      const own = frames.filter((frame) => frame.phaseIndex === index);
      assert.deepEqual(own[0], { phaseIndex: index, end: phase.start + 1, changed: [] }, 'the phase opens first');
      assert.ok(own.length <= 3, `${phase.phase}: its opening and at most 2 more`);
      assert.equal(own[own.length - 1].end, phase.end);
      const changed = own.flatMap((frame) => frame.changed);
      const expected = collection.events.slice(phase.start, phase.end)
        .filter((event) => drawn.has(event.address)).map((event) => event.address);
      assert.deepEqual(changed, expected);
    });
    // Nothing drawn: one frame per phase.
    assert.deepEqual(buildFrames(collection.events, new Set(), 10).map((frame) => frame.phaseIndex),
      phases.map((_, index) => index).flatMap((index) => (phases[index].end - phases[index].start > 1 ? [index, index] : [index])));
  });

  it('names the garbage the graph did not draw', () => {
    const none = ghostObjects(collection.events, new Set(), 10);
    assert.deepEqual(none.ghosts.map((ghost) => ghost.type), ['Node', 'Node']);
    assert.equal(none.more, 0);
    const one = ghostObjects(collection.events, new Set(), 1);
    assert.deepEqual([one.ghosts.length, one.more], [1, 1]);
    const drawn = new Set(graph.nodes.map((node) => node.id));
    assert.deepEqual(ghostObjects(collection.events, drawn, 10).ghosts, []);
  });

  it('sums up what a phase did', () => {
    const [, subtract] = groupPhases(collection.events);
    const changes = summarizeChanges(collection.events, subtract.start, subtract.end);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].change, 'collecting (gc_refs updated)');
    assert.equal(changes[0].count, subtract.end - subtract.start - 1);
    const clear = groupPhases(collection.events).at(-1);
    const freed = summarizeChanges(collection.events, clear.start, clear.end).find((c) => c.change === 'unreachable → freed');
    assert.equal(freed.count, 2);
  });

  it('records a full collection whole: every phase, the graph\'s objects, the garbage', () => {
    const { before, collection } = full;
    assert.deepEqual([collection.generation, collection.collected, collection.truncated], [2, 2, false]);
    assert.deepEqual(groupPhases(collection.events).map((phase) => phase.phase), ALL_PHASES);
    const shown = new Set(before.nodes.map((node) => node.id));
    const recorded = (phase) => collection.events.filter((event) => event.phase === phase && event.address);
    // The first phases visit every tracked object but record only the graph's ones.
    assert.ok(recorded('update_refs').every((event) => shown.has(event.address)));
    const nodes = before.nodes.filter((node) => node.type === 'Node').map((node) => node.id);
    for (const id of nodes) assert.ok(recorded('update_refs').some((event) => event.address === id));
  });

  it('ends a recording cut short where its events end', () => {
    const phases = groupPhases(cut);
    assert.deepEqual(phases.map((phase) => phase.phase), ALL_PHASES.slice(0, phases.length));
    assert.ok(phases.length < ALL_PHASES.length);
    const frames = buildFrames(cut, new Set(), 10);
    assert.equal(frames[frames.length - 1].end, cut.length);
  });

  it('counts what a recording cut short left tentatively unreachable as garbage', () => {
    const nodes = full.before.nodes.filter((node) => node.type === 'Node').map((node) => node.id);
    const { ghosts } = ghostObjects(cut, new Set(), 40, true);
    const ids = ghosts.map((ghost) => ghost.id);
    assert.ok(nodes.every((id) => ids.includes(id)), 'the cycle is drawn even without a graph');
    assert.equal(ghostObjects(cut, new Set(), 40).ghosts.length, 0, 'only for a recording cut short');
  });

  it('finds the garbage a collection freed in the graph after it', () => {
    const { before, after } = full;
    const nodes = before.nodes.filter((node) => node.type === 'Node');
    assert.deepEqual(nodes.map((node) => node.unreachable), [true, true]);
    assert.deepEqual(goneObjects(before, after), nodes.map((node) => node.id));
    // Objects that only left the graph (no name reaches them) are not garbage.
    const named = before.nodes.filter((node) => !node.unreachable && !after.nodes.some((n) => n.id === node.id));
    assert.ok(named.every((node) => !goneObjects(before, after).includes(node.id)));
    assert.deepEqual(goneObjects(before, before), []);
  });
});
