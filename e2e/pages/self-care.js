// A page object for the Self-care section: breaks and days off, the rest numbers, the break plan
// and its reminders, the targets (the same form as on the welcome card), and the break plan's
// calendar file, which is downloaded under "Your data".
import { download } from '../support/download.js';

/** The targets form: the Self-care section's, or the same form on the welcome card. */
export class Targets {
  constructor(form) {
    this.form = form;
    this.weeklyHours = form.getByLabel('Sustainable weekly hours');
    this.directMaximum = form.getByLabel('Maximum direct client hours a week');
    this.breaksPerDay = form.getByLabel('Breaks per working day');
    this.capacity = form.getByLabel('Caseload capacity in points');
    this.hourlyRate = form.getByLabel('Usual hourly rate (optional)');
    this.workingDays = form.locator('fieldset label');
    this.checkedDays = form.getByRole('checkbox', { checked: true });
    this.save = form.getByRole('button', { name: 'Save targets' });
  }

  /** A working day's checkbox, by its short name ("Sat"). */
  day(name) {
    return this.form.getByLabel(name);
  }
}

export class SelfCare {
  constructor(page) {
    this.page = page;
    this.breakForm = page.getByTestId('break-form');
    this.status = page.getByTestId('self-care-status');
    this.recentBreakList = page.getByTestId('recent-breaks');
    this.recentBreaks = this.recentBreakList.locator('li');
    // The same breaks grouped by the day they start, each group headed by its date.
    this.recentBreakDays = this.recentBreakList.locator('.day-group');
    this.dayOff = page.getByTestId('day-off');
    this.vacationClock = page.getByTestId('vacation-clock');
    this.breaksSummary = page.getByTestId('breaks-summary');
    this.breaksChart = page.getByTestId('breaks-chart').locator('svg');

    this.targets = new Targets(page.getByTestId('targets-form'));
    this.targetsError = page.getByTestId('targets-error');

    this.plan = page.getByTestId('break-plan');
    this.planForm = page.getByTestId('plan-form');
    this.planEmpty = this.plan.getByTestId('plan-empty');
    this.planWeek = page.getByTestId('plan-week').locator('li');
    this.planError = page.getByTestId('plan-error');
    this.suggestPlan = this.plan.getByRole('button', { name: 'Suggest a plan from my targets' });
    this.remindersToggle = this.plan.getByTestId('reminders-toggle');
    this.remindersState = this.plan.getByTestId('reminders-state');
    // The notice a planned break brings at its time, shown while Tend is open.
    this.reminder = page.getByTestId('reminders');
    this.tookIt = this.reminder.getByRole('button', { name: 'I took it: log it' });
    this.notNow = this.reminder.getByRole('button', { name: 'Not now' });

    this.planExport = page.getByTestId('plan-export');
    this.planExportButton = this.planExport.getByRole('button', { name: 'Download the break plan (.ics)' });
    this.planExportStatus = page.getByTestId('plan-export-status');
  }

  /** Logs a break of `kind` on `date`, with `{ duration }` or `{ until }` (a last day) if given. */
  async logBreak(kind, date, durationOrUntil) {
    const form = this.breakForm;
    await form.getByLabel('Kind').selectOption({ label: kind });
    await form.getByLabel(/^(Date|First day)$/).fill(date);
    if (durationOrUntil?.duration) await form.getByLabel('Duration').fill(durationOrUntil.duration);
    if (durationOrUntil?.until) await form.getByLabel('Last day (optional)').fill(durationOrUntil.until);
    await form.getByRole('button', { name: 'Add' }).press('Enter');
  }

  /** A recent break's delete button (the first break listed unless `n` is given). */
  deleteBreak(n = 0) {
    return this.recentBreaks.nth(n).getByRole('button', { name: /^Delete/ });
  }

  /** Plans a break every `day` at `time` ("10:30") for `length` ("15"), of `kind` if given, and
   * adds it by keyboard. */
  async planBreak(day, time, length, kind) {
    const form = this.planForm;
    await form.getByLabel('Every').selectOption({ label: day });
    await form.getByLabel('At').fill(time);
    await form.getByLabel('For').fill(length);
    if (kind) await form.getByLabel('Kind').selectOption({ label: kind });
    await form.getByRole('button', { name: 'Add to plan' }).press('Enter');
  }

  /** The button that removes every planned break on a weekday at a time ("Wed", "12:30"). */
  removePlanned(day, time) {
    return this.plan.getByRole('button', { name: `Remove every ${day} break at ${time}` });
  }

  /** Downloads the break plan as a calendar file (from "Your data"). */
  downloadPlan() {
    return download(this.page, this.planExportButton);
  }
}
