// Pure helpers of the meeting screens (the console's meetings and roll, the member's 我的会议):
// the server's enumerations, request bodies, what changed on a roll, tag colours, date
// ranges. No DOM, no Vue — unit-tested in meetingsUtil.test.ts.
import type { Translate } from '../cases/caseUtil';

/** 全体会议, 常委会议, 主席会议, 专委会会议, 其他. */
export const MEETING_KINDS = ['plenary', 'standing', 'chair', 'committee', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** 应到, 已签到, 到会未签到, 请假, 缺席. */
export const ATTENDANCE_STATUSES = ['expected', 'registered', 'present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** What staff may record (expected is where everyone starts, never a choice). */
export const MARK_STATUSES = ['registered', 'present', 'excused', 'absent'] as const;

export type Counts = Record<AttendanceStatus | 'total', number>;

export interface Meeting {
  id: number; conference_id: number; kind: MeetingKind | string; title: string; held_on: string; ends_on: string; place: string;
  committee_id: number | null; committee: { id: number; name: string } | null;
  sign_in_from: string | null; sign_in_until: string | null;
  roll_closed: boolean; roll_closed_at: number | null; archived: boolean; counts: Counts;
  created_at: number; updated_at: number;
  mine?: { status: AttendanceStatus | string; leave_reason: string; signed_in_at: number | null; can_sign_in: boolean; can_ask_leave: boolean };
}

export interface RollEntry {
  member_id: number; name: string; status: AttendanceStatus | string; leave_reason: string; signed_in_at: number | null; updated_at: number;
}

export interface MeetingForm {
  kind: MeetingKind;
  title: string;
  held_on: string; // "YYYY-MM-DD"
  ends_on: string; // "" = one day
  place: string;
  committee_id: number | null;
  sign_in_from: string; // "" = all day
  sign_in_until: string;
  member_ids: number[]; // the roll, for kind "other"
}

export function emptyForm(today: string): MeetingForm {
  return { kind: 'plenary', title: '', held_on: today, ends_on: '', place: '', committee_id: null, sign_in_from: '', sign_in_until: '', member_ids: [] };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The window is both times, the first before the second, or neither; the first thing wrong, or null. */
export function windowError(from: string, until: string, t: Translate): string | null {
  if (!from && !until) return null;
  if (!TIME.test(from) || !TIME.test(until)) return t('meetings.form.windowBoth');
  if (until <= from) return t('meetings.form.windowOrder');
  return null;
}

/**
 * The body of POST /api/v1/meetings, or the first thing wrong. The roll is the kind's own
 * (every member for a plenary session, the standing members, the chair's council, the
 * committee's members) except for "other", whose members are picked.
 */
export function createBody(form: MeetingForm, t: Translate): { body: Record<string, unknown> } | { error: string } {
  const title = form.title.trim();
  if (!title) return { error: t('common.required', { field: t('meetings.fields.title') }) };
  if (!form.held_on) return { error: t('common.required', { field: t('meetings.fields.heldOn') }) };
  if (form.ends_on && form.ends_on < form.held_on) return { error: t('meetings.form.endsBeforeStart') };
  if (form.kind === 'committee' && !form.committee_id) return { error: t('cases.form.choose', { field: t('meetings.fields.committee') }) };
  if (form.kind === 'other' && !form.member_ids.length) return { error: t('cases.form.choose', { field: t('meetings.fields.members') }) };
  const w = windowError(form.sign_in_from, form.sign_in_until, t);
  if (w) return { error: w };
  const body: Record<string, unknown> = { kind: form.kind, title, held_on: form.held_on };
  if (form.ends_on && form.ends_on !== form.held_on) body.ends_on = form.ends_on;
  if (form.place.trim()) body.place = form.place.trim();
  if (form.kind === 'committee') body.committee_id = form.committee_id;
  if (form.sign_in_from) { body.sign_in_from = form.sign_in_from; body.sign_in_until = form.sign_in_until; }
  if (form.kind === 'other') body.member_ids = [...form.member_ids];
  return { body };
}

/** The PATCH body for an edited meeting: only what changed (kind and committee stay), or the first thing wrong. */
export function editBody(before: Meeting, form: MeetingForm, t: Translate): { body: Record<string, unknown> } | { error: string } {
  const title = form.title.trim();
  if (!title) return { error: t('common.required', { field: t('meetings.fields.title') }) };
  if (!form.held_on) return { error: t('common.required', { field: t('meetings.fields.heldOn') }) };
  const ends = form.ends_on || form.held_on;
  if (ends < form.held_on) return { error: t('meetings.form.endsBeforeStart') };
  const w = windowError(form.sign_in_from, form.sign_in_until, t);
  if (w) return { error: w };
  const body: Record<string, unknown> = {};
  if (title !== before.title) body.title = title;
  if (form.place.trim() !== before.place) body.place = form.place.trim();
  if (form.held_on !== before.held_on) body.held_on = form.held_on;
  if (ends !== before.ends_on) body.ends_on = ends;
  if ((form.sign_in_from || null) !== before.sign_in_from || (form.sign_in_until || null) !== before.sign_in_until) {
    body.sign_in_from = form.sign_in_from || null;
    body.sign_in_until = form.sign_in_until || null;
  }
  return { body };
}

/** The form for editing a meeting. */
export function formOf(m: Meeting): MeetingForm {
  return {
    kind: (MEETING_KINDS as readonly string[]).includes(m.kind) ? (m.kind as MeetingKind) : 'other',
    title: m.title, held_on: m.held_on, ends_on: m.ends_on === m.held_on ? '' : m.ends_on, place: m.place,
    committee_id: m.committee_id, sign_in_from: m.sign_in_from ?? '', sign_in_until: m.sign_in_until ?? '', member_ids: [],
  };
}

/** The marks to send: the roll entries whose status or reason the page changed (a reason only with excused). */
export function changedMarks(original: RollEntry[], edited: Record<number, { status: string; leave_reason: string }>):
  { member_id: number; status: string; leave_reason?: string }[] {
  const out: { member_id: number; status: string; leave_reason?: string }[] = [];
  for (const e of original) {
    const now = edited[e.member_id];
    if (!now || now.status === 'expected') continue;
    const reason = now.status === 'excused' ? now.leave_reason.trim() : '';
    const was = e.status === 'excused' ? e.leave_reason : '';
    if (now.status === e.status && reason === was) continue;
    const mark: { member_id: number; status: string; leave_reason?: string } = { member_id: e.member_id, status: now.status };
    if (reason) mark.leave_reason = reason;
    out.push(mark);
  }
  return out;
}

/** "2026-01-10" or "2026-01-10 至 01-12" (the year once when both days share it). */
export function dateRange(held: string, ends: string, t: Translate): string {
  if (!ends || ends === held) return held;
  const tail = ends.slice(0, 4) === held.slice(0, 4) ? ends.slice(5) : ends;
  return t('meetings.dateRange', { from: held, to: tail });
}

/** Attendance rate: those who came (signed in or not) of those expected, 0–100; null when the roll is empty. */
export function attendanceRate(c: Partial<Counts>): number | null {
  const total = c.total ?? 0;
  if (!total) return null;
  return Math.round((((c.registered ?? 0) + (c.present ?? 0)) / total) * 100);
}

/** Element Plus / Vant tag colour of a status. */
export function statusTagType(status: string): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'registered': return 'success';
    case 'present': return 'primary';
    case 'excused': return 'warning';
    case 'absent': return 'danger';
    default: return 'info';
  }
}

/** The member's meetings: those to come and today's first (soonest first), then those held (latest first). */
export function splitMine(items: Meeting[], today: string): { upcoming: Meeting[]; past: Meeting[] } {
  const upcoming = items.filter((m) => m.ends_on >= today).sort((a, b) => a.held_on.localeCompare(b.held_on) || a.id - b.id);
  const past = items.filter((m) => m.ends_on < today).sort((a, b) => b.held_on.localeCompare(a.held_on) || b.id - a.id);
  return { upcoming, past };
}
