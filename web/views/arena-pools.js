// One arena opened: its 64 pools as a grid of cells, each with its block size
// and how many of its blocks are used. Colours as in the overview; clicking a
// used pool opens its blocks.
import { poolSummary } from './arena-changes.js';
import { formatAddress, formatCount } from './format.js';
import { plural, poolLines } from './arena-tooltips.js';
import { poolColor, UNUSED_POOL_COLOR } from './size-class-palette.js';

export class ArenaPools {
  #element;
  #summary;
  #grid;
  #tooltip;
  #onOpen;
  #cells = [];  // {button, size, count, fill}, one per pool slot
  #arena = null;
  #changed = new Set();
  #freedPools = new Map();

  // `onOpen(poolAddress)` is called when a used pool is clicked.
  constructor(parent, tooltip, onOpen) {
    this.#tooltip = tooltip;
    this.#onOpen = onOpen;
    this.#element = document.createElement('section');
    this.#element.className = 'arena-pools';
    this.#summary = document.createElement('p');
    this.#summary.className = 'arena-level-summary';
    this.#grid = document.createElement('div');
    this.#grid.className = 'arena-pool-grid';
    this.#element.append(this.#summary, this.#grid);
    parent.append(this.#element);
    this.#grid.addEventListener('mouseleave', () => this.#tooltip.hide());
  }

  get element() {
    return this.#element;
  }

  // `arena` is an entry of memory.arenas; `changed` and `freedPools` as for ArenaGrid.
  update(arena, changed, freedPools) {
    this.#arena = arena;
    this.#changed = changed;
    this.#freedPools = freedPools;
    const used = arena.pools.filter((pool) => !pool.unused);
    const blocks = used.reduce((sum, pool) => sum + pool.used, 0);
    this.#summary.textContent = `Arena #${arena.index} at ${formatAddress(arena.address)}: ` +
      `${plural(used.length, 'pool')} in use holding ${plural(blocks, 'block')}, ` +
      `${arena.free_pools} of ${arena.total_pools} pools free. Click a pool to see its blocks.`;

    while (this.#cells.length < arena.pools.length) this.#cells.push(this.#createCell(this.#cells.length));
    while (this.#cells.length > arena.pools.length) this.#cells.pop().button.remove();
    arena.pools.forEach((pool, slot) => {
      const { button, size, count, fill } = this.#cells[slot];
      button.dataset.address = String(pool.address);
      button.setAttribute('aria-disabled', String(Boolean(pool.unused)));
      button.classList.toggle('is-unused', Boolean(pool.unused));
      button.classList.toggle('is-changed', this.#changed.has(pool.address));
      button.classList.toggle('has-freed', this.#freedPools.has(pool.address));
      button.classList.remove('is-flashing');
      if (pool.unused) {
        button.style.background = UNUSED_POOL_COLOR;
        button.setAttribute('aria-label', `unused pool ${formatAddress(pool.address)}`);
        size.textContent = '';
        count.textContent = '';
        fill.style.width = '0';
        return;
      }
      button.style.background = poolColor(pool.szidx, pool.used / pool.capacity);
      button.setAttribute('aria-label',
        `pool ${formatAddress(pool.address)}: ${pool.block_size}-byte blocks, ${pool.used} of ${pool.capacity} used: open`);
      size.textContent = `${pool.block_size} B`;
      count.textContent = `${formatCount(pool.used)}/${formatCount(pool.capacity)}`;
      fill.style.width = `${(100 * pool.used) / pool.capacity}%`;
    });
  }

  // Restarts the flash of the pools where the last step freed blocks.
  flash() {
    const freed = this.#cells.filter(({ button }) => this.#freedPools.has(Number(button.dataset.address)));
    if (freed.length === 0) return;
    void this.#grid.offsetWidth;  // a style flush between removing and re-adding restarts the animation
    for (const { button } of freed) button.classList.add('is-flashing');
  }

  describe() {
    const arena = this.#arena;
    return {
      index: arena.index,
      address: arena.address,
      freePools: arena.free_pools,
      totalPools: arena.total_pools,
      pools: arena.pools.map((pool, slot) => poolSummary(pool, slot, this.#changed, this.#freedPools)),
    };
  }

  #createCell(slot) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'arena-pool-cell';
    button.dataset.slot = String(slot);
    const size = document.createElement('span');
    size.className = 'arena-pool-size';
    const count = document.createElement('span');
    count.className = 'arena-pool-count';
    const bar = document.createElement('span');
    bar.className = 'arena-pool-bar';
    const fill = document.createElement('span');
    fill.className = 'arena-pool-fill';
    bar.append(fill);
    button.append(size, count, bar);
    this.#grid.append(button);

    button.addEventListener('click', () => {
      const pool = this.#arena.pools[slot];
      if (!pool.unused) this.#onOpen(pool.address);
    });
    button.addEventListener('mousemove', (event) => {
      const pool = this.#arena.pools[slot];
      const lines = poolLines(pool, this.#arena, this.#freedPools.get(pool.address));
      this.#tooltip.show(pool.unused ? lines : [...lines, 'click: show its blocks'], event.clientX, event.clientY);
    });
    return { button, size, count, fill };
  }
}
