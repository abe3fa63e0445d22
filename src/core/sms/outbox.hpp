// src/core/sms/outbox.hpp
//
// Reading the SMS outbox back: the development driver's messages, for the demo and the
// tests (GET /api/v1/dev/sms-outbox), so that no module reads the outbox table itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/crypto/field_crypto.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::sms {

struct OutboxMessage {
  std::int64_t id = 0;
  std::string phone;  // opened; empty when the key cannot open it
  std::string purpose;
  std::string body;  // unsigned; signed_text() gives the text as sent
  std::string status;
  std::int64_t created_at = 0;
};

// The newest `limit` messages, newest first; only those to the number whose lookup hash is
// `phone_hash` unless it is empty.
std::vector<OutboxMessage> recent_messages(storage::Connection& c,
                                           const crypto::FieldCrypto& crypto,
                                           const std::string& phone_hash, int limit = 50);

}  // namespace tongxin::sms
