/**
 * Draws the app icon (build/icon.png, 1024×1024) from a few shapes, so the
 * icon is reproducible from source and needs no image tool: a deep green tile,
 * a cream page with a bookmark ribbon, and lines of text set flush right, as
 * Arabic is. electron-builder derives the .icns/.ico/Linux sizes from it.
 * Run: npx tsx build/make-icon.ts  (deterministic: same bytes every run)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // supersampling per axis, for smooth edges

type RGBA = [number, number, number, number];
type Shape = { inside(x: number, y: number): boolean; color: RGBA };

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number, color: RGBA): Shape {
  return {
    color,
    inside(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const cx = Math.min(Math.max(x, x0 + r), x1 - r);
      const cy = Math.min(Math.max(y, y0 + r), y1 - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    },
  };
}

function ribbon(x0: number, x1: number, y0: number, y1: number, notch: number, color: RGBA): Shape {
  const mid = (x0 + x1) / 2;
  return {
    color,
    inside(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      // The V cut at the bottom of a bookmark.
      return y <= y1 - notch + (Math.abs(x - mid) / ((x1 - x0) / 2)) * notch;
    },
  };
}

const green: RGBA = [31, 78, 74, 255];
const cream: RGBA = [250, 246, 236, 255];
const ink: RGBA = [58, 64, 62, 255];
const red: RGBA = [196, 72, 54, 255];

const shapes: Shape[] = [
  roundedRect(64, 64, 960, 960, 200, green),
  roundedRect(232, 176, 792, 872, 40, cream),
  // Lines of text, flush right, the last one short like the end of a paragraph.
  roundedRect(312, 330, 712, 362, 16, ink),
  roundedRect(312, 430, 712, 462, 16, ink),
  roundedRect(312, 530, 712, 562, 16, ink),
  roundedRect(312, 630, 712, 662, 16, ink),
  roundedRect(472, 730, 712, 762, 16, ink),
  ribbon(300, 380, 176, 420, 48, red),
];

function pixel(px: number, py: number): RGBA {
  const acc = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let c: RGBA = [0, 0, 0, 0];
      for (const s of shapes) if (s.inside(x, y)) c = s.color;
      // Premultiplied accumulation keeps edges against transparency clean.
      acc[0]! += (c[0] * c[3]) / 255;
      acc[1]! += (c[1] * c[3]) / 255;
      acc[2]! += (c[2] * c[3]) / 255;
      acc[3]! += c[3];
    }
  }
  const n = SAMPLES * SAMPLES;
  const a = acc[3]! / n;
  if (a === 0) return [0, 0, 0, 0];
  return [Math.round((acc[0]! / n) * (255 / a)), Math.round((acc[1]! / n) * (255 / a)), Math.round((acc[2]! / n) * (255 / a)), Math.round(a)];
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

export function renderIcon(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(join(__dirname, 'icon.png'), renderIcon());
