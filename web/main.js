// The page's entry point: the Python shell and the (disabled) toolbar first,
// then the playground (web/playground.js) built around them. The session's
// worker is already booting (index.html starts it); the shell's prompt shows
// as soon as it is ready, and the editor and views are loaded and built after
// that prompt has been drawn.
import { Toolbar } from './controls/toolbar.js';
import { session } from './session/page-session.js';
import { Shell } from './shell.js';

const toolbar = new Toolbar(document.getElementById('toolbar'));
const shell = new Shell(document.getElementById('terminal'), session);
// Resolves after the next frame has been drawn.
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function start() {
  if (location.hash) {
    // A share link can change the session's settings: the playground applies
    // it before the first prompt.
    const { buildPlayground } = await import('./playground.js');
    await buildPlayground(shell, toolbar);
    await shell.start();
  } else {
    await shell.start();
    await afterPaint();
    const { buildPlayground } = await import('./playground.js');
    await buildPlayground(shell, toolbar);
  }
}

start();
