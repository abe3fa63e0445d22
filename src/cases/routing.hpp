// src/cases/routing.hpp
//
// Routing (workflows.md §1, "精准对接"): a ranked list of members for a matter, each with
// the reasons in Chinese, so a studio lead can confirm a suggestion knowing why it was
// made. Four signals, added up:
//   sector fit   — the matter's topic (from a keyword lexicon) maps to the member's sector;
//   expertise    — a member's expertise or resource tags appear in the text;
//   place        — the member works in the studio the citizen came through, or in a studio
//                  in the same township / county as the matter;
//   load         — cases the member is handling now count against them.
// The lexicon and weights are here as data; the figures are explainable, not learned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::cases {

struct Suggestion {
  std::int64_t member_id = 0;
  std::string name;
  std::string sector;
  std::optional<std::int64_t> studio_id;
  std::string studio;
  double score = 0;
  std::vector<std::string> reasons;
};

struct RoutingInput {
  std::int64_t conference_id = 0;
  std::string text;
  std::optional<std::string> division_code;  // 12 digits
  std::optional<std::int64_t> studio_id;     // the studio the citizen came through
};

// The topics the lexicon finds in `text`: (national sector name, matched keyword).
std::vector<std::pair<std::string, std::string>> detect_sectors(const std::string& text);

// Pure ranking over given candidates and their current load (tests call this directly).
std::vector<Suggestion> rank_members(const RoutingInput& in,
                                     const std::vector<organisation::MemberBrief>& members,
                                     const std::vector<std::pair<std::int64_t, int>>& load,
                                     std::size_t limit = 10);

// Loads the conference's members and their load, then ranks.
std::vector<Suggestion> suggest(storage::Connection& c, const RoutingInput& in,
                                std::size_t limit = 10);

}  // namespace tongxin::cases
