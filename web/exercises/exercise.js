// An exercise as the page uses it, read from the course's JSON format
// (core/exercise/exercise.h): the same fields, types and errors as the C++
// loader, plus size bounds, because a teacher's exercise can arrive in a
// share link. The C++ checker validates the text again when it runs.
import { MEMORY_LIMIT_RANGE_MB } from '../session/settings.js';

// An exercise's memory limit becomes the page's setting: it keeps to its range.
const MAX_MEMORY_LIMIT_MB = MEMORY_LIMIT_RANGE_MB.max;

const BOUNDS = {
  id: 64,
  title: 200,
  topic: 200,
  text: 32 * 1024,  // instructions, starter, a hint, a check's fields
  hints: 20,
  checks: 50,
};

const TOP_KEYS = ['id', 'title', 'topic', 'instructions', 'starter', 'hints', 'settings', 'checks'];
const CHECK_KEYS = ['name', 'python', 'message'];

// Returns {exercise} or {error} (a sentence naming the field at fault).
//   exercise: {id, title, topic, instructions, starter, hints, memoryLimitMb,
//              checks: [{name, python, message}], jsonText}
// `jsonText` is what the C++ checker reads.
export function readExercise(value) {
  try {
    return { exercise: read(value) };
  } catch (error) {
    if (error instanceof ExerciseError) return { error: error.message };
    throw error;
  }
}

class ExerciseError extends Error {}

function fail(message) {
  throw new ExerciseError(message);
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function kindName(value) {
  if (value === null) return 'a null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

function checkKeys(object, where, allowed) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) fail(`${where}: unknown key "${key}"`);
  }
}

function string(object, where, key, { required = true, max = BOUNDS.text } = {}) {
  if (!Object.hasOwn(object, key)) {
    if (required) fail(`${where}: missing "${key}"`);
    return '';
  }
  const value = object[key];
  if (typeof value !== 'string') fail(`${where}: "${key}" must be a string, not ${kindName(value)}`);
  if (value.length > max) fail(`${where}: "${key}" is longer than ${max} characters`);
  return value;
}

// A string, or an array of strings that are its lines (each ends with a newline, as in C++).
function text(object, where, key) {
  const value = object[key];
  if (!Array.isArray(value)) return string(object, where, key);
  if (!value.every((line) => typeof line === 'string')) {
    fail(`${where}: "${key}" must be a string or an array of strings`);
  }
  const joined = value.map((line) => `${line}\n`).join('');
  if (joined.length > BOUNDS.text) fail(`${where}: "${key}" is longer than ${BOUNDS.text} characters`);
  return joined;
}

function readMemoryLimit(settings) {
  checkKeys(settings, 'settings', ['memory_limit_mb']);
  if (!Object.hasOwn(settings, 'memory_limit_mb')) return null;
  const limit = settings.memory_limit_mb;
  if (typeof limit !== 'number') fail(`settings: "memory_limit_mb" must be a number, not ${kindName(limit)}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MEMORY_LIMIT_MB) {
    fail(`settings: "memory_limit_mb" must be a whole number of MB between 1 and ${MAX_MEMORY_LIMIT_MB}`);
  }
  return limit;
}

function readCheck(entry, index) {
  const where = `checks[${index}]`;
  if (!isObject(entry)) fail(`${where}: must be an object`);
  checkKeys(entry, where, CHECK_KEYS);
  return {
    name: string(entry, where, 'name'),
    python: string(entry, where, 'python'),
    message: string(entry, where, 'message', { required: false }),
  };
}

function read(value) {
  if (!isObject(value)) fail('an exercise must be a JSON object');
  checkKeys(value, 'exercise', TOP_KEYS);
  const exercise = {
    id: string(value, 'exercise', 'id', { max: BOUNDS.id }),
    title: string(value, 'exercise', 'title', { max: BOUNDS.title }),
    topic: string(value, 'exercise', 'topic', { max: BOUNDS.topic }),
    instructions: text(value, 'exercise', 'instructions'),
    starter: text(value, 'exercise', 'starter'),
    hints: [],
    memoryLimitMb: null,
    checks: [],
  };

  if (Object.hasOwn(value, 'hints')) {
    const hints = value.hints;
    if (!Array.isArray(hints)) fail(`exercise: "hints" must be an array, not ${kindName(hints)}`);
    if (hints.length > BOUNDS.hints) fail(`exercise: more than ${BOUNDS.hints} hints`);
    for (const hint of hints) {
      if (typeof hint !== 'string') fail('exercise: every hint must be a string');
      if (hint.length > BOUNDS.text) fail(`exercise: a hint is longer than ${BOUNDS.text} characters`);
    }
    exercise.hints = [...hints];
  }

  if (Object.hasOwn(value, 'settings')) {
    if (!isObject(value.settings)) fail(`exercise: "settings" must be an object, not ${kindName(value.settings)}`);
    exercise.memoryLimitMb = readMemoryLimit(value.settings);
  }

  if (!Object.hasOwn(value, 'checks')) fail('exercise: missing "checks"');
  const checks = value.checks;
  if (!Array.isArray(checks)) fail(`exercise: "checks" must be an array, not ${kindName(checks)}`);
  if (checks.length === 0) fail('exercise: "checks" must not be empty');
  if (checks.length > BOUNDS.checks) fail(`exercise: more than ${BOUNDS.checks} checks`);
  exercise.checks = checks.map(readCheck);

  exercise.jsonText = JSON.stringify(value);
  return exercise;
}
