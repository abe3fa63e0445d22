// src/core/error.hpp
//
// The one error type of the domain and core layers. Code below the HTTP layer throws
// `tongxin::Error`; the HTTP server is the one place that turns it into
// `{"error": {"code", "message", "details"}}` with the status it carries, choosing the
// Chinese or English message from Accept-Language. Anything else that escapes a handler
// is an internal error (500, logged with the request ID, no details leaked).
#pragma once

#include <boost/json/value.hpp>
#include <exception>
#include <string>

namespace tongxin {

class Error : public std::exception {
 public:
  Error(int status, std::string code, std::string message_zh, std::string message_en,
        boost::json::value details = nullptr);

  // 400: the request is malformed or a field is invalid. `details` names the fields.
  static Error bad_request(std::string code, std::string zh, std::string en,
                           boost::json::value details = nullptr);
  // 400 with details {"field": name}: one field failed validation.
  static Error invalid_field(const std::string& field, std::string zh, std::string en);
  static Error unauthorized(std::string code, std::string zh, std::string en);  // 401
  static Error forbidden(std::string code, std::string zh, std::string en);     // 403
  static Error not_found(std::string code, std::string zh, std::string en);     // 404
  static Error conflict(std::string code, std::string zh, std::string en,
                        boost::json::value details = nullptr);                              // 409
  static Error payload_too_large(std::string zh, std::string en);                           // 413
  static Error too_many_requests(int retry_after_seconds, std::string zh, std::string en);  // 429
  static Error unavailable(int retry_after_seconds, std::string zh, std::string en);        // 503

  int status() const noexcept { return status_; }
  const std::string& code() const noexcept { return code_; }
  const std::string& message_zh() const noexcept { return message_zh_; }
  const std::string& message_en() const noexcept { return message_en_; }
  const boost::json::value& details() const noexcept { return details_; }
  // Seconds for a Retry-After header; 0 when none applies.
  int retry_after() const noexcept { return retry_after_; }
  const char* what() const noexcept override { return message_en_.c_str(); }

 private:
  int status_;
  std::string code_;
  std::string message_zh_;
  std::string message_en_;
  boost::json::value details_;
  int retry_after_ = 0;
};

}  // namespace tongxin
