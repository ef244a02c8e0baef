import { type ClipboardEvent, type KeyboardEvent, useImperativeHandle, useMemo, useRef, useState } from 'react';
import {
  BLANK,
  type BlankTemplate,
  blankFieldText,
  blankLines,
  blankValueFromField,
  fillTemplate,
  readBlanks,
  splitIndent,
  templateLines,
} from './blanks';
import { escapeThenTab, moveFocusOutOf } from './focus';
import { MarkerList, type TextareaEditorProps } from './TextareaEditor';

/** The plain textarea's props, plus the template whose blanks become inputs. */
export interface BlankFieldsProps extends TextareaEditorProps {
  template: BlankTemplate;
}

/**
 * Blanks mode without Monaco (touch devices, or Monaco failed to load): the code as
 * read-only text that wraps, with one labelled input per blank ("Blank 1"…) in place.
 * Tab goes from blank to blank (the browser's order), Escape then Tab leaves.
 */
export function BlankFields({
  template,
  initialCode,
  ariaLabel,
  describedBy,
  onChange,
  onSubmit,
  markers = [],
  ref,
}: BlankFieldsProps) {
  const lines = useMemo(() => templateLines(template), [template]);
  const lineOfBlank = useMemo(() => blankLines(template), [template]);
  const [fields, setFields] = useState(() =>
    (readBlanks(template, initialCode) ?? lineOfBlank.map(() => BLANK)).map(blankFieldText),
  );
  const current = useRef(fields);
  const container = useRef<HTMLDivElement>(null);
  const inputs = useRef<Array<HTMLInputElement | null>>([]);
  const [leaves] = useState(escapeThenTab);
  const markedLines = new Set(markers.map((marker) => marker.line));

  const codeOf = (values: readonly string[]) => fillTemplate(template, values.map(blankValueFromField));

  const update = (index: number, text: string) => {
    const next = current.current.map((value, at) => (at === index ? text.replace(/\r\n?|\n/g, ' ') : value));
    current.current = next;
    setFields(next);
    onChange(codeOf(next));
  };

  /** The blank on this line, else the next one after it, else the last. */
  const revealLine = (line: number) => {
    const index = lineOfBlank.findIndex((blankLine) => blankLine >= line);
    const input = inputs.current[index >= 0 ? index : lineOfBlank.length - 1];
    if (!input) return;
    input.focus({ preventScroll: true });
    // jsdom has no scrollIntoView.
    if (typeof input.scrollIntoView === 'function') input.scrollIntoView({ block: 'center' });
    input.select();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reads refs only; the template is fixed for a mounted editor
  useImperativeHandle(
    ref,
    () => ({
      focus() {
        const toFill = current.current.findIndex((value) => value.trim() === '');
        inputs.current[Math.max(0, toFill)]?.focus();
      },
      getCode: () => codeOf(current.current),
      revealLine,
    }),
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (leaves(event) && container.current) {
      event.preventDefault();
      moveFocusOutOf(container.current, event.shiftKey ? 'backward' : 'forward');
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) onSubmit();
    }
  };

  // An input drops pasted line breaks, gluing the lines together; a space keeps them apart.
  const onPaste = (index: number, event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    const input = event.currentTarget;
    const oneLine = text.replace(/\r\n?|\n/g, ' ');
    input.setRangeText(
      oneLine,
      input.selectionStart ?? input.value.length,
      input.selectionEnd ?? input.value.length,
      'end',
    );
    update(index, input.value);
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a code listing with fields, not a form section (fieldset) */}
      <div
        ref={container}
        className="blank-fields"
        role="group"
        aria-label={ariaLabel}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      >
        {lines.map((parts, lineIndex) => {
          const first = parts[0];
          const { columns } = first && 'text' in first ? splitIndent(first.text) : { columns: 0 };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed template
            <div key={lineIndex} className="blank-fields-line" data-line={lineIndex + 1}>
              <span className="blank-fields-number" aria-hidden="true">
                {lineIndex + 1}
              </span>
              <span className="blank-fields-code" style={{ paddingInlineStart: `${columns}ch` }}>
                {parts.map((part, partIndex) => {
                  if ('text' in part) {
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed text of a fixed template
                    return <span key={partIndex}>{partIndex === 0 ? splitIndent(part.text).rest : part.text}</span>;
                  }
                  const value = fields[part.blank] ?? '';
                  return (
                    <input
                      key={`blank-${part.blank}`}
                      ref={(element) => {
                        inputs.current[part.blank] = element;
                      }}
                      type="text"
                      className="blank-field"
                      aria-label={`Blank ${part.blank + 1}`}
                      aria-invalid={markedLines.has(lineIndex + 1) ? true : undefined}
                      placeholder={BLANK}
                      value={value}
                      // As wide as its text (a little room to type), never wider than the line.
                      style={{ width: `${Math.max(6, value.length + 2)}ch` }}
                      spellCheck={false}
                      autoCapitalize="off"
                      autoCorrect="off"
                      autoComplete="off"
                      enterKeyHint="done"
                      onChange={(event) => update(part.blank, event.target.value)}
                      onKeyDown={onKeyDown}
                      onPaste={(event) => onPaste(part.blank, event)}
                    />
                  );
                })}
              </span>
            </div>
          );
        })}
      </div>
      <MarkerList markers={markers} onSelect={revealLine} />
    </>
  );
}
