import { type KeyboardEvent, type Ref, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { pasteLargeText } from '../../ui/largePaste';
import { BLANK, normalizeCode } from './blanks';
import type { CodeEditorHandle } from './CodeEditor';
import { escapeThenTab } from './focus';
import type { EditorMarker } from './monaco';

const INDENT = '    ';

export interface TextareaEditorProps {
  /** Initial code; the textarea is uncontrolled by its parent after mount. */
  initialCode: string;
  ariaLabel: string;
  /** The id of the keyboard note (how to leave). */
  describedBy?: string;
  onChange: (code: string) => void;
  onSubmit: () => void;
  markers?: readonly EditorMarker[];
  ref?: Ref<CodeEditorHandle>;
}

/** Selects the line's blank (or its first character), and scrolls the page to it. */
function revealTextareaLine(element: HTMLTextAreaElement, line: number): void {
  const lines = element.value.split('\n');
  const index = Math.min(Math.max(1, Math.trunc(line)), lines.length) - 1;
  const lineStart = lines.slice(0, index).reduce((offset, text) => offset + text.length + 1, 0);
  const text = lines[index] ?? '';
  const blank = text.indexOf(BLANK);
  const column = blank >= 0 ? blank : text.length - text.trimStart().length;
  element.focus({ preventScroll: true });
  element.setSelectionRange(lineStart + column, lineStart + column + (blank >= 0 ? BLANK.length : 0));
  // The textarea is as tall as its code, so it is the page that scrolls (wrapped lines make this approximate).
  const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 20;
  const top = element.getBoundingClientRect().top + index * lineHeight;
  const stickyHeader = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  if (top < stickyHeader || top + lineHeight > window.innerHeight - 16) {
    window.scrollBy({ top: top - window.innerHeight / 3 });
  }
}

/**
 * A plain `<textarea>` with the editor's keyboard contract: free editing on touch devices,
 * in tests, and when Monaco cannot load. Tab indents; Escape then Tab leaves. Long lines
 * wrap and the box grows with its content, so no code is ever out of sight.
 */
export function TextareaEditor({
  initialCode,
  ariaLabel,
  describedBy,
  onChange,
  onSubmit,
  markers = [],
  ref,
}: TextareaEditorProps) {
  const [code, setCode] = useState(() => normalizeCode(initialCode));
  const textarea = useRef<HTMLTextAreaElement>(null);
  // After Escape, the next Tab leaves the textarea instead of indenting.
  const [leaves] = useState(escapeThenTab);

  // As tall as the wrapped code: measured, since wrapping depends on the width.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measured whenever the code changes
  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    const fitHeight = () => {
      element.style.height = 'auto';
      // jsdom has no layout (scrollHeight 0): keep the rows then.
      if (element.scrollHeight > 0)
        element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
    };
    fitHeight();
    if (typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fitHeight();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [code]);

  const update = (next: string) => {
    const normalized = normalizeCode(next);
    setCode(normalized);
    onChange(normalized);
  };

  useImperativeHandle(
    ref,
    () => ({
      focus: () => textarea.current?.focus(),
      getCode: () => normalizeCode(textarea.current?.value ?? ''),
      revealLine: (line) => textarea.current && revealTextareaLine(textarea.current, line),
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const leaving = leaves(event);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey || leaving) return;
    event.preventDefault();
    const element = event.currentTarget;
    // execCommand keeps the browser's own undo; where it is missing (jsdom), edit directly.
    const inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, INDENT);
    if (!inserted) {
      element.setRangeText(INDENT, element.selectionStart, element.selectionEnd, 'end');
      update(element.value);
    }
  };

  return (
    <>
      <textarea
        ref={textarea}
        className="editor-textarea"
        aria-label={ariaLabel}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        aria-invalid={markers.length > 0 ? true : undefined}
        value={code}
        rows={Math.max(4, code.split('\n').length)}
        wrap="soft"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        autoComplete="off"
        onChange={(event) => update(event.target.value)}
        onPaste={(event) => pasteLargeText(event, update)}
        onKeyDown={onKeyDown}
      />
      <MarkerList
        markers={markers}
        onSelect={(line) => textarea.current && revealTextareaLine(textarea.current, line)}
      />
    </>
  );
}

/** The problems in the code as a list of buttons, each taking the learner to its line. */
export function MarkerList({
  markers,
  onSelect,
}: {
  markers: readonly EditorMarker[];
  onSelect: (line: number) => void;
}) {
  if (markers.length === 0) return null;
  return (
    <ul className="editor-markers" aria-label="Problems in the code">
      {markers.map((marker) => (
        <li key={`${marker.line}:${marker.column ?? 0}:${marker.message}`}>
          <button type="button" className="editor-marker" onClick={() => onSelect(marker.line)}>
            Line {marker.line}: {marker.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
