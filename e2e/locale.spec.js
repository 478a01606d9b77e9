// Dates and numbers follow the browser's locale, and so does the first day of the week: the week
// on Today (its chart, table and totals) and the working days under the targets. Exports keep
// ISO dates.
import { test, expect } from './support/guard.js';
import { App } from './pages/app.js';

const cases = [
  {
    locale: 'en-US', dayHeading: /^Logged for today \(\w{3}, \w{3} \d{1,2}\)$/, firstDay: 'Sun',
    firstRow: /^Sunday /, lastRow: /^Saturday /, chartDays: ['Sun', 'Sat'], title: /^\w{3} \d{1,2}/, hours: '37.5', rateTyped: '1,234.5', rateShown: '1,234.50',
  },
  {
    locale: 'de-DE', dayHeading: /^Logged for today \(\w{2}\., \d{1,2}\. \S+\)$/, firstDay: 'Mo',
    firstRow: /^Montag /, lastRow: /^Sonntag /, chartDays: ['Mon', 'Sun'], title: /^Week \d+ · /, hours: '37,5', rateTyped: '1.234,5', rateShown: '1.234,50',
  },
];

for (const c of cases) {
  test.describe(c.locale, () => {
    test.use({ locale: c.locale });

    test(`dates, numbers and the first weekday follow ${c.locale}`, async ({ page }) => {
      const app = new App(page);
      const { today, selfCare } = app;
      const { targets } = selfCare;
      await app.open();
      await today.log('50', 'Direct session');
      await expect(today.dayHeading).toHaveText(c.dayHeading);
      // The week table's rows start with the weekday in the locale's language.
      await today.showNumbers.click();
      await expect(today.weekDays.first()).toHaveText(c.firstRow);
      await expect(today.weekDays.last()).toHaveText(c.lastRow);
      await expect(today.weekHeading).toHaveText('This week');
      await expect(today.weekTableCaption).toHaveText(c.title);
      // The chart's day labels run from the same first day, and today's entry is in this week.
      const labels = await today.weekChart.locator('svg text').allTextContents();
      const days = labels.map((t) => t.trim()).filter((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(t));
      expect([days[0], days.at(-1)]).toEqual(c.chartDays);
      await expect(today.weekTotal).toHaveText('50 min logged');
      await app.show('Self-care');
      await expect(targets.workingDays.first()).toHaveText(c.firstDay);
      await expect(targets.weeklyHours).toHaveValue(c.hours);
      // Saving the targets reads back the locale's decimal sign and grouping, for money too.
      await targets.hourlyRate.fill(c.rateTyped);
      await targets.save.click();
      await expect(selfCare.targetsError).toBeEmpty();
      await expect(selfCare.status).toContainText('Your targets are saved');
      await page.reload();
      await app.show('Self-care');
      await expect(targets.hourlyRate).toHaveValue(c.rateShown);
    });
  });
}
