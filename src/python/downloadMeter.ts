/**
 * Download progress of Python's two big files, read from Pyodide's own requests: the
 * worker wraps `fetch`, and each response of a metered file is counted as Pyodide reads
 * it (through a clone), so nothing is downloaded twice and the WebAssembly still compiles
 * while it streams in.
 *
 * A response's body arrives decoded, but the learner is told what crosses the network:
 * with `Content-Encoding`, a file's transfer size is its `Content-Length` (or the build's
 * brotli size when the host sends none), and its progress is the decoded share of it.
 */

/** A file the first Run downloads, measured at build time (vite.config.ts). */
export interface DownloadFile {
  name: string;
  /** Its size on disk, as the worker receives it decoded. */
  bytes: number;
  /** Its size as brotli (what the build's `.br` holds): the transfer size before a response says otherwise. */
  brotliBytes: number;
}

interface Progress {
  file: DownloadFile;
  transferBytes: number;
  decodedBytes: number;
  done: boolean;
}

export class DownloadMeter {
  private readonly progress: Progress[];

  constructor(files: readonly DownloadFile[]) {
    this.progress = files.map((file) => ({ file, transferBytes: file.brotliBytes, decodedBytes: 0, done: false }));
  }

  /** The metered file a URL names (by its last path segment), if any. */
  fileFor(url: string): DownloadFile | undefined {
    const name = new URL(url, 'http://localhost/').pathname.split('/').at(-1);
    return this.progress.find((entry) => entry.file.name === name)?.file;
  }

  /** A response arrived: its headers say how many bytes will cross the network. */
  started(name: string, headers: Pick<Headers, 'get'>): void {
    const entry = this.entry(name);
    const length = Number(headers.get('Content-Length'));
    const encoded = (headers.get('Content-Encoding') ?? 'identity') !== 'identity';
    if (Number.isFinite(length) && length > 0) entry.transferBytes = length;
    else if (!encoded) entry.transferBytes = entry.file.bytes;
    entry.decodedBytes = 0;
    entry.done = false;
  }

  /** `bytes` more of the decoded body were read. */
  received(name: string, bytes: number): void {
    this.entry(name).decodedBytes += bytes;
  }

  /** The body was read to its end. */
  finished(name: string): void {
    this.entry(name).done = true;
  }

  get allDone(): boolean {
    return this.progress.every((entry) => entry.done);
  }

  /** Bytes across the network so far (estimated from the decoded share when encoded). */
  get loadedBytes(): number {
    return Math.round(
      this.progress.reduce(
        (sum, { transferBytes, decodedBytes, done, file }) =>
          sum + (done ? transferBytes : transferBytes * Math.min(1, decodedBytes / Math.max(1, file.bytes))),
        0,
      ),
    );
  }

  get totalBytes(): number {
    return this.progress.reduce((sum, entry) => sum + entry.transferBytes, 0);
  }

  private entry(name: string): Progress {
    const entry = this.progress.find((candidate) => candidate.file.name === name);
    if (!entry) throw new Error(`not a metered file: ${name}`);
    return entry;
  }
}

/**
 * `networkFetch`, with the metered files' responses counted as they are read. The
 * response itself is returned untouched (its URL and type intact, so the browser's
 * WebAssembly code cache still recognises the module); a clone is read for the count.
 */
export function meteredFetch(networkFetch: typeof fetch, meter: DownloadMeter, onProgress: () => void): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await networkFetch(input, init);
    const url = response.url || (input instanceof Request ? input.url : String(input));
    const file = meter.fileFor(url);
    if (!file || !response.ok || !response.body) return response;
    meter.started(file.name, response.headers);
    onProgress();
    const body = response.clone().body;
    if (body) void count(body, file.name, meter, onProgress);
    return response;
  };
}

async function count(body: ReadableStream<Uint8Array>, name: string, meter: DownloadMeter, onProgress: () => void) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      meter.received(name, value.length);
      onProgress();
    }
    meter.finished(name);
    onProgress();
  } catch {
    // The download failed: Pyodide, reading the same response, reports it.
  }
}
