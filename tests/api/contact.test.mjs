// tests/api/contact.test.mjs
//
// Contact work from outside, on both engines: a studio's rota becomes reception days on its
// public page and in an iCalendar feed that Python's icalendar parses; a member keeps key
// contacts; staff fire a must-visit occasion for the member's sector; the member logs the
// visit from the phone and the task closes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, engines, Client } from './lib/server.mjs';

// An independent parser: Debian's python3-icalendar.
function parseIcs(text) {
  const script = `
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
out = []
for e in cal.walk('VEVENT'):
    s = e.decoded('DTSTART')
    out.append({'summary': str(e.get('SUMMARY')), 'start': s.isoformat(),
                'tz': str(s.tzinfo), 'location': str(e.get('LOCATION')), 'uid': str(e.get('UID'))})
print(json.dumps({'name': str(cal.get('X-WR-CALNAME')), 'events': out}, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: text }).toString());
}

for (const engine of engines()) {
  describe(`contact work (${engine})`, () => {
    let server;
    let staff;
    let member;
    let me;
    let studioId;
    before(async () => {
      server = await startServer(engine);
      staff = new Client(server.base);
      member = new Client(server.base);
      assert.equal((await staff.login('staff')).status, 200);
      me = (await member.login('member')).json.user;
      studioId = (await staff.get('/api/v1/studios?limit=1')).json.items[0].id;
    });
    after(async () => { if (server) await server.stop(); });

    it('publishes a rota as reception days and an iCalendar feed', async () => {
      const bad = await staff.request('PUT', `/api/v1/studios/${studioId}/reception-rota`, { week_of_month: 9, weekday: 3 });
      assert.equal(bad.status, 400);
      const saved = await staff.request('PUT', `/api/v1/studios/${studioId}/reception-rota`, {
        week_of_month: 2, weekday: 3, start_time: '09:00', end_time: '11:30', place: '城关区委员之家, 2楼',
        member_ids: [me.member_id] });
      assert.equal(saved.status, 200, saved.text);
      assert.ok(saved.json.upcoming.length >= 2);
      const page = await new Client(server.base).get(`/api/v1/public/studios/${studioId}`);
      assert.ok(page.json.reception_days.length >= 2);
      const ics = await fetch(`${server.base}/api/v1/public/studios/${studioId}/reception-days.ics`);
      assert.equal(ics.status, 200);
      assert.match(ics.headers.get('content-type'), /text\/calendar/);
      const parsed = parseIcs(await ics.text());
      assert.match(parsed.name, /委员接待日/);
      assert.equal(parsed.events.length, page.json.reception_days.length);
      const first = parsed.events[0];
      assert.equal(first.tz, 'Asia/Shanghai');
      assert.equal(first.start.slice(0, 10), page.json.reception_days[0].date);
      assert.ok(first.start.endsWith('09:00:00+08:00'), first.start);
      assert.equal(first.location, '城关区委员之家, 2楼');
    });

    it('turns a must-visit occasion into tasks that a logged visit closes', async () => {
      const contact = await member.post('/api/v1/key-contacts', {
        name: '张晓梅', phone: '13700001111', sector_label: '医药卫生界', work_unit: '城关区社区卫生服务中心' });
      assert.equal(contact.status, 201, contact.text);
      assert.equal(contact.json.phone, '137****1111');
      const full = await member.get(`/api/v1/key-contacts/${contact.json.id}`);
      assert.equal(full.json.phone, '13700001111');
      assert.equal((await staff.get(`/api/v1/key-contacts/${contact.json.id}`)).json.phone, '137****1111');

      const sector = (await staff.get(`/api/v1/members/${me.member_id}`)).json.sector_id;
      const fired = await staff.post('/api/v1/visit-triggers', {
        occasion: 'policy', title: '《健康中国行动》新政策出台', sector_ids: [sector] });
      assert.equal(fired.status, 201, fired.text);
      assert.ok(fired.json.tasks >= 1);
      const tasks = await member.get('/api/v1/visit-tasks?status=open');
      const task = tasks.json.items.find((t) => t.key_contact_id === contact.json.id);
      assert.ok(task, tasks.text);

      const logged = await member.post('/api/v1/activities', {
        kind: 'visit', key_contact_ids: [contact.json.id], summary: '上门走访，宣讲新政策，听取意见' });
      assert.equal(logged.status, 201, logged.text);
      assert.equal(logged.json.tasks_closed, 1);
      const after = await member.get('/api/v1/visit-tasks?status=done');
      assert.ok(after.json.items.some((t) => t.id === task.id));

      const change = await member.post(`/api/v1/key-contacts/${contact.json.id}/changes`, { kind: 'difficulty', note: '家中老人重病住院' });
      assert.equal(change.status, 201);
      assert.equal(change.json.tasks, 1);
      // The visit is in the member's duty record with its points, and in the 述职 draft.
      const record = await member.get(`/api/v1/members/${me.member_id}/duty-record`);
      assert.equal(record.status, 200, record.text);
      assert.ok(record.json.items.some((i) => i.source.type === 'activity' && i.source.id === logged.json.id));
      assert.ok(record.json.points.total > 0);
      assert.equal((await new Client(server.base).get(`/api/v1/members/${me.member_id}/duty-record`)).status, 401);
      const draft = await member.get(`/api/v1/members/${me.member_id}/duty-report`);
      assert.equal(draft.json.generated, true);
      assert.match(draft.json.text, /联系服务界别群众/);
      const edited = await member.request('PUT', `/api/v1/members/${me.member_id}/duty-report`, { text: draft.json.text + '\n　　补充：本人今年还参加了义诊活动。' });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.json.generated, false);
      const pdf = await fetch(`${server.base}/api/v1/members/${me.member_id}/duty-report.pdf`, { headers: { Cookie: member.cookie } });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
      const submitted = await member.post(`/api/v1/members/${me.member_id}/duty-report/submit`);
      assert.equal(submitted.json.status, 'submitted');
      assert.equal((await member.request('PUT', `/api/v1/members/${me.member_id}/duty-report`, { text: 'x' })).status, 409);
      const ranking = await staff.get('/api/v1/assessments');
      assert.ok(ranking.json.items.some((r) => r.member_id === me.member_id && r.points > 0 && r.rank >= 1));

      const bogus = await member.post('/api/v1/activities', { kind: 'picnic' });
      assert.equal(bogus.status, 400);
      assert.equal(bogus.json.error.details.field, 'kind');
    });
  });
}

describe('leaders and awards', () => {
  let server;
  before(async () => { server = await startServer('sqlite'); });
  after(async () => { if (server) await server.stop(); });
  it('tracks a leader\'s quarterly visits and records awards', async () => {
    const staff = new Client(server.base);
    await staff.login('staff');
    const leader = new Client(server.base);
    const me = (await leader.login('leader')).json.user;
    const studios = (await staff.get('/api/v1/studios?limit=5')).json.items;
    const county = (await staff.get('/api/v1/conferences')).json.items.find((c) => c.level === 'county');
    const link = await staff.post('/api/v1/leader-links', {
      leader_member_id: me.member_id, studio_id: studios[0].id, county_conference_id: county.id,
      township_studio_id: studios[1].id });
    assert.equal(link.status, 201, link.text);
    const now = new Date(Date.now() + 8 * 3600e3);
    const year = now.getUTCFullYear();
    const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
    const before = await staff.get(`/api/v1/leader-links?year=${year}&quarter=${quarter}`);
    assert.deepEqual(before.json.items[0].missing, ['studio', 'county', 'township']);
    assert.equal((await leader.post('/api/v1/activities', { kind: 'inspection', studio_id: studios[0].id })).status, 201);
    const after = await staff.get(`/api/v1/leader-links?year=${year}&quarter=${quarter}`);
    assert.deepEqual(after.json.items[0].missing, ['county', 'township']);
    const award = await staff.post('/api/v1/awards', { year, kind: 'excellent_member', member_id: me.member_id, citation: '年度优秀委员' });
    assert.equal(award.status, 201, award.text);
    assert.equal((await staff.post('/api/v1/awards', { year, kind: 'advanced_studio' })).status, 400);
    assert.equal((await staff.get(`/api/v1/awards?year=${year}`)).json.items.length, 1);
  });
});
