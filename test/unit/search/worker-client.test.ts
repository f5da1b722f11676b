import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultWorkerEntry } from '../../../src/search/worker-client';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('defaultWorkerEntry', () => {
  it('uses the bundled worker beside the code or one folder up (shared chunk), else the source through tsx', () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-worker-entry-'));
    const chunks = join(dir, 'chunks');
    mkdirSync(chunks);
    expect(defaultWorkerEntry(chunks)).toEqual({ file: join(chunks, 'worker.ts'), execArgv: ['--import', 'tsx'] });
    writeFileSync(join(dir, 'search-worker.js'), '');
    expect(defaultWorkerEntry(chunks)).toEqual({ file: join(dir, 'search-worker.js') });
    expect(defaultWorkerEntry(dir)).toEqual({ file: join(dir, 'search-worker.js') });
  });
});
