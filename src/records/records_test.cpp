// src/records/records_test.cpp
//
// The duty record on both engines: activities and handled cases land in it with points by
// the demo rule set; caps hold; revoking an activity revokes its points; the report draft
// is generated from the record; the PDF renders Chinese text on A4 pages.
#include "records/records.hpp"

#include <gtest/gtest.h>

#include "accounts/migrations.hpp"
#include "cases/migrations.hpp"
#include "contact/contact.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/migrations.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "records/migrations.hpp"
#include "testing/test_database.hpp"

namespace tongxin::records {
namespace {

using namespace std::chrono;

std::string source_dir() {
  const char* d = std::getenv("TONGXIN_SOURCE_DIR");
  return d ? d : ".";
}

class RecordsTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    std::vector<storage::Migration> all;
    for (auto&& list : {core::migrations(), organisation::migrations(), accounts::migrations(),
                        cases::migrations(), contact::migrations(), records::migrations()}) {
      all.insert(all.end(), list.begin(), list.end());
    }
    storage::apply_migrations(*db, all);
    const std::string key(32, 'k');
    static const auto divisions =
        divisions::DivisionIndex::load(source_dir() + "/data/divisions.tsv");
    static const auto cal = calendar::WorkCalendar::load(source_dir() + "/data/holidays");
    ctx = std::make_unique<ServiceContext>(ServiceContext{
        *db, config, divisions, key, cal, std::make_shared<const crypto::FieldCrypto>(key)});
    db->write([&](storage::Connection& c) {
      conference = organisation::create_conference(
          c, *ctx, nobody, {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 14});
      const auto sector = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                                      boost::json::object{{"name", "医药卫生界"}});
      member = organisation::create_record(
          c, *ctx, nobody, "member", conference,
          boost::json::object{{"name", "李秀英"}, {"sector_id", sector}});
    });
  }
  std::int64_t log(const std::string& kind, const std::string& date) {
    return db->write([&](storage::Connection& c) {
      contact::NewActivity a;
      a.kind = kind;
      a.held_on = date;
      a.member_ids = {member};
      a.reached_count = 10;
      a.conference_id = conference;
      return contact::log_activity(c, *ctx, nobody, a, now).id;
    });
  }
  boost::json::object record() {
    return db->write(
        [&](storage::Connection& c) { return duty_record(c, *ctx, member, 2026, now); });
  }
  double total() { return record().at("points").at("total").to_number<double>(); }

  const std::int64_t now =
      duration_cast<milliseconds>(sys_days{2026y / November / 20}.time_since_epoch()).count();
  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "test"};
  std::int64_t conference = 0, member = 0;
};

TEST_P(RecordsTest, ActivitiesEarnPointsUpToTheirCaps) {
  log("reception_day", "2026-03-11");  // 3
  log("inspection", "2026-04-02");     // 3
  for (int i = 0; i < 6; ++i)
    log("salon", "2026-05-0" + std::to_string(i + 1));  // 1 each, cap 4
  const auto r = record();
  EXPECT_DOUBLE_EQ(r.at("points").at("total").to_number<double>(), 10);
  EXPECT_EQ(r.at("totals").at("activities").as_int64(), 8);
  EXPECT_EQ(r.at("totals").at("people_reached").as_int64(), 80);
  EXPECT_EQ(r.at("items").as_array().size(), 8U);
  EXPECT_EQ(r.at("points").at("grade_label").as_string(), "不称职");
  EXPECT_DOUBLE_EQ(total(), 10);  // recomputing changes nothing
}

TEST_P(RecordsTest, RevokingTheSourceRevokesItsPoints) {
  const auto a = log("reception_day", "2026-03-11");
  log("visit", "2026-03-12");
  EXPECT_DOUBLE_EQ(total(), 4);
  db->write([&](storage::Connection& c) {
    c.x("UPDATE activities SET revoked_at = 1 WHERE id = $1", a);
  });
  EXPECT_DOUBLE_EQ(total(), 1);
  const auto revoked = db->read([&](storage::Connection& c) {
    return c.q("SELECT COUNT(*) FROM points_ledger WHERE revoked_at IS NOT NULL").front().int64(0);
  });
  EXPECT_EQ(revoked, 1);
}

TEST_P(RecordsTest, TheReportDraftComesFromTheRecord) {
  log("visit", "2026-03-12");
  const auto text = draft_report_text(record());
  EXPECT_NE(text.find("2026年"), std::string::npos);
  EXPECT_NE(text.find("医药卫生界委员"), std::string::npos);
  EXPECT_NE(text.find("履职活动1次"), std::string::npos);
  EXPECT_NE(text.find("联系群众10人次"), std::string::npos);
}

TONGXIN_INSTANTIATE_ENGINES(RecordsTest);

TEST(DutyReportPdf, RendersChineseOnA4PagesAndPaginates) {
  std::string text;
  for (int i = 0; i < 80; ++i)
    text += "　　这是第" + std::to_string(i + 1) + "段，委员联系界别群众、办理群众诉求的情况。\n";
  const auto pdf = render_report_pdf("2026年度委员述职报告", "李秀英　医药卫生界", text);
  ASSERT_GT(pdf.size(), 1000U);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  // Several pages, and the CJK font embedded.
  std::size_t pages = 0;
  for (auto pos = pdf.find("/Type /Page\n"); pos != std::string::npos;
       pos = pdf.find("/Type /Page\n", pos + 1))
    ++pages;
  for (auto pos = pdf.find("/Type /Page "); pos != std::string::npos;
       pos = pdf.find("/Type /Page ", pos + 1))
    ++pages;
  EXPECT_GE(pages, 2U);
  EXPECT_NE(pdf.find("NotoSerifCJK"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::records
