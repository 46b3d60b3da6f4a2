/**
 * Writes the add-in's ribbon and store icons (addin/assets/icon-16.png, icon-32.png, icon-80.png): a blue rounded
 * square with a white tick, drawn with 4×4 supersampling and written by a small PNG encoder (zlib from Node). No
 * network, no image library.
 *
 *   npx ts-node --transpile-only scripts/make-icons.ts
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const ICON_SIZES = [16, 32, 80] as const;

// ---------------------------------------------------------------------------------------------------------------
// PNG encoder: 8-bit RGBA, no interlace, filter 0 on every row

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encode RGBA pixels (row-major, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError('pixel buffer does not match the size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (1 + width * 4) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------------------------------------------------------
// drawing

const BLUE: [number, number, number] = [0x0f, 0x6c, 0xbd];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];

function insideRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The icon at `size` pixels: RGBA. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.2;
  // the tick, in units of the icon size
  const pts = [
    [0.24, 0.53],
    [0.43, 0.71],
    [0.77, 0.31],
  ].map(([x, y]) => [x * size, y * size]);
  const half = Math.max(0.9, size * 0.075);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let tick = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const fx = x + (sx + 0.5) / S;
          const fy = y + (sy + 0.5) / S;
          if (!insideRoundedSquare(fx, fy, size, radius)) continue;
          bg++;
          const d = Math.min(distToSegment(fx, fy, pts[0][0], pts[0][1], pts[1][0], pts[1][1]), distToSegment(fx, fy, pts[1][0], pts[1][1], pts[2][0], pts[2][1]));
          if (d <= half) tick++;
        }
      }
      const n = S * S;
      const i = (y * size + x) * 4;
      const w = bg === 0 ? 0 : tick / bg;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(BLUE[k] * (1 - w) + WHITE[k] * w);
      px[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return px;
}

export function iconPath(root: string, size: number): string {
  return path.join(root, 'addin', 'assets', `icon-${size}.png`);
}

export function writeIcons(root: string): string[] {
  mkdirSync(path.join(root, 'addin', 'assets'), { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = iconPath(root, size);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const f of writeIcons(path.resolve(__dirname, '..'))) console.log(`wrote ${path.relative(process.cwd(), f)}`);
}
