// src/demo/outputs_texts.cpp
#include "demo/outputs_texts.hpp"

#include "demo/data.hpp"

namespace tongxin::demo::texts {

namespace {

const std::vector<std::string>& list_of(const char* key) {
  return phrases(key);
}

}  // namespace

const std::vector<Agency>& agencies() {
  return demo_table<std::vector<Agency>>("agencies.tsv", [](const Tsv& t) {
    std::vector<Agency> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "name"), t.at(i, "short_name"), t.at(i, "kind"), t.at(i, "division")});
    return out;
  });
}

std::string district_agency(const std::string& district) {
  using Map = std::map<std::string, std::string>;
  const auto& by_district = demo_table<Map>("agencies.tsv", [](const Tsv& t) {
    Map m;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      if (!t.at(i, "governs").empty()) m[t.at(i, "governs")] = t.at(i, "short_name");
    }
    return m;
  });
  const auto it = by_district.find(district);
  return it == by_district.end() ? std::string() : it->second;
}

namespace {

const std::vector<Place>& places(bool rural) {
  using Both = std::pair<std::vector<Place>, std::vector<Place>>;
  const auto& both = demo_table<Both>("places.tsv", [](const Tsv& t) {
    Both b;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      (t.at(i, "setting") == "rural" ? b.second : b.first)
          .push_back({t.at(i, "name"), t.at(i, "district")});
    }
    return b;
  });
  return rural ? both.second : both.first;
}

}  // namespace

const std::vector<Place>& urban_places() {
  return places(false);
}
const std::vector<Place>& rural_places() {
  return places(true);
}

const std::vector<Matter>& matters() {
  return demo_table<std::vector<Matter>>("micro_matters.tsv", [](const Tsv& t) {
    std::vector<Matter> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "category"), t.at(i, "agency"), t.flag(i, "rural"),
                     t.list(i, "titles"), t.at(i, "body"), t.at(i, "reply")});
    }
    return out;
  });
}

const std::vector<ProposalTopic>& proposal_topics() {
  return demo_table<std::vector<ProposalTopic>>("proposal_topics.tsv", [](const Tsv& t) {
    std::vector<ProposalTopic> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "category"), t.at(i, "lead"), t.list(i, "assisting"),
                     t.list(i, "subjects"), t.at(i, "background"), t.at(i, "problems"),
                     t.at(i, "suggestions"), t.at(i, "answer")});
    }
    return out;
  });
}

const std::vector<OpinionTopic>& opinion_topics() {
  return demo_table<std::vector<OpinionTopic>>("opinion_topics.tsv", [](const Tsv& t) {
    std::vector<OpinionTopic> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "category"), t.at(i, "matter"), t.at(i, "agency"),
                     t.at(i, "situation"), t.at(i, "problems"), t.at(i, "suggestions")});
    }
    return out;
  });
}

const std::vector<Instructor>& instructors() {
  return demo_table<std::vector<Instructor>>("instructors.tsv", [](const Tsv& t) {
    std::vector<Instructor> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "level"), t.at(i, "by_whom")});
    return out;
  });
}

const std::vector<std::string>& not_accepted_reasons() {
  return list_of("outputs.not_accepted_reason");
}
const std::vector<std::string>& return_reasons() {
  return list_of("outputs.return_reason");
}
const std::vector<std::string>& extension_reasons() {
  return list_of("outputs.extension_reason");
}
const std::vector<std::string>& unsatisfied_comments() {
  return list_of("outputs.unsatisfied_comment");
}
const std::vector<std::string>& satisfied_comments() {
  return list_of("outputs.satisfied_comment");
}
const std::vector<std::string>& consult_notes() {
  return list_of("outputs.consult_note");
}

}  // namespace tongxin::demo::texts
