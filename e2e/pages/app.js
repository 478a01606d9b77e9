// The app as a whole, for every journey: opening it, the navigation between sections (read at run
// time, so a section added later is covered without editing the journeys), the demo data, the
// undo bar and the banners above every section. Each section's page object hangs off it.
import { expect } from '../support/guard.js';
import { download } from '../support/download.js';
import { Caseload } from './caseload.js';
import { Checks } from './checks.js';
import { Data } from './data.js';
import { Organisations } from './organisations.js';
import { Report } from './report.js';
import { Requirements } from './requirements.js';
import { Risk } from './risk.js';
import { SelfCare } from './self-care.js';
import { Today } from './today.js';

export class App {
  constructor(page) {
    this.page = page;
    // One navigation named Sections is shown at a time: a row under the masthead on a wide
    // screen, a bar at the bottom on a narrow one, whose "More" button discloses the rest.
    this.nav = page.getByRole('navigation', { name: 'Sections' });
    this.more = this.nav.getByRole('button', { name: 'More', exact: true });
    this.main = page.locator('main');
    this.firstHeading = this.main.locator('h2').first();
    this.html = page.locator('html');
    this.skipLink = page.getByRole('link', { name: 'Skip to main content' });
    // Tend's name at the top, the page's one first-level heading once the app runs.
    this.masthead = page.getByRole('heading', { level: 1 });
    // index.html's static first screen, shown until the app takes its place.
    this.shell = page.locator('#shell');
    this.build = page.locator('meta[name="tend-build"]');
    this.cspMeta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    // Every chart in the section shown: a figure with a caption and a table of its numbers.
    this.charts = this.main.locator('figure.chart');
    // "Opening Caseload…", while a section's part of the app is fetched.
    this.opening = page.getByTestId('section-opening');

    this.tryDemo = page.getByRole('button', { name: 'Try it with demo data' });
    this.removeDemo = page.getByRole('button', { name: 'Remove demo data' });
    this.demoBanner = page.getByTestId('demo-banner');

    this.undoBar = page.getByTestId('undo-bar');
    this.undo = this.undoBar.getByRole('button', { name: /^Undo/ });

    this.storageBanner = page.getByTestId('storage-banner');
    this.downloadCopy = page.getByRole('button', { name: 'Download a copy' });
    this.loadBanner = page.getByTestId('load-banner');
    this.rebuiltBanner = page.getByTestId('rebuilt-banner');
    this.usageBanner = page.getByTestId('usage-banner');
    this.usageBannerBackup = this.usageBanner.getByRole('button', { name: 'Download a backup' });
    this.backupBanner = page.getByTestId('backup-banner');
    this.backupBannerBackup = this.backupBanner.getByRole('button', { name: 'Download a backup' });
    this.updatePrompt = page.getByTestId('update-prompt');
    this.switchVersion = page.getByRole('button', { name: 'Switch to the new version' });

    this.today = new Today(page);
    this.caseload = new Caseload(page);
    this.organisations = new Organisations(page);
    this.selfCare = new SelfCare(page);
    this.checks = new Checks(page);
    this.risk = new Risk(page);
    this.report = new Report(page);
    this.requirements = new Requirements(page);
    this.data = new Data(page);
  }

  /** A section's link in the navigation. */
  link(name) {
    return this.nav.getByRole('link', { name, exact: true });
  }

  /** Opens the app on Today and waits until it has replaced the first screen and takes entries. */
  async open() {
    await this.page.goto('/');
    // index.html's static first screen has the same navigation; wait until the app has replaced it.
    await expect(this.shell).toHaveCount(0);
    await expect(this.nav).toBeVisible();
    await expect(this.today.add).toBeEnabled();
  }

  /** Opens the list of the other sections on a narrow screen; nothing on a wide one. */
  async openMore() {
    if (await this.more.isVisible() && await this.more.getAttribute('aria-expanded') !== 'true') {
      await this.more.click();
      await expect(this.more).toHaveAttribute('aria-expanded', 'true');
    }
  }

  /** Closes the list of the other sections if it is open. */
  async closeMore() {
    if (await this.more.isVisible() && await this.more.getAttribute('aria-expanded') === 'true') {
      await this.more.click();
      await expect(this.more).toHaveAttribute('aria-expanded', 'false');
    }
  }

  /** Opens a section by its name in the navigation (through "More" on a narrow screen). */
  async show(name) {
    const link = this.link(name);
    if (!await link.isVisible()) await this.openMore();
    await link.click();
    // The link is marked current in the same render that shows its section, so nothing of the
    // previous section is left when the caller looks. A link under "More" is hidden again once
    // chosen, but still marked.
    await expect(this.nav.getByRole('link', { name, exact: true, includeHidden: true }))
      .toHaveAttribute('aria-current', 'page');
    // A section's part of the app may still be on its way the first time it is opened.
    await expect(this.opening).toHaveCount(0);
  }

  /** Opens a section as `sections()` lists it, and waits for its address and first heading. */
  async showListed(section) {
    await this.show(section.name);
    await expect(this.page).toHaveURL(new RegExp(`#${section.slug}$`));
    await expect(this.firstHeading).toBeVisible();
  }

  /** Every section the navigation links to: `{ name, slug }`, in the order listed. */
  async sections() {
    await this.openMore();
    const links = this.nav.getByRole('link');
    await expect(links.first()).toBeVisible();
    const found = [];
    for (const link of await links.all()) {
      const name = (await link.textContent()).trim();
      const slug = (await link.getAttribute('href')).replace(/^#/, '');
      found.push({ name, slug });
    }
    await this.closeMore();
    expect(found.length, 'the navigation lists sections').toBeGreaterThan(1);
    return found;
  }

  /** Loads the demo data from the welcome on Today. */
  async loadDemo() {
    await this.tryDemo.click();
    await expect(this.demoBanner).toBeVisible();
  }

  /** Clicks `trigger` and returns the download it starts. */
  download(trigger) {
    return download(this.page, trigger);
  }

  /** A chart's figure by its test id ("week-chart", "caseload-chart", "report-chart"). */
  chart(id) {
    return this.page.getByTestId(id);
  }

  /** Saves a chart's figure as a file, `format` "SVG" or "PNG", and returns the download. */
  saveChart(figure, format) {
    return this.download(figure.getByRole('button', { name: `Save as ${format}` }));
  }

  /** A chart's drawn size (its SVG's width and height) and the size of the box it is shown in. */
  async chartFit(figure) {
    const svg = figure.locator('.chart-box svg').first();
    await expect(svg).toBeAttached();
    return svg.evaluate((el) => {
      const box = el.parentElement;
      return {
        drawn: [Number(el.getAttribute('width')), Number(el.getAttribute('height'))],
        box: [box.clientWidth, box.clientHeight],
      };
    });
  }

  /**
   * The smallest text in each chart of the section shown, as rendered: the text's computed font
   * size times the scale the SVG is drawn at on screen. One entry per chart: its test id and size.
   */
  async smallestChartText() {
    await expect(this.charts.first().locator('svg')).toBeAttached();
    return this.charts.evaluateAll((figures) => figures.map((figure) => {
      let smallest = Infinity;
      for (const text of figure.querySelectorAll('svg text')) {
        if (!text.textContent.trim()) continue;
        // The length of a unit along the text's own line on screen, whether turned or not.
        const m = text.getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
      return { chart: figure.dataset.testid, smallest };
    }));
  }
}
