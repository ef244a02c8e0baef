import type { EmbedName } from '../embedList.ts';
import { exampleCompiler } from '../embeds/example/compile.ts';
import { exerciseCompiler } from '../embeds/exercise/compile.ts';
import { includeCompiler } from '../embeds/include/compile.ts';
import { jwtInspectorCompiler } from '../embeds/jwt-inspector/compile.ts';
import { lessonChecklistCompiler } from '../embeds/lesson-checklist/compile.ts';
import { quizCompiler } from '../embeds/quiz/compile.ts';
import { requestSimulatorCompiler } from '../embeds/request-simulator/compile.ts';
import type { EmbedCompiler } from './embedCompiler.ts';

/**
 * The build side of every embed (Node only: never imported by the page), by name. The
 * `satisfies` makes it exhaustive: an embed of the list without its compiler, or a compiler
 * under the wrong name, fails the type check.
 */
export const EMBED_COMPILERS = {
  example: exampleCompiler,
  include: includeCompiler,
  'request-simulator': requestSimulatorCompiler,
  'jwt-inspector': jwtInspectorCompiler,
  exercise: exerciseCompiler,
  'lesson-checklist': lessonChecklistCompiler,
  quiz: quizCompiler,
} as const satisfies { [Name in EmbedName]: EmbedCompiler<Name> };
