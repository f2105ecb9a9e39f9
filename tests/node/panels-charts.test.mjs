// The panels' chart arithmetic: scales, round ticks on byte and count axes,
// the hover's nearest sample.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  byteTicks, countTicks, linearScale, nearestIndex, niceTicks, sampleTicks, tickStep,
} from '../../web/views/chart-scale.js';

describe('chart scales', () => {
  it('maps a domain onto a range, either way round', () => {
    const y = linearScale([0, 200], [100, 0]);
    assert.equal(y(0), 100);
    assert.equal(y(50), 75);
    assert.equal(y(200), 0);
    assert.equal(linearScale([5, 5], [0, 10])(5), 5);
  });

  it('steps by 1, 2 or 5 times a power of ten', () => {
    assert.equal(tickStep(10, 5), 2);
    assert.equal(tickStep(100, 4), 20);
    assert.equal(tickStep(1, 4), 0.2);
    assert.equal(tickStep(1, 4, true), 1);
    assert.equal(tickStep(7000, 4), 2000);
    assert.equal(tickStep(0, 4), 1);
  });

  it('grows the domain outward to round ticks', () => {
    assert.deepEqual(niceTicks(3, 97, { count: 4 }), { min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    assert.deepEqual(niceTicks(0, 0.3, { count: 3 }).ticks, [0, 0.1, 0.2, 0.3]);
    assert.deepEqual(niceTicks(7, 7).ticks, [7, 7.2, 7.4, 7.6, 7.8, 8]);
    assert.deepEqual(niceTicks(7, 7, { integer: true }).ticks, [7, 8]);
  });

  it('labels byte axes in one binary unit', () => {
    assert.deepEqual(byteTicks(9840, 4).labels, ['0 B', '2 KiB', '4 KiB', '6 KiB', '8 KiB', '10 KiB']);
    assert.deepEqual(byteTicks(9840, 4).ticks, [0, 2048, 4096, 6144, 8192, 10240]);
    assert.deepEqual(byteTicks(300, 3).labels, ['0 B', '100 B', '200 B', '300 B']);
    assert.deepEqual(byteTicks(3 * 1024 * 1024 + 5, 4).labels, ['0 B', '1 MiB', '2 MiB', '3 MiB', '4 MiB']);
    assert.deepEqual(byteTicks(0).labels, ['0 B', '1 B'], 'nothing traced still draws an axis');
  });

  it('labels count axes with whole numbers', () => {
    assert.deepEqual(countTicks(2782, 3).labels, ['0', '1,000', '2,000', '3,000']);
    assert.deepEqual(countTicks(1).labels, ['0', '1']);
    assert.deepEqual(countTicks(123456, 3).labels, ['0', '50k', '100k', '150k']);
    assert.deepEqual(countTicks(2_500_000, 2).labels, ['0', '1M', '2M', '3M']);
  });

  it('puts sample ticks on whole samples inside the series', () => {
    assert.deepEqual(sampleTicks(1, 37).ticks, [5, 10, 15, 20, 25, 30, 35]);
    assert.deepEqual(sampleTicks(0, 5).ticks, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(sampleTicks(4, 4).ticks, [4]);
  });

  it('finds the nearest sample to the pointer', () => {
    const samples = [1, 2, 5, 9];
    assert.equal(nearestIndex(samples, -3), 0);
    assert.equal(nearestIndex(samples, 3.4), 1);
    assert.equal(nearestIndex(samples, 3.6), 2);
    assert.equal(nearestIndex(samples, 8), 3);
    assert.equal(nearestIndex(samples, 100), 3);
    assert.equal(nearestIndex([], 1), -1);
  });
});
