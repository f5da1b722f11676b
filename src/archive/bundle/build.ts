/**
 * Building the bundled archive from the repo's seed/ folder, as a short list of
 * steps over one context. scripts/build-archive.ts runs them (and compares the
 * result with the committed assets/archive in --check mode); other areas add
 * their own step after these (the search index writes assets/archive/index/).
 *
 * Deterministic by construction: canonical JSON (sorted keys), capturedAt taken
 * from the seed's date line, no clock, no randomness, entries in sources.json
 * order. The article's raw scraper file is kept under raw/ so provenance can
 * point at the original bytes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Citation } from '../../api/contract';
import { documentText } from '../../document/text';
import type { DaftarDocument } from '../../document/types';
import { parseDocument } from '../../document/validate';
import { sha256Hex } from '../atomic';
import { canonicalJsonBytes } from '../canonical-json';
import { applyCitationMarks, findCitations } from '../citations';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_FILE, type ArchiveManifest, type ManifestEntry } from '../manifest';
import { parseManifest } from '../loader';
import { parseSeedText } from '../seed-format';
import { parseSeedSources, type SeedSource, type SeedSources } from './seed-sources';

export const BUNDLED_ARCHIVE_ID = 'bundled';

export interface BuildContext {
  seedDir: string;
  outDir: string;
  sources?: SeedSources;
  articleText?: Buffer;
  article?: DaftarDocument;
  citations?: Citation[];
  /** Archive-relative path → bytes, written by the write step. */
  files: Map<string, Buffer>;
  manifest?: ArchiveManifest;
  log(message: string): void;
}

export interface BuildStep {
  name: string;
  run(ctx: BuildContext): void | Promise<void>;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`build-archive: ${what} is missing: a step ran out of order`);
  return value;
}

const readSeed: BuildStep = {
  name: 'read seed/sources.json and the article file',
  run(ctx) {
    const path = join(ctx.seedDir, 'sources.json');
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`build-archive: ${path}: ${(error as Error).message}`);
    }
    ctx.sources = parseSeedSources(json);
    ctx.articleText = readFileSync(join(ctx.seedDir, ctx.sources.article.file));
  },
};

const buildArticle: BuildStep = {
  name: 'import the article and place every citedBy quote',
  run(ctx) {
    const sources = need(ctx.sources, 'sources.json');
    const { article } = sources;
    const parsed = parseSeedText(need(ctx.articleText, 'the article text').toString('utf8'));
    if (parsed.date !== article.published) throw new Error(`build-archive: ${article.file} is dated ${parsed.date} but sources.json says ${article.published}`);
    const body = { ...parsed.document, id: article.id } as DaftarDocument;
    const citations = findCitations(documentText(body), article.id, sources.sources.map((s) => ({ id: s.id, quotes: s.citedBy })));
    ctx.citations = citations;
    ctx.article = parseDocument({ type: body.type, version: body.version, id: body.id, lang: body.lang, dir: body.dir, blocks: applyCitationMarks(body.blocks, citations) }, article.file);
    ctx.log(`article: ${body.blocks.length} blocks, ${citations.length} citations`);
  },
};

function sourceEntry(source: SeedSource): ManifestEntry {
  return {
    id: source.id,
    kind: 'source',
    sourceKind: source.kind,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    published: source.published,
    lang: source.lang,
    dir: source.dir ?? (source.lang === 'ar' ? 'rtl' : 'ltr'),
    status: source.kind === 'unresolved' ? 'unresolved' : 'not-captured',
    confidence: source.confidence,
    media: source.media,
    versions: [],
  };
}

const buildManifest: BuildStep = {
  name: 'lay out documents/, raw/ and manifest.json',
  run(ctx) {
    const { article, sources } = need(ctx.sources, 'sources.json');
    const doc = need(ctx.article, 'the article document');
    const docFile = `documents/${article.id}.json`;
    const rawFile = `raw/${article.id}/v1.txt`;
    const docBytes = canonicalJsonBytes(doc);
    const rawBytes = need(ctx.articleText, 'the article text');
    ctx.files.set(docFile, docBytes);
    ctx.files.set(rawFile, rawBytes);
    const sha256 = sha256Hex(docBytes);
    const articleEntry: ManifestEntry = {
      id: article.id,
      kind: 'article',
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      published: article.published,
      lang: article.lang,
      dir: article.dir,
      status: 'captured',
      confidence: article.confidence,
      versions: [
        {
          version: 'v1',
          file: docFile,
          sha256,
          provenance: { origin: 'bundled', capturedAt: `${article.published}T00:00:00.000Z`, sha256, rawSha256: sha256Hex(rawBytes), rawFile, fileName: article.file },
        },
      ],
    };
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_FORMAT_VERSION,
      id: BUNDLED_ARCHIVE_ID,
      title: article.title,
      articleId: article.id,
      entries: [articleEntry, ...sources.map(sourceEntry)],
      citations: need(ctx.citations, 'the citations'),
    };
    ctx.manifest = parseManifest(JSON.parse(canonicalJsonBytes(manifest).toString('utf8')));
    ctx.files.set(MANIFEST_FILE, canonicalJsonBytes(ctx.manifest));
  },
};

/** The folders this build owns; other steps' outputs (index/) are left alone. */
export const OWNED_OUTPUTS = [MANIFEST_FILE, 'documents', 'raw', 'media'];

const writeArchive: BuildStep = {
  name: 'write the archive folder',
  run(ctx) {
    mkdirSync(ctx.outDir, { recursive: true });
    for (const name of OWNED_OUTPUTS) rmSync(join(ctx.outDir, name), { recursive: true, force: true });
    for (const [rel, bytes] of [...ctx.files].sort(([a], [b]) => a.localeCompare(b))) {
      const full = join(ctx.outDir, rel);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
    }
  },
};

export const BUNDLED_ARCHIVE_STEPS: readonly BuildStep[] = [readSeed, buildArticle, buildManifest, writeArchive];

export async function buildBundledArchive(options: { seedDir: string; outDir: string; steps?: readonly BuildStep[]; log?: (message: string) => void }): Promise<BuildContext> {
  const ctx: BuildContext = { seedDir: options.seedDir, outDir: options.outDir, files: new Map(), log: options.log ?? (() => undefined) };
  for (const step of options.steps ?? BUNDLED_ARCHIVE_STEPS) {
    ctx.log(`step: ${step.name}`);
    await step.run(ctx);
  }
  return ctx;
}
