// What the last step did to the arenas: the pools whose size class or use
// count changed, and the blocks it freed, counted per pool and per arena.
import { arenaAt, poolAddressOf } from './arena-address.js';

// A pool's state as one comparable string.
function poolSignature(pool) {
  return pool.unused ? 'unused' : `${pool.szidx}:${pool.used}`;
}

// `previous` is the `signatures` of the last call (null at first). Returns the
// addresses of the pools that differ from it, and the signatures to pass next.
export function changedPools(previous, arenas) {
  const signatures = new Map();
  for (const arena of arenas) {
    for (const pool of arena.pools) signatures.set(pool.address, poolSignature(pool));
  }
  const changed = new Set();
  if (previous) {
    for (const [address, signature] of signatures) {
      if (previous.get(address) !== signature) changed.add(address);
    }
  }
  return { changed, signatures };
}

// The snapshot's freed_blocks by pool address and by arena address; `outside`
// counts those whose arena was released meanwhile.
export function freedByPool(memory, freedBlocks) {
  const pools = new Map();
  const arenas = new Map();
  let outside = 0;
  for (const address of freedBlocks) {
    const found = arenaAt(memory, address);
    if (!found) {
      outside++;
      continue;
    }
    const poolAddress = poolAddressOf(memory, address);
    pools.set(poolAddress, (pools.get(poolAddress) ?? 0) + 1);
    arenas.set(found.arena.address, (arenas.get(found.arena.address) ?? 0) + 1);
  }
  return { pools, arenas, outside };
}

// A pool as the views' describe() reports it, with what the last step did to it.
export function poolSummary(pool, slot, changed, freedPools) {
  return {
    slot,
    address: pool.address,
    unused: Boolean(pool.unused),
    sizeClass: pool.unused ? null : pool.szidx,
    used: pool.unused ? 0 : pool.used,
    capacity: pool.unused ? 0 : pool.capacity,
    changed: changed.has(pool.address),
    freed: freedPools.get(pool.address) ?? 0,
  };
}
