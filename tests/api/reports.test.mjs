// tests/api/reports.test.mjs
//
// The reports API from outside, on both engines, against the small demo: the figures route
// answers issue 10's fixed point (scope, from, to, the fourteen keys with label, value,
// unit and previous; rates as fractions), staff, admin and leaders see their conference,
// a member only their own figures, a citizen (no account) must sign in; every bad
// parameter is a 400 with a Chinese message; the rows behind a figure come in cursor pages
// that add up to its value and show no phone number.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client } from './lib/server.mjs';

const chinese = /[\u4e00-\u9fff]/;
const KEYS = ['studios_built', 'reception_days_held', 'people_served', 'key_contacts',
  'contacts_visited', 'things_done', 'cases_collected', 'cases_feedback_rate',
  'cases_handled_rate', 'micro_suggestions_submitted', 'micro_suggestions_answer_rate',
  'proposals_registered', 'opinion_reports_adopted', 'leader_instructions'];
const RATES = new Set(['cases_feedback_rate', 'cases_handled_rate', 'micro_suggestions_answer_rate']);
const chinaYear = () => Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));

function assertChineseError(r, status) {
  assert.equal(r.status, status, r.text);
  assert.ok(r.json?.error?.code, r.text);
  assert.match(r.json.error.message, chinese, r.text);
}

// Every page of a figure's rows, checking pages neither overlap nor exceed the limit.
async function allRows(client, key, params, limit = 3) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < 500; i++) {
    const q = new URLSearchParams({ ...params, limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    const r = await client.get(`/api/v1/reports/figures/${key}/rows?${q}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.key, key);
    assert.ok(r.json.items.length <= limit);
    assert.doesNotMatch(r.text, /1[3-9]\d{9}/, 'no phone number in the rows');
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) break;
  }
  assert.equal(new Set(items.map((x) => x.id)).size, items.length, 'no row twice');
  return items;
}

for (const engine of engines()) {
  describe(`reports (${engine})`, () => {
    let server;
    let staff;
    let city;
    before(async () => {
      server = await startServer(engine);
      staff = new Client(server.base);
      city = (await staff.login('staff')).json.user.conference_id;
    });
    after(async () => { if (server) await server.stop(); });

    it('answers the fixed point: scope, period and the fourteen figures', async () => {
      const r = await staff.get('/api/v1/reports/figures');
      assert.equal(r.status, 200, r.text);
      const year = chinaYear();
      assert.equal(r.json.from, `${year}-01-01`);
      assert.equal(r.json.to, `${year}-12-31`);
      assert.equal(r.json.scope.conference_id, city);
      assert.equal(r.json.scope.include_below, true);
      assert.match(r.json.scope.conference, chinese);
      assert.deepEqual(r.json.figures.map((f) => f.key), KEYS);
      for (const f of r.json.figures) {
        assert.match(f.label, chinese, f.key);
        assert.equal(typeof f.unit, 'string');
        assert.ok('previous' in f, f.key);
        for (const v of [f.value, f.previous]) {
          if (RATES.has(f.key)) assert.ok(v === null || (v >= 0 && v <= 1), `${f.key} ${v}`);
          else assert.ok(Number.isInteger(v) && v >= 0, `${f.key} ${v}`);
        }
      }
      const value = (key) => r.json.figures.find((f) => f.key === key).value;
      assert.ok(value('studios_built') > 0);
      assert.ok(value('cases_collected') > 0);
      // The city alone counts no more than the city with its counties.
      const alone = await staff.get('/api/v1/reports/figures?include_below=false');
      assert.equal(alone.status, 200, alone.text);
      assert.equal(alone.json.scope.include_below, false);
      for (const f of alone.json.figures) {
        if (!RATES.has(f.key)) assert.ok(f.value <= value(f.key), f.key);
      }
      // A custom range: its previous period is the same length just before.
      const march = await staff.get(`/api/v1/reports/figures?from=${year}-03-01&to=${year}-03-31`);
      assert.equal(march.status, 200, march.text);
      assert.equal(march.json.from, `${year}-03-01`);
      assert.equal(march.json.previous_from, `${year}-02-01`);
      assert.equal(march.json.previous_to, `${year}-02-${new Date(Date.UTC(year, 2, 0)).getUTCDate()}`);
    });

    it('lets staff, admin and leaders in, a member for their own figures only', async () => {
      const anonymous = new Client(server.base);
      assertChineseError(await anonymous.get('/api/v1/reports/figures'), 401);
      assertChineseError(await anonymous.get('/api/v1/reports/figures/cases_collected/rows'), 401);
      for (const name of ['admin', 'leader']) {
        const c = new Client(server.base);
        assert.equal((await c.login(name)).status, 200);
        assert.equal((await c.get('/api/v1/reports/figures')).status, 200, name);
      }
      const member = new Client(server.base);
      const me = (await member.login('member')).json.user;
      const other = (await new Client(server.base).login('member2')).json.user;
      assert.ok(me.member_id && other.member_id && me.member_id !== other.member_id);
      assertChineseError(await member.get('/api/v1/reports/figures'), 403);
      assertChineseError(await member.get(`/api/v1/reports/figures?member_id=${other.member_id}`), 403);
      const mine = await member.get(`/api/v1/reports/figures?member_id=${me.member_id}`);
      assert.equal(mine.status, 200, mine.text);
      assert.equal(mine.json.scope.member_id, me.member_id);
      assert.match(mine.json.scope.member, chinese);
      const agency = new Client(server.base);
      await agency.login('agency');
      assertChineseError(await agency.get('/api/v1/reports/figures'), 403);
      // A conference above the staff's own is out of scope.
      const conferences = (await staff.get('/api/v1/conferences?limit=100')).json.items;
      const province = conferences.find((c) => c.id === city).parent_id;
      assertChineseError(await staff.get(`/api/v1/reports/figures?conference_id=${province}`), 403);
    });

    it('refuses bad parameters with a Chinese message and unknown figures with 404', async () => {
      for (const q of ['from=2026-13-01&to=2026-12-31', 'from=2026-1-1&to=2026-12-31',
        'from=2026-01-01', 'from=2026-03-01&to=2026-02-01', 'include_below=maybe',
        'conference_id=abc', 'studio_id=-3', 'sector_id=0']) {
        assertChineseError(await staff.get(`/api/v1/reports/figures?${q}`), 400);
      }
      const bad = await staff.get('/api/v1/reports/figures?from=2026-02-30&to=2026-03-31');
      assertChineseError(bad, 400);
      assert.equal(bad.json.error.details.field, 'from');
      assertChineseError(await staff.get('/api/v1/reports/figures/no_such_figure/rows'), 404);
      assertChineseError(await staff.get('/api/v1/reports/figures/cases_collected/rows?cursor=%%%'), 400);
      assertChineseError(await staff.get('/api/v1/reports/figures/cases_collected/rows?limit=x'), 400);
      assertChineseError(await staff.get('/api/v1/reports/figures?studio_id=999999'), 404);
    });

    it('pages the rows behind each figure, adding up to its value', async () => {
      const r = await staff.get('/api/v1/reports/figures');
      for (const key of ['cases_collected', 'people_served', 'cases_feedback_rate', 'studios_built',
        'key_contacts', 'micro_suggestions_submitted']) {
        const f = r.json.figures.find((x) => x.key === key);
        const rows = await allRows(staff, key, {});
        if (RATES.has(key)) {
          assert.equal(rows.length, f.whole, key);
          assert.equal(rows.filter((x) => x.counted).length, f.part, key);
        } else if (key === 'people_served') {
          assert.equal(rows.reduce((s, x) => s + x.amount, 0), f.value, key);
        } else {
          assert.equal(rows.length, f.value, key);
        }
        for (const x of rows) {
          assert.ok(x.id > 0 && typeof x.kind === 'string', key);
          assert.ok(x.date === null || /^\d{4}-\d{2}-\d{2}$/.test(x.date), `${key} ${x.date}`);
        }
      }
    });
  });
}
