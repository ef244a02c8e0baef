/**
 * The closed list of embeds a lesson may use, declared once.
 *
 * Each entry says how it is written in Markdown (`leaf`: `::name{...}`,
 * `container`: `:::name{...}` with content) and which attributes it takes.
 * The build validates every directive against this list, and the page maps
 * every name to a component: adding a name here without both fails the
 * type check.
 *
 * `showsSource` marks the embeds whose `src` file is read and shown as highlighted code
 * (the others' `src` is data: an exercise's or a quiz's YAML, compiled on its own).
 *
 * `width` is where the embed sits: `prose` keeps it to the reading measure, `wide` lets
 * an interactive embed (code to run or edit, tools with results) use the whole content
 * width, beside-the-text column included.
 */
export const EMBEDS = {
  /** A runnable Python example from its `.py` file, with the output it prints; `timeout` in seconds (5). */
  example: {
    width: 'wide',
    directive: 'container',
    attributes: { id: 'required', src: 'required', title: 'required', timeout: 'optional' },
    /** Its `src` is shown as highlighted code. */
    showsSource: true,
  },
  /** A file shown as highlighted code (starter code, for instance), without output. */
  include: {
    width: 'prose',
    directive: 'leaf',
    attributes: { src: 'required', title: 'required' },
    showsSource: true,
  },
  /** The demo API in the page: `scenarios` is "flow" (login, Bearer) or "troubleshooting". */
  'request-simulator': {
    width: 'wide',
    directive: 'leaf',
    attributes: { id: 'required', scenarios: 'required' },
  },
  /** The token inspector, opened on a token and the secret it was signed with. */
  'jwt-inspector': {
    width: 'wide',
    directive: 'leaf',
    attributes: { id: 'required', token: 'required', secret: 'required' },
  },
  /** A graded exercise, described by its YAML file (see lessons/README.md). */
  exercise: {
    width: 'wide',
    directive: 'leaf',
    attributes: { src: 'required' },
  },
  /** The lesson's graded parts as a checklist, and the celebration once they are passed. */
  'lesson-checklist': {
    width: 'prose',
    directive: 'leaf',
    attributes: {},
  },
  /** The lesson's practice quiz, from its YAML file (see lessons/README.md). */
  quiz: {
    width: 'prose',
    directive: 'leaf',
    attributes: { src: 'required' },
  },
} as const;

export type EmbedName = keyof typeof EMBEDS;

export const EMBED_NAMES = Object.keys(EMBEDS) as EmbedName[];

export type EmbedWidth = (typeof EMBEDS)[EmbedName]['width'];

/** Where an embed sits in the page: see `width` above. */
export function embedWidth(name: EmbedName): EmbedWidth {
  return EMBEDS[name].width;
}

export function isEmbedName(name: string): name is EmbedName {
  return Object.hasOwn(EMBEDS, name);
}
