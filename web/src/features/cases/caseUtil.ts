// Pure helpers shared by the citizen, member and console screens of the cases feature:
// statuses and their colours, China-time formatting, deadlines, photo size maths, the body
// of each workflow action. No DOM, no Vue — unit-tested in caseUtil.test.ts.
import type { TimelineEvent } from '../../shared/components/timeline';
import type { CaseEvent } from './types';

export const STATUSES = [
  'submitted', 'assigned', 'in_progress', 'replied', 'converted', 'referred', 'declined', 'merged', 'rated', 'closed',
] as const;
export type CaseStatus = (typeof STATUSES)[number];

/** Still being worked on: can be assigned, merged, declined. */
export const OPEN_STATUSES: CaseStatus[] = ['submitted', 'assigned', 'in_progress'];

export const CHANNELS = ['reception_day', 'visit', 'phone', 'letter', 'online'] as const;
export const OUTCOMES = ['solved', 'partly_solved', 'explained'] as const;
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const CONVERT_TARGETS = ['micro_suggestion', 'opinion_report', 'proposal'] as const;
export const REFER_TARGETS = ['hotline_12345', 'petition', 'court', 'agency', 'other'] as const;
export const DECLINE_KINDS = ['personal_dispute', 'in_litigation', 'petition', 'other'] as const;

/** The tabs of the member's "my cases" page and the statuses each one lists. */
export const MEMBER_TABS = [
  { key: 'assigned', statuses: ['assigned'] },
  { key: 'in_progress', statuses: ['in_progress'] },
  { key: 'replied', statuses: ['replied', 'converted', 'referred', 'rated'] },
  { key: 'closed', statuses: ['closed', 'declined', 'merged'] },
] as const;

export type ElTagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';
export type VanTagType = 'primary' | 'success' | 'danger' | 'warning' | 'default';

/** Element Plus tag colour of a status: waiting for someone → warning, in hand → primary, answered → success. */
export function statusTagType(status: string): ElTagType {
  switch (status) {
    case 'submitted':
    case 'assigned':
      return 'warning';
    case 'in_progress':
      return 'primary';
    case 'replied':
    case 'converted':
    case 'rated':
    case 'closed':
      return 'success';
    case 'referred':
    case 'declined':
    case 'merged':
    default:
      return 'info';
  }
}

/** The same colour for Vant, which calls "info" "default". */
export function vanStatusType(status: string): VanTagType {
  const t = statusTagType(status);
  return t === 'info' ? 'default' : t;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function chinaParts(ms: number): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(ms));
  const out: Record<string, string> = {};
  for (const p of parts) out[p.type] = p.value;
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** "2026-05-01 14:03" in China time (Asia/Shanghai), whatever the browser's zone. */
export function formatChinaTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const p = chinaParts(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-05-01" in China time. */
export function formatChinaDate(ms: number | null | undefined): string {
  return formatChinaTime(ms).slice(0, 10);
}

export interface DeadlineCase {
  status: string;
  claim_due_at?: number | null;
  reply_due_at?: number | null;
  overdue?: boolean;
}

export type Deadline = { kind: 'none' } | { kind: 'remaining'; days: number; due: number } | { kind: 'overdue'; due: number };

/**
 * The deadline that applies now: contacting the citizen (claim) while assigned, the reply
 * while in progress. Days are counted up: 2 h left is "1 day left".
 */
export function deadlineOf(c: DeadlineCase, now: number): Deadline {
  const due = c.status === 'assigned' ? c.claim_due_at : c.status === 'in_progress' ? c.reply_due_at : null;
  if (due === null || due === undefined) return c.overdue ? { kind: 'overdue', due: now } : { kind: 'none' };
  if (c.overdue || due < now) return { kind: 'overdue', due };
  return { kind: 'remaining', days: Math.max(1, Math.ceil((due - now) / DAY_MS)), due };
}

/** Tag colour of a deadline: overdue red, the last day orange, otherwise calm. */
export function deadlineTagType(d: Deadline): ElTagType {
  if (d.kind === 'overdue') return 'danger';
  if (d.kind === 'remaining' && d.days <= 1) return 'warning';
  return 'info';
}

/**
 * The size a photo is drawn at before upload: the longest side at most `max` pixels, the
 * aspect ratio kept, never enlarged, never below 1 px.
 */
export function fitWithin(width: number, height: number, max = 1600): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 };
  const longest = Math.max(width, height);
  if (longest <= max) return { width: Math.round(width), height: Math.round(height) };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Bytes a base64 payload (optionally a data: URL) decodes to. */
export function base64Bytes(dataUrl: string): number {
  const comma = dataUrl.startsWith('data:') ? dataUrl.indexOf(',') : -1;
  const b64 = comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((b64.length * 3) / 4) - padding);
}

/** The request body limit is 8 MB; keep photos well under it with room for the text. */
export const MAX_PHOTO_PAYLOAD = 7 * 1024 * 1024;

/** True when the photos (as sent, base64) fit into one request. */
export function photosFit(dataUrls: string[]): boolean {
  return dataUrls.reduce((n, u) => n + u.length, 0) <= MAX_PHOTO_PAYLOAD;
}

/** Upper case, no spaces or hyphens: what the server accepts as a tracking code (10 characters). */
export function normalizeTrackingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isTrackingCode(input: string): boolean {
  return /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/.test(normalizeTrackingCode(input));
}

/** Validation of a named (实名) citizen's contact: a mainland mobile number. */
export function isMobile(phone: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface ActionForm {
  member_id?: number | null;
  studio_id?: number | null;
  note?: string;
  text?: string;
  outcome?: string;
  target?: string;
  to?: string;
  guidance?: string;
  reason?: string;
  kind?: string;
  into_case_id?: number | null;
}

/**
 * The body of POST /api/v1/cases/{id}/actions for `action`, or the first thing missing.
 * Only the fields the server knows for that action are sent (it rejects unknown ones).
 */
export function actionBody(action: string, form: ActionForm, t: Translate, declineAsHandler = false):
  { body: Record<string, unknown> } | { error: string } {
  const note = form.note?.trim();
  const req = (v: string | undefined | null, label: string) => (v && v.trim() ? null : t('common.required', { field: t(label) }));
  switch (action) {
    case 'assign': {
      if (!form.member_id) return { error: t('cases.form.pickMember') };
      const body: Record<string, unknown> = { action, member_id: form.member_id };
      if (form.studio_id) body.studio_id = form.studio_id;
      if (note) body.note = note;
      return { body };
    }
    case 'claim':
    case 'reopen':
    case 'close':
      return { body: note ? { action, note } : { action } };
    case 'reply': {
      const e = req(form.text, 'cases.field.reply');
      if (e) return { error: e };
      return { body: { action, text: form.text!.trim(), outcome: form.outcome || 'solved' } };
    }
    case 'convert': {
      if (!form.target) return { error: t('cases.form.choose', { field: t('cases.field.convertTarget') }) };
      return { body: note ? { action, target: form.target, note } : { action, target: form.target } };
    }
    case 'refer': {
      if (!form.to) return { error: t('cases.form.choose', { field: t('cases.field.referTo') }) };
      const e = req(form.guidance, 'cases.field.guidance');
      if (e) return { error: e };
      return { body: { action, to: form.to, guidance: form.guidance!.trim() } };
    }
    case 'decline': {
      const e = req(form.reason, 'cases.field.reason');
      if (e) return { error: e };
      const body: Record<string, unknown> = { action, reason: form.reason!.trim() };
      if (!declineAsHandler && form.kind) body.kind = form.kind;
      return { body };
    }
    case 'merge': {
      if (!form.into_case_id) return { error: t('cases.form.pickMergeTarget') };
      return { body: { action, into_case_id: form.into_case_id } };
    }
    default:
      return { error: t('cases.form.unknownAction') };
  }
}

/**
 * Whether "decline" means handing the case back (the handling member) or declining it as
 * out of scope (lead, staff): the server decides by the first party that may decline.
 */
export function declinesAsHandler(myParties: string[], status: string): boolean {
  if (!myParties.includes('handler')) return false;
  return status === 'assigned' || status === 'in_progress';
}

/** A percentage for a 0..1 score. */
export function percent(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

/** A case's events in the shared timeline's shape; with audit, who acted in the audit's terms (console only). */
export function caseTimeline(events: CaseEvent[], t: Translate, te: (key: string) => boolean, audit = false): TimelineEvent[] {
  return events.map((e, i) => ({
    key: e.id ?? `at-${i}`, // events without an id must not collide with one that has it
    time: formatChinaTime(e.at),
    label: te(`cases.eventType.${e.type}`) ? t(`cases.eventType.${e.type}`) : e.type,
    actor: e.actor,
    note: e.note || undefined,
    moved: e.to && e.from !== e.to ? t(`cases.status.${e.to}`) : undefined,
    marker: e.to ? statusTagType(e.to) : undefined,
    audit: audit && (e.user_id || e.remote_addr)
      ? (e.party ? t(`cases.party.${e.party}`) : '') + (e.user_id ? ` · ${t('cases.detail.userId', { id: e.user_id })}` : '')
        + (e.remote_addr ? ` · ${e.remote_addr}` : '')
      : undefined,
  }));
}
