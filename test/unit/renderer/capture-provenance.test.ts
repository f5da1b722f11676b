import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../src/api/contract';
import { formatCaptureTime, provenanceRows, versionsNewestFirst } from '../../../renderer/capture/provenance';
import { describeFailure, hostOf } from '../../../renderer/capture/task';
import { CAPTURE_REASONS } from '../../../src/capture/errors';
import { CAPTURE_STRINGS, captureT, isolate } from '../../../renderer/capture/strings';

/** The message without its bidi isolates (U+2068, U+2069), to compare the words. */
// Bidi isolates dropped and no-break spaces made plain, to compare the words.
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '').replace(/\u00a0/g, ' ');
import { ImportFileError } from '../../../renderer/capture/files';

const hash = (c: string) => c.repeat(64);

describe('provenanceRows', () => {
  it('lists every fact of a capture in order, addresses and hashes left to right', () => {
    const p: Provenance = {
      origin: 'captured',
      capturedAt: '2026-11-30T01:02:03.000Z',
      sha256: hash('a'),
      originalUrl: 'http://example.org/a',
      finalUrl: 'https://example.org/a',
      httpStatus: 200,
      contentType: 'text/html; charset=windows-1256',
      rawSha256: hash('b'),
      rawFile: 'raw/x/1.html',
    };
    const rows = provenanceRows(p);
    expect(rows.map((r) => r.key)).toEqual(['originalUrl', 'finalUrl', 'capturedAt', 'httpStatus', 'contentType', 'rawSha256', 'sha256', 'rawFile']);
    expect(rows.filter((r) => !r.ltr).map((r) => r.key)).toEqual(['capturedAt']);
    expect(rows.find((r) => r.key === 'httpStatus')!.value).toBe('200');
  });

  it('leaves out what is unknown and a final address equal to the original; a file name follows its own direction', () => {
    const rows = provenanceRows({ origin: 'imported', capturedAt: '2026-01-01T00:00:00Z', sha256: hash('c'), fileName: 'مقال.html', originalUrl: 'https://a/', finalUrl: 'https://a/' });
    expect(rows.map((r) => r.key)).toEqual(['originalUrl', 'fileName', 'capturedAt', 'sha256']);
    expect(rows.find((r) => r.key === 'fileName')!.ltr).toBe(false);
  });
});

describe('formatCaptureTime, versionsNewestFirst', () => {
  it('shows date and time in UTC, and the raw text when it is not a date', () => {
    expect(formatCaptureTime('2026-11-30T01:02:03Z', 'en')).toMatch(/30 November 2026.*01:02 UTC$/);
    expect(formatCaptureTime('2026-11-30T01:02:03Z', 'ar')).toMatch(/نوفمبر.*UTC$/);
    expect(formatCaptureTime('yesterday', 'en')).toBe('yesterday');
  });

  it('orders versions newest first without changing the input', () => {
    const vs = [
      { version: 'v1', capturedAt: '2026-01-01T00:00:00Z', sha256: hash('1'), current: false },
      { version: 'v3', capturedAt: '2026-03-01T00:00:00Z', sha256: hash('3'), current: true },
      { version: 'v2', capturedAt: '2026-02-01T00:00:00Z', sha256: hash('2'), current: false },
    ];
    expect(versionsNewestFirst(vs).map((v) => v.version)).toEqual(['v3', 'v2', 'v1']);
    expect(vs[0]!.version).toBe('v1');
  });
});

describe('describeFailure', () => {
  const en = captureT('en');
  const table: [error: unknown, expected: RegExp][] = [
    [Object.assign(new Error('capture: example.org: HTTP 404'), { code: 'network' }), /^Nothing was stored\. The page could not be fetched: capture: example\.org: HTTP 404$/],
    [Object.assign(new Error('importFile: the file is larger than 20 MB'), { code: 'too-large' }), /^Nothing was stored\. Too large: importFile/],
    [Object.assign(new Error('captureSource: not in a browser'), { code: 'unsupported' }), /Not possible here: captureSource/],
    [Object.assign(new Error('importFile: fileName: bad'), { code: 'bad-request' }), /Not accepted: importFile: fileName: bad/],
    [Object.assign(new Error('disk full'), { code: 'internal' }), /^Nothing was stored\. disk full$/],
    ['plain string', /^Nothing was stored\. plain string$/],
    [new ImportFileError({ problem: 'bad-kind', name: 'x.pdf' }), /^Nothing was stored\. x\.pdf: only \.html, \.htm, \.txt and \.md files can be imported\.$/],
    [new ImportFileError({ problem: 'too-large', name: 'big.html', size: 9e9 }), /big\.html is larger than 20 MB/],
    [new ImportFileError({ problem: 'no-name' }), /The file has no name/],
  ];
  for (const [error, expected] of table) {
    it(`${String((error as Error).message ?? error)} → ${expected}`, () => {
      const failure = describeFailure(error, en);
      expect(plain(failure.message)).toMatch(expected);
      expect(failure.detail, 'no reason: the core message is in the sentence, not repeated apart').toBeUndefined();
    });
  }

  it('speaks Arabic in an Arabic UI', () => {
    expect(plain(describeFailure(Object.assign(new Error('x'), { code: 'network' }), captureT('ar')).message)).toBe('لم يُحفظ شيء. تعذّر جلب الصفحة: x');
  });

  const withProblem = (message: string, reason: string, params: Record<string, string | number> = {}) =>
    Object.assign(new Error(message), { code: 'network', problem: { reason, params } });

  const reasons: [error: Error, ar: string, en: RegExp][] = [
    [withProblem('capture: https://x.test/a answered HTTP 404 Not Found', 'http-status', { status: 404 }), 'لم يُحفظ شيء. لا توجد صفحة على هذا العنوان (رمز HTTP 404).', /no page at that address \(HTTP 404\)/],
    [withProblem('capture: https://x.test/a answered HTTP 403', 'http-status', { status: 403 }), 'لم يُحفظ شيء. رفض الموقع إعطاء الصفحة لدفتر (رمز HTTP 403). ربما تحتاج إلى تسجيل الدخول، أو يحجب الموقع الزيارات الآلية: احفظ الصفحة من متصفحك واستورد الملف بدلًا من ذلك.', /refused .*HTTP 403.*import the file/],
    [withProblem('capture: HTTP 503', 'http-status', { status: 503 }), 'لم يُحفظ شيء. حدث خطأ في الموقع (رمز HTTP 503). أعد المحاولة لاحقًا.', /had an error \(HTTP 503\)/],
    [withProblem('capture: HTTP 429', 'http-status', { status: 429 }), 'لم يُحفظ شيء. يطلب الموقع التمهّل (رمز HTTP 429). أعد المحاولة لاحقًا.', /slow down \(HTTP 429\)/],
    [withProblem('capture: HTTP 418', 'http-status', { status: 418 }), 'لم يُحفظ شيء. أجاب الموقع برمز HTTP 418، فلم تُجلب الصفحة.', /answered HTTP 418/],
    [withProblem('capture: x.test did not answer within 30 s', 'timeout', { seconds: 30 }), 'لم يُحفظ شيء. لم يُجب الموقع خلال 30 ثانية.', /within 30 seconds/],
    [withProblem('capture: could not fetch https://nowhere.test/: the host name could not be resolved', 'host-not-found', { host: 'nowhere.test' }), 'لم يُحفظ شيء. تعذّر العثور على nowhere.test: تحقّق من العنوان ومن اتصال هذا الحاسوب بالشبكة.', /^Nothing was stored\. nowhere\.test could not be found/],
    [withProblem('capture: page is over the limit of 20 MB', 'page-too-large', { limit: '20 MB' }), 'لم يُحفظ شيء. الصفحة أكبر من 20 MB، وهو أقصى ما يحفظه دفتر.', /larger than 20 MB/],
  ];
  for (const [error, ar, enText] of reasons) {
    it(`words ${error.message} in both languages, with the core sentence apart`, () => {
      const inAr = describeFailure(error, captureT('ar'));
      expect(plain(inAr.message)).toBe(ar);
      expect(inAr.detail).toBe(error.message.replace(/^capture: /, ''));
      expect(plain(describeFailure(error, en).message)).toMatch(enText);
    });
  }

  it('words every reason the core can give, in both languages', () => {
    for (const reason of CAPTURE_REASONS) {
      const params = { status: 404, seconds: 30, host: 'example.org', limit: '20 MB' };
      for (const lang of ['ar', 'en'] as const) {
        const failure = describeFailure(withProblem('capture: core words', reason, params), captureT(lang));
        expect(failure.detail, `${reason} in ${lang}`).toBe('core words');
        expect(failure.message).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('sets a host inside an Arabic sentence in its own bidi isolate', () => {
    const { message } = describeFailure(withProblem('m', 'connection-refused', { host: 'example.org:8443' }), captureT('ar'));
    expect(message).toContain(isolate('example.org:8443'));
  });

  it('falls back to the code and the core sentence for an unknown reason, a malformed problem or a status that is not a number', () => {
    for (const error of [
      withProblem('capture: odd', 'something-new'),
      withProblem('capture: odd', 'http-status', { status: '404' }),
      Object.assign(new Error('capture: odd'), { code: 'network', problem: { reason: 'timeout', params: { seconds: Infinity } } }),
      Object.assign(new Error('capture: odd'), { code: 'network', problem: { reason: 'constructor', params: {} } }),
      Object.assign(new Error('capture: odd'), { code: 'network', problem: 'timeout' }),
    ]) {
      const failure = describeFailure(error, en);
      expect(plain(failure.message)).toBe('Nothing was stored. The page could not be fetched: capture: odd');
      expect(failure.detail).toBeUndefined();
    }
  });

  it('isolates a foreign title inside a sentence so its order and the punctuation stay put', () => {
    const title = "A million calls an hour': Israel";
    expect(captureT('ar')('done', { title })).toBe(`حُفظ «${isolate(title)}» ويمكن قراءته دون اتصال.`);
    expect(isolate(3)).toBe('3');
  });
});

describe('hostOf', () => {
  it.each([
    ['https://www.theguardian.com/world/x', 'www.theguardian.com'],
    ['http://127.0.0.1:8080/a', '127.0.0.1:8080'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, host) => expect(hostOf(url)).toBe(host));
});

describe('capture strings', () => {
  it('Arabic and English have the same keys and the same placeholders', () => {
    const keys = Object.keys(CAPTURE_STRINGS.en).sort();
    expect(Object.keys(CAPTURE_STRINGS.ar).sort()).toEqual(keys);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      const k = key as keyof typeof CAPTURE_STRINGS.en;
      expect(holes(CAPTURE_STRINGS.ar[k]), key).toEqual(holes(CAPTURE_STRINGS.en[k]));
      expect(CAPTURE_STRINGS.ar[k].trim(), key).not.toBe('');
    }
  });
});
