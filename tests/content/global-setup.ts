import type { TestProject } from 'vitest/node';
import { compileCourseData } from '../support/compiledCourse.ts';

/** Compiles the course once for every content test file, instead of once per file. */
export default async function setup(project: TestProject) {
  project.provide('compiledCourse', await compileCourseData());
}
