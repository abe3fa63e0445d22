// Duty records and leaders' contact points in a real Chromium, against the real server with
// the small demo: staff read the points scheme (积分规则), the yearly ranking (年度考核) and a
// member's duty record from it, record two awards (评比表彰) and are stopped from recording one
// twice, set a leader's contact points (领导联系点) and see the unvisited ones in red until the
// leader takes part in an activity at the studio; the leader sees the page without the form; a
// studio lead pages through their studio's activities (工作室活动) and has no assessment menu.
// Screenshots go to test-artifacts/screenshots/records-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, ROOT, PASSWORD, apiLogin, launchChromium } from './server.mjs';

const shots = join(ROOT, 'test-artifacts/screenshots');
mkdirSync(shots, { recursive: true });
const DESKTOP_VIEW = { viewport: { width: 1440, height: 900 } };
const shot = (page, name, fullPage = false) => page.screenshot({ path: join(shots, `records-${name}.png`), fullPage });
const CITATION = '年度履职积分名列前茅，联系界别群众成效突出';
const STUDIO_CITATION = '接待日常态化开展，群众满意度高';

async function apiGet(base, session, path) {
  const r = await fetch(`${base}${path}`, { headers: { Cookie: session.cookie } });
  assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
  return r.json();
}

async function apiPost(base, session, path, body) {
  const r = await fetch(`${base}${path}`, {
    method: 'POST', headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await r.text();
  assert.equal(r.status, 201, `POST ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

async function uiLogin(page, base, username) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL('**/console');
}

// Picks an option of an Element Plus select, typing to filter when asked: waits until the
// options shown are the filtered ones (a remote search answers late and would re-render the
// list under the click), then until the dropdown has closed.
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

const chinaYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const chinaQuarter = () => Math.floor(new Date(Date.now() + 8 * 3600_000).getUTCMonth() / 3) + 1;

describe('duty records: points rules, the yearly assessment, awards, leaders’ contact points', () => {
  let server;
  let browser;
  let staff;
  let lead;
  let leader;
  const year = chinaYear();

  before(async () => {
    server = await startServer();
    browser = await launchChromium(chromium);
    staff = await apiLogin(server.base, 'staff');
    lead = await apiLogin(server.base, 'lead');
    leader = await apiLogin(server.base, 'leader');
    assert.ok(leader.user.member_id, 'the leader account is a member');
    assert.ok(lead.user.studio_id, 'the lead account runs a studio');
  });
  after(async () => {
    const faults = browser?.pageFaults() ?? [];
    await browser?.close();
    const r = await server?.stop();
    if (r) assert.equal(r.code, 0, `server exit ${JSON.stringify(r)}`);
    assert.deepEqual(faults, [], 'no page logs an error or fails a request');
  });

  it('staff read the points scheme in force, grouped by category', async () => {
    const rules = await apiGet(server.base, staff, '/api/v1/points/rules');
    const current = rules.rule_sets.filter((s) => s.valid_from_year <= year).sort((a, b) => b.version - a.version)[0];
    assert.ok(current?.rules.length, 'the demo has a rule set in force');
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.locator('.el-menu-item', { hasText: '积分规则' }).click();
    await page.waitForURL('**/console/points-rules');

    const set = page.locator(`.current-set[data-version="${current.version}"]`);
    await set.locator('.set-name', { hasText: current.name }).waitFor();
    await set.locator('.current-tag', { hasText: '现行' }).waitFor();
    assert.equal(await set.locator('.rule-row').count(), current.rules.length);
    // One table per category present, in the order of the scheme.
    const categories = await set.locator('.rule-group').evaluateAll((els) => els.map((e) => e.dataset.category));
    assert.deepEqual([...categories].sort(), [...new Set(current.rules.map((r) => r.category))].sort());
    assert.equal(categories[0], 'contact');
    assert.equal(categories.at(-1), 'discipline');
    await set.locator('.rule-group[data-category=contact] .group-title', { hasText: '联系群众' }).waitFor();

    // Each rule reads in words: its points per unit, its yearly cap, its flags.
    for (const r of current.rules) {
      const row = set.locator('.rule-row', { has: page.locator(`.rule-title[data-code="${r.code}"]`) });
      assert.equal(await row.locator('.rule-title').textContent(), r.title);
      const cap = (await row.locator('.cap').textContent()).trim();
      if (r.points < 0) {
        assert.match(await row.locator('.scoring').textContent(), new RegExp(`每${r.unit}扣${-r.points}分`));
        await row.locator('.flag-deduction', { hasText: '扣分项' }).waitFor();
        assert.equal(cap, '不设上限（扣分）');
      } else {
        assert.equal(cap, r.yearly_cap == null ? '不设上限' : `${r.yearly_cap}分`, r.code);
      }
      assert.equal(await row.locator('.flag-half').count(), r.half_if_unregistered ? 1 : 0, r.code);
    }
    const visit = current.rules.find((r) => r.code === 'activity.visit');
    if (visit) {
      const row = set.locator('.rule-row', { has: page.locator('.rule-title[data-code="activity.visit"]') });
      assert.equal((await row.locator('.scoring').textContent()).trim(), `每${visit.unit}${visit.points}分`);
    }
    await set.locator('.grade-band[data-grade=excellent]', { hasText: `${rules.grades.excellent_min}分及以上` }).waitFor();
    await set.locator('.grade-band[data-grade=unqualified]', { hasText: `低于${rules.grades.basic_min}分` }).waitFor();
    await shot(page, '01-rules', true);
    await ctx.close();
  });

  it('staff rank the members of the year, narrow the list and open a duty record', async () => {
    const ranking = await apiGet(server.base, staff, `/api/v1/assessments?year=${year}`);
    assert.ok(ranking.items.length >= 2, 'members to rank');
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.locator('.el-menu-item', { hasText: '年度考核' }).click();
    await page.waitForURL('**/console/assessments');

    const rows = page.locator('.assessment-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), ranking.items.length);
    for (const i of [0, ranking.items.length - 1]) {
      const want = ranking.items[i];
      const row = rows.nth(i);
      assert.equal((await row.locator('.member-link').textContent()).trim(), want.name);
      assert.equal(Number(await row.locator('.points').getAttribute('data-points')), want.points);
      assert.equal(Number(await row.locator('.rank').getAttribute('data-rank')), want.rank);
      assert.equal((await row.locator('.grade').textContent()).trim(), want.grade_label);
    }
    // The chart counts every member once.
    const counts = (await page.locator('.grade-chart').getAttribute('data-counts')).split(',').map(Number);
    assert.equal(counts.reduce((a, b) => a + b, 0), ranking.items.length);
    assert.equal(counts[3], ranking.items.filter((x) => x.grade === 'unqualified').length);
    assert.equal(await page.locator('.members-count').textContent(), String(ranking.items.length));
    await page.locator('.grade-chart canvas').waitFor();
    await shot(page, '02-assessments', true);

    // Narrowed to a sector of the staff's own conference (listed first): only its members, ranked within it.
    const own = ranking.items.filter((x) => x.conference_id === staff.user.conference_id && x.sector_id);
    const picked = own.find((x) => own.filter((y) => y.sector_id === x.sector_id).length >= 2) ?? own[0];
    const sector = picked.sector;
    const inSector = ranking.items.filter((x) => x.sector_id === picked.sector_id);
    await choose(page, page.locator('.sector-filter'), sector, sector);
    await page.waitForFunction((n) => document.querySelectorAll('.assessment-row').length === n, inSector.length);
    assert.deepEqual(await rows.locator('.rank').evaluateAll((els) => els.map((e) => Number(e.dataset.rank))), inSector.map((x) => x.sector_rank));
    await page.locator('.el-table__header', { hasText: '界别内排名' }).first().waitFor();
    assert.equal(await page.locator('.members-count').textContent(), String(inSector.length));

    // The member's duty record from the ranking.
    const top = inSector[0];
    await rows.first().locator('.member-link').click();
    await page.waitForURL(`**/console/members/${top.member_id}/record?year=${year}`);
    await page.locator('.member-name', { hasText: top.name }).waitFor();
    assert.equal(Number(await page.locator('.points-total').getAttribute('data-points')), top.points);
    const record = await apiGet(server.base, staff, `/api/v1/members/${top.member_id}/duty-record?year=${year}`);
    assert.equal(await page.locator('.record-item').count(), record.items.length);
    assert.equal(await page.locator('.points-card .grade').getAttribute('data-grade'), record.points.grade);
    await shot(page, '03-member-record', true);
    await page.locator('.back').click();
    await page.waitForURL(`**/console/assessments?year=${year}`);
    await ctx.close();
  });

  it('staff record an excellent member and an advanced studio, and not the same award twice', async () => {
    const ranking = await apiGet(server.base, staff, `/api/v1/assessments?year=${year}`);
    const top = ranking.items[0];
    const studios = await apiGet(server.base, staff, '/api/v1/studios?limit=5');
    const studio = studios.items[0];
    assert.equal((await apiGet(server.base, staff, `/api/v1/awards?year=${year}`)).items.length, 0, 'no awards in the demo yet');

    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.locator('.el-menu-item', { hasText: '评比表彰' }).click();
    await page.waitForURL('**/console/awards');
    await page.locator('.awards-table', { hasText: '本年度暂无表彰' }).waitFor();

    // 优秀委员: the members are offered in ranking order with their points.
    await page.locator('.member-select').click();
    const first = page.locator('.el-select-dropdown__item:visible').first();
    await first.waitFor();
    assert.match(await first.textContent(), new RegExp(`第1名\\s*${top.name}`));
    await page.keyboard.press('Escape');
    await choose(page, page.locator('.member-select'), top.name, top.name);
    await page.fill('.citation-input textarea', CITATION);
    await shot(page, '04-award-form');
    await page.click('button.save-award');
    await page.locator('.el-message', { hasText: '已登记表彰' }).waitFor();
    const row = page.locator('.award-row', { hasText: CITATION });
    await row.waitFor();
    await row.locator('.award-kind[data-kind=excellent_member]', { hasText: '优秀委员' }).waitFor();
    await row.locator('.awardee', { hasText: top.name }).waitFor();

    // 先进委员工作室.
    await page.locator('.kind-advanced_studio').click();
    await choose(page, page.locator('.studio-select'), studio.name, studio.name.slice(0, 4));
    await page.fill('.citation-input textarea', STUDIO_CITATION);
    await page.click('button.save-award');
    const studioRow = page.locator('.award-row', { hasText: STUDIO_CITATION });
    await studioRow.waitFor();
    await studioRow.locator('.awardee', { hasText: studio.name }).waitFor();
    await studioRow.locator('.award-kind', { hasText: '先进委员工作室' }).waitFor();

    // The same member again: refused before it reaches the server.
    await page.locator('.kind-excellent_member').click();
    await choose(page, page.locator('.member-select'), top.name, top.name);
    await page.click('button.save-award');
    await page.locator('.el-message', { hasText: `${top.name}已获${year}年度“优秀委员”表彰` }).waitFor();
    await shot(page, '05-awards', true);

    const awards = (await apiGet(server.base, staff, `/api/v1/awards?year=${year}`)).items;
    assert.equal(awards.length, 2);
    assert.deepEqual(awards.map((a) => [a.kind, a.member_id ?? a.studio_id, a.citation]),
      [['excellent_member', top.member_id, CITATION], ['advanced_studio', studio.id, STUDIO_CITATION]]);
    assert.equal(await page.locator('.award-row').count(), 2);
    await ctx.close();
  });

  it('staff set a leader’s contact points; unvisited ones are red until the leader visits', async () => {
    const me = await apiGet(server.base, staff, `/api/v1/members/${leader.user.member_id}`);
    const studio = (await apiGet(server.base, staff, '/api/v1/studios?limit=5')).items[0];
    const township = (await apiGet(server.base, staff, '/api/v1/studios?mode=street&limit=5')).items[0];
    const county = (await apiGet(server.base, staff, '/api/v1/conferences?limit=100')).items.find((c) => c.level === 'county');
    assert.ok(township && county, 'a street studio and a county conference in the demo');

    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'staff');
    await page.locator('.el-menu-item', { hasText: '领导联系点' }).click();
    await page.waitForURL('**/console/leader-links');
    await page.locator('.links-table', { hasText: '尚未设置领导联系点' }).waitFor();
    await page.locator(`.quarter-group .quarter-${chinaQuarter()}.is-active`).waitFor();

    await page.click('button.set-link');
    const dialog = page.locator('.link-dialog');
    await dialog.waitFor();
    await choose(page, dialog.locator('.leader-select'), me.name, me.name);
    await choose(page, dialog.locator('.studio-select'), studio.name, studio.name.slice(0, 4));
    await choose(page, dialog.locator('.county-select'), county.name);
    await choose(page, dialog.locator('.township-select'), township.name, township.name.slice(0, 3));
    await shot(page, '06-leader-link-form');
    await dialog.locator('.save-link').click();
    await page.locator('.el-message', { hasText: '已保存联系点' }).waitFor();

    const row = page.locator('.link-row', { has: page.locator(`.leader[data-member-id="${me.id}"]`) });
    await row.waitFor();
    assert.equal(await row.locator('.point.missing').count(), 3);
    await row.locator('.status.missing', { hasText: '3处未走访' }).waitFor();
    await page.locator('.summary', { hasText: '共1名领导，1名本季度有联系点未走访' }).waitFor();
    const red = await row.locator('.point-studio .el-tag').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.match(red, /rgb\(245, 108, 108\)/, `the missing tag is red: ${red}`);

    // The leader takes part in an inspection at the studio: that point is visited this quarter.
    await apiPost(server.base, leader, '/api/v1/activities', { kind: 'inspection', studio_id: studio.id, summary: '领导调研工作室运行情况' });
    await page.click('button.refresh');
    await row.locator('.point-studio:not(.missing)', { hasText: '走访1次' }).waitFor();
    assert.equal(await row.locator('.point-studio').getAttribute('data-visits'), '1');
    assert.equal(await row.locator('.point.missing').count(), 2);
    await row.locator('.point-county.missing', { hasText: '未走访' }).waitFor();
    await row.locator('.status.missing', { hasText: '2处未走访' }).waitFor();
    await shot(page, '07-leader-links', true);

    // Last quarter of last year: nothing visited then.
    await page.goto(`${server.base}/console/leader-links?year=${year - 1}&quarter=4`);
    await page.locator('.link-row .status.missing', { hasText: '3处未走访' }).waitFor();
    await ctx.close();

    // The leader sees the same, without the form.
    const lctx = await browser.newContext(DESKTOP_VIEW);
    const lpage = await lctx.newPage();
    await uiLogin(lpage, server.base, 'leader');
    await lpage.locator('.el-menu-item', { hasText: '领导联系点' }).click();
    await lpage.locator('.link-row .point-studio', { hasText: '走访1次' }).waitFor();
    assert.equal(await lpage.locator('button.set-link').count(), 0);
    await lctx.close();
  });

  it('a studio lead pages through the studio’s activities and has no assessment', async () => {
    const studioId = lead.user.studio_id;
    // 21 activities at the studio: a full page of 20 and one more.
    for (let i = 1; i <= 21; i++) {
      await apiPost(server.base, lead, '/api/v1/activities', {
        kind: i % 2 ? 'consultation' : 'service', studio_id: studioId, place: `委员之家${i}号室`, reached_count: i, summary: `第${i}次活动纪要`,
      });
    }
    // With what else happened at the studio (the leader's inspection above, perhaps), 21 to 40 in all.
    const all = [];
    for (let cursor = null, i = 0; i < 10; i++) {
      const p = await apiGet(server.base, lead, `/api/v1/activities?studio_id=${studioId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...p.items);
      cursor = p.next_cursor;
      if (!cursor) break;
    }
    assert.ok(all.length > 20 && all.length <= 40, `${all.length} activities`);
    const ctx = await browser.newContext(DESKTOP_VIEW);
    const page = await ctx.newPage();
    await uiLogin(page, server.base, 'lead');
    assert.equal(await page.locator('.el-menu-item', { hasText: '年度考核' }).count(), 0);
    assert.equal(await page.locator('.el-menu-item', { hasText: '评比表彰' }).count(), 0);
    await page.locator('.el-menu-item', { hasText: '工作室活动' }).click();
    await page.waitForURL('**/console/studio-activities');
    const studio = await apiGet(server.base, lead, `/api/v1/studios/${studioId}`);
    await page.locator('.studio-name', { hasText: studio.name }).waitFor();

    // Newest first.
    const first = page.locator('.activity-row').first();
    await first.locator('.kind[data-kind=consultation]', { hasText: '协商议事' }).waitFor();
    await first.getByText('第21次活动纪要').waitFor();
    await first.getByText('委员之家21号室').waitFor();
    await first.locator('.reached', { hasText: '21人' }).waitFor();
    await first.getByText('常态化工作').waitFor(); // the channel of a consultation
    await first.locator('.members', { hasText: (await apiGet(server.base, lead, `/api/v1/members/${lead.user.member_id}`)).name }).waitFor();
    assert.equal(await page.locator('.activity-row').count(), 20);
    await page.locator('.page-n', { hasText: '第1页' }).waitFor();
    assert.ok(await page.locator('button.prev').isDisabled());
    await shot(page, '08-studio-activities', true);

    await page.click('button.next');
    await page.locator('.page-n', { hasText: '第2页' }).waitFor();
    await page.locator('.activity-row', { hasText: '第1次活动纪要' }).waitFor();
    assert.equal(await page.locator('.activity-row').count(), all.length - 20);
    assert.equal(await page.locator('.activity-row .kind').last().getAttribute('data-kind'), all.at(-1).kind); // the oldest last
    assert.ok(await page.locator('button.next').isDisabled());
    await page.click('button.prev');
    await page.locator('.activity-row').first().getByText('第21次活动纪要').waitFor();
    await ctx.close();
  });
});
