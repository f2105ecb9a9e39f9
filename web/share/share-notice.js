// Says why a share link could not be opened: a dismissible banner over the
// page (one at a time), its sentence set as text.
import './share-dialog.css';

let current = null;

export function showShareNotice(message) {
  current?.remove();
  const notice = document.createElement('div');
  notice.className = 'share-notice';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.className = 'share-notice-text';
  text.textContent = message;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'share-notice-dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => notice.remove());
  notice.append(text, dismiss);
  document.body.append(notice);
  current = notice;
  return notice;
}
