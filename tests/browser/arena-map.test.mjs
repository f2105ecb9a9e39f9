// The arena map in Chromium: a program stepped through the page, drilled from
// all arenas into the arena and the pool holding a user class's instances, a
// block's tooltip naming its object, the blocks a `del` frees flashing, the
// raw region's sizes, and the phone layout. Needs a built page (scripts/build-web.sh).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPlayground, PHONE, servePage } from './harness.mjs';

const PROGRAM = `class Point:
    pass

points = [Point() for i in range(40)]
keep = points[7]
big = bytearray(4000)
del points
done = True
`;
const DEL_LINE = 7;

let server;
let url;
let browser;

// Steps the editor's program (starting it with the first Step) until it is
// paused before `line`.
async function stepTo(playground, line) {
  let program = await playground.step();
  for (let steps = 0; program.line !== line; steps++) {
    assert.ok(steps < 200 && program.state === 'paused', `line ${line} is reached (at ${JSON.stringify(program)})`);
    program = await playground.step();
  }
}

// Where the object named `name` at the program's top level lives: its graph
// node, its arena's row in the overview and its pool's address.
async function locateGlobal(playground, name) {
  const { graph, snapshot } = await playground.heap();
  const root = graph.roots.find((candidate) => candidate.name === name && candidate.scope === 'global');
  const node = graph.nodes.find((candidate) => candidate.id === root.id);
  const { memory } = snapshot;
  const row = memory.arenas.findIndex((arena) => arena.address === node.id - (node.id % memory.arena_size));
  assert.notEqual(row, -1, `${name} lies in an arena`);
  return { node, row, poolAddress: node.id - (node.id % memory.pool_size) };
}

const arenaView = (playground) => playground.view('arena');

async function openPool(playground, row, poolAddress) {
  await playground.page.click(`.arena-row[data-row="${row}"]`);
  const opened = await playground.waitFor(() => arenaView(playground), (view) => view.level === 'arena', 'the arena level');
  assert.equal(opened.arena.address, opened.memory.arenas[row].address);
  await playground.page.click(`.arena-pool-cell[data-address="${poolAddress}"]`);
  return playground.waitFor(() => arenaView(playground),
    (view) => view.level === 'pool' && view.pool.address === poolAddress && !view.pool.loading && view.pool.blocks.length > 0,
    'the pool\'s blocks');
}

async function tooltipOfBlock(playground, index) {
  await playground.page.hover(`.arena-block[data-index="${index}"]`);
  const tooltip = playground.page.locator('.map-tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 2000 });
  return tooltip.innerText();
}

describe('arena map', () => {
  before(async () => {
    ({ server, url } = await servePage());
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('drills into a pool, names the objects in its blocks, and flashes the blocks a del frees', async () => {
    const playground = await openPlayground(browser, url);
    const { page } = playground;
    await playground.showView('arena');
    await playground.setCode(PROGRAM);
    // Every flash the page starts, recorded as it starts: the test need not catch it mid-animation.
    await page.evaluate(() => {
      window.arenaFlashes = [];
      document.addEventListener('animationstart', (event) => {
        if (event.animationName === 'arena-freed-flash') window.arenaFlashes.push(event.target.className);
      });
    });

    const started = performance.now();
    await stepTo(playground, DEL_LINE);
    console.log(`stepped to line ${DEL_LINE} in ${Math.round(performance.now() - started)} ms`);

    const overview = await arenaView(playground);
    assert.equal(overview.level, 'arenas');
    assert.deepEqual(overview.breadcrumb, ['All arenas']);
    assert.equal(overview.pools.length, overview.memory.arenas.length * 64);

    const keep = await locateGlobal(playground, 'keep');
    assert.equal(keep.node.type, 'Point');
    assert.equal(keep.node.refcount, 2, 'keep and the list refer to it');
    const before = await openPool(playground, keep.row, keep.poolAddress);
    assert.deepEqual(before.breadcrumb.slice(0, 2), ['All arenas', `Arena #${before.memory.arenas[keep.row].index}`]);
    const { pool } = before;
    assert.equal(pool.blocks.length, pool.capacity);
    assert.equal(pool.used, before.memory.arenas[keep.row].pools.find((entry) => entry.address === keep.poolAddress).used);
    const pointBlocks = pool.blocks.filter((block) => block.object?.type === 'Point');
    assert.ok(pointBlocks.length >= 20, `the pool holds most of the 40 Points (${pointBlocks.length})`);

    const keepIndex = pool.blocks.findIndex((block) => block.object?.id === keep.node.id);
    assert.notEqual(keepIndex, -1, 'keep\'s block is in its pool');
    const lines = await tooltipOfBlock(playground, keepIndex);
    assert.match(lines, /^<Point object>\ntype Point\nrefcount 2 \(sys\.getrefcount\(x\) gives 3\)\n/);
    assert.ok(lines.includes(`size ${keep.node.size} bytes`), lines);
    assert.match(lines, /GC generation [0-2]/);
    const free = pool.blocks.findIndex((block) => block.state === 'free');
    if (free !== -1) assert.match(await tooltipOfBlock(playground, free), /^free\nblock \d+ at 0x/);

    // Step over `del points`: the 39 other Points are freed, and flash.
    await playground.step();
    const after = await playground.waitFor(() => arenaView(playground),
      (view) => view.pool.address === keep.poolAddress && !view.pool.loading && view.pool.freed > 0,
      'the pool read after the del');
    assert.ok(after.freedBlocks >= 40, `the list and 39 Points were freed (${after.freedBlocks} blocks)`);
    const others = pointBlocks.filter((block) => block.object.id !== keep.node.id);
    for (const block of others) {
      const now = after.pool.blocks[block.index];
      assert.equal(now.state, 'free', `the Point in block ${block.index} is freed`);
      assert.equal(now.freed, true);
    }
    assert.equal(after.pool.blocks[keepIndex].object.refcount, 1, 'only keep refers to it now');
    assert.equal(await page.locator('.arena-block.is-freed').count(), after.pool.freed);
    await playground.waitFor(() => page.evaluate(() => window.arenaFlashes),
      (flashes) => flashes.filter((name) => name.includes('arena-block')).length >= after.pool.freed,
      'every freed block to flash');
    await page.mouse.move(1, 1);
    await playground.screenshot('arena-pool');

    // Back up: the pool's cell is marked at the arena level and in the overview.
    await page.click('.arena-crumb >> text=Arena #');
    const arenaLevel = await arenaView(playground);
    assert.equal(arenaLevel.level, 'arena');
    const cell = arenaLevel.arena.pools.find((entry) => entry.address === keep.poolAddress);
    assert.ok(cell.freed >= others.length);
    assert.equal(await page.locator(`.arena-pool-cell.has-freed[data-address="${keep.poolAddress}"]`).count(), 1);
    await page.keyboard.press('Escape');
    const top = await playground.waitFor(() => arenaView(playground), (view) => view.level === 'arenas', 'the overview');
    assert.equal(top.pools.find((entry) => entry.address === keep.poolAddress).freed, cell.freed);
    assert.equal(top.freedOutside, 0);

    // The raw region lists the bytearray's 4001-byte buffer with its size.
    const raw = top.memory.raw.find((chunk) => chunk.used && chunk.size >= 4001);
    assert.ok(raw, 'the bytearray\'s buffer is a raw block');
    const sizes = await page.locator('.raw-size').allInnerTexts();
    assert.ok(sizes.includes(`${(raw.size / 1024).toFixed(1)} KiB`), sizes.join(' '));
    await playground.screenshot('arena-map');
    assert.deepEqual(playground.consoleErrors, []);
    await page.close();
  });

  it('reads the opened pool again when its tab is shown after a hidden step', async () => {
    const playground = await openPlayground(browser, url);
    const { page } = playground;
    await playground.setCode(PROGRAM);
    await stepTo(playground, DEL_LINE);
    const keep = await locateGlobal(playground, 'keep');
    const opened = await openPool(playground, keep.row, keep.poolAddress);
    const heapSequence = () => page.evaluate(() => window.heaplab.heap().sequence);
    await page.evaluate(() => {
      window.arenaFlashes = [];
      document.addEventListener('animationstart', (event) => {
        if (event.animationName === 'arena-freed-flash') window.arenaFlashes.push(event.target.className);
      });
    });

    await playground.showView('graph');
    const sequence = await heapSequence();
    await playground.step();
    const hidden = await arenaView(playground);
    assert.ok(hidden.freedBlocks > 0);
    assert.equal(hidden.pool.freed, 0, 'nothing is read nor drawn while the tab is hidden');
    assert.deepEqual(hidden.pool.blocks, opened.pool.blocks);
    assert.ok(await heapSequence() > sequence, 'the step did update the heap');

    await playground.showView('arena');
    const shown = await playground.waitFor(() => arenaView(playground), (view) => view.pool.freed > 0, 'the pool read when shown');
    assert.ok(shown.pool.freed >= 39);
    await playground.waitFor(() => page.evaluate(() => window.arenaFlashes),
      (flashes) => flashes.filter((name) => name.includes('arena-block')).length >= shown.pool.freed,
      'the freed blocks to flash when shown');
    assert.deepEqual(playground.consoleErrors, []);
    await page.close();
  });

  it('fits a phone: rows, pools and blocks wrap within the screen, a tap names a block', async () => {
    const playground = await openPlayground(browser, url, { viewport: PHONE });
    const { page } = playground;
    await playground.setCode(PROGRAM);
    await stepTo(playground, DEL_LINE);
    await playground.showView('arena');
    const keep = await locateGlobal(playground, 'keep');
    const overflow = () => page.evaluate(() => {
      const view = document.querySelector('#view-arena');
      return { page: document.documentElement.scrollWidth, view: view.scrollWidth - view.clientWidth };
    });
    assert.deepEqual(await overflow(), { page: PHONE.width, view: 0 }, 'the overview fits the width');

    const opened = await openPool(playground, keep.row, keep.poolAddress);
    assert.deepEqual(await overflow(), { page: PHONE.width, view: 0 }, 'the block grid wraps');
    const keepIndex = opened.pool.blocks.findIndex((block) => block.object?.id === keep.node.id);
    const block = page.locator(`.arena-block[data-index="${keepIndex}"]`);
    await block.scrollIntoViewIfNeeded();
    await block.click();  // a tap: the page gets the same click
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 2000 });
    assert.match(await tooltip.innerText(), /^<Point object>\ntype Point\nrefcount 2 \(sys\.getrefcount\(x\) gives 3\)\n/);
    const box = await tooltip.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the tooltip is on screen: ${JSON.stringify(box)}`);
    await playground.screenshot('arena-phone');
    await playground.showView('graph');
    assert.equal(await tooltip.isVisible(), false, 'the tapped tooltip goes with another tab');
    assert.deepEqual(playground.consoleErrors, []);
    await page.close();
  });
});
