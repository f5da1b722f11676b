/**
 * Side by side: an English source imported for one of the article's
 * citations is read beside the Arabic article, each in its own column,
 * direction and face; the panel follows the reader when the source moves
 * there; with nothing captured it says what to do instead.
 */
import { expect, test } from '../fixtures';

const UNIQUE = 'greenhouse';
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Cloud contracts under review</title></head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Cloud contracts under review</h1>
<p>This page was written for a test. It describes a ${UNIQUE} on the edge of a town, where volunteers keep seeds from one year to the next.</p>
<h2>What the review found</h2>
<p>The review says that stored recordings need clear rules, and that a provider should know how its services are used.</p>
<p>It adds that researchers need private archives they can read offline, with notes that never leave their computers.</p>
</article>
</body></html>`;

test('an English source reads beside the Arabic article, and follows the reader', async ({ daftar, page }) => {
  await daftar.ready();
  const articleId = (await page.locator('article.document').getAttribute('data-doc-id'))!;
  const citation = page.locator('article.document a.citation[data-source-id]').first();
  const sourceId = (await citation.getAttribute('data-source-id'))!;
  await citation.click();
  const card = page.locator('.source-card');
  await card.getByTestId('import-input').setInputFiles({ name: 'review.html', mimeType: 'text/html', buffer: Buffer.from(PAGE, 'utf8') });
  await expect(page.getByTestId('capture-done')).toBeVisible({ timeout: 60_000 });

  // Back to the article; its citation's card now offers to read the source beside it.
  await page.locator(`button.library-item[data-entry-id="${articleId}"]`).click();
  await expect(page.locator(`article.document[data-doc-id="${articleId}"]`)).toBeVisible();
  await page.locator(`article.document a.citation[data-source-id="${sourceId}"]`).first().click();
  await page.locator('.source-card').getByTestId('read-beside').click();

  const main = page.locator(`main article.document[data-doc-id="${articleId}"]`);
  const beside = page.locator(`aside [data-beside-doc-id="${sourceId}"]`);
  await expect(beside).toBeVisible();
  await expect(beside).toContainText(UNIQUE);
  await expect(beside).toHaveAttribute('dir', 'ltr');
  await expect(beside).toHaveAttribute('lang', 'en');
  // The card's title heads the column; the page's own headings follow under it, with ids apart from the reader's.
  await expect(beside.locator('h3')).toHaveText(await page.locator(`button.library-item[data-entry-id="${sourceId}"] .library-item-title`).innerText());
  await expect(beside.locator('h4')).toHaveText('Cloud contracts under review');
  await expect(beside.locator('h5', { hasText: 'What the review found' })).toHaveAttribute('id', /^beside-heading-/);
  await expect(beside).not.toContainText('Home');
  await expect(main).toBeVisible();
  await expect(main).toHaveAttribute('dir', 'rtl');

  // Two real columns of reading width, side by side, not one under the other.
  const a = (await main.boundingBox())!;
  const b = (await beside.boundingBox())!;
  expect(a.width).toBeGreaterThan(350);
  expect(b.width).toBeGreaterThan(350);
  expect(Math.abs(a.y - b.y)).toBeLessThan(120);
  expect(b.x + b.width <= a.x || a.x + a.width <= b.x, 'the columns do not overlap').toBe(true);
  // Each column in its own face: Naskh for the Arabic, the Latin reading face for the English.
  const faces = await page.evaluate(
    ({ m, s }) => [getComputedStyle(document.querySelector(m)!.querySelector('.document-body p')!).fontFamily, getComputedStyle(document.querySelector(s)!.querySelector('.beside-body p')!).fontFamily],
    { m: `main article.document[data-doc-id="${articleId}"]`, s: `aside [data-beside-doc-id="${sourceId}"]` },
  );
  expect(faces[0]).toMatch(/^"?Noto Naskh Arabic/);
  expect(faces[1]).toMatch(/^"?Noto Serif/);
  await daftar.shot('beside-ar');

  // "Open in the reader": the source moves to the reader and the article comes beside it.
  await beside.getByRole('button', { name: 'افتحه في القارئ' }).click();
  await expect(page.locator(`main article.document[data-doc-id="${sourceId}"]`)).toBeVisible();
  await expect(page.locator(`aside [data-beside-doc-id="${articleId}"]`)).toContainText('مايكروسوفت');

  // The header toggle closes the panel and opens it again.
  const toggle = page.getByRole('button', { name: /جنبًا إلى جنب/ });
  await toggle.click();
  await expect(page.getByTestId('beside')).toHaveCount(0);
  await toggle.click();
  await expect(page.locator(`aside [data-beside-doc-id="${articleId}"]`)).toBeVisible();

  // With a second text to choose from, the panel offers a list; the choice holds while the panel stays open.
  await page.getByTestId('import-new-source-input').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Field notes\n\nA paragraph about the orchard and the people who keep it.\n', 'utf8') });
  await expect(page.getByTestId('capture-done')).toBeVisible({ timeout: 60_000 });
  await page.locator(`button.library-item[data-entry-id="${articleId}"]`).click();
  const pick = page.getByTestId('beside-pick');
  await expect(pick.locator('option')).toHaveCount(2);
  await expect(page.locator(`aside [data-beside-doc-id="${sourceId}"]`)).toBeVisible();
  await pick.selectOption({ label: 'Field notes' });
  await expect(page.locator('aside .beside-body')).toContainText('orchard');
  await expect(page.locator(`aside [data-beside-doc-id="${sourceId}"]`)).toHaveCount(0);
});

test('with no source captured, the panel says how to get one', async ({ daftar, page }) => {
  await daftar.ready();
  await page.getByRole('button', { name: /جنبًا إلى جنب/ }).click();
  await expect(page.getByTestId('beside-empty')).toContainText('التقط أحد مصادره أو استورده');
});
