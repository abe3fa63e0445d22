// src/organisation/entity_test.cpp
//
// The entity engine as a service, without HTTP, on both engines: what a staff member of a
// conference may list, create, change and archive, and what they may not.
#include "organisation/entity.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/migrations.hpp"
#include "organisation/entity_specs.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "testing/principals.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::organisation {
namespace {

namespace json = boost::json;

class EntityEngine : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(*db, {core::migrations(), organisation::migrations()});
    ctx = testing::make_service_context(*db, config);
    db->write([&](storage::Connection& c) {
      city = create_conference(c, *ctx, nobody,
                               {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 14});
      county = create_conference(c, *ctx, nobody,
                                 {"城关区政协", "城关", "county", "620102000000", city, 10});
      other = create_conference(c, *ctx, nobody,
                                {"天水市政协", "天水", "city", "620500000000", std::nullopt, 14});
    });
    city_staff = testing::as::staff(city);
    county_staff = testing::as::staff(county);
    member = testing::as::member(city, 3);
  }

  json::object save(const auth::Principal& p, std::optional<std::int64_t> id,
                    const json::object& body, const EntitySpec& spec = sector_spec()) {
    return db->write([&](storage::Connection& c) {
      return save_entity(c, *ctx, spec, p, {p, "127.0.0.1", "test"}, id, body);
    });
  }
  std::vector<std::string> names(const auth::Principal& p, const EntityQuery& q = {}) {
    const auto page = db->read(
        [&](storage::Connection& c) { return list_entities(c, *ctx, sector_spec(), p, q); });
    std::vector<std::string> out;
    for (const auto& o : page.items)
      out.emplace_back(o.at("name").as_string());
    return out;
  }
  static std::string code_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return "";
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "test"};
  std::int64_t city = 0, county = 0, other = 0;
  auth::Principal city_staff, county_staff, member;
};

TEST_P(EntityEngine, StaffSeeTheirConferenceAndTheLevelsBelowOnly) {
  if (!db) return;
  save(city_staff, std::nullopt, {{"name", "教育界"}});
  save(county_staff, std::nullopt, {{"name", "医药卫生界"}});
  db->write([&](storage::Connection& c) {
    create_record(c, *ctx, nobody, "sector", other, json::object{{"name", "经济界"}});
  });
  auto city_sees = names(city_staff);
  std::sort(city_sees.begin(), city_sees.end());
  EXPECT_EQ(city_sees, (std::vector<std::string>{"医药卫生界", "教育界"}));
  EXPECT_EQ(names(county_staff), std::vector<std::string>{"医药卫生界"});
}

TEST_P(EntityEngine, ListsPageByIdAndFilterByNameOrPinyin) {
  if (!db) return;
  for (const auto* name : {"教育界", "医药卫生界", "经济界"})
    save(city_staff, std::nullopt, {{"name", name}});
  EXPECT_EQ(names(city_staff, {.q = "jiaoyu"}), std::vector<std::string>{"教育界"});
  EXPECT_EQ(names(city_staff, {.q = "经济"}), std::vector<std::string>{"经济界"});

  const auto first = db->read([&](storage::Connection& c) {
    return list_entities(c, *ctx, sector_spec(), city_staff, {.limit = 2});
  });
  ASSERT_EQ(first.items.size(), 2U);
  ASSERT_TRUE(first.next_after);
  EXPECT_EQ(names(city_staff, {.after_id = first.next_after, .limit = 2}),
            std::vector<std::string>{"经济界"});
}

TEST_P(EntityEngine, WritesAreCheckedBeforeAnythingIsStored) {
  if (!db) return;
  EXPECT_EQ(code_of([&] { save(member, std::nullopt, {{"name", "教育界"}}); }), "auth.forbidden");
  EXPECT_EQ(code_of([&] {
              save(city_staff, std::nullopt, {{"name", "教育界"}, {"colour", "红"}});
            }),
            "validation.unknown_field");
  EXPECT_EQ(code_of([&] {
              save(county_staff, std::nullopt, {{"name", "教育界"}, {"conference_id", city}});
            }),
            "validation.invalid_field");
  EXPECT_TRUE(names(city_staff).empty());

  const auto sector = save(city_staff, std::nullopt, {{"name", "教育界"}});
  const auto id = sector.at("id").as_int64();
  EXPECT_EQ(code_of([&] {
              save(city_staff, id, {{"conference_id", county}});
            }),
            "validation.invalid_field");
  const auto renamed = save(city_staff, id, {{"name", "教育科技界"}});
  EXPECT_EQ(renamed.at("name").as_string(), "教育科技界");
  // The county's staff cannot reach the city's row at all.
  EXPECT_EQ(code_of([&] { save(county_staff, id, {{"name", "x"}}); }), "sector.not_found");
}

TEST_P(EntityEngine, ArchivedRowsLeaveTheListButStayReadable) {
  if (!db) return;
  const auto id = save(city_staff, std::nullopt, {{"name", "教育界"}}).at("id").as_int64();
  EXPECT_EQ(code_of([&] {
              db->write([&](storage::Connection& c) {
                archive_entity(c, sector_spec(), member, {member, "127.0.0.1", "t"}, id);
              });
            }),
            "auth.forbidden");
  const auto archived = db->write([&](storage::Connection& c) {
    return archive_entity(c, sector_spec(), city_staff, {city_staff, "127.0.0.1", "t"}, id);
  });
  EXPECT_TRUE(archived.at("archived").as_bool());
  EXPECT_TRUE(names(city_staff).empty());
  EXPECT_EQ(names(city_staff, {.include_archived = true}), std::vector<std::string>{"教育界"});
  const auto read = db->read(
      [&](storage::Connection& c) { return get_entity(c, sector_spec(), city_staff, id); });
  EXPECT_EQ(read.at("name").as_string(), "教育界");
}

TEST_P(EntityEngine, AnUnknownDivisionIsAnErrorOnThatField) {
  if (!db) return;
  EXPECT_EQ(code_of([&] {
              db->read([&](storage::Connection& c) {
                return list_entities(c, *ctx, studio_spec(), city_staff,
                                     {.division_code = "999999999999"});
              });
            }),
            "validation.invalid_field");
}

TONGXIN_INSTANTIATE_ENGINES(EntityEngine);

}  // namespace
}  // namespace tongxin::organisation
