import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../src/api/external-url';

describe('isSafeExternalUrl', () => {
  const safe = [
    'https://www.theguardian.com/world/2025/sep/25/microsoft-blocks-israels-use-of-its-technology-in-mass-surveillance-of-palestinians',
    'https://www.aljazeera.net/tech/2025/9/28/هل-أوقفت-مايكروسوفت-حقا-تعاونها-مع',
    'https://blogs.microsoft.com/on-the-issues/2025/09/25/update-on-ongoing-microsoft-review/',
    'https://x.com/NoAz4Apartheid',
    'https://pic.twitter.com/ZfEpPvaxtE',
    'https://example.org/path?q=1#frag',
    'https://example.org:443/explicit-default-port',
    'HTTPS://EXAMPLE.ORG/upper',
    'https://مثال.مصر/',
    'https://example.org/?next=http://evil.example',
  ];
  it.each(safe)('allows %s', (url) => {
    expect(isSafeExternalUrl(url), url).toBe(true);
  });

  const unsafe: [string, unknown][] = [
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with https text', 'javascript://https://example.org/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['http:', 'http://example.org/'],
    ['ftp:', 'ftp://example.org/'],
    ['app: (our own protocol)', 'app://daftar/index.html'],
    ['scheme-relative', '//example.org/'],
    ['relative path', '/etc/passwd'],
    ['user name', 'https://user@example.org/'],
    ['user and password', 'https://user:pass@example.org/'],
    ['empty user', 'https://@example.org/'],
    ['disguised host via @', 'https://www.theguardian.com@evil.example/'],
    ['odd port', 'https://example.org:8443/'],
    ['port 80', 'https://example.org:80/'],
    ['localhost', 'https://localhost/'],
    ['sub.localhost', 'https://app.localhost/'],
    ['.local host', 'https://printer.local/'],
    ['single-label host', 'https://intranet/'],
    ['IPv4 literal', 'https://127.0.0.1/'],
    ['decimal IP', 'https://2130706433/'],
    ['hex IP', 'https://0x7f.0.0.1/'],
    ['IPv6 literal', 'https://[::1]/'],
    ['leading whitespace', ' https://example.org/'],
    ['trailing whitespace', 'https://example.org/ '],
    ['newline inside (parser would strip it)', 'https://exa\nmple.org/'],
    ['tab inside', 'https://example.org/\tx'],
    ['backslashes (parser turns them into slashes)', 'https:\\\\example.org\\'],
    ['right-to-left override', 'https://example.org/\u202Egpj.exe'],
    ['bidi isolate', 'https://\u2066example.org\u2069/'],
    ['zero-width space in host', 'https://exam\u200Bple.org/'],
    ['left-to-right mark', 'https://example.org/\u200E'],
    ['NUL byte', 'https://example.org/\u0000'],
    ['fullwidth colon scheme', 'https：//example.org/'],
    ['no host', 'https:///path'],
    ['trailing-dot host', 'https://example.org./'],
    ['unparseable', 'https://exa mple.org/'],
    ['bad percent host', 'https://%zz/'],
    ['empty', ''],
    ['too long', `https://example.org/${'a'.repeat(5000)}`],
    ['not a string', 42],
    ['null', null],
    ['object', { href: 'https://example.org/' }],
  ];
  it.each(unsafe)('refuses %s', (_name, url) => {
    expect(isSafeExternalUrl(url), String(url)).toBe(false);
  });

  it('property: never throws, and whatever it allows is https on the default port without credentials', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.string().map((s) => `https://${s}`)), (url) => {
        const ok = isSafeExternalUrl(url);
        if (ok) {
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('https:');
          expect(parsed.port).toBe('');
          expect(parsed.username + parsed.password).toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });
});
