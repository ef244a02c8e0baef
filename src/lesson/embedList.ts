/**
 * The closed list of embeds a lesson may use, declared once.
 *
 * Each entry says how it is written in Markdown (`leaf`: `::name{...}`,
 * `container`: `:::name{...}` with content) and which attributes it takes.
 * The build validates every directive against this list, and the page maps
 * every name to a component: adding a name here without both fails the
 * type check.
 */
export const EMBEDS = {
  /** A runnable Python example from its `.py` file, with the output it prints; `timeout` in seconds (5). */
  example: {
    directive: 'container',
    attributes: { id: 'required', src: 'required', title: 'required', timeout: 'optional' },
  },
  /** A file shown as highlighted code (starter code, for instance), without output. */
  include: {
    directive: 'leaf',
    attributes: { src: 'required', title: 'required' },
  },
  /** The demo API in the page: `scenarios` is "flow" (login, Bearer) or "troubleshooting". */
  'request-simulator': {
    directive: 'leaf',
    attributes: { id: 'required', scenarios: 'required' },
  },
  /** The token inspector, opened on a token and the secret it was signed with. */
  'jwt-inspector': {
    directive: 'leaf',
    attributes: { id: 'required', token: 'required', secret: 'required' },
  },
  /** A graded exercise, described by its YAML file (see lessons/README.md). */
  exercise: {
    directive: 'leaf',
    attributes: { src: 'required' },
  },
  /** The lesson's graded parts as a checklist, and the celebration once they are passed. */
  'lesson-checklist': {
    directive: 'leaf',
    attributes: {},
  },
  /** The lesson's practice quiz, from its YAML file (see lessons/README.md). */
  quiz: {
    directive: 'leaf',
    attributes: { src: 'required' },
  },
} as const;

export type EmbedName = keyof typeof EMBEDS;

export const EMBED_NAMES = Object.keys(EMBEDS) as EmbedName[];

export function isEmbedName(name: string): name is EmbedName {
  return Object.hasOwn(EMBEDS, name);
}
