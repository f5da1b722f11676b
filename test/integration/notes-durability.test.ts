/**
 * Durability of the notes database across processes: a writer killed with
 * SIGKILL at random points loses no acknowledged note and leaves a sound
 * file; two processes appending to one note lose no update.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe as suite, expect, it } from 'vitest';
import { describe } from '../../src/annotations/describe';
import { createAnnotation } from '../../src/annotations/model';
import { openAnnotationStore } from '../../src/annotations/store';

const ROOT = join(__dirname, '../..');
const CHILD = join(ROOT, 'test/unit/annotations/helpers/writer-child.ts');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daftar-durability-'));
  file = join(dir, 'daftar.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function child(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs an inserting child until it has acknowledged `count` notes (or more), then SIGKILLs it; returns every id it printed. */
function insertThenKill(prefix: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = child(['insert', file, prefix]);
    const ids: string[] = [];
    let buffer = '';
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += d));
    proc.stdout!.on('data', (data: Buffer) => {
      buffer += data.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      ids.push(...lines.filter((l) => l.length > 0));
      if (ids.length >= count && !proc.killed) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`writer exited ${code} before being killed: ${stderr}`));
    });
  });
}

function integrity(): string {
  const db = new DatabaseSync(file);
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

suite('notes durability', () => {
  it('every acknowledged note survives SIGKILL at random points, and the file stays sound', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 6; round++) {
      const ids = await insertThenKill(`round${round}`, 3 + Math.floor(Math.random() * 40));
      acknowledged.push(...ids);
      expect(integrity()).toBe('ok');
      const store = openAnnotationStore(file, { now: () => new Date(), log: () => {} });
      const stored = new Set(store.list().map((a) => a.id));
      expect(store.notices).toEqual([]);
      store.close();
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing, `round ${round}`).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThan(18);
  }, 120_000);

  it('two processes appending to one note concurrently lose no update', async () => {
    const store = openAnnotationStore(file, { now: () => new Date(), log: () => {} });
    const note = createAnnotation({ docId: 'article', contentHash: 'h', selectors: describe('نص للتجربة', 0, 2), color: 'pink', note: 'start', now: new Date() });
    store.insert(note);
    store.close();
    const run = (tag: string) =>
      new Promise<void>((resolve, reject) => {
        const proc = child(['append', file, note.id, tag, '25']);
        let stderr = '';
        proc.stderr!.on('data', (d) => (stderr += d));
        proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`append ${tag} exited ${code}: ${stderr}`))));
      });
    await Promise.all([run('A'), run('B')]);
    const after = openAnnotationStore(file, { now: () => new Date(), log: () => {} });
    const lines = after.get(note.id)!.body.note.split('\n');
    after.close();
    for (const tag of ['A', 'B']) expect(lines.filter((l) => l.startsWith(`${tag}-`)), tag).toEqual(Array.from({ length: 25 }, (_, i) => `${tag}-${i}`));
    expect(integrity()).toBe('ok');
  }, 120_000);
});
