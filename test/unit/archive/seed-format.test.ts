import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../../src/document/text';
import { blockText, type EmbedBlock } from '../../../src/document/types';
import { parseDocument } from '../../../src/document/validate';
import { looksLikeSeedFormat, parseEmbed, parseSeedText, SeedFormatError } from '../../../src/archive/seed-format';

const SEED = readFileSync(join(__dirname, '../../../seed/000_808dcebf4dabc6b5.txt'), 'utf8');

function texts(input: string): string[] {
  return parseSeedText(input).document.blocks.map(blockText);
}

describe('parseSeedText on the real seed', () => {
  const { date, document } = parseSeedText(SEED);
  const byText = (t: string) => document.blocks.find((b) => blockText(b) === t);

  it('reads the date line and starts the first paragraph after it', () => {
    expect(date).toBe('2025-09-28');
    expect(document.blocks[0]!.type).toBe('paragraph');
    expect(blockText(document.blocks[0]!).startsWith('أعلنت "مايكروسوفت"')).toBe(true);
  });

  it('finds the section headings', () => {
    for (const heading of ['تفاصيل إضافية خفية', 'علاقة تجارية مستمرة']) expect(byText(heading)?.type, heading).toBe('heading');
    expect(document.blocks.filter((b) => b.type === 'heading')).toHaveLength(2);
  });

  it('drops the advertisement marker', () => {
    expect(document.blocks.some((b) => blockText(b).includes('إعلان'))).toBe(false);
    expect(SEED.includes('\nإعلان\n')).toBe(true);
  });

  it('turns the X post into an embed block', () => {
    const embeds = document.blocks.filter((b): b is EmbedBlock => b.type === 'embed');
    expect(embeds).toHaveLength(1);
    const embed = embeds[0]!;
    expect(embed).toMatchObject({ provider: 'x', author: 'No Azure for Apartheid', handle: 'NoAz4Apartheid', date: '2025-09-27', media: ['https://pic.twitter.com/ZfEpPvaxtE'] });
    expect(blockText(embed).startsWith('في انتصار غير مسبوق لحملتنا')).toBe(true);
    // The runs keep the paragraph as printed, so the attribution quoted by sources.json is in the text.
    expect(blockText(embed).endsWith('— No Azure for Apartheid (@NoAz4Apartheid) September 27, 2025')).toBe(true);
    expect(embed.runs[1]).toEqual({ text: 'pic.twitter.com/ZfEpPvaxtE', marks: [{ type: 'link', href: 'https://pic.twitter.com/ZfEpPvaxtE' }] });
  });

  it('gives every block an id b0, b1… and Arabic lang/dir, and validates', () => {
    document.blocks.forEach((b, i) => {
      expect(b.id).toBe(`b${i}`);
      expect([b.lang, b.dir]).toEqual(['ar', 'rtl']);
    });
    expect(document.lang).toBe('ar');
    expect(() => parseDocument({ ...document, id: 'x' })).not.toThrow();
  });

  it('keeps every paragraph of the file, word for word', () => {
    const paragraphs = SEED.replace(/^ date \d{4}-\d{2}-\d{2} /, '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p && p !== 'إعلان');
    expect(document.blocks.map(blockText)).toEqual(paragraphs);
  });
});

describe('parseSeedText on hostile input', () => {
  const bad: [string, string, RegExp][] = [
    ['empty file', '', /seed-format: the file is empty/],
    ['only whitespace', ' \n\r\n\t\n', /seed-format: the file is empty/],
    ['only a BOM', '\uFEFF', /seed-format: the file is empty/],
    ['no date line', 'مقال بلا تاريخ.\n\nفقرة ثانية.', /seed-format: the first line must begin with "date YYYY-MM-DD" \(it begins with "مقال بلا تاريخ."\)/],
    ['only the ad marker', 'إعلان\n', /the first line must begin with "date YYYY-MM-DD" \(it begins with "إعلان"\)/],
    ['date line then only the ad marker', ' date 2025-01-02 \n\nإعلان\n\n', /seed-format: the file holds no article text after the date line/],
    ['impossible date', ' date 2025-02-30 نص.', /seed-format: the date line holds 2025-02-30, which is not a calendar date/],
    ['date not at the start', 'x date 2025-01-02 نص', /must begin with "date YYYY-MM-DD"/],
    ['date glued to text', ' date 2025-01-02نص', /must begin with "date YYYY-MM-DD"/],
    ['NUL bytes (binary or UTF-16)', ' date 2025-01-02 a\0b', /seed-format: the file holds NUL bytes/],
    ['not a string', 42 as unknown as string, /seed-format: expected text/],
  ];
  it.each(bad)('%s', (_name, input, message) => {
    expect(() => parseSeedText(input)).toThrow(SeedFormatError);
    expect(() => parseSeedText(input)).toThrow(message);
  });

  it('refuses a file over the size limit with a clear message', () => {
    expect(() => parseSeedText(' date 2025-01-02 ' + 'x'.repeat(20 * 1024 * 1024))).toThrow(/seed-format: the file is too large/);
  });

  it('refuses more paragraphs than a document may hold', () => {
    expect(() => parseSeedText(' date 2025-01-02 a.\n\n' + 'ب.\n\n'.repeat(50_001))).toThrow(/seed-format: the file has 50002 paragraphs; a document holds at most 50000/);
  });

  it('reads CRLF and CR line endings like LF', () => {
    const lf = parseSeedText(SEED);
    expect(parseSeedText(SEED.replace(/\n/g, '\r\n'))).toEqual(lf);
    expect(parseSeedText(SEED.replace(/\n/g, '\r'))).toEqual(lf);
  });

  it('removes a BOM at the start and stray ones inside', () => {
    const withBoms = '\uFEFF' + SEED.replace('تفاصيل إضافية', 'تفاصيل\uFEFF إضافية');
    expect(parseSeedText(withBoms)).toEqual(parseSeedText(SEED));
  });

  it('replaces lone surrogates with U+FFFD so the text survives UTF-8 storage', () => {
    const { document } = parseSeedText(' date 2025-01-02 نص \uD800 وسط \uDC00 نهاية.');
    const text = documentText(document);
    expect(text).toBe('نص \uFFFD وسط \uFFFD نهاية.');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('detects language and direction per block in mixed scripts', () => {
    const { document } = parseSeedText(' date 2025-01-02 فقرة عربية فيها كلمة Microsoft واحدة.\n\nAn English paragraph that quotes "أزور" once.\n\n12345 678.');
    expect(document.blocks.map((b) => [b.lang, b.dir])).toEqual([['ar', 'rtl'], ['en', 'ltr'], [undefined, undefined]]);
    expect(document.lang).toBe('en');
    expect(parseSeedText(' date 2025-01-02 Le texte.', { latinLang: 'fr' }).document.blocks[0]!.lang).toBe('fr');
  });

  it('reads a file of headings only without inventing a document of headings', () => {
    const blocks = parseSeedText(' date 2025-01-02 \n\nعنوان أول\n\nعنوان ثان\n\nعنوان ثالث').document.blocks;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('does not take punctuated or long lines for headings', () => {
    const types = parseSeedText(' date 2025-01-02 أول.\n\nهل هذا سؤال؟\n\nسطر قصير بنقطة.\n\n' + 'كلمة '.repeat(12).trim() + '\n\nآخر.').document.blocks.map((b) => b.type);
    expect(types).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('joins the lines of one paragraph and splits at an ad marker inside it', () => {
    expect(texts(' date 2025-01-02 سطر أول\nسطر ثان.\nإعلان\nبعد الإعلان.')).toEqual(['سطر أول سطر ثان.', 'بعد الإعلان.']);
  });

  it('handles 5 MB of text in bounded time and keeps every character', () => {
    const body = SEED.replace(/^ date \d{4}-\d{2}-\d{2} /, '');
    const big = ' date 2025-09-28 ' + Array.from({ length: Math.ceil((5 * 1024 * 1024) / body.length) }, () => body).join('\n\n');
    // Bounded by the test timeout; speed itself is for benchmarks, not tests.
    const { document } = parseSeedText(big);
    expect(document.blocks.length).toBeGreaterThan(10_000);
    expect(document.blocks.filter((b) => b.type === 'embed').length).toBe(document.blocks.filter((b) => blockText(b) === 'علاقة تجارية مستمرة').length);
  });

  it('does not choke on a huge paragraph that mentions pic.twitter.com early', () => {
    const text = ' date 2025-01-02 pic.twitter.com/abc ' + 'x '.repeat(1_000_000) + 'end.';
    const { document } = parseSeedText(text);
    expect(document.blocks[0]!.type).toBe('paragraph');
  });
});

describe('parseEmbed', () => {
  it.each([
    ['Sept. abbreviated month', 'Text pic.twitter.com/Abc123 — Some Org (@some_org) Sep 3, 2024', { author: 'Some Org', handle: 'some_org', date: '2024-09-03' }],
    ['en dash', 'نص pic.twitter.com/Z — اسم عربي (@arabic1) March 31, 2023', { author: 'اسم عربي', handle: 'arabic1', date: '2023-03-31' }],
    ['unknown month keeps no date', 'Text pic.twitter.com/Abc — Org (@org) Foo 3, 2024', { author: 'Org', handle: 'org', date: undefined }],
    ['impossible day keeps no date', 'Text pic.twitter.com/Abc — Org (@org) February 31, 2024', { author: 'Org', handle: 'org', date: undefined }],
  ])('%s', (_name, text, expected) => {
    const embed = parseEmbed(text)!;
    expect(embed).not.toBeNull();
    expect({ author: embed.author, handle: embed.handle, date: embed.date }).toEqual(expected);
    expect(embed.runs.map((r) => r.text).join('')).toBe(text);
  });

  it.each([
    ['no attribution', 'See pic.twitter.com/Abc'],
    ['handle too long', 'x pic.twitter.com/Abc — Org (@abcdefghijklmnopq) May 1, 2024'],
    ['no media link', 'x — Org (@org) May 1, 2024'],
    ['text after the attribution', 'x pic.twitter.com/Abc — Org (@org) May 1, 2024 and more words here'],
  ])('not an embed: %s', (_name, text) => {
    expect(parseEmbed(text)).toBeNull();
  });
});

describe('looksLikeSeedFormat', () => {
  it.each([
    [SEED, true],
    ['\uFEFF date 2025-01-02 نص', true],
    ['\r\n\r\n date 2025-01-02\r\nنص', true],
    ['date 2025-01-02 text', true],
    ['', false],
    ['Just a text file.', false],
    [' date 2025-13-02 نص', false],
    [' date 2025-01-02نص', false],
    ['<html> date 2025-01-02', false],
    [' date 2025-01-02 a\0b', false],
  ])('%#: %j', (text, expected) => {
    expect(looksLikeSeedFormat(text)).toBe(expected);
  });
});

describe('properties', () => {
  it('never throws anything but SeedFormatError, and keeps block text free of line breaks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 50 }), (body, extra) => {
        try {
          const { document } = parseSeedText(` date 2025-01-02 ${body}\n\n${extra}`);
          for (const b of document.blocks) expect(blockText(b)).not.toMatch(/[\r\n]/);
          parseDocument({ ...document, id: 'p' });
        } catch (error) {
          expect(error).toBeInstanceOf(SeedFormatError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the words of every paragraph (oracle: split on blank lines)', () => {
    const word = fc.stringMatching(/^[a-zأ-ي]{1,8}\.$/);
    const para = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 10 }), (paras) => {
        expect(texts(` date 2025-01-02 ${paras.join('\n\n')}`)).toEqual(paras);
      }),
    );
  });
});
