// src/cases/errors.hpp
//
// The cases module's errors that more than one place raises, each made in one place so
// that a code and its messages cannot drift apart between the routes and the services.
#pragma once

#include "core/error.hpp"

namespace tongxin::cases::errors {

// 404 case.not_found: no such case, or one the caller may not read (the same answer, so
// that ids cannot be probed).
inline Error case_not_found() {
  return Error::not_found("case.not_found", "诉求不存在或无权查看", "case not found");
}
// 404 case.not_found for a citizen's tracking code that is malformed or unknown.
inline Error tracking_code_not_found() {
  return Error::not_found("case.not_found", "查询码不存在", "no case with this tracking code");
}
// 400 on division_code: not a division code at all.
inline Error malformed_division_code() {
  return Error::invalid_field("division_code", "行政区划代码无效", "malformed division code");
}
// 400 on action: the body of POST …/actions names none.
inline Error action_required() {
  return Error::invalid_field("action", "请指定操作", "action is required");
}

}  // namespace tongxin::cases::errors
