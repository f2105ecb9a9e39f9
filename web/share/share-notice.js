// Says why a share link could not be opened: a dismissible banner over the
// page, its sentence set as text.
import './share-dialog.css';

export function showShareNotice(message) {
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
  return notice;
}
