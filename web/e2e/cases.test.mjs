// The cases journey in a real Chromium: a citizen scans a studio's code and reports a
// matter with a photo under their name (SMS code read from the dev outbox), staff assign it
// in the console, the member accepts and answers it on a phone, the citizen rates it and
// the member sees it closed. Then a studio lead merges two similar matters in 集体会诊.
// Screenshots go to test-artifacts/screenshots/cases-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer, ROOT, PASSWORD, apiLogin, uiLogin, launchChromium } from './server.mjs';

const shots = join(ROOT, 'test-artifacts/screenshots');
mkdirSync(shots, { recursive: true });
const PHONE = '13900001111';
const PHONE_VIEW = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP_VIEW = { viewport: { width: 1440, height: 900 } };
const shot = (page, name, fullPage = false) => page.screenshot({ path: join(shots, `cases-${name}.png`), fullPage });

// A plain RGB PNG, larger than the 1600 px the browser scales photos down to.
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) { row[1 + x * 3] = 200; row[2 + x * 3] = (x * 255) / width; row[3 + x * 3] = 60; }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function until(what, f, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

describe('a citizen’s matter from the QR code to the rating', () => {
  let server;
  let browser;
  let memberId;
  let memberName;
  let studioId;
  let code;

  before(async () => {
    server = await startServer();
    browser = await launchChromium(chromium);
    // The "member" account's member, and a studio of theirs for the citizen to scan.
    const member = await apiLogin(server.base, 'member');
    memberId = member.user.member_id;
    assert.ok(memberId, 'the member account is linked to a member');
    const profile = await (await fetch(`${server.base}/api/v1/public/members/${memberId}`)).json();
    memberName = profile.name;
    studioId = profile.studios[0].id;
  });
  after(async () => {
    const faults = browser?.pageFaults() ?? [];
    await browser?.close();
    const r = await server?.stop();
    if (r) assert.equal(r.code, 0, `server exit ${JSON.stringify(r)}`);
    assert.deepEqual(faults, [], 'no page logs an error or fails a request');
  });

  it('a citizen reports a matter under their name with a photo', async () => {
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await page.goto(`${server.base}/s/${studioId}`);
    await page.locator('.report-btn', { hasText: '我要反映问题' }).click();
    await page.waitForURL(`**/report?studio_id=${studioId}`);
    await page.locator('.to').waitFor(); // the studio's name is shown

    await page.fill('textarea[name=text]', '皋兰路小区门口的路灯坏了一个多月，晚上很黑，老人出行不便，希望尽快维修。');
    await page.fill('input[name=title]', '小区门口路灯不亮');
    await page.fill('input[name=address]', '城关区皋兰路12号');
    await page.setInputFiles('.uploader input[type=file]', { name: 'lamp.png', mimeType: 'image/png', buffer: png(2000, 1000) });
    await page.locator('.van-uploader__preview').waitFor();
    await page.locator('.van-uploader__mask').waitFor({ state: 'detached' });

    await page.click('.anonymous-switch');
    await page.fill('input[name=name]', '赵小明');
    await page.fill('input[name=phone]', PHONE);
    await page.click('.get-code');
    await page.locator('.get-code', { hasText: '秒后重发' }).waitFor();
    const sms = await until('the SMS code', async () => {
      const r = await (await fetch(`${server.base}/api/v1/dev/sms-outbox?phone=${PHONE}`)).json();
      return r.items.find((m) => m.purpose === 'verification');
    });
    const smsCode = sms.text.match(/验证码为(\d{6})/)[1];
    await page.fill('input[name=sms_code]', smsCode);
    await page.locator('.consent-box').click();
    await shot(page, '01-report-form', true);

    await page.click('button.submit');
    await page.waitForURL('**/report/done/**');
    const receipt = page.locator('.tracking-code');
    await receipt.waitFor();
    code = await receipt.getAttribute('data-code');
    assert.match(code, /^[23456789A-HJKMNP-Z]{10}$/);
    assert.equal((await receipt.textContent()).trim(), code);
    await page.getByText('办理进展也会以短信告知您').waitFor();
    await shot(page, '02-receipt');

    // The receipt's link opens the follow page: submitted, waiting to be assigned.
    await page.click('.follow');
    await page.waitForURL(`**/t/${code}`);
    await page.locator('.status[data-status=submitted]').waitFor();
    await ctx.close();
  });

  it('staff find the matter and assign it to the suggested member', async () => {
    assert.ok(code, 'a tracking code from the citizen');
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.waitForURL('**/console');
    await page.locator('.el-menu-item', { hasText: '群众诉求' }).click();
    await page.waitForURL('**/console/cases');
    const row = page.locator('.el-table__row', { hasText: code });
    await row.waitFor();
    await page.locator('.cases-table .el-loading-mask').waitFor({ state: 'hidden' });
    await shot(page, '03-console-list');

    // Full-text search marks the matching words.
    await page.fill('.filters .search input', '路灯');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/cases?q=*');
    await page.locator('.el-table__row', { hasText: code }).locator('.snippet mark', { hasText: '路灯' }).first().waitFor();

    await page.locator('.el-table__row', { hasText: code }).click();
    await page.waitForURL(/\/console\/cases\/\d+$/);
    const caseId = Number(page.url().split('/').pop());
    await page.locator('.big-status[data-status=submitted]').waitFor();
    await page.locator('.photos .el-image img').first().waitFor();
    await page.getByText('139****1111').waitFor(); // masked for staff
    await shot(page, '04-console-detail', true);

    await page.click('button.action-assign');
    const dialog = page.locator('.case-action-dialog');
    await dialog.waitFor();
    const suggestion = dialog.locator(`.suggestion[data-member-id="${memberId}"]`);
    await suggestion.waitFor();
    assert.ok((await suggestion.textContent()).includes(memberName));
    await suggestion.click();
    await shot(page, '05-assign-dialog');
    await dialog.locator('button.confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.big-status[data-status=assigned]').waitFor();
    await page.locator('.handler', { hasText: memberName }).waitFor();
    await page.locator('.deadline-tag', { hasText: '剩余' }).waitFor();

    // The photo was scaled down in the browser: longest side 1600 px.
    const detail = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}`)).json(), caseId);
    assert.equal(detail.photos.length, 1);
    assert.deepEqual([detail.photos[0].width, detail.photos[0].height], [1600, 800]);
    assert.equal(detail.member_id, memberId);
    await ctx.close();
  });

  it('the member accepts and answers it on a phone', async () => {
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'member');
    await page.waitForURL('**/my/cases'); // a member lands on their cases, not the console
    const card = page.locator(`.case-card[data-code="${code}"]`);
    await card.waitFor();
    await card.locator('.deadline', { hasText: '剩余' }).waitFor();
    await shot(page, '06-my-cases');
    await card.click();
    await page.waitForURL(/\/my\/cases\/\d+$/);
    await page.locator('.status[data-status=assigned]').waitFor();

    await page.click('.action-claim');
    await page.locator('.action-popup .confirm').click();
    await page.locator('.status[data-status=in_progress]').waitFor();
    await page.locator('.action-popup').waitFor({ state: 'hidden' });

    // The full number only on request, and the request is recorded.
    await page.locator('.contact-masked', { hasText: '139****1111' }).waitFor();
    await page.click('.view-contact');
    await page.locator('.contact-full', { hasText: PHONE }).waitFor();

    await page.click('.action-reply');
    await page.fill('.action-popup textarea[name=reply]', '已联系街道办和供电部门，路灯已于本周更换完毕，请您查看。');
    await shot(page, '07-reply');
    await page.locator('.action-popup .confirm').click();
    await page.locator('.status[data-status=replied]').waitFor();
    await page.locator('.action-popup').waitFor({ state: 'hidden' });
    await page.getByText('查看联系方式').last().waitFor(); // the view is on the timeline
    await shot(page, '08-my-case-replied', true);
    await ctx.close();
  });

  it('the citizen rates the answer and the member sees it closed', async () => {
    const ctx = await browser.newContext(PHONE_VIEW);
    const page = await ctx.newPage();
    await page.goto(`${server.base}/t/${code}`);
    await page.locator('.status[data-status=replied]').waitFor();
    await page.getByText('路灯已于本周更换完毕').waitFor();
    await page.locator('.rating-satisfied').click();
    await shot(page, '09-follow-rate', true);
    await page.click('.submit-rating');
    await page.locator('.status[data-status=closed]', { hasText: '已办结' }).waitFor();
    await page.locator('.rating-value', { hasText: '满意' }).waitFor();
    await shot(page, '10-follow-closed', true);
    await ctx.close();

    const member = await browser.newContext(PHONE_VIEW);
    const mp = await member.newPage();
    await uiLogin(mp, server.base, 'member');
    await mp.waitForURL('**/my/cases');
    await mp.locator('.van-tab', { hasText: '已办结' }).click();
    await mp.waitForURL('**/my/cases?tab=closed');
    await mp.locator(`.case-card[data-code="${code}"]`).waitFor();
    await shot(mp, '11-my-cases-closed');
    await member.close();
  });

  it('a studio lead merges two similar matters into a common issue', async () => {
    const lead = await apiLogin(server.base, 'lead');
    const leadStudio = lead.user.studio_id;
    const codes = [];
    for (const text of ['皋兰路菜市场门口垃圾堆放多日无人清运，气味很大。', '皋兰路菜市场附近垃圾无人清运，夏天气味很大，影响居民。']) {
      const r = await fetch(`${server.base}/api/v1/public/cases`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, address: '城关区皋兰路菜市场', studio_id: leadStudio, anonymous: true, consent: true }),
      });
      assert.equal(r.status, 201);
      codes.push((await r.json()).tracking_code);
    }

    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'lead');
    await page.waitForURL('**/console');
    await page.locator('.el-menu-item', { hasText: '集体会诊' }).click();
    await page.waitForURL('**/console/triage');
    await page.locator('.triage-table .el-table__row', { hasText: '垃圾堆放多日' }).click();
    const candidate = page.locator('.similar-card', { hasText: '夏天气味很大' });
    await candidate.waitFor();
    await candidate.locator('.pick').click();
    await page.fill('.merge-bar .cluster-title input', '皋兰路菜市场垃圾清运');
    await shot(page, '12-triage', true);
    await page.click('button.merge-cluster');
    await page.locator('.el-message-box').getByRole('button', { name: /OK|确定|确认/ }).click();
    await page.locator('.el-message', { hasText: '已合并1件诉求' }).waitFor();

    const merged = await (await fetch(`${server.base}/api/v1/public/cases/${codes[1]}`)).json();
    assert.equal(merged.status, 'merged');
    assert.ok(merged.merged_into, 'the merged case shows the primary’s progress');
    await ctx.close();

    const phone = await browser.newContext(PHONE_VIEW);
    const citizen = await phone.newPage();
    await citizen.goto(`${server.base}/t/${codes[1]}`);
    await citizen.getByText('已与同类问题合并办理').waitFor();
    await shot(citizen, '13-follow-merged', true);
    await phone.close();
  });
});
