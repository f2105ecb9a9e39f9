// The exercise tab: the course's exercises (and a teacher's, from a share
// link) in a list; a loaded one shows its instructions, hints one at a time,
// its memory limit, and checks the editor's program with the C++ checker.
import './exercise-panel.css';
import { EXERCISES, findExercise } from './catalog.js';
import { renderCheckError, renderCheckReport, summarize } from './check-report.js';
import { readExercise } from './exercise.js';
import { renderInline, renderMarkdown } from './markdown.js';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className, text, onClick) {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

export class ExercisePanel {
  #app;
  #root;
  #listView;
  #list;
  #detail;
  #notice;
  #custom = null;         // {exercise, source}: a teacher's exercise from a link
  #current = null;        // {exercise, custom, source}
  #hintsShown = 0;
  #codeByExercise = new Map();  // what the learner wrote, kept when switching exercises
  #solved = new Set();    // exercises whose every check passed in this page
  #limitBefore = null;    // the memory limit an exercise's own limit replaced
  #appliedLimit = null;
  #checkRun = 0;          // so a stale check result never lands on another exercise
  #checking = false;
  #sessionUp = false;     // the worker drops requests until its session exists: its first heap update says it does
  #result = null;
  #error = null;
  // Elements of the detail view.
  #title;
  #topic;
  #origin;
  #limitNote;
  #instructions;
  #hintList;
  #hintButton;
  #checkButton;
  #report;

  constructor(host, app) {
    this.#app = app;
    const root = element('div', 'exercise-panel');
    this.#root = root;
    this.#notice = element('p', 'exercise-notice');
    this.#notice.hidden = true;
    this.#notice.setAttribute('role', 'alert');
    this.#listView = this.#buildList();
    this.#detail = this.#buildDetail();
    this.#detail.hidden = true;
    root.append(this.#notice, this.#listView, this.#detail);
    host.append(root);
  }

  // The tab does not follow the heap; the first update says the checker can run.
  update() {
    if (this.#sessionUp) return;
    this.#sessionUp = true;
    this.#setChecking(this.#checking);
  }

  shown() {}

  // Loads an exercise: a built-in id, or a whole exercise object (the JSON
  // format; validated here, and again by the checker). `code` replaces the
  // starter (a share link's code). Returns {error} when it cannot be loaded.
  load(exerciseOrId, { code } = {}) {
    let exercise;
    let source = null;
    if (typeof exerciseOrId === 'string') {
      exercise = findExercise(exerciseOrId);
      if (!exercise) return this.#fail(`There is no exercise "${exerciseOrId}".`);
    } else {
      const read = readExercise(exerciseOrId);
      if (read.error) return this.#fail(`This exercise cannot be loaded: ${read.error}.`);
      exercise = read.exercise;
      source = exerciseOrId;
      this.#custom = { exercise, source };
    }
    this.#open(exercise, source, code);
    return { exercise };
  }

  // The loaded exercise as a share link carries it: its id, a teacher's whole
  // exercise object, or null.
  shareable() {
    if (!this.#current) return null;
    return this.#current.custom ? this.#current.source : this.#current.exercise.id;
  }

  describe() {
    const current = this.#current;
    return {
      exercises: this.#entries().map(({ exercise, custom }) => ({
        id: exercise.id, title: exercise.title, topic: exercise.topic, custom, solved: this.#solved.has(exercise),
      })),
      listShown: !this.#listView.hidden,
      current: current && {
        id: current.exercise.id,
        title: current.exercise.title,
        topic: current.exercise.topic,
        custom: current.custom,
        memoryLimitMb: current.exercise.memoryLimitMb,
        instructions: this.#instructions.textContent,
        hintsShown: this.#hintsShown,
        hintCount: current.exercise.hints.length,
      },
      checking: this.#checking,
      result: this.#result && { ...this.#result, summary: summarize(this.#result) },
      report: this.#report.textContent,
      error: this.#error,
      notice: this.#notice.hidden ? null : this.#notice.textContent,
    };
  }

  async check() {
    if (!this.#current || this.#checking || !this.#sessionUp) return;
    const run = ++this.#checkRun;
    const { exercise } = this.#current;
    this.#setChecking(true);
    this.#result = null;
    this.#error = null;
    this.#report.replaceChildren(element('p', 'check-progress', 'Running your program and the checks…'));
    let outcome;
    try {
      outcome = await this.#app.checkExercise(exercise.jsonText, this.#app.getCode());
    } catch (error) {
      outcome = { error: `the check could not run (${error?.message ?? error})` };
    }
    if (run !== this.#checkRun) return;
    this.#setChecking(false);
    if (outcome.error !== undefined) {
      this.#error = String(outcome.error);
      renderCheckError(this.#report, `The checker could not check this exercise: ${this.#error}`);
    } else {
      this.#result = outcome;
      renderCheckReport(this.#report, outcome);
      if (outcome.checks.length > 0 && outcome.checks.every((check) => check.passed)) {
        this.#solved.add(exercise);
        this.#renderList();
      }
    }
    this.#report.scrollIntoView({ block: 'nearest' });
  }

  #fail(message) {
    this.#notice.textContent = message;
    this.#notice.hidden = false;
    return { error: message };
  }

  #entries() {
    const builtIn = EXERCISES.map((exercise) => ({ exercise, custom: false }));
    return this.#custom ? [{ exercise: this.#custom.exercise, custom: true, source: this.#custom.source }, ...builtIn] : builtIn;
  }

  #buildList() {
    const view = element('section', 'exercise-list-view');
    view.append(
      element('h2', 'panel-title', 'Exercises'),
      element('p', 'exercise-intro',
        'Each exercise puts its starter code in the editor. Change the program, run it, then check your solution.'),
    );
    this.#list = element('ol', 'exercise-list');
    view.append(this.#list);
    this.#renderList();
    return view;
  }

  #renderList() {
    const items = this.#entries().map(({ exercise, custom, source }) => {
      const item = element('li', 'exercise-list-item');
      const open = button('exercise-list-button', undefined, () => this.#open(exercise, custom ? source : null));
      open.dataset.id = exercise.id;
      const number = custom ? 'Link' : String(EXERCISES.indexOf(exercise) + 1).padStart(2, '0');
      open.append(
        element('span', 'exercise-number', number),
        element('span', 'exercise-list-title', exercise.title),
        element('span', 'exercise-list-topic', exercise.topic),
      );
      if (this.#solved.has(exercise)) open.append(element('span', 'exercise-solved', '✓ solved'));
      if (exercise === this.#current?.exercise) open.setAttribute('aria-current', 'true');
      item.append(open);
      return item;
    });
    this.#list.replaceChildren(...items);
  }

  #buildDetail() {
    const view = element('section', 'exercise-detail');
    const nav = element('div', 'exercise-nav');
    nav.append(button('exercise-back', '← All exercises', () => this.#showList()));
    this.#origin = element('span', 'exercise-origin');
    nav.append(this.#origin);

    this.#title = element('h2', 'exercise-title');
    this.#topic = element('p', 'exercise-topic');
    this.#limitNote = element('p', 'exercise-limit');
    this.#instructions = element('div', 'exercise-instructions');

    const hints = element('section', 'exercise-hints');
    hints.append(element('h3', 'exercise-subtitle', 'Hints'));
    this.#hintList = element('ol', 'exercise-hint-list');
    this.#hintButton = button('exercise-hint-button', 'Show a hint', () => this.#revealHint());
    hints.append(this.#hintList, this.#hintButton);

    const actions = element('div', 'exercise-actions');
    this.#checkButton = button('exercise-check', 'Check my solution', () => this.check());
    const reset = button('exercise-reset', 'Restore the starter code', () => {
      if (this.#current) this.#app.setCode(this.#current.exercise.starter);
    });
    actions.append(this.#checkButton, reset);

    this.#report = element('section', 'exercise-report');
    this.#report.setAttribute('aria-live', 'polite');
    view.append(nav, this.#title, this.#topic, this.#limitNote, this.#instructions, hints, actions, this.#report);
    return view;
  }

  #open(exercise, source, code) {
    if (this.#current) this.#codeByExercise.set(this.#current.exercise, this.#app.getCode());
    const custom = source !== null;
    this.#current = { exercise, custom, source };
    this.#checkRun++;  // a check still running belongs to the previous exercise
    this.#setChecking(false);
    this.#result = null;
    this.#error = null;
    this.#hintsShown = 0;
    this.#notice.hidden = true;

    this.#app.setCode(code ?? this.#codeByExercise.get(exercise) ?? exercise.starter);
    this.#applyMemoryLimit(exercise.memoryLimitMb);

    this.#origin.textContent = custom ? `Shared exercise “${exercise.id}” (from a link)` : `Exercise ${EXERCISES.indexOf(exercise) + 1} of ${EXERCISES.length}`;
    this.#title.textContent = exercise.title;
    this.#topic.textContent = exercise.topic;
    this.#limitNote.textContent = exercise.memoryLimitMb === null ? ''
      : `This exercise runs with a ${exercise.memoryLimitMb} MB memory limit (now set in the settings).`;
    this.#limitNote.hidden = exercise.memoryLimitMb === null;
    this.#instructions.replaceChildren(renderMarkdown(exercise.instructions));
    this.#hintList.replaceChildren();
    this.#updateHintButton();
    this.#report.replaceChildren();
    this.#renderList();
    this.#listView.hidden = true;
    this.#detail.hidden = false;
    this.#root.scrollTop = 0;
  }

  // An exercise with a memory limit sets it; the next exercise without one
  // gives the learner's own limit back, unless they changed it meanwhile.
  #applyMemoryLimit(limitMb) {
    const settings = this.#app.getSettings();
    if (limitMb !== null) {
      if (this.#limitBefore === null) this.#limitBefore = settings.memoryLimitMb;
      this.#appliedLimit = limitMb;
      if (settings.memoryLimitMb !== limitMb) this.#app.setSettings({ ...settings, memoryLimitMb: limitMb });
    } else if (this.#limitBefore !== null) {
      if (settings.memoryLimitMb === this.#appliedLimit) this.#app.setSettings({ ...settings, memoryLimitMb: this.#limitBefore });
      this.#limitBefore = null;
      this.#appliedLimit = null;
    }
  }

  #showList() {
    this.#detail.hidden = true;
    this.#listView.hidden = false;
    this.#root.scrollTop = 0;
  }

  #revealHint() {
    const { hints } = this.#current.exercise;
    if (this.#hintsShown >= hints.length) return;
    const hint = element('li', 'exercise-hint');
    hint.append(renderInline(hints[this.#hintsShown]));
    this.#hintList.append(hint);
    this.#hintsShown++;
    this.#updateHintButton();
  }

  #updateHintButton() {
    const total = this.#current.exercise.hints.length;
    const left = total - this.#hintsShown;
    this.#hintButton.hidden = left === 0;
    this.#hintButton.textContent = this.#hintsShown === 0 ? `Show a hint (${total} available)` : `Show the next hint (${left} left)`;
    this.#hintList.parentElement.hidden = total === 0;
  }

  #setChecking(checking) {
    this.#checking = checking;
    this.#checkButton.disabled = checking || !this.#sessionUp;
    this.#checkButton.textContent = checking ? 'Checking…' : 'Check my solution';
    this.#checkButton.title = this.#sessionUp ? '' : 'The Python session is starting';
  }
}
