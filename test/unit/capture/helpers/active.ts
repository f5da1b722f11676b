/**
 * The one assertion every hostile-input test ends with: nothing in what would
 * be stored can run or reach the network. It scans the JSON of the document
 * and metadata (not the raw bytes, which are kept verbatim on purpose and
 * never rendered) for markup, handlers, script URLs and data: URLs, and checks
 * every href is http(s)/mailto and every figure src a local media path.
 */
import { expect } from 'vitest';
import type { NewVersion } from '../../../../src/api/context';

const FORBIDDEN: [RegExp, string][] = [
  [/<\s*script/i, '<script'],
  [/<\s*(iframe|object|embed|svg|form|style|meta|link|base)\b/i, 'an active element'],
  [/\bon[a-z]+\s*=/i, 'an on* handler'],
  [/javascript\s*:/i, 'a javascript: URL'],
  [/vbscript\s*:/i, 'a vbscript: URL'],
  [/data\s*:/i, 'a data: URL'],
  [/expression\s*\(/i, 'a CSS expression()'],
  [/url\s*\(/i, 'a CSS url()'],
  [/alert\s*\(/i, 'script text'],
];

export function expectNoActiveContent(version: Pick<NewVersion, 'document' | 'meta'>): void {
  const json = JSON.stringify({ document: version.document, meta: version.meta });
  for (const [pattern, what] of FORBIDDEN) expect(json, `stored JSON contains ${what}`).not.toMatch(pattern);
  expectNoActiveStructure(version);
}

/**
 * The structural half alone: every href http(s)/mailto, every figure a local
 * media file. For arbitrary input (property tests) the text scan above is too
 * strict: `<![CDATA[<style>…` makes a browser show the CSS as plain text, and
 * Daftar keeps it as the inert text it is. Text is rendered as text, never
 * parsed, so only the structure can carry active content.
 */
export function expectNoActiveStructure(version: Pick<NewVersion, 'document'>): void {
  for (const block of version.document.blocks) {
    for (const run of block.runs) {
      for (const mark of run.marks ?? []) {
        if (mark.type === 'link') expect(mark.href, 'link href').toMatch(/^(https?:\/\/|mailto:)/);
      }
    }
    if (block.type === 'figure' && block.src !== undefined) expect(block.src).toMatch(/^media\/[0-9a-f]{64}\.(png|jpg|gif|webp|avif)$/);
    if (block.type === 'embed') for (const m of block.media) expect(m).toMatch(/^https?:\/\//);
  }
}
