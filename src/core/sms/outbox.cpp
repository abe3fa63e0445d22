// src/core/sms/outbox.cpp
#include "core/sms/outbox.hpp"

namespace tongxin::sms {

std::vector<OutboxMessage> recent_messages(storage::Connection& c,
                                           const crypto::FieldCrypto& crypto,
                                           const std::string& phone_hash, int limit) {
  std::vector<OutboxMessage> out;
  for (const auto& r : c.q("SELECT id, phone_enc, purpose, body, status, created_at FROM"
                           " sms_outbox WHERE ($1 = '' OR phone_hash = $1) ORDER BY id DESC"
                           " LIMIT $2",
                           phone_hash, limit)) {
    out.push_back({r.int64(0), crypto.open(r.text(1)).value_or(""), r.text(2), r.text(3), r.text(4),
                   r.int64(5)});
  }
  return out;
}

}  // namespace tongxin::sms
