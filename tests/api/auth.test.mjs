// tests/api/auth.test.mjs
//
// Signing in and out as the demo accounts, the same message for unknown user and wrong
// password, lockout after five failures, CSRF on cookie sessions.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client, DEMO_PASSWORD } from './lib/server.mjs';

const ACCOUNTS = {
  admin: 'admin', security: 'security', auditor: 'auditor', staff: 'staff',
  lead: 'studio_lead', member: 'member', member2: 'member', agency: 'agency', leader: 'leader',
};

for (const engine of engines()) {
  describe(`auth (${engine})`, () => {
    let server;
    before(async () => { server = await startServer(engine); });
    after(async () => { if (server) await server.stop(); });

    it('lets every demo account sign in with its role', async () => {
      for (const [username, role] of Object.entries(ACCOUNTS)) {
        const c = new Client(server.base);
        const r = await c.login(username);
        assert.equal(r.status, 200, `${username}: ${r.text}`);
        assert.equal(r.json.user.username, username);
        assert.ok(r.json.user.roles.includes(role), `${username} lacks ${role}`);
        assert.ok(r.json.csrf_token);
        assert.match(r.headers.get('set-cookie'), /HttpOnly/i);
        const me = await c.get('/api/v1/me');
        assert.equal(me.json.user.username, username);
      }
    });

    it('gives the same answer for an unknown user and a wrong password', async () => {
      const unknown = await new Client(server.base).login('nobody', 'Whatever-123');
      const wrong = await new Client(server.base).login('staff', 'Wrong-Pass-123');
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.equal(unknown.json.error.message, wrong.json.error.message);
      assert.equal(unknown.json.error.code, wrong.json.error.code);
    });

    it('locks an account after five failures, even for the right password', async () => {
      for (let i = 0; i < 5; i++) await new Client(server.base).login('member2', 'Wrong-Pass-123');
      const right = await new Client(server.base).login('member2', DEMO_PASSWORD);
      assert.equal(right.status, 401);
    });

    it('requires the CSRF token for cookie sessions and ends the session on logout', async () => {
      const c = new Client(server.base);
      await c.login('staff');
      const csrf = c.csrf;
      c.csrf = '';
      const without = await c.post('/api/v1/auth/logout', {});
      assert.equal(without.status, 403);
      c.csrf = csrf;
      assert.equal((await c.post('/api/v1/auth/logout', {})).status < 300, true);
      const after = await c.get('/api/v1/me');
      assert.equal(after.status, 401);
    });
  });
}
