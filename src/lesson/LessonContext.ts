import { createContext, useContext } from 'react';

/** The lesson an embed sits in, for state kept per lesson (example edits, drafts). */
export const LessonContext = createContext<string>('');

export const useLessonId = () => useContext(LessonContext);
