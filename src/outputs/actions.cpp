// src/outputs/actions.cpp
//
// One action on an output = one row of its kind's table (workflow.hpp): check it, change
// the row, append the event, tell the people concerned, write the audit row — all in the
// caller's unit of work. Follow-ups the workflow makes automatic (a rating settles the item:
// closed, or re-handled once when 不满意) run here as the system party.
#include <algorithm>
#include <chrono>

#include "cases/cases.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/json/fields.hpp"
#include "core/notify/notify.hpp"
#include "organisation/briefs.hpp"
#include "outputs/internal.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

constexpr int kRedoLimit = 1;

// The grounds on which a proposal is not registered (政协提案工作条例: 不予立案的情形).
const std::vector<std::string_view> kNotRegisteredReasons{
    "secret",      // 涉及党和国家秘密
    "academic",    // 属于学术探讨
    "personal",    // 属于个人或家庭事务
    "litigation",  // 属于诉讼、仲裁、纪检监察或信访案件
    "promotion",   // 宣传推介特定企业或产品
    "vague",       // 内容空泛、无具体建议
    "multiple",    // 不符合一事一案
    "other"};

struct Change {
  std::string to;
  std::string note;
  json::object detail;
};

json::array names(const std::vector<std::string_view>& v) {
  json::array out;
  for (const auto s : v)
    out.emplace_back(s);
  return out;
}

std::string label(const OutputRow& o) {
  return std::string(kind_label_zh(o.kind)) + "“" + o.title + "”";
}

std::vector<std::int64_t> author_users(storage::Connection& c, const OutputRow& o) {
  std::vector<std::int64_t> out;
  for (const auto& a : authors_of(c, o.id)) {
    for (const auto u : notify::users_of_member(c, a.member_id))
      out.push_back(u);
  }
  return out;
}

std::optional<std::int64_t> lead_agency(storage::Connection& c, const OutputRow& o) {
  for (const auto& a : agencies_of(c, o.id)) {
    if (a.role == "lead") return a.agency_id;
  }
  return std::nullopt;
}

void tell_agency(storage::Connection& c, const OutputRow& o, std::int64_t agency_id,
                 const std::string& kind, const std::string& title, const std::string& body,
                 std::int64_t now_ms) {
  notify::send_all(c, notify::users_of_agency(c, agency_id),
                   {kind, title, body, item_link(o, false), std::string(kind_name(o.kind)), o.id},
                   now_ms);
}

void set_due(storage::Connection& c, std::int64_t id, std::optional<std::string> step,
             std::optional<std::int64_t> at) {
  c.x("UPDATE outputs SET due_step = $2, due_at = $3, reminded_at = NULL, supervised_at = NULL"
      " WHERE id = $1",
      id, step, at);
}

std::string reason_or_400(tongxin::json::FieldReader& f, const char* zh) {
  const auto r = f.optional_string("reason", 500);
  if (!r || r->empty()) throw Error::invalid_field("reason", zh, "reason is required");
  return *r;
}

std::int64_t add_months_ms(std::int64_t ms, int months) {
  using namespace std::chrono;
  const auto d = calendar::china_date(ms);
  const auto m = year_month_day{d.year() / d.month() / 1} + std::chrono::months{months};
  const year_month_day_last month_end{m.year(), month_day_last{m.month()}};
  const auto day = std::min(static_cast<unsigned>(d.day()), static_cast<unsigned>(month_end.day()));
  // The end of that China-time day.
  return calendar::day_end_ms(year_month_day{m.year() / m.month() / std::chrono::day{day}});
}

int china_year(std::int64_t ms) {
  return static_cast<int>(calendar::china_date(ms).year());
}

// Assigns (or re-assigns) the item's agencies: one lead, any assisting; earlier ones not in
// the new set are withdrawn.
void assign_agencies(storage::Connection& c, const OutputRow& o, std::int64_t lead,
                     const std::vector<std::int64_t>& assisting, std::int64_t now_ms) {
  std::vector<std::int64_t> all{lead};
  for (const auto a : assisting) {
    if (std::find(all.begin(), all.end(), a) == all.end()) all.push_back(a);
  }
  for (const auto a : all) {
    const auto ag = organisation::find_agency(c, a);
    if (!ag || ag->conference_id != o.conference_id) {
      throw Error::invalid_field(a == lead ? "agency_id" : "assisting_agency_ids",
                                 "承办单位不存在或不属于本级政协", "unknown agency");
    }
  }
  c.x("UPDATE output_agencies SET status = 'withdrawn' WHERE output_id = $1", o.id);
  for (const auto a : all) {
    const std::string role = a == lead ? "lead" : "assist";
    c.x("INSERT INTO output_agencies (output_id, agency_id, role, status, assigned_at) VALUES"
        " ($1, $2, $3, 'assigned', $4) ON CONFLICT (output_id, agency_id) DO UPDATE SET role ="
        " excluded.role, status = 'assigned', assigned_at = excluded.assigned_at, signed_at ="
        " NULL, replied_at = NULL, reply_text = NULL",
        o.id, a, role, now_ms);
  }
}

std::int64_t lead_assigned_at(storage::Connection& c, std::int64_t id, std::int64_t fallback) {
  const auto r =
      c.q("SELECT assigned_at FROM output_agencies WHERE output_id = $1 AND role = 'lead' AND"
          " status <> 'withdrawn'",
          id);
  return r.empty() ? fallback : r.front().int64(0);
}

// An output of another kind made from this one (staff convert): same authors, straight into
// review, linked both ways.
std::int64_t convert_into(storage::Connection& c, const OutputRow& o, Kind target,
                          std::int64_t now_ms, std::optional<std::int64_t> user_id) {
  const auto ins =
      c.q("INSERT INTO outputs (kind, conference_id, title, body, category, status, authorship,"
          " sector_id, studio_id, source_case_id, source_output_id, created_by, submitted_at,"
          " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $8, $9, $10,"
          " $11, $12, $12, $12) RETURNING id",
          std::string(kind_name(target)), o.conference_id, o.title, o.body, o.category,
          o.authorship == "sector" ? std::string("joint") : o.authorship, o.sector_id, o.studio_id,
          o.source_case_id, o.id, user_id, now_ms);
  const auto id = ins.front().int64(0);
  for (const auto& a : authors_of(c, o.id)) {
    c.x("INSERT INTO output_authors (output_id, member_id, position, confirmed_at) VALUES ($1,"
        " $2, $3, $4)",
        id, a.member_id, a.position, now_ms);
  }
  add_event(c, id,
            {.action = "convert",
             .from = "",
             .to = "submitted",
             .party = Party::staff,
             .user_id = user_id,
             .actor_label = "政协工作人员",
             .note = "由" + label(o) + "转化而来",
             .detail = json::object{{"source_output_id", o.id}}},
            now_ms);
  return id;
}

}  // namespace

void apply_action(storage::Connection& c, const ServiceContext& ctx, const audit::Actor& actor,
                  Kind kind, std::int64_t id, std::string_view action, const json::object& body,
                  std::int64_t now_ms) {
  const auto& w = workflow(kind);
  auto found = find_output(c, id);
  if (!found || found->kind != kind) throw not_found(kind);
  const auto& o = *found;
  if (!is_action(w, action)) {
    throw Error::invalid_field("action", "不支持的操作：" + std::string(action),
                               "unknown action " + std::string(action));
  }
  std::vector<Party> parties{Party::system};
  if (actor.principal) {
    parties = parties_of(c, *actor.principal, o);
    if (parties.empty()) {
      if (may_read(c, *actor.principal, o)) {
        throw Error::forbidden("output.not_a_party", "您无权办理该事项",
                               "you have no part in this item");
      }
      throw not_found(kind);
    }
  }
  const auto t = find_transition(w, o.status, action, parties);
  if (!t) {
    throw Error::conflict("output.action_not_allowed",
                          "当前状态（" + std::string(state_label_zh(w, o.status)) + "）下不能" +
                              std::string(action_label_zh(w, action)),
                          "action " + std::string(action) + " is not allowed in state " + o.status,
                          json::object{{"status", o.status},
                                       {"allowed", names(allowed_actions(w, o.status, parties))}});
  }
  Party party = parties.front();
  for (const auto p : parties) {
    if (std::find(t->by.begin(), t->by.end(), p) != t->by.end()) {
      party = p;
      break;
    }
  }
  const auto& cfg = ctx.config.outputs;
  const auto& cal = *ctx.calendar;
  tongxin::json::FieldReader f(body);
  Change ch{t->to == kSame ? o.status : std::string(t->to), "", {}};
  std::optional<std::string> progress_for_case;  // what the citizen behind a case hears
  bool settle_rating = false;

  if (action == "edit") {
    const auto title = f.optional_string("title", 100);
    const auto text = f.optional_string("body", kind == Kind::opinion_report ? 1500 : 20000);
    const auto category = f.optional_string("category", 30);
    if (title && title->empty())
      throw Error::invalid_field("title", "标题不能为空", "title is empty");
    if (text && text->empty()) throw Error::invalid_field("body", "正文不能为空", "body is empty");
    c.x("UPDATE outputs SET title = COALESCE($2, title), body = COALESCE($3, body), category ="
        " COALESCE($4, category) WHERE id = $1",
        o.id, title, text, category);
    // Co-signers confirmed a text; a changed text needs their confirmation again.
    if (kind == Kind::proposal && (title || text)) {
      c.x("UPDATE output_authors SET confirmed_at = NULL WHERE output_id = $1 AND position > 1",
          o.id);
    }
    ch.note = "修改草稿";
  } else if (action == "confirm") {
    c.x("UPDATE output_authors SET confirmed_at = $3 WHERE output_id = $1 AND member_id = $2", o.id,
        *actor.principal->member_id, now_ms);
    ch.note = "确认联名";
  } else if (action == "submit") {
    if (kind == Kind::proposal) {
      for (const auto& a : authors_of(c, o.id)) {
        if (!a.confirmed_at) {
          throw Error::conflict(
              "output.cosigners_pending", "联名委员尚未全部确认，暂不能提交",
              "every co-signer must confirm first",
              json::object{{"status", o.status}, {"allowed", json::array{"edit"}}});
        }
      }
    }
    const int wd = kind == Kind::micro_suggestion ? cfg.micro_review_working_days
                   : kind == Kind::proposal       ? cfg.proposal_review_working_days
                                                  : cfg.opinion_review_working_days;
    c.x("UPDATE outputs SET submitted_at = $2 WHERE id = $1", o.id, now_ms);
    set_due(c, o.id, "review", cal.deadline_ms(now_ms, wd));
    notify::send_all(c, notify::staff_of_conference(c, o.conference_id),
                     {"output.submitted", "新提交的" + label(o), "", item_link(o, false),
                      std::string(kind_name(kind)), o.id},
                     now_ms);
    ch.note = "提交";
  } else if (action == "return") {
    ch.note = reason_or_400(f, "请填写退回理由");
    set_due(c, o.id, std::nullopt, std::nullopt);
  } else if (action == "reject") {
    if (kind == Kind::proposal) {
      const auto ground = f.optional_enum("ground", kNotRegisteredReasons);
      if (!ground) {
        throw Error::invalid_field("ground", "请选择不予立案的理由", "ground is required");
      }
      ch.detail["ground"] = *ground;
    }
    ch.note = reason_or_400(f, "请填写理由");
    c.x("UPDATE outputs SET closed_at = $2 WHERE id = $1", o.id, now_ms);
    set_due(c, o.id, std::nullopt, std::nullopt);
    progress_for_case = std::string(kind_label_zh(kind)) + "未被采用：" + ch.note;
  } else if (action == "keep") {
    ch.note = f.optional_string("note", 500).value_or("留存备查");
    c.x("UPDATE outputs SET closed_at = $2 WHERE id = $1", o.id, now_ms);
    set_due(c, o.id, std::nullopt, std::nullopt);
  } else if (action == "convert") {
    const auto target = kind == Kind::micro_suggestion
                            ? f.optional_enum("target", {"proposal", "opinion_report"})
                            : f.optional_enum("target", {"opinion_report", "micro_suggestion"});
    if (!target) throw Error::invalid_field("target", "请选择转化的类型", "target is required");
    const auto to_kind = *parse_kind(*target);
    const auto new_id = convert_into(c, o, to_kind, now_ms, actor.user_id());
    c.x("UPDATE outputs SET converted_to_id = $2, closed_at = $3 WHERE id = $1", o.id, new_id,
        now_ms);
    set_due(c, new_id, "review",
            cal.deadline_ms(now_ms, to_kind == Kind::proposal ? cfg.proposal_review_working_days
                                                              : cfg.opinion_review_working_days));
    set_due(c, o.id, std::nullopt, std::nullopt);
    ch.note =
        f.optional_string("note", 500).value_or("转化为" + std::string(kind_label_zh(to_kind)));
    ch.detail = json::object{{"target", *target}, {"converted_to_id", new_id}};
  } else if (action == "merge") {
    const auto into = f.required_int("into_id");
    const auto lead = find_output(c, into);
    if (!lead || lead->kind != kind || lead->id == o.id || lead->conference_id != o.conference_id ||
        lead->status == "draft" || lead->merged_into_id) {
      throw Error::invalid_field("into_id", "请选择本级政协已提交的同类事项作为主件",
                                 "into_id must be a submitted item of the same kind");
    }
    c.x("UPDATE outputs SET merged_into_id = $2, closed_at = $3 WHERE id = $1", o.id, into, now_ms);
    set_due(c, o.id, std::nullopt, std::nullopt);
    add_event(c, into,
              {.action = "merge_in",
               .from = lead->status,
               .to = lead->status,
               .party = party,
               .user_id = actor.user_id(),
               .actor_label = "政协工作人员",
               .note = "并入" + label(o),
               .detail = json::object{{"merged_id", o.id}},
               .remote_addr = actor.remote_addr},
              now_ms);
    ch.note = f.optional_string("note", 500).value_or("并入" + label(*lead));
    ch.detail["into_id"] = into;
  } else if (action == "accept" || action == "register" || action == "adopt") {
    const auto category = f.optional_string("category", 30);
    if (category) c.x("UPDATE outputs SET category = $2 WHERE id = $1", o.id, *category);
    c.x("UPDATE outputs SET accepted_at = $2 WHERE id = $1", o.id, now_ms);
    if (kind == Kind::proposal) {
      const auto n = next_number(c, o.conference_id, kind, china_year(now_ms));
      const auto number = "第" + std::to_string(n) + "号";
      c.x("UPDATE outputs SET number = $2 WHERE id = $1", o.id, number);
      ch.detail["number"] = number;
      ch.note = "立案，" + number;
    } else {
      ch.note = action == "accept" ? "审核采纳" : "采用";
    }
    set_due(c, o.id, std::nullopt, std::nullopt);
    progress_for_case = label(o) + (kind == Kind::proposal ? "已立案" : "已被采用");
  } else if (action == "dispatch" || action == "assign" || action == "transfer") {
    const auto lead = f.required_int("agency_id");
    const auto assisting = kind == Kind::proposal ? f.int_array("assisting_agency_ids", 10)
                                                  : std::vector<std::int64_t>{};
    const auto mode = kind == Kind::proposal ? f.optional_enum("mode", {"single", "split", "joint"})
                                                   .value_or(assisting.empty() ? "single" : "joint")
                                             : std::string("single");
    assign_agencies(c, o, lead, assisting, now_ms);
    c.x("UPDATE outputs SET handling_mode = $2 WHERE id = $1", o.id, mode);
    const auto due = action == "transfer" ? cal.deadline_ms(now_ms, cfg.micro_reply_working_days)
                     : kind == Kind::proposal
                         ? cal.deadline_ms(now_ms, cfg.proposal_sign_working_days)
                         : cal.deadline_ms(now_ms, cfg.micro_sign_working_days);
    set_due(c, o.id, action == "transfer" ? "reply" : "sign", due);
    const auto ag = organisation::find_agency(c, lead);
    tell_agency(c, o, lead, "output.assigned", "新交办的" + label(o),
                action == "transfer" ? "请按期办理并答复。" : "请及时签收办理。", now_ms);
    for (const auto a : assisting) {
      tell_agency(c, o, a, "output.assisting", "协办" + label(o), "请配合主办单位办理。", now_ms);
    }
    ch.note = f.optional_string("note", 500).value_or("交由" + ag->name + "办理");
    ch.detail = json::object{{"agency_id", lead}, {"mode", mode}};
    progress_for_case = label(o) + "已交由" + ag->name + "办理";
  } else if (action == "sign") {
    const auto agency = lead_agency(c, o);
    c.x("UPDATE output_agencies SET status = 'signed', signed_at = $3 WHERE output_id = $1 AND"
        " agency_id = $2",
        o.id, *agency, now_ms);
    const auto due = kind == Kind::proposal ? add_months_ms(lead_assigned_at(c, o.id, now_ms),
                                                            cfg.proposal_reply_months)
                                            : cal.deadline_ms(now_ms, cfg.micro_reply_working_days);
    set_due(c, o.id, "reply", due);
    ch.note = "签收";
  } else if (action == "ask_back") {
    ch.note = reason_or_400(f, "请填写申请退回的理由");
    if (kind == Kind::proposal) {
      const auto assigned = lead_assigned_at(c, o.id, now_ms);
      if (now_ms - assigned > std::int64_t{cfg.proposal_ask_back_days} * 86'400'000) {
        throw Error::conflict("output.ask_back_late",
                              "已超过" + std::to_string(cfg.proposal_ask_back_days) +
                                  "日申请退回期限，请按交办意见办理",
                              "too late to ask for re-assignment",
                              json::object{{"status", o.status}, {"allowed", json::array{"sign"}}});
      }
    }
    c.x("UPDATE output_agencies SET status = 'asked_back', note = $3 WHERE output_id = $1 AND"
        " agency_id = $2",
        o.id, *lead_agency(c, o), ch.note);
    set_due(c, o.id, "review", cal.deadline_ms(now_ms, cfg.micro_review_working_days));
    notify::send_all(c, notify::staff_of_conference(c, o.conference_id),
                     {"output.asked_back", "承办单位申请退回" + label(o), ch.note,
                      item_link(o, false), std::string(kind_name(kind)), o.id},
                     now_ms);
  } else if (action == "extend") {
    if (o.extension_days > 0) {
      throw Error::conflict("output.extended_once", "该事项已延期一次，不能再次延期",
                            "an item is extended at most once",
                            json::object{{"status", o.status}, {"allowed", json::array{}}});
    }
    const auto days = f.required_int("working_days");
    if (days < 1 || days > cfg.micro_extension_working_days) {
      throw Error::invalid_field(
          "working_days",
          "延期天数应为1至" + std::to_string(cfg.micro_extension_working_days) + "个工作日",
          "working_days out of range");
    }
    ch.note = reason_or_400(f, "请填写延期理由");
    const auto base = o.due_at.value_or(now_ms);
    c.x("UPDATE outputs SET extension_days = $2 WHERE id = $1", o.id, days);
    set_due(c, o.id, o.due_step.value_or("reply"), cal.deadline_ms(base, static_cast<int>(days)));
    ch.detail["working_days"] = days;
  } else if (action == "supervise") {
    ch.note = f.optional_string("note", 500).value_or("督办：请抓紧办理");
    c.x("UPDATE outputs SET supervised_at = $2 WHERE id = $1", o.id, now_ms);
    if (const auto a = lead_agency(c, o)) {
      tell_agency(c, o, *a, "output.supervised", "督办：" + label(o), ch.note, now_ms);
    }
  } else if (action == "consult") {
    ch.note = f.required_string("note", 1000);
    ch.detail["method"] =
        f.optional_enum("method", {"meeting", "visit", "phone", "online"}).value_or("meeting");
  } else if (action == "reply") {
    const auto text = f.required_string("reply", 5000);
    std::optional<std::string> cls;
    if (kind == Kind::proposal) {
      cls = f.optional_enum("reply_class", {"A", "B", "C"});
      if (!cls) {
        throw Error::invalid_field("reply_class",
                                   "请选择答复类别（A 已解决或采纳、B 列入计划、C 留作参考）",
                                   "reply_class is required");
      }
    }
    const auto agency = lead_agency(c, o);
    c.x("UPDATE output_agencies SET status = 'replied', replied_at = $3, reply_text = $4 WHERE"
        " output_id = $1 AND agency_id = $2",
        o.id, *agency, now_ms, text);
    c.x("UPDATE outputs SET reply_text = $2, replied_at = $3, reply_class = COALESCE($4,"
        " reply_class) WHERE id = $1",
        o.id, text, now_ms, cls);
    if (kind == Kind::opinion_report) {
      c.x("UPDATE outputs SET closed_at = $2 WHERE id = $1", o.id, now_ms);
      set_due(c, o.id, std::nullopt, std::nullopt);
    } else {
      set_due(c, o.id, "verify", cal.deadline_ms(now_ms, cfg.micro_review_working_days));
      notify::send_all(c, notify::staff_of_conference(c, o.conference_id),
                       {"output.replied", "承办单位已答复" + label(o), "", item_link(o, false),
                        std::string(kind_name(kind)), o.id},
                       now_ms);
    }
    ch.note = "已答复";
    if (cls) ch.detail["reply_class"] = *cls;
    progress_for_case =
        label(o) + "已答复：" + text.substr(0, std::min<std::size_t>(text.size(), 300));
  } else if (action == "verify" || action == "review") {
    if (kind == Kind::proposal) {
      if (const auto cls = f.optional_enum("reply_class", {"A", "B", "C"})) {
        c.x("UPDATE outputs SET reply_class = $2 WHERE id = $1", o.id, *cls);
        ch.detail["reply_class"] = *cls;
      }
    }
    ch.note = f.optional_string("note", 500).value_or("答复已审核，请委员评价");
    set_due(c, o.id, "rate", cal.deadline_ms(now_ms, cfg.rating_working_days));
  } else if (action == "rate") {
    const auto rating =
        f.optional_enum("rating", {"satisfied", "basically_satisfied", "unsatisfied"});
    if (!rating) throw Error::invalid_field("rating", "请选择评价", "rating is required");
    const auto comment = f.optional_string("comment", 500).value_or("");
    c.x("UPDATE outputs SET rating = $2, rating_comment = $3 WHERE id = $1", o.id, *rating,
        comment);
    ch.note = *rating == "satisfied"             ? "满意"
              : *rating == "basically_satisfied" ? "基本满意"
                                                 : "不满意";
    if (!comment.empty()) ch.note += "：" + comment;
    ch.detail["rating"] = *rating;
    set_due(c, o.id, std::nullopt, std::nullopt);
    settle_rating = true;
  } else if (action == "redo" || action == "rehandle") {
    c.x("UPDATE outputs SET redo_count = redo_count + 1, rating = NULL WHERE id = $1", o.id);
    const auto due = kind == Kind::proposal ? add_months_ms(now_ms, 1)
                                            : cal.deadline_ms(now_ms, cfg.micro_reply_working_days);
    set_due(c, o.id, "reply", due);
    if (const auto a = lead_agency(c, o)) {
      c.x("UPDATE output_agencies SET status = 'signed' WHERE output_id = $1 AND agency_id = $2",
          o.id, *a);
      tell_agency(c, o, *a, "output.redo", "委员不满意，请重新办理" + label(o),
                  o.rating_comment.value_or(""), now_ms);
    }
    ch.note = f.optional_string("note", 500).value_or("委员不满意，重新办理");
  } else if (action == "close") {
    ch.note = f.optional_string("note", 500).value_or("办结");
    c.x("UPDATE outputs SET closed_at = $2 WHERE id = $1", o.id, now_ms);
    set_due(c, o.id, std::nullopt, std::nullopt);
    progress_for_case = label(o) + "已办结";
  } else if (action == "publish") {
    ch.note = "办理结果已公开";
  } else if (action == "flag") {
    const auto key = f.optional_bool("is_key");
    const auto excellent = f.optional_bool("is_excellent");
    if (!key && !excellent) {
      throw Error::invalid_field("is_key", "请选择重点督办或优秀提案标记",
                                 "is_key or is_excellent");
    }
    c.x("UPDATE outputs SET is_key = COALESCE($2, is_key), is_excellent = COALESCE($3,"
        " is_excellent) WHERE id = $1",
        o.id, key, excellent);
    if (key) ch.detail["is_key"] = *key;
    if (excellent) ch.detail["is_excellent"] = *excellent;
    ch.note = key && *key               ? "列为重点督办提案"
              : excellent && *excellent ? "评为优秀提案"
                                        : "调整标记";
  } else if (action == "approve") {
    ch.note = f.optional_string("note", 500).value_or("审签同意编发");
  } else if (action == "issue") {
    auto number = f.optional_string("number", 30);
    if (!number) {
      number =
          "第" + std::to_string(next_number(c, o.conference_id, kind, china_year(now_ms))) + "期";
    }
    c.x("UPDATE outputs SET number = $2 WHERE id = $1", o.id, *number);
    ch.note = "编入《社情民意》" + *number;
    ch.detail["number"] = *number;
  } else if (action == "send") {
    const auto levels = f.string_array("levels", 4, 20);
    if (levels.empty()) {
      throw Error::invalid_field("levels", "请选择报送的上级政协或党委政府", "levels is required");
    }
    json::array lv;
    for (const auto& l : levels)
      lv.emplace_back(l);
    ch.detail["levels"] = std::move(lv);
    ch.note = "已报送";
    c.x("UPDATE outputs SET closed_at = $2 WHERE id = $1", o.id, now_ms);
  } else if (action == "record_outcome") {
    const auto what =
        f.optional_enum("outcome", {"adopted_above", "instruction", "agency_adoption"});
    if (!what) {
      throw Error::invalid_field("outcome", "请选择登记的结果类型", "outcome is required");
    }
    const auto level =
        f.optional_enum("level", {"national", "provincial", "city", "county", ""}).value_or("");
    const auto by = f.optional_string("by_whom", 60).value_or("");
    const auto text = f.optional_string("text", 1000).value_or("");
    const auto on = f.optional_string("occurred_on", 10)
                        .value_or(calendar::iso_date(calendar::china_date(now_ms)));
    if (!calendar::parse_iso_date(on)) {
      throw Error::invalid_field("occurred_on", "日期格式应为YYYY-MM-DD",
                                 "occurred_on must be YYYY-MM-DD");
    }
    if (*what == "instruction" && by.empty()) {
      throw Error::invalid_field("by_whom", "请填写批示领导", "by_whom is required");
    }
    c.x("INSERT INTO output_outcomes (output_id, kind, level, by_whom, text, occurred_on,"
        " recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        o.id, *what, level, by, text, on, actor.user_id(), now_ms);
    ch.note = *what == "instruction"     ? by + "作出批示"
              : *what == "adopted_above" ? "被上级采用"
                                         : "被" + by + "采纳";
    ch.detail = json::object{{"outcome", *what}, {"level", level}, {"by_whom", by}};
    progress_for_case = label(o) + "：" + ch.note;
  }
  f.reject_unknown();

  c.x("UPDATE outputs SET status = $2, updated_at = $3 WHERE id = $1", o.id, ch.to, now_ms);
  add_event(c, o.id,
            {.action = std::string(action),
             .from = o.status,
             .to = ch.to,
             .party = party,
             .user_id = actor.user_id(),
             .actor_label = party == Party::agency   ? "承办单位"
                            : party == Party::staff  ? "政协工作人员"
                            : party == Party::leader ? "政协领导"
                            : party == Party::system ? "系统"
                                                     : "委员",
             .note = ch.note,
             .detail = ch.detail,
             .remote_addr = actor.remote_addr},
            now_ms);
  audit::record(c, actor,
                {"output." + std::string(action), std::string(kind_name(kind)), o.id,
                 json::object{{"from", o.status}, {"to", ch.to}, {"detail", ch.detail}}});
  // Authors hear of every step others take on what they wrote (Decidim #3974).
  if (party != Party::author && party != Party::coauthor) {
    notify::send_all(
        c, author_users(c, o),
        {"output." + std::string(action), label(o) + "：" + std::string(action_label_zh(w, action)),
         ch.note, item_link(o, true), std::string(kind_name(kind)), o.id},
        now_ms);
  }
  if (progress_for_case && o.source_case_id) {
    cases::record_linked_progress(c, ctx, *o.source_case_id, *progress_for_case, now_ms);
  }

  if (settle_rating) {
    const audit::Actor system{std::nullopt, actor.remote_addr, actor.request_id};
    const auto updated = find_output(c, o.id);
    const bool unsatisfied = updated->rating == "unsatisfied";
    const auto redo = kind == Kind::proposal ? "rehandle" : "redo";
    if (unsatisfied && updated->redo_count < kRedoLimit) {
      apply_action(c, ctx, system, kind, o.id, redo, json::object{}, now_ms);
    } else {
      apply_action(c, ctx, system, kind, o.id, "close", json::object{{"note", "评价后办结"}},
                   now_ms);
    }
  }
}

}  // namespace tongxin::outputs
