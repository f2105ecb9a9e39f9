// The object graph tab: the objects reachable from the program's names
// (graph_json, core/inspect/FORMAT.md) laid out by dagre, names on the left;
// pan, zoom, hover and click for details; and the GC step-through, which
// replays a recorded collection on the graph as it was before it.
import './object-graph.css';
import { GcStepThrough } from './gc-step-through.js';
import { buildGraphModel, describeObject, ID_BASE, layoutKey, objectKey } from './graph-model.js';
import { layoutGraph } from './graph-layout.js';
import { arrowMarkers, drawGraph, svgElement } from './graph-render.js';
import { GraphViewport } from './graph-viewport.js';
import { Tooltip } from './tooltip.js';

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

const EMPTY_GRAPH = { roots: [], nodes: [], edges: [], truncated: false, max_nodes: 0 };

export class ObjectGraphView {
  #root;
  #status;
  #message;
  #svg;
  #content;
  #details;
  #viewport;
  #tooltip;
  #stepThrough;
  #graph = null;        // the live graph (the newest non-null one)
  #runId = null;
  #graphsBefore = new Map();  // collection index -> the graph before it, this run
  #lastCollection = 0;
  #drawn = null;        // {graph, model, layout, key, ghosts} on screen
  #nodes = new Map();   // id -> graph_json node of what is drawn
  #elements = new Map();  // id -> <g> drawn
  #selected = null;
  #autoView = true;     // until the user pans or zooms, each new layout is fitted
  #layoutMs = null;

  constructor(host, app) {
    this.app = app;
    this.#root = document.createElement('div');
    this.#root.className = 'object-graph';

    const header = document.createElement('header');
    header.className = 'object-graph-header';
    const title = document.createElement('h2');
    title.className = 'panel-title';
    title.textContent = 'Object graph';
    this.#status = document.createElement('span');
    this.#status.className = 'object-graph-status';
    const tools = document.createElement('div');
    tools.className = 'object-graph-tools';
    tools.append(
      this.#tool('Fit', 'Fit the graph in view', () => this.#fit()),
      this.#tool('−', 'Zoom out', () => this.#zoom(1 / 1.25)),
      this.#tool('+', 'Zoom in', () => this.#zoom(1.25)),
      this.#tool('1:1', 'Actual size', () => {
        this.#autoView = false;
        this.#viewport.reset();
      }),
    );
    header.append(title, this.#status, tools);

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
      draw: (graph, ghosts) => this.#drawCollection(graph, ghosts),
      closed: () => this.#render(),
    });
    this.#root.append(header, legend, stage);
    host.append(this.#root);

    this.#viewport = new GraphViewport(this.#svg, this.#content, () => {
      this.#autoView = false;
    });
    this.#tooltip = new Tooltip(document.body);
    this.#svg.addEventListener('pointermove', (event) => this.#hover(event));
    this.#svg.addEventListener('pointerleave', () => this.#tooltip.hide());
    this.#svg.addEventListener('click', (event) => this.#click(event));
    new ResizeObserver(() => {
      if (this.#autoView && this.#drawn) this.#fit(false);
    }).observe(this.#svg);
    this.#showMessage('Run or step a program: its objects appear here.');
  }

  update(heap) {
    if (heap.runId !== this.#runId) {
      this.#runId = heap.runId;
      this.#graphsBefore.clear();
      this.#lastCollection = 0;
      this.#autoView = true;
    }
    // Remember which graph each collection happened after, for its step-through.
    for (const collection of heap.snapshot?.gc?.collections ?? []) {
      if (collection.index <= this.#lastCollection) continue;
      this.#lastCollection = collection.index;
      if (heap.previousGraph) this.#graphsBefore.set(collection.index, heap.previousGraph);
    }
    for (const index of this.#graphsBefore.keys()) {
      if (index <= this.#lastCollection - 16) this.#graphsBefore.delete(index);
    }
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
    const graph = this.#graphsBefore.get(collection.index) ?? previousGraph ?? EMPTY_GRAPH;
    this.#autoView = true;
    this.#stepThrough.start(collection, graph);
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
      details: this.#details.hidden ? null : [...this.#details.querySelectorAll('h3, p')].map((line) => line.textContent),
      stepThrough: this.#stepThrough.describe(),
    };
  }

  // Viewport coordinates of an object's box centre (for tests and tools).
  nodeCenter(id) {
    const rect = this.#elements.get(id)?.querySelector('rect').getBoundingClientRect();
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }

  #visible() {
    return this.#root.offsetParent !== null;
  }

  #tool(text, title, onClick) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.addEventListener('click', onClick);
    return button;
  }

  #render() {
    const graph = this.#graph;
    if (!graph) return;
    this.#draw(graph, []);
    const { counts } = this.#drawn.model;
    this.#status.textContent = `${counts.objects} objects · ${counts.roots} names · ${counts.edges} references` +
      (counts.cycle ? ` · ${counts.cycle} in cycles` : '') +
      (counts.unreachable ? ` · ${counts.unreachable} unreachable` : '');
    if (graph.nodes.length === 0) {
      this.#showMessage('No objects reachable from your names yet: assign one (x = [1, 2]) and step.');
    } else if (graph.truncated) {
      this.#showMessage(`Truncated: only the first ${graph.max_nodes} objects are shown ` +
        '(breadth first from the names, then the unreachable ones).');
    } else {
      this.#showMessage(null);
    }
  }

  #drawCollection(graph, ghosts) {
    this.#draw(graph, ghosts);
    this.#showMessage(graph.nodes.length === 0 && ghosts.length === 0
      ? 'The collection has no object to show: nothing the graph reached took part in it.'
      : null);
    this.#status.textContent = 'The heap before the collection (close the step-through for the live graph)';
    return { elements: this.#elements, content: this.#content };
  }

  // Lays out (only when boxes or arrows changed) and draws `graph`.
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
    if (this.#selected !== null && !this.#nodes.has(this.#selected)) this.#select(null);
    else this.#select(this.#selected);
    if (relaidOut && this.#autoView) this.#fit(false);
  }

  #fit(byUser = true) {
    if (!this.#drawn) return;
    if (byUser) this.#autoView = false;
    const { width, height } = this.#drawn.layout;
    this.#viewport.fit(width, height);
    if (!byUser && this.#viewport.scale < MIN_FIT_SCALE) this.#viewport.reset(READABLE_SCALE);
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
    if (id === null || this.#viewport.dragging) {
      this.#tooltip.hide();
      return;
    }
    this.#tooltip.show(this.#describeId(id, false), event.clientX, event.clientY);
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
    for (const edge of this.#content.querySelectorAll('.graph-edge-selected')) edge.classList.remove('graph-edge-selected');
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
