// The arena map's colours and number formats.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAddress, formatBytes, formatCount } from '../../web/views/format.js';
import { blockSize, poolColor, SIZE_CLASS_COUNT, sizeClassColor } from '../../web/views/size-class-palette.js';

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

describe('format', () => {
  it('writes addresses, byte sizes and counts', () => {
    assert.equal(formatAddress(0x104000), '0x00104000');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MiB');
    assert.equal(formatCount(1234567), '1,234,567');
  });
});
