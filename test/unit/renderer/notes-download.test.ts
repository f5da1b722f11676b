// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { downloadExport, safeFileName, type DownloadEnv } from '../../../renderer/notes/download';

describe('safeFileName', () => {
  const table: [name: string, type: string, expected: string][] = [
    ['daftar-notes.jsonld', 'application/ld+json', 'daftar-notes.jsonld'],
    ['daftar-notes.md', 'text/markdown; charset=utf-8', 'daftar-notes.md'],
    ['../../etc/passwd', 'text/markdown', 'passwd.md'],
    ['C:\\Users\\x\\notes.md', 'text/markdown', 'notes.md'],
    ['..', 'text/markdown', 'daftar-notes.md'],
    ['', 'application/ld+json', 'daftar-notes.jsonld'],
    ['ملاحظات.md', 'text/markdown', 'ملاحظات.md'],
    ['evil\u202Egpj.md', 'text/markdown', 'evilgpj.md'],
    ['a<b>:c|d?.md', 'text/markdown', 'abcd.md'],
    ['notes.exe', 'text/markdown', 'notes.md'],
    ['.hidden.md', 'text/markdown', 'hidden.md'],
  ];
  for (const [name, type, expected] of table) {
    it(`${JSON.stringify(name)} as ${type} → ${expected}`, () => expect(safeFileName(name, type)).toBe(expected));
  }

  it('refuses a type it does not know, naming it', () => {
    expect(() => safeFileName('x.html', 'text/html')).toThrow('notes/download: unexpected export type "text/html"');
  });
});

describe('downloadExport', () => {
  it('clicks a temporary link to a Blob with the content, removes the link and later revokes the URL', async () => {
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const deferred: (() => void)[] = [];
    let clicked: HTMLAnchorElement | undefined;
    const env: DownloadEnv = {
      document,
      createObjectURL: (b) => (blobs.push(b), 'blob:daftar/1'),
      revokeObjectURL: (u) => revoked.push(u),
      later: (fn) => deferred.push(fn),
    };
    document.body.addEventListener('click', (e) => {
      clicked = e.target as HTMLAnchorElement;
      e.preventDefault();
    });
    const name = downloadExport({ fileName: 'daftar-notes.md', mimeType: 'text/markdown', content: '# دفتر\n> نص' }, env);
    expect(name).toBe('daftar-notes.md');
    expect(clicked?.download).toBe('daftar-notes.md');
    expect(clicked?.getAttribute('href')).toBe('blob:daftar/1');
    expect(document.querySelectorAll('a').length).toBe(0);
    expect(blobs[0]!.type).toBe('text/markdown;charset=utf-8');
    expect(await blobs[0]!.text()).toBe('# دفتر\n> نص');
    expect(revoked).toEqual([]);
    deferred.forEach((fn) => fn());
    expect(revoked).toEqual(['blob:daftar/1']);
  });
});
