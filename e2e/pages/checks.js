// A page object for the Self-checks section: the weekly pulse, ProQOL 5 and imported instruments,
// each a card with its form, answers and saved result, and the history of results.
import { literally } from '../support/pattern.js';

export class Checks {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Self-checks', level: 2 });
    this.due = page.getByTestId('checks-due');
    this.status = page.getByTestId('checks-status');
    this.results = page.getByTestId('check-result');
    this.history = page.getByTestId('check-history');
    this.importFile = page.getByLabel('Instrument definition (JSON)');
    this.importProblems = page.getByTestId('import-problems');
  }

  /** An instrument's card, by its id ("tend-pulse", "proqol-5", "team-check"). */
  instrument(id) {
    return this.page.getByTestId(`instrument-${id}`);
  }

  /** An instrument's form of answers. */
  form(id) {
    return this.page.getByTestId(`form-${id}`);
  }

  /** An instrument's Save button. */
  save(id) {
    return this.form(id).getByRole('button', { name: 'Save' });
  }

  /** The count of answers given so far ("10 of 10 answered"). */
  answered(id) {
    return this.page.getByTestId(`answered-${id}`);
  }

  /** The result just saved. */
  saved(id) {
    return this.page.getByTestId(`saved-${id}`);
  }

  /** The problems that kept answers from being saved. */
  problems(id) {
    return this.page.getByTestId(`problems-${id}`).locator('li');
  }

  /** An item entered by its number (ProQOL 5). */
  item(id, n) {
    return this.form(id).getByLabel(`Item ${n}`, { exact: true });
  }

  /** One answer of an item given as a row of choices (an imported instrument). */
  choice(id, item, answer) {
    return this.form(id).locator(`#${id}-item-${item}-${answer}`);
  }

  /** Answers the pulse by keyboard alone: Space picks the first answer of a row, arrows move
   * along it, Tab goes on to the next row. `answers` counts steps from the first answer. */
  async answerPulse(answers) {
    await this.form('tend-pulse').getByRole('radio').first().focus();
    for (const answer of answers) {
      await this.page.keyboard.press('Space');
      for (let i = 0; i < answer; i += 1) await this.page.keyboard.press('ArrowRight');
      await this.page.keyboard.press('Tab');
    }
  }

  /** The button that removes an instrument by its title. */
  removeInstrument(title) {
    return this.page.getByRole('button', { name: `Remove ${title}` });
  }

  /** The button that deletes a saved result of an instrument whose title begins with `title`. */
  deleteResult(title) {
    return this.page.getByRole('button', { name: literally(`Delete ${title}`, '^') });
  }
}
