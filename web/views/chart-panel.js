// What the GC, tracemalloc and memory panels build their pages from: a
// header with a note, an empty-state message, sections, tables, legend
// swatches, buttons. Every text is set with textContent.
import './chart-panel.css';

export function element(tag, className = null, text = null) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== null) node.textContent = text;
  return node;
}

// A panel's header: its title and a note beside it (returned, to be filled in).
export function panelHeader(parent, title) {
  const header = element('header', 'chart-view-header');
  const note = element('span', 'chart-view-note');
  header.append(element('h2', 'panel-title', title), note);
  parent.append(header);
  return note;
}

// A titled section of a panel.
export function panelSection(parent, title) {
  const section = element('section', 'chart-view-section');
  section.append(element('h3', null, title));
  parent.append(section);
  return section;
}

export function button(text) {
  const node = element('button', 'chart-view-button', text);
  node.type = 'button';
  return node;
}

// A table with a header row of `columns`, scrolling sideways when the panel
// is narrower; returns its body.
export function table(parent, className, columns) {
  const scroller = element('div', 'chart-view-table-scroll');
  const node = element('table', `chart-view-table ${className}`);
  const head = element('thead');
  head.append(tableRow('th', columns));
  const body = element('tbody');
  node.append(head, body);
  scroller.append(node);
  parent.append(scroller);
  return body;
}

export function tableRow(cellTag, texts) {
  const tr = document.createElement('tr');
  tr.append(...texts.map((text) => element(cellTag, null, text)));
  return tr;
}

export function legendItem(color, label, dashed = false) {
  const item = element('span', 'chart-view-legend-item');
  const box = element('span', `chart-view-swatch${dashed ? ' dashed' : ''}`);
  box.style.setProperty('--swatch', color);
  item.append(box, document.createTextNode(label));
  return item;
}

// Whether `host` is laid out (its tab is the visible one).
export function isShown(host) {
  return host.getClientRects().length > 0;
}
