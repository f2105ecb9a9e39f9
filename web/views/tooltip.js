// A floating box of plain text lines next to the mouse pointer. Lines are set
// with textContent: pool data never becomes markup.
export class Tooltip {
  #element;

  constructor(parent) {
    this.#element = document.createElement('div');
    this.#element.className = 'map-tooltip';
    this.#element.setAttribute('role', 'tooltip');
    this.#element.hidden = true;
    parent.append(this.#element);
  }

  get element() {
    return this.#element;
  }

  // `lines[0]` is shown as the heading.
  show(lines, clientX, clientY) {
    this.#element.replaceChildren(...lines.map((text, i) => {
      const line = document.createElement('div');
      line.className = i === 0 ? 'map-tooltip-heading' : 'map-tooltip-line';
      line.textContent = text;
      return line;
    }));
    this.#element.hidden = false;
    const margin = 14;
    const { width, height } = this.#element.getBoundingClientRect();
    const left = clientX + margin + width > window.innerWidth ? clientX - margin - width : clientX + margin;
    const top = clientY + margin + height > window.innerHeight ? clientY - margin - height : clientY + margin;
    this.#element.style.left = `${Math.max(0, left)}px`;
    this.#element.style.top = `${Math.max(0, top)}px`;
  }

  hide() {
    this.#element.hidden = true;
  }
}
