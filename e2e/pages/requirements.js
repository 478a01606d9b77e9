// A page object for the Requirements section: adding a set from an example or a file, a set's
// progress (due items, supervision by period, licensure hours by category, weeks that did not
// count, the projected date, the CE cycle), its edit form, the licensure log export and the CE
// activities.
import { expect } from '../support/guard.js';

export class Requirements {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Requirements', level: 2 });
    this.empty = page.getByTestId('requirements-empty');
    this.status = page.getByTestId('requirements-status');
    this.example = page.getByLabel('Example', { exact: true });
    this.addExample = page.getByRole('button', { name: 'Add this example' });
    this.importFile = page.getByLabel('Or import a requirement set (JSON)');
    this.importProblemBox = page.getByTestId('set-problems');
    this.importProblems = this.importProblemBox.locator('li');

    this.ceForm = page.getByTestId('ce-form');
    this.ceDate = page.getByLabel('Completed on');
    this.ceHours = this.ceForm.getByLabel('Hours', { exact: true });
    this.ceCategory = page.getByLabel('Category', { exact: true });
    this.ceProvider = page.getByLabel('Provider');
    this.ceCertificate = page.getByLabel('Where the certificate is kept');
    this.ceLog = page.getByRole('button', { name: 'Log activity' });
    this.ceProblems = page.getByTestId('ce-problems').locator('li');
    this.ceList = page.getByTestId('ce-list').locator('li');
    this.ceEmpty = page.getByTestId('ce-empty');
  }

  /** A set's card, by its id. */
  set(id) {
    return this.page.getByTestId(`set-${id}`);
  }

  /** Where a set's rules come from. */
  source(id) {
    return this.page.getByTestId(`source-${id}`);
  }

  /** A set's due items. */
  due(id) {
    return this.page.getByTestId(`due-${id}`).locator('li');
  }

  /** The licensure total ("40 h 30 min of 100 h counted (40.5%).") and the projection. */
  total(id) {
    return this.page.getByTestId(`licensure-total-${id}`);
  }

  projection(id) {
    return this.page.getByTestId(`projection-${id}`);
  }

  /** A licensure category's row: name, logged, counted, why they differ. */
  category(id) {
    return this.page.getByTestId(`category-${id}`);
  }

  weeksNotCounted(id) {
    return this.page.getByTestId(`weeks-not-counted-${id}`).locator('li');
  }

  supervision(rule) {
    return this.page.getByTestId(`supervision-${rule}`);
  }

  ceTotal(id) {
    return this.page.getByTestId(`ce-total-${id}`);
  }

  ceStatus(id) {
    return this.page.getByTestId(`ce-status-${id}`);
  }

  /** Adds an example by its label's start ("Example: Minnesota"). */
  async addFromExamples(start) {
    const option = this.example.locator('option', { hasText: start });
    await this.example.selectOption(await option.getAttribute('value'));
    await this.addExample.click();
    await expect(this.status).toContainText('Added');
  }

  /** Chooses a set file: a path, or `{ name, mimeType, buffer }`. */
  async importSet(file) {
    await this.importFile.setInputFiles(file);
  }

  /** Opens a set's edit form and saves `fields` ({ label: value }). */
  async edit(id, fields) {
    const card = this.set(id);
    await card.locator('summary', { hasText: 'Edit this set' }).click();
    const form = this.page.getByTestId(`edit-${id}`);
    for (const [label, value] of Object.entries(fields)) {
      await form.getByLabel(label, { exact: true }).fill(value);
    }
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(this.status).toContainText('Saved the changes');
  }

  /** Removes a set with its button. */
  async remove(id, name) {
    await this.set(id).getByRole('button', { name: `Remove this set: ${name}` }).click();
  }

  /** Logs a CE activity. */
  async logActivity({ date, hours, category = '', provider = '', certificate = '' }) {
    await this.ceDate.fill(date);
    await this.ceHours.fill(hours);
    await this.ceCategory.fill(category);
    await this.ceProvider.fill(provider);
    await this.ceCertificate.fill(certificate);
    await this.ceLog.click();
  }

  /** The licensure log export of a set: its period, buttons and printed sheet. */
  exporter(id) {
    const box = this.page.getByTestId(`log-export-${id}`);
    return {
      from: box.getByLabel('Weeks starting from'),
      to: box.getByLabel('to', { exact: true }),
      show: box.getByRole('button', { name: 'Show the printable log' }),
      csv: box.getByRole('button', { name: 'Download the log as CSV' }),
      print: box.getByRole('button', { name: 'Print or save as PDF' }),
      sheet: this.page.getByTestId(`log-sheet-${id}`),
      totals: this.page.getByTestId(`log-totals-${id}`).getByTestId('log-total-row'),
    };
  }
}
