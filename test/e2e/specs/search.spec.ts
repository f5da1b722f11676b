/**
 * Search end to end, in the real app over the real service and index:
 *  (a) Arabic UI: Ctrl+K, a query typed without hamza finds the article's
 *      الإسرائيلي; results are grouped by document with counts, snippets are
 *      painted with the Custom Highlight API inside one text node; opening a
 *      hit by keyboard paints every match in the document and Enter / F3 /
 *      Shift+F3 step through them with the counter following;
 *  (b) Ctrl+F finds in the open document with the same normalisation (ايلول
 *      without hamza finds أيلول);
 *  (c) English UI, left to right: `/` focuses the field, "Azure" is found,
 *      and a broken query is explained, never thrown.
 * Screenshots go to test/e2e/screenshots/search-*.png (look at them: Arabic
 * must join and punctuation must sit on the right side).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';

/** Texts of the ranges painted under a highlight name (empty when none). */
async function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    return highlight ? [...highlight].map((r) => (r as Range).toString()) : [];
  }, name);
}

/** Hamza seats folded, as the search folds them: enough to compare what was painted with what was typed. */
const bare = (s: string) => s.replace(/[أإآ]/g, 'ا');

/** Parses "3 من 12" / "3 / 12". */
async function counter(page: Page): Promise<[number, number]> {
  const text = (await page.getByTestId('find-counter').textContent()) ?? '';
  const m = /(\d+)\D+(\d+)/.exec(text);
  if (!m) throw new Error(`e2e: the find counter says ${JSON.stringify(text)}`);
  return [Number(m[1]), Number(m[2])];
}

test('Arabic: a query without hamza finds الإسرائيلي, grouped and highlighted; a hit opens with every match and a counter', async ({ page, daftar }) => {
  await daftar.ready();
  const field = page.getByRole('combobox', { name: 'ابحث في الأرشيف' });
  await page.keyboard.press('Control+k');
  await expect(field).toBeFocused();
  await expect(page.getByRole('search', { name: 'ابحث في الأرشيف' })).toBeVisible();

  await field.pressSequentially('الاسرائيلي', { delay: 20 });
  const list = page.getByRole('listbox', { name: 'نتائج البحث' });
  await expect(list.getByRole('option').first()).toBeVisible();
  // Grouped by document, the article first (it says it eleven times), each group with its count.
  const group = list.getByRole('group').first();
  await expect(group).toContainText('هل أوقفت مايكروسوفت');
  await expect(group).toContainText(/النتائج: \d+/);
  // Snippets: painted ranges, each inside one text node, each on the word typed without hamza.
  const snippetWords = await painted(page, 'daftar-search-snippet');
  expect(snippetWords.length).toBeGreaterThan(0);
  for (const word of snippetWords) expect(bare(word)).toContain('اسرائيلي');
  const singleNodes = await list.locator('.search-snippet').evaluateAll((els) => els.every((el) => el.childNodes.length === 1 && el.firstChild?.nodeType === 3));
  expect(singleNodes).toBe(true);
  // The live region heard the count.
  await expect(page.locator('.app > .sr-only[aria-live="polite"]')).toContainText('النتائج:');
  await daftar.shot('search-results-ar');

  // Keyboard: the arrows move the active option, Enter opens it.
  const firstId = await field.getAttribute('aria-activedescendant');
  expect(firstId).toBeTruthy();
  await field.press('ArrowDown');
  await expect(field).not.toHaveAttribute('aria-activedescendant', firstId!);
  await field.press('ArrowUp');
  await expect(field).toHaveAttribute('aria-activedescendant', firstId!);
  await field.press('Enter');

  const findBar = page.getByRole('search', { name: 'ابحث في هذا المستند' });
  await expect(findBar).toBeVisible();
  await expect(page.getByTestId('find-counter')).toHaveText(/^\d+ من \d+$/);
  const [start, total] = await counter(page);
  expect(total).toBeGreaterThanOrEqual(8);
  const all = await painted(page, 'daftar-search');
  expect(all).toHaveLength(total);
  for (const word of all) expect(bare(word)).toContain('اسرائيلي');
  const current = await painted(page, 'daftar-search-current');
  expect(current).toHaveLength(1);
  await daftar.shot('search-find-ar');

  // Enter in the find bar: next; Shift+Enter: back; F3 / Shift+F3 from anywhere.
  const next = (n: number) => (n % total) + 1;
  const previous = (n: number) => ((n - 2 + total) % total) + 1;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-counter')).toHaveText(`${next(start)} من ${total}`);
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('find-counter')).toHaveText(`${start} من ${total}`);
  await page.locator('article.document h1, article.document .doc-heading').first().click();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('find-counter')).toHaveText(`${next(start)} من ${total}`);
  await page.keyboard.press('Shift+F3');
  await page.keyboard.press('Shift+F3');
  await expect(page.getByTestId('find-counter')).toHaveText(`${previous(start)} من ${total}`);
  // The current match is on screen.
  const onScreen = await page.evaluate(() => {
    const h = CSS.highlights.get('daftar-search-current');
    const range = h ? ([...h][0] as Range | undefined) : undefined;
    if (!range) return false;
    const rect = range.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= window.innerHeight && rect.width > 0;
  });
  expect(onScreen).toBe(true);
  await daftar.shot('search-find-ar-stepped');
});

test('Arabic: Ctrl+F finds in the open document with the same normalisation (ايلول finds أيلول)', async ({ page, daftar }) => {
  await daftar.ready();
  await page.locator('article.document').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'ابحث في هذا المستند' });
  await expect(find).toBeFocused();
  await find.fill('ايلول');
  await expect(page.getByTestId('find-counter')).toHaveText(/^1 من \d+$/);
  const words = await painted(page, 'daftar-search');
  expect(words.length).toBeGreaterThan(0);
  for (const word of words) expect(bare(word)).toContain('ايلول');
  await daftar.shot('search-find-ailul');
  await find.press('Escape');
  await expect(page.getByTestId('find-counter')).toHaveCount(0);
  expect(await painted(page, 'daftar-search')).toEqual([]);
});

test.describe('English UI', () => {
  test.use({ uiLocale: 'en' });

  test('"/" focuses search, Azure is found in the Arabic article, and a broken query is explained', async ({ page, daftar }) => {
    await daftar.ready();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.locator('article.document').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const field = page.getByRole('combobox', { name: 'Search the archive' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(''); // the slash was not typed into it
    await field.fill('Azure');
    const list = page.getByRole('listbox', { name: 'Search results' });
    await expect(list.getByRole('option').first()).toBeVisible();
    await expect(list.getByRole('group').first()).toContainText(/\d+ results?/);
    const words = await painted(page, 'daftar-search-snippet');
    expect(words.map((w) => w.toLowerCase())).toContain('azure');
    await daftar.shot('search-results-en');

    // An unclosed phrase: explained with its position, the page keeps working.
    await field.fill('"Azure cloud');
    await expect(page.getByRole('alert').filter({ hasText: /Cannot read the query at character \d+/ })).toBeVisible();
    await daftar.shot('search-problem-en');
    await field.fill('');
    await expect(page.getByTestId('search-popup')).toHaveCount(0);
  });
});
