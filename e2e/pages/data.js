// A page object for "Your data": backups and the CSV of work entries, restoring a backup, the
// calendar import, the passphrase lock (and the screen that unlocks it), the theme, protection
// from clearing, sync (through a server or by file) and what was kept aside because it could not
// be read.
import { download } from '../support/download.js';
import { Sync } from './sync.js';
import { SyncFile } from './sync-file.js';

export class Data {
  constructor(page) {
    this.page = page;
    this.view = page.getByTestId('data-view');
    this.status = page.getByTestId('data-status');
    this.protection = page.getByTestId('protection');
    this.theme = page.getByLabel('Colours on this device');
    this.backupButton = this.view.getByRole('button', { name: 'Download a backup' });
    this.csvButton = page.getByRole('button', { name: 'Download work entries (CSV)' });

    this.restore = page.getByTestId('restore');
    this.backupFile = this.restore.getByLabel('Backup file');
    this.restoreButton = this.restore.getByRole('button', { name: 'Restore', exact: true });
    this.nothingToRestore = this.restore.getByRole('button', { name: 'Nothing to restore' });
    this.restorePreview = page.getByTestId('restore-preview');
    this.restoreMessage = page.getByTestId('restore-message');

    this.calendarImport = page.getByTestId('calendar-import');
    this.calendarFile = this.calendarImport.getByLabel('Calendar file (.ics, up to 5 MB)');
    this.importFrom = this.calendarImport.getByLabel('From');
    this.addRule = this.calendarImport.getByRole('button', { name: 'Add a rule' });
    this.importPreview = page.getByTestId('import-preview');
    this.importRows = this.importPreview.locator('tbody tr');
    this.importSummary = page.getByTestId('import-summary');
    this.importMessage = page.getByTestId('import-message');
    this.importPresent = page.getByTestId('import-present');
    this.importRefused = page.getByTestId('import-refused');
    this.importWarnings = page.getByTestId('import-warnings');

    this.sync = new Sync(page);
    this.syncFile = new SyncFile(page);

    this.lock = page.getByTestId('lock-settings');
    this.newPassphrase = this.lock.getByLabel('New passphrase', { exact: true });
    this.repeatPassphrase = this.lock.getByLabel('Repeat the passphrase');
    this.repeatNewPassphrase = this.lock.getByLabel('Repeat the new passphrase');
    this.currentPassphrase = this.lock.getByLabel('Current passphrase');
    this.turnOnLock = this.lock.getByRole('button', { name: 'Turn on the lock' });
    this.changePassphrase = this.lock.getByRole('button', { name: 'Change passphrase' });
    this.turnOffLock = this.lock.getByRole('button', { name: /Turn off the lock/ });
    this.lockError = page.getByTestId('lock-error');

    // The screen a locked store opens on, before any section.
    this.locked = page.getByRole('heading', { name: 'Tend is locked' });
    this.passphrase = page.getByLabel('Passphrase', { exact: true });
    this.unlockButton = page.getByRole('button', { name: 'Unlock' });
    this.unlockError = page.getByTestId('unlock-error');

    this.unreadableDownload = page.getByRole('button', { name: 'Download the unreadable text' });
    this.keptAsideDownload = page.locator('ul.quarantine button', { hasText: 'Download' }).first();
  }

  /** Clicks "Download a backup" here and returns the download. */
  downloadBackup() {
    return download(this.page, this.backupButton);
  }

  /** Clicks "Download work entries (CSV)" and returns the download. */
  downloadCsv() {
    return download(this.page, this.csvButton);
  }

  /** Chooses a backup file to restore from (the preview follows; nothing is restored yet). */
  async chooseBackup(buffer, name = 'backup.json') {
    await this.backupFile.setInputFiles({ name, mimeType: 'application/json', buffer });
  }

  /** Turns the lock on with `passphrase`, repeated as `repeat`. */
  async lockWith(passphrase, repeat = passphrase) {
    await this.newPassphrase.fill(passphrase);
    await this.repeatPassphrase.fill(repeat);
    await this.turnOnLock.click();
  }

  /** Types `passphrase` on the lock screen and presses Unlock; returns when Unlock was pressed
   * (Date.now()), for timing the unlock. */
  async unlock(passphrase) {
    await this.passphrase.fill(passphrase);
    const started = Date.now();
    await this.unlockButton.click();
    return started;
  }

  /** One rule of the calendar import's mapping: `field` is "title contains" or "kind". */
  rule(n, field) {
    return this.calendarImport.getByLabel(`Rule ${n}: ${field}`);
  }

  /** The calendar import's button, by its current text ("Import 28 entries"). */
  importButton(name) {
    return this.calendarImport.getByRole('button', { name });
  }
}
