import { describe, it, expect } from 'vitest';
import { createI18n } from 'vue-i18n';
import zh from '../../i18n/zh-CN';
import en from '../../i18n/en';
import {
  ACTIVITY_KINDS, CHANGE_KINDS, COMMON_KINDS, FIRE_OCCASIONS, OCCASIONS, TOTAL_KEYS, UNIT_KINDS, activityBody, canHold, chinaToday,
  daysBefore, daysBetween, formatPoints, gradeTagType, ruleFamily, signedPoints, groupTasks, icsUrl, inferRota, isoWeekday, itemDate, labelOr, orderContacts, parseIds,
  progressPercent, recordYears, rotaBody, rotaLabel, toggleId, webcalUrl, contactChanges, type ReceptionDay, type RotaForm, type VisitTask,
} from './contactUtil';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
const t = i18n.global.t as (k: string, p?: any) => string;
const te = (k: string) => i18n.global.te(k);

function task(id: number, due_on: string, status = 'open', overdue = false): VisitTask {
  return { id, due_on, status, overdue, title: `t${id}`, occasion: 'policy', key_contact_id: id * 10, key_contact: '张**', done_activity_id: null };
}

describe('labels', () => {
  it('has a Chinese and an English label for every enumeration the server sends', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const k of ACTIVITY_KINDS) expect(te(`contact.kind.${k}`)).toBe(true);
      for (const k of CHANGE_KINDS) expect(te(`contact.change.${k}`)).toBe(true);
      for (const k of OCCASIONS) expect(te(`contact.occasion.${k}`)).toBe(true);
      for (const k of UNIT_KINDS) expect(te(`contact.unitKind.${k}`)).toBe(true);
      for (const k of TOTAL_KEYS) expect(te(`contact.record.totals.${k}`)).toBe(true);
      for (const w of [1, 2, 3, 4, 5]) expect(te(`contact.reception.weekOptions.${w}`)).toBe(true);
      for (const d of [1, 2, 3, 4, 5, 6, 7]) expect(te(`contact.reception.weekdays.${d}`)).toBe(true);
    }
    i18n.global.locale.value = 'zh-CN';
  });
  it('names the four occasions staff fire as the rules do', () => {
    expect(FIRE_OCCASIONS.map((o) => t(`contact.occasion.${o}`))).toEqual(['重要讲话或指示后', '重要会议闭幕后', '相关政策出台后', '全会召开前']);
  });
  it('offers 走访 first among the everyday kinds', () => {
    expect(COMMON_KINDS[0]).toBe('visit');
    expect(t('contact.kind.visit')).toBe('走访');
  });
  it('falls back to the raw value for a label the UI does not know', () => {
    expect(labelOr(te, t, 'contact.kind.visit', 'visit')).toBe('走访');
    expect(labelOr(te, t, 'contact.kind.picnic', 'picnic')).toBe('picnic');
  });
  it('says the tasks closed with the count', () => {
    expect(t('contact.log.tasksClosed', { n: 2 })).toBe('已完成2项走访任务');
  });
});

describe('dates in China time', () => {
  it('is already tomorrow in Beijing at 17:00 UTC', () => {
    expect(chinaToday(Date.UTC(2026, 4, 1, 17, 0))).toBe('2026-05-02');
    expect(chinaToday(Date.UTC(2026, 4, 1, 15, 59))).toBe('2026-05-01');
  });
  it('counts whole days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(daysBetween('bad', '2026-03-02')).toBe(0);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-01-10', 62)).toBe('2025-11-09');
  });
  it('knows the ISO weekday of a date', () => {
    expect(isoWeekday('2026-11-25')).toBe(3); // a Wednesday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday is 7, not 0
    expect(isoWeekday('2026-11-30')).toBe(1);
  });
  it('shows a record item date from ms or a date', () => {
    expect(itemDate(Date.UTC(2025, 11, 31, 16, 5))).toBe('2026-01-01');
    expect(itemDate('2026-03-04T10:00:00+08:00')).toBe('2026-03-04');
    expect(itemDate(null)).toBe('');
  });
  it('offers this year back to 2023, newest first', () => {
    expect(recordYears(Date.UTC(2026, 5, 1))).toEqual([2026, 2025, 2024, 2023]);
    expect(recordYears(Date.UTC(2040, 5, 1))).toHaveLength(10);
  });
});

describe('visit tasks', () => {
  it('puts overdue open tasks first, then by due date, and done ones apart', () => {
    const items = [task(1, '2026-05-20'), task(2, '2026-05-10', 'done'), task(3, '2026-05-15'), task(4, '2026-04-30', 'open', true),
      task(5, '2026-05-01'), task(6, '2026-05-12', 'done')];
    const g = groupTasks(items, '2026-05-05');
    expect(g.open.map((x) => x.id)).toEqual([4, 5, 3, 1]);
    expect(g.open.map((x) => x.overdue)).toEqual([true, true, false, false]); // #5's date passed since the server answered
    expect(g.done.map((x) => x.id)).toEqual([6, 2]);
  });
  it('reads contact ids from the address', () => {
    expect(parseIds('3')).toEqual([3]);
    expect(parseIds('3,5,3,x,-1,0,2.5')).toEqual([3, 5]);
    expect(parseIds(['7', '8'])).toEqual([7, 8]);
    expect(parseIds(undefined)).toEqual([]);
  });
  it('orders the contact chips: picked, then with open tasks, then the rest', () => {
    const cs = [{ id: 1 }, { id: 2, open_tasks: 1 }, { id: 3 }, { id: 4, open_tasks: 0 }];
    expect(orderContacts(cs, [3]).map((c) => c.id)).toEqual([3, 2, 1, 4]);
  });
  it('toggles a chip', () => {
    expect(toggleId([1, 2], 3)).toEqual([1, 2, 3]);
    expect(toggleId([1, 2, 3], 2)).toEqual([1, 3]);
  });
});

describe('the quick log', () => {
  it('sends only what differs from the server defaults', () => {
    expect(activityBody({ kind: 'visit', held_on: '2026-05-05', key_contact_ids: [], reached_count: 0, summary: '  ' }, '2026-05-05'))
      .toEqual({ kind: 'visit' });
  });
  it('sends contacts, an earlier date, people reached and the note', () => {
    expect(activityBody({ kind: 'talk', held_on: '2026-05-01', key_contact_ids: [3, 5], reached_count: 4.7, summary: ' 谈心 ' }, '2026-05-05'))
      .toEqual({ kind: 'talk', held_on: '2026-05-01', key_contact_ids: [3, 5], reached_count: 4, summary: '谈心' });
  });
});

describe('reception rotas', () => {
  const base: RotaForm = { week_of_month: 2, weekday: 3, start_time: '09:00', end_time: '11:30', place: ' 委员之家 ', member_ids: [1], skip_holidays: true };
  it('builds the rota body', () => {
    expect(rotaBody(base, t)).toEqual({ body: { ...base, place: '委员之家' } });
  });
  it('refuses a missing week or weekday, bad times and an end before the start', () => {
    expect(rotaBody({ ...base, week_of_month: null }, t)).toEqual({ error: '请选择第几周' });
    expect(rotaBody({ ...base, weekday: 8 }, t)).toEqual({ error: '请选择星期' });
    expect(rotaBody({ ...base, start_time: '9:00' }, t)).toEqual({ error: '时间格式应为 HH:MM' });
    expect(rotaBody({ ...base, end_time: '08:30' }, t)).toEqual({ error: '结束时间应晚于开始时间' });
  });
  it('describes a rota in words', () => {
    expect(rotaLabel(2, 3, t)).toBe('每月第二个星期三');
    expect(rotaLabel(5, 5, t)).toBe('每月最后一个星期五');
  });
  it('records a day as held on the day or later only', () => {
    expect(canHold({ date: '2026-05-05' }, '2026-05-05')).toBe(true);
    expect(canHold({ date: '2026-05-04' }, '2026-05-05')).toBe(true);
    expect(canHold({ date: '2026-05-06' }, '2026-05-05')).toBe(false);
  });
  const day = (date: string, extra: Partial<ReceptionDay> = {}): ReceptionDay =>
    ({ id: 1, date, start_time: '09:00', end_time: '11:30', place: '委员之家', members: [{ id: 1, name: '张良' }], ...extra });
  it('guesses the rota from its days', () => {
    // Second Wednesdays.
    expect(inferRota([day('2026-12-09'), day('2027-01-13')])).toMatchObject({ week_of_month: 2, weekday: 3, member_ids: [1] });
    // Last Wednesdays: 30 Dec (only "last"), 27 Jan (4th or last) → last.
    expect(inferRota([day('2026-12-30'), day('2027-01-27')])?.week_of_month).toBe(5);
    // Fourth Wednesdays: 23 Dec (4th and last), 27 Jan (4th and last), 24 Feb (4th and last) → 4th.
    expect(inferRota([day('2026-12-23'), day('2027-01-27'), day('2027-02-24')])?.week_of_month).toBe(4);
    // A day moved off a holiday does not decide the weekday.
    expect(inferRota([day('2026-12-09'), day('2027-01-14'), day('2027-02-10')])).toMatchObject({ weekday: 3, week_of_month: 2 });
    expect(inferRota([])).toBeNull();
  });
  it('makes the calendar feed addresses', () => {
    expect(icsUrl('https://tx.example.cn/', 7)).toBe('https://tx.example.cn/api/v1/public/studios/7/reception-days.ics');
    expect(icsUrl('', 7)).toBe('/api/v1/public/studios/7/reception-days.ics');
    expect(webcalUrl('https://tx.example.cn/a.ics')).toBe('webcal://tx.example.cn/a.ics');
  });
});

describe('progress and grades', () => {
  it('is a whole percentage, 0 without tasks', () => {
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 3)).toBe(100);
    expect(progressPercent(0, 0)).toBe(0);
  });
  it('colours grades', () => {
    expect(gradeTagType('excellent')).toBe('success');
    expect(gradeTagType('competent')).toBe('primary');
    expect(gradeTagType('basic')).toBe('warning');
    expect(gradeTagType('unqualified')).toBe('danger');
    expect(gradeTagType('something')).toBe('default');
  });
  it('shows points with two decimals at most and a sign on items', () => {
    expect(formatPoints(9)).toBe('9');
    expect(formatPoints(1 / 3)).toBe('0.33');
    expect(formatPoints(-0.001)).toBe('0');
    expect(signedPoints(2)).toBe('+2');
    expect(signedPoints(-1)).toBe('-1');
    expect(signedPoints(0)).toBe('0');
    expect(signedPoints(0.001)).toBe('0');
  });
  it('names the family of a rule', () => {
    expect(ruleFamily('activity.visit')).toBe('activity');
    expect(ruleFamily('visit.overdue')).toBe('visit');
    for (const f of ['activity', 'case', 'visit', 'meeting', 'proposal', 'opinion']) expect(te(`contact.record.family.${f}`)).toBe(true);
  });
});

describe('editing a key contact', () => {
  const before = { name: '张桂兰', phone: '13912345678', sector_label: '社区', work_unit: '', notes: '独居老人' };
  it('sends only what changed, trimmed', () => {
    expect(contactChanges(before, { ...before, work_unit: ' 雁滩社区 ', notes: '独居老人' })).toEqual({ work_unit: '雁滩社区' });
    expect(contactChanges(before, { ...before })).toEqual({});
  });
  it('clears an optional field with null', () => {
    expect(contactChanges(before, { ...before, phone: '  ', notes: '' })).toEqual({ phone: null, notes: null });
  });
});
