// Removals can be undone: deleting an entry, a break, a case, an organisation or the demo data
// says so in plain words with an Undo button for ten seconds, and Undo brings back exactly what
// was removed, also after a reload.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

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
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await today.log('20', 'Documentation');
  const before = await records(page);
  expect(before.length).toBe(2);
  await today.deleteButton('50 min direct session').focus();
  await page.keyboard.press('Enter');
  await expect(app.undoBar).toContainText('Deleted 50 min direct session.');
  // The delete button is gone, so focus moved to Undo rather than being lost.
  await expect(app.undo).toBeFocused();
  await expect(today.entries).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(app.undoBar).toHaveCount(0);
  await expect(today.entries).toHaveCount(2);
  await expect(today.status).toContainText('Undone');
  await page.reload();
  await expect(today.entries).toHaveCount(2);
  expect(await records(page)).toEqual(before);
});

test('Escape puts the Undo offer away and leaves focus in the content', async ({ page }) => {
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await today.deleteButton('50 min direct session').press('Enter');
  await expect(app.undo).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(app.undoBar).toHaveCount(0);
  await expect(app.main).toBeFocused();
  await expect(today.dayEntries).toHaveCount(0);
});

test('the Undo offer goes after ten seconds', async ({ page }) => {
  await page.clock.install();
  const app = new App(page);
  const { today } = app;
  await app.open();
  await today.log('50', 'Direct session');
  await today.deleteButton('50 min direct session').click();
  await expect(app.undoBar).toBeVisible();
  await page.clock.runFor(9_000);
  await expect(app.undoBar).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(app.undoBar).toHaveCount(0);
  await expect(today.dayEntries).toHaveCount(0);
});

test('removing the demo data, a break, a case and an organisation can each be undone', async ({ page }) => {
  const app = new App(page);
  const { selfCare, caseload, organisations } = app;
  await app.open();
  await app.loadDemo();
  const withDemo = await records(page);
  await app.removeDemo.click();
  await expect(app.undoBar).toContainText('The demo data is gone');
  await expect(app.demoBanner).toHaveCount(0);
  await app.undo.click();
  await expect(app.demoBanner).toBeVisible();
  expect(await records(page)).toEqual(withDemo);

  await page.goto('/#self-care');
  const breaks = selfCare.recentBreaks;
  // The section's part arrives a moment after the address names it.
  await expect(breaks.first()).toBeVisible();
  const count = await breaks.count();
  expect(count).toBeGreaterThan(0);
  await selfCare.deleteBreak().click();
  await expect(breaks).toHaveCount(count - 1);
  await app.undo.click();
  await expect(breaks).toHaveCount(count);
  expect(await records(page)).toEqual(withDemo);

  // A case of one's own, closed and removed; an organisation of one's own, removed.
  await page.goto('/#caseload');
  await caseload.openCase('XY-7');
  await caseload.button('Close', 'XY-7').click();
  await caseload.button('Remove', 'XY-7').click();
  await expect(app.undoBar).toContainText('Removed case XY-7.');
  await expect(caseload.button('Reopen', 'XY-7')).toHaveCount(0);
  await app.undo.click();
  await expect(caseload.button('Reopen', 'XY-7')).toBeVisible();

  await page.goto('/#organisations');
  await organisations.add('Riverside Practice', 'Pro bono');
  await organisations.button('Remove', 'Riverside Practice').click();
  await expect(organisations.list).not.toContainText('Riverside Practice');
  await app.undo.click();
  await expect(organisations.list).toContainText('Riverside Practice');
});
