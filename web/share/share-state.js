// What a share link carries, and the strict check of a decoded one: only the
// known keys, each of its type and within its range. Anything else is refused
// with a sentence the page shows as text.
//   {code: string,
//    exercise?: null | "03_cycles" (a built-in id) | {...} (a whole exercise, the JSON format),
//    settings?: {memoryLimitMb?, thresholds?: [t0, t1, t2], debugAllocator?}}
import { findExercise } from '../exercises/catalog.js';
import { MAX_MEMORY_LIMIT_MB, readExercise } from '../exercises/exercise.js';

export const MAX_CODE_CHARS = 60_000;
export const MAX_THRESHOLD = 2 ** 31 - 1;  // gc.set_threshold takes C ints

const STATE_KEYS = ['code', 'exercise', 'settings'];
const SETTINGS_KEYS = ['memoryLimitMb', 'thresholds', 'debugAllocator'];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isWhole = (value, min, max) => Number.isInteger(value) && value >= min && value <= max;

// Returns {state} (a fresh object holding only the checked fields) or {error}.
export function validateShareState(value) {
  if (!isObject(value)) return { error: 'it does not hold an object' };
  const unknown = Object.keys(value).find((key) => !STATE_KEYS.includes(key));
  if (unknown !== undefined) return { error: `it has an unknown field "${unknown}"` };

  if (typeof value.code !== 'string') return { error: 'its "code" is missing or not text' };
  if (value.code.length > MAX_CODE_CHARS) return { error: `its code is longer than ${MAX_CODE_CHARS} characters` };
  const state = { code: value.code };

  if (value.exercise !== undefined && value.exercise !== null) {
    const exercise = validateExercise(value.exercise);
    if (exercise.error) return exercise;
    state.exercise = exercise.value;
  }

  if (value.settings !== undefined) {
    const settings = validateSettings(value.settings);
    if (settings.error) return settings;
    state.settings = settings.value;
  }
  return { state };
}

function validateExercise(exercise) {
  if (typeof exercise === 'string') {
    if (!findExercise(exercise)) return { error: `it names an exercise this page does not have: "${exercise.slice(0, 64)}"` };
    return { value: exercise };
  }
  if (!isObject(exercise)) return { error: 'its "exercise" must be an exercise id or an exercise object' };
  const { error } = readExercise(exercise);
  if (error) return { error: `its exercise is not valid (${error})` };
  return { value: exercise };
}

function validateSettings(settings) {
  if (!isObject(settings)) return { error: 'its "settings" must be an object' };
  const unknown = Object.keys(settings).find((key) => !SETTINGS_KEYS.includes(key));
  if (unknown !== undefined) return { error: `its settings have an unknown field "${unknown}"` };
  const value = {};
  if (settings.memoryLimitMb !== undefined) {
    if (!isWhole(settings.memoryLimitMb, 1, MAX_MEMORY_LIMIT_MB)) {
      return { error: `its memory limit must be a whole number of MB from 1 to ${MAX_MEMORY_LIMIT_MB}` };
    }
    value.memoryLimitMb = settings.memoryLimitMb;
  }
  if (settings.thresholds !== undefined) {
    const thresholds = settings.thresholds;
    if (!Array.isArray(thresholds) || thresholds.length !== 3 || !thresholds.every((t) => isWhole(t, 0, MAX_THRESHOLD))) {
      return { error: `its GC thresholds must be three whole numbers from 0 to ${MAX_THRESHOLD}` };
    }
    value.thresholds = [...thresholds];
  }
  if (settings.debugAllocator !== undefined) {
    if (typeof settings.debugAllocator !== 'boolean') return { error: 'its debug allocator setting must be true or false' };
    value.debugAllocator = settings.debugAllocator;
  }
  return { value };
}
