/**
 * A damaged archive: the reader says which file and what is wrong, crashes
 * nothing, offers the bundled archive instead, and never writes to the damaged
 * folder. Two damages: a document that is not JSON, a manifest that is not JSON.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../fixtures';

const bundled = join(__dirname, '..', '..', '..', 'assets', 'archive');
const base = join(tmpdir(), `daftar-e2e-broken-${process.pid}`);

function brokenCopy(name: string, damage: (dir: string) => void): string {
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(bundled, dir, { recursive: true });
  damage(dir);
  return dir;
}

/** Every file of a folder with its bytes, to prove reading wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = readFileSync(path).toString('base64');
  }
  return out;
}

const badDocument = brokenCopy('bad-document', (dir) => {
  const docs = join(dir, 'documents');
  const first = readdirSync(docs).find((f) => f.endsWith('.json'))!;
  writeFileSync(join(docs, first), '{"type": "document", "blocks": [');
});
const badManifest = brokenCopy('bad-manifest', (dir) => writeFileSync(join(dir, 'manifest.json'), 'not json at all'));

test.afterAll(() => rmSync(base, { recursive: true, force: true }));

test.describe('a document of the archive is not JSON', () => {
  test.use({ archiveDir: badDocument });

  test('the error view names the file and the problem, and the bundled archive opens from it', async ({ page, daftar }) => {
    const before = snapshot(badDocument);
    const view = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'تعذّر فتح الأرشيف' }) });
    await expect(view).toBeVisible();
    await expect(view).toContainText(/documents\/[\w.-]+\.json/);
    await expect(view).toContainText(badDocument);
    await daftar.shot('archive-error-ar');
    await view.getByRole('button', { name: 'افتح الأرشيف المرفق بدلًا منه' }).click();
    await daftar.ready();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('هل أوقفت مايكروسوفت');
    expect(snapshot(badDocument)).toEqual(before);
  });
});

test.describe('the manifest is not JSON', () => {
  test.use({ archiveDir: badManifest });

  test('the error view names manifest.json', async ({ page }) => {
    const view = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'تعذّر فتح الأرشيف' }) });
    await expect(view).toBeVisible();
    await expect(view.locator('dd').first()).toHaveText('manifest.json');
    await expect(view.getByRole('button', { name: 'افتح الأرشيف المرفق بدلًا منه' })).toBeVisible();
  });
});
