// tests/api/lib/server.mjs
//
// Starts the real tongxin binary on loopback for black-box scenarios: a fresh database
// (SQLite file, or a new database on the PostgreSQL server of TONGXIN_TEST_PG_URL),
// migrated and seeded with the small demo, then `serve` on a free port.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

export const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
export const BIN = process.env.TONGXIN_BIN ?? join(ROOT, 'build-debug/tongxin');
export const DEMO_PASSWORD = 'Api-Scenario-2026!';

export function engines() {
  const list = ['sqlite'];
  if (process.env.TONGXIN_TEST_PG_URL) list.push('postgres');
  else if (process.env.TONGXIN_REQUIRE_PG === '1') throw new Error('TONGXIN_TEST_PG_URL not set');
  return list;
}

async function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

function makeDatabase(engine, dir) {
  if (engine === 'sqlite') return { url: `sqlite:${join(dir, 'tongxin.db')}`, drop() {} };
  const admin = process.env.TONGXIN_TEST_PG_URL;
  const name = `tx_api_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
  const url = admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return {
    url,
    drop() {
      execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    },
  };
}

export async function startServer(engine, { seed = true, extraArgs = [], env = {} } = {}) {
  if (!existsSync(BIN)) throw new Error(`server binary not found at ${BIN} (run make build-debug)`);
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-api-'));
  const db = makeDatabase(engine, dir);
  const common = ['--db', db.url, '--data-dir', join(ROOT, 'data'), '--key-file', join(dir, 'key')];
  const childEnv = { ...process.env, TONGXIN_LOG_LEVEL: 'warn', ...env };
  if (seed) {
    execFileSync(BIN, [...common, 'seed-demo', '--scale', 'small', '--demo-password', DEMO_PASSWORD],
      { env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, [...common, 'serve', '--listen', `127.0.0.1:${port}`,
    '--public-base-url', base, ...extraArgs], { env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  let exited = null;
  const exitPromise = new Promise((ok) => child.on('exit', (code, signal) => { exited = { code, signal }; ok(exited); }));
  // Poll readiness with a bounded loop: up to 60 s on a loaded 2-core machine.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`server exited early: ${JSON.stringify(exited)}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('server not ready in 60 s'); }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    base, port, engine, child, dir,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const result = await exitPromise;
      db.drop();
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}

// A small client that keeps the session cookie and CSRF token like a browser would.
export class Client {
  constructor(base, lang = 'zh-CN') { this.base = base; this.cookie = ''; this.csrf = ''; this.lang = lang; }
  async request(method, path, body, headers = {}) {
    const h = { 'Accept-Language': this.lang, ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['Content-Type'] = 'application/json';
    }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(/tongxin_session=([^;]*)/);
      if (m) this.cookie = m[1] ? `tongxin_session=${m[1]}` : '';
    }
    const text = await r.text();
    let json;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: r.status, headers: r.headers, text, json };
  }
  get(p, h) { return this.request('GET', p, undefined, h); }
  post(p, b, h) { return this.request('POST', p, b ?? {}, h); }
  patch(p, b, h) { return this.request('PATCH', p, b, h); }
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }
}
