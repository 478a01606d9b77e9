// Dates and numbers follow the browser's locale, and so does the first day of the week where the
// app lists weekdays (the working days under the targets). Exports keep ISO dates.
import { test, expect } from './guard.js';
import { Today } from './today.js';

const cases = [
  { locale: 'en-US', dayHeading: /^Logged for today \(\w{3}, \w{3} \d{1,2}\)$/, firstDay: 'Sun', hours: '37.5' },
  { locale: 'de-DE', dayHeading: /^Logged for today \(\w{2}\., \d{1,2}\. \S+\)$/, firstDay: 'Mo', hours: '37,5' },
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
      await expect(firstRow).toHaveText(c.locale === 'de-DE' ? /^Montag / : /^Monday /);
      await today.show('Self-care');
      const days = page.getByTestId('targets-form').locator('fieldset label');
      await expect(days.first()).toHaveText(c.firstDay);
      await expect(page.getByLabel('Sustainable weekly hours')).toHaveValue(c.hours);
      // Saving the targets reads back the locale's decimal sign.
      await page.getByRole('button', { name: 'Save targets' }).click();
      await expect(page.getByTestId('targets-error')).toBeEmpty();
      await expect(page.getByTestId('self-care-status')).toContainText('Your targets are saved');
    });
  });
}
