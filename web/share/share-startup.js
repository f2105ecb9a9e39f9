// Opens the share link the page was loaded with, and any pasted into the
// address bar later (only the fragment changes then: no reload). The
// session's worker decodes them (core/share, in the wasm module).
import { session } from '../session/page-session.js';
import { applyShareState, readShareLink } from './share-link.js';
import { showShareNotice } from './share-notice.js';

// Resolves once the page's own link is applied: to its state, or null when
// there is none or it was refused (the notice then says why).
export async function openShareLinks(app, exercisePanel) {
  const open = async () => {
    const link = await readShareLink(location.hash, (fragment) => session.decodeLink(fragment));
    if (link.error) showShareNotice(link.error);
    else if (link.state) applyShareState(link.state, app, exercisePanel);
    return link.state ?? null;
  };
  window.addEventListener('hashchange', open);
  return open();
}
