// src/cases/service_test.cpp
//
// The services behind the cases routes, without HTTP, on both engines: only the handling
// member sees a citizen's contact, and each view is audited; common issues are read
// within scope; SMS codes are used once and give out after five wrong attempts; the
// full-text index (core/storage/search_index) forgets a row's old tokens.
#include "cases/service.hpp"

#include <gtest/gtest.h>

#include "cases/internal.hpp"
#include "cases/list.hpp"
#include "cases/testing_fixture.hpp"
#include "core/error.hpp"

namespace tongxin::cases {
namespace {

using test::CasesWorld;
using test::china_ms;

class CaseServices : public CasesWorld {
 protected:
  int status_of_error(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  }
};

TEST_P(CaseServices, OnlyTheHandlingMemberSeesTheContactAndEachViewIsAudited) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto named = submit_case("楼道里的灯坏了", t0, true).id;
  const auto anonymous = submit_case("小区门口积水", t0).id;
  act(as_staff(), named, Action::assign, {{"member_id", member_a}}, t0);
  act(as_staff(), anonymous, Action::assign, {{"member_id", member_a}}, t0);
  const auto view = [&](const audit::Actor& a, std::int64_t id) {
    return db->write([&](storage::Connection& c) {
      return view_contact(c, *ctx, a, load_case_or_404(c, id), t0);
    });
  };
  EXPECT_EQ(status_of_error([&] { view(as_member_b(), named); }), 403);
  EXPECT_EQ(status_of_error([&] { view(as_staff(), named); }), 403);
  EXPECT_EQ(status_of_error([&] { view(as_member_a(), anonymous); }), 404);
  const auto contact = view(as_member_a(), named);
  EXPECT_EQ(contact.name, "赵丽华");
  EXPECT_EQ(contact.phone, "13912345678");
  db->read([&](storage::Connection& c) {
    EXPECT_EQ(c.q("SELECT COUNT(*) FROM audit_log WHERE action = 'case.view_contact' AND"
                  " object_id = $1",
                  named)
                  .front()
                  .int64(0),
              1);
    EXPECT_EQ(c.q("SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND type = 'view_contact'"
                  " AND is_public = $2",
                  named, false)
                  .front()
                  .int64(0),
              1);
  });
}

TEST_P(CaseServices, CommonIssuesMergeReadableCasesAndAreReadInScope) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto a = submit_case("雁滩路3号院的路灯坏了", t0).id;
  const auto b = submit_case("三号院门口路灯不亮", t0).id;
  const auto merged = db->write([&](storage::Connection& c) {
    return merge_into_cluster(c, *ctx, as_staff(), a, {b}, std::string("路灯"), t0);
  });
  ASSERT_TRUE(merged.cluster_id);
  EXPECT_EQ(merged.merged, 1u);
  const auto cluster = db->read([&](storage::Connection& c) {
    return find_cluster(c, *as_staff().principal, *merged.cluster_id);
  });
  EXPECT_EQ(cluster.title, "路灯");
  ASSERT_EQ(cluster.cases.size(), 2u);
  EXPECT_EQ(cluster.cases[0].id, a);
  EXPECT_EQ(status_of_error([&] {
              db->read([&](storage::Connection& c) {
                return find_cluster(c, *as_staff().principal, *merged.cluster_id + 100);
              });
            }),
            404);
  // A member with no part in the cases may not merge them.
  const auto d = submit_case("路灯又坏了", t0).id;
  EXPECT_EQ(status_of_error([&] {
              db->write([&](storage::Connection& c) {
                return merge_into_cluster(c, *ctx, as_member_b(), a, {d}, std::nullopt, t0);
              });
            }),
            404);
}

TEST_P(CaseServices, SmsCodesAreUsedOnceAndGiveOutAfterFiveWrongAttempts) {
  const auto t0 = china_ms(2026, 3, 2);
  const std::string phone = "13912345678";
  db->write([&](storage::Connection& c) { send_sms_code(c, *ctx, phone, t0); });
  EXPECT_EQ(status_of_error([&] {
              db->write([&](storage::Connection& c) { send_sms_code(c, *ctx, phone, t0 + 1000); });
            }),
            429);
  const auto code = db->read([&](storage::Connection& c) {
    const auto body = c.q("SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1").front().text(0);
    const auto at = body.find("验证码为") + std::string("验证码为").size();
    return body.substr(at, 6);
  });
  const auto check = [&](const std::string& given, std::int64_t now) {
    return db->write(
        [&](storage::Connection& c) { return consume_sms_code(c, *ctx, phone, given, now); });
  };
  const std::string wrong = code == "000000" ? "111111" : "000000";
  EXPECT_EQ(check(wrong, t0 + 1), CodeCheck::wrong);
  EXPECT_EQ(check(code, t0 + 2), CodeCheck::ok);
  EXPECT_EQ(check(code, t0 + 3), CodeCheck::missing);
  EXPECT_EQ(check(code, t0 + kSmsCodeTtlMs + 1), CodeCheck::missing);

  const auto later = t0 + 2 * 24 * 3600 * 1000LL;
  db->write([&](storage::Connection& c) { send_sms_code(c, *ctx, phone, later); });
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(check(wrong, later + 1), CodeCheck::wrong);
  EXPECT_EQ(check(wrong, later + 2), CodeCheck::exhausted);
}

TEST_P(CaseServices, TheSearchIndexForgetsOldTokens) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("建兰路下水道堵塞", t0).id;
  const auto search = [&](const std::string& q) {
    ListFilter f;
    f.q = q;
    return db
        ->read([&](storage::Connection& c) {
          return list_json(list_cases(c, *as_staff().principal, f, t0));
        })
        .at("items")
        .as_array()
        .size();
  };
  EXPECT_EQ(search("下水道"), 1u);
  db->write([&](storage::Connection& c) {
    const auto k = load_case_or_404(c, id);
    index_case(c, id, k.tokens, "", "小区供暖不热", "");
  });
  EXPECT_EQ(search("下水道"), 0u);
  EXPECT_EQ(search("供暖"), 1u);
  db->write([&](storage::Connection& c) {
    const auto k = load_case_or_404(c, id);
    case_search_index().remove(c, id, k.tokens);
  });
  EXPECT_EQ(search("供暖"), 0u);
}

TONGXIN_INSTANTIATE_ENGINES(CaseServices);

}  // namespace
}  // namespace tongxin::cases
