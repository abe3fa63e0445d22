// Meetings and attendance in a real Chromium: staff see the conference's meetings (the demo's
// plenary sessions and standing committee meetings) in the console, filter them by kind and
// schedule a plenary session held today; the member opens 我的会议 on the phone, signs in to
// it, and asks for leave from tomorrow's standing committee meeting (a reason is required);
// staff open the roll, record a member who came without signing in, and close the roll, which
// makes the rest absent. Screenshots go to test-artifacts/screenshots/meetings-*.png.
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
const shot = (page, name, fullPage = false) => page.screenshot({ path: join(shots, `meetings-${name}.png`), fullPage });
const TODAY_TITLE = '政协兰州市第十五届委员会第六次会议（浏览器测试）';
const TOMORROW_TITLE = '第十五届常委会第二十二次会议（浏览器测试）';
const chinaDate = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function apiCall(base, session, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

async function choose(page, select, option) {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

describe('meetings: the console, 我的会议 on the phone, the roll', () => {
  let server;
  let browser;
  let staff;
  let member;
  let member2;
  let todayId;
  let tomorrowId;

  before(async () => {
    server = await startServer();
    browser = await launchChromium(chromium);
    staff = await apiLogin(server.base, 'staff');
    member = await apiLogin(server.base, 'member');
    member2 = await apiLogin(server.base, 'member2');
    assert.ok(member.user.member_id && member2.user.member_id);
  });
  after(async () => {
    const faults = browser?.pageFaults() ?? [];
    await browser?.close();
    const r = await server?.stop();
    if (r) assert.equal(r.code, 0, `server exit ${JSON.stringify(r)}`);
    assert.deepEqual(faults, [], 'no page logs an error or fails a request');
  });

  it('staff see the meetings, filter them by kind and schedule one held today', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.locator('.el-menu-item', { hasText: '会议出勤' }).click();
    await page.waitForURL('**/console/meetings');
    await page.locator('.meeting-row', { hasText: '全体会议' }).first().waitFor();
    await page.locator('.meeting-row', { hasText: '常委会议' }).first().waitFor();
    await shot(page, '01-console-list');

    await choose(page, page.locator('.kind-filter'), '全体会议');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.meeting-row')];
      return rows.length === 2 && rows.every((r) => r.querySelector('.kind-tag')?.textContent?.includes('全体会议'));
    });

    await page.click('button.create');
    const dialog = page.locator('.meeting-dialog');
    await dialog.locator('.roll-hint', { hasText: '本政协全体委员' }).waitFor();
    await dialog.locator('.title-input input').fill(TODAY_TITLE);
    await dialog.locator('.place-input input').fill('兰州会议中心');
    await shot(page, '02-console-create');
    await dialog.locator('button.save').click();
    await page.locator('.el-message', { hasText: /已创建会议，应到\d+人/ }).waitFor();
    const row = page.locator('.meeting-row', { hasText: TODAY_TITLE });
    await row.waitFor();
    todayId = Number(await row.locator('.m-title').getAttribute('data-id'));
    assert.ok(todayId > 0);
    const { json } = await apiCall(server.base, staff, 'GET', `/api/v1/meetings/${todayId}`);
    assert.equal(json.held_on, chinaDate());
    assert.equal(json.counts.expected, json.counts.total);
    await ctx.close();

    // Tomorrow's standing committee, scheduled through the API.
    const created = await apiCall(server.base, staff, 'POST', '/api/v1/meetings', {
      kind: 'standing', title: TOMORROW_TITLE, held_on: chinaDate(1), sign_in_from: '08:30', sign_in_until: '09:00', place: '市政协常委会议室' });
    assert.equal(created.status, 201);
    tomorrowId = created.json.id;
  });

  it('the member signs in on the phone and asks for leave from tomorrow’s meeting', async () => {
    assert.ok(todayId && tomorrowId);
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases');
    await page.locator('.member-tabbar .tab-meetings').click();
    await page.waitForURL('**/my/meetings');
    const today = page.locator(`.meeting-card.upcoming[data-id="${todayId}"]`);
    await today.locator('.today', { hasText: '今天' }).waitFor();
    await today.locator('.status', { hasText: '待签到' }).waitFor();
    const tomorrow = page.locator(`.meeting-card.upcoming[data-id="${tomorrowId}"]`);
    await tomorrow.getByText('签到时间 08:30–09:00').waitFor();
    assert.equal(await tomorrow.locator('.sign-in').count(), 0, 'no sign-in before the day');
    // Meetings held are listed below with the member's status.
    await page.locator('.meeting-card.past').first().waitFor();
    await shot(page, '03-my-meetings', true);

    await today.locator('.sign-in').click();
    await page.locator('.van-toast', { hasText: '签到成功' }).waitFor();
    await today.locator('.status', { hasText: '已签到' }).waitFor();
    assert.equal(await today.getAttribute('data-status'), 'registered');
    assert.equal(await today.locator('.sign-in').count(), 0);

    await tomorrow.locator('.ask-leave').click();
    const popup = page.locator('.leave-popup');
    await popup.locator('.confirm-leave').click();
    await popup.locator('.form-error', { hasText: '请填写请假事由' }).waitFor();
    await popup.locator('textarea[name=reason]').fill('参加全国政协专题调研');
    await shot(page, '04-ask-leave');
    await popup.locator('.confirm-leave').click();
    await page.locator('.van-toast', { hasText: '已请假' }).waitFor();
    await tomorrow.locator('.status', { hasText: '请假' }).waitFor();
    await tomorrow.getByText('参加全国政协专题调研').waitFor();
    assert.equal(await tomorrow.locator('.ask-leave').count(), 0);
    await shot(page, '05-my-meetings-after', true);
    await ctx.close();

    const { json } = await apiCall(server.base, member, 'GET', `/api/v1/meetings/${tomorrowId}`);
    assert.equal(json.mine.status, 'excused');
  });

  it('staff record who came without signing in and close the roll', async () => {
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.goto(`${server.base}/console/meetings`);
    const row = page.locator('.meeting-row', { hasText: TODAY_TITLE });
    await row.locator('.open-roll').click();
    const drawer = page.locator('.meeting-roll');
    await drawer.locator('.roll-row').first().waitFor();
    await drawer.locator('.counts', { hasText: '签到1' }).waitFor();

    await choose(page, drawer.locator(`.status-select[data-member="${member2.user.member_id}"]`), '到会未签到');
    await drawer.locator('.actions', { hasText: '1人的出勤待保存' }).waitFor();
    await shot(page, '06-roll-edit');
    await drawer.locator('button.save-marks').click();
    await page.locator('.el-message', { hasText: '已保存1人的出勤情况' }).waitFor();
    await drawer.locator('.counts', { hasText: '到会未签到1' }).waitFor();

    await drawer.locator('button.close-roll').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    const closed = page.locator('.el-message', { hasText: /名册已关闭，\d+人记为缺席/ });
    await closed.waitFor();
    const absent = Number((await closed.textContent()).match(/(\d+)人记为缺席/)[1]);
    const total = Number(await drawer.locator('.counts').getAttribute('data-total'));
    assert.equal(absent, total - 2);
    await drawer.locator('.closed-tag', { hasText: '已关闭' }).waitFor();
    await drawer.locator('.counts', { hasText: '待签到0' }).waitFor();
    await shot(page, '07-roll-closed');
    await page.keyboard.press('Escape');
    await row.getByText('已关闭').waitFor();
    await ctx.close();

    const late = await apiCall(server.base, member2, 'POST', `/api/v1/meetings/${todayId}/sign-in`);
    assert.equal(late.status, 409);
    assert.equal(late.json.error.code, 'meeting.roll_closed');
  });
});
