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

interface CallBase {
  id: string;
  /** What the call printed. */
  printed?: string;
}

export type CallRecord =
  | (CallBase & {
      outcome: 'returned';
      /** The value as JSON, or null when it has no JSON form (see `repr`, `pyType`). */
      value: unknown;
      repr: string;
      pyType: string;
    })
  | (CallBase & { outcome: 'raised' } & PythonErrorRecord)
  | (CallBase & { outcome: 'timeout'; line: number | null })
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

export interface FunctionFacts {
  line: number;
  /** Every call in the function, by the called name (`hmac.compare_digest(...)` → "compare_digest"). */
  calls: Array<{ name: string; line: number }>;
  /** `==`, `!=`, `is`, `is not` between two computed values (not constants, not len()). */
  valueComparisons: Array<{ line: number; text: string }>;
}

export interface HarnessResult {
  syntaxError?: SyntaxErrorRecord;
  /** Loading the module failed (exception or endless loop at the top level). */
  loadError?: DistributiveOmit<CallRecord, 'id'>;
  loadPrinted?: string;
  calls: CallRecord[];
  analysis: Record<string, FunctionFacts>;
}

/** One call the harness makes; `{ $bytes: base64 }` stands for Python bytes. */
export interface HarnessCall {
  id: string;
  function: string;
  args: unknown[];
  kwargs?: Record<string, unknown>;
}

export interface HarnessSpec {
  code: string;
  calls: HarnessCall[];
  /** Functions to report facts about. */
  analyse: string[];
  secondsPerCall: number;
  secondsToLoad: number;
}

export const RESULT_MARKER = '@@grading-result ';
export const CASE_MARKER = '@@case ';

export const pythonBytes = (bytes: Uint8Array) => ({ $bytes: btoa(String.fromCharCode(...bytes)) });
