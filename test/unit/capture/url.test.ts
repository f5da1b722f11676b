import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../../src/capture/errors';
import { checkFetchUrl, keepableHref } from '../../../src/capture/url';

describe('checkFetchUrl', () => {
  const refused: [string, RegExp][] = [
    ['', /URL is empty/],
    ['   ', /URL is empty/],
    ['not a url', /is not a valid absolute URL/],
    ['/relative/path', /is not a valid absolute URL/],
    ['file:///etc/passwd', /uses file: — only http: and https:/],
    ['data:text/html,<script>alert(1)</script>', /uses data:/],
    ['javascript:alert(1)', /uses javascript:/],
    ['JaVaScRiPt:alert(1)', /uses javascript:/],
    ['ftp://example.org/x', /uses ftp:/],
    ['https://user:secret@example.org/', /contains a user name or password/],
    ['https://user@example.org/', /contains a user name or password/],
    ['http://', /not a valid absolute URL/],
    [`https://example.org/${'a'.repeat(5000)}`, /longer than 4096/],
  ];
  it.each(refused)('refuses %j', (input, message) => {
    let caught: unknown;
    try {
      checkFetchUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught, input).toBeInstanceOf(CaptureError);
    expect((caught as CaptureError).code).toBe('bad-request');
    expect((caught as CaptureError).message).toMatch(/^capture: /);
    expect((caught as CaptureError).message).toMatch(message);
  });

  it('never echoes a password back in the message', () => {
    expect(() => checkFetchUrl('https://me:hunter2@example.org/')).toThrow(/^(?!.*hunter2)/);
  });

  it('accepts http(s) URLs, including loopback and Arabic paths', () => {
    expect(checkFetchUrl(' https://www.aljazeera.net/tech/2025/9/28/هل-أوقفت ').hostname).toBe('www.aljazeera.net');
    expect(checkFetchUrl('http://127.0.0.1:8080/page').port).toBe('8080');
  });

  it('accepts only http: and https: whatever the string (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          const url = checkFetchUrl(s);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
        } catch (error) {
          return error instanceof CaptureError && error.code === 'bad-request';
        }
      }),
    );
  });
});

describe('keepableHref', () => {
  const table: [string, string | undefined, string | null][] = [
    ['https://example.org/a', undefined, 'https://example.org/a'],
    ['/b', 'https://example.org/a/', 'https://example.org/b'],
    ['mailto:desk@example.org', undefined, 'mailto:desk@example.org'],
    ['javascript:alert(1)', undefined, null],
    [' javascript:alert(1)', 'https://example.org/', null],
    // The URL parser removes tabs and newlines, so this is javascript: and is dropped.
    ['java\tscript:alert(1)', 'https://example.org/', null],
    ['java\nscript:alert(1)', 'https://example.org/', null],
    ['data:text/html,x', undefined, null],
    ['vbscript:x', undefined, null],
    ['file:///etc/passwd', undefined, null],
    ['#section', 'https://example.org/', null],
    ['https://u:p@example.org/', undefined, null],
    ['relative', undefined, null],
  ];
  it.each(table)('%j (base %j) → %j', (href, base, expected) => {
    expect(keepableHref(href, base)).toBe(expected);
  });
});
