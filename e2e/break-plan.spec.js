// The break plan: breaks planned by keyboard, the coming week listed, and reminders at the planned
// time while Tend is open, as a system notification when the browser allows it and as a notice in
// Tend either way. The page's clock is Playwright's, so the journey waits no real minutes.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';
import { planBreak } from './pages/plan.js';

test.use({ timezoneId: 'UTC', locale: 'en-GB' });

// Replaces the Notification API with a recorder that answers the permission request as told.
async function fakeNotifications(page, answer) {
  await page.addInitScript((answer) => {
    window.__shown = [];
    class Recorder {
      constructor(title, options) { window.__shown.push(`${title}: ${options?.body}`); }
      static requestPermission() {
        Recorder.permission = answer;
        return Promise.resolve(answer);
      }
    }
    Recorder.permission = 'default';
    window.Notification = Recorder;
  }, answer);
}

test('a planned break rings at its time and can be logged from the notice', async ({ page }) => {
  await fakeNotifications(page, 'granted');
  // Monday 23 November 2026, 10:28.
  await page.clock.install({ time: new Date('2026-11-23T10:28:00Z') });
  const today = new Today(page);
  await today.open();
  await today.show('Self-care');
  const card = page.getByTestId('break-plan');
  await expect(card.getByTestId('plan-empty')).toBeVisible();

  await planBreak(page, 'Monday', '10:30', '15');
  await planBreak(page, 'Wednesday', '12:30', '30');
  await planBreak(page, 'Monday', '10:30', '10');
  await expect(page.getByTestId('plan-error')).toHaveText('A break is already planned at that time on that day.');
  await expect(card.getByTestId('plan-week').locator('li')).toHaveText([
    /Mon 23 Nov 10:30, 15 min micro-break/,
    /Wed 25 Nov 12:30, 30 min micro-break/,
  ]);

  await card.getByTestId('reminders-toggle').click();
  await expect(card.getByTestId('reminders-state')).toContainText('a notification and a notice in Tend');

  await page.clock.runFor('03:00');
  const notice = page.getByTestId('reminders');
  await expect(notice).toContainText('Time for your 15 min micro-break (planned for 10:30).');
  expect(await page.evaluate(() => window.__shown)).toEqual([
    'Tend: time for a break: Time for your 15 min micro-break (planned for 10:30).',
  ]);
  await notice.getByRole('button', { name: 'I took it: log it' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('recent-breaks')).toContainText('15 min micro-break, Mon 23 Nov');

  // The plan and the switch are kept on this device.
  await page.reload();
  await today.show('Self-care');
  await expect(card.getByTestId('plan-week').locator('li')).toHaveCount(2);
  await expect(card.getByTestId('reminders-toggle')).toHaveAttribute('aria-pressed', 'true');
  await card.getByRole('button', { name: 'Remove every Wed break at 12:30' }).click();
  await expect(card.getByTestId('plan-week').locator('li')).toHaveCount(1);
});

test('with notifications blocked, reminders still appear inside Tend', async ({ page }) => {
  await fakeNotifications(page, 'denied');
  await page.clock.install({ time: new Date('2026-11-23T10:28:00Z') });
  const today = new Today(page);
  await today.open();
  await today.show('Self-care');
  const card = page.getByTestId('break-plan');
  await card.getByRole('button', { name: 'Suggest a plan from my targets' }).click();
  // Three breaks a working day by default: 11:00, a 13:00 meal break and 15:00, Monday to Friday.
  await expect(card.getByTestId('plan-week').locator('li')).toHaveCount(15);
  await expect(card.getByTestId('plan-week').locator('li').nth(1)).toContainText('Mon 23 Nov 13:00, 30 min meal break');
  await card.getByTestId('reminders-toggle').click();
  await expect(card.getByTestId('reminders-state')).toContainText('blocks notifications');
  await page.clock.runFor('33:00');
  await expect(page.getByTestId('reminders')).toContainText('Time for your 10 min micro-break (planned for 11:00).');
  expect(await page.evaluate(() => window.__shown)).toEqual([]);
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByTestId('reminders')).toHaveCount(0);
});
