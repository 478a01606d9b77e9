// A page object for Today: the figures at a glance, the one-tap entries, the Log work form, the day list, the week (chart, table, totals and
// targets), the welcome card and the card of self-checks due.
import { expect } from '../support/guard.js';
import { Targets } from './self-care.js';

export class Today {
  constructor(page) {
    this.page = page;
    this.date = page.getByLabel('Date');
    this.duration = page.getByLabel('Duration');
    this.kind = page.getByLabel('Kind of work');
    this.organisation = page.getByLabel('Organisation');
    this.case = page.getByLabel('Case', { exact: true });
    this.add = page.getByRole('button', { name: 'Add entry' });
    this.status = page.getByTestId('form-status');
    this.durationError = page.getByTestId('duration-error');
    this.sameAsLast = page.getByTestId('same-as-last');

    this.dayHeading = page.locator('.day-list h3');
    this.dayEmpty = page.getByTestId('day-empty');
    this.dayEntries = page.getByTestId('day-entries');
    this.entries = this.dayEntries.locator('li');
    this.deleteButtons = this.dayEntries.getByRole('button', { name: /^Delete/ });
    // A busy day shows its latest entries; the earlier ones fold under this button.
    this.showEarlier = page.locator('.day-list').getByRole('button', { name: /^Show earlier/ });
    this.dayBreaks = page.getByTestId('day-breaks');

    this.previousWeek = page.getByRole('button', { name: 'Previous week' });
    this.weekHeading = page.locator('#week-heading');
    this.weekTotal = page.getByTestId('week-total');
    this.weekTargets = page.getByTestId('week-targets');
    this.weekChart = page.getByTestId('week-chart');
    this.chart = this.weekChart.locator('svg');
    this.weekTable = page.getByTestId('week-table');
    this.weekTableCaption = this.weekTable.locator('caption');
    // The table's rows, each headed by its day.
    this.weekDays = this.weekTable.locator('tbody th');
    this.showNumbers = page.locator('details.numbers summary').first();

    this.glance = page.getByTestId('glance');
    this.glanceItems = this.glance.getByRole('link');
    this.quickLog = page.getByTestId('quick-log');
    this.quickButtons = this.quickLog.getByRole('button');
    this.quickBreak = this.quickLog.getByRole('button', { name: /^Log a .* break$/ });

    this.welcome = page.getByTestId('welcome');
    this.welcomeTargets = page.getByTestId('welcome-targets');
    this.welcomeTargetsSummary = this.welcomeTargets.locator('summary');
    this.targets = new Targets(this.welcome.getByTestId('targets-form'));

    this.due = page.getByTestId('due-card');
    this.dueItems = this.due.getByTestId('due-item');
    this.goToChecks = this.due.getByRole('link', { name: 'Go to self-checks' });
  }

  /** Logs `duration` of `kind`, on `date` and for `organisation` and `caseLabel` when given. */
  async log(duration, kind, { date, organisation, caseLabel } = {}) {
    if (date) await this.date.fill(date);
    if (organisation) await this.organisation.selectOption({ label: organisation });
    if (caseLabel) await this.case.selectOption({ label: caseLabel });
    await this.duration.fill(duration);
    await this.kind.selectOption({ label: kind });
    await this.add.click();
    await expect(this.status).toContainText('Logged');
  }

  /** A one-tap entry's button, by the case or kind its name holds ("C-12", "documentation"). */
  quick(text) {
    return this.quickLog.getByRole('button', { name: new RegExp(`^Log .*${text}`) });
  }

  /** Unfolds the day's earlier entries, if any are folded away. */
  async showAll() {
    if (await this.showEarlier.isVisible()) await this.showEarlier.click();
    await expect(this.showEarlier).toHaveCount(0);
  }

  /** An entry's delete button, by what it deletes ("50 min direct session"). */
  deleteButton(what) {
    return this.page.getByRole('button', { name: `Delete ${what}` });
  }

  /** Bars of one colour in the chart (each kind has its own colour; the legend adds one). */
  bars(fill) {
    return this.chart.locator(`rect[fill="${fill}"]`);
  }
}

export const DIRECT = '#0072B2';
export const DOCUMENTATION = '#E69F00';
export const SUPERVISION = '#CC79A7';
