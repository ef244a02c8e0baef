/**
 * The key derivation functions `werkzeug.security` needs, for Python in Pyodide.
 *
 * Pyodide's `hashlib` is built without OpenSSL: it has no `pbkdf2_hmac` and no `scrypt`,
 * so `generate_password_hash` cannot run on it. These are computed here instead, with
 * `@noble/hashes` (synchronous, so a Python call can wait for them), and reach Python as
 * the module `_standin_kdf`. The werkzeug stand-in checks the parameters first, with
 * CPython's and OpenSSL's messages; this module only derives.
 *
 * @example
 * const pyodide = await loadPyodide();
 * registerStandinHashing(pyodide);
 * installStandins(pyodide, sitePackages);
 * pyodide.runPython('from werkzeug.security import generate_password_hash; generate_password_hash("pw")');
 */
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js';
import { sha3_224, sha3_256, sha3_384, sha3_512 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** The name Python imports: `import _standin_kdf`. */
export const STANDIN_KDF_MODULE = '_standin_kdf';

/** The digests PBKDF2 can use, by hashlib's name (the stand-in maps OpenSSL's aliases to these). */
const DIGESTS = {
  md5,
  sha1,
  sha224,
  sha256,
  sha384,
  sha512,
  sha512_224,
  sha512_256,
  sha3_224,
  sha3_256,
  sha3_384,
  sha3_512,
  blake2b,
  blake2s,
  ripemd160,
} as const;

type DigestName = keyof typeof DIGESTS;

const isDigestName = (name: string): name is DigestName => Object.hasOwn(DIGESTS, name);

// SHA-256's round constants and initial state (FIPS 180-4).
const K256 = Int32Array.from(
  '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2'
    .split(' ')
    .map((word) => Number.parseInt(word, 16)),
);
const IV256 = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** One SHA-256 compression: `out` = `state` after the 16-word block `block` (`w` is scratch). */
function compress256(state: Int32Array, block: Int32Array, w: Int32Array, out: Int32Array): void {
  for (let i = 0; i < 16; i++) w[i] = block[i] as number;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number;
    const y = w[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K256[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = ((state[0] as number) + a) | 0;
  out[1] = ((state[1] as number) + b) | 0;
  out[2] = ((state[2] as number) + c) | 0;
  out[3] = ((state[3] as number) + d) | 0;
  out[4] = ((state[4] as number) + e) | 0;
  out[5] = ((state[5] as number) + f) | 0;
  out[6] = ((state[6] as number) + g) | 0;
  out[7] = ((state[7] as number) + h) | 0;
}

/**
 * PBKDF2-HMAC-SHA256 with a 32-byte key, as `hashlib.pbkdf2_hmac("sha256", ...)`: the same
 * result as noble's `pbkdf2(sha256, ...)`, about four times faster, since each of the (by
 * default a million) iterations is just two compressions from precomputed HMAC states.
 */
export function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  const key = new Uint8Array(64);
  key.set(password.length > 64 ? sha256(password) : password);
  const pad = new Int32Array(16);
  const w = new Int32Array(64);
  const inner = new Int32Array(8);
  const outer = new Int32Array(8);
  const view = new DataView(key.buffer);
  for (let i = 0; i < 16; i++) pad[i] = view.getUint32(i * 4) ^ 0x36363636;
  compress256(IV256, pad, w, inner);
  for (let i = 0; i < 16; i++) pad[i] = view.getUint32(i * 4) ^ 0x5c5c5c5c;
  compress256(IV256, pad, w, outer);
  // U1 = HMAC(password, salt || INT(1)); then U(j+1) = HMAC(password, Uj), each a one-block message.
  const first = hmac(sha256, password, Uint8Array.from([...salt, 0, 0, 0, 1]));
  const firstView = new DataView(first.buffer, first.byteOffset, first.byteLength);
  const block = new Int32Array(16);
  block[8] = 0x80000000;
  block[15] = (64 + 32) * 8;
  const total = new Int32Array(8);
  for (let i = 0; i < 8; i++) {
    block[i] = firstView.getUint32(i * 4);
    total[i] = block[i] as number;
  }
  const digest = new Int32Array(8);
  for (let round = 1; round < iterations; round++) {
    compress256(inner, block, w, digest);
    block.set(digest);
    compress256(outer, block, w, digest);
    block.set(digest);
    for (let i = 0; i < 8; i++) total[i] = (total[i] as number) ^ (digest[i] as number);
  }
  const result = new Uint8Array(32);
  const resultView = new DataView(result.buffer);
  for (let i = 0; i < 8; i++) resultView.setUint32(i * 4, total[i] as number);
  return result;
}

/** What Python calls. Bytes travel as hex strings, so no proxies are left to free. */
export const standinKdf = {
  /** The digest names `pbkdf2_hmac` accepts, for the stand-in to check against. */
  digests: Object.keys(DIGESTS).join(','),
  /** `hashlib.pbkdf2_hmac(name, password, salt, iterations).hex()`, the key as long as the digest. */
  pbkdf2_hmac(name: string, passwordHex: string, saltHex: string, iterations: number): string {
    if (!isDigestName(name)) throw new Error(`unknown digest ${name}`);
    if (name === 'sha256') return bytesToHex(pbkdf2Sha256(hexToBytes(passwordHex), hexToBytes(saltHex), iterations));
    return bytesToHex(
      pbkdf2(DIGESTS[name], hexToBytes(passwordHex), hexToBytes(saltHex), {
        c: iterations,
        dkLen: DIGESTS[name].outputLen,
      }),
    );
  },
  /** `hashlib.scrypt(password, salt=salt, n=n, r=r, p=p).hex()`, a 64-byte key. */
  scrypt(passwordHex: string, saltHex: string, n: number, r: number, p: number): string {
    // The stand-in has already applied OpenSSL's memory limit; noble's own is lifted.
    return bytesToHex(scrypt(hexToBytes(passwordHex), hexToBytes(saltHex), { N: n, r, p, dkLen: 64, maxmem: 2 ** 32 }));
  },
};

/** Makes `_standin_kdf` importable in this interpreter. Call it before Python imports werkzeug.security. */
export function registerStandinHashing(pyodide: { registerJsModule(name: string, module: object): void }): void {
  pyodide.registerJsModule(STANDIN_KDF_MODULE, standinKdf);
}
