// src/core/storage/storage_test.cpp
//
// The storage contract, on both engines: values round-trip exactly, a unit of work is all
// or nothing, constraint violations have kinds, concurrent writers lose nothing.
#include <gtest/gtest.h>

#include <limits>
#include <thread>

#include "core/storage/db_error.hpp"
#include "testing/test_database.hpp"

namespace tongxin::storage {
namespace {

using testing::EngineTest;

class StorageTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    db->write([](Connection& c) {
      c.execute_script(c.dialect().expand_ddl(
          "CREATE TABLE item (id {{id}}, name {{text}} NOT NULL UNIQUE, n {{bigint}},"
          " x {{real}}, flag {{bool}} NOT NULL DEFAULT {{false}}, note {{text}},"
          " CHECK (n IS NULL OR n <> 13));"
          "CREATE TABLE part (id {{id}}, item_id {{bigint}} NOT NULL REFERENCES item(id))"));
    });
  }
};

TEST_P(StorageTest, ValuesRoundTripExactly) {
  const std::int64_t big = (std::int64_t{1} << 53) + 1;  // not representable as a double
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  db->write([&](Connection& c) {
    c.x("INSERT INTO item (name, n, x, flag, note) VALUES ($1, $2, $3, $4, $5)", "大", big, 0.1,
        true, "它说：\"你好\" 'ok' \\ %_");
    c.x("INSERT INTO item (name, n, flag, note) VALUES ($1, $2, $3, $4)", "max", max, false, "");
    c.x("INSERT INTO item (name, n, flag) VALUES ($1, $2, $3)", "min", min, false);
  });
  db->read([&](Connection& c) {
    const auto r = c.q("SELECT name, n, x, flag, note FROM item ORDER BY id");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].text("name"), "大");
    EXPECT_EQ(r[0].int64("n"), big);
    EXPECT_DOUBLE_EQ(r[0].real("x"), 0.1);
    EXPECT_TRUE(r[0].boolean("flag"));
    EXPECT_EQ(r[0].text("note"), "它说：\"你好\" 'ok' \\ %_");
    EXPECT_EQ(r[1].int64("n"), max);
    EXPECT_FALSE(r[1].boolean("flag"));
    EXPECT_EQ(r[1].opt_text("note"), std::optional<std::string>(""));  // empty is not NULL
    EXPECT_EQ(r[2].int64("n"), min);
    EXPECT_TRUE(r[2].is_null("note"));
    EXPECT_EQ(r[2].opt_text("note"), std::nullopt);
    EXPECT_EQ(r[2].opt_real("x"), std::nullopt);
  });
}

TEST_P(StorageTest, ReturningAndUpsert) {
  const auto id = db->write([](Connection& c) {
    return c.q("INSERT INTO item (name, n) VALUES ($1, $2) RETURNING id", "a", 1)
        .front()
        .int64("id");
  });
  EXPECT_GT(id, 0);
  db->write([](Connection& c) {
    c.x("INSERT INTO item (name, n) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET n = "
        "excluded.n",
        "a", 7);
  });
  const auto n = db->read([](Connection& c) {
    return c.q("SELECT n FROM item WHERE name = $1", "a").front().int64(0);
  });
  EXPECT_EQ(n, 7);
}

TEST_P(StorageTest, AUnitOfWorkIsAllOrNothing) {
  EXPECT_THROW(db->write([](Connection& c) {
    c.x("INSERT INTO item (name) VALUES ($1)", "kept?");
    throw std::runtime_error("crash in the middle of a unit of work");
  }),
               std::runtime_error);
  EXPECT_THROW(db->write([](Connection& c) {
    c.x("INSERT INTO item (name) VALUES ($1)", "first");
    c.x("INSERT INTO item (name) VALUES ($1)", "first");  // unique violation
  }),
               DbError);
  const auto count =
      db->read([](Connection& c) { return c.q("SELECT COUNT(*) FROM item").front().int64(0); });
  EXPECT_EQ(count, 0);
  // The connection is usable afterwards.
  db->write([](Connection& c) { c.x("INSERT INTO item (name) VALUES ($1)", "after"); });
}

TEST_P(StorageTest, ConstraintViolationsHaveKinds) {
  db->write([](Connection& c) { c.x("INSERT INTO item (name) VALUES ($1)", "x"); });
  const auto kind_of = [&](auto&& unit) {
    try {
      db->write(unit);
    } catch (const DbError& e) {
      return e.kind();
    }
    return DbErrorKind::other;
  };
  EXPECT_EQ(kind_of([](Connection& c) { c.x("INSERT INTO item (name) VALUES ($1)", "x"); }),
            DbErrorKind::unique_violation);
  EXPECT_EQ(kind_of([](Connection& c) { c.x("INSERT INTO part (item_id) VALUES ($1)", 999); }),
            DbErrorKind::foreign_key_violation);
  EXPECT_EQ(kind_of([](Connection& c) { c.x("INSERT INTO item (n) VALUES ($1)", 1); }),
            DbErrorKind::not_null_violation);
  EXPECT_EQ(kind_of([](Connection& c) { c.x("INSERT INTO item (name, n) VALUES ($1, 13)", "y"); }),
            DbErrorKind::check_violation);
}

TEST_P(StorageTest, WrongParameterCountIsAnError) {
  EXPECT_THROW(db->read([](Connection& c) { c.q("SELECT $1 || $2", "a"); }), DbError);
  EXPECT_THROW(db->read([](Connection& c) { c.q("SELEKT 1"); }), DbError);
}

TEST_P(StorageTest, RowAccessorsRejectWrongTypes) {
  db->write([](Connection& c) { c.x("INSERT INTO item (name, n) VALUES ($1, $2)", "t", 5); });
  db->read([](Connection& c) {
    const auto r = c.q("SELECT name, n FROM item");
    EXPECT_THROW(r[0].int64("name"), DbError);
    EXPECT_THROW(r[0].text("missing"), DbError);
    EXPECT_EQ(r[0].text("n"), "5");
  });
}

TEST_P(StorageTest, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 4;
  constexpr int kEach = 100;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        db->write([&](Connection& c) {
          c.x("INSERT INTO item (name, n) VALUES ($1, $2)",
              "w" + std::to_string(t) + "-" + std::to_string(i), i + 100);
        });
        if (i % 10 == 0) {
          db->read([](Connection& c) { c.q("SELECT COUNT(*) FROM item"); });
        }
      }
    });
  }
  for (auto& th : threads)
    th.join();
  const auto count =
      db->read([](Connection& c) { return c.q("SELECT COUNT(*) FROM item").front().int64(0); });
  EXPECT_EQ(count, kThreads * kEach);
  const auto stats = db->stats();
  EXPECT_EQ(stats.in_use, 0u);
  EXPECT_GE(stats.size, 1u);
}

TEST_P(StorageTest, CaseInsensitiveMatchEscapesWildcards) {
  db->write([](Connection& c) {
    c.x("INSERT INTO item (name) VALUES ($1)", "城关区皋兰路街道工作室");
    c.x("INSERT INTO item (name) VALUES ($1)", "100% 满意");
    c.x("INSERT INTO item (name) VALUES ($1)", "100 满意");
    c.x("INSERT INTO item (name) VALUES ($1)", "WangXiaoMing");
  });
  const auto names = [&](const std::string& needle) {
    return db->read([&](Connection& c) {
      const auto sql =
          "SELECT name FROM item WHERE " + c.dialect().ilike("name", "$1") + " ORDER BY name";
      std::vector<std::string> out;
      for (const auto row : c.q(sql, "%" + Dialect::like_escape(needle) + "%")) {
        out.push_back(row.text(0));
      }
      return out;
    });
  };
  EXPECT_EQ(names("皋兰路"), std::vector<std::string>{"城关区皋兰路街道工作室"});
  EXPECT_EQ(names("100%"), std::vector<std::string>{"100% 满意"});
  EXPECT_EQ(names("wangxiao"), std::vector<std::string>{"WangXiaoMing"});
}

TEST_P(StorageTest, StatementCacheServesRepeatedQueries) {
  for (int i = 0; i < 500; ++i) {
    db->write([&](Connection& c) {
      c.x("INSERT INTO item (name, n) VALUES ($1, $2)", "r" + std::to_string(i), i * 2);
    });
  }
  const auto sum = db->read([](Connection& c) {
    std::int64_t total = 0;
    for (int i = 0; i < 500; ++i) {
      total += c.q("SELECT n FROM item WHERE name = $1", "r" + std::to_string(i)).front().int64(0);
    }
    return total;
  });
  EXPECT_EQ(sum, 499 * 500);
}

TEST_P(StorageTest, PingAndReadiness) {
  EXPECT_TRUE(db->ping());
}

TONGXIN_INSTANTIATE_ENGINES(StorageTest);

TEST(DatabaseOpen, RejectsUnknownSchemes) {
  DatabaseOptions o;
  o.url = "mysql://localhost/x";
  EXPECT_THROW(Database::open(o), DbError);
}

TEST(Dialect, ExpandsPlaceholdersPerEngine) {
  const Dialect sqlite(Engine::sqlite);
  const Dialect pg(Engine::postgres);
  EXPECT_EQ(sqlite.expand_ddl("a {{id}}, b {{bool}} DEFAULT {{true}}"),
            "a INTEGER PRIMARY KEY, b INTEGER DEFAULT 1");
  EXPECT_EQ(pg.expand_ddl("b {{bool}} DEFAULT {{true}}"), "b BOOLEAN DEFAULT TRUE");
  EXPECT_THROW(pg.expand_ddl("x {{bogus}}"), DbError);
  EXPECT_THROW(pg.expand_ddl("x {{id"), DbError);
}

TEST(Dialect, KeepsEngineSectionsOnlyForTheirEngine) {
  const std::string sql =
      "CREATE TABLE t (a {{int}});\n-- @sqlite\nCREATE VIRTUAL TABLE f USING fts5(x);\n-- @end\n"
      "-- @postgres\nALTER TABLE t ADD COLUMN v tsvector;\n-- @end\n";
  const Dialect sqlite(Engine::sqlite);
  const Dialect pg(Engine::postgres);
  EXPECT_EQ(sqlite.expand_ddl(sql),
            "CREATE TABLE t (a INTEGER);\nCREATE VIRTUAL TABLE f USING fts5(x);\n");
  EXPECT_EQ(pg.expand_ddl(sql),
            "CREATE TABLE t (a INTEGER);\nALTER TABLE t ADD COLUMN v tsvector;\n");
  EXPECT_THROW(pg.expand_ddl("-- @sqlite\nx\n"), DbError);
  EXPECT_THROW(pg.expand_ddl("x\n-- @end\n"), DbError);
}

}  // namespace
}  // namespace tongxin::storage
