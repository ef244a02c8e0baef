// Build-time side of lessons (Node only): never imported by the page.
export { type CompiledContent, compileCourse } from './compileCourse.ts';
export {
  CONTENT_ERROR_CODES,
  ContentBuildError,
  ContentError,
  type ContentErrorCode,
  formatContentErrors,
} from './errors.ts';
export { lessonsPlugin } from './vitePlugin.ts';
