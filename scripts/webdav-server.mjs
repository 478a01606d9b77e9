// Runs a real WebDAV server on loopback for the sync journeys: Debian's Apache httpd with mod_dav,
// from a configuration generated into a fresh temporary folder, in the foreground until it is
// stopped. It answers CORS the way a deployment that admits Tend's origin would (preflights
// without credentials, the headers sync sends, ETag exposed) and asks for Basic auth.
//
//   node scripts/webdav-server.mjs [--port 4390] [--origin http://127.0.0.1:4310] [--dir DIR]
//
// The port also comes from TEND_WEBDAV_PORT. The user is `tend` with password `tend-test-pass`.
// With --dir the files are kept in DIR (so a restarted server serves the same folder). A file
// named `full` in the configuration folder makes every PUT and MKCOL answer 507 (no space left),
// as a full disk would. The folder `/tend/` exists from the start, and `/closed/`, whose answers
// carry no CORS headers (a server that does not admit Tend's origin).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WEBDAV_USER = 'tend';
export const WEBDAV_PASSWORD = 'tend-test-pass';
const MODULES = '/usr/lib/apache2/modules';

function arg(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

/** Writes the configuration for a server on `port` admitting `origin`; returns its paths. */
export function configure({ port, origin, dir }) {
  const conf = mkdtempSync(join(tmpdir(), 'tend-webdav-'));
  chmodSync(conf, 0o755);
  const data = dir ?? join(conf, 'data');
  mkdirSync(join(data, 'tend'), { recursive: true });
  mkdirSync(join(data, 'closed'), { recursive: true });
  const locks = join(conf, 'locks');
  mkdirSync(locks, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // Apache started by root serves as www-data, which must own what it writes.
    for (const d of [data, join(data, 'tend'), join(data, 'closed'), locks]) chownSync(d, 33, 33);
  }
  const sha = createHash('sha1').update(WEBDAV_PASSWORD).digest('base64');
  writeFileSync(join(conf, 'users'), `${WEBDAV_USER}:{SHA}${sha}\n`);
  const modules = [
    'mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic',
    'dav', 'dav_fs', 'headers', 'rewrite', 'setenvif', 'mime',
  ];
  const lines = [
    `ServerRoot "${conf}"`,
    ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    `PidFile "${conf}/httpd.pid"`,
    `ErrorLog "${conf}/error.log"`,
    `Mutex file:${conf} default`,
    `DavLockDB "${locks}/lockdb"`,
    `DocumentRoot "${data}"`,
    'TypesConfig /dev/null',
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 16',
    'KeepAlive Off',
    `<Directory "${data}">`,
    '  Dav On',
    '  AllowOverride None',
    '  AuthType Basic',
    '  AuthName "Tend sync"',
    '  AuthBasicProvider file',
    `  AuthUserFile "${conf}/users"`,
    '  <Limit OPTIONS>',
    '    Require all granted',
    '  </Limit>',
    '  <LimitExcept OPTIONS>',
    '    Require valid-user',
    '  </LimitExcept>',
    '  RewriteEngine On',
    `  RewriteCond "${conf}/full" -f`,
    '  RewriteCond %{REQUEST_METHOD} ^(PUT|MKCOL)$',
    '  RewriteRule .* - [R=507,L]',
    '</Directory>',
    // CORS as a deployment admitting one origin answers it.
    `SetEnvIf Origin "^${origin.replace(/[.]/g, '\\.')}$" TEND_ORIGIN=$0`,
    'Header always set Access-Control-Allow-Origin "%{TEND_ORIGIN}e" env=TEND_ORIGIN',
    'Header always set Access-Control-Allow-Methods "GET, PUT, DELETE, PROPFIND, MKCOL, OPTIONS" env=TEND_ORIGIN',
    'Header always set Access-Control-Allow-Headers "Authorization, If-Match, If-None-Match, Depth, Content-Type" env=TEND_ORIGIN',
    'Header always set Access-Control-Expose-Headers "ETag" env=TEND_ORIGIN',
    'Header always set Access-Control-Max-Age "600" env=TEND_ORIGIN',
    'Header always merge Vary Origin',
    // A folder whose answers admit no origin, as a server not configured for Tend answers.
    '<Location "/closed/">',
    '  Header always unset Access-Control-Allow-Origin',
    '</Location>',
  ];
  writeFileSync(join(conf, 'httpd.conf'), `${lines.join('\n')}\n`);
  return { conf, data };
}

/** Starts Apache in the foreground with a configuration made by `configure`. */
export function start(conf) {
  return spawn('/usr/sbin/apache2', ['-f', join(conf, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(arg('port', process.env.TEND_WEBDAV_PORT ?? 4390));
  const origin = arg('origin', `http://127.0.0.1:${process.env.TEND_E2E_PORT ?? 4173}`);
  const dir = arg('dir', undefined);
  if (!existsSync('/usr/sbin/apache2')) {
    console.error('webdav-server: Apache httpd is missing; run scripts/setup');
    process.exit(1);
  }
  const { conf } = configure({ port, origin, dir });
  const server = start(conf);
  const stop = () => server.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
  console.log(`webdav-server: http://127.0.0.1:${port}/tend/ for ${origin} (configuration in ${conf})`);
}
