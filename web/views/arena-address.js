// Where an address lies in the arena map: which arena, which pool, which
// block. Pure functions over a snapshot's "memory" object (FORMAT.md), shared
// by the map's three levels and tested in node.

// pymalloc's pool_header, rounded up to the 16-byte alignment: a pool's first
// block starts this far into the pool (core/memory/pool_allocator.h).
export const POOL_OVERHEAD = 48;

const arenaRows = new WeakMap();  // memory -> Map(arena address -> position in memory.arenas)

// The arena holding `address`, with its position in the memory's arena list,
// or null when no arena of the snapshot covers it. Arenas are whole units of
// the region, so an arena starts at the address rounded down to arena_size.
export function arenaAt(memory, address) {
  let rows = arenaRows.get(memory);
  if (!rows) {
    rows = new Map(memory.arenas.map((arena, row) => [arena.address, row]));
    arenaRows.set(memory, rows);
  }
  const row = rows.get(address - (address % memory.arena_size));
  return row === undefined ? null : { row, arena: memory.arenas[row] };
}

// The pool holding `address`: its 16 KiB aligned start.
export function poolAddressOf(memory, address) {
  return address - (address % memory.pool_size);
}

// The index of the block at `address` in a pool of `blockSize`-byte blocks, or
// -1 for an address in the pool header.
export function blockIndexOf(poolAddress, blockSize, address) {
  const offset = address - poolAddress - POOL_OVERHEAD;
  return offset < 0 ? -1 : Math.floor(offset / blockSize);
}

export function blockAddressOf(poolAddress, blockSize, index) {
  return poolAddress + POOL_OVERHEAD + index * blockSize;
}

// Where a block address lies: {row, arena, slot, pool, block} where `pool` is
// the snapshot's pool entry and `block` the block's index (null when the pool
// is unused now, as after its last block was freed); null outside the arenas.
export function locateBlock(memory, address) {
  const found = arenaAt(memory, address);
  if (!found) return null;
  const poolAddress = poolAddressOf(memory, address);
  const slot = found.arena.pools.findIndex((pool) => pool.address === poolAddress);
  if (slot === -1) return null;
  const pool = found.arena.pools[slot];
  return {
    row: found.row,
    arena: found.arena,
    slot,
    pool,
    block: pool.unused ? null : blockIndexOf(pool.address, pool.block_size, address),
  };
}

// Every block of a pool, used and free, in address order: {index, address,
// state: 'object' | 'storage' | 'free', object, freed}. `layout` is
// {address, blockSize, capacity}; `used` is pool_json's blocks (the used ones,
// with the object in each), empty for a pool that is unused now; `freed` a Set
// of block addresses freed by the last step.
export function poolBlocks(layout, used, freed) {
  const byIndex = new Map();
  for (const block of used) byIndex.set(blockIndexOf(layout.address, layout.blockSize, block.address), block);
  return Array.from({ length: layout.capacity }, (_, index) => {
    const address = blockAddressOf(layout.address, layout.blockSize, index);
    const block = byIndex.get(index);
    if (!block) return { index, address, state: 'free', object: null, freed: freed.has(address) };
    return { index, address, state: block.object ? 'object' : 'storage', object: block.object, freed: false };
  });
}
