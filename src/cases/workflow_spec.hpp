// src/cases/workflow_spec.hpp
//
// workflows.md §1 transcribed for the tests, independently of workflow.cpp's table: the
// one list of allowed (state, action, party) → target. Included by *_test.cpp only.
#pragma once

#include <array>
#include <optional>

#include "cases/workflow.hpp"

namespace tongxin::cases::spec {

using S = Status;
using A = Action;
using P = Party;

inline constexpr std::array kAllStatuses{S::submitted, S::assigned, S::in_progress, S::replied,
                                         S::converted, S::referred, S::declined,    S::merged,
                                         S::rated,     S::closed};
inline constexpr std::array kAllActions{A::assign,  A::claim, A::reply, A::convert, A::refer,
                                        A::decline, A::merge, A::rate,  A::reopen,  A::close};
inline constexpr std::array kAllParties{P::handler, P::lead, P::staff, P::citizen, P::system};

inline std::optional<Status> expected_target(Status from, Action a, Party p) {
  const bool open = from == S::submitted || from == S::assigned || from == S::in_progress;
  const bool answered = from == S::replied || from == S::converted || from == S::referred;
  const bool manager = p == P::lead || p == P::staff;
  switch (a) {
    case A::assign:  // route, or reassign
      if (open && (manager || p == P::system)) return S::assigned;
      break;
    case A::claim:
      if (from == S::assigned && p == P::handler) return S::in_progress;
      break;
    case A::reply:
      if (from == S::in_progress && p == P::handler) return S::replied;
      break;
    case A::convert:
      if (from == S::in_progress && (p == P::handler || manager)) return S::converted;
      break;
    case A::refer:
      if (from == S::in_progress && (p == P::handler || manager)) return S::referred;
      break;
    case A::decline:  // the member hands it back; lead or staff decline it as out of scope
      if ((from == S::assigned || from == S::in_progress) && p == P::handler) return S::submitted;
      if (open && manager) return S::declined;
      break;
    case A::merge:
      if (open && manager) return S::merged;
      break;
    case A::rate:
      if (answered && p == P::citizen) return S::rated;
      break;
    case A::reopen:  // once after an unsatisfied rating (system), or by staff after closing
      if (from == S::rated && p == P::system) return S::in_progress;
      if (from == S::closed && p == P::staff) return S::in_progress;
      break;
    case A::close:
      if (from == S::rated && p == P::system) return S::closed;
      if ((answered || from == S::declined) && (p == P::staff || p == P::system)) {
        return S::closed;
      }
      break;
  }
  return std::nullopt;
}

}  // namespace tongxin::cases::spec
