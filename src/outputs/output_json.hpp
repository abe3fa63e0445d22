// src/outputs/output_json.hpp
//
// The outputs API's JSON of the module's values (api.md "Outputs"): what the routes render,
// kept apart from the services so that these return C++ values.
#pragma once

#include <boost/json.hpp>

#include "outputs/outputs.hpp"

namespace tongxin::outputs {

// The list row of an item.
boost::json::object brief_json(const OutputBrief& b);
// The headline figures of a kind for a year.
boost::json::object figures_json(const Figures& f);
// {"items": [...], "next_cursor"}.
boost::json::object page_json(const OutputPage& page);
// The item whole: the list row and its body, authors, agencies, outcomes, timeline, links,
// allowed actions and the caller's parties.
boost::json::object output_json(const OutputDetail& d);

}  // namespace tongxin::outputs
