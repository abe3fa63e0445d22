// src/core/storage/sqlite_database.hpp
//
// The embedded engine. One writer connection (BEGIN IMMEDIATE, serialised by a mutex —
// SQLite allows one writer at a time anyway, and waiting on our mutex is cheaper and
// fairer than spinning on SQLITE_BUSY) and a pool of reader connections that see
// committed data concurrently thanks to WAL.
#pragma once

#include <memory>

#include "core/storage/database.hpp"

namespace tongxin::storage {

// `path` is the file (":memory:" gives one connection shared by readers and the writer).
std::unique_ptr<Database> open_sqlite(const std::string& path, const DatabaseOptions& options);

}  // namespace tongxin::storage
