// The object graph as boxes and arrows to lay out: one box per object, one
// table per frame listing its names (the roots), an arrow per reference and
// per name. Pure data: no DOM, so node tests build it from real graph_json.
import { formatBytes } from './format.js';

const IMMORTAL_REFCOUNT = 4294967295;
// Python's id() of an object is this plus its region offset (core/inspect/FORMAT.md).
export const ID_BASE = 0x7f0000000000;

// Box metrics for 11px monospace text (what object-graph.css sets).
export const CHAR_WIDTH = 6.7;
export const LINE_HEIGHT = 14;
export const PADDING_X = 8;
export const PADDING_Y = 6;
const MIN_WIDTH = 72;
const REPR_CHARS = 30;
const NAME_CHARS = 24;

export function objectKey(id) {
  return `o${id}`;
}

function frameKey(root) {
  return root.scope === 'global' ? 'globals' : `frame${root.depth}`;
}

function frameTitle(root) {
  return root.scope === 'global' ? 'module globals' : `${root.frame}() locals`;
}

function shorten(text, limit) {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function formatRefcount(node) {
  return node.immortal || node.refcount === IMMORTAL_REFCOUNT ? 'immortal' : `rc ${node.refcount}`;
}

function generationName(generation) {
  if (generation === -1) return 'untracked';
  if (generation === 3) return 'permanent (gc.freeze)';
  return `generation ${generation}`;
}

// The three lines an object's box shows: type, short repr, refcount and size.
function objectLines(node) {
  const lines = [node.type];
  if (node.repr !== node.type) lines.push(shorten(node.repr, REPR_CHARS));
  lines.push(`${formatRefcount(node)} · ${formatBytes(node.size)}`);
  return lines;
}

function boxSize(lines) {
  const chars = Math.max(...lines.map((line) => line.length));
  return {
    width: Math.max(MIN_WIDTH, Math.ceil(chars * CHAR_WIDTH + 2 * PADDING_X)),
    height: lines.length * LINE_HEIGHT + 2 * PADDING_Y,
  };
}

// `ghosts`: [{id, type}] objects to show that are not in `graph` (the GC
// step-through's objects the graph never reached); drawn apart, without edges.
export function buildGraphModel(graph, ghosts = []) {
  const nodes = graph.nodes.map((node) => {
    const lines = objectLines(node);
    return { key: objectKey(node.id), kind: 'object', id: node.id, object: node, lines, ...boxSize(lines) };
  });
  const present = new Set(graph.nodes.map((node) => node.id));

  const frames = new Map();
  const edges = [];
  for (const root of graph.roots) {
    const key = frameKey(root);
    let frame = frames.get(key);
    if (!frame) {
      frame = { key, kind: 'frame', title: frameTitle(root), scope: root.scope, depth: root.depth, rows: [] };
      frames.set(key, frame);
    }
    const row = frame.rows.length;
    frame.rows.push({ name: shorten(root.name, NAME_CHARS), target: root.id, repr: root.repr });
    // A name whose object the graph left out (truncated) has no arrow.
    if (present.has(root.id)) {
      edges.push({ key: `${key}:${row}`, from: key, to: objectKey(root.id), kind: 'root', label: null, row });
    }
  }
  for (const frame of frames.values()) {
    const lines = [frame.title, ...frame.rows.map((row) => row.name)];
    Object.assign(frame, boxSize(lines));
  }

  graph.edges.forEach((edge, i) => {
    edges.push({
      key: `e${i}`, from: objectKey(edge.from), to: objectKey(edge.to), kind: edge.kind, label: edge.label, row: null,
    });
  });

  const extras = ghosts.filter((ghost) => !present.has(ghost.id)).map((ghost) => {
    const lines = [ghost.type, `id 0x${(ID_BASE + ghost.id).toString(16)}`];
    return { key: objectKey(ghost.id), kind: 'ghost', id: ghost.id, type: ghost.type, lines, ...boxSize(lines) };
  });

  return {
    nodes,
    frames: [...frames.values()],
    edges,
    extras,
    truncated: graph.truncated,
    maxNodes: graph.max_nodes,
    counts: {
      objects: nodes.length,
      roots: graph.roots.length,
      edges: graph.edges.length,
      weak: graph.edges.filter((edge) => edge.kind === 'weak').length,
      cycle: graph.nodes.filter((node) => node.cycle).length,
      unreachable: graph.nodes.filter((node) => node.unreachable).length,
    },
  };
}

// `graph` less its immortal objects (small ints, interned strings, None...)
// that no name refers to directly, and the arrows to them.
export function withoutImmortals(graph) {
  const named = new Set(graph.roots.map((root) => root.id));
  const nodes = graph.nodes.filter((node) => !node.immortal || named.has(node.id));
  const kept = new Set(nodes.map((node) => node.id));
  return { ...graph, nodes, edges: graph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)) };
}

// What the layout depends on: boxes, their sizes and the arrows. Refcounts
// changing without the box's size changing keep the old layout.
export function layoutKey(model) {
  const boxes = [...model.frames, ...model.nodes, ...model.extras]
    .map((box) => `${box.key}:${box.width}x${box.height}`);
  const arrows = model.edges.map((edge) => `${edge.from}>${edge.to}:${edge.label ?? ''}`);
  return `${boxes.join(',')}|${arrows.join(',')}`;
}

// The lines the details panel and the tooltip show for one object.
export function describeObject(node, graph) {
  const lines = [
    `${node.type} at id 0x${(ID_BASE + node.id).toString(16)}`,
    node.repr,
    `refcount ${node.immortal ? 'immortal' : node.refcount} · size ${formatBytes(node.size)}`,
    `${node.tracked ? 'GC-tracked' : 'not GC-tracked'} · ${generationName(node.generation)}`,
  ];
  if (node.cycle) lines.push('in a reference cycle');
  if (node.unreachable) lines.push('unreachable: the next full collection frees it');
  if (graph) {
    const names = graph.roots.filter((root) => root.id === node.id)
      .map((root) => (root.scope === 'global' ? root.name : `${root.name} in ${root.frame}()`));
    if (names.length) lines.push(`named by ${names.join(', ')}`);
    const incoming = graph.edges.filter((edge) => edge.to === node.id);
    const outgoing = graph.edges.filter((edge) => edge.from === node.id);
    lines.push(`${incoming.length} reference${incoming.length === 1 ? '' : 's'} in, ${outgoing.length} out`);
  }
  return lines;
}
