// src/core/storage/result.cpp
#include "core/storage/result.hpp"

#include <charconv>

#include "core/storage/db_error.hpp"

namespace tongxin::storage {

namespace {

[[noreturn]] void mismatch(const Result& r, std::size_t col, const char* wanted) {
  const std::string name = col < r.columns().size() ? r.columns()[col] : std::to_string(col);
  throw DbError(DbErrorKind::type_mismatch, "column " + name + " is not " + wanted);
}

}  // namespace

std::size_t Result::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  throw DbError(DbErrorKind::type_mismatch, "no column named " + std::string(name));
}

const Value& Row::value(std::size_t col) const {
  const auto& row = result_->raw_row(index_);
  if (col >= row.size()) {
    throw DbError(DbErrorKind::type_mismatch, "column index out of range");
  }
  return row[col];
}

bool Row::is_null(std::size_t col) const {
  return std::holds_alternative<Null>(value(col));
}
bool Row::is_null(std::string_view name) const {
  return is_null(result_->column_index(name));
}

std::int64_t Row::int64(std::size_t col) const {
  const auto& v = value(col);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    const auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec == std::errc() && p == s->data() + s->size()) return out;
  }
  mismatch(*result_, col, "an integer");
}
std::int64_t Row::int64(std::string_view name) const {
  return int64(result_->column_index(name));
}

double Row::real(std::size_t col) const {
  const auto& v = value(col);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  mismatch(*result_, col, "a number");
}
double Row::real(std::string_view name) const {
  return real(result_->column_index(name));
}

std::string Row::text(std::size_t col) const {
  const auto& v = value(col);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  mismatch(*result_, col, "text");
}
std::string Row::text(std::string_view name) const {
  return text(result_->column_index(name));
}

bool Row::boolean(std::size_t col) const {
  const auto& v = value(col);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i != 0;  // SQLite has no bool
  mismatch(*result_, col, "a boolean");
}
bool Row::boolean(std::string_view name) const {
  return boolean(result_->column_index(name));
}

std::optional<std::int64_t> Row::opt_int64(std::string_view name) const {
  const auto col = result_->column_index(name);
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

std::optional<double> Row::opt_real(std::string_view name) const {
  const auto col = result_->column_index(name);
  if (is_null(col)) return std::nullopt;
  return real(col);
}

std::optional<std::string> Row::opt_text(std::string_view name) const {
  const auto col = result_->column_index(name);
  if (is_null(col)) return std::nullopt;
  return text(col);
}

}  // namespace tongxin::storage
