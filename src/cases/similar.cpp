// src/cases/similar.cpp
#include "cases/similar.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "cases/categories.hpp"
#include "cases/internal.hpp"
#include "core/text/analyzer.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

namespace tongxin::cases {

namespace {

constexpr std::int64_t kRecentMs = 180LL * 24 * 3600 * 1000;
constexpr int kPoolLimit = 2000;

// 三 → 3, 十二 → 12, 二十三 → 23: house and building numbers written either way.
std::string chinese_numerals_to_digits(const std::string& s) {
  static const std::string kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const std::string kTen = "十";
  static const std::string kTwo = "两";
  std::string out;
  std::size_t i = 0;
  const auto digit_at = [&](std::size_t pos) -> int {
    for (int d = 0; d < 10; ++d) {
      if (s.compare(pos, kDigits[d].size(), kDigits[d]) == 0) return d;
    }
    if (s.compare(pos, kTwo.size(), kTwo) == 0) return 2;
    return -1;
  };
  while (i < s.size()) {
    int value = -1;
    std::size_t j = i;
    int d = digit_at(j);
    if (d >= 0 || s.compare(j, kTen.size(), kTen) == 0) {
      int tens = 0, ones = 0;
      bool any = false;
      if (d >= 0) {
        j += 3;
        ones = d;
        any = true;
      }
      if (s.compare(j, kTen.size(), kTen) == 0) {
        j += 3;
        tens = any ? ones : 1;
        ones = 0;
        any = true;
        const int d2 = digit_at(j);
        if (d2 >= 0) {
          ones = d2;
          j += 3;
        }
      }
      value = tens * 10 + ones;
      if (any) {
        out += std::to_string(value);
        i = j;
        continue;
      }
    }
    out += s[i];
    ++i;
  }
  return out;
}

std::vector<std::string> numbers_in(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (const char ch : s) {
    if (ch >= '0' && ch <= '9') {
      cur += ch;
    } else if (!cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::vector<std::string> char_bigrams(const std::string& s) {
  const auto starts = text::codepoint_starts(s);
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 2 < starts.size(); ++i) {
    out.push_back(s.substr(starts[i], starts[i + 2] - starts[i]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double idf(const Pool& pool, const std::string& token) {
  const auto it = pool.df.find(token);
  const int df = it == pool.df.end() ? 0 : it->second;
  return std::log((1.0 + pool.size) / (1.0 + df)) + 1.0;
}

}  // namespace

MatterFeatures analyse(const Matter& m) {
  MatterFeatures f;
  for (const auto& t : text::index_tokens(m.text))
    f.tf[t] += 1;
  const auto addr = chinese_numerals_to_digits(text::normalize(m.address));
  f.address_grams = char_bigrams(addr);
  f.address_numbers = numbers_in(addr);
  f.categories = categories_of(m.text);
  if (m.division_code.size() == 12) {
    f.county = m.division_code.substr(0, 6);
    if (m.division_code.substr(6, 3) != "000") f.township = m.division_code.substr(0, 9);
  }
  return f;
}

void Pool::add(const MatterFeatures& f) {
  ++size;
  for (const auto& [t, _] : f.tf)
    ++df[t];
}

void weigh(MatterFeatures& f, const Pool& pool) {
  f.weights.clear();
  double norm = 0;
  for (const auto& [t, n] : f.tf) {
    const double w = n * idf(pool, t);
    f.weights.emplace_back(t, w);
    norm += w * w;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [_, w] : f.weights)
      w /= norm;
  }
}

Similarity compare(const MatterFeatures& a, const MatterFeatures& b,
                   const SimilarityParams& params) {
  Similarity s;
  // std::map iterates in key order, so both weight lists are sorted by token.
  double dot = 0;
  for (std::size_t i = 0, j = 0; i < a.weights.size() && j < b.weights.size();) {
    const int cmp = a.weights[i].first.compare(b.weights[j].first);
    if (cmp == 0) {
      dot += a.weights[i++].second * b.weights[j++].second;
    } else if (cmp < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  s.text = dot;

  const bool same_township = !a.township.empty() && a.township == b.township;
  const bool same_county = !a.county.empty() && a.county == b.county;
  const double addr = dice(a.address_grams, b.address_grams);
  // House numbers: a shared one means the same compound or building; none shared means
  // different ones (3号楼 vs 5号楼), whatever the words.
  bool numbers_shared = false;
  bool numbers_conflict = false;
  if (!a.address_numbers.empty() && !b.address_numbers.empty()) {
    const std::set<std::string> sa(a.address_numbers.begin(), a.address_numbers.end());
    numbers_shared = std::any_of(b.address_numbers.begin(), b.address_numbers.end(),
                                 [&](const std::string& n) { return sa.contains(n); });
    numbers_conflict = !numbers_shared;
  }
  if (same_township) {
    s.place = numbers_conflict ? 0.2 : numbers_shared ? 1.0 : std::min(1.0, 0.6 + addr);
  } else if (addr >= 0.5 && !numbers_conflict) {
    s.place = same_county ? 0.8 : 0.5;  // one place, coded to neighbouring townships
  }
  // Jaccard of the category sets: a report that only mentions the other's problem in
  // passing (暖气 after 改造) shares half, one about the same problem shares all.
  std::size_t common = 0;
  for (const auto cat : a.categories) {
    if (std::find(b.categories.begin(), b.categories.end(), cat) != b.categories.end()) ++common;
  }
  const auto all = a.categories.size() + b.categories.size() - common;
  s.topic = all == 0 ? 0 : static_cast<double>(common) / static_cast<double>(all);
  s.score = params.place_weight * s.place + params.topic_weight * s.topic +
            params.text_weight * std::min(1.0, 2 * s.text);
  // Words alone never make a duplicate: without evidence of one place the score is halved.
  if (s.place < 0.5) s.score *= 0.5;

  char buf[64];
  std::snprintf(buf, sizeof buf, "文字相似度%.0f%%", s.text * 100);
  s.reasons.emplace_back(buf);
  if (same_township) s.reasons.emplace_back("同一街道/乡镇");
  if (numbers_shared || (!numbers_conflict && addr >= 0.5))
    s.reasons.emplace_back("地址相同或相近");
  if (numbers_conflict) s.reasons.emplace_back("门牌/楼号不同");
  if (s.topic >= 0.5) s.reasons.emplace_back("同类问题");
  return s;
}

std::vector<SimilarCase> find_similar(storage::Connection& c, std::int64_t id, std::size_t limit) {
  const auto k = load_case_or_404(c, id);
  const auto now = audit::now_ms();
  const std::string county = k.division_code && k.division_code->size() == 12
                                 ? k.division_code->substr(0, 6)
                                 : std::string();
  // Open and recent cases near it: same county, or same studio when there is no place.
  const auto rows =
      c.q("SELECT id, title, text, address, division_code FROM cases WHERE conference_id = $1"
          " AND id <> $2 AND status <> 'merged' AND (status IN ('submitted', 'assigned',"
          " 'in_progress') OR created_at > $3) AND (($4 <> '' AND division_code LIKE $4 || '%')"
          " OR ($5 > 0 AND studio_id = $5)) ORDER BY id DESC LIMIT $6",
          k.conference_id, k.id, now - kRecentMs, county, k.studio_id.value_or(0), kPoolLimit);
  auto self = analyse({k.id, k.title + " " + k.text, k.address, k.division_code.value_or("")});
  Pool pool;
  pool.add(self);
  std::vector<std::pair<std::int64_t, MatterFeatures>> others;
  for (const auto& r : rows) {
    auto f = analyse({r.int64(0), r.text(1) + " " + r.text(2), r.text(3),
                      r.is_null(4) ? std::string() : r.text(4)});
    pool.add(f);
    others.emplace_back(r.int64(0), std::move(f));
  }
  weigh(self, pool);
  for (auto& [_, f] : others)
    weigh(f, pool);
  const SimilarityParams params;
  std::vector<SimilarCase> out;
  for (const auto& [oid, f] : others) {
    auto s = compare(self, f, params);
    if (s.score >= params.threshold) out.push_back({oid, std::move(s)});
  }
  std::sort(out.begin(), out.end(), [](const SimilarCase& a, const SimilarCase& b) {
    return a.similarity.score > b.similarity.score;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace tongxin::cases
