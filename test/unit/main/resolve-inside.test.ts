import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithin, resolveInside } from '../../../main/resolve-inside';

const root = '/srv/daftar/renderer';

describe('resolveInside (posix)', () => {
  it.each([
    ['/index.html', '/srv/daftar/renderer/index.html'],
    ['/assets/index-abc123.js', '/srv/daftar/renderer/assets/index-abc123.js'],
    ['/fonts/noto%20naskh.woff2', '/srv/daftar/renderer/fonts/noto naskh.woff2'],
    ['/%D8%AF%D9%81%D8%AA%D8%B1.png', '/srv/daftar/renderer/دفتر.png'],
    ['/a.b.c/d', '/srv/daftar/renderer/a.b.c/d'],
  ])('maps %s inside the root', (urlPath, expected) => {
    expect(resolveInside(root, urlPath, path.posix)).toBe(expected);
  });

  it.each([
    ['/../etc/passwd', 'parent segment'],
    ['/assets/../../etc/passwd', 'parent segment deeper'],
    ['/%2e%2e/etc/passwd', 'encoded parent'],
    ['/%2E%2E/etc/passwd', 'encoded parent, upper case'],
    ['/.%2e/etc/passwd', 'half-encoded parent'],
    ['/..%2fetc%2fpasswd', 'encoded slash'],
    ['/..%2Fetc', 'encoded slash, upper case'],
    ['/..%5c..%5cetc', 'encoded backslash'],
    ['/..\\..\\etc\\passwd', 'raw backslashes'],
    ['/assets\\..\\..\\x', 'backslash inside a segment'],
    ['/index.html%00.png', 'encoded NUL'],
    ['/index.html\u0000.png', 'raw NUL'],
    ['/a%0ab', 'encoded newline'],
    ['//etc/passwd', 'empty segment (absolute after decoding)'],
    ['/%2fetc%2fpasswd', 'encoded absolute path'],
    ['/C:%5cWindows%5cwin.ini', 'drive letter'],
    ['/c:/windows', 'drive letter, forward slash'],
    ['/file.txt::$DATA', 'NTFS stream'],
    ['/index.html.', 'trailing dot (Windows alias)'],
    ['/index.html%20', 'trailing space (Windows alias)'],
    ['/CON', 'Windows device'],
    ['/nul.txt', 'Windows device with extension'],
    ['/com1', 'Windows device COM1'],
    ['/.', 'current segment'],
    ['/./index.html', 'dot segment'],
    ['/', 'the root itself'],
    ['/assets/', 'a folder (trailing slash)'],
    ['/%E0%A4%A', 'malformed escape'],
    ['/%', 'lone percent'],
    ['index.html', 'no leading slash'],
    ['', 'empty'],
    [`/${'a/'.repeat(1100)}x`, 'absurdly long'],
  ])('refuses %j (%s)', (urlPath, why) => {
    expect(resolveInside(root, urlPath, path.posix), why).toBeNull();
  });

  it('decodes once only: a double-encoded parent is a literal, harmless file name', () => {
    expect(resolveInside(root, '/%252e%252e/x', path.posix)).toBe('/srv/daftar/renderer/%2e%2e/x');
  });

  it('throws on a relative root (a programming error, not input)', () => {
    expect(() => resolveInside('renderer', '/index.html', path.posix)).toThrow(/^protocol: root must be an absolute path/);
  });

  it('property: any URL path resolves to null or to a path strictly inside the root', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2f', '%5c', '\\', '%00', 'a', 'index.html', 'C:', '%c0%ae', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = resolveInside(root, `/${segments.join('/')}`, path.posix);
        if (result !== null) {
          expect(result.startsWith(`${root}/`)).toBe(true);
          expect(path.posix.normalize(result)).toBe(result);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('resolveInside (win32 rules, on any OS)', () => {
  const winRoot = 'C:\\Program Files\\Daftar\\resources\\renderer';
  it('maps a plain path inside the root', () => {
    expect(resolveInside(winRoot, '/assets/app.js', path.win32)).toBe('C:\\Program Files\\Daftar\\resources\\renderer\\assets\\app.js');
  });
  it.each([
    '/..\\..\\Windows\\win.ini',
    '/..%5c..%5cWindows',
    '/C:%5cWindows',
    '/\\\\server\\share\\x',
    '/%5c%5cserver%5cshare',
    '/D:x',
    '/index.html.',
    '/aux.js',
  ])('refuses %j', (urlPath) => {
    expect(resolveInside(winRoot, urlPath, path.win32)).toBeNull();
  });

  it('property: any URL path resolves to null or to a path strictly inside the root', () => {
    const segment = fc.oneof(fc.constantFrom('..', '%2e%2e', '%5c', '\\', 'C:', 'con', 'a.', 'a ', 'x'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = resolveInside(winRoot, `/${segments.join('/')}`, path.win32);
        if (result !== null) expect(result.startsWith(`${winRoot}\\`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isWithin', () => {
  it.each([
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a', false],
    ['/a/b', '/x/y', false],
  ])('%s contains %s: %s', (parent, child, expected) => {
    expect(isWithin(parent, child, path.posix)).toBe(expected);
  });
});
