// src/core/json/fields_test.cpp
#include "core/json/fields.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace tongxin::json {
namespace {

std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 400);
    return std::string(e.details().as_object().at("field").as_string());
  }
  return "";
}

TEST(FieldReader, ReadsAndValidates) {
  const auto o =
      boost::json::parse(
          R"({"name":"  王小明 ","n":3,"x":1.5,"ok":true,"tags":["a"," ","b"],"ids":[1,2]})")
          .as_object();
  FieldReader r(o);
  EXPECT_EQ(r.required_string("name"), "王小明");
  EXPECT_EQ(r.required_int("n"), 3);
  EXPECT_EQ(r.optional_double("x"), 1.5);
  EXPECT_EQ(r.optional_bool("ok"), true);
  EXPECT_EQ(r.string_array("tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.int_array("ids"), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(r.optional_string("absent"), std::nullopt);
  EXPECT_NO_THROW(r.reject_unknown());
}

TEST(FieldReader, NamesTheBadField) {
  const auto o = boost::json::parse(R"({"name":"","n":"3","long":"一二三四五","e":"x","extra":1})")
                     .as_object();
  EXPECT_EQ(field_of([&] { FieldReader(o).required_string("name"); }), "name");
  EXPECT_EQ(field_of([&] { FieldReader(o).required_int("n"); }), "n");
  EXPECT_EQ(field_of([&] { FieldReader(o).required_string("long", 4); }), "long");
  EXPECT_EQ(field_of([&] { FieldReader(o).optional_enum("e", {"a", "b"}); }), "e");
  EXPECT_EQ(field_of([&] { FieldReader(o).required_string("missing"); }), "missing");
  FieldReader r(o);
  r.optional_string("name");
  EXPECT_EQ(field_of([&] { r.reject_unknown(); }), "n");
}

TEST(FieldReader, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length("王小明"), 3u);
  const auto o = boost::json::parse(R"({"name":"王小明"})").as_object();
  EXPECT_EQ(FieldReader(o).required_string("name", 3), "王小明");
}

}  // namespace
}  // namespace tongxin::json
