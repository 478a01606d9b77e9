// A page object for the Caseload section: the case form, the open and closed cases, the weighted
// caseload now and its chart.

export class Caseload {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('case-form');
    this.label = this.form.getByLabel('Case label');
    this.complexity = this.form.getByLabel('Complexity');
    this.organisation = this.form.getByLabel('Organisation');
    this.opened = this.form.getByLabel('Opened');
    this.trauma = this.form.getByLabel('Trauma-focused');
    this.saveChanges = this.form.getByRole('button', { name: 'Save changes' });
    this.error = page.getByTestId('case-error');
    this.status = page.getByTestId('caseload-status');
    this.now = page.getByTestId('caseload-now');
    this.openList = page.getByTestId('open-cases');
    this.openCases = this.openList.locator('li');
    this.closedCases = page.getByTestId('closed-cases');
    this.chart = page.getByTestId('caseload-chart').locator('svg');
  }

  /**
   * Opens a case by the form, submitted with Enter; the complexity and organisation stay as they
   * are unless given.
   */
  async openCase(label, complexity, trauma = false, organisation = undefined) {
    await this.label.fill(label);
    if (organisation) await this.organisation.selectOption({ label: organisation });
    if (complexity) await this.complexity.selectOption({ label: complexity });
    if (trauma) await this.trauma.check();
    await this.label.press('Enter');
  }

  /** A case's own button: `action` is Edit, Close, Reopen or Remove. */
  button(action, label) {
    return this.page.getByRole('button', { name: `${action} case ${label}` });
  }
}
