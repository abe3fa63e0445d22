// tests/api/organisation.test.mjs
//
// The organisation API from outside, on both engines: CRUD of studios with validation,
// cursor paging that visits every row once, Chinese and pinyin search, conference scope,
// a studio lead's rights, public pages that leak nothing private, signed QR codes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client } from './lib/server.mjs';

for (const engine of engines()) {
  describe(`organisation (${engine})`, () => {
    let server;
    let staff;
    before(async () => {
      server = await startServer(engine);
      staff = new Client(server.base);
      assert.equal((await staff.login('staff')).status, 200);
    });
    after(async () => { if (server) await server.stop(); });

    it('creates, reads, updates and archives a studio', async () => {
      const members = (await staff.get('/api/v1/members?limit=3')).json.items;
      const created = await staff.post('/api/v1/studios', {
        name: '雁滩街道委员工作站', kind: 'station', mode: 'street', division_code: '620102',
        address: '城关区雁滩路 1 号', lat: 36.06, lng: 103.88, member_ids: members.map((m) => m.id),
        standards_checklist: { site: true, standard: true, guarantee: false, rules: true, feature: false },
      });
      assert.equal(created.status, 201, created.text);
      const s = created.json;
      assert.equal(s.division_code, '620102000000');
      assert.deepEqual(s.member_ids, members.map((m) => m.id).sort((a, b) => a - b));
      const updated = await staff.patch(`/api/v1/studios/${s.id}`, { status: 'under_review', phone: '0931-8888888' });
      assert.equal(updated.json.status, 'under_review');
      assert.equal(updated.json.name, '雁滩街道委员工作站');  // untouched fields stay
      const archived = await staff.post(`/api/v1/studios/${s.id}/archive`, {});
      assert.equal(archived.json.archived, true);
      const list = await staff.get('/api/v1/studios?q=雁滩街道委员工作站');
      assert.equal(list.json.items.filter((x) => x.id === s.id).length, 0);
      assert.equal((await staff.get(`/api/v1/public/studios/${s.id}`)).status, 404);
    });

    it('rejects bad input field by field with Chinese messages', async () => {
      const cases = [
        [{ kind: 'studio', mode: 'street', division_code: '620102' }, 'name'],
        [{ name: 'x', kind: 'studio', mode: 'street', division_code: '999999' }, 'division_code'],
        [{ name: 'x', kind: 'shop', mode: 'street', division_code: '620102' }, 'kind'],
        [{ name: 'x', kind: 'studio', mode: 'street', division_code: '620102', lat: 80 }, 'lat'],
        [{ name: 'x', kind: 'studio', mode: 'street', division_code: '620102', first_convenor_member_id: 999999 }, 'first_convenor_member_id'],
        [{ name: 'x', kind: 'studio', mode: 'street', division_code: '620102', colour: 'red' }, 'colour'],
        [{ name: 12, kind: 'studio', mode: 'street', division_code: '620102' }, 'name'],
      ];
      for (const [body, field] of cases) {
        const r = await staff.post('/api/v1/studios', body);
        assert.equal(r.status, 400, `${field}: ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, /[\u4e00-\u9fff]/);
      }
    });

    it('pages through members by cursor, each exactly once', async () => {
      const seen = new Set();
      let cursor = null;
      let pages = 0;
      do {
        const r = await staff.get(`/api/v1/members?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        for (const m of r.json.items) {
          assert.ok(!seen.has(m.id), `member ${m.id} twice`);
          seen.add(m.id);
        }
        cursor = r.json.next_cursor;
        pages++;
      } while (cursor && pages < 100);
      assert.ok(seen.size >= 24);
      assert.equal((await staff.get('/api/v1/members?cursor=%%%')).status, 400);
    });

    it('finds members by Chinese substring and by pinyin initials', async () => {
      const someone = (await staff.get('/api/v1/members?limit=1')).json.items[0];
      const byName = await staff.get(`/api/v1/members?q=${encodeURIComponent(someone.name.slice(1))}`);
      assert.ok(byName.json.items.some((m) => m.id === someone.id));
      const studios = await staff.get(`/api/v1/studios?q=${encodeURIComponent('niurou')}`);
      assert.ok(studios.json.items.some((s) => s.name.includes('牛肉面')), studios.text);
    });

    it('keeps each conference to itself and those below it', async () => {
      const all = (await staff.get('/api/v1/conferences?limit=50')).json.items;
      assert.ok(all.some((c) => c.level === 'county'));
      assert.ok(!all.some((c) => c.level === 'provincial'), 'a city user must not see the province');
    });

    it('lets a studio lead edit their own studio only', async () => {
      const lead = new Client(server.base);
      const me = (await lead.login('lead')).json.user;
      assert.ok(me.studio_id);
      const own = await lead.patch(`/api/v1/studios/${me.studio_id}`, { opening_rules: '每周三上午接待' });
      assert.equal(own.status, 200, own.text);
      const other = (await staff.get('/api/v1/studios?limit=5')).json.items.find((s) => s.id !== me.studio_id);
      assert.equal((await lead.patch(`/api/v1/studios/${other.id}`, { phone: '1' })).status, 403);
      assert.equal((await lead.post('/api/v1/studios', { name: 'x' })).status, 403);
    });

    it('shows public pages without private fields, with signed QR codes', async () => {
      const anon = new Client(server.base);
      const list = await anon.get('/api/v1/public/studios?division_code=620100');
      assert.equal(list.status, 200);
      assert.ok(list.json.items.length > 0);
      const id = list.json.items[0].id;
      const page = (await anon.get(`/api/v1/public/studios/${id}`)).json;
      for (const key of ['liaison_member_id', 'standards_checklist', 'conference_id', 'created_at']) {
        assert.ok(!(key in page), `public studio leaks ${key}`);
      }
      for (const m of page.members) {
        for (const key of ['birth_year', 'ethnicity', 'resources', 'division_code', 'phone']) {
          assert.ok(!(key in m), `public member leaks ${key}`);
        }
      }
      assert.equal(page.verified, false);
      const sig = new URL(page.public_url).searchParams.get('sig');
      assert.equal((await anon.get(`/api/v1/public/studios/${id}?sig=${sig}`)).json.verified, true);
      assert.equal((await anon.get(`/api/v1/public/studios/${id}?sig=0000${sig.slice(4)}`)).json.verified, false);
      const png = await fetch(`${server.base}/api/v1/public/studios/${id}/qr.png`);
      assert.equal(png.headers.get('content-type'), 'image/png');
      const bytes = new Uint8Array(await png.arrayBuffer());
      assert.deepEqual([...bytes.slice(1, 4)], [0x50, 0x4e, 0x47]);  // "PNG"
      const svg = await anon.get(`/api/v1/public/studios/${id}/qr.svg`);
      assert.match(svg.text, /^<svg/);
      const near = await anon.get('/api/v1/public/studios?near=36.06,103.84');
      const d = near.json.items.map((s) => s.distance_m);
      assert.deepEqual(d, [...d].sort((a, b) => a - b));
      assert.equal((await anon.get('/api/v1/public/studios?near=abc')).status, 400);
    });
  });
}
