/**
 * The Monaco editor behind a small handle, so React code never touches Monaco's types.
 * The only module that imports monaco-editor: load it with `import('./monaco')` (see
 * `preloadEditor` in CodeEditor.tsx), never statically, or ~700 KB of JavaScript would land
 * in the first page load.
 */

import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { EditingMode } from '../types';
import 'monaco-editor/languages/definitions/python/register';
// Features, one by one (register.all would add ~50); every one is downloaded by every learner
// who opens an exercise. Left out on purpose: hover (+84 KB gzip; marker messages are listed
// under the editor instead, and F8 shows them in place), clipboard and contextmenu (+29 KB;
// Ctrl+C/X/V work natively, and the browser's own menu stays), multicursor (+21 KB).
import 'monaco-editor/features/codicon/register'; // icons of the find and marker widgets
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M: Tab moves focus
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register'; // F8: next marker
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordOperations/register';
import {
  BLANK,
  type BlankTemplate,
  checkEdit,
  type EditRefusal,
  normalizeCode,
  readBlanks,
  type SlotRange,
  slotRanges,
} from './blanks';
import { escapeThenTab, moveFocusOutOf } from './focus';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** A problem to underline: 1-based line and columns (columns in UTF-16 code units). */
export interface EditorMarker {
  line: number;
  /** Start column; the line's first non-blank character when left out. */
  column?: number;
  /** End column (exclusive); the end of the line when left out. */
  endColumn?: number;
  message: string;
  /** 'error' when left out. */
  severity?: 'error' | 'warning' | 'info';
}

export type EditorMode = EditingMode;

export interface CreateEditorOptions {
  /** The code to start with (CRLF is read as LF). */
  value: string;
  /** The accessible name of the editor. */
  ariaLabel: string;
  /** The id of the element that says how the keys work (how to leave): the editor's description. */
  ariaDescribedBy?: string;
  /** Blanks mode with this template, when `value` fits it; free mode otherwise. */
  template?: BlankTemplate;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Blanks mode refused an edit (the edit is already undone). */
  onBlockedEdit?: (reason: EditRefusal) => void;
  /** Height limits in CSS pixels; in between, the editor is as tall as its content. */
  minHeight?: number;
  maxHeight?: number;
}

/** What React code may do with an editor. */
export interface EditorHandle {
  /** The code, with LF line ends. */
  getValue(): string;
  /** Replaces all the code (and the undo history). Blanks mode ends if the code no longer fits. */
  setValue(code: string): void;
  /** The value of each blank in blanks mode; null in free mode. */
  getValues(): string[] | null;
  getMode(): EditorMode;
  /**
   * Blanks mode with this template, or free mode with undefined. Returns false, staying in
   * free mode, when the current code does not fit the template.
   */
  setTemplate(template: BlankTemplate | undefined): boolean;
  /** Focuses the editor; in blanks mode the first blank still to fill is selected. */
  focus(): void;
  setMarkers(markers: readonly EditorMarker[]): void;
  /** Scrolls the page (and the editor) to a line and puts the cursor there. */
  revealLine(line: number): void;
  setAriaLabel(label: string): void;
  /** Called after every change the editor keeps; returns the unsubscribe function. */
  onDidChange(listener: (code: string) => void): () => void;
  dispose(): void;
}

// CodeEditor.tsx sizes the placeholder with the same numbers.
const LINE_HEIGHT = 20;
const PADDING_TOP = 8;
// The horizontal scrollbar (10 px) overlays this padding instead of adding to the height,
// so the height depends on the line count only and the placeholder can match it.
const PADDING_BOTTOM = 12;
const SCROLLBAR_SIZE = 10;
const MARKER_OWNER = 'exercise';
/** The element Monaco focuses for typing. */
const EDITOR_INPUT = '.native-edit-context, textarea.inputarea';

const THEMES = { light: 'course-light', dark: 'course-dark' } as const;
// The stock themes, with the page's code background (styles.css --code-bg) so the editor
// sits in the page like the highlighted code blocks around it.
monaco.editor.defineTheme(THEMES.light, {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff' },
});
monaco.editor.defineTheme(THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  // vs-dark's comment green (#608b4e) is 4.4:1 on this background; VS Code's Dark+ green is 5.2:1.
  rules: [{ token: 'comment', foreground: '6a9955' }],
  colors: { 'editor.background': '#151b23' },
});

function pageTheme(): string {
  // src/app/theme.ts sets data-theme on <html> before the first paint and on every toggle.
  return document.documentElement.dataset.theme === 'dark' ? THEMES.dark : THEMES.light;
}

let themeFollowers = 0;
let themeObserver: MutationObserver | undefined;

/** Monaco's theme is global: one observer serves every editor on the page. */
function followPageTheme(): () => void {
  themeFollowers++;
  if (!themeObserver) {
    themeObserver = new MutationObserver(() => monaco.editor.setTheme(pageTheme()));
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  return () => {
    themeFollowers--;
    if (themeFollowers === 0) {
      themeObserver?.disconnect();
      themeObserver = undefined;
    }
  };
}

function monospaceFont(): string {
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim();
  return family || 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

const STICKY = monaco.editor.TrackedRangeStickiness.AlwaysGrowsWhenTypingAtEdges;
const FILLED_SLOT: monaco.editor.IModelDecorationOptions = {
  inlineClassName: 'editor-blank',
  stickiness: STICKY,
};
const EMPTY_SLOT: monaco.editor.IModelDecorationOptions = {
  beforeContentClassName: 'editor-blank-empty',
  showIfCollapsed: true,
  stickiness: STICKY,
};

/** What the page keeps clear at the top for its sticky header (styles.css: scroll-padding-top). */
function stickyHeaderHeight(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function sameTemplate(a: BlankTemplate, b: BlankTemplate): boolean {
  return a.segments.length === b.segments.length && a.segments.every((segment, index) => segment === b.segments[index]);
}

/** Creates a Python editor in `host` (which it sizes to fit the code). */
export function createEditor(host: HTMLElement, options: CreateEditorOptions): EditorHandle {
  const minHeight = options.minHeight ?? 6 * LINE_HEIGHT + PADDING_TOP + PADDING_BOTTOM;
  const maxHeight = options.maxHeight ?? 150 * LINE_HEIGHT + PADDING_TOP + PADDING_BOTTOM;
  const initial = normalizeCode(options.value);
  const describedBy = options.ariaDescribedBy;
  host.style.height = `${clampHeight(initial.split('\n').length * LINE_HEIGHT + PADDING_TOP + PADDING_BOTTOM)}px`;

  const model = monaco.editor.createModel(initial, 'python');
  model.setEOL(monaco.editor.EndOfLineSequence.LF);
  model.updateOptions({ tabSize: 4, indentSize: 4, insertSpaces: true });

  const editor = monaco.editor.create(host, {
    model,
    theme: pageTheme(),
    ariaLabel: options.ariaLabel,
    accessibilitySupport: 'auto',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    scrollbar: {
      alwaysConsumeMouseWheel: false,
      horizontalScrollbarSize: SCROLLBAR_SIZE,
      verticalScrollbarSize: SCROLLBAR_SIZE,
      ignoreHorizontalScrollbarInContentHeight: true,
    },
    fontSize: 14,
    lineHeight: LINE_HEIGHT,
    fontFamily: monospaceFont(),
    lineNumbers: 'on',
    tabSize: 4,
    insertSpaces: true,
    detectIndentation: false,
    // Wrapped, never scrolled sideways: a long blank must not hide the start of every
    // other line (a learner reads the whole function, not one line). Continuations are
    // indented one level further, so they do not read as new Python lines.
    wordWrap: 'on',
    wrappingIndent: 'indent',
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    padding: { top: PADDING_TOP, bottom: PADDING_BOTTOM },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    glyphMargin: false,
    folding: false,
    lineDecorationsWidth: 6,
    // The stock "dimmed" number of an empty last line fails WCAG contrast.
    renderFinalNewline: 'on',
  });

  const disposables: monaco.IDisposable[] = [];
  const changeListeners = new Set<(code: string) => void>();
  const stopFollowingTheme = followPageTheme();
  const decorations = editor.createDecorationsCollection();
  const blanksModeKey = editor.createContextKey<boolean>('courseBlanksMode', false);

  let template: BlankTemplate | undefined;
  /** Slot ranges and content at the last state blanks mode accepted. */
  let ranges: SlotRange[] = [];
  let goodValue = initial;
  let goodVersion = model.getVersionId();
  let goodSelections: monaco.Selection[] | null = editor.getSelections();
  let lastEmitted = initial;
  let reverting = false;
  let revertPending = false;
  let pointerDown = false;

  function clampHeight(height: number): number {
    return Math.min(maxHeight, Math.max(minHeight, height));
  }

  function updateHeight(): void {
    const height = clampHeight(editor.getContentHeight());
    if (host.style.height !== `${height}px`) {
      host.style.height = `${height}px`;
      editor.layout({ width: host.clientWidth, height });
    }
  }

  function emitChange(): void {
    const code = model.getValue();
    if (code === lastEmitted) return;
    lastEmitted = code;
    for (const listener of changeListeners) listener(code);
  }

  function toRange(range: SlotRange): monaco.Range {
    return monaco.Range.fromPositions(model.getPositionAt(range.start), model.getPositionAt(range.end));
  }

  /** Takes the current content as the accepted state; false when it does not fit the template. */
  function acceptContent(): boolean {
    if (!template) return true;
    const value = model.getValue();
    const values = readBlanks(template, value);
    if (!values) return false;
    ranges = slotRanges(template, values);
    goodValue = value;
    goodVersion = model.getVersionId();
    decorations.set(
      ranges.map((range) => ({ range: toRange(range), options: range.start === range.end ? EMPTY_SLOT : FILLED_SLOT })),
    );
    return true;
  }

  /**
   * Puts back the accepted content after a refused edit, leaving no trace in the undo stack:
   * the revert joins the refused edit's undo step, which then holds either just the two (a
   * step that changes nothing: undone here, so Ctrl+Z never seems dead) or also earlier
   * typing (undone and redone, so that typing stays one undo step).
   */
  function revert(reason: EditRefusal): void {
    revertPending = false;
    const current = model.getValue();
    if (current !== goodValue) {
      reverting = true;
      try {
        let prefix = 0;
        while (prefix < current.length && current[prefix] === goodValue[prefix]) prefix++;
        let suffix = 0;
        while (
          suffix < current.length - prefix &&
          suffix < goodValue.length - prefix &&
          current[current.length - 1 - suffix] === goodValue[goodValue.length - 1 - suffix]
        ) {
          suffix++;
        }
        // Never cut an emoji (a surrogate pair) in two.
        if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix--;
        if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix--;
        const range = toRange({ start: prefix, end: current.length - suffix });
        const restoredSelections = goodSelections;
        // Commands such as Enter and paste close their undo step; reopen it to join it.
        model.popStackElement();
        model.pushEditOperations(
          editor.getSelections(),
          [{ range, text: goodValue.slice(prefix, goodValue.length - suffix) }],
          () => restoredSelections,
        );
        model.pushStackElement();
        model.undo();
        if (model.getValue() !== goodValue) model.redo();
      } finally {
        reverting = false;
      }
    }
    acceptContent();
    if (goodSelections) editor.setSelections(goodSelections);
    options.onBlockedEdit?.(reason);
  }

  disposables.push(
    model.onDidChangeContent((event) => {
      if (reverting) return;
      if (!template) {
        emitChange();
        return;
      }
      if (event.isFlush || event.isUndoing || event.isRedoing) {
        if (acceptContent()) emitChange();
        else if (!event.isFlush) {
          // Undo reached back past the switch into blanks mode: step forward again.
          const undoing = event.isUndoing;
          queueMicrotask(() => {
            reverting = true;
            try {
              if (undoing) model.redo();
              else model.undo();
            } finally {
              reverting = false;
            }
            acceptContent();
            options.onBlockedEdit?.('outside');
          });
        }
        return;
      }
      if (revertPending) return;
      let refusal: EditRefusal | undefined;
      for (const change of event.changes) {
        const verdict = checkEdit(ranges, {
          start: change.rangeOffset,
          end: change.rangeOffset + change.rangeLength,
          text: change.text,
        });
        if (!verdict.ok) {
          refusal = verdict.reason;
          break;
        }
      }
      if (refusal === undefined && acceptContent()) {
        emitChange();
        return;
      }
      // Let the command that made the edit finish (it sets the cursor), then take it back.
      revertPending = true;
      const reason = refusal ?? 'outside';
      queueMicrotask(() => revert(reason));
    }),
    editor.onDidChangeCursorSelection(() => {
      if (!reverting && model.getVersionId() === goodVersion) goodSelections = editor.getSelections();
    }),
    editor.onDidContentSizeChange((event) => {
      if (event.contentHeightChanged) updateHeight();
    }),
  );

  // --- Moving between blanks -------------------------------------------------------------

  function selectSlot(slot: number): void {
    const range = ranges[slot];
    if (!range) return;
    const selection = toRange(range);
    // Typing in each blank is its own undo step (moving by code keeps Monaco's step open).
    model.pushStackElement();
    editor.setSelection(selection);
    editor.revealRangeInCenterIfOutsideViewport(selection);
    scrollPageTo(selection.startLineNumber);
  }

  function slotToFill(): number {
    const values = template ? readBlanks(template, model.getValue()) : null;
    return values?.findIndex((value) => value.trim() === '' || value.includes(BLANK)) ?? -1;
  }

  function cursorSlot(): number {
    const selection = editor.getSelection();
    if (!selection) return -1;
    const start = model.getOffsetAt(selection.getStartPosition());
    const end = model.getOffsetAt(selection.getEndPosition());
    return ranges.findIndex((range) => range.start <= start && end <= range.end);
  }

  /** On entering the editor in blanks mode: the first blank to fill, else stay in a blank. */
  function selectEntrySlot(fromAfter: boolean): void {
    if (!template || ranges.length === 0) return;
    const toFill = slotToFill();
    if (toFill >= 0) selectSlot(toFill);
    else if (cursorSlot() < 0) selectSlot(fromAfter ? ranges.length - 1 : 0);
  }

  function moveToSlot(direction: 'forward' | 'backward'): void {
    const selection = editor.getSelection();
    if (!selection) return;
    const start = model.getOffsetAt(selection.getStartPosition());
    const target =
      direction === 'forward'
        ? ranges.findIndex((range) => range.start > start)
        : ranges.findLastIndex((range) => range.end < start);
    if (target >= 0) selectSlot(target);
    else moveFocusOutOf(host, direction);
  }

  // A click into a blank still reading ___ selects it, so typing replaces the marker.
  disposables.push(
    editor.onMouseUp(() => {
      const selection = editor.getSelection();
      const slot = cursorSlot();
      const range = ranges[slot];
      if (!selection?.isEmpty() || !range) return;
      if (model.getValueInRange(toRange(range)) === BLANK) editor.setSelection(toRange(range));
    }),
  );

  // Escape then Tab (or Shift+Tab) leaves the editor in either mode, as in every other
  // engine (focus.ts); Ctrl+M (Monaco's tab-focus mode) stays available too.
  const leaves = escapeThenTab();
  disposables.push(
    editor.onKeyDown((event) => {
      if (!leaves(event.browserEvent)) return;
      event.preventDefault();
      event.stopPropagation();
      moveFocusOutOf(host, event.shiftKey ? 'backward' : 'forward');
    }),
  );

  // The keyboard note under the editor is the description of its input (EditContext's
  // div, or the textarea where EditContext is missing), whichever one Monaco focuses.
  const describeInput = () => {
    if (!describedBy) return;
    for (const input of host.querySelectorAll(EDITOR_INPUT)) input.setAttribute('aria-describedby', describedBy);
  };
  describeInput();
  host.addEventListener('focusin', describeInput);

  const tabContext = 'courseBlanksMode && editorTextFocus && !editorTabMovesFocus && !suggestWidgetVisible';
  editor.addCommand(monaco.KeyCode.Tab, () => moveToSlot('forward'), tabContext);
  editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Tab, () => moveToSlot('backward'), tabContext);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onSubmit?.());

  // Keyboard entry (Tab from the page) selects a blank; a click keeps the clicked position.
  // Monaco focuses on mousedown, between pointerdown and pointerup.
  const onPointerDown = () => {
    pointerDown = true;
  };
  const onPointerUp = () => {
    setTimeout(() => {
      pointerDown = false;
    });
  };
  const onFocusIn = (event: FocusEvent) => {
    const from = event.relatedTarget;
    // No relatedTarget: the window itself regained focus; keep the learner's cursor.
    if (pointerDown || !(from instanceof Node) || host.contains(from)) return;
    selectEntrySlot((host.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  };
  host.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('pointerup', onPointerUp, true);
  window.addEventListener('pointercancel', onPointerUp, true);
  host.addEventListener('focusin', onFocusIn);

  /** The editor grows with its content, so the page scrolls; bring a line into the window. */
  function scrollPageTo(line: number): void {
    const top = host.getBoundingClientRect().top + editor.getTopForLineNumber(line) - editor.getScrollTop();
    if (top < stickyHeaderHeight() || top + LINE_HEIGHT > window.innerHeight - 16) {
      window.scrollBy({ top: top - window.innerHeight / 3 });
    }
  }

  function setTemplate(next: BlankTemplate | undefined): boolean {
    if (!next) {
      template = undefined;
      ranges = [];
      decorations.clear();
      blanksModeKey.set(false);
      editor.updateOptions({ autoSurround: 'languageDefined' });
      return true;
    }
    if (template && sameTemplate(template, next)) return true;
    if (!readBlanks(next, model.getValue())) return false;
    template = next;
    acceptContent();
    goodSelections = editor.getSelections();
    blanksModeKey.set(true);
    // A selected blank is there to be replaced: typing "(" must not wrap it in brackets.
    editor.updateOptions({ autoSurround: 'never' });
    return true;
  }

  if (options.template) setTemplate(options.template);
  updateHeight();

  return {
    getValue: () => model.getValue(),
    setValue(code) {
      const value = normalizeCode(code);
      if (template && !readBlanks(template, value)) setTemplate(undefined);
      model.setValue(value);
    },
    getValues: () => (template ? readBlanks(template, model.getValue()) : null),
    getMode: () => (template ? 'blanks' : 'free'),
    setTemplate,
    focus() {
      editor.focus();
      selectEntrySlot(false);
    },
    setMarkers(markers) {
      const lineCount = model.getLineCount();
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        markers.map((marker) => {
          const line = Math.min(Math.max(1, Math.trunc(marker.line)), lineCount);
          const column = marker.column ?? (model.getLineFirstNonWhitespaceColumn(line) || 1);
          const endColumn = marker.endColumn ?? model.getLineMaxColumn(line);
          return {
            severity: SEVERITY[marker.severity ?? 'error'],
            message: marker.message,
            startLineNumber: line,
            startColumn: Math.max(1, column),
            endLineNumber: line,
            endColumn: Math.max(column + 1, endColumn),
          };
        }),
      );
    },
    revealLine(line) {
      const target = Math.min(Math.max(1, Math.trunc(line)), model.getLineCount());
      editor.focus();
      const slot = ranges.findIndex((range) => model.getPositionAt(range.start).lineNumber === target);
      if (slot >= 0) {
        selectSlot(slot);
        return;
      }
      const column = model.getLineFirstNonWhitespaceColumn(target) || 1;
      editor.setPosition({ lineNumber: target, column });
      editor.revealLineInCenterIfOutsideViewport(target);
      scrollPageTo(target);
    },
    setAriaLabel(label) {
      editor.updateOptions({ ariaLabel: label });
    },
    onDidChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    dispose() {
      host.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      window.removeEventListener('pointercancel', onPointerUp, true);
      host.removeEventListener('focusin', onFocusIn);
      host.removeEventListener('focusin', describeInput);
      for (const disposable of disposables) disposable.dispose();
      changeListeners.clear();
      stopFollowingTheme();
      decorations.clear();
      editor.dispose();
      model.dispose();
    },
  };
}
