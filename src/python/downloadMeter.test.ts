import { describe, expect, it } from 'vitest';
import { DownloadMeter, meteredFetch } from './downloadMeter';

const FILES = [
  { name: 'pyodide.asm.wasm', bytes: 1000, brotliBytes: 300 },
  { name: 'python_stdlib.zip', bytes: 500, brotliBytes: 100 },
];

describe('DownloadMeter', () => {
  it('counts what crosses the network: a compressed response by its share of Content-Length', () => {
    const meter = new DownloadMeter(FILES);
    expect(meter.totalBytes).toBe(400); // the build's brotli sizes, before any response
    meter.started('pyodide.asm.wasm', new Headers({ 'Content-Length': '320', 'Content-Encoding': 'br' }));
    meter.received('pyodide.asm.wasm', 500); // half of the decoded file
    expect(meter.loadedBytes).toBe(160);
    expect(meter.totalBytes).toBe(420);
    // Not compressed: the decoded bytes are the bytes sent.
    meter.started('python_stdlib.zip', new Headers({ 'Content-Length': '500' }));
    meter.received('python_stdlib.zip', 200);
    expect(meter.loadedBytes).toBe(360);
    expect(meter.totalBytes).toBe(820);
    expect(meter.allDone).toBe(false);
    meter.received('pyodide.asm.wasm', 500);
    meter.finished('pyodide.asm.wasm');
    meter.received('python_stdlib.zip', 300);
    meter.finished('python_stdlib.zip');
    expect(meter.allDone).toBe(true);
    expect(meter.loadedBytes).toBe(meter.totalBytes);
  });

  it('keeps the build’s brotli size for a response compressed on the fly (no Content-Length)', () => {
    const meter = new DownloadMeter(FILES);
    meter.started('python_stdlib.zip', new Headers({ 'Content-Encoding': 'gzip' }));
    meter.received('python_stdlib.zip', 250);
    expect(meter.loadedBytes).toBe(50);
    expect(meter.fileFor('https://example.org/pyodide/314.0.7/python_stdlib.zip?x=1')?.name).toBe('python_stdlib.zip');
    expect(meter.fileFor('/pyodide/314.0.7/pyodide.mjs')).toBeUndefined();
  });
});

describe('meteredFetch', () => {
  it('returns the response itself, whole, and counts a clone of the body', async () => {
    const meter = new DownloadMeter(FILES);
    const body = new Uint8Array(1000).fill(1);
    const served: Response[] = [];
    const network = (async () => {
      const response = new Response(body, {
        headers: { 'Content-Length': '1000', 'Content-Type': 'application/wasm' },
      });
      served.push(response);
      return response;
    }) as typeof fetch;
    let reports = 0;
    const fetchCounted = meteredFetch(network, meter, () => reports++);
    const response = await fetchCounted('/pyodide/314.0.7/pyodide.asm.wasm');
    expect(response).toBe(served[0]);
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
    await expect.poll(() => meter.loadedBytes).toBe(1000);
    expect(reports).toBeGreaterThan(0);
    // Other files pass through uncounted.
    await fetchCounted('/pyodide/314.0.7/pyodide-lock.json');
    expect(meter.totalBytes).toBe(1100);
  });
});
