// A page object for the Risk trend section: the chart, the week's breakdown into factor points,
// the week picker, the insights, the care card and the what-if projection.

export class Risk {
  constructor(page) {
    this.page = page;
    this.section = page.locator('section', { has: page.locator('#risk-heading') });
    this.chartFigure = page.getByTestId('risk-chart');
    this.chart = this.chartFigure.locator('svg');
    this.showNumbers = this.chartFigure.getByText('Show the numbers');
    this.tableRows = this.chartFigure.locator('tbody tr');
    this.now = page.getByTestId('risk-now');
    this.weekIndex = page.getByTestId('risk-week-index');
    this.week = page.getByLabel('Week', { exact: true });
    this.weeks = this.week.locator('option');
    this.partsSection = page.locator('section', { has: page.locator('#risk-parts-heading') });
    this.breakdown = page.getByTestId('risk-breakdown');
    this.parts = this.breakdown.locator('li');
    this.defaultTargets = page.getByTestId('risk-default-targets');
    this.insightsNone = page.getByTestId('insights-none');
    this.careCard = page.getByTestId('care-card');

    this.whatIf = page.getByTestId('whatif');
    this.whatIfResult = page.getByTestId('whatif-result');
    this.moreCases = page.getByLabel('Cases more or fewer');
    this.moreCasesValue = page.getByTestId('whatif-cases-value');
    this.vacationDays = page.getByLabel('Planned vacation in days');
    this.vacationStart = page.getByLabel('Vacation starts in weeks');
    this.vacationValue = page.getByTestId('whatif-vacation-value');
  }
}
