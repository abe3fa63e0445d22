import { describe, it, expect } from 'vitest';
import {
  STATUSES, actionBody, base64Bytes, caseTimeline, deadlineOf, deadlineTagType, declinesAsHandler, fitWithin, formatChinaDate,
  formatChinaTime, isMobile, isTrackingCode, normalizeTrackingCode, percent, photosFit, statusTagType, vanStatusType,
} from './caseUtil';
import { divisionPath } from './divisions';

const t = (k: string, p?: any) => (p?.field ? `${p.field} ${k === 'cases.form.choose' ? 'choose' : 'required'}` : k);
const DAY = 86_400_000;

describe('status colours', () => {
  it('gives every status an Element Plus and a Vant tag type', () => {
    for (const s of STATUSES) {
      expect(['primary', 'success', 'info', 'warning', 'danger']).toContain(statusTagType(s));
      expect(['primary', 'success', 'default', 'warning', 'danger']).toContain(vanStatusType(s));
    }
  });
  it('marks waiting, in hand and answered cases apart', () => {
    expect(statusTagType('submitted')).toBe('warning');
    expect(statusTagType('assigned')).toBe('warning');
    expect(statusTagType('in_progress')).toBe('primary');
    expect(statusTagType('closed')).toBe('success');
    expect(statusTagType('merged')).toBe('info');
    expect(vanStatusType('merged')).toBe('default');
    expect(statusTagType('nonsense')).toBe('info');
  });
});

describe('China time', () => {
  it('formats in Asia/Shanghai whatever the local zone', () => {
    // 2026-01-01T00:30:00Z is 08:30 in Beijing.
    expect(formatChinaTime(Date.UTC(2026, 0, 1, 0, 30))).toBe('2026-01-01 08:30');
    // 2025-12-31T16:05Z is already the next day in China.
    expect(formatChinaTime(Date.UTC(2025, 11, 31, 16, 5))).toBe('2026-01-01 00:05');
    expect(formatChinaDate(Date.UTC(2025, 11, 31, 16, 5))).toBe('2026-01-01');
  });
  it('shows nothing for a missing time', () => {
    expect(formatChinaTime(null)).toBe('');
    expect(formatChinaTime(undefined)).toBe('');
  });
});

describe('deadlines', () => {
  const now = Date.UTC(2026, 4, 1, 2, 0);
  it('uses the claim deadline while assigned and the reply deadline in progress', () => {
    expect(deadlineOf({ status: 'assigned', claim_due_at: now + 3 * DAY, reply_due_at: now + 15 * DAY }, now))
      .toEqual({ kind: 'remaining', days: 3, due: now + 3 * DAY });
    expect(deadlineOf({ status: 'in_progress', claim_due_at: now - DAY, reply_due_at: now + 15 * DAY }, now))
      .toMatchObject({ kind: 'remaining', days: 15 });
  });
  it('counts part of a day as a day, and past due as overdue', () => {
    expect(deadlineOf({ status: 'assigned', claim_due_at: now + 2 * 3600_000 }, now)).toMatchObject({ kind: 'remaining', days: 1 });
    expect(deadlineOf({ status: 'assigned', claim_due_at: now + DAY + 1 }, now)).toMatchObject({ kind: 'remaining', days: 2 });
    expect(deadlineOf({ status: 'assigned', claim_due_at: now - 1 }, now).kind).toBe('overdue');
    expect(deadlineOf({ status: 'in_progress', reply_due_at: now + DAY, overdue: true }, now).kind).toBe('overdue');
  });
  it('has no deadline once answered or before assignment', () => {
    expect(deadlineOf({ status: 'replied', reply_due_at: now - DAY }, now).kind).toBe('none');
    expect(deadlineOf({ status: 'submitted' }, now).kind).toBe('none');
  });
  it('colours overdue red and the last day orange', () => {
    expect(deadlineTagType({ kind: 'overdue', due: now })).toBe('danger');
    expect(deadlineTagType({ kind: 'remaining', days: 1, due: now })).toBe('warning');
    expect(deadlineTagType({ kind: 'remaining', days: 5, due: now })).toBe('info');
  });
});

describe('photo size', () => {
  it('keeps the longest side at most 1600 px and the aspect ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(2000, 1000)).toEqual({ width: 1600, height: 800 });
  });
  it('never enlarges and never goes below one pixel', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(fitWithin(20000, 2)).toEqual({ width: 1600, height: 1 });
    expect(fitWithin(0, 100)).toEqual({ width: 0, height: 0 });
  });
  it('counts decoded bytes of a base64 payload and checks the body budget', () => {
    expect(base64Bytes('data:image/jpeg;base64,QUJD')).toBe(3);
    expect(base64Bytes('QUI=')).toBe(2);
    expect(base64Bytes('QQ==')).toBe(1);
    expect(photosFit(['x'.repeat(1000)])).toBe(true);
    expect(photosFit(Array(4).fill('x'.repeat(2 * 1024 * 1024)))).toBe(false);
  });
});

describe('tracking codes and phones', () => {
  it('normalises what a citizen types', () => {
    expect(normalizeTrackingCode(' 2ub3m-k5q2a ')).toBe('2UB3MK5Q2A');
    expect(isTrackingCode('2ub3m k5q2a')).toBe(true);
    expect(isTrackingCode('2UB3MK5Q2')).toBe(false);
    expect(isTrackingCode('0UB3MK5Q2A')).toBe(false); // no 0/O/1/I/L
  });
  it('accepts mainland mobile numbers only', () => {
    expect(isMobile('13900001111')).toBe(true);
    expect(isMobile('+86 139 0000 1111')).toBe(true);
    expect(isMobile('12900001111')).toBe(false);
    expect(isMobile('0931-8486166')).toBe(false);
  });
});

describe('action bodies', () => {
  it('requires what each action needs', () => {
    expect(actionBody('reply', { text: '  ' }, t)).toEqual({ error: 'cases.field.reply required' });
    expect(actionBody('refer', { to: 'hotline_12345' }, t)).toEqual({ error: 'cases.field.guidance required' });
    expect(actionBody('refer', { guidance: '请拨打12345' }, t)).toEqual({ error: 'cases.field.referTo choose' });
    expect(actionBody('decline', {}, t)).toEqual({ error: 'cases.field.reason required' });
    expect(actionBody('assign', {}, t)).toEqual({ error: 'cases.form.pickMember' });
    expect(actionBody('merge', {}, t)).toEqual({ error: 'cases.form.pickMergeTarget' });
    expect(actionBody('convert', {}, t)).toEqual({ error: 'cases.field.convertTarget choose' });
  });
  it('sends only the fields the server knows', () => {
    expect(actionBody('reply', { text: ' 已修好 ', outcome: 'solved', note: 'x', reason: 'y' }, t))
      .toEqual({ body: { action: 'reply', text: '已修好', outcome: 'solved' } });
    expect(actionBody('claim', { note: '' }, t)).toEqual({ body: { action: 'claim' } });
    expect(actionBody('assign', { member_id: 7, studio_id: 1, note: '请办理' }, t))
      .toEqual({ body: { action: 'assign', member_id: 7, studio_id: 1, note: '请办理' } });
    expect(actionBody('decline', { reason: '属于诉讼', kind: 'in_litigation' }, t))
      .toEqual({ body: { action: 'decline', reason: '属于诉讼', kind: 'in_litigation' } });
    // A member handing a case back sends no kind.
    expect(actionBody('decline', { reason: '不熟悉', kind: 'other' }, t, true))
      .toEqual({ body: { action: 'decline', reason: '不熟悉' } });
  });
  it('knows when decline is a hand-back', () => {
    expect(declinesAsHandler(['handler'], 'in_progress')).toBe(true);
    expect(declinesAsHandler(['handler', 'staff'], 'assigned')).toBe(true);
    expect(declinesAsHandler(['staff'], 'in_progress')).toBe(false);
    expect(declinesAsHandler(['handler', 'lead'], 'submitted')).toBe(false);
  });
  it('shows scores as percentages', () => {
    expect(percent(0.783)).toBe('78%');
    expect(percent(2)).toBe('100%');
  });
});

describe('division codes', () => {
  it('lists the ancestors of a township, province first', () => {
    expect(divisionPath('620102008000')).toEqual(['620000000000', '620100000000', '620102000000', '620102008000']);
    expect(divisionPath('620102000000')).toEqual(['620000000000', '620100000000', '620102000000']);
    expect(divisionPath('620000000000')).toEqual(['620000000000']);
  });
});

describe('caseTimeline', () => {
  const te = (k: string) => k === 'cases.eventType.assign';
  const tt = (k: string, p?: any) => (p?.id ? `${k}#${p.id}` : k);
  const events = [
    { id: 1, at: Date.UTC(2026, 4, 1, 2, 5), type: 'submit', from: null, to: 'submitted', actor: '市民', note: '' },
    { id: 2, at: Date.UTC(2026, 4, 1, 3, 0), type: 'assign', from: 'submitted', to: 'assigned', actor: '王芳', note: '请尽快办理',
      party: 'staff', user_id: 7, remote_addr: '10.0.0.1' },
    { at: Date.UTC(2026, 4, 2, 3, 0), type: 'view_contact', from: 'assigned', to: null, actor: '李明', note: '' },
  ];
  it('labels each event, marks the state it led to and keeps the order for the timeline to reverse', () => {
    const r = caseTimeline(events, tt, te);
    expect(r.map((e) => e.key)).toEqual([1, 2, 'at-2']);
    expect(r[0]).toMatchObject({ time: '2026-05-01 10:05', label: 'submit', actor: '市民', moved: 'cases.status.submitted', marker: 'warning' });
    expect(r[0].note).toBeUndefined();
    expect(r[1]).toMatchObject({ label: 'cases.eventType.assign', note: '请尽快办理', moved: 'cases.status.assigned' });
    expect(r[2].moved).toBeUndefined();
    expect(r[2].marker).toBeUndefined();
    expect(r.every((e) => e.audit === undefined)).toBe(true);
  });
  it('adds the audit line only when asked and only where there is one', () => {
    const r = caseTimeline(events, tt, te, true);
    expect(r[1].audit).toBe('cases.party.staff · cases.detail.userId#7 · 10.0.0.1');
    expect(r[0].audit).toBeUndefined();
  });
});
