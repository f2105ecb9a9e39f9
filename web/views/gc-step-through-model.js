// One recorded collection (core/inspect/FORMAT.md, gc.collections[i]) cut
// into the frames the step-through animates: its phases in order, and within
// each phase the state changes of the objects on screen, a few at a time.
// Pure data: no DOM, no timers.

// The collector's five stages (what a learner follows) and the recorded
// phases (core/object/gc_header.h GCPhase) in each.
export const STAGES = [
  'update refs', 'subtract internal refs', 'move unreachable', 'weakrefs and finalizers', 'clear and free',
];

const PHASES = {
  update_refs: {
    stage: 0,
    title: 'update_refs',
    text: 'Every object in the generations being collected copies its reference count into gc_refs.',
  },
  subtract_refs: {
    stage: 1,
    title: 'subtract_refs',
    text: 'For each reference from one collected object to another, the target loses one gc_ref. ' +
      'What is left counts references from outside: names, frames, older generations.',
  },
  move_unreachable: {
    stage: 2,
    title: 'move_unreachable',
    text: 'Objects with gc_refs > 0 are reachable, and so is everything they refer to. Objects left at 0 ' +
      'move to the unreachable list; a reachable object found later takes them back.',
  },
  untrack_atomic: {
    stage: 2,
    title: 'untrack_atomic',
    text: 'Tuples (and dicts, in full collections) holding only objects that cannot form cycles stop being tracked.',
  },
  legacy_finalizers: {
    stage: 3,
    title: 'legacy_finalizers',
    text: 'Unreachable objects with a legacy tp_del finalizer, and all they reach, are uncollectable (gc.garbage).',
  },
  handle_weakrefs: {
    stage: 3,
    title: 'handle_weakrefs',
    text: 'Weak references to unreachable objects are cleared; callbacks of weakrefs that survive are called.',
  },
  finalize: {
    stage: 3,
    title: 'finalize',
    text: '__del__ (tp_finalize) runs once on each unreachable object that has one.',
  },
  resurrection_check: {
    stage: 3,
    title: 'resurrection_check',
    text: 'A finalizer may have made an object reachable again: such objects, and all they reach, survive.',
  },
  clear: {
    stage: 4,
    title: 'clear',
    text: "tp_clear breaks the unreachable objects' references; their refcounts fall to zero and they are freed.",
  },
  // Not the collector's: the step-through's last look when the recording stopped early.
  after: {
    stage: 4,
    title: 'after the collection',
    text: 'The recording stopped early, so this compares with the graph taken after the collection: ' +
      'the unreachable objects it no longer has are shown freed.',
  },
};

export function phaseInfo(phase) {
  return PHASES[phase] ?? { stage: STAGES.length - 1, title: phase, text: '' };
}

// States after which an object is garbage (or was garbage): the objects worth
// drawing even when the graph never reached them.
const GARBAGE_STATES = new Set([
  'unreachable', 'uncollectable', 'weakrefs_cleared', 'finalized', 'resurrected', 'saved', 'cleared', 'freed',
]);

// Phases in order: [{phase, start, end}], `start` the index of its first
// event (the phase start when recorded), `end` one past its last.
export function groupPhases(events) {
  const phases = [];
  events.forEach((event, i) => {
    const current = phases[phases.length - 1];
    if (event.address === undefined || !current || current.phase !== event.phase) {
      if (current) current.end = i;
      phases.push({ phase: event.phase, start: i, end: events.length });
    }
  });
  return phases;
}

// The objects that became garbage in the collection: address -> type, in
// event order. A `truncated` recording may stop before move_unreachable has
// decided: its objects last seen tentatively unreachable count too.
export function garbageObjects(events, truncated = false) {
  const garbage = new Map();
  const last = new Map();  // address -> its last event
  for (const event of events) {
    if (event.address === undefined) continue;
    last.set(event.address, event);
    if (GARBAGE_STATES.has(event.to)) garbage.set(event.address, event.type);
  }
  if (truncated) {
    for (const [address, event] of last) {
      if (event.to === 'tentatively_unreachable') garbage.set(address, event.type);
    }
  }
  return garbage;
}

// The garbage (as garbageObjects) that `drawn` (a Set of graph ids) does
// not hold: at most `limit` as [{id, type}], and how many more there are.
export function ghostObjects(events, drawn, limit, truncated = false) {
  const missing = [...garbageObjects(events, truncated)].filter(([address]) => !drawn.has(address));
  return {
    ghosts: missing.slice(0, limit).map(([id, type]) => ({ id, type })),
    more: Math.max(0, missing.length - limit),
  };
}

// Ids of `before`'s garbage (its unreachable objects) that `after`, a
// later complete graph, no longer has: freed in between. (Other objects
// can leave the graph alive, when no name reaches them any more.)
export function goneObjects(before, after) {
  const types = new Map(after.nodes.map((node) => [node.id, node.type]));
  return before.nodes.filter((node) => node.unreachable && types.get(node.id) !== node.type).map((node) => node.id);
}

// How many objects made each change in events[start, end), in order of first
// appearance: [{change: 'tracked → collecting', count: 412}].
export function summarizeChanges(events, start, end) {
  const counts = new Map();
  for (let i = start; i < end; i++) {
    const event = events[i];
    if (event.address === undefined) continue;
    const change = event.from === event.to ? `${event.to} (gc_refs updated)` : `${event.from} → ${event.to}`;
    counts.set(change, (counts.get(change) ?? 0) + 1);
  }
  return [...counts].map(([change, count]) => ({ change, count }));
}

// The frames: [{phaseIndex, end, changed}] where `end` is how many events
// have happened once the frame shows and `changed` the drawn objects whose
// state the frame changed. A phase opens with a frame of its own, then its
// drawn objects' changes in at most `perPhase` frames; its last frame takes
// the rest of its events.
export function buildFrames(events, drawn, perPhase) {
  const frames = [];
  groupPhases(events).forEach((phase, phaseIndex) => {
    const opening = events[phase.start].address === undefined ? phase.start + 1 : phase.start;
    frames.push({ phaseIndex, end: opening, changed: [] });
    const shown = [];
    for (let i = opening; i < phase.end; i++) {
      if (drawn.has(events[i].address)) shown.push(i);
    }
    const chunk = Math.max(1, Math.ceil(shown.length / perPhase));
    for (let first = 0; first < shown.length; first += chunk) {
      const slice = shown.slice(first, first + chunk);
      frames.push({ phaseIndex, end: slice[slice.length - 1] + 1, changed: slice.map((i) => events[i].address) });
    }
    const last = frames[frames.length - 1];
    if (last.end < phase.end) {
      if (last.changed.length) last.end = phase.end;
      else frames.push({ phaseIndex, end: phase.end, changed: [] });
    }
  });
  return frames;
}

// Each object's state after the first `end` events: address -> {state,
// gcRefs (null when never given), type}. Seeking forward applies only the new
// events; seeking back replays from the start.
export class CollectionReplay {
  #events;
  #applied = 0;
  #objects = new Map();

  constructor(events) {
    this.#events = events;
  }

  seek(end) {
    if (end < this.#applied) {
      this.#objects = new Map();
      this.#applied = 0;
    }
    for (; this.#applied < end; this.#applied++) {
      const event = this.#events[this.#applied];
      if (event.address === undefined) continue;
      const previous = this.#objects.get(event.address);
      this.#objects.set(event.address, {
        state: event.to,
        gcRefs: event.gc_refs ?? previous?.gcRefs ?? null,
        type: event.type,
      });
    }
    return this.#objects;
  }
}
