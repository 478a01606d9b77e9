// A page object for "Sync by file" in "Your data": saving a sync file (with a new sync passphrase
// on a device without sync) and opening one with the sync passphrase, and the line that says
// what happened.
import { expect } from '@playwright/test';
import { download, text } from '../support/download.js';

export class SyncFile {
  constructor(page) {
    this.page = page;
    this.card = page.getByTestId('sync-file');
    this.newPassphrase = this.card.getByLabel('New sync passphrase', { exact: true });
    this.repeatPassphrase = this.card.getByLabel('Repeat the new sync passphrase');
    this.saveButton = this.card.getByRole('button', { name: 'Save a sync file' });
    this.chosen = this.card.getByLabel('Sync file to open');
    this.passphrase = this.card.getByLabel('Passphrase of the sync file');
    this.openButton = this.card.getByRole('button', { name: 'Open a sync file' });
    this.message = page.getByTestId('sync-file-message');
  }

  /**
   * Saves a sync file (choosing `passphrase`, typed twice, on a device without sync) and returns
   * the download and its text.
   */
  async save(passphrase) {
    if (passphrase !== undefined) {
      await this.newPassphrase.fill(passphrase);
      await this.repeatPassphrase.fill(passphrase);
    }
    const file = await download(this.page, this.saveButton);
    await expect(this.message).toContainText('Saved tend-sync-');
    return { file, text: await text(file) };
  }

  /** Chooses a sync file's text and opens it with `passphrase`; returns the message line. */
  async open(fileText, passphrase, name = 'tend-sync.tsync') {
    await this.chosen.setInputFiles({
      name, mimeType: 'application/octet-stream', buffer: Buffer.from(fileText, 'utf8'),
    });
    await this.passphrase.fill(passphrase);
    await this.openButton.click();
    await expect(this.message).toBeVisible({ timeout: 20_000 });
    return this.message;
  }
}
