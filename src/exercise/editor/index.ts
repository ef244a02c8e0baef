// The exercise code editor: Monaco (downloaded on demand) with fill-in-the-blanks, or a textarea.
export {
  BLANK,
  BLANKS_ERROR_CODES,
  BlanksError,
  type BlanksErrorCode,
  type BlankTemplate,
  blankCount,
  blankLines,
  type CodePosition,
  checkEdit,
  describeUnfilled,
  type EditCheck,
  type EditRefusal,
  emptySlots,
  fillTemplate,
  normalizeCode,
  parseTemplate,
  readBlanks,
  type SlotRange,
  slotRanges,
  type TextEdit,
  templateProblems,
  unfilledBlanks,
  unfilledLines,
} from './blanks';
export {
  CodeEditor,
  type CodeEditorHandle,
  type CodeEditorProps,
  type EditorEngine,
  preloadEditor,
} from './CodeEditor';
export type { EditorMarker } from './monaco';
export { TextareaEditor, type TextareaEditorProps } from './TextareaEditor';
