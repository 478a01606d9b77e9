// #16: no state of storage makes Tend hide or overwrite a clinician's data. With demo data and
// three logged entries (one store plain, one locked), every stored key in turn is garbled, cut in
// half, emptied, changed in one character or deleted, and the app reloaded: it starts with no page
// or console error, every record whose key was not touched is shown, what could not be read is
// named and offered for download, and after one more entry and a reload every text that was in
// storage is still there unless Tend replaced an intact piece with its records kept. A save cut
// off at each of its writes (setItem throwing on the Nth call) is checked the same way.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';
import { text as read } from './support/download.js';

const PASSPHRASE = 'a long walk by the river';
const LOGGED = ['41', '43', '47'];

const MUTATIONS = {
  garbage: () => '\u0000\uFFFD this is not Tend data ☃',
  'cut in half': (text) => text.slice(0, Math.floor(text.length / 2)),
  emptied: () => '',
  'one character': (text) => {
    const at = Math.floor(text.length / 2);
    const c = text[at];
    const next = /[0-8]/.test(c) ? String(Number(c) + 1) : c === '9' ? '0' : c === 'a' ? 'b' : 'a';
    return text.slice(0, at) + next + text.slice(at + 1);
  },
  deleted: () => null,
};

/** Before any page script: puts a planned storage state in place (handed over through
 * sessionStorage across the reload), and lets a journey make the Nth setItem throw. */
async function installFaults(page) {
  await page.addInitScript(() => {
    const planned = sessionStorage.getItem('tend-e2e-state');
    if (planned !== null) {
      sessionStorage.removeItem('tend-e2e-state');
      localStorage.clear();
      for (const [key, text] of Object.entries(JSON.parse(planned))) localStorage.setItem(key, text);
    }
    const setItem = Storage.prototype.setItem;
    let calls = 0;
    Storage.prototype.setItem = function (key, text) {
      if (this === window.localStorage && window.__tendThrowAt && ++calls === window.__tendThrowAt) {
        window.__tendThrew = true;
        throw new DOMException('injected failure', 'InvalidStateError');
      }
      return setItem.call(this, key, text);
    };
  });
}

const storage = (page) => page.evaluate(() => ({ ...localStorage }));

/** Reloads the page on exactly `state`, unlocking when the store is locked. */
async function start(app, state, locked) {
  await app.page.evaluate((s) => sessionStorage.setItem('tend-e2e-state', JSON.stringify(s)), state);
  await app.page.reload();
  await ready(app, locked);
}

async function ready(app, locked) {
  if (locked) await app.data.unlock(PASSPHRASE);
  await expect(app.today.add).toBeEnabled();
}

/** The work entries Tend shows, as its CSV lists them: id -> the row's own fields (id, date,
 * minutes, hours, kind, start; the organisation and case names come from the registry, which a
 * fault may take away while the entries themselves stay). */
async function shown(app) {
  await app.show('Your data');
  const text = await read(await app.data.downloadCsv());
  const rows = text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
  await app.show('Today');
  return new Map(rows.map((row) => [row.split(',')[0], row.split(',').slice(0, 6).join(',')]));
}

/** Demo data and three logged entries (after turning the lock on, when `locked`). */
async function baseline(app, locked) {
  await installFaults(app.page);
  await app.open();
  await app.loadDemo();
  if (locked) {
    await app.show('Your data');
    await app.data.lockWith(PASSPHRASE);
    await expect(app.data.status).toContainText('The lock is on');
    await app.show('Today');
  }
  for (const minutes of LOGGED) await app.today.log(minutes, 'Admin');
  const state = await storage(app.page);
  const entries = await shown(app);
  expect(state['tend.index'], 'a stored index').toBeTruthy();
  return { state, entries };
}

/** The keys the stored state names (current pieces and those its snapshots keep). */
function named(state) {
  const keys = new Set();
  try {
    const head = JSON.parse(state['tend.index']);
    const catalog = JSON.parse(state[head.catalog[0]]);
    for (const ref of [head.catalog, head.recent, head.registry]) if (ref) keys.add(ref[0]);
    for (const ref of Object.values(catalog.chunks ?? {})) keys.add(ref[0]);
    for (const s of catalog.snapshots ?? []) {
      for (const ref of Object.values(s.changed ?? {})) keys.add(ref[0]);
      for (const ref of [s.registry, s.recent]) if (ref) keys.add(ref[0]);
    }
  } catch {
    // An index or catalog that does not read names nothing.
  }
  return keys;
}

/** Which entries live under `key` in the baseline: a current month chunk holds its month's
 * entries except those in the recent chunk (the three just logged). */
function entriesUnder(base, key) {
  const head = JSON.parse(base.state['tend.index']);
  const catalog = JSON.parse(base.state[head.catalog[0]]);
  const recentKey = head.recent?.[0];
  const isLogged = (row) => {
    const [, date, minutes, , kind] = row.split(',');
    return kind === 'Admin' && LOGGED.includes(minutes) && date === base.today;
  };
  const ids = [];
  for (const [id, row] of base.entries) {
    const month = row.split(',')[1].slice(0, 7);
    const inRecent = Boolean(recentKey) && isLogged(row);
    if ((key === recentKey && inRecent) || (catalog.chunks[month]?.[0] === key && !inRecent)) ids.push(id);
  }
  return new Set(ids);
}

/** True for the index and the pieces it names now (what a load reads), not snapshot copies. */
function isCurrentPiece(base, key) {
  const head = JSON.parse(base.state['tend.index']);
  const catalog = JSON.parse(base.state[head.catalog[0]]);
  const current = [head.catalog, head.recent, head.registry, ...Object.values(catalog.chunks ?? {})];
  return key === 'tend.index' || current.some((ref) => ref?.[0] === key);
}

for (const locked of [false, true]) {
  for (const [how, mutate] of Object.entries(MUTATIONS)) {
    test(`every key ${how}, ${locked ? 'locked' : 'plain'}: nothing hidden, nothing lost`, async ({ page }) => {
      test.setTimeout(240_000);
      const app = new App(page);
      const base = await baseline(app, locked);
      base.today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      const keys = Object.keys(base.state).filter((k) => !k.startsWith('tend.quarantine.'));
      let cases = 0;
      for (const key of keys) {
        const label = `${key} ${how}`;
        const faulty = { ...base.state };
        const text = mutate(base.state[key]);
        if (text === null) delete faulty[key];
        else faulty[key] = text;
        await start(app, faulty, locked);

        // Every entry whose key was not touched is shown, and nothing that was never saved.
        const touched = entriesUnder(base, key);
        const before = await shown(app);
        for (const [id, row] of base.entries) {
          if (!touched.has(id)) expect(before.get(id), `${label}: entry ${row} is shown`).toBe(row);
        }
        for (const id of before.keys()) expect(base.entries.has(id), `${label}: ${id} was saved`).toBe(true);

        // What could not be read is named and offered for download.
        const settingsStillRead = key === 'tend.settings' && (() => {
          try { JSON.parse(text); return true; } catch { return false; }
        })();
        if (isCurrentPiece(base, key) || (key === 'tend.settings' && text !== null && !settingsStillRead)) {
          await expect(app.loadBanner.or(app.rebuiltBanner).first(),
            `${label}: named in a banner`).toBeVisible();
          if (text) {
            await app.show('Your data');
            await expect(app.data.keptAsideDownload, `${label}: offered for download`).toBeVisible();
            await app.show('Today');
          }
        }

        // One more entry, a reload, and every text is still in storage, unless it was an intact
        // piece the state named and Tend replaced it with its records kept.
        const kept = await storage(page);
        await app.today.log('53', 'Admin');
        await page.reload();
        await ready(app, locked);
        const after = await shown(app);
        for (const id of before.keys()) expect(after.has(id), `${label}: ${id} still shown`).toBe(true);
        expect(after.size, `${label}: the new entry is shown`).toBe(before.size + 1);
        const present = new Set(Object.values(await storage(page)));
        if (text && !settingsStillRead) {
          expect(present.has(text), `${label}: the damaged text is kept`).toBe(true);
        }
        const replaceable = named(kept);
        for (const [k, v] of Object.entries(kept)) {
          if (v === '' || present.has(v)) continue;
          expect(v !== text && (k === 'tend.index' || k === 'tend.settings' || replaceable.has(k)),
            `${label}: the text under ${k} is gone`).toBe(true);
        }
        cases += 1;
      }
      console.log(`${locked ? 'locked' : 'plain'}, ${how}: ${cases} keys`);
      expect(cases).toBeGreaterThanOrEqual(6);
    });
  }

  test(`a save cut off at each write loses nothing, ${locked ? 'locked' : 'plain'}`, async ({ page }) => {
    test.setTimeout(180_000);
    const app = new App(page);
    const base = await baseline(app, locked);
    let completed = false;
    let cuts = 0;
    for (let n = 1; n <= 10 && !completed; n += 1) {
      await start(app, base.state, locked);
      await page.evaluate((at) => { window.__tendThrowAt = at; }, n);
      // Deleting one of today's entries rewrites its month, the recent chunk and the catalog.
      await app.today.deleteButtons.first().click();
      const threw = await page.evaluate(() => window.__tendThrew === true);
      if (threw) {
        await expect(app.storageBanner, `cut at write ${n}: said`).toBeVisible();
        cuts += 1;
      } else {
        completed = true;
      }
      await page.evaluate(() => { window.__tendThrowAt = 0; });
      await page.reload();
      await ready(app, locked);
      const entries = await shown(app);
      expect(entries.size, `cut at write ${n}`).toBe(base.entries.size - (threw ? 0 : 1));
      if (threw) {
        const now = await storage(page);
        for (const [k, v] of Object.entries(base.state)) {
          if (k !== 'tend.settings') expect(now[k], `cut at write ${n}: ${k} as it was`).toBe(v);
        }
      }
    }
    console.log(`${locked ? 'locked' : 'plain'}: a delete's save cut at each of ${cuts} writes`);
    expect(completed, 'the save finishes once no write fails').toBe(true);
    expect(cuts).toBeGreaterThanOrEqual(2);
  });
}
