// src/testing/service_context.cpp
#include "testing/service_context.hpp"

#include <cstdlib>

#include "core/calendar/calendar.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/divisions/divisions.hpp"

namespace tongxin::testing {

std::string source_dir() {
  const char* d = std::getenv("TONGXIN_SOURCE_DIR");
  return d ? d : ".";
}

std::shared_ptr<const divisions::DivisionIndex> shared_divisions() {
  static const auto index = divisions::DivisionIndex::load(source_dir() + "/data/divisions.tsv");
  return index;
}

std::shared_ptr<const calendar::WorkCalendar> shared_calendar() {
  static const auto cal = calendar::WorkCalendar::load(source_dir() + "/data/holidays");
  return cal;
}

void apply_migrations(storage::Database& db,
                      std::initializer_list<std::vector<storage::Migration>> lists) {
  std::vector<storage::Migration> all;
  for (const auto& list : lists)
    all.insert(all.end(), list.begin(), list.end());
  storage::apply_migrations(db, all);
}

std::unique_ptr<ServiceContext> make_service_context(storage::Database& db,
                                                     config::Config& config) {
  config.argon2_memory_kib = 8192;
  config.argon2_ops = 1;
  const std::string key(32, 'k');
  return std::make_unique<ServiceContext>(
      ServiceContext{db, config, shared_divisions(), key, shared_calendar(),
                     std::make_shared<const crypto::FieldCrypto>(key)});
}

}  // namespace tongxin::testing
