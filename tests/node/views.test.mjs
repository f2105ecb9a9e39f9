// The arena map's colours and number formats, and its address logic on real snapshots.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { blockAddressOf, blockIndexOf, locateBlock, poolBlocks } from '../../web/views/arena-address.js';
import { changedPools, freedByPool } from '../../web/views/arena-changes.js';
import { blockLines, generationText } from '../../web/views/arena-tooltips.js';
import { OTHER_TYPES_COLOR, typePalette } from '../../web/views/arena-type-palette.js';
import { formatAddress, formatBytes, formatCount } from '../../web/views/format.js';
import { blockSize, poolColor, SIZE_CLASS_COUNT, sizeClassColor } from '../../web/views/size-class-palette.js';
import { loadHeaplab } from './wasm-session.mjs';

describe('size class palette', () => {
  it('gives each of the 32 classes its own colour', () => {
    const colors = Array.from({ length: SIZE_CLASS_COUNT }, (_, sizeClass) => sizeClassColor(sizeClass));
    assert.equal(new Set(colors).size, 32);
    for (const color of colors) assert.match(color, /^rgb\(\d+, \d+, \d+\)$/);
  });

  it('shades a full pool brightest and an empty one dimmest', () => {
    const brightness = (color) => color.match(/\d+/g).map(Number).reduce((a, b) => a + b);
    const empty = brightness(poolColor(5, 0));
    const half = brightness(poolColor(5, 0.5));
    const full = brightness(poolColor(5, 1));
    assert.ok(empty < half && half < full);
    assert.equal(poolColor(5, 1), sizeClassColor(5));
  });

  it('maps size classes to block sizes as pymalloc does', () => {
    assert.equal(blockSize(0), 16);
    assert.equal(blockSize(31), 512);
  });
});

describe('type palette of a pool', () => {
  const block = (type) => ({ state: type ? 'object' : 'free', object: type ? { type } : null });

  it('colours the most common types first and counts the rest as other', () => {
    const blocks = [
      ...Array.from({ length: 3 }, () => block('dict')),
      ...Array.from({ length: 5 }, () => block('Point')),
      block('str'), block('int'), block(null),
      ...'abcdefghij'.split('').map((letter) => block(`T${letter}`)),
    ];
    const { types, other } = typePalette(blocks);
    assert.deepEqual(types.slice(0, 4).map(({ type, count }) => [type, count]), [['Point', 5], ['dict', 3], ['Ta', 1], ['Tb', 1]]);
    assert.equal(types.length, 10);
    assert.equal(new Set(types.map(({ color }) => color)).size, 10);
    assert.ok(!types.some(({ color }) => color === OTHER_TYPES_COLOR));
    assert.equal(other, 4, 'Ti, Tj, int and str are past the ten colours');
  });
});

describe('format', () => {
  it('writes addresses, byte sizes and counts', () => {
    assert.equal(formatAddress(0x104000), '0x00104000');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MiB');
    assert.equal(formatCount(1234567), '1,234,567');
  });
});

// The arena map's pure logic on real snapshots of the WebAssembly session:
// where a block address lies, a pool's block cells, what a step changed and
// freed, the tooltip lines. Needs build/wasm; HEAPLAB_WASM_DIR points elsewhere.
const STEP_BUDGET = 10_000;

describe('arena map addresses on real snapshots', () => {
  let heaplab;
  let session;

  // Steps the started program until it is about to run `line`; returns the snapshot there.
  function snapshotAt(line) {
    for (let steps = 0; session.currentLine().line !== line; steps++) {
      assert.ok(steps < 2000, `line ${line} is reached`);
      assert.equal(session.step(STEP_BUDGET), 'paused');
    }
    return JSON.parse(session.snapshotJson());
  }

  function objectsByType(type) {
    return JSON.parse(session.graphJson(300)).nodes.filter((node) => node.type === type);
  }

  before(async () => {
    heaplab = await loadHeaplab();
    session = new heaplab.Session(64 * 1024 * 1024);
    assert.equal(session.start(
      'class Point:\n' +
      '    def __init__(self, x):\n' +
      '        self.x = x\n' +
      'points = [Point(i) for i in range(40)]\n' +
      'big = bytearray(3000)\n' +
      'del points\n' +
      'done = 1\n', 'file', 'main.py'), 'paused');
  });

  after(() => session?.delete());

  it('finds the arena, pool and block of every object, and the pool\'s cells agree with the snapshot', () => {
    const snapshot = snapshotAt(6);
    const { memory } = snapshot;
    const points = objectsByType('Point');
    assert.equal(points.length, 40);
    for (const point of points) {
      const found = locateBlock(memory, point.id);
      assert.ok(found, `Point at ${point.id} is in an arena`);
      assert.equal(found.arena, memory.arenas[found.row]);
      assert.equal(found.pool.address, found.arena.pools[found.slot].address);
      assert.equal(found.pool.address % memory.pool_size, 0);
      assert.ok(found.block >= 0 && found.block < found.pool.capacity);

      const json = JSON.parse(session.poolJson(found.pool.address));
      const cells = poolBlocks({ address: json.address, blockSize: json.block_size, capacity: json.capacity }, json.blocks, new Set());
      assert.equal(cells.length, found.pool.capacity);
      assert.equal(cells.filter((cell) => cell.state !== 'free').length, found.pool.used);
      const cell = cells[found.block];
      assert.equal(cell.state, 'object');
      assert.equal(cell.object.id, point.id);
      assert.equal(cell.object.type, 'Point');
      assert.equal(cell.address, blockAddressOf(json.address, json.block_size, found.block));
      assert.equal(blockIndexOf(json.address, json.block_size, cell.address), found.block);
    }
    assert.equal(locateBlock(memory, 0), null, 'the static unit holds no arena');
    assert.equal(blockIndexOf(memory.arenas[0].pools[0].address, 64, memory.arenas[0].pools[0].address + 8), -1,
      'an address in the pool header is no block');
  });

  it('places a list\'s item array as storage with no object, and the raw block of a bytearray', () => {
    const { memory } = JSON.parse(session.snapshotJson());
    const list = objectsByType('list').find((node) => node.repr === '<list, 40 items>');
    const found = locateBlock(memory, list.id);
    const json = JSON.parse(session.poolJson(found.pool.address));
    const cells = poolBlocks({ address: json.address, blockSize: json.block_size, capacity: json.capacity }, json.blocks, new Set());
    assert.equal(cells[found.block].object.type, 'list');
    const storage = cells.find((cell) => cell.state === 'storage');
    assert.ok(storage, 'some block of the pool holds no object');
    assert.equal(storage.object, null);
    // A bytearray of 3000 bytes asks for 3001: a raw block, outside the pools.
    assert.ok(memory.raw.some((chunk) => chunk.used && chunk.size >= 3001));
    assert.equal(locateBlock(memory, memory.raw[0].address), null, 'raw blocks lie outside the arenas');
  });

  it('maps the blocks a del freed to their pools and arenas, flagged in the pool cells', () => {
    const before = JSON.parse(session.snapshotJson());
    const points = objectsByType('Point');
    const poolsBefore = new Map();
    for (const point of points) {
      const { pool } = locateBlock(before.memory, point.id);
      poolsBefore.set(pool.address, JSON.parse(session.poolJson(pool.address)));
    }
    const { changed, signatures } = changedPools(null, before.memory.arenas);
    assert.equal(changed.size, 0, 'nothing changed before a previous snapshot');

    const after = snapshotAt(7);
    assert.ok(after.freed_blocks.length >= 81, `40 Points, their 40 dicts and the list: ${after.freed_blocks.length}`);
    const freed = freedByPool(after.memory, after.freed_blocks);
    const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
    assert.equal(sum(freed.pools) + freed.outside, after.freed_blocks.length);
    assert.equal(sum(freed.arenas), sum(freed.pools));
    for (const address of freed.arenas.keys()) assert.ok(after.memory.arenas.some((arena) => arena.address === address));

    const freedSet = new Set(after.freed_blocks);
    for (const [poolAddress, json] of poolsBefore) {
      assert.ok(freed.pools.get(poolAddress) > 0, 'each Point\'s pool had blocks freed');
      const layout = { address: json.address, blockSize: json.block_size, capacity: json.capacity };
      const nowUsed = JSON.parse(session.poolJson(poolAddress));
      const cells = poolBlocks(layout, nowUsed.error ? [] : nowUsed.blocks, freedSet);
      const pointBlocks = json.blocks.filter((block) => block.object?.type === 'Point');
      for (const block of pointBlocks) {
        const cell = cells[blockIndexOf(layout.address, layout.blockSize, block.address)];
        assert.equal(cell.state, 'free');
        assert.equal(cell.freed, true);
      }
      assert.equal(cells.filter((cell) => cell.freed).length, freed.pools.get(poolAddress));
    }

    const next = changedPools(signatures, after.memory.arenas);
    for (const poolAddress of poolsBefore.keys()) assert.ok(next.changed.has(poolAddress), 'the pools the del freed changed');
  });

  it('writes the tooltip of a block: object, internal storage, free', () => {
    const object = { id: 1, type: 'Point', repr: '<Point object>', refcount: 2, size: 48, tracked: true, generation: 0, immortal: false };
    const lines = blockLines({ index: 3, address: 0x104060, state: 'object', object, freed: false }, 64);
    assert.deepEqual(lines, ['<Point object>', 'type Point', 'refcount 2 (sys.getrefcount(x) gives 3)', 'size 48 bytes (sys.getsizeof)',
      'GC generation 0', 'block 3 at 0x00104060, 64 bytes']);
    assert.equal(blockLines({ index: 0, address: 0x104030, state: 'storage', object: null, freed: false }, 64)[0],
      "no object: internal storage (a list's item array, a dict's keys…)");
    assert.deepEqual(blockLines({ index: 1, address: 0x104070, state: 'free', object: null, freed: true }, 64),
      ['free', 'block 1 at 0x00104070, 64 bytes', 'freed by the last step']);
    const immortal = { ...object, type: 'str', repr: "'x'", refcount: 4294967295, immortal: true, generation: -1 };
    assert.deepEqual(blockLines({ index: 2, address: 0x104080, state: 'object', object: immortal, freed: false }, 64).slice(2, 5),
      ['refcount: immortal', 'size 48 bytes (sys.getsizeof)', 'not tracked by the GC']);
    assert.equal(generationText({ generation: 3 }), 'permanent generation (gc.freeze)');
  });
});
