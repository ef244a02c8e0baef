import { type PreviewServer, preview } from 'vite';

/** Serves dist/ (the production build) on a free local port. */
export async function startPreview(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    logLevel: 'silent',
    preview: { port, strictPort: false, host: '127.0.0.1' },
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('The preview server did not report its address');
  return { url: address.replace(/\/$/, ''), close: () => server.close() };
}
