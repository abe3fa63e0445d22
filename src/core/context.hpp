// src/core/context.hpp
//
// What every module receives at start-up: the database, the configuration and shared
// reference data. Modules keep references; the app owns the objects and outlives them.
#pragma once

#include <memory>
#include <string>

#include "core/calendar/calendar.hpp"
#include "core/config/config.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/divisions/divisions.hpp"
#include "core/storage/database.hpp"

namespace tongxin {

struct ServiceContext {
  storage::Database& db;
  const config::Config& config;
  std::shared_ptr<const divisions::DivisionIndex> divisions;
  std::string secret_key;  // 32 bytes from config.key_file: HMAC signing, field encryption
  std::shared_ptr<const calendar::WorkCalendar> calendar;  // data_dir/holidays
  std::shared_ptr<const crypto::FieldCrypto> crypto;       // sealed personal data
};

}  // namespace tongxin
