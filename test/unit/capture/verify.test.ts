/**
 * verifyArchive over a copy of the real bundled archive (assets/archive):
 * clean as built, then each kind of damage a user could meet — a document,
 * a raw file or an image changed, a file missing, a manifest that is not
 * JSON or that names a path outside the folder — is reported by file.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatReport, verifyArchive } from '../../../src/capture/verify';

const BUNDLED = join(__dirname, '..', '..', '..', 'assets', 'archive');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-verify-'));
  cpSync(BUNDLED, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const manifest = () => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const article = () => manifest().entries.find((e: { kind: string }) => e.kind === 'article').versions[0];

describe('verifyArchive', () => {
  it('the bundled archive verifies clean', async () => {
    const report = await verifyArchive(dir);
    expect(report.exists).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(2); // the article's document and raw file at least
    expect(formatReport('bundled', report)[0]).toMatch(/all match/);
  });

  it('a folder with no manifest is an archive not written yet, not an error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'daftar-verify-empty-'));
    const report = await verifyArchive(empty);
    rmSync(empty, { recursive: true });
    expect(report).toMatchObject({ exists: false, problems: [] });
    expect(formatReport('user', report)[0]).toMatch(/nothing captured yet/);
  });

  it('reports a changed document and a changed raw file, each by name', async () => {
    const v = article();
    writeFileSync(join(dir, v.file), readFileSync(join(dir, v.file), 'utf8').replace('مايكروسوفت', 'Microsoft'));
    writeFileSync(join(dir, v.provenance.rawFile), Buffer.concat([readFileSync(join(dir, v.provenance.rawFile)), Buffer.from(' ')]));
    const report = await verifyArchive(dir);
    expect(report.problems.map((p) => p.file).sort()).toEqual([v.file, v.provenance.rawFile].sort());
    expect(report.problems.find((p) => p.file === v.file)!.problem).toMatch(/^changed: SHA-256 is [0-9a-f]{64}, the manifest records [0-9a-f]{64} \(the document of /);
    expect(report.problems.find((p) => p.file === v.provenance.rawFile)!.problem).toMatch(/\(the raw bytes of /);
  });

  it('reports a missing file and a changed image, and lists files the manifest does not name', async () => {
    const m = manifest();
    const v = m.entries.find((e: { kind: string }) => e.kind === 'article').versions[0];
    unlinkSync(join(dir, v.provenance.rawFile));
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    mkdirSync(join(dir, 'media'), { recursive: true });
    writeFileSync(join(dir, 'media', 'img.png'), Buffer.concat([png, Buffer.from([0])]));
    writeFileSync(join(dir, 'media', 'stray.png'), png);
    v.mediaFiles = [{ file: 'media/img.png', sha256: createHash('sha256').update(png).digest('hex') }];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const report = await verifyArchive(dir);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { file: v.provenance.rawFile, problem: expect.stringMatching(/^missing \(the raw bytes of /) },
        { file: 'media/img.png', problem: expect.stringMatching(/^changed: .*\(the image of /) },
      ]),
    );
    expect(report.unreferenced).toEqual(['media/stray.png']);
    expect(formatReport('bundled', report).join('\n')).toMatch(/note: media\/stray.png is not named by the manifest/);
  });

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['another format', '{"format":"zip","version":1}', /not a Daftar archive/],
  ])('a manifest that is %s is one clear problem', async (_what, content, problem) => {
    writeFileSync(join(dir, 'manifest.json'), content);
    const report = await verifyArchive(dir);
    expect(report.problems).toEqual([{ file: 'manifest.json', problem: expect.stringMatching(problem) }]);
  });

  it('a manifest naming a path outside the archive is refused, not followed', async () => {
    const m = manifest();
    m.entries.find((e: { kind: string }) => e.kind === 'article').versions[0].provenance.rawFile = 'raw/../../etc/passwd';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const report = await verifyArchive(dir);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.file).toBe('manifest.json');
    expect(report.problems[0]!.problem).toMatch(/archive path|\.\./);
  });
});
