// src/core/error.cpp
#include "core/error.hpp"

#include <utility>

namespace tongxin {

Error::Error(int status, std::string code, std::string message_zh, std::string message_en,
             boost::json::value details)
    : status_(status),
      code_(std::move(code)),
      message_zh_(std::move(message_zh)),
      message_en_(std::move(message_en)),
      details_(std::move(details)) {}

Error Error::bad_request(std::string code, std::string zh, std::string en,
                         boost::json::value details) {
  return {400, std::move(code), std::move(zh), std::move(en), std::move(details)};
}

Error Error::invalid_field(const std::string& field, std::string zh, std::string en) {
  return {400, "validation.invalid_field", std::move(zh), std::move(en),
          boost::json::object{{"field", field}}};
}

Error Error::unauthorized(std::string code, std::string zh, std::string en) {
  return {401, std::move(code), std::move(zh), std::move(en)};
}

Error Error::forbidden(std::string code, std::string zh, std::string en) {
  return {403, std::move(code), std::move(zh), std::move(en)};
}

Error Error::not_found(std::string code, std::string zh, std::string en) {
  return {404, std::move(code), std::move(zh), std::move(en)};
}

Error Error::conflict(std::string code, std::string zh, std::string en,
                      boost::json::value details) {
  return {409, std::move(code), std::move(zh), std::move(en), std::move(details)};
}

Error Error::payload_too_large(std::string zh, std::string en) {
  return {413, "request.too_large", std::move(zh), std::move(en)};
}

Error Error::too_many_requests(int retry_after_seconds, std::string zh, std::string en) {
  Error e{429, "request.rate_limited", std::move(zh), std::move(en)};
  e.retry_after_ = retry_after_seconds;
  return e;
}

Error Error::unavailable(int retry_after_seconds, std::string zh, std::string en) {
  Error e{503, "server.busy", std::move(zh), std::move(en)};
  e.retry_after_ = retry_after_seconds;
  return e;
}

}  // namespace tongxin
