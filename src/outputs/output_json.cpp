// src/outputs/output_json.cpp
#include "outputs/output_json.hpp"

#include "core/json/fields.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

using tongxin::json::nullable;

json::object link_json(const std::optional<OutputLink>& l) {
  if (!l) return {};
  return json::object{{"id", l->id},
                      {"kind", kind_name(l->kind)},
                      {"title", l->title},
                      {"status", l->status},
                      {"status_label", state_label_zh(workflow(l->kind), l->status)}};
}

}  // namespace

json::object brief_json(const OutputBrief& b) {
  json::array authors;
  for (const auto& a : b.authors)
    authors.emplace_back(a);
  json::object out{{"id", b.id},
                   {"kind", kind_name(b.kind)},
                   {"conference_id", b.conference_id},
                   {"title", b.title},
                   {"category", b.category},
                   {"status", b.status},
                   {"status_label", state_label_zh(workflow(b.kind), b.status)},
                   {"authorship", b.authorship},
                   {"authors", std::move(authors)},
                   {"number", nullable(b.number)},
                   {"is_key", b.is_key},
                   {"is_excellent", b.is_excellent},
                   {"reply_class", nullable(b.reply_class)},
                   {"rating", nullable(b.rating)},
                   {"due_step", nullable(b.due_step)},
                   {"due_at", nullable(b.due_at)},
                   {"overdue", b.overdue},
                   {"submitted_at", nullable(b.submitted_at)},
                   {"accepted_at", nullable(b.accepted_at)},
                   {"closed_at", nullable(b.closed_at)},
                   {"created_at", b.created_at},
                   {"updated_at", b.updated_at}};
  if (b.has_lead_agency) out["lead_agency"] = nullable(b.lead_agency);
  return out;
}

json::object figures_json(const Figures& f) {
  const auto counts = [](const Figures::Counts& v) {
    json::object o;
    for (const auto& [name, n] : v)
      o[name] = n;
    return o;
  };
  json::array statuses;
  for (const auto& s : f.by_status)
    statuses.emplace_back(
        json::object{{"status", s.status}, {"label", s.label}, {"count", s.count}});
  json::object out{{"kind", kind_name(f.kind)},
                   {"year", f.year},
                   {"submitted", f.submitted},
                   {"accepted", f.accepted},
                   {"dispatched", f.dispatched},
                   {"answered", f.answered},
                   {"answer_rate", f.answer_rate},
                   {"closed", f.closed},
                   {"closed_rate", f.closed_rate},
                   {"rated", f.rated},
                   {"satisfaction_rate", f.satisfaction_rate},
                   {"mean_handling_days", nullable(f.mean_handling_days)},
                   {"key", f.key},
                   {"excellent", f.excellent},
                   {"by_status", std::move(statuses)}};
  if (f.by_reply_class) out["by_reply_class"] = counts(*f.by_reply_class);
  if (f.outcomes) out["outcomes"] = counts(*f.outcomes);
  json::array hot;
  for (const auto& [category, n] : f.categories)
    hot.emplace_back(json::object{{"category", category}, {"count", n}});
  out["categories"] = std::move(hot);
  return out;
}

json::object page_json(const OutputPage& page) {
  json::array items;
  for (const auto& b : page.items)
    items.emplace_back(brief_json(b));
  return json::object{{"items", std::move(items)}, {"next_cursor", nullable(page.next_cursor)}};
}

json::object list_outputs(storage::Connection& c, const auth::Principal& p, Kind kind,
                          const ListQuery& q, std::int64_t now_ms) {
  return page_json(find_outputs(c, p, kind, q, now_ms));
}

json::object output_json(const OutputDetail& d) {
  const auto& w = workflow(d.brief.kind);
  auto out = brief_json(d.brief);
  out["body"] = d.body;
  out["sector_id"] = nullable(d.sector_id);
  out["studio_id"] = nullable(d.studio_id);
  out["term"] = nullable(d.term);
  out["session"] = nullable(d.session);
  out["in_session"] = d.in_session;
  out["handling_mode"] = nullable(d.handling_mode);
  out["reply"] = nullable(d.reply);
  out["replied_at"] = nullable(d.replied_at);
  out["rating_comment"] = nullable(d.rating_comment);
  out["redo_count"] = d.redo_count;
  out["extension_days"] = d.extension_days;
  out["source_case_id"] = nullable(d.source_case_id);
  out["source"] = link_json(d.source);
  out["converted_to"] = link_json(d.converted_to);
  out["merged_into"] = link_json(d.merged_into);
  json::array merged;
  for (const auto& m : d.merged_items)
    merged.emplace_back(link_json(m));
  out["merged_items"] = std::move(merged);

  json::array authors;
  for (const auto& a : d.authors) {
    authors.emplace_back(json::object{{"member_id", a.member_id},
                                      {"name", a.name},
                                      {"position", a.position},
                                      {"confirmed", a.confirmed}});
  }
  out["author_list"] = std::move(authors);

  json::array agencies;
  for (const auto& a : d.agencies) {
    agencies.emplace_back(json::object{{"agency_id", a.agency_id},
                                       {"name", a.name},
                                       {"role", a.role},
                                       {"status", a.status},
                                       {"assigned_at", a.assigned_at},
                                       {"signed_at", nullable(a.signed_at)},
                                       {"replied_at", nullable(a.replied_at)},
                                       {"reply", nullable(a.reply)},
                                       {"note", a.note}});
  }
  out["agencies"] = std::move(agencies);

  json::array outcomes;
  for (const auto& o : d.outcomes) {
    outcomes.emplace_back(json::object{{"outcome", o.outcome},
                                       {"level", o.level},
                                       {"by_whom", o.by_whom},
                                       {"text", o.text},
                                       {"occurred_on", o.occurred_on}});
  }
  out["outcomes"] = std::move(outcomes);

  json::array events;
  for (const auto& e : d.events) {
    events.emplace_back(json::object{{"id", e.id},
                                     {"at", e.at},
                                     {"action", e.action},
                                     {"action_label", action_label_zh(w, e.action)},
                                     {"from", e.from},
                                     {"to", e.to},
                                     {"party", e.party},
                                     {"actor", e.actor},
                                     {"note", e.note},
                                     {"detail", e.detail}});
  }
  out["events"] = std::move(events);

  json::array allowed, parties;
  for (const auto a : d.allowed_actions)
    allowed.emplace_back(json::object{{"action", a}, {"label", action_label_zh(w, a)}});
  for (const auto p : d.parties)
    parties.emplace_back(party_name(p));
  out["allowed_actions"] = std::move(allowed);
  out["my_parties"] = std::move(parties);
  return out;
}

}  // namespace tongxin::outputs
