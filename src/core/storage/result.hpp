// src/core/storage/result.hpp
//
// A fully materialised query result. Column values are normalised by the engine
// adapters: integers (any width) → int64, floating/numeric → double, booleans → bool
// (SQLite has none: reading bool from an int64 column works), everything else → string.
// Accessors throw storage::DbError on a type mismatch or unknown column name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/storage/value.hpp"

namespace tongxin::storage {

class Result;

class Row {
 public:
  Row(const Result* result, std::size_t index) : result_(result), index_(index) {}

  bool is_null(std::size_t col) const;
  bool is_null(std::string_view name) const;
  std::int64_t int64(std::size_t col) const;
  std::int64_t int64(std::string_view name) const;
  double real(std::size_t col) const;
  double real(std::string_view name) const;
  std::string text(std::size_t col) const;
  std::string text(std::string_view name) const;
  bool boolean(std::size_t col) const;
  bool boolean(std::string_view name) const;
  std::optional<std::int64_t> opt_int64(std::string_view name) const;
  std::optional<double> opt_real(std::string_view name) const;
  std::optional<std::string> opt_text(std::string_view name) const;
  const Value& value(std::size_t col) const;

 private:
  const Result* result_;
  std::size_t index_;
};

class Result {
 public:
  Result() = default;
  Result(std::vector<std::string> columns, std::vector<std::vector<Value>> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}

  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  Row operator[](std::size_t i) const { return Row(this, i); }
  Row front() const { return Row(this, 0); }
  const std::vector<std::string>& columns() const { return columns_; }
  // Index of a column by name; throws DbError when there is none.
  std::size_t column_index(std::string_view name) const;
  const std::vector<Value>& raw_row(std::size_t i) const { return rows_[i]; }

  class Iterator {
   public:
    Iterator(const Result* r, std::size_t i) : r_(r), i_(i) {}
    Row operator*() const { return Row(r_, i_); }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }

   private:
    const Result* r_;
    std::size_t i_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, rows_.size()}; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace tongxin::storage
