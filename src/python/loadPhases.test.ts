import { describe, expect, it } from 'vitest';
import {
  describeLoadPhase,
  formatMegabytes,
  PYTHON_DOWNLOAD_BYTES,
  PYTHON_DOWNLOAD_FILES,
  pythonDownloadNote,
} from './loadPhases';
import { LOAD_STAGES } from './protocol';

describe('Python start-up phases as the learner sees them', () => {
  it('knows the download size from the build (the interpreter and its standard library, as brotli)', () => {
    expect(PYTHON_DOWNLOAD_FILES.map((file) => file.name)).toEqual(['pyodide.asm.wasm', 'python_stdlib.zip']);
    expect(PYTHON_DOWNLOAD_BYTES).toBe(PYTHON_DOWNLOAD_FILES.reduce((sum, file) => sum + file.brotliBytes, 0));
    expect(PYTHON_DOWNLOAD_BYTES).toBeGreaterThan(3_000_000);
    expect(PYTHON_DOWNLOAD_BYTES).toBeLessThan(PYTHON_DOWNLOAD_FILES.reduce((sum, file) => sum + file.bytes, 0) / 2);
    expect(pythonDownloadNote(12_143_855)).toBe(
      'The first run downloads Python (12.1 MB) once; your browser then keeps it, so later visits start faster.',
    );
    expect(pythonDownloadNote(0)).not.toContain('MB');
    expect(formatMegabytes(9_598_218)).toBe('9.6 MB');
  });

  it('names every phase with its step, and shows bytes only while downloading', () => {
    expect(describeLoadPhase('downloading', 6_060_000, 12_100_000).label).toBe(
      'Step 1 of 4: Downloading Python, 6.1 of 12.1 MB',
    );
    expect(describeLoadPhase('compiling', 12_100_000, 12_100_000)).toMatchObject({
      step: 2,
      phase: 'Step 2 of 4: Compiling Python (WebAssembly)',
    });
    expect(describeLoadPhase('stdlib', 1, 1).label).toBe(
      'Step 3 of 4: Unpacking the standard library and starting Python…',
    );
    expect(describeLoadPhase('standins', 1, 1).phase).toContain('Installing the course’s modules');
  });

  it('moves the bar forward through the phases and never fills it before Python is ready', () => {
    const fractions = [
      describeLoadPhase('downloading', 0, 100).fraction,
      describeLoadPhase('downloading', 50, 100).fraction,
      ...LOAD_STAGES.slice(1).map((stage) => describeLoadPhase(stage, 100, 100).fraction),
    ];
    expect(fractions[0]).toBe(0);
    for (let index = 1; index < fractions.length; index++) {
      expect(fractions[index]).toBeGreaterThan(fractions[index - 1] ?? 0);
    }
    expect(Math.max(...fractions)).toBeLessThan(1);
  });
});
