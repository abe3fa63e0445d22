// src/app/openapi_test.cpp
//
// The OpenAPI document tells the truth: every registered route appears in it with its
// method, and it names nothing that is not served.
#include "app/openapi.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>

#include "app/application.hpp"
#include "app/version.hpp"

namespace tongxin::app {
namespace {

config::Config test_config(const std::filesystem::path& dir) {
  config::Config c;
  c.db = "sqlite:" + (dir / "t.db").string();
  c.key_file = (dir / "key").string();
  const char* src = std::getenv("TONGXIN_SOURCE_DIR");
  c.data_dir = std::string(src ? src : ".") + "/data";
  return c;
}

TEST(OpenApi, EveryRegisteredRouteAppearsAndNothingElse) {
  const auto dir = std::filesystem::temp_directory_path() / "tongxin-openapi-test";
  std::filesystem::create_directories(dir);
  Application app(test_config(dir));
  const auto& router = app.router();
  const auto doc = openapi_document(router, kVersion).as_object();
  const auto& paths = doc.at("paths").as_object();

  std::size_t operations = 0;
  for (const auto& [path, item] : paths)
    operations += item.as_object().size();
  EXPECT_EQ(operations, router.routes().size());

  for (const auto& route : router.routes()) {
    std::string method(http::method_name(route.method));
    for (auto& ch : method)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (method == "del") method = "delete";
    const auto* item = paths.if_contains(route.pattern);
    ASSERT_NE(item, nullptr) << route.pattern;
    EXPECT_TRUE(item->as_object().contains(method)) << method << " " << route.pattern;
    EXPECT_FALSE(route.summary.empty()) << "route without a summary: " << route.pattern;
  }
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  std::filesystem::remove_all(dir);
}

TEST(OpenApi, RoutesAreUnique) {
  const auto dir = std::filesystem::temp_directory_path() / "tongxin-openapi-unique";
  std::filesystem::create_directories(dir);
  Application app(test_config(dir));
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& route : app.router().routes()) {
    EXPECT_TRUE(seen.emplace(std::string(http::method_name(route.method)), route.pattern).second)
        << "registered twice: " << route.pattern;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tongxin::app
