import { type RefObject, useEffect, useEffectEvent, useRef, useState } from 'react';
import { progressStore } from '../progress';
import type { BlankTemplate } from './editor';
import { readBlanks } from './editor';
import type { ExerciseDraft } from './progress';
import type { EditingMode, ExerciseEmbed } from './types';

const SAVE_DELAY_MS = 400;

/** The editing mode a draft opens in: blanks only while the draft still fits the starter's blanks. */
export function startMode(
  embed: ExerciseEmbed,
  template: BlankTemplate | undefined,
  draft: { code: string; mode: EditingMode } | undefined,
): EditingMode {
  if (embed.editing === 'free' || !template) return 'free';
  if (!draft) return 'blanks';
  // A draft saved in blanks mode that no longer fits the starter (edited elsewhere) opens freely.
  return draft.mode === 'blanks' && readBlanks(template, draft.code) ? 'blanks' : 'free';
}

/** What the exercise says when another tab changed the draft under it. */
const FROM_OTHER_TAB = {
  saved: 'This shows your newer code, saved in another tab.',
  reset: 'This exercise was reset in another tab: it shows the starter code.',
} as const;

export interface ExerciseDraftState {
  /** The code as the learner has it now (the editor's latest text). */
  code: RefObject<string>;
  /** What the editor mounts with; with `editorKey`, a change remounts it. */
  initialCode: string;
  mode: EditingMode;
  editorKey: number;
  /** Why the code changed under the learner (another tab saved or reset it), if it did. */
  fromOtherTab: string | undefined;
  /** The learner typed: keep the text and save it soon (unless `save` is false: too long to keep). */
  edited(next: string, save: boolean): void;
  /** Saves now (in `mode`, or the given one): before a Check or Run, on leaving the page. */
  saveNow(mode?: EditingMode): void;
  /** Shows `code` in `mode` afresh (a switch of mode) and saves it. */
  replace(code: string, mode: EditingMode): void;
  /** Back to the starter, forgetting the saved draft. */
  reset(): void;
}

/**
 * The exercise's draft: the code in the editor, saved to the progress store a moment after
 * each edit and on leaving the page; the saved draft shown after hydration; and a newer draft
 * saved in another tab (or a reset there) shown as it comes, unless this tab holds an edit not
 * yet saved (that edit is newer; saving it makes the other tab follow). After a change from
 * outside, the editor is remounted and, if it had focus, focused again.
 */
export function useExerciseDraft(options: {
  key: string;
  embed: ExerciseEmbed;
  template: BlankTemplate | undefined;
  /** The exercise's root, to tell whether focus was inside it. */
  section: RefObject<HTMLElement | null>;
  focusEditor: () => void;
  /**
   * The saved draft as this render sees it (from `useProgress`): none while hydrating, so
   * the page matches the prerendered starter; the effect below brings the draft in after.
   */
  rendered: ExerciseDraft | undefined;
}): ExerciseDraftState {
  const { key, embed, template, section } = options;
  const stored = options.rendered;
  const code = useRef(stored?.code ?? embed.starter.source);
  const [initialCode, setInitialCode] = useState(code.current);
  const [mode, setMode] = useState<EditingMode>(() => startMode(embed, template, stored));
  const [editorKey, setEditorKey] = useState(0);
  const [fromOtherTab, setFromOtherTab] = useState<string>();
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refocus = useRef(false);

  const cancelSave = () => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
  };
  const show = (next: string, nextMode: EditingMode) => {
    code.current = next;
    setInitialCode(next);
    setMode(nextMode);
    setEditorKey((value) => value + 1);
  };
  const saveNow = (currentMode: EditingMode = mode) => {
    cancelSave();
    const current = code.current;
    const untouched = current === embed.starter.source && currentMode === embed.editing;
    const saved = progressStore.getState().exercises[key]?.draft;
    if (untouched && !saved) return;
    if (saved?.code === current && saved.mode === currentMode) return;
    progressStore.getState().saveExerciseDraft(key, untouched ? undefined : { code: current, mode: currentMode });
  };

  /** Shows the stored draft (or the starter, after a reset) unless the editor already shows it. */
  const adoptStored = useEffectEvent((draft: ExerciseDraft | undefined, external: boolean) => {
    const next = draft?.code ?? embed.starter.source;
    const nextMode = draft ? startMode(embed, template, draft) : embed.editing;
    if (next === code.current && nextMode === mode) return;
    refocus.current = section.current?.contains(document.activeElement) ?? false;
    show(next, nextMode);
    setFromOtherTab(!external ? undefined : draft ? FROM_OTHER_TAB.saved : FROM_OTHER_TAB.reset);
  });
  useEffect(() => {
    // The prerendered page hydrates with the starter; the saved draft comes in right after.
    const saved = progressStore.getState().exercises[key]?.draft;
    if (saved) adoptStored(saved, false);
    return progressStore.subscribe((state, previous) => {
      const draft = state.exercises[key]?.draft;
      if (draft === previous.exercises[key]?.draft || saveTimer.current !== undefined) return;
      adoptStored(draft, true);
    });
  }, [key]);
  const focusEditor = useEffectEvent(options.focusEditor);
  // biome-ignore lint/correctness/useExhaustiveDependencies: after each remount of the editor
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    focusEditor();
  }, [editorKey]);

  // Leaving the page (or the exercise) saves what is pending.
  const flush = useRef(saveNow);
  flush.current = saveNow;
  useEffect(() => {
    const onHide = () => flush.current();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      if (saveTimer.current) flush.current();
    };
  }, []);

  return {
    code,
    initialCode,
    mode,
    editorKey,
    fromOtherTab,
    edited(next, save) {
      code.current = next;
      setFromOtherTab(undefined);
      cancelSave();
      if (save) saveTimer.current = setTimeout(() => saveNow(), SAVE_DELAY_MS);
    },
    saveNow,
    replace(next, nextMode) {
      show(next, nextMode);
      saveNow(nextMode);
    },
    reset() {
      cancelSave();
      progressStore.getState().saveExerciseDraft(key, undefined);
      show(embed.starter.source, embed.editing);
    },
  };
}
