/** The address of a lesson's page: where its links point and where it is prerendered. */
export const lessonPath = (lessonId: string) => `/lessons/${lessonId}`;
