import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, isLocalRequestUrl } from '../../../main/trusted-url';

describe('isAppUrl', () => {
  it.each(['app://daftar/index.html', 'app://daftar/', 'app://daftar/assets/index-abc.js?x=1#y', APP_INDEX_URL])('trusts %s', (url) => {
    expect(isAppUrl(url), url).toBe(true);
  });

  it.each([
    ['https://evil.example/?next=app://daftar/', 'the app origin as text in a query'],
    ['https://app.daftar/', 'https with a look-alike host'],
    ['app://daftar.evil.example/', 'a longer host'],
    ['app://evil/daftar/', 'another host'],
    ['app://user@daftar/', 'credentials'],
    ['app://user:pw@daftar/', 'credentials with a password'],
    ['app://daftar:8080/', 'a port'],
    ['file:///daftar/index.html', 'file:'],
    ['javascript:alert(1)//app://daftar/', 'javascript:'],
    ['app:daftar', 'no authority'],
    ['', 'empty'],
    ['not a url', 'unparseable'],
    ['blob:app://daftar/1', 'a blob is not the page itself'],
  ])('refuses %s (%s)', (url, why) => {
    expect(isAppUrl(url), why).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://daftar/'], 'a'.repeat(9000)])('refuses non-strings and absurd lengths: %#', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('isLocalRequestUrl (the reading session request filter)', () => {
  it.each(['app://daftar/index.html', 'blob:app://daftar/0b5e-11aa', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html'])(
    'lets %s through (never reaches the network)',
    (url) => expect(isLocalRequestUrl(url)).toBe(true),
  );

  it.each([
    'https://fonts.googleapis.com/css?family=Noto',
    'http://127.0.0.1:8080/',
    'ws://localhost:1234/',
    'wss://example.org/',
    'ftp://example.org/',
    'file:///etc/passwd',
    'blob:https://evil.example/123',
    'app://other/index.html',
    'chrome://settings',
    'garbage',
  ])('cancels %s', (url) => expect(isLocalRequestUrl(url)).toBe(false));
});
