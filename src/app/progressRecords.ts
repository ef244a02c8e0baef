import { exerciseRecord } from '../exercise/progress';
import { exampleEditRecord } from '../lesson/embeds/example/progress';
import { lessonRecord } from '../lesson/progress';
import { type GradedPartKinds, type ProgressRecordTypes, registerProgressRecords } from '../progress';
import { quizRecord } from '../quiz/progress';

/**
 * Every kind of progress record, in one list, registered on import (App.tsx
 * imports this first, so the store finds them). The order is the order of
 * the maps in the stored data: a new kind goes at the end, with a migration
 * (see docs/architecture.md, "How to add a progress record").
 */
export const PROGRESS_RECORDS = [lessonRecord, exampleEditRecord, exerciseRecord, quizRecord] as const;

// Every kind a feature declares (in `ProgressRecordTypes`) is registered: this fails to compile, naming it, if not.
type Unregistered = Exclude<keyof ProgressRecordTypes, (typeof PROGRESS_RECORDS)[number]['kind']>;
export const EVERY_KIND_REGISTERED: [Unregistered] extends [never] ? true : Unregistered = true;
// And every kind of graded part a feature declares (in `GradedPartKinds`) is held by a registered record.
type UnheldPart = Exclude<keyof GradedPartKinds, NonNullable<(typeof PROGRESS_RECORDS)[number]['gradedPart']>['kind']>;
export const EVERY_GRADED_PART_HELD: [UnheldPart] extends [never] ? true : UnheldPart = true;

registerProgressRecords(PROGRESS_RECORDS);
