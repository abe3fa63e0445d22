// src/demo/people.cpp
#include "demo/people.hpp"

#include <map>

#include "demo/data.hpp"

namespace tongxin::demo {

namespace {

// Surnames come weighted by repetition in surnames.tsv (the most frequent several times).
const std::vector<std::string>& surnames() {
  return demo_table<std::vector<std::string>>("surnames.tsv", [](const Tsv& t) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back(t.at(i, "surname"));
    return out;
  });
}

const std::vector<std::string>& given() {
  return demo_table<std::vector<std::string>>("given_names.tsv", [](const Tsv& t) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back(t.at(i, "character"));
    return out;
  });
}

// Work units by sector; the rows with no sector are for anyone.
struct Occupations {
  std::map<std::string, std::vector<Occupation>> by_sector;
  std::vector<Occupation> general;
};
const Occupations& occupations() {
  return demo_table<Occupations>("occupations.tsv", [](const Tsv& t) {
    Occupations o;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      Occupation x{t.at(i, "work_unit"), t.at(i, "title"), t.list(i, "expertise")};
      const auto& sector = t.at(i, "sector");
      (sector.empty() ? o.general : o.by_sector[sector]).push_back(std::move(x));
    }
    return o;
  });
}

}  // namespace

std::string person_name(Random& r) {
  std::string name = r.pick(surnames()) + r.pick(given());
  if (r.chance(0.7)) name += r.pick(given());
  return name;
}

Occupation occupation_for(Random& r, const std::string& sector) {
  const auto& o = occupations();
  const auto it = o.by_sector.find(sector);
  if (it != o.by_sector.end() && r.chance(0.8)) return r.pick(it->second);
  return r.pick(o.general);
}

}  // namespace tongxin::demo
