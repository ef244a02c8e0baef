import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTemplate } from './blanks';
import { CodeEditor, type CodeEditorHandle, type CodeEditorProps } from './CodeEditor';
import type { CreateEditorOptions, EditorHandle } from './monaco';

// Real Monaco does not run in jsdom: the Monaco path is checked against a stand-in module,
// which can also fail to load, as a chunk does offline.
const stub = vi.hoisted(() => ({
  created: [] as Array<{ host: HTMLElement; options: CreateEditorOptions; handle: EditorHandle }>,
}));

vi.mock('./monaco', () => monacoStub());

function monacoStub() {
  return {
    createEditor(host: HTMLElement, options: CreateEditorOptions): EditorHandle {
      const listeners = new Set<(code: string) => void>();
      let value = options.value;
      const handle: EditorHandle = {
        getValue: () => value,
        setValue: vi.fn((code: string) => {
          value = code;
        }),
        getValues: () => null,
        getMode: () => (options.template ? 'blanks' : 'free'),
        setTemplate: vi.fn(() => true),
        focus: vi.fn(),
        setMarkers: vi.fn(),
        revealLine: vi.fn(),
        setAriaLabel: vi.fn(),
        onDidChange: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        dispose: vi.fn(),
      };
      // Lets a test play the learner typing into Monaco.
      host.dataset.testType = 'stub';
      host.addEventListener('stub-type', (event) => {
        value = (event as CustomEvent<string>).detail;
        for (const listener of listeners) listener(value);
      });
      stub.created.push({ host, options, handle });
      return handle;
    },
  };
}

const STARTER = 'def f(x):\r\n    y = ___\r\n    return ___(y)\r\n';
const CODE = STARTER.replace(/\r\n/g, '\n');
const LABEL = 'Exercise code, Python';

function renderEditor(props: Partial<CodeEditorProps> = {}, Editor: typeof CodeEditor = CodeEditor) {
  const ref = createRef<CodeEditorHandle>();
  const callbacks = { onChange: vi.fn(), onSubmit: vi.fn(), onBlockedEdit: vi.fn(), onReady: vi.fn() };
  const all: CodeEditorProps = { initialCode: STARTER, ariaLabel: LABEL, ...callbacks, ...props };
  const view = render(<Editor ref={ref} {...all} />);
  return {
    ...view,
    ...callbacks,
    ref,
    user: userEvent.setup(),
    rerenderWith: (more: Partial<CodeEditorProps>) => view.rerender(<Editor ref={ref} {...all} {...more} />),
  };
}

beforeEach(() => {
  // jsdom has no layout, so revealing a line would always "scroll"; it only logs that it cannot.
  vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.doMock('./monaco', () => monacoStub());
  stub.created.length = 0;
});

describe('CodeEditor, textarea engine (the default where IntersectionObserver or matchMedia is missing)', () => {
  it('shows the code in a labelled textarea with LF line ends and says it is ready', () => {
    const { container, onReady } = renderEditor();
    const textarea = screen.getByRole('textbox', { name: LABEL });
    expect(textarea).toHaveValue(CODE);
    expect(textarea).toHaveAttribute('rows', '4');
    // Long lines wrap: nothing is ever out of sight sideways.
    expect(textarea).toHaveAttribute('wrap', 'soft');
    expect(textarea).toHaveAttribute('spellcheck', 'false');
    expect(textarea).toHaveAttribute('autocapitalize', 'off');
    expect(textarea).toHaveAttribute('autocorrect', 'off');
    expect(container.firstElementChild).toHaveAttribute('data-editor-ready', 'textarea');
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(stub.created).toHaveLength(0);
  });

  it('grows to the number of lines', () => {
    renderEditor({ initialCode: Array.from({ length: 30 }, (_, index) => `x${index} = ${index}`).join('\n') });
    expect(screen.getByRole('textbox')).toHaveAttribute('rows', '30');
  });

  it('reports every change, and submits on Ctrl+Enter and Cmd+Enter', async () => {
    const { onChange, onSubmit, user, ref } = renderEditor();
    const textarea = screen.getByRole('textbox', { name: LABEL });
    await user.click(textarea);
    await user.keyboard('{Control>}{End}{/Control}# done');
    expect(onChange).toHaveBeenLastCalledWith(`${CODE}# done`);
    expect(ref.current?.getCode()).toBe(`${CODE}# done`);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(textarea).toHaveValue(`${CODE}# done`);
  });

  it('indents with Tab; Escape then Tab leaves, as its description says', async () => {
    const { onChange, user } = renderEditor({ initialCode: 'x = 1' });
    const textarea = screen.getByRole('textbox', { name: LABEL });
    expect(textarea).toHaveAccessibleDescription(
      'Tab indents. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.',
    );
    expect(screen.getByText(/To leave the editor, press Escape, then Tab/)).toBeVisible();
    await user.click(textarea);
    await user.keyboard('{Control>}{Home}{/Control}{Tab}');
    expect(textarea).toHaveValue('    x = 1');
    expect(onChange).toHaveBeenLastCalledWith('    x = 1');
    expect(textarea).toHaveFocus();
    await user.keyboard('{Escape}{Tab}');
    expect(textarea).not.toHaveFocus();
    expect(textarea).toHaveValue('    x = 1');
  });

  it('shows the code read-only with one labelled input per blank, which saves the code as it is typed', async () => {
    const { onChange, onSubmit, user, ref } = renderEditor({ template: parseTemplate(STARTER) });
    const group = screen.getByRole('group', { name: LABEL });
    expect(group).toHaveAccessibleDescription(
      'Tab moves to the next blank. To leave the editor, press Escape, then Tab. Ctrl+Enter checks your code.',
    );
    expect(group).toHaveTextContent('def f(x):');
    const first = screen.getByRole('textbox', { name: 'Blank 1' });
    const second = screen.getByRole('textbox', { name: 'Blank 2' });
    expect(first).toHaveValue('');
    expect(first).toHaveAttribute('placeholder', '___');
    expect(ref.current?.getCode()).toBe(CODE);

    await user.click(first);
    await user.keyboard('x * 2');
    expect(onChange).toHaveBeenLastCalledWith(CODE.replace('y = ___', 'y = x * 2'));
    await user.keyboard('{Tab}');
    expect(second).toHaveFocus();
    await user.keyboard('str{Control>}{Enter}{/Control}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(ref.current?.getCode()).toBe('def f(x):\n    y = x * 2\n    return str(y)\n');
    // Emptied, a blank is unfilled again (___), as in the starter.
    await user.clear(first);
    expect(onChange).toHaveBeenLastCalledWith('def f(x):\n    y = ___\n    return str(y)\n');
  });

  it('leaves the blank fields with Escape then Tab, from any blank', async () => {
    const { user } = renderEditor({ template: parseTemplate(STARTER) });
    await user.click(screen.getByRole('textbox', { name: 'Blank 1' }));
    await user.keyboard('{Escape}{Tab}');
    // Not to the next blank: out of the editor (jsdom has no layout, so nothing after it counts as shown).
    expect(screen.getByRole('textbox', { name: 'Blank 2' })).not.toHaveFocus();
    expect(screen.getByRole('group', { name: LABEL })).not.toContainElement(document.activeElement as HTMLElement);
  });

  it('keeps a pasted line break out of a blank', async () => {
    const { onChange, user } = renderEditor({ template: parseTemplate(STARTER) });
    await user.click(screen.getByRole('textbox', { name: 'Blank 2' }));
    await user.paste('len\r\nstr');
    expect(onChange).toHaveBeenLastCalledWith(CODE.replace('return ___', 'return len str'));
  });

  it('goes to a blank from a marker, and focuses the first blank to fill', async () => {
    const { user, ref } = renderEditor({
      template: parseTemplate(STARTER),
      markers: [{ line: 3, message: 'NameError' }],
    });
    expect(screen.getByRole('textbox', { name: 'Blank 2' })).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Line 3: NameError' }));
    expect(screen.getByRole('textbox', { name: 'Blank 2' })).toHaveFocus();
    act(() => ref.current?.focus());
    expect(screen.getByRole('textbox', { name: 'Blank 1' })).toHaveFocus();
  });

  it('lists markers under the code; each one goes to its line', async () => {
    const { user, rerenderWith } = renderEditor();
    expect(screen.queryByRole('list', { name: 'Problems in the code' })).toBeNull();
    rerenderWith({ markers: [{ line: 2, message: 'SyntaxError: invalid syntax' }] });
    const textarea = screen.getByRole('textbox', { name: LABEL }) as HTMLTextAreaElement;
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Line 2: SyntaxError: invalid syntax' }));
    expect(textarea).toHaveFocus();
    expect(textarea.value.slice(textarea.selectionStart, textarea.selectionEnd)).toBe('___');
  });

  it('offers focus, getCode and revealLine through its ref', () => {
    const { ref } = renderEditor();
    const textarea = screen.getByRole('textbox', { name: LABEL }) as HTMLTextAreaElement;
    act(() => ref.current?.focus());
    expect(textarea).toHaveFocus();
    expect(ref.current?.getCode()).toBe(CODE);
    act(() => ref.current?.revealLine(3));
    expect(textarea.selectionStart).toBe(CODE.indexOf('return ___') + 'return '.length);
    act(() => ref.current?.revealLine(1));
    expect(textarea.selectionStart).toBe(0);
    expect(textarea.selectionEnd).toBe(0);
  });
});

describe('CodeEditor, Monaco engine (stand-in module)', () => {
  // Re-importing CodeEditor's module graph is CPU-bound work: on a busy machine it takes seconds.
  it('falls back to the textarea, keeping the code, when Monaco cannot be downloaded', {
    timeout: 60_000,
  }, async () => {
    // Once loaded, the Monaco module stays cached in CodeEditor's module: whatever ran
    // before, start from a fresh CodeEditor whose import of it fails, as a chunk does offline.
    vi.resetModules();
    vi.doMock('./monaco', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const { CodeEditor: FreshEditor } = await import('./CodeEditor');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container, onReady } = renderEditor({ engine: 'monaco', template: parseTemplate(STARTER) }, FreshEditor);
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-editor-ready', 'textarea'), {
      timeout: 30_000,
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'The code editor could not load (are you offline?), so here is a plain text box instead. Your code is kept.',
    );
    // Blanks mode without Monaco: one input per blank, the code kept.
    expect(screen.getByRole('group', { name: LABEL })).toHaveTextContent('return (y)');
    expect(screen.getByRole('textbox', { name: 'Blank 2' })).toHaveValue('');
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
  });

  it('shows a busy read-only copy of the code, then the editor', async () => {
    const template = parseTemplate(STARTER);
    const { container, onReady } = renderEditor({ engine: 'monaco', template });
    const frame = container.firstElementChild;
    const placeholder = screen.getByRole('textbox', { name: LABEL });
    expect(placeholder).toHaveAttribute('aria-readonly', 'true');
    expect(placeholder).toHaveAttribute('aria-busy', 'true');
    expect(placeholder).toHaveTextContent('return ___(y)');
    expect(placeholder).toHaveAccessibleDescription(/press Escape, then Tab/);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the editor…');

    await waitFor(() => expect(frame).toHaveAttribute('data-editor-ready', 'monaco'));
    expect(screen.queryByRole('textbox', { name: LABEL })).toBeNull(); // Monaco's own textbox is not in the stand-in
    expect(screen.queryByRole('status')).toBeNull();
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(stub.created).toHaveLength(1);
    expect(stub.created[0]?.options).toMatchObject({ value: CODE, ariaLabel: LABEL, template });
    // The same visible note describes Monaco's input.
    const note = document.getElementById(stub.created[0]?.options.ariaDescribedBy ?? '');
    expect(note).toHaveTextContent('Tab moves to the next blank. To leave the editor, press Escape, then Tab.');
  });

  it('shows the build-time highlighted HTML while loading, when given', () => {
    renderEditor({
      engine: 'monaco',
      placeholderHtml: '<pre tabindex="0" class="shiki"><code>highlighted</code></pre>',
    });
    const placeholder = screen.getByRole('textbox', { name: LABEL });
    expect(placeholder).toHaveTextContent('highlighted');
    expect(placeholder.querySelector('pre')).not.toHaveAttribute('tabindex');
  });

  it('passes changes, submit and refused edits through, and follows prop changes', async () => {
    const { container, onChange, onSubmit, onBlockedEdit, ref, rerenderWith, unmount } = renderEditor({
      engine: 'monaco',
      template: parseTemplate(STARTER),
    });
    await waitFor(() => expect(stub.created).toHaveLength(1));
    const created = stub.created[0];
    if (!created) throw new Error('no editor');
    await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-editor-ready', 'monaco'));

    const typed = CODE.replace('y = ___', 'y = x * 2');
    act(() => {
      created.host.dispatchEvent(new CustomEvent('stub-type', { detail: typed }));
    });
    expect(onChange).toHaveBeenLastCalledWith(typed);
    expect(ref.current?.getCode()).toBe(typed);

    created.options.onSubmit?.();
    created.options.onBlockedEdit?.('newline');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onBlockedEdit).toHaveBeenCalledWith('newline');

    const markers = [{ line: 2, message: 'NameError' }];
    rerenderWith({ template: undefined, markers, ariaLabel: 'Exercise code, free editing' });
    expect(created.handle.setTemplate).toHaveBeenLastCalledWith(undefined);
    expect(created.handle.setMarkers).toHaveBeenLastCalledWith(markers);
    expect(created.handle.setAriaLabel).toHaveBeenLastCalledWith('Exercise code, free editing');

    await userEvent.click(screen.getByRole('button', { name: 'Line 2: NameError' }));
    expect(created.handle.revealLine).toHaveBeenLastCalledWith(2);
    act(() => ref.current?.revealLine(3));
    expect(created.handle.revealLine).toHaveBeenLastCalledWith(3);
    act(() => ref.current?.focus());
    expect(created.handle.focus).toHaveBeenCalled();

    unmount();
    expect(created.handle.dispose).toHaveBeenCalled();
  });

  it('moves focus into the editor once ready when the learner focused the copy', async () => {
    renderEditor({ engine: 'monaco' });
    act(() => screen.getByRole('textbox', { name: LABEL }).focus());
    await waitFor(() => expect(stub.created[0]?.handle.focus).toHaveBeenCalledTimes(1));
  });
});
