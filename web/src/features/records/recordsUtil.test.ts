import { describe, it, expect } from 'vitest';
import { createI18n } from 'vue-i18n';
import zh from '../../i18n/zh-CN';
import en from '../../i18n/en';
import {
  AWARD_KINDS, GRADES, RULE_CATEGORIES, RULE_SPLITS, appendPage, assessmentQuery, awardBody, awardCounts, awardee, capText, duplicateAward,
  filterByName, gradeCode, gradeDistribution, gradeElType, gradeLabel, gradeRanges, groupRules, rangeText, rankScope, ruleFlags, ruleScoring,
  ruleSetFor, scopedOptions, scopedRank, type AssessmentItem, type Award, type AwardForm, type PointsRule, type RuleSet,
} from './recordsUtil';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
const t = i18n.global.t as (k: string, p?: any) => string;
const te = (k: string) => i18n.global.te(k);

function rule(code: string, category: string, extra: Partial<PointsRule> = {}): PointsRule {
  return { code, category, title: code, points: 1, co_points: 0, unit: '次', yearly_cap: null, split: 'each', half_if_unregistered: false, ...extra };
}
const set = (version: number, valid_from_year: number): RuleSet => ({ name: `v${version}`, version, valid_from_year, rules: [] });
function item(member_id: number, points: number, grade: string, extra: Partial<AssessmentItem> = {}): AssessmentItem {
  return {
    member_id, name: `委员${member_id}`, conference_id: 1, conference: '兰州市政协', sector_id: 3, sector: '教育界',
    committees: [{ id: 5, name: '提案委员会', rank: 2 }], points, grade, grade_label: t(`records.grade.${grade}`),
    rank: member_id, sector_rank: 1, committee_rank: 2, ...extra,
  };
}

describe('labels', () => {
  it('has a Chinese and an English label for every enumeration', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const c of RULE_CATEGORIES) expect(te(`records.category.${c}`)).toBe(true);
      for (const s of RULE_SPLITS) expect(te(`records.rules.splitLabel.${s}`)).toBe(true);
      for (const g of GRADES) expect(te(`records.grade.${g}`)).toBe(true);
      for (const k of AWARD_KINDS) expect(te(`records.awards.kind.${k}`)).toBe(true);
      for (const f of ['deduction', 'half']) expect(te(`records.rules.flag.${f}`)).toBe(true);
      for (const k of ['assessments.allConferences', 'assessments.conference', 'assessments.computedAt', 'assessments.loadMore',
        'awards.awardedOn', 'awards.awardedOnToday', 'awards.withdraw', 'awards.withdrawn', 'awards.withdrawConfirm']) {
        expect(te(`records.${k}`)).toBe(true);
      }
    }
    i18n.global.locale.value = 'zh-CN';
  });
  it('names the awards as the conference does', () => {
    expect(AWARD_KINDS.map((k) => t(`records.awards.kind.${k}`))).toEqual(['优秀委员', '先进委员工作室']);
  });
});

describe('rule sets', () => {
  it('picks the highest version valid in the year, as the server scores', () => {
    const sets = [set(1, 2024), set(3, 2027), set(2, 2026)];
    expect(ruleSetFor(sets, 2025)?.version).toBe(1);
    expect(ruleSetFor(sets, 2026)?.version).toBe(2);
    expect(ruleSetFor(sets, 2030)?.version).toBe(3);
    expect(ruleSetFor(sets, 2023)).toBeNull();
  });
  it('groups rules by category in the order of the scheme, unknown ones last', () => {
    const g = groupRules([rule('a', 'meeting'), rule('b', 'contact'), rule('c', 'bonus'), rule('d', 'contact'), rule('e', 'discipline')]);
    expect(g.map((x) => x.category)).toEqual(['contact', 'meeting', 'discipline', 'bonus']);
    expect(g[0].rules.map((r) => r.code)).toEqual(['b', 'd']);
    expect(groupRules([])).toEqual([]);
  });
  it('says how each rule scores', () => {
    expect(ruleScoring(rule('activity.visit', 'contact'), t)).toBe('每次1分');
    expect(ruleScoring(rule('meeting.absent', 'discipline', { points: -5 }), t)).toBe('每次扣5分');
    expect(ruleScoring(rule('proposal.registered', 'proposal', { points: 5, co_points: 1, unit: '件', split: 'first_author' }), t))
      .toBe('第一作者每件5分，联名每件1分');
    expect(ruleScoring(rule('proposal.sector', 'proposal', { points: 6, unit: '件', split: 'shared' }), t)).toBe('每件6分，参与委员平分');
    expect(ruleScoring(rule('x', 'activity', { points: 0.5, unit: '' }), t)).toBe('每次0.5分');
  });
  it('shows the yearly cap, and none on deductions', () => {
    expect(capText(rule('a', 'contact', { yearly_cap: 20 }), t)).toBe('20分');
    expect(capText(rule('a', 'contact'), t)).toBe('不设上限');
    expect(capText(rule('a', 'discipline', { points: -1, yearly_cap: 5 }), t)).toBe('不设上限（扣分）');
  });
  it('flags deductions and half points for not signing in', () => {
    expect(ruleFlags(rule('a', 'meeting', { half_if_unregistered: true }))).toEqual(['half']);
    expect(ruleFlags(rule('a', 'discipline', { points: -5 }))).toEqual(['deduction']);
    expect(ruleFlags(rule('a', 'contact'))).toEqual([]);
  });
});

describe('grades', () => {
  it('reads the code the server sends, and a Chinese label as well', () => {
    expect(['优秀', '称职', '基本称职', '不称职'].map(gradeCode)).toEqual(['excellent', 'competent', 'basic', 'unqualified']);
    expect(gradeCode('competent')).toBe('competent');
    expect(gradeCode('良好')).toBe('');
    expect(gradeElType('优秀')).toBe('success');
    expect(gradeElType('不称职')).toBe('danger');
    expect(gradeElType('?')).toBe('info');
  });
  it('translates the grade, keeping an unknown one as sent', () => {
    i18n.global.locale.value = 'en';
    expect(gradeLabel('基本称职', t)).toBe('Basically competent');
    i18n.global.locale.value = 'zh-CN';
    expect(gradeLabel('基本称职', t)).toBe('基本称职');
    expect(gradeLabel('良好', t)).toBe('良好');
  });
  it('turns the bands into ranges in words', () => {
    const r = gradeRanges({ excellent_min: 60, competent_min: 30, basic_min: 15 });
    expect(r.map((x) => x.grade)).toEqual(['excellent', 'competent', 'basic', 'unqualified']);
    expect(r.map((x) => rangeText(x, t))).toEqual(['60分及以上', '30分至60分（不含）', '15分至30分（不含）', '低于15分']);
  });
});

describe('the assessment', () => {
  const rows = [item(1, 70, 'excellent'), item(2, 40, 'competent'), item(3, 20, 'basic'), item(4, 0, 'unqualified'), item(5, 0, 'unqualified', { rank: 4 })];
  it('asks the server for the filters that are set, a page at a time', () => {
    expect(assessmentQuery(2026, {})).toEqual({ year: 2026, limit: 100 });
    expect(assessmentQuery(2026, { conference_id: '', sector_id: 3, committee_id: null, grade: 'basic' }, 'abc', 50))
      .toEqual({ year: 2026, limit: 50, sector_id: 3, grade: 'basic', cursor: 'abc' });
    expect(assessmentQuery(2026, { conference_id: 7, committee_id: 5, grade: '优秀' })).toEqual({ year: 2026, limit: 100, conference_id: 7, committee_id: 5 });
  });
  it('appends a further page, each member once', () => {
    expect(appendPage(rows.slice(0, 3), rows.slice(2)).map((x) => x.member_id)).toEqual([1, 2, 3, 4, 5]);
    expect(appendPage([], rows.slice(0, 1))).toEqual(rows.slice(0, 1));
  });
  it('searches the loaded rows by name', () => {
    expect(filterByName(rows, ' 委员3 ').map((x) => x.member_id)).toEqual([3]);
    expect(filterByName(rows, '')).toBe(rows);
    expect(filterByName(rows, '张')).toEqual([]);
  });
  it('shows the rank within the scope the list is narrowed to, ties as the server sent them', () => {
    expect(rankScope({})).toBe('conference');
    expect(rankScope({ sector_id: 3 })).toBe('sector');
    expect(rankScope({ sector_id: 3, committee_id: 5 })).toBe('committee');
    expect(rows.map((x) => scopedRank(x, 'conference'))).toEqual([1, 2, 3, 4, 4]);
    expect(scopedRank(rows[2], 'sector')).toBe(1);
    expect(scopedRank(rows[2], 'committee')).toBe(2);
    expect(scopedRank({ ...rows[2], committee_rank: null }, 'committee')).toBeUndefined();
    expect(scopedRank({ ...rows[2], sector_rank: null }, 'sector')).toBeUndefined();
  });
  it('labels sectors of several conferences, the caller\'s own first', () => {
    const conferences = [{ id: 1, name: '政协兰州市委员会', short_name: '兰州市政协' }, { id: 2, name: '政协兰州市城关区委员会', short_name: '城关区政协' }];
    const options = scopedOptions([
      { id: 40, name: '医药卫生界', conference_id: 2 }, { id: 3, name: '教育界', conference_id: 1 }, { id: 9, name: '医药卫生界', conference_id: 1 },
    ], conferences, 1);
    expect(options).toEqual([{ id: 3, label: '教育界' }, { id: 9, label: '医药卫生界' }, { id: 40, label: '医药卫生界（城关区政协）' }]);
    expect(scopedOptions([{ id: 40, name: '医药卫生界', conference_id: 2 }], conferences, 1)).toEqual([{ id: 40, label: '医药卫生界' }]);
  });
  it('counts the grades best first from the server\'s summary', () => {
    expect(gradeDistribution({ count: 5, average: 26, by_grade: { excellent: 1, competent: 1, basic: 1, unqualified: 2 }, computed_at: null })).toEqual([
      { grade: 'excellent', count: 1 }, { grade: 'competent', count: 1 }, { grade: 'basic', count: 1 }, { grade: 'unqualified', count: 2 },
    ]);
    expect(gradeDistribution(null).map((x) => x.count)).toEqual([0, 0, 0, 0]);
  });
});

describe('awards', () => {
  const form = (extra: Partial<AwardForm> = {}): AwardForm => ({ year: 2026, kind: 'excellent_member', member_id: 4, studio_id: 9, citation: '  年度优秀 ', ...extra });
  const award = (id: number, kind: string, member_id: number | null, studio_id: number | null): Award =>
    ({ id, kind, member_id, member: member_id ? `委员${member_id}` : null, studio_id, studio: studio_id ? `工作室${studio_id}` : null, citation: '' });
  it('sends only the awardee that fits the kind', () => {
    expect(awardBody(form(), t)).toEqual({ body: { year: 2026, kind: 'excellent_member', member_id: 4, citation: '年度优秀' } });
    expect(awardBody(form({ awarded_on: '2026-11-20' }), t)).toEqual({
      body: { year: 2026, kind: 'excellent_member', member_id: 4, citation: '年度优秀', awarded_on: '2026-11-20' },
    });
    expect(awardBody(form({ kind: 'advanced_studio', citation: '' }), t)).toEqual({ body: { year: 2026, kind: 'advanced_studio', studio_id: 9 } });
  });
  it('refuses an award without its awardee or kind', () => {
    expect(awardBody(form({ member_id: null }), t)).toEqual({ error: '请选择委员' });
    expect(awardBody(form({ kind: 'advanced_studio', studio_id: null }), t)).toEqual({ error: '请选择委员工作室' });
    expect(awardBody(form({ kind: 'best' as any }), t)).toEqual({ error: '请选择表彰类型' });
  });
  it('finds the same award already listed', () => {
    const list = [award(1, 'excellent_member', 4, null), award(2, 'advanced_studio', null, 9)];
    expect(duplicateAward(list, form())?.id).toBe(1);
    expect(duplicateAward(list, form({ member_id: 5 }))).toBeUndefined();
    expect(duplicateAward(list, form({ kind: 'advanced_studio' }))?.id).toBe(2);
    expect(duplicateAward(list, form({ kind: 'advanced_studio', studio_id: 4 }))).toBeUndefined();
  });
  it('names the awardee and counts the kinds', () => {
    expect(awardee(award(1, 'excellent_member', 4, null))).toBe('委员4');
    expect(awardee(award(2, 'advanced_studio', null, 9))).toBe('工作室9');
    expect(awardee(award(3, 'advanced_studio', null, null))).toBe('—');
    expect(awardCounts([award(1, 'excellent_member', 4, null), award(2, 'excellent_member', 5, null)]))
      .toEqual([{ kind: 'excellent_member', count: 2 }, { kind: 'advanced_studio', count: 0 }]);
  });
});
