// Pure helpers of the console's 领导联系点 (leaders' contact points) and 工作室活动 (a studio's
// activities) pages: quarters, the visit state of each contact point, the body that sets a
// leader's points, and cursor paging with a way back. No DOM, no Vue — unit-tested in
// linksUtil.test.ts.
import type { Translate } from '../cases/caseUtil';

/** The three contact points of a leader, in the order the API lists `missing`. */
export const LINK_POINTS = ['studio', 'county', 'township'] as const;
export type LinkPoint = (typeof LINK_POINTS)[number];
export const QUARTERS = [1, 2, 3, 4] as const;
/** The posts of the members who lead (主席会议成员). */
export const LEADER_POSTS = ['chair', 'vice_chair'] as const;

/** A contact point as the API names it: a studio, or for `county` a county conference. */
export interface LinkedPlace { id: number; name: string }

/** GET /api/v1/leader-links items (src/contact/leader_links.cpp). */
export interface LeaderLink {
  id: number; leader_member_id: number; leader: string;
  /** The studio, county conference and township studio the leader is tied to (null: not set). */
  studio?: LinkedPlace | null; county?: LinkedPlace | null; township?: LinkedPlace | null;
  visits: Record<LinkPoint, number>; missing: string[];
}

/** The year and quarter of a "YYYY-MM-DD" date. */
export function quarterOf(date: string): { year: number; quarter: number } {
  const [y, m] = date.split('-').map(Number);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** First and last day of a quarter, as the server counts it. */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  return { from: `${year}-${starts[quarter - 1]}`, to: `${year}-${ends[quarter - 1]}` };
}

/** A quarter that has not begun yet (nothing to count). */
export function isFutureQuarter(year: number, quarter: number, today: string): boolean {
  return quarterRange(year, quarter).from > today;
}

/** One contact point of a link: the visits in the quarter and whether it was not visited. */
export function pointState(link: LeaderLink, point: LinkPoint): { visits: number; missing: boolean } {
  const visits = link.visits?.[point] ?? 0;
  return { visits, missing: link.missing.includes(point) || visits === 0 };
}

/** The name of a link's contact point, or '' when the link names none. */
export function pointName(link: LeaderLink, point: LinkPoint): string {
  return link[point]?.name ?? '';
}

/** The links with at least one point not visited this quarter. */
export function linksMissing(links: LeaderLink[]): LeaderLink[] {
  return links.filter((l) => LINK_POINTS.some((p) => pointState(l, p).missing));
}

/** A member's posts contain one of a leader's. */
export function isLeaderPost(posts: string[] | undefined): boolean {
  return !!posts?.some((p) => (LEADER_POSTS as readonly string[]).includes(p));
}

export interface LinkForm {
  leader_member_id: number | null; studio_id: number | null; county_conference_id: number | null; township_studio_id: number | null;
}

/** The body of POST /api/v1/leader-links, or the first thing missing. */
export function linkBody(f: LinkForm, t: Translate): { body: Record<string, number> } | { error: string } {
  const fields: [keyof LinkForm, string][] = [
    ['leader_member_id', 'contact.leaderLinks.leader'], ['studio_id', 'contact.leaderLinks.studio'],
    ['county_conference_id', 'contact.leaderLinks.county'], ['township_studio_id', 'contact.leaderLinks.township'],
  ];
  const body: Record<string, number> = {};
  for (const [k, label] of fields) {
    const v = f[k];
    if (!v) return { error: t('cases.form.choose', { field: t(label) }) };
    body[k] = v;
  }
  return { body };
}

/**
 * Cursor paging with a way back: the cursors that opened each page seen so far. The first
 * page opens without a cursor. Immutable, so a view can keep it in a ref.
 */
export interface Pager { cursors: (string | null)[]; next: string | null }
export const firstPage = (): Pager => ({ cursors: [null], next: null });
/** The number of the page shown, from 1. */
export const pageNumber = (p: Pager): number => p.cursors.length;
/** The cursor that opens the page shown. */
export const currentCursor = (p: Pager): string | null => p.cursors[p.cursors.length - 1];
/** After a page arrived: remember where the next one starts. */
export const arrived = (p: Pager, next: string | null): Pager => ({ ...p, next });
/** Forward one page (no-op on the last). */
export const forward = (p: Pager): Pager => (p.next ? { cursors: [...p.cursors, p.next], next: null } : p);
/** Back one page (no-op on the first). */
export const back = (p: Pager): Pager => (p.cursors.length > 1 ? { cursors: p.cursors.slice(0, -1), next: null } : p);

/** The members of an activity as one line: "张良、戴文博". */
export function memberNames(members: { name: string }[] | undefined): string {
  return (members ?? []).map((m) => m.name).join('、');
}
