// src/app/openapi.cpp
#include "app/openapi.hpp"

#include <boost/json.hpp>
#include <string>

namespace tongxin::app {

namespace {

namespace json = boost::json;

std::string lower_method(http::Method m) {
  std::string name(http::method_name(m));
  for (auto& ch : name)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return name == "del" ? "delete" : name;
}

json::value parse_schema(const std::string& text) {
  if (text.empty()) return json::object{{"type", "object"}};
  return json::parse(text);
}

json::object error_response(const char* description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json::array path_parameters(const std::string& pattern) {
  json::array params;
  std::size_t pos = 0;
  while ((pos = pattern.find('{', pos)) != std::string::npos) {
    const auto end = pattern.find('}', pos);
    if (end == std::string::npos) break;
    params.push_back({{"name", pattern.substr(pos + 1, end - pos - 1)},
                      {"in", "path"},
                      {"required", true},
                      {"schema", {{"type", "string"}}}});
    pos = end + 1;
  }
  return params;
}

json::object operation(const http::Route& route) {
  json::object op;
  op["summary"] = route.summary;
  if (!route.tag.empty()) op["tags"] = json::array{json::string(route.tag)};
  op["operationId"] = lower_method(route.method) + " " + route.pattern;
  auto params = path_parameters(route.pattern);
  if (!params.empty()) op["parameters"] = std::move(params);
  if (route.access == http::Access::open) {
    op["security"] = json::array{};
  } else if (!route.roles.empty()) {
    json::array roles;
    for (const auto r : route.roles)
      roles.emplace_back(auth::role_name(r));
    op["x-roles"] = std::move(roles);
  }
  if (route.method == http::Method::post || route.method == http::Method::put ||
      route.method == http::Method::patch) {
    op["requestBody"] = {
        {"content", {{"application/json", {{"schema", parse_schema(route.request_schema)}}}}}};
  }
  json::object responses;
  responses["200"] = {
      {"description", "OK"},
      {"content", {{"application/json", {{"schema", parse_schema(route.response_schema)}}}}}};
  responses["400"] = error_response("请求无效 / invalid request");
  if (route.access != http::Access::open) {
    responses["401"] = error_response("未登录 / not signed in");
    responses["403"] = error_response("无权限 / forbidden");
  }
  responses["503"] = error_response("服务繁忙 / busy, see Retry-After");
  op["responses"] = std::move(responses);
  return op;
}

}  // namespace

json::value openapi_document(const http::Router& router, const std::string& version) {
  json::object paths;
  for (const auto& route : router.routes()) {
    auto& item = paths[route.pattern];
    if (!item.is_object()) item = json::object{};
    item.as_object()[lower_method(route.method)] = operation(route);
  }
  json::object error_schema = {
      {"type", "object"},
      {"required", json::array{"error"}},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"required", json::array{"code", "message"}},
          {"properties",
           {{"code", {{"type", "string"}, {"examples", json::array{"case.not_found"}}}},
            {"message", {{"type", "string"}}},
            {"details", json::object{}}}}}}}}};
  return json::object{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "同心 Tongxin API"},
        {"version", version},
        {"description",
         "委员联系界别群众平台 — the platform for conference members to stay in touch with "
         "the people of their sectors."}}},
      {"servers", json::array{json::object{{"url", "/"}}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", {{"Error", std::move(error_schema)}}},
        {"securitySchemes",
         {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "tongxin_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
      {"security", json::array{json::object{{"session", json::array{}}},
                               json::object{{"bearer", json::array{}}}}},
  };
}

}  // namespace tongxin::app
