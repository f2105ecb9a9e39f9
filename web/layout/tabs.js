// The views' tab strip: one button per view, one panel each; only the
// selected panel is shown. Arrow keys move between tabs, as WAI-ARIA's tabs do.
import './tabs.css';

export class Tabs {
  #buttons = new Map();  // id -> button
  #panels = new Map();   // id -> panel element
  #selected = null;
  #listeners = [];

  // `tabs`: [{id, label}], in order.
  constructor(host, tabs) {
    const strip = document.createElement('div');
    strip.className = 'tab-strip';
    strip.setAttribute('role', 'tablist');
    strip.setAttribute('aria-label', 'Views');
    const panels = document.createElement('div');
    panels.className = 'tab-panels';
    for (const { id, label } of tabs) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tab';
      button.id = `tab-${id}`;
      button.dataset.tab = id;
      button.textContent = label;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-controls', `view-${id}`);
      button.addEventListener('click', () => this.show(id));
      button.addEventListener('keydown', (event) => this.#moveFocus(event, id));
      strip.append(button);
      this.#buttons.set(id, button);

      const panel = document.createElement('section');
      panel.className = 'tab-panel';
      panel.id = `view-${id}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', button.id);
      panels.append(panel);
      this.#panels.set(id, panel);
    }
    host.append(strip, panels);
    this.show(tabs[0].id);
  }

  // The element a view draws into.
  host(id) {
    return this.#panels.get(id);
  }

  get selected() {
    return this.#selected;
  }

  show(id) {
    if (!this.#panels.has(id) || id === this.#selected) return;
    this.#selected = id;
    for (const [tab, button] of this.#buttons) {
      const selected = tab === id;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      this.#panels.get(tab).hidden = !selected;
    }
    for (const listener of this.#listeners) listener(id);
  }

  onShow(listener) {
    this.#listeners.push(listener);
  }

  #moveFocus(event, id) {
    const ids = [...this.#buttons.keys()];
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = ids[(ids.indexOf(id) + step + ids.length) % ids.length];
    this.show(next);
    this.#buttons.get(next).focus();
    event.preventDefault();
  }
}
