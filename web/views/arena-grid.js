// The arenas drawn as rows of pools: one row per 1 MiB arena, one cell per
// 16 KiB pool. A cell's colour is its size class, its brightness how full it
// is; unused pools are grey, and pools the last input changed are outlined.
import { formatAddress, formatCount } from './format.js';
import { blockSize, poolColor, UNUSED_POOL_COLOR } from './size-class-palette.js';

const POOLS_PER_ROW = 64;
const LABEL_WIDTH = 40;
const FREE_COLUMN_WIDTH = 56;
const CELL_GAP = 1;
const ROW_GAP = 4;
const MIN_ROW_HEIGHT = 12;
const MAX_ROW_HEIGHT = 20;
const TEXT_COLOR = '#8b95a7';
const CHANGED_OUTLINE = '#f5f7fa';
const FONT = '11px ui-monospace, "SF Mono", Menlo, Consolas, monospace';

export class ArenaGrid {
  #scroller;
  #canvas;
  #tooltip;
  #arenas = [];
  #changed = new Set();  // addresses of pools that differ from the previous snapshot
  #previousPools = null;  // address -> signature, from the previous snapshot
  #layout = null;

  constructor(parent, tooltip) {
    this.#tooltip = tooltip;
    this.#scroller = document.createElement('div');
    this.#scroller.className = 'arena-grid-scroll';
    this.#canvas = document.createElement('canvas');
    this.#canvas.className = 'arena-grid';
    this.#canvas.setAttribute('aria-label', 'Arenas and their pools');
    this.#scroller.append(this.#canvas);
    parent.append(this.#scroller);

    this.#canvas.addEventListener('mousemove', (event) => this.#hover(event));
    this.#canvas.addEventListener('mouseleave', () => this.#tooltip.hide());
    new ResizeObserver(() => this.#draw()).observe(this.#scroller);
  }

  update(arenas) {
    const pools = new Map();
    for (const arena of arenas) {
      for (const pool of arena.pools) pools.set(pool.address, poolSignature(pool));
    }
    this.#changed = new Set();
    if (this.#previousPools) {
      for (const [address, signature] of pools) {
        if (this.#previousPools.get(address) !== signature) this.#changed.add(address);
      }
    }
    this.#previousPools = pools;
    this.#arenas = arenas;
    this.#draw();
  }

  // What is drawn, one entry per pool cell: for tests and tools.
  pools() {
    return this.#arenas.flatMap((arena, row) => arena.pools.map((pool, slot) => ({
      row,
      arena: arena.index,
      slot,
      address: pool.address,
      unused: Boolean(pool.unused),
      sizeClass: pool.unused ? null : pool.szidx,
      used: pool.unused ? 0 : pool.used,
      capacity: pool.unused ? 0 : pool.capacity,
      changed: this.#changed.has(pool.address),
    })));
  }

  // The viewport point at the centre of a pool's cell, after scrolling it into view.
  poolCenter(row, slot) {
    const layout = this.#layout;
    const y = row * layout.rowPitch;
    this.#scroller.scrollTop = Math.max(0, y - this.#scroller.clientHeight / 2);
    const rect = this.#canvas.getBoundingClientRect();
    return {
      x: rect.left + LABEL_WIDTH + slot * layout.cellPitch + layout.cellWidth / 2,
      y: rect.top + y + layout.cellHeight / 2,
    };
  }

  // Cells as wide as 64 fit; rows taller while few arenas leave room (easier
  // to read and to point at), never shorter than the row labels.
  #computeLayout(width, height) {
    const available = width - LABEL_WIDTH - FREE_COLUMN_WIDTH;
    const cellPitch = Math.max(4, Math.min(14, Math.floor(available / POOLS_PER_ROW)));
    const cellWidth = cellPitch - CELL_GAP;
    const rowsHeight = Math.floor(height / Math.max(1, this.#arenas.length)) - ROW_GAP;
    const cellHeight = Math.max(MIN_ROW_HEIGHT, Math.min(MAX_ROW_HEIGHT, rowsHeight));
    return { width, cellPitch, cellWidth, cellHeight, rowPitch: cellHeight + ROW_GAP };
  }

  #draw() {
    const width = this.#scroller.clientWidth;
    if (width === 0) return;
    const layout = this.#computeLayout(width, this.#scroller.clientHeight);
    this.#layout = layout;
    const height = Math.max(layout.rowPitch, this.#arenas.length * layout.rowPitch);
    const ratio = window.devicePixelRatio || 1;
    this.#canvas.width = Math.round(width * ratio);
    this.#canvas.height = Math.round(height * ratio);
    this.#canvas.style.width = `${width}px`;
    this.#canvas.style.height = `${height}px`;

    const context = this.#canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.font = FONT;
    context.textBaseline = 'middle';

    this.#arenas.forEach((arena, row) => {
      const top = row * layout.rowPitch;
      const middle = top + layout.cellHeight / 2;
      context.fillStyle = TEXT_COLOR;
      context.textAlign = 'left';
      context.fillText(`#${arena.index}`, 0, middle);
      context.textAlign = 'right';
      context.fillText(`${arena.free_pools} free`, width, middle);

      arena.pools.forEach((pool, slot) => {
        const left = LABEL_WIDTH + slot * layout.cellPitch;
        context.fillStyle = pool.unused ? UNUSED_POOL_COLOR : poolColor(pool.szidx, pool.used / pool.capacity);
        context.fillRect(left, top, layout.cellWidth, layout.cellHeight);
        if (this.#changed.has(pool.address)) {
          context.strokeStyle = CHANGED_OUTLINE;
          context.lineWidth = 1;
          context.strokeRect(left + 0.5, top + 0.5, layout.cellWidth - 1, layout.cellHeight - 1);
        }
      });
    });
  }

  #hover(event) {
    const layout = this.#layout;
    const rect = this.#canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const row = Math.floor(y / layout.rowPitch);
    const arena = this.#arenas[row];
    if (!arena || y - row * layout.rowPitch > layout.cellHeight) {
      this.#tooltip.hide();
      return;
    }
    if (x < LABEL_WIDTH) {
      this.#tooltip.show(describeArena(arena), event.clientX, event.clientY);
      return;
    }
    const slot = Math.floor((x - LABEL_WIDTH) / layout.cellPitch);
    const pool = arena.pools[slot];
    if (!pool || x - LABEL_WIDTH - slot * layout.cellPitch > layout.cellWidth) {
      this.#tooltip.hide();
      return;
    }
    this.#tooltip.show(describePool(pool, arena), event.clientX, event.clientY);
  }
}

function poolSignature(pool) {
  return pool.unused ? 'unused' : `${pool.szidx}:${pool.used}`;
}

function describeArena(arena) {
  return [
    `Arena #${arena.index}`,
    `at ${formatAddress(arena.address)}`,
    `${arena.free_pools} of ${arena.total_pools} pools free`,
  ];
}

function describePool(pool, arena) {
  const where = `pool ${formatAddress(pool.address)} in arena #${arena.index}`;
  if (pool.unused) return ['Unused pool', where];
  return [
    `Size class ${pool.szidx}: ${blockSize(pool.szidx)}-byte blocks`,
    `${formatCount(pool.used)} used, ${formatCount(pool.capacity - pool.used)} free of ${formatCount(pool.capacity)}`,
    where,
  ];
}
