import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundledArchive } from '../../../src/archive/bundle/build';
import { loadArchive, versionKey } from '../../../src/archive/loader';
import { documentText, layoutDocument, runPositionAt } from '../../../src/document/text';
import { compareTrees } from '../../../scripts/build-archive';
import { tempDir } from '../../fixtures/archive/make-archive';

const ROOT = join(__dirname, '../../..');
const SEED = join(ROOT, 'seed');
const sources = JSON.parse(readFileSync(join(SEED, 'sources.json'), 'utf8')) as {
  article: { id: string; title: string; url: string; confidence: string };
  sources: { id: string; kind: string; citedBy: string[]; confidence: string; media?: string[] }[];
};

async function build(seedDir = SEED) {
  const outDir = tempDir('daftar-build-');
  await buildBundledArchive({ seedDir, outDir });
  return outDir;
}

describe('the bundled archive build', () => {
  it('produces an archive the loader accepts, with every source of sources.json', async () => {
    const archive = loadArchive(await build());
    const { manifest } = archive;
    expect(manifest.articleId).toBe(sources.article.id);
    expect(manifest.entries.map((e) => e.id)).toEqual([sources.article.id, ...sources.sources.map((s) => s.id)]);
    const article = manifest.entries[0]!;
    expect(article).toMatchObject({ kind: 'article', status: 'captured', title: sources.article.title, url: sources.article.url, confidence: sources.article.confidence });
    for (const s of sources.sources) {
      const entry = manifest.entries.find((e) => e.id === s.id)!;
      expect(entry.status, s.id).toBe(s.kind === 'unresolved' ? 'unresolved' : 'not-captured');
      expect(entry).toMatchObject({ kind: 'source', sourceKind: s.kind, confidence: s.confidence });
      if (s.media) expect(entry.media).toEqual(s.media);
    }
    expect(manifest.entries.find((e) => e.id === 'aljazeera-2025-08-10-microsoft-review')?.status).toBe('not-captured');
  });

  it('turns every citedBy quote into a citation whose text slice is the quote, and marks its runs', async () => {
    const { manifest, documents } = loadArchive(await build());
    const doc = documents.get(versionKey(sources.article.id, 'v1'))!;
    const text = documentText(doc);
    const layout = layoutDocument(doc);
    for (const s of sources.sources) {
      for (const quote of s.citedBy) {
        const found = manifest.citations.filter((c) => c.sourceId === s.id && c.quote === quote);
        expect(found.length, `${s.id}: ${quote}`).toBeGreaterThan(0);
        for (const c of found) {
          expect(text.slice(c.start, c.end)).toBe(quote);
          // Every run piece inside the range carries the citation mark, and the range starts and ends on run boundaries.
          const first = runPositionAt(layout, c.start, 'forward')!;
          const last = runPositionAt(layout, c.end, 'backward')!;
          expect(first.offset).toBe(0);
          const block = doc.blocks[first.blockIndex]!;
          expect(last.offset).toBe(doc.blocks[last.blockIndex]!.runs[last.runIndex]!.text.length);
          for (let r = first.runIndex; r <= last.runIndex; r++) expect(block.runs[r]!.marks).toContainEqual({ type: 'citation', sourceId: s.id });
        }
      }
    }
    const total = sources.sources.reduce((n, s) => n + s.citedBy.length, 0);
    expect(manifest.citations.length).toBeGreaterThanOrEqual(total);
    const marked = doc.blocks.flatMap((b) => b.runs).filter((r) => r.marks?.some((m) => m.type === 'citation'));
    expect(marked.map((r) => r.text).join('')).toBe(manifest.citations.map((c) => c.quote).join(''));
  });

  it('is deterministic: two builds give identical bytes', async () => {
    expect(compareTrees(await build(), await build())).toEqual([]);
  });

  it('matches the committed assets/archive (what --check verifies)', async () => {
    const problems = compareTrees(await build(), join(ROOT, 'assets/archive')).filter((p) => !p.includes('index/'));
    expect(problems).toEqual([]);
  });

  it('fails loudly, naming the source and the quote, when a quote is not in the article', async () => {
    const seed = tempDir('daftar-seed-');
    cpSync(SEED, seed, { recursive: true });
    const edited = structuredClone(sources);
    edited.sources[1]!.citedBy.push('جملة لا توجد في المقال');
    writeFileSync(join(seed, 'sources.json'), JSON.stringify(edited));
    await expect(build(seed)).rejects.toThrow(`citations: the quote of source ${edited.sources[1]!.id} is not in the text of ${sources.article.id}: "جملة لا توجد في المقال"`);
  });

  it('fails on a sources.json that does not follow its schema', async () => {
    const seed = tempDir('daftar-seed-');
    cpSync(SEED, seed, { recursive: true });
    const edited = structuredClone(sources) as unknown as { sources: Record<string, unknown>[] };
    edited.sources[0]!.citedby = [];
    writeFileSync(join(seed, 'sources.json'), JSON.stringify(edited));
    await expect(build(seed)).rejects.toThrow(/build-archive: sources\.json: sources\.0: .*citedby/);
  });

  it('fails when the article file and sources.json disagree on the date', async () => {
    const seed = tempDir('daftar-seed-');
    cpSync(SEED, seed, { recursive: true });
    const file = join(seed, '000_808dcebf4dabc6b5.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date 2025-09-28', 'date 2025-09-29'));
    await expect(build(seed)).rejects.toThrow('build-archive: 000_808dcebf4dabc6b5.txt is dated 2025-09-29 but sources.json says 2025-09-28');
  });
});

describe('compareTrees', () => {
  it('lists changed, missing and extra files', () => {
    const a = tempDir();
    const b = tempDir();
    writeFileSync(join(a, 'same'), 'x');
    writeFileSync(join(b, 'same'), 'x');
    writeFileSync(join(a, 'changed'), 'x');
    writeFileSync(join(b, 'changed'), 'y');
    writeFileSync(join(a, 'only-built'), 'x');
    writeFileSync(join(b, 'only-committed'), 'x');
    expect(compareTrees(a, b)).toEqual(['differs: changed', 'missing from assets/archive: only-built', 'not produced by the build: only-committed']);
  });
});
