// Sync between devices through a real WebDAV server (Apache httpd with mod_dav on loopback, on
// another origin, with CORS as a deployment admitting Tend would answer). Each device is its own
// browser context. Set up on one and join on another; both edit (the same case on both, a delete
// on one) and end the same, and one lists the other by the name given there; two offline edits
// of one case, the later winning though the earlier syncs last; the server stopped mid-sync and
// restarted; a wrong passphrase and a wrong password; a file changed on the server; a full
// server; sync with the lock on.
import { test as base, expect } from '@playwright/test';
import { guard } from './support/guard.js';
import { WebDav, WEBDAV_USER, WEBDAV_PASSWORD } from './support/webdav.js';
import { App } from './pages/app.js';

const PASSPHRASE = 'walnut harbour lantern';

const test = base.extend({
  // A fresh server per journey, admitting the app's origin.
  dav: async ({ baseURL }, use) => {
    const dav = new WebDav(new URL(baseURL).origin);
    await dav.start();
    await use(dav);
    await dav.dispose();
  },
  // Opens a device: its own context and page, guarded to its origin and the server's.
  device: async ({ browser, baseURL, dav }, use) => {
    const checks = [];
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const page = await context.newPage();
      checks.push(await guard(page, new URL(baseURL).origin, [dav.origin]));
      const app = new App(page);
      await app.open();
      return app;
    });
    for (const context of contexts) await context.close();
    for (const check of checks) check();
  },
});

// The build must admit the server (scripts/test builds with TEND_SYNC_ORIGINS set to it).
test.beforeAll(async ({ request }) => {
  const policy = (await request.get('/')).headers()['content-security-policy'] ?? '';
  const origin = `http://127.0.0.1:${process.env.TEND_WEBDAV_PORT ?? 4390}`;
  expect(policy, `build with TEND_SYNC_ORIGINS=${origin} so the CSP admits the test server`)
    .toMatch(new RegExp(`connect-src 'self'[^;]* ${origin.replace(/[.]/g, '\\.')}(;| )`));
});

const server = (dav, extra = {}) => ({
  url: dav.url, user: WEBDAV_USER, password: WEBDAV_PASSWORD, passphrase: PASSPHRASE, ...extra,
});

/** What a device shows: today's entries and the open cases, in order. */
async function shown(app) {
  await app.show('Today');
  const entries = (await app.today.entries.allTextContents()).map((t) => t.trim()).sort();
  await app.show('Caseload');
  const cases = (await app.caseload.openCases.allTextContents()).map((t) => t.trim()).sort();
  return { entries, cases };
}

test('set up on one device, join on another, both edit and every section matches', async ({ device, dav }) => {
  test.setTimeout(120_000);
  const laptop = await device();
  await laptop.show('Caseload');
  await laptop.caseload.openCase('C1', 'Moderate (6 points)');
  await laptop.show('Today');
  await laptop.today.log('50', 'Direct session', { caseLabel: 'C1' });
  await laptop.today.log('25', 'Documentation');
  await laptop.show('Your data');
  await laptop.data.sync.setUp(server(dav));
  await expect(laptop.data.sync.status).toContainText('Last synced');
  const files = await dav.files();
  expect(files.length).toBe(1);
  // The server holds ciphertext under a name that says nothing.
  expect(files[0]).toMatch(/^[0-9a-f]+-[0-9a-f]+\.tsync$/);
  // The header is the sync file's clear header and nothing else; the body is only base64.
  const [head, body] = (await dav.read(files[0])).split('\n');
  expect(Object.keys(JSON.parse(head)).sort())
    .toEqual(['clock', 'device', 'format', 'lock', 'seq', 'since', 'version']);
  expect(body).toMatch(/^[A-Za-z0-9+/]+=*$/);

  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));
  await expect(phone.data.sync.cameIn).toContainText('2 entries and 1 case from 1 other device');
  expect(await shown(phone)).toEqual(await shown(laptop));

  // Devices are listed by name: the default from the browser, then the one the clinician gives,
  // which travels sealed (the clear headers never hold it).
  await phone.show('Your data');
  await laptop.show('Your data');
  await expect(phone.data.sync.devices.filter({ hasText: '(this device)' })).toContainText(/Chrome on Linux \(this device\), last synced/);
  await expect(laptop.data.sync.nameField).toHaveValue('Chrome on Linux');
  await laptop.data.sync.nameField.fill('   ');
  await laptop.data.sync.saveNameButton.click();
  await expect(laptop.data.sync.nameMessage).toContainText('Give this device a name');
  await laptop.data.sync.rename('  Laptop <b>&amp;</b> ');
  await expect(laptop.data.sync.nameMessage).toContainText('This device is now called Laptop <b>&amp;</b>.');
  await phone.data.sync.syncNow();
  await expect(phone.data.sync.otherDevice()).toContainText(/^Laptop <b>&amp;<\/b>, last synced /);
  await expect(phone.data.sync.otherDevice().locator('b')).toHaveCount(0);
  for (const name of await dav.files()) {
    const [head] = (await dav.read(name)).split('\n');
    expect(head).not.toContain('Laptop');
  }

  // Both edit: the same case on both, a delete on one, an entry on each.
  await phone.show('Caseload');
  await phone.caseload.button('Edit', 'C1').click();
  await phone.caseload.complexity.selectOption({ label: 'Very high (10 points)' });
  await phone.caseload.saveChanges.click();
  await phone.show('Today');
  await phone.today.deleteButton('25 min documentation').click();
  await phone.today.log('40', 'Supervision');
  await laptop.show('Caseload');
  await laptop.caseload.button('Edit', 'C1').click();
  await laptop.caseload.label.fill('C1-b');
  await laptop.caseload.saveChanges.click();
  await laptop.show('Today');
  await laptop.today.log('15', 'Documentation');

  for (const app of [laptop, phone, laptop, phone]) {
    await app.show('Your data');
    await app.data.sync.syncNow();
    await expect(app.data.sync.problem).toHaveCount(0);
  }
  const seen = await shown(laptop);
  expect(await shown(phone)).toEqual(seen);
  expect(seen.entries.join(' ')).not.toContain('25 min');
  expect(seen.entries).toHaveLength(3);
  expect(seen.cases).toHaveLength(1);
  await laptop.show('Your data');
  await expect(laptop.data.sync.devices).toHaveCount(2);
});

test('the server stopped mid-sync: nothing is lost and the next sync completes', async ({ device, dav }) => {
  test.setTimeout(90_000);
  const laptop = await device();
  await laptop.show('Your data');
  await laptop.data.sync.setUp(server(dav));
  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));

  await dav.stop();
  await laptop.show('Today');
  await laptop.today.log('35', 'Direct session');
  await laptop.show('Your data');
  await laptop.data.sync.syncNow();
  await expect(laptop.data.sync.status).toContainText('Offline: your changes wait here');
  await expect(laptop.data.sync.problem).toHaveCount(0);

  await dav.start();
  await laptop.data.sync.syncNow();
  await expect(laptop.data.sync.status).toContainText('Last synced');
  await phone.data.sync.syncNow();
  await expect(phone.data.sync.cameIn).toContainText('1 entry from 1 other device');
  expect(await shown(phone)).toEqual(await shown(laptop));
});

test('two offline edits of one case: the later edit wins though the earlier one syncs last', async ({ device, dav }) => {
  test.setTimeout(120_000);
  const laptop = await device();
  await laptop.show('Caseload');
  await laptop.caseload.openCase('C1', 'Moderate (6 points)');
  await laptop.show('Your data');
  await laptop.data.sync.setUp(server(dav));
  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));
  await expect(phone.data.sync.cameIn).toContainText('1 case from 1 other device');

  // Both offline. The laptop relabels the case first, then is closed; the phone relabels it later.
  await dav.stop();
  const relabel = async (app, label) => {
    await app.show('Caseload');
    await app.caseload.button('Edit', 'C1').click();
    await app.caseload.label.fill(label);
    await app.caseload.saveChanges.click();
    await expect(app.caseload.openCases.filter({ hasText: label })).toHaveCount(1);
  };
  await relabel(laptop, 'C1-laptop');
  // The time of the edit is kept in storage, so it survives the app being closed.
  const noted = () => laptop.page.evaluate(() => localStorage.getItem('tend.sync.edits'));
  await expect.poll(noted).toContain('"c":');
  await laptop.page.reload();
  await expect(laptop.shell).toHaveCount(0);
  expect(await noted()).toContain('"c":');
  await relabel(phone, 'C1-phone');

  // Back online: the phone syncs first, the laptop (whose edit is older) last.
  await dav.start();
  await phone.show('Your data');
  await phone.data.sync.syncNow();
  await expect(phone.data.sync.problem).toHaveCount(0);
  await laptop.show('Your data');
  await laptop.data.sync.syncNow();
  await expect(laptop.data.sync.problem).toHaveCount(0);
  await expect(laptop.data.sync.cameIn).toContainText('1 case from 1 other device');
  await phone.data.sync.syncNow();
  await expect(phone.data.sync.problem).toHaveCount(0);
  for (const app of [laptop, phone]) {
    expect((await shown(app)).cases.join(' ')).toContain('C1-phone');
    expect((await shown(app)).cases.join(' ')).not.toContain('C1-laptop');
  }
  // What the sync stamped is forgotten.
  await expect.poll(noted).toBeNull();
});

test("another device can be removed, and leaving sync can delete this device's files", async ({ device, dav }) => {
  test.setTimeout(90_000);
  const laptop = await device();
  await laptop.show('Your data');
  await laptop.data.sync.setUp(server(dav));
  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));
  expect(await dav.files()).toHaveLength(2);
  await expect(phone.data.sync.devices).toHaveCount(2);

  await laptop.data.sync.deleteToo.check();
  await laptop.data.sync.leaveButton.click();
  await expect(laptop.data.sync.setUpButton).toBeVisible();
  await expect(laptop.data.status).toContainText('Sync is off on this device');
  expect(await dav.files()).toHaveLength(1);
  expect(await laptop.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tend.sync.'))))
    .toEqual([]);

  await phone.data.sync.otherDevice().getByRole('button', { name: /^Remove device / }).click();
  await expect(phone.data.sync.devices).toHaveCount(1);

  // Setting up again on a folder with data is refused; joining again works.
  await laptop.data.sync.fill(server(dav));
  await laptop.data.sync.setUpButton.click();
  await expect(laptop.data.sync.message).toContainText('use Join');
  await laptop.data.sync.join(server(dav));
  await expect(laptop.data.sync.devices).toHaveCount(2);
  expect(await dav.files()).toHaveLength(2);
});

test('a wrong password, a wrong passphrase and an origin the server refuses are explained', async ({ device, dav, baseURL }) => {
  test.setTimeout(90_000);
  const laptop = await device();
  await laptop.show('Your data');
  const sync = laptop.data.sync;
  await expect(await sync.testConnection(server(dav, { password: 'not-it' }))).toContainText('(401)');
  await expect(await sync.testConnection(server(dav, { url: `${dav.origin}/nowhere/` }))).toContainText('no such folder');
  await expect(await sync.testConnection(server(dav))).toContainText('Connected');
  await sync.setUp(server(dav));

  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.fill(server(dav, { passphrase: 'not the passphrase' }));
  await phone.data.sync.joinButton.click();
  await expect(phone.data.sync.message).toContainText('does not open your synced data');

  // A folder whose answers admit no origin: the page tells CORS from unreachable.
  const closed = await phone.data.sync.testConnection(server(dav, { url: `${dav.origin}/closed/` }));
  await expect(closed).toContainText(`refuses this page's origin (${new URL(baseURL).origin})`);
  await dav.stop();
  const down = await phone.data.sync.testConnection(server(dav));
  await expect(down).toContainText('cannot be reached');
});

test('a file changed on the server is refused and nothing is merged', async ({ device, dav }) => {
  test.setTimeout(90_000);
  const laptop = await device();
  await laptop.show('Today');
  await laptop.today.log('50', 'Direct session');
  await laptop.show('Your data');
  await laptop.data.sync.setUp(server(dav));
  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));

  await laptop.show('Today');
  await laptop.today.log('20', 'Documentation');
  await laptop.show('Your data');
  await laptop.data.sync.syncNow();
  const before = await shown(phone);
  // One byte of every file's sealed body changed (the phone skips its own files; the laptop's
  // are refused, the new one and those merged before, whose ETags change).
  for (const name of await dav.files()) {
    const [head, body] = (await dav.read(name)).split('\n');
    await dav.write(name, `${head}\n${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`);
  }
  await phone.show('Your data');
  await phone.data.sync.syncNow();
  await expect(phone.data.sync.problem).toContainText('damaged or was changed outside Tend');
  expect(await shown(phone)).toEqual(before);
});

test('a full server says so and the changes wait; with the lock on, sync works and its secrets are sealed', async ({ device, dav }) => {
  test.setTimeout(90_000);
  const laptop = await device();
  await laptop.show('Your data');
  await laptop.data.lockWith('a long walk by the river');
  await expect(laptop.data.status).toContainText('The lock is on');
  await laptop.data.sync.setUp(server(dav));
  const stored = await laptop.page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(WEBDAV_PASSWORD);
  expect(stored).toContain('tend.sync.state');

  await laptop.page.reload();
  await laptop.data.unlock('a long walk by the river');
  await laptop.show('Today');
  await laptop.today.log('45', 'Direct session');
  dav.full(true);
  await laptop.show('Your data');
  await laptop.data.sync.syncNow();
  await expect(laptop.data.sync.problem).toContainText('no space left (507)');
  dav.full(false);
  await laptop.data.sync.syncNow();
  await expect(laptop.data.sync.problem).toHaveCount(0);

  const phone = await device();
  await phone.show('Your data');
  await phone.data.sync.join(server(dav));
  await expect(phone.data.sync.cameIn).toContainText('1 entry from 1 other device');
});
