// SPDX-License-Identifier: GPL-3.0-or-later
//
// Status and Result<T>: the one error convention of hstag's core. Library
// adapters turn ICU's UErrorCode, pugixml's parse results, RE2's ok() and
// Poppler's null documents into a Status with a message a user can act on.
// Exceptions are caught only at plugin and per-document boundaries.
//
// Thread safety: values; no shared state.
#ifndef HSTAG_STATUS_H_
#define HSTAG_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace hstag {

class Status {
 public:
  Status() = default;  // OK
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string m) : failed_(true), message_(std::move(m)) {}
  bool failed_ = false;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}             // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}      // NOLINT: REQUIRES: !status.ok()
  bool ok() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  const std::string& error() const { return status().message(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hstag

#endif  // HSTAG_STATUS_H_
