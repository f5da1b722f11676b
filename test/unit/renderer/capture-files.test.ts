import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Buffer } from 'node:buffer';
import { IMPORT_MAX_BYTES, ImportFileError, baseName, checkImportFile, importRequest, toBase64 } from '../../../renderer/capture/files';
import { REQUEST_LIMITS } from '../../../src/api/schemas';

describe('checkImportFile: hostile and edge file names and sizes', () => {
  const table: [name: string, size: number, expected: string | null][] = [
    ['page.html', 10, null],
    ['PAGE.HTM', 10, null],
    ['notes.md', 10, null],
    ['seed.txt', 10, null],
    ['مقال.html', 10, null],
    ['../../etc/passwd.html', 10, null], // only the base name is kept (see importRequest)
    ['C:\\Users\\me\\page.htm', 10, null],
    ['', 10, 'no-name'],
    ['dir/', 10, 'no-name'],
    ['   ', 10, 'no-name'],
    ['..', 10, 'bad-name'],
    ['a\u0000.html', 10, 'bad-name'],
    ['a\nb.html', 10, 'bad-name'],
    [`${'x'.repeat(256)}.html`, 10, 'bad-name'],
    ['.html', 10, 'bad-kind'],
    ['report.pdf', 10, 'bad-kind'],
    ['image.png', 10, 'bad-kind'],
    ['page.html.exe', 10, 'bad-kind'],
    ['page', 10, 'bad-kind'],
    ['archive.tar.gz', 10, 'bad-kind'],
    ['page.html', 0, 'empty'],
    ['page.html', -1, 'empty'],
    ['page.html', Number.NaN, 'empty'],
    ['page.html', IMPORT_MAX_BYTES, null],
    ['page.html', IMPORT_MAX_BYTES + 1, 'too-large'],
  ];
  for (const [name, size, expected] of table) {
    it(`${JSON.stringify(name.slice(0, 40))} (${size} bytes) → ${expected ?? 'ok'}`, () => {
      expect(checkImportFile(name, size)?.problem ?? null).toBe(expected);
    });
  }

  it('the UI size limit is the one the service enforces (base64 of 20 MB fits REQUEST_LIMITS)', () => {
    expect(Math.ceil(IMPORT_MAX_BYTES / 3) * 4).toBeLessThanOrEqual(REQUEST_LIMITS.importBase64Chars);
  });
});

describe('baseName', () => {
  it.each([
    ['a/b/c.html', 'c.html'],
    ['a\\b\\c.html', 'c.html'],
    ['c.html', 'c.html'],
    ['/', ''],
  ])('%s → %s', (input, expected) => expect(baseName(input)).toBe(expected));
});

describe('toBase64', () => {
  it('property: equals Node Buffer base64 (oracle), across chunk boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });

  it('handles 5 MB without overflowing the stack', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xd8);
    expect(toBase64(bytes).length).toBe(Math.ceil(bytes.length / 3) * 4);
  });
});

describe('importRequest', () => {
  const file = (name: string, content: string) => {
    const bytes = new TextEncoder().encode(content);
    return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer, read: 0 };
  };

  it('sends the base name and the bytes as base64, with the source id', async () => {
    const req = await importRequest(file('../x/مقال.html', '<p>نص</p>'), 'src-1');
    expect(req).toEqual({ fileName: 'مقال.html', contentBase64: Buffer.from('<p>نص</p>').toString('base64'), sourceId: 'src-1' });
  });

  it('omits sourceId for a new source', async () => {
    expect(await importRequest(file('a.md', '# t'))).not.toHaveProperty('sourceId');
  });

  it('refuses a bad file before reading it, with a message naming it', async () => {
    let read = false;
    const bad = { name: 'evil.pdf', size: 10, arrayBuffer: async () => ((read = true), new ArrayBuffer(10)) };
    await expect(importRequest(bad)).rejects.toThrow(new ImportFileError({ problem: 'bad-kind', name: 'evil.pdf' }).message);
    await expect(importRequest(bad)).rejects.toThrow('capture/import: evil.pdf: only .html .htm .txt .md files can be imported');
    expect(read).toBe(false);
  });
});
