// src/demo/people.hpp
//
// Realistic Chinese names and the work units of each sector for the demo.
#pragma once

#include <string>
#include <vector>

#include "demo/random.hpp"

namespace tongxin::demo {

std::string person_name(Random& r);

struct Occupation {
  std::string work_unit;
  std::string title;
  std::vector<std::string> expertise;
};
// A plausible work unit and title in Lanzhou for a member of `sector`.
Occupation occupation_for(Random& r, const std::string& sector);

}  // namespace tongxin::demo
