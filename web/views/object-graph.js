// The object graph tab: the objects reachable from the program's names
// (graph_json, core/inspect/FORMAT.md) laid out by dagre, names on the left;
// pan, zoom, hover and click for details; and the GC step-through, which
// replays a recorded collection on the graph as it was before it.
import './object-graph.css';
import { GcStepThrough } from './gc-step-through.js';
import { buildGraphModel, describeObject, ID_BASE, layoutKey, objectKey, withoutImmortals } from './graph-model.js';
import { layoutGraph } from './graph-layout.js';
import { arrowMarkers, drawGraph, svgElement, toolButton } from './graph-render.js';
import { GraphTooltip } from './graph-tooltip.js';
import { GraphViewport } from './graph-viewport.js';

const MARKERS = 'object-graph-arrow';
// Below this scale fitting the whole graph is unreadable: show its start at READABLE_SCALE instead.
const MIN_FIT_SCALE = 0.45;
const READABLE_SCALE = 0.8;
const LEGEND = [
  ['graph-key-root', 'name (root)'],
  ['graph-key-strong', 'strong reference'],
  ['graph-key-weak', 'weak reference'],
  ['graph-key-cycle', '↻ in a cycle'],
  ['graph-key-unreachable', 'unreachable (garbage)'],
  ['graph-key-immortal', 'immortal'],
];

// The session keeps the last 16 collections (gc_header.h kMaxRecordedCollections).
const RECORDED_COLLECTIONS = 16;
const EMPTY_GRAPH = { roots: [], nodes: [], edges: [], truncated: false, max_nodes: 0 };

export class ObjectGraphView {
  #root;
  #status;
  #message;
  #svg;
  #content;
  #details;
  #immortals;
  #collectionChoice;   // <select> of the recorded collections, for the step-through
  #replayButton;
  #collections = [];   // snapshot.gc.collections of the last update
  #chosenCollection = null;  // the index (as text) the user chose, if any
  #viewport;
  #tooltip;
  #stepThrough;
  #graph = null;        // the live graph (the newest non-null one)
  #runId = null;
  #collectionGraphs = new Map();  // collection index -> {before, after}: graphs around it, this run
  #lastCollection = 0;
  #drawn = null;        // {graph, model, layout, key} on screen
  #focus = null;        // ids the step-through frames, null for the whole graph
  #nodes = new Map();   // id -> graph_json node of what is drawn
  #elements = new Map();  // id -> <g> drawn
  #selected = null;
  #autoView = true;     // until the user pans or zooms, each new layout is fitted
  #layoutMs = null;

  constructor(host) {
    this.#root = document.createElement('div');
    this.#root.className = 'object-graph';

    const stage = document.createElement('div');
    stage.className = 'object-graph-stage';
    this.#svg = svgElement('svg', {}, 'object-graph-svg');
    this.#svg.setAttribute('role', 'img');
    this.#svg.setAttribute('aria-label', 'Object graph');
    this.#content = svgElement('g', {}, 'object-graph-content');
    this.#svg.append(arrowMarkers(MARKERS), this.#content);
    this.#message = document.createElement('p');
    this.#message.className = 'object-graph-message';
    this.#details = document.createElement('aside');
    this.#details.className = 'object-graph-details';
    this.#details.hidden = true;
    stage.append(this.#svg, this.#message, this.#details);

    this.#stepThrough = new GcStepThrough(this.#root, {
      draw: (graph, ghosts, focus) => this.#drawCollection(graph, ghosts, focus),
      closed: () => {
        this.#root.classList.remove('object-graph-replaying');
        this.#focus = null;
        this.#autoView = true;
        this.#render(true);
      },
    });
    this.#root.append(this.#createHeader(), createLegend(), stage);
    host.append(this.#root);

    this.#viewport = new GraphViewport(this.#svg, this.#content, () => {
      this.#autoView = false;
    });
    this.#tooltip = new GraphTooltip(document.body);
    this.#svg.addEventListener('pointermove', (event) => this.#hover(event));
    this.#svg.addEventListener('pointerleave', () => this.#tooltip.hide());
    this.#svg.addEventListener('click', (event) => this.#click(event));
    new ResizeObserver(() => {
      if (this.#autoView && this.#drawn) this.#fit(false);
    }).observe(this.#svg);
    this.#showMessage('Run or step a program: its objects appear here.');
  }

  #createHeader() {
    const header = document.createElement('header');
    header.className = 'object-graph-header';
    const title = document.createElement('h2');
    title.className = 'panel-title';
    title.textContent = 'Object graph';
    this.#status = document.createElement('span');
    this.#status.className = 'object-graph-status';

    const immortals = document.createElement('label');
    immortals.className = 'object-graph-toggle';
    immortals.title = 'Show immortal objects (small ints, interned strings, None) no name refers to';
    this.#immortals = document.createElement('input');
    this.#immortals.type = 'checkbox';
    this.#immortals.checked = true;
    this.#immortals.addEventListener('change', () => {
      if (!this.#stepThrough.active) this.#render();
    });
    const immortalsText = document.createElement('span');
    immortalsText.textContent = 'immortals';
    immortals.append(this.#immortals, immortalsText);

    const replay = document.createElement('span');
    replay.className = 'object-graph-replay';
    this.#collectionChoice = document.createElement('select');
    this.#collectionChoice.setAttribute('aria-label', 'Recorded collection');
    this.#collectionChoice.addEventListener('change', () => {
      this.#chosenCollection = this.#collectionChoice.value;
    });
    this.#replayButton = toolButton('GC step-through', 'Step through the chosen collection', () => {
      const collection = this.#collections.find((c) => String(c.index) === this.#collectionChoice.value);
      if (collection) this.playCollection(collection, null);
    });
    replay.append(this.#collectionChoice, this.#replayButton);
    this.#syncCollectionChoice();

    const tools = document.createElement('div');
    tools.className = 'object-graph-tools';
    tools.append(
      replay,
      immortals,
      toolButton('Fit', 'Fit the graph in view', () => this.#fit()),
      toolButton('−', 'Zoom out', () => this.#zoom(1 / 1.25)),
      toolButton('+', 'Zoom in', () => this.#zoom(1.25)),
      toolButton('1:1', 'Actual size', () => {
        this.#autoView = false;
        this.#viewport.reset();
      }),
    );
    header.append(title, this.#status, tools);
    return header;
  }

  update(heap) {
    if (heap.runId !== this.#runId) {
      this.#runId = heap.runId;
      this.#collectionGraphs.clear();
      this.#collections = [];
      this.#chosenCollection = null;
      this.#lastCollection = 0;
      this.#autoView = true;
    }
    // Remember the graphs taken before and after each collection, for its step-through.
    for (const collection of heap.snapshot?.gc?.collections ?? []) {
      if (collection.index <= this.#lastCollection) continue;
      this.#lastCollection = collection.index;
      this.#collectionGraphs.set(collection.index, { before: heap.previousGraph, after: null });
    }
    for (const [index, graphs] of this.#collectionGraphs) {
      if (index <= this.#lastCollection - RECORDED_COLLECTIONS) this.#collectionGraphs.delete(index);
      else if (!graphs.after) graphs.after = heap.graph;
    }
    const collections = heap.snapshot?.gc?.collections ?? [];
    const previous = this.#collections;
    const changed = collections.length !== previous.length || collections.at(-1)?.index !== previous.at(-1)?.index;
    this.#collections = collections;
    if (changed) this.#syncCollectionChoice();
    if (!heap.graph || heap.graph === this.#graph) return;
    this.#graph = heap.graph;
    if (this.#visible() && !this.#stepThrough.active) this.#render();
  }

  shown() {
    if (!this.#stepThrough.active) this.#render();
  }

  // Animates `collection` (one of snapshot.gc.collections) on the graph as
  // it was before it: the one this view saw then, else `previousGraph`.
  playCollection(collection, previousGraph) {
    const graphs = this.#collectionGraphs.get(collection.index);
    const before = graphs?.before ?? previousGraph ?? EMPTY_GRAPH;
    this.#autoView = true;
    const shown = this.#immortals.checked || before === EMPTY_GRAPH ? before : withoutImmortals(before);
    this.#stepThrough.start(collection, shown, graphs?.after ?? null);
  }

  // What the view shows, for tests: the graph's counts and every drawn object and arrow.
  describe() {
    const drawn = this.#drawn;
    const edges = drawn ? [...this.#content.querySelectorAll('.graph-edge')] : [];
    return {
      message: this.#message.hidden ? null : this.#message.textContent,
      status: this.#status.textContent,
      truncated: drawn?.model.truncated ?? false,
      counts: drawn?.model.counts ?? null,
      layoutMs: this.#layoutMs,
      scale: this.#viewport.scale,
      roots: drawn ? drawn.graph.roots.map((root) => ({ name: root.name, frame: root.frame, id: root.id })) : [],
      nodes: drawn ? [...this.#elements].map(([id, element]) => {
        const node = this.#nodes.get(id);
        return {
          id, type: node?.type ?? element.querySelector('.graph-node-type').textContent, repr: node?.repr ?? null,
          refcount: node?.refcount ?? null, cycle: node?.cycle ?? false, unreachable: node?.unreachable ?? false,
          ghost: !node, text: [...element.querySelectorAll('text')].map((text) => text.textContent),
        };
      }) : [],
      edges: edges.map((path) => ({
        from: path.dataset.from, to: path.dataset.to,
        kind: [...path.classList].find((c) => c.startsWith('graph-edge-')).slice('graph-edge-'.length),
        dashed: getComputedStyle(path).strokeDasharray !== 'none',
      })),
      edgeLabels: [...this.#content.querySelectorAll('.graph-edge-label')].map((label) => label.textContent),
      selected: this.#selected,
      details: this.#details.hidden
        ? null
        : [...this.#details.querySelectorAll('h3, p')].map((line) => line.textContent),
      stepThrough: this.#stepThrough.describe(),
    };
  }

  // The choice of collections to step through, newest first: the one the
  // user chose stays chosen while it is recorded, else the newest is.
  #syncCollectionChoice() {
    const options = [...this.#collections].reverse().map((collection) => {
      const option = document.createElement('option');
      option.value = String(collection.index);
      option.textContent = `#${collection.index} · gen ${collection.generation} · ${collection.collected} collected`;
      return option;
    });
    if (!options.length) {
      const none = document.createElement('option');
      none.textContent = 'no collection yet';
      options.push(none);
    }
    this.#collectionChoice.replaceChildren(...options);
    if (options.some((option) => option.value === this.#chosenCollection)) {
      this.#collectionChoice.value = this.#chosenCollection;
    }
    this.#collectionChoice.disabled = this.#collections.length === 0;
    this.#replayButton.disabled = this.#collections.length === 0;
  }

  #visible() {
    return this.#root.offsetParent !== null;
  }

  // Draws the live graph; `refit` fits it even when its layout is unchanged.
  #render(refit = false) {
    const graph = this.#graph;
    if (!graph) return;
    const shown = this.#immortals.checked ? graph : withoutImmortals(graph);
    const relaidOut = this.#draw(shown, []);
    if ((relaidOut || refit) && this.#autoView) this.#fit(false);
    const { counts } = this.#drawn.model;
    const hidden = graph.nodes.length - shown.nodes.length;
    // A truncated graph says so first: the first max_nodes objects, breadth first from the names.
    const objects = graph.truncated
      ? `the first ${graph.nodes.length} objects (truncated)`
      : plural(counts.objects, 'object');
    this.#status.textContent = `${objects} · ${plural(counts.roots, 'name')} · ${plural(counts.edges, 'reference')}` +
      (counts.cycle ? ` · ${counts.cycle} in cycles` : '') +
      (counts.unreachable ? ` · ${counts.unreachable} unreachable` : '') +
      (hidden ? ` · ${hidden} immortal hidden` : '');
    this.#showMessage(graph.nodes.length === 0
      ? 'No objects reachable from your names yet: assign one (x = [1, 2]) and step.'
      : null);
  }

  #drawCollection(graph, ghosts, focus) {
    this.#root.classList.add('object-graph-replaying');
    this.#focus = focus;
    this.#draw(graph, ghosts);
    if (this.#autoView) this.#fit(false);
    // A program run at full speed sends no graph between its collections.
    if (graph === EMPTY_GRAPH) {
      this.#showMessage('No object graph was taken just before this collection (the program ran at full ' +
        'speed): only the objects it found unreachable are drawn. Step through the program to see the ' +
        'graph around it.');
    } else if (graph.nodes.length === 0 && ghosts.length === 0) {
      this.#showMessage('No object of the graph took part in this collection.');
    } else {
      this.#showMessage(null);
    }
    this.#status.textContent = 'The heap before the collection (close the step-through for the live graph)';
    return { elements: this.#elements, content: this.#content };
  }

  // Lays out (only when boxes or arrows changed) and draws `graph`; true
  // when it was laid out anew.
  #draw(graph, ghosts) {
    const model = buildGraphModel(graph, ghosts);
    const key = layoutKey(model);
    let layout = this.#drawn?.key === key ? this.#drawn.layout : null;
    if (!layout) {
      const started = performance.now();
      layout = layoutGraph(model);
      this.#layoutMs = Math.round(performance.now() - started);
      console.log(`object graph: ${model.nodes.length} objects laid out in ${this.#layoutMs} ms`);
    }
    const relaidOut = layout !== this.#drawn?.layout;
    this.#drawn = { graph, model, layout, key };
    this.#nodes = new Map(graph.nodes.map((node) => [node.id, node]));
    this.#elements = drawGraph(this.#content, model, layout, MARKERS);
    this.#select(this.#selected);
    return relaidOut;
  }

  // Fits the whole graph; automatic fits frame the step-through's objects
  // and, where that would be too small to read, show readably the globals
  // (or the step-through's objects).
  #fit(byUser = true) {
    if (!this.#drawn) return;
    if (byUser) this.#autoView = false;
    const { layout } = this.#drawn;
    const area = (!byUser && this.#focusArea()) || { x: 0, y: 0, width: layout.width, height: layout.height };
    this.#viewport.fit(area.width, area.height, area.x, area.y);
    if (byUser || this.#viewport.scale >= MIN_FIT_SCALE) return;
    const [names] = this.#drawn.model.frames;
    const start = names && layout.boxes.get(names.key);
    if (this.#focus) this.#viewport.centerOn(area.x + area.width / 2, area.y + area.height / 2, READABLE_SCALE);
    else if (start) this.#viewport.showAtLeft(start.x, start.y + start.height / 2, READABLE_SCALE);
    else this.#viewport.reset(READABLE_SCALE);
  }

  // The rectangle around the focused objects' boxes, or null.
  #focusArea() {
    const boxes = (this.#focus ?? []).map((id) => this.#drawn.layout.boxes.get(objectKey(id))).filter(Boolean);
    if (!boxes.length) return null;
    const left = Math.min(...boxes.map((box) => box.x));
    const top = Math.min(...boxes.map((box) => box.y));
    const right = Math.max(...boxes.map((box) => box.x + box.width));
    const bottom = Math.max(...boxes.map((box) => box.y + box.height));
    const margin = 40;  // room for the arrows around them
    return { x: left - margin, y: top - margin, width: right - left + 2 * margin, height: bottom - top + 2 * margin };
  }

  #zoom(factor) {
    this.#autoView = false;
    this.#viewport.zoomBy(factor);
  }

  #showMessage(text) {
    this.#message.hidden = text === null;
    this.#message.textContent = text ?? '';
  }

  #objectAt(event) {
    const element = event.target.closest?.('.graph-node');
    return element ? Number(element.dataset.id) : null;
  }

  #hover(event) {
    const id = this.#objectAt(event);
    let lines = null;
    if (!this.#viewport.dragging) lines = id === null ? this.#nameAt(event) : this.#describeId(id, false);
    if (lines) this.#tooltip.show(lines, event.clientX, event.clientY);
    else this.#tooltip.hide();
  }

  // A name of a frame's table under the pointer: what it refers to.
  #nameAt(event) {
    const text = event.target.closest?.('.graph-frame-name');
    if (!text) return null;
    const frame = this.#drawn.model.frames.find((f) => f.key === text.closest('.graph-frame').dataset.key);
    const row = frame?.rows[Number(text.dataset.row)];
    return row ? [`${row.name} in the ${frame.title}`, `refers to ${row.repr}`] : null;
  }

  #click(event) {
    if (this.#viewport.dragged) return;
    this.#select(this.#objectAt(event));
  }

  #describeId(id, withReferences) {
    const node = this.#nodes.get(id);
    if (node) return describeObject(node, withReferences ? this.#drawn.graph : null);
    const element = this.#elements.get(id);
    const lines = [
      `${element.querySelector('.graph-node-type').textContent} at id 0x${(ID_BASE + id).toString(16)}`,
      'not in the graph before the collection (not reached from your names, or past its 300 objects)',
    ];
    if (element.dataset.gcState) lines.push(`now ${element.dataset.gcState.replaceAll('_', ' ')}`);
    return lines;
  }

  #select(id) {
    this.#content.querySelector('.graph-selected')?.classList.remove('graph-selected');
    for (const edge of this.#content.querySelectorAll('.graph-edge-selected')) {
      edge.classList.remove('graph-edge-selected');
    }
    this.#selected = id;
    const element = id === null ? null : this.#elements.get(id);
    if (!element) {
      this.#selected = null;
      this.#details.hidden = true;
      return;
    }
    element.classList.add('graph-selected');
    const key = objectKey(id);
    for (const edge of this.#content.querySelectorAll(`[data-from="${key}"], [data-to="${key}"]`)) {
      edge.classList.add('graph-edge-selected');
    }
    const lines = this.#describeId(id, true);
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '✕';
    close.title = 'Close';
    close.setAttribute('aria-label', 'Close the details');
    close.addEventListener('click', () => this.#select(null));
    const heading = document.createElement('h3');
    heading.textContent = lines[0];
    this.#details.replaceChildren(close, heading, ...lines.slice(1).map((line) => {
      const p = document.createElement('p');
      p.textContent = line;
      return p;
    }));
    this.#details.hidden = false;
  }
}

function createLegend() {
  const legend = document.createElement('div');
  legend.className = 'object-graph-legend';
  for (const [className, text] of LEGEND) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    const key = document.createElement('span');
    key.className = `graph-key ${className}`;
    const label = document.createElement('span');
    label.textContent = text;
    item.append(key, label);
    legend.append(item);
  }
  return legend;
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
