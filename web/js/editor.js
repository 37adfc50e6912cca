// The page's code views: CodeMirror 6, bundled by esbuild (scripts/build-editor.sh) into
// dist/editor/editor.js and imported by the wasm the first time a code panel is shown
// (web/src/services/code_editor.rs). One function, `createEditor`, and the handle it returns.
//
// Colours come from the page's stylesheet (the `tk-*` classes of static/style.css), so the
// light and dark themes, and their contrast, are the page's.

import { EditorState, Compartment, Annotation, StateEffect, StateField, RangeSetBuilder } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine, Decoration,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching, indentUnit,
} from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { linter, lintGutter, setDiagnostics, lintKeymap } from '@codemirror/lint';
import { python } from '@codemirror/lang-python';
import { json } from '@codemirror/lang-json';
import { tags as t } from '@lezer/highlight';

const pageColours = HighlightStyle.define([
  { tag: [t.propertyName], class: 'tk-key' },
  { tag: [t.string, t.special(t.string)], class: 'tk-str' },
  { tag: [t.number], class: 'tk-num' },
  { tag: [t.bool, t.null, t.atom], class: 'tk-const' },
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.self], class: 'tk-kw' },
  { tag: [t.comment, t.lineComment, t.blockComment], class: 'tk-comment' },
  { tag: [t.className, t.definition(t.className)], class: 'tk-class' },
  { tag: [t.punctuation, t.bracket, t.separator], class: 'tk-punct' },
]);

// Text set from outside (the stack changed): not the learner's typing.
const external = Annotation.define();

// Lines that just changed: marked for a moment, so the eye finds them.
const markChanged = StateEffect.define();
const changedLine = Decoration.line({ class: 'cm-changed-line' });
const changedField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(markChanged)) marks = e.value;
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The smallest single change turning `a` into `b`: common prefix and suffix kept. */
function smallestChange(a, b) {
  let from = 0;
  const max = Math.min(a.length, b.length);
  while (from < max && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let endA = a.length;
  let endB = b.length;
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { from, to: endA, insert: b.slice(from, endB) };
}

/**
 * Makes an editor inside `parent` (an empty element).
 *
 * options: { doc: string, language: 'python' | 'json' | 'plain', readOnly: bool, label: string
 *   (its name for screen readers), onChange: (text) => void (the learner's edits only) }.
 * Returns { setDoc(text, mark), setDiagnostics(list), setLabel(label), text(), focus(), destroy() }.
 * Diagnostics are { from, to (UTF-16 offsets), severity: 'error' | 'warning' | 'info', message }.
 */
export function createEditor(parent, options) {
  const label = new Compartment();
  const language = { json: json, python: python }[options.language];
  const extensions = [
    lineNumbers(),
    // Every text direction control (U+202A–U+202E, U+2066–U+2069) drawn as a red dot that
    // names it, as editors do since "Trojan Source": CodeMirror's default list leaves out
    // U+202A–U+202C and U+2068. The checks warn about them too (text-bidi-control).
    highlightSpecialChars({ addSpecialChars: /[\u202a-\u202e\u2066-\u2069]/ }),
    drawSelection(),
    syntaxHighlighting(pageColours),
    bracketMatching(),
    highlightSelectionMatches(),
    ...(language ? [language()] : []),
    changedField,
    // tabindex: a keyboard stop that axe and every browser recognise (contenteditable alone
    // is not, for a scrolling region).
    label.of(EditorView.contentAttributes.of({ 'aria-label': options.label || '', tabindex: '0' })),
  ];
  if (options.readOnly) {
    extensions.push(EditorState.readOnly.of(true), keymap.of([...defaultKeymap, ...searchKeymap]));
  } else {
    extensions.push(
      highlightActiveLineGutter(),
      highlightActiveLine(),
      history(),
      indentOnInput(),
      indentUnit.of('    '),
      closeBrackets(),
      lintGutter(),
      linter(null),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap]),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged || !options.onChange) return;
        if (update.transactions.some((tr) => tr.annotation(external))) return;
        options.onChange(update.state.doc.toString());
      }),
    );
  }
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: options.doc || '', extensions }),
  });
  let clearMarks = null;
  /** Brings the line at `pos` into the editor's own scroll box, and never scrolls the page:
   * EditorView.scrollIntoView scrolls every scrolling ancestor, so when the panels are one
   * under the other, each keystroke in a form carried the page away to the JSON. */
  function scrollOwnBoxTo(pos) {
    view.requestMeasure({
      read() {
        const block = view.lineBlockAt(pos);
        const box = view.scrollDOM;
        const offset = view.contentDOM.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
        return { top: block.top + offset, bottom: block.bottom + offset, scroll: box.scrollTop, height: box.clientHeight };
      },
      write({ top, bottom, scroll, height }) {
        const margin = 24;
        if (top < scroll) view.scrollDOM.scrollTop = Math.max(0, top - margin);
        else if (bottom > scroll + height) view.scrollDOM.scrollTop = bottom - height + margin;
      },
    });
  }
  const handle = {
    /** Replaces the text (a stack change), keeping the cursor and scroll where they can be;
     * with `mark`, the changed lines are marked for two seconds and scrolled into view. */
    setDoc(text, mark) {
      const old = view.state.doc.toString();
      if (old === text) return;
      const change = smallestChange(old, text);
      const effects = [];
      if (mark) {
        const builder = new RangeSetBuilder();
        const end = change.from + change.insert.length;
        const doc = EditorState.create({ doc: text }).doc;
        const first = doc.lineAt(change.from).number;
        const last = doc.lineAt(Math.max(change.from, end - (end > change.from ? 1 : 0))).number;
        for (let n = first; n <= Math.min(last, first + 200); n++) builder.add(doc.line(n).from, doc.line(n).from, changedLine);
        effects.push(markChanged.of(builder.finish()));
      }
      view.dispatch({ changes: change, effects, annotations: external.of(true) });
      if (mark) {
        scrollOwnBoxTo(Math.min(change.from, text.length));
        clearTimeout(clearMarks);
        clearMarks = setTimeout(() => view.dispatch({ effects: markChanged.of(Decoration.none) }), 2000);
      }
    },
    /** Shows the reader's diagnostics as marks at their positions. */
    setDiagnostics(list) {
      const length = view.state.doc.length;
      const clean = (list || []).map((d) => {
        const from = Math.max(0, Math.min(d.from, length));
        const to = Math.max(from, Math.min(d.to, length));
        return { from, to, severity: d.severity, message: d.message };
      });
      view.dispatch(setDiagnostics(view.state, clean));
    },
    /** Changes the name screen readers give the text (the page's language changed). */
    setLabel(text) {
      view.dispatch({ effects: label.reconfigure(EditorView.contentAttributes.of({ 'aria-label': text, tabindex: '0' })) });
    },
    /** The text shown. */
    text() {
      return view.state.doc.toString();
    },
    /** Puts the cursor at `offset` (UTF-16) and the focus in the text. */
    focusAt(offset) {
      const at = Math.max(0, Math.min(offset, view.state.doc.length));
      view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
      view.focus();
    },
    destroy() {
      clearTimeout(clearMarks);
      view.destroy();
    },
  };
  // Tests and course pages reach the view through its element.
  parent.editorHandle = handle;
  return handle;
}
