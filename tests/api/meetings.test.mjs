// tests/api/meetings.test.mjs
//
// Meetings and attendance from outside, on both engines: the demo holds last year's and this
// year's plenary sessions, the standing committee's quarterly meetings and some committee
// meetings; staff schedule a plenary session held today with every member expected; the
// member finds it under 我的会议 and signs in once; asks for leave from tomorrow's standing
// committee with a reason (not without one); is refused a meeting whose roll they are not on;
// staff record who came without signing in, close the roll (the rest absent) and nobody signs
// in any more; leaders read but do not change; bad input is a 400 naming the field with a
// Chinese message (English on request), never a 500; an archived meeting leaves the lists.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client } from './lib/server.mjs';

const chinese = /[\u4e00-\u9fff]/;
// Dates in China time, as the server counts them.
const chinaDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

for (const engine of engines()) {
  describe(`meetings and attendance (${engine})`, () => {
    let server;
    let staff;
    let member;
    let member2;
    let leader;
    let me;
    let me2;
    let meLeader;
    let plenary;
    let standing;
    before(async () => {
      server = await startServer(engine);
      staff = new Client(server.base);
      member = new Client(server.base);
      member2 = new Client(server.base);
      leader = new Client(server.base);
      assert.equal((await staff.login('staff')).status, 200);
      me = (await member.login('member')).json.user;
      me2 = (await member2.login('member2')).json.user;
      meLeader = (await leader.login('leader')).json.user;
    });
    after(async () => { if (server) await server.stop(); });

    it('has the demo conference meetings, with closed rolls for those held', async () => {
      const plenaries = await staff.get('/api/v1/meetings?kind=plenary');
      assert.equal(plenaries.status, 200, plenaries.text);
      assert.equal(plenaries.json.items.length, 2);
      const year = Number(chinaDate().slice(0, 4));
      assert.deepEqual(plenaries.json.items.map((m) => m.held_on.slice(0, 7)).sort(), [`${year - 1}-01`, `${year}-01`]);
      const last = plenaries.json.items.find((m) => m.held_on.startsWith(String(year - 1)));
      assert.match(last.title, /^政协兰州市第十五届委员会第.+次会议$/);
      assert.equal(last.roll_closed, true);
      assert.equal(last.counts.expected, 0);
      assert.ok(last.counts.registered > last.counts.total * 0.75, JSON.stringify(last.counts));
      const standings = await staff.get(`/api/v1/meetings?kind=standing&year=${year - 1}`);
      assert.equal(standings.json.items.length, 4);
      // Newest first, a page at a time.
      const seen = [];
      let cursor = null;
      for (let i = 0; i < 50; i++) {
        const page = await staff.get(`/api/v1/meetings?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200, page.text);
        seen.push(...page.json.items);
        cursor = page.json.next_cursor;
        if (!cursor) break;
      }
      const all = (await staff.get('/api/v1/meetings?limit=100')).json.items;
      assert.deepEqual(seen.map((m) => m.id), all.map((m) => m.id));
      const dates = all.map((m) => m.held_on);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });

    it('lets a member sign in on the day, once, to a meeting on their roll', async () => {
      const created = await staff.post('/api/v1/meetings', {
        kind: 'plenary', title: '政协兰州市第十五届委员会第六次会议（临时）', held_on: chinaDate(), place: '兰州会议中心' });
      assert.equal(created.status, 201, created.text);
      plenary = created.json;
      assert.equal(plenary.counts.expected, plenary.counts.total);
      assert.ok(plenary.counts.total >= 20);

      const mine = await member.get('/api/v1/me/meetings');
      assert.equal(mine.status, 200, mine.text);
      const item = mine.json.items.find((m) => m.id === plenary.id);
      assert.ok(item, mine.text);
      assert.equal(item.mine.status, 'expected');
      assert.equal(item.mine.can_sign_in, true);
      const signed = await member.post(`/api/v1/meetings/${plenary.id}/sign-in`);
      assert.equal(signed.status, 200, signed.text);
      assert.equal(signed.json.status, 'registered');
      const again = await member.post(`/api/v1/meetings/${plenary.id}/sign-in`);
      assert.equal(again.status, 409);
      assert.equal(again.json.error.code, 'meeting.already_signed_in');
      assert.match(again.json.error.message, chinese);
      const detail = await member.get(`/api/v1/meetings/${plenary.id}`);
      assert.equal(detail.json.mine.status, 'registered');
      assert.equal(detail.json.mine.can_sign_in, false);
      assert.equal(detail.json.counts.registered, 1);

      // Only those on the roll.
      const small = await staff.post('/api/v1/meetings', {
        kind: 'other', title: '提案工作座谈会', held_on: chinaDate(), member_ids: [me.member_id] });
      assert.equal(small.status, 201, small.text);
      const refused = await member2.post(`/api/v1/meetings/${small.json.id}/sign-in`);
      assert.equal(refused.status, 403);
      assert.equal(refused.json.error.code, 'meeting.not_on_roll');
      assert.match(refused.json.error.message, chinese);
      assert.equal((await member2.get(`/api/v1/meetings/${small.json.id}`)).status, 404);
      // Staff sign in for nobody here: their way is the attendance roll.
      assert.equal((await staff.post(`/api/v1/meetings/${plenary.id}/sign-in`)).status, 403);
    });

    it('takes leave before a meeting begins, with a reason', async () => {
      const created = await staff.post('/api/v1/meetings', {
        kind: 'standing', title: '第十五届常委会第二十一次会议', held_on: chinaDate(1),
        sign_in_from: '08:30', sign_in_until: '09:00', place: '市政协常委会议室' });
      assert.equal(created.status, 201, created.text);
      standing = created.json;
      assert.equal(standing.sign_in_from, '08:30');
      const mine = (await member.get('/api/v1/me/meetings')).json.items.find((m) => m.id === standing.id);
      assert.ok(mine, 'the member is a standing member');
      assert.equal(mine.mine.can_sign_in, false);
      assert.equal(mine.mine.can_ask_leave, true);

      const early = await member.post(`/api/v1/meetings/${standing.id}/sign-in`);
      assert.equal(early.status, 409);
      assert.equal(early.json.error.code, 'meeting.not_yet');
      const noReason = await member.post(`/api/v1/meetings/${standing.id}/leave`, {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.json.error.details.field, 'reason');
      assert.match(noReason.json.error.message, chinese);
      const leave = await member.post(`/api/v1/meetings/${standing.id}/leave`, { reason: '参加全国政协专题调研' });
      assert.equal(leave.status, 200, leave.text);
      assert.equal(leave.json.status, 'excused');
      assert.equal((await member.post(`/api/v1/meetings/${standing.id}/leave`, { reason: '出差' })).status, 409);
      // Leave from a meeting that has begun is refused.
      const begun = await member2.post(`/api/v1/meetings/${plenary.id}/leave`, { reason: '身体不适' });
      assert.equal(begun.status, 409);
      assert.equal(begun.json.error.code, 'meeting.begun');
      const roll = await staff.get(`/api/v1/meetings/${standing.id}/attendance?status=excused`);
      assert.equal(roll.status, 200, roll.text);
      assert.deepEqual(roll.json.items.map((x) => [x.member_id, x.leave_reason]), [[me.member_id, '参加全国政协专题调研']]);
    });

    it('records attendance, closes the roll and keeps it closed', async () => {
      const bad = [
        [{}, 'items'],
        [{ items: [{ member_id: me2.member_id, status: 'late' }] }, 'items[0].status'],
        [{ items: [{ member_id: 999999, status: 'present' }] }, 'items[0].member_id'],
        [{ items: [{ status: 'present' }] }, 'items[0].member_id'],
        [{ items: [{ member_id: me2.member_id, status: 'present' }], note: 'x' }, 'note'],
      ];
      for (const [body, field] of bad) {
        const r = await staff.request('PUT', `/api/v1/meetings/${plenary.id}/attendance`, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      const english = new Client(server.base, 'en');
      await english.login('staff');
      const en = await english.request('PUT', `/api/v1/meetings/${plenary.id}/attendance`, { items: [{ member_id: me2.member_id, status: 'late' }] });
      assert.equal(en.status, 400);
      assert.doesNotMatch(en.json.error.message, chinese);

      const recorded = await staff.request('PUT', `/api/v1/meetings/${plenary.id}/attendance`, {
        items: [{ member_id: me2.member_id, status: 'present' }] });
      assert.equal(recorded.status, 200, recorded.text);
      assert.equal(recorded.json.changed, 1);
      assert.equal(recorded.json.counts.present, 1);

      const early = await staff.post(`/api/v1/meetings/${standing.id}/close-roll`);
      assert.equal(early.status, 409);
      assert.equal(early.json.error.code, 'meeting.not_yet');
      const closed = await staff.post(`/api/v1/meetings/${plenary.id}/close-roll`);
      assert.equal(closed.status, 200, closed.text);
      assert.equal(closed.json.roll_closed, true);
      assert.equal(closed.json.absent, plenary.counts.total - 2);
      assert.equal(closed.json.counts.expected, 0);
      assert.equal((await staff.post(`/api/v1/meetings/${plenary.id}/close-roll`)).status, 409);
      const late = await leader.post(`/api/v1/meetings/${plenary.id}/sign-in`);
      assert.equal(late.status, 409);
      assert.equal(late.json.error.code, 'meeting.roll_closed');
      // Staff may still correct a closed roll.
      const fixed = await staff.request('PUT', `/api/v1/meetings/${plenary.id}/attendance`, {
        items: [{ member_id: meLeader.member_id, status: 'excused', leave_reason: '出席全国政协会议' }] });
      assert.equal(fixed.status, 200, fixed.text);
      assert.equal(fixed.json.counts.excused, 1);
    });

    it('keeps each role to its part and answers bad input with a 400', async () => {
      assert.equal((await leader.get('/api/v1/meetings')).status, 200);
      assert.equal((await leader.get(`/api/v1/meetings/${plenary.id}/attendance`)).status, 200);
      assert.equal((await leader.patch(`/api/v1/meetings/${plenary.id}`, { title: 'x' })).status, 403);
      assert.equal((await member.get('/api/v1/meetings')).status, 403);
      assert.equal((await member.post('/api/v1/meetings', { kind: 'plenary', title: 'x', held_on: chinaDate() })).status, 403);
      assert.equal((await new Client(server.base).get('/api/v1/me/meetings')).status, 401);
      for (const [q, field] of [['kind=dinner', 'kind'], ['year=abc', 'year'], ['archived=yes', 'archived'], ['cursor=!!', null]]) {
        const r = await staff.get(`/api/v1/meetings?${q}`);
        assert.equal(r.status, 400, q);
        if (field) assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      for (const [body, field] of [
        [{ title: '会议', held_on: chinaDate() }, 'kind'],
        [{ kind: 'plenary', held_on: chinaDate() }, 'title'],
        [{ kind: 'plenary', title: '会议', held_on: '2026-02-30' }, 'held_on'],
        [{ kind: 'plenary', title: '会议', held_on: chinaDate(), ends_on: '2000-01-01' }, 'ends_on'],
        [{ kind: 'committee', title: '会议', held_on: chinaDate() }, 'committee_id'],
        [{ kind: 'other', title: '会议', held_on: chinaDate() }, 'member_ids'],
        [{ kind: 'plenary', title: '会议', held_on: chinaDate(), sign_in_from: '9点', sign_in_until: '10:00' }, 'sign_in_from'],
      ]) {
        const r = await staff.post('/api/v1/meetings', body);
        assert.equal(r.status, 400, `${JSON.stringify(body)} ${r.text}`);
        assert.equal(r.json.error.details.field, field);
        assert.match(r.json.error.message, chinese);
      }
      const malformed = await staff.request('POST', '/api/v1/meetings', '{"kind":');
      assert.equal(malformed.status, 400);
      assert.equal((await staff.get('/api/v1/meetings/999999')).status, 404);
    });

    it('edits and archives a meeting; an archived meeting leaves the lists', async () => {
      const edited = await staff.patch(`/api/v1/meetings/${standing.id}`, { place: '市政协三楼会议室', held_on: chinaDate(2) });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.json.place, '市政协三楼会议室');
      assert.equal(edited.json.held_on, chinaDate(2));
      assert.equal(edited.json.ends_on, chinaDate(2));
      const fixed = await staff.patch(`/api/v1/meetings/${plenary.id}`, { held_on: chinaDate(5) });
      assert.equal(fixed.status, 409);
      assert.match(fixed.json.error.message, chinese);
      const archived = await staff.request('DELETE', `/api/v1/meetings/${standing.id}`);
      assert.equal(archived.status, 200, archived.text);
      assert.equal(archived.json.archived, true);
      assert.equal((await staff.request('DELETE', `/api/v1/meetings/${standing.id}`)).status, 409);
      const mine = await member.get('/api/v1/me/meetings?limit=100');
      assert.ok(!mine.json.items.some((m) => m.id === standing.id));
      assert.ok(!(await staff.get('/api/v1/meetings?limit=100')).json.items.some((m) => m.id === standing.id));
      assert.ok((await staff.get('/api/v1/meetings?archived=true')).json.items.some((m) => m.id === standing.id));
      assert.equal((await member.post(`/api/v1/meetings/${standing.id}/sign-in`)).status, 404);
    });
  });
}
