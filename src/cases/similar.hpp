// src/cases/similar.hpp
//
// Near-duplicate detection for collective triage (集体会诊): the same problem at the same
// place in different words. Place matters as much as words (Decidim #423 → #12283: noisy
// suggestions get switched off), so a pair needs both:
//   place — same township (division code), and the same compound: house numbers compared
//           as numbers (3号院 = 三号院 ≠ 5号院), else how alike the addresses are;
//   topic — a shared problem category (categories.hpp), since two reports of one problem
//           often share few words;
//   text  — cosine of TF-IDF vectors over the analyzer's tokens (words and Han bigrams),
//           IDF from the pool being compared, so 小区/问题/反映 weigh little.
// Matters about the same topic in different places score low on place and are not
// returned. Precision and recall on tests/data/similar_cases.tsv are measured by
// similar_test.cpp and reported in the issue.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::cases {

struct Matter {
  std::int64_t id = 0;
  std::string text;  // title + text
  std::string address;
  std::string division_code;  // 12 digits or empty
};

struct SimilarityParams {
  double place_weight = 0.40;
  double topic_weight = 0.35;  // Jaccard of problem categories (categories.hpp)
  double text_weight = 0.25;   // min(1, 2 × cosine)
  double threshold = 0.6;      // a pair at or above this is a near-duplicate
};

// Analysed once per matter; cheap to compare many times.
struct MatterFeatures {
  std::map<std::string, double> tf;  // token → count
  // TF-IDF weights, L2-normalised and sorted by token; filled by weigh() once the pool is
  // complete, so that comparing many pairs costs a merge, not map lookups.
  std::vector<std::pair<std::string, double>> weights;
  std::vector<std::string> address_grams;
  std::vector<std::string> address_numbers;
  std::string township;  // first 9 digits when the code is township-level, else empty
  std::string county;    // first 6 digits
  std::vector<std::string_view> categories;
};
MatterFeatures analyse(const Matter& m);

// Document frequencies over a pool, for IDF.
struct Pool {
  std::map<std::string, int> df;
  int size = 0;
  void add(const MatterFeatures& f);
};

// Fills f.weights from f.tf and the pool's document frequencies.
void weigh(MatterFeatures& f, const Pool& pool);

struct Similarity {
  double score = 0;                  // 0..1
  double text = 0;                   // cosine
  double place = 0;                  // 0..1
  double topic = 0;                  // Jaccard of the problem categories
  std::vector<std::string> reasons;  // Chinese
};
// Both sides must have been weighed against the same pool.
Similarity compare(const MatterFeatures& a, const MatterFeatures& b,
                   const SimilarityParams& params = {});

struct SimilarCase {
  std::int64_t case_id = 0;
  Similarity similarity;
};
// Open and recent cases of the same conference and county as case `id`, most similar first,
// those at or above the threshold.
std::vector<SimilarCase> find_similar(storage::Connection& c, std::int64_t id,
                                      std::size_t limit = 10);

}  // namespace tongxin::cases
