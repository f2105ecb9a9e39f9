// The Python shell: the terminal and its REPL on the page's session. The page
// brings it up first (web/main.js) and shows its prompt as soon as the session
// is ready; the playground (web/playground.js) is built around it afterwards.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { Repl } from './terminal/repl.js';

const BANNER =
  "heaplab: CPython 3.12's memory manager in your browser.\r\n" +
  'Run or Step main.py, or type Python here. Ctrl-C interrupts.\r\n';

export class Shell {
  terminal;
  repl;
  // performance.now() when the first prompt showed, or null before.
  firstPromptMs = null;
  // Resolves once the first prompt shows.
  started;
  #session;
  #start;

  // `session` is the page's SessionClient; `host` the terminal's element.
  constructor(host, session) {
    this.#session = session;
    this.terminal = new Terminal({
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
    this.terminal.loadAddon(fit);
    this.terminal.open(host);
    fit.fit();
    new ResizeObserver(() => fit.fit()).observe(host);
    this.repl = new Repl(this.terminal, session);
    this.started = new Promise((resolve) => { this.#start = resolve; });

    this.terminal.write('Starting the Python session…');
    session.onRestart((error) => {
      this.repl.sessionRestarted(`\x1b[38;5;210m${error.message}: its variables are gone; ` +
        `the prompt and Run work again.\x1b[0m`);
    });
    session.onFailure((error) => {
      this.terminal.write(`\r\n\x1b[38;5;210mThe Python session stopped: ${error.message}\x1b[0m\r\n` +
        'Reload the page to start a new one.\r\n');
    });
  }

  // Shows the banner and the first prompt once the session is ready (never,
  // if it fails: the terminal then says why).
  async start() {
    try {
      await this.#session.ready;
    } catch {
      return;
    }
    this.terminal.write('\r\x1b[K' + BANNER);
    await this.repl.start();
    this.firstPromptMs = Math.round(performance.now());
    this.#start();
  }
}
