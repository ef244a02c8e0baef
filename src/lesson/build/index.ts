// Build-time side of lessons (Node only): never imported by the page.
export { compileCourse, type CompiledContent } from './compileCourse.ts';
export { ContentBuildError, ContentError, type ContentErrorCode, CONTENT_ERROR_CODES, formatContentErrors } from './errors.ts';
export { lessonsPlugin } from './vitePlugin.ts';
