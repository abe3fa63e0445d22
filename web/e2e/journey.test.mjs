// The foundation journey in a real Chromium: a staff member signs in, creates a studio
// with a division picked from the cascader, finds it in the table; its public page opens
// on a phone-sized screen; the console switches to English. Screenshots are kept.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, ROOT, PASSWORD, launchChromium } from './server.mjs';

const shots = join(ROOT, 'test-artifacts/screenshots');
const GAOLANLU = '620102008000';
mkdirSync(shots, { recursive: true });

describe('staff creates a studio and citizens see it', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchChromium(chromium);
  });
  after(async () => {
    const faults = browser?.pageFaults() ?? [];
    await browser?.close();
    const r = await server?.stop();
    if (r) assert.equal(r.code, 0, `server exit ${JSON.stringify(r)}`);
    assert.deepEqual(faults, [], 'no page logs an error or fails a request');
  });

  it('signs in, creates a studio, opens its public page on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(`${server.base}/login`);
    await page.fill('input[name=username]', 'staff');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL('**/console');
    await page.getByText('欢迎').waitFor();
    await page.screenshot({ path: join(shots, '01-console-home.png') });

    await page.goto(`${server.base}/console/studios`);
    await page.locator('.el-table__row').first().waitFor();
    await page.click('button.create');
    const dialog = page.locator('.el-dialog');
    await dialog.waitFor();
    const name = `皋兰路街道委员工作站（测试${Date.now() % 100000}）`;
    await dialog.locator('[data-field=name] input').fill(name);
    await dialog.locator('[data-field=kind] .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '委员工作站' }).click();
    await dialog.locator('[data-field=mode] .el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '街道（乡镇）型' }).click();
    await dialog.locator('[data-field=division_code] .el-cascader').click();
    for (const level of ['甘肃省', '兰州市', '城关区', '皋兰路街道']) {
      await page.locator('.el-cascader-node:visible', { hasText: level }).first().click();
    }
    await page.keyboard.press('Escape');
    await dialog.locator('[data-field=address] input').fill('城关区皋兰路 1 号');
    await page.screenshot({ path: join(shots, '02-create-studio.png') });
    await dialog.locator('button.save').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.fill('.toolbar .search input', '皋兰路街道委员工作站（测试');
    await page.keyboard.press('Enter');
    const row = page.locator('.el-table__row', { hasText: name });
    await row.waitFor();
    await page.screenshot({ path: join(shots, '03-studio-in-table.png') });

    const api = await page.evaluate(async (n) => {
      const r = await fetch(`/api/v1/studios?q=${encodeURIComponent(n)}`);
      return r.json();
    }, name);
    assert.equal(api.items.length, 1);
    assert.equal(api.items[0].division_code, GAOLANLU);  // 城关区皋兰路街道
    const id = api.items[0].id;

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const mobile = await phone.newPage();
    await mobile.goto(`${server.base}/s/${id}`);
    await mobile.locator('.studio-name', { hasText: name }).waitFor();
    await mobile.getByText('委员接待日').waitFor();
    await mobile.screenshot({ path: join(shots, '04-public-studio-phone.png'), fullPage: true });
    await phone.close();

    await page.locator('.header .lang').click();
    await page.getByText('Sign out').waitFor();
    await page.getByText('Studios & stations').first().waitFor();
    await page.screenshot({ path: join(shots, '05-console-english.png') });
  });

  it('shows the public studio list on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${server.base}/studios`);
    await page.locator('.van-cell').first().waitFor();
    assert.ok(await page.locator('.van-cell').count() >= 3);
    // The list's arrows and the search glass are glyphs of Vant's icon font; a policy that
    // blocks the font leaves empty boxes.
    const blocked = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) blocked.push(m.text()); });
    await page.reload();
    await page.locator('.van-cell').first().waitFor();
    assert.ok(await page.evaluate(async () => (await document.fonts.load('16px vant-icon')).length > 0), 'the icon font loads');
    // Vant's CSS also names a CDN copy as a fallback; that one stays blocked (no third-party
    // requests from a citizen's phone), but nothing of ours or inlined may be.
    assert.deepEqual(blocked.filter((m) => /'(data:|http:\/\/127\.0\.0\.1)/.test(m)), []);
    await page.screenshot({ path: join(shots, '06-public-list-phone.png') });
    await phone.close();
  });
});
