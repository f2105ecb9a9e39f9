// Places the graph model's boxes with dagre, roots on the left and arrows
// pointing right; the step-through's extra objects go in rows below.
import dagre from '@dagrejs/dagre';
import { CHAR_WIDTH, LINE_HEIGHT, PADDING_Y } from './graph-model.js';

const NODE_GAP = 14;
const RANK_GAP = 56;
const MARGIN = 16;
const LARGE_GRAPH = 120;  // objects
const EXTRAS_GAP = 48;  // between the graph and the rows of extra objects
const EXTRAS_MIN_WIDTH = 720;
const EXTRAS_HEADING_GAP = 24;  // room for the step-through's tags above the boxes
const EXTRAS_SPACING = 24;      // between two extra objects in a row (their tags are wider)

// Returns {boxes: Map key -> {x, y, width, height} (top left corner),
// edges: Map key -> {points: [{x, y}], label: {x, y} | null}, width, height,
// extrasTop (null without extras)}.
export function layoutGraph(model) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // network-simplex ranks best; longest-path takes half the time on big graphs.
  const ranker = model.nodes.length > LARGE_GRAPH ? 'longest-path' : 'network-simplex';
  g.setGraph({
    rankdir: 'LR', ranker, nodesep: NODE_GAP, ranksep: RANK_GAP, edgesep: 8, marginx: MARGIN, marginy: MARGIN,
  });
  for (const box of [...model.frames, ...model.nodes]) g.setNode(box.key, { width: box.width, height: box.height });
  for (const edge of model.edges) {
    const label = edge.label ? { width: edge.label.length * CHAR_WIDTH + 6, height: LINE_HEIGHT, labelpos: 'c' } : {};
    g.setEdge(edge.from, edge.to, label, edge.key);
  }
  dagre.layout(g);

  const boxes = new Map();
  for (const key of g.nodes()) {
    const { x, y, width, height } = g.node(key);
    boxes.set(key, { x: x - width / 2, y: y - height / 2, width, height });
  }
  const edges = new Map();
  for (const edge of model.edges) {
    const laid = g.edge(edge.from, edge.to, edge.key);
    const points = laid.points.map(({ x, y }) => ({ x, y }));
    if (edge.row !== null) {
      // A name's arrow leaves from its row of the frame's table.
      const frame = boxes.get(edge.from);
      points[0] = { x: frame.x + frame.width, y: frame.y + PADDING_Y + (edge.row + 1.5) * LINE_HEIGHT };
    }
    edges.set(edge.key, { points, label: edge.label ? { x: laid.x, y: laid.y } : null });
  }

  // dagre leaves an empty graph's size infinite.
  const empty = g.nodeCount() === 0;
  let width = empty ? 0 : g.graph().width;
  let height = empty ? 0 : g.graph().height;
  let extrasTop = null;
  if (model.extras.length) {
    extrasTop = empty ? MARGIN : height + EXTRAS_GAP;
    const rowWidth = Math.max(width, EXTRAS_MIN_WIDTH);
    let x = MARGIN;
    let y = extrasTop + LINE_HEIGHT + EXTRAS_HEADING_GAP;  // a heading line above them
    let rowHeight = 0;
    for (const box of model.extras) {
      if (x > MARGIN && x + box.width > rowWidth - MARGIN) {
        x = MARGIN;
        y += rowHeight + EXTRAS_HEADING_GAP;
        rowHeight = 0;
      }
      boxes.set(box.key, { x, y, width: box.width, height: box.height });
      x += box.width + EXTRAS_SPACING;
      rowHeight = Math.max(rowHeight, box.height);
    }
    width = Math.max(width, rowWidth);
    height = y + rowHeight + MARGIN;
  }
  return { boxes, edges, width, height, extrasTop };
}
