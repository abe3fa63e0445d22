// Pure helpers of the contact-work screens (key contacts, logging a contact, visit tasks,
// the duty record, reception rotas): the server's enumerations, task grouping, request
// bodies, rota checks, dates in China time. No DOM, no Vue — unit-tested in contactUtil.test.ts.
import { formatChinaDate, type Translate } from '../cases/caseUtil';

/** Activity kinds, the everyday ones first (the log screen shows the first five, the rest behind "更多"). */
export const ACTIVITY_KINDS = [
  'visit', 'talk', 'reception_day', 'service', 'consultation',
  'inspection', 'briefing', 'training', 'reading', 'matchmaking', 'salon',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const COMMON_KINDS = ACTIVITY_KINDS.slice(0, 5);

export const CHANNELS = ['face_to_face', 'regular_work', 'online', 'service', 'innovative'] as const;

/** 八必访 5–7: a change in a key contact's life that calls for a visit. */
export const CHANGE_KINDS = ['life_event', 'demand', 'difficulty'] as const;

/** The occasions staff fire by hand (八必访 1–4). */
export const FIRE_OCCASIONS = ['speech', 'congress', 'policy', 'plenary'] as const;
/** Every occasion a visit task can come from. */
export const OCCASIONS = [...FIRE_OCCASIONS, 'life_change', 'demand', 'difficulty', 'sector_day'] as const;

export const UNIT_KINDS = ['compound', 'building', 'village', 'enterprise', 'campus'] as const;

/** 第几周: 1–4, and 5 for the last week of the month. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, 5] as const;
/** 星期: ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface KeyContact {
  id: number; member_id: number; name: string; phone: string; sector_label: string; work_unit: string; notes: string;
  masked: boolean; archived: boolean; created_at: number; open_tasks?: number;
  changes?: { kind: string; note: string; at: number }[];
}

export interface VisitTask {
  id: number; due_on: string; status: 'open' | 'done' | string; overdue: boolean; title: string; occasion: string;
  key_contact_id: number; key_contact: string; done_activity_id: number | null;
}

export interface ReceptionDay {
  id: number; date: string; start_time: string; end_time: string; place: string; members: { id: number; name: string }[];
}

export interface DutyRecord {
  member: { id: number; name: string; sector: string };
  year: number;
  totals: Record<string, number>;
  points: { total: number; grade: string; grade_label: string; by_category: { category: string; label: string; points: number }[] };
  items: { at: number | string; kind: string; title: string; points: number; note?: string; source: { type: string; id: number } }[];
  /** What the member wrote this year (micro-suggestions, proposals, opinion reports), whatever became of it. */
  outputs?: { id: number; kind: 'micro_suggestion' | 'proposal' | 'opinion_report'; title: string; status: string; status_label: string;
    number: string | null; submitted_at: number | null }[];
}

export interface DutyReport { year: number; text: string; status: 'draft' | 'submitted'; updated_at: number | null; generated?: boolean }

/** The order of the totals on the record page. */
export const TOTAL_KEYS = ['activities', 'people_reached', 'cases_handled', 'cases_closed', 'visit_tasks_done', 'visit_tasks_overdue'] as const;

/** Today in China ("2026-05-01"), whatever the phone's zone: the server's default date of an activity. */
export function chinaToday(now: number): string {
  return formatChinaDate(now);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return 0;
  return Math.round((b - a) / 86_400_000);
}

/**
 * The visit-task page's two groups: still to visit — overdue first, then by due date — and
 * done, the latest due first. A task counts as overdue if the server says so or its due date
 * has passed (the page may stay open over midnight).
 */
export function groupTasks(items: VisitTask[], today: string): { open: VisitTask[]; done: VisitTask[] } {
  const isOverdue = (x: VisitTask) => x.status === 'open' && (x.overdue || x.due_on < today);
  const open = items.filter((x) => x.status === 'open').map((x) => ({ ...x, overdue: isOverdue(x) }));
  open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on) || a.id - b.id);
  const done = items.filter((x) => x.status !== 'open');
  done.sort((a, b) => b.due_on.localeCompare(a.due_on) || b.id - a.id);
  return { open, done };
}

/** Contact ids from the address: "?contact=3" or "?contact=3,5"; junk ignored, no duplicates. */
export function parseIds(v: unknown): number[] {
  const raw = Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '';
  const out: number[] = [];
  for (const s of raw.split(',')) {
    const n = Number(s.trim());
    if (Number.isInteger(n) && n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

export interface LogForm {
  kind: string;
  held_on: string; // "YYYY-MM-DD"
  key_contact_ids: number[];
  reached_count: number;
  summary: string;
}

/**
 * The body of POST /api/v1/activities for the quick log: defaults the server fills itself
 * (today, the member themself, the channel of the kind) are left out.
 */
export function activityBody(form: LogForm, today: string): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: form.kind || 'visit' };
  if (form.held_on && form.held_on !== today) body.held_on = form.held_on;
  if (form.key_contact_ids.length) body.key_contact_ids = [...form.key_contact_ids];
  if (form.reached_count > 0) body.reached_count = Math.floor(form.reached_count);
  const summary = form.summary.trim();
  if (summary) body.summary = summary;
  return body;
}

/** Contacts for the chips: those picked in the address first, then those with open tasks, then the rest. */
export function orderContacts<T extends { id: number; open_tasks?: number }>(items: T[], preselected: number[]): T[] {
  const rank = (c: T) => (preselected.includes(c.id) ? 0 : (c.open_tasks ?? 0) > 0 ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/** Toggles an id in a selection, keeping the order of picking. */
export function toggleId(ids: number[], id: number): number[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface RotaForm {
  week_of_month: number | null; weekday: number | null; start_time: string; end_time: string; place: string;
  member_ids: number[]; skip_holidays: boolean;
}

/** The body of PUT /api/v1/studios/{id}/reception-rota, or the first thing wrong. */
export function rotaBody(form: RotaForm, t: Translate): { body: Record<string, unknown> } | { error: string } {
  if (!form.week_of_month || !(WEEKS_OF_MONTH as readonly number[]).includes(form.week_of_month)) {
    return { error: t('cases.form.choose', { field: t('contact.reception.weekOfMonth') }) };
  }
  if (!form.weekday || !(WEEKDAYS as readonly number[]).includes(form.weekday)) {
    return { error: t('cases.form.choose', { field: t('contact.reception.weekday') }) };
  }
  if (!TIME.test(form.start_time) || !TIME.test(form.end_time)) return { error: t('contact.reception.badTime') };
  if (form.end_time <= form.start_time) return { error: t('contact.reception.endBeforeStart') };
  const body: Record<string, unknown> = {
    week_of_month: form.week_of_month, weekday: form.weekday, start_time: form.start_time, end_time: form.end_time,
    place: form.place.trim(), member_ids: [...form.member_ids], skip_holidays: form.skip_holidays,
  };
  return { body };
}

/** "每月第二个星期三" / "每月最后一个星期五". */
export function rotaLabel(week: number, weekday: number, t: Translate): string {
  return t('contact.reception.rotaLabel', { week: t(`contact.reception.weeks.${week}`), weekday: t(`contact.reception.weekdays.${weekday}`) });
}

/** The ISO weekday (1 = Monday) of a "YYYY-MM-DD" date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A reception day can be recorded as held on the day or after, not before (no future activities). */
export function canHold(day: { date: string }, today: string): boolean {
  return day.date <= today;
}

/** The day `n` days before "YYYY-MM-DD". */
export function daysBefore(date: string, n: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) - n * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The public iCalendar feed of a studio's reception days, absolute so that calendars can subscribe. */
export function icsUrl(origin: string, studioId: number | string): string {
  return `${origin.replace(/\/+$/, '')}/api/v1/public/studios/${encodeURIComponent(String(studioId))}/reception-days.ics`;
}

/** The same feed as a webcal: link, which phones open in their calendar app as a subscription. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:/, 'webcal:');
}

/** Progress of a trigger, 0–100. */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.round((Math.min(done, total) / total) * 100);
}

/** The years the record page offers: this year back to `first`, newest first (at most ten). */
export function recordYears(now: number, first = 2023): number[] {
  const y = Number(chinaToday(now).slice(0, 4));
  const out: number[] = [];
  for (let x = y; x >= Math.max(first, y - 9); x--) out.push(x);
  return out;
}

/** The date of a record item: a time in ms, or already a date. */
export function itemDate(at: number | string | null | undefined): string {
  if (typeof at === 'number') return formatChinaDate(at);
  return typeof at === 'string' ? at.slice(0, 10) : '';
}

/** Vant tag colour of a grade (优秀 / 称职 / 基本称职 / 不称职). */
export function gradeTagType(grade: string): 'success' | 'primary' | 'warning' | 'danger' | 'default' {
  switch (grade) {
    case 'excellent': return 'success';
    case 'competent': return 'primary';
    case 'basic': return 'warning';
    case 'unqualified': return 'danger';
    default: return 'default';
  }
}

/** Points as shown: at most two decimals (splits give 0.33), no trailing zeros. */
export function formatPoints(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A record item's points with their sign: "+2", "-1", "0". */
export function signedPoints(n: number): string {
  const s = formatPoints(n);
  return n > 0 && s !== '0' ? `+${s}` : s;
}

/** The family of a points rule ("activity.visit" → "activity"), for its tag. */
export function ruleFamily(kind: string): string {
  return kind.split('.')[0] ?? kind;
}

/** A translated label, or the server's own value when the UI has no label for it. */
export function labelOr(te: (k: string) => boolean, t: Translate, key: string, fallback: string): string {
  return te(key) ? t(key) : fallback;
}

/** Days in a month (month 1–12). */
function monthDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A best guess of the rota behind some scheduled reception days, to prefill the form (the API
 * has no read of the rota itself): the commonest weekday, the week of the month that fits
 * every such day (a day in the last seven of its month may be "the last week"), the time,
 * place and members of the next day. Null when there are no days.
 */
export function inferRota(days: ReceptionDay[]): Omit<RotaForm, 'skip_holidays'> | null {
  if (!days.length) return null;
  const counts = new Map<number, number>();
  for (const d of days) counts.set(isoWeekday(d.date), (counts.get(isoWeekday(d.date)) ?? 0) + 1);
  const weekday = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  let candidates: number[] | null = null;
  for (const d of days.filter((x) => isoWeekday(x.date) === weekday)) {
    const [y, m, dd] = d.date.split('-').map(Number);
    const c = [Math.ceil(dd / 7)];
    if (dd + 7 > monthDays(y, m)) c.push(5);
    candidates = candidates ? candidates.filter((x) => c.includes(x)) : c;
  }
  const week = candidates && candidates.length ? Math.min(...candidates) : null;
  const first = days[0];
  return {
    week_of_month: week, weekday, start_time: first.start_time, end_time: first.end_time, place: first.place,
    member_ids: first.members.map((m) => m.id),
  };
}

export interface ContactDraft { name: string; phone: string; sector_label: string; work_unit: string; notes: string }

// The PATCH body for an edited key contact: only what changed, trimmed; a cleared optional
// field is sent as null (the server clears it), the name is never cleared.
export function contactChanges(before: Partial<ContactDraft>, draft: ContactDraft): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of ['name', 'phone', 'sector_label', 'work_unit', 'notes'] as const) {
    const now = draft[key].trim();
    const was = (before[key] ?? '').trim();
    if (now === was) continue;
    out[key] = now === '' && key !== 'name' ? null : now;
  }
  return out;
}
