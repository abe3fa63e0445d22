// src/core/sms/sms.hpp
//
// Outgoing SMS through a transactional outbox: enqueue() writes the message in the
// caller's unit of work (so a message exists exactly when the change it reports was
// committed), and dispatch() hands pending messages to the gateway afterwards, outside any
// transaction, retrying failures up to 5 times. Drivers (config [sms]):
//   dev  — delivery is a no-op: the outbox row is the message (tests and the demo read it);
//   http — POST {"phone", "text"} as JSON to sms.http_url with a bearer token: the shape of
//          a small relay in front of a Chinese SMS provider's signed API.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/config/config.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/storage/database.hpp"

namespace tongxin::sms {

class Gateway {
 public:
  virtual ~Gateway() = default;
  // Delivers one message or throws std::runtime_error with the reason.
  virtual void deliver(const std::string& phone, const std::string& text) = 0;
};

std::unique_ptr<Gateway> make_gateway(const config::SmsConfig& config);

// The text as sent: "【sign】body".
std::string signed_text(const config::SmsConfig& config, const std::string& body);

// Queues a message to a normalised mobile number. Returns the outbox id.
std::int64_t enqueue(storage::Connection& c, const crypto::FieldCrypto& crypto,
                     const std::string& phone, const std::string& purpose, const std::string& body,
                     std::int64_t now_ms);

// Delivers up to `max` pending messages; returns how many were sent.
int dispatch(storage::Database& db, const crypto::FieldCrypto& crypto, Gateway& gateway,
             const config::SmsConfig& config, int max = 100);

}  // namespace tongxin::sms
