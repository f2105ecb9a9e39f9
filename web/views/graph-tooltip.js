// The object graph's hover box: plain text lines (textContent only) next to
// the pointer, the first one as its heading.
const MARGIN = 14;

export class GraphTooltip {
  #element;

  constructor(parent) {
    this.#element = document.createElement('div');
    this.#element.className = 'graph-tooltip';
    this.#element.setAttribute('role', 'tooltip');
    this.#element.hidden = true;
    parent.append(this.#element);
  }

  show(lines, clientX, clientY) {
    this.#element.replaceChildren(...lines.map((text, i) => {
      const line = document.createElement('div');
      line.className = i === 0 ? 'graph-tooltip-heading' : 'graph-tooltip-line';
      line.textContent = text;
      return line;
    }));
    this.#element.hidden = false;
    // Beside the pointer, on the side where it fits.
    const { width, height } = this.#element.getBoundingClientRect();
    const left = clientX + MARGIN + width > window.innerWidth ? clientX - MARGIN - width : clientX + MARGIN;
    const top = clientY + MARGIN + height > window.innerHeight ? clientY - MARGIN - height : clientY + MARGIN;
    this.#element.style.left = `${Math.max(0, left)}px`;
    this.#element.style.top = `${Math.max(0, top)}px`;
  }

  hide() {
    this.#element.hidden = true;
  }
}
