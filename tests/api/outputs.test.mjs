// tests/api/outputs.test.mjs
//
// Formal outputs from outside, on both engines, against the small demo: a member writes a
// micro-suggestion from the phone, staff accept it and dispatch it to the demo agency, the
// agency signs and answers, staff verify, the member rates and the item closes — and it is
// in the member's duty record with its points; a joint proposal cannot be submitted before
// its co-signer confirms and is registered 第N号; an opinion report is one matter of at most
// 1,500 characters; the headline figures give the answer rate (办复率); agencies are kept by
// staff and not by members; lists are paged by cursor; and every bad request — an unknown
// action, missing or mistyped fields, a non-numeric id, another member's draft, an agency
// acting on what is not its own — is a 4xx JSON error with a Chinese message, never a 500.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client } from './lib/server.mjs';

const chinese = /[\u4e00-\u9fff]/;
const chinaYear = () => Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));

// A refusal: the status, a JSON error with a code and a Chinese message.
function refused(r, status, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text}`);
  assert.equal(typeof r.json?.error?.code, 'string', `${what}: ${r.text}`);
  assert.match(r.json.error.message, chinese, `${what}: ${r.text}`);
  return r.json.error;
}

// Every page of a list, checking the pages do not overlap and come newest first.
async function allPages(client, path, limit) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < 200; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await client.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length <= limit);
    items.push(...r.json.items);
    cursor = r.json.next_cursor;
    if (!cursor) break;
  }
  assert.equal(new Set(items.map((x) => x.id)).size, items.length, 'no item twice');
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].id > items[i].id, 'newest first');
  return items;
}

for (const engine of engines()) {
  describe(`outputs (${engine})`, () => {
    let server;
    let staff;
    let member;
    let member2;
    let agency;
    let me;
    let me2;
    let agencyUser;
    const loginAs = async (username) => {
      const c = new Client(server.base);
      const r = await c.login(username);
      assert.equal(r.status, 200, r.text);
      return [c, r.json.user];
    };
    const act = (client, base, id, action, fields = {}) =>
      client.post(`/api/v1/${base}/${id}/actions`, { action, ...fields });

    before(async () => {
      server = await startServer(engine);
      [staff] = await loginAs('staff');
      [member, me] = await loginAs('member');
      [member2, me2] = await loginAs('member2');
      [agency, agencyUser] = await loginAs('agency');
    });
    after(async () => { if (server) await server.stop(); });

    it('takes a micro-suggestion from the member to the agency and back into the duty record', async () => {
      assert.ok(agencyUser.agency_id, 'the demo agency account handles an agency');
      const created = await member.post('/api/v1/micro-suggestions', {
        title: '建议在雁滩路口增设行人过街信号灯', category: '交通出行',
        body: '雁滩路与南河道交叉口人车混行，老人和学生过街困难，建议增设行人过街信号灯并施划斑马线。' });
      assert.equal(created.status, 201, created.text);
      const id = created.json.id;
      assert.equal(created.json.status, 'draft');
      assert.equal(created.json.status_label, '草稿');
      assert.ok(created.json.allowed_actions.some((a) => a.action === 'submit'));
      // A draft is the author's own: staff do not see it yet.
      assert.equal((await staff.get(`/api/v1/micro-suggestions/${id}`)).status, 404);

      const submitted = await act(member, 'micro-suggestions', id, 'submit');
      assert.equal(submitted.status, 200, submitted.text);
      assert.equal(submitted.json.status, 'submitted');
      const waiting = await staff.get('/api/v1/micro-suggestions?status=submitted&limit=100');
      assert.ok(waiting.json.items.some((x) => x.id === id));
      // The author does not review their own suggestion.
      const own = refused(await act(member, 'micro-suggestions', id, 'accept'), 409, 'author accepts');
      assert.equal(own.details.status, 'submitted');
      assert.ok(Array.isArray(own.details.allowed));

      assert.equal((await act(staff, 'micro-suggestions', id, 'accept')).json.status, 'accepted');
      const dispatched = await act(staff, 'micro-suggestions', id, 'dispatch', { agency_id: agencyUser.agency_id });
      assert.equal(dispatched.status, 200, dispatched.text);
      assert.equal(dispatched.json.status, 'dispatched');
      assert.equal(dispatched.json.due_step, 'sign');
      assert.equal(dispatched.json.agencies[0].agency_id, agencyUser.agency_id);

      const inbox = await agency.get('/api/v1/micro-suggestions?status=dispatched&limit=100');
      assert.ok(inbox.json.items.some((x) => x.id === id), inbox.text);
      assert.equal((await act(agency, 'micro-suggestions', id, 'sign')).json.status, 'signed');
      refused(await act(agency, 'micro-suggestions', id, 'reply'), 400, 'reply without text');
      const replied = await act(agency, 'micro-suggestions', id, 'reply', { reply: '已会同交警部门现场勘查，行人过街信号灯已列入本月施工计划。' });
      assert.equal(replied.json.status, 'replied');
      assert.equal((await act(staff, 'micro-suggestions', id, 'verify')).json.status, 'verified');

      const mine = await member.get(`/api/v1/micro-suggestions/${id}`);
      assert.ok(mine.json.allowed_actions.some((a) => a.action === 'rate'), mine.text);
      assert.deepEqual(mine.json.my_parties, ['author']);
      const rated = await act(member, 'micro-suggestions', id, 'rate', { rating: 'satisfied', comment: '办理及时' });
      assert.equal(rated.status, 200, rated.text);
      assert.equal(rated.json.status, 'closed');
      assert.equal(rated.json.status_label, '已办结');
      assert.deepEqual(rated.json.events.map((e) => e.action),
        ['create', 'submit', 'accept', 'dispatch', 'sign', 'reply', 'verify', 'rate', 'close']);
      for (let i = 1; i < rated.json.events.length; i++) assert.ok(rated.json.events[i].at >= rated.json.events[i - 1].at);
      assert.deepEqual(rated.json.allowed_actions, []);

      // In the member's duty record: the item with its state, and its points.
      const record = await member.get(`/api/v1/members/${me.member_id}/duty-record`);
      assert.equal(record.status, 200, record.text);
      const listed = record.json.outputs.find((o) => o.id === id);
      assert.ok(listed, JSON.stringify(record.json.outputs.map((o) => o.id)));
      assert.equal(listed.status, 'closed');
      assert.equal(listed.kind, 'micro_suggestion');
      assert.ok(record.json.items.some((i) => i.source.type === 'micro_suggestion' && i.source.id === id));
      // Another member does not read it.
      assert.equal((await member2.get(`/api/v1/micro-suggestions/${id}`)).status, 404);
    });

    it('submits a joint proposal only once the co-signer confirmed, and registers it 第N号', async () => {
      const created = await member.post('/api/v1/proposals', {
        title: '关于加快推进社区嵌入式养老服务的提案', body: '案由……理由……具体建议……',
        category: '养老服务', authorship: 'joint', coauthor_ids: [me2.member_id], term: 15, session: 5 });
      assert.equal(created.status, 201, created.text);
      const id = created.json.id;
      assert.deepEqual(created.json.author_list.map((a) => [a.member_id, a.confirmed]),
        [[me.member_id, true], [me2.member_id, false]]);
      const early = refused(await act(member, 'proposals', id, 'submit'), 409, 'submit before confirmation');
      assert.equal(early.code, 'output.cosigners_pending');
      // Only the co-signer confirms for themselves.
      refused(await act(member, 'proposals', id, 'confirm'), 409, 'first author confirms');
      const seen = await member2.get(`/api/v1/proposals/${id}`);
      assert.equal(seen.status, 200, seen.text);
      assert.ok(seen.json.allowed_actions.some((a) => a.action === 'confirm'));
      assert.deepEqual(seen.json.my_parties, ['coauthor']);
      const confirmed = await act(member2, 'proposals', id, 'confirm');
      assert.equal(confirmed.json.author_list[1].confirmed, true);
      assert.equal((await act(member, 'proposals', id, 'submit')).json.status, 'submitted');

      const registered = await act(staff, 'proposals', id, 'register', { category: '社会保障' });
      assert.equal(registered.status, 200, registered.text);
      assert.equal(registered.json.status, 'registered');
      assert.match(registered.json.number, /^第\d+号$/);
      assert.equal(registered.json.category, '社会保障');
      // Both proposers see it in their lists.
      assert.ok((await member2.get('/api/v1/proposals?limit=100')).json.items.some((x) => x.id === id));
      assert.ok((await member.get('/api/v1/proposals?mine=true&limit=100')).json.items.some((x) => x.id === id));
      // A reason is needed to turn it down, and one of the statutory grounds.
      const other = await member.post('/api/v1/proposals', { title: '关于某事的提案', body: '……', submit: true });
      assert.equal(other.json.status, 'submitted');
      assert.equal(refused(await act(staff, 'proposals', other.json.id, 'reject', { reason: '不宜' }), 400, 'no ground').details.field, 'ground');
      const rejected = await act(staff, 'proposals', other.json.id, 'reject', { ground: 'vague', reason: '内容空泛' });
      assert.equal(rejected.json.status, 'not_registered');
    });

    it('keeps an opinion report to one matter of at most 1,500 characters', async () => {
      const tooLong = await member.post('/api/v1/opinion-reports', { title: '过长的社情民意信息', body: '字'.repeat(1501) });
      const error = refused(tooLong, 400, 'body over 1,500');
      assert.equal(error.details.field, 'body');
      const fits = await member.post('/api/v1/opinion-reports', { title: '关于农村留守老人助餐服务的建议', body: '字'.repeat(1500), submit: true });
      assert.equal(fits.status, 201, fits.text);
      assert.equal(fits.json.status, 'submitted');
      assert.equal(fits.json.status_label, '待编审');
      const adopted = await act(staff, 'opinion-reports', fits.json.id, 'adopt');
      assert.equal(adopted.json.status, 'adopted');
    });

    it('answers bad input with a 4xx JSON error, never a 500', async () => {
      const draft = await member.post('/api/v1/micro-suggestions', { title: '小区路灯不亮', body: '小区门口路灯坏了一个多月。' });
      assert.equal(draft.status, 201, draft.text);
      const id = draft.json.id;
      const path = `/api/v1/micro-suggestions/${id}/actions`;

      assert.equal(refused(await member.post(path, { action: 'fly' }), 400, 'unknown action').details.field, 'action');
      assert.equal(refused(await member.post(path, {}), 400, 'no action').details.field, 'action');
      refused(await member.post(path, { action: 42 }), 400, 'action of the wrong type');
      refused(await member.post(path, '{"action": "submit"'), 400, 'malformed JSON');
      refused(await member.post(path, { action: 'edit', title: 12 }), 400, 'title of the wrong type');
      refused(await member.post(path, { action: 'edit', colour: 'red' }), 400, 'unknown field');
      refused(await member.post(path, { action: 'accept' }), 409, 'not allowed in draft');

      assert.equal(refused(await member.post('/api/v1/micro-suggestions', { body: '……' }), 400, 'no title').details.field, 'title');
      assert.equal(refused(await member.post('/api/v1/micro-suggestions', { title: '标题' }), 400, 'no body').details.field, 'body');
      assert.equal(refused(await member.post('/api/v1/micro-suggestions', { title: '标题', body: '……', coauthor_ids: 'x' }), 400, 'co-signers of the wrong type').details.field, 'coauthor_ids');
      assert.equal(refused(await member.post('/api/v1/micro-suggestions', { title: 'x'.repeat(101), body: '……' }), 400, 'title too long').details.field, 'title');
      assert.equal(refused(await member.post('/api/v1/proposals', { title: '标题', body: '……', authorship: 'joint' }), 400, 'joint without co-signers').details.field, 'coauthor_ids');
      refused(await member.post('/api/v1/proposals', { title: '标题', body: '……', authorship: 'team' }), 400, 'unknown authorship');
      refused(await member.post('/api/v1/micro-suggestions', { title: '标题', body: '……', member_id: me2.member_id }), 403, 'writing as another member');

      refused(await member.get('/api/v1/micro-suggestions/abc'), 404, 'non-numeric id');
      refused(await member.post('/api/v1/micro-suggestions/abc/actions', { action: 'submit' }), 404, 'non-numeric id in actions');
      refused(await member.get('/api/v1/micro-suggestions/999999999'), 404, 'unknown id');
      // Another member's draft does not exist for member2, nor an item of another kind.
      refused(await member2.get(`/api/v1/micro-suggestions/${id}`), 404, "another member's draft");
      refused(await member2.post(path, { action: 'submit' }), 404, "acting on another member's draft");
      refused(await member.get(`/api/v1/proposals/${id}`), 404, 'the wrong kind');

      // Queries are checked strictly.
      assert.equal(refused(await staff.get('/api/v1/micro-suggestions?status=lost'), 400, 'unknown status').details.field, 'status');
      refused(await staff.get('/api/v1/micro-suggestions?cursor=%%%'), 400, 'bad cursor');
      refused(await staff.get('/api/v1/micro-suggestions?member_id=abc'), 400, 'non-numeric member_id');
      refused(await staff.get('/api/v1/micro-suggestions?overdue=maybe'), 400, 'bad flag');
      refused(await staff.get('/api/v1/micro-suggestions/summary?year=abc'), 400, 'bad year');
      refused(await staff.get('/api/v1/micro-suggestions/summary?conference_id=999999'), 404, 'conference outside the scope');

      // An agency acts on what is assigned to it, and on nothing else.
      await act(member, 'micro-suggestions', id, 'submit');
      await act(staff, 'micro-suggestions', id, 'accept');
      const others = (await staff.get('/api/v1/agencies?limit=100')).json.items.filter((a) => a.id !== agencyUser.agency_id);
      assert.ok(others.length > 0);
      refused(await act(staff, 'micro-suggestions', id, 'dispatch', { agency_id: 'abc' }), 400, 'non-numeric agency');
      assert.equal(refused(await act(staff, 'micro-suggestions', id, 'dispatch', { agency_id: 999999 }), 400, 'unknown agency').details.field, 'agency_id');
      assert.equal((await act(staff, 'micro-suggestions', id, 'dispatch', { agency_id: others[0].id })).json.status, 'dispatched');
      refused(await act(agency, 'micro-suggestions', id, 'sign'), 404, 'an agency signing for another');
      refused(await agency.get(`/api/v1/micro-suggestions/${id}`), 404, 'an agency reading what is not its own');
      // Nor do members or agencies create agencies, or staff's drafts for others outside the scope.
      refused(await agency.post('/api/v1/micro-suggestions', { title: '标题', body: '……' }), 403, 'an agency writing');
      // A member rating what is not theirs to rate.
      refused(await act(member, 'micro-suggestions', id, 'rate', { rating: 'satisfied' }), 409, 'rating before the answer');
    });

    it('gives the headline figures with the answer rate (办复率) to staff only', async () => {
      const year = chinaYear();
      for (const y of [year - 1, year]) {
        const r = await staff.get(`/api/v1/micro-suggestions/summary?year=${y}`);
        assert.equal(r.status, 200, r.text);
        const s = r.json;
        assert.equal(s.kind, 'micro_suggestion');
        assert.equal(s.year, y);
        assert.ok(s.submitted > 0, r.text);
        assert.equal(s.answer_rate, s.accepted ? Math.round((1000 * s.answered) / s.accepted) / 10 : 0);
        assert.ok(s.answer_rate >= 0 && s.answer_rate <= 100);
        assert.equal(s.by_status.reduce((n, x) => n + x.count, 0), s.submitted);
        assert.ok(s.by_status.every((x) => chinese.test(x.label)));
      }
      // The previous year reads like the seeds' (95.4 % answered).
      const last = (await staff.get(`/api/v1/micro-suggestions/summary?year=${year - 1}`)).json;
      assert.ok(last.answer_rate >= 90, JSON.stringify(last));
      const proposals = (await staff.get(`/api/v1/proposals/summary?year=${year - 1}`)).json;
      assert.ok(proposals.by_reply_class, JSON.stringify(proposals));
      const reports = (await staff.get(`/api/v1/opinion-reports/summary?year=${year - 1}`)).json;
      assert.equal(typeof reports.outcomes.instruction, 'number');
      const [leader] = await loginAs('leader');
      assert.equal((await leader.get('/api/v1/micro-suggestions/summary')).status, 200);
      refused(await member.get('/api/v1/micro-suggestions/summary'), 403, 'a member reading the figures');
      refused(await agency.get('/api/v1/proposals/summary'), 403, 'an agency reading the figures');
    });

    it('lets staff keep the agencies, and no member', async () => {
      const list = await staff.get('/api/v1/agencies?limit=100');
      assert.equal(list.status, 200, list.text);
      assert.ok(list.json.items.some((a) => a.short_name === '市城市管理局' && a.id === agencyUser.agency_id));
      const created = await staff.post('/api/v1/agencies', {
        name: '兰州市林业局', short_name: '市林业局', kind: 'government', division_code: '620100',
        contact_name: '王伟', contact_phone: '0931-8123456', sort_order: 500 });
      assert.equal(created.status, 201, created.text);
      const a = created.json;
      assert.equal(a.name, '兰州市林业局');
      assert.equal((await staff.get(`/api/v1/agencies/${a.id}`)).json.short_name, '市林业局');
      const updated = await staff.patch(`/api/v1/agencies/${a.id}`, { contact_phone: '0931-8654321' });
      assert.equal(updated.status, 200, updated.text);
      assert.equal(updated.json.contact_phone, '0931-8654321');
      assert.equal(updated.json.name, '兰州市林业局');  // untouched fields stay
      assert.equal(refused(await staff.post('/api/v1/agencies', { name: '某单位', kind: 'shop' }), 400, 'unknown kind').details.field, 'kind');
      assert.equal(refused(await staff.post('/api/v1/agencies', { short_name: '无名' }), 400, 'no name').details.field, 'name');
      refused(await member.post('/api/v1/agencies', { name: '兰州市某局' }), 403, 'a member creating an agency');
      refused(await member.patch(`/api/v1/agencies/${a.id}`, { name: '改名' }), 403, 'a member editing an agency');
      refused(await member.post(`/api/v1/agencies/${a.id}/archive`, {}), 403, 'a member archiving an agency');
      refused(await agency.patch(`/api/v1/agencies/${a.id}`, { name: '改名' }), 403, 'an agency editing an agency');
      const archived = await staff.post(`/api/v1/agencies/${a.id}/archive`, {});
      assert.equal(archived.status, 200, archived.text);
      assert.equal(archived.json.archived, true);
      const after = await staff.get('/api/v1/agencies?limit=100');
      assert.ok(!after.json.items.some((x) => x.id === a.id));
    });

    it('pages every list by cursor, each item once, and shows each role its own', async () => {
      for (const base of ['micro-suggestions', 'proposals', 'opinion-reports']) {
        const all = await allPages(staff, `/api/v1/${base}`, 4);
        assert.ok(all.length > 4, `${base}: ${all.length}`);
        assert.ok(all.every((x) => x.status !== 'draft'), 'staff do not see drafts');
        const first = await staff.get(`/api/v1/${base}?limit=${all.length + 10}`);
        assert.deepEqual(first.json.items.map((x) => x.id), all.map((x) => x.id));
        assert.equal(first.json.next_cursor, null);
      }
      const mine = await allPages(member, '/api/v1/micro-suggestions', 3);
      assert.ok(mine.some((x) => x.status === 'draft'), 'a member sees their drafts');
      assert.ok(mine.some((x) => x.status === 'verified'), 'and the one waiting for their rating');
      assert.ok(mine.every((x) => x.authors.length >= 1));
      const handled = await allPages(agency, '/api/v1/micro-suggestions', 3);
      assert.ok(handled.length > 0);
      for (const x of handled) {
        const full = await agency.get(`/api/v1/micro-suggestions/${x.id}`);
        assert.ok(full.json.agencies.some((a) => a.agency_id === agencyUser.agency_id), full.text);
      }
      const overdue = await staff.get('/api/v1/micro-suggestions?overdue=true&limit=100');
      assert.equal(overdue.status, 200);
      assert.ok(overdue.json.items.every((x) => x.overdue === true), overdue.text);
    });
  });
}
