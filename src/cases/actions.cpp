// src/cases/actions.cpp
//
// One action on a case = one transition of workflows.md §1: check it against the table,
// change the row, append the event, tell the people concerned (notices, SMS through the
// outbox), write the audit row — all in the caller's unit of work.
#include <boost/json.hpp>

#include "cases/cases.hpp"
#include "cases/internal.hpp"
#include "core/json/fields.hpp"
#include "core/notify/notify.hpp"
#include "core/text/utf8.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxReplyChars = 2000;
constexpr int kReopenLimit = 1;

json::array action_names(const std::vector<Action>& actions) {
  json::array out;
  for (const auto a : actions)
    out.emplace_back(action_name(a));
  return out;
}

std::string actor_label(storage::Connection& c, const std::vector<Party>& parties,
                        const CaseRow& k) {
  if (parties.empty()) return "系统";
  switch (parties.front()) {
    case Party::handler:
      return member_public_label(c, k.member_id);
    case Party::lead:
      return "委员工作室";
    case Party::staff:
      return "政协工作人员";
    case Party::citizen:
      return "群众";
    case Party::system:
      return "系统";
  }
  return "系统";
}

std::string case_link(std::int64_t id) {
  return "/console/cases/" + std::to_string(id);
}

std::vector<Party> parties_for(storage::Connection& c, const audit::Actor& actor, const CaseRow& k,
                               bool citizen) {
  if (citizen) return {Party::citizen};
  if (!actor.principal) return {Party::system};
  auto parties = parties_of(c, *actor.principal, k);
  if (parties.empty()) {
    if (may_read(c, *actor.principal, k)) {
      throw Error::forbidden("case.not_a_party", "您无权处理该诉求",
                             "you have no part in handling this case");
    }
    throw case_not_found();
  }
  return parties;
}

struct Change {
  Status to;
  std::string note;
  json::object detail;
  bool is_public = true;
};

void touch(storage::Connection& c, std::int64_t id, Status to, std::int64_t now_ms) {
  c.x("UPDATE cases SET status = $2, updated_at = $3 WHERE id = $1", id,
      std::string(status_name(to)), now_ms);
}

// Deadlines counted from the assignment (workflows.md §1: contact in 3, reply in 15).
void set_deadlines(storage::Connection& c, const ServiceContext& ctx, std::int64_t id,
                   std::int64_t now_ms) {
  const auto& cfg = ctx.config.cases;
  c.x("UPDATE cases SET assigned_at = $2, claim_due_at = $3, reply_due_at = $4,"
      " escalation_level = 0, escalated_at = NULL, reminded_at = NULL WHERE id = $1",
      id, now_ms, ctx.calendar->deadline_ms(now_ms, cfg.claim_working_days),
      ctx.calendar->deadline_ms(now_ms, cfg.reply_working_days));
}

Change do_assign(storage::Connection& c, const ServiceContext& ctx, const CaseRow& k,
                 tongxin::json::FieldReader& f, std::int64_t now_ms) {
  const auto member_id = f.required_int("member_id");
  auto studio_id = f.optional_int("studio_id");
  const auto note = f.optional_string("note", 500).value_or("");
  const auto m = organisation::find_member(c, member_id);
  if (!m) throw Error::invalid_field("member_id", "委员不存在", "unknown member");
  if (m->conference_id != k.conference_id) {
    throw Error::invalid_field("member_id", "该委员不属于本诉求所在政协",
                               "the member belongs to another conference");
  }
  if (studio_id && !organisation::find_studio(c, *studio_id)) {
    throw Error::invalid_field("studio_id", "委员工作室不存在", "unknown studio");
  }
  if (!studio_id) studio_id = k.studio_id;
  if (!studio_id && !m->studios.empty()) studio_id = m->studios.front().id;
  const bool reassign = k.member_id.has_value();
  c.x("UPDATE cases SET member_id = $2, studio_id = $3, sector_id = $4 WHERE id = $1", k.id,
      member_id, studio_id, m->sector_id);
  set_deadlines(c, ctx, k.id, now_ms);
  notify::send_all(
      c, notify::users_of_member(c, member_id),
      {"case.assigned", "新的群众诉求待接单：" + headline(k),
       "请在" + std::to_string(ctx.config.cases.claim_working_days) + "个工作日内联系群众并接单。",
       "/my/cases/" + std::to_string(k.id), "case", k.id},
      now_ms);
  const auto label = member_public_label(c, member_id);
  return {Status::assigned, note.empty() ? "已分派给" + label : note,
          json::object{{"member_id", member_id}, {"reassign", reassign}}};
}

Change do_claim(tongxin::json::FieldReader& f) {
  return {Status::in_progress, f.optional_string("note", 500).value_or("委员已接单，正在办理"), {}};
}

Change do_reply(storage::Connection& c, const CaseRow& k, tongxin::json::FieldReader& f) {
  const auto text = f.required_string("text", kMaxReplyChars);
  const auto outcome =
      f.optional_enum("outcome", {"solved", "partly_solved", "explained"}).value_or("solved");
  c.x("UPDATE cases SET reply_text = $2, outcome = $3, replied_at = updated_at WHERE id = $1", k.id,
      text, outcome);
  return {Status::replied, std::string(outcome_label_zh(outcome)),
          json::object{{"outcome", outcome}}};
}

Change do_convert(storage::Connection& c, const CaseRow& k, tongxin::json::FieldReader& f) {
  const auto target = f.optional_enum("target", {"micro_suggestion", "opinion_report", "proposal"});
  if (!target) {
    throw Error::invalid_field("target", "请选择转化为微建议、社情民意信息或提案",
                               "target is required");
  }
  const auto note = f.optional_string("note", 500).value_or("");
  c.x("UPDATE cases SET converted_to = $2, outcome = 'converted', replied_at = updated_at"
      " WHERE id = $1",
      k.id, *target);
  const std::string label = *target == "micro_suggestion" ? "微建议"
                            : *target == "opinion_report" ? "社情民意信息"
                                                          : "提案";
  return {Status::converted, note.empty() ? "已转化为" + label : note,
          json::object{{"target", *target}}};
}

Change do_refer(storage::Connection& c, const CaseRow& k, tongxin::json::FieldReader& f) {
  const auto to = f.optional_enum("to", {"hotline_12345", "petition", "court", "agency", "other"});
  if (!to) throw Error::invalid_field("to", "请选择转交去向", "to is required");
  const auto guidance = f.required_string("guidance", kMaxReplyChars);
  c.x("UPDATE cases SET referred_to = $2, reply_text = $3, outcome = 'referred',"
      " replied_at = updated_at WHERE id = $1",
      k.id, *to, guidance);
  return {Status::referred, guidance, json::object{{"to", *to}}};
}

Change do_decline(storage::Connection& c, const CaseRow& k, const std::vector<Party>& parties,
                  tongxin::json::FieldReader& f) {
  const auto reason = f.required_string("reason", 500);
  if (parties.front() == Party::handler) {
    // The member hands the case back: it returns to routing, and the studio lead hears.
    c.x("UPDATE cases SET member_id = NULL, assigned_at = NULL, claim_due_at = NULL,"
        " reply_due_at = NULL, escalation_level = 0 WHERE id = $1",
        k.id);
    if (k.studio_id) {
      notify::send_all(c, notify::leads_of_studio(c, *k.studio_id),
                       {"case.handed_back", "委员退回诉求，请重新分派：" + headline(k), reason,
                        case_link(k.id), "case", k.id},
                       audit::now_ms());
    }
    return {Status::submitted, "委员退回，待重新分派", json::object{{"reason", reason}}, false};
  }
  const auto kind =
      f.optional_enum("kind", {"personal_dispute", "in_litigation", "petition", "other"})
          .value_or("other");
  c.x("UPDATE cases SET decline_reason = $2, outcome = 'declined', reply_text = $3,"
      " replied_at = updated_at WHERE id = $1",
      k.id, kind, reason);
  return {Status::declined, reason, json::object{{"kind", kind}}};
}

Change do_merge(storage::Connection& c, const CaseRow& k, tongxin::json::FieldReader& f,
                std::int64_t now_ms, const audit::Actor& actor) {
  const auto into = f.required_int("into_case_id");
  if (into == k.id)
    throw Error::invalid_field("into_case_id", "不能与自身合并", "cannot merge into itself");
  const auto target = find_case(c, into);
  if (!target || target->conference_id != k.conference_id) {
    throw Error::invalid_field("into_case_id", "要合并到的诉求不存在", "unknown target case");
  }
  if (target->status == Status::merged) {
    throw Error::invalid_field("into_case_id", "目标诉求本身已被合并，请合并到主诉求",
                               "the target was itself merged; merge into its primary case");
  }
  auto cluster = target->cluster_id;
  if (!cluster) {
    const auto title = f.optional_string("cluster_title", 100)
                           .value_or(target->title.empty() ? headline(*target) : target->title);
    cluster =
        c.q("INSERT INTO case_clusters (conference_id, studio_id, title, primary_case_id,"
            " created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)"
            " RETURNING id",
            target->conference_id, target->studio_id, title, target->id, actor.user_id(), now_ms)
            .front()
            .int64(0);
    c.x("UPDATE cases SET cluster_id = $2 WHERE id = $1", target->id, *cluster);
  }
  // Cases already merged into this one follow it to the new primary.
  c.x("UPDATE cases SET merged_into_id = $2, cluster_id = $3 WHERE merged_into_id = $1", k.id,
      target->id, *cluster);
  c.x("UPDATE cases SET merged_into_id = $2, cluster_id = $3 WHERE id = $1", k.id, target->id,
      *cluster);
  return {Status::merged, "与同类问题合并办理，办理进展将同步告知您",
          json::object{{"into_case_id", target->id}, {"cluster_id", *cluster}}};
}

Change do_rate(storage::Connection& c, const CaseRow& k, tongxin::json::FieldReader& f) {
  const auto rating =
      f.optional_enum("rating", {"satisfied", "basically_satisfied", "unsatisfied"});
  if (!rating) throw Error::invalid_field("rating", "请选择满意度", "rating is required");
  const auto comment = f.optional_string("comment", 500);
  c.x("UPDATE cases SET rating = $2, rating_comment = $3, rated_at = updated_at WHERE id = $1",
      k.id, *rating, comment);
  const std::string label = *rating == "satisfied"             ? "满意"
                            : *rating == "basically_satisfied" ? "基本满意"
                                                               : "不满意";
  return {Status::rated, "群众评价：" + label + (comment ? "。" + *comment : std::string()),
          json::object{{"rating", *rating}}};
}

// Mirrors a public change of a primary case onto the cases merged into it, so every citizen
// behind a common issue hears of it (Decidim #3974).
void propagate_to_merged(storage::Connection& c, const ServiceContext& ctx, const CaseRow& primary,
                         const std::string& note, std::int64_t now_ms) {
  for (const auto& r : c.q("SELECT id FROM cases WHERE merged_into_id = $1", primary.id)) {
    const auto merged = load_case_or_404(c, r.int64(0));
    add_event(c, merged.id,
              {.type = "primary_update",
               .party = Party::system,
               .actor_label = "系统",
               .note = "合并办理的问题有新进展：" + note},
              now_ms);
    tell_citizen(c, ctx, merged, "您反映的问题已与同类问题合并办理，现有新进展：" + note + "。",
                 now_ms);
  }
}

}  // namespace

std::int64_t apply_action(storage::Connection& c, const ServiceContext& ctx,
                          const audit::Actor& actor, std::int64_t case_id, Action action,
                          const boost::json::object& body, std::int64_t now_ms, bool citizen) {
  const auto k = load_case_or_404(c, case_id);
  auto parties = parties_for(c, actor, k, citizen);
  const auto t = find_transition(k.status, action, parties);
  if (!t) {
    const auto allowed = allowed_actions(k.status, parties);
    throw Error::conflict(
        "case.action_not_allowed",
        "当前状态（" + std::string(status_label_zh(k.status)) + "）下不能" +
            std::string(action_label_zh(action)),
        "action " + std::string(action_name(action)) + " is not allowed in state " +
            std::string(status_name(k.status)),
        json::object{{"status", status_name(k.status)}, {"allowed", action_names(allowed)}});
  }
  // The party that the matching transition row names decides who acted (e.g. a member
  // who is also staff declining their own case hands it back).
  for (const auto p : parties) {
    if (std::find(t->by.begin(), t->by.end(), p) != t->by.end()) {
      parties = {p};
      break;
    }
  }
  if (action == Action::reopen && k.reopen_count >= kReopenLimit) {
    throw Error::conflict(
        "case.reopen_limit", "该诉求已重新办理过一次，不能再次重新办理",
        "a case is reopened at most once",
        json::object{{"status", status_name(k.status)}, {"allowed", json::array{}}});
  }

  tongxin::json::FieldReader f(body);
  c.x("UPDATE cases SET updated_at = $2 WHERE id = $1", k.id, now_ms);
  Change change{t->to, "", {}};
  switch (action) {
    case Action::assign:
      change = do_assign(c, ctx, k, f, now_ms);
      break;
    case Action::claim:
      change = do_claim(f);
      c.x("UPDATE cases SET claimed_at = $2, escalation_level = 0 WHERE id = $1", k.id, now_ms);
      break;
    case Action::reply:
      change = do_reply(c, k, f);
      break;
    case Action::convert:
      change = do_convert(c, k, f);
      break;
    case Action::refer:
      change = do_refer(c, k, f);
      break;
    case Action::decline:
      change = do_decline(c, k, parties, f);
      break;
    case Action::merge:
      change = do_merge(c, k, f, now_ms, actor);
      break;
    case Action::rate:
      change = do_rate(c, k, f);
      break;
    case Action::reopen: {
      const auto note = f.optional_string("note", 500).value_or("重新办理");
      c.x("UPDATE cases SET reopen_count = reopen_count + 1, closed_at = NULL,"
          " reply_due_at = $2, reminded_at = NULL, escalation_level = 0 WHERE id = $1",
          k.id, ctx.calendar->deadline_ms(now_ms, ctx.config.cases.reply_working_days));
      change = {Status::in_progress, note, {}};
      break;
    }
    case Action::close:
      change = {Status::closed, f.optional_string("note", 500).value_or("已办结"), {}};
      c.x("UPDATE cases SET closed_at = $2 WHERE id = $1", k.id, now_ms);
      break;
  }
  f.reject_unknown();
  touch(c, k.id, change.to, now_ms);
  add_event(c, k.id,
            {.type = std::string(action_name(action)),
             .from = k.status,
             .to = change.to,
             .party = parties.front(),
             .user_id = actor.user_id(),
             .actor_label = actor_label(c, parties, k),
             .note = change.note,
             .detail = change.detail,
             .remote_addr = actor.remote_addr,
             .is_public = change.is_public},
            now_ms);
  audit::record(c, actor,
                {"case." + std::string(action_name(action)), "case", k.id,
                 json::object{{"from", status_name(k.status)},
                              {"to", status_name(change.to)},
                              {"detail", change.detail}}});

  // What the citizen hears (every status change reaches the follow page; SMS if named).
  const auto updated = load_case_or_404(c, k.id);
  switch (action) {
    case Action::assign:
      tell_citizen(c, ctx, updated,
                   "您反映的“" + headline(k) + "”已由" + member_public_label(c, updated.member_id) +
                       "负责办理。",
                   now_ms);
      break;
    case Action::reply:
    case Action::refer:
    case Action::convert:
    case Action::decline:
      if (change.to != Status::submitted) {
        tell_citizen(c, ctx, updated, "您反映的“" + headline(k) + "”已有答复，请查看并评价。",
                     now_ms);
        propagate_to_merged(c, ctx, updated, change.note, now_ms);
      }
      break;
    case Action::merge:
      tell_citizen(c, ctx, updated, "您反映的“" + headline(k) + "”已与同类问题合并办理。", now_ms);
      break;
    default:
      break;
  }

  // A rating settles the case: closed, or reopened once when the citizen is not satisfied.
  if (action == Action::rate) {
    const bool unsatisfied = updated.rating && *updated.rating == "unsatisfied";
    const audit::Actor system{std::nullopt, actor.remote_addr, actor.request_id};
    if (unsatisfied && updated.reopen_count < kReopenLimit) {
      apply_action(c, ctx, system, k.id, Action::reopen,
                   json::object{{"note", "群众不满意，重新办理"}}, now_ms);
      if (updated.member_id) {
        notify::send_all(c, notify::users_of_member(c, *updated.member_id),
                         {"case.reopened", "群众不满意，诉求重新办理：" + headline(k),
                          updated.rating_comment.value_or(""), "/my/cases/" + std::to_string(k.id),
                          "case", k.id},
                         now_ms);
      }
      if (updated.studio_id) {
        notify::send_all(c, notify::leads_of_studio(c, *updated.studio_id),
                         {"case.unsatisfied", "群众不满意的诉求：" + headline(k),
                          updated.rating_comment.value_or(""), case_link(k.id), "case", k.id},
                         now_ms);
      }
    } else {
      apply_action(c, ctx, system, k.id, Action::close, json::object{{"note", "评价后办结"}},
                   now_ms);
    }
  }
  if (action == Action::close && change.to == Status::closed) {
    // Cases merged into this one end with it.
    for (const auto& r :
         c.q("SELECT id FROM cases WHERE merged_into_id = $1 AND status = 'merged'", k.id)) {
      const auto mid = r.int64(0);
      c.x("UPDATE cases SET status = 'closed', closed_at = $2, updated_at = $2,"
          " outcome = (SELECT outcome FROM cases WHERE id = $3) WHERE id = $1",
          mid, now_ms, k.id);
      add_event(c, mid,
                {.type = "close",
                 .from = Status::merged,
                 .to = Status::closed,
                 .party = Party::system,
                 .actor_label = "系统",
                 .note = "合并办理的主诉求已办结"},
                now_ms);
    }
  }
  return k.id;
}

}  // namespace tongxin::cases
