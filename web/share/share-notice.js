// Says why a share link could not be opened, in the page's notice bar
// (#notice in index.html), as text, with a button that dismisses it.
import './share-dialog.css';

export function showShareNotice(message) {
  const notice = document.getElementById('notice');
  const text = document.createElement('span');
  text.textContent = message;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'share-notice-dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.addEventListener('click', () => { notice.hidden = true; });
  notice.replaceChildren(dismiss, text);  // floated right, the button comes first
  notice.hidden = false;
}
