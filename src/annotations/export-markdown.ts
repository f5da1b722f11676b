/**
 * Annotations → a Markdown file a person reads: one section per document in
 * library order, each highlight in reading order (by where it anchors now)
 * quoted with its note and tags; notes that no longer anchor come last in
 * their document's section under "Needs attention", so nothing exported is
 * silently dropped.
 *
 * Quotes, notes, tags and titles are bidi-isolated (bidi.ts) so a mixed
 * Arabic/English line reads the same in any viewer, and Markdown syntax in
 * them is escaped so an archived sentence cannot become a heading or a link.
 */
import type { AnchoredAnnotation } from '../api/contract';
import { isolateLine, isolateRuns } from './bidi';

export interface MarkdownDocument {
  docId: string;
  title: string;
  annotations: AnchoredAnnotation[];
}

const MD_SPECIAL = /[\\`*_[\]<>#|~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MD_SPECIAL, (ch) => `\\${ch}`);
}

/** Each line of `text` escaped, isolated and prefixed (multi-line notes stay inside their block quote). */
function lines(text: string, prefix: string): string[] {
  return text.split(/\r?\n/).map((line) => (line.trim().length === 0 ? prefix.trimEnd() : prefix + isolateLine(escapeMarkdown(line))));
}

function quoteOf(a: AnchoredAnnotation): string {
  const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return quote && quote.type === 'TextQuoteSelector' ? quote.exact : '';
}

function entry(a: AnchoredAnnotation): string[] {
  const out = [...lines(quoteOf(a), '> ')];
  if (a.body.note.length > 0) out.push('', ...lines(a.body.note, ''));
  const meta = [`colour: ${a.color}`, `modified: ${a.modified}`];
  if (a.body.tags.length > 0) meta.unshift(`tags: ${a.body.tags.map((t) => isolateRuns(escapeMarkdown('#' + t))).join(' ')}`);
  out.push('', `<sub>${meta.join(' · ')}</sub>`, '');
  return out;
}

/** Anchored notes by position, then orphans by creation time. */
export function readingOrder(annotations: readonly AnchoredAnnotation[]): { anchored: AnchoredAnnotation[]; orphans: AnchoredAnnotation[] } {
  const anchored = annotations.filter((a) => a.anchor !== null).sort((x, y) => x.anchor!.start - y.anchor!.start || x.anchor!.end - y.anchor!.end);
  const orphans = annotations.filter((a) => a.anchor === null).sort((x, y) => x.created.localeCompare(y.created));
  return { anchored, orphans };
}

export function exportMarkdown(documents: readonly MarkdownDocument[], exportedAt: Date): string {
  const out: string[] = ['# Daftar notes', '', `Exported ${exportedAt.toISOString()}.`, ''];
  for (const doc of documents) {
    if (doc.annotations.length === 0) continue;
    out.push(`## ${isolateLine(escapeMarkdown(doc.title))}`, '', `Document \`${doc.docId}\` · ${doc.annotations.length} note${doc.annotations.length === 1 ? '' : 's'}`, '');
    const { anchored, orphans } = readingOrder(doc.annotations);
    for (const a of anchored) out.push(...entry(a));
    if (orphans.length > 0) {
      out.push('### Needs attention', '', 'These notes no longer match the text of the document.', '');
      for (const a of orphans) out.push(...entry(a));
    }
  }
  return out.join('\n');
}
