// The session's settings: what a fresh session is made with. The settings
// dialog edits them, share links carry them; both go through normalizeSettings.

export const DEFAULT_SETTINGS = Object.freeze({
  memoryLimitMb: 256,
  thresholds: Object.freeze([700, 10, 10]),  // gc.get_threshold() of CPython 3.12
  debugAllocator: false,
});

export const MEMORY_LIMIT_RANGE_MB = Object.freeze({ min: 1, max: 1024 });
export const THRESHOLD_MAX = 1_000_000;

// A complete, valid settings object from a partial or untrusted one, or an
// error string naming the first field that is wrong.
export function normalizeSettings(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { error: 'settings must be an object' };
  }
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, key)) return { error: `unknown setting "${key}"` };
  }
  const settings = { ...DEFAULT_SETTINGS, ...input };
  const { min, max } = MEMORY_LIMIT_RANGE_MB;
  if (!Number.isInteger(settings.memoryLimitMb) || settings.memoryLimitMb < min || settings.memoryLimitMb > max) {
    return { error: `the memory limit must be a whole number of MiB from ${min} to ${max}` };
  }
  const { thresholds } = settings;
  if (!Array.isArray(thresholds) || thresholds.length !== 3 ||
      !thresholds.every((t) => Number.isInteger(t) && t >= 0 && t <= THRESHOLD_MAX)) {
    return { error: `the GC thresholds must be three whole numbers from 0 to ${THRESHOLD_MAX}` };
  }
  if (typeof settings.debugAllocator !== 'boolean') return { error: 'debugAllocator must be true or false' };
  return { settings: { memoryLimitMb: settings.memoryLimitMb, thresholds: [...thresholds], debugAllocator: settings.debugAllocator } };
}

export function sameSettings(a, b) {
  return a.memoryLimitMb === b.memoryLimitMb && a.debugAllocator === b.debugAllocator &&
    a.thresholds.every((t, i) => t === b.thresholds[i]);
}
