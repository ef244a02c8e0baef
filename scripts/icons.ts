// Draws the app's icons (public/icons/*.png) for the web app manifest: the favicon's design,
// a blue square with white braces, rendered here without any image library so the PNGs can be
// regenerated from this file. Run with `npx tsx scripts/icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x6f, 0xeb] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

type Point = [number, number];

/** Points along a quadratic Bézier curve. */
function quadratic(from: Point, control: Point, to: Point, steps = 24): Point[] {
  return Array.from({ length: steps + 1 }, (_, index) => {
    const t = index / steps;
    const u = 1 - t;
    return [
      u * u * from[0] + 2 * u * t * control[0] + t * t * to[0],
      u * u * from[1] + 2 * u * t * control[1] + t * t * to[1],
    ];
  });
}

/** A "{" in a unit box (x 0..1, y 0..1) as a polyline; mirrored, it is "}". */
function brace(): Point[] {
  return [
    ...quadratic([0.95, 0], [0.5, 0], [0.5, 0.2]),
    ...quadratic([0.5, 0.2], [0.5, 0.5], [0.05, 0.5]),
    ...quadratic([0.05, 0.5], [0.5, 0.5], [0.5, 0.8]),
    ...quadratic([0.5, 0.8], [0.5, 1], [0.95, 1]),
  ];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * The icon at `size` pixels. `glyphScale` is the braces' height as a share of the icon (smaller
 * for a maskable icon, whose safe zone is the central 80 % circle); `radius` rounds the corners.
 */
function drawIcon(size: number, options: { glyphScale: number; radius: number }): Uint8Array {
  const height = options.glyphScale * size;
  const width = height * 0.3;
  const gap = height * 0.18;
  const top = (size - height) / 2;
  const place = (points: Point[], left: number, mirror: boolean): Point[] =>
    points.map(([x, y]) => [left + (mirror ? 1 - x : x) * width, top + y * height]);
  const strokes = [place(brace(), size / 2 - gap / 2 - width, false), place(brace(), size / 2 + gap / 2, true)];
  const halfStroke = height * 0.055;
  const radius = options.radius * size;
  const inBackground = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
  const inGlyph = (x: number, y: number) =>
    strokes.some((line) =>
      line.some(
        (point, index) => index > 0 && distanceToSegment([x, y], line[index - 1] ?? point, point) <= halfStroke,
      ),
    );

  const SAMPLES = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES;
          const py = y + (sy + 0.5) / SAMPLES;
          if (!inBackground(px, py)) continue;
          background++;
          if (inGlyph(px, py)) glyph++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const offset = (y * size + x) * 4;
      const g = background === 0 ? 0 : glyph / background;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round((BLUE[channel] ?? 0) * (1 - g) + (WHITE[channel] ?? 0) * g);
      }
      pixels[offset + 3] = Math.round((255 * background) / total);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG. */
function png(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const folder = new URL('../public/icons/', import.meta.url);
mkdirSync(folder, { recursive: true });
const icons = [
  { name: 'icon-192.png', size: 192, glyphScale: 0.62, radius: 0.1875 },
  { name: 'icon-512.png', size: 512, glyphScale: 0.62, radius: 0.1875 },
  // Maskable: the platform cuts its own shape, so the background fills the square and the braces keep to the safe zone.
  { name: 'icon-maskable-512.png', size: 512, glyphScale: 0.46, radius: 0 },
];
for (const icon of icons) {
  writeFileSync(new URL(icon.name, folder), png(icon.size, drawIcon(icon.size, icon)));
  console.log(`public/icons/${icon.name}`);
}
