// src/outputs/create.cpp
//
// A new draft: who wrote it (first author, co-signers, or a sector or studio collectively),
// what it says, and where it came from (a case the member converts).
#include <algorithm>
#include <set>

#include "cases/cases.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"
#include "outputs/internal.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

// One matter per opinion report, up to 1,500 characters (workflows.md §4).
std::size_t max_body_chars(Kind k) {
  switch (k) {
    case Kind::opinion_report:
      return 1500;
    case Kind::micro_suggestion:
      return 3000;
    case Kind::proposal:
      return 20000;
  }
  return 3000;
}

std::vector<std::string_view> authorships(Kind k) {
  switch (k) {
    case Kind::proposal:
      return {"individual", "joint", "sector"};
    case Kind::opinion_report:
    case Kind::micro_suggestion:
      return {"individual", "joint", "studio"};
  }
  return {"individual"};
}

organisation::MemberBrief member_or_400(storage::Connection& c, std::int64_t id,
                                        const std::string& field) {
  const auto m = organisation::find_member(c, id);
  if (!m) throw Error::invalid_field(field, "委员不存在", "unknown member");
  return *m;
}

}  // namespace

std::int64_t create_output(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, Kind kind, const json::object& body,
                           std::int64_t now_ms) {
  if (!actor.principal) {
    throw Error::unauthorized("auth.required", "请先登录", "login required");
  }
  const auto& p = *actor.principal;
  tongxin::json::FieldReader f(body);
  const auto title = f.required_string("title", 100);
  const auto text = f.required_string("body", max_body_chars(kind));
  const auto category = f.optional_string("category", 30).value_or("");
  const auto authorship = f.optional_enum("authorship", authorships(kind)).value_or("individual");
  const auto coauthor_ids = f.int_array("coauthor_ids", 50);
  const auto member_id = f.optional_int("member_id");
  const auto sector_id = f.optional_int("sector_id");
  const auto studio_id = f.optional_int("studio_id");
  const auto source_case_id = f.optional_int("source_case_id");
  const auto term = f.optional_int("term");
  const auto session = f.optional_int("session");
  const auto in_session = f.optional_bool("in_session").value_or(false);
  const auto submit = f.optional_bool("submit").value_or(false);
  f.reject_unknown();

  // The case it comes from, if any: its handling member may be named as the author by
  // whoever converts it (the case's own workflow decides who may, below).
  std::optional<cases::CaseMatter> matter;
  if (source_case_id) {
    matter = cases::find_matter(c, *source_case_id);
    if (!matter) {
      throw Error::not_found("case.not_found", "诉求不存在或无权查看", "case not found");
    }
  }
  // The first author: the caller's member, or one that staff enter for.
  const bool staff = p.has_any({auth::Role::staff, auth::Role::admin});
  std::int64_t first = 0;
  if (member_id && (!p.member_id || *member_id != *p.member_id)) {
    const bool handler_of_case = matter && matter->member_id == member_id;
    if (!staff && !handler_of_case) {
      throw Error::forbidden("output.not_author", "只能以本人名义提交",
                             "you may write only as yourself");
    }
    first = *member_id;
  } else if (p.member_id) {
    first = *p.member_id;
  } else {
    throw Error::invalid_field("member_id", "请选择领衔委员", "member_id is required");
  }
  const auto author = member_or_400(c, first, "member_id");
  if (!organisation::in_scope(c, p, author.conference_id) && p.member_id != first && !matter) {
    throw Error::forbidden("output.out_of_scope", "该委员不在您的管理范围内",
                           "the member is outside your scope");
  }

  // Co-signers: other live members of the same conference, each once.
  std::vector<std::int64_t> coauthors;
  for (const auto id : coauthor_ids) {
    if (id == first || std::find(coauthors.begin(), coauthors.end(), id) != coauthors.end()) {
      continue;
    }
    const auto m = member_or_400(c, id, "coauthor_ids");
    if (m.conference_id != author.conference_id) {
      throw Error::invalid_field("coauthor_ids", "联名委员须为本级政协委员",
                                 "co-signers must be members of the same conference");
    }
    coauthors.push_back(id);
  }
  if (authorship == "joint" && coauthors.empty()) {
    throw Error::invalid_field("coauthor_ids", "联名提交须至少有一位联名委员",
                               "a joint item needs at least one co-signer");
  }
  if (authorship == "individual" && !coauthors.empty()) {
    throw Error::invalid_field("authorship", "有联名委员时请选择联名提交",
                               "co-signers make the item joint");
  }
  if (authorship == "sector") {
    if (!sector_id) {
      throw Error::invalid_field("sector_id", "界别集体提案须选择界别", "sector_id is required");
    }
    if (author.sector_id != sector_id) {
      throw Error::invalid_field("sector_id", "领衔委员须属于该界别",
                                 "the first author must belong to the sector");
    }
  }
  if (authorship == "studio") {
    if (!studio_id) {
      throw Error::invalid_field("studio_id", "请选择委员工作室", "studio_id is required");
    }
    const auto s = organisation::find_studio(c, *studio_id);
    if (!s || s->conference_id != author.conference_id) {
      throw Error::invalid_field("studio_id", "委员工作室不存在或不属于本级政协", "unknown studio");
    }
  }
  if (term && (*term < 1 || *term > 30)) {
    throw Error::invalid_field("term", "届次应在1至30之间", "term must be 1..30");
  }
  if (session && (*session < 1 || *session > 10)) {
    throw Error::invalid_field("session", "会次应在1至10之间", "session must be 1..10");
  }

  const auto ins = c.q(
      "INSERT INTO outputs (kind, conference_id, title, body, category, status, authorship,"
      " sector_id, studio_id, source_case_id, term, session, in_session, created_by, created_at,"
      " updated_at) VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11, $12, $13, $14,"
      " $14) RETURNING id",
      std::string(kind_name(kind)), author.conference_id, title, text, category, authorship,
      authorship == "sector" ? sector_id : author.sector_id, studio_id, source_case_id, term,
      session, in_session, actor.user_id(), now_ms);
  const auto id = ins.front().int64(0);
  // Proposals need each co-signer's own confirmation (联名须本人确认); other kinds do not.
  c.x("INSERT INTO output_authors (output_id, member_id, position, confirmed_at) VALUES ($1, $2,"
      " 1, $3)",
      id, first, now_ms);
  int position = 2;
  for (const auto m : coauthors) {
    c.x("INSERT INTO output_authors (output_id, member_id, position, confirmed_at) VALUES ($1,"
        " $2, $3, $4)",
        id, m, position++,
        kind == Kind::proposal ? std::optional<std::int64_t>() : std::optional(now_ms));
  }
  add_event(c, id,
            {.action = "create",
             .from = "",
             .to = "draft",
             .party = p.member_id == first ? Party::author : Party::staff,
             .user_id = actor.user_id(),
             .actor_label = p.member_id == first ? author.name : "政协工作人员",
             .note = "起草",
             .remote_addr = actor.remote_addr},
            now_ms);

  if (matter) {
    const auto& k = matter;
    if (k->conference_id != author.conference_id) {
      throw Error::invalid_field("source_case_id", "诉求不属于本级政协",
                                 "the case belongs to another conference");
    }
    // The case's own workflow decides whether the caller may convert it now.
    cases::apply_action(
        c, ctx, actor, k->id, cases::Action::convert,
        json::object{{"target", kind_name(kind)},
                     {"note", "已转化为" + std::string(kind_label_zh(kind)) + "：“" + title + "”"}},
        now_ms);
  }
  audit::record(c, actor,
                {"output.create", std::string(kind_name(kind)), id,
                 json::object{{"authorship", authorship},
                              {"authors", static_cast<std::int64_t>(coauthors.size() + 1)},
                              {"source_case_id", source_case_id ? json::value(*source_case_id)
                                                                : json::value(nullptr)}}});
  if (submit) apply_action(c, ctx, actor, kind, id, "submit", json::object{}, now_ms);
  return id;
}

}  // namespace tongxin::outputs
