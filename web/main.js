// Starts the playground: the Python session in its worker, the REPL on the
// terminal, and the arena map fed by every snapshot the session sends.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { SessionClient } from './session/session-client.js';
import { Repl } from './terminal/repl.js';
import { ArenaMap } from './views/arena-map.js';

const BANNER =
  "heaplab: CPython 3.12's memory manager, modelled in your browser.\r\n" +
  'The arena map shows the heap after each input. Ctrl-C interrupts.\r\n';

const terminal = new Terminal({
  convertEol: true,  // Python writes \n; the terminal needs \r\n
  cursorBlink: true,
  fontFamily: 'ui-monospace, "SF Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  lineHeight: 1.15,  // room for underscores below the baseline
  scrollback: 5000,
  theme: {
    background: '#11151c',
    foreground: '#d8dee9',
    cursor: '#f0c674',
    selectionBackground: '#3b4252',
    scrollbarSliderBackground: 'rgba(139, 149, 167, 0.18)',
    scrollbarSliderHoverBackground: 'rgba(139, 149, 167, 0.32)',
    scrollbarSliderActiveBackground: 'rgba(139, 149, 167, 0.45)',
  },
});
const fit = new FitAddon();
terminal.loadAddon(fit);
terminal.open(document.getElementById('terminal'));
fit.fit();
new ResizeObserver(() => fit.fit()).observe(document.getElementById('terminal'));
terminal.focus();

const arenaMap = new ArenaMap(document.getElementById('arena-map'));
const session = new SessionClient('worker.js');
const repl = new Repl(terminal, session);

session.onSnapshot((snapshot) => arenaMap.update(snapshot.memory));
session.onFailure((error) => {
  terminal.write(`\r\n\x1b[38;5;210mThe Python session stopped: ${error.message}\x1b[0m\r\n` +
    'Reload the page to start a new one.\r\n');
});

// For the browser tests and for anyone curious in the devtools console.
window.heaplab = Object.freeze({
  terminalText: () => repl.text(),
  arenaMap: () => arenaMap.describe(),
  poolCenter: (row, slot) => arenaMap.poolCenter(row, slot),
});

terminal.write('Starting the Python session…');
session.ready.then(() => {
  terminal.write('\r\x1b[K' + BANNER);
  return repl.start();
}, () => {});  // onFailure above has told the user
