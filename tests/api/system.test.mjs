// tests/api/system.test.mjs
//
// The server's fixed points, seen from outside: health, readiness, metrics, the OpenAPI
// document, the error shape for bad input, and a clean exit on SIGTERM.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, engines, Client } from './lib/server.mjs';

for (const engine of engines()) {
  describe(`system (${engine})`, () => {
    let server;
    let client;
    before(async () => { server = await startServer(engine); client = new Client(server.base); });
    after(async () => { if (server) await server.stop(); });

    it('answers /healthz, /readyz and /metrics', async () => {
      assert.equal((await client.get('/healthz')).json.status, 'ok');
      const ready = await client.get('/readyz');
      assert.equal(ready.status, 200);
      assert.equal(ready.json.database, engine);
      const metrics = await client.get('/metrics');
      assert.equal(metrics.status, 200);
      assert.match(metrics.text, /tongxin_http_requests_total\{/);
      assert.match(metrics.text, /tongxin_db_pool_in_use /);
    });

    it('serves an OpenAPI 3.1 document listing the fixed routes', async () => {
      const doc = (await client.get('/api/v1/openapi.json')).json;
      assert.equal(doc.openapi, '3.1.0');
      for (const [path, method] of [
        ['/api/v1/auth/login', 'post'], ['/api/v1/auth/logout', 'post'], ['/api/v1/me', 'get'],
        ['/api/v1/studios', 'get'], ['/api/v1/studios', 'post'], ['/api/v1/studios/{id}', 'get'],
        ['/api/v1/members', 'get'], ['/api/v1/conferences', 'get'], ['/api/v1/sectors', 'get'],
        ['/api/v1/committees', 'get'], ['/api/v1/member-groups', 'get'],
        ['/api/v1/public/studios', 'get'], ['/api/v1/public/studios/{id}', 'get'],
        ['/api/v1/public/members/{id}', 'get'], ['/api/v1/public/studios/{id}/qr.png', 'get'],
        ['/healthz', 'get'], ['/readyz', 'get'], ['/metrics', 'get'],
      ]) {
        assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing`);
      }
    });

    it('turns bad input into 4xx JSON errors with a Chinese message', async () => {
      const malformed = await client.post('/api/v1/auth/login', '{"username": "staff",');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.json.error.code, 'request.malformed_json');
      assert.match(malformed.json.error.message, /[\u4e00-\u9fff]/);

      const notObject = await client.post('/api/v1/auth/login', '[1,2,3]');
      assert.equal(notObject.status, 400);

      const unknown = await client.get('/api/v1/no-such-thing');
      assert.equal(unknown.status, 404);
      assert.ok(unknown.json.error.code);

      const big = await client.post('/api/v1/auth/login', `{"username":"${'x'.repeat(9 * 1024 * 1024)}"}`)
        .catch(() => ({ status: 413 }));  // the server may close the connection mid-upload
      assert.equal(big.status, 413);

      const english = await new Client(server.base, 'en').post('/api/v1/auth/login', '{');
      assert.equal(english.status, 400);
      assert.doesNotMatch(english.json.error.message, /[\u4e00-\u9fff]/);

      const anonymous = await client.get('/api/v1/studios');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.json.error.code, 'auth.required');
    });

    it('survives garbage on the socket', async () => {
      await new Promise((ok) => {
        const s = net.connect(server.port, '127.0.0.1', () => {
          s.write('\x00\x01GARBAGE / HTTP/9.9\r\n\r\n');
        });
        s.on('data', () => {});
        s.on('close', ok);
        s.on('error', ok);
      });
      assert.equal((await client.get('/healthz')).status, 200);
    });

    it('exits cleanly on SIGTERM', async () => {
      const result = await server.stop();
      server = null;
      assert.equal(result.code, 0, `exit ${JSON.stringify(result)}`);
    });
  });
}

describe('command line', () => {
  it('takes the shared options after the subcommand, as api.md and make run write them', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { BIN, ROOT } = await import('./lib/server.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'tongxin-cli-'));
    try {
      const db = `sqlite:${join(dir, 'cli.db')}`;
      const common = ['--data-dir', join(ROOT, 'data'), '--key-file', join(dir, 'key')];
      const env = { ...process.env, TONGXIN_LOG_LEVEL: 'warn' };
      execFileSync(BIN, ['migrate', '--db', db, ...common], { env, stdio: 'pipe' });
      execFileSync(BIN, ['seed-demo', '--db', db, ...common, '--scale', 'small', '--demo-password', 'Cli-Pass-2026!'],
        { env, stdio: 'pipe' });
      // And before it, as the bench writes them.
      execFileSync(BIN, ['--db', db, ...common, 'migrate'], { env, stdio: 'pipe' });
      assert.throws(() => execFileSync(BIN, ['migrate', '--no-such-flag'], { env, stdio: 'pipe' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
