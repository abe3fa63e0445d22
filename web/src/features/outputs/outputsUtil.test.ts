import { describe, it, expect } from 'vitest';
import zh from '../../i18n/zh-CN';
import {
  BODY_LIMITS, CONVERT_TARGETS, KINDS, KIND_PATHS, MEMBER_ACTIONS, STATUSES, actionBody, actionFields, actionLabel, actionTone, apiBase,
  charCount, chinaDate, consolePath, draftBody, draftError, dueOf, dueTagType, headlineFigures, initialForm, kindOfPath, phonePath,
  outputTimeline, requiredFields, statusLabel, statusTagType, titleFromCase, vanStatusType, waitsForCosigners, type Draft,
} from './outputsUtil';
import type { OutputKind, OutputSummary } from './types';

const t = (k: string, p?: any) => (p?.field ? `${k}:${p.field}` : k);
const lookup = (k: string) => k.split('.').reduce((o: any, p) => (o === undefined ? undefined : o[p]), zh as any);
const zt = (k: string) => String(lookup(k) ?? k);
const zte = (k: string) => typeof lookup(k) === 'string';
const DAY = 86_400_000;

// Every action of every kind's workflow table (src/outputs/*_flow.cpp).
const ACTIONS: Record<OutputKind, string[]> = {
  micro_suggestion: ['edit', 'submit', 'accept', 'return', 'reject', 'convert', 'dispatch', 'sign', 'ask_back', 'extend', 'supervise', 'reply',
    'verify', 'rate', 'redo', 'close'],
  proposal: ['edit', 'confirm', 'submit', 'register', 'return', 'merge', 'convert', 'reject', 'assign', 'sign', 'ask_back', 'consult',
    'supervise', 'reply', 'review', 'rate', 'rehandle', 'close', 'publish', 'flag'],
  opinion_report: ['edit', 'submit', 'adopt', 'return', 'merge', 'keep', 'reject', 'approve', 'issue', 'send', 'record_outcome', 'transfer',
    'reply'],
};

describe('kinds and paths', () => {
  it('maps each kind to the API, console and phone paths the server links to', () => {
    expect(apiBase('micro_suggestion')).toBe('/api/v1/micro-suggestions');
    expect(consolePath('proposal', 12)).toBe('/console/proposals/12');
    expect(consolePath('opinion_report')).toBe('/console/opinion-reports');
    expect(phonePath('opinion_report', 3)).toBe('/my/opinion-reports/3');
    for (const k of KINDS) expect(kindOfPath(KIND_PATHS[k])).toBe(k);
    expect(kindOfPath('cases')).toBeNull();
  });
});

describe('statuses', () => {
  it('has a colour and a Chinese label for every state of every kind', () => {
    for (const k of KINDS) {
      for (const s of STATUSES[k]) {
        expect(['primary', 'success', 'info', 'warning', 'danger']).toContain(statusTagType(s));
        expect(['primary', 'success', 'default', 'warning', 'danger']).toContain(vanStatusType(s));
        expect(zte(`outputs.status.${k}.${s}`), `${k}.${s}`).toBe(true);
      }
    }
  });
  it('tells waiting, in hand, done and refused apart', () => {
    expect(statusTagType('submitted')).toBe('warning');
    expect(statusTagType('dispatched')).toBe('warning');
    expect(statusTagType('signed')).toBe('primary');
    expect(statusTagType('closed')).toBe('success');
    expect(statusTagType('not_registered')).toBe('danger');
    expect(statusTagType('draft')).toBe('info');
    expect(vanStatusType('merged')).toBe('default');
  });
  it('labels a state by kind, and falls back to the server’s label', () => {
    expect(statusLabel('micro_suggestion', 'signed', zt, zte)).toBe('办理中');
    expect(statusLabel('proposal', 'signed', zt, zte)).toBe('已签收');
    expect(statusLabel('proposal', 'whatever', zt, zte, '某状态')).toBe('某状态');
  });
});

describe('action labels', () => {
  it('names every action of every kind, with the kind’s own words where they differ', () => {
    for (const k of KINDS) for (const a of ACTIONS[k]) expect(actionLabel(k, a, zt, zte), `${k}.${a}`).not.toBe(a);
    expect(actionLabel('proposal', 'reject', zt, zte)).toBe('不予立案');
    expect(actionLabel('opinion_report', 'reject', zt, zte)).toBe('不采用');
    expect(actionLabel('micro_suggestion', 'reject', zt, zte)).toBe('不予采纳');
    expect(actionLabel('proposal', 'confirm', zt, zte)).toBe('确认联名');
    expect(actionLabel('proposal', 'mystery', zt, zte, '服务端')).toBe('服务端');
  });
  it('draws refusals red and each state’s main step solid', () => {
    expect(actionTone('reject')).toEqual({ type: 'danger', plain: true });
    expect(actionTone('dispatch')).toEqual({ type: 'primary', plain: false });
    expect(actionTone('flag').plain).toBe(true);
  });
});

describe('deadlines', () => {
  const now = Date.UTC(2026, 4, 1);
  it('counts the days left up and names the step', () => {
    expect(dueOf({ due_step: 'sign', due_at: now + 2 * 3600_000, overdue: false }, now)).toEqual({ kind: 'remaining', step: 'sign', days: 1, due: now + 2 * 3600_000 });
    expect(dueOf({ due_step: 'reply', due_at: now + 3 * DAY, overdue: false }, now)).toMatchObject({ kind: 'remaining', days: 3 });
    expect(dueOf({ due_step: 'reply', due_at: now - 1, overdue: false }, now)).toMatchObject({ kind: 'overdue', step: 'reply' });
    expect(dueOf({ due_step: 'reply', due_at: now + DAY, overdue: true }, now).kind).toBe('overdue');
    expect(dueOf({ due_step: null, due_at: null, overdue: false }, now)).toEqual({ kind: 'none' });
  });
  it('colours overdue red and the last day orange', () => {
    expect(dueTagType({ kind: 'overdue', step: 'sign', due: 0 })).toBe('danger');
    expect(dueTagType({ kind: 'remaining', step: 'sign', days: 1, due: 0 })).toBe('warning');
    expect(dueTagType({ kind: 'remaining', step: 'sign', days: 4, due: 0 })).toBe('info');
    expect(dueTagType({ kind: 'none' })).toBe('info');
  });
});

describe('the fields of each action', () => {
  it('asks for what the server reads', () => {
    expect(actionFields('micro_suggestion', 'dispatch')).toEqual(['agency', 'note']);
    expect(actionFields('proposal', 'assign')).toEqual(['agency', 'assisting', 'mode', 'note']);
    expect(actionFields('opinion_report', 'transfer')).toEqual(['agency', 'note']);
    expect(actionFields('proposal', 'reject')).toEqual(['ground', 'reason']);
    expect(actionFields('micro_suggestion', 'reject')).toEqual(['reason']);
    expect(actionFields('proposal', 'reply')).toEqual(['reply_class', 'reply']);
    expect(actionFields('micro_suggestion', 'reply')).toEqual(['reply']);
    expect(actionFields('micro_suggestion', 'extend')).toEqual(['working_days', 'reason']);
    expect(actionFields('opinion_report', 'send')).toEqual(['levels']);
    expect(actionFields('proposal', 'flag')).toEqual(['flags']);
    expect(actionFields('proposal', 'merge')).toEqual(['into_id', 'note']);
    for (const a of ['submit', 'confirm', 'sign', 'publish']) expect(actionFields('proposal', a)).toEqual([]);
  });
  it('marks the ones that must be filled', () => {
    expect(requiredFields('proposal', 'reply')).toEqual(['reply_class', 'reply']);
    expect(requiredFields('proposal', 'review')).toEqual([]);
    expect(requiredFields('proposal', 'consult')).toEqual(['note']);
    expect(requiredFields('micro_suggestion', 'supervise')).toEqual([]);
  });
  it('gives every member action a phone form', () => {
    for (const a of MEMBER_ACTIONS) expect(zte(`outputs.action.${a}`)).toBe(true);
  });
});

describe('action bodies', () => {
  it('sends only the fields of the action, trimmed, leaving empty optional ones out', () => {
    expect(actionBody('micro_suggestion', 'dispatch', { agency_id: 3, note: '  ', reason: 'x' }, t)).toEqual({ body: { action: 'dispatch', agency_id: 3 } });
    expect(actionBody('micro_suggestion', 'accept', { category: ' 城市建设 ' }, t)).toEqual({ body: { action: 'accept', category: '城市建设' } });
    expect(actionBody('micro_suggestion', 'sign', { note: 'ignored' }, t)).toEqual({ body: { action: 'sign' } });
    expect(actionBody('micro_suggestion', 'verify', {}, t)).toEqual({ body: { action: 'verify' } });
  });
  it('refuses what is missing before it reaches the server', () => {
    expect(actionBody('micro_suggestion', 'dispatch', {}, t)).toEqual({ error: 'outputs.form.pickAgency' });
    expect(actionBody('micro_suggestion', 'return', { reason: ' ' }, t)).toEqual({ error: 'common.required:outputs.field.reason' });
    expect(actionBody('proposal', 'reply', { reply: '已办' }, t)).toEqual({ error: 'outputs.form.choose:outputs.field.replyClass' });
    expect(actionBody('micro_suggestion', 'rate', {}, t)).toEqual({ error: 'outputs.form.choose:outputs.field.rating' });
    expect(actionBody('opinion_report', 'send', { levels: [] }, t)).toEqual({ error: 'outputs.form.choose:outputs.field.levels' });
    expect(actionBody('proposal', 'consult', { method: 'phone' }, t)).toEqual({ error: 'common.required:outputs.field.note' });
    expect(actionBody('proposal', 'merge', { into_id: null }, t)).toEqual({ error: 'common.required:outputs.field.intoId' });
  });
  it('keeps an extension within 1–10 working days', () => {
    expect(actionBody('micro_suggestion', 'extend', { working_days: 11, reason: '需协调' }, t)).toEqual({ error: 'outputs.form.workingDaysRange' });
    expect(actionBody('micro_suggestion', 'extend', { working_days: 0, reason: '需协调' }, t)).toEqual({ error: 'outputs.form.workingDaysRange' });
    expect(actionBody('micro_suggestion', 'extend', { working_days: 5, reason: '需协调' }, t))
      .toEqual({ body: { action: 'extend', working_days: 5, reason: '需协调' } });
  });
  it('assigns a proposal to a lead and assisting agencies, never the lead twice', () => {
    expect(actionBody('proposal', 'assign', { agency_id: 1, assisting_agency_ids: [1, 2, 3], mode: 'joint' }, t))
      .toEqual({ body: { action: 'assign', agency_id: 1, assisting_agency_ids: [2, 3], mode: 'joint' } });
    expect(actionBody('proposal', 'assign', { agency_id: 1, assisting_agency_ids: [], mode: 'single' }, t))
      .toEqual({ body: { action: 'assign', agency_id: 1, mode: 'single' } });
  });
  it('rejects a proposal on a statutory ground, answers it with a class, flags it', () => {
    expect(actionBody('proposal', 'reject', { ground: 'vague', reason: '无具体建议' }, t))
      .toEqual({ body: { action: 'reject', ground: 'vague', reason: '无具体建议' } });
    expect(actionBody('proposal', 'reply', { reply_class: 'A', reply: '已采纳' }, t)).toEqual({ body: { action: 'reply', reply_class: 'A', reply: '已采纳' } });
    expect(actionBody('proposal', 'flag', { is_key: true }, t)).toEqual({ body: { action: 'flag', is_key: true, is_excellent: false } });
  });
  it('records an instruction only with the leader who gave it', () => {
    expect(actionBody('opinion_report', 'record_outcome', { outcome: 'instruction', occurred_on: '2026-05-01' }, t))
      .toEqual({ error: 'common.required:outputs.field.byWhom' });
    expect(actionBody('opinion_report', 'record_outcome', { outcome: 'instruction', level: 'provincial', by_whom: '副省长', occurred_on: '2026-05-01' }, t))
      .toEqual({ body: { action: 'record_outcome', outcome: 'instruction', level: 'provincial', by_whom: '副省长', occurred_on: '2026-05-01' } });
    expect(actionBody('opinion_report', 'record_outcome', { outcome: 'adopted_above', occurred_on: '1.5.2026' }, t)).toEqual({ error: 'outputs.form.badDate' });
  });
  it('rates with an optional comment', () => {
    expect(actionBody('micro_suggestion', 'rate', { rating: 'satisfied' }, t)).toEqual({ body: { action: 'rate', rating: 'satisfied' } });
    expect(actionBody('proposal', 'rate', { rating: 'unsatisfied', comment: ' 未解决 ' }, t))
      .toEqual({ body: { action: 'rate', rating: 'unsatisfied', comment: '未解决' } });
  });
  it('edits a draft within the kind’s limits', () => {
    const long = '字'.repeat(BODY_LIMITS.opinion_report + 1);
    expect(actionBody('opinion_report', 'edit', { title: '标题', body: long }, t)).toEqual({ error: 'outputs.form.tooLong:outputs.field.body' });
    expect(actionBody('proposal', 'edit', { title: '标题', body: long, category: '' }, t))
      .toEqual({ body: { action: 'edit', title: '标题', body: long, category: '' } });
  });
});

describe('initial forms', () => {
  const now = Date.UTC(2025, 11, 31, 17); // already 1 January in China
  it('starts from what the item says and sensible defaults', () => {
    expect(initialForm('proposal', 'review', { reply_class: 'B' }, now)).toEqual({ reply_class: 'B' });
    expect(initialForm('proposal', 'flag', { is_key: true, is_excellent: false }, now)).toEqual({ is_key: true, is_excellent: false });
    expect(initialForm('micro_suggestion', 'convert', {}, now)).toEqual({ target: 'proposal' });
    expect(initialForm('opinion_report', 'record_outcome', {}, now)).toMatchObject({ outcome: 'instruction', occurred_on: '2026-01-01' });
    expect(initialForm('micro_suggestion', 'accept', { category: '教育' }, now)).toEqual({ category: '教育' });
    expect(chinaDate(now)).toBe('2026-01-01');
  });
  it('converts each kind only into the others the server allows', () => {
    expect(CONVERT_TARGETS.micro_suggestion).toEqual(['proposal', 'opinion_report']);
    expect(CONVERT_TARGETS.proposal).toEqual(['opinion_report', 'micro_suggestion']);
  });
});

describe('headline figures', () => {
  const base: OutputSummary = {
    kind: 'micro_suggestion', year: 2026, submitted: 12, accepted: 10, dispatched: 9, answered: 8, answer_rate: 80, closed: 6, closed_rate: 60,
    rated: 4, satisfaction_rate: 75, mean_handling_days: 6.5, key: 0, excellent: 0, by_status: [], categories: [],
  };
  it('shows submitted, accepted, answer rate, satisfaction and mean days', () => {
    expect(headlineFigures(base).map((f) => [f.key, f.value, f.unit])).toEqual([
      ['submitted', '12', ''], ['accepted', '10', ''], ['answer_rate', '80', '%'], ['satisfaction_rate', '75', '%'],
      ['mean_handling_days', '6.5', 'outputs.summary.dayUnit'],
    ]);
    expect(headlineFigures(base)[1].label).toBe('outputs.summary.accepted.micro_suggestion');
  });
  it('shows a dash where there is nothing to measure yet', () => {
    const f = headlineFigures({ ...base, rated: 0, satisfaction_rate: 0, mean_handling_days: null });
    expect(f.find((x) => x.key === 'satisfaction_rate')?.value).toBe('—');
    expect(f.find((x) => x.key === 'mean_handling_days')).toMatchObject({ value: '—', unit: '' });
  });
  it('adds key proposals, and for opinion reports what happened above', () => {
    expect(headlineFigures({ ...base, kind: 'proposal', key: 3 }).at(-1)).toMatchObject({ key: 'key', value: '3' });
    const o = headlineFigures({ ...base, kind: 'opinion_report', outcomes: { adopted_above: 2, instruction: 1, agency_adoption: 0 } });
    expect(o.map((x) => x.key)).toEqual(['submitted', 'accepted', 'adopted_above', 'instruction', 'answer_rate', 'mean_handling_days']);
  });
  it('has a label for every figure', () => {
    for (const k of KINDS) for (const f of headlineFigures({ ...base, kind: k })) expect(zte(f.label), f.label).toBe(true);
  });
});

describe('drafts', () => {
  const d: Draft = { kind: 'micro_suggestion', title: ' 加装路灯 ', body: ' 皋兰路夜间照明不足 ', category: '', authorship: 'individual', coauthor_ids: [] };
  it('counts characters as the server does', () => {
    expect(charCount('社情民意😀')).toBe(5);
  });
  it('checks title, body length by kind and co-signers', () => {
    expect(draftError(d, t)).toBeNull();
    expect(draftError({ ...d, title: ' ' }, t)).toBe('common.required:outputs.field.title');
    expect(draftError({ ...d, kind: 'opinion_report', body: '字'.repeat(1501) }, t)).toBe('outputs.form.tooLong:outputs.field.body');
    expect(draftError({ ...d, kind: 'micro_suggestion', body: '字'.repeat(1501) }, t)).toBeNull();
    expect(draftError({ ...d, authorship: 'joint' }, t)).toBe('outputs.write.needCoauthor');
  });
  it('builds the create body, submitting straight away unless co-signers must confirm', () => {
    expect(draftBody(d, true)).toEqual({ title: '加装路灯', body: '皋兰路夜间照明不足', authorship: 'individual', submit: true });
    expect(draftBody({ ...d, category: '城市建设', source_case_id: 7 }, false))
      .toEqual({ title: '加装路灯', body: '皋兰路夜间照明不足', authorship: 'individual', category: '城市建设', source_case_id: 7 });
    const joint: Draft = { ...d, kind: 'proposal', authorship: 'joint', coauthor_ids: [5, 5, 6] };
    expect(waitsForCosigners(joint)).toBe(true);
    expect(draftBody(joint, true)).toEqual({ title: '加装路灯', body: '皋兰路夜间照明不足', authorship: 'joint', coauthor_ids: [5, 6] });
    expect(draftBody({ ...joint, kind: 'micro_suggestion' }, true)).toMatchObject({ submit: true, coauthor_ids: [5, 6] });
  });
  it('titles a draft made from a case', () => {
    expect(titleFromCase({ title: '路灯不亮', text: '很长的描述' })).toBe('路灯不亮');
    expect(titleFromCase({ title: '', text: '皋兰路12号路灯坏了。已经一个月。' })).toBe('皋兰路12号路灯坏了');
    expect(titleFromCase({ title: null, text: '字'.repeat(40) })).toBe(`${'字'.repeat(30)}…`);
    expect(titleFromCase({ text: '小区周边缺少公共停车位，居民车辆只能占道停放，早晚高峰拥堵严重。' })).toBe('小区周边缺少公共停车位');
    expect(titleFromCase({ text: `路灯，${'字'.repeat(40)}` })).toBe(`路灯，${'字'.repeat(27)}…`);
  });
});

describe('outputTimeline', () => {
  const events = [
    { id: 5, at: Date.UTC(2026, 4, 1, 2, 0), action: 'submit', action_label: '提交', from: 'draft', to: 'submitted', party: 'author', actor: '张三', note: '' },
    { id: 6, at: Date.UTC(2026, 4, 2, 2, 0), action: 'comment', action_label: '批注', from: 'submitted', to: 'submitted', party: 'staff', actor: '王芳', note: '已阅' },
    { id: 7, at: Date.UTC(2026, 4, 3, 2, 0), action: 'create', action_label: '起草', from: '', to: 'draft', party: 'author', actor: '张三', note: '' },
  ];
  it('labels the action in the kind’s words, keeps the action as data and shows a move only when the state changed', () => {
    const r = outputTimeline('proposal', events, zt, (k) => lookup(k) !== undefined);
    expect(r[0]).toMatchObject({ key: 5, action: 'submit', actor: '张三', time: '2026-05-01 10:00', marker: statusTagType('submitted') });
    expect(r[0].moved).toBe(statusLabel('proposal', 'submitted', zt, (k) => lookup(k) !== undefined));
    expect(r[1]).toMatchObject({ note: '已阅', moved: undefined, marker: undefined });
    // No state before (created): a marker, but no move.
    expect(r[2].moved).toBeUndefined();
    expect(r[2].marker).toBe(statusTagType('draft'));
  });
});
