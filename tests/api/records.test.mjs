// tests/api/records.test.mjs
//
// The records module from outside, on both engines, against the small demo with the sweep
// every second: the yearly assessment is what the records sweep stored — grades as codes
// with Chinese labels, ranks that share ties (1, 2, 2, 4) within each member's conference,
// sector and committee, filters, keyset pages — and a member's new activity shows in it
// after the sweep while the duty record has it at once; staff see their conference and
// those below; awards go once a year to a recipient in scope and can be withdrawn (audited);
// admin reads the scoring rules; every bad query parameter is a 400 with a Chinese message.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, engines, Client, ROOT } from './lib/server.mjs';

const chinese = /[\u4e00-\u9fff]/;
const GRADES = ['excellent', 'competent', 'basic', 'unqualified'];
const LABELS = { excellent: '优秀', competent: '称职', basic: '基本称职', unqualified: '不称职' };
const chinaToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const chinaYear = () => Number(chinaToday().slice(0, 4));

// The shipped configuration with the sweep every second instead of every minute.
const confDir = mkdtempSync(join(tmpdir(), 'tongxin-records-'));
const configPath = join(confDir, 'tongxin.toml');
writeFileSync(configPath, readFileSync(join(ROOT, 'config/tongxin.toml'), 'utf8')
  .replace(/^sweep_interval_s = \d+$/m, 'sweep_interval_s = 1'));

async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

// Every page of an assessment query, checking the pages do not overlap.
async function allPages(client, params, limit = 7) {
  const items = [];
  let first;
  let cursor = null;
  for (let i = 0; i < 100; i++) {
    const q = new URLSearchParams({ ...params, limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    const r = await client.get(`/api/v1/assessments?${q}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length <= limit);
    if (!first) first = r.json;
    else assert.equal(r.json.summary, null, 'the summary comes with the first page only');
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) break;
  }
  assert.equal(new Set(items.map((x) => x.member_id)).size, items.length, 'no member twice');
  return { items, summary: first.summary };
}

// Standard competition ranking (1, 2, 2, 4) of `x` among `rows` sharing `same`.
const expectedRank = (rows, x, same) => 1 + rows.filter((y) => same(y) && y.points > x.points).length;

for (const engine of engines()) {
  describe(`duty records, assessments and awards (${engine})`, () => {
    let server;
    let staff;
    let member;
    let me;
    let city;
    let county;
    let province;
    before(async () => {
      server = await startServer(engine, { env: { TONGXIN_CONFIG: configPath } });
      staff = new Client(server.base);
      member = new Client(server.base);
      city = (await staff.login('staff')).json.user.conference_id;
      me = (await member.login('member')).json.user;
      const conferences = (await staff.get('/api/v1/conferences?limit=100')).json.items;
      county = conferences.find((c) => c.level === 'county');
      province = conferences.find((c) => c.id === city).parent_id;  // above the staff's scope
      assert.ok(province);
      // The sweep has stored the year's figures once.
      await waitFor('the first points sweep', async () => (await staff.get('/api/v1/assessments')).json.summary?.computed_at);
    });
    after(async () => { if (server) await server.stop(); });

    it('ranks members with shared ranks within conference, sector and committee', async () => {
      const { items, summary } = await allPages(staff, { year: String(chinaYear()) });
      assert.ok(items.length >= 20, `${items.length} members`);
      assert.equal(summary.count, items.length);
      assert.equal(GRADES.reduce((n, g) => n + summary.by_grade[g], 0), items.length);
      const avg = Math.round((items.reduce((s, x) => s + x.points, 0) / items.length) * 100) / 100;
      assert.ok(Math.abs(summary.average - avg) <= 0.01, `${summary.average} vs ${avg}`);
      // Points high to low; the city's members and the counties' below it.
      for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].points >= items[i].points);
      assert.ok(items.some((x) => x.conference_id === city));
      assert.ok(items.some((x) => x.conference_id === county.id && x.conference === county.name));
      for (const x of items) {
        assert.ok(GRADES.includes(x.grade), x.grade);
        assert.equal(x.grade_label, LABELS[x.grade]);
        assert.ok(x.name && chinese.test(x.name));
        assert.equal(x.rank, expectedRank(items, x, (y) => y.conference_id === x.conference_id), `rank of ${x.name}`);
        if (x.sector_id != null) {
          assert.ok(x.sector);
          assert.equal(x.sector_rank, expectedRank(items, x, (y) => y.sector_id === x.sector_id));
        } else {
          assert.equal(x.sector_rank, null);
        }
        assert.ok(Array.isArray(x.committees));
        for (const c of x.committees) {
          assert.ok(c.id > 0 && c.name);
          assert.equal(c.rank, expectedRank(items, x, (y) => y.committees.some((k) => k.id === c.id)));
        }
        assert.equal(x.committee_rank, x.committees[0]?.rank ?? null);
      }
      // The city's members are all in some committee (委员全员入委).
      assert.ok(items.filter((x) => x.conference_id === city).every((x) => x.committees.length === 1));
      // Ties: members with the same points share a rank; the next rank skips.
      const byConference = items.filter((x) => x.conference_id === city);
      for (let i = 1; i < byConference.length; i++) {
        const [a, b] = [byConference[i - 1], byConference[i]];
        if (a.points === b.points) assert.equal(a.rank, b.rank);
        else assert.equal(b.rank, i + 1);
      }
    });

    it('filters on the server by conference, sector, committee and grade', async () => {
      const { items } = await allPages(staff, {});
      const sectorId = items.find((x) => x.sector_id && items.filter((y) => y.sector_id === x.sector_id).length >= 2)?.sector_id
        ?? items.find((x) => x.sector_id).sector_id;
      const bySector = await allPages(staff, { sector_id: String(sectorId) }, 2);
      assert.deepEqual(bySector.items.map((x) => x.member_id), items.filter((x) => x.sector_id === sectorId).map((x) => x.member_id));
      // Filtered, the ranks are still those of the whole conference.
      for (const x of bySector.items) assert.equal(x.rank, items.find((y) => y.member_id === x.member_id).rank);

      const committeeId = items.find((x) => x.committees.length).committees[0].id;
      const byCommittee = await allPages(staff, { committee_id: String(committeeId) });
      assert.deepEqual(byCommittee.items.map((x) => x.member_id),
        items.filter((x) => x.committees.some((c) => c.id === committeeId)).map((x) => x.member_id));
      assert.equal(byCommittee.summary.count, byCommittee.items.length);

      for (const g of GRADES) {
        const r = await allPages(staff, { grade: g });
        assert.deepEqual(r.items.map((x) => x.member_id), items.filter((x) => x.grade === g).map((x) => x.member_id), g);
        assert.equal(r.summary.by_grade[g], r.items.length);
      }

      const countyOnly = await allPages(staff, { conference_id: String(county.id) });
      assert.ok(countyOnly.items.length >= 1);
      assert.ok(countyOnly.items.every((x) => x.conference_id === county.id));
      // Above the staff's conference: not found, as if it did not exist.
      const above = await staff.get(`/api/v1/assessments?conference_id=${province}`);
      assert.equal(above.status, 404, above.text);
      assert.match(above.json.error.message, chinese);
      // Leaders read it too; members and studio leads do not.
      const [leader] = await loginAs(server, 'leader');
      assert.equal((await leader.get('/api/v1/assessments')).status, 200);
      assert.equal((await member.get('/api/v1/assessments')).status, 403);
      assert.equal((await new Client(server.base).get('/api/v1/assessments')).status, 401);
    });

    it('shows a new activity in the duty record at once and in the assessment after the sweep', async () => {
      const rules = (await staff.get('/api/v1/points/rules')).json;
      const year = chinaYear();
      const set = rules.rule_sets.filter((s) => s.valid_from_year <= year).sort((a, b) => b.version - a.version)[0];
      const before = (await member.get(`/api/v1/members/${me.member_id}/duty-record`)).json;
      // A kind the member has room for under its yearly cap.
      const earned = (code) => before.items.filter((i) => i.kind === code).reduce((s, i) => s + i.points, 0);
      const rule = set.rules.find((r) => r.code.startsWith('activity.') && r.points > 0
        && (r.yearly_cap == null || r.yearly_cap - earned(r.code) >= r.points) && !r.half_if_unregistered);
      assert.ok(rule, 'an activity rule with room under its cap');
      const logged = await member.post('/api/v1/activities', { kind: rule.code.slice('activity.'.length), summary: '走访界别群众，听取意见建议' });
      assert.equal(logged.status, 201, logged.text);

      const record = (await member.get(`/api/v1/members/${me.member_id}/duty-record`)).json;
      assert.ok(record.items.some((i) => i.source.type === 'activity' && i.source.id === logged.json.id));
      const want = Math.round((before.points.total + rule.points) * 100) / 100;
      assert.equal(record.points.total, want);
      assert.equal(record.points.grade_label, LABELS[record.points.grade]);
      const row = await waitFor('the sweep to score the activity', async () => {
        const { items } = await allPages(staff, {}, 50);
        const mine = items.find((x) => x.member_id === me.member_id);
        return mine && mine.points === want ? mine : null;
      });
      assert.equal(row.grade, record.points.grade);
      // The submitted report brings the ledger in line too.
      const submitted = await member.post(`/api/v1/members/${me.member_id}/duty-report/submit`);
      assert.equal(submitted.status, 200, submitted.text);
      assert.equal(submitted.json.status, 'submitted');
    });

    it('records an award once a year per recipient in scope, and withdraws it', async () => {
      const year = chinaYear();
      const studios = (await staff.get('/api/v1/studios?limit=100')).json.items;
      const cityStudio = studios.find((s) => s.conference_id === city);
      assert.ok(cityStudio);
      const created = await staff.post('/api/v1/awards', { year, kind: 'excellent_member', member_id: me.member_id, citation: '年度履职积分名列前茅' });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.json.awarded_on, chinaToday());
      assert.equal(created.json.member_id, me.member_id);
      assert.ok(created.json.member);
      const again = await staff.post('/api/v1/awards', { year, kind: 'excellent_member', member_id: me.member_id });
      assert.equal(again.status, 409, again.text);
      assert.equal(again.json.error.code, 'award.duplicate');
      assert.equal(again.json.error.message, `该委员已获${year}年度“优秀委员”表彰，不能重复登记`);
      const studio = await staff.post('/api/v1/awards', { year, kind: 'advanced_studio', studio_id: cityStudio.id, awarded_on: `${year}-01-15` });
      assert.equal(studio.status, 201, studio.text);
      assert.equal(studio.json.awarded_on, `${year}-01-15`);
      assert.equal((await staff.post('/api/v1/awards', { year, kind: 'advanced_studio', studio_id: cityStudio.id })).status, 409);

      // A county's staff: the city's studio and members are out of scope.
      const admin = new Client(server.base);
      await admin.login('admin');
      const password = 'County-Staff-2026!';
      const made = await admin.post('/api/v1/users', { username: `county_${engine}`, password, roles: ['staff'], conference_id: county.id });
      assert.equal(made.status, 201, made.text);
      const countyStaff = new Client(server.base);
      assert.equal((await countyStaff.login(`county_${engine}`, password)).status, 200);
      for (const body of [{ year, kind: 'advanced_studio', studio_id: cityStudio.id }, { year, kind: 'excellent_member', member_id: me.member_id }]) {
        const r = await countyStaff.post('/api/v1/awards', body);
        assert.equal(r.status, 404, r.text);
        assert.match(r.json.error.message, chinese);
      }
      const countyRanking = (await countyStaff.get('/api/v1/assessments')).json.items;
      assert.ok(countyRanking.length >= 1 && countyRanking.every((x) => x.conference_id === county.id));
      assert.equal((await countyStaff.request('DELETE', `/api/v1/awards/${created.json.id}`)).status, 404);

      // Bad bodies: 400 with the field named.
      for (const [body, field] of [
        [{ year, kind: 'excellent_member' }, 'member_id'],
        [{ year, kind: 'excellent_member', member_id: me.member_id, studio_id: cityStudio.id }, 'studio_id'],
        [{ year, kind: 'best_member', member_id: me.member_id }, 'kind'],
        [{ year: 1999, kind: 'excellent_member', member_id: me.member_id }, 'year'],
        [{ year: 'x', kind: 'excellent_member', member_id: me.member_id }, 'year'],
        [{ year, kind: 'excellent_member', member_id: me.member_id, awarded_on: '2099-01-01' }, 'awarded_on'],
        [{ year, kind: 'excellent_member', member_id: me.member_id, awarded_on: 'yesterday' }, 'awarded_on'],
        [{ year, kind: 'excellent_member', member_id: me.member_id, extra: 1 }, 'extra'],
      ]) {
        const r = await staff.post('/api/v1/awards', body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }

      let list = (await staff.get(`/api/v1/awards?year=${year}`)).json.items;
      assert.deepEqual(list.map((a) => a.id).sort(), [created.json.id, studio.json.id].sort());
      assert.ok(list.every((a) => a.awarded_on && a.year === year));
      const withdrawn = await staff.request('DELETE', `/api/v1/awards/${created.json.id}`);
      assert.equal(withdrawn.status, 200, withdrawn.text);
      assert.equal((await staff.request('DELETE', `/api/v1/awards/${created.json.id}`)).status, 404);
      assert.equal((await member.request('DELETE', `/api/v1/awards/${studio.json.id}`)).status, 403);
      list = (await staff.get(`/api/v1/awards?year=${year}`)).json.items;
      assert.deepEqual(list.map((a) => a.id), [studio.json.id]);
      // Withdrawn, it may be recorded again.
      assert.equal((await staff.post('/api/v1/awards', { year, kind: 'excellent_member', member_id: me.member_id })).status, 201);
      const auditor = new Client(server.base);
      await auditor.login('auditor');
      const audit = (await auditor.get('/api/v1/audit-log?action=award.delete')).json.items;
      assert.ok(audit.some((e) => e.object_id === created.json.id && e.username === 'staff' && e.detail.kind === 'excellent_member'));
    });

    it('lets admin read the scoring rules', async () => {
      const [admin] = await loginAs(server, 'admin');
      const r = await admin.get('/api/v1/points/rules');
      assert.equal(r.status, 200, r.text);
      assert.ok(r.json.rule_sets.length >= 1);
      assert.ok(r.json.grades.excellent_min > r.json.grades.competent_min);
      const [agency] = await loginAs(server, 'agency');
      assert.equal((await agency.get('/api/v1/points/rules')).status, 403);
    });

    it('answers every bad query parameter with 400 and a Chinese message', async () => {
      const cases = [
        ['/api/v1/assessments?year=abc', 'year'],
        ['/api/v1/assessments?year=1999', 'year'],
        ['/api/v1/assessments?year=99999999999999999999', 'year'],
        ['/api/v1/assessments?year=2026x', 'year'],
        ['/api/v1/assessments?sector_id=x', 'sector_id'],
        ['/api/v1/assessments?sector_id=-3', 'sector_id'],
        ['/api/v1/assessments?committee_id=1.5', 'committee_id'],
        ['/api/v1/assessments?committee_id=99999999999999999999', 'committee_id'],
        ['/api/v1/assessments?conference_id=0', 'conference_id'],
        ['/api/v1/assessments?grade=good', 'grade'],
        ['/api/v1/assessments?grade=优秀', 'grade'],
        ['/api/v1/assessments?limit=ten', 'limit'],
        ['/api/v1/assessments?cursor=%21%21%21', undefined],
        [`/api/v1/assessments?cursor=${Buffer.from('abc\x1f7').toString('base64url')}`, undefined],
        ['/api/v1/awards?year=two-thousand', 'year'],
        [`/api/v1/members/${me.member_id}/duty-record?year=20x6`, 'year'],
        [`/api/v1/members/${me.member_id}/duty-report?year=-1`, 'year'],
        [`/api/v1/members/${me.member_id}/duty-report.pdf?year=1e9`, 'year'],
      ];
      for (const [path, field] of cases) {
        const r = await staff.get(path);
        assert.equal(r.status, 400, `${path} → ${r.status} ${r.text}`);
        assert.ok(r.json?.error?.code, path);
        assert.match(r.json.error.message, chinese, path);
        if (field) assert.equal(r.json.error.details.field, field, path);
      }
      // An unknown member: 404, not 500.
      assert.equal((await staff.get('/api/v1/members/abc/duty-record')).status, 404);
    });
  });
}

async function loginAs(server, username) {
  const c = new Client(server.base);
  const r = await c.login(username);
  assert.equal(r.status, 200, r.text);
  return [c, r.json.user];
}

process.on('exit', () => rmSync(confDir, { recursive: true, force: true }));
