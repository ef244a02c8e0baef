import { LOAD_STAGES, type LoadStage } from './protocol';

/**
 * What is downloaded before Python's first run: `pyodide.asm.wasm` and `python_stdlib.zip`,
 * measured at build time from the files the build copies (see vite.config.ts).
 */
export const PYTHON_DOWNLOAD_FILES: typeof __PYTHON_DOWNLOAD__ =
  typeof __PYTHON_DOWNLOAD__ === 'object' ? __PYTHON_DOWNLOAD__ : [];

/**
 * What crosses the network for them: their brotli sizes, as the build precompresses them
 * and a host sends them. The worker replaces it with what the responses say.
 */
export const PYTHON_DOWNLOAD_BYTES: number =
  typeof __PYTHON_DOWNLOAD_BYTES__ === 'number' ? __PYTHON_DOWNLOAD_BYTES__ : 0;

/** "12.1 MB": decimal megabytes, as browsers and operating systems show downloads. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The sentence that says what the first run costs, and that it is paid once. */
export function pythonDownloadNote(totalBytes: number = PYTHON_DOWNLOAD_BYTES): string {
  const size = totalBytes > 0 ? ` (${formatMegabytes(totalBytes)})` : '';
  return `The first run downloads Python${size} once; your browser then keeps it, so later visits start faster.`;
}

/** Share of the bar each phase takes: roughly its share of a cold start on a slow machine. */
const PHASE_WEIGHT: Record<LoadStage, number> = { downloading: 0.35, compiling: 0.15, stdlib: 0.4, standins: 0.1 };

const PHASE_NAME: Record<LoadStage, string> = {
  downloading: 'Downloading Python',
  compiling: 'Compiling Python (WebAssembly)',
  stdlib: 'Unpacking the standard library and starting Python',
  standins: 'Installing the course’s modules (flask, jwt…)',
};

export interface LoadPhaseView {
  /** 1-based position of the phase, and how many there are. */
  step: number;
  steps: number;
  /** The phase alone, for a live region: it changes once per phase, never per byte. */
  phase: string;
  /** The phase with its detail (bytes downloaded), for the eye. */
  label: string;
  /** 0..1 over the whole start-up, never full before Python is ready. */
  fraction: number;
}

/**
 * How a loading state is shown: the phase, its step number and a bar over the whole start-up.
 *
 * @example
 * describeLoadPhase('downloading', 6_060_000, 12_100_000).label
 * // 'Step 1 of 4: Downloading Python, 6.1 of 12.1 MB'
 */
export function describeLoadPhase(stage: LoadStage, loadedBytes: number, totalBytes: number): LoadPhaseView {
  const index = LOAD_STAGES.indexOf(stage);
  const before = LOAD_STAGES.slice(0, index).reduce((sum, name) => sum + PHASE_WEIGHT[name], 0);
  const within = stage === 'downloading' && totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 0;
  const step = index + 1;
  const steps = LOAD_STAGES.length;
  const phase = `Step ${step} of ${steps}: ${PHASE_NAME[stage]}`;
  const detail =
    stage === 'downloading' && totalBytes > 0
      ? `, ${(loadedBytes / 1_000_000).toFixed(1)} of ${formatMegabytes(totalBytes)}`
      : '…';
  return { step, steps, phase, label: `${phase}${detail}`, fraction: before + PHASE_WEIGHT[stage] * within };
}
