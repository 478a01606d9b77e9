// A page object for the Report section: the period chosen, the report's title, total, sections
// and chart, and the print button.

export class Report {
  constructor(page) {
    this.page = page;
    this.view = page.getByTestId('report-view');
    this.from = this.view.getByLabel('From');
    this.to = this.view.getByLabel('To (included)');
    this.showPeriod = this.view.getByRole('button', { name: 'Show this period' });
    this.message = page.getByTestId('report-message');
    this.title = page.getByTestId('report-title');
    this.total = page.getByTestId('report-total');
    this.weeks = page.getByTestId('report-weeks');
    this.print = page.getByRole('button', { name: 'Print or save as PDF' });
  }

  /** The radio button of a period ("Last 4 weeks", "Custom range"). */
  period(name) {
    return this.view.getByRole('radio', { name });
  }

  /** One of the report's section headings, by its exact text. */
  heading(name) {
    return this.view.getByRole('heading', { name, exact: true });
  }
}
