// The text lines of the arena map's tooltips: an arena, a pool, a block and
// the object in it. The first line is the tooltip's heading.
import { formatAddress, formatCount } from './format.js';
import { blockSize } from './size-class-palette.js';

const IMMORTAL_REFCOUNT = 4294967295;
export const STORAGE_HEADING = "no object: internal storage (a list's item array, a dict's keys…)";

export function arenaLines(arena) {
  return [
    `Arena #${arena.index}`,
    `at ${formatAddress(arena.address)}`,
    `${arena.free_pools} of ${arena.total_pools} pools free`,
  ];
}

export function poolLines(pool, arena, freedCount = 0) {
  const where = `pool ${formatAddress(pool.address)} in arena #${arena.index}`;
  const freed = freedCount > 0 ? [`${plural(freedCount, 'block')} freed by the last step`] : [];
  if (pool.unused) return ['Unused pool', where, ...freed];
  return [
    `Size class ${pool.szidx}: ${blockSize(pool.szidx)}-byte blocks`,
    `${formatCount(pool.used)} used, ${formatCount(pool.capacity - pool.used)} free of ${formatCount(pool.capacity)}`,
    where,
    ...freed,
  ];
}

// `block` is one of poolBlocks(); `size` the pool's block size.
export function blockLines(block, size) {
  const where = `block ${block.index} at ${formatAddress(block.address)}, ${size} bytes`;
  if (block.state === 'free') return ['free', where, ...(block.freed ? ['freed by the last step'] : [])];
  if (block.state === 'storage') return [STORAGE_HEADING, where];
  const { object } = block;
  return [
    object.repr,
    `type ${object.type}`,
    refcountText(object),
    `size ${formatCount(object.size)} bytes (sys.getsizeof)`,
    generationText(object),
    where,
  ];
}

// pool_json's refcount is the object's reference count; sys.getrefcount(x)
// says one more, counting its own argument.
function refcountText(object) {
  if (object.immortal || object.refcount === IMMORTAL_REFCOUNT) return 'refcount: immortal';
  return `refcount ${formatCount(object.refcount)} (sys.getrefcount(x) gives ${formatCount(object.refcount + 1)})`;
}

export function generationText(object) {
  if (object.generation === -1) return 'not tracked by the GC';
  if (object.generation === 3) return 'permanent generation (gc.freeze)';
  return `GC generation ${object.generation}`;
}

export function plural(count, noun) {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
