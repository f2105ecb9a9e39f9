// Draws a laid out graph model as SVG: frame tables, object boxes, arrows
// and their labels. Every piece of text is an SVG text node's textContent.
import { LINE_HEIGHT, PADDING_X, PADDING_Y } from './graph-model.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svgElement(name, attributes = {}, className = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (className) element.setAttribute('class', className);
  return element;
}

function svgText(x, y, text, className) {
  const element = svgElement('text', { x, y }, className);
  element.textContent = text;
  return element;
}

// Arrowheads, one per kind of arrow (their colour follows the arrow's).
export function arrowMarkers(prefix) {
  const defs = svgElement('defs');
  for (const kind of ['strong', 'weak', 'root']) {
    const marker = svgElement('marker', {
      id: `${prefix}-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
    }, `graph-arrowhead graph-arrowhead-${kind}`);
    marker.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z' }));
    defs.append(marker);
  }
  return defs;
}

// A smooth path through dagre's points: straight ends, rounded bends.
function edgePath(points) {
  const [first, ...rest] = points;
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i];
    const q = rest[i + 1];
    d += ` Q${p.x},${p.y} ${(p.x + q.x) / 2},${(p.y + q.y) / 2}`;
  }
  const last = rest[rest.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function lineY(index) {
  return PADDING_Y + index * LINE_HEIGHT + LINE_HEIGHT * 0.75;
}

function drawFrame(frame, box) {
  const group = svgElement('g', { transform: `translate(${box.x} ${box.y})` }, 'graph-frame');
  group.dataset.key = frame.key;
  group.append(svgElement('rect', { width: box.width, height: box.height, rx: 4 }));
  group.append(svgElement('line', {
    x1: 0, x2: box.width, y1: PADDING_Y + LINE_HEIGHT + 1, y2: PADDING_Y + LINE_HEIGHT + 1,
  }));
  group.append(svgText(PADDING_X, lineY(0), frame.title, 'graph-frame-title'));
  frame.rows.forEach((row, i) => {
    const name = svgText(PADDING_X, lineY(i + 1), row.name, 'graph-frame-name');
    name.dataset.row = String(i);
    group.append(name);
  });
  return group;
}

function nodeClasses(box) {
  const classes = ['graph-node', `graph-node-${box.kind}`];
  const node = box.object;
  if (node?.cycle) classes.push('graph-cycle');
  if (node?.unreachable) classes.push('graph-unreachable');
  if (node?.immortal) classes.push('graph-immortal');
  return classes.join(' ');
}

function drawNode(box, place) {
  const group = svgElement('g', { transform: `translate(${place.x} ${place.y})` }, nodeClasses(box));
  group.dataset.id = String(box.id);
  group.append(svgElement('rect', { width: place.width, height: place.height, rx: 5 }, 'graph-node-box'));
  box.lines.forEach((line, i) => {
    group.append(svgText(PADDING_X, lineY(i), line, i === 0 ? 'graph-node-type' : 'graph-node-line'));
  });
  if (box.object?.cycle) group.append(svgText(place.width - 4, lineY(0), '↻', 'graph-cycle-mark'));
  if (box.object?.unreachable) group.append(svgText(0, -4, 'unreachable', 'graph-unreachable-mark'));
  return group;
}

// Fills `content` (an SVG <g>) with the drawing; returns object id -> its <g>.
export function drawGraph(content, model, layout, markerPrefix) {
  const edges = svgElement('g', {}, 'graph-edges');
  const labels = svgElement('g', {}, 'graph-edge-labels');
  const boxes = svgElement('g', {}, 'graph-boxes');
  for (const edge of model.edges) {
    const laid = layout.edges.get(edge.key);
    const path = svgElement('path', {
      d: edgePath(laid.points), 'marker-end': `url(#${markerPrefix}-${edge.kind})`,
    }, `graph-edge graph-edge-${edge.kind}`);
    path.dataset.from = edge.from;
    path.dataset.to = edge.to;
    edges.append(path);
    if (laid.label) labels.append(svgText(laid.label.x, laid.label.y + 4, edge.label, 'graph-edge-label'));
  }
  for (const frame of model.frames) boxes.append(drawFrame(frame, layout.boxes.get(frame.key)));
  const elements = new Map();
  for (const box of [...model.nodes, ...model.extras]) {
    const element = drawNode(box, layout.boxes.get(box.key));
    elements.set(box.id, element);
    boxes.append(element);
  }
  content.replaceChildren(edges, labels, boxes);
  if (layout.extrasTop !== null) {
    const heading = model.nodes.length
      ? 'Objects this collection found unreachable, which the graph before it did not reach:'
      : 'Objects this collection found unreachable:';
    content.append(svgText(16, layout.extrasTop + LINE_HEIGHT, heading, 'graph-extras-heading'));
  }
  return elements;
}

// A button of the graph's and the step-through's tool bars; `title` is also
// its accessible name (the text may be a symbol).
export function toolButton(text, title, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text;
  button.title = title;
  button.setAttribute('aria-label', title);
  button.addEventListener('click', onClick);
  return button;
}
