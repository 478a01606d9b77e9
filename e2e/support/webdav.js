// The sync journeys' WebDAV server: a real Apache httpd with mod_dav on loopback, on its own port
// (so another origin), configured by scripts/webdav-server.mjs. A journey can stop and restart it
// (the files stay in one folder), change a file behind Tend's back, and make it answer "full".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configure, WEBDAV_USER, WEBDAV_PASSWORD } from '../../scripts/webdav-server.mjs';

export { WEBDAV_USER, WEBDAV_PASSWORD };

export const WEBDAV_PORT = Number(process.env.TEND_WEBDAV_PORT ?? 4390);

const wait = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

export class WebDav {
  /** A server admitting `origin` (the app's), with an empty `/tend/` folder; call start(). */
  constructor(origin, { port = WEBDAV_PORT } = {}) {
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/tend/`;
    this.dir = mkdtempSync(join(tmpdir(), 'tend-dav-files-'));
    ({ conf: this.conf } = configure({ port, origin, dir: this.dir }));
    this.process = null;
  }

  async start() {
    this.process = spawn('/usr/sbin/apache2', ['-f', join(this.conf, 'httpd.conf'), '-DFOREGROUND'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i += 1) {
      try {
        await fetch(this.url, { method: 'OPTIONS' });
        return;
      } catch {
        await wait(100);
      }
    }
    throw new Error(`the WebDAV server on port ${this.port} did not start`);
  }

  async stop() {
    if (!this.process) return;
    const ended = new Promise((resolve) => { this.process.on('exit', resolve); });
    this.process.kill('SIGTERM');
    await ended;
    this.process = null;
    // Apache lets go of the port a moment after its children end.
    for (let i = 0; i < 50; i += 1) {
      try {
        await fetch(this.url, { method: 'OPTIONS' });
        await wait(100);
      } catch {
        return;
      }
    }
  }

  /** Stops the server and removes its files and configuration. */
  async dispose() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(this.conf, { recursive: true, force: true });
  }

  auth(password = WEBDAV_PASSWORD) {
    return { Authorization: `Basic ${Buffer.from(`${WEBDAV_USER}:${password}`).toString('base64')}` };
  }

  /** The sync files in the folder, by name. */
  async files() {
    const response = await fetch(this.url, { method: 'PROPFIND', headers: { ...this.auth(), Depth: '1' } });
    const xml = await response.text();
    return [...xml.matchAll(/<D:href>\/tend\/([^<]+\.tsync)<\/D:href>/g)].map((m) => m[1]);
  }

  async read(name) {
    return (await fetch(`${this.url}${name}`, { headers: this.auth() })).text();
  }

  /** Replaces a file's text on the server, as someone changing it outside Tend would. */
  async write(name, text) {
    const response = await fetch(`${this.url}${name}`, { method: 'PUT', headers: this.auth(), body: text });
    if (!response.ok) throw new Error(`PUT ${name}: ${response.status}`);
  }

  /** Makes every upload answer 507 (no space left), or lifts that. */
  full(on) {
    const flag = join(this.conf, 'full');
    if (on) writeFileSync(flag, '');
    else if (existsSync(flag)) unlinkSync(flag);
  }
}
