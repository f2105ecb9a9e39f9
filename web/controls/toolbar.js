// The run controls above the editor: Run, Step, Pause / Continue, Stop and
// the speed, plus the Settings and Share buttons. It only shows state and
// reports clicks; web/playground.js decides what they do. web/main.js shows
// it, disabled, before the playground is built, so that the page's layout
// does not move when it is.
import './toolbar.css';

export const SPEEDS = Object.freeze([
  { value: 0, label: 'Full speed' },
  { value: 50, label: '50 lines/s' },
  { value: 10, label: '10 lines/s' },
  { value: 2, label: '2 lines/s' },
]);

export class Toolbar {
  // {run, step, pauseOrContinue, stop, speed(value), settings, share}; clicks
  // do nothing until they are set.
  actions = null;
  #buttons = {};
  #speed;
  #status;

  constructor(host) {
    const bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Run controls');
    const add = (name, label, title, action) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `tool tool-${name}`;
      button.id = `${name}-button`;
      button.textContent = label;
      button.title = title;
      button.addEventListener('click', () => this.actions?.[action]());
      bar.append(button);
      this.#buttons[name] = button;
    };
    add('run', '▶ Run', 'Run main.py in a fresh session (Ctrl-Enter)', 'run');
    add('step', '⤼ Step', 'Run one line (F10)', 'step');
    add('pause', '❚❚ Pause', 'Pause the program / continue it', 'pauseOrContinue');
    add('stop', '■ Stop', 'Stop the program (KeyboardInterrupt)', 'stop');

    this.#speed = document.createElement('select');
    this.#speed.id = 'speed-select';
    this.#speed.className = 'tool-speed';
    this.#speed.setAttribute('aria-label', 'Speed');
    for (const { value, label } of SPEEDS) this.#speed.append(new Option(label, String(value)));
    this.#speed.addEventListener('change', () => this.actions?.speed(this.speed));
    bar.append(this.#speed);

    this.#status = document.createElement('span');
    this.#status.className = 'run-status';
    this.#status.id = 'run-status';
    this.#status.setAttribute('role', 'status');
    bar.append(this.#status);

    const spacer = document.createElement('span');
    spacer.className = 'toolbar-spacer';
    bar.append(spacer);
    add('settings', '⚙ Settings', 'Memory limit, GC thresholds, debug allocator', 'settings');
    add('share', '⤴ Share', 'A link to this code, exercise and settings', 'share');
    host.append(bar);
    this.show({ program: 'idle', replBusy: false, ready: false, line: null });
  }

  // Lines per second (0: full speed).
  get speed() {
    return Number(this.#speed.value);
  }

  // program: 'idle' | 'running' | 'paused' | 'finished'; replBusy: a REPL
  // input runs (only Stop applies to it); ready: the session exists.
  show({ program, replBusy, ready, line }) {
    const running = program === 'running';
    const paused = program === 'paused';
    const free = ready && !replBusy && !running;
    this.#buttons.run.disabled = !free;
    this.#buttons.step.disabled = !free;
    this.#buttons.pause.disabled = !(running || paused);
    this.#buttons.pause.textContent = paused ? '▶ Continue' : '❚❚ Pause';
    this.#buttons.stop.disabled = !(running || paused || replBusy);
    this.#buttons.share.disabled = !ready;
    this.#status.textContent = !ready ? 'starting…'
      : replBusy ? 'running your input'
      : running ? (line ? `running · line ${line}` : 'running')
      : paused ? (line ? `paused before line ${line}` : 'paused')
      : program === 'finished' ? 'finished' : '';
    this.#status.dataset.state = replBusy ? 'running' : program;
  }
}
