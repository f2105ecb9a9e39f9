// The session settings the dialog edits and share links carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings, sameSettings } from '../../web/session/settings.js';

describe('session settings', () => {
  it('completes partial settings with the defaults (CPython 3.12 thresholds)', () => {
    assert.deepEqual(normalizeSettings({}).settings, { memoryLimitMb: 256, thresholds: [700, 10, 10], debugAllocator: false });
    assert.deepEqual(normalizeSettings({ memoryLimitMb: 8, debugAllocator: true }).settings,
      { memoryLimitMb: 8, thresholds: [700, 10, 10], debugAllocator: true });
  });

  it('names what is wrong', () => {
    assert.match(normalizeSettings({ memoryLimitMb: 0 }).error, /memory limit/);
    assert.match(normalizeSettings({ memoryLimitMb: 2.5 }).error, /memory limit/);
    assert.match(normalizeSettings({ memoryLimitMb: '64' }).error, /memory limit/);
    assert.match(normalizeSettings({ thresholds: [1, 2] }).error, /thresholds/);
    assert.match(normalizeSettings({ thresholds: [1, 2, -3] }).error, /thresholds/);
    assert.match(normalizeSettings({ debugAllocator: 'yes' }).error, /debugAllocator/);
    assert.match(normalizeSettings({ colour: 'red' }).error, /unknown setting "colour"/);
    assert.match(normalizeSettings({ toString: 1 }).error, /unknown setting "toString"/);
    assert.match(normalizeSettings(null).error, /object/);
    assert.match(normalizeSettings([1]).error, /object/);
  });

  it('compares settings by value', () => {
    assert.ok(sameSettings(DEFAULT_SETTINGS, normalizeSettings({}).settings));
    assert.ok(!sameSettings(DEFAULT_SETTINGS, normalizeSettings({ thresholds: [700, 10, 11] }).settings));
  });
});
