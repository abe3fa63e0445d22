// Pure helpers of the staff console's records pages (积分规则, 年度考核, 评比表彰, a member's
// duty record): the server's enumerations, the rule set in force, rules grouped by category
// and described in words, grades, assessment filters and the grade distribution, the award
// request body. No DOM, no Vue — unit-tested in recordsUtil.test.ts.
import type { Translate } from '../cases/caseUtil';
import { formatPoints } from '../contact/contactUtil';

/** Rule categories in the order the scheme reads (src/records/migrations/001_records.sql). */
export const RULE_CATEGORIES = ['contact', 'activity', 'case', 'proposal', 'opinion', 'meeting', 'discipline'] as const;
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

/** GET /api/v1/assessments items; `grade` is the Chinese label (优秀 …), not a code. */
export interface AssessmentItem {
  member_id: number; name: string; sector: string; points: number; grade: string; rank: number;
  sector_rank?: number; committee_rank?: number;
}

export interface Award {
  id: number; kind: string; member_id: number | null; member: string | null; studio_id: number | null; studio: string | null; citation: string;
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
export interface AssessmentFilter { q?: string; sector?: string; grade?: string; memberIds?: ReadonlySet<number> | null }

/** The ranking rows a filter keeps, in the server's order. */
export function filterAssessment(items: AssessmentItem[], f: AssessmentFilter): AssessmentItem[] {
  const q = (f.q ?? '').trim();
  return items.filter((x) => (!q || x.name.includes(q))
    && (!f.sector || x.sector === f.sector)
    && (!f.grade || gradeCode(x.grade) === f.grade)
    && (!f.memberIds || f.memberIds.has(x.member_id)));
}

/** The rank to show: within the sector or committee when the list is narrowed to one. */
export function scopedRank(x: AssessmentItem, scope: RankScope): number | undefined {
  if (scope === 'sector') return x.sector_rank;
  if (scope === 'committee') return x.committee_rank;
  return x.rank;
}

/** The sectors present in a ranking, in Chinese collation order. */
export function sectorsOf(items: AssessmentItem[]): string[] {
  return [...new Set(items.map((x) => x.sector).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** How many members have each grade, best first (unknown grades are not counted). */
export function gradeDistribution(items: AssessmentItem[]): { grade: Grade; count: number }[] {
  const counts = new Map<Grade, number>(GRADES.map((g) => [g, 0]));
  for (const x of items) {
    const g = gradeCode(x.grade);
    if (g) counts.set(g, counts.get(g)! + 1);
  }
  return GRADES.map((grade) => ({ grade, count: counts.get(grade)! }));
}

/** The average points of some rows, two decimals at most; 0 for none. */
export function averagePoints(items: AssessmentItem[]): number {
  if (!items.length) return 0;
  return Math.round((items.reduce((s, x) => s + x.points, 0) / items.length) * 100) / 100;
}

export interface AwardForm { year: number; kind: AwardKind; member_id: number | null; studio_id: number | null; citation: string }

/** Who an award goes to, for the list. */
export function awardee(a: Award): string {
  return a.member ?? a.studio ?? '—';
}

/** An award of the same kind to the same member or studio among those listed for the year. */
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
  return { body };
}

/** Counts of awards by kind, in the order of AWARD_KINDS. */
export function awardCounts(awards: Award[]): { kind: AwardKind; count: number }[] {
  return AWARD_KINDS.map((kind) => ({ kind, count: awards.filter((a) => a.kind === kind).length }));
}
