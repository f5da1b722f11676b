import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaptureError } from '../../../src/capture/errors';
import { markdownToDocument, stripHtml } from '../../../src/capture/markdown';
import { textToDocument } from '../../../src/capture/text-blocks';
import { parseInline } from '../../../src/capture/markdown-inline';
import { blockText } from '../../../src/document/types';
import { parseDocument } from '../../../src/document/validate';

const blocks = (md: string) => markdownToDocument(md, 'x.md').document.blocks;

describe('markdown blocks', () => {
  it('reads ATX and setext headings with their levels', () => {
    expect(blocks('# One\n\n### Three ###\n\nTwo\n---\n\nUno\n===\n').map((b) => [b.type, (b as { level?: number }).level, blockText(b)])).toEqual([
      ['heading', 1, 'One'],
      ['heading', 3, 'Three'],
      ['heading', 2, 'Two'],
      ['heading', 1, 'Uno'],
    ]);
  });

  it('joins soft breaks and keeps hard breaks', () => {
    expect(blocks('line one\nline two  \nline three\\\nline four').map(blockText)).toEqual(['line one line two\nline three\nline four']);
  });

  it('nests lists by indentation, ordered and not', () => {
    const out = blocks('- a\n- b\n  - b1\n    1. deep\n- c\n\n3) three');
    expect(out.map((b) => [blockText(b), (b as { depth?: number }).depth, (b as { ordered?: boolean }).ordered])).toEqual([
      ['a', 0, false],
      ['b', 0, false],
      ['b1', 1, false],
      ['deep', 2, true],
      ['c', 0, false],
      ['three', 0, true],
    ]);
  });

  it('reads block quotes and fenced code as text', () => {
    const out = blocks('> quoted\n> still\n\n```js\nconst x = 1 * 2 * 3;\n```\n');
    expect(out.map((b) => [b.type, blockText(b)])).toEqual([
      ['quote', 'quoted still'],
      ['paragraph', 'const x = 1 * 2 * 3;'],
    ]);
  });

  it('drops thematic breaks and remote images, keeps alt text as a figure', () => {
    const md = markdownToDocument('before\n\n***\n\n![a chart](https://example.org/c.png)\n\nafter', 'x.md');
    expect(md.document.blocks.map((b) => b.type)).toEqual(['paragraph', 'figure', 'paragraph']);
    expect(md.images).toEqual([]);
  });

  it('never passes raw HTML through', () => {
    expect(stripHtml('a <b onclick="x">bold</b> <script>alert(1)</script>c<!-- hidden --> <iframe src=x>f</iframe>d')).toBe('a bold c d');
    const text = blocks('Hello <span style="color:red">world</span>\n\n<div>\n<script>\nalert(1)\n</script>\n</div>').map(blockText);
    expect(text).toEqual(['Hello world']);
  });

  it('a file with no text is an error', () => {
    expect(() => markdownToDocument('\n\n---\n\n', 'empty.md')).toThrow(CaptureError);
    expect(() => markdownToDocument('\n\n---\n\n', 'empty.md')).toThrow(/empty\.md has no readable text/);
  });
});

describe('markdown inline', () => {
  const table: [string, { text: string; marks?: unknown[] }[]][] = [
    ['plain', [{ text: 'plain' }]],
    ['*em* and _em_', [{ text: 'em', marks: [{ type: 'emphasis' }] }, { text: ' and ' }, { text: 'em', marks: [{ type: 'emphasis' }] }]],
    ['**strong** __too__', [{ text: 'strong', marks: [{ type: 'strong' }] }, { text: ' ' }, { text: 'too', marks: [{ type: 'strong' }] }]],
    ['***both***', [{ text: 'both', marks: [{ type: 'strong' }, { type: 'emphasis' }] }]],
    ['snake_case_name', [{ text: 'snake_case_name' }]],
    ['2 * 3 * 4', [{ text: '2 * 3 * 4' }]],
    ['an *unclosed star', [{ text: 'an *unclosed star' }]],
    ['`*not em*`', [{ text: '*not em*' }]],
    ['\\*escaped\\*', [{ text: '*escaped*' }]],
    ['[site](https://example.org/a)', [{ text: 'site', marks: [{ type: 'link', href: 'https://example.org/a' }] }]],
    ['[**bold** link](https://x.example)', [{ text: 'bold', marks: [{ type: 'link', href: 'https://x.example/' }, { type: 'strong' }] }, { text: ' link', marks: [{ type: 'link', href: 'https://x.example/' }] }]],
    ['[bad](javascript:alert(1))', [{ text: 'bad' }]],
    ['[bad](data:text/html,x)', [{ text: 'bad' }]],
    ['[rel](/relative)', [{ text: 'rel' }]],
    ['<https://example.org>', [{ text: 'https://example.org', marks: [{ type: 'link', href: 'https://example.org/' }] }]],
    ['<javascript:alert(1)>', [{ text: '<javascript:alert(1)>' }]],
    ['![alt text](x.png) after', [{ text: 'alt text after' }]],
    ['[not a link] (x)', [{ text: '[not a link] (x)' }]],
  ];
  it.each(table)('%j', (md, expected) => {
    expect(parseInline(md, [])).toEqual(expected);
  });

  it('text without markup characters comes back unchanged (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }).filter((s) => !/[\\`*_[\]<!]/.test(s)), (s) => parseInline(s, []).map((r) => r.text).join('') === s));
  });

  it('any input gives a valid document or a clear error, with no link but http(s)/mailto (property)', () => {
    const pieces = fc.constantFrom('# ', '- ', '> ', '*', '**', '_', '`', '[', ']', '(', ')', 'javascript:', 'https://a.example', '<script>', '</script>', '\n', '\n\n', '  ', 'word', 'كلمة', '![', '1. ', '```');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        let doc;
        try {
          doc = markdownToDocument(parts.join(''), 'p.md').document;
        } catch (error) {
          return error instanceof CaptureError;
        }
        parseDocument({ ...doc, id: 'x' });
        const hrefs = doc.blocks.flatMap((b) => b.runs.flatMap((r) => r.marks ?? [])).flatMap((m) => (m.type === 'link' ? [m.href] : []));
        return hrefs.every((h) => /^(https?:|mailto:)/.test(h)) && !JSON.stringify(doc).includes('<script');
      }),
      { numRuns: 300 },
    );
  });
});

describe('text that is not text', () => {
  // Imports sniff bytes first, so these guards are the last line for any other caller; the reason lets the UI word them.
  it.each([
    ['markdown with a NUL byte', () => markdownToDocument('# Title\0', 'n.md'), 'binary-file'],
    ['markdown with no letters', () => markdownToDocument('\n\n---\n\n', 'b.md'), 'no-readable-text'],
    ['text with a NUL byte', () => textToDocument('A\0B', 'n.txt'), 'binary-file'],
    ['text with no letters', () => textToDocument('\n \n 123 \n', 'b.txt'), 'no-readable-text'],
  ])('%s is refused with a reason', (_name, run, reason) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CaptureError);
    expect((caught as CaptureError).code).toBe('unsupported');
    expect((caught as CaptureError).problem?.reason).toBe(reason);
  });
});
