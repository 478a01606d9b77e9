// Removals can be undone: deleting an entry, a break, a case, an organisation or the demo data
// says so in plain words with an Undo button for ten seconds, and Undo brings back exactly what
// was removed, also after a reload.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';
import { loadDemo, openApp } from './pages/sections.js';

const bar = (page) => page.getByTestId('undo-bar');

/** The stored records (of the current state, not snapshots) as one sorted list of lines. */
const records = (page) => page.evaluate(() => {
  const keys = new Set();
  const walk = (value, name) => {
    if (name === 'snapshots') return;
    if (typeof value === 'string' && value.startsWith('tend.')) keys.add(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, name));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  const head = JSON.parse(localStorage.getItem('tend.index'));
  walk(head, 'index');
  // Schema 4 keeps the month list in the catalog the index names.
  if (head?.catalog) walk(JSON.parse(localStorage.getItem(head.catalog[0])), 'catalog');
  const lines = [];
  for (const key of keys) {
    if (key.startsWith('tend.catalog.')) continue;
    const value = JSON.parse(localStorage.getItem(key));
    // A recent chunk holds one compact part per month.
    for (const part of value?.months ?? [value?.payload ?? value]) {
      for (const name of ['entries', 'breaks', 'rows', 'rests', 'checks', 'organisations', 'cases']) {
        for (const r of part?.[name] ?? []) lines.push(`${name} ${JSON.stringify(r)}`);
      }
    }
  }
  return lines.sort();
});

test('deleting an entry by keyboard offers Undo, and Undo puts it back', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await today.log('20', 'Documentation');
  const before = await records(page);
  expect(before.length).toBe(2);
  const del = page.getByRole('button', { name: 'Delete 50 min direct session' });
  await del.focus();
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('Deleted 50 min direct session.');
  // The delete button is gone, so focus moved to Undo rather than being lost.
  const undo = page.getByRole('button', { name: /^Undo/ });
  await expect(undo).toBeFocused();
  await expect(today.dayEntries.locator('li')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(bar(page)).toHaveCount(0);
  await expect(today.dayEntries.locator('li')).toHaveCount(2);
  await expect(today.status).toContainText('Undone');
  await page.reload();
  await expect(today.dayEntries.locator('li')).toHaveCount(2);
  expect(await records(page)).toEqual(before);
});

test('Escape puts the Undo offer away and leaves focus in the content', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await page.getByRole('button', { name: 'Delete 50 min direct session' }).press('Enter');
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(bar(page)).toHaveCount(0);
  await expect(page.locator('main')).toBeFocused();
  await expect(today.dayEntries).toHaveCount(0);
});

test('the Undo offer goes after ten seconds', async ({ page }) => {
  await page.clock.install();
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');
  await page.getByRole('button', { name: 'Delete 50 min direct session' }).click();
  await expect(bar(page)).toBeVisible();
  await page.clock.runFor(9_000);
  await expect(bar(page)).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(bar(page)).toHaveCount(0);
  await expect(today.dayEntries).toHaveCount(0);
});

test('removing the demo data, a break, a case and an organisation can each be undone', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  const withDemo = await records(page);
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await expect(bar(page)).toContainText('The demo data is gone');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await bar(page).getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  expect(await records(page)).toEqual(withDemo);

  await page.goto('/#self-care');
  const breaks = page.getByTestId('recent-breaks').locator('li');
  const count = await breaks.count();
  expect(count).toBeGreaterThan(0);
  await breaks.first().getByRole('button', { name: /^Delete/ }).click();
  await expect(breaks).toHaveCount(count - 1);
  await bar(page).getByRole('button', { name: /^Undo/ }).click();
  await expect(breaks).toHaveCount(count);
  expect(await records(page)).toEqual(withDemo);

  // A case of one's own, closed and removed; an organisation of one's own, removed.
  await page.goto('/#caseload');
  await page.getByLabel('Case label').fill('XY-7');
  await page.getByLabel('Case label').press('Enter');
  await page.getByRole('button', { name: 'Close case XY-7' }).click();
  await page.getByRole('button', { name: 'Remove case XY-7' }).click();
  await expect(bar(page)).toContainText('Removed case XY-7.');
  await expect(page.getByRole('button', { name: 'Reopen case XY-7' })).toHaveCount(0);
  await bar(page).getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('button', { name: 'Reopen case XY-7' })).toBeVisible();

  await page.goto('/#organisations');
  const form = page.getByTestId('org-form');
  await form.getByLabel('Name').fill('Riverside Practice');
  await form.getByLabel('Arrangement').selectOption({ label: 'Pro bono' });
  await form.getByLabel('Name').press('Enter');
  await page.getByRole('button', { name: 'Remove Riverside Practice' }).click();
  await expect(page.getByTestId('org-list')).not.toContainText('Riverside Practice');
  await bar(page).getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByTestId('org-list')).toContainText('Riverside Practice');
});
