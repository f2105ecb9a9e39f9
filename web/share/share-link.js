// Share links: the program, its exercise and the settings in the URL fragment,
// as `#v1.` + base64url(deflate-raw(JSON)). The fragment never reaches a
// server. Both directions are bounded: a link longer than MAX_FRAGMENT_CHARS is
// neither made nor read, and a fragment is inflated through a stream that
// stops at MAX_JSON_BYTES, so a small "zip bomb" cannot fill the memory.
import { validateShareState } from './share-state.js';

export const LINK_VERSION = 'v1';
export const MAX_FRAGMENT_CHARS = 8 * 1024;
export const MAX_JSON_BYTES = 64 * 1024;

const PREFIX = `#${LINK_VERSION}.`;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// Thrown (as a rejection) by createShareLink; its message is for the user.
export class ShareLinkError extends Error {}

// The page state worth sharing: the editor's code, the loaded exercise (an id,
// a teacher's whole exercise, or null) and the settings.
export function collectShareState(app, exercisePanel) {
  const { memoryLimitMb, thresholds, debugAllocator } = app.getSettings();
  return {
    code: app.getCode(),
    exercise: exercisePanel.shareable(),
    settings: { memoryLimitMb, thresholds: [...thresholds], debugAllocator },
  };
}

// Puts a decoded state into the page: the exercise (keeping the link's code
// rather than the exercise's starter), then the link's settings over the
// exercise's own. A link with an exercise opens the exercise tab.
export function applyShareState(state, app, exercisePanel) {
  if (state.exercise) {
    exercisePanel.load(state.exercise, { code: state.code });
    app.showView('exercise');
  } else {
    app.setCode(state.code);
  }
  if (state.settings) app.setSettings({ ...app.getSettings(), ...state.settings });
}

// Resolves to the full link (the page's address with the state's fragment).
export async function createShareLink(state, pageUrl = globalThis.location?.href ?? '') {
  const checked = validateShareState(state);
  if (checked.error) throw new ShareLinkError(`This page state cannot be shared: ${checked.error}.`);
  const json = new TextEncoder().encode(JSON.stringify(checked.state));
  if (json.length > MAX_JSON_BYTES) {
    throw new ShareLinkError(`The program is too long to share: links hold at most ${MAX_JSON_BYTES / 1024} KB of it.`);
  }
  const fragment = PREFIX + toBase64Url(await deflate(json));
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    throw new ShareLinkError(`The program is too long to share: its link would have ${count(fragment.length)} ` +
      `characters after the #, and links hold at most ${count(MAX_FRAGMENT_CHARS)}.`);
  }
  return pageUrl.split('#')[0] + fragment;
}

// Reads `location.hash`. Resolves to {state: null} when there is no
// fragment, {state} for a valid link, or {error} with a sentence to show.
export async function readShareLink(hash) {
  if (typeof hash !== 'string' || hash === '' || hash === '#') return { state: null };
  const refuse = (why) => ({ error: `This share link cannot be opened: ${why}. The page starts with its defaults.` });

  if (hash.length > MAX_FRAGMENT_CHARS) {
    return refuse(`it is too long (${count(hash.length)} characters after the #; links hold at most ${count(MAX_FRAGMENT_CHARS)})`);
  }
  const version = /^#(v\d+)\./.exec(hash);
  if (!version) return refuse('it is not a heaplab share link');
  if (version[1] !== LINK_VERSION) return refuse(`it was made by another version of heaplab (${version[1]})`);
  const payload = hash.slice(PREFIX.length);
  const bytes = fromBase64Url(payload);
  if (!bytes) return refuse('its data is damaged (not base64url), perhaps it was cut short when copied');

  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await inflateCapped(bytes, MAX_JSON_BYTES));
  } catch (error) {
    if (error instanceof ShareLinkError) return refuse(error.message);
    return refuse('its data is damaged (it does not decompress), perhaps it was cut short when copied');
  }
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    return refuse('its data is not valid JSON');
  }
  const checked = validateShareState(value);
  return checked.error ? refuse(checked.error) : { state: checked.state };
}

function count(n) {
  return n.toLocaleString('en-US');
}

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates, reading chunk by chunk and giving up as soon as more than `cap`
// bytes came out.
async function inflateCapped(bytes, cap) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(cap);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out.subarray(0, length);
    if (length + value.length > cap) {
      reader.cancel().catch(() => {});
      throw new ShareLinkError(`it expands to more than ${cap / 1024} KB`);
    }
    out.set(value, length);
    length += value.length;
  }
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The bytes, or null when `text` is not unpadded base64url.
function fromBase64Url(text) {
  if (!BASE64URL.test(text) || text.length % 4 === 1 || text.length === 0) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
