// tests/api/cases.test.mjs
//
// Cases from outside, on both engines: a citizen's matter from the QR page to the rating,
// with the SMS code read from the development outbox; validation; the state machine's
// 409s; row-level access; the audited view of a citizen's phone number; search with
// highlighted snippets; near-duplicates merged into a common issue; rate limits.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, engines, Client } from './lib/server.mjs';

const PHONE = '13912345678';

async function smsCode(client, phone) {
  const r = await client.get(`/api/v1/dev/sms-outbox?phone=${phone}`);
  assert.equal(r.status, 200, r.text);
  const msg = r.json.items.find((m) => m.purpose === 'verification');
  assert.ok(msg, 'a verification SMS is in the outbox');
  return msg.text.match(/验证码为(\d{6})/)[1];
}

for (const engine of engines()) {
  describe(`cases (${engine})`, () => {
    let server;
    let citizen;
    let staff;
    let member;
    let member2;
    let me;
    let studioId;
    before(async () => {
      server = await startServer(engine);
      citizen = new Client(server.base);
      staff = new Client(server.base);
      member = new Client(server.base);
      member2 = new Client(server.base);
      assert.equal((await staff.login('staff')).status, 200);
      me = (await member.login('member')).json.user;
      assert.equal((await member2.login('member2')).status, 200);
      studioId = (await citizen.get('/api/v1/public/studios')).json.items[0].id;
    });
    after(async () => { if (server) await server.stop(); });

    it('rejects bad submissions with clear Chinese messages', async () => {
      const ok = { text: '小区门口的路灯不亮', studio_id: studioId, anonymous: true, consent: true };
      const cases = [
        [{ ...ok, text: '' }, 400, 'text'],
        [{ ...ok, text: '问'.repeat(2001) }, 400, 'text'],
        [{ ...ok, consent: false }, 400, 'consent'],
        [{ ...ok, studio_id: 999999 }, 404, null],
        [{ ...ok, colour: 'red' }, 400, 'colour'],
        [{ ...ok, anonymous: false, contact: { phone: '12345' } }, 400, 'contact.phone'],
        [{ ...ok, anonymous: false, contact: { phone: PHONE } }, 400, 'contact.sms_code'],
        [{ ...ok, photos: ['R0lGODlhAQABAAAAACw='] }, 400, null],
      ];
      for (const [body, status, field] of cases) {
        const r = await citizen.post('/api/v1/public/cases', body);
        assert.equal(r.status, status, `${JSON.stringify(body).slice(0, 80)} → ${r.text}`);
        assert.match(r.json.error.message, /[\u4e00-\u9fff]/);
        if (field) assert.equal(r.json.error.details.field, field);
      }
      const malformed = await citizen.post('/api/v1/public/cases', '{"text": ');
      assert.equal(malformed.status, 400);
    });

    it('takes a named matter with an SMS code, routes it and ends with a rating', async () => {
      assert.equal((await citizen.post('/api/v1/public/sms-codes', { phone: PHONE })).status, 202);
      const again = await citizen.post('/api/v1/public/sms-codes', { phone: PHONE });
      assert.equal(again.status, 429);
      assert.ok(Number(again.headers.get('retry-after')) > 0);
      const code = await smsCode(citizen, PHONE);
      const wrong = await citizen.post('/api/v1/public/cases', {
        text: 'x', studio_id: studioId, anonymous: false, consent: true,
        contact: { name: '赵丽华', phone: PHONE, sms_code: code === '000000' ? '111111' : '000000' },
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.json.error.details.field, 'contact.sms_code');

      const submitted = await citizen.post('/api/v1/public/cases', {
        title: '社区医院报销难', text: '我母亲在社区卫生服务中心看慢病，医保报销要跑三趟，希望能简化手续。',
        studio_id: studioId, address: '雁滩路3号院', anonymous: false, consent: true,
        contact: { name: '赵丽华', phone: PHONE, sms_code: code },
      });
      assert.equal(submitted.status, 201, submitted.text);
      const { tracking_code: tc } = submitted.json;
      assert.match(tc, /^[2-9A-HJKMNP-Z]{10}$/);
      assert.ok(submitted.json.follow_url.endsWith(`/t/${tc}`));

      // The follow page: status and timeline, nothing personal.
      const follow = await citizen.get(`/api/v1/public/cases/${tc.toLowerCase().slice(0, 5)}-${tc.slice(5)}`);
      assert.equal(follow.status, 200);
      assert.equal(follow.json.status, 'submitted');
      assert.ok(!follow.text.includes(PHONE) && !follow.text.includes('赵丽华'));
      assert.equal((await citizen.get('/api/v1/public/cases/ZZZZZZZZZZ')).status, 404);

      // Staff find it, see the contact masked, ask for suggestions and assign.
      const list = await staff.get('/api/v1/cases?status=submitted');
      const item = list.json.items.find((c) => c.tracking_code === tc);
      assert.ok(item);
      const detail = await staff.get(`/api/v1/cases/${item.id}`);
      assert.deepEqual(detail.json.contact, { name: '赵**', phone: '139****5678', masked: true });
      assert.ok(detail.json.allowed_actions.includes('assign'));
      const preview = await staff.post('/api/v1/routing/preview', { text: detail.json.text });
      assert.equal(preview.status, 200);
      assert.ok(preview.json.suggestions.length > 0);
      assert.ok(preview.json.suggestions[0].reasons.some((r) => r.includes('医药卫生界')),
        JSON.stringify(preview.json.suggestions[0]));
      const early = await member.post(`/api/v1/cases/${item.id}/actions`, { action: 'claim' });
      assert.equal(early.status, 404);  // not theirs yet
      const assigned = await staff.post(`/api/v1/cases/${item.id}/actions`, { action: 'assign', member_id: me.member_id });
      assert.equal(assigned.status, 200, assigned.text);
      assert.equal(assigned.json.status, 'assigned');
      assert.ok(assigned.json.claim_due_at > Date.now());
      assert.ok(assigned.json.reply_due_at > assigned.json.claim_due_at);

      // The member was told, and reads the notice.
      const notices = await member.get('/api/v1/notifications?unread=true');
      const notice = notices.json.items.find((n) => n.kind === 'case.assigned' && n.object_id === item.id);
      assert.ok(notice, notices.text);
      assert.equal((await member.post(`/api/v1/notifications/${notice.id}/read`)).status, 204);
      assert.equal((await member2.post(`/api/v1/notifications/${notice.id}/read`)).status, 404);

      // The member: their list, an illegal step, claim, the audited contact view, reply.
      const mine = await member.get('/api/v1/cases?mine=true');
      assert.ok(mine.json.items.some((c) => c.id === item.id));
      assert.equal((await member2.get(`/api/v1/cases/${item.id}`)).status, 404);
      const tooSoon = await member.post(`/api/v1/cases/${item.id}/actions`, { action: 'reply', text: '已办' });
      assert.equal(tooSoon.status, 409);
      assert.deepEqual(tooSoon.json.error.details.allowed, ['claim', 'decline']);
      assert.equal((await member.post(`/api/v1/cases/${item.id}/actions`, { action: 'claim' })).json.status, 'in_progress');
      const contact = await member.get(`/api/v1/cases/${item.id}/contact`);
      assert.deepEqual(contact.json, { name: '赵丽华', phone: PHONE, masked: false });
      assert.equal((await staff.get(`/api/v1/cases/${item.id}/contact`)).status, 403);
      const auditor = new Client(server.base);
      await auditor.login('auditor');
      const audit = await auditor.get('/api/v1/audit-log?action=case.view_contact');
      assert.ok(audit.json.items.some((a) => a.object_id === item.id && a.username === 'member'));
      const replied = await member.post(`/api/v1/cases/${item.id}/actions`, {
        action: 'reply', outcome: 'partly_solved', text: '已与社区卫生服务中心协调，开通慢病报销一站式窗口。' });
      assert.equal(replied.json.status, 'replied', replied.text);

      // The citizen heard about it by SMS, and is not satisfied: reopened once.
      const outbox = await citizen.get(`/api/v1/dev/sms-outbox?phone=${PHONE}`);
      assert.ok(outbox.json.items.some((m) => m.purpose === 'case_update' && m.text.includes('已有答复')));
      const unsatisfied = await citizen.post(`/api/v1/public/cases/${tc}/rating`, { rating: 'unsatisfied', comment: '还是要跑两趟' });
      assert.equal(unsatisfied.status, 200, unsatisfied.text);
      assert.equal(unsatisfied.json.status, 'in_progress');
      await member.post(`/api/v1/cases/${item.id}/actions`, { action: 'reply', outcome: 'solved', text: '窗口已开通，一次办结。' });
      const satisfied = await citizen.post(`/api/v1/public/cases/${tc}/rating`, { rating: 'satisfied' });
      assert.equal(satisfied.json.status, 'closed');
      assert.equal((await citizen.post(`/api/v1/public/cases/${tc}/rating`, { rating: 'satisfied' })).status, 409);
      const reopen = await staff.post(`/api/v1/cases/${item.id}/actions`, { action: 'reopen' });
      assert.equal(reopen.status, 409);  // reopened once already

      const timeline = (await staff.get(`/api/v1/cases/${item.id}`)).json.events.map((e) => e.type);
      assert.deepEqual(timeline, ['submit', 'assign', 'claim', 'view_contact', 'reply', 'rate', 'reopen', 'reply', 'rate', 'close']);
      const closedMine = await member.get('/api/v1/cases?mine=true&status=closed');
      assert.ok(closedMine.json.items.some((c) => c.id === item.id));
    });

    it('keeps the citizen\'s choice of member', async () => {
      const r = await citizen.post('/api/v1/public/cases', {
        text: '学校门口早上接送孩子的车太多，经常堵车，希望安排交警疏导。', member_id: me.member_id, anonymous: true, consent: true });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.current_status, 'assigned');
      const mine = await member.get('/api/v1/cases?mine=true&status=assigned');
      assert.ok(mine.json.items.some((c) => c.tracking_code === r.json.tracking_code));
    });

    it('searches Chinese text with highlighted snippets', async () => {
      await citizen.post('/api/v1/public/cases', {
        text: '七里河区建兰路的下水道堵塞，污水漫到人行道上，气味很大。', studio_id: studioId, anonymous: true, consent: true });
      const hit = await staff.get(`/api/v1/cases?q=${encodeURIComponent('下水道')}`);
      assert.equal(hit.status, 200);
      assert.ok(hit.json.items.length >= 1);
      assert.match(hit.json.items[0].snippet, /<mark>下水道<\/mark>/);
      const miss = await staff.get(`/api/v1/cases?q=${encodeURIComponent('天然气管道')}`);
      assert.equal(miss.json.items.length, 0);
      const paged = await staff.get('/api/v1/cases?limit=1');
      assert.ok(paged.json.next_cursor);
      const next = await staff.get(`/api/v1/cases?limit=1&cursor=${paged.json.next_cursor}`);
      assert.notEqual(next.json.items[0].id, paged.json.items[0].id);
    });

    it('finds near-duplicates and merges them into a common issue', async () => {
      const submit = async (text, address) => (await citizen.post('/api/v1/public/cases', {
        text, address, studio_id: studioId, anonymous: true, consent: true })).json.tracking_code;
      const a = await submit('雁滩路3号院楼下的路灯坏了快一个月了，晚上黑漆漆的，老人出门不安全。', '雁滩路3号院');
      const b = await submit('三号院小区门口那几盏路灯一直不亮，晚上回家摸黑，希望尽快修一下', '雁滩路三号院北门');
      const far = await submit('安宁区万新路的路灯不亮，晚上骑车很危险', '万新路');
      const list = (await staff.get('/api/v1/cases?limit=50')).json.items;
      const id = (tc) => list.find((c) => c.tracking_code === tc).id;
      const similar = await staff.get(`/api/v1/cases/${id(a)}/similar`);
      assert.equal(similar.status, 200);
      const ids = similar.json.items.map((s) => s.case_id);
      assert.ok(ids.includes(id(b)), JSON.stringify(similar.json));
      assert.ok(!ids.includes(id(far)));
      const merged = await staff.post('/api/v1/case-clusters', { primary_case_id: id(a), case_ids: [id(b)], title: '雁滩路3号院路灯' });
      assert.equal(merged.status, 201, merged.text);
      const follow = await citizen.get(`/api/v1/public/cases/${b}`);
      assert.equal(follow.json.status, 'merged');
      assert.ok(follow.json.merged_into);
      const cluster = await staff.get(`/api/v1/case-clusters/${merged.json.cluster_id}`);
      assert.equal(cluster.json.cases.length, 2);
    });

    it('reads list switches and ids strictly, as every list does', async () => {
      for (const q of ['overdue=yes', 'mine=2', 'studio_id=abc', 'member_id=-3']) {
        const r = await staff.get(`/api/v1/cases?${q}`);
        assert.equal(r.status, 400, `${q} → ${r.text}`);
        assert.equal(r.json.error.code, 'validation.invalid_field');
        assert.equal(r.json.error.details.field, q.split('=')[0]);
        assert.match(r.json.error.message, /[\u4e00-\u9fff]/);
      }
      assert.equal((await staff.get('/api/v1/cases?overdue=true')).status, 200);
      assert.equal((await staff.get('/api/v1/cases?overdue=0')).status, 200);
    });

    it('lets staff enter a matter taken by phone', async () => {
      const r = await staff.post('/api/v1/cases', {
        channel: 'phone', text: '村里自来水管冬天冻裂，已经停水三天。', division_code: '620123', consent: true,
        contact: { name: '马建国', phone: '13800001111' } });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.channel, 'phone');
      assert.equal(r.json.contact.phone, '138****1111');
      const bad = await staff.post('/api/v1/cases', { channel: 'pigeon', text: 'x', consent: true });
      assert.equal(bad.status, 400);
    });
  });
}

describe('public write limits', () => {
  let server;
  before(async () => { server = await startServer('sqlite', { env: { TONGXIN_PUBLIC_WRITES_PER_HOUR: '3' } }); });
  after(async () => { if (server) await server.stop(); });
  it('answers 429 with Retry-After once a client address has written too often', async () => {
    const c = new Client(server.base);
    const studio = (await c.get('/api/v1/public/studios')).json.items[0].id;
    const body = { text: '反映一个问题', studio_id: studio, anonymous: true, consent: true };
    for (let i = 0; i < 3; i += 1) assert.equal((await c.post('/api/v1/public/cases', body)).status, 201);
    const limited = await c.post('/api/v1/public/cases', body);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 3000);
    assert.match(limited.json.error.message, /频繁/);
    // Without a trusted proxy configured, X-Forwarded-For buys no fresh bucket.
    const spoofed = await c.post('/api/v1/public/cases', body, { 'X-Forwarded-For': '198.51.100.23' });
    assert.equal(spoofed.status, 429);
  });
});

describe('public write limits behind a trusted proxy', () => {
  let server;
  before(async () => {
    server = await startServer('sqlite', {
      env: { TONGXIN_PUBLIC_WRITES_PER_HOUR: '2', TONGXIN_TRUSTED_PROXIES: '127.0.0.1, ::1' },
    });
  });
  after(async () => { if (server) await server.stop(); });
  it('counts each citizen by the address the proxy saw, not by what the citizen claims', async () => {
    const c = new Client(server.base);
    const studio = (await c.get('/api/v1/public/studios')).json.items[0].id;
    const body = { text: '反映一个问题', studio_id: studio, anonymous: true, consent: true };
    const from = (addr) => ({ 'X-Forwarded-For': addr });
    for (let i = 0; i < 2; i += 1) {
      assert.equal((await c.post('/api/v1/public/cases', body, from('198.51.100.1'))).status, 201);
    }
    assert.equal((await c.post('/api/v1/public/cases', body, from('198.51.100.1'))).status, 429);
    // Another citizen behind the same proxy has their own bucket.
    assert.equal((await c.post('/api/v1/public/cases', body, from('198.51.100.2'))).status, 201);
    // Prepending a made-up address does not escape the limit: the proxy's hop counts.
    assert.equal((await c.post('/api/v1/public/cases', body, from('203.0.113.99, 198.51.100.1'))).status, 429);
  });
});
