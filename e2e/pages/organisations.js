// A page object for the Organisations section: the organisation form, the list, and the month's
// hours and earnings per organisation.
import { expect } from '../support/guard.js';
import { literally } from '../support/pattern.js';

export class Organisations {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('org-form');
    this.name = this.form.getByLabel('Name');
    this.arrangement = this.form.getByLabel('Arrangement');
    this.rate = this.form.getByLabel('Rate (per hour or per session)');
    this.hours = this.form.getByLabel('Weekly hours agreed');
    this.saveChanges = this.form.getByRole('button', { name: 'Save changes' });
    this.error = page.getByTestId('org-error');
    this.status = page.getByTestId('orgs-status');
    this.list = page.getByTestId('org-list');
    this.listItems = this.list.locator('li');
    this.income = page.getByTestId('month-income');
    this.incomeTotal = this.income.locator('tfoot');
    this.proBonoValue = page.getByTestId('pro-bono-value');
    this.monthsChart = page.getByTestId('org-months-chart').locator('svg');
  }

  /** Adds an organisation by the form, submitted with Enter, and waits until it is listed. */
  async add(name, arrangement, rate = '', hours = '') {
    await this.name.fill(name);
    await this.arrangement.selectOption({ label: arrangement });
    await this.rate.fill(rate);
    await this.hours.fill(hours);
    await this.name.press('Enter');
    await expect(this.list).toContainText(name);
  }

  /** The month's row of hours and earnings for an organisation whose name contains `name`. */
  incomeRow(name) {
    return this.income.getByRole('row', { name: literally(name) });
  }

  /** An organisation's own button: `action` is Edit or Remove. */
  button(action, name) {
    return this.page.getByRole('button', { name: `${action} ${name}` });
  }

  /** The form's heading: "Add an organisation", or "Edit <name>" while one is edited. */
  heading(text) {
    return this.page.getByRole('heading', { name: text });
  }
}
