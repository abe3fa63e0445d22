// src/core/http/router.cpp
#include "core/http/router.hpp"

#include <algorithm>

namespace tongxin::http {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool is_param(std::string_view s) {
  return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

// Number of literal segments: more literals = more specific, so it wins.
int literal_score(const std::vector<std::string_view>& pattern) {
  return static_cast<int>(std::count_if(pattern.begin(), pattern.end(),
                                        [](std::string_view s) { return !is_param(s); }));
}

}  // namespace

void Router::add(Route route) {
  routes_.push_back(std::move(route));
}

Match Router::match(Method method, std::string_view path) const {
  const auto parts = segments(path);
  Match best;
  int best_score = -1;
  for (const auto& route : routes_) {
    const auto pattern = segments(route.pattern);
    if (pattern.size() != parts.size()) continue;
    std::map<std::string, std::string, std::less<>> params;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      if (is_param(pattern[i])) {
        params.emplace(std::string(pattern[i].substr(1, pattern[i].size() - 2)),
                       std::string(parts[i]));
      } else {
        ok = pattern[i] == parts[i];
      }
    }
    if (!ok) continue;
    const bool method_ok =
        route.method == method || (method == Method::head && route.method == Method::get);
    if (!method_ok) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end()) {
        best.allowed.push_back(route.method);
      }
      continue;
    }
    const int score = literal_score(pattern) * 2 + (route.method == method ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      best.route = &route;
      best.params = std::move(params);
    }
  }
  if (best.route != nullptr) best.allowed.clear();
  return best;
}

}  // namespace tongxin::http
