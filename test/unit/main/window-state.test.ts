import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, loadWindowState, parseWindowState, saveWindowState, serializeWindowState, type Rect } from '../../../main/window-state';
import { nodeStateFiles, readTextOrNull, writeTextAtomic } from '../../../main/text-files';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (s: Record<string, unknown>) => JSON.stringify({ version: 1, ...s });

describe('parseWindowState', () => {
  it('restores a saved state that fits the screens', () => {
    expect(parseWindowState(saved({ x: 100, y: 80, width: 1300, height: 900, maximized: true }), [laptop])).toEqual({ x: 100, y: 80, width: 1300, height: 900, maximized: true });
  });

  it('keeps a position on a second monitor while it is connected', () => {
    const text = saved({ x: 2200, y: 100, width: 1400, height: 900, maximized: false });
    expect(parseWindowState(text, [laptop, rightMonitor])).toMatchObject({ x: 2200, y: 100 });
    // Monitor unplugged: the size stays (clamped), the position goes, so the window opens where it can be seen.
    const alone = parseWindowState(text, [laptop]);
    expect(alone.x).toBeUndefined();
    expect(alone.y).toBeUndefined();
    expect(alone.width).toBe(1400);
  });

  it.each<[string, string | null]>([
    ['no file', null],
    ['empty file', ''],
    ['not JSON', '{"version":1,'],
    ['JSON null', 'null'],
    ['an array', '[1,2,3]'],
    ['a string', '"big"'],
    ['wrong version', JSON.stringify({ version: 2, x: 0, y: 0, width: 900, height: 700 })],
    ['no version', JSON.stringify({ x: 0, y: 0, width: 900, height: 700 })],
    ['string sizes', saved({ width: '900', height: '700' })],
    ['fractional sizes', saved({ width: 900.5, height: 700 })],
    ['NaN smuggled as null', saved({ width: null, height: 700 })],
    ['huge numbers', '{"version":1,"width":1e400,"height":700}'],
  ])('falls back to the default size and no position for %s', (_why, text) => {
    expect(parseWindowState(text, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, maximized: false });
  });

  it.each([
    ['far off to the left', { x: -5000, y: 100 }],
    ['far below', { x: 100, y: 9000 }],
    ['title bar above the screen', { x: 100, y: -200 }],
    ['only a sliver visible at the right edge', { x: 1900, y: 100 }],
  ])('drops a position whose title bar is unreachable: %s', (_why, pos) => {
    const state = parseWindowState(saved({ ...pos, width: 1000, height: 700 }), [laptop]);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
  });

  it('clamps sizes between the minimum and the largest work area', () => {
    expect(parseWindowState(saved({ width: 10, height: 10 }), [laptop])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
    expect(parseWindowState(saved({ width: 99999, height: 99999 }), [laptop])).toMatchObject({ width: 1920, height: 1050 });
  });

  it('fits the default size on a small screen', () => {
    expect(parseWindowState(null, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({ width: 1024, height: 700, maximized: false });
  });

  it('only true is maximized', () => {
    expect(parseWindowState(saved({ width: 900, height: 700, maximized: 'yes' }), [laptop]).maximized).toBe(false);
  });

  it('property: whatever the file holds, the result is a usable window on one of the screens', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.record({ version: fc.constant(1), x: fc.integer(), y: fc.integer(), width: fc.integer(), height: fc.integer(), maximized: fc.boolean() }).map((r) => JSON.stringify(r))), (text) => {
        const state = parseWindowState(text, [laptop, rightMonitor]);
        expect(Number.isSafeInteger(state.width) && state.width >= MIN_SIZE.width && state.width <= rightMonitor.width).toBe(true);
        expect(Number.isSafeInteger(state.height) && state.height >= MIN_SIZE.height && state.height <= rightMonitor.height).toBe(true);
        expect(state.x === undefined).toBe(state.y === undefined);
        if (state.x !== undefined && state.y !== undefined) {
          const { x, y } = state;
          expect([laptop, rightMonitor].some((a) => x < a.x + a.width && x + state.width > a.x && y >= a.y - 1 && y < a.y + a.height)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips what it saves', () => {
    const text = serializeWindowState({ x: 10.4, y: 20.6, width: 1000.2, height: 800 }, true);
    expect(JSON.parse(text)).toEqual({ version: 1, x: 10, y: 21, width: 1000, height: 800, maximized: true });
    expect(parseWindowState(text, [laptop])).toEqual({ x: 10, y: 21, width: 1000, height: 800, maximized: true });
  });
});

describe('load and save over files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('saves atomically (no temp file left) and loads it back; a missing file gives the defaults', async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-winstate-'));
    const file = join(dir, 'nested', 'window-state.json');
    expect(await loadWindowState(nodeStateFiles, file, [laptop])).toEqual({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, maximized: false });
    await saveWindowState(nodeStateFiles, file, { x: 50, y: 60, width: 1111, height: 777 }, false);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['window-state.json']);
    expect(await loadWindowState(nodeStateFiles, file, [laptop])).toEqual({ x: 50, y: 60, width: 1111, height: 777, maximized: false });
  });

  it('opens with defaults when the file cannot be read (a folder in its place)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-winstate-'));
    expect(await loadWindowState(nodeStateFiles, dir, [laptop])).toMatchObject({ width: DEFAULT_SIZE.width, maximized: false });
  });

  it('readTextOrNull: null only for a missing file; writeTextAtomic replaces a file whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-winstate-'));
    const file = join(dir, 'f.json');
    expect(await readTextOrNull(file)).toBeNull();
    writeFileSync(file, 'old');
    await writeTextAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    await expect(readTextOrNull(dir)).rejects.toThrow(/EISDIR/);
  });
});
