// The passphrase lock: on, locked after reload, wrong and right passphrases, a change, and off.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';
import { storedState } from './support/stored.js';

const FIRST = 'a long walk by the river';
const SECOND = 'tea on the back step at dusk';

const storageText = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

async function unlock(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  const started = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  return started;
}

test('with the lock on, records are stored sealed and open only with the passphrase', async ({ page }) => {
  const today = new Today(page);
  await today.open();
  await today.log('50', 'Direct session');

  await today.show('Your data');
  const lock = page.getByTestId('lock-settings');
  await lock.getByLabel('New passphrase', { exact: true }).fill('short');
  await lock.getByLabel('Repeat the passphrase').fill('short');
  await lock.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByTestId('lock-error')).not.toBeEmpty();

  // The live chunk and registry keys before the lock goes on: the sealed rewrite must write new
  // keys and leave these alone until its index commits (then they are cleared away).
  const keysOf = async () => (await storedState(page)).keys.filter((k) => !k.startsWith('tend.catalog.'));
  const plainKeys = await keysOf();
  expect(plainKeys.length).toBeGreaterThan(0);
  await lock.getByLabel('New passphrase', { exact: true }).fill(FIRST);
  await lock.getByLabel('Repeat the passphrase').fill(FIRST);
  await lock.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByTestId('data-status')).toContainText('The lock is on');
  const sealedKeys = await keysOf();
  expect(sealedKeys.filter((k) => plainKeys.includes(k))).toEqual([]);
  const sealed = await storageText(page);
  // Plain chunks keep their records as "rows" (schema 3); sealed ones hold only "sealed" text.
  // storageText quotes each stored text once more, so its quotes appear escaped.
  expect(sealed).not.toContain('\\"rows\\"');
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.index')));
  expect(index.lock.kdf).toMatchObject({ algorithm: 'argon2id', memory_kib: 19456, iterations: 2, parallelism: 1 });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tend is locked' })).toBeVisible();
  await unlock(page, 'a long walk by the sea');
  await expect(page.getByTestId('unlock-error')).toContainText('does not unlock');
  expect(await storageText(page)).toBe(sealed);

  const started = await unlock(page, FIRST);
  await expect(lock).toBeVisible();
  console.log(`unlock to records shown: ${Date.now() - started} ms`);
  await today.show('Today');
  await expect(today.dayEntries).toContainText('50 min');
  await today.log('25', 'Travel');
  expect(await storageText(page)).not.toContain('\\"rows\\"');
  await today.show('Your data');

  // Change the passphrase: the old one no longer opens, the new one does.
  await lock.getByLabel('Current passphrase').fill(FIRST);
  await lock.getByLabel('New passphrase', { exact: true }).fill(SECOND);
  await lock.getByLabel('Repeat the new passphrase').fill(SECOND);
  await lock.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByTestId('data-status')).toContainText('The passphrase is changed');
  await page.reload();
  await unlock(page, FIRST);
  await expect(page.getByTestId('unlock-error')).toContainText('does not unlock');
  await unlock(page, SECOND);
  await expect(lock).toContainText('On.');

  // Turn it off: everything is stored readable again and no sealed copy is left.
  await lock.getByLabel('Current passphrase').fill(SECOND);
  await lock.getByRole('button', { name: /Turn off the lock/ }).click();
  await expect(page.getByTestId('data-status')).toContainText('The lock is off');
  const plain = await storageText(page);
  expect(plain).toContain('\\"rows\\"');
  expect(plain).not.toContain('\\"sealed\\"');
  await page.reload();
  await today.show('Today');
  await expect(today.dayEntries.locator('li')).toHaveCount(2);
});
