// Dates and numbers follow the browser's locale, and so does the first day of the week: the week
// on Today (its chart, table and totals) and the working days under the targets. Exports keep
// ISO dates.
import { test, expect } from './support/guard.js';
import { Today } from './pages/today.js';

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
      const today = new Today(page);
      await today.open();
      await today.log('50', 'Direct session');
      await expect(page.locator('.day-list h3')).toHaveText(c.dayHeading);
      // The week table's rows start with the weekday in the locale's language.
      await page.locator('details.numbers summary').first().click();
      const firstRow = page.getByTestId('week-table').locator('tbody th').first();
      await expect(firstRow).toHaveText(c.firstRow);
      const rows = page.getByTestId('week-table').locator('tbody th');
      await expect(rows.last()).toHaveText(c.lastRow);
      await expect(page.locator('#week-heading')).toHaveText('This week');
      await expect(page.getByTestId('week-table').locator('caption')).toHaveText(c.title);
      // The chart's day labels run from the same first day, and today's entry is in this week.
      const labels = await page.getByTestId('week-chart').locator('svg text').allTextContents();
      const days = labels.map((t) => t.trim()).filter((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(t));
      expect([days[0], days.at(-1)]).toEqual(c.chartDays);
      await expect(page.getByTestId('week-total')).toHaveText('50 min logged');
      await today.show('Self-care');
      const workingDays = page.getByTestId('targets-form').locator('fieldset label');
      await expect(workingDays.first()).toHaveText(c.firstDay);
      await expect(page.getByLabel('Sustainable weekly hours')).toHaveValue(c.hours);
      // Saving the targets reads back the locale's decimal sign and grouping, for money too.
      await page.getByLabel('Usual hourly rate (optional)').fill(c.rateTyped);
      await page.getByRole('button', { name: 'Save targets' }).click();
      await expect(page.getByTestId('targets-error')).toBeEmpty();
      await expect(page.getByTestId('self-care-status')).toContainText('Your targets are saved');
      await page.reload();
      await today.show('Self-care');
      await expect(page.getByLabel('Usual hourly rate (optional)')).toHaveValue(c.rateShown);
    });
  });
}
