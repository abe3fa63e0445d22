// src/core/workflow/workflow.cpp
#include "core/workflow/workflow.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <stdexcept>
#include <tuple>

namespace tongxin::workflow {

namespace {

bool has(const std::vector<Label>& labels, std::string_view name) {
  return std::any_of(labels.begin(), labels.end(), [&](const Label& l) { return l.name == name; });
}

std::string_view label(const std::vector<Label>& labels, std::string_view name) {
  for (const auto& l : labels) {
    if (l.name == name) return l.zh;
  }
  return name;
}

template <typename C, typename V>
bool contains(const C& c, const V& v) {
  return std::find(c.begin(), c.end(), v) != c.end();
}

bool guards_hold(const Transition& t, const GuardCheck& check) {
  if (!check) return true;
  return std::all_of(t.guards.begin(), t.guards.end(),
                     [&](std::string_view g) { return check(g); });
}

}  // namespace

bool Definition::is_state(std::string_view s) const {
  return has(states, s);
}
bool Definition::is_action(std::string_view a) const {
  return has(actions, a);
}
bool Definition::is_party(std::string_view p) const {
  return has(parties, p);
}
bool Definition::is_open(std::string_view s) const {
  return contains(open_states, s);
}
std::string_view Definition::state_label_zh(std::string_view s) const {
  return label(states, s);
}
std::string_view Definition::action_label_zh(std::string_view a) const {
  return label(actions, a);
}

std::optional<Transition> Definition::find(std::string_view from, std::string_view action,
                                           const std::vector<std::string_view>& by,
                                           const GuardCheck& guards) const {
  for (const auto& t : transitions) {
    if (t.action != action || !contains(t.from, from)) continue;
    const bool party =
        std::any_of(by.begin(), by.end(), [&](std::string_view p) { return contains(t.by, p); });
    if (party && guards_hold(t, guards)) return t;
  }
  return std::nullopt;
}

std::vector<std::string_view> Definition::allowed(std::string_view from,
                                                  const std::vector<std::string_view>& by,
                                                  const GuardCheck& guards) const {
  std::vector<std::string_view> out;
  for (const auto& t : transitions) {
    if (contains(out, t.action)) continue;
    if (find(from, t.action, by, guards)) out.push_back(t.action);
  }
  return out;
}

void validate(const Definition& d) {
  const auto fail = [&](const std::string& what) {
    throw std::logic_error(std::string(d.name) + ": " + what);
  };
  if (d.states.empty()) fail("no states");
  for (const auto* labels : {&d.states, &d.actions, &d.parties}) {
    for (std::size_t i = 0; i < labels->size(); ++i) {
      if (index_of(*labels, (*labels)[i].name) != i) {
        fail("name listed twice: " + std::string((*labels)[i].name));
      }
    }
  }
  // (state, action, party) taken by an earlier row whatever the guards say.
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> taken;
  for (std::size_t i = 0; i < d.transitions.size(); ++i) {
    const auto& t = d.transitions[i];
    const auto where = "row " + std::to_string(i + 1) + " (" + std::string(t.action) + "): ";
    if (!d.is_action(t.action)) fail(where + "unknown action");
    for (const auto s : t.from) {
      if (!d.is_state(s)) fail(where + "unknown state " + std::string(s));
    }
    if (t.to != kSame && !d.is_state(t.to)) fail(where + "unknown target " + std::string(t.to));
    for (const auto p : t.by) {
      if (!d.is_party(p)) fail(where + "unknown party " + std::string(p));
    }
    for (const auto s : t.from) {
      for (const auto p : t.by) {
        if (taken.count({s, t.action, p})) {
          fail(where + "never reached from " + std::string(s) + " by " + std::string(p) +
               ": an earlier row without guards takes it");
        }
      }
    }
    if (t.guards.empty()) {
      for (const auto s : t.from) {
        for (const auto p : t.by)
          taken.insert({s, t.action, p});
      }
    }
  }
  for (const auto s : d.open_states) {
    if (!d.is_state(s)) fail("unknown open state " + std::string(s));
  }
}

std::optional<std::size_t> index_of(const std::vector<Label>& labels, std::string_view name) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].name == name) return i;
  }
  return std::nullopt;
}

std::vector<std::string> spec_rows(const Definition& d) {
  std::vector<std::string> rows;
  for (const auto& t : d.transitions) {
    for (const auto from : t.from) {
      for (const auto party : t.by) {
        std::string row = std::string(from) + "\t" + std::string(t.action) + "\t" +
                          std::string(party) + "\t" + std::string(Definition::target(t, from));
        if (!t.guards.empty()) {
          row += "\t";
          for (std::size_t i = 0; i < t.guards.size(); ++i) {
            row += (i ? "," : "") + std::string(t.guards[i]);
          }
        }
        // A later row for the same (from, action, party) is shadowed: find() never reaches
        // it unless the earlier one's guards fail, so both are listed.
        rows.push_back(std::move(row));
      }
    }
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

std::vector<std::string> read_spec_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read workflow spec " + path);
  std::vector<std::string> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\t'))
      line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      if (line.rfind("from\taction\tparty\tto", 0) != 0) {
        throw std::runtime_error(path + ": the header must be from, action, party, to, guards");
      }
      header = false;
      continue;
    }
    rows.push_back(line);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

SpecRow parse_spec_row(std::string_view row) {
  SpecRow out;
  for (auto* field : {&out.from, &out.action, &out.party, &out.to, &out.guards}) {
    const auto tab = row.find('\t');
    *field = std::string(row.substr(0, tab));
    row = tab == std::string_view::npos ? std::string_view{} : row.substr(tab + 1);
  }
  return out;
}

std::string spec_file(std::string_view flow) {
  const char* root = std::getenv("TONGXIN_SOURCE_DIR");
  return std::string(root ? root : ".") + "/tests/spec/workflows/" + std::string(flow) + ".tsv";
}

std::string diff_rows(const std::vector<std::string>& spec, const std::vector<std::string>& table) {
  const auto shown = [](std::string row) {
    for (std::size_t at = row.find('\t'); at != std::string::npos; at = row.find('\t', at)) {
      row.replace(at, 1, " | ");
    }
    return row;
  };
  const auto only_in = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    std::multiset<std::string> rest(b.begin(), b.end());
    for (const auto& row : a) {
      const auto it = rest.find(row);
      if (it == rest.end()) {
        out.push_back(row);
      } else {
        rest.erase(it);
      }
    }
    return out;
  };
  std::string out;
  for (const auto& row : only_in(spec, table))
    out += "- " + shown(row) + "\n";
  for (const auto& row : only_in(table, spec))
    out += "+ " + shown(row) + "\n";
  return out;
}

}  // namespace tongxin::workflow
