// src/demo/outputs_texts.hpp
//
// What the demo's members write and what the agencies answer (outputs_demo.hpp): Lanzhou's
// agencies, the matters of micro-suggestions with the places they concern, the subjects of
// proposals and of opinion reports. Texts take placeholders: {p} a place, {d} its district.
#pragma once

#include <string>
#include <vector>

namespace tongxin::demo::texts {

struct Agency {
  const char* name;
  const char* short_name;
  const char* kind;      // government | judicial | people_org | enterprise
  const char* division;  // GB/T 2260
};
const std::vector<Agency>& agencies();
// The district governments by district name ("城关区" → "城关区政府"), by short name.
std::string district_agency(const std::string& district);

struct Place {
  const char* name;      // 雁滩路
  const char* district;  // 城关区
};
const std::vector<Place>& urban_places();
const std::vector<Place>& rural_places();

// A micro-suggestion's matter: the lead agency ("{d}" = the place's district government).
struct Matter {
  const char* category;
  const char* agency;
  bool rural;
  std::vector<const char*> titles;
  const char* body;
  const char* reply;
};
const std::vector<Matter>& matters();

// A proposal's subject: the lead agency and those assisting, titles' subjects ("关于{s}的
// 提案"), the case made (background, problems, suggestions) and the gist of an answer.
struct ProposalTopic {
  const char* category;
  const char* lead;
  std::vector<const char*> assisting;
  std::vector<const char*> subjects;
  const char* background;
  const char* problems;
  const char* suggestions;
  const char* answer;
};
const std::vector<ProposalTopic>& proposal_topics();

// An opinion report's matter: a noun phrase for the titles, what people report, the
// problems and the suggestions; the agency that would act on it.
struct OpinionTopic {
  const char* category;
  const char* matter;  // 网约配送员社会保障
  const char* agency;
  const char* situation;
  const char* problems;
  const char* suggestions;
};
const std::vector<OpinionTopic>& opinion_topics();

// Leaders who give written instructions (批示), by level.
struct Instructor {
  const char* level;  // city | provincial | national
  const char* by_whom;
};
const std::vector<Instructor>& instructors();

// Reasons staff give, and what members say when they rate.
const std::vector<std::string>& not_accepted_reasons();
const std::vector<std::string>& return_reasons();
const std::vector<std::string>& extension_reasons();
const std::vector<std::string>& unsatisfied_comments();
const std::vector<std::string>& satisfied_comments();
const std::vector<std::string>& consult_notes();

// "{p}" and "{d}" filled in.
std::string fill(std::string text, const std::string& key, const std::string& value);

}  // namespace tongxin::demo::texts
