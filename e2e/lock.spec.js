// The passphrase lock: on, locked after reload, wrong and right passphrases, a change, and off.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { storedState } from './support/stored.js';

const FIRST = 'a long walk by the river';
const SECOND = 'tea on the back step at dusk';

const storageText = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

test('with the lock on, records are stored sealed and open only with the passphrase', async ({ page }) => {
  const app = new App(page);
  const { today, data } = app;
  const { lock } = data;
  await app.open();
  await today.log('50', 'Direct session');

  await app.show('Your data');
  await data.lockWith('short');
  await expect(data.lockError).not.toBeEmpty();

  // The live chunk and registry keys before the lock goes on: the sealed rewrite must write new
  // keys and leave these alone until its index commits (then they are cleared away).
  const keysOf = async () => (await storedState(page)).keys.filter((k) => !k.startsWith('tend.catalog.'));
  const plainKeys = await keysOf();
  expect(plainKeys.length).toBeGreaterThan(0);
  await data.lockWith(FIRST);
  await expect(data.status).toContainText('The lock is on');
  const sealedKeys = await keysOf();
  expect(sealedKeys.filter((k) => plainKeys.includes(k))).toEqual([]);
  const sealed = await storageText(page);
  // Plain chunks keep their records as "rows" (schema 3); sealed ones hold only "sealed" text.
  // storageText quotes each stored text once more, so its quotes appear escaped.
  expect(sealed).not.toContain('\\"rows\\"');
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('tend.index')));
  expect(index.lock.kdf).toMatchObject({ algorithm: 'argon2id', memory_kib: 19456, iterations: 2, parallelism: 1 });

  await page.reload();
  await expect(data.locked).toBeVisible();
  await data.unlock('a long walk by the sea');
  await expect(data.unlockError).toContainText('does not unlock');
  expect(await storageText(page)).toBe(sealed);

  const started = await data.unlock(FIRST);
  await expect(lock).toBeVisible();
  console.log(`unlock to records shown: ${Date.now() - started} ms`);
  await app.show('Today');
  await expect(today.dayEntries).toContainText('50 min');
  await today.log('25', 'Travel');
  expect(await storageText(page)).not.toContain('\\"rows\\"');
  await app.show('Your data');

  // Change the passphrase: the old one no longer opens, the new one does.
  await data.currentPassphrase.fill(FIRST);
  await data.newPassphrase.fill(SECOND);
  await data.repeatNewPassphrase.fill(SECOND);
  await data.changePassphrase.click();
  await expect(data.status).toContainText('The passphrase is changed');
  await page.reload();
  await data.unlock(FIRST);
  await expect(data.unlockError).toContainText('does not unlock');
  await data.unlock(SECOND);
  await expect(lock).toContainText('On.');

  // Turn it off: everything is stored readable again and no sealed copy is left.
  await data.currentPassphrase.fill(SECOND);
  await data.turnOffLock.click();
  await expect(data.status).toContainText('The lock is off');
  const plain = await storageText(page);
  expect(plain).toContain('\\"rows\\"');
  expect(plain).not.toContain('\\"sealed\\"');
  await page.reload();
  await app.show('Today');
  await expect(today.entries).toHaveCount(2);
});
