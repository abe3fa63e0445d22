// The one shape a timeline draws, whatever the workflow (cases, outputs, what follows): each
// feature maps its own events onto it (caseTimeline, outputTimeline) and the console's
// Timeline and the phone's PhoneTimeline draw it the same way for all of them.
export type MarkerType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export interface TimelineEvent {
  key: string | number;
  /** When, already formatted in China time. */
  time: string;
  /** What happened, in the reader's language. */
  label: string;
  actor: string;
  note?: string;
  /** The workflow action, carried as data-action for tests and styles. */
  action?: string;
  /** The state it led to, when it changed one; shown as "→ state". */
  moved?: string;
  /** Colours the marker; without one the marker is hollow. */
  marker?: MarkerType;
  /** Who did it in the audit's terms (party, account, address); console only. */
  audit?: string;
}

/** Newest first: what happened last is what the reader wants. */
export function newestFirst<T>(events: readonly T[]): T[] {
  return [...events].reverse();
}
