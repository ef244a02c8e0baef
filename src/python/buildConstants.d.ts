/** The two files Python's first Run downloads: their bytes and brotli sizes, measured at build time (vite.config.ts). */
declare const __PYTHON_DOWNLOAD__: readonly { name: string; bytes: number; brotliBytes: number }[];
/** Where the site serves Pyodide, e.g. "/pyodide/314.0.7/": versioned, so cached as immutable. */
declare const __PYODIDE_FOLDER__: string;
/** SHA-256 prefix of the stdlib zip the site serves: part of a memory snapshot's key. */
declare const __PYTHON_STDLIB_DIGEST__: string;
