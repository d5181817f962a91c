// Result<T>: the value-or-error type every layer returns instead of throwing.
//
// An Error carries a closed kind (mapped to an HTTP status in exactly one place,
// src/http/error_mapping), a message that is safe to show to a client, an optional
// field id (the form id or parameter that was wrong), and a detail that may hold
// SQL, paths or other internals and goes to the log only, never into a response.
//
// Exceptions are used only at the edges (third-party libraries, main()); every
// function that can fail for a reason the caller must handle returns Result<T>.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace bd {

enum class ErrorKind {
  kNotFound,      // the thing does not exist, or the caller may not know it exists
  kInvalidInput,  // the caller sent something malformed or not allowed
  kConflict,      // stale version, duplicate, impossible state transition
  kUnauthorized,  // not logged in / bad credentials
  kForbidden,     // logged in but the role does not allow it
  kUnavailable,   // a dependency (database, SMTP server) is down; retry later
  kInternal,      // a bug or an unexpected failure
};

std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;  // safe for the client (no SQL, paths or personal data)
  std::string field;    // the offending field or form id, if any
  std::string detail;   // for the log only

  static Error not_found(std::string message) { return {ErrorKind::kNotFound, std::move(message), {}, {}}; }
  static Error invalid(std::string field, std::string message) {
    return {ErrorKind::kInvalidInput, std::move(message), std::move(field), {}};
  }
  static Error conflict(std::string message) { return {ErrorKind::kConflict, std::move(message), {}, {}}; }
  static Error unauthorized(std::string message) { return {ErrorKind::kUnauthorized, std::move(message), {}, {}}; }
  static Error forbidden(std::string message) { return {ErrorKind::kForbidden, std::move(message), {}, {}}; }
  static Error unavailable(std::string message, std::string detail = {}) {
    return {ErrorKind::kUnavailable, std::move(message), {}, std::move(detail)};
  }
  static Error internal(std::string detail) { return {ErrorKind::kInternal, "internal error", {}, std::move(detail)}; }
};

// Holds either a T or an Error. Accessing the wrong alternative is a programmer
// error (asserts in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}     // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(data_); }
  const T& value() const& { assert(ok()); return std::get<0>(data_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { assert(!ok()); return std::get<1>(data_); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(data_)); }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { assert(!ok_); return error_; }
  Error&& error() && { assert(!ok_); return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace bd

// BD_TRY(expr): evaluates a Result-returning expression and returns its error from
// the enclosing function (which must return some Result) when it failed.
#define BD_TRY(expr)                                  \
  do {                                                \
    auto bd_try_result_ = (expr);                     \
    if (!bd_try_result_.ok()) {                       \
      return std::move(bd_try_result_).error();       \
    }                                                 \
  } while (0)

// BD_ASSIGN_OR_RETURN(lhs, expr): lhs = value of expr, or return its error.
#define BD_CONCAT_INNER_(a, b) a##b
#define BD_CONCAT_(a, b) BD_CONCAT_INNER_(a, b)
#define BD_ASSIGN_OR_RETURN(lhs, expr) BD_ASSIGN_OR_RETURN_IMPL_(BD_CONCAT_(bd_res_, __LINE__), lhs, expr)
#define BD_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) {                                \
    return std::move(tmp).error();                \
  }                                               \
  lhs = std::move(tmp).value()
