// One pool opened: every block of it as a cell, those holding an object
// coloured by its type, those with no object of their own (a list's item
// array) striped, free ones grey, those the last step freed flashing.
// The blocks and their objects come from the session (app.requestPool) after
// each heap update; hovering or tapping a block names the object in it.
import { POOL_OVERHEAD, poolBlocks } from './arena-address.js';
import { blockLines, plural } from './arena-tooltips.js';
import { formatAddress, formatCount } from './format.js';
import { OTHER_TYPES_COLOR, typePalette } from './arena-type-palette.js';

const LABEL_MIN_BLOCK = 256;  // blocks this big get cells wide enough for their object's type

export class ArenaBlocks {
  #element;
  #summary;
  #legend;
  #grid;
  #tooltip;
  #requestPool;
  #cells = [];
  #address = null;
  #arenaIndex = null;
  #layout = null;  // {address, blockSize, sizeClass, capacity}, from the last pool_json
  #blocks = [];
  #unused = false;  // every block is free: the pool went back to its arena
  #loading = false;
  #error = null;
  #inFlight = false;
  #wanted = null;  // the pool entry of an update that arrived while a request was in flight
  #pendingFreed = new Set();  // freed blocks of this pool not drawn yet
  #dirty = false;  // read while the tab was hidden, not drawn yet
  #visible;

  // `requestPool(address)` is app.requestPool; `visible()` says whether to draw now.
  constructor(parent, tooltip, requestPool, visible) {
    this.#tooltip = tooltip;
    this.#requestPool = requestPool;
    this.#visible = visible;
    this.#element = document.createElement('section');
    this.#element.className = 'arena-blocks';
    this.#summary = document.createElement('p');
    this.#summary.className = 'arena-level-summary';
    this.#grid = document.createElement('div');
    this.#grid.className = 'arena-block-grid';
    this.#legend = document.createElement('div');
    this.#legend.className = 'arena-legend arena-block-legend';
    this.#element.append(this.#summary, this.#legend, this.#grid);
    parent.append(this.#element);

    this.#grid.addEventListener('mousemove', (event) => this.#hover(event.target, event.clientX, event.clientY));
    this.#grid.addEventListener('click', (event) => {
      const cell = event.target.closest('.arena-block');
      if (!cell) return;
      const rect = cell.getBoundingClientRect();
      this.#hover(cell, rect.left + rect.width / 2, rect.top + rect.height / 2);
    });
    this.#grid.addEventListener('mouseleave', () => this.#tooltip.hide());
  }

  get element() {
    return this.#element;
  }

  get address() {
    return this.#address;
  }

  // Opens the pool at `address` (an entry of arena #arenaIndex); refresh() reads it.
  open(address, arenaIndex) {
    if (address !== this.#address) {
      this.#layout = null;
      this.#blocks = [];
      this.#pendingFreed = new Set();
    }
    this.#address = address;
    this.#arenaIndex = arenaIndex;
    this.#renderWhenVisible();
  }

  // Reads the opened pool again after a heap update. `pool` is its entry in
  // the snapshot's memory; `freed` the addresses of its blocks the step freed.
  refresh(pool, freed) {
    for (const block of freed) this.#pendingFreed.add(block);
    if (pool.unused) {
      // No used block left: the pool went back to its arena, drawn all free.
      this.#apply(null);
      return;
    }
    if (this.#inFlight) {
      this.#wanted = pool;
      return;
    }
    this.#inFlight = true;
    this.#loading = true;
    const address = this.#address;
    this.#requestPool(address).then(
      (json) => this.#answered(address, json),
      (error) => this.#answered(address, { error: String(error?.message ?? error) }),
    );
  }

  // Draws what was read while the tab was hidden.
  draw() {
    if (this.#dirty) this.#render();
  }

  describe() {
    const layout = this.#layout;
    return {
      address: this.#address,
      arena: this.#arenaIndex,
      loading: this.#loading,
      error: this.#error,
      unused: this.#unused,
      blockSize: layout?.blockSize ?? null,
      sizeClass: layout?.sizeClass ?? null,
      capacity: layout?.capacity ?? 0,
      used: this.#blocks.filter((block) => block.state !== 'free').length,
      freed: this.#blocks.filter((block) => block.freed).length,
      blocks: this.#blocks,
    };
  }

  #answered(address, json) {
    this.#inFlight = false;
    if (address === this.#address) {  // else another pool was opened meanwhile
      if (json.error) this.#failed(json.error);
      else this.#apply(json);
    }
    const wanted = this.#wanted;
    this.#wanted = null;
    if (wanted) this.refresh(wanted, []);
  }

  // `json` is pool_json, or null for a pool that is unused now.
  #apply(json) {
    this.#loading = false;
    this.#error = null;
    this.#unused = json === null;
    if (json) this.#layout = { address: json.address, blockSize: json.block_size, sizeClass: json.szidx, capacity: json.capacity };
    this.#blocks = this.#layout ? poolBlocks(this.#layout, json ? json.blocks : [], this.#pendingFreed) : [];
    // Blocks freed by a step whose answer is still to come wait for it.
    if (this.#wanted) {
      for (const block of this.#blocks) if (block.freed) this.#pendingFreed.delete(block.address);
    } else {
      this.#pendingFreed = new Set();
    }
    this.#renderWhenVisible();
  }

  // The session could not read the pool: what was shown stays, with the reason.
  #failed(error) {
    this.#loading = false;
    this.#error = error;
    this.#renderWhenVisible();
  }

  #renderWhenVisible() {
    if (this.#visible()) this.#render();
    else this.#dirty = true;
  }

  #render() {
    this.#dirty = false;
    const layout = this.#layout;
    if (!layout) {
      this.#summary.textContent = this.#error
        ? `Could not read pool ${formatAddress(this.#address)}: ${this.#error}`
        : `Reading pool ${formatAddress(this.#address)}…`;
      this.#grid.replaceChildren();
      this.#cells = [];
      return;
    }
    const used = this.#blocks.filter((block) => block.state !== 'free').length;
    const freed = this.#blocks.filter((block) => block.freed).length;
    this.#summary.textContent = [
      `Pool ${formatAddress(layout.address)} in arena #${this.#arenaIndex}: ` +
        `${layout.blockSize}-byte blocks (size class ${layout.sizeClass}), ` +
        `${formatCount(used)} used, ${formatCount(layout.capacity - used)} free of ${formatCount(layout.capacity)}.`,
      `Its first ${POOL_OVERHEAD} bytes are the pool header.`,
      this.#unused ? 'Every block is free: the pool went back to its arena\'s free pools.' : '',
      freed > 0 ? `The last step freed ${plural(freed, 'block')} here.` : '',
      this.#error ? `(Could not read it again: ${this.#error})` : '',
    ].filter(Boolean).join(' ');

    const large = layout.blockSize >= LABEL_MIN_BLOCK;
    const palette = typePalette(this.#blocks);
    const colors = new Map(palette.types.map(({ type, color }) => [type, color]));
    this.#renderLegend(palette);
    this.#grid.style.setProperty('--cell-size', `${cellSize(layout.blockSize)}px`);
    while (this.#cells.length < this.#blocks.length) {
      const cell = document.createElement('div');
      cell.dataset.index = String(this.#cells.length);
      this.#grid.append(cell);
      this.#cells.push(cell);
    }
    while (this.#cells.length > this.#blocks.length) this.#cells.pop().remove();
    this.#blocks.forEach((block, index) => {
      const cell = this.#cells[index];
      cell.className = `arena-block is-${block.state}`;
      cell.style.background = block.object ? (colors.get(block.object.type) ?? OTHER_TYPES_COLOR) : '';
      cell.textContent = large && block.object ? block.object.type : '';
    });
    if (freed === 0) return;
    void this.#grid.offsetWidth;  // a style flush between removing and re-adding restarts the animation
    this.#blocks.forEach((block, index) => {
      if (block.freed) this.#cells[index].classList.add('is-freed');
    });
  }

  // The types in the pool with their colours and counts, then the other cell kinds.
  #renderLegend(palette) {
    const items = palette.types.map(({ type, count, color }) => legendItem(`${type} ×${formatCount(count)}`, '', color));
    if (palette.other > 0) items.push(legendItem(`other types ×${formatCount(palette.other)}`, '', OTHER_TYPES_COLOR));
    items.push(
      legendItem('no object (internal storage)', 'is-storage'),
      legendItem('free', 'is-free'),
      legendItem('freed by the last step', 'is-free is-freed-mark'),
    );
    this.#legend.replaceChildren(...items);
  }

  #hover(target, clientX, clientY) {
    const cell = target.closest?.('.arena-block');
    const block = cell && this.#blocks[Number(cell.dataset.index)];
    if (!block) {
      this.#tooltip.hide();
      return;
    }
    this.#tooltip.show(blockLines(block, this.#layout.blockSize), clientX, clientY);
  }
}

// Cells grow with the block size, so a pool of big blocks shows fewer, larger cells.
function cellSize(blockSize) {
  return Math.max(14, Math.min(64, Math.round(8 + blockSize / 8)));
}

function legendItem(text, state, color = '') {
  const item = document.createElement('span');
  item.className = 'legend-item';
  const swatch = document.createElement('span');
  swatch.className = `legend-swatch arena-block-swatch ${state}`;
  swatch.style.background = color;
  const label = document.createElement('span');
  label.textContent = text;
  item.append(swatch, label);
  return item;
}
