/** What src/exercise/harness.py reports, as plain JSON. */

export interface PythonErrorRecord {
  /** The exception's class name, e.g. "ValueError". */
  type: string;
  /** With its module unless built in, e.g. "json.decoder.JSONDecodeError", "binascii.Error". */
  qualifiedType: string;
  message: string;
  isValueError: boolean;
  /** The last line of the learner's file in the traceback. */
  line: number | null;
}

/** Something a probe saw the learner's code do during one call (see harness.py). */
export interface ProbeEvent {
  kind: 'constant-time' | 'variable-time' | 'case-folded' | 'payload-parsed' | 'clock' | 'hmac';
  /** The line of the learner's file where it happened. */
  line: number | null;
  /** What exactly: the operator ("=="), the clock ("time.time"), the HMAC's key, hash and message… */
  detail?: unknown;
}

interface CallBase {
  id: string;
  /** What the call printed. */
  printed?: string;
  /** What the probes saw, in order (at most 40). */
  events?: ProbeEvent[];
  /** Positional indexes ("0") or keyword names of arguments the call changed. */
  changedArguments?: string[];
}

export type CallRecord =
  | (CallBase & {
      outcome: 'returned';
      /** The value as JSON, or null when it has no JSON form (see `repr`, `pyType`). */
      value: unknown;
      repr: string;
      pyType: string;
      /** With an `expectJson` call: whether the value equals that JSON in Python (types too). */
      matches?: boolean;
    })
  | (CallBase & { outcome: 'raised' } & PythonErrorRecord)
  | (CallBase & {
      outcome: 'timeout';
      line: number | null;
      /**
       * Which limit stopped it: the lines of Python it may run (`amount` lines; 0 when
       * earlier calls used up the Check's budget and this one was not made), or the
       * wall-clock backstop (`amount` seconds).
       */
      limit: 'lines' | 'seconds';
      amount: number;
    })
  | (CallBase & { outcome: 'missing'; function: string });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type CallOutcome = CallRecord['outcome'];

export interface SyntaxErrorRecord {
  /** SyntaxError, IndentationError or TabError. */
  type: string;
  message: string;
  line: number;
  column: number;
  endLine?: number | null;
  endColumn?: number | null;
  text?: string;
}

export interface HarnessResult {
  syntaxError?: SyntaxErrorRecord;
  /** Loading the module failed (exception or endless loop at the top level). */
  loadError?: DistributiveOmit<CallRecord, 'id'>;
  loadPrinted?: string;
  calls: CallRecord[];
}

/** One call the harness makes; `{ $bytes: base64 }` stands for Python bytes. */
export interface HarnessCall {
  id: string;
  function: string;
  args: unknown[];
  kwargs?: Record<string, unknown>;
  /** The JSON text the call should return, compared in Python (big numbers, floats and all). */
  expectJson?: string;
  /** What the probes should recognise during this call. */
  probe?: CallProbe;
}

/** What counts as this call's signature material, payload and secret, for the probes. */
export interface CallProbe {
  /** Base64url signatures: the received one and the one a correct verifier computes. */
  signatures?: string[];
  payloadSegment?: string;
  signingInput?: string;
  /** The header and payload segments, to name what an HMAC was computed over. */
  segments?: [string, string];
  secret?: { $bytes: string };
}

export interface HarnessSpec {
  code: string;
  calls: HarnessCall[];
  linesPerCall: number;
  secondsPerCall: number;
  linesToLoad: number;
  secondsToLoad: number;
  linesInAll: number;
}

export const RESULT_MARKER = '@@grading-result ';
export const CASE_MARKER = '@@case ';

export const pythonBytes = (bytes: Uint8Array) => ({ $bytes: btoa(String.fromCharCode(...bytes)) });
