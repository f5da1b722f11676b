/**
 * Notes end to end, in the real app over the real service:
 *  (a) highlighting part of an Arabic word paints it with the CSS Custom
 *      Highlight API and leaves the reader's text nodes exactly as they were
 *      (same nodes, same data), with a screenshot to check letter joining;
 *  (b) create, edit, delete, undo (toast and Ctrl+Z), reload: the notes survive;
 *  (c) a notes database that cannot be read is moved aside, the user is told
 *      where, in their language, and notes work again at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

const BODY = 'article.document .document-body';

/** Every text node of the reader's body, kept on window so identity can be compared later. */
async function snapshotTextNodes(page: Page, key: string): Promise<string[]> {
  return page.evaluate(
    ({ body, key }) => {
      const root = document.querySelector(body)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      (window as unknown as Record<string, Text[]>)[key] = nodes;
      return nodes.map((n) => n.data);
    },
    { body: BODY, key },
  );
}

/** Selects [from, to) of the first text node whose data contains `word`, offsets relative to the word. */
async function selectInWord(page: Page, word: string, from: number, to: number): Promise<void> {
  const ok = await page.evaluate(
    ({ body, word, from, to }) => {
      const root = document.querySelector(body)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(word);
        if (at < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, at + from);
        range.setEnd(n, at + to);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return true;
      }
      return false;
    },
    { body: BODY, word, from, to },
  );
  expect(ok, `a text node containing ${word}`).toBe(true);
}

function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => (CSS.highlights.get(name)?.size ?? 0), name);
}

async function openNotesPanel(page: Page): Promise<void> {
  if ((await page.locator('[data-testid="notes-panel"]').count()) === 0) {
    await page.getByRole('button', { name: /الملاحظات|Notes/ }).first().click();
  }
  await expect(page.locator('[data-testid="notes-panel"]')).toBeVisible();
}

test('highlighting part of an Arabic word keeps the text nodes and letter joining', async ({ daftar, page }) => {
  await daftar.ready();
  const before = await snapshotTextNodes(page, '__before');
  // "للتجسس": select letters 2..5 (تجس). Both edges fall between letters that join
  // (ل|ت and س|س), so splitting the word into elements would visibly break it.
  await selectInWord(page, 'للتجسس', 2, 5);
  const toolbar = page.getByTestId('notes-toolbar');
  await expect(toolbar).toBeVisible();
  await toolbar.locator('[data-color="green"]').click();
  await expect.poll(() => highlightSize(page, 'daftar-note-green')).toBe(1);

  const after = await snapshotTextNodes(page, '__after');
  expect(after).toEqual(before);
  const sameNodes = await page.evaluate(() => {
    const w = window as unknown as Record<string, Text[]>;
    return w.__before!.length === w.__after!.length && w.__before!.every((n, i) => n === w.__after![i] && n.isConnected);
  });
  expect(sameNodes, 'the reader text nodes are the same objects: none split, wrapped or replaced').toBe(true);

  // The painted range covers exactly the selected letters.
  const painted = await page.evaluate(() => [...CSS.highlights.get('daftar-note-green')!][0]!.toString());
  expect(painted).toBe('للتجسس'.slice(2, 5));
  // And no element was added inside the paragraph around them.
  const wrappers = await page.evaluate((body) => document.querySelector(body)!.querySelectorAll('mark, .highlight, [data-note-id]').length, BODY);
  expect(wrappers).toBe(0);

  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await daftar.shot('notes-arabic-highlight');
  // A close-up of the word, enlarged (style only; the text nodes stay), to look at the joining across the highlight's edges.
  await page.evaluate(() => ((document.querySelector('article.document') as HTMLElement).style.fontSize = '64px'));
  const box = await page.evaluate(() => {
    const range = [...CSS.highlights.get('daftar-note-green')!][0]! as Range;
    (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await page.screenshot({
    path: 'test/e2e/screenshots/notes-arabic-highlight-closeup.png',
    clip: { x: Math.max(0, box.x - 220), y: Math.max(0, box.y - 30), width: box.width + 440, height: box.height + 60 },
  });
});

test('create, edit, delete, undo and reload: the notes survive', async ({ daftar, page }) => {
  await daftar.ready();
  // Create: select a phrase, "Note", type a note and tags.
  await selectInWord(page, 'الوحدة 8200', 0, 'الوحدة 8200'.length);
  await page.getByTestId('toolbar-note').click();
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeVisible();
  await page.getByTestId('note-text').fill('ملاحظة أولى about Unit 8200');
  await page.getByTestId('note-tags').fill('غزة، cloud');
  await page.getByTestId('note-close').click();
  await expect(editor).toBeHidden();
  await expect.poll(() => highlightSize(page, 'daftar-note-yellow')).toBe(1);

  await openNotesPanel(page);
  const list = page.getByTestId('notes-list');
  await expect(list.locator('li')).toHaveCount(1);
  await expect(list).toContainText('ملاحظة أولى about Unit 8200');
  await expect(list).toContainText('غزة');
  await expect(list).toContainText('cloud');

  // Edit: open the note from its margin marker, change the text.
  await page.locator('.notes-marker').first().click();
  await expect(editor).toBeVisible();
  await page.getByTestId('note-text').fill('ملاحظة معدلة');
  await page.getByTestId('note-close').click();
  await expect(list).toContainText('ملاحظة معدلة');

  // Delete, then Undo from the toast: the note comes back as edited.
  await page.locator('.notes-marker').first().click();
  await page.getByTestId('note-delete').click();
  await expect(list).toHaveCount(0);
  await expect.poll(() => highlightSize(page, 'daftar-note-yellow')).toBe(0);
  await expect(page.getByTestId('notes-toast')).toBeVisible();
  await page.getByTestId('notes-undo').click();
  await expect(page.getByTestId('notes-list')).toContainText('ملاحظة معدلة');
  await expect.poll(() => highlightSize(page, 'daftar-note-yellow')).toBe(1);

  // A second highlight, undone with Ctrl+Z (focus outside any field).
  await selectInWord(page, 'الغارديان', 0, 'الغارديان'.length);
  await page.getByTestId('notes-toolbar').locator('[data-color="blue"]').click();
  await expect.poll(() => highlightSize(page, 'daftar-note-blue')).toBe(1);
  await expect(page.getByTestId('notes-list').locator('li')).toHaveCount(2);
  await page.locator('article.document').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => highlightSize(page, 'daftar-note-blue')).toBe(0);
  await expect(page.getByTestId('notes-list').locator('li')).toHaveCount(1);

  // Reload: the app starts again on the same data; the note and its highlight are there.
  const fresh = await daftar.restart();
  await expect.poll(() => highlightSize(fresh, 'daftar-note-yellow')).toBe(1);
  await openNotesPanel(fresh);
  const after = fresh.getByTestId('notes-list');
  await expect(after.locator('li')).toHaveCount(1);
  await expect(after).toContainText('ملاحظة معدلة');
  await expect(after).toContainText('غزة');
  await daftar.shot('notes-panel-after-reload', fresh);
});

const V1 = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>نسخة أولى</title></head><body><article>
<h1>تقرير عن الأرشيف</h1>
<p>يقول التقرير إن الخدمات السحابية صارت جزءا من حياة الجميع، وإن البيانات المخزنة فيها تحتاج إلى حماية وقوانين واضحة.</p>
<p>ويضيف أن الصحفيين يحتاجون إلى أرشيف خاص يقرؤون فيه المصادر دون اتصال، ويكتبون ملاحظاتهم عليها دون أن تغادر أجهزتهم.</p>
<p>وفي الختام يذكر التقرير أن حفظ نسخة من كل مصدر مع بصمتها الرقمية يساعد على التحقق من النص.</p>
</article></body></html>`;
const V2 = V1.replace(
  'يقول التقرير إن الخدمات السحابية صارت جزءا من حياة الجميع، وإن البيانات المخزنة فيها تحتاج إلى حماية وقوانين واضحة.',
  'تغيّرت الفقرة الأولى كلها في النسخة الثانية: صار الحديث عن المكتبات العامة ومواعيد فتحها للزوار كل أسبوع.',
);

test('a note whose text is gone after a new version needs attention, and is re-attached by selecting new text', async ({ daftar, page }) => {
  await daftar.ready();
  await page.locator('article.document a.citation[data-source-id]').first().click();
  const card = page.locator('.source-card');
  const sourceId = (await card.getAttribute('data-source-id'))!;
  await card.getByTestId('import-input').setInputFiles({ name: 'v1.html', mimeType: 'text/html', buffer: Buffer.from(V1) });
  await expect(page.locator(`article.document[data-doc-id="${sourceId}"]`)).toContainText('الخدمات السحابية', { timeout: 60_000 });

  // Two notes on version 1: one on text that version 2 drops, one on text it keeps.
  await selectInWord(page, 'الخدمات السحابية', 0, 'الخدمات السحابية'.length);
  await page.getByTestId('toolbar-note').click();
  await page.getByTestId('note-text').fill('ملاحظة ستفقد نصها');
  await page.getByTestId('note-close').click();
  await selectInWord(page, 'أرشيف خاص', 0, 'أرشيف خاص'.length);
  await page.getByTestId('notes-toolbar').locator('[data-color="purple"]').click();
  await expect.poll(() => highlightSize(page, 'daftar-note-purple')).toBe(1);

  // Version 2 through "import a newer file" on the card.
  await page.locator(`button.library-item[data-entry-id="${sourceId}"]`).click();
  const again = page.locator('.source-card').locator('details.capture-again');
  await again.locator('summary').click();
  await again.getByTestId('import-input').setInputFiles({ name: 'v2.html', mimeType: 'text/html', buffer: Buffer.from(V2) });
  const done = page.getByTestId('capture-done');
  await expect(done).toBeVisible({ timeout: 60_000 });
  await expect(done).toContainText(/1\D+1/); // one note moved, one needing attention
  await expect(page.locator(`article.document[data-doc-id="${sourceId}"]`)).toContainText('المكتبات العامة');

  // The older version stays readable.
  const details = page.locator('.source-card').getByTestId('provenance-details');
  await details.locator('summary').click();
  await expect(details.getByTestId('versions').locator('li')).toHaveCount(2);
  await details.getByRole('button', { name: /اقرأ هذه النسخة|Read this version/ }).click();
  await expect(page.getByTestId('version-reader')).toContainText('الخدمات السحابية');
  await page.getByTestId('version-reader').getByRole('button').last().click();
  await expect(page.getByTestId('version-reader')).toHaveCount(0);

  // Needs attention: the orphan with its quote and note; re-attach it to new text.
  await openNotesPanel(page);
  const attention = page.getByTestId('needs-attention');
  await expect(attention).toContainText('الخدمات السحابية');
  await expect(attention).toContainText('ملاحظة ستفقد نصها');
  await daftar.shot('notes-needs-attention');
  await attention.getByRole('button', { name: /إعادة الربط|Re-attach/ }).click();
  await expect(page.getByTestId('reattach-banner')).toBeVisible();
  await selectInWord(page, 'المكتبات العامة', 0, 'المكتبات العامة'.length);
  await page.getByTestId('toolbar-attach').click();
  await expect(page.getByTestId('needs-attention')).toHaveCount(0);
  await expect(page.getByTestId('reattach-banner')).toHaveCount(0);
  await expect(page.getByTestId('notes-list')).toContainText('المكتبات العامة');
  await expect.poll(() => highlightSize(page, 'daftar-note-yellow')).toBe(1);
  await expect.poll(() => highlightSize(page, 'daftar-note-purple')).toBe(1);
});

test('export as JSON-LD and Markdown, import with a report of refused items', async ({ daftar, page }) => {
  await daftar.ready();
  await selectInWord(page, 'الغارديان', 0, 'الغارديان'.length);
  await page.getByTestId('toolbar-note').click();
  await page.getByTestId('note-text').fill('مصدر التقرير');
  await page.getByTestId('note-close').click();
  await openNotesPanel(page);
  await expect(page.getByTestId('notes-list')).toContainText('مصدر التقرير');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-jsonld').click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^daftar-notes.*\.jsonld$/);
  const collection = JSON.parse(await (await import('node:fs/promises')).readFile((await jsonDownload.path())!, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(1);
  expect(JSON.stringify(collection)).toContain('مصدر التقرير');

  const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-md').click()]);
  expect(mdDownload.suggestedFilename()).toMatch(/\.md$/);
  const md = await (await import('node:fs/promises')).readFile((await mdDownload.path())!, 'utf8');
  expect(md).toContain('الغارديان');
  expect(md).toContain('مصدر التقرير');

  // Import: the same note edited later (updated), plus an item that is not an annotation (refused, reported).
  const item = collection.first.items[0];
  const newer = { ...item, modified: new Date(Date.parse(item.modified) + 60_000).toISOString(), body: [{ type: 'TextualBody', value: 'مصدر معدل بالاستيراد', purpose: 'commenting', format: 'text/plain' }] };
  const file = { ...collection, total: 2, first: { ...collection.first, items: [newer, { id: 'not-a-uuid', type: 'Annotation' }] } };
  await page.getByTestId('notes-import-input').setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(file)) });
  const report = page.getByTestId('notes-import-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('notes.jsonld');
  await expect(report.locator('li')).toHaveCount(1);
  await expect(report.locator('li')).toContainText('1');
  await expect(page.getByTestId('notes-list')).toContainText('مصدر معدل بالاستيراد');
  await daftar.shot('notes-import-report');

  // A file that is not JSON at all: a clear error, nothing changed.
  await page.getByTestId('notes-import-input').setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{not json') });
  await expect(page.getByTestId('notes-toast')).toContainText(/(Nothing was imported|لم يُستورد شيء).*JSON/);
  await expect(page.getByTestId('notes-list').locator('li')).toHaveCount(1);
});

test('a note in the panel leads to its highlight, and the highlight back to its note; filters narrow the list', async ({ daftar, page }) => {
  await daftar.ready();
  // One note near the start (green), one at the very end of the article (yellow, tagged).
  await selectInWord(page, 'الوحدة 8200', 0, 'الوحدة 8200'.length);
  await page.getByTestId('notes-toolbar').locator('[data-color="green"]').click();
  await expect.poll(() => highlightSize(page, 'daftar-note-green')).toBe(1);
  await selectInWord(page, 'انتصار غير مسبوق', 0, 'انتصار غير مسبوق'.length);
  await page.getByTestId('toolbar-tags').click();
  await page.getByTestId('note-tags').fill('إكس');
  await page.getByTestId('note-close').click();
  await openNotesPanel(page);
  const list = page.getByTestId('notes-list');
  await expect(list.locator('li')).toHaveCount(2);

  // Back at the top of the article, the last note is out of view; clicking it in the panel scrolls there.
  await page.evaluate(() => document.querySelector('main#reader')!.scrollTo(0, 0));
  await page.evaluate(() => window.scrollTo(0, 0));
  const inView = () =>
    page.evaluate(() => {
      const range = [...CSS.highlights.get('daftar-note-yellow')!][0] as Range;
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  expect(await inView()).toBe(false);
  await list.locator('li', { hasText: 'إكس' }).locator('.notes-item-main').click();
  await expect.poll(inView).toBe(true);
  await expect.poll(() => highlightSize(page, 'daftar-note-active')).toBe(1);

  // And back: clicking the highlighted text opens its card, whose "show in the notes list" focuses the note.
  const point = await page.evaluate(() => {
    const r = ([...CSS.highlights.get('daftar-note-yellow')!][0] as Range).getClientRects()[0]!;
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  const editor = page.getByTestId('note-editor');
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('انتصار غير مسبوق');
  await editor.getByRole('button', { name: /اعرضها في قائمة الملاحظات|Show in the notes list/ }).click();
  await expect(list.locator('li', { hasText: 'إكس' }).locator('.notes-item-main')).toBeFocused();

  // Filters: by colour, then by tag; sorted by date the newest comes first.
  await page.getByTestId('note-close').click();
  const panel = page.getByTestId('notes-panel');
  await panel.locator('.notes-filter .notes-swatch-green').click();
  await expect(list.locator('li')).toHaveCount(1);
  await expect(list).toContainText('الوحدة 8200');
  await panel.locator('.notes-filter .notes-swatch-green').click();
  await panel.locator('.notes-tags button', { hasText: 'إكس' }).click();
  await expect(list.locator('li')).toHaveCount(1);
  await expect(list).toContainText('انتصار غير مسبوق');
  await panel.locator('.notes-tags button', { hasText: 'إكس' }).click();
  await panel.locator('select').selectOption('date');
  await expect(list.locator('li').first()).toContainText('انتصار غير مسبوق');
  await panel.locator('select').selectOption('position');
  await expect(list.locator('li').first()).toContainText('الوحدة 8200');
});

test('from the keyboard: Ctrl+Shift+H moves into the toolbar, Tab and Enter highlight, Escape leaves', async ({ daftar, page }) => {
  await daftar.ready();
  await selectInWord(page, 'خالفت شروط', 0, 'خالفت شروط'.length);
  await expect(page.getByTestId('notes-toolbar')).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('notes-toolbar').locator('[data-color="yellow"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('notes-toolbar').locator('[data-color="green"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightSize(page, 'daftar-note-green')).toBe(1);
  await expect(page.getByTestId('notes-toolbar')).toHaveCount(0);

  // Pressed at once after selecting, before the toolbar has had a frame to appear: the shortcut still lands in it.
  await selectInWord(page, 'الأيام الماضية', 0, 'الأيام الماضية'.length);
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('notes-toolbar').locator('[data-color="yellow"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('notes-toolbar')).toHaveCount(0);
  expect(await highlightSize(page, 'daftar-note-yellow')).toBe(0);
});

test.describe('a notes database that cannot be read', () => {
  const damaged = Buffer.from('not a database: a half-copied file from a backup\n'.repeat(200));
  test.use({ dataFiles: { 'daftar.sqlite': damaged } });

  test('is moved aside untouched, the reader is told where in Arabic, and new notes are kept', async ({ daftar, page }) => {
    await daftar.ready();
    const notice = page.locator('.notice[data-code="notes-db-corrupt"]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('تعذّرت قراءة قاعدة بيانات ملاحظاتك');
    const keptAt = (await notice.locator('.url-text').textContent())!.trim();
    expect(keptAt).toContain(join(daftar.dataDir, 'daftar.sqlite.corrupt-'));
    expect(readFileSync(keptAt).equals(damaged), 'the damaged file is kept byte for byte').toBe(true);
    await notice.locator('summary').click();
    await expect(notice.locator('details p')).toContainText('could not be read');
    await daftar.shot('notes-db-moved-aside');

    await selectInWord(page, 'الوحدة 8200', 0, 'الوحدة 8200'.length);
    await page.getByTestId('notes-toolbar').locator('[data-color="blue"]').click();
    await expect.poll(() => highlightSize(page, 'daftar-note-blue')).toBe(1);
    await notice.getByRole('button', { name: 'إخفاء' }).click();
    await expect(notice).toHaveCount(0);

    const after = await daftar.restart();
    await expect.poll(() => highlightSize(after, 'daftar-note-blue')).toBe(1);
    await expect(after.locator('.notice')).toHaveCount(0);
  });
});
