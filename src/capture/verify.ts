/**
 * `daftar verify`: recompute every hash an archive records and report each
 * file that no longer matches — the document of every version, its raw bytes
 * (as fetched or imported) and its images. Unlike loading, which stops at the
 * first problem, verification goes on and lists them all, so a user sees the
 * whole damage at once. Files in documents/, raw/ or media/ that no manifest
 * entry names are listed separately: an interrupted write can leave them by
 * design (src/archive/user-archive.ts), so they are reported but are not a
 * failure. Read-only: nothing is repaired or rewritten.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ArchivePathError, assertRealPathInside, resolveArchivePath } from '../archive/archive-path';
import { ArchiveError, parseManifest } from '../archive/loader';
import { MANIFEST_FILE, type ArchiveManifest } from '../archive/manifest';

export interface VerifyProblem {
  /** Archive-relative path, e.g. `documents/x/v1.json`. */
  file: string;
  problem: string;
}

export interface VerifyReport {
  dir: string;
  /** False when the folder has no manifest (a user archive before the first capture). */
  exists: boolean;
  /** Files whose hash was recomputed. */
  checked: number;
  problems: VerifyProblem[];
  /** Files present but named by no version. */
  unreferenced: string[];
}

async function hashFile(full: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function listFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(join(root, folder));
  return out;
}

/** What the manifest says each file's SHA-256 is. */
function claims(manifest: ArchiveManifest): Map<string, { sha256: string; what: string }> {
  const out = new Map<string, { sha256: string; what: string }>();
  for (const entry of manifest.entries) {
    for (const v of entry.versions) {
      const who = `${entry.id} ${v.version}`;
      out.set(v.file, { sha256: v.sha256, what: `document of ${who}` });
      if (v.provenance.sha256 !== v.sha256) out.set(`${v.file}#provenance`, { sha256: v.provenance.sha256, what: `provenance of ${who} records SHA-256 ${v.provenance.sha256}, the version ${v.sha256}` });
      if (v.provenance.rawFile && v.provenance.rawSha256) out.set(v.provenance.rawFile, { sha256: v.provenance.rawSha256, what: `raw bytes of ${who}` });
      for (const m of v.mediaFiles ?? []) out.set(m.file, { sha256: m.sha256, what: `image of ${who}` });
    }
  }
  return out;
}

export async function verifyArchive(dir: string): Promise<VerifyReport> {
  const report: VerifyReport = { dir, exists: false, checked: 0, problems: [], unreferenced: [] };
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return report;
  report.exists = true;
  let manifest: ArchiveManifest;
  try {
    manifest = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (error) {
    const problem = error instanceof ArchiveError ? error.problem : `not JSON (${(error as Error).message})`;
    report.problems.push({ file: MANIFEST_FILE, problem });
    return report;
  }
  const expected = claims(manifest);
  for (const [file, claim] of expected) {
    if (file.endsWith('#provenance')) {
      report.problems.push({ file: file.replace(/#provenance$/, ''), problem: `the manifest contradicts itself: the ${claim.what}` });
      continue;
    }
    let full: string;
    try {
      full = resolveArchivePath(dir, file);
      if (!existsSync(full)) {
        report.problems.push({ file, problem: `missing (the ${claim.what})` });
        continue;
      }
      assertRealPathInside(dir, full, file);
    } catch (error) {
      report.problems.push({ file, problem: error instanceof ArchivePathError ? error.message : String(error) });
      continue;
    }
    const actual = await hashFile(full);
    report.checked++;
    if (actual !== claim.sha256) report.problems.push({ file, problem: `changed: SHA-256 is ${actual}, the manifest records ${claim.sha256} (the ${claim.what})` });
  }
  for (const folder of ['documents', 'raw', 'media']) {
    for (const file of listFiles(dir, folder)) if (!expected.has(file)) report.unreferenced.push(file);
  }
  return report;
}

/** The report as lines for a terminal. */
export function formatReport(label: string, report: VerifyReport): string[] {
  if (!report.exists) return [`${label}: no archive at ${report.dir} (nothing captured yet)`];
  const lines = [`${label}: ${report.dir}: ${report.checked} file(s) checked, ${report.problems.length === 0 ? 'all match' : `${report.problems.length} problem(s)`}`];
  for (const p of report.problems) lines.push(`  ${p.file}: ${p.problem}`);
  for (const f of report.unreferenced) lines.push(`  note: ${f} is not named by the manifest (left by an interrupted write?)`);
  return lines;
}
