// A clinician's week by keyboard alone: two organisations, five cases, five working days of
// sessions, notes and breaks, then every section's numbers checked against what was typed, before
// and after a reload. The journey never clicks: it moves with Tab, picks options by typing their
// first letters, toggles with Space and submits with Enter. It prints how long one full day's
// logging took.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

test.use({ timezoneId: 'UTC', locale: 'en-US' });

/** Presses Tab until the focused element is the one `name` describes (its id, or its label's text). */
async function tabTo(page, name, reverse = false) {
  for (let i = 0; i < 60; i += 1) {
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return [el?.id, el?.closest('label')?.textContent.trim(), el?.textContent.trim()];
    });
    if (here.includes(name)) return;
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Opens a section from the navigation by keyboard. */
async function section(page, name) {
  await page.keyboard.press('Home');
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, name);
  await page.keyboard.press('Enter');
}

/** Types `text` into the focused field, replacing what was there. */
async function type(page, text) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

/** Sets the focused checkbox to `on` by Space if needed. */
async function check(page, on) {
  if ((await page.evaluate(() => document.activeElement.checked)) !== on) {
    await page.keyboard.press('Space');
  }
}

async function addOrganisation(app, name, arrangement, rate, hours) {
  const { page } = app;
  await tabTo(page, 'org-name');
  await type(page, name);
  await tabTo(page, 'org-arrangement');
  await page.keyboard.type(arrangement);
  await tabTo(page, 'org-rate');
  await type(page, rate);
  await tabTo(page, 'org-hours');
  await type(page, hours);
  await tabTo(page, 'org-start');
  await page.keyboard.type('01012026');
  await tabTo(page, 'Add organisation');
  await page.keyboard.press('Enter');
  await expect(app.organisations.list).toContainText(name);
}

async function addCase(app, label, org, complexity, trauma) {
  const { page } = app;
  await tabTo(page, 'case-label');
  await type(page, label);
  await tabTo(page, 'case-org');
  await page.keyboard.type(org);
  await tabTo(page, 'case-complexity');
  await page.keyboard.type(complexity);
  await tabTo(page, 'case-opened');
  await page.keyboard.type('11022026');
  await tabTo(page, 'Trauma-focused');
  await check(page, trauma);
  await tabTo(page, 'Add case');
  await page.keyboard.press('Enter');
  await expect(app.caseload.openList).toContainText(label);
}

/** Logs one work entry from the Duration field on; focus returns there after each entry. */
async function logWork(app, { minutes, kind, org, caseLabel, trauma }) {
  const { page } = app;
  await tabTo(page, 'entry-duration');
  await type(page, minutes);
  await tabTo(page, 'entry-kind');
  await page.keyboard.type(kind);
  await tabTo(page, 'entry-org');
  await page.keyboard.type(org);
  await tabTo(page, 'entry-case');
  await page.keyboard.type(caseLabel);
  await tabTo(page, 'Trauma content');
  await check(page, trauma);
  await tabTo(page, 'Add entry');
  await page.keyboard.press('Enter');
  await expect(app.today.status).toContainText('Logged');
}

async function logBreak(app, kind, date, minutes) {
  const { page } = app;
  await tabTo(page, 'break-kind');
  await page.keyboard.type(kind);
  await tabTo(page, 'break-date');
  await page.keyboard.type(date);
  await tabTo(page, 'break-duration');
  await type(page, minutes);
  await page.keyboard.press('Enter');
  await expect(app.selfCare.status).toContainText('Logged');
}

// Monday 16 to Friday 20 November 2026.
const DAYS = ['11162026', '11172026', '11182026', '11192026', '11202026'];
const ENTRIES = [
  { minutes: '50', kind: 'Di', org: 'Ha', caseLabel: 'HC-01', trauma: false },
  { minutes: '50', kind: 'Di', org: 'Ha', caseLabel: 'HC-02', trauma: false },
  { minutes: '50', kind: 'Di', org: 'Ha', caseLabel: 'HC-03', trauma: false },
  { minutes: '30', kind: 'Doc', org: 'Ha', caseLabel: 'N', trauma: false },
  { minutes: '1h', kind: 'Di', org: 'Fr', caseLabel: 'FH-01', trauma: true },
];

async function checkEveryView(app) {
  const { page, today, caseload, organisations, selfCare } = app;
  await section(page, 'Today');
  await expect(today.weekTotal).toHaveText('20 h logged');
  await expect(today.chart).toHaveAttribute('aria-label', /20 h/);

  await section(page, 'Caseload');
  // 6 + 8 + 4 + 6 + 10 points of the default 100.
  await expect(caseload.now).toContainText('5 cases held today: 34 of your 100 points (34%). Within capacity.');

  await section(page, 'Organisations');
  // Harbour: 15 sessions of 50 min and 5 notes of 30 min, 15 h at 90.00 an hour.
  await expect(organisations.incomeRow('Harbour Clinic')).toContainText('15 h');
  await expect(organisations.incomeRow('Harbour Clinic')).toContainText('1,350.00');
  await expect(organisations.incomeRow('Free Helpline')).toContainText('5 h');
  await expect(organisations.incomeTotal).toContainText('20 h');
  await expect(organisations.monthsChart).toHaveAttribute('aria-label', /20 h in 2026-11, most of it for Harbour Clinic \(15 h\)/);

  await section(page, 'Self-care');
  await expect(selfCare.breaksSummary).toContainText('2 breaks per working day on average, against your target of 3; the target was met on 0 of 5 working days.');
  await expect(selfCare.breaksChart).toHaveAttribute('aria-label', /2\.0 in the week of 16 Nov/);
}

test('a week logged by keyboard alone adds up in every section', async ({ page }) => {
  test.setTimeout(180_000);
  // Friday 20 November 2026, evening.
  await page.clock.install({ time: new Date('2026-11-20T18:00:00Z') });
  const app = new App(page);
  await app.open();

  await section(page, 'Organisations');
  await addOrganisation(app, 'Harbour Clinic', 'Ho', '90', '20');
  await addOrganisation(app, 'Free Helpline', 'Pr', '', '');

  await section(page, 'Caseload');
  await addCase(app, 'HC-01', 'Ha', 'M', false);
  await addCase(app, 'HC-02', 'Ha', 'Hi', false);
  await addCase(app, 'HC-03', 'Ha', 'L', false);
  await addCase(app, 'HC-04', 'Ha', 'M', false);
  await addCase(app, 'FH-01', 'Fr', 'V', true);

  const dayTimes = [];
  for (const day of DAYS) {
    const started = Date.now();
    await section(page, 'Today');
    await tabTo(page, 'entry-date');
    await page.keyboard.type(day);
    for (const entry of ENTRIES) await logWork(app, entry);
    await section(page, 'Self-care');
    await logBreak(app, 'Mi', day, '10');
    await logBreak(app, 'Me', day, '30');
    dayTimes.push(Date.now() - started);
  }
  const sorted = [...dayTimes].sort((a, b) => a - b);
  console.log(`A full day's logging (5 entries, 2 breaks, by keyboard): median ${sorted[2]} ms, range ${sorted[0]}-${sorted[4]} ms`);

  await checkEveryView(app);
  await page.reload();
  await expect(app.selfCare.breakForm).toBeVisible();
  await checkEveryView(app);
});
