/**
 * Foundation specs: the bundled article in the reader, as a user meets it.
 * Each test runs on a fresh data folder (fixtures.ts) and saves screenshots
 * under test/e2e/screenshots/ (look at them: they are the typography check).
 */
import { test, expect, originOf } from '../fixtures';

const GUARDIAN_CITATION = 'وفق ما جاء في تقرير "الغارديان"';
const GUARDIAN_ID = 'guardian-2025-09-25-microsoft-blocks';
const HEADINGS = ['تفاصيل إضافية خفية', 'علاقة تجارية مستمرة'];

test('the article opens right to left, with its title note, in the bundled Arabic face', async ({ page, daftar }) => {
  await daftar.ready();
  const article = page.locator('article.document');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');
  expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const paragraph = article.locator('p[data-block-index]').first();
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('هل أوقفت مايكروسوفت');
  // The title is a guess from the slug: its confidence note sits with it.
  await expect(page.locator('.title-note')).toContainText('the ending is a guess');
  // The X post is a quote card with its author, handle and media link as text.
  const embed = article.locator('.embed-card');
  await expect(embed).toContainText('No Azure for Apartheid');
  await expect(embed.locator('.embed-handle')).toHaveText('@NoAz4Apartheid');
  await expect(embed.locator('.embed-media')).toContainText('pic.twitter.com/ZfEpPvaxtE');
  await expect(embed.locator('img')).toHaveCount(0);
  // The UI around it is Arabic and right to left too (the default locale here is ar).
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expect(page.getByRole('navigation', { name: 'المكتبة والمحتويات' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await daftar.shot('reader-ar');
  await embed.scrollIntoViewIfNeeded();
  await daftar.shot('reader-ar-embed');
});

test('the fonts are the bundled ones, loaded from the app itself', async ({ page, daftar }) => {
  await daftar.ready();
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces: { family: string; status: string }[] = [];
    document.fonts.forEach((f) => faces.push({ family: f.family.replace(/["']/g, ''), status: f.status }));
    return { faces, naskh: document.fonts.check('20px "Noto Naskh Arabic"', 'مايكروسوفت') };
  });
  expect(fonts.naskh).toBe(true);
  expect(fonts.faces.some((f) => f.family === 'Noto Naskh Arabic' && f.status === 'loaded')).toBe(true);
  expect(fonts.faces.some((f) => f.family === 'Noto Sans Arabic' && f.status === 'loaded')).toBe(true);
  const family = await page.locator('article.document p[data-block-index]').first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family.startsWith('"Noto Naskh Arabic"')).toBe(true);
  const fontRequests = daftar.requests.filter((url) => /\.woff2?($|\?)/.test(url));
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(originOf(url), url).toBe(daftar.origin);
});

test('the headings appear in the table of contents, and an entry moves to its heading', async ({ page, daftar }) => {
  await daftar.ready();
  const toc = page.getByRole('list', { name: 'المحتويات' });
  for (const heading of HEADINGS) await expect(toc.getByRole('link', { name: heading })).toBeVisible();
  const fromDoc = await page.locator('article.document .doc-heading').allInnerTexts();
  const fromToc = await toc.getByRole('link').allInnerTexts();
  expect(fromToc.map((s) => s.trim())).toEqual(fromDoc.map((s) => s.trim()));
  // Keyboard: focus the entry, Enter, and the heading has focus and is on screen.
  await toc.getByRole('link', { name: HEADINGS[1]! }).focus();
  await page.keyboard.press('Enter');
  const target = page.getByRole('heading', { name: HEADINGS[1]! });
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
});

test('a citation opens the right source card, with facts, address as text and the citing sentences', async ({ page, daftar }) => {
  await daftar.ready();
  const citation = page.locator('a.citation', { hasText: GUARDIAN_CITATION }).first();
  await expect(citation).toHaveAttribute('data-source-id', GUARDIAN_ID);
  // By keyboard: citations are links in the tab order.
  await citation.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'المصدر' });
  await expect(panel).toBeVisible();
  const card = panel.locator('.source-card');
  await expect(card).toHaveAttribute('data-source-id', GUARDIAN_ID);
  await expect(card.locator('.source-title')).toHaveText("Microsoft blocks Israel's use of its technology in mass surveillance of Palestinians");
  await expect(card).toContainText('The Guardian');
  await expect(card).toContainText('25 سبتمبر 2025');
  await expect(card.locator('.url-text').first()).toHaveText(/^https:\/\/www\.theguardian\.com\/world\/2025\/sep\/25\//);
  await expect(card.locator('.badge')).toHaveText('غير محفوظ');
  await expect(card.locator('.confidence')).toContainText('seen in several public listings');
  await expect(card.getByRole('button', { name: GUARDIAN_CITATION })).toBeVisible();
  await expect(card.locator('.citing-sentence')).toHaveCount(4);
  await daftar.shot('source-card-ar');

  // Opening the address asks first; cancelling leaves everything as it was.
  await card.getByRole('button', { name: 'افتح في المتصفح' }).click();
  const dialog = page.getByRole('dialog', { name: 'مغادرة دفتر؟' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('theguardian.com');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(dialog).toBeHidden();

  // A citing sentence leads back to its place in the article.
  await card.getByRole('button', { name: 'ويشير تقرير الغارديان إلى أن مسؤولي الشركة تحدثوا مع الجيش الإسرائيلي' }).click();
  await expect(page.locator('a.citation', { hasText: 'ويشير تقرير الغارديان إلى أن مسؤولي الشركة' })).toBeInViewport();
  // …and flashes exactly that sentence with a CSS Custom Highlight (no element added around the text).
  const flashed = await page.evaluate(() => {
    const highlight = CSS.highlights.get('daftar-flash');
    return highlight ? [...highlight].map((r) => r.toString()) : null;
  });
  expect(flashed).toEqual(['ويشير تقرير الغارديان إلى أن مسؤولي الشركة تحدثوا مع الجيش الإسرائيلي']);
});

test('every source of the library has its card and status', async ({ page, daftar }) => {
  await daftar.ready();
  const nav = page.getByRole('navigation', { name: 'المكتبة والمحتويات' });
  const sources = nav.getByRole('list', { name: /المصادر/ }).getByRole('button');
  await expect(sources).toHaveCount(7);
  // Arrow keys walk the list; Enter opens the card.
  await sources.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const card = page.locator('.source-card');
  await expect(card).toHaveAttribute('data-source-id', 'microsoft-2025-09-25-brad-smith');
  await expect(card).toContainText('Brad Smith');
  await sources.filter({ hasText: 'UN pressure' }).click();
  await expect(card.locator('.badge')).toHaveText('غير محدَّد');
  await sources.filter({ hasText: 'No Azure for Apartheid (campaign' }).click();
  await expect(card).toContainText('لا رابط معروفًا');
  await expect(card.getByRole('button', { name: 'افتح في المتصفح' })).toHaveCount(0);
  // Escape closes the panel and gives the keyboard back to the article.
  await page.getByRole('complementary', { name: 'المصدر' }).getByRole('heading', { name: 'المصدر' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'المصدر' })).toBeHidden();
  await expect(page.getByRole('main')).toBeFocused();
});

test('font size and theme survive a reload and a restart', async ({ page, daftar }) => {
  await daftar.ready();
  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  const panel = page.getByRole('complementary', { name: 'إعدادات القراءة' });
  await panel.getByRole('button', { name: 'حجم الخط: أكبر' }).click();
  await panel.getByRole('button', { name: 'حجم الخط: أكبر' }).click();
  await panel.getByRole('radio', { name: 'داكن' }).check();
  const fontSize = () => page.locator('article.document').evaluate((el) => getComputedStyle(el).fontSize);
  await expect.poll(fontSize).toBe('22px');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await daftar.shot('settings-dark');

  await page.reload();
  await daftar.ready();
  await expect.poll(fontSize).toBe('22px');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 27)');

  const again = await daftar.restart();
  await expect.poll(() => again.locator('article.document').evaluate((el) => getComputedStyle(el).fontSize)).toBe('22px');
  await expect(again.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the reader corrects a guessed title; it stays after a restart and the archive\'s title can come back', async ({ page, daftar }) => {
  await daftar.ready();
  const original = 'هل أوقفت مايكروسوفت حقا تعاونها مع الجيش الإسرائيلي؟';
  const corrected = 'هل أوقفت مايكروسوفت حقًا تعاونها مع الجيش الإسرائيلي؟ (Unit 8200)';
  await page.getByRole('button', { name: 'تعديل العنوان' }).click();
  const field = page.getByRole('textbox', { name: 'عنوانك لهذه الوثيقة' });
  await expect(field).toHaveValue(original);
  await field.fill(corrected);
  await page.getByRole('button', { name: 'حفظ العنوان' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(corrected);
  await expect(page.locator('.title-original')).toContainText(original);
  await expect(page.locator('.library-item-title').first()).toHaveText(corrected);
  await daftar.shot('reader-title-edited');

  const again = await daftar.restart();
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(corrected);
  await again.getByRole('button', { name: 'العودة إلى عنوان الأرشيف' }).click();
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(original);
  await expect(again.locator('.title-original')).toHaveCount(0);
});

test('switching the UI to English makes the UI left to right while the article stays right to left', async ({ page, daftar }) => {
  await daftar.ready();
  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('navigation', { name: 'Library and contents' })).toBeVisible();
  await expect(page.locator('article.document')).toHaveAttribute('dir', 'rtl');
  await page.reload();
  await daftar.ready();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('with an English system locale', () => {
  test.use({ uiLocale: 'en-US' });

  test('the UI is English and LTR by default, the article RTL, citations still open their card', async ({ page, daftar }) => {
    await daftar.ready();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await expect(page.getByRole('navigation', { name: 'Library and contents' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skip to the article' })).toBeAttached();
    const article = page.locator('article.document');
    expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await page.locator('a.citation', { hasText: GUARDIAN_CITATION }).first().click();
    const panel = page.getByRole('complementary', { name: 'Source' });
    await expect(panel.locator('.badge')).toHaveText('not captured');
    await expect(panel).toContainText('25 September 2025');
    await daftar.shot('reader-en');
  });
});

test('the skip link and visible focus: the keyboard reaches the article first', async ({ page, daftar }) => {
  await daftar.ready();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'انتقل إلى المقال' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab stays in the article: the title's own action, then the first citation, each with a visible outline.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveText('تعديل العنوان');
  expect(await focused.evaluate((el) => el.closest('article.document') !== null)).toBe(true);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(focused).toHaveClass(/citation/);
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
});

test('a page load makes no request outside the app', async ({ page, daftar }) => {
  await daftar.ready();
  await page.locator('a.citation').first().click();
  await page.getByRole('button', { name: 'إعدادات القراءة' }).click();
  await page.reload();
  await daftar.ready();
  expect(daftar.requests.length).toBeGreaterThan(3);
  const outside = daftar.requests.filter((url) => !url.startsWith('data:') && originOf(url) !== daftar.origin);
  expect(outside).toEqual([]);
});
