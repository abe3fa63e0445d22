import { describe, it, expect } from 'vitest';
import { createI18n } from 'vue-i18n';
import zh from '../../i18n/zh-CN';
import en from '../../i18n/en';
import {
  LINK_POINTS, QUARTERS, arrived, back, currentCursor, firstPage, forward, isFutureQuarter, isLeaderPost, linkBody, linksMissing, memberNames,
  pageNumber, pointName, pointState, quarterOf, quarterRange, type LeaderLink,
} from './linksUtil';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
const t = i18n.global.t as (k: string, p?: any) => string;

function link(id: number, visits: [number, number, number], missing?: string[]): LeaderLink {
  const [studio, county, township] = visits;
  const m = missing ?? LINK_POINTS.filter((_, i) => visits[i] === 0);
  return { id, leader_member_id: id * 10, leader: `领导${id}`, visits: { studio, county, township }, missing: m };
}

describe('labels', () => {
  it('has both languages for the points, quarters and posts', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const p of LINK_POINTS) expect(i18n.global.te(`contact.leaderLinks.${p}`)).toBe(true);
      for (const q of QUARTERS) expect(i18n.global.te(`contact.leaderLinks.quarters.${q}`)).toBe(true);
      for (const p of ['chair', 'vice_chair']) expect(i18n.global.te(`contact.leaderLinks.posts.${p}`)).toBe(true);
      expect(i18n.global.te('contact.leaderLinks.notSet')).toBe(true);
    }
    i18n.global.locale.value = 'zh-CN';
  });
});

describe('quarters', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-11-26')).toEqual({ year: 2026, quarter: 4 });
  });
  it('spans a quarter as the server does', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('knows a quarter that has not begun', () => {
    expect(isFutureQuarter(2026, 4, '2026-11-26')).toBe(false);
    expect(isFutureQuarter(2027, 1, '2026-11-26')).toBe(true);
    expect(isFutureQuarter(2026, 4, '2026-10-01')).toBe(false);
  });
});

describe('visits', () => {
  it('flags a point not visited', () => {
    const l = link(1, [2, 0, 1]);
    expect(pointState(l, 'studio')).toEqual({ visits: 2, missing: false });
    expect(pointState(l, 'county')).toEqual({ visits: 0, missing: true });
    // The server's `missing` decides even if a count is there.
    expect(pointState(link(2, [1, 1, 1], ['township']), 'township').missing).toBe(true);
  });
  it('names the studio, county conference and township studio of a link', () => {
    const l: LeaderLink = {
      ...link(1, [1, 0, 2]),
      studio: { id: 12, name: '医药卫生界委员工作室' },
      county: { id: 4, name: '城关区政协' },
      township: { id: 40, name: '雁南街道委员工作站' },
    };
    expect(LINK_POINTS.map((p) => pointName(l, p))).toEqual(['医药卫生界委员工作室', '城关区政协', '雁南街道委员工作站']);
    // A link without a point, or from a server that does not name them: no name.
    expect(pointName({ ...l, county: null }, 'county')).toBe('');
    expect(pointName(link(2, [0, 0, 0]), 'studio')).toBe('');
  });
  it('lists the leaders with a point not visited', () => {
    expect(linksMissing([link(1, [1, 1, 1]), link(2, [0, 1, 1]), link(3, [1, 1, 0])]).map((l) => l.id)).toEqual([2, 3]);
  });
  it('knows the posts of leaders', () => {
    expect(isLeaderPost(['vice_chair'])).toBe(true);
    expect(isLeaderPost(['standing', 'chair'])).toBe(true);
    expect(isLeaderPost(['standing'])).toBe(false);
    expect(isLeaderPost(undefined)).toBe(false);
  });
  it('builds the body that sets a leader’s points, or says what is missing', () => {
    const f = { leader_member_id: 4, studio_id: 1, county_conference_id: 3, township_studio_id: 5 };
    expect(linkBody(f, t)).toEqual({ body: f });
    expect(linkBody({ ...f, county_conference_id: null }, t)).toEqual({ error: '请选择联系县级政协' });
    expect(linkBody({ ...f, leader_member_id: null }, t)).toEqual({ error: '请选择领导' });
  });
});

describe('paging', () => {
  it('walks forward and back through cursor pages', () => {
    let p = firstPage();
    expect(pageNumber(p)).toBe(1);
    expect(currentCursor(p)).toBeNull();
    expect(forward(p)).toBe(p); // no next page known yet
    p = arrived(p, 'c2');
    p = forward(p);
    expect(pageNumber(p)).toBe(2);
    expect(currentCursor(p)).toBe('c2');
    expect(p.next).toBeNull();
    p = forward(arrived(p, 'c3'));
    expect(currentCursor(p)).toBe('c3');
    p = back(p);
    expect(pageNumber(p)).toBe(2);
    expect(currentCursor(p)).toBe('c2');
    p = back(back(p));
    expect(pageNumber(p)).toBe(1);
    expect(currentCursor(p)).toBeNull();
  });
  it('joins the members of an activity', () => {
    expect(memberNames([{ name: '张良' }, { name: '戴文博' }])).toBe('张良、戴文博');
    expect(memberNames(undefined)).toBe('');
  });
});
