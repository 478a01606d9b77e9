// A page object for Sync in "Your data": the connection form (test, set up, join), and once set
// up the status, what came in, this device's name and the devices, Sync now and leaving sync.
import { expect } from '@playwright/test';

export class Sync {
  constructor(page) {
    this.page = page;
    this.card = page.getByTestId('sync-settings');
    this.url = this.card.getByLabel('Folder address');
    this.user = this.card.getByLabel('User name');
    this.password = this.card.getByLabel('App password');
    this.passphrase = this.card.getByLabel('Sync passphrase');
    this.testButton = this.card.getByRole('button', { name: 'Test connection' });
    this.setUpButton = this.card.getByRole('button', { name: 'Set up sync on this device' });
    this.joinButton = this.card.getByRole('button', { name: 'Join with this passphrase' });
    this.message = page.getByTestId('sync-message');
    this.status = page.getByTestId('sync-status');
    this.problem = page.getByTestId('sync-problem');
    this.cameIn = page.getByTestId('sync-came-in');
    this.devices = page.getByTestId('sync-devices').locator('li');
    this.syncNowButton = this.card.getByRole('button', { name: 'Sync now' });
    this.deleteToo = this.card.getByLabel("Also delete this device's files from the server");
    this.leaveButton = this.card.getByRole('button', { name: 'Leave sync on this device' });
    this.nameField = this.card.getByLabel("This device's name");
    this.saveNameButton = this.card.getByRole('button', { name: 'Save name' });
    this.nameMessage = page.getByTestId('sync-name-message');
  }

  /** Names this device and waits for the sync the new name starts to end. */
  async rename(name) {
    const before = await this.sessions();
    await this.nameField.fill(name);
    await this.saveNameButton.click();
    await this.settled(before);
  }

  async fill({ url, user, password, passphrase }) {
    await this.url.fill(url);
    await this.user.fill(user);
    await this.password.fill(password);
    await this.passphrase.fill(passphrase ?? '');
  }

  /** Fills the form and tests the connection; returns the message shown. */
  async testConnection(server) {
    await this.fill(server);
    await this.testButton.click();
    await expect(this.message).not.toHaveText('Testing the connection…');
    return this.message;
  }

  /** How many sync sessions have ended on this page. */
  async sessions() {
    return Number(await this.status.getAttribute('data-sessions'));
  }

  /** Waits until a session ends after `before` had ended. */
  async settled(before) {
    await expect.poll(() => this.sessions(), { timeout: 20_000 }).toBeGreaterThan(before);
  }

  /** Sets sync up (first device) and waits for its first sync to end. */
  async setUp(server) {
    await this.fill(server);
    await this.setUpButton.click();
    await expect(this.status).toBeVisible({ timeout: 20_000 });
    await this.settled(0);
  }

  /** Joins with the form's passphrase and waits for the first sync to end. */
  async join(server) {
    await this.fill(server);
    await this.joinButton.click();
    await expect(this.status).toBeVisible({ timeout: 20_000 });
    await this.settled(0);
  }

  /** The other device listed first (the first with a Remove button). */
  otherDevice() {
    return this.devices.filter({ has: this.page.getByRole('button', { name: /^Remove device / }) }).first();
  }

  /** Presses Sync now and waits for the session to end. */
  async syncNow() {
    const before = await this.sessions();
    await expect(this.syncNowButton).toBeEnabled({ timeout: 20_000 });
    await this.syncNowButton.click();
    await this.settled(before);
  }
}
