import { RouteDefinitionError } from './errors';

/** Values captured from the URL: `<id>` gives a string, `<int:id>` a number. */
export type RouteParams = Record<string, string | number>;

interface Converter {
  /** The pattern a path part must match (Werkzeug's converter regex). */
  pattern: string;
  /** Static parts beat converters, and narrower converters beat wider ones. */
  weight: number;
  toValue(text: string): string | number;
}

// Python's \d and int() accept any Unicode decimal digit, e.g. Arabic-Indic ones.
const DIGITS = '\\p{Nd}+';

const CONVERTERS: Readonly<Record<string, Converter>> = {
  default: { pattern: '[^/]+', weight: 3, toValue: (text) => text },
  string: { pattern: '[^/]+', weight: 3, toValue: (text) => text },
  int: { pattern: DIGITS, weight: 1, toValue: (text) => Number.parseInt(asciiDigits(text), 10) },
  float: { pattern: `${DIGITS}\\.${DIGITS}`, weight: 1, toValue: (text) => Number.parseFloat(asciiDigits(text)) },
  path: { pattern: '[^/].*?', weight: 4, toValue: (text) => text },
  uuid: {
    pattern: '[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}',
    weight: 2,
    toValue: (text) => text.toLowerCase(),
  },
};

const STATIC_WEIGHT = 0;

/** A URL rule compiled for matching decoded paths. */
export interface CompiledRule {
  rule: string;
  regex: RegExp;
  variables: Array<{ name: string; converter: Converter }>;
  /** One weight per path part, compared left to right to pick the most specific rule. */
  weights: number[];
}

// Werkzeug's rule syntax: <name>, <converter:name>, <converter(arguments):name>.
const VARIABLE = /<(?:([a-zA-Z_][a-zA-Z0-9_]*)(?:\((.*?)\))?:)?([a-zA-Z_][a-zA-Z0-9_]*)>/g;

/**
 * Compiles a Flask URL rule such as `/users/<int:user_id>`. Refuses what
 * Werkzeug refuses at registration: no leading slash, a malformed `<...>`,
 * an unknown converter, a variable used twice. Converter arguments
 * (`<int(signed=True):n>`) are not simulated and are refused too.
 *
 * @example compileRule('/users/<int:user_id>')
 */
export function compileRule(rule: string): CompiledRule {
  if (!rule.startsWith('/')) throw new RouteDefinitionError(rule, `URL rule '${rule}' must start with a slash.`);
  const variables: CompiledRule['variables'] = [];
  const weightsByPart = rule
    .split('/')
    .slice(1)
    .map((part) => (part.includes('<') ? Number.POSITIVE_INFINITY : STATIC_WEIGHT));
  let pattern = '';
  let last = 0;
  const addStatic = (text: string) => {
    // A '<' or '>' left outside a variable is a typo Werkzeug refuses.
    if (/[<>]/.test(text)) throw new RouteDefinitionError(rule, `malformed url rule: '${rule}'`);
    pattern += escapeRegExp(text);
  };
  for (const match of rule.matchAll(VARIABLE)) {
    const [whole, converterName = 'default', argumentsText, name = ''] = match;
    addStatic(rule.slice(last, match.index));
    last = match.index + whole.length;
    if (argumentsText !== undefined) {
      throw new RouteDefinitionError(rule, `converter arguments are not supported by the simulator: '${whole}'`);
    }
    const converter = Object.hasOwn(CONVERTERS, converterName) ? CONVERTERS[converterName] : undefined;
    if (!converter)
      throw new RouteDefinitionError(rule, `the converter '${converterName}' does not exist`, 'LookupError');
    if (variables.some((variable) => variable.name === name)) {
      throw new RouteDefinitionError(rule, `variable name '${name}' used twice.`);
    }
    variables.push({ name, converter });
    const partIndex = rule.slice(0, match.index).split('/').length - 2;
    weightsByPart[partIndex] = Math.min(weightsByPart[partIndex] ?? converter.weight, converter.weight);
    pattern += `(${converter.pattern})`;
  }
  addStatic(rule.slice(last));
  return { rule, regex: new RegExp(`^${pattern}$`, 'u'), variables, weights: weightsByPart };
}

/** The values a decoded path gives for a rule, or null when it does not match. */
export function matchRule(compiled: CompiledRule, path: string): RouteParams | null {
  const match = compiled.regex.exec(path);
  if (!match) return null;
  const params: RouteParams = {};
  compiled.variables.forEach((variable, index) => {
    params[variable.name] = variable.converter.toValue(match[index + 1] ?? '');
  });
  return params;
}

/** Orders rules as Werkzeug prefers them: static parts before converters, left to right. */
export function compareRuleSpecificity(a: CompiledRule, b: CompiledRule): number {
  const length = Math.max(a.weights.length, b.weights.length);
  for (let index = 0; index < length; index++) {
    const difference = (a.weights[index] ?? -1) - (b.weights[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Unicode decimal digits to ASCII ones, as Python's int() reads them. */
function asciiDigits(text: string): string {
  let result = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!/\p{Nd}/u.test(char)) {
      result += char;
      continue;
    }
    // Every run of Unicode decimal digits starts at a zero, in blocks of ten.
    let start = codePoint;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    result += String((codePoint - start) % 10);
  }
  return result;
}
