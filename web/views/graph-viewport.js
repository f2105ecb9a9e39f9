// Pan and zoom of an SVG drawing: the wheel zooms around the pointer, a drag
// pans, two fingers pinch; fit() shows the whole drawing.
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const WHEEL_STEP = 1.0015;  // per wheel delta pixel
const FIT_MARGIN = 12;

export class GraphViewport {
  #svg;
  #content;
  #x = 0;
  #y = 0;
  #scale = 1;
  #pointers = new Map();  // pointerId -> {x, y}
  #pinch = null;          // {distance, scale} when two pointers are down
  #dragged = false;
  #moved;

  // `content`: the <g> that holds the drawing, transformed inside `svg`;
  // `moved()` is called when the user pans or zooms.
  constructor(svg, content, moved) {
    this.#svg = svg;
    this.#content = content;
    this.#moved = moved;
    svg.addEventListener('wheel', (event) => this.#wheel(event), { passive: false });
    svg.addEventListener('pointerdown', (event) => this.#down(event));
    svg.addEventListener('pointermove', (event) => this.#move(event));
    svg.addEventListener('pointerup', (event) => this.#up(event));
    svg.addEventListener('pointercancel', (event) => this.#up(event));
  }

  get scale() {
    return this.#scale;
  }

  // Whether the last pointer press moved the drawing (then it was no click).
  get dragged() {
    return this.#dragged;
  }

  get dragging() {
    return this.#dragged && this.#pointers.size > 0;
  }

  // Shows the drawing's rectangle (left, top, width, height) whole and
  // centred, never larger than 1:1.
  fit(width, height, left = 0, top = 0) {
    const { clientWidth, clientHeight } = this.#svg;
    if (!clientWidth || !clientHeight || !width || !height) return;
    const scale = Math.min(1, (clientWidth - 2 * FIT_MARGIN) / width, (clientHeight - 2 * FIT_MARGIN) / height);
    this.#scale = Math.max(MIN_SCALE, scale);
    this.#x = (clientWidth - width * this.#scale) / 2 - left * this.#scale;
    this.#y = (clientHeight - height * this.#scale) / 2 - top * this.#scale;
    this.#apply();
  }

  // At `scale`, drawing point (x, y) at the view's centre.
  centerOn(x, y, scale = this.#scale) {
    this.#scale = scale;
    this.#x = this.#svg.clientWidth / 2 - x * scale;
    this.#y = this.#svg.clientHeight / 2 - y * scale;
    this.#apply();
  }

  // At `scale`, drawing point (x, y) at the view's left edge, half way down.
  showAtLeft(x, y, scale) {
    this.#scale = scale;
    this.#x = FIT_MARGIN - x * scale;
    this.#y = this.#svg.clientHeight / 2 - y * scale;
    this.#apply();
  }

  // At `scale` (1:1 by default) with the drawing's top left corner in view.
  reset(scale = 1) {
    this.#scale = scale;
    this.#x = FIT_MARGIN;
    this.#y = FIT_MARGIN;
    this.#apply();
  }

  // Zooms by `factor` around the view's centre.
  zoomBy(factor) {
    this.#zoomAt(factor, this.#svg.clientWidth / 2, this.#svg.clientHeight / 2);
  }

  #zoomAt(factor, px, py) {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.#scale * factor));
    // Keep the drawing point under (px, py) where it is.
    this.#x = px - (px - this.#x) * (scale / this.#scale);
    this.#y = py - (py - this.#y) * (scale / this.#scale);
    this.#scale = scale;
    this.#apply();
  }

  #apply() {
    this.#content.setAttribute('transform', `translate(${this.#x} ${this.#y}) scale(${this.#scale})`);
  }

  #local(event) {
    const rect = this.#svg.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  #wheel(event) {
    event.preventDefault();
    const { x, y } = this.#local(event);
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.#zoomAt(WHEEL_STEP ** -delta, x, y);
    this.#moved();
  }

  #down(event) {
    if (event.button !== 0) return;
    this.#pointers.set(event.pointerId, this.#local(event));
    this.#dragged = false;
    if (this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()];
      this.#pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y), scale: this.#scale };
    }
  }

  #move(event) {
    const last = this.#pointers.get(event.pointerId);
    if (!last) return;
    const point = this.#local(event);
    this.#pointers.set(event.pointerId, point);
    if (this.#pinch && this.#pointers.size === 2) {
      const [a, b] = [...this.#pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const target = this.#pinch.scale * (distance / Math.max(1, this.#pinch.distance));
      this.#zoomAt(target / this.#scale, (a.x + b.x) / 2, (a.y + b.y) / 2);
      this.#dragged = true;
      this.#moved();
      return;
    }
    const dx = point.x - last.x;
    const dy = point.y - last.y;
    if (!this.#dragged && Math.abs(dx) + Math.abs(dy) < 3) {
      this.#pointers.set(event.pointerId, last);  // a click's jitter is no drag
      return;
    }
    if (!this.#dragged) this.#svg.setPointerCapture(event.pointerId);
    this.#dragged = true;
    this.#x += dx;
    this.#y += dy;
    this.#apply();
    this.#moved();
  }

  #up(event) {
    this.#pointers.delete(event.pointerId);
    if (this.#pointers.size < 2) this.#pinch = null;
  }
}
