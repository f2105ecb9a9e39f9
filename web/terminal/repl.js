// The interactive prompt on an xterm.js terminal, behaving like CPython's:
// `>>> ` and `... ` prompts, line editing, history, multi-line blocks, and
// Ctrl-C that interrupts a running program or abandons the typed input. A
// program's input() gets a line edited the same way, after its prompt;
// Ctrl-D on an empty line is end of input (EOFError).
import { History } from './history.js';
import { LineEditor } from './line-editor.js';
import { parseKeys } from './keys.js';
import { renderLine } from './line-renderer.js';
import { SessionRestarted } from '../session/session-client.js';

export const PRIMARY_PROMPT = '>>> ';
export const CONTINUATION_PROMPT = '... ';
const INDENT = '    ';
const ERROR_STYLE = '\x1b[38;5;210m';
const RESET_STYLE = '\x1b[0m';

export class Repl {
  #terminal;
  #session;
  #editor = new LineEditor();
  #history = new History();
  #block = [];  // the lines of a multi-line input typed so far
  #prompt = PRIMARY_PROMPT;
  #promptColumn = 0;
  #cursorRow = 0;
  #pendingKeys = [];  // typed while busy; handled at the next prompt
  #busy = true;  // no prompt on screen: classifying, running, or not started
  #running = false;
  #readingInput = false;  // the line being edited answers the program's input()

  // `session` is a SessionClient (classify, run, interrupt, outputShown).
  constructor(terminal, session) {
    this.#terminal = terminal;
    this.#session = session;
    terminal.onData((data) => this.#receive(data));
  }

  // Shows the first prompt. Keys typed before this were kept and apply now.
  async start() {
    await this.#showPrompt(PRIMARY_PROMPT);
    this.#becomeIdle();
  }

  // Runs a program started outside the prompt (the editor's Run or Step):
  // the line being typed is left as it is, `banner` is written, the program's
  // output and input() use this terminal, and a fresh prompt follows its end.
  // `start(onOutput, onInput)` starts it and resolves when it ends.
  async runProgram(banner, start) {
    this.#busy = true;
    this.#finishLine();
    this.#block = [];
    this.#history.reset();
    this.#terminal.write(`${banner}\r\n`);
    this.#running = true;
    try {
      await start((chunk) => this.#writeOutput(chunk), () => this.#beginInputLine());
    } catch (error) {
      // A session that is gone: the page reports why and input stays closed.
      // One that was replaced: a prompt in the fresh one (sessionRestarted).
      if (!(error instanceof SessionRestarted)) return;
    }
    this.#running = false;
    await this.#showPrompt(PRIMARY_PROMPT);
    this.#becomeIdle();
  }

  // Writes a line of its own while a program runs (a restart's banner).
  async announce(text) {
    await this.#flushTerminal();
    const atLineStart = this.#terminal.buffer.active.cursorX === 0;
    this.#terminal.write(`${atLineStart ? '' : '\r\n'}${text}\r\n`);
  }

  // Ends the session shown so far and prompts in a fresh one (settings applied).
  async restart(banner) {
    this.#busy = true;
    this.#finishLine();
    this.#block = [];
    this.#history.reset();
    this.#terminal.write(`${banner}\r\n`);
    await this.#showPrompt(PRIMARY_PROMPT);
    this.#becomeIdle();
  }

  // A fresh session replaced the one that stopped answering: writes
  // `message` at once (before anything that follows from the restart), then
  // prompts again. Input being typed is left on screen as it was; a REPL
  // input or program underway ends (its promise rejects with
  // SessionRestarted), and its own code then shows the prompt.
  sessionRestarted(message) {
    if (this.#readingInput) this.#endInputLine();
    const atPrompt = !this.#busy;
    if (atPrompt) {
      this.#busy = true;
      this.#finishLine();
      this.#block = [];
    } else if (this.#terminal.buffer.active.cursorX !== 0) {
      this.#terminal.write('\r\n');
    }
    this.#history.reset();
    this.#terminal.write(`${message}\r\n`);
    if (atPrompt) this.#showPrompt(PRIMARY_PROMPT).then(() => this.#becomeIdle());
  }

  // Everything on the terminal, one string per row joined by newlines; rows
  // that are soft-wrapped continuations are joined to the row before.
  text() {
    const buffer = this.#terminal.buffer.active;
    let text = '';
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (i > 0 && !line.isWrapped) text += '\n';
      const continues = i + 1 < buffer.length && buffer.getLine(i + 1).isWrapped;
      text += line.translateToString(!continues);  // keep a space that falls at the wrap
    }
    return text.trimEnd();
  }

  #receive(data) {
    const keys = parseKeys(data);
    if (this.#running && keys.some((key) => key.name === 'ctrl-c')) {
      // As a terminal's SIGINT does: interrupt the program, drop the type-ahead.
      if (this.#readingInput) this.#endInputLine();
      this.#session.interrupt();
      this.#pendingKeys = [];
      return;
    }
    this.#pendingKeys.push(...keys);
    this.#drain();
  }

  #drain() {
    while (!this.#busy && this.#pendingKeys.length > 0) this.#handleKey(this.#pendingKeys.shift());
  }

  #becomeIdle() {
    this.#busy = false;
    this.#drain();
  }

  #handleKey(key) {
    const editor = this.#editor;
    switch (key.name) {
      case 'text': editor.insert(key.text); break;
      case 'tab': editor.insert(INDENT); break;
      case 'backspace': editor.backspace(); break;
      case 'delete': editor.deleteForward(); break;
      case 'ctrl-d':
        if (this.#readingInput && editor.length === 0) {
          this.#endInputLine();
          this.#session.provideInput(null);
          return;
        }
        editor.deleteForward();
        break;
      case 'left': editor.left(); break;
      case 'right': editor.right(); break;
      case 'home':
      case 'ctrl-a': editor.home(); break;
      case 'end':
      case 'ctrl-e': editor.end(); break;
      case 'ctrl-u': editor.killToStart(); break;
      case 'ctrl-k': editor.killToEnd(); break;
      case 'ctrl-w': editor.killWordBefore(); break;
      case 'up': {
        const entry = this.#history.previous(editor.text);
        if (entry !== null) editor.set(entry);
        break;
      }
      case 'down': {
        const entry = this.#history.next();
        if (entry !== null) editor.set(entry);
        break;
      }
      case 'ctrl-l':
        this.#terminal.write('\x1b[H\x1b[2J');
        this.#promptColumn = 0;
        this.#cursorRow = 0;
        break;
      case 'ctrl-c':
        this.#abandonInput();
        return;
      case 'enter':
        this.#submitLine();
        return;
    }
    this.#redraw();
  }

  #redraw(cursor = this.#editor.cursor) {
    const { sequence, cursorRow } = renderLine({
      prompt: this.#prompt,
      text: this.#editor.text,
      cursor,
      columns: this.#terminal.cols,
      startColumn: this.#promptColumn,
      cursorRow: this.#cursorRow,
    });
    this.#terminal.write(sequence);
    this.#cursorRow = cursorRow;
  }

  // Leaves the edited line on screen as typed and moves to the next row.
  #finishLine() {
    this.#redraw(this.#editor.length);
    this.#terminal.write('\r\n');
  }

  // Ctrl-C at a prompt: CPython prints KeyboardInterrupt and starts afresh.
  async #abandonInput() {
    this.#busy = true;
    this.#finishLine();
    this.#terminal.write('KeyboardInterrupt\r\n');
    this.#block = [];
    this.#history.reset();
    await this.#showPrompt(PRIMARY_PROMPT);
    this.#becomeIdle();
  }

  async #submitLine() {
    if (this.#readingInput) {
      const line = this.#editor.text;
      this.#endInputLine();
      this.#session.provideInput(line);
      return;
    }
    this.#busy = true;
    const line = this.#editor.text;
    this.#finishLine();
    this.#history.add(line);
    if (this.#block.length === 0 && line.trim() === '') {
      await this.#showPrompt(PRIMARY_PROMPT);
      this.#becomeIdle();
      return;
    }
    this.#block.push(line);
    // Joined as code.InteractiveConsole does: the empty line that ends a block
    // shows up as the trailing newline.
    const source = this.#block.join('\n');
    try {
      if ((await this.#session.classify(source)) === 'incomplete') {
        await this.#showPrompt(CONTINUATION_PROMPT);
      } else {
        this.#block = [];
        this.#running = true;
        await this.#session.run(source, (chunk) => this.#writeOutput(chunk), () => this.#beginInputLine());
        this.#running = false;
        await this.#showPrompt(PRIMARY_PROMPT);
      }
    } catch (error) {
      if (!(error instanceof SessionRestarted)) return;  // the session is gone; input stays closed
      this.#block = [];
      this.#running = false;
      await this.#showPrompt(PRIMARY_PROMPT);
    }
    this.#becomeIdle();
  }

  // The program waits in input(): its prompt is on screen (it came as
  // output); the line is edited right after it.
  async #beginInputLine() {
    await this.#flushTerminal();
    this.#readingInput = true;
    this.#prompt = '';
    this.#editor.clear();
    this.#cursorRow = 0;
    this.#promptColumn = this.#terminal.buffer.active.cursorX;
    this.#becomeIdle();
  }

  // Leaves the input line on screen and goes back to running the program.
  #endInputLine() {
    this.#busy = true;
    this.#readingInput = false;
    this.#finishLine();
  }

  #writeOutput({ stream, text }) {
    const styled = stream === 'err' ? ERROR_STYLE + text + RESET_STYLE : text;
    this.#terminal.write(styled, () => this.#session.outputShown(text.length));
  }

  // Writes the prompt where the output left the cursor, as CPython does, and
  // resolves once the terminal has drawn it (so the prompt's column is known).
  async #showPrompt(prompt) {
    this.#prompt = prompt;
    this.#editor.clear();
    this.#cursorRow = 0;
    await this.#flushTerminal();
    const column = this.#terminal.buffer.active.cursorX;
    if (column + prompt.length >= this.#terminal.cols) {
      this.#terminal.write('\r\n');
      this.#promptColumn = 0;
    } else {
      this.#promptColumn = column;
    }
    this.#terminal.write(prompt);
    await this.#flushTerminal();
  }

  #flushTerminal() {
    return new Promise((resolve) => this.#terminal.write('', resolve));
  }
}
