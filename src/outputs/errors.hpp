// src/outputs/errors.hpp
//
// The outputs module's errors that more than one place raises, each made in one place so
// that a code and its messages cannot drift apart between the routes and the services.
#pragma once

#include <string>

#include "core/error.hpp"
#include "outputs/workflow.hpp"

namespace tongxin::outputs::errors {

// 404 output.not_found: no such item of this kind, or one the caller may not see.
inline Error output_not_found(Kind kind) {
  return Error::not_found("output.not_found", std::string(kind_label_zh(kind)) + "不存在或无权查看",
                          std::string(kind_name(kind)) + " not found");
}
// 404 conference.not_found: a ?conference_id= outside the caller's scope.
inline Error conference_out_of_scope() {
  return Error::not_found("conference.not_found", "政协不存在或不在您的管理范围内",
                          "conference not in scope");
}
// 400 on action: the body of POST …/actions names none.
inline Error action_required() {
  return Error::invalid_field("action", "请指定操作", "action is required");
}

}  // namespace tongxin::outputs::errors
