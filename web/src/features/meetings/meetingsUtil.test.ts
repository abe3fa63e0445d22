import { describe, it, expect } from 'vitest';
import { createI18n } from 'vue-i18n';
import zh from '../../i18n/zh-CN';
import en from '../../i18n/en';
import {
  ATTENDANCE_STATUSES, MEETING_KINDS, attendanceRate, changedMarks, createBody, dateRange, editBody, emptyForm, formOf, splitMine,
  statusTagType, windowError, type Meeting, type RollEntry,
} from './meetingsUtil';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zh, en } });
const t = i18n.global.t as (k: string, p?: any) => string;
const te = (k: string) => i18n.global.te(k);

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 1, conference_id: 2, kind: 'plenary', title: '第五次会议', held_on: '2026-01-10', ends_on: '2026-01-12', place: '兰州会议中心',
    committee_id: null, committee: null, sign_in_from: '08:00', sign_in_until: '08:50', roll_closed: false, roll_closed_at: null,
    archived: false, counts: { expected: 0, registered: 0, present: 0, excused: 0, absent: 0, total: 0 }, created_at: 0, updated_at: 0,
    ...over,
  };
}

describe('labels', () => {
  it('has a Chinese and an English label for every kind, status and roll hint', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const k of MEETING_KINDS) {
        expect(te(`meetings.kind.${k}`)).toBe(true);
        expect(te(`meetings.form.rollHint.${k}`)).toBe(true);
      }
      for (const s of ATTENDANCE_STATUSES) expect(te(`meetings.status.${s}`)).toBe(true);
    }
    i18n.global.locale.value = 'zh-CN';
    expect(t('meetings.status.present')).toBe('到会未签到');
    expect(t('meetings.kind.plenary')).toBe('全体会议');
  });
});

describe('createBody', () => {
  it('sends what the server needs and leaves the kind to set the roll', () => {
    const form = { ...emptyForm('2026-05-01'), title: '  常委会议  ', kind: 'standing' as const, place: ' 常委会议室 ' };
    expect(createBody(form, t)).toEqual({ body: { kind: 'standing', title: '常委会议', held_on: '2026-05-01', place: '常委会议室' } });
    const plenary = { ...emptyForm('2026-01-10'), title: '全会', ends_on: '2026-01-12', sign_in_from: '08:00', sign_in_until: '08:50' };
    expect(createBody(plenary, t)).toEqual({
      body: { kind: 'plenary', title: '全会', held_on: '2026-01-10', ends_on: '2026-01-12', sign_in_from: '08:00', sign_in_until: '08:50' },
    });
  });
  it('asks for the committee, the members of an "other" meeting, a title, a sane window', () => {
    const base = { ...emptyForm('2026-05-01'), title: '会议' };
    expect('error' in createBody({ ...base, title: ' ' }, t)).toBe(true);
    expect('error' in createBody({ ...base, kind: 'committee' }, t)).toBe(true);
    expect(createBody({ ...base, kind: 'committee', committee_id: 7 }, t)).toEqual({ body: { kind: 'committee', title: '会议', held_on: '2026-05-01', committee_id: 7 } });
    expect('error' in createBody({ ...base, kind: 'other' }, t)).toBe(true);
    expect(createBody({ ...base, kind: 'other', member_ids: [3, 4] }, t)).toEqual({ body: { kind: 'other', title: '会议', held_on: '2026-05-01', member_ids: [3, 4] } });
    expect('error' in createBody({ ...base, ends_on: '2026-04-30' }, t)).toBe(true);
    expect('error' in createBody({ ...base, sign_in_from: '08:00' }, t)).toBe(true);
  });
});

describe('windowError', () => {
  it('takes both times, in order, or neither', () => {
    expect(windowError('', '', t)).toBeNull();
    expect(windowError('08:00', '09:00', t)).toBeNull();
    expect(windowError('08:00', '', t)).toBe(t('meetings.form.windowBoth'));
    expect(windowError('8:00', '09:00', t)).toBe(t('meetings.form.windowBoth'));
    expect(windowError('09:00', '09:00', t)).toBe(t('meetings.form.windowOrder'));
  });
});

describe('editBody', () => {
  it('sends only what changed; clearing the window sends nulls', () => {
    const m = meeting();
    expect(editBody(m, formOf(m), t)).toEqual({ body: {} });
    expect(editBody(m, { ...formOf(m), place: '宁卧庄宾馆' }, t)).toEqual({ body: { place: '宁卧庄宾馆' } });
    expect(editBody(m, { ...formOf(m), sign_in_from: '', sign_in_until: '' }, t)).toEqual({ body: { sign_in_from: null, sign_in_until: null } });
    // A one-day meeting: an empty last day is the first.
    const one = meeting({ held_on: '2026-03-20', ends_on: '2026-03-20' });
    expect(formOf(one).ends_on).toBe('');
    expect(editBody(one, { ...formOf(one), held_on: '2026-03-21' }, t)).toEqual({ body: { held_on: '2026-03-21', ends_on: '2026-03-21' } });
  });
});

describe('changedMarks', () => {
  const roll: RollEntry[] = [
    { member_id: 1, name: '甲', status: 'registered', leave_reason: '', signed_in_at: 1, updated_at: 0 },
    { member_id: 2, name: '乙', status: 'expected', leave_reason: '', signed_in_at: null, updated_at: 0 },
    { member_id: 3, name: '丙', status: 'excused', leave_reason: '出差', signed_in_at: null, updated_at: 0 },
  ];
  it('lists the members whose status or reason changed, reasons only with leave', () => {
    const edits = { 1: { status: 'registered', leave_reason: '' }, 2: { status: 'expected', leave_reason: '' }, 3: { status: 'excused', leave_reason: '出差' } };
    expect(changedMarks(roll, edits)).toEqual([]);
    expect(changedMarks(roll, { ...edits, 2: { status: 'present', leave_reason: 'x' } })).toEqual([{ member_id: 2, status: 'present' }]);
    expect(changedMarks(roll, { ...edits, 3: { status: 'excused', leave_reason: ' 住院 ' } })).toEqual([{ member_id: 3, status: 'excused', leave_reason: '住院' }]);
    expect(changedMarks(roll, { ...edits, 1: { status: 'absent', leave_reason: '' } })).toEqual([{ member_id: 1, status: 'absent' }]);
  });
});

describe('display', () => {
  it('shows date ranges, rates and colours', () => {
    expect(dateRange('2026-01-10', '2026-01-10', t)).toBe('2026-01-10');
    expect(dateRange('2026-01-10', '2026-01-12', t)).toBe('2026-01-10 至 01-12');
    expect(dateRange('2026-12-30', '2027-01-02', t)).toBe('2026-12-30 至 2027-01-02');
    expect(attendanceRate({ total: 0 })).toBeNull();
    expect(attendanceRate({ total: 200, registered: 180, present: 6, excused: 10, absent: 4 })).toBe(93);
    expect(statusTagType('registered')).toBe('success');
    expect(statusTagType('absent')).toBe('danger');
    expect(statusTagType('expected')).toBe('info');
  });
  it('puts meetings to come first, soonest first, then those held, latest first', () => {
    const items = [
      meeting({ id: 1, held_on: '2026-01-10', ends_on: '2026-01-12' }),
      meeting({ id: 2, held_on: '2026-12-20', ends_on: '2026-12-20' }),
      meeting({ id: 3, held_on: '2026-11-26', ends_on: '2026-11-26' }),
      meeting({ id: 4, held_on: '2026-03-20', ends_on: '2026-03-20' }),
    ];
    const { upcoming, past } = splitMine(items, '2026-11-26');
    expect(upcoming.map((m) => m.id)).toEqual([3, 2]);
    expect(past.map((m) => m.id)).toEqual([4, 1]);
  });
});
