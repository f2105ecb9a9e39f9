// Animates one recorded collection on the object graph as it was before the
// collection: phase by phase, each drawn object's state and gc_refs as the
// collector changes them, unreachable objects marked, freed ones fading out.
import './gc-step-through.css';
import {
  buildFrames, CollectionReplay, garbageObjects, ghostObjects, goneObjects, groupPhases, phaseInfo, STAGES,
  summarizeChanges,
} from './gc-step-through-model.js';
import { svgElement, toolButton } from './graph-render.js';

const FRAMES_PER_PHASE = 10;
const MAX_GHOSTS = 40;
const PHASE_PAUSE_MS = 1600;  // on a phase's opening frame, at 1x
const FRAME_MS = 420;
const SPEEDS = [0.5, 1, 2, 4, 16];
// An object in these states has no live weak references any more.
const WEAKREFS_GONE = new Set(['weakrefs_cleared', 'finalized', 'cleared', 'freed']);
const TAG_CHAR_WIDTH = 6.1;
const TAG_HEIGHT = 13;

function stateLabel(state, gcRefs) {
  switch (state) {
    case 'collecting': return gcRefs === null ? 'collecting' : `gc_refs ${gcRefs}`;
    case 'tentatively_unreachable': return `gc_refs ${gcRefs ?? 0} · tentative`;
    default: return state.replaceAll('_', ' ');
  }
}

// The colours the replay gives the objects' boxes (gc-step-through.css).
const STATE_KEYS = [
  ['collecting', 'collecting (gc_refs)'], ['reachable', 'reachable'],
  ['tentatively_unreachable', 'tentatively unreachable'], ['unreachable', 'unreachable'],
  ['untracked', 'untracked'], ['freed', 'freed'], ['outside', 'not in the collected generations'],
];

function createStateLegend() {
  const legend = document.createElement('div');
  legend.className = 'gc-step-legend';
  for (const [state, text] of STATE_KEYS) {
    const item = document.createElement('span');
    const swatch = document.createElement('span');
    swatch.className = `gc-step-swatch gc-swatch-${state}`;
    const label = document.createElement('span');
    label.textContent = text;
    item.append(swatch, label);
    legend.append(item);
  }
  return legend;
}

export class GcStepThrough {
  #bar;
  #heading;
  #result;
  #stages;
  #phaseName;
  #phaseText;
  #summary;
  #progress;
  #playButton;
  #speed;
  #draw;
  #closed;
  // The collection being shown.
  #collection = null;
  #phases = [];
  #frames = [];
  #frame = -1;
  #replay = null;
  #elements = new Map();  // id -> the object's <g>
  #edges = [];            // the drawing's arrows (data-from, data-to: object keys)
  #involved = new Set();  // ids of objects the collection's events name
  #ghostCount = 0;
  #moreGhosts = 0;
  #gone = null;           // ids the graph after a truncated collection no longer has
  #timer = null;

  // `draw(graph, ghosts, focus)` draws the graph plus the extra objects,
  // framing the objects of `focus` (ids), and returns {elements: id -> <g>,
  // content: <g> holding it all}; `closed()` is called on close.
  constructor(parent, { draw, closed }) {
    this.#draw = draw;
    this.#closed = closed;
    this.#bar = document.createElement('section');
    this.#bar.className = 'gc-step';
    this.#bar.setAttribute('aria-label', 'GC step-through');
    this.#bar.hidden = true;

    const head = document.createElement('div');
    head.className = 'gc-step-head';
    this.#heading = document.createElement('strong');
    this.#result = document.createElement('span');
    this.#result.className = 'gc-step-result';
    head.append(this.#heading, this.#result, toolButton('✕', 'Close the step-through', () => this.close()));

    this.#stages = document.createElement('ol');
    this.#stages.className = 'gc-step-stages';
    for (const stage of STAGES) {
      const item = document.createElement('li');
      item.textContent = stage;
      this.#stages.append(item);
    }

    const phase = document.createElement('p');
    phase.className = 'gc-step-phase';
    this.#phaseName = document.createElement('code');
    this.#phaseText = document.createElement('span');
    phase.append(this.#phaseName, this.#phaseText);
    this.#summary = document.createElement('p');
    this.#summary.className = 'gc-step-summary';

    const controls = document.createElement('div');
    controls.className = 'gc-step-controls';
    this.#playButton = toolButton('▶ Play', 'Play', () => (this.#timer ? this.pause() : this.play()));
    this.#playButton.classList.add('gc-step-play');
    this.#speed = document.createElement('select');
    this.#speed.title = 'Animation speed';
    this.#speed.setAttribute('aria-label', 'Animation speed');
    for (const speed of SPEEDS) {
      const option = document.createElement('option');
      option.value = String(speed);
      option.textContent = `${speed}×`;
      option.selected = speed === 1;
      this.#speed.append(option);
    }
    this.#progress = document.createElement('span');
    this.#progress.className = 'gc-step-progress';
    controls.append(
      toolButton('‹ Phase', 'Previous phase', () => this.previousPhase()),
      this.#playButton,
      toolButton('Phase ›', 'Next phase', () => this.nextPhase()),
      toolButton('End »', 'To the end', () => this.toEnd()),
      this.#speed,
      this.#progress,
    );
    this.#bar.append(head, this.#stages, phase, this.#summary, controls, createStateLegend());
    parent.append(this.#bar);
  }

  get active() {
    return this.#collection !== null;
  }

  // Shows `collection` on `graph` (the object graph before it) and plays
  // it. `after`, a graph taken after it, completes a truncated recording.
  start(collection, graph, after = null) {
    this.pause();
    this.#collection = collection;
    const events = collection.events;
    this.#phases = groupPhases(events);
    const comparable = collection.truncated && graph.nodes.length && after && !after.truncated;
    this.#gone = comparable ? new Set(goneObjects(graph, after)) : null;
    const drawnIds = new Set(graph.nodes.map((node) => node.id));
    const { ghosts, more } = ghostObjects(events, drawnIds, MAX_GHOSTS, collection.truncated);
    this.#ghostCount = ghosts.length;
    this.#moreGhosts = more;
    this.#involved = new Set(events.filter((event) => event.address !== undefined).map((event) => event.address));
    for (const ghost of ghosts) drawnIds.add(ghost.id);
    // The view frames the garbage, else every object the collection examined.
    let focus = [...garbageObjects(events, collection.truncated).keys()].filter((id) => drawnIds.has(id));
    if (!focus.length) focus = [...this.#involved].filter((id) => drawnIds.has(id));
    this.#redraw(graph, ghosts, focus);
    this.#replay = new CollectionReplay(events);
    this.#frames = buildFrames(events, new Set(this.#elements.keys()), FRAMES_PER_PHASE);
    if (this.#gone) {
      this.#phases.push({ phase: 'after', start: events.length, end: events.length });
      this.#frames.push({ phaseIndex: this.#phases.length - 1, end: events.length, changed: [...this.#gone] });
    }
    this.#heading.textContent = `Collection #${collection.index} · generation ${collection.generation}`;
    this.#result.textContent = `${collection.collected} collected, ${collection.uncollectable} uncollectable` +
      (collection.truncated ? ' · events after the first 5,000 were not recorded' : '');
    this.#bar.hidden = false;
    this.#show(0);
    this.play();
  }

  #redraw(graph, ghosts, focus) {
    const { elements, content } = this.#draw(graph, ghosts, focus);
    this.#elements = elements;
    this.#edges = [...content.querySelectorAll('.graph-edge')];
    for (const [id, element] of elements) {
      if (!this.#involved.has(id)) element.classList.add('gc-outside');
    }
  }

  play() {
    if (!this.active) return;
    if (this.#frame >= this.#frames.length - 1) this.#show(0);
    this.#schedule();
    this.#syncPlayButton();
  }

  pause() {
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#syncPlayButton();
  }

  nextPhase() {
    if (!this.active) return;
    const phaseIndex = this.#frames[this.#frame].phaseIndex;
    const next = this.#frames.findIndex((frame) => frame.phaseIndex > phaseIndex);
    this.#jump(next === -1 ? this.#frames.length - 1 : next);
  }

  previousPhase() {
    if (!this.active) return;
    const phaseIndex = this.#frames[this.#frame].phaseIndex;
    const opening = this.#frames.findIndex((frame) => frame.phaseIndex === phaseIndex);
    // Within a phase: back to its opening; at its opening: the previous phase's.
    const target = opening < this.#frame ? phaseIndex : phaseIndex - 1;
    this.#jump(Math.max(0, this.#frames.findIndex((frame) => frame.phaseIndex === target)));
  }

  toEnd() {
    if (this.active) this.#jump(this.#frames.length - 1);
  }

  close() {
    if (!this.active) return;
    this.pause();
    this.#collection = null;
    this.#elements = new Map();
    this.#edges = [];
    this.#frame = -1;
    this.#bar.hidden = true;
    this.#closed();
  }

  // What the step-through shows, for tests.
  describe() {
    if (!this.active) return { active: false };
    const frame = this.#frames[this.#frame];
    const phase = this.#phases[frame.phaseIndex];
    const objects = this.#objectsAt(frame);
    return {
      active: true,
      index: this.#collection.index,
      generation: this.#collection.generation,
      frame: this.#frame,
      frames: this.#frames.length,
      phase: phase.phase,
      stage: STAGES[phaseInfo(phase.phase).stage],
      phases: this.#phases.map((p) => p.phase),
      playing: this.#timer !== null,
      finished: this.#frame === this.#frames.length - 1,
      ghosts: this.#ghostCount,
      moreGhosts: this.#moreGhosts,
      objects: [...this.#elements.keys()].map((id) => ({
        id, state: objects.get(id)?.state ?? null, gcRefs: objects.get(id)?.gcRefs ?? null,
        label: this.#elements.get(id).querySelector('.gc-tag text')?.textContent ?? null,
      })),
    };
  }

  #syncPlayButton() {
    const finished = this.#frame >= this.#frames.length - 1;
    let [text, title] = ['▶ Play', 'Play'];
    if (this.#timer) [text, title] = ['❚❚ Pause', 'Pause'];
    else if (finished) [text, title] = ['↻ Replay', 'Replay'];
    this.#playButton.textContent = text;
    this.#playButton.title = title;
    this.#playButton.setAttribute('aria-label', title);
  }

  #jump(index) {
    const playing = this.#timer !== null;
    this.pause();
    this.#show(index);
    if (playing && index < this.#frames.length - 1) this.play();
  }

  // A phase's opening frame stays longer: its explanation is read first.
  #schedule() {
    clearTimeout(this.#timer);
    if (this.#frame >= this.#frames.length - 1) {
      this.pause();
      return;
    }
    const current = this.#frames[this.#frame];
    const opening = this.#frame === 0 || this.#frames[this.#frame - 1].phaseIndex !== current.phaseIndex;
    const delay = (opening ? PHASE_PAUSE_MS : FRAME_MS) / Number(this.#speed.value);
    this.#timer = setTimeout(() => {
      this.#show(this.#frame + 1);
      this.#schedule();
    }, delay);
  }

  #show(index) {
    this.#frame = index;
    const frame = this.#frames[index];
    const phase = this.#phases[frame.phaseIndex];
    const info = phaseInfo(phase.phase);
    [...this.#stages.children].forEach((item, i) => {
      item.classList.toggle('gc-step-stage-current', i === info.stage);
      item.classList.toggle('gc-step-stage-done', i < info.stage);
    });
    this.#phaseName.textContent = info.title;
    this.#phaseText.textContent = info.text;

    this.#summary.textContent = this.#summaryText(frame, index === this.#frames.length - 1);
    this.#progress.textContent =
      `phase ${frame.phaseIndex + 1}/${this.#phases.length} · step ${index + 1}/${this.#frames.length}`;
    this.#syncPlayButton();

    const objects = this.#objectsAt(frame);
    const changed = new Set(frame.changed);
    for (const [id, element] of this.#elements) {
      const object = objects.get(id);
      this.#mark(element, object?.state ?? null, object ? stateLabel(object.state, object.gcRefs) : null);
      element.classList.toggle('gc-changed', changed.has(id));
    }
    // Arrows of freed objects fade, and weak arrows once the weakrefs are cleared.
    const stateOf = (key) => objects.get(Number(key.slice(1)))?.state;
    for (const edge of this.#edges) {
      const to = stateOf(edge.dataset.to);
      const gone = stateOf(edge.dataset.from) === 'freed' || to === 'freed' ||
        (edge.classList.contains('graph-edge-weak') && WEAKREFS_GONE.has(to));
      edge.classList.toggle('gc-edge-gone', gone);
    }
  }

  // What the collector did: in the phase so far, else in the phase before;
  // on the last frame, the collection's result.
  #summaryText(frame, finished) {
    const events = this.#collection.events;
    const phase = this.#phases[frame.phaseIndex];
    const describeChanges = (start, end) =>
      summarizeChanges(events, start, end).map(({ change, count }) => `${count} ${change}`).join(' · ');
    const summary = describeChanges(phase.start, frame.end);
    if (finished) {
      const { collected, uncollectable, truncated } = this.#collection;
      const recorded = this.#phases.filter((p) => p.phase !== 'after');
      let text = truncated
        ? 'The collector records its first 5,000 events only: the phases after ' +
          `${recorded[recorded.length - 1].phase} are missing. In all it collected ${collected}, ` +
          `uncollectable ${uncollectable}.`
        : `Done: ${collected} collected, ${uncollectable} uncollectable. Last phase: ${summary || 'no change'}.`;
      if (this.#gone) text += ` ${this.#gone.size} unreachable objects are gone from the graph taken after it.`;
      if (this.#moreGhosts) text += ` ${this.#moreGhosts} more unreachable objects are not drawn.`;
      return text;
    }
    if (summary) return `In this phase so far: ${summary}.`;
    const previous = this.#phases[frame.phaseIndex - 1];
    if (previous) return `${previous.phase} did: ${describeChanges(previous.start, previous.end) || 'no change'}.`;
    return 'No object changed yet.';
  }

  // Each object's {state, gcRefs} once `frame` shows.
  #objectsAt(frame) {
    const objects = this.#replay.seek(frame.end);
    if (this.#phases[frame.phaseIndex].phase !== 'after') return objects;
    const after = new Map(objects);
    for (const id of this.#gone) after.set(id, { ...after.get(id), state: 'freed' });
    return after;
  }

  #mark(element, state, label) {
    const previous = element.dataset.gcState ?? null;
    if (previous === state) {
      if (label !== null) this.#tag(element, label);
      return;
    }
    if (previous) element.classList.remove(`gc-${previous}`);
    if (state) {
      element.dataset.gcState = state;
      element.classList.add(`gc-${state}`);
    } else {
      delete element.dataset.gcState;
    }
    if (label === null) element.querySelector('.gc-tag')?.remove();
    else this.#tag(element, label);
  }

  // The label on an object's box: its gc_refs or state.
  #tag(element, label) {
    let tag = element.querySelector('.gc-tag');
    if (!tag) {
      tag = svgElement('g', {}, 'gc-tag');
      tag.append(svgElement('rect', { height: TAG_HEIGHT, rx: 3 }), svgElement('text', { x: 4, y: TAG_HEIGHT - 3 }));
      element.append(tag);
    }
    const text = tag.querySelector('text');
    if (text.textContent === label) return;
    text.textContent = label;
    // On the box's top edge, at its right.
    const width = Math.ceil(label.length * TAG_CHAR_WIDTH + 8);
    const boxWidth = Number(element.querySelector('rect').getAttribute('width'));
    tag.setAttribute('transform', `translate(${boxWidth - width + 4} ${-TAG_HEIGHT + 3})`);
    tag.querySelector('rect').setAttribute('width', String(width));
  }
}
