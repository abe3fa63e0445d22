// src/demo/outputs_texts.hpp
//
// What the demo's members write and what the agencies answer (outputs_demo.hpp), read from
// data/demo (demo/data.hpp): Lanzhou's agencies, the matters of micro-suggestions with the
// places they concern, the subjects of proposals and of opinion reports. Texts take
// placeholders: {p} a place, {d} its district.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tongxin::demo::texts {

struct Agency {
  std::string name;
  std::string short_name;
  std::string kind;      // government | judicial | people_org | enterprise
  std::string division;  // GB/T 2260
};
const std::vector<Agency>& agencies();
// The district governments by district name ("城关区" → "城关区政府"), by short name.
std::string district_agency(const std::string& district);

struct Place {
  std::string name;      // 雁滩路
  std::string district;  // 城关区
};
const std::vector<Place>& urban_places();
const std::vector<Place>& rural_places();

// A micro-suggestion's matter: the lead agency ("{d}" = the place's district government).
struct Matter {
  std::string category;
  std::string agency;
  bool rural;
  std::vector<std::string> titles;
  std::string body;
  std::string reply;
};
const std::vector<Matter>& matters();

// A proposal's subject: the lead agency and those assisting, titles' subjects ("关于{s}的
// 提案"), the case made (background, problems, suggestions) and the gist of an answer.
struct ProposalTopic {
  std::string category;
  std::string lead;
  std::vector<std::string> assisting;
  std::vector<std::string> subjects;
  std::string background;
  std::string problems;
  std::string suggestions;
  std::string answer;
};
const std::vector<ProposalTopic>& proposal_topics();

// An opinion report's matter: a noun phrase for the titles, what people report, the
// problems and the suggestions; the agency that would act on it.
struct OpinionTopic {
  std::string category;
  std::string matter;  // 网约配送员社会保障
  std::string agency;
  std::string situation;
  std::string problems;
  std::string suggestions;
};
const std::vector<OpinionTopic>& opinion_topics();

// Leaders who give written instructions (批示), by level.
struct Instructor {
  std::string level;  // city | provincial | national
  std::string by_whom;
};
const std::vector<Instructor>& instructors();

// Reasons staff give, and what members say when they rate.
const std::vector<std::string>& not_accepted_reasons();
const std::vector<std::string>& return_reasons();
const std::vector<std::string>& extension_reasons();
const std::vector<std::string>& unsatisfied_comments();
const std::vector<std::string>& satisfied_comments();
const std::vector<std::string>& consult_notes();

}  // namespace tongxin::demo::texts
