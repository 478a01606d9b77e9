// A page object for the Log work form, the day list and the week chart.
import { expect } from '../support/guard.js';

export class Today {
  constructor(page) {
    this.page = page;
    this.duration = page.getByLabel('Duration');
    this.kind = page.getByLabel('Kind of work');
    this.add = page.getByRole('button', { name: 'Add entry' });
    this.status = page.getByTestId('form-status');
    this.dayEntries = page.getByTestId('day-entries');
    this.weekTotal = page.getByTestId('week-total');
    this.chart = page.getByTestId('week-chart').locator('svg');
  }

  async open() {
    await this.page.goto('/');
    await expect(this.add).toBeEnabled();
  }

  /** Opens a section by its link in the navigation. */
  async show(section) {
    const link = this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section });
    await link.click();
    // The link is marked current in the same render that shows its section, so nothing of the
    // previous section is left when the caller looks.
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  async log(duration, kind) {
    await this.duration.fill(duration);
    await this.kind.selectOption({ label: kind });
    await this.add.click();
    await expect(this.status).toContainText('Logged');
  }

  /** Bars of one colour in the chart (each kind has its own colour; the legend adds one). */
  bars(fill) {
    return this.chart.locator(`rect[fill="${fill}"]`);
  }
}

export const DIRECT = '#0072B2';
export const DOCUMENTATION = '#E69F00';
