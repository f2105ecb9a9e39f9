// The arena map view: the region's arenas drilled down by click, from all
// arenas (one row of pools each) to one arena's pools to one pool's blocks,
// with a breadcrumb back up; the raw region below the arenas. Pools and
// blocks the last step freed flash.
import './arena-map.css';
import { ArenaBlocks } from './arena-blocks.js';
import { freedByPool, changedPools } from './arena-changes.js';
import { poolAddressOf } from './arena-address.js';
import { ArenaGrid } from './arena-grid.js';
import { createArenaLegend } from './arena-legend.js';
import { ArenaPools } from './arena-pools.js';
import { plural } from './arena-tooltips.js';
import { formatAddress, formatBytes, formatCount } from './format.js';
import { RawStrip } from './raw-strip.js';
import { Tooltip } from './tooltip.js';

export class ArenaMapView {
  #host;
  #region;
  #breadcrumb;
  #stats;
  #levels;
  #overview;
  #legend;
  #grid;
  #raw;
  #pools;
  #blocks;
  #tooltip;

  #level = 'arenas';  // 'arenas' | 'arena' | 'pool'
  #arenaAddress = null;  // the opened arena
  #memory = null;
  #freedBlocks = [];  // the last snapshot's freed_blocks
  #freed = { pools: new Map(), arenas: new Map(), outside: 0 };
  #changed = new Set();
  #signatures = null;  // the previous snapshot's pools, to find the changed ones
  #runId = null;
  #stale = false;  // an update arrived while the tab was hidden
  #flash = false;  // updates while hidden freed blocks
  #hiddenPoolFreed = [];  // blocks of the opened pool freed while the tab was hidden

  constructor(host, app) {
    this.#host = host;
    const root = document.createElement('div');
    root.className = 'arena-map';

    const header = document.createElement('header');
    header.className = 'arena-map-header';
    this.#breadcrumb = document.createElement('nav');
    this.#breadcrumb.className = 'arena-breadcrumb';
    this.#breadcrumb.setAttribute('aria-label', 'Arena map level');
    this.#region = document.createElement('span');
    this.#region.className = 'arena-map-region';
    header.append(this.#breadcrumb, this.#region);

    this.#stats = document.createElement('p');
    this.#stats.className = 'arena-map-stats';

    this.#tooltip = new Tooltip(document.body);
    this.#legend = createArenaLegend();
    const levels = document.createElement('div');
    levels.className = 'arena-map-levels';
    levels.tabIndex = -1;  // focused after each move between levels, so Escape goes up
    this.#levels = levels;
    this.#overview = document.createElement('div');
    this.#overview.className = 'arena-overview';
    this.#grid = new ArenaGrid(this.#overview, this.#tooltip, (address) => this.#openArena(address));
    this.#raw = new RawStrip(this.#overview, this.#tooltip);
    this.#pools = new ArenaPools(levels, this.#tooltip, (address) => this.#openPool(address));
    this.#blocks = new ArenaBlocks(levels, this.#tooltip, (address) => app.requestPool(address), () => this.#visible());
    levels.prepend(this.#overview);
    root.append(header, this.#stats, this.#legend, levels);
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#level !== 'arenas') this.#goUp();
    });
    // A tooltip a tap opened goes when the user taps elsewhere (another tab, the editor).
    document.addEventListener('pointerdown', (event) => {
      if (!root.contains(event.target)) this.#tooltip.hide();
    });
    host.append(root);
    this.#showLevel();
  }

  update(heap) {
    const { snapshot } = heap;
    if (heap.runId !== this.#runId) {
      this.#runId = heap.runId;
      this.#signatures = null;
    }
    const memory = snapshot.memory;
    const { changed, signatures } = changedPools(this.#signatures, memory.arenas);
    this.#signatures = signatures;
    this.#changed = changed;
    this.#memory = memory;
    this.#freedBlocks = snapshot.freed_blocks;
    this.#freed = freedByPool(memory, snapshot.freed_blocks);

    // An arena released since it was opened takes the map back to all arenas.
    if (this.#level !== 'arenas' && !this.#openedArena()) {
      this.#level = 'arenas';
      this.#arenaAddress = null;
      this.#showLevel();
    }
    this.#fill();
    const flash = snapshot.freed_blocks.length > 0;
    if (this.#visible()) {
      if (this.#level === 'pool') this.#refreshPool(this.#freedInPool());
      this.#paint(flash);
    } else {
      // Hidden: no canvas is drawn nor the pool read from the session until shown().
      if (this.#level === 'pool') this.#hiddenPoolFreed.push(...this.#freedInPool());
      this.#stale = true;
      this.#flash ||= flash;
    }
  }

  shown() {
    if (!this.#memory) return;
    if (this.#stale && this.#level === 'pool') this.#refreshPool(this.#hiddenPoolFreed);
    this.#paint(this.#flash);
    this.#blocks.draw();
    this.#stale = false;
    this.#flash = false;
    this.#hiddenPoolFreed = [];
  }

  // What the map shows, for tests: the memory drawn, one entry per pool cell
  // of the overview, the opened arena's pools and the opened pool's blocks.
  describe() {
    return {
      level: this.#level,
      breadcrumb: [...this.#breadcrumb.children].map((crumb) => crumb.textContent),
      memory: this.#memory,
      stats: this.#stats.textContent,
      pools: this.#grid.pools(),
      freedBlocks: this.#freedBlocks.length,
      freedOutside: this.#freed.outside,
      arena: this.#level === 'arenas' ? null : this.#pools.describe(),
      pool: this.#level === 'pool' ? this.#blocks.describe() : null,
    };
  }

  // Viewport coordinates of a pool cell of the overview (row = position in the arena list).
  poolCenter(row, slot) {
    return this.#grid.poolCenter(row, slot);
  }

  #visible() {
    return this.#host.isConnected && this.#host.getClientRects().length > 0;
  }

  #openedArena() {
    return this.#memory?.arenas.find((arena) => arena.address === this.#arenaAddress) ?? null;
  }

  // The texts and cells of every level from the last snapshot.
  #fill() {
    const memory = this.#memory;
    const { stats } = memory;
    this.#region.textContent = `${formatBytes(memory.mapped)} mapped of ${formatBytes(memory.limit)}`;
    this.#stats.textContent = [
      `${plural(stats.arenas_current, 'arena')} (peak ${formatCount(stats.arenas_highwater)})`,
      `${plural(stats.allocated_blocks, 'block')} in use`,
      `${formatBytes(stats.bytes_in_allocated_blocks)} in blocks`,
      `${formatBytes(stats.bytes_in_available_blocks)} free in pools`,
      `${plural(stats.unused_pools, 'unused pool')}`,
      ...(this.#freedBlocks.length > 0 ? [`${plural(this.#freedBlocks.length, 'block')} freed by the last step`] : []),
    ].join(' · ');
    this.#grid.update(memory, this.#changed, this.#freed.pools);
    this.#raw.update(memory.raw);
    const arena = this.#openedArena();
    if (arena) this.#pools.update(arena, this.#changed, this.#freed.pools);
    this.#renderBreadcrumb();
  }

  // Draws the canvases; `flash` starts the flash of what the last step freed.
  #paint(flash) {
    this.#grid.draw();
    this.#raw.draw();
    if (!flash) return;
    this.#grid.flash();
    this.#pools.flash();
  }

  #openArena(address) {
    this.#tooltip.hide();
    this.#level = 'arena';
    this.#arenaAddress = address;
    this.#showLevel();
    this.#fill();
    this.#paint(false);
    this.#focusLevel();
  }

  #openPool(address) {
    this.#tooltip.hide();
    this.#level = 'pool';
    this.#blocks.open(address, this.#openedArena().index);
    this.#showLevel();
    this.#renderBreadcrumb();
    this.#refreshPool(this.#freedInPool());
    this.#focusLevel();
  }

  #goUp() {
    this.#goTo(this.#level === 'pool' ? 'arena' : 'arenas');
  }

  #goTo(level) {
    this.#tooltip.hide();
    this.#level = level;
    if (level === 'arenas') this.#arenaAddress = null;
    this.#showLevel();
    this.#fill();
    this.#paint(false);
    this.#focusLevel();
  }

  // The blocks of the opened pool that the last step freed.
  #freedInPool() {
    const address = this.#blocks.address;
    return this.#freedBlocks.filter((block) => poolAddressOf(this.#memory, block) === address);
  }

  // Asks the session for the opened pool's blocks; `freed` are those freed since it was last read.
  #refreshPool(freed) {
    const address = this.#blocks.address;
    const pool = this.#openedArena().pools.find((entry) => entry.address === address);
    this.#blocks.refresh(pool, freed);
  }

  // After a move the user made: the new level has the focus.
  #focusLevel() {
    this.#levels.focus({ preventScroll: true });
  }

  #showLevel() {
    this.#overview.hidden = this.#level !== 'arenas';
    this.#pools.element.hidden = this.#level !== 'arena';
    this.#blocks.element.hidden = this.#level !== 'pool';
    this.#legend.hidden = this.#level === 'pool';
  }

  #renderBreadcrumb() {
    const arena = this.#openedArena();
    const crumbs = [['All arenas', 'arenas']];
    if (arena) crumbs.push([`Arena #${arena.index}`, 'arena']);
    if (arena && this.#level === 'pool') crumbs.push([`Pool ${formatAddress(this.#blocks.address)}`, 'pool']);
    this.#breadcrumb.replaceChildren(...crumbs.map(([text, level], i) => {
      if (i === crumbs.length - 1) {
        const current = document.createElement('span');
        current.className = 'arena-crumb is-current';
        current.setAttribute('aria-current', 'page');
        current.textContent = text;
        return current;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'arena-crumb';
      button.textContent = text;
      button.addEventListener('click', () => this.#goTo(level));
      return button;
    }));
  }
}
