// The arenas overview: one row per 1 MiB arena, one cell per 16 KiB pool. A
// cell's colour is its size class, its brightness how full it is; unused pools
// are grey, pools the last step changed are outlined, and pools where it freed
// blocks flash, then keep a red outline. Clicking a row opens that arena.
import { poolSummary } from './arena-changes.js';
import { arenaLines, plural, poolLines } from './arena-tooltips.js';
import { CHANGED_OUTLINE, FREED_COLOR, poolColor, UNUSED_POOL_COLOR } from './size-class-palette.js';

const ROW_HEIGHT = 24;  // as .arena-row-pools in arena-map.css
const CELL_GAP = 1;
const FLASH_MS = 1400;  // as the arena-freed-flash animation in arena-map.css

export class ArenaGrid {
  #list;
  #tooltip;
  #onOpen;
  #rows = [];  // {element, label, canvas, free}, one per arena shown
  #arenas = [];
  #poolsPerArena = 64;
  #changed = new Set();
  #freedPools = new Map();  // pool address -> blocks freed there by the last step
  #flashStart = -Infinity;
  #frame = 0;

  // `onOpen(arenaAddress)` is called when a row is clicked.
  constructor(parent, tooltip, onOpen) {
    this.#tooltip = tooltip;
    this.#onOpen = onOpen;
    this.#list = document.createElement('div');
    this.#list.className = 'arena-rows';
    this.#list.setAttribute('aria-label', 'Arenas and their pools');
    parent.append(this.#list);
    new ResizeObserver(() => this.draw()).observe(this.#list);
  }

  // `changed` is a Set and `freedPools` a Map by pool address (arena-changes.js).
  update(memory, changed, freedPools) {
    this.#arenas = memory.arenas;
    this.#poolsPerArena = memory.arena_size / memory.pool_size;
    this.#changed = changed;
    this.#freedPools = freedPools;
    while (this.#rows.length < this.#arenas.length) this.#rows.push(this.#createRow(this.#rows.length));
    while (this.#rows.length > this.#arenas.length) this.#rows.pop().element.remove();
    this.#arenas.forEach((arena, row) => {
      const { element, label, free } = this.#rows[row];
      element.dataset.arena = String(arena.index);
      element.setAttribute('aria-label', `Arena #${arena.index}, ${arena.free_pools} of ${arena.total_pools} pools free: open`);
      label.textContent = `#${arena.index}`;
      free.textContent = `${arena.free_pools} free`;
    });
  }

  // Starts the flash of the pools where the last step freed blocks.
  flash() {
    this.#flashStart = performance.now();
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#animate());
  }

  // What is drawn, one entry per pool cell: for tests and tools.
  pools() {
    return this.#arenas.flatMap((arena, row) => arena.pools.map((pool, slot) => ({
      row,
      arena: arena.index,
      ...poolSummary(pool, slot, this.#changed, this.#freedPools),
    })));
  }

  // The viewport point at the centre of a pool's cell, after scrolling its row into view.
  poolCenter(row, slot) {
    const { element, canvas } = this.#rows[row];
    element.scrollIntoView({ block: 'nearest' });
    const rect = canvas.getBoundingClientRect();
    const pitch = rect.width / this.#poolsPerArena;
    return { x: rect.left + (slot + 0.5) * pitch, y: rect.top + rect.height / 2 };
  }

  draw() {
    const elapsed = performance.now() - this.#flashStart;
    const flash = elapsed < FLASH_MS ? 1 - elapsed / FLASH_MS : 0;
    this.#arenas.forEach((arena, row) => this.#drawRow(arena, this.#rows[row].canvas, flash));
  }

  #createRow(row) {
    const element = document.createElement('div');
    element.className = 'arena-row';
    element.dataset.row = String(row);
    element.tabIndex = 0;
    element.setAttribute('role', 'button');
    const label = document.createElement('span');
    label.className = 'arena-row-label';
    const canvas = document.createElement('canvas');
    canvas.className = 'arena-row-pools';
    const free = document.createElement('span');
    free.className = 'arena-row-free';
    element.append(label, canvas, free);
    this.#list.append(element);

    const open = () => this.#onOpen(this.#arenas[row].address);
    element.addEventListener('click', open);
    element.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      open();
    });
    label.addEventListener('mousemove', (event) => {
      this.#tooltip.show(arenaLines(this.#arenas[row]), event.clientX, event.clientY);
    });
    canvas.addEventListener('mousemove', (event) => this.#hoverPool(row, canvas, event));
    element.addEventListener('mouseleave', () => this.#tooltip.hide());
    return { element, label, canvas, free };
  }

  #drawRow(arena, canvas, flash) {
    const width = canvas.clientWidth;
    if (width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * ratio);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    canvas.height = Math.round(ROW_HEIGHT * ratio);
    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, ROW_HEIGHT);
    const pitch = width / this.#poolsPerArena;
    const cellWidth = Math.max(1, pitch - CELL_GAP);
    arena.pools.forEach((pool, slot) => {
      const left = slot * pitch;
      context.fillStyle = pool.unused ? UNUSED_POOL_COLOR : poolColor(pool.szidx, pool.used / pool.capacity);
      context.fillRect(left, 0, cellWidth, ROW_HEIGHT);
      const freed = this.#freedPools.has(pool.address);
      if (freed && flash > 0) {
        context.globalAlpha = flash;
        context.fillStyle = FREED_COLOR;
        context.fillRect(left, 0, cellWidth, ROW_HEIGHT);
        context.globalAlpha = 1;
      }
      if (freed || this.#changed.has(pool.address)) {
        context.strokeStyle = freed ? FREED_COLOR : CHANGED_OUTLINE;
        context.lineWidth = 1;
        context.strokeRect(left + 0.5, 0.5, Math.max(0, cellWidth - 1), ROW_HEIGHT - 1);
      }
    });
  }

  #animate() {
    this.draw();
    this.#frame = performance.now() - this.#flashStart < FLASH_MS ? requestAnimationFrame(() => this.#animate()) : 0;
  }

  #hoverPool(row, canvas, event) {
    const arena = this.#arenas[row];
    const rect = canvas.getBoundingClientRect();
    const pitch = rect.width / this.#poolsPerArena;
    const slot = Math.floor((event.clientX - rect.left) / pitch);
    const pool = arena.pools[slot];
    if (!pool) {
      this.#tooltip.hide();
      return;
    }
    const lines = poolLines(pool, arena, this.#freedPools.get(pool.address));
    this.#tooltip.show([...lines, `click: open arena #${arena.index} (${plural(this.#poolsPerArena, 'pool')})`],
      event.clientX, event.clientY);
  }
}
