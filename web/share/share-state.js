// What a share link carries, and the strict check of a decoded one: only the
// known keys, each of its type and within its range. Anything else is refused
// with a sentence the page shows as text.
//   {code: string,
//    exercise?: null | "03_cycles" (a built-in id) | {...} (a whole exercise, the JSON format),
//    settings?: {memoryLimitMb, thresholds: [t0, t1, t2], debugAllocator}}
// (web/session/settings.js; a decoded link's settings are complete, defaults filled in)
import { findExercise } from '../exercises/catalog.js';
import { readExercise } from '../exercises/exercise.js';
import { DEFAULT_SETTINGS, normalizeSettings } from '../session/settings.js';

export const MAX_CODE_CHARS = 60_000;

const STATE_KEYS = ['code', 'exercise', 'settings'];

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

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

// The settings module's own check, after a stricter look at the keys (own
// properties only: "toString" is not a setting). Missing settings take their defaults.
function validateSettings(settings) {
  if (!isObject(settings)) return { error: 'its "settings" must be an object' };
  const unknown = Object.keys(settings).find((key) => !Object.hasOwn(DEFAULT_SETTINGS, key));
  if (unknown !== undefined) return { error: `its settings have an unknown field "${unknown}"` };
  const normalized = normalizeSettings(settings);
  return normalized.error ? { error: `in its settings, ${normalized.error}` } : { value: normalized.settings };
}
