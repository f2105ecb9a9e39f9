// Share links: the program, its exercise and the settings in the URL fragment,
// as `#v1.` + base64url(deflate-raw(JSON)). The fragment never reaches a
// server. Links are read by one decoder, the C++ one (core/share/share_link.h,
// fuzzed), which runs in the session's wasm module: `decode(fragment)` resolves
// to its answer, {ok: true, state: JSON text} or {ok: false, error, reason}.
// Making a link compresses here and then asks that decoder, so a link it would
// refuse is never made.
export const LINK_VERSION = 'v1';
export const MAX_FRAGMENT_CHARS = 8 * 1024;
export const MAX_JSON_BYTES = 64 * 1024;

const PREFIX = `#${LINK_VERSION}.`;

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
// `decode` checks it with the reader that will open it (the page always
// passes the session's, so it hands out no link that reader refuses); a test
// that makes a link for a browser to open may leave it out.
export async function createShareLink(state, pageUrl = globalThis.location?.href ?? '', decode = null) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  if (json.length > MAX_JSON_BYTES) {
    throw new ShareLinkError(`The program is too long to share: links hold at most ${MAX_JSON_BYTES / 1024} KB of it.`);
  }
  const fragment = PREFIX + toBase64Url(await deflate(json));
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    throw new ShareLinkError(`The program is too long to share: its link would have ${count(fragment.length)} ` +
      `characters after the #, and links hold at most ${count(MAX_FRAGMENT_CHARS)}.`);
  }
  if (decode) {
    const checked = await decode(fragment);
    if (!checked.ok) throw new ShareLinkError(`This page state cannot be shared: ${checked.reason}.`);
  }
  return pageUrl.split('#')[0] + fragment;
}

// Reads `location.hash`. Resolves to {state: null} when there is no
// fragment, {state} for a valid link, or {error} with a sentence to show.
export async function readShareLink(hash, decode) {
  if (typeof hash !== 'string' || hash === '' || hash === '#') return { state: null };
  let result;
  try {
    result = await decode(hash);
  } catch {
    return { error: 'This share link cannot be opened: the Python session is not running. The page starts with its defaults.' };
  }
  return result.ok ? { state: JSON.parse(result.state) } : { error: result.error };
}

function count(n) {
  return n.toLocaleString('en-US');
}

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
