import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveError, loadArchive, versionKey } from '../../../src/archive/loader';
import type { ArchiveManifest } from '../../../src/archive/manifest';
import { tempDir, writeArchive, writeFile, writeManifest } from '../../fixtures/archive/make-archive';

function problemOf(dir: string): { file: string; problem: string } {
  try {
    loadArchive(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    const { file, problem, message } = error as ArchiveError;
    expect(message).toBe(`archive: ${file}: ${problem}`);
    return { file, problem };
  }
  throw new Error('expected loadArchive to fail');
}

/** Writes the sample archive, lets `edit` change its manifest (as JSON), rewrites it. */
function withManifest(edit: (m: ArchiveManifest & Record<string, unknown>) => unknown): string {
  const { dir, manifest } = writeArchive();
  const copy = structuredClone(manifest) as ArchiveManifest & Record<string, unknown>;
  const replaced = edit(copy);
  writeManifest(dir, replaced === undefined ? copy : replaced);
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else out.set(full, `${stat.mtimeMs}:${readFileSync(full).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

describe('loadArchive: a valid archive', () => {
  it('loads the manifest and every document version', () => {
    const { dir, article } = writeArchive();
    const loaded = loadArchive(dir);
    expect(loaded.manifest.entries.map((e) => e.id)).toEqual(['article-1', 'guardian', 'un']);
    expect(loaded.documents.get(versionKey('article-1', 'v1'))).toEqual(article);
  });

  it('never modifies the folder it reads', () => {
    const { dir } = writeArchive();
    const before = snapshot(dir);
    loadArchive(dir);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reads a read-only archive', () => {
    const { dir } = writeArchive();
    chmodSync(join(dir, 'documents'), 0o555);
    try {
      expect(() => loadArchive(dir)).not.toThrow();
    } finally {
      chmodSync(join(dir, 'documents'), 0o755);
    }
  });
});

describe('loadArchive: hostile archives', () => {
  const cases: [string, () => string, string, RegExp][] = [
    ['no folder', () => join(tempDir(), 'nope'), 'manifest.json', /^missing/],
    ['no manifest', () => tempDir(), 'manifest.json', /^missing$/],
    ['manifest not JSON', () => { const d = tempDir(); writeFile(d, 'manifest.json', '{"format": "daftar-archive",'); return d; }, 'manifest.json', /^not JSON/],
    ['manifest not UTF-8', () => { const d = tempDir(); writeFile(d, 'manifest.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])); return d; }, 'manifest.json', /^not JSON \(not valid UTF-8\)/],
    ['manifest is an array', () => { const d = tempDir(); writeFile(d, 'manifest.json', '[]'); return d; }, 'manifest.json', /^expected a JSON object$/],
    ['manifest is a folder', () => { const d = tempDir(); writeFile(d, 'manifest.json/x', ''); return d; }, 'manifest.json', /^not a file$/],
    ['wrong format marker', () => withManifest((m) => { (m as { format: string }).format = 'zip'; }), 'manifest.json', /^not a Daftar archive \(format is "zip"/],
    ['unknown version', () => withManifest((m) => { (m as { version: number }).version = 2; }), 'manifest.json', /^unsupported archive version 2 \(this Daftar reads version 1\)$/],
    ['version as a string', () => withManifest((m) => { (m as { version: unknown }).version = '1'; }), 'manifest.json', /^unsupported archive version "1"/],
    ['missing entries', () => withManifest((m) => { delete (m as Partial<ArchiveManifest>).entries; }), 'manifest.json', /^entries: /],
    ['bad status (path named)', () => withManifest((m) => { (m.entries[1] as { status: string }).status = 'maybe'; }), 'manifest.json', /^entries\.1\.status: /],
    ['unknown field', () => withManifest((m) => { m.extra = 1; }), 'manifest.json', /extra/],
    ['bad sha256', () => withManifest((m) => { m.entries[0]!.versions[0]!.sha256 = 'abc'; }), 'manifest.json', /^entries\.0\.versions\.0\.sha256: expected a lowercase hex SHA-256/],
    ['duplicate entry id', () => withManifest((m) => { m.entries[2]!.id = 'guardian'; }), 'manifest.json', /^entries\.2\.id: duplicate id guardian$/],
    ['captured without versions', () => withManifest((m) => { m.entries[1]!.status = 'captured'; }), 'manifest.json', /^entries\.1\.status: "captured" but no version is listed$/],
    ['not-captured with versions', () => withManifest((m) => { m.entries[0]!.status = 'not-captured'; }), 'manifest.json', /^entries\.0\.status: "not-captured" but versions are listed$/],
    ['articleId unknown', () => withManifest((m) => { m.articleId = 'ghost'; }), 'manifest.json', /^articleId: no entry has id ghost$/],
    ['articleId names a source', () => withManifest((m) => { m.articleId = 'guardian'; }), 'manifest.json', /^articleId: guardian must be a captured entry of kind "article"$/],
    ['provenance hash differs', () => withManifest((m) => { m.entries[0]!.versions[0]!.provenance.sha256 = '0'.repeat(64); }), 'manifest.json', /provenance\.sha256: differs/],
    ['path traversal to /etc/passwd', () => withManifest((m) => { m.entries[0]!.versions[0]!.file = '../../etc/passwd'; }), 'manifest.json', /entries\.0\.versions\.0\.file: expected an archive path/],
    ['traversal inside a folder name', () => withManifest((m) => { m.entries[0]!.versions[0]!.file = 'documents/../../../etc/passwd'; }), 'manifest.json', /expected an archive path/],
    ['absolute path', () => withManifest((m) => { m.entries[0]!.versions[0]!.file = '/etc/passwd'; }), 'manifest.json', /expected an archive path/],
    ['backslash traversal', () => withManifest((m) => { m.entries[0]!.versions[0]!.file = 'documents\\..\\..\\x.json'; }), 'manifest.json', /expected an archive path/],
    ['raw file traversal', () => withManifest((m) => { m.entries[0]!.versions[0]!.provenance.rawFile = 'raw/../../x'; }), 'manifest.json', /rawFile: expected an archive path/],
    ['document missing', () => withManifest((m) => { m.entries[0]!.versions[0]!.file = 'documents/other.json'; }), 'documents/other.json', /^missing$/],
    ['raw file missing', () => withManifest((m) => { m.entries[0]!.versions[0]!.provenance.rawFile = 'raw/article-1/v9.txt'; }), 'raw/article-1/v9.txt', /^missing$/],
    ['citation to an unknown source', () => withManifest((m) => { m.citations[0]!.sourceId = 'nobody'; }), 'manifest.json', /^citations\.0\.sourceId: unknown source nobody$/],
    ['citation in an uncaptured document', () => withManifest((m) => { m.citations[0]!.docId = 'guardian'; }), 'manifest.json', /^citations\.0\.docId: no captured document guardian$/],
    ['citation range is not its quote', () => withManifest((m) => { m.citations[0]!.start -= 1; m.citations[0]!.end -= 1; }), 'manifest.json', /^citations\.0: the text at 14\.\.44 is .* not the quote/],
    ['citation past the end', () => withManifest((m) => { m.citations[0]!.end = 10_000; }), 'manifest.json', /^citations\.0: range \d+\.\.10000 is outside the text of article-1/],
    ['citation with end before start', () => withManifest((m) => { m.citations[0]!.end = m.citations[0]!.start; }), 'manifest.json', /is outside the text/],
  ];
  it.each(cases)('%s', (_name, make, file, problem) => {
    const got = problemOf(make());
    expect(got.file).toBe(file);
    expect(got.problem).toMatch(problem);
  });

  it('document hash mismatch names the document', () => {
    const { dir } = writeArchive();
    const path = join(dir, 'documents/article-1.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('مقدمة', 'مقدمه'));
    const got = problemOf(dir);
    expect(got.file).toBe('documents/article-1.json');
    expect(got.problem).toMatch(/^hash mismatch \(the manifest records [0-9a-f]{64}, the file has [0-9a-f]{64}\)/);
  });

  it('raw file hash mismatch names the raw file', () => {
    const { dir } = writeArchive();
    writeFileSync(join(dir, 'raw/article-1/v1.txt'), 'changed');
    expect(problemOf(dir)).toEqual({ file: 'raw/article-1/v1.txt', problem: expect.stringMatching(/^hash mismatch with provenance\.rawSha256/) });
  });

  it('a document that is not JSON (but hashes right) is named', async () => {
    const { sha256Hex } = await import('../../../src/archive/atomic');
    const dir = withManifest((m) => {
      m.entries[0]!.versions[0]!.sha256 = sha256Hex('not json');
      m.entries[0]!.versions[0]!.provenance.sha256 = sha256Hex('not json');
      m.citations = [];
    });
    writeFile(dir, 'documents/article-1.json', 'not json');
    expect(problemOf(dir)).toEqual({ file: 'documents/article-1.json', problem: expect.stringMatching(/^not JSON/) });
  });

  it('a document that fails the schema names the file and the path inside it', async () => {
    const { sha256Hex } = await import('../../../src/archive/atomic');
    const bad = JSON.stringify({ type: 'document', version: 1, id: 'article-1', lang: 'ar', dir: 'rtl', blocks: [{ id: 'b0', type: 'paragraph', runs: [{ text: 5 }] }] });
    const dir = withManifest((m) => {
      m.entries[0]!.versions[0]!.sha256 = sha256Hex(bad);
      m.entries[0]!.versions[0]!.provenance.sha256 = sha256Hex(bad);
      m.citations = [];
    });
    writeFile(dir, 'documents/article-1.json', bad);
    expect(problemOf(dir)).toEqual({ file: 'documents/article-1.json', problem: expect.stringMatching(/^blocks\.0\.runs\.0\.text: /) });
  });

  it('a document whose id is not its entry id', async () => {
    const { sha256Hex } = await import('../../../src/archive/atomic');
    const { canonicalJsonBytes } = await import('../../../src/archive/canonical-json');
    const { sampleDocument } = await import('../../fixtures/archive/make-archive');
    const bytes = canonicalJsonBytes(sampleDocument('someone-else'));
    const dir = withManifest((m) => {
      m.entries[0]!.versions[0]!.sha256 = sha256Hex(bytes);
      m.entries[0]!.versions[0]!.provenance.sha256 = sha256Hex(bytes);
    });
    writeFile(dir, 'documents/article-1.json', bytes);
    expect(problemOf(dir)).toEqual({ file: 'documents/article-1.json', problem: 'document id someone-else is not the entry\'s id article-1' });
  });

  it('a symlink inside the archive that leads outside is refused', () => {
    const outside = tempDir();
    writeFile(outside, 'secret.json', 'secret');
    const { dir } = writeArchive();
    symlinkSync(join(outside, 'secret.json'), join(dir, 'documents/link.json'));
    const target = withManifestAt(dir, (m) => { m.entries[0]!.versions[0]!.file = 'documents/link.json'; });
    expect(problemOf(target)).toEqual({ file: 'documents/link.json', problem: expect.stringMatching(/a link leads outside the archive folder/) });
  });
});

function withManifestAt(dir: string, edit: (m: ArchiveManifest) => void): string {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ArchiveManifest;
  edit(m);
  writeManifest(dir, m);
  return dir;
}

describe('loadArchive: property', () => {
  it('any change to any byte of a stored file is caught and names that file', async () => {
    const fc = (await import('fast-check')).default;
    const { dir } = writeArchive();
    const files = ['documents/article-1.json', 'raw/article-1/v1.txt'];
    const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.integer({ min: 1, max: 255 }), (file, at, delta) => {
        const original = originals.get(file)!;
        const changed = Buffer.from(original);
        const i = at % changed.length;
        changed[i] = (changed[i]! + delta) % 256;
        writeFileSync(join(dir, file), changed);
        try {
          expect(problemOf(dir).file).toBe(file);
        } finally {
          writeFileSync(join(dir, file), original);
        }
      }),
      { numRuns: 100 },
    );
    expect(() => loadArchive(dir)).not.toThrow();
  });
});
