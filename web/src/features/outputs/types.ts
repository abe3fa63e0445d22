// The shapes of the outputs API (src/outputs/read.cpp, summary.cpp on the server):
// micro-suggestions, proposals and opinion reports share one shape.
export type OutputKind = 'micro_suggestion' | 'proposal' | 'opinion_report';

export interface OutputBrief {
  id: number; kind: OutputKind; conference_id: number; title: string; category: string; status: string; status_label: string;
  authorship: string; authors: string[]; number: string | null; is_key: boolean; is_excellent: boolean;
  reply_class: string | null; rating: string | null; due_step: string | null; due_at: number | null; overdue: boolean;
  submitted_at: number | null; accepted_at: number | null; closed_at: number | null; created_at: number; updated_at: number;
  lead_agency?: string | null;
}

export interface OutputLink { id?: number; kind?: OutputKind; title?: string; status?: string; status_label?: string }

export interface OutputAuthor { member_id: number; name: string; position: number; confirmed: boolean }

export interface OutputAgency {
  agency_id: number; name: string; role: 'lead' | 'assist'; status: string; assigned_at: number;
  signed_at: number | null; replied_at: number | null; reply: string | null; note: string;
}

export interface OutputOutcome { outcome: string; level: string; by_whom: string; text: string; occurred_on: string }

export interface OutputEvent {
  id: number; at: number; action: string; action_label: string; from: string; to: string; party: string; actor: string; note: string;
  detail?: Record<string, unknown>;
}

export interface AllowedAction { action: string; label: string }

export interface OutputDetail extends OutputBrief {
  body: string; sector_id: number | null; studio_id: number | null; term: number | null; session: number | null; in_session: boolean;
  handling_mode: string | null; reply: string | null; replied_at: number | null; rating_comment: string | null; redo_count: number;
  extension_days: number; source_case_id: number | null; source: OutputLink; converted_to: OutputLink; merged_into: OutputLink;
  merged_items: OutputLink[]; author_list: OutputAuthor[]; agencies: OutputAgency[]; outcomes: OutputOutcome[]; events: OutputEvent[];
  allowed_actions: AllowedAction[]; my_parties: string[];
}

export interface OutputSummary {
  kind: OutputKind; year: number; submitted: number; accepted: number; dispatched: number; answered: number; answer_rate: number;
  closed: number; closed_rate: number; rated: number; satisfaction_rate: number; mean_handling_days: number | null;
  key: number; excellent: number; by_status: { status: string; label: string; count: number }[];
  categories: { category: string; count: number }[];
  by_reply_class?: Partial<Record<'A' | 'B' | 'C', number>>;
  outcomes?: { adopted_above: number; instruction: number; agency_adoption: number };
}

export interface Agency { id: number; name: string; short_name?: string; conference_id: number; kind?: string }
