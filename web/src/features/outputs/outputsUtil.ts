// Pure helpers of the outputs screens (微建议 / 提案 / 社情民意信息), console and phone alike:
// kinds and their paths, statuses and their colours, deadlines, which fields each workflow
// action needs and the body it sends, the headline figures, the draft a member writes.
// No DOM, no Vue — unit-tested in outputsUtil.test.ts.
import type { TimelineEvent } from '../../shared/components/timeline';
import { formatChinaTime } from '../cases/caseUtil';
import type { OutputBrief, OutputEvent, OutputKind, OutputSummary } from './types';

export const KINDS: readonly OutputKind[] = ['micro_suggestion', 'proposal', 'opinion_report'];

/** The path segment of a kind, in the API (/api/v1/…), the console (/console/…) and the phone (/my/…). */
export const KIND_PATHS: Record<OutputKind, string> = {
  micro_suggestion: 'micro-suggestions', proposal: 'proposals', opinion_report: 'opinion-reports',
};

export function kindOfPath(path: string): OutputKind | null {
  return KINDS.find((k) => KIND_PATHS[k] === path) ?? null;
}
export function isKind(v: unknown): v is OutputKind {
  return typeof v === 'string' && (KINDS as readonly string[]).includes(v);
}

export const apiBase = (kind: OutputKind) => `/api/v1/${KIND_PATHS[kind]}`;
export const consolePath = (kind: OutputKind, id?: number) => `/console/${KIND_PATHS[kind]}${id ? `/${id}` : ''}`;
export const phonePath = (kind: OutputKind, id: number) => `/my/${KIND_PATHS[kind]}/${id}`;

/** Every state of a kind in workflow order (src/outputs/*_flow.cpp); draft first. */
export const STATUSES: Record<OutputKind, readonly string[]> = {
  micro_suggestion: ['draft', 'submitted', 'accepted', 'dispatched', 'return_review', 'signed', 'replied', 'verified', 'rated', 'closed',
    'converted', 'not_accepted'],
  proposal: ['draft', 'submitted', 'registered', 'assigned', 'return_review', 'signed', 'handling', 'replied', 'reviewed', 'rated', 'closed',
    'published', 'merged', 'converted', 'not_registered'],
  opinion_report: ['draft', 'submitted', 'adopted', 'approved', 'issued', 'sent', 'transferred', 'handled', 'merged', 'kept', 'not_adopted'],
};

/** Up to how many characters the body may have (one matter per opinion report, ≤ 1,500). */
export const BODY_LIMITS: Record<OutputKind, number> = { micro_suggestion: 3000, proposal: 20000, opinion_report: 1500 };
export const TITLE_LIMIT = 100;

export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const REPLY_CLASSES = ['A', 'B', 'C'] as const;
/** Why a proposal is not registered (政协提案工作条例). */
export const REJECT_GROUNDS = ['secret', 'academic', 'personal', 'litigation', 'promotion', 'vague', 'multiple', 'other'] as const;
export const LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export const OUTCOME_KINDS = ['adopted_above', 'instruction', 'agency_adoption'] as const;
export const CONSULT_METHODS = ['meeting', 'visit', 'phone', 'online'] as const;
export const HANDLING_MODES = ['single', 'split', 'joint'] as const;
export const CONVERT_TARGETS: Record<OutputKind, readonly OutputKind[]> = {
  micro_suggestion: ['proposal', 'opinion_report'], proposal: ['opinion_report', 'micro_suggestion'], opinion_report: [],
};
/** Categories a member can pick with one tap; any other may be typed. */
export const COMMON_CATEGORIES = ['经济发展', '城市建设', '社会事业', '生态环境', '民生保障', '法治建设'] as const;

/** The actions a member takes on the phone; the rest belong to the console. */
export const MEMBER_ACTIONS = ['edit', 'submit', 'confirm', 'rate'] as const;

export type ElTagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';
export type VanTagType = 'primary' | 'success' | 'danger' | 'warning' | 'default';

/**
 * Element Plus colour of a state: waiting for staff or an agency to pick it up → warning, in
 * hand → primary, answered or done → success, set aside → info, refused → danger.
 */
export function statusTagType(status: string): ElTagType {
  switch (status) {
    case 'submitted': case 'dispatched': case 'assigned': case 'return_review': case 'transferred':
      return 'warning';
    case 'accepted': case 'registered': case 'adopted': case 'approved': case 'issued': case 'signed': case 'handling':
      return 'primary';
    case 'replied': case 'verified': case 'reviewed': case 'rated': case 'closed': case 'published': case 'sent': case 'handled':
      return 'success';
    case 'not_accepted': case 'not_registered': case 'not_adopted':
      return 'danger';
    default: // draft, converted, merged, kept
      return 'info';
  }
}

export function vanStatusType(status: string): VanTagType {
  const t = statusTagType(status);
  return t === 'info' ? 'default' : t;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export type Due =
  | { kind: 'none' }
  | { kind: 'remaining'; step: string; days: number; due: number }
  | { kind: 'overdue'; step: string; due: number };

/** The step now due (review, sign, reply, verify, rate) and how long is left; days count up (2 h left is 1 day). */
export function dueOf(item: Pick<OutputBrief, 'due_step' | 'due_at' | 'overdue'>, now: number): Due {
  if (!item.due_step || item.due_at === null || item.due_at === undefined) return { kind: 'none' };
  if (item.overdue || item.due_at < now) return { kind: 'overdue', step: item.due_step, due: item.due_at };
  return { kind: 'remaining', step: item.due_step, days: Math.max(1, Math.ceil((item.due_at - now) / DAY_MS)), due: item.due_at };
}

export function dueTagType(d: Due): ElTagType {
  if (d.kind === 'overdue') return 'danger';
  if (d.kind === 'remaining' && d.days <= 1) return 'warning';
  return 'info';
}

/** Characters as the server counts them (code points, so an emoji is one). */
export function charCount(s: string): number {
  return [...s].length;
}

export type Translate = (key: string, params?: Record<string, unknown>) => string;
export type Has = (key: string) => boolean;

/** The words of an action: a kind's own where it differs (不予立案, 合并编发), else the common one, else the server's. */
export function actionLabel(kind: OutputKind, action: string, t: Translate, te: Has, serverLabel = ''): string {
  if (te(`outputs.actionByKind.${kind}.${action}`)) return t(`outputs.actionByKind.${kind}.${action}`);
  if (te(`outputs.action.${action}`)) return t(`outputs.action.${action}`);
  return serverLabel || action;
}

export function statusLabel(kind: OutputKind, status: string, t: Translate, te: Has, serverLabel = ''): string {
  if (te(`outputs.status.${kind}.${status}`)) return t(`outputs.status.${kind}.${status}`);
  return serverLabel || status;
}

/** Actions that refuse, hand back or stop an item are drawn red; the main step of each state is solid. */
export function actionTone(action: string): { type: 'primary' | 'danger' | 'warning'; plain: boolean } {
  if (['reject', 'return', 'ask_back'].includes(action)) return { type: 'danger', plain: true };
  if (['supervise', 'extend'].includes(action)) return { type: 'warning', plain: true };
  const main = ['submit', 'accept', 'register', 'adopt', 'dispatch', 'assign', 'sign', 'consult', 'reply', 'verify', 'review', 'rate',
    'approve', 'issue', 'send', 'confirm'];
  return { type: 'primary', plain: !main.includes(action) };
}

/** A field of the action dialog. */
export type ActionField =
  | 'title' | 'body' | 'category' | 'reason' | 'ground' | 'target' | 'into_id' | 'agency' | 'assisting' | 'mode' | 'working_days'
  | 'note' | 'method' | 'reply' | 'reply_class' | 'rating' | 'comment' | 'flags' | 'number' | 'levels' | 'outcome' | 'level'
  | 'by_whom' | 'text' | 'occurred_on';

/**
 * What the dialog asks for each action of each kind: exactly the fields the server reads
 * (src/outputs/actions.cpp; it refuses unknown ones). Actions without fields are a plain
 * confirmation.
 */
export function actionFields(kind: OutputKind, action: string): ActionField[] {
  switch (action) {
    case 'edit': return ['title', 'body', 'category'];
    case 'return': case 'ask_back': return ['reason'];
    case 'reject': return kind === 'proposal' ? ['ground', 'reason'] : ['reason'];
    case 'keep': case 'supervise': case 'close': case 'approve': case 'verify': return ['note'];
    case 'convert': return ['target', 'note'];
    case 'merge': return ['into_id', 'note'];
    case 'accept': case 'register': case 'adopt': return ['category'];
    case 'dispatch': case 'transfer': return ['agency', 'note'];
    case 'assign': return ['agency', 'assisting', 'mode', 'note'];
    case 'extend': return ['working_days', 'reason'];
    case 'consult': return ['method', 'note'];
    case 'reply': return kind === 'proposal' ? ['reply_class', 'reply'] : ['reply'];
    case 'review': return ['reply_class', 'note'];
    case 'rate': return ['rating', 'comment'];
    case 'flag': return ['flags'];
    case 'issue': return ['number'];
    case 'send': return ['levels'];
    case 'record_outcome': return ['outcome', 'level', 'by_whom', 'text', 'occurred_on'];
    default: return []; // submit, confirm, sign, publish
  }
}

/** Fields that must be filled for the action to go through. */
export function requiredFields(kind: OutputKind, action: string): ActionField[] {
  const all = actionFields(kind, action);
  const req: ActionField[] = ['reason', 'ground', 'target', 'into_id', 'agency', 'working_days', 'reply', 'rating', 'levels', 'outcome'];
  if (action === 'consult') req.push('note');
  if (action === 'reply') req.push('reply_class');
  if (action === 'edit') req.push('title', 'body');
  return all.filter((f) => req.includes(f));
}

export interface OutputActionForm {
  title?: string; body?: string; category?: string; reason?: string; ground?: string; target?: string; into_id?: number | null;
  agency_id?: number | null; assisting_agency_ids?: number[]; mode?: string; working_days?: number | null; note?: string; method?: string;
  reply?: string; reply_class?: string; rating?: string; comment?: string; is_key?: boolean; is_excellent?: boolean; number?: string;
  levels?: string[]; outcome?: string; level?: string; by_whom?: string; text?: string; occurred_on?: string;
}

/** "2026-05-01" for today in China time. */
export function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The form an action's dialog opens with: what the item already says, sensible defaults. */
export function initialForm(kind: OutputKind, action: string, item: Partial<OutputBrief> & { body?: string }, now: number): OutputActionForm {
  const f: OutputActionForm = {};
  switch (action) {
    case 'edit': Object.assign(f, { title: item.title ?? '', body: item.body ?? '', category: item.category ?? '' }); break;
    case 'accept': case 'register': case 'adopt': f.category = item.category ?? ''; break;
    case 'assign': Object.assign(f, { assisting_agency_ids: [], mode: 'single' }); break;
    case 'convert': f.target = CONVERT_TARGETS[kind][0]; break;
    case 'reject': if (kind === 'proposal') f.ground = 'other'; break;
    case 'consult': f.method = 'meeting'; break;
    case 'review': f.reply_class = item.reply_class ?? undefined; break;
    case 'flag': Object.assign(f, { is_key: !!item.is_key, is_excellent: !!item.is_excellent }); break;
    case 'send': f.levels = []; break;
    case 'record_outcome': Object.assign(f, { outcome: 'instruction', level: '', occurred_on: chinaDate(now) }); break;
    case 'extend': f.working_days = 5; break;
  }
  return f;
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

/**
 * The body of POST {base}/{id}/actions for `action`, or the first thing missing. Only the
 * fields the server reads for that action are sent; empty optional ones are left out.
 */
export function actionBody(kind: OutputKind, action: string, form: OutputActionForm, t: Translate):
  { body: Record<string, unknown> } | { error: string } {
  const body: Record<string, unknown> = { action };
  const required = requiredFields(kind, action);
  const need = (label: string) => ({ error: t('common.required', { field: t(label) }) });
  const choose = (label: string) => ({ error: t('outputs.form.choose', { field: t(label) }) });
  for (const field of actionFields(kind, action)) {
    const must = required.includes(field);
    switch (field) {
      case 'title': case 'body': case 'category': case 'reason': case 'note': case 'reply': case 'comment': case 'number':
      case 'by_whom': case 'text': {
        const v = trimmed(form[field]);
        if (!v) {
          if (must) return need(`outputs.field.${field === 'text' ? 'outcomeText' : field === 'by_whom' ? 'byWhom' : field}`);
          if (field === 'category' && action === 'edit') body.category = '';
          continue;
        }
        if (field === 'title' && charCount(v) > TITLE_LIMIT) return { error: t('outputs.form.tooLong', { field: t('outputs.field.title'), max: TITLE_LIMIT }) };
        if (field === 'body' && charCount(v) > BODY_LIMITS[kind]) return { error: t('outputs.form.tooLong', { field: t('outputs.field.body'), max: BODY_LIMITS[kind] }) };
        body[field] = v;
        break;
      }
      case 'ground': case 'target': case 'reply_class': case 'rating': case 'outcome': case 'method': case 'mode': {
        const v = form[field];
        if (!v) {
          if (must) return choose(`outputs.field.${field === 'reply_class' ? 'replyClass' : field}`);
          continue;
        }
        body[field] = v;
        break;
      }
      case 'level':
        if (form.level) body.level = form.level;
        break;
      case 'into_id':
        if (!form.into_id || form.into_id < 1) return need('outputs.field.intoId');
        body.into_id = form.into_id;
        break;
      case 'agency':
        if (!form.agency_id) return { error: t('outputs.form.pickAgency') };
        body.agency_id = form.agency_id;
        break;
      case 'assisting': {
        const ids = (form.assisting_agency_ids ?? []).filter((id) => id !== form.agency_id);
        if (ids.length) body.assisting_agency_ids = ids;
        break;
      }
      case 'working_days': {
        const n = form.working_days;
        if (!n || !Number.isInteger(n) || n < 1 || n > 10) return { error: t('outputs.form.workingDaysRange') };
        body.working_days = n;
        break;
      }
      case 'flags':
        body.is_key = !!form.is_key;
        body.is_excellent = !!form.is_excellent;
        break;
      case 'levels':
        if (!form.levels?.length) return choose('outputs.field.levels');
        body.levels = [...form.levels];
        break;
      case 'occurred_on':
        if (form.occurred_on) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(form.occurred_on)) return { error: t('outputs.form.badDate') };
          body.occurred_on = form.occurred_on;
        }
        break;
    }
  }
  if (action === 'record_outcome' && form.outcome === 'instruction' && !body.by_whom) return need('outputs.field.byWhom');
  return { body };
}

/** One figure of the headline strip: an i18n key for its name, its value as shown. */
export interface Figure { key: string; label: string; value: string; unit: string }

const pct = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0');

/**
 * 已提交, 已采纳/已立案/已采用, 办复率, 满意率, 平均办理天数 — and for opinion reports what
 * happened upstream (上级采用, 领导批示), for proposals the key ones (重点督办).
 */
export function headlineFigures(s: OutputSummary): Figure[] {
  const out: Figure[] = [
    { key: 'submitted', label: 'outputs.summary.submitted', value: String(s.submitted), unit: '' },
    { key: 'accepted', label: `outputs.summary.accepted.${s.kind}`, value: String(s.accepted), unit: '' },
  ];
  if (s.kind === 'opinion_report') {
    out.push({ key: 'adopted_above', label: 'outputs.outcome.adopted_above', value: String(s.outcomes?.adopted_above ?? 0), unit: '' });
    out.push({ key: 'instruction', label: 'outputs.outcome.instruction', value: String(s.outcomes?.instruction ?? 0), unit: '' });
  }
  out.push({ key: 'answer_rate', label: 'outputs.summary.answerRate', value: pct(s.answer_rate), unit: '%' });
  if (s.kind !== 'opinion_report') {
    out.push({ key: 'satisfaction_rate', label: 'outputs.summary.satisfactionRate', value: s.rated ? pct(s.satisfaction_rate) : '—', unit: s.rated ? '%' : '' });
  }
  out.push({
    key: 'mean_handling_days', label: 'outputs.summary.meanDays',
    value: s.mean_handling_days === null || s.mean_handling_days === undefined ? '—' : String(s.mean_handling_days),
    unit: s.mean_handling_days === null || s.mean_handling_days === undefined ? '' : 'outputs.summary.dayUnit',
  });
  if (s.kind === 'proposal') out.push({ key: 'key', label: 'outputs.summary.key', value: String(s.key), unit: '' });
  return out;
}

/** What a member writes on the phone. */
export interface Draft {
  kind: OutputKind; title: string; body: string; category: string; authorship: 'individual' | 'joint'; coauthor_ids: number[];
  source_case_id?: number | null;
}

/** The first thing wrong with a draft, or null. */
export function draftError(d: Draft, t: Translate): string | null {
  if (!d.title.trim()) return t('common.required', { field: t('outputs.field.title') });
  if (charCount(d.title.trim()) > TITLE_LIMIT) return t('outputs.form.tooLong', { field: t('outputs.field.title'), max: TITLE_LIMIT });
  if (!d.body.trim()) return t('common.required', { field: t('outputs.field.body') });
  if (charCount(d.body.trim()) > BODY_LIMITS[d.kind]) return t('outputs.form.tooLong', { field: t('outputs.field.body'), max: BODY_LIMITS[d.kind] });
  if (d.authorship === 'joint' && !d.coauthor_ids.length) return t('outputs.write.needCoauthor');
  return null;
}

/**
 * The body of POST {base}. A joint proposal cannot be submitted before every co-signer has
 * confirmed, so it is saved as a draft whatever the member pressed.
 */
export function draftBody(d: Draft, submit: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { title: d.title.trim(), body: d.body.trim(), authorship: d.authorship };
  if (d.category.trim()) body.category = d.category.trim();
  if (d.authorship === 'joint') body.coauthor_ids = [...new Set(d.coauthor_ids)];
  if (d.source_case_id) body.source_case_id = d.source_case_id;
  if (submit && !waitsForCosigners(d)) body.submit = true;
  return body;
}

export function waitsForCosigners(d: Pick<Draft, 'kind' | 'authorship'>): boolean {
  return d.kind === 'proposal' && d.authorship === 'joint';
}

/** A title for a draft made from a case: the case's own title, or the start of its text. */
export function titleFromCase(c: { title?: string | null; text?: string | null }): string {
  const t = (c.title ?? '').trim();
  if (t) return [...t].slice(0, TITLE_LIMIT).join('');
  const first = (c.text ?? '').trim().split(/[。！？!?；;\n]/)[0] ?? '';
  if ([...first].length <= 30) return first;
  // A long sentence: its first clause if that says enough, else its start.
  const clause = first.split(/[，,]/)[0];
  const n = [...clause].length;
  return n >= 6 && n <= 30 ? clause : `${[...first].slice(0, 30).join('')}…`;
}

/** An item's events in the shared timeline's shape: the action, who, the note, the state it led to. */
export function outputTimeline(kind: OutputKind, events: OutputEvent[], t: Translate, te: Has): TimelineEvent[] {
  return events.map((e) => ({
    key: e.id,
    time: formatChinaTime(e.at),
    label: actionLabel(kind, e.action, t, te, e.action_label),
    actor: e.actor,
    note: e.note || undefined,
    action: e.action,
    moved: e.to && e.from && e.from !== e.to ? statusLabel(kind, e.to, t, te) : undefined,
    marker: e.to && e.to !== e.from ? statusTagType(e.to) : undefined,
  }));
}
