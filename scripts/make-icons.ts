/**
 * Draws the add-in's icons (assets/*.png) from code: a tiny vector rasteriser with 4×4
 * supersampling and a minimal PNG encoder on node's zlib. Run with `npx tsx scripts/make-icons.ts`;
 * the PNGs are committed, so the build does not need this script.
 *
 * Shapes are described in a 100×100 design space and scaled to each size (16, 32, 64, 80), with
 * strokes thick enough to stay legible at 16 px.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Rgba = readonly [number, number, number, number];

function hex(color: string, alpha = 255): Rgba {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

interface Shape {
  readonly color: Rgba;
  /** Point (design space) inside the shape? */
  inside(x: number, y: number): boolean;
}

function roundRect(x: number, y: number, w: number, h: number, r: number, color: Rgba): Shape {
  return {
    color,
    inside(px, py) {
      if (px < x || px > x + w || py < y || py > y + h) return false;
      const cx = Math.min(Math.max(px, x + r), x + w - r);
      const cy = Math.min(Math.max(py, y + r), y + h - r);
      return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
    },
  };
}

function circle(cx: number, cy: number, r: number, color: Rgba): Shape {
  return { color, inside: (px, py) => (px - cx) ** 2 + (py - cy) ** 2 <= r * r };
}

/** A thick line with round caps through the given points. */
function stroke(points: ReadonlyArray<readonly [number, number]>, width: number, color: Rgba): Shape {
  const half = width / 2;
  return {
    color,
    inside(px, py) {
      for (let i = 0; i + 1 < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[i + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        if ((px - (ax + t * dx)) ** 2 + (py - (ay + t * dy)) ** 2 <= half * half) return true;
      }
      return false;
    },
  };
}

/** Even-odd polygon fill. */
function polygon(points: ReadonlyArray<readonly [number, number]>, color: Rgba): Shape {
  return {
    color,
    inside(px, py) {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}

const SAMPLES = 4;

/** Rasterise shapes (painted in order, "over" compositing) into straight RGBA bytes. */
function render(size: number, shapes: readonly Shape[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const scale = 100 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // premultiplied accumulation
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const s of shapes) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (s.inside((x + (sx + 0.5) / SAMPLES) * scale, (y + (sy + 0.5) / SAMPLES) * scale)) hits++;
          }
        }
        if (hits === 0) continue;
        const alpha = (hits / (SAMPLES * SAMPLES)) * (s.color[3] / 255);
        r = s.color[0] * alpha + r * (1 - alpha);
        g = s.color[1] * alpha + g * (1 - alpha);
        b = s.color[2] * alpha + b * (1 - alpha);
        a = alpha + a * (1 - alpha);
      }
      const i = (y * size + x) * 4;
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
}

/** PNG, 8-bit RGBA, no interlace, filter 0 on every scanline. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const BLUE = hex('#1f5c99');
const WHITE = hex('#ffffff');
const GREEN = hex('#1e8e3e');
const RED = hex('#d32f2f');
const GREY = hex('#5f6368');
const LIGHT = hex('#dadce0');
const GOLD = hex('#f2a900');

/** The add-in: a white sheet with a green tick on a blue tile. */
const appIcon: Shape[] = [
  roundRect(4, 4, 92, 92, 18, BLUE),
  roundRect(24, 14, 52, 72, 7, WHITE),
  stroke([[33, 34], [67, 34]], 6, LIGHT),
  stroke([[36, 56], [47, 68], [66, 44]], 12, GREEN),
];

/** Check and flag: a red flag with a green tick badge. */
const checkIcon: Shape[] = [
  stroke([[22, 10], [22, 92]], 10, GREY),
  polygon([[22, 10], [80, 10], [66, 30], [80, 50], [22, 50]], RED),
  circle(70, 72, 24, WHITE),
  circle(70, 72, 20, GREEN),
  stroke([[59, 72], [67, 80], [81, 63]], 8, WHITE),
];

/** Score units: three bars rising, the tallest topped by a gold dot. */
const scoreIcon: Shape[] = [
  stroke([[8, 92], [92, 92]], 6, GREY),
  roundRect(12, 58, 20, 30, 3, BLUE),
  roundRect(40, 38, 20, 50, 3, BLUE),
  roundRect(68, 24, 20, 64, 3, GREEN),
  circle(78, 12, 10, GOLD),
];

/** Clear flags: a grey flag with a red cross badge. */
const clearIcon: Shape[] = [
  stroke([[22, 10], [22, 92]], 10, GREY),
  polygon([[22, 10], [80, 10], [66, 30], [80, 50], [22, 50]], hex('#9aa0a6')),
  circle(70, 72, 24, WHITE),
  circle(70, 72, 20, RED),
  stroke([[61, 63], [79, 81]], 8, WHITE),
  stroke([[79, 63], [61, 81]], 8, WHITE),
];

/** Open the pane: a window whose right-hand panel is blue. */
const paneIcon: Shape[] = [
  roundRect(6, 14, 88, 72, 8, GREY),
  roundRect(12, 26, 76, 54, 3, WHITE),
  roundRect(56, 26, 32, 54, 3, BLUE),
  stroke([[18, 38], [48, 38]], 6, LIGHT),
  stroke([[18, 52], [48, 52]], 6, LIGHT),
  stroke([[18, 66], [40, 66]], 6, LIGHT),
];

export const ICONS: Record<string, { shapes: Shape[]; sizes: number[] }> = {
  icon: { shapes: appIcon, sizes: [16, 32, 64, 80] },
  check: { shapes: checkIcon, sizes: [16, 32, 80] },
  score: { shapes: scoreIcon, sizes: [16, 32, 80] },
  clear: { shapes: clearIcon, sizes: [16, 32, 80] },
  pane: { shapes: paneIcon, sizes: [16, 32, 80] },
};

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const [name, { shapes, sizes }] of Object.entries(ICONS)) {
    for (const size of sizes) {
      const file = join(dir, `${name}-${size}.png`);
      writeFileSync(file, encodePng(size, render(size, shapes)));
      console.log(`wrote ${file}`);
    }
  }
}

if (require.main === module) main();
