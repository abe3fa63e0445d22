// src/cases/snippet.hpp
//
// A search result's excerpt with the matched terms marked, as HTML: everything escaped,
// matches wrapped in <mark>…</mark>, "…" where the excerpt cuts the text. Matching uses the
// analyzer's normalisation (case folding, full-width → half-width) on both sides.
#pragma once

#include <string>
#include <vector>

#include "core/text/analyzer.hpp"

namespace tongxin::cases {

std::string snippet_html(const std::string& text, const std::vector<text::QueryTerm>& terms,
                         std::size_t width_chars = 80);

}  // namespace tongxin::cases
