// src/demo/data.cpp
#include "demo/data.hpp"

#include <fstream>
#include <stdexcept>

namespace tongxin::demo {

namespace {

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto at = line.find(sep, start);
    out.emplace_back(line.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::mutex dir_mutex;
std::string& dir() {
  static std::string d = "data/demo";
  return d;
}

}  // namespace

std::size_t Tsv::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  throw std::runtime_error("demo data: " + file + ": no column " + std::string(name));
}

std::vector<std::string> Tsv::list(std::size_t row, std::string_view col) const {
  const auto& v = at(row, col);
  if (v.empty()) return {};
  return split(v, '|');
}

int Tsv::integer(std::size_t row, std::string_view col) const {
  return std::stoi(at(row, col));
}

double Tsv::number(std::size_t row, std::string_view col) const {
  return std::stod(at(row, col));
}

bool Tsv::flag(std::size_t row, std::string_view col) const {
  return at(row, col) == "true";
}

Tsv read_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("demo data: cannot read " + path);
  Tsv t;
  t.file = path;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto fields = split(line, '\t');
    if (t.header.empty()) {
      t.header = std::move(fields);
      continue;
    }
    if (fields.size() != t.header.size()) {
      throw std::runtime_error("demo data: " + path + ":" + std::to_string(n) + ": " +
                               std::to_string(fields.size()) + " fields, the header has " +
                               std::to_string(t.header.size()));
    }
    for (auto& f : fields)
      f = unescape(f);
    t.rows.push_back(std::move(fields));
  }
  if (t.header.empty()) throw std::runtime_error("demo data: " + path + ": no header row");
  return t;
}

std::string demo_data_dir(const config::Config& config) {
  return config.data_dir + "/demo";
}

void use_demo_data(const std::string& d) {
  std::lock_guard lock(dir_mutex);
  dir() = d;
}

const std::string& current_demo_data() {
  std::lock_guard lock(dir_mutex);
  return dir();
}

const std::vector<std::string>& phrases(std::string_view key) {
  using Map = std::map<std::string, std::vector<std::string>, std::less<>>;
  const auto& map = demo_table<Map>("phrases.tsv", [](const Tsv& t) {
    Map m;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      m[t.at(i, "key")].push_back(t.at(i, "text"));
    return m;
  });
  const auto it = map.find(key);
  if (it == map.end()) {
    throw std::runtime_error("demo data: phrases.tsv: no key " + std::string(key));
  }
  return it->second;
}

const std::string& phrase(std::string_view key) {
  return phrases(key).front();
}

std::string phrase(std::string_view key,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string text = phrase(key);
  for (const auto& [k, v] : values)
    text = fill(std::move(text), k, v);
  return text;
}

std::string fill(std::string text, std::string_view key, std::string_view value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

}  // namespace tongxin::demo
