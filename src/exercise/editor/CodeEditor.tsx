import { type Ref, useEffect, useEffectEvent, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { loadOnce } from '../../lib/loadOnce';
import { BlankFields } from './BlankFields';
import { type BlankTemplate, type EditRefusal, normalizeCode, readBlanks } from './blanks';
import { prefersPlainEditor } from './engine';
import { editorKeysNote } from './keys';
import type { EditorHandle, EditorMarker } from './monaco';
import { MarkerList, TextareaEditor } from './TextareaEditor';
import './editor.css';

/** What a page can do with a mounted editor, whichever engine runs it. */
export interface CodeEditorHandle {
  /** Moves focus into the editor (in blanks mode, onto the first blank to fill). */
  focus(): void;
  /** The current code, LF line ends. */
  getCode(): string;
  /** Scrolls to a line, focuses the editor and puts the cursor there (on its blank, if any). */
  revealLine(line: number): void;
}

export type EditorEngine = 'auto' | 'monaco' | 'textarea';

export interface CodeEditorProps {
  /** Initial code; the editor is uncontrolled after mount (remount with a React `key` to reset). */
  initialCode: string;
  /**
   * Blanks mode when given: the starter's template (`parseTemplate(starter)`); only the blanks
   * can be edited. Leave it out for free editing. It may change after mount ("Edit freely"):
   * back to a template only works while the code still fits it (check with `readBlanks`).
   * Without Monaco, blanks mode shows the code read-only with one input per blank.
   */
  template?: BlankTemplate;
  /**
   * Accessible name, e.g. "Exercise code, Python". How the keys work (how to leave) is
   * shown under the editor, the same in every engine, and is its accessible description.
   */
  ariaLabel: string;
  onChange: (code: string) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit: () => void;
  /** Blanks mode refused (and undid) an edit: tell the learner why. */
  onBlockedEdit?: (reason: EditRefusal) => void;
  /** Problems in the code: underlined in Monaco, and listed under the code as buttons that go to their line. */
  markers?: readonly EditorMarker[];
  /**
   * Highlighted HTML of `initialCode` (the build's Shiki output), shown read-only until Monaco
   * is ready. Plain text is shown without it. Only pass HTML of the same code.
   */
  placeholderHtml?: string;
  /** 'auto' (default): Monaco, except a plain editor (blank fields or a textarea) where `prefersPlainEditor` says so (touch-only devices, jsdom). Read at mount. */
  engine?: EditorEngine;
  /** Once the real editor is ready; the wrapper then carries `data-editor-ready="monaco" | "textarea"`. */
  onReady?: () => void;
  ref?: Ref<CodeEditorHandle>;
}

type MonacoModule = typeof import('./monaco');

/** Starts downloading Monaco (once); a failed download is forgotten so a later call retries. */
export const preloadEditor: () => Promise<MonacoModule> = loadOnce(() => import('./monaco'));

function chooseEngine(requested: EditorEngine): 'monaco' | 'textarea' {
  if (requested !== 'auto') return requested;
  return prefersPlainEditor(window) ? 'textarea' : 'monaco';
}

/** Monaco's height for this code when no line wraps (monaco.ts): 20 px lines, 8 + 12 px padding, 6 to 150 lines. */
function codeHeight(code: string): number {
  const lines = code.split('\n').length;
  return Math.min(150, Math.max(6, lines)) * 20 + 8 + 12;
}

const LOAD_FAILED =
  'The code editor could not load (are you offline?), so here is a plain text box instead. Your code is kept.';

/**
 * The exercise code editor. Monaco is downloaded only when the editor comes within 600 px
 * of the window or the learner focuses it; until then a read-only copy of the code holds
 * its place at the same height (focusing it hands focus to Monaco once it is there). Touch
 * devices, and any failure to load, get a plain editor: one input per blank in blanks mode,
 * else a textarea. Every engine wraps long lines and is left the same way (see `keys.ts`).
 */
export function CodeEditor({
  initialCode,
  template,
  ariaLabel,
  onChange,
  onSubmit,
  onBlockedEdit,
  markers,
  placeholderHtml,
  engine: requestedEngine = 'auto',
  onReady,
  ref,
}: CodeEditorProps) {
  // The first render is the same on the server (prerendering) and in every browser: Monaco's
  // placeholder. The engine for this device is chosen right after, so hydration matches.
  const [engine, setEngine] = useState<'monaco' | 'textarea'>(requestedEngine === 'textarea' ? 'textarea' : 'monaco');
  const [chosen] = useState(() => (typeof window === 'undefined' ? 'monaco' : chooseEngine(requestedEngine)));
  useEffect(() => {
    if (chosen === 'textarea') setEngine('textarea');
  }, [chosen]);
  const [monacoReady, setMonacoReady] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [startCode] = useState(() => normalizeCode(initialCode));
  // The latest code from either engine, so a fallback starts from what the learner wrote.
  const code = useRef(startCode);
  const [textareaCode, setTextareaCode] = useState(startCode);
  const frame = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const placeholder = useRef<HTMLDivElement>(null);
  const monaco = useRef<EditorHandle | null>(null);
  const textarea = useRef<CodeEditorHandle>(null);
  const startLoading = useRef<() => void>(() => {});
  const pendingLine = useRef<number>(undefined);
  const focusWhenShown = useRef(false);
  const noteId = useId();
  const keysNote = editorKeysNote(template ? 'blanks' : 'free');

  const changed = useEffectEvent((next: string) => {
    code.current = next;
    onChange(next);
  });
  const submitted = useEffectEvent(() => onSubmit());
  const blocked = useEffectEvent((reason: EditRefusal) => onBlockedEdit?.(reason));
  const ready = useEffectEvent(() => onReady?.());
  const creationOptions = useEffectEvent(() => ({ ariaLabel, template, noteId }));

  useEffect(() => {
    if (engine !== 'monaco' || chosen !== 'monaco') return;
    const frameElement = frame.current;
    let cancelled = false;
    let started = false;
    let observer: IntersectionObserver | undefined;
    let handle: EditorHandle | undefined;

    const fail = (error: unknown) => {
      if (cancelled) return;
      console.warn('Monaco did not load; using the textarea.', error);
      setTextareaCode(code.current);
      setFailure(LOAD_FAILED);
      setEngine('textarea');
    };

    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      preloadEditor().then((module) => {
        if (cancelled || !host.current) return;
        const { ariaLabel: label, template: blanks, noteId: describedBy } = creationOptions();
        try {
          handle = module.createEditor(host.current, {
            value: code.current,
            ariaLabel: label,
            ariaDescribedBy: describedBy,
            template: blanks,
            onSubmit: submitted,
            onBlockedEdit: blocked,
          });
        } catch (error) {
          fail(error);
          return;
        }
        handle.onDidChange(changed);
        monaco.current = handle;
        focusWhenShown.current ||= placeholder.current?.contains(document.activeElement) ?? false;
        setMonacoReady(true);
        ready();
      }, fail);
    };
    startLoading.current = start;

    if (typeof IntersectionObserver === 'undefined' || !frameElement) start();
    else {
      observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {
        rootMargin: '600px 0px',
      });
      observer.observe(frameElement);
    }
    return () => {
      cancelled = true;
      observer?.disconnect();
      startLoading.current = () => {};
      handle?.dispose();
      monaco.current = null;
      setMonacoReady(false);
    };
  }, [engine, chosen]);

  useEffect(() => {
    if (engine === 'textarea') ready();
  }, [engine]);

  // Monaco cannot take focus until it is shown: the learner focused the placeholder, or asked for a line.
  useEffect(() => {
    const handle = monaco.current;
    if (!monacoReady || !handle) return;
    if (pendingLine.current !== undefined) handle.revealLine(pendingLine.current);
    else if (focusWhenShown.current) handle.focus();
    pendingLine.current = undefined;
    focusWhenShown.current = false;
  }, [monacoReady]);

  useEffect(() => {
    if (monacoReady) monaco.current?.setTemplate(template);
  }, [monacoReady, template]);

  useEffect(() => {
    if (monacoReady) monaco.current?.setMarkers(markers ?? []);
  }, [monacoReady, markers]);

  useEffect(() => {
    if (monacoReady) monaco.current?.setAriaLabel(ariaLabel);
  }, [monacoReady, ariaLabel]);

  useImperativeHandle(
    ref,
    () => ({
      focus() {
        if (engine === 'textarea') textarea.current?.focus();
        else if (monaco.current) monaco.current.focus();
        else {
          focusWhenShown.current = true;
          startLoading.current();
        }
      },
      getCode: () => code.current,
      revealLine(line) {
        if (engine === 'textarea') textarea.current?.revealLine(line);
        else if (monaco.current) monaco.current.revealLine(line);
        else {
          pendingLine.current = line;
          startLoading.current();
        }
      },
    }),
    [engine],
  );

  const loading = engine === 'monaco' && !monacoReady;
  const placeholderLines = useMemo(() => startCode.split('\n'), [startCode]);

  // What the two plain editors (blank inputs, or a textarea) share.
  const plainProps = {
    initialCode: textareaCode,
    ariaLabel,
    describedBy: noteId,
    onChange: (next: string) => {
      code.current = next;
      onChange(next);
    },
    onSubmit,
    markers,
  };
  return (
    <div
      ref={frame}
      className="editor-frame"
      data-editor-ready={engine === 'textarea' ? 'textarea' : monacoReady ? 'monaco' : undefined}
    >
      {engine === 'monaco' && (
        <div ref={host} className={monacoReady ? 'editor-host' : 'editor-host editor-host-loading'} />
      )}
      {engine === 'monaco' && monacoReady && markers && (
        <MarkerList markers={markers} onSelect={(line) => monaco.current?.revealLine(line)} />
      )}
      {loading && (
        <>
          {/* A stand-in for Monaco's textbox while it downloads; focusing it starts the download. */}
          {/* biome-ignore lint/a11y/useSemanticElements: a textarea cannot show the highlighted code */}
          <div
            ref={placeholder}
            className="editor-placeholder"
            role="textbox"
            aria-readonly="true"
            aria-multiline="true"
            aria-label={ariaLabel}
            aria-describedby={noteId}
            aria-busy="true"
            tabIndex={0}
            style={{ minHeight: codeHeight(startCode) }}
            onFocus={() => startLoading.current()}
          >
            {placeholderHtml ? (
              // Shiki makes its <pre> focusable; here the stand-in itself takes focus.
              // biome-ignore lint/security/noDangerouslySetInnerHtml: build-time highlighted code (Shiki), never learner input
              <div dangerouslySetInnerHTML={{ __html: placeholderHtml.replace(/^<pre tabindex="0"/, '<pre') }} />
            ) : (
              <pre>
                <code>
                  {placeholderLines.map((line, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of a read-only copy
                    <span key={index} className="line">
                      {line}
                      {index < placeholderLines.length - 1 ? '\n' : ''}
                    </span>
                  ))}
                </code>
              </pre>
            )}
          </div>
          <p className="editor-status" role="status">
            Loading the editor…
          </p>
        </>
      )}
      {engine === 'textarea' && (
        <>
          {failure && (
            <p className="editor-failure" role="status">
              {failure}
            </p>
          )}
          {template && readBlanks(template, textareaCode) ? (
            <BlankFields ref={textarea} template={template} {...plainProps} />
          ) : (
            <TextareaEditor ref={textarea} {...plainProps} />
          )}
        </>
      )}
      <p className="editor-note" id={noteId}>
        {keysNote}
      </p>
    </div>
  );
}
