// Micro-suggestions in a real Chromium, end to end, against the real server with the small
// demo: the member writes one on a phone (a live character count; 1,500 for an opinion
// report) and submits it; staff accept it in the console and dispatch it to an agency; the
// agency signs for it and replies; staff check the reply; the member rates it 满意 on the
// phone and sees it 已办结; the console's year figures count it. A joint proposal waits for
// its co-signer, who confirms on their phone. Agencies are an organisation page of their own.
// Screenshots go to test-artifacts/screenshots/outputs-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, ROOT, PASSWORD, apiLogin, uiLogin, launchChromium } from './server.mjs';

const shots = join(ROOT, 'test-artifacts/screenshots');
mkdirSync(shots, { recursive: true });
const PHONE_VIEW = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP_VIEW = { viewport: { width: 1440, height: 900 } };
const shot = (page, name, fullPage = false) => page.screenshot({ path: join(shots, `outputs-${name}.png`), fullPage });
const TITLE = '建议在皋兰路增设夜间路灯';
const BODY = '皋兰路北段约300米无路灯，夜间行人和电动车通行不便，已发生多起摔倒事故。建议城管部门尽快增设路灯，并纳入年度照明设施维护计划。';
const REPLY = '经现场勘查，已在皋兰路北段新增路灯12盏，于本月底前全部亮灯，并纳入年度维护计划。';
const PROPOSAL = '关于完善社区嵌入式养老服务的提案';

async function apiGet(base, session, path) {
  const r = await fetch(`${base}${path}`, { headers: { Cookie: session.cookie } });
  const text = await r.text();
  assert.equal(r.status, 200, `GET ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

async function apiPost(base, session, path, body) {
  const r = await fetch(`${base}${path}`, {
    method: 'POST', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await r.text();
  assert.ok(r.status === 200 || r.status === 201, `POST ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

// Picks an option of an Element Plus select, typing to filter when asked, and waits until
// the dropdown has closed.
async function choose(page, select, option, type) {
  await select.click();
  if (type) {
    await page.keyboard.type(type);
    await page.waitForFunction((text) => {
      const shown = [...document.querySelectorAll('.el-select-dropdown__item')].filter((e) => e.offsetParent !== null);
      return shown.length > 0 && shown.every((e) => e.textContent.includes(text));
    }, type);
  }
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
  await page.waitForFunction(() => [...document.querySelectorAll('.el-select__popper')].every((e) => getComputedStyle(e).display === 'none'));
}

// Takes one action on the console's item page: its button, the dialog, 确定; waits for the new state.
async function act(page, action, status, fill) {
  await page.click(`.actions .action-${action}`);
  const dialog = page.locator(`.output-action-dialog[data-action=${action}]`);
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.locator('.confirm').click();
  await page.locator(`.big-status[data-status=${status}]`).waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

describe('outputs: a micro-suggestion from the phone to the agency and back, proposals’ co-signers, agencies', () => {
  let server;
  let browser;
  let staff;
  let member;
  let member2;
  let conferenceId;
  let agency; // { id, name, username }
  let itemId;

  before(async () => {
    server = await startServer();
    browser = await launchChromium(chromium);
    staff = await apiLogin(server.base, 'staff');
    member = await apiLogin(server.base, 'member');
    member2 = await apiLogin(server.base, 'member2');
    assert.ok(member.user.member_id && member2.user.member_id, 'the member accounts are members');
    conferenceId = (await apiGet(server.base, staff, `/api/v1/members/${member.user.member_id}`)).conference_id;

    // The demo's agency if the agency account has one in the member's conference; otherwise
    // one made here, with a handler account of its own.
    const demo = await apiLogin(server.base, 'agency');
    if (demo.user.agency_id) {
      const a = await apiGet(server.base, staff, `/api/v1/agencies/${demo.user.agency_id}`);
      if (a.conference_id === conferenceId) agency = { id: a.id, name: a.name, username: 'agency' };
    }
    if (!agency) {
      const a = await apiPost(server.base, staff, '/api/v1/agencies',
        { name: '兰州市城市管理局（测试）', short_name: '市城管局', kind: 'government', contact_name: '王科长', conference_id: conferenceId });
      const admin = await apiLogin(server.base, 'admin');
      await apiPost(server.base, admin, '/api/v1/users',
        { username: 'agency-e2e', display_name: '市城管局经办人', password: PASSWORD, roles: ['agency'], agency_id: a.id, conference_id: conferenceId });
      agency = { id: a.id, name: a.name, username: 'agency-e2e' };
    }
  });
  after(async () => {
    const faults = browser?.pageFaults() ?? [];
    await browser?.close();
    const r = await server?.stop();
    if (r) assert.equal(r.code, 0, `server exit ${JSON.stringify(r)}`);
    assert.deepEqual(faults, [], 'no page logs an error or fails a request');
  });

  it('the member writes a micro-suggestion on a phone and submits it', async () => {
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases');
    // 我的建言 is reached from the duty record (履职档案), the tab bar stays short.
    await page.locator('.member-tabbar .tab-record').click();
    await page.waitForURL('**/my/record');
    await page.locator('.outputs-entry', { hasText: '我的建言' }).waitFor();
    await shot(page, '00-phone-record-entry');
    await page.click('.outputs-entry');
    await page.waitForURL('**/my/outputs');
    await page.locator('.van-tab--active', { hasText: '微建议' }).waitFor();
    await page.click('button.write');
    await page.waitForURL('**/my/outputs/new?kind=micro_suggestion');
    await page.locator('.kind-chip.on[data-kind=micro_suggestion]').waitFor();

    await page.fill('textarea[name=title]', TITLE);
    await page.fill('textarea[name=body]', BODY);
    const n = [...BODY].length;
    await page.locator('.count', { hasText: `${n}/3000字` }).waitFor();
    // An opinion report is one matter in at most 1,500 characters; the count says so, in red when over.
    await page.click('.kind-chip[data-kind=opinion_report]');
    await page.locator('.count', { hasText: `${n}/1500字` }).waitFor();
    assert.equal(await page.locator('.count.over').count(), 0);
    await page.click('.kind-chip[data-kind=micro_suggestion]');
    await page.locator('.count', { hasText: `${n}/3000字` }).waitFor();
    await page.locator('.cat-chip', { hasText: '城市建设' }).click();
    assert.equal(await page.inputValue('input[name=category]'), '城市建设');
    await shot(page, '01-phone-write', true);

    await page.click('.save-bar .submit');
    await page.waitForURL(/\/my\/micro-suggestions\/\d+$/);
    itemId = Number(page.url().split('/').pop());
    await page.locator('.status[data-status=submitted]', { hasText: '待审核' }).waitFor();
    await page.locator('.title', { hasText: TITLE }).waitFor();
    await page.locator('.phone-timeline .event[data-action=submit]').waitFor();
    assert.equal(await page.locator('.action-bar').count(), 0, 'nothing for the member to do while staff review it');
    await shot(page, '02-phone-submitted', true);

    const item = await apiGet(server.base, member, `/api/v1/micro-suggestions/${itemId}`);
    assert.equal(item.status, 'submitted');
    assert.equal(item.category, '城市建设');
    assert.equal(item.body, BODY);
    await ctx.close();
  });

  it('staff accept it and dispatch it to the agency in the console', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.locator('.outputs-menu .el-menu-item', { hasText: '微建议' }).click();
    await page.waitForURL('**/console/micro-suggestions');
    const row = page.locator('.output-row', { has: page.locator(`.title[data-id="${itemId}"]`) });
    await row.locator('.status-tag[data-status=submitted]', { hasText: '待审核' }).waitFor();
    await row.locator('.due-tag[data-step=review]').waitFor();
    await page.locator('.summary-panel .figure-submitted').waitFor();
    await page.locator('.status-chart canvas').waitFor();

    // The status filter and the overdue switch narrow the list (nothing is overdue yet).
    await choose(page, page.locator('.status-filter'), '待审核');
    await page.waitForURL(/status=submitted/);
    await row.waitFor();
    await page.locator('.overdue-switch').click();
    await page.waitForURL(/overdue=true/);
    await page.locator('.outputs-table .el-table__empty-text').waitFor();
    await page.getByRole('button', { name: '重置' }).click();
    await page.waitForURL((u) => !u.search.includes('overdue'));
    await row.click();

    await page.waitForURL(`**/console/micro-suggestions/${itemId}`);
    await page.locator('.big-status[data-status=submitted]').waitFor();
    await page.locator('.output-detail .body', { hasText: BODY }).waitFor();
    await act(page, 'accept', 'accepted');
    await act(page, 'dispatch', 'dispatched', async (dialog) => {
      await choose(page, dialog.locator('.agency-select'), agency.name, agency.name.slice(0, 3));
      await shot(page, '03-console-dispatch');
    });
    await page.locator('.agencies .agency-name', { hasText: agency.name }).waitFor();
    await page.locator('.agencies .agency-status[data-status=assigned]', { hasText: '待签收' }).waitFor();
    await page.locator('.due-tag[data-step=sign]').waitFor();
    await page.locator('.output-timeline .event[data-action=dispatch]').waitFor();
    await shot(page, '04-console-dispatched', true);
    await ctx.close();
  });

  it('the agency signs for it and replies', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, agency.username);
    await page.waitForURL('**/console');
    await page.locator('.outputs-menu .el-menu-item', { hasText: '微建议' }).click();
    await page.waitForURL('**/console/micro-suggestions');
    assert.equal(await page.locator('.summary-panel').count(), 0, 'the year figures are for staff and leaders');
    const row = page.locator('.output-row', { has: page.locator(`.title[data-id="${itemId}"]`) });
    await row.locator('.lead-agency', { hasText: agency.name }).waitFor();
    await row.click();
    await page.waitForURL(`**/console/micro-suggestions/${itemId}`);
    // The item loads after the route changes: wait for its actions before reading them.
    await page.locator('.actions .action-sign').waitFor();
    assert.deepEqual(await page.locator('.actions button').evaluateAll((b) => b.map((x) => x.className.match(/action-(\w+)/)[1])), ['sign', 'ask_back']);
    await act(page, 'sign', 'signed');
    await page.locator('.due-tag[data-step=reply]').waitFor();

    // A reply is required: the dialog says so before the server is asked.
    await page.click('.actions .action-reply');
    const dialog = page.locator('.output-action-dialog[data-action=reply]');
    await dialog.locator('.confirm').click();
    await dialog.locator('.el-alert', { hasText: '请填写答复内容' }).waitFor();
    await dialog.locator('.f-reply textarea').fill(REPLY);
    await shot(page, '05-agency-reply');
    await dialog.locator('.confirm').click();
    await page.locator('.big-status[data-status=replied]').waitFor();
    await page.locator('.result .reply', { hasText: REPLY }).waitFor();
    assert.equal(await page.locator('.actions button').count(), 0, 'nothing more for the agency');
    await ctx.close();
  });

  it('staff check the reply', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.goto(`${server.base}/console/micro-suggestions/${itemId}`);
    await page.locator('.big-status[data-status=replied]').waitFor();
    // The menu keeps the list lit on an item's page.
    await page.locator('.outputs-menu .el-menu-item.is-active', { hasText: '微建议' }).waitFor();
    await act(page, 'verify', 'verified');
    await page.locator('.due-tag[data-step=rate]').waitFor();
    await ctx.close();
  });

  it('the member rates it 满意 on the phone and sees it closed', async () => {
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases');
    // Where the notice about the reply takes the member.
    await page.goto(`${server.base}/my/micro-suggestions/${itemId}`);
    await page.locator('.status[data-status=verified]').waitFor();
    await page.locator('.reply-block .reply', { hasText: REPLY }).waitFor();
    await page.locator('.lead-agency', { hasText: agency.name }).waitFor();
    await page.click('.action-bar .action-rate');
    await page.locator('.action-popup .rating-satisfied').click();
    await page.fill('.action-popup textarea[name=comment]', '路灯已亮，感谢');
    await shot(page, '06-phone-rate');
    await page.locator('.action-popup .confirm').click();
    await page.locator('.status[data-status=closed]', { hasText: '已办结' }).waitFor();
    await page.locator('.rating[data-rating=satisfied]', { hasText: '满意' }).waitFor();
    await page.locator('.action-popup').waitFor({ state: 'hidden' });
    await shot(page, '07-phone-closed', true);

    await page.goto(`${server.base}/my/outputs`);
    await page.locator(`.output-card[data-id="${itemId}"][data-status=closed]`, { hasText: '已办结' }).waitFor();
    await shot(page, '08-phone-list');
    await ctx.close();
  });

  it('the console’s year figures count it', async () => {
    const summary = await apiGet(server.base, staff, '/api/v1/micro-suggestions/summary');
    assert.ok(summary.submitted >= 1 && summary.accepted >= 1 && summary.answered >= 1 && summary.rated >= 1);
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.goto(`${server.base}/console/micro-suggestions`);
    const panel = page.locator('.summary-panel');
    await panel.locator('.figure-submitted').waitFor();
    const value = (k) => panel.locator(`.figure-${k}`).getAttribute('data-value');
    assert.equal(await value('submitted'), String(summary.submitted));
    assert.equal(await value('accepted'), String(summary.accepted));
    assert.equal(await value('answer_rate'), String(summary.answer_rate));
    assert.equal(await value('satisfaction_rate'), String(summary.satisfaction_rate));
    await panel.locator('.figure-accepted', { hasText: '已采纳' }).waitFor();
    await panel.locator('.figure-answer_rate', { hasText: '办复率' }).waitFor();
    const counts = Object.fromEntries((await panel.locator('.status-chart').getAttribute('data-counts')).split(',').map((x) => x.split(':')));
    assert.equal(Number(counts.closed), summary.by_status.find((s) => s.status === 'closed').count);
    assert.ok(Number(counts.closed) >= 1);
    const row = page.locator('.output-row', { has: page.locator(`.title[data-id="${itemId}"]`) });
    await row.locator('.status-tag[data-status=closed]', { hasText: '已办结' }).waitFor();
    await shot(page, '09-console-summary', true);
    await ctx.close();
  });

  it('a joint proposal waits until its co-signer confirms on the phone', async () => {
    const other = await apiGet(server.base, member, `/api/v1/members/${member2.user.member_id}`);
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases');
    await page.goto(`${server.base}/my/outputs?kind=proposal`);
    await page.locator('.van-tab--active', { hasText: '提案' }).waitFor();
    await page.click('button.write');
    await page.waitForURL('**/my/outputs/new?kind=proposal');
    await page.fill('textarea[name=title]', PROPOSAL);
    await page.fill('textarea[name=body]', '建议依托社区党群服务中心建设嵌入式养老服务站，提供助餐、助浴、日间照料服务，并给予运营补贴。');
    await page.click('.authorship-joint');
    await page.fill('input[name=member-search]', other.name);
    await page.locator(`.candidate[data-id="${other.id}"]`).click();
    await page.locator(`.coauthor-chip[data-id="${other.id}"]`, { hasText: other.name }).waitFor();
    await page.locator('.joint-hint').waitFor();
    await shot(page, '10-phone-joint-proposal', true);
    await page.click('.save-bar .submit');
    await page.waitForURL(/\/my\/proposals\/\d+$/);
    const proposalId = Number(page.url().split('/').pop());
    // Still a draft: the co-signer has not confirmed.
    await page.locator('.status[data-status=draft]').waitFor();
    await page.locator('.notice.waiting', { hasText: other.name }).waitFor();
    await ctx.close();

    const ctx2 = await browser.newContext(PHONE_VIEW);
    const p2 = await ctx2.newPage();
    await uiLogin(p2, server.base, 'member2');
    await p2.waitForURL('**/my/cases');
    await p2.goto(`${server.base}/my/proposals/${proposalId}`);
    await p2.locator('.status[data-status=draft]').waitFor();
    await p2.click('.action-bar .action-confirm');
    await p2.locator('.action-popup .confirm').click();
    await p2.locator(`.author[data-member-id="${other.id}"]`, { hasText: '已确认' }).waitFor();
    await p2.locator('.action-popup').waitFor({ state: 'hidden' });
    await shot(p2, '11-phone-cosigner-confirmed', true);
    await ctx2.close();

    // Now the first author can submit it.
    const ctx3 = await browser.newContext(PHONE_VIEW);
    const p3 = await ctx3.newPage();
    await uiLogin(p3, server.base, 'member');
    await p3.waitForURL('**/my/cases');
    await p3.goto(`${server.base}/my/proposals/${proposalId}`);
    await p3.click('.action-bar .action-submit');
    await p3.locator('.action-popup .confirm').click();
    await p3.locator('.status[data-status=submitted]', { hasText: '待审查' }).waitFor();
    await ctx3.close();
  });

  it('the member turns a case they handle into an opinion report', async () => {
    // A citizen raises a matter with the member (扫码找委员); the member takes it.
    const r = await fetch(`${server.base}/api/v1/public/cases`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '小区周边缺少公共停车位，居民车辆只能占道停放，早晚高峰拥堵严重。', member_id: member.user.member_id, anonymous: true, consent: true }),
    });
    assert.equal(r.status, 201, await r.clone().text());
    const { tracking_code: code } = await r.json();
    const waiting = (await apiGet(server.base, member, '/api/v1/cases?mine=true&status=assigned&limit=100')).items.find((x) => x.tracking_code === code);
    assert.ok(waiting, 'the matter went to the member');
    const c = await apiPost(server.base, member, `/api/v1/cases/${waiting.id}/actions`, { action: 'claim' });
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases');
    await page.goto(`${server.base}/my/cases/${c.id}`);
    await page.locator('.status[data-status=in_progress]').waitFor();
    await page.click('.action-bar .action-convert');
    await page.locator('.action-popup .van-radio', { hasText: '社情民意信息' }).click();
    await page.locator('.action-popup .convert-hint').waitFor();
    await page.locator('.action-popup .confirm').click();
    await page.waitForURL(`**/my/outputs/new?kind=opinion_report&case=${c.id}`);
    await page.locator('.kind-chip.on[data-kind=opinion_report]').waitFor();
    await page.locator('.from-case', { hasText: c.tracking_code }).waitFor();
    assert.ok((await page.inputValue('textarea[name=title]')).length > 0, 'the title starts from the case');
    assert.ok((await page.inputValue('textarea[name=body]')).length > 0, 'the text starts from the case');
    await page.locator('.count', { hasText: '/1500字' }).waitFor();
    await shot(page, '13-phone-from-case', true);
    await page.click('.save-bar .submit');
    await page.waitForURL(/\/my\/opinion-reports\/\d+$/);
    await page.locator('.status[data-status=submitted]', { hasText: '待编审' }).waitFor();
    await page.locator('.source-case', { hasText: `#${c.id}` }).waitFor();
    const after = await apiGet(server.base, member, `/api/v1/cases/${c.id}`);
    assert.equal(after.status, 'converted');
    await ctx.close();
  });

  it('staff read proposals and opinion reports: figures, agencies and replies, outcomes, the fields each action asks for', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');

    // Proposals: 已立案 among the figures; a registered one is assigned to a lead and assisting agencies.
    const proposals = await apiGet(server.base, staff, '/api/v1/proposals/summary');
    await page.locator('.outputs-menu .el-menu-item', { hasText: '提案' }).click();
    await page.waitForURL('**/console/proposals');
    await page.locator('.summary-panel .figure-accepted', { hasText: '已立案' }).waitFor();
    assert.equal(await page.locator('.summary-panel .figure-submitted').getAttribute('data-value'), String(proposals.submitted));
    await shot(page, '14-console-proposals', true);
    const registered = (await apiGet(server.base, staff, '/api/v1/proposals?status=registered&limit=1')).items[0];
    if (registered) {
      await page.goto(`${server.base}/console/proposals/${registered.id}`);
      await page.click('.actions .action-assign');
      const dialog = page.locator('.output-action-dialog[data-action=assign]');
      await dialog.locator('.agency-select').waitFor();
      await dialog.locator('.assisting-select').waitFor();
      await dialog.getByText('会办').waitFor();
      await shot(page, '15-console-assign-dialog');
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const answered = (await apiGet(server.base, staff, '/api/v1/proposals?status=closed&limit=1')).items[0];
    if (answered) {
      await page.goto(`${server.base}/console/proposals/${answered.id}`);
      await page.locator('.agencies .agency-name').first().waitFor();
      await page.locator('.result .reply-class').waitFor();
      await shot(page, '16-console-proposal-closed', true);
    }

    // Opinion reports: what happened above (上级采用, 领导批示) instead of satisfaction.
    await page.goto(`${server.base}/console/opinion-reports`);
    await page.locator('.summary-panel .figure-instruction', { hasText: '领导批示' }).waitFor();
    assert.equal(await page.locator('.summary-panel .figure-satisfaction_rate').count(), 0);
    const sent = (await apiGet(server.base, staff, '/api/v1/opinion-reports?status=sent&limit=1')).items[0];
    if (sent) {
      await page.goto(`${server.base}/console/opinion-reports/${sent.id}`);
      await page.click('.actions .action-record_outcome');
      const dialog = page.locator('.output-action-dialog[data-action=record_outcome]');
      // An instruction needs the leader who gave it: the dialog says so before the server does.
      await dialog.locator('.confirm').click();
      await dialog.locator('.el-alert', { hasText: '请填写批示领导或采纳单位' }).waitFor();
      await dialog.locator('.f-by-whom input').fill('省政府副省长');
      await shot(page, '17-console-record-outcome');
      await dialog.locator('.confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.outcomes', { hasText: '省政府副省长' }).waitFor();
      await shot(page, '18-console-opinion-outcome', true);
    }
    await ctx.close();
  });

  it('staff keep the agencies as an organisation page', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.locator('.el-menu-item', { hasText: '承办单位' }).click();
    await page.waitForURL('**/console/agencies');
    await page.locator('.el-table__row').first().waitFor();
    await page.click('button.create');
    const form = page.locator('.resource-form');
    await form.locator('[data-field=name] input').fill('兰州市教育局（测试）');
    await choose(page, form.locator('[data-field=kind] .el-select'), '政府部门');
    await page.click('.el-dialog button.save');
    await page.locator('.el-message', { hasText: '已保存' }).waitFor();
    // The demo may have more agencies than a page: find it by name.
    await page.fill('.toolbar .search input', '教育局（测试）');
    await page.keyboard.press('Enter');
    const row = page.locator('.el-table__row', { hasText: '兰州市教育局（测试）' });
    await row.waitFor();
    await row.getByText('政府部门').waitFor();
    await shot(page, '12-console-agencies');
    await ctx.close();
  });
});
