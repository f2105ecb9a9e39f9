// The program editor: CodeMirror 6 with Python highlighting, and the line the
// paused or stepping program runs next, highlighted.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration, drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import './editor.css';

const setCurrentLine = StateEffect.define();

// The decoration of the current line, kept where it is while the text is
// edited and replaced by each setCurrentLine effect (null clears it).
const currentLineField = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    decorations = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setCurrentLine)) continue;
      const line = effect.value;
      if (line === null || line < 1 || line > transaction.state.doc.lines) {
        decorations = Decoration.none;
      } else {
        const from = transaction.state.doc.line(line).from;
        decorations = Decoration.set([Decoration.line({ class: 'cm-current-line' }).range(from)]);
      }
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const highlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: '#c792ea' },
  { tag: [tags.controlKeyword, tags.moduleKeyword], color: '#c792ea' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName))], color: '#82aaff' },
  { tag: tags.definition(tags.className), color: '#ffcb6b' },
  { tag: [tags.string, tags.special(tags.string)], color: '#c3e88d' },
  { tag: [tags.number, tags.bool, tags.null], color: '#f78c6c' },
  { tag: tags.comment, color: '#6b7689', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation], color: '#89ddff' },
  { tag: tags.self, color: '#ff8f8f' },
  { tag: tags.propertyName, color: '#d8dee9' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: '#11151c', color: '#d8dee9' },
  '.cm-content': { caretColor: '#f0c674' },
  '.cm-cursor': { borderLeftColor: '#f0c674' },
  '.cm-gutters': { backgroundColor: '#11151c', color: '#56607a', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'rgba(255, 255, 255, 0.03)' },
  '.cm-activeLineGutter': { backgroundColor: 'rgba(255, 255, 255, 0.05)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: '#3b4252' },
}, { dark: true });

export class Editor {
  #view;

  constructor(host, text) {
    this.#view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          indentUnit.of('    '),
          bracketMatching(),
          python(),
          syntaxHighlighting(highlightStyle),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          currentLineField,
          theme,
          EditorView.contentAttributes.of({ 'aria-label': 'Python program (main.py)' }),
        ],
      }),
    });
  }

  get text() {
    return this.#view.state.doc.toString();
  }

  set text(text) {
    const view = this.#view;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setCurrentLine.of(null) });
  }

  // Highlights the line the program runs next (null: none) and scrolls to it.
  showCurrentLine(line) {
    const inDocument = line !== null && line >= 1 && line <= this.#view.state.doc.lines;
    const effects = [setCurrentLine.of(inDocument ? line : null)];
    if (inDocument) effects.push(EditorView.scrollIntoView(this.#view.state.doc.line(line).from, { y: 'nearest' }));
    this.#view.dispatch({ effects });
  }

  // The highlighted line, or null.
  currentLine() {
    const field = this.#view.state.field(currentLineField);
    const cursor = field.iter();
    return cursor.value ? this.#view.state.doc.lineAt(cursor.from).number : null;
  }

  // Selects line `line` (1-based) and brings it into view.
  selectLine(line) {
    const doc = this.#view.state.doc;
    if (!(line >= 1 && line <= doc.lines)) return;
    const { from, to } = doc.line(line);
    this.#view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    this.#view.focus();
  }

  // The selected range as 1-based line numbers.
  selectedLines() {
    const { from, to } = this.#view.state.selection.main;
    const doc = this.#view.state.doc;
    return { from: doc.lineAt(from).number, to: doc.lineAt(to).number };
  }

  onChange(listener) {
    this.#view.dispatch({ effects: StateEffect.appendConfig.of(EditorView.updateListener.of((update) => {
      if (update.docChanged) listener();
    })) });
  }
}
