// Starts the real tongxin server for browser journeys: a fresh SQLite database with the
// small demo, the built web app, a free loopback port. Bounded readiness polling.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const PASSWORD = 'Demo-Pass-2026';

async function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

export async function startServer() {
  const bin = process.env.TONGXIN_BIN ?? join(ROOT, 'build/tongxin');
  if (!existsSync(bin)) throw new Error(`server binary not found at ${bin} (run make build)`);
  const dist = process.env.TONGXIN_WEB_DIST ?? join(ROOT, 'web/dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`web app not built at ${dist} (run npm run build)`);
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
  const common = ['--db', `sqlite:${join(dir, 't.db')}`, '--data-dir', join(ROOT, 'data'), '--key-file', join(dir, 'key')];
  const env = { ...process.env, TONGXIN_LOG_LEVEL: 'warn' };
  execFileSync(bin, [...common, 'seed-demo', '--scale', 'small', '--demo-password', PASSWORD], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, [...common, 'serve', '--listen', `127.0.0.1:${port}`, '--public-base-url', base, '--static-dir', dist],
    { env, stdio: ['ignore', 'inherit', 'inherit'] });
  let exited = null;
  const done = new Promise((ok) => child.on('exit', (code, signal) => { exited = { code, signal }; ok(exited); }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`server exited: ${JSON.stringify(exited)}`);
    try { if ((await fetch(`${base}/readyz`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('server not ready within 60 s'); }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    base,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const r = await done;
      rmSync(dir, { recursive: true, force: true });
      return r;
    },
  };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

// Signs in over the API: the session cookie and CSRF token of a demo account.
export async function apiLogin(base, username) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: HTTP ${r.status}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = await r.json();
  return { cookie, csrf: body.csrf_token, user: body.user };
}

// Signs in through the login page.
export async function uiLogin(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
}

// Chromium for the journeys, watching every page it opens: uncaught exceptions, console
// errors from the app, CSP refusals and requests that failed on the network are the page's
// faults and are collected; `pageFaults()` lists them and the suite asserts there are none.
// An API answering 4xx on purpose (a wrong password, a 404 page) is the app working, and
// Chromium's "Failed to load resource: … status of 4xx" for it is not counted; neither is a
// request aborted by navigating away.
export async function launchChromium(chromium) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const faults = [];
  const watch = (page) => {
    page.on('pageerror', (e) => faults.push(`${page.url()}: uncaught ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
      faults.push(`${page.url()}: console error ${text}`);
    });
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      if (why.includes('ERR_ABORTED')) return;
      faults.push(`${page.url()}: request failed ${r.url()} (${why})`);
    });
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const ctx = await newContext(...args);
    ctx.on('page', watch);
    return ctx;
  };
  browser.pageFaults = () => faults.slice();
  return browser;
}
