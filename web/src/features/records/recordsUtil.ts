// Pure helpers of the staff console's records pages (积分规则, 年度考核, 评比表彰, a member's
// duty record): the server's enumerations, the rule set in force, rules grouped by category
// and described in words, grades, the assessment's query, pages, filter options and grade
// distribution, the award request body. No DOM, no Vue — unit-tested in recordsUtil.test.ts.
import type { Translate } from '../cases/caseUtil';
import { formatPoints } from '../contact/contactUtil';

/** Rule categories in the order the scheme reads (src/records/migrations/001_records.sql, 003 adds suggestion). */
export const RULE_CATEGORIES = ['contact', 'activity', 'case', 'proposal', 'opinion', 'suggestion', 'meeting', 'discipline'] as const;
export const RULE_SPLITS = ['each', 'first_author', 'shared'] as const;
/** Grades from best to worst (src/records/points.cpp grade_for). */
export const GRADES = ['excellent', 'competent', 'basic', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];
export const AWARD_KINDS = ['excellent_member', 'advanced_studio'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export interface PointsRule {
  code: string; category: string; title: string; points: number; co_points: number; unit: string;
  yearly_cap: number | null; split: string; half_if_unregistered: boolean;
}
export interface RuleSet { name: string; version: number; valid_from_year: number; rules: PointsRule[] }
export interface GradeBands { excellent_min: number; competent_min: number; basic_min: number }
export interface RulesResponse { rule_sets: RuleSet[]; grades: GradeBands }

/** GET /api/v1/assessments items: `grade` is a code, `grade_label` its Chinese label; ranks share
 *  ties (1, 2, 2, 4) within the member's own conference, sector and committee. */
export interface AssessmentItem {
  member_id: number; name: string; conference_id: number; conference: string;
  sector_id: number | null; sector: string; committees: { id: number; name: string; rank: number }[];
  points: number; grade: string; grade_label: string;
  rank: number; sector_rank: number | null; committee_rank: number | null;
}
/** Over every row the filters keep (not just the page); sent with the first page only. */
export interface AssessmentSummary {
  count: number; average: number; by_grade: Record<Grade, number>; computed_at: number | null;
}
export interface AssessmentPage { year: number; items: AssessmentItem[]; next_cursor: string | null; summary: AssessmentSummary | null }

export interface Award {
  id: number; kind: string; member_id: number | null; member: string | null; studio_id: number | null; studio: string | null; citation: string;
  year?: number; awarded_on?: string; conference_id?: number;
}

/** The rule set the server scores a year with: the highest version valid from that year or before. */
export function ruleSetFor(sets: RuleSet[], year: number): RuleSet | null {
  let best: RuleSet | null = null;
  for (const s of sets) if (s.valid_from_year <= year && (!best || s.version > best.version)) best = s;
  return best;
}

/** Rules grouped by category, in the order of the scheme; unknown categories after, as first seen. */
export function groupRules(rules: PointsRule[]): { category: string; rules: PointsRule[] }[] {
  const groups = new Map<string, PointsRule[]>();
  for (const c of RULE_CATEGORIES) groups.set(c, []);
  for (const r of rules) {
    if (!groups.has(r.category)) groups.set(r.category, []);
    groups.get(r.category)!.push(r);
  }
  return [...groups.entries()].filter(([, rs]) => rs.length).map(([category, rs]) => ({ category, rules: rs }));
}

/** How a rule scores, in words: "每次1分", "每次扣5分", "第一提案人每件5分，联名每件1分", "每件6分，参与委员平分". */
export function ruleScoring(r: PointsRule, t: Translate): string {
  const unit = r.unit || t('records.rules.defaultUnit');
  if (r.points < 0) return t('records.rules.deductPerUnit', { unit, points: formatPoints(-r.points) });
  if (r.split === 'first_author') {
    return t('records.rules.firstAuthor', { unit, points: formatPoints(r.points), co: formatPoints(r.co_points) });
  }
  if (r.split === 'shared') return t('records.rules.shared', { unit, points: formatPoints(r.points) });
  return t('records.rules.perUnit', { unit, points: formatPoints(r.points) });
}

/** The yearly cap: "20分", "不设上限"; deductions are never capped (points.hpp). */
export function capText(r: PointsRule, t: Translate): string {
  if (r.points < 0) return t('records.rules.notCapped');
  return r.yearly_cap == null ? t('records.rules.noCap') : t('records.rules.capN', { n: formatPoints(r.yearly_cap) });
}

/** The notes a rule carries, as i18n keys under records.rules.flag. */
export function ruleFlags(r: PointsRule): ('deduction' | 'half')[] {
  const out: ('deduction' | 'half')[] = [];
  if (r.points < 0) out.push('deduction');
  if (r.half_if_unregistered) out.push('half');
  return out;
}

/** The grade bands as ranges, best first: 优秀 ≥60, 称职 30–60, 基本称职 15–30, 不称职 <15. */
export function gradeRanges(b: GradeBands): { grade: Grade; from: number | null; below: number | null }[] {
  return [
    { grade: 'excellent', from: b.excellent_min, below: null },
    { grade: 'competent', from: b.competent_min, below: b.excellent_min },
    { grade: 'basic', from: b.basic_min, below: b.competent_min },
    { grade: 'unqualified', from: null, below: b.basic_min },
  ];
}

/** A grade range in words: "60分及以上", "30分至60分（不含）", "低于15分". */
export function rangeText(r: { from: number | null; below: number | null }, t: Translate): string {
  if (r.below == null) return t('records.rules.atLeast', { n: formatPoints(r.from ?? 0) });
  if (r.from == null) return t('records.rules.below', { n: formatPoints(r.below) });
  return t('records.rules.between', { from: formatPoints(r.from), to: formatPoints(r.below) });
}

const GRADE_LABELS: Record<string, Grade> = { 优秀: 'excellent', 称职: 'competent', 基本称职: 'basic', 不称职: 'unqualified' };

/** The grade code of what the server sent: a code already, or the Chinese label; '' when unknown. */
export function gradeCode(grade: string): Grade | '' {
  if ((GRADES as readonly string[]).includes(grade)) return grade as Grade;
  return GRADE_LABELS[grade] ?? '';
}

/** Element Plus tag colour of a grade. */
export function gradeElType(grade: string): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (gradeCode(grade)) {
    case 'excellent': return 'success';
    case 'competent': return 'primary';
    case 'basic': return 'warning';
    case 'unqualified': return 'danger';
    default: return 'info';
  }
}

/** A grade's label in the UI language, or what the server sent when unknown. */
export function gradeLabel(grade: string, t: Translate): string {
  const c = gradeCode(grade);
  return c ? t(`records.grade.${c}`) : grade;
}

export type RankScope = 'conference' | 'sector' | 'committee';
/** The server-side filters of the assessment; '' or null means "all". */
export interface AssessmentFilter {
  conference_id?: number | '' | null; sector_id?: number | '' | null; committee_id?: number | '' | null; grade?: string;
}

/** The query of GET /api/v1/assessments: the year, the filters that are set, the page. */
export function assessmentQuery(year: number, f: AssessmentFilter, cursor: string | null = null, limit = 100): Record<string, string | number> {
  const q: Record<string, string | number> = { year, limit };
  for (const key of ['conference_id', 'sector_id', 'committee_id'] as const) {
    const v = f[key];
    if (typeof v === 'number' && v > 0) q[key] = v;
  }
  if (f.grade && (GRADES as readonly string[]).includes(f.grade)) q.grade = f.grade;
  if (cursor) q.cursor = cursor;
  return q;
}

/** The rows so far and a further page, each member once, in the server's order. */
export function appendPage(rows: AssessmentItem[], page: AssessmentItem[]): AssessmentItem[] {
  const seen = new Set(rows.map((x) => x.member_id));
  return [...rows, ...page.filter((x) => !seen.has(x.member_id))];
}

/** The loaded rows whose member's name contains the search text. */
export function filterByName(items: AssessmentItem[], q: string): AssessmentItem[] {
  const needle = q.trim();
  return needle ? items.filter((x) => x.name.includes(needle)) : items;
}

/** The rank to show: within the sector or committee when the list is narrowed to one. */
export function scopedRank(x: AssessmentItem, scope: RankScope): number | undefined {
  if (scope === 'sector') return x.sector_rank ?? undefined;
  if (scope === 'committee') return x.committee_rank ?? undefined;
  return x.rank;
}

/** The scope a list is narrowed to: a committee first, then a sector, else the conference. */
export function rankScope(f: AssessmentFilter): RankScope {
  return f.committee_id ? 'committee' : f.sector_id ? 'sector' : 'conference';
}

export interface Named { id: number; name: string; conference_id?: number }
export interface ConferenceRef { id: number; name: string; short_name?: string }

/** Filter options (sectors, committees) of several conferences: the caller's own first, then by
 *  id; a name that more than one conference uses carries the other conference's short name. */
export function scopedOptions(items: Named[], conferences: ConferenceRef[], own: number): { id: number; label: string }[] {
  const names = new Map(conferences.map((c) => [c.id, c.short_name || c.name]));
  const count = new Map<string, number>();
  for (const x of items) count.set(x.name, (count.get(x.name) ?? 0) + 1);
  return [...items]
    .sort((a, b) => Number(a.conference_id !== own) - Number(b.conference_id !== own) || a.id - b.id)
    .map((x) => ({
      id: x.id,
      label: (count.get(x.name) ?? 0) > 1 && x.conference_id !== own && x.conference_id != null
        ? `${x.name}（${names.get(x.conference_id) ?? x.conference_id}）` : x.name,
    }));
}

/** How many members have each grade, best first, from the server's summary. */
export function gradeDistribution(summary: AssessmentSummary | null): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: summary?.by_grade?.[grade] ?? 0 }));
}

export interface AwardForm {
  year: number; kind: AwardKind; member_id: number | null; studio_id: number | null; citation: string; awarded_on?: string;
}

/** Who an award goes to, for the list. */
export function awardee(a: Award): string {
  return a.member ?? a.studio ?? '—';
}

/** An award of the same kind to the same member or studio among those listed for the year
 *  (the server refuses it too, with 409). */
export function duplicateAward(awards: Award[], f: AwardForm): Award | undefined {
  return awards.find((a) => a.kind === f.kind && (f.kind === 'excellent_member'
    ? f.member_id != null && a.member_id === f.member_id
    : f.studio_id != null && a.studio_id === f.studio_id));
}

/** The body of POST /api/v1/awards: the awardee that fits the kind only, or the reason it cannot go. */
export function awardBody(f: AwardForm, t: Translate): { body: Record<string, unknown> } | { error: string } {
  if (!Number.isInteger(f.year)) return { error: t('common.required', { field: t('records.year') }) };
  if (!(AWARD_KINDS as readonly string[]).includes(f.kind)) return { error: t('cases.form.choose', { field: t('records.awards.kindField') }) };
  const body: Record<string, unknown> = { year: f.year, kind: f.kind };
  if (f.kind === 'excellent_member') {
    if (!f.member_id) return { error: t('cases.form.choose', { field: t('records.awards.member') }) };
    body.member_id = f.member_id;
  } else {
    if (!f.studio_id) return { error: t('cases.form.choose', { field: t('records.awards.studio') }) };
    body.studio_id = f.studio_id;
  }
  const citation = f.citation.trim();
  if (citation) body.citation = citation;
  if (f.awarded_on) body.awarded_on = f.awarded_on;
  return { body };
}

/** Counts of awards by kind, in the order of AWARD_KINDS. */
export function awardCounts(awards: Award[]): { kind: AwardKind; count: number }[] {
  return AWARD_KINDS.map((kind) => ({ kind, count: awards.filter((a) => a.kind === kind).length }));
}
