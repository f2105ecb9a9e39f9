// The Share button's dialog: makes the link from the page's state and shows
// it as text, with a button that copies it.
import './share-dialog.css';
import { session } from '../session/page-session.js';
import { collectShareState, createShareLink } from './share-link.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let dialog = null;
let parts = null;

function build() {
  dialog = element('dialog', 'share-dialog');
  dialog.setAttribute('aria-labelledby', 'share-dialog-title');
  const title = element('h2', 'share-dialog-title', 'Share this program');
  title.id = 'share-dialog-title';
  const about = element('p', 'share-dialog-about',
    'The link holds your code, the loaded exercise and the settings, compressed into its # part: ' +
    'nothing is uploaded. Whoever opens it gets the same page.');
  const link = element('textarea', 'share-dialog-link');
  link.readOnly = true;
  link.rows = 3;
  link.spellcheck = false;
  link.setAttribute('aria-label', 'Share link');
  const status = element('p', 'share-dialog-status');
  status.setAttribute('aria-live', 'polite');
  const actions = element('div', 'share-dialog-actions');
  const copy = element('button', 'share-dialog-copy', 'Copy link');
  copy.type = 'button';
  const close = element('button', 'share-dialog-close', 'Close');
  close.type = 'button';
  actions.append(copy, close);
  dialog.append(title, about, link, status, actions);

  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = 'Copied to the clipboard.';
    } catch {
      link.focus();
      link.select();
      status.textContent = 'The browser did not allow copying: the link is selected, press Ctrl+C (⌘C) to copy it.';
    }
  });
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  parts = { about, link, status, copy };
}

// Opens the dialog for the page's current state. Resolves to the link, or
// null when the state cannot be shared (the dialog then says why).
export async function openShareDialog(app, exercisePanel) {
  if (!dialog) build();
  parts.status.textContent = 'Making the link…';
  parts.link.value = '';
  parts.link.hidden = false;
  parts.copy.hidden = false;
  parts.status.classList.remove('is-error');
  if (!dialog.open) dialog.showModal();
  try {
    const url = await createShareLink(collectShareState(app, exercisePanel), location.href,
      (fragment) => session.decodeLink(fragment));
    parts.link.value = url;
    parts.status.textContent = `${url.length.toLocaleString('en-US')} characters.`;
    parts.link.focus();
    parts.link.select();
    return url;
  } catch (error) {
    parts.link.hidden = true;
    parts.copy.hidden = true;
    parts.status.classList.add('is-error');
    parts.status.textContent = error?.message ?? String(error);
    return null;
  }
}

// For tests: what the dialog shows.
export function describeShareDialog() {
  if (!dialog) return { open: false };
  return { open: dialog.open, link: parts.link.hidden ? null : parts.link.value, status: parts.status.textContent };
}
