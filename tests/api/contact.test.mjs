// tests/api/contact.test.mjs
//
// Contact work from outside, on both engines: a studio's rota becomes reception days on its
// public page and in an iCalendar feed that Python's icalendar parses; a member keeps key
// contacts; staff fire a must-visit occasion for the member's sector; the member logs the
// visit from the phone and the task closes; a member edits and archives a key contact (its
// open tasks cancelled) while others cannot; staff list and archive sector days; a studio's
// rota is read by its lead, its members and staff, and by no one else; activities are listed
// to staff, the studio's lead and the members concerned only; leaders' contact points are
// named, kept in the caller's scope, and the quarter is parsed strictly (400, never 500).
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

    const chinese = /[\u4e00-\u9fff]/;
    const loginAs = async (username) => {
      const c = new Client(server.base);
      const r = await c.login(username);
      assert.equal(r.status, 200, r.text);
      return [c, r.json.user];
    };

    it('lets the keeping member edit and archive a key contact, and no one else', async () => {
      const [member2] = await loginAs('member2');
      const [lead] = await loginAs('lead');
      const [agency] = await loginAs('agency');
      const created = await member.post('/api/v1/key-contacts', { name: '李红', phone: '13900003333', notes: '社区医生' });
      assert.equal(created.status, 201, created.text);
      const path = `/api/v1/key-contacts/${created.json.id}`;

      const edited = await member.patch(path, { name: '李红霞', phone: '139 0000 4444', work_unit: '城关区人民医院', sector_label: '医药卫生界' });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.json.phone, '139****4444');
      assert.notEqual(edited.json.name, '李红霞');  // masked, as on creation
      assert.equal(edited.json.masked, true);
      assert.equal(edited.json.work_unit, '城关区人民医院');
      assert.equal(edited.json.notes, '社区医生');  // absent fields keep their values
      const full = await member.get(path);
      assert.equal(full.json.name, '李红霞');
      assert.equal(full.json.phone, '13900004444');
      assert.equal((await staff.patch(path, { notes: '工作人员补充' })).status, 200);
      assert.equal((await member.patch(path, { notes: null })).json.notes, '');

      // Not the keeper: not found (the contact's existence is not disclosed); not a role that may: 403.
      for (const other of [member2, lead]) {
        const r = await other.patch(path, { notes: '越权修改' });
        assert.equal(r.status, 404, r.text);
        assert.equal(r.json.error.code, 'key_contact.not_found');
        assert.match(r.json.error.message, chinese);
        assert.equal((await other.post(`${path}/archive`)).status, 404);
      }
      assert.equal((await agency.patch(path, { notes: 'x' })).status, 403);
      assert.equal((await new Client(server.base).patch(path, { notes: 'x' })).status, 401);
      assert.equal((await member.patch('/api/v1/key-contacts/99999999', { notes: 'x' })).status, 404);

      // Bad input: 400 {"error": {"code", "message", "details"}} with a Chinese message.
      for (const [body, code, field] of [
        [{ phone: '12345' }, 'validation.invalid_field', 'phone'],
        [{ name: '' }, 'validation.invalid_field', 'name'],
        [{ name: null }, 'validation.invalid_field', 'name'],
        [{ name: '张'.repeat(31) }, 'validation.invalid_field', 'name'],
        [{ notes: 7 }, 'validation.invalid_field', 'notes'],
        [{ member_id: 2 }, 'validation.unknown_field', 'member_id'],
        [{}, 'key_contact.nothing_to_change', undefined],
      ]) {
        const r = await member.patch(path, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
        assert.equal(r.json.error.code, code);
        if (field) assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      assert.equal((await member.request('PATCH', path, '{not json')).status, 400);

      // A must-visit occasion gives it a task; archiving cancels the task and hides the contact.
      const sector = (await staff.get(`/api/v1/members/${me.member_id}`)).json.sector_id;
      assert.equal((await staff.post('/api/v1/visit-triggers', { occasion: 'speech', title: '重要讲话精神宣讲', sector_ids: [sector] })).status, 201);
      const taskOf = async (q) => (await member.get(`/api/v1/visit-tasks${q}`)).json.items.find((t) => t.key_contact_id === created.json.id);
      const task = await taskOf('?status=open');
      assert.ok(task);
      const archived = await member.post(`${path}/archive`);
      assert.equal(archived.status, 200, archived.text);
      assert.equal(archived.json.archived, true);
      assert.equal(archived.json.tasks_cancelled, 1);
      assert.equal((await taskOf('?status=cancelled')).id, task.id);
      assert.equal(await taskOf(''), undefined);
      const listed = async (q) => (await member.get(`/api/v1/key-contacts${q}`)).json.items.map((k) => k.id);
      assert.ok(!(await listed('')).includes(created.json.id));
      assert.ok((await listed('?archived=true')).includes(created.json.id));
      assert.equal((await member.get('/api/v1/key-contacts?archived=maybe')).status, 400);
      const again = await member.post(`${path}/archive`);
      assert.equal(again.status, 409);
      assert.match(again.json.error.message, chinese);
      assert.equal((await member.patch(path, { notes: 'x' })).status, 409);
      assert.equal((await member.post(`${path}/changes`, { kind: 'demand', note: '反映看病难' })).status, 409);
      const logged = await member.post('/api/v1/activities', { kind: 'visit', key_contact_ids: [created.json.id] });
      assert.equal(logged.status, 400);
      // No new tasks for an archived contact.
      assert.equal((await staff.post('/api/v1/visit-triggers', { occasion: 'policy', title: '医保新政策出台', sector_ids: [sector] })).status, 201);
      assert.equal(await taskOf('?status=open'), undefined);

      assert.equal((await member2.post(`${path}/restore`)).status, 404);
      const restored = await member.post(`${path}/restore`);
      assert.equal(restored.status, 200, restored.text);
      assert.equal(restored.json.archived, false);
      assert.equal((await member.post(`${path}/restore`)).status, 409);
      assert.ok((await listed('')).includes(created.json.id));
    });

    it('lists and archives sector days for staff only', async () => {
      const sectors = (await staff.get('/api/v1/sectors?limit=100')).json.items;
      const health = sectors.find((x) => x.name === '医药卫生界');
      const education = sectors.find((x) => x.name === '教育界');
      assert.ok(health && education);
      const solar = await staff.post('/api/v1/sector-dates', { title: '中国医师节', sector_ids: [health.id], calendar: 'solar', month: 8, day: 19 });
      assert.equal(solar.status, 201, solar.text);
      assert.deepEqual(solar.json.sectors, [{ id: health.id, name: '医药卫生界' }]);
      const lunar = await staff.post('/api/v1/sector-dates', { title: '重阳节·敬老', sector_ids: [education.id, health.id], calendar: 'lunar', month: 9, day: 9 });
      assert.equal(lunar.status, 201, lunar.text);

      const list = await staff.get('/api/v1/sector-dates');
      assert.equal(list.status, 200, list.text);
      const day = list.json.items.find((d) => d.id === lunar.json.id);
      assert.equal(day.calendar, 'lunar');
      assert.equal(day.month, 9);
      assert.equal(day.day, 9);
      assert.deepEqual(day.sectors.map((x) => x.name).sort(), ['医药卫生界', '教育界'].sort());
      assert.match(day.next_on, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(day.archived, false);
      assert.ok(list.json.items.some((d) => d.id === solar.json.id && d.next_on.endsWith('-08-19')));
      assert.ok((await staff.get('/api/v1/sector-dates?calendar=lunar')).json.items.every((d) => d.calendar === 'lunar'));

      for (const body of [
        { title: '无效日期', sector_ids: [health.id], month: 2, day: 30 },
        { title: '无效日期', sector_ids: [health.id], calendar: 'lunar', month: 13, day: 1 },
        { title: '没有界别', sector_ids: [], month: 5, day: 12 },
        { title: '未知界别', sector_ids: [99999999], month: 5, day: 12 },
        { title: '未知历法', sector_ids: [health.id], calendar: 'julian', month: 5, day: 12 },
      ]) {
        const r = await staff.post('/api/v1/sector-dates', body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} → ${r.text}`);
        assert.match(r.json.error.message, chinese);
      }
      assert.equal((await staff.get('/api/v1/sector-dates?calendar=julian')).status, 400);

      const [lead] = await loginAs('lead');
      for (const other of [member, lead]) {
        assert.equal((await other.get('/api/v1/sector-dates')).status, 403);
        assert.equal((await other.post(`/api/v1/sector-dates/${solar.json.id}/archive`)).status, 403);
        assert.equal((await other.post('/api/v1/sector-dates', { title: 'x', sector_ids: [health.id], month: 1, day: 1 })).status, 403);
      }
      assert.equal((await new Client(server.base).get('/api/v1/sector-dates')).status, 401);

      const archived = await staff.post(`/api/v1/sector-dates/${solar.json.id}/archive`);
      assert.equal(archived.status, 200, archived.text);
      assert.equal(archived.json.archived, true);
      assert.equal(archived.json.next_on, null);
      assert.equal((await staff.post(`/api/v1/sector-dates/${solar.json.id}/archive`)).status, 409);
      const missing = await staff.post('/api/v1/sector-dates/99999999/archive');
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error.code, 'sector_date.not_found');
      assert.ok(!(await staff.get('/api/v1/sector-dates')).json.items.some((d) => d.id === solar.json.id));
      assert.ok((await staff.get('/api/v1/sector-dates?archived=true')).json.items.some((d) => d.id === solar.json.id));
    });

    it('shows a studio\'s rota to its lead, its members and staff only', async () => {
      const [lead, leadUser] = await loginAs('lead');
      const [member2, me2] = await loginAs('member2');
      const [agency] = await loginAs('agency');
      const studio = (await staff.get(`/api/v1/studios/${leadUser.studio_id}`)).json;
      assert.ok(studio.member_ids.includes(me.member_id));
      assert.ok(!studio.member_ids.includes(me2.member_id));
      const path = `/api/v1/studios/${studio.id}/reception-rota`;
      const saved = await lead.request('PUT', path, { week_of_month: 3, weekday: 2, start_time: '14:30', end_time: '17:00', place: '城关区委员之家', member_ids: [leadUser.member_id] });
      assert.equal(saved.status, 200, saved.text);

      for (const reader of [lead, staff, member]) {
        const r = await reader.get(path);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.studio_id, studio.id);
        assert.equal(r.json.week_of_month, 3);
        assert.equal(r.json.weekday, 2);
        assert.equal(r.json.start_time, '14:30');
        assert.equal(r.json.end_time, '17:00');
        assert.equal(r.json.place, '城关区委员之家');
        assert.equal(r.json.skip_holidays, true);
        assert.deepEqual(r.json.member_ids, [leadUser.member_id]);
        assert.equal(r.json.members.length, 1);
        assert.equal(r.json.members[0].id, leadUser.member_id);
        assert.match(r.json.members[0].name, chinese);
        assert.ok(r.json.upcoming.length >= 1);
      }
      const denied = await member2.get(path);
      assert.equal(denied.status, 403, denied.text);
      assert.equal(denied.json.error.code, 'reception.forbidden');
      assert.match(denied.json.error.message, chinese);
      assert.equal((await agency.get(path)).status, 403);
      assert.equal((await new Client(server.base).get(path)).status, 401);
      assert.equal((await staff.get('/api/v1/studios/99999999/reception-rota')).status, 404);

      // A studio without a rota: 404 with the Chinese error.
      const studios = (await staff.get('/api/v1/studios?limit=100')).json.items;
      let none;
      for (const s of studios) {
        const r = await staff.get(`/api/v1/studios/${s.id}/reception-rota`);
        if (r.status === 404) { none = r; break; }
      }
      assert.ok(none, 'a studio without a rota');
      assert.equal(none.json.error.code, 'reception.no_rota');
      assert.equal(none.json.error.message, '该工作室尚未设置接待日安排');
    });

    it('lists activities to staff, the studio\'s lead and the members concerned only', async () => {
      const [lead, leadUser] = await loginAs('lead');
      const [member2, me2] = await loginAs('member2');
      const [agency] = await loginAs('agency');
      // The demo's year of contact work: the member has activities of their own.
      const own = await member.get('/api/v1/activities?limit=100');
      assert.equal(own.status, 200, own.text);
      assert.ok(own.json.items.length > 0, 'the demo logs the member\'s activities');
      assert.ok(own.json.items.every((a) => a.members.some((m) => m.id === me.member_id)));
      assert.deepEqual((await member.get(`/api/v1/activities?member_id=${me.member_id}&limit=100`)).json.items.map((a) => a.id),
        own.json.items.map((a) => a.id));

      // The lead's studio (the member is one of its members): an activity there with both.
      const studio = leadUser.studio_id;
      const logged = await lead.post('/api/v1/activities', {
        kind: 'consultation', studio_id: studio, member_ids: [leadUser.member_id, me.member_id], summary: '小马扎议事堂：加装电梯协商' });
      assert.equal(logged.status, 201, logged.text);
      for (const reader of [lead, member, staff]) {
        const r = await reader.get(`/api/v1/activities?studio_id=${studio}&limit=100`);
        assert.equal(r.status, 200, r.text);
        const item = r.json.items.find((a) => a.id === logged.json.id);
        assert.ok(item, r.text);
        assert.equal(item.members.length, 2);
        assert.ok(item.members.every((m) => chinese.test(m.name)));
        assert.ok(r.json.items.every((a) => a.studio_id === studio));
      }
      // Without a filter the lead sees their own activities (the lead is a member too).
      assert.ok((await lead.get('/api/v1/activities?limit=100')).json.items.some((a) => a.id === logged.json.id));

      // Another studio, another member, another role: 403 with a Chinese message.
      // A studio the member is not in.
      let other;
      for (const s of (await staff.get('/api/v1/studios?limit=100')).json.items) {
        if (s.id !== studio && !(await staff.get(`/api/v1/studios/${s.id}`)).json.member_ids.includes(me.member_id)) { other = s; break; }
      }
      assert.ok(other, 'a studio the member is not in');
      for (const [client, path] of [
        [member2, `/api/v1/activities?studio_id=${studio}`],
        [member2, `/api/v1/activities?member_id=${me.member_id}`],
        [member, `/api/v1/activities?studio_id=${other.id}`],
        [lead, `/api/v1/activities?studio_id=${other.id}`],
        [lead, `/api/v1/activities?member_id=${me2.member_id}`],
        [agency, '/api/v1/activities'],
      ]) {
        const r = await client.get(path);
        assert.equal(r.status, 403, `${path} → ${r.text}`);
        assert.match(r.json.error.message, chinese);
      }
      assert.equal((await new Client(server.base).get('/api/v1/activities')).status, 401);
      // Staff: any member or studio of the conference.
      const theirs = await staff.get(`/api/v1/activities?member_id=${me2.member_id}&limit=5`);
      assert.equal(theirs.status, 200);
      assert.ok(theirs.json.items.every((a) => a.members.some((m) => m.id === me2.member_id)));

      // Ids that are not positive integers: 400 naming the parameter, never 500.
      for (const [client, query, field] of [
        [staff, 'studio_id=abc', 'studio_id'], [staff, 'studio_id=', 'studio_id'], [member, 'studio_id=12abc', 'studio_id'],
        [staff, 'member_id=-3', 'member_id'], [member, 'member_id=1.5', 'member_id'], [lead, 'member_id=99999999999999999999', 'member_id'],
      ]) {
        const r = await client.get(`/api/v1/activities?${query}`);
        assert.equal(r.status, 400, `${query} → ${r.text}`);
        assert.equal(r.json.error.code, 'validation.invalid_field');
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      for (const [query, field] of [['', 'studio_id'], ['studio_id=x1', 'studio_id'], ['studio_id=0', 'studio_id'],
        [`studio_id=${studio}&from=2026-02-30`, 'from']]) {
        const r = await member.get(`/api/v1/reception-days?${query}`);
        assert.equal(r.status, 400, `${query} → ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      assert.equal((await member.get(`/api/v1/reception-days?studio_id=${studio}&from=2026-01-01`)).status, 200);
    });

    it('names each leader\'s contact points, keeps them in scope and parses the quarter', async () => {
      const [leader, leaderUser] = await loginAs('leader');
      const conferences = (await staff.get('/api/v1/conferences?limit=100')).json.items;
      const county = conferences.find((c) => c.level === 'county');
      const province = conferences.find((c) => c.level === 'provincial');
      const studios = (await staff.get('/api/v1/studios?limit=5')).json.items;
      const township = (await staff.get('/api/v1/studios?mode=street&limit=5')).json.items[0];
      const body = { leader_member_id: leaderUser.member_id, studio_id: studios[0].id, county_conference_id: county.id, township_studio_id: township.id };

      for (const [change, field] of [
        [{ studio_id: 99999999 }, 'studio_id'],
        [{ township_studio_id: 99999999 }, 'township_studio_id'],
        [{ county_conference_id: 99999999 }, 'county_conference_id'],
        [{ county_conference_id: leaderUser.conference_id }, 'county_conference_id'], // not below the leader's
        [{ county_conference_id: province?.id ?? 99999998 }, 'county_conference_id'], // above staff's scope
        [{ leader_member_id: 99999999 }, 'leader_member_id'],
      ]) {
        const r = await staff.post('/api/v1/leader-links', { ...body, ...change });
        assert.equal(r.status, 400, `${JSON.stringify(change)} → ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      assert.equal((await member.post('/api/v1/leader-links', body)).status, 403);
      const saved = await staff.post('/api/v1/leader-links', body);
      assert.equal(saved.status, 201, saved.text);

      const now = new Date(Date.now() + 8 * 3600e3);
      const year = now.getUTCFullYear();
      const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
      assert.equal((await leader.post('/api/v1/activities', { kind: 'inspection', studio_id: township.id, summary: '调研联系点' })).status, 201);
      for (const reader of [staff, leader]) {
        const r = await reader.get(`/api/v1/leader-links?year=${year}&quarter=${quarter}`);
        assert.equal(r.status, 200, r.text);
        const item = r.json.items.find((i) => i.leader_member_id === leaderUser.member_id);
        assert.ok(item, r.text);
        assert.equal(item.id, saved.json.id);
        assert.match(item.leader, chinese);
        assert.deepEqual(item.studio, { id: studios[0].id, name: studios[0].name });
        assert.deepEqual(item.county, { id: county.id, name: county.name });
        assert.deepEqual(item.township, { id: township.id, name: township.name });
        assert.equal(item.visits.township, 1);
        assert.ok(!item.missing.includes('township'));
        assert.ok(item.missing.includes('county'));
      }
      assert.equal((await member.get(`/api/v1/leader-links?year=${year}&quarter=${quarter}`)).status, 403);

      for (const query of ['', `year=${year}`, `quarter=${quarter}`, `year=abc&quarter=1`, `year=${year}&quarter=x`,
        `year=${year}&quarter=5`, `year=${year}&quarter=0`, `year=${year}&quarter=2.5`, `year=1999&quarter=1`, `year=2026x&quarter=1`,
        'year=99999999999999999999&quarter=1']) {
        const r = await staff.get(`/api/v1/leader-links?${query}`);
        assert.equal(r.status, 400, `${query} → ${r.text}`);
        assert.equal(r.json.error.code, 'validation.invalid_field');
        assert.ok(['year', 'quarter'].includes(r.json.error.details.field), r.text);
        assert.match(r.json.error.message, chinese);
      }
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
    const mine = async () => (await staff.get(`/api/v1/leader-links?year=${year}&quarter=${quarter}`))
      .json.items.find((i) => i.leader_member_id === me.member_id);
    const before = await mine();
    assert.deepEqual(before.missing, ['studio', 'county', 'township']);
    assert.equal(before.studio.name, studios[0].name);
    assert.equal((await leader.post('/api/v1/activities', { kind: 'inspection', studio_id: studios[0].id })).status, 201);
    const after = await mine();
    assert.deepEqual(after.missing, ['county', 'township']);
    assert.equal(after.visits.studio, 1);
    const award = await staff.post('/api/v1/awards', { year, kind: 'excellent_member', member_id: me.member_id, citation: '年度优秀委员' });
    assert.equal(award.status, 201, award.text);
    assert.equal((await staff.post('/api/v1/awards', { year, kind: 'advanced_studio' })).status, 400);
    assert.equal((await staff.get(`/api/v1/awards?year=${year}`)).json.items.length, 1);
  });
});
