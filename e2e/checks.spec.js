// Self-checks: the weekly pulse by keyboard, ProQOL 5 entered by item number and scored as worked
// out by hand, an imported instrument (and a broken file's list of problems), all still there
// after a reload; the due card on Today follows what was taken.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

const CS = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
const BO_PLAIN = [8, 10, 19, 21, 26];
const BO_REVERSED = [1, 4, 15, 17, 29];
const STS = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28];

// CS 5+5+5+4x7 = 43 (high). BO: plain items 2 each = 10; reversed items answered 4 count
// 6 - 4 = 2, and item 29 answered 5 counts 1: 2x4 + 1 = 9; BO = 19 (low).
// STS 2 + 3x9 = 29 (moderate).
function proqolAnswers() {
  const a = {};
  CS.forEach((item, i) => { a[item] = i < 3 ? 5 : 4; });
  BO_PLAIN.forEach((item) => { a[item] = 2; });
  BO_REVERSED.forEach((item) => { a[item] = item === 29 ? 5 : 4; });
  STS.forEach((item, i) => { a[item] = i === 0 ? 2 : 3; });
  return a;
}

test('pulse, ProQOL 5 and an imported instrument are scored, kept and followed by the due card', async ({ page }) => {
  const app = new App(page);
  const { today, checks } = app;
  await app.open();
  await expect(today.dueItems).toHaveText(['Weekly pulse (not taken yet)', 'ProQOL 5 (not taken yet)']);
  await today.goToChecks.click();
  await expect(checks.heading).toBeVisible();

  // The pulse by keyboard alone: Space picks the first answer of a row, arrows move along it,
  // Tab goes on to the next row. Strain items 2,2,2,2,1,0 = 9 of 24 = 37.5 -> 38 (moderate);
  // satisfaction items 3,3,3,3 = 12 of 16 = 75 (high).
  await expect(checks.instrument('tend-pulse')).toContainText('This is not a validated instrument.');
  await checks.answerPulse([2, 2, 2, 2, 1, 0, 3, 3, 3, 3]);
  await expect(checks.answered('tend-pulse')).toHaveText('10 of 10 answered');
  await checks.save('tend-pulse').click();
  await expect(checks.saved('tend-pulse')).toContainText(
    'Strain 38 of 100 (moderate), Satisfaction and support 75 of 100 (high).');
  await expect(checks.due).toHaveText('Due now: ProQOL 5.');

  await app.show('Today');
  await expect(today.dueItems).toHaveText(['ProQOL 5 (not taken yet)']);
  await app.show('Self-checks');

  // ProQOL 5: credit and a link to the official form; 30 answers by item number.
  const card = checks.instrument('proqol-5');
  await expect(card).toContainText('Center for Victims of Torture');
  await expect(card.getByRole('link', { name: /official form/ })).toHaveAttribute('href', 'https://proqol.org');
  const answers = proqolAnswers();
  for (let item = 1; item <= 30; item += 1) {
    if (item === 7) continue;
    await checks.item('proqol-5', item).fill(String(item === 12 ? 9 : answers[item]));
  }
  await checks.save('proqol-5').click();
  await expect(checks.problems('proqol-5')).toHaveText([
    'Item 7 still needs an answer.',
    'Item 12: \u201c9\u201d is not an answer; answers go from 1 to 5.',
  ]);
  await checks.item('proqol-5', 7).fill(String(answers[7]));
  await checks.item('proqol-5', 12).fill(String(answers[12]));
  await checks.save('proqol-5').click();
  await expect(checks.saved('proqol-5')).toContainText(
    'Compassion satisfaction 43 of 50 (high), Burnout 19 of 50 (low), Secondary traumatic stress 29 of 50 (moderate).');
  await expect(checks.due).toHaveText('Nothing is due right now.');

  // A broken definition is refused with each problem named; a good one appears as a form.
  await checks.importFile.setInputFiles('e2e/fixtures/instrument-broken.json');
  const problems = checks.importProblems;
  await expect(problems).toContainText('lists item 5, but items are numbered 1 to 4');
  await expect(problems).toContainText('scores from 3 up to 6 have no band');
  await expect(problems).toContainText('Reverse-scored item 4 is in no subscale');
  await checks.importFile.setInputFiles('e2e/fixtures/instrument-team-check.json');
  await expect(problems).toHaveCount(0);
  await expect(checks.status).toContainText('Imported Team wellbeing check (example).');
  // Workload: 4, 4 and item 3 reversed (6 - 2 = 4): mean 4 (heavy). Support: 2, 3, 3: 2.67 (low).
  for (const [item, answer] of [[1, 4], [2, 4], [3, 2], [4, 2], [5, 3], [6, 3]]) {
    await checks.choice('team-check', item, answer).check();
  }
  await checks.save('team-check').click();
  await expect(checks.saved('team-check')).toContainText('Workload 4 of 5 (heavy), Team support 2.67 of 5 (low).');

  const check = async () => {
    await expect(checks.results).toHaveCount(3);
    await expect(checks.history).toContainText('Burnout 19 of 50 (low)');
    await expect(checks.history).toContainText('Strain 38 of 100 (moderate)');
    await expect(checks.instrument('team-check')).toBeVisible();
  };
  await check();
  await page.reload();
  await check();
  await page.screenshot({ path: 'docs/screenshots/checks.png', fullPage: true });

  await app.show('Today');
  await expect(today.welcome).toHaveCount(0);
  await expect(today.due).toHaveCount(0);
});

test('an instrument with results stays until they are deleted', async ({ page }) => {
  const app = new App(page);
  const { checks } = app;
  await app.open();
  await app.show('Self-checks');
  await checks.importFile.setInputFiles('e2e/fixtures/instrument-team-check.json');
  for (let item = 1; item <= 6; item += 1) await checks.choice('team-check', item, 3).check();
  await checks.save('team-check').click();
  await expect(checks.results).toHaveCount(1);
  const remove = checks.removeInstrument('Team wellbeing check (example)');
  await remove.click();
  await expect(checks.status).toContainText('has 1 saved result; delete it first');
  await checks.deleteResult('Team wellbeing check').click();
  await expect(checks.results).toHaveCount(0);
  await remove.click();
  await expect(checks.instrument('team-check')).toHaveCount(0);
  await page.reload();
  await expect(checks.instrument('team-check')).toHaveCount(0);
});

test('the demo sample has weekly pulses and two ProQOL 5 results, removed with it', async ({ page }) => {
  const app = new App(page);
  const { checks } = app;
  await app.open();
  await app.loadDemo();
  await app.show('Self-checks');
  await expect(checks.results).toHaveCount(6);
  await app.show('Today');
  await app.removeDemo.click();
  await app.show('Self-checks');
  await expect(checks.results).toHaveCount(0);
});
