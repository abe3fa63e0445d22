// src/core/divisions/divisions_test.cpp
#include "core/divisions/divisions.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace tongxin::divisions {
namespace {

std::shared_ptr<const DivisionIndex> index() {
  static auto idx = [] {
    const char* src = std::getenv("TONGXIN_SOURCE_DIR");
    return DivisionIndex::load(std::string(src ? src : ".") + "/data/divisions.tsv");
  }();
  return idx;
}

TEST(Divisions, NormalisesCodes) {
  EXPECT_EQ(normalize_code("620102"), "620102000000");
  EXPECT_EQ(normalize_code("620102001"), "620102001000");
  EXPECT_EQ(normalize_code("620102001000"), "620102001000");
  EXPECT_EQ(normalize_code("62010"), std::nullopt);
  EXPECT_EQ(normalize_code("62a102"), std::nullopt);
  EXPECT_EQ(normalize_code(""), std::nullopt);
}

TEST(Divisions, SubtreePrefixByLevel) {
  EXPECT_EQ(subtree_prefix("620000000000"), "62");
  EXPECT_EQ(subtree_prefix("620100000000"), "6201");
  EXPECT_EQ(subtree_prefix("620102000000"), "620102");
  EXPECT_EQ(subtree_prefix("620102001000"), "620102001");
}

TEST(Divisions, SubtreeRangeHoldsExactlyTheDescendants) {
  const auto [lo, hi] = subtree_range("620102000000");
  EXPECT_EQ(lo, "620102");
  EXPECT_EQ(hi, "620103");
  for (const std::string inside : {"620102000000", "620102001000", "620102999999"}) {
    EXPECT_TRUE(inside >= lo && inside < hi) << inside;
  }
  for (const std::string outside : {"620101999999", "620103000000", "620112000000"}) {
    EXPECT_FALSE(outside >= lo && outside < hi) << outside;
  }
  // A prefix ending in 9 still bounds its subtree.
  const auto [lo9, hi9] = subtree_range("620109000000");
  EXPECT_TRUE(std::string("620109123456") < hi9);
  EXPECT_FALSE(std::string("620110000000") < hi9);
}

TEST(Divisions, LoadsTheRealTree) {
  const auto idx = index();
  EXPECT_GT(idx->size(), 40000u);
  const auto* d = idx->find("620102");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name, "城关区");
  EXPECT_EQ(d->level, Level::county);
  EXPECT_EQ(idx->full_name("620102"), "甘肃省兰州市城关区");
  EXPECT_EQ(idx->full_name("110101"), "北京市东城区");  // the 市辖区 placeholder is skipped
  EXPECT_TRUE(idx->contains("620100", "620102002"));
  EXPECT_FALSE(idx->contains("620102", "620103"));
  EXPECT_EQ(idx->find("999999"), nullptr);
}

TEST(Divisions, Children) {
  const auto idx = index();
  EXPECT_EQ(idx->children("").size(), 31u);  // provinces, autonomous regions, municipalities
  const auto lanzhou = idx->children("620100");
  EXPECT_GE(lanzhou.size(), 8u);
  bool found = false;
  for (const auto* c : idx->children("620102"))
    found |= c->name == "张掖路街道";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tongxin::divisions
