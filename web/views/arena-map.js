// The live arena map: the stats line, the legend, the arenas with their pools
// and the raw blocks, redrawn from each heap snapshot the session sends.
import { createArenaLegend } from './arena-legend.js';
import { ArenaGrid } from './arena-grid.js';
import { formatBytes, formatCount } from './format.js';
import { RawStrip } from './raw-strip.js';
import { Tooltip } from './tooltip.js';

export class ArenaMap {
  #stats;
  #region;
  #grid;
  #raw;
  #memory = null;

  constructor(host) {
    const root = document.createElement('div');
    root.className = 'arena-map';

    const header = document.createElement('header');
    header.className = 'arena-map-header';
    const title = document.createElement('h2');
    title.className = 'panel-title';
    title.textContent = 'Arena map';
    this.#region = document.createElement('span');
    this.#region.className = 'arena-map-region';
    header.append(title, this.#region);

    this.#stats = document.createElement('p');
    this.#stats.className = 'arena-map-stats';

    const tooltip = new Tooltip(document.body);
    root.append(header, this.#stats, createArenaLegend());
    this.#grid = new ArenaGrid(root, tooltip);
    this.#raw = new RawStrip(root, tooltip);
    host.append(root);
  }

  // `memory` is the "memory" object of a snapshot.
  update(memory) {
    this.#memory = memory;
    const { stats } = memory;
    this.#region.textContent = `${formatBytes(memory.mapped)} mapped of ${formatBytes(memory.limit)}`;
    this.#stats.textContent = [
      `${plural(stats.arenas_current, 'arena')} (peak ${formatCount(stats.arenas_highwater)})`,
      `${plural(stats.allocated_blocks, 'block')} in use`,
      `${formatBytes(stats.bytes_in_allocated_blocks)} in blocks`,
      `${formatBytes(stats.bytes_in_available_blocks)} free in pools`,
      `${plural(stats.unused_pools, 'unused pool')}`,
    ].join(' · ');
    this.#grid.update(memory.arenas);
    this.#raw.update(memory.raw);
  }

  // What the map shows, for tests: the memory it drew and one entry per pool cell.
  describe() {
    return { memory: this.#memory, pools: this.#grid.pools(), stats: this.#stats.textContent };
  }

  // Viewport coordinates of a pool cell (row = position in the arena list).
  poolCenter(row, slot) {
    return this.#grid.poolCenter(row, slot);
  }
}

function plural(count, noun) {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
