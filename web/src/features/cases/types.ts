// The shapes of the cases API (see src/cases/*.cpp on the server).
export interface CaseEvent {
  id?: number; at: number; type: string; from: string | null; to: string | null; actor: string; note: string;
  party?: string; user_id?: number | null; remote_addr?: string; detail?: unknown;
}

export interface CaseListItem {
  id: number; tracking_code: string; channel: string; title: string; address: string; division_code: string | null;
  status: string; status_label: string; outcome: string | null; rating: string | null; cluster_id: number | null;
  escalation_level: number; claim_due_at: number | null; reply_due_at: number | null; overdue: boolean;
  created_at: number; updated_at: number; snippet: string; member_id: number | null; member_name?: string;
  studio_id: number | null; studio_name?: string; rank?: number;
}

export interface CasePhoto { id: number; url: string; width: number; height: number }

export interface CaseDetail extends Omit<CaseListItem, 'snippet' | 'rank'> {
  text: string; anonymous: boolean; contact: null | { name: string; phone: string; masked: boolean };
  reply: string | null; referred_to: string | null; converted_to: string | null; decline_reason: string | null;
  rating_comment: string | null; reopen_count: number; merged_into_id: number | null; chosen_by_citizen: boolean;
  assigned_at: number | null; claimed_at: number | null; replied_at: number | null; rated_at: number | null; closed_at: number | null;
  allowed_actions: string[]; my_parties: string[]; events: CaseEvent[]; photos?: CasePhoto[];
}

export interface SimilarCase {
  case_id: number; tracking_code: string; title: string; text: string; address: string; division_code: string | null;
  status: string; status_label: string; cluster_id: number | null; created_at: number;
  score: number; text_score: number; place_score: number; reasons: string[];
}

export interface RoutingSuggestion {
  member_id: number; name: string; sector: string; studio_id: number | null; studio: string; score: number; reasons: string[];
}

export interface PublicCase {
  tracking_code: string; status: string; status_label: string; title: string; text: string; created_at: number;
  events: CaseEvent[]; can_rate: boolean; outcome?: string; reply?: string; handler?: string; rating?: string;
  merged_into?: { status: string; status_label: string; events: CaseEvent[]; reply?: string };
}

/** What the similar-cases panel needs of the case in hand. */
export interface CurrentCase {
  id: number; tracking_code: string; title: string; text: string; address: string; status: string; created_at: number;
}
