// The break plan: breaks planned by keyboard, the coming week listed, and reminders at the planned
// time while Tend is open, as a system notification when the browser allows it and as a notice in
// Tend either way. The page's clock is Playwright's, so the journey waits no real minutes.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

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
  const app = new App(page);
  const { selfCare } = app;
  await app.open();
  await app.show('Self-care');
  await expect(selfCare.planEmpty).toBeVisible();

  await selfCare.planBreak('Monday', '10:30', '15');
  await selfCare.planBreak('Wednesday', '12:30', '30');
  await selfCare.planBreak('Monday', '10:30', '10');
  await expect(selfCare.planError).toHaveText('A break is already planned at that time on that day.');
  await expect(selfCare.planWeek).toHaveText([
    /Mon 23 Nov 10:30, 15 min micro-break/,
    /Wed 25 Nov 12:30, 30 min micro-break/,
  ]);

  await selfCare.remindersToggle.click();
  await expect(selfCare.remindersState).toContainText('a notification and a notice in Tend');

  await page.clock.runFor('03:00');
  const notice = selfCare.reminder;
  await expect(notice).toContainText('Time for your 15 min micro-break (planned for 10:30).');
  expect(await page.evaluate(() => window.__shown)).toEqual([
    'Tend: time for a break: Time for your 15 min micro-break (planned for 10:30).',
  ]);
  await selfCare.tookIt.click();
  await expect(notice).toHaveCount(0);
  // Breaks are listed by day, newest day first: Monday's group holds the 15-minute micro-break.
  const monday = selfCare.recentBreakDays.first();
  await expect(monday).toContainText('Mon 23 Nov');
  await expect(monday.locator('li', { hasText: 'Micro-break' })).toContainText('15 min');

  // The plan and the switch are kept on this device.
  await page.reload();
  await app.show('Self-care');
  await expect(selfCare.planWeek).toHaveCount(2);
  await expect(selfCare.remindersToggle).toHaveAttribute('aria-pressed', 'true');
  await selfCare.removePlanned('Wed', '12:30').click();
  await expect(selfCare.planWeek).toHaveCount(1);
});

test('with notifications blocked, reminders still appear inside Tend', async ({ page }) => {
  await fakeNotifications(page, 'denied');
  await page.clock.install({ time: new Date('2026-11-23T10:28:00Z') });
  const app = new App(page);
  const { selfCare } = app;
  await app.open();
  await app.show('Self-care');
  await selfCare.suggestPlan.click();
  // Three breaks a working day by default: 11:00, a 13:00 meal break and 15:00, Monday to Friday.
  await expect(selfCare.planWeek).toHaveCount(15);
  await expect(selfCare.planWeek.nth(1)).toContainText('Mon 23 Nov 13:00, 30 min meal break');
  await selfCare.remindersToggle.click();
  await expect(selfCare.remindersState).toContainText('blocks notifications');
  await page.clock.runFor('33:00');
  await expect(selfCare.reminder).toContainText('Time for your 10 min micro-break (planned for 11:00).');
  expect(await page.evaluate(() => window.__shown)).toEqual([]);
  await selfCare.notNow.click();
  await expect(selfCare.reminder).toHaveCount(0);
});
